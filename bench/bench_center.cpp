// A center built by `frontline demo`'s generator (issue 12), then what a manager and the command
// line pay on it, each against a floor measured in the same run on the same file:
//   center.dashboard       heatmap + weekly trends + activity   (floor: reading the trainee list raw)
//   center.status          evidence + evaluation for everyone   (floor: the same raw trainee list)
//   center.status_raw      the same from every raw attempt, as before the evidence totals
//   center.cli_open        a command's open                     (floor: a bare sqlite3 open + header read)
//   center.record_attempt  one durable attempt                  (floor: the smallest durable commit)
//   center.bytes_per_attempt  file size / attempts              (floor: the 4 KB target)
// Size: FRONTLINE_BENCH_CENTER=TRAINEESxATTEMPTS (the is 500x1000000; default 100x20000).
// With a PostgreSQL URL (an empty database), the same center is built there and its dashboard and
// status are timed too (floor: the store's own trainee list on that server).
//   bench_center [content-dir] [keep-database-at-path] [postgresql://...]
#include <sqlite3.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>
#include "bench_support.hpp"
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/demo_center.hpp"
#include "frontline/policy.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

constexpr int kRuns = 7;

double medianMs(const std::function<void()>& work) { return frontline::bench::medianMs(work, kRuns); }

void report(const char* name, double value, double floor, const char* unit = "ms") {
    std::printf("%s: %.2f %s (floor %.2f %s, ratio %.2f)\n", name, value, unit, floor, unit, floor > 0 ? value / floor : 0.0);
}

std::size_t rawTraineeList(const fs::path& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, name, team FROM trainees ORDER BY id", -1, &stmt, nullptr);
    std::size_t bytes = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1));
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
    return bytes;
}

// `certify status` for everyone: the evidence totals in one read, then every policy for each.
std::size_t statusOfEveryone(const Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                             const OrgSettings& settings) {
    const std::string now = nowUtcIso();
    const EvidenceByTrainee everyone = gatherEvidenceOfAll(store, content, now);
    std::size_t requirements = 0;
    for (const Trainee& t : store.trainees())
        for (const Policy& p : policies)
            requirements += evaluateCertification(p, everyone.of(t.id), content.sop.version, settings, now).requirements.size();
    return requirements;
}

// The same from every raw attempt, trainee by trainee (how status was computed before the totals).
std::size_t rawStatusOfEveryone(const Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                                const OrgSettings& settings) {
    const std::string now = nowUtcIso();
    std::size_t requirements = 0;
    for (const Trainee& t : store.trainees()) {
        const TraineeEvidence evidence = gatherEvidenceFromAttempts(store, t.id, content);
        for (const Policy& p : policies)
            requirements += evaluateCertification(p, evidence, content.sop.version, settings, now).requirements.size();
    }
    return requirements;
}

// The dashboard and status on a center's server, against listing its trainees there.
void serverFigures(const std::string& url, const ContentLibrary& content, const std::vector<Policy>& policies,
                   const DemoOptions& o) {
    Store server = openStore(url);
    const auto start = std::chrono::steady_clock::now();
    if (server.attemptCount() == 0) buildDemoCenter(server, content, policies, o);
    std::printf("center on PostgreSQL: built in %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    volatile std::size_t sink = 0;
    const double floor = medianMs([&] { sink = sink + server.trainees().size(); });
    report("center.pg.dashboard", medianMs([&] {
               sink = sink + server.stepStatsByTrainee().size() + server.weeklyStats().size() + server.traineeActivity().size();
           }),
           floor);
    report("center.pg.status", medianMs([&] { sink = sink + statusOfEveryone(server, content, policies, content.default_settings); }),
           floor);
    report("center.pg.status_raw", medianMs([&] { sink = sink + rawStatusOfEveryone(server, content, policies, content.default_settings); }),
           floor);
}

}  // namespace

int main(int argc, char** argv) {
    int trainees = 100, attempts = 20000;
    if (const char* size = std::getenv("FRONTLINE_BENCH_CENTER")) std::sscanf(size, "%dx%d", &trainees, &attempts);
    const fs::path content_dir = argc > 1 ? fs::path(argv[1]) : ContentPaths::bundled().root;
    const fs::path dir = fs::temp_directory_path() / ("frontline-bench-center-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path path = argc > 2 ? fs::path(argv[2]) : dir / "center.db";

    const ContentLibrary content = loadContent(ContentPaths::at(content_dir));
    std::vector<Diagnostic> diags;
    const std::vector<Policy> policies = loadPolicies(content_dir / "policies", diags);
    DemoOptions o;
    o.trainees = trainees;
    o.attempts = attempts;
    const auto build_start = std::chrono::steady_clock::now();
    {
        Store store = Store::open(path);
        if (store.attemptCount() == 0) buildDemoCenter(store, content, policies, o);
    }
    const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
    std::printf("center: %d trainees, %d attempts, built in %.1f s, file %.1f MB\n", trainees, attempts, build_s,
                static_cast<double>(fs::file_size(path)) / 1e6);

    volatile std::size_t sink = 0;
    StoreOptions cli;
    cli.integrity_check = false;
    Store store = Store::open(path, cli);
    const double list_floor = medianMs([&] { sink = sink + rawTraineeList(path); });
    report("center.dashboard", medianMs([&] {
               sink = sink + store.stepStatsByTrainee().size() + store.weeklyStats().size() + store.traineeActivity().size();
           }),
           list_floor);
    const OrgSettings settings = content.default_settings;
    report("center.status", medianMs([&] { sink = sink + statusOfEveryone(store, content, policies, settings); }), list_floor);
    report("center.status_raw", medianMs([&] { sink = sink + rawStatusOfEveryone(store, content, policies, settings); }),
           list_floor);
    report("center.cli_open", medianMs([&] { Store s = Store::open(path, cli); }), medianMs([&] {
               sqlite3* db = nullptr;
               sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
               sqlite3_exec(db, "PRAGMA user_version", nullptr, nullptr, nullptr);
               sqlite3_close_v2(db);
           }));
    const AttemptRecord sample = *store.attempt(store.attempts(0, 1).at(0).id);
    report("center.record_attempt", medianMs([&] {
               // Dated now, not in the future: a kept center file would otherwise hold attempts
               // "after now", and that trainee's status would fall back to raw attempts on a rerun.
               const std::string now = nowUtcIso();
               store.recordAttempt(sample.trainee_id, sample.scenario_title, sample.log, sample.report, now, now);
           }),
           medianMs([&] { store.setPreference("bench", std::to_string(sink)); }));
    report("center.bytes_per_attempt", static_cast<double>(fs::file_size(path)) / std::max(1, store.attemptCount()), 4096.0,
           "bytes");

    if (argc > 3) serverFigures(argv[3], content, policies, o);

    std::error_code ec;
    if (argc <= 2) fs::remove_all(dir, ec);
    return sink == 0 ? 1 : 0;
}
