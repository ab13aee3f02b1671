// The organisation as issuer: the sealed issuer key (0600, refused when others can read it, wrong
// passphrase refused), duplicate JSON keys refused, and forgeries that must never verify as
// valid-and-trusted: a fresh key, a swapped embedded key, every single-byte edit of an exported
// file, a revoked certificate with the published list at hand, an expired one.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sodium.h>
#include <algorithm>
#include <fstream>
#include "frontline/certs.hpp"
#include "../../app/certs/src/crypto.hpp"

namespace fs = std::filesystem;
using namespace frontline;
using frontline::test::TempDir;

namespace {

// A verifier with nothing at hand: no store, no trusted key, no revocation list.
VerifyOptions offlineAt(const std::string& now) {
    VerifyOptions o;
    o.now = now;
    return o;
}

const std::string kPassphrase = "correct horse battery staple";

Policy issuerTestPolicy() {
    Policy p;
    p.id = "inbound-agent-l1";
    p.version = 1;
    p.title = "Inbound agent — level 1";
    p.description = "Handles inbound calls and chats to the SOP.";
    p.sop = "inbound-calls-chats";
    p.level = 1;
    p.validity_months = 6;
    return p;
}

// An organisation: its issuer key in a directory of its own, a trainee database elsewhere.
struct Org {
    TempDir dir;
    fs::path issuer_dir = dir / "issuer";
    Store store = Store::open(dir / "db" / "frontline.db");
    PublicKey public_key = createIssuerKey(issuer_dir, kPassphrase);
    SigningKey key = unsealIssuerKey(issuer_dir, kPassphrase);
    Trainee trainee = store.createTrainee("Ana Souza", "Team A");
    OrgSettings settings = [] {
        OrgSettings s;
        s.issuer_url = "https://training.example.com";
        s.issuer_email = "certificates@example.com";
        return s;
    }();

    CertificateRecord issue(const SigningKey& with, const std::string& now = "2026-03-10T12:00:00Z") {
        return issueCertificate(store, with, trainee, issuerTestPolicy(), nlohmann::json::object(), now, settings, "1.0.0");
    }
    // A verifier elsewhere: the organisation's published key and nothing else.
    VerifyOptions verifier(const std::string& now = "2026-04-01T00:00:00Z") const {
        VerifyOptions o;
        o.now = now;
        o.trusted_keys.push_back({public_key, "issuer.json"});
        return o;
    }
};

mode_t modeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("duplicate JSON keys are refused, at any depth") {
    std::string why;
    CHECK(parseStrictJson(R"({"a": 1, "b": {"c": 2}, "d": [{"c": 3}, {"c": 4}]})", why));
    CHECK_FALSE(parseStrictJson(R"({"a": 1, "a": 1})", why));
    CHECK(why.find("\"a\"") != std::string::npos);
    CHECK_FALSE(parseStrictJson(R"({"x": {"recipientName": "Mallory", "recipientName": "Ana"}})", why));
    CHECK_FALSE(parseStrictJson(R"([{"k": 1, "k": 2}])", why));
    CHECK_FALSE(parseStrictJson("{not json", why));
    CHECK(why == "not valid JSON");
}

TEST_CASE("the issuer key is sealed, private to its owner and refused when others can read it") {
    TempDir dir;
    const fs::path issuer_dir = dir / "issuer";
    CHECK_THROWS_AS(createIssuerKey(issuer_dir, "short"), std::invalid_argument);
    const PublicKey pub = createIssuerKey(issuer_dir, kPassphrase);
    const fs::path file = issuerKeyPath(issuer_dir);
    CHECK(modeOf(file) == 0600);
    CHECK(issuerPublicKey(issuer_dir) == pub);
    CHECK(unsealIssuerKey(issuer_dir, kPassphrase).public_key == pub);
    // The secret key is not in the file in clear: no 64-byte base64url run decodes to it.
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const SigningKey key = unsealIssuerKey(issuer_dir, kPassphrase);
    const std::string secret(reinterpret_cast<const char*>(key.secret_key.data()), 32);
    CHECK(text.find(certs_detail::base64url(secret).substr(0, 20)) == std::string::npos);
    CHECK(text.find(certs_detail::base64(secret).substr(0, 20)) == std::string::npos);

    SUBCASE("a wrong passphrase is refused") {
        CHECK_THROWS_AS(unsealIssuerKey(issuer_dir, "correct horse battery stapler"), CertError);
    }
    SUBCASE("a second init keeps the first key") {
        CHECK_THROWS_AS(createIssuerKey(issuer_dir, kPassphrase), CertError);
        CHECK(issuerPublicKey(issuer_dir) == pub);
    }
    SUBCASE("group- or world-readable key files are refused") {
        for (mode_t mode : {mode_t{0640}, mode_t{0604}, mode_t{0660}}) {
            CAPTURE(mode);
            fs::permissions(file, static_cast<fs::perms>(mode));
            CHECK_THROWS_AS(issuerPublicKey(issuer_dir), CertError);
            CHECK_THROWS_AS(unsealIssuerKey(issuer_dir, kPassphrase), CertError);
        }
        fs::permissions(file, static_cast<fs::perms>(0600));
        CHECK(issuerPublicKey(issuer_dir) == pub);
    }
    SUBCASE("a public key swapped in the file is caught when unsealing") {
        auto j = nlohmann::json::parse(text);
        TempDir other;
        j["public_key"] = nlohmann::json::parse(
            [&] {
                createIssuerKey(other / "i", kPassphrase);
                std::ifstream o(issuerKeyPath(other / "i"));
                return std::string((std::istreambuf_iterator<char>(o)), std::istreambuf_iterator<char>());
            }())["public_key"];
        fs::remove(file);
        std::ofstream(file) << j.dump();
        fs::permissions(file, static_cast<fs::perms>(0600));
        CHECK_THROWS_AS(unsealIssuerKey(issuer_dir, kPassphrase), CertError);
    }
    SUBCASE("never in a directory that holds a trainee database") {
        TempDir desk;
        Store::open(desk / "frontline.db");
        CHECK_THROWS_AS(createIssuerKey(desk.path(), kPassphrase), CertError);
        CHECK_FALSE(fs::exists(issuerKeyPath(desk.path())));
    }
}

TEST_CASE("the published issuer profile carries the key, and a hand-edited one is refused") {
    Org org;
    const auto profile = issuerProfile(org.settings, org.public_key);
    CHECK(profile["url"] == "https://training.example.com");
    CHECK(profile["email"] == "certificates@example.com");
    CHECK(profile["fingerprint"] == keyFingerprint(org.public_key));
    std::string why;
    CHECK(keyFromIssuerFile(profile.dump(), why) == org.public_key);
    CHECK(keyFromIssuerFile(publicKeyJwk(org.public_key).dump(), why) == org.public_key);
    auto edited = profile;
    edited["publicKeyJwk"] = publicKeyJwk(Org().public_key);
    CHECK_FALSE(keyFromIssuerFile(edited.dump(), why));
    CHECK(why.find("fingerprint") != std::string::npos);
    CHECK_FALSE(keyFromIssuerFile(R"({"kty": "OKP", "crv": "Ed25519", "x": "AAAA", "x": "BBBB"})", why));

    // Fingerprints typed into the trusted_issuers setting are read however they are spaced.
    const std::string fp = keyFingerprint(org.public_key);
    std::string compact = fp;
    compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
    CHECK(fingerprintList(compact + ", junk,") == std::vector<std::string>{fp});
}

TEST_CASE("a certificate from the organisation's key verifies as trusted, with the issuer's url and email") {
    Org org;
    auto record = org.issue(org.key);
    const auto payload = assertionPayload(record);
    CHECK(payload["badge"]["issuer"]["url"] == "https://training.example.com");
    CHECK(payload["badge"]["issuer"]["email"] == "certificates@example.com");
    // Open Badges 2.0 id forms the 1EdTech validator accepts (http(s), _: or urn:uuid).
    for (const auto* id : {&payload["id"], &payload["badge"]["id"], &payload["badge"]["issuer"]["id"]})
        CHECK(id->get<std::string>().rfind("urn:uuid:", 0) == 0);
    auto v = verifyBadge(badgeFileText(record), org.verifier());
    INFO(toJson(v).dump(2));
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.trusted_by == "issuer.json");
    // Trusted through the trusted_issuers setting instead of a file.
    VerifyOptions by_setting;
    by_setting.now = "2026-04-01T00:00:00Z";
    by_setting.trusted_fingerprints = fingerprintList(keyFingerprint(org.public_key));
    CHECK(verifyBadge(badgeFileText(record), by_setting).verdict == BadgeVerdict::Valid);
    // Nobody trusted: intact but untrusted, never valid.
    CHECK(verifyBadge(badgeFileText(record), offlineAt("2026-04-01T00:00:00Z")).verdict ==
          BadgeVerdict::Untrusted);
}

TEST_CASE("forgeries are never valid-and-trusted") {
    Org org;
    auto genuine = org.issue(org.key);
    const std::string file_text = badgeFileText(genuine);

    SUBCASE("signed with a fresh key of the forger's own, same issuer name") {
        TempDir forger_dir;
        SigningKey forger = loadOrCreateSigningKey(forger_dir.path());
        auto forged = org.issue(forger);
        auto v = verifyBadge(badgeFileText(forged), org.verifier());
        CHECK(v.verdict == BadgeVerdict::Untrusted);
        CHECK(v.key_fingerprint == keyFingerprint(forger.public_key));
    }
    SUBCASE("the embedded issuer key swapped for the organisation's") {
        TempDir forger_dir;
        SigningKey forger = loadOrCreateSigningKey(forger_dir.path());
        auto payload = assertionPayload(org.issue(forger));
        auto& issuer_key = payload["badge"]["issuer"]["publicKey"];
        issuer_key["id"] = certs_detail::keyUrn(org.public_key);
        issuer_key["publicKeyPem"] = certs_detail::publicKeyPem(org.public_key);
        // (a) signed by the forger but claiming the organisation's key as creator
        auto claimed = payload;
        claimed["verification"]["creator"] = certs_detail::keyUrn(org.public_key);
        CHECK(verifyBadge(certs_detail::signJws(claimed, forger), org.verifier()).verdict == BadgeVerdict::Tampered);
        // (b) signed by the forger, naming the forger as creator but the organisation as the issuer's key
        CHECK(verifyBadge(certs_detail::signJws(payload, forger), org.verifier()).verdict == BadgeVerdict::Tampered);
    }
    SUBCASE("a duplicate key in the readable copy, or even inside a payload the issuer signed") {
        std::string dup = file_text;
        const std::string name_key = "\"recipientName\": \"Ana Souza\"";
        REQUIRE(dup.find(name_key) != std::string::npos);
        dup.replace(dup.find(name_key), 0, "\"recipientName\": \"Mallory Forge\",\n");
        CHECK(verifyBadge(dup, org.verifier()).verdict == BadgeVerdict::Tampered);

        std::string payload = assertionPayload(genuine).dump();
        payload.replace(payload.find("\"recipientName\""), 0, "\"recipientName\":\"Mallory Forge\",");
        const std::string input = certs_detail::base64url(R"({"alg":"EdDSA"})") + "." + certs_detail::base64url(payload);
        unsigned char sig[64];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(input.data()), input.size(), org.key.secret_key.data());
        const std::string jws = input + "." + certs_detail::base64url(std::string(reinterpret_cast<char*>(sig), 64));
        CHECK(verifyBadge(jws, org.verifier()).verdict == BadgeVerdict::Tampered);
    }
    SUBCASE("every single-byte edit of the exported file") {
        REQUIRE(verifyBadge(file_text, org.verifier()).verdict == BadgeVerdict::Valid);
        size_t valid = 0;
        for (size_t i = 0; i < file_text.size(); ++i) {
            for (unsigned char delta : {0x01, 0x20}) {
                std::string edited = file_text;
                edited[i] = static_cast<char>(static_cast<unsigned char>(edited[i]) ^ delta);
                if (verifyBadge(edited, org.verifier()).verdict == BadgeVerdict::Valid) {
                    ++valid;
                    MESSAGE("still valid after editing byte " << i << " ('" << file_text[i] << "' -> '" << edited[i] << "')");
                }
            }
        }
        CHECK(valid == 0);
    }
    SUBCASE("revoked, with the published revocation list at hand") {
        org.store.revokeCertificate(genuine.id, "Shared exam answers", "2026-04-02T08:00:00Z");
        const auto list = revocationListJson(org.store.certificates(), org.public_key, "2026-04-02T09:00:00Z");
        std::string why;
        auto entries = parseRevocationList(list.dump(), why);
        REQUIRE(entries);
        auto options = org.verifier("2026-04-03T00:00:00Z");
        options.revocations = &*entries;
        // The file exported before the revocation does not know it; the list does.
        auto v = verifyBadge(file_text, options);
        CHECK(v.verdict == BadgeVerdict::Revoked);
        CHECK(v.revoke_reason == "Shared exam answers");
        CHECK_FALSE(parseRevocationList(R"({"type": "FrontlineRevocationList", "revoked": [], "revoked": []})", why));
    }
    SUBCASE("expired") {
        CHECK(verifyBadge(file_text, org.verifier("2026-09-10T12:00:00Z")).verdict == BadgeVerdict::Expired);
    }
}
