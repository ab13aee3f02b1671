// Evidence replay benchmark: what checking a trainee's evidence before signing costs. A trainee
// with many passing attempts (each a real play-through, recorded in a SQLite file) has every one
// replayed through the engine and scored again (replayEvidence); the floor is reading the same
// rows and full event logs from the same store without replaying them (what any check costs).
// Prints `replay.attempts_N: X ms (floor Y ms, ratio R), Z ms per attempt`; median of runs.
//   bench_replay [attempts=200]
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>
#include "../tests/genuine_evidence.hpp"
#include "bench_support.hpp"
#include "frontline/certs.hpp"
#include "frontline/evidence_replay.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

constexpr int kRuns = 5;

// Scenarios whose golden best path passes: a mix of calls, chats and an email.
const std::vector<std::string> kScenarios = {"failed-verification", "price-objection-learn", "legal-safety-compliance",
                                             "irate-supervisor-request", "chat-first-response", "email-bill-query"};

std::string minuteOf(int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-11-%02dT%02d:%02d:00Z", 1 + n / 600 % 28, n / 60 % 10 + 8, n % 60);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    const int attempts = argc > 1 ? std::atoi(argv[1]) : 200;
    const ContentLibrary content = loadContent(ContentPaths::bundled(), false);
    if (!content.sop_loaded) {
        std::fprintf(stderr, "bench_replay: the bundled content did not load\n");
        return 1;
    }
    const QuizLibrary quizzes = loadQuizLibrary(content.paths.root / "questions", content.sop);
    const fs::path dir = fs::temp_directory_path() / ("frontline-bench-replay-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        Store store = Store::open((dir / "replay.db").string());
        const Trainee trainee = store.createTrainee("Ana Ruiz", "Blue");
        for (int i = 0; i < attempts; ++i)
            test::recordGenuinePass(store, content, trainee.id, kScenarios[static_cast<size_t>(i) % kScenarios.size()], minuteOf(i),
                                    minuteOf(i));

        std::size_t reproduced = 0;
        const double replay_ms = bench::medianMs(
            [&] {
                const ReplayedEvidence r = replayEvidence(store, trainee, content, quizzes, content.default_settings);
                reproduced = r.evidence.attempts.size();  // what did not reproduce is left out
            },
            kRuns);
        std::size_t events = 0;
        const double floor_ms = bench::medianMs(
            [&] {
                for (const AttemptRecord& listed : store.attempts(trainee.id))
                    if (auto full = store.attempt(listed.id)) events += full->log.events.size();
            },
            kRuns);
        std::printf("replay.attempts_%d: %.1f ms (floor %.1f ms, ratio %.2f), %.2f ms per attempt, %zu of %d reproduced\n", attempts,
                    replay_ms, floor_ms, floor_ms > 0 ? replay_ms / floor_ms : 0.0, replay_ms / attempts, reproduced, attempts);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
