// Certificates: the signing key (created once, 0600, reused, never replaced when damaged), issuing
// into the store (renewals keep history), the signed Open Badges assertion and badge file (round
// trip; an edit to ANY field is detected), expiry and revocation, and the PDF (read back with
// pdftotext).
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <sstream>
#include "frontline/certs.hpp"
#include "frontline/i18n.hpp"
#include "../../app/certs/src/crypto.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

// A verifier with nothing at hand: no store, no trusted key, no revocation list.
VerifyOptions offlineAt(const std::string& now) {
    VerifyOptions o;
    o.now = now;
    return o;
}

using frontline::test::TempDir;

std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

Policy testPolicy() {
    Policy p;
    p.id = "inbound-agent-l1";
    p.version = 1;
    p.title = "Inbound agent — level 1";
    p.description = "Handles inbound calls and chats to the SOP.";
    p.sop = "inbound-calls-chats";
    p.level = 1;
    p.exams = {PolicyExam{"inbound-l1-exam", std::nullopt, 0, 0, {}}};
    p.practical.required_tags = {"objection"};
    return p;
}

// A store with one trainee and a key, both in a temp dir.
struct Fixture {
    TempDir dir;
    Store store = Store::open(dir / "frontline.db");
    SigningKey key = loadOrCreateSigningKey(dir.path());
    Trainee trainee = store.createTrainee("Zoë Ångström-Núñez", "Team A");
    OrgSettings settings;

    CertificateRecord issue(const std::string& now = "2026-03-10T12:00:00Z") {
        nlohmann::json scores = {{"exams", {{{"exam", "inbound-l1-exam"}, {"score_percent", 92}}}}};
        return issueCertificate(store, key, trainee, testPolicy(), scores, now, settings, "1.0.0");
    }
    VerifyOptions options(const std::string& now = "2026-04-01T00:00:00Z") const {
        VerifyOptions o;
        o.now = now;
        o.trusted_key = key.public_key;
        o.store = &store;
        return o;
    }
};

// Changes a JSON leaf so that it is certainly different.
nlohmann::json altered(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>() + "x";
    if (v.is_boolean()) return !v.get<bool>();
    if (v.is_number_integer()) return v.get<long long>() + 1;
    if (v.is_number()) return v.get<double>() + 0.5;
    return "x";
}

std::string runCommand(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    return out;
}

}  // namespace

TEST_CASE("the signing key is created once with mode 0600 and reused") {
    TempDir dir;
    auto data_dir = dir / "nested" / "data";  // created on demand
    CHECK_FALSE(loadSigningKey(data_dir).has_value());
    SigningKey first = loadOrCreateSigningKey(data_dir);
    REQUIRE(fs::exists(signingKeyPath(data_dir)));
    struct stat st {};
    REQUIRE(stat(signingKeyPath(data_dir).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string bytes = fileBytes(signingKeyPath(data_dir));

    SigningKey second = loadOrCreateSigningKey(data_dir);
    CHECK(second.public_key == first.public_key);
    CHECK(second.secret_key == first.secret_key);
    CHECK(fileBytes(signingKeyPath(data_dir)) == bytes);  // not rewritten
    CHECK(loadSigningKey(data_dir)->public_key == first.public_key);
    // No temporary files left behind.
    CHECK(std::distance(fs::directory_iterator(data_dir), fs::directory_iterator()) == 1);

    const std::string fp = keyFingerprint(first.public_key);
    CHECK(std::regex_match(fp, std::regex("SHA256:([0-9a-f]{4} ){7}[0-9a-f]{4}")));
    CHECK(bytes.find(fp) != std::string::npos);  // the file names its own fingerprint for humans
}

TEST_CASE("a damaged key file is an error and is never replaced") {
    TempDir dir;
    SigningKey key = loadOrCreateSigningKey(dir.path());
    const auto path = signingKeyPath(dir.path());
    std::string good = fileBytes(path);

    std::string flipped = good;
    auto pos = flipped.find("ed25519-secret-key-v1 ") + 30;
    flipped[pos] = flipped[pos] == 'A' ? 'B' : 'A';
    for (const std::string& bad : {std::string(), std::string("garbage\n"), std::string("ed25519-secret-key-v1 AAAA\n"), flipped,
                                   good + good}) {
        writeFile(path, bad);
        try {
            loadOrCreateSigningKey(dir.path());
            FAIL("a damaged key was accepted: " << bad);
        } catch (const CertError& e) {
            CHECK(e.kind() == CertError::Kind::KeyCorrupt);
            CHECK(std::string(e.what()).find("not replaced") != std::string::npos);
        }
        CHECK(fileBytes(path) == bad);
    }
    writeFile(path, good);
    CHECK(loadOrCreateSigningKey(dir.path()).public_key == key.public_key);
}

TEST_CASE("issuing stores a signed certificate - the badge file verifies") {
    Fixture f;
    auto record = f.issue();
    CHECK(std::regex_match(record.id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    CHECK(looksLikeVerificationCode(record.verification_code));
    CHECK_FALSE(looksLikeVerificationCode("ABCD-EF0O"));  // 0 and O are not in the alphabet
    CHECK(record.issued_at == "2026-03-10T12:00:00Z");
    CHECK(record.expires_at == "2026-09-10T12:00:00Z");
    CHECK(record.supersedes.empty());
    CHECK(record.trainee_name == "Zoë Ångström-Núñez");

    auto stored = f.store.certificate(record.id);
    REQUIRE(stored);
    CHECK(stored->assertion_json == record.assertion_json);
    CHECK(stored->verification_code == record.verification_code);

    // The payload is an Open Badges 2.0 assertion.
    auto payload = assertionPayload(record);
    CHECK(payload["@context"] == "https://w3id.org/openbadges/v2");
    CHECK(payload["type"] == "Assertion");
    CHECK(payload["id"] == "urn:uuid:" + record.id);
    CHECK(payload["recipient"]["hashed"] == true);
    CHECK(payload["recipient"]["identity"].get<std::string>().rfind("sha256$", 0) == 0);
    CHECK(payload["badge"]["type"] == "BadgeClass");
    CHECK(payload["badge"]["issuer"]["name"] == f.settings.company_name);
    CHECK(payload["badge"]["issuer"]["publicKey"]["publicKeyPem"].get<std::string>().rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);
    CHECK(payload["verification"]["type"] == "SignedBadge");
    CHECK(payload["expires"] == record.expires_at);
    CHECK(payload["extensions:FrontlineCertificate"]["verificationCode"] == record.verification_code);
    CHECK(payload["extensions:FrontlineCertificate"]["scores"]["exams"][0]["score_percent"] == 92);

    const std::string text = badgeFileText(record, &f.key);
    auto v = verifyBadge(text, f.options());
    INFO(toJson(v).dump(2));
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.problems.empty());
    CHECK(v.recipient_name == "Zoë Ångström-Núñez");
    CHECK(v.policy_title == "Inbound agent — level 1");
    CHECK(v.company == f.settings.company_name);
    CHECK(v.verification_code == record.verification_code);
    CHECK(v.key_fingerprint == keyFingerprint(f.key.public_key));
    CHECK(v.key_trust == KeyTrust::Matches);
    CHECK(v.store_checked);

    // Offline with no trusted issuer: intact, but nothing says who signed it, so not valid.
    auto offline = verifyBadge(text, offlineAt("2026-04-01T00:00:00Z"));
    CHECK(offline.verdict == BadgeVerdict::Untrusted);
    CHECK(offline.key_trust == KeyTrust::NotChecked);
    // The bare JWS (the Open Badges "signed" form) verifies too.
    CHECK(verifyBadge(record.assertion_json + "\n", f.options()).verdict == BadgeVerdict::Valid);
}

TEST_CASE("editing ANY field of the badge file is detected") {
    Fixture f;
    auto record = f.issue();
    const auto file = nlohmann::json::parse(badgeFileText(record, &f.key));
    const auto leaves = file["assertion"].flatten();
    REQUIRE(leaves.size() > 25);

    for (const auto& [pointer, value] : leaves.items()) {
        CAPTURE(pointer);
        // 1. The readable copy edited: no longer equal to the signed payload.
        auto readable = file;
        readable["assertion"][nlohmann::json::json_pointer(pointer)] = altered(value);
        CHECK(verifyBadge(readable.dump(2), f.options()).verdict == BadgeVerdict::Tampered);

        // 2. The signed payload edited (and the readable copy to match): the signature fails.
        auto payload = file["assertion"];
        payload[nlohmann::json::json_pointer(pointer)] = altered(value);
        std::string jws = file["signed_assertion"];
        auto dot1 = jws.find('.'), dot2 = jws.rfind('.');
        auto forged = file;
        forged["signed_assertion"] = jws.substr(0, dot1 + 1) + certs_detail::base64url(payload.dump()) + jws.substr(dot2);
        forged["assertion"] = payload;
        CHECK(verifyBadge(forged.dump(2), f.options()).verdict == BadgeVerdict::Tampered);
    }

    SUBCASE("the wrapper and the signature") {
        auto extra = file;
        extra["note"] = "trust me";
        CHECK(verifyBadge(extra.dump(), f.options()).verdict == BadgeVerdict::Tampered);
        auto no_copy = file;
        no_copy.erase("assertion");
        CHECK(verifyBadge(no_copy.dump(), f.options()).verdict == BadgeVerdict::Tampered);
        auto retyped = file;
        retyped["type"] = "Other";
        CHECK(verifyBadge(retyped.dump(), f.options()).verdict == BadgeVerdict::Tampered);
        std::string jws = file["signed_assertion"];
        for (size_t pos : {size_t{3}, jws.find('.') + 5, jws.size() - 3}) {
            auto flipped = file;
            std::string s = jws;
            s[pos] = s[pos] == 'A' ? 'B' : 'A';
            flipped["signed_assertion"] = s;
            CHECK(verifyBadge(flipped.dump(), f.options()).verdict == BadgeVerdict::Tampered);
        }
        auto truncated = file;
        truncated["signed_assertion"] = jws.substr(0, jws.rfind('.'));
        CHECK(verifyBadge(truncated.dump(), f.options()).verdict == BadgeVerdict::Tampered);
    }

    SUBCASE("a genuine certificate re-signed with another key") {
        Fixture g;  // another installation, with its own key, issuing a look-alike certificate
        const SigningKey& forger = g.key;
        auto forged = g.issue();
        auto v = verifyBadge(badgeFileText(forged, &forger), f.options());
        CHECK(v.verdict == BadgeVerdict::Untrusted);
        CHECK(v.key_trust == KeyTrust::Differs);
        // Without a trusted key to compare, the fingerprint is what a person checks.
        auto offline = verifyBadge(badgeFileText(forged, &forger), offlineAt("2026-04-01T00:00:00Z"));
        CHECK(offline.verdict == BadgeVerdict::Untrusted);
        CHECK(offline.key_fingerprint == keyFingerprint(forger.public_key));
        CHECK(offline.key_fingerprint != keyFingerprint(f.key.public_key));
    }
}

TEST_CASE("files that are not certificates get a clear verdict") {
    Fixture f;
    for (const std::string& text : {std::string(), std::string("hello"), std::string("[1, 2]"), std::string("{}"),
                                    std::string(R"({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"})"),
                                    std::string("%PDF-1.4 binary")}) {
        auto v = verifyBadge(text, f.options());
        CAPTURE(text);
        CHECK(v.verdict == BadgeVerdict::NotACertificate);
        REQUIRE_FALSE(v.problems.empty());
        CHECK(v.problems[0].rfind("not a certificate", 0) == 0);
    }
    CHECK(std::string(badgeVerdictName(BadgeVerdict::NotACertificate)) == "not-a-certificate");
}

TEST_CASE("expired and revoked certificates") {
    Fixture f;
    auto record = f.issue();
    const std::string text = badgeFileText(record, &f.key);
    CHECK(verifyBadge(text, f.options("2026-09-10T11:59:59Z")).verdict == BadgeVerdict::Valid);
    CHECK(verifyBadge(text, f.options("2026-09-10T12:00:00Z")).verdict == BadgeVerdict::Expired);

    f.store.revokeCertificate(record.id, "Shared exam answers", "2026-04-02T08:00:00Z");
    // The old file, checked against the store that knows about the revocation.
    auto v = verifyBadge(text, f.options());
    CHECK(v.verdict == BadgeVerdict::Revoked);
    CHECK(v.revoke_reason == "Shared exam answers");

    // A file exported after the revocation carries it, signed: revoked even fully offline.
    auto revoked = *f.store.certificate(record.id);
    const std::string revoked_text = badgeFileText(revoked, &f.key);
    auto offline = verifyBadge(revoked_text, offlineAt("2026-04-03T00:00:00Z"));
    CHECK(offline.verdict == BadgeVerdict::Revoked);
    CHECK(offline.revoked_at == "2026-04-02T08:00:00Z");
    // Editing the revocation notice is tampering.
    auto edited = nlohmann::json::parse(revoked_text);
    edited["revocation"]["reason"] = "clerical error";
    CHECK(verifyBadge(edited.dump(), offlineAt("2026-04-03T00:00:00Z")).verdict == BadgeVerdict::Tampered);
    // Only the issuing key can sign a revocation.
    TempDir other;
    SigningKey stranger = loadOrCreateSigningKey(other.path());
    CHECK_THROWS_AS(badgeFileText(revoked, &stranger), CertError);
    CHECK_THROWS_AS(badgeFileText(revoked), CertError);
    CHECK_NOTHROW(badgeFileText(record));  // not revoked: no key needed
}

TEST_CASE("renewal adds a certificate that supersedes the previous one - history is kept") {
    Fixture f;
    auto first = f.issue("2026-03-10T12:00:00Z");
    auto second = f.issue("2026-08-20T09:30:00Z");
    CHECK(second.supersedes == first.id);
    CHECK(second.id != first.id);
    CHECK(second.expires_at == "2027-02-20T09:30:00Z");
    auto all = f.store.certificates(f.trainee.id);
    REQUIRE(all.size() == 2);
    CHECK(f.store.certificate(first.id).has_value());
    auto v = verifyBadge(badgeFileText(second, &f.key), f.options());
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.supersedes == first.id);
    // The first certificate is still valid on its own until it expires.
    CHECK(verifyBadge(badgeFileText(first, &f.key), f.options()).verdict == BadgeVerdict::Valid);
}

TEST_CASE("evidence is gathered from the store with tags from the content") {
    Fixture f;
    ContentLibrary content;
    auto scenario = std::make_shared<Scenario>();
    scenario->id = "price-objection";
    scenario->title = "The price objection";
    scenario->tags = {"objection"};
    scenario->difficulty = 2;
    content.scenarios.push_back(scenario);

    AttemptLog log;
    log.scenario_id = "price-objection";
    log.sop_version = "1.0.0";
    ScoreReport report;
    report.scenario_id = "price-objection";
    report.sop_version = "1.0.0";
    report.passed = true;
    report.stars = 3;
    f.store.recordAttempt(f.trainee.id, "The price objection", log, report, "2026-03-01T09:00:00Z", "2026-03-01T09:06:00Z");
    QuizAttemptRecord q;
    q.trainee_id = f.trainee.id;
    q.exam_id = "inbound-l1-exam";
    q.mode = "exam";
    q.score_percent = 90;
    q.passed = true;
    q.sop_version = "1.0.0";
    q.started_at = "2026-03-02T09:00:00Z";
    q.finished_at = "2026-03-02T09:20:00Z";
    f.store.recordQuizAttempt(q);
    q.mode = "practice";
    f.store.recordQuizAttempt(q);

    auto evidence = gatherEvidence(f.store, f.trainee.id, content, "2026-03-03T00:00:00Z");
    REQUIRE(evidence.attempts.size() == 1);
    CHECK(evidence.attempts[0].tags == std::vector<std::string>{"objection"});
    CHECK(evidence.attempts[0].difficulty == 2);
    CHECK(evidence.attempts[0].stars == 3);
    REQUIRE(evidence.quizzes.size() == 2);
    CHECK(std::count_if(evidence.quizzes.begin(), evidence.quizzes.end(), [](const QuizEvidence& e) { return e.practice; }) == 1);

    auto status = evaluateCertification(testPolicy(), evidence, "1.0.0", f.settings, "2026-03-03T00:00:00Z");
    CHECK(status.ready_to_issue);
    auto record = issueCertificate(f.store, f.key, f.trainee, testPolicy(), status.scores, "2026-03-03T00:00:00Z", f.settings, "1.0.0");
    evidence = gatherEvidence(f.store, f.trainee.id, content, "2026-03-04T00:00:00Z");
    REQUIRE(evidence.certificates.size() == 1);
    CHECK(evaluateCertification(testPolicy(), evidence, "1.0.0", f.settings, "2026-03-04T00:00:00Z").status == CertStatus::Certified);
}

TEST_CASE("the PDF's QR code, read back as a phone reads it, links to the organisation's check page") {
    Fixture f;
    auto record = f.issue();
    // The payload itself: the page with {code} filled, or a code= parameter added.
    f.settings.certificate_verify_url = "https://training.example.com/verify?lang=en";
    CHECK(qrPayload(record, f.settings) == "https://training.example.com/verify?lang=en&code=" + record.verification_code);
    f.settings.certificate_verify_url = "https://example.com/c/{code}/check";
    CHECK(qrPayload(record, f.settings) == "https://example.com/c/" + record.verification_code + "/check");
    f.settings.certificate_verify_url = "";
    CHECK(qrPayload(record, f.settings).find("Verification code: " + record.verification_code) != std::string::npos);

    f.settings.certificate_verify_url = "https://training.example.com/verify";
    const auto pdf = f.dir / "linked.pdf";
    exportCertificatePdf(record, pdf, f.settings);
    // The page as an image (pdftoppm), its QR code decoded by zbarimg (zbar), not by our code.
    runCommand("pdftoppm -r 150 -png -singlefile '" + pdf.string() + "' '" + (f.dir / "page").string() + "' 2>&1");
    REQUIRE(fs::exists(f.dir / "page.png"));
    const std::string scanned = runCommand("zbarimg --quiet --raw '" + (f.dir / "page.png").string() + "' 2>/dev/null");
    CHECK(scanned == "https://training.example.com/verify?code=" + record.verification_code + "\n");
    const std::string text = runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    CHECK(text.find("training.example.com/verify") != std::string::npos);
}

TEST_CASE("the PDF certificate carries the name, code and details as text") {
    Fixture f;
    f.settings.company_name = "Brightwave Télécom";
    auto record = f.issue();
    const auto pdf = f.dir / "certificate.pdf";
    exportCertificatePdf(record, pdf, f.settings);
    REQUIRE(fs::exists(pdf));
    CHECK(fileBytes(pdf).rfind("%PDF-", 0) == 0);
    CHECK_FALSE(fs::exists(f.dir / "certificate.pdf.partial"));

    const std::string text = runCommand("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
    INFO(text);
    CHECK(text.find("Zoë Ångström-Núñez") != std::string::npos);
    CHECK(text.find(record.verification_code) != std::string::npos);
    CHECK(text.find(record.id) != std::string::npos);
    CHECK(text.find("Inbound agent — level 1") != std::string::npos);
    CHECK(text.find("Brightwave Télécom") != std::string::npos);
    CHECK(text.find("10 September 2026") != std::string::npos);
    CHECK(text.find("Revoked") == std::string::npos);
    CHECK(text.find("Scan for the verification code") != std::string::npos);

    f.store.revokeCertificate(record.id, "Left the team", "2026-04-02T08:00:00Z");
    exportCertificatePdf(*f.store.certificate(record.id), pdf, f.settings);
    const std::string revoked = runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    // (The big diagonal REVOKED stamp is not extracted: pdftotext drops diagonal text.)
    CHECK(revoked.find("Revoked on 2 April 2026: Left the team") != std::string::npos);

    CHECK_THROWS_AS(exportCertificatePdf(record, f.dir / "no-such-dir" / "x.pdf", f.settings), CertError);
}

TEST_CASE("the PDF certificate is printed in the language in effect, dates included") {
    Fixture f;
    auto record = f.issue();
    f.store.revokeCertificate(record.id, "Dejó el equipo", "2026-12-02T08:00:00Z");
    const auto pdf = f.dir / "certificado.pdf";
    i18n::init();
    i18n::setLanguage("es");
    exportCertificatePdf(*f.store.certificate(record.id), pdf, f.settings);
    i18n::setLanguage("en");
    const std::string text = runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    INFO(text);
    CHECK(text.find("Certificado de competencia") != std::string::npos);
    CHECK(text.find("Código de verificación") != std::string::npos);
    CHECK(text.find("Revocado el 2 de diciembre de 2026: Dejó el equipo") != std::string::npos);
    CHECK(text.find("de septiembre de 2026") != std::string::npos);  // issued and valid-until dates
    CHECK(text.find("Certificate of Competence") == std::string::npos);
    CHECK(text.find("September") == std::string::npos);

    exportCertificatePdf(*f.store.certificate(record.id), pdf, f.settings);  // back in English
    CHECK(runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null").find("Revoked on 2 December 2026") != std::string::npos);
}

TEST_CASE("the PDF prints a name in any script, extracts without poppler warnings and is a tagged PDF with a link") {
    Fixture f;
    auto record = f.issue();
    // Chinese, Greek and Cyrillic in one name: DejaVu has no CJK glyphs, so fontconfig must find another font.
    record.trainee_name = "王小明 Ελένη Иванова";
    record.policy_title = "Inbound agent — 一级";
    f.settings.certificate_verify_url = "https://training.example.com/verify?code={code}";
    const auto pdf = f.dir / "cjk.pdf";
    exportCertificatePdf(record, pdf, f.settings);

    // Text that was drawn as "missing glyph" boxes would not extract: these characters came from a real font.
    const std::string text = runCommand("pdftotext -layout '" + pdf.string() + "' - 2>" + (f.dir / "warnings.txt").string());
    INFO(text);
    CHECK(text.find("王小明 Ελένη Иванова") != std::string::npos);
    CHECK(text.find("Inbound agent — 一级") != std::string::npos);
    CHECK(fileBytes(f.dir / "warnings.txt").empty());  // poppler said nothing about the font maps
    const std::string fonts = runCommand("pdffonts '" + pdf.string() + "' 2>&1");
    INFO(fonts);
    // Every font embedded, subset and with a ToUnicode map ("emb sub uni": yes yes yes); DejaVu for the
    // Latin, Greek and Cyrillic, and another font (the CJK one fontconfig chose; cairo renames it
    // CairoFont-N when it converts it to CFF) for the Chinese.
    std::istringstream font_lines(fonts);
    std::string font_line;
    int dejavu = 0, others = 0;
    for (int n = 0; std::getline(font_lines, font_line); ++n) {
        if (n < 2 || font_line.empty()) continue;  // the table's header and rule
        CHECK(font_line.find(" yes yes yes ") != std::string::npos);
        (font_line.find("DejaVu") != std::string::npos ? dejavu : others) += 1;
    }
    CHECK(dejavu >= 2);
    CHECK(others >= 1);

    // Reading order: heading, name, policy, then the details, as a screen reader would go.
    const std::string plain = runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    const auto heading = plain.find("Certificate of Competence"), name = plain.find("王小明"), details = plain.find("Verification code");
    CHECK(heading < name);
    CHECK(name < details);
    CHECK(details != std::string::npos);

    const std::string info = runCommand("pdfinfo '" + pdf.string() + "' 2>&1");
    INFO(info);
    CHECK(info.find("Tagged:          yes") != std::string::npos);
    CHECK(info.find("王小明") != std::string::npos);  // the title in the document's metadata
    // The QR code is also a link annotation to the check page (a click in a PDF viewer).
    CHECK(fileBytes(pdf).find("training.example.com/verify?code=" + record.verification_code) != std::string::npos);

    // Bytes that are not UTF-8 in a stored name print as replacement characters; nothing throws.
    record.trainee_name = std::string("Bad \xff\xfe bytes");
    CHECK_NOTHROW(exportCertificatePdf(record, pdf, f.settings));
    CHECK(runCommand("pdftotext '" + pdf.string() + "' - 2>/dev/null").find("Bad") != std::string::npos);
}

// ---- whom a certificate names: e-mail, web address or name; verify --recipient ----

namespace {

// The fixture's trainee with an account set as `frontline trainees set-account` sets it.
CertificateRecord issueWithAccount(Fixture& f, const std::string& account) {
    f.store.setTraineeAccount(f.trainee.id, account);
    f.trainee.account = account;
    return f.issue();
}

BadgeVerification verifyAs(const Fixture& f, const CertificateRecord& r, const std::string& recipient) {
    VerifyOptions o = f.options();
    o.recipient = recipient;
    return verifyBadge(badgeFileText(r, &f.key), o);
}

}  // namespace

TEST_CASE("verify --recipient: an e-mail recipient matches its address in any case, and no other") {
    Fixture f;
    const auto record = issueWithAccount(f, "Zoe.Angstrom@Example.COM");
    CHECK(assertionPayload(record)["recipient"]["type"] == "email");

    auto right = verifyAs(f, record, "zoe.angstrom@example.com");
    INFO(toJson(right).dump(2));
    CHECK(right.verdict == BadgeVerdict::Valid);
    CHECK(right.recipient_check == RecipientCheck::Matches);
    CHECK(toJson(right)["recipient_check"]["matches"] == true);
    CHECK(verifyAs(f, record, "ZOE.ANGSTROM@EXAMPLE.COM").recipient_check == RecipientCheck::Matches);

    for (const std::string wrong : {"mallory@example.com", "Zoë Ångström-Núñez", "zoe.angstrom@example.co"}) {
        auto v = verifyAs(f, record, wrong);
        CHECK(v.verdict == BadgeVerdict::Valid);  // the certificate is fine; it is not theirs
        CHECK(v.recipient_check == RecipientCheck::Differs);
        CHECK(toJson(v)["recipient_check"]["matches"] == false);
    }

    // Without --recipient: valid, with a note that the hashed address was not checked.
    auto absent = verifyBadge(badgeFileText(record, &f.key), f.options());
    CHECK(absent.verdict == BadgeVerdict::Valid);
    CHECK(absent.recipient_check == RecipientCheck::NotAsked);
    CHECK_FALSE(toJson(absent).contains("recipient_check"));
    CHECK(absent.recipient_type == "email");
    bool noted = false;
    for (const auto& n : absent.notes) noted = noted || n.find("hashed e-mail address") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("verify --recipient: a web address recipient, and a name recipient") {
    Fixture url_fixture;
    const auto by_url = issueWithAccount(url_fixture, "https://lms.example.com/people/zoe");
    CHECK(assertionPayload(by_url)["recipient"]["type"] == "url");
    CHECK(verifyAs(url_fixture, by_url, "https://lms.example.com/people/zoe").recipient_check == RecipientCheck::Matches);
    CHECK(verifyAs(url_fixture, by_url, "https://lms.example.com/people/mallory").recipient_check == RecipientCheck::Differs);
    CHECK(verifyBadge(badgeFileText(by_url, &url_fixture.key), url_fixture.options()).verdict == BadgeVerdict::Valid);

    Fixture name_fixture;  // the random UUID account: named by the name, as before
    const auto by_name = name_fixture.issue();
    CHECK(assertionPayload(by_name)["recipient"]["type"] == "name");
    CHECK(verifyAs(name_fixture, by_name, "Zoë Ångström-Núñez").recipient_check == RecipientCheck::Matches);
    CHECK(verifyAs(name_fixture, by_name, "Zoe Angstrom-Nunez").recipient_check == RecipientCheck::Differs);
    CHECK(verifyAs(name_fixture, by_name, name_fixture.trainee.account).recipient_check == RecipientCheck::Differs);

    // A bare login is not an address: the name names them.
    Fixture login_fixture;
    CHECK(assertionPayload(issueWithAccount(login_fixture, "zangstrom"))["recipient"]["type"] == "name");
}

TEST_CASE("a certificate named by the name (as every one issued before e-mail recipients) still verifies VALID") {
    Fixture f;
    const auto record = f.issue();
    const auto recipient = assertionPayload(record)["recipient"];
    // Exactly the form issued before: type name, the salted hash of the name.
    CHECK(recipient.size() == 4);
    CHECK(recipient["type"] == "name");
    CHECK(recipient["identity"] == "sha256$" + certs_detail::sha256Hex(f.trainee.name + recipient["salt"].get<std::string>()));
    auto v = verifyBadge(badgeFileText(record, &f.key), f.options());
    CHECK(v.verdict == BadgeVerdict::Valid);
    CHECK(v.notes.size() == 0);  // nothing to say about whom it names

    // Its name is still checked against the hash: a signed name that differs is refused (the
    // store is left out, so only the recipient can be what is wrong).
    VerifyOptions no_store = f.options();
    no_store.store = nullptr;
    CHECK(verifyBadge(certs_detail::signJws(assertionPayload(record), f.key), no_store).verdict == BadgeVerdict::Valid);
    nlohmann::json payload = assertionPayload(record);
    payload["extensions:FrontlineCertificate"]["recipientName"] = "Mallory Forge";
    auto forged_v = verifyBadge(certs_detail::signJws(payload, f.key), no_store);
    CHECK(forged_v.verdict == BadgeVerdict::Tampered);

    // An identity type Open Badges does not define, or an e-mail identity that is no hash, is refused.
    payload = assertionPayload(record);
    payload["recipient"]["type"] = "nickname";
    CHECK(verifyBadge(certs_detail::signJws(payload, f.key), no_store).verdict == BadgeVerdict::Tampered);
    payload["recipient"]["type"] = "email";
    payload["recipient"]["identity"] = "zoe@example.com";
    CHECK(verifyBadge(certs_detail::signJws(payload, f.key), no_store).verdict == BadgeVerdict::Tampered);
}

TEST_CASE("the trust_installation_key setting: off, a certificate signed by the installation's key is not trusted") {
    Fixture f;
    const auto record = f.issue();
    const std::string text = badgeFileText(record, &f.key);
    CHECK(f.settings.trust_installation_key == 1);  // on by default: a single desk sees no change

    VerifyOptions on = f.options();
    auto trusted = verifyBadge(text, on);
    CHECK(trusted.verdict == BadgeVerdict::Valid);
    CHECK(trusted.trusted_by == "this installation's signing key");

    VerifyOptions off = f.options();
    off.trust_installation_key = false;
    auto untrusted = verifyBadge(text, off);
    INFO(toJson(untrusted).dump(2));
    CHECK(untrusted.verdict == BadgeVerdict::Untrusted);
    CHECK(untrusted.key_trust != KeyTrust::Matches);
    CHECK(untrusted.trusted_by.empty());

    // Another trust source naming the same key still vouches for it.
    off.trusted_fingerprints = {keyFingerprint(f.key.public_key)};
    auto listed = verifyBadge(text, off);
    CHECK(listed.verdict == BadgeVerdict::Valid);
    CHECK(listed.trusted_by == "the trusted_issuers setting");

    // The setting takes 0 or 1 and nothing else.
    CHECK(settingsFromJson({{"trust_installation_key", 0}}).trust_installation_key == 0);
    CHECK_THROWS_AS(settingsFromJson({{"trust_installation_key", 2}}), std::invalid_argument);
}
