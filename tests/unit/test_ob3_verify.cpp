// `frontline verify` on Open Badges 3.0: the VC-JWT (RS256 against the trusted issuers' RSA keys,
// never alg none/HS256/unknown kid, no duplicate JSON keys, every single-byte change refused) and
// the baked SVG (credential in <openbadges:credential>, text escaped, the shown name must match the
// credential's hashed identity). Frontline's extension fields carry their own JSON-LD terms.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include "frontline/open_badges.hpp"
#include "../../app/certs/src/crypto.hpp"
#include "../../app/certs/src/rsa.hpp"

namespace fs = std::filesystem;
using namespace frontline;
using frontline::test::TempDir;

namespace {

const std::string kPassphrase = "ob3 verify passphrase";

Policy verifyPolicy() {
    Policy p;
    p.id = "inbound-agent-l1";
    p.version = 1;
    p.title = "Inbound agent <level 1> & \"more\"";
    p.description = "Handles inbound calls and chats to the SOP.";
    p.sop = "inbound-calls-chats";
    p.level = 1;
    return p;
}

// An organisation key, one certificate issued with it, its VC-JWT, and options trusting the key.
struct Issued {
    TempDir dir;
    PublicKey org{};
    std::string rsa_der;
    CertificateRecord record;
    OrgSettings settings;
    std::string jwt;
    VerifyOptions trusting;

    Issued() {
        const fs::path issuer_dir = dir / "issuer";
        org = createIssuerKey(issuer_dir, kPassphrase);
        Store store = Store::open(dir / "db" / "frontline.db");
        const Trainee trainee = store.createTrainee("Zoë O'Brien <zo>", "Team A");
        settings.issuer_url = "https://training.example.com";
        settings.company_name = "Brightwave & Co";
        const nlohmann::json scores = {{"exams", {{{"exam", "inbound-l1-exam"}, {"score_percent", 92}}}}};
        record = issueCertificate(store, unsealIssuerKey(issuer_dir, kPassphrase), trainee, verifyPolicy(), scores, "2026-03-10T12:00:00Z",
                                  settings, "1.0.0");
        rsa_der = unsealIssuerRsaKey(issuer_dir, kPassphrase);
        jwt = openBadgeJwt(record, verifyPolicy(), settings, org, rsa_der);
        trusting.now = "2026-06-01T00:00:00Z";
        trusting.trusted_rsa_keys.push_back({*issuerRsaJwk(issuer_dir), "test", org});
    }
};

std::string segment(const std::string& jwt, int i) {
    const auto first = jwt.find('.'), second = jwt.rfind('.');
    return i == 0 ? jwt.substr(0, first) : i == 1 ? jwt.substr(first + 1, second - first - 1) : jwt.substr(second + 1);
}

nlohmann::json claimsOf(const std::string& jwt) { return nlohmann::json::parse(*certs_detail::fromBase64url(segment(jwt, 1))); }

// header and payload as given, signed RS256 with `der`.
std::string signedJwt(const std::string& header, const std::string& payload, const std::string& der) {
    const std::string input = certs_detail::base64url(header) + "." + certs_detail::base64url(payload);
    return input + "." + certs_detail::base64url(certs_detail::signRs256(input, der));
}

}  // namespace

TEST_CASE("verify reads an Open Badges 3.0 VC-JWT: valid when trusted, then expired, revoked, untrusted") {
    Issued is;
    auto v = verifyBadge(is.jwt, is.trusting);
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.signature_checked);
    CHECK(v.certificate_id == is.record.id);
    CHECK(v.verification_code == is.record.verification_code);
    CHECK(v.sop_version == "1.0.0");
    CHECK(v.policy_id == "inbound-agent-l1");
    CHECK(v.scores["exams"][0]["score_percent"] == 92);
    CHECK(v.key_fingerprint == rsaKeyFingerprint(is.trusting.trusted_rsa_keys[0].jwk));

    VerifyOptions later = is.trusting;
    later.now = "2099-01-01T00:00:00Z";
    CHECK(verifyBadge(is.jwt, later).verdict == BadgeVerdict::Expired);

    const std::vector<RevokedEntry> list = {{is.record.id, "2026-05-01T00:00:00Z", "shared answers"}};
    VerifyOptions revoked = is.trusting;
    revoked.revocations = &list;
    CHECK(verifyBadge(is.jwt, revoked).verdict == BadgeVerdict::Revoked);

    // Nobody here holds the key: not even the signature can be checked, and it is never valid.
    VerifyOptions nobody;
    nobody.now = is.trusting.now;
    v = verifyBadge(is.jwt, nobody);
    CHECK(v.verdict == BadgeVerdict::Untrusted);
    CHECK_FALSE(v.signature_checked);

    // The fingerprint in the trusted_issuers setting trusts the RSA key only with the key at hand.
    nobody.trusted_fingerprints = {rsaKeyFingerprint(is.trusting.trusted_rsa_keys[0].jwk)};
    CHECK(verifyBadge(is.jwt, nobody).verdict == BadgeVerdict::Untrusted);
}

TEST_CASE("a VC-JWT signed with a fresh RSA key is untrusted, and one claiming the trusted kid is tampered") {
    Issued is;
    const std::string mallory = certs_detail::newRsaPkcs8Der();
    auto claims = claimsOf(is.jwt);
    const auto mallory_jwk = certs_detail::rsaPublicJwk(mallory);
    // Her own key in the header: intact, but from an issuer nobody trusts.
    const nlohmann::json own = {{"alg", "RS256"}, {"kid", mallory_jwk["kid"]}, {"jwk", mallory_jwk}};
    auto v = verifyBadge(signedJwt(own.dump(), claims.dump(), mallory), is.trusting);
    CHECK(v.verdict == BadgeVerdict::Untrusted);
    CHECK(v.signature_checked);
    CHECK(v.key_fingerprint == rsaKeyFingerprint(mallory_jwk));
    // The organisation's kid on her signature: tampered.
    const nlohmann::json borrowed = {{"alg", "RS256"}, {"kid", is.trusting.trusted_rsa_keys[0].jwk["kid"]}};
    CHECK(verifyBadge(signedJwt(borrowed.dump(), claims.dump(), mallory), is.trusting).verdict == BadgeVerdict::Tampered);
    // The organisation's key signing a credential that names another issuer: tampered.
    claims["issuer"]["id"] = claims["iss"] = "urn:uuid:00000000-0000-4000-8000-000000000000";
    CHECK(verifyBadge(signedJwt(borrowed.dump(), claims.dump(), is.rsa_der), is.trusting).verdict == BadgeVerdict::Tampered);
}

TEST_CASE("alg none, HS256 and duplicate JSON keys in a VC-JWT are refused") {
    Issued is;
    const std::string payload = segment(is.jwt, 1);
    const std::string kid = is.trusting.trusted_rsa_keys[0].jwk["kid"];
    const std::string none = certs_detail::base64url(R"({"alg":"none","kid":")" + kid + "\"}") + "." + payload + ".";
    CHECK(verifyBadge(none, is.trusting).verdict == BadgeVerdict::Tampered);
    const std::string hs = certs_detail::base64url(R"({"alg":"HS256","kid":")" + kid + "\"}") + "." + payload + "." + segment(is.jwt, 2);
    CHECK(verifyBadge(hs, is.trusting).verdict == BadgeVerdict::Tampered);

    // A second "alg" before the real one in the header; a second "name" in the payload: both signed
    // by the organisation's own key, and still refused.
    const std::string dup_header = R"({"alg":"none","alg":"RS256","kid":")" + kid + "\"}";
    CHECK(verifyBadge(signedJwt(dup_header, *certs_detail::fromBase64url(payload), is.rsa_der), is.trusting).verdict ==
          BadgeVerdict::Tampered);
    std::string body = *certs_detail::fromBase64url(payload);
    body.insert(1, R"("name":"Forged title",)");
    const auto v = verifyBadge(signedJwt(R"({"alg":"RS256","kid":")" + kid + "\"}", body, is.rsa_der), is.trusting);
    CHECK(v.verdict == BadgeVerdict::Tampered);
    REQUIRE_FALSE(v.problems.empty());
    CHECK(v.problems[0].find("twice") != std::string::npos);
}

TEST_CASE("no single-byte change of a VC-JWT is valid and trusted") {
    Issued is;
    REQUIRE(verifyBadge(is.jwt, is.trusting).verdict == BadgeVerdict::Valid);
    int valid = 0;
    for (size_t i = 0; i < is.jwt.size(); ++i) {
        for (char replacement : {static_cast<char>(is.jwt[i] ^ 1), 'A', '.'}) {
            if (replacement == is.jwt[i]) continue;
            std::string edited = is.jwt;
            edited[i] = replacement;
            if (verifyBadge(edited, is.trusting).verdict == BadgeVerdict::Valid) ++valid;
        }
    }
    CHECK(valid == 0);
}

TEST_CASE("the credential's Frontline fields have their own JSON-LD terms under the organisation's vocabulary") {
    Issued is;
    const auto c = claimsOf(is.jwt);
    const auto& inline_context = c["@context"].back();
    REQUIRE(inline_context.is_object());
    CHECK(c["@context"][2] == "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");  // 1EdTechRevocationList
    const auto& ext = c["frontlineCertificate"];
    CHECK(ext["verificationCode"] == is.record.verification_code);
    CHECK(ext["sopVersion"] == "1.0.0");
    for (const auto& [term, value] : ext.items()) {
        if (term == "type") continue;
        INFO(term);
        REQUIRE(inline_context.contains(term));
        const auto iri = inline_context[term].is_string() ? inline_context[term] : inline_context[term]["@id"];
        CHECK(iri.get<std::string>().rfind("https://training.example.com/frontline-vocab#", 0) == 0);
    }
    CHECK(inline_context["scores"]["@type"] == "@json");
    OrgSettings no_url;
    CHECK(frontlineVocabulary(no_url) == "urn:frontline:vocab:");
}

TEST_CASE("a baked SVG holds the VC-JWT, escapes its text and verifies, and a changed name is tampered") {
    Issued is;
    const BakedBadgeText shown{verifyPolicy().title, is.record.trainee_name, is.settings.company_name, is.record.issued_at,
                               is.record.expires_at};
    const std::string svg = bakedBadgeSvg(is.jwt, shown);
    CHECK(svg.find("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"") != std::string::npos);
    CHECK(svg.find("<openbadges:credential>" + is.jwt + "</openbadges:credential>") != std::string::npos);
    CHECK(svg.find("Zoë O&apos;Brien &lt;zo&gt;") != std::string::npos);
    CHECK(svg.find("&lt;level 1&gt; &amp; &quot;more&quot;") != std::string::npos);
    CHECK(svg.find("<zo>") == std::string::npos);
    std::string why;
    CHECK(bakedCredential(svg, why) == is.jwt);

    auto v = verifyBadge(svg, is.trusting);
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.recipient_name == is.record.trainee_name);

    std::string renamed = svg;
    const std::string shown_name = "Zoë O&apos;Brien &lt;zo&gt;</text>";
    renamed.replace(renamed.find(shown_name), shown_name.size(), "Mallory Forge</text>");
    CHECK(verifyBadge(renamed, is.trusting).verdict == BadgeVerdict::Tampered);

    std::string retitled = svg;
    const std::string shown_title = "&lt;level 1&gt;";
    retitled.replace(retitled.find(shown_title), shown_title.size(), "level 3");  // the <title> element
    CHECK(verifyBadge(retitled, is.trusting).verdict == BadgeVerdict::Tampered);
    retitled = svg;
    retitled.replace(retitled.rfind(shown_title), shown_title.size(), "level 3");  // the visible title line
    CHECK(verifyBadge(retitled, is.trusting).verdict == BadgeVerdict::Tampered);
    std::string redated = svg;
    const std::string until = "valid until " + is.record.expires_at.substr(0, 4);
    redated.replace(redated.find(until), until.size(), "valid until 2099");
    CHECK(verifyBadge(redated, is.trusting).verdict == BadgeVerdict::Tampered);

    std::string two = svg;
    two.insert(two.find("<title>"), "<openbadges:credential>" + is.jwt + "</openbadges:credential>");
    CHECK(verifyBadge(two, is.trusting).verdict == BadgeVerdict::NotACertificate);
}

TEST_CASE("VC-JWTs and SVGs with members of the wrong JSON type are verdicts, never exceptions") {
    Issued is;
    const std::string der = is.rsa_der;
    const std::string kid = is.trusting.trusted_rsa_keys[0].jwk["kid"];
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"alg":"RS256","jwk":{"kty":"RSA","n":5,"e":[1]}})", R"({"id":"urn:uuid:x"})"},
        {R"({"alg":"RS256","jwk":"RSA"})", R"({"id":"urn:uuid:x"})"},
        {R"({"alg":7,"kid":")" + kid + "\"}", R"({})"},
        {R"({"alg":"RS256","kid":")" + kid + "\"}",
         R"({"id":5,"issuer":"urn:uuid:x","credentialSubject":"me","frontlineCertificate":[1],"validFrom":1,"nbf":"x"})"},
        {R"({"alg":"RS256","kid":")" + kid + "\"}", R"({"credentialSubject":{"achievement":3,"identifier":[{"salt":5}]}})"},
    };
    for (const auto& [header, payload] : cases) {
        INFO(header << " " << payload);
        const std::string jwt = signedJwt(header, payload, der);
        BadgeVerification v;
        CHECK_NOTHROW(v = verifyBadge(jwt, is.trusting));
        CHECK(v.verdict != BadgeVerdict::Valid);
        const std::string svg = bakedBadgeSvg(jwt, {"t", "n", "c", "2026-01-01", "2027-01-01"});
        CHECK_NOTHROW(v = verifyBadge(svg, is.trusting));
        CHECK(v.verdict != BadgeVerdict::Valid);
    }
}
