// The manager's dashboard queries (issue 12) on both engines: the trainee x step heatmap, weekly
// trends with their filters, and each trainee's activity.
#include <doctest/doctest.h>
#include <string>
#include <vector>
#include "frontline/store.hpp"
#include "store_engines.hpp"

using namespace frontline;

namespace {

AttemptLog dashboardLog(std::uint64_t seed) {
    AttemptLog log;
    log.scenario_id = "irate-billing";
    log.scenario_version = 1;
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.seed = seed;
    log.channel = Channel::Call;
    return log;
}

StepScore requiredStep(const std::string& step, int score) {
    StepScore s;
    s.step = step;
    s.required = true;
    s.covered = score > 0;
    s.in_order = true;
    s.score = score;
    return s;
}

struct Played {
    int adherence;
    bool passed;
    bool critical;
    std::vector<StepScore> steps;
};

ScoreReport dashboardReport(const Played& p) {
    ScoreReport r;
    r.scenario_id = "irate-billing";
    r.sop_version = "1.0.0";
    r.outcome = p.passed ? "resolved_first_contact" : "escalated";
    r.passed = p.passed;
    r.critical_failure = p.critical;
    r.adherence = p.adherence;
    r.stars = p.passed ? 2 : 0;
    r.steps = p.steps;
    return r;
}

std::int64_t play(Store& store, std::int64_t who, const std::string& finished_at, const Played& p) {
    return store.recordAttempt(who, "The irate billing caller", dashboardLog(1), dashboardReport(p), finished_at, finished_at);
}

QuizAttemptRecord quiz(std::int64_t who, const std::string& mode, int percent) {
    QuizAttemptRecord q;
    q.trainee_id = who;
    q.exam_id = "sop-basics";
    q.mode = mode;
    q.started_at = q.finished_at = "2026-03-04T09:00:00Z";
    q.score_percent = percent;
    q.passed = percent >= 80;
    q.sop_version = "1.0.0";
    return q;
}

}  // namespace

TEST_CASE_TEMPLATE("dashboard: the heatmap has one cell per trainee and required step, with its mean and count", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "North").id;
    const auto ben = store.createTrainee("Ben O'Neil", "South").id;
    store.createTrainee("Chloé", "North");  // no attempt: no cell
    play(store, ana, "2026-03-02T10:00:00Z", {80, true, false, {requiredStep("receive", 100), requiredStep("verify", 50)}});
    play(store, ana, "2026-03-03T10:00:00Z", {70, true, false, {requiredStep("receive", 60), requiredStep("verify", 0)}});
    StepScore optional = requiredStep("follow_up", 100);
    optional.required = false;
    play(store, ben, "2026-03-03T11:00:00Z", {90, true, false, {requiredStep("receive", 100), optional}});

    const auto cells = store.stepStatsByTrainee();
    REQUIRE(cells.size() == 3);
    CHECK(cells[0].trainee_id == ana);
    CHECK(cells[0].step == "receive");
    CHECK(cells[0].attempts == 2);
    CHECK(cells[0].mean_score == doctest::Approx(80));
    CHECK(cells[1].trainee_id == ana);
    CHECK(cells[1].step == "verify");
    CHECK(cells[1].mean_score == doctest::Approx(25));
    CHECK(cells[2].trainee_id == ben);  // the optional step makes no cell
    CHECK(cells[2].step == "receive");
    CHECK(cells[2].attempts == 1);
}

TEST_CASE_TEMPLATE("dashboard: weekly trends start on Monday (UTC) and filter by trainee and team", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "North").id;
    const auto ben = store.createTrainee("Ben", "South").id;
    // 2026-03-01 is a Sunday, 2026-03-02 a Monday, 2026-03-08 the next Sunday.
    play(store, ana, "2026-03-01T23:59:59Z", {60, false, true, {}});
    play(store, ana, "2026-03-02T00:00:00Z", {80, true, false, {}});
    play(store, ben, "2026-03-08T18:00:00Z", {90, true, false, {}});
    play(store, ben, "2026-03-09T08:00:00Z", {50, false, true, {}});

    const auto all = store.weeklyStats();
    REQUIRE(all.size() == 3);
    CHECK(all[0].week == "2026-02-23");
    CHECK(all[0].attempts == 1);
    CHECK(all[0].passed == 0);
    CHECK(all[0].critical_breaches == 1);
    CHECK(all[1].week == "2026-03-02");
    CHECK(all[1].attempts == 2);
    CHECK(all[1].passed == 2);
    CHECK(all[1].mean_adherence == doctest::Approx(85));
    CHECK(all[1].critical_breaches == 0);
    CHECK(all[2].week == "2026-03-09");
    CHECK(all[2].mean_adherence == doctest::Approx(50));

    const auto south = store.weeklyStats(0, "South");
    REQUIRE(south.size() == 2);
    CHECK(south[0].week == "2026-03-02");
    CHECK(south[0].attempts == 1);
    CHECK(south[0].mean_adherence == doctest::Approx(90));
    const auto anas = store.weeklyStats(ana);
    REQUIRE(anas.size() == 2);
    CHECK(anas[1].attempts == 1);
    CHECK(store.weeklyStats(ana, "South").empty());  // both filters hold together
    CHECK(store.weeklyStats(0, "Nowhere").empty());
}

TEST_CASE_TEMPLATE("dashboard: activity lists every trainee with attempts, last finish and best exam score", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "North").id;
    const auto ben = store.createTrainee("Ben", "South").id;
    const auto new_starter = store.createTrainee("Dara", "South").id;
    play(store, ana, "2026-03-02T10:00:00Z", {80, true, false, {}});
    play(store, ana, "2026-03-05T10:00:00Z", {80, true, false, {}});
    play(store, ana, "2026-03-04T10:00:00Z", {80, true, false, {}});
    play(store, ben, "2026-03-03T10:00:00Z", {80, true, false, {}});
    store.recordQuizAttempt(quiz(ana, "exam", 70));
    store.recordQuizAttempt(quiz(ana, "exam", 90));
    store.recordQuizAttempt(quiz(ana, "practice", 100));  // practice never counts as the exam score
    store.recordQuizAttempt(quiz(ben, "practice", 95));

    const auto rows = store.traineeActivity();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].trainee_id == ana);
    CHECK(rows[0].attempts == 3);
    CHECK(rows[0].last_activity == "2026-03-05T10:00:00Z");
    CHECK(rows[0].best_quiz_percent == 90);
    CHECK(rows[1].trainee_id == ben);
    CHECK(rows[1].attempts == 1);
    CHECK(rows[1].best_quiz_percent == -1);
    CHECK(rows[2].trainee_id == new_starter);
    CHECK(rows[2].attempts == 0);
    CHECK(rows[2].last_activity.empty());
    CHECK(rows[2].best_quiz_percent == -1);
}
