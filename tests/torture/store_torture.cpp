// Multi-process torture of one database file, the way a desk uses it: the window's store path
// (a long-lived connection recording attempts, plus the background integrity check's second
// connection in the same process), two real `frontline` CLI writers and a CLI reader, all at once,
// while writers are killed with SIGKILL at random moments. Afterwards the file must pass
// PRAGMA integrity_check and every write whose process reported success must be there exactly once.
//
//   frontline_torture --frontline BIN [--seconds N | --kills N] [--seed S] [--dir DIR]
//
// Each writer appends "who key" to a ledger only after its write returned success; a write that
// committed but was killed before the ledger line is allowed to exist without being listed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
#include "frontline/store.hpp"

namespace fs = std::filesystem;
using namespace frontline;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string frontline;
    double seconds = 0;
    int kills = 0;
    unsigned seed = 1;
    fs::path dir;
};

void appendLedger(const fs::path& ledger, const std::string& line) {
    const int fd = ::open(ledger.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return;
    const std::string text = line + "\n";
    (void)!::write(fd, text.data(), text.size());  // one short O_APPEND write: never interleaved
    ::fsync(fd);
    ::close(fd);
}

// The window's pattern in its own process: one connection kept open, recording attempts, and a
// second connection opened and closed beside it (the background integrity check) now and then.
[[noreturn]] void windowProcess(const fs::path& db, const fs::path& ledger, int generation) {
    try {
        Store store = Store::open(db, StoreOptions{5000, false});
        const auto trainee = store.traineeByNameOrCreate("Window trainee", "Desk");
        for (int i = 0;; ++i) {
            if (i % 5 == 0) {
                Store check = Store::open(db, StoreOptions{5000, false});
                check.checkIntegrity();
            }
            const std::string key = "w" + std::to_string(generation) + "-" + std::to_string(i);
            AttemptLog log;
            log.scenario_id = "torture";
            log.sop_id = "inbound-calls-chats";
            ScoreReport report;
            report.adherence = i % 101;
            StepScore step;
            step.step = "greet";
            step.required = true;
            step.covered = true;
            step.score = 100;
            report.steps.push_back(step);
            try {
                store.recordAttempt(trainee.id, key, log, report, "2026-11-30T09:00:00Z", "2026-11-30T09:05:00Z");
                appendLedger(ledger, "attempt " + key);
            } catch (const StoreError&) {
                // busy for longer than the timeout: not reported as saved, so nothing is promised
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "window process: " << e.what() << "\n";
        _exit(1);
    }
}

// A real CLI command as a child process; returns its pid.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
}

struct Cli {
    std::string who;
    pid_t pid = 0;
    std::string key;  // what the running command writes
    int next = 0;
};

// Starts the next command of a CLI writer (`trainees add` with a unique name) or the reader.
void startCli(Cli& cli, const Options& o, const fs::path& db) {
    if (cli.who == "reader") {
        cli.pid = spawn({o.frontline, (cli.next++ % 2) ? "history" : "trainees", "--db", db.string()}, o.dir / "reader.log");
        return;
    }
    cli.key = cli.who + "-" + std::to_string(cli.next++);
    cli.pid = spawn({o.frontline, "trainees", "add", cli.key, "--db", db.string()}, o.dir / (cli.who + ".log"));
}

struct Tally {
    int kills = 0, cli_writes = 0, cli_failures = 0, window_restarts = 0;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--frontline") o.frontline = value;
        else if (flag == "--seconds") o.seconds = std::stod(value);
        else if (flag == "--kills") o.kills = std::stoi(value);
        else if (flag == "--seed") o.seed = static_cast<unsigned>(std::stoul(value));
        else if (flag == "--dir") o.dir = value;
    }
    if (o.frontline.empty() || (o.seconds <= 0 && o.kills <= 0)) {
        std::cerr << "usage: frontline_torture --frontline BIN (--seconds N | --kills N) [--seed S] [--dir DIR]\n";
        std::exit(2);
    }
    if (o.dir.empty()) {
        char pattern[] = "/tmp/frontline-torture-XXXXXX";
        o.dir = mkdtemp(pattern);
    }
    return o;
}

// Reaps a finished CLI command: a writer's success goes to the ledger, then the next starts.
void reap(std::vector<Cli>& clis, pid_t pid, int status, const Options& o, const fs::path& db, const fs::path& ledger, Tally& t) {
    for (Cli& cli : clis) {
        if (cli.pid != pid) continue;
        if (cli.who != "reader") {
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
                appendLedger(ledger, "trainee " + cli.key);
                ++t.cli_writes;
            } else if (WIFEXITED(status)) {
                ++t.cli_failures;  // e.g. "locked": reported as not saved
            }
        }
        startCli(cli, o, db);
    }
}

// Counts every ledger entry in the final database; prints and returns the number of problems.
int verify(const fs::path& db, const fs::path& ledger) {
    Store store = Store::open(db);  // runs PRAGMA quick_check on open: a damaged file throws
    std::map<std::string, int> trainees, attempts;
    for (const auto& t : store.trainees()) ++trainees[t.name];
    for (const auto& a : store.attempts()) ++attempts[a.scenario_title];
    int problems = 0, promised = 0;
    std::ifstream in(ledger);
    for (std::string kind, key; in >> kind >> key;) {
        ++promised;
        const int found = kind == "trainee" ? trainees[key] : attempts[key];
        if (found != 1) {
            std::cerr << "LOST or DUPLICATED: " << kind << " " << key << " found " << found << " times\n";
            ++problems;
        }
    }
    for (const auto& [key, n] : attempts)
        if (n != 1) ++problems, std::cerr << "DUPLICATED attempt " << key << "\n";
    std::cout << "verified: " << promised << " reported writes, " << trainees.size() << " trainees and "
              << attempts.size() << " attempts in the file, " << problems << " lost or duplicated\n";
    return problems;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    const fs::path db = o.dir / "torture.db", ledger = o.dir / "ledger.txt";
    { Store create = Store::open(db); }
    std::mt19937 random(o.seed);
    std::vector<Cli> clis(3);
    clis[0].who = "cli1";
    clis[1].who = "cli2";
    clis[2].who = "reader";
    for (Cli& cli : clis) startCli(cli, o, db);
    int generation = 0;
    pid_t window = fork();
    if (window == 0) windowProcess(db, ledger, generation);
    Tally t;
    const auto until = Clock::now() + std::chrono::duration<double>(o.seconds > 0 ? o.seconds : 1e9);
    while ((o.kills > 0 ? t.kills < o.kills : true) && Clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 180));
        // SIGKILL one of the writers: the window process or a CLI writer mid-command.
        const int victim = static_cast<int>(random() % 3);
        if (victim == 2) {
            kill(window, SIGKILL);
            waitpid(window, nullptr, 0);
            ++t.window_restarts;
            ++generation;
            window = fork();
            if (window == 0) windowProcess(db, ledger, generation);
        } else if (clis[victim].pid > 0) {
            kill(clis[victim].pid, SIGKILL);
        }
        ++t.kills;
        int status = 0;
        for (pid_t pid; (pid = waitpid(-1, &status, WNOHANG)) > 0;)
            if (pid != window) reap(clis, pid, status, o, db, ledger, t);
    }
    kill(window, SIGKILL);
    waitpid(window, nullptr, 0);
    for (Cli& cli : clis) {
        int status = 0;
        if (cli.pid > 0 && waitpid(cli.pid, &status, 0) == cli.pid && cli.who != "reader" && WIFEXITED(status) &&
            WEXITSTATUS(status) == 0)
            appendLedger(ledger, "trainee " + cli.key), ++t.cli_writes;
    }
    std::cout << "torture: " << t.kills << " kill -9 (" << t.window_restarts << " of the window process), "
              << t.cli_writes << " CLI writes reported saved, " << t.cli_failures << " reported not saved\n";
    int problems = 0;
    try {
        problems = verify(db, ledger);
    } catch (const StoreError& e) {
        std::cerr << "the database did not survive: " << e.what() << "\n";
        return 1;
    }
    if (problems == 0) fs::remove_all(o.dir);
    else std::cerr << "kept for inspection: " << o.dir.string() << "\n";
    return problems == 0 ? 0 : 1;
}
