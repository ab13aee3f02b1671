// Open Badges 3.0: the OpenBadgeCredential's shape (contexts, urn:uuid ids, issuer url/email, hashed
// subject, achievement with criteria and SOP version, results, validity, credentialStatus) and its
// RS256 VC-JWT, checked with the published RSA JWK; one changed payload byte fails. The same file
// is verified by the npm `jose` library in tests/e2e/credentials_jose.sh.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
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
