// The terminal commands' content loading against the window's: whole `frontline play --list` and
// scripted `frontline play` processes (CPU time of the child, from wait4) against loading the same
// content with the window's structural checks in this process, in the same run. Target: each at
// most 2x the window's load (issue 14: both cost ~60x before the CLI dropped the path checks).
//   bench_cli_load FRONTLINE CONTENT_DIR        (make bench)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/content.hpp"
#include "frontline/translation.hpp"

namespace {

constexpr int kRuns = 7;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// CPU seconds (user + system) the command used, and its exit code.
struct ChildCost {
    double cpu = -1;
    int exit_code = -1;
};

ChildCost runChild(const std::vector<std::string>& argv) {
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(126);
        execv(args[0], args.data());
        _exit(127);
    }
    ChildCost cost;
    if (pid < 0) return cost;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) return cost;
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    cost.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    cost.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return cost;
}

double windowLoadSeconds(const std::string& content, bool path_checks, const std::string& language = "en") {
    std::vector<double> runs;
    for (int i = 0; i < kRuns; ++i) {
        const double t0 = processCpuSeconds();
        auto lib = frontline::loadContent(frontline::ContentPaths::at(content), path_checks, language);
        runs.push_back(processCpuSeconds() - t0);
        if (lib.scenarios.empty()) std::fprintf(stderr, "bench_cli_load: no scenario loaded from %s\n", content.c_str());
    }
    return median(runs);
}

// Median CPU of the command; -1 when any run failed.
double commandSeconds(const std::vector<std::string>& argv) {
    std::vector<double> runs;
    for (int i = 0; i < kRuns; ++i) {
        const ChildCost c = runChild(argv);
        if (c.exit_code != 0) return -1;
        runs.push_back(c.cpu);
    }
    return median(runs);
}

// A scripted play that runs to its end, unrecorded: the first play-through of a golden transcript
// (option ids are valid --answers tokens, like tests/e2e/cli_play.sh plays them).
std::vector<std::string> scriptedPlay(const std::string& frontline, const std::string& content) {
    const std::string golden_file = content + "/golden/failed-verification.golden.json";
    std::ifstream in(golden_file);
    const auto golden = nlohmann::json::parse(in, nullptr, false);
    if (golden.is_discarded()) {
        std::fprintf(stderr, "bench_cli_load: cannot read %s\n", golden_file.c_str());
        return {frontline, "play", "--list", "--bogus"};  // reported as FAILED
    }
    const auto& path = golden["playthroughs"][0];
    std::string answers;
    for (const auto& choice : path["choices"]) {
        std::string token = choice.get<std::string>();
        if (token.rfind("wait:", 0) == 0) token = "w" + token.substr(5);
        answers += (answers.empty() ? "" : ",") + token;
    }
    const auto wrap = path.value("wrap_up", nlohmann::json::object());
    return {frontline, "play", golden.value("scenario", ""), "--content", content, "--no-record", "--json",
            "--seed", std::to_string(path.value("seed", 1)), "--answer-after", std::to_string(path.value("answer_after", 0)),
            "--answers", answers, "--disposition", wrap.value("disposition", "none"), "--category", wrap.value("category", "none"),
            "--notes", wrap.value("notes", "")};
}

void report(const char* what, double seconds, double floor) {
    if (seconds < 0) {
        std::printf("%-44s FAILED (the command did not exit 0)\n", what);
        return;
    }
    const double ratio = seconds / floor;
    std::printf("%-44s %7.1f ms CPU  ratio %.2f  %s\n", what, seconds * 1e3, ratio, ratio <= 2.0 ? "(<= 2 ok)" : "(ABOVE the 2x target)");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_cli_load FRONTLINE CONTENT_DIR\n");
        return 2;
    }
    const std::string frontline = argv[1], content = argv[2];
    windowLoadSeconds(content, false);  // warm the page cache for everyone
    const double floor = windowLoadSeconds(content, false);
    const double validate_load = windowLoadSeconds(content, true);
    const double spanish = windowLoadSeconds(content, false, "es");
    const double list = commandSeconds({frontline, "play", "--list", "--content", content});
    const double play = commandSeconds(scriptedPlay(frontline, content));
    std::printf("window's content load (structural checks)   %7.1f ms CPU  (floor, median of %d)\n", floor * 1e3, kRuns);
    std::printf("content load with path checks (validate)    %7.1f ms CPU  ratio %.2f (for reference)\n", validate_load * 1e3,
                validate_load / floor);
    report("window's content load in Spanish (overlay)", spanish, floor);
    report("frontline play --list (whole process)", list, floor);
    report("frontline play, scripted (whole process)", play, floor);
    return 0;
}
