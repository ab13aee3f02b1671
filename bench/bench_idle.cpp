// Idle CPU while reading: the real `frontline` on Home (no animation, no input) for ~5 s, process
// CPU time over wall time. Floor: a bare GLFW + ImGui window using the same wait-for-events policy
// (this program with --floor), measured in the same run. Target: under 1 % of a core.
// Needs a display (bench/run.sh uses xvfb-run).
//   bench_idle FRONTLINE_BINARY [content-dir]      bench_idle --floor
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>
#include "bare_window.hpp"
#include "bench_process.hpp"
#include "bench_support.hpp"
#include "frontline/store.hpp"

namespace fs = std::filesystem;

namespace {

constexpr double kSettleSeconds = 3.0;   // start-up and the brief full-rate period after it
constexpr double kMeasureSeconds = 5.0;

double idlePercent(const std::vector<std::string>& argv) {
    const pid_t pid = frontline::bench::spawn(argv);
    if (pid < 0) return -1;
    std::this_thread::sleep_for(std::chrono::duration<double>(kSettleSeconds));
    const double cpu0 = frontline::bench::cpuSecondsOf(pid);
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(kMeasureSeconds));
    const double cpu1 = frontline::bench::cpuSecondsOf(pid);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    frontline::bench::stop(pid);
    if (cpu0 < 0 || cpu1 < 0) return -1;
    return (cpu1 - cpu0) / wall * 100.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--floor") return frontline::bench::bareImGuiWindow(0);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_idle FRONTLINE_BINARY [content-dir]\n");
        return 2;
    }
    const fs::path db = fs::temp_directory_path() / ("frontline-bench-idle-" + std::to_string(getpid()) + ".db");
    {
        auto store = frontline::Store::open(db);
        frontline::bench::seedSyntheticAttempts(store, 200, 1);
    }
    std::vector<std::string> app = {fs::absolute(argv[1]).string(), "--db", db.string(), "--trainee", "Trainee 01"};
    if (argc > 2) {
        app.push_back("--content");
        app.push_back(argv[2]);
    }
    const double floor = idlePercent({fs::canonical("/proc/self/exe").string(), "--floor"});
    const double home = idlePercent(app);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    if (home < 0 || floor < 0) {
        std::printf("idle: a run failed (is there a display?)\n");
        return 1;
    }
    std::printf("idle.home: %.2f%% of a core over %.0f s (floor %.2f%% bare window, ratio %.2f, target < 1%%: %s)\n", home,
                kMeasureSeconds, floor, floor > 0 ? home / floor : 0.0, home < 1.0 ? "ok" : "OVER");
    return 0;
}
