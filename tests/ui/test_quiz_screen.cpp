// Headless UI tests of the quiz screen: a trainee practises a bank with instant feedback, sits an
// exam with no feedback until it is submitted, and runs out of time; the Store must hold exactly
// what the results screen shows. Every answer is given by clicking the screen's widgets.
#include <doctest/doctest.h>
#include <algorithm>
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;

namespace {

void openQuizzes(Harness& h, const std::string& trainee = "Quinn") {
    h.openApp(trainee, 11);
    h.click("Quizzes");
    REQUIRE(h.app.screen == ui::ScreenId::Quiz);
}

std::string letter(int position) { return std::string(1, static_cast<char>('a' + position)); }

const Question& currentQuestion(Harness& h) {
    const auto& q = h.app.quiz;
    const Question* question = q.library.question(q.draw.questions[static_cast<size_t>(q.current)].question);
    REQUIRE(question);
    return *question;
}

const DrawnQuestion& currentDrawn(Harness& h) { return h.app.quiz.draw.questions[static_cast<size_t>(h.app.quiz.current)]; }

// A wrong answer of the right shape: the correct one with one thing changed.
QuizAnswer wrongAnswer(const Question& q, QuizAnswer right) {
    auto& p = right.picks;
    switch (q.type) {
        case QuestionType::Multiple:
            if (p.size() > 1) p.pop_back();
            else p.push_back((p.front() + 1) % q.choiceCount());
            break;
        case QuestionType::Ordering:
        case QuestionType::Matching: std::swap(p[0], p[1]); break;
        default: p = {(p.front() + 1) % (q.type == QuestionType::TrueFalse ? 2 : q.choiceCount())}; break;
    }
    return right;
}

// Gives `want` (display positions) through the widgets, as a trainee would.
void answerByClicks(Harness& h, const Question& q, const QuizAnswer& want) {
    switch (q.type) {
        case QuestionType::Single:
        case QuestionType::Judgement:
        case QuestionType::TrueFalse: h.click("Choice " + letter(want.picks.front())); break;
        case QuestionType::Multiple:
            for (int p : want.picks) h.click("Choice " + letter(p));
            break;
        case QuestionType::Ordering:
            // Bubble each wanted item up to its row with the "Up" arrows.
            for (size_t row = 0; row < want.picks.size(); ++row) {
                const auto& now = h.app.quiz.answers[static_cast<size_t>(h.app.quiz.current)].picks;
                auto at = static_cast<size_t>(std::find(now.begin(), now.end(), want.picks[row]) - now.begin());
                REQUIRE(at < now.size());
                for (; at > row; --at) h.click("Up " + std::to_string(at + 1));
            }
            break;
        case QuestionType::Matching:
            for (size_t k = 0; k < want.picks.size(); ++k) {
                const std::string combo = "Match " + std::to_string(k + 1);
                h.click(combo);
                h.click(combo + ":" + letter(want.picks[k]));
            }
            break;
    }
    // The screen holds exactly the answer that was clicked in.
    auto held = h.app.quiz.answers[static_cast<size_t>(h.app.quiz.current)].picks;
    auto wanted = want.picks;
    if (q.type == QuestionType::Multiple) {
        std::sort(held.begin(), held.end());
        std::sort(wanted.begin(), wanted.end());
    }
    CHECK_MESSAGE(held == wanted, q.id);
}

}  // namespace

TEST_CASE("practising a bank: feedback after each answer, results recorded as practice") {
    Harness h;
    openQuizzes(h);
    CHECK(h.visible("Start exam:definitions-check"));
    h.click("Practise:definitions");
    REQUIRE(h.app.quiz.active);
    CHECK(h.app.quiz.mode == QuizMode::Practice);
    const size_t total = h.app.quiz.draw.questions.size();
    REQUIRE(total >= 10);
    CHECK(h.visible("Quiz progress"));
    CHECK_FALSE(h.visible("Time left"));  // a bank is untimed

    for (size_t i = 0; i < total; ++i) {
        const Question& q = currentQuestion(h);
        // Nothing chosen yet (an ordering always holds an arrangement, so it can be checked as shown).
        if (q.type != QuestionType::Ordering) CHECK_FALSE(h.enabled("Check answer"));
        const QuizAnswer right = correctAnswer(q, currentDrawn(h));
        const bool answer_wrong = i == 0;
        answerByClicks(h, q, answer_wrong ? wrongAnswer(q, right) : right);
        REQUIRE_MESSAGE(h.enabled("Check answer"), q.id);
        h.click("Check answer");
        REQUIRE(h.app.quiz.feedback.has_value());
        CHECK(h.app.quiz.feedback->correct == !answer_wrong);
        CHECK(h.visible(answer_wrong ? "Feedback: incorrect" : "Feedback: correct"));
        if (q.type == QuestionType::Single || q.type == QuestionType::Judgement) CHECK_FALSE(h.enabled("Choice a"));  // locked
        h.click(i + 1 < total ? "Next question" : "See results");
    }
    REQUIRE(h.app.quiz.result.has_value());
    const QuizResult& r = *h.app.quiz.result;
    CHECK(r.total == static_cast<int>(total));
    CHECK(r.correct == static_cast<int>(total) - 1);
    CHECK_FALSE(r.questions[0].correct);
    CHECK(h.visible("Section: Definitions and metrics"));
    CHECK(h.visible("Explanation 1"));  // practice explains every question

    auto stored = h.app.store->quizAttempts(h.app.trainee->id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].exam_id == "definitions");
    CHECK(stored[0].mode == "practice");
    CHECK(stored[0].score_percent == r.percent);
    CHECK(stored[0].passed == r.passed);
    CHECK(stored[0].detail["result"]["correct"] == r.correct);
    CHECK(stored[0].detail["draw"]["seed"] == h.app.quiz.draw.seed);

    h.click("Back to quizzes");
    CHECK(h.visible("Practise:definitions"));
}

TEST_CASE("an exam shows no feedback until it is submitted, then passes and is recorded") {
    Harness h;
    openQuizzes(h);
    h.click("Start exam:definitions-check");
    REQUIRE(h.app.quiz.active);
    CHECK(h.app.quiz.mode == QuizMode::Exam);
    CHECK(h.visible("Time left"));
    const size_t total = h.app.quiz.draw.questions.size();
    CHECK_FALSE(h.enabled("Previous"));
    for (size_t i = 0; i < total; ++i) {
        const Question& q = currentQuestion(h);
        answerByClicks(h, q, correctAnswer(q, currentDrawn(h)));
        CHECK_FALSE(h.visible("Check answer"));
        CHECK_FALSE(h.visible("Feedback: correct"));
        CHECK_FALSE(h.app.quiz.feedback.has_value());
        if (i + 1 < total) h.click("Next");
    }
    // Going back keeps the answers given.
    h.click("Previous");
    CHECK(h.app.quiz.current == static_cast<int>(total) - 2);
    CHECK(gradeQuestion(currentQuestion(h), currentDrawn(h), h.app.quiz.answers[total - 2], OrgSettings{}, "").correct);
    h.click("Submit exam");

    REQUIRE(h.app.quiz.result.has_value());
    const QuizResult& r = *h.app.quiz.result;
    CHECK(r.correct == static_cast<int>(total));
    CHECK(r.passed);
    CHECK(h.visible("Result: passed"));
    CHECK(h.visible("Section: Definitions (SOP §3)"));
    auto stored = h.app.store->quizAttempts(h.app.trainee->id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].mode == "exam");
    CHECK(stored[0].passed);
    CHECK(stored[0].score_percent == 100);
}

TEST_CASE("after an exam the review names the weak sections, not the answer key") {
    Harness h;
    openQuizzes(h);
    h.click("Start exam:definitions-check");
    REQUIRE(h.app.quiz.active);
    h.click("Submit exam");  // nothing answered: every section is weak
    REQUIRE(h.app.quiz.result.has_value());
    CHECK_FALSE(h.app.quiz.result->passed);
    CHECK(h.visible("Weak section: Definitions (SOP §3)"));
    CHECK_FALSE(h.visible("Explanation 1"));
}

TEST_CASE("a timed exam submits itself when time runs out - quitting records nothing") {
    Harness h;
    openQuizzes(h);
    h.click("Start exam:definitions-check");
    REQUIRE(h.app.quiz.active);
    h.click("Quit quiz");
    CHECK_FALSE(h.app.quiz.active);
    CHECK(h.app.store->quizAttempts(h.app.trainee->id).empty());

    h.click("Start exam:definitions-check");
    const Question& q = currentQuestion(h);
    answerByClicks(h, q, correctAnswer(q, currentDrawn(h)));
    const int limit = h.app.quiz.draw.time_limit_seconds;
    REQUIRE(limit > 0);
    h.wait(limit - 5.0);
    CHECK(h.app.quiz.active);  // not yet
    CHECK(h.app.wake_in > 0);  // the clock keeps the frames coming
    h.wait(6.0);
    CHECK_FALSE(h.app.quiz.active);
    REQUIRE(h.app.quiz.result.has_value());
    CHECK(h.app.quiz.result->timed_out);
    CHECK(h.app.quiz.result->correct == 1);
    CHECK_FALSE(h.app.quiz.result->passed);
    auto stored = h.app.store->quizAttempts(h.app.trainee->id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].detail["result"]["timed_out"] == true);
}
