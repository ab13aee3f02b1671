// Writes the seed corpus of every harness into OUT_DIR/<harness>/: the bundled content files of
// each kind, the bad-content fixtures, and for `verify` and `store` a genuine badge (and its
// revocation notice) and a database holding a trainee, an attempt, a certificate and settings.
// Generated at fuzz time, so the seeds always follow the content and are never committed.
#include <cstdio>
#define FRONTLINE_FUZZ_NO_INITIALIZE  // an ordinary program, not a harness
#include <map>
#include "frontline/certs.hpp"
#include "frontline/golden.hpp"
#include "frontline/policy.hpp"
#include "frontline/store.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

void copyAll(const fs::path& from, const fs::path& to, const std::string& suffix = ".json") {
    fs::create_directories(to);
    for (const auto& file : contentFilesIn(from, suffix)) fs::copy_file(file, to / file.filename(), fs::copy_options::overwrite_existing);
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// A database as the app leaves it after one trainee played, was certified and was revoked.
void writeCertificateSeeds(const fs::path& out) {
    const auto& content = fuzz::bundledContent();
    fs::path work = out / "work";
    fs::remove_all(work);
    fs::create_directories(work);
    std::vector<Diagnostic> diags;
    auto policies = loadPolicies(fuzz::bundledPaths().root / "policies", diags);
    auto golden = loadGoldenFile(fuzz::bundledPaths().root / "golden" / "model-inbound-call.golden.json", diags);
    if (policies.empty() || !golden || !content.scenario(golden->scenario)) throw std::runtime_error("bundled content did not load");
    {
        Store store = Store::open(work / "frontline.db");
        SigningKey key = loadOrCreateSigningKey(work);
        Trainee trainee = store.createTrainee("Zoë Ångström", "Team A");
        auto played = replayGolden(content.sop, *content.scenario(golden->scenario), content.default_settings, golden->playthroughs.front());
        store.recordAttempt(trainee.id, "Model call", played.log, played.report, "2026-11-01T09:00:00Z", "2026-11-01T09:06:00Z");
        store.saveSettings(content.default_settings);
        store.setPreference("ui_scale", "1.25");
        nlohmann::json scores = {{"exams", {{{"exam", "inbound-l1-exam"}, {"score_percent", 92}}}}};
        auto record = issueCertificate(store, key, trainee, policies.front(), scores, "2026-11-02T10:00:00Z",
                                       content.default_settings, content.sop.version);
        fs::create_directories(out / "verify");
        writeText(out / "verify" / "genuine.badge.json", badgeFileText(record, &key));
        store.revokeCertificate(record.id, "issued in error", "2026-11-03T10:00:00Z");
        writeText(out / "verify" / "revoked.badge.json", badgeFileText(*store.certificate(record.id), &key));
    }
    fs::create_directories(out / "store");
    fs::copy_file(work / "frontline.db", out / "store" / "frontline.db", fs::copy_options::overwrite_existing);
    fs::remove_all(work);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    const fs::path out = argv[1];
    const fs::path root = fuzz::bundledPaths().root;
    const fs::path fixtures = FRONTLINE_FUZZ_FIXTURES_DIR;
    copyAll(root / "scenarios", out / "scenario");
    copyAll(fixtures / "bad", out / "scenario");
    copyAll(fixtures / "scenarios", out / "scenario");
    copyAll(root / "questions", out / "questions");
    copyAll(root / "questions" / "exams", out / "exam");
    copyAll(root / "policies", out / "policy");
    copyAll(fixtures / "policies", out / "policy");
    copyAll(root / "paths", out / "path");
    copyAll(root / "golden", out / "golden");
    copyAll(root / "sop", out / "sop");
    copyAll(root, out / "settings");  // settings.json
    writeCertificateSeeds(out);
    return 0;
}
