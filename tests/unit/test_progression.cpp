// Progression: levels, streaks, badges, bests, weakest step and recommendations from attempt summaries.
#include <doctest/doctest.h>
#include <string>
#include <vector>
#include "frontline/progression.hpp"

using namespace frontline;

namespace {

AttemptSummary attempt(const std::string& scenario, const std::string& day, bool passed, int stars = 0, int points = 50) {
    AttemptSummary a;
    a.scenario_id = scenario;
    a.finished_at = day + "T10:00:00Z";
    a.passed = passed;
    a.stars = stars ? stars : (passed ? 2 : 1);
    a.points = points;
    a.adherence = passed ? 90 : 60;
    a.outcome = passed ? "resolved_first_contact" : "unresolved";
    a.answer_seconds = 30;  // late unless a test says otherwise
    a.target_answer_seconds = 18;
    a.channel = "call";
    a.difficulty = 1;
    return a;
}

bool earned(const Progress& p, const std::string& id) {
    const Badge* b = p.badge(id);
    REQUIRE_MESSAGE(b != nullptr, id);
    return b->earned;
}

}  // namespace

TEST_CASE("progression: level curve is 150 * L * (L + 1) / 2") {
    CHECK(pointsForLevel(0) == 0);
    CHECK(pointsForLevel(1) == 150);
    CHECK(pointsForLevel(2) == 450);
    CHECK(pointsForLevel(3) == 900);
    CHECK(pointsForLevel(4) == 1500);
    CHECK(pointsForLevel(-3) == 0);
    CHECK(levelForPoints(0) == 0);
    CHECK(levelForPoints(149) == 0);
    CHECK(levelForPoints(150) == 1);
    CHECK(levelForPoints(449) == 1);
    CHECK(levelForPoints(450) == 2);
    CHECK(levelForPoints(-10) == 0);
    CHECK(levelForPoints(2147483647) > 100);  // no overflow, no endless loop

    const Progress p = computeProgress({attempt("a", "2026-01-01", true, 2, 300), attempt("b", "2026-01-02", false, 1, 200)});
    CHECK(p.total_points == 500);
    CHECK(p.level == 2);
    CHECK(p.points_into_level == 50);
    CHECK(p.level_span == 450);  // 900 - 450
    CHECK(p.points_to_next_level == 400);
}

TEST_CASE("progression: an empty history") {
    const Progress p = computeProgress({}, {"intro", "next"});
    CHECK(p.total_points == 0);
    CHECK(p.level == 0);
    CHECK(p.level_span == 150);
    CHECK(p.current_streak == 0);
    CHECK(p.best_streak == 0);
    CHECK(p.earnedBadges() == 0);
    CHECK(p.badges.size() >= 10);
    CHECK_FALSE(p.weakest_step.has_value());
    CHECK(p.recommended_next == "intro");
}

TEST_CASE("progression: ISO day numbers") {
    CHECK(isoDayNumber("1970-01-01") == 0L);
    CHECK(isoDayNumber("1970-01-02T23:59:59Z") == 1L);
    CHECK(isoDayNumber("2000-03-01") == 11017L);
    CHECK(*isoDayNumber("2024-03-01") - *isoDayNumber("2024-02-29") == 1);
    CHECK(*isoDayNumber("2027-01-01") - *isoDayNumber("2026-12-31") == 1);
    CHECK_FALSE(isoDayNumber("2023-02-29").has_value());
    CHECK_FALSE(isoDayNumber("2026-13-01").has_value());
    CHECK_FALSE(isoDayNumber("yesterday").has_value());
    CHECK_FALSE(isoDayNumber("").has_value());
}

TEST_CASE("progression: daily streaks of passed attempts") {
    SUBCASE("the current streak ends on the latest attempt day") {
        const Progress p = computeProgress({
            attempt("a", "2026-03-01", true), attempt("a", "2026-03-02", true), attempt("a", "2026-03-03", true),
            attempt("b", "2026-03-05", true), attempt("b", "2026-03-06", false), attempt("b", "2026-03-06", true),
        });
        CHECK(p.best_streak == 3);
        CHECK(p.current_streak == 2);  // 5th and 6th (a pass on the 6th, despite a fail too)
    }
    SUBCASE("a latest day with only failures breaks the current streak") {
        const Progress p = computeProgress({attempt("a", "2026-03-01", true), attempt("a", "2026-03-02", true),
                                            attempt("a", "2026-03-03", false)});
        CHECK(p.current_streak == 0);
        CHECK(p.best_streak == 2);
    }
    SUBCASE("order of the input does not matter, across a month end") {
        const Progress p = computeProgress({attempt("a", "2026-02-01", true), attempt("a", "2026-01-31", true),
                                            attempt("a", "2026-01-30", true)});
        CHECK(p.current_streak == 3);
    }
    SUBCASE("attempts with unreadable dates are counted but not in streaks") {
        AttemptSummary odd = attempt("a", "x", true);
        odd.finished_at = "not a date";
        const Progress p = computeProgress({odd});
        CHECK(p.attempts == 1);
        CHECK(p.best_streak == 0);
    }
}

TEST_CASE("progression: first call and first pass badges") {
    Progress p = computeProgress({attempt("a", "2026-03-01", false)});
    CHECK(earned(p, "first_call"));
    CHECK(p.badge("first_call")->earned_at == "2026-03-01T10:00:00Z");
    CHECK_FALSE(earned(p, "first_pass"));
    p = computeProgress({attempt("a", "2026-03-01", false), attempt("a", "2026-03-04", true)});
    CHECK(earned(p, "first_pass"));
    CHECK(p.badge("first_pass")->earned_at == "2026-03-04T10:00:00Z");
}

TEST_CASE("progression: identity guardian needs 3 clean verification passes") {
    std::vector<AttemptSummary> history;
    for (int i = 1; i <= 3; ++i) {
        AttemptSummary a = attempt("failed-verification", "2026-03-0" + std::to_string(i), true);
        a.tags = {"failed_verification"};
        history.push_back(a);
    }
    history[1].breaches = 1;  // a minor breach does not count
    Progress p = computeProgress(history);
    CHECK_FALSE(earned(p, "identity_guardian"));
    CHECK(p.badge("identity_guardian")->progress == 2);
    CHECK(p.badge("identity_guardian")->goal == 3);
    AttemptSummary fourth = history[0];
    fourth.finished_at = "2026-03-09T10:00:00Z";
    history.push_back(fourth);
    p = computeProgress(history);
    CHECK(earned(p, "identity_guardian"));
    CHECK(p.badge("identity_guardian")->earned_at == "2026-03-09T10:00:00Z");
}

TEST_CASE("progression: situation badges need a pass in the right scenario") {
    AttemptSummary irate = attempt("irate-billing", "2026-03-01", false);
    irate.tags = {"irate", "billing"};
    CHECK_FALSE(earned(computeProgress({irate}), "cool_head"));
    irate.passed = true;
    CHECK(earned(computeProgress({irate}), "cool_head"));

    AttemptSummary escalation = attempt("supervisor", "2026-03-01", true);
    escalation.outcome = "passed_upstairs";
    CHECK_FALSE(earned(computeProgress({escalation}), "warm_hands"));
    // The badge follows the SOP's warm-transfer outcome by role, whatever its id.
    CHECK(earned(computeProgress({escalation}, {}, {}, "passed_upstairs"), "warm_hands"));
    CHECK_FALSE(earned(computeProgress({escalation}, {}, {}, "escalated_warm"), "warm_hands"));
    CHECK_FALSE(earned(computeProgress({attempt("x", "2026-03-01", true)}), "warm_hands"));

    AttemptSummary chat = attempt("two-chats", "2026-03-01", true);
    chat.tags = {"concurrent_chats"};
    CHECK_FALSE(earned(computeProgress({chat}), "chat_juggler"));  // tagged, but a call
    chat.channel = "chat";
    CHECK(earned(computeProgress({chat}), "chat_juggler"));

    AttemptSummary perfect = attempt("a", "2026-03-01", true);
    perfect.adherence = 100;
    CHECK(earned(computeProgress({perfect}), "perfect_scorecard"));
    perfect.passed = false;  // 100% adherence with a critical breach is not perfect
    CHECK_FALSE(earned(computeProgress({perfect}), "perfect_scorecard"));

    AttemptSummary promise = attempt("callback", "2026-03-01", true);
    promise.step_scores = {{"resolve", 100}, {"follow_up", 0}};
    CHECK_FALSE(earned(computeProgress({promise}, {}, "follow_up"), "promise_keeper"));
    promise.step_scores = {{"resolve", 100}, {"follow_up", 100}};
    CHECK(earned(computeProgress({promise}, {}, "follow_up"), "promise_keeper"));
    // The badge follows the SOP's follow-up step by role, whatever its id.
    promise.step_scores = {{"resolve", 100}, {"callback_task", 100}};
    CHECK(earned(computeProgress({promise}, {}, "callback_task"), "promise_keeper"));
    CHECK_FALSE(earned(computeProgress({promise}, {}, "follow_up"), "promise_keeper"));
}

TEST_CASE("progression: quick draw counts answers within target") {
    std::vector<AttemptSummary> history;
    for (int i = 1; i <= 5; ++i) {
        AttemptSummary a = attempt("a", "2026-03-0" + std::to_string(i), false);
        a.answer_seconds = i == 3 ? 19 : 18;  // one late by a second
        history.push_back(a);
    }
    Progress p = computeProgress(history);
    CHECK_FALSE(earned(p, "quick_draw"));
    CHECK(p.badge("quick_draw")->progress == 4);
    history[2].answer_seconds = 4;
    p = computeProgress(history);
    CHECK(earned(p, "quick_draw"));
    CHECK(p.badge("quick_draw")->earned_at == "2026-03-05T10:00:00Z");
}

TEST_CASE("progression: hat-trick needs three 3-star attempts in a row") {
    std::vector<AttemptSummary> history = {attempt("a", "2026-03-01", true, 3), attempt("b", "2026-03-02", true, 3),
                                           attempt("c", "2026-03-03", true, 2), attempt("d", "2026-03-04", true, 3)};
    Progress p = computeProgress(history);
    CHECK_FALSE(earned(p, "hat_trick"));
    CHECK(p.badge("hat_trick")->progress == 2);  // the best run so far
    history.push_back(attempt("e", "2026-03-05", true, 3));
    history.push_back(attempt("f", "2026-03-06", true, 3));
    p = computeProgress(history);
    CHECK(earned(p, "hat_trick"));
    CHECK(p.badge("hat_trick")->earned_at == "2026-03-06T10:00:00Z");
}

TEST_CASE("progression: all-rounder needs a pass at every difficulty") {
    std::vector<AttemptSummary> history;
    for (int d = 1; d <= 3; ++d) {
        AttemptSummary a = attempt("s" + std::to_string(d), "2026-03-0" + std::to_string(d), d != 3);
        a.difficulty = d;
        history.push_back(a);
    }
    CHECK_FALSE(earned(computeProgress(history), "all_rounder"));
    history[2].passed = true;
    CHECK(earned(computeProgress(history), "all_rounder"));
}

TEST_CASE("progression: steady habit needs 5 consecutive days") {
    std::vector<AttemptSummary> history;
    for (int day = 1; day <= 4; ++day) history.push_back(attempt("a", "2026-03-0" + std::to_string(day), true));
    CHECK_FALSE(earned(computeProgress(history), "steady_habit"));
    history.push_back(attempt("a", "2026-03-06", true));  // a gap
    CHECK_FALSE(earned(computeProgress(history), "steady_habit"));
    history.push_back(attempt("a", "2026-03-05", true));  // fills it
    const Progress p = computeProgress(history);
    CHECK(earned(p, "steady_habit"));
    CHECK(p.best_streak == 6);
}

TEST_CASE("progression: best stars and bests per scenario") {
    const Progress p = computeProgress({attempt("a", "2026-03-01", false, 1, 20), attempt("a", "2026-03-02", true, 3, 150),
                                        attempt("a", "2026-03-03", true, 2, 90), attempt("b", "2026-03-03", false, 1, 10)});
    const ScenarioProgress* a = p.scenario("a");
    REQUIRE(a != nullptr);
    CHECK(a->attempts == 3);
    CHECK(a->passed);
    CHECK(a->best_stars == 3);
    CHECK(a->best_points == 150);
    CHECK(a->best_adherence == 90);
    REQUIRE(p.scenario("b") != nullptr);
    CHECK_FALSE(p.scenario("b")->passed);
    CHECK(p.scenario("c") == nullptr);
    CHECK(p.passed == 2);
    CHECK(p.attempts == 4);
}

TEST_CASE("progression: weakest step is the lowest mean where required") {
    AttemptSummary one = attempt("a", "2026-03-01", true);
    one.step_scores = {{"receive", 100}, {"verify", 60}, {"document", 85}};
    AttemptSummary two = attempt("b", "2026-03-02", true);
    two.step_scores = {{"receive", 100}, {"verify", 100}, {"document", 65}, {"follow_up", 90}};
    const Progress p = computeProgress({one, two});
    REQUIRE(p.weakest_step.has_value());
    CHECK(p.weakest_step->step == "document");  // mean 75, verify 80, follow_up 90 (once)
    CHECK(p.weakest_step->mean_score == doctest::Approx(75.0));
    CHECK(p.weakest_step->attempts == 2);

    AttemptSummary clean = attempt("a", "2026-03-01", true);
    clean.step_scores = {{"receive", 100}, {"verify", 100}};
    CHECK_FALSE(computeProgress({clean}).weakest_step.has_value());
}

TEST_CASE("progression: recommended next follows the onboarding order") {
    const std::vector<std::string> path = {"intro", "verify", "irate"};
    CHECK(computeProgress({attempt("intro", "2026-03-01", false)}, path).recommended_next == "intro");
    CHECK(computeProgress({attempt("intro", "2026-03-01", true)}, path).recommended_next == "verify");
    CHECK(computeProgress({attempt("intro", "2026-03-01", true), attempt("irate", "2026-03-01", true)}, path)
              .recommended_next == "verify");
    // All passed: the first one short of three stars, then nothing.
    std::vector<AttemptSummary> all = {attempt("intro", "2026-03-01", true, 3), attempt("verify", "2026-03-01", true, 2),
                                       attempt("irate", "2026-03-01", true, 3)};
    CHECK(computeProgress(all, path).recommended_next == "verify");
    all.push_back(attempt("verify", "2026-03-02", true, 3));
    CHECK(computeProgress(all, path).recommended_next.empty());
    CHECK(computeProgress(all, {}).recommended_next.empty());
}

TEST_CASE("progression: a scored report becomes a summary") {
    ScoreReport r;
    r.scenario_id = "irate-billing";
    r.passed = true;
    r.stars = 2;
    r.adherence = 88;
    r.points.total = 140;
    r.outcome = "resolved_first_contact";
    r.metrics.answer_seconds = 5;
    r.metrics.target_answer_seconds = 18;
    StepScore verify;
    verify.step = "verify";
    verify.required = true;
    verify.score = 60;
    StepScore follow;
    follow.step = "follow_up";
    follow.required = false;
    r.steps = {verify, follow};
    r.breaches.push_back(Breach{});
    Scenario s;
    s.tags = {"irate"};
    s.channel = Channel::Chat;
    s.difficulty = 3;
    const AttemptSummary a = summarizeAttempt(r, &s, "2026-03-01T09:00:00Z");
    CHECK(a.scenario_id == "irate-billing");
    CHECK(a.points == 140);
    CHECK(a.step_scores == std::vector<std::pair<std::string, int>>{{"verify", 60}});  // required steps only
    CHECK(a.tags == std::vector<std::string>{"irate"});
    CHECK(a.channel == "chat");
    CHECK(a.difficulty == 3);
    CHECK(a.breaches == 1);
    CHECK(a.answer_seconds == 5);
    const AttemptSummary unknown = summarizeAttempt(r, nullptr, "2026-03-01T09:00:00Z");
    CHECK(unknown.tags.empty());
    CHECK(unknown.difficulty == 0);
}
