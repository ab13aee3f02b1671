// Verifying an Open Badges 3.0 VC-JWT (what `certify export --format ob3` writes): RS256 only,
// against the RSA keys of trusted issuers found by the header's kid. Gives the verdicts of a badge
// file. Nothing in the token is trusted before its signature checks out, and no key it carries
// makes it trusted: a key in the header only lets us say "intact, from an issuer nobody trusts".
#include <algorithm>
#include <cctype>
#include "crypto.hpp"
#include "frontline/open_badges.hpp"
#include "rsa.hpp"

namespace frontline {

using namespace certs_detail;

namespace {

std::string str(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// The three segments, each canonical base64url (a re-encoding must give the same text, so a
// changed padding bit cannot slip through), header and payload strict JSON (no duplicate keys).
struct Jwt {
    nlohmann::json header, payload;
    std::string signing_input, signature;
};

std::optional<Jwt> decodeJwt(const std::string& compact, std::vector<std::string>& problems) {
    const auto first = compact.find('.'), second = compact.find('.', first + 1);
    if (first == std::string::npos || second == std::string::npos || compact.find('.', second + 1) != std::string::npos) {
        problems.push_back("not a compact JWT (expected header.payload.signature)");
        return std::nullopt;
    }
    const std::string parts[3] = {compact.substr(0, first), compact.substr(first + 1, second - first - 1), compact.substr(second + 1)};
    std::string decoded[3];
    for (int i = 0; i < 3; ++i) {
        auto bytes = fromBase64url(parts[i]);
        if (!bytes || base64url(*bytes) != parts[i]) {
            problems.push_back("the token's " + std::string(i == 0 ? "header" : i == 1 ? "payload" : "signature") + " is not base64url");
            return std::nullopt;
        }
        decoded[i] = *bytes;
    }
    Jwt jwt;
    std::string why;
    auto header = parseStrictJson(decoded[0], why);
    if (!header || !header->is_object()) {
        problems.push_back("the token's header: " + (header ? std::string("not a JSON object") : why));
        return std::nullopt;
    }
    auto payload = parseStrictJson(decoded[1], why);
    if (!payload || !payload->is_object()) {
        problems.push_back("the token's payload: " + (payload ? std::string("not a JSON object") : why));
        return std::nullopt;
    }
    jwt.header = *header;
    jwt.payload = *payload;
    jwt.signing_input = compact.substr(0, second);
    jwt.signature = decoded[2];
    return jwt;
}

bool hasType(const nlohmann::json& node, const char* type) {
    const auto t = node.is_object() && node.contains("type") ? node["type"] : nlohmann::json();
    return t == type || (t.is_array() && std::find(t.begin(), t.end(), type) != t.end());
}

long long epochOf(const std::string& iso) { return static_cast<long long>(parseUtc(iso).value_or(-1)); }

// Reads what the credential says into `v` and lists what does not hold together: the JWT claims
// must restate the credential (OB 3.0 §8.2.4), and the issuer must be the one whose key signed.
void readCredential(const nlohmann::json& p, const std::optional<PublicKey>& issuer_key, BadgeVerification& v) {
    auto problem = [&](const std::string& what) { v.problems.push_back("signed content: " + what); };
    if (!hasType(p, "VerifiableCredential") || !hasType(p, "OpenBadgeCredential")) problem("not an OpenBadgeCredential");
    const std::string id = str(p, "id");
    if (id.rfind("urn:uuid:", 0) != 0) problem("the credential id is not a urn:uuid");
    v.certificate_id = id.rfind("urn:uuid:", 0) == 0 ? id.substr(9) : id;
    const auto issuer = p.value("issuer", nlohmann::json::object());
    v.company = str(issuer, "name");
    v.issued_on = str(p, "validFrom");
    v.expires = str(p, "validUntil");
    const auto subject = p.value("credentialSubject", nlohmann::json::object());
    const auto achievement = subject.is_object() ? subject.value("achievement", nlohmann::json::object()) : nlohmann::json::object();
    v.policy_title = str(achievement, "name");
    const auto ext = p.value("frontlineCertificate", nlohmann::json::object());
    v.verification_code = str(ext, "verificationCode");
    v.policy_id = str(ext, "policyId");
    v.sop_version = str(ext, "sopVersion");
    v.supersedes = str(ext, "supersedes").rfind("urn:uuid:", 0) == 0 ? str(ext, "supersedes").substr(9) : str(ext, "supersedes");
    v.scores = ext.is_object() ? ext.value("scores", nlohmann::json::object()) : nlohmann::json::object();
    v.recipient_name = "(named by a salted hash in the credential; not shown)";
    if (!parseUtc(v.issued_on)) problem("validFrom is not an ISO 8601 UTC date");
    if (!parseUtc(v.expires)) problem("validUntil is not an ISO 8601 UTC date");
    if (str(p, "jti") != id) problem("jti differs from the credential id");
    if (str(p, "iss") != str(issuer, "id")) problem("iss differs from the issuer id");
    if (p.value("nbf", nlohmann::json()) != nlohmann::json(epochOf(v.issued_on))) problem("nbf differs from validFrom");
    if (p.value("exp", nlohmann::json()) != nlohmann::json(epochOf(v.expires))) problem("exp differs from validUntil");
    if (issuer_key && str(issuer, "id") != issuerUuid(*issuer_key)) problem("the issuer named is not the one whose key signed it");
}

// The subject's identifiers as {type, identity, salt}; the first one's type is the recipient's.
void readIdentifiers(const nlohmann::json& p, const VerifyOptions& options, BadgeVerification& v) {
    nlohmann::json identities = nlohmann::json::array();
    try {
        for (const auto& id : p.at("credentialSubject").at("identifier"))
            identities.push_back({{"type", str(id, "identityType")}, {"identity", str(id, "identityHash")}, {"salt", str(id, "salt")}});
    } catch (const nlohmann::json::exception&) {
        v.problems.push_back("signed content: the credential subject has no identifier list");
        return;
    }
    if (!identities.empty()) v.recipient_type = identities[0].value("type", std::string());
    judgeRecipient(identities, options, v);
    noteHashedAccount(options, v);
}

// The trusted RSA key with the token's kid, if any.
const TrustedRsaKey* trustedKeyFor(const std::string& kid, const VerifyOptions& options) {
    for (const auto& t : options.trusted_rsa_keys)
        if (!kid.empty() && str(t.jwk, "kid") == kid) return &t;
    return nullptr;
}

}  // namespace

std::string rsaKeyFingerprint(const nlohmann::json& jwk) {
    // The RFC 7638 thumbprint (the kid) in keyFingerprint's form, so trusted_issuers can list it.
    auto digest = fromBase64url(str(jwk, "kid"));
    if (!digest || digest->size() < 16) return "SHA256:(unknown)";
    std::string out = "SHA256:";
    static const char* hex = "0123456789abcdef";
    for (size_t i = 0; i < 16; ++i) {
        if (i > 0 && i % 2 == 0) out += ' ';
        const auto byte = static_cast<unsigned char>((*digest)[i]);
        out += hex[byte >> 4];
        out += hex[byte & 15];
    }
    return out;
}

bool looksLikeOpenBadgeJwt(const std::string& compact) {
    // A compact token whose header names an algorithm other than the OB 2.0 assertion's EdDSA.
    const auto dot = compact.find('.');
    if (dot == std::string::npos) return false;
    auto header = fromBase64url(std::string_view(compact).substr(0, dot));
    auto parsed = header ? nlohmann::json::parse(*header, nullptr, false) : nlohmann::json();
    return parsed.is_object() && str(parsed, "alg") != "EdDSA";
}

BadgeVerification verifyOpenBadgeJwt(const std::string& compact, const VerifyOptions& options) {
    BadgeVerification v;
    v.verdict = BadgeVerdict::Tampered;
    auto jwt = decodeJwt(compact, v.problems);
    if (!jwt) return v;
    // Only RS256: "none", HS256 (a public key used as an HMAC secret) and anything else are refused.
    if (str(jwt->header, "alg") != "RS256") {
        v.problems.push_back("the token's algorithm is '" + str(jwt->header, "alg") + "'; only RS256 is accepted");
        return v;
    }
    const std::string kid = str(jwt->header, "kid");
    const TrustedRsaKey* trusted = trustedKeyFor(kid, options);
    // A key in the header counts only as an RSA public key with text members (anything else: none).
    const nlohmann::json header_jwk = jwt->header.value("jwk", nlohmann::json());
    const nlohmann::json embedded = str(header_jwk, "kty") == "RSA" && !str(header_jwk, "n").empty() && !str(header_jwk, "e").empty()
                                        ? rsaThumbprintJwk(header_jwk)
                                        : nlohmann::json();
    const nlohmann::json& key = trusted ? trusted->jwk : embedded;
    if (!key.is_object()) {
        // Nobody here holds the key with this kid: the signature cannot be checked at all.
        v.verdict = BadgeVerdict::Untrusted;
        v.key_fingerprint = rsaKeyFingerprint({{"kid", kid}});
        v.key_trust = options.trusted_rsa_keys.empty() ? KeyTrust::NotChecked : KeyTrust::Differs;
        v.notes.push_back("the signature was not checked: no trusted issuer holds the key with kid '" + kid + "'");
        readCredential(jwt->payload, std::nullopt, v);
        v.problems.clear();
        return v;
    }
    if (!verifyRs256(jwt->signing_input, jwt->signature, key)) {
        v.problems.push_back("the signature does not match the signed content");
        return v;
    }
    v.signature_checked = true;
    v.key_fingerprint = rsaKeyFingerprint(key);
    readCredential(jwt->payload, trusted ? trusted->issuer_key : std::nullopt, v);
    readIdentifiers(jwt->payload, options, v);
    const auto fingerprints = options.trusted_fingerprints;
    if (trusted) {
        v.key_trust = KeyTrust::Matches;
        v.trusted_by = trusted->source;
    } else if (std::find(fingerprints.begin(), fingerprints.end(), v.key_fingerprint) != fingerprints.end()) {
        v.key_trust = KeyTrust::Matches;
        v.trusted_by = "the trusted_issuers setting";
    } else {
        v.key_trust = options.trusted_rsa_keys.empty() && fingerprints.empty() ? KeyTrust::NotChecked : KeyTrust::Differs;
    }
    checkRevocation(options, v);  // a VC-JWT carries no revocation of its own: it is never re-signed
    // The same order as a badge file: a revocation counts whoever signed, untrusted before expired.
    if (!v.problems.empty()) v.verdict = BadgeVerdict::Tampered;
    else if (!v.revoked_at.empty()) v.verdict = BadgeVerdict::Revoked;
    else if (v.key_trust != KeyTrust::Matches) v.verdict = BadgeVerdict::Untrusted;
    else if (parseUtc(options.now).value_or(0) >= parseUtc(v.expires).value_or(0)) v.verdict = BadgeVerdict::Expired;
    else v.verdict = BadgeVerdict::Valid;
    return v;
}

std::vector<nlohmann::json> rsaKeysFromIssuerFile(const std::string& text) {
    std::string why;
    auto j = parseStrictJson(text, why);
    std::vector<nlohmann::json> keys;
    if (!j || !j->is_object()) return keys;
    auto take = [&](const nlohmann::json& k) {
        if (k.is_object() && str(k, "kty") == "RSA" && !str(k, "n").empty() && !str(k, "e").empty()) keys.push_back(rsaThumbprintJwk(k));
    };
    take(*j);
    if (j->contains("rsaPublicJwk")) take((*j)["rsaPublicJwk"]);
    if (j->contains("keys") && (*j)["keys"].is_array())
        for (const auto& k : (*j)["keys"]) take(k);
    return keys;
}

}  // namespace frontline
