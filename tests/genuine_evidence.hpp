#pragma once
// Certification evidence as a trainee makes it, for the tests that issue certificates: a scenario
// played through the engine along its golden best path, and an exam drawn, answered and graded.
// Certificates are issued from replayed evidence only (issue 13), so rows invented for a test
// would be refused like rows written into the database by hand.
#include <stdexcept>
#include <string>
#include "frontline/content.hpp"
#include "frontline/golden.hpp"
#include "frontline/quiz.hpp"
#include "frontline/scoring.hpp"
#include "frontline/store.hpp"

namespace frontline::test {

// Plays the first play-through of the scenario's golden file (its best path) and records it;
// under `settings` (the desk's), else the content's defaults.
inline std::int64_t recordGenuinePass(Store& store, const ContentLibrary& content, std::int64_t trainee_id, const std::string& scenario_id,
                                      const std::string& started_at, const std::string& finished_at,
                                      const OrgSettings* settings = nullptr) {
    const Scenario* scenario = content.scenario(scenario_id);
    if (!scenario) throw std::runtime_error("no scenario " + scenario_id);
    std::vector<Diagnostic> diags;
    const auto golden = loadGoldenFile(content.paths.root / "golden" / (scenario_id + ".golden.json"), diags);
    if (!golden || golden->playthroughs.empty()) throw std::runtime_error("no golden file for " + scenario_id);
    const GoldenResult played = replayGolden(content.sop, *scenario, settings ? *settings : content.default_settings, golden->playthroughs.front());
    if (!played.problems.empty() || !played.report.passed) throw std::runtime_error("the best path of " + scenario_id + " does not pass");
    return store.recordAttempt(trainee_id, scenario->title, played.log, played.report, started_at, finished_at);
}

// Draws the exam with `seed`, answers all but `wrong` questions correctly, grades and records it.
inline QuizAttemptRecord recordGenuineExam(Store& store, const ContentLibrary& content, std::int64_t trainee_id, const std::string& exam_id,
                                           int wrong, const std::string& finished_at, std::uint64_t seed = 1) {
    const QuizLibrary library = loadQuizLibrary(content.paths.root / "questions", content.sop);
    const auto draw = drawQuiz(library, exam_id, seed);
    if (!draw) throw std::runtime_error("no exam " + exam_id);
    std::vector<QuizAnswer> answers;
    for (const DrawnQuestion& drawn : draw->questions) {
        const bool answer_right = static_cast<int>(answers.size()) >= wrong;
        answers.push_back(answer_right ? correctAnswer(*library.question(drawn.question), drawn) : QuizAnswer{});
    }
    const QuizResult result = gradeQuiz(library, *draw, answers, QuizMode::Exam, content.default_settings, "Trainee");
    QuizAttemptRecord record;
    record.trainee_id = trainee_id;
    record.exam_id = draw->quiz;
    record.mode = "exam";
    record.seed = draw->seed;
    record.started_at = record.finished_at = finished_at;
    record.score_percent = result.percent;
    record.passed = result.passed;
    record.sop_version = content.sop.version;
    record.detail = quizAttemptDetail(*draw, answers, result);
    record.id = store.recordQuizAttempt(record);
    return record;
}

}  // namespace frontline::test
