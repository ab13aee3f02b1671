// The store's operations on both engines, side by side: the same synthetic attempts, the same
// calls through the Store interface, on a local SQLite file and on a PostgreSQL server (a
// throwaway cluster on loopback, which bench/run.sh starts). Median of runs, in milliseconds.
//   bench_store_engines [attempts=2000] [postgresql://URL]
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
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

struct Figures {
    double seed_each_us = 0, open = 0, list_newest_50 = 0, team_stats = 0, home_summary = 0, full_attempt = 0, record = 0;
};

// Every figure through the Store interface, for one engine's database at `locator`.
Figures measure(const std::string& locator, const StoreOptions& options, int count) {
    Figures f;
    volatile std::size_t sink = 0;
    {
        Store store = frontline::openStore(locator, options);
        const auto start = std::chrono::steady_clock::now();
        frontline::bench::seedSyntheticAttempts(store, count);
        f.seed_each_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / count;
    }
    f.open = medianMs([&] { Store s = frontline::openStore(locator, options); });
    Store store = frontline::openStore(locator, options);
    f.list_newest_50 = medianMs([&] { sink = sink + store.attempts(0, 50).size(); });
    f.team_stats = medianMs([&] { sink = sink + store.stepStats().size(); });
    f.home_summary = medianMs([&] { sink = sink + store.attemptSummaries(1).size() + store.stepStats(1).size(); });
    const std::int64_t middle = store.attempts(0, count / 2).back().id;
    f.full_attempt = medianMs([&] { sink = sink + store.attempt(middle)->log.events.size(); });
    const auto log = frontline::bench::syntheticLog(424242);
    const auto score = frontline::bench::syntheticReport(log);
    f.record = medianMs([&] { store.recordAttempt(1, "Synthetic", log, score, "2030-01-01T00:00:00Z", "2030-01-01T00:06:00Z"); });
    return f;
}

void row(const char* what, double sqlite, std::optional<double> postgres, const char* unit = "ms") {
    if (postgres)
        std::printf("| %-44s | %9.2f %s | %9.2f %s | %6.1fx |\n", what, sqlite, unit, *postgres, unit,
                    sqlite > 0 ? *postgres / sqlite : 0.0);
    else
        std::printf("| %-44s | %9.2f %s | %12s | %7s |\n", what, sqlite, unit, "(no server)", "");
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 2000;
    const std::string url = argc > 2 ? argv[2] : "";
    const fs::path dir = fs::temp_directory_path() / ("frontline-bench-engines-" + std::to_string(getpid()));
    fs::create_directories(dir);
    StoreOptions options;
    options.integrity_check = false;  // the server has no file check: compare like with like
    options.outbox_dir = dir / "outbox";

    const Figures sqlite = measure((dir / "frontline.db").string(), options, count);
    std::optional<Figures> postgres;
    if (!url.empty()) postgres = measure(url, options, count);
    auto pg = [&](double Figures::*field) { return postgres ? std::optional<double>((*postgres).*field) : std::nullopt; };

    std::printf("%d attempts over 12 trainees; median of %d runs; PostgreSQL over loopback TCP\n", count, kRuns);
    std::printf("| %-44s | %12s | %12s | %7s |\n|---|---|---|---|\n", "store operation", "SQLite", "PostgreSQL", "ratio");
    row("seed one attempt (batches of 500, relaxed)", sqlite.seed_each_us, pg(&Figures::seed_each_us), "us");
    row("open (connect, schema check)", sqlite.open, pg(&Figures::open));
    row("list the newest 50 attempts", sqlite.list_newest_50, pg(&Figures::list_newest_50));
    row("team step statistics", sqlite.team_stats, pg(&Figures::team_stats));
    row("Home summary of one trainee", sqlite.home_summary, pg(&Figures::home_summary));
    row("load one attempt in full (log + report)", sqlite.full_attempt, pg(&Figures::full_attempt));
    row("record one attempt, durable commit", sqlite.record, pg(&Figures::record));

    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
