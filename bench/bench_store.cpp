// Store benchmark: a database of 10,000 realistic attempts, then what the app does at start-up
// (open + the 50 newest attempts + the team's step statistics) and when it opens one attempt, each
// against a floor measured in the same run with the raw sqlite3 API on the same file.
// Prints lines like `store.open_and_list: 3.2 ms (floor 2.9 ms, ratio 1.10)`; median of runs.
//   bench_store [attempts=10000] [keep-database-at-path]
#include <sqlite3.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>
#include "bench_support.hpp"
#include "frontline/store.hpp"

namespace fs = std::filesystem;
using frontline::Store;
using frontline::StoreOptions;

namespace {

constexpr int kRuns = 9;

double medianMs(const std::function<void()>& work) { return frontline::bench::medianMs(work, kRuns); }

void report(const char* name, double ms, double floor_ms) {
    std::printf("%s: %.2f ms (floor %.2f ms, ratio %.2f)\n", name, ms, floor_ms, floor_ms > 0 ? ms / floor_ms : 0.0);
}

// The floor: the same SQL the store issues, with every column read, and no C++ objects built.
struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const fs::path& p) {
        sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_exec(db, "PRAGMA user_version", nullptr, nullptr, nullptr);  // read the header like open() does
    }
    ~RawDb() { sqlite3_close_v2(db); }
    std::size_t drain(const char* sql, std::int64_t param = 0) const {
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        if (param) sqlite3_bind_int64(stmt, 1, param);
        std::size_t bytes = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_TEXT) {
                    sqlite3_column_text(stmt, c);
                    bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
                } else {
                    bytes += static_cast<std::size_t>(sqlite3_column_int64(stmt, c) & 1);
                }
            }
        sqlite3_finalize(stmt);
        return bytes;
    }
    std::size_t fetchAndParseJson(const char* sql, std::int64_t param) const {
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        sqlite3_bind_int64(stmt, 1, param);
        std::size_t values = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                values += nlohmann::json::parse(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c))).size();
        sqlite3_finalize(stmt);
        return values;
    }
};

constexpr const char* kListSql =
    "SELECT a.id, a.trainee_id, t.name, a.scenario_id, a.scenario_version, a.scenario_title, a.sop_id,"
    " a.sop_version, a.channel, a.started_at, a.finished_at, a.outcome, a.passed, a.critical_failure,"
    " a.adherence, a.points, a.stars, a.handle_seconds, a.fcr, a.csat, a.answer_seconds, a.seed,"
    " a.breaches, a.target_answer_seconds FROM attempts a JOIN trainees t ON t.id = a.trainee_id ORDER BY a.finished_at DESC, a.id DESC LIMIT 50";
constexpr const char* kStatsSql =
    "SELECT step, sum(attempts), sum(missed), sum(out_of_order), CAST(sum(score_sum) AS REAL) / sum(attempts)"
    " FROM step_totals WHERE attempts > 0 GROUP BY step ORDER BY min(position), step";
// What the statistics cost before schema 2 kept running totals: aggregating every step row.
constexpr const char* kStatsFromRowsSql =
    "SELECT s.step, count(*), sum(s.covered = 0), sum(s.covered = 1 AND s.in_order = 0), avg(s.score)"
    " FROM step_scores s WHERE s.required = 1 GROUP BY s.step ORDER BY min(s.position), s.step";
// Home for one trainee: every attempt as progression reads it, plus the newest few in full.
constexpr const char* kSummariesSql =
    "SELECT scenario_id, finished_at, passed, critical_failure, stars, points, adherence, outcome,"
    " answer_seconds, target_answer_seconds, channel, breaches FROM attempts WHERE trainee_id = ?1"
    " ORDER BY finished_at, id";
constexpr const char* kOneAttemptSql = "SELECT report_json, event_log FROM attempt_details WHERE attempt_id = ?1";

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
    const fs::path dir = fs::temp_directory_path() / ("frontline-bench-store-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path path = argc > 2 ? fs::path(argv[2]) : dir / "frontline.db";

    const auto seed_start = std::chrono::steady_clock::now();
    const std::clock_t seed_cpu_start = std::clock();
    {
        Store store = Store::open(path);
        frontline::bench::seedSyntheticAttempts(store, count);
    }
    const double seed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - seed_start).count();
    const double seed_cpu_s = static_cast<double>(std::clock() - seed_cpu_start) / CLOCKS_PER_SEC;
    std::printf("seeded %d attempts in %.1f s (%.1f s CPU; %.0f us each), file %.1f MB\n", count, seed_s, seed_cpu_s,
                seed_s * 1e6 / count, static_cast<double>(fs::file_size(path)) / 1e6);

    volatile std::size_t sink = 0;  // keeps the work observable
    StoreOptions no_check;
    no_check.integrity_check = false;

    // Start-up as the app does it: open (integrity check included) + newest 50 + team step stats.
    const double open_list = medianMs([&] {
        Store store = Store::open(path);
        sink = sink + store.attempts(0, 50).size() + store.stepStats().size();
    });
    const double open_list_floor = medianMs([&] {
        RawDb raw(path);
        sink = sink + raw.drain(kListSql) + raw.drain(kStatsSql);
    });
    report("store.open_and_list", open_list, open_list_floor);

    const double open_list_unchecked = medianMs([&] {
        Store store = Store::open(path, no_check);
        sink = sink + store.attempts(0, 50).size() + store.stepStats().size();
    });
    report("store.open_and_list_without_quick_check", open_list_unchecked, open_list_floor);

    const double open_only = medianMs([&] { Store store = Store::open(path); });
    const double open_floor = medianMs([&] { RawDb raw(path); });
    report("store.open", open_only, open_floor);

    Store store = Store::open(path);
    RawDb raw(path);
    report("store.list_newest_50", medianMs([&] { sink = sink + store.attempts(0, 50).size(); }),
           medianMs([&] { sink = sink + raw.drain(kListSql); }));
    const double team_stats = medianMs([&] { sink = sink + store.stepStats().size(); });
    report("store.step_stats_team", team_stats, medianMs([&] { sink = sink + raw.drain(kStatsSql); }));
    report("store.step_stats_team (floor: aggregating the step rows, as before schema 2)", team_stats,
           medianMs([&] { sink = sink + raw.drain(kStatsFromRowsSql); }));
    // Home's summary for the trainee with the most attempts (seeding spreads them evenly).
    report("store.home_summary_one_trainee",
           medianMs([&] { sink = sink + store.attemptSummaries(1).size() + store.stepStats(1).size(); }),
           medianMs([&] { sink = sink + raw.drain(kSummariesSql, 1); }));
    const std::int64_t middle = count / 2;
    // Floor: fetching the two JSON columns and parsing them into nlohmann::json, no typed objects.
    report("store.attempt_full_load", medianMs([&] { sink = sink + store.attempt(middle)->log.events.size(); }),
           medianMs([&] { sink = sink + raw.fetchAndParseJson(kOneAttemptSql, middle); }));

    // One more attempt with full durability (fsync per commit), as in the app.
    const auto log = frontline::bench::syntheticLog(424242);
    const auto score = frontline::bench::syntheticReport(log);
    const double record = medianMs([&] {
        store.recordAttempt(1, "Synthetic", log, score, "2030-01-01T00:00:00Z", "2030-01-01T00:06:00Z");
    });
    const double record_floor = medianMs([&] {
        sqlite3_exec(raw.db, "BEGIN IMMEDIATE; INSERT INTO preferences (key, value) VALUES ('bench', 'x')"
                             " ON CONFLICT (key) DO UPDATE SET value = value || 'x'; COMMIT;",
                     nullptr, nullptr, nullptr);
    });
    report("store.record_attempt (floor: smallest durable commit)", record, record_floor);

    std::error_code ec;
    fs::remove_all(dir, ec);
    return sink == 0 ? 1 : 0;
}
