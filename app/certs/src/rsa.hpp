#pragma once
// RS256 for the Open Badges 3.0 VC-JWT (OpenSSL; not part of the public API).
#include <string>
#include <nlohmann/json.hpp>

namespace frontline::certs_detail {

std::string newRsaPkcs8Der();                                 // a fresh 2048-bit key, PKCS#8 DER
nlohmann::json rsaPublicJwk(const std::string& pkcs8_der);    // {"kty":"RSA","n","e","alg":"RS256","kid":thumbprint}
std::string signRs256(const std::string& signing_input, const std::string& pkcs8_der);  // raw signature bytes
nlohmann::json rsaThumbprintJwk(const nlohmann::json& jwk);  // the public members with kid = RFC 7638 thumbprint
bool verifyRs256(const std::string& signing_input, const std::string& signature, const nlohmann::json& jwk);

}  // namespace frontline::certs_detail
