// Open Badges 3.0: an OpenBadgeCredential (VC Data Model 2.0 + OB 3.0 contexts) secured as a
// VC-JWT with RS256 (OB 3.0 §8.2: the credential's members are the JWT claims set, with iss, jti,
// nbf and exp alongside). Ids are urn:uuid; the issuer, achievement and result-description ids are
// name-based (derived from the issuer key and the policy) so every export of a policy names the
// same achievement.
#include "crypto.hpp"
#include "frontline/open_badges.hpp"
#include "rsa.hpp"

namespace frontline {

using namespace certs_detail;

namespace {

std::string issuerId(const PublicKey& key) { return issuerUuid(key); }

long long epochOf(const std::string& iso) { return static_cast<long long>(parseUtc(iso).value_or(0)); }

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// Frontline's own terms, defined inline so JSON-LD expansion keeps them (the VC 2.0 context would
// file undefined terms under its "issuer-dependent" vocabulary). New names only: the OB 3.0 and
// VC 2.0 contexts are @protected, so redefining one of their terms is an error.
nlohmann::json frontlineContext(const OrgSettings& settings) {
    const std::string ns = frontlineVocabulary(settings);
    return {{"FrontlineCertificate", ns + "FrontlineCertificate"},
            {"frontlineCertificate", {{"@id", ns + "certificate"}, {"@type", "@id"}}},
            {"verificationCode", ns + "verificationCode"},
            {"policyId", ns + "policyId"},
            {"sopVersion", ns + "sopVersion"},
            {"supersedes", {{"@id", ns + "supersedes"}, {"@type", "@id"}}},
            {"scores", {{"@id", ns + "scores"}, {"@type", "@json"}}}};
}

// What only Frontline records: the code read out over the phone, the policy, the SOP version,
// the certificate it renews and the raw scores.
nlohmann::json frontlineExtension(const CertificateRecord& r) {
    nlohmann::json ext = {{"type", "FrontlineCertificate"},
                          {"verificationCode", r.verification_code},
                          {"policyId", r.policy_id},
                          {"sopVersion", r.sop_version},
                          {"scores", r.scores.is_object() ? r.scores : nlohmann::json::object()}};
    if (!r.supersedes.empty()) ext["supersedes"] = "urn:uuid:" + r.supersedes;
    return ext;
}

// Result descriptions (what was measured) and results (what this trainee scored) from the scores
// the policy evaluation recorded: one per exam, one per required practical situation.
void addResults(const nlohmann::json& scores, const std::string& achievement_id, nlohmann::json& descriptions, nlohmann::json& results) {
    for (const auto& exam : scores.value("exams", nlohmann::json::array())) {
        const std::string id = nameUuid(achievement_id + ":exam:" + exam.value("exam", ""));
        descriptions.push_back({{"id", id},
                                {"type", {"ResultDescription"}},
                                {"name", "Exam '" + exam.value("title", exam.value("exam", "")) + "' (percent)"},
                                {"resultType", "Percent"}});
        results.push_back({{"type", {"Result"}}, {"resultDescription", id}, {"value", std::to_string(exam.value("score_percent", 0))}});
    }
    for (const auto& s : scores.value("scenarios", nlohmann::json::array())) {
        const std::string id = nameUuid(achievement_id + ":practical:" + s.value("tag", ""));
        descriptions.push_back({{"id", id},
                                {"type", {"ResultDescription"}},
                                {"name", "Practical: " + s.value("tag", "") + " situation (stars out of 3)"},
                                {"resultType", "ScaledScore"}});
        results.push_back({{"type", {"Result"}},
                           {"resultDescription", id},
                           {"value", std::to_string(s.value("stars", 0))},
                           {"status", "Completed"}});
    }
}

// The subject's identifiers: the trainee's e-mail or web address when the signed OB 2.0 assertion
// names them by it (the same salted hash, so the account is kept nowhere in clear), then always
// the salted name, which a baked badge's picture is checked against.
nlohmann::json subjectIdentifiers(const CertificateRecord& r, const std::string& salt) {
    nlohmann::json ids = nlohmann::json::array();
    std::string why;
    const auto jws = decodeJws(r.assertion_json, why);
    const auto payload = jws ? nlohmann::json::parse(jws->payload, nullptr, false) : nlohmann::json();
    const auto recipient = payload.is_object() ? payload.value("recipient", nlohmann::json::object()) : nlohmann::json::object();
    const std::string type = recipient.is_object() ? recipient.value("type", std::string()) : std::string();
    if (type == "email" || type == "url")
        ids.push_back({{"type", "IdentityObject"},
                       {"identityHash", recipient.value("identity", std::string())},
                       {"identityType", ob3IdentityType(type)},
                       {"hashed", true},
                       {"salt", recipient.value("salt", std::string())}});
    ids.push_back({{"type", "IdentityObject"},
                   {"identityHash", hashedIdentity("name", r.trainee_name, salt)},
                   {"identityType", "name"},
                   {"hashed", true},
                   {"salt", salt}});
    return ids;
}

}  // namespace

std::string frontlineVocabulary(const OrgSettings& settings) {
    return settings.issuer_url.empty() ? std::string("urn:frontline:vocab:") : trimSlash(settings.issuer_url) + "/frontline-vocab#";
}

std::string revocationListUrl(const OrgSettings& settings) {
    return settings.issuer_url.empty() ? std::string() : trimSlash(settings.issuer_url) + "/revocations.json";
}

nlohmann::json openBadgeCredential(const CertificateRecord& r, const Policy& policy, const OrgSettings& settings, const PublicKey& issuer_key,
                                   const std::string& salt) {
    const std::string achievement_id = nameUuid(issuerId(issuer_key) + ":achievement:" + policy.id + ":v" + std::to_string(policy.version));
    nlohmann::json issuer = {{"id", issuerId(issuer_key)}, {"type", {"Profile"}}, {"name", settings.company_name}};
    if (!settings.issuer_url.empty()) issuer["url"] = settings.issuer_url;
    if (!settings.issuer_email.empty()) issuer["email"] = settings.issuer_email;
    if (!settings.issuer_image_url.empty()) issuer["image"] = {{"id", settings.issuer_image_url}, {"type", "Image"}};

    nlohmann::json descriptions = nlohmann::json::array(), results = nlohmann::json::array();
    addResults(r.scores.is_object() ? r.scores : nlohmann::json::object(), achievement_id, descriptions, results);
    std::string narrative = policy.criteria.empty() ? criteriaNarrative(policy, settings.quiz_pass_mark) : policy.criteria;
    narrative += " Assessed against SOP " + policy.sop + " version " + r.sop_version + ".";
    nlohmann::json achievement = {
        {"id", achievement_id},
        {"type", {"Achievement"}},
        {"achievementType", "Certificate"},
        {"name", policy.title},
        {"description", policy.description},
        {"criteria", {{"narrative", narrative}}},
        {"version", r.sop_version},
        {"otherIdentifier", {{{"type", "IdentifierEntry"}, {"identifier", policy.sop + "@" + r.sop_version}, {"identifierType", "identifier"}}}},
        {"resultDescription", descriptions},
    };
    nlohmann::json credential = {
        {"@context",
         {"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", frontlineContext(settings)}},
        {"id", "urn:uuid:" + r.id},
        {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
        {"issuer", issuer},
        {"name", policy.title},
        {"validFrom", r.issued_at},
        {"validUntil", r.expires_at},
        {"credentialSubject",
         {{"type", {"AchievementSubject"}},
          {"identifier", subjectIdentifiers(r, salt)},
          {"achievement", achievement},
          {"result", results}}},
        {"frontlineCertificate", frontlineExtension(r)},
    };
    if (const std::string list = revocationListUrl(settings); !list.empty())
        credential["credentialStatus"] = {{"id", list + "#" + r.id}, {"type", "1EdTechRevocationList"}};
    return credential;
}

std::string openBadgeJwt(const CertificateRecord& r, const Policy& policy, const OrgSettings& settings, const PublicKey& issuer_key,
                         const std::string& rsa_pkcs8_der) {
    const auto jwk = rsaPublicJwk(rsa_pkcs8_der);
    nlohmann::json claims = openBadgeCredential(r, policy, settings, issuer_key, randomHex(16));
    claims["iss"] = claims["issuer"]["id"];
    claims["jti"] = claims["id"];
    claims["nbf"] = epochOf(r.issued_at);
    claims["exp"] = epochOf(r.expires_at);
    const nlohmann::json header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", jwk["kid"]}};
    const std::string input = base64url(header.dump()) + "." + base64url(claims.dump());
    return input + "." + base64url(signRs256(input, rsa_pkcs8_der));
}

}  // namespace frontline
