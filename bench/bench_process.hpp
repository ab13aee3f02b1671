#pragma once
// Launching a GUI process for the window benchmarks (bench_startup, bench_idle) and reading its
// CPU time. Header-only because every bench/*.cpp is its own executable. Linux only (/proc).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace frontline::bench {

// Starts `argv[0]` with the arguments; stdout/stderr go to /dev/null. Returns the pid, -1 on error.
inline pid_t spawn(const std::vector<std::string>& argv) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (std::freopen("/dev/null", "w", stdout) == nullptr || std::freopen("/dev/null", "w", stderr) == nullptr) _exit(126);
    execv(args[0], args.data());
    _exit(127);
}

// Runs the command to completion; returns wall seconds, or a negative number when it failed.
inline double runTimed(const std::vector<std::string>& argv) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = spawn(argv);
    if (pid < 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? s : -1;
}

// User + system CPU seconds a live process has used so far (from /proc/<pid>/stat).
inline double cpuSecondsOf(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    const auto close = line.rfind(')');  // the command name may contain spaces
    if (close == std::string::npos) return -1;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

inline void stop(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
}

}  // namespace frontline::bench
