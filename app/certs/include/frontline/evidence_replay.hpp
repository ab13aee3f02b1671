#pragma once
// Evidence is replayed, not trusted (issue 13): before a certificate is signed, every stored attempt
// that could count is played again through the engine from its own event log (scenario version,
// seed, answer, choices, waits, wrap-up) and scored again, and every exam is graded again from its
// stored draw and answers. A row whose stored result does not come out again — written by hand
// into the database, edited afterwards, or recorded against content that has changed since — does
// not count, and the issuer is told which one and why.
#include <cstdint>
#include <string>
#include <vector>
#include "frontline/certification.hpp"
#include "frontline/content.hpp"
#include "frontline/quiz.hpp"
#include "frontline/store.hpp"

namespace frontline {

// Why one stored attempt or exam was not counted.
struct RefusedEvidence {
    std::string what;  // "attempt #12, 'Irate caller' on 2026-11-01" / "exam 'Level 1 knowledge check' (#3) on 2026-11-02"
    std::string why;   // "the stored result says 3 stars, the replay gives 1"
};

// The outcome of replaying one stored attempt against the content at hand.
struct AttemptReplay {
    bool reproduced = false;
    std::string why;  // when not reproduced
};
// `settings`: the organisation's settings now; the targets the engine and the scorer read (answer
// within, chat response within) are taken from the attempt's own log, where the engine wrote them.
AttemptReplay replayStoredAttempt(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptRecord& stored);
// Draws the exam again from its seed and grades the stored answers again.
AttemptReplay regradeStoredQuiz(const QuizLibrary& library, const OrgSettings& settings, const QuizAttemptRecord& stored,
                                const std::string& agent_name);

struct ReplayedEvidence {
    TraineeEvidence evidence;  // what reproduced, plus everything that cannot count anyway, plus certificates
    std::vector<RefusedEvidence> refused;
    int attempts_replayed = 0;
    int quizzes_regraded = 0;
};
// The trainee's evidence from raw rows, each attempt that claims a pass replayed and each exam
// re-graded; what does not reproduce is left out and listed in `refused`.
ReplayedEvidence replayEvidence(const Store& store, const Trainee& trainee, const ContentLibrary& content,
                                const QuizLibrary& quizzes, const OrgSettings& settings);

// "2 pieces of evidence did not reproduce and do not count:\n  - attempt #12 …: …" (empty when none).
std::string refusedEvidenceText(const std::vector<RefusedEvidence>& refused);

}  // namespace frontline
