// Sections: evidence from the store · verification codes · the Open Badges assertion · issuing ·
// badge file · verification
#include <sodium.h>
#include <algorithm>
#include <cctype>
#include <stdexcept>
#include "crypto.hpp"
#include "frontline/certs.hpp"
#include "frontline/open_badges.hpp"

namespace frontline {

using namespace certs_detail;

// ---- evidence from the store (the rest is evidence.cpp) --------------------------------------------

HeldCertificate heldCertificate(const CertificateRecord& record) {
    return HeldCertificate{record.id, record.policy_id, record.sop_version, record.issued_at, record.expires_at, record.revoked_at};
}

// ---- verification codes ------------------------------------------------------------------------------

namespace {
// No 0/O, 1/I/L: the code is read out over the phone and typed from paper.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
}  // namespace

std::string newVerificationCode() {
    ensureSodium();
    std::string code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4) code += '-';
        code += kCodeAlphabet[randombytes_uniform(static_cast<uint32_t>(kCodeAlphabet.size()))];
    }
    return code;
}

bool looksLikeVerificationCode(const std::string& text) {
    if (text.size() != 9 || text[4] != '-') return false;
    for (size_t i = 0; i < text.size(); ++i)
        if (i != 4 && kCodeAlphabet.find(text[i]) == std::string_view::npos) return false;
    return true;
}

// ---- the Open Badges assertion -----------------------------------------------------------------------

namespace {

constexpr const char* kExtension = "extensions:FrontlineCertificate";

std::string newCertificateId() {
    // A version 4 UUID from 16 random bytes.
    std::string hex = randomHex(16);
    hex[12] = '4';
    hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

// The BadgeClass needs an image; a small embedded SVG rosette keeps the badge self-contained.
std::string badgeImage(int level) {
    std::string svg =
        "<svg xmlns='http://www.w3.org/2000/svg' width='128' height='128' viewBox='0 0 128 128'>"
        "<circle cx='64' cy='64' r='60' fill='#1f4e79'/><circle cx='64' cy='64' r='48' fill='none' stroke='#f2c14e' "
        "stroke-width='4'/><text x='64' y='78' font-family='DejaVu Sans,sans-serif' font-size='40' font-weight='bold' "
        "text-anchor='middle' fill='#ffffff'>L" +
        std::to_string(level) + "</text></svg>";
    return "data:image/svg+xml;base64," + base64(svg);
}

nlohmann::json buildAssertion(const CertificateRecord& r, const Policy& policy, const OrgSettings& settings, const PublicKey& key,
                              const RecipientIdentity& recipient, const std::string& salt) {
    const std::string key_id = keyUrn(key);
    // urn:uuid ids: the Open Badges 2.0 validator accepts http(s), _: and urn:uuid.
    const std::string issuer_id = issuerUuid(key);
    nlohmann::json issuer = {
        {"type", "Profile"},
        {"id", issuer_id},
        {"name", settings.company_name},
        {"publicKey", {{"type", "CryptographicKey"}, {"id", key_id}, {"owner", issuer_id}, {"publicKeyPem", publicKeyPem(key)}}},
    };
    if (!settings.issuer_url.empty()) issuer["url"] = settings.issuer_url;
    if (!settings.issuer_email.empty()) issuer["email"] = settings.issuer_email;
    if (!settings.issuer_image_url.empty()) issuer["image"] = settings.issuer_image_url;
    std::string criteria = policy.criteria.empty() ? criteriaNarrative(policy, settings.quiz_pass_mark) : policy.criteria;
    nlohmann::json badge = {
        {"type", "BadgeClass"},
        {"id", nameUuid(issuer_id + ":badge:" + policy.id + ":v" + std::to_string(policy.version))},
        {"name", policy.title},
        {"description", policy.description},
        {"image", badgeImage(policy.level)},
        {"criteria", {{"narrative", criteria}}},
        {"issuer", issuer},
    };
    nlohmann::json extension = {
        {"@context", nlohmann::json::object()},
        {"type", {"Extension", kExtension}},
        {"certificateId", r.id},
        {"recipientName", r.trainee_name},
        {"policyId", r.policy_id},
        {"policyVersion", policy.version},
        {"sopId", policy.sop},
        {"sopVersion", r.sop_version},
        {"verificationCode", r.verification_code},
        {"scores", r.scores},
        {"supersedes", r.supersedes},
    };
    return {
        {"@context", "https://w3id.org/openbadges/v2"},
        {"type", "Assertion"},
        {"id", "urn:uuid:" + r.id},
        {"recipient",
         {{"type", recipient.type}, {"hashed", true}, {"salt", salt}, {"identity", hashedIdentity(recipient.type, recipient.plain, salt)}}},
        {"badge", badge},
        {"issuedOn", r.issued_at},
        {"expires", r.expires_at},
        {"verification", {{"type", "SignedBadge"}, {"creator", key_id}}},
        {kExtension, extension},
    };
}

}  // namespace

nlohmann::json assertionPayload(const CertificateRecord& record) {
    std::string why;
    auto jws = decodeJws(record.assertion_json, why);
    if (!jws) throw CertError(CertError::Kind::Crypto, "certificate " + record.id + ": " + why);
    auto payload = nlohmann::json::parse(jws->payload, nullptr, false);
    if (!payload.is_object()) throw CertError(CertError::Kind::Crypto, "certificate " + record.id + ": the payload is not JSON");
    return payload;
}

// ---- issuing -------------------------------------------------------------------------------------------

CertificateRecord issueCertificate(Store& store, const SigningKey& key, const Trainee& trainee, const Policy& policy,
                                   const nlohmann::json& scores, const std::string& now, const OrgSettings& settings,
                                   const std::string& sop_version) {
    CertificateRecord r;
    r.id = newCertificateId();
    r.trainee_id = trainee.id;
    r.trainee_name = trainee.name;
    r.policy_id = policy.id;
    r.policy_title = policy.title;
    r.sop_version = sop_version;
    auto issued = parseUtc(now);
    if (!issued) throw std::invalid_argument("issueCertificate: 'now' is not an ISO 8601 UTC time: " + now);
    r.issued_at = formatUtc(*issued);  // normalised: the signed text must parse back
    r.expires_at = certificateExpiry(policy, settings, r.issued_at);
    r.verification_code = newVerificationCode();
    r.scores = scores.is_object() ? scores : nlohmann::json::object();

    // A renewal points at the certificate it replaces; that row stays as history.
    std::vector<HeldCertificate> previous;
    for (const auto& c : store.certificates(trainee.id))
        if (c.policy_id == policy.id) previous.push_back(heldCertificate(c));
    const HeldCertificate* latest = nullptr;
    for (const auto& c : previous)
        if (!latest || c.issued_at > latest->issued_at) latest = &c;
    if (latest) r.supersedes = latest->id;

    r.assertion_json = signJws(buildAssertion(r, policy, settings, key.public_key, recipientIdentityOf(trainee), randomHex(16)), key);
    store.insertCertificate(r);
    return r;
}

CertificateRecord issueCertificate(Store& store, const Trainee& trainee, const Policy& policy, const nlohmann::json& scores,
                                   const std::string& now, const OrgSettings& settings, const std::string& sop_version) {
    SigningKey key = loadOrCreateSigningKey(store.dataDirectory());
    return issueCertificate(store, key, trainee, policy, scores, now, settings, sop_version);
}

// ---- badge file ------------------------------------------------------------------------------------------

namespace {
constexpr const char* kFileType = "FrontlineCertificate";
constexpr int kFileFormat = 1;
}  // namespace

std::string badgeFileName(const CertificateRecord& record) { return record.id + ".badge.json"; }

std::string badgeFileText(const CertificateRecord& record, const SigningKey* issuer_key) {
    nlohmann::json file = {
        {"type", kFileType},
        {"format_version", kFileFormat},
        {"assertion", assertionPayload(record)},
        {"signed_assertion", record.assertion_json},
    };
    if (!record.revoked_at.empty()) {
        // The revocation is signed with the same key, so a verifier with only the file can trust it.
        auto creator = keyFromUrn(file["assertion"]["verification"].value("creator", std::string()));
        if (!issuer_key || !creator || *creator != issuer_key->public_key)
            throw CertError(CertError::Kind::Crypto, "certificate " + record.id +
                                                         " is revoked, and its revocation can only be signed with the key that "
                                                         "issued it, which is not available here");
        nlohmann::json revocation = {{"certificate", record.id}, {"revoked_at", record.revoked_at}, {"reason", record.revoke_reason}};
        file["revocation"] = {
            {"revoked_at", record.revoked_at}, {"reason", record.revoke_reason}, {"signed", signJws(revocation, *issuer_key)}};
    }
    return file.dump(2) + "\n";
}

// ---- verification ------------------------------------------------------------------------------------------

const char* badgeVerdictName(BadgeVerdict v) {
    switch (v) {
        case BadgeVerdict::Valid: return "valid";
        case BadgeVerdict::Expired: return "expired";
        case BadgeVerdict::Revoked: return "revoked";
        case BadgeVerdict::Tampered: return "tampered";
        case BadgeVerdict::NotACertificate: return "not-a-certificate";
        case BadgeVerdict::Untrusted: return "untrusted-issuer";
    }
    return "not-a-certificate";
}

namespace {

bool looksLikeJws(std::string_view text) {
    if (std::count(text.begin(), text.end(), '.') != 2) return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; });
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string str(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool wellFormedHash(const std::string& identity) {
    return identity.size() == 7 + 64 && identity.rfind("sha256$", 0) == 0 &&
           std::all_of(identity.begin() + 7, identity.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// A "name" identity must hash the name shown (every certificate before e-mail recipients); an
// e-mail or url identity cannot be checked against the name, only against --recipient.
void readRecipient(const nlohmann::json& recipient, BadgeVerification& v) {
    v.recipient_type = str(recipient, "type");
    const std::string identity = str(recipient, "identity");
    if (v.recipient_type == "name") {
        if (identity != hashedIdentity("name", v.recipient_name, str(recipient, "salt")))
            v.problems.push_back("signed content: the recipient name does not match the hashed recipient identity");
    } else if (v.recipient_type == "email" || v.recipient_type == "url") {
        if (!wellFormedHash(identity))
            v.problems.push_back("signed content: the hashed recipient identity is not sha256$ and 64 hex digits");
    } else {
        v.problems.push_back("signed content: the recipient identity type '" + v.recipient_type + "' is not name, email or url");
    }
}

// Checks the signed payload is a complete, self-consistent Frontline assertion and reads it out.
void readPayload(const nlohmann::json& payload, const PublicKey& key, BadgeVerification& v) {
    auto problem = [&](const std::string& p) { v.problems.push_back("signed content: " + p); };
    if (str(payload, "type") != "Assertion") problem("not an Open Badges Assertion");
    const auto& verification = payload.value("verification", nlohmann::json::object());
    if (str(verification, "type") != "SignedBadge") problem("verification type is not SignedBadge");
    const auto badge = payload.value("badge", nlohmann::json::object());
    const auto issuer = badge.is_object() ? badge.value("issuer", nlohmann::json::object()) : nlohmann::json::object();
    const auto public_key = issuer.is_object() ? issuer.value("publicKey", nlohmann::json::object()) : nlohmann::json::object();
    if (str(public_key, "id") != keyUrn(key) || str(public_key, "publicKeyPem") != publicKeyPem(key))
        problem("the issuer's public key is not the key that signed it");
    const auto ext = payload.value(kExtension, nlohmann::json::object());
    if (!ext.is_object() || ext.empty()) problem("the Frontline certificate extension is missing");

    v.certificate_id = str(ext, "certificateId");
    v.recipient_name = str(ext, "recipientName");
    v.policy_id = str(ext, "policyId");
    v.policy_title = str(badge, "name");
    v.company = str(issuer, "name");
    v.sop_version = str(ext, "sopVersion");
    v.verification_code = str(ext, "verificationCode");
    v.supersedes = str(ext, "supersedes");
    v.scores = ext.is_object() ? ext.value("scores", nlohmann::json::object()) : nlohmann::json::object();
    v.issued_on = str(payload, "issuedOn");
    v.expires = str(payload, "expires");
    if (str(payload, "id") != "urn:uuid:" + v.certificate_id) problem("the assertion id does not match the certificate id");
    if (!parseUtc(v.issued_on)) problem("issuedOn is not an ISO 8601 UTC date");
    if (!parseUtc(v.expires)) problem("expires is not an ISO 8601 UTC date");
    readRecipient(payload.value("recipient", nlohmann::json::object()), v);
}

}  // namespace

void certs_detail::checkRevocation(const VerifyOptions& options, BadgeVerification& v, const std::string* issued_as) {
    if (options.revocations)
        for (const auto& entry : *options.revocations)
            if (entry.certificate_id == v.certificate_id && v.revoked_at.empty()) {
                v.revoked_at = entry.revoked_at.empty() ? options.now : entry.revoked_at;
                v.revoke_reason = entry.reason;
            }
    if (!options.store || v.certificate_id.empty()) return;
    try {
        if (auto stored = options.store->certificate(v.certificate_id)) {
            v.store_checked = true;
            if (issued_as && stored->assertion_json != *issued_as) v.problems.push_back("differs from the certificate issued with this id");
            if (!stored->revoked_at.empty()) {
                v.revoked_at = stored->revoked_at;
                v.revoke_reason = stored->revoke_reason;
            }
        } else {
            v.notes.push_back("certificate not found in the local store");
        }
    } catch (const StoreError& e) {
        v.notes.push_back(std::string("local store not checked: ") + e.what());
    }
}

namespace {

// Whether a trusted issuer holds the key that signed: the organisation's key, --trust files, the
// trusted_issuers fingerprints, or the local installation's key (certificates issued before the
// organisation key existed).
void judgeTrust(const PublicKey& key, const VerifyOptions& options, BadgeVerification& v) {
    const bool installation_trusted = options.trusted_key && options.trust_installation_key;
    const bool any_trusted = installation_trusted || !options.trusted_keys.empty() || !options.trusted_fingerprints.empty();
    v.key_trust = any_trusted ? KeyTrust::Differs : KeyTrust::NotChecked;
    for (const auto& t : options.trusted_keys)
        if (t.key == key) {
            v.key_trust = KeyTrust::Matches;
            v.trusted_by = t.source;
            return;
        }
    const std::string fingerprint = keyFingerprint(key);
    for (const auto& f : options.trusted_fingerprints)
        if (f == fingerprint) {
            v.key_trust = KeyTrust::Matches;
            v.trusted_by = "the trusted_issuers setting";
            return;
        }
    if (options.trusted_key && *options.trusted_key == key) {
        if (!options.trust_installation_key) {
            v.notes.push_back("signed with this installation's own key, which the trust_installation_key setting does not trust");
            return;
        }
        v.key_trust = KeyTrust::Matches;
        v.trusted_by = "this installation's signing key";
    }
}

}  // namespace

BadgeVerification verifyBadge(const std::string& file_text, const VerifyOptions& options) {
    BadgeVerification v;
    auto notCertificate = [&](const std::string& why) {
        v.verdict = BadgeVerdict::NotACertificate;
        v.problems.push_back(why);
        return v;
    };

    // The file is our wrapper; a bare JWS (the Open Badges "signed" form) is accepted too.
    std::string json_why;
    auto parsed = parseStrictJson(file_text, json_why);
    if (!parsed && json_why != "not valid JSON") {
        v.verdict = BadgeVerdict::Tampered;
        v.problems.push_back("the file is not acceptable JSON: " + json_why);
        return v;
    }
    if (!parsed && file_text.find("<svg") != std::string::npos) return verifyBakedSvg(file_text, options);
    nlohmann::json file = parsed ? *parsed : nlohmann::json(nlohmann::json::value_t::discarded);
    std::string compact;
    bool bare_jws = false;
    if (file.is_discarded()) {
        std::string text = trimmed(file_text);
        if (!looksLikeJws(text)) return notCertificate("not a certificate: the file is neither JSON nor a signed assertion");
        if (looksLikeOpenBadgeJwt(text)) return verifyOpenBadgeJwt(text, options);
        compact = text;
        bare_jws = true;
    } else if (!file.is_object()) {
        return notCertificate("not a certificate: expected a JSON object");
    } else if (!file.contains("signed_assertion")) {
        if (str(file, "type") == "Assertion")
            return notCertificate("not a certificate: an unsigned Open Badges assertion (Frontline certificates are signed)");
        return notCertificate("not a certificate: no signed_assertion field (is this a Frontline .badge.json file?)");
    } else if (!file["signed_assertion"].is_string()) {
        v.verdict = BadgeVerdict::Tampered;
        v.problems.push_back("signed_assertion is not a string");
        return v;
    } else {
        compact = file["signed_assertion"].get<std::string>();
        for (const auto& [name, value] : file.items())
            if (name != "type" && name != "format_version" && name != "assertion" && name != "signed_assertion" && name != "revocation")
                v.problems.push_back("unexpected field '" + name + "' in the file");
        if (str(file, "type") != kFileType) v.problems.push_back("the file type was changed");
        if (file.value("format_version", nlohmann::json()) != nlohmann::json(kFileFormat)) v.problems.push_back("the format version was changed");
    }

    std::string why;
    auto jws = decodeJws(compact, why);
    if (!jws) {
        v.verdict = BadgeVerdict::Tampered;
        v.problems.push_back(why);
        return v;
    }
    auto strict_payload = parseStrictJson(jws->payload, json_why);
    if (!strict_payload && json_why != "not valid JSON") v.problems.push_back("the signed payload: " + json_why);
    auto payload = strict_payload ? *strict_payload : nlohmann::json(nlohmann::json::value_t::discarded);
    std::optional<PublicKey> key;
    if (payload.is_object() && payload.contains("verification") && payload["verification"].is_object())
        key = keyFromUrn(str(payload["verification"], "creator"));
    const bool signature_ok = payload.is_object() && key && verifySignature(*jws, *key);
    if (str(jws->header, "alg") != "EdDSA") v.problems.push_back("the signature algorithm is not EdDSA");
    if (!payload.is_object()) v.problems.push_back("the signed payload is not JSON");
    else if (!key) v.problems.push_back("the signing key named in verification.creator is unreadable");
    else if (!signature_ok) v.problems.push_back("the signature does not match the signed content");
    if (!signature_ok) {
        v.verdict = BadgeVerdict::Tampered;
        return v;
    }

    v.signature_checked = true;
    v.key_fingerprint = keyFingerprint(*key);
    readPayload(payload, *key, v);

    if (!bare_jws) {
        // What a person reads must be exactly what was signed.
        if (!file.contains("assertion")) {
            v.problems.push_back("the readable assertion is missing");
        } else {
            for (const auto& change : nlohmann::json::diff(payload, file["assertion"]))
                v.problems.push_back("readable field " + change.value("path", std::string("/")) + " differs from the signed value");
        }
        if (file.contains("revocation")) {
            const auto& r = file["revocation"];
            std::string rwhy;
            auto rjws = r.is_object() ? decodeJws(str(r, "signed"), rwhy) : std::nullopt;
            std::string dup_why;
            auto rpayload = rjws ? parseStrictJson(rjws->payload, dup_why).value_or(nlohmann::json()) : nlohmann::json();
            if (!rjws || !verifySignature(*rjws, *key) || !rpayload.is_object() || str(rpayload, "certificate") != v.certificate_id ||
                str(rpayload, "revoked_at") != str(r, "revoked_at") || str(rpayload, "reason") != str(r, "reason") ||
                r.size() != 3) {
                v.problems.push_back("the revocation notice is not signed by the issuer or was edited");
            } else {
                v.revoked_at = str(rpayload, "revoked_at");
                v.revoke_reason = str(rpayload, "reason");
            }
        }
    }

    judgeTrust(*key, options, v);
    checkRevocation(options, v, &compact);
    judgeRecipient(nlohmann::json::array({payload.value("recipient", nlohmann::json::object())}), options, v);
    noteHashedAccount(options, v);

    // A revocation only ever takes validity away, so it counts whoever signed; an expiry date from
    // an issuer nobody trusts means nothing, so "untrusted" comes before "expired".
    if (!v.problems.empty()) v.verdict = BadgeVerdict::Tampered;
    else if (!v.revoked_at.empty()) v.verdict = BadgeVerdict::Revoked;
    else if (v.key_trust != KeyTrust::Matches) v.verdict = BadgeVerdict::Untrusted;
    else if (parseUtc(options.now).value_or(0) >= parseUtc(v.expires).value_or(0)) v.verdict = BadgeVerdict::Expired;
    else v.verdict = BadgeVerdict::Valid;
    return v;
}

nlohmann::json toJson(const BadgeVerification& v) {
    const char* trust = v.key_trust == KeyTrust::Matches ? "matches" : v.key_trust == KeyTrust::Differs ? "differs" : "not_checked";
    nlohmann::json j = {
        {"result", badgeVerdictName(v.verdict)},
        {"problems", v.problems},
        {"notes", v.notes},
        {"certificate_id", v.certificate_id},
        {"recipient_name", v.recipient_name},
        {"company", v.company},
        {"policy_id", v.policy_id},
        {"policy_title", v.policy_title},
        {"sop_version", v.sop_version},
        {"issued_on", v.issued_on},
        {"expires", v.expires},
        {"verification_code", v.verification_code},
        {"supersedes", v.supersedes},
        {"scores", v.scores.is_null() ? nlohmann::json::object() : v.scores},
        {"key_fingerprint", v.key_fingerprint},
        {"key_trust", trust},
        {"trusted_by", v.trusted_by},
        {"store_checked", v.store_checked},
        {"signature_checked", v.signature_checked},
    };
    if (!v.recipient_type.empty()) j["recipient_type"] = v.recipient_type;
    if (v.recipient_check != RecipientCheck::NotAsked)
        j["recipient_check"] = {{"recipient", v.recipient_asked}, {"matches", v.recipient_check == RecipientCheck::Matches}};
    if (!v.revoked_at.empty()) j["revocation"] = {{"revoked_at", v.revoked_at}, {"reason", v.revoke_reason}};
    return j;
}

}  // namespace frontline
