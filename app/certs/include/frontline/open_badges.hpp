#pragma once
// Open Badges 3.0: the organisation key's RSA half (RS256, the algorithm every OB 3.0 verifier must
// accept) and the OpenBadgeCredential secured as a VC-JWT (OB 3.0 §8.2).
#include <filesystem>
#include <optional>
#include <string>
#include <nlohmann/json.hpp>
#include "frontline/certs.hpp"

namespace frontline {

// The issuer key file's RSA public key (JWK, kid = RFC 7638 thumbprint), without the passphrase;
// nullopt when there is no key file or it has no RSA half.
std::optional<nlohmann::json> issuerRsaJwk(const std::filesystem::path& issuer_dir);
// The RSA private key (PKCS#8 DER), unsealed; CertError like unsealIssuerKey.
std::string unsealIssuerRsaKey(const std::filesystem::path& issuer_dir, const std::string& passphrase);
// {"keys": [Ed25519 JWK, RSA JWK]}: what a JOSE library verifies the VC-JWT with.
nlohmann::json issuerJwks(const PublicKey& key, const std::optional<nlohmann::json>& rsa_jwk);

// An OpenBadgeCredential (VC Data Model 2.0 + OB 3.0 contexts): urn:uuid ids, the issuer profile
// with url and email, an AchievementSubject identified by a salted hash of the name, the
// achievement with its criteria and SOP version, results per exam and practical situation,
// validFrom/validUntil, a credentialStatus pointing at the published revocation list, and
// Frontline's own fields in "frontlineCertificate" (terms defined by an inline context).
nlohmann::json openBadgeCredential(const CertificateRecord& record, const Policy& policy, const OrgSettings& settings,
                                   const PublicKey& issuer_key, const std::string& salt);
std::string revocationListUrl(const OrgSettings& settings);
// The namespace of Frontline's JSON-LD terms (verificationCode, policyId, sopVersion, supersedes,
// scores): issuer_url + "/frontline-vocab#", or "urn:frontline:vocab:" without an issuer_url.
std::string frontlineVocabulary(const OrgSettings& settings);  // issuer_url + "/revocations.json"; empty without issuer_url
// The credential as a compact VC-JWT signed RS256 with `rsa_pkcs8_der`.
std::string openBadgeJwt(const CertificateRecord& record, const Policy& policy, const OrgSettings& settings, const PublicKey& issuer_key,
                         const std::string& rsa_pkcs8_der);

// Verifies a VC-JWT: RS256 only (alg none, HS256 and the rest are tampered), canonical base64url,
// no duplicate JSON keys, the key found by kid among options.trusted_rsa_keys, the JWT claims
// restating the credential; then revocation, trust and expiry as for a badge file. An unknown kid
// is Untrusted with signature_checked false (a key in the header is used only to say "intact").
BadgeVerification verifyOpenBadgeJwt(const std::string& compact, const VerifyOptions& options);
bool looksLikeOpenBadgeJwt(const std::string& compact);  // a compact JWS whose alg is not EdDSA
// "SHA256:xxxx …": the first 16 bytes of the RSA JWK's thumbprint (its kid), like keyFingerprint.
std::string rsaKeyFingerprint(const nlohmann::json& jwk);
// RSA public keys in an issuer file: issuer.json's rsaPublicJwk, a JWK set (jwks.json) or a bare
// JWK; each with its kid recomputed. Empty when there is none.
std::vector<nlohmann::json> rsaKeysFromIssuerFile(const std::string& text);

// ---- baked badge (Open Badges 3.0 §5.3, SVG) ----
struct BakedBadgeText {
    std::string title, trainee_name, company, issued, expires;  // what the picture shows
};
// A badge picture with the VC-JWT baked in an <openbadges:credential> element; all text escaped.
std::string bakedBadgeSvg(const std::string& jwt, const BakedBadgeText& shown);
// The baked VC-JWT; nullopt with `why` when the SVG holds none, or more than one.
std::optional<std::string> bakedCredential(const std::string& svg, std::string& why);
// verifyOpenBadgeJwt on the baked credential, and the name shown must be the one its hash names.
BadgeVerification verifyBakedSvg(const std::string& svg, const VerifyOptions& options);

}  // namespace frontline
