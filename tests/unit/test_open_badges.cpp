// Open Badges 3.0: the OpenBadgeCredential's shape (contexts, urn:uuid ids, issuer url/email, hashed
// subject, achievement with criteria and SOP version, results, validity, credentialStatus) and its
// RS256 VC-JWT, checked with the published RSA JWK; one changed payload byte fails. The same file
// is verified by the npm `jose` library in tests/e2e/credentials_jose.sh.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <regex>
#include "frontline/open_badges.hpp"
#include "../../app/certs/src/crypto.hpp"
#include "../../app/certs/src/rsa.hpp"

namespace fs = std::filesystem;
using namespace frontline;
using frontline::test::TempDir;

namespace {

const std::string kObPassphrase = "open badges passphrase";

Policy obPolicy() {
    Policy p;
    p.id = "inbound-agent-l1";
    p.version = 1;
    p.title = "Inbound agent — level 1";
    p.description = "Handles inbound calls and chats to the SOP.";
    p.sop = "inbound-calls-chats";
    p.level = 1;
    return p;
}

}  // namespace

TEST_CASE("an Open Badges 3.0 VC-JWT verifies with the published RSA key and carries what the spec asks") {
    TempDir dir;
    const fs::path issuer_dir = dir / "issuer";
    const PublicKey org = createIssuerKey(issuer_dir, kObPassphrase);
    const SigningKey key = unsealIssuerKey(issuer_dir, kObPassphrase);
    Store store = Store::open(dir / "db" / "frontline.db");
    Trainee trainee = store.createTrainee("Ana Souza", "Team A");
    OrgSettings settings;
    settings.issuer_url = "https://training.example.com/";
    settings.issuer_email = "certificates@example.com";
    nlohmann::json scores = {{"exams", {{{"exam", "inbound-l1-exam"}, {"score_percent", 92}}}},
                             {"scenarios", {{{"tag", "objection"}, {"scenario", "price-objection-learn"}, {"stars", 3}}}}};
    auto record = issueCertificate(store, key, trainee, obPolicy(), scores, "2026-03-10T12:00:00Z", settings, "1.0.0");

    const auto jwk = issuerRsaJwk(issuer_dir);
    REQUIRE(jwk);
    CHECK((*jwk)["kty"] == "RSA");
    CHECK_FALSE(jwk->contains("d"));  // nothing private is published
    const std::string jwt = openBadgeJwt(record, obPolicy(), settings, org, unsealIssuerRsaKey(issuer_dir, kObPassphrase));
    const auto first = jwt.find('.'), second = jwt.rfind('.');
    REQUIRE(first != second);
    const auto header = nlohmann::json::parse(*certs_detail::fromBase64url(jwt.substr(0, first)));
    const auto payload_bytes = *certs_detail::fromBase64url(jwt.substr(first + 1, second - first - 1));
    const auto signature = *certs_detail::fromBase64url(jwt.substr(second + 1));
    CHECK(header["alg"] == "RS256");
    CHECK(header["kid"] == (*jwk)["kid"]);
    CHECK(certs_detail::verifyRs256(jwt.substr(0, second), signature, *jwk));

    std::string edited = payload_bytes;
    edited[edited.size() / 2] ^= 1;
    const std::string forged_input = jwt.substr(0, first + 1) + certs_detail::base64url(edited);
    CHECK_FALSE(certs_detail::verifyRs256(forged_input, signature, *jwk));

    const auto p = nlohmann::json::parse(payload_bytes);
    CHECK(p["@context"][0] == "https://www.w3.org/ns/credentials/v2");
    CHECK(p["@context"][1].get<std::string>().find("/spec/ob/v3p0/") != std::string::npos);
    CHECK(p["type"] == nlohmann::json({"VerifiableCredential", "OpenBadgeCredential"}));
    CHECK(p["id"] == "urn:uuid:" + record.id);
    CHECK(p["jti"] == p["id"]);
    CHECK(p["iss"] == p["issuer"]["id"]);
    CHECK(p["issuer"]["id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
    CHECK(p["issuer"]["url"] == "https://training.example.com/");
    CHECK(p["issuer"]["email"] == "certificates@example.com");
    CHECK(p["validFrom"] == record.issued_at);
    CHECK(p["validUntil"] == record.expires_at);
    CHECK(p["nbf"].get<long long>() < p["exp"].get<long long>());
    CHECK(p["credentialStatus"]["id"] == "https://training.example.com/revocations.json#" + record.id);
    const auto& subject = p["credentialSubject"];
    CHECK(subject["type"] == nlohmann::json({"AchievementSubject"}));
    const auto& identity = subject["identifier"][0];
    CHECK(identity["hashed"] == true);
    CHECK(identity["identityHash"] == "sha256$" + certs_detail::sha256Hex("Ana Souza" + identity["salt"].get<std::string>()));
    CHECK(payload_bytes.find("Ana Souza") == std::string::npos);
    const auto& achievement = subject["achievement"];
    CHECK(achievement["id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
    CHECK(achievement["version"] == "1.0.0");
    CHECK(achievement["criteria"]["narrative"].get<std::string>().find("version 1.0.0") != std::string::npos);
    REQUIRE(subject["result"].size() == 2);
    CHECK(subject["result"][0]["value"] == "92");
    CHECK(subject["result"][0]["resultDescription"] == achievement["resultDescription"][0]["id"]);
    // The same policy exported twice names the same achievement.
    auto again = openBadgeCredential(record, obPolicy(), settings, org, "salt");
    CHECK(again["credentialSubject"]["achievement"]["id"] == achievement["id"]);

    CHECK_THROWS_AS(unsealIssuerRsaKey(issuer_dir, "not the passphrase"), CertError);
}

// ---- the recipient identity, against the Open Badges specifications ----

namespace {

// SHA-256 in hex through OpenSSL, not Frontline's libsodium wrapper: the hash is recomputed
// independently, as the 1EdTech validator or a backpack would.
std::string opensslSha256Hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    REQUIRE(EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) == 1);
    std::string hex;
    static const char* digits = "0123456789abcdef";
    for (unsigned int i = 0; i < size; ++i) hex += {digits[digest[i] >> 4], digits[digest[i] & 15]};
    return hex;
}

struct AccountIssue {
    TempDir dir;
    PublicKey org{};
    std::string rsa_der;
    OrgSettings settings;
    CertificateRecord record;

    explicit AccountIssue(const std::string& account) {
        const fs::path issuer_dir = dir / "issuer";
        org = createIssuerKey(issuer_dir, kObPassphrase);
        rsa_der = unsealIssuerRsaKey(issuer_dir, kObPassphrase);
        Store store = Store::open(dir / "db" / "frontline.db");
        Trainee trainee = store.createTrainee("Ana Souza", "Team A");
        if (!account.empty()) {
            store.setTraineeAccount(trainee.id, account);
            trainee.account = account;
        }
        settings.issuer_url = "https://training.example.com";
        settings.issuer_email = "certificates@example.com";
        record = issueCertificate(store, unsealIssuerKey(issuer_dir, kObPassphrase), trainee, obPolicy(), nlohmann::json::object(),
                                  "2026-03-10T12:00:00Z", settings, "1.0.0");
    }
    nlohmann::json credentialPayload() const {
        const std::string jwt = openBadgeJwt(record, obPolicy(), settings, org, rsa_der);
        const auto first = jwt.find('.'), second = jwt.rfind('.');
        return nlohmann::json::parse(*certs_detail::fromBase64url(jwt.substr(first + 1, second - first - 1)));
    }
};

// OB 2.0 IdentityObject: type is one of the spec's identity types; a hashed identity is
// "sha256$" followed by the hex SHA-256 of the identity string and the salt.
void checkOb2Identity(const nlohmann::json& recipient, const std::string& expected_plain) {
    static const std::vector<std::string> kSpecTypes = {"email", "url", "telephone", "id"};
    CHECK(std::find(kSpecTypes.begin(), kSpecTypes.end(), recipient["type"].get<std::string>()) != kSpecTypes.end());
    CHECK(recipient["hashed"] == true);
    const std::string identity = recipient["identity"];
    CHECK(std::regex_match(identity, std::regex("sha256\\$[0-9a-f]{64}")));
    CHECK(identity == "sha256$" + opensslSha256Hex(expected_plain + recipient["salt"].get<std::string>()));
}

}  // namespace

TEST_CASE("the OB 2.0 recipient is the trainee's e-mail (lower-cased) or web address, hashed as the spec says") {
    AccountIssue by_email("Ana.Souza@Example.COM");
    const auto email = assertionPayload(by_email.record)["recipient"];
    CHECK(email["type"] == "email");
    checkOb2Identity(email, "ana.souza@example.com");
    const std::string signed_text = assertionPayload(by_email.record).dump();
    CHECK(signed_text.find("ana.souza@") == std::string::npos);  // the address is never in clear
    CHECK(signed_text.find("Ana.Souza@") == std::string::npos);

    AccountIssue by_url("https://lms.example.com/u/ana");
    const auto url = assertionPayload(by_url.record)["recipient"];
    CHECK(url["type"] == "url");
    checkOb2Identity(url, "https://lms.example.com/u/ana");

    // Not an address (the random UUID, a bare login, a malformed e-mail): the name, as before.
    for (const std::string account : {"", "asouza", "ana@localhost", "ana souza@example.com", "a@b@example.com", "ftp://x.example.com"}) {
        AccountIssue other(account);
        const auto recipient = assertionPayload(other.record)["recipient"];
        INFO(account);
        CHECK(recipient["type"] == "name");
        CHECK(recipient["identity"] == "sha256$" + opensslSha256Hex("Ana Souza" + recipient["salt"].get<std::string>()));
    }
}

TEST_CASE("the OB 3.0 subject is identified by emailAddress / url / name, and verify --recipient reads it") {
    AccountIssue by_email("Ana.Souza@Example.COM");
    const auto ids = by_email.credentialPayload()["credentialSubject"]["identifier"];
    REQUIRE(ids.size() == 2);
    CHECK(ids[0]["identityType"] == "emailAddress");
    CHECK(ids[0]["identityHash"] == "sha256$" + opensslSha256Hex("ana.souza@example.com" + ids[0]["salt"].get<std::string>()));
    CHECK(ids[1]["identityType"] == "name");  // kept: a baked badge's picture is checked against it
    CHECK(ids[1]["identityHash"] == "sha256$" + opensslSha256Hex("Ana Souza" + ids[1]["salt"].get<std::string>()));

    AccountIssue by_url("https://lms.example.com/u/ana");
    CHECK(by_url.credentialPayload()["credentialSubject"]["identifier"][0]["identityType"] == "url");
    AccountIssue by_name("");
    const auto name_ids = by_name.credentialPayload()["credentialSubject"]["identifier"];
    REQUIRE(name_ids.size() == 1);
    CHECK(name_ids[0]["identityType"] == "name");

    VerifyOptions options;
    options.now = "2026-06-01T00:00:00Z";
    options.trusted_rsa_keys.push_back({*issuerRsaJwk(by_email.dir / "issuer"), "test", by_email.org});
    const std::string jwt = openBadgeJwt(by_email.record, obPolicy(), by_email.settings, by_email.org, by_email.rsa_der);
    for (const auto& [asked, expected] : std::vector<std::pair<std::string, RecipientCheck>>{
             {"ana.souza@example.com", RecipientCheck::Matches},
             {"Ana Souza", RecipientCheck::Matches},
             {"mallory@example.com", RecipientCheck::Differs},
             {"", RecipientCheck::NotAsked}}) {
        options.recipient = asked;
        auto v = verifyBadge(jwt, options);
        INFO(asked, " ", toJson(v).dump(2));
        CHECK(v.verdict == BadgeVerdict::Valid);
        CHECK(v.recipient_check == expected);
        CHECK(v.recipient_type == "emailAddress");
    }

    // A baked badge of an e-mail recipient still checks the picture's name.
    options.recipient.clear();
    const BakedBadgeText shown{obPolicy().title, "Ana Souza", by_email.settings.company_name, by_email.record.issued_at,
                               by_email.record.expires_at};
    CHECK(verifyBadge(bakedBadgeSvg(jwt, shown), options).verdict == BadgeVerdict::Valid);
    BakedBadgeText renamed = shown;
    renamed.trainee_name = "Mallory Forge";
    CHECK(verifyBadge(bakedBadgeSvg(jwt, renamed), options).verdict == BadgeVerdict::Tampered);
}
