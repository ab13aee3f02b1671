#pragma once
// Small libsodium wrappers shared by the certificate sources (not part of the public API).
#include <optional>
#include <string>
#include <string_view>
#include <nlohmann/json.hpp>
#include "frontline/certs.hpp"

namespace frontline::certs_detail {

void ensureSodium();  // sodium_init once; throws CertError(Crypto) if the library cannot start
std::string base64url(std::string_view bytes);
std::optional<std::string> fromBase64url(std::string_view text);
std::string base64(std::string_view bytes);
std::optional<std::string> fromBase64(std::string_view text);
std::string sha256Hex(std::string_view bytes);
std::string randomHex(size_t bytes);
// "urn:uuid:…": a name-based UUID (version 8, RFC 9562) from SHA-256 over `name`, so the same
// issuer or achievement gets the same id in every export.
std::string nameUuid(const std::string& name);
// The issuer's id in Open Badges 2.0 and 3.0 exports, from its key.
std::string issuerUuid(const PublicKey& key);

// JWS compact serialization with alg EdDSA: base64url(header).base64url(payload).base64url(signature).
std::string signJws(const nlohmann::json& payload, const SigningKey& key);

struct DecodedJws {
    nlohmann::json header;
    std::string payload;  // the exact signed bytes
    std::string signing_input;  // "header.payload" as transmitted
    std::string signature;
};
// Splits and decodes; nullopt with `why` set when the text is not a well-formed JWS.
std::optional<DecodedJws> decodeJws(std::string_view compact, std::string& why);
bool verifySignature(const DecodedJws& jws, const PublicKey& key);

// The key as an Open Badges CryptographicKey id and as PEM (SubjectPublicKeyInfo), and back.
std::string keyUrn(const PublicKey& key);
std::optional<PublicKey> keyFromUrn(std::string_view urn);
std::string publicKeyPem(const PublicKey& key);

// What a published revocation list at hand, then the local store, say of certificate
// v.certificate_id: sets v.revoked_at / revoke_reason, v.store_checked and notes. With
// `issued_as`, the store's copy must also be exactly that signed text (a badge file's JWS).
void checkRevocation(const VerifyOptions& options, BadgeVerification& v, const std::string* issued_as = nullptr);

// With options.recipient: whether one of `identities` ({type, identity, salt}, OB 2.0 or 3.0 type
// names) is that recipient's salted hash; sets v.recipient_check and v.recipient_asked.
void judgeRecipient(const nlohmann::json& identities, const VerifyOptions& options, BadgeVerification& v);
// Without --recipient, a note that an e-mail or url identity was not checked against anyone.
void noteHashedAccount(const VerifyOptions& options, BadgeVerification& v);

}  // namespace frontline::certs_detail
