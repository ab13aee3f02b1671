// The manager's dashboard queries (issue 12) on both engines: the trainee x step heatmap, weekly
// trends with their filters, and each trainee's activity.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>
#include "old_schema.hpp"
#include "frontline/store.hpp"
#include "../../app/store/src/sqlite_store.hpp"
#include "../temp_dir.hpp"
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

namespace {

// weeklyStats() recomputed from the attempts themselves: what the kept totals must always equal.
// Plain SQL both engines read alike; the week is computed here in C++ from finished_at.
std::vector<WeekStat> weeklyFromAttempts(test::StoreEngine& engine, Store& store, std::int64_t trainee_id,
                                         const std::string& team) {
    std::string sql =
        "SELECT a.finished_at, CASE WHEN a.passed THEN 1 ELSE 0 END, a.adherence,"
        " CASE WHEN a.critical_failure THEN 1 ELSE 0 END FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE 1 = 1";
    if (trainee_id != 0) sql += " AND a.trainee_id = " + std::to_string(trainee_id);
    if (!team.empty()) sql += " AND t.team = '" + team + "'";
    std::map<std::string, WeekStat> weeks;
    for (const auto& row : engine.query(store, sql)) {
        // Days since 1970-01-01 (a Thursday) by the civil calendar, back to that week's Monday.
        const int y = std::stoi(row[0].substr(0, 4)), m = std::stoi(row[0].substr(5, 2)), d = std::stoi(row[0].substr(8, 2));
        const auto days = std::chrono::sys_days(std::chrono::year(y) / m / d);
        const auto monday = days - std::chrono::days((std::chrono::weekday(days).iso_encoding() - 1));
        const std::chrono::year_month_day ymd(monday);
        char week[16];
        std::snprintf(week, sizeof week, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
        WeekStat& w = weeks[week];
        w.week = week;
        w.attempts += 1;
        w.passed += std::stoi(row[1]);
        w.mean_adherence += std::stoi(row[2]);  // a sum until the end
        w.critical_breaches += std::stoi(row[3]);
    }
    std::vector<WeekStat> out;
    for (auto& [_, w] : weeks) {
        w.mean_adherence /= w.attempts;
        out.push_back(w);
    }
    return out;
}

void checkSameWeeks(const std::vector<WeekStat>& got, const std::vector<WeekStat>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(want[i].week);
        CHECK(got[i].week == want[i].week);
        CHECK(got[i].attempts == want[i].attempts);
        CHECK(got[i].passed == want[i].passed);
        CHECK(got[i].mean_adherence == doctest::Approx(want[i].mean_adherence));
        CHECK(got[i].critical_breaches == want[i].critical_breaches);
    }
}

}  // namespace

TEST_CASE_TEMPLATE("dashboard: the kept weekly totals equal a recount of the attempts after random inserts and deletes", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const std::vector<std::int64_t> people = {store.createTrainee("Ana", "North").id, store.createTrainee("Ben", "South").id,
                                              store.createTrainee("Zoë D'Arcy", "North").id};
    std::mt19937 random(12);
    std::vector<std::int64_t> ids;
    {
        Store::Batch batch(store);
        for (int i = 0; i < 120; ++i) {
            char when[32];
            std::snprintf(when, sizeof when, "2026-%02d-%02dT%02d:00:00Z", 1 + int(random() % 3), 1 + int(random() % 28),
                          int(random() % 24));
            const int adherence = int(random() % 101);
            ids.push_back(play(store, people[random() % people.size()], when,
                               {adherence, adherence >= 60, random() % 5 == 0, {requiredStep("receive", adherence)}}));
        }
        batch.commit();
    }
    auto checkAll = [&] {
        for (std::int64_t who : {std::int64_t{0}, people[0], people[1], people[2]})
            for (const std::string team : {"", "North", "South"}) {
                CAPTURE(who);
                CAPTURE(team);
                checkSameWeeks(store.weeklyStats(who, team), weeklyFromAttempts(*engine, store, who, team));
            }
        for (const auto& row : store.traineeActivity())
            CHECK(row.attempts == engine->scalar(store, "SELECT count(*) FROM attempts WHERE trainee_id = " + std::to_string(row.trainee_id)));
    };
    checkAll();
    // An administrator deletes behind the store's back: some attempts, then a whole trainee.
    for (int i = 0; i < 30; ++i) engine->exec(store, "DELETE FROM attempts WHERE id = " + std::to_string(ids[random() % ids.size()]));
    checkAll();
    engine->exec(store, "DELETE FROM attempts WHERE trainee_id = " + std::to_string(people[1]));
    checkAll();
    CHECK(store.weeklyStats(people[1]).empty());
    CHECK(engine->scalar(store, "SELECT count(*) FROM week_totals WHERE trainee_id = " + std::to_string(people[1])) == 0);
}

TEST_CASE("dashboard: a schema-6 file with attempts migrates with its weekly totals filled and every attempt readable") {
    test::TempDir dir;
    const auto path = dir.path() / "old.db";
    std::int64_t ana = 0, ben = 0;
    std::vector<std::int64_t> ids;
    {
        Store current = Store::open(path);  // to write realistic rows, then taken back to schema 6
        ana = current.createTrainee("Ana", "North").id;
        ben = current.createTrainee("Ben", "South").id;
        ids.push_back(play(current, ana, "2026-03-01T10:00:00Z", {60, false, true, {requiredStep("receive", 60)}}));
        ids.push_back(play(current, ana, "2026-03-02T10:00:00Z", {80, true, false, {requiredStep("receive", 80)}}));
        ids.push_back(play(current, ben, "2026-03-03T10:00:00Z", {100, true, false, {requiredStep("receive", 100)}}));
        test::backToSchema6(sqliteHandle(current));
    }
    Store migrated = Store::open(path);
    CHECK(migrated.schemaVersion() == Store::currentSchemaVersion());
    for (std::int64_t id : ids) {
        const auto a = migrated.attempt(id);
        REQUIRE(a);
        CHECK(a->report.steps.size() == 1);
    }
    const auto weeks = migrated.weeklyStats();
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].week == "2026-02-23");
    CHECK(weeks[0].critical_breaches == 1);
    CHECK(weeks[1].week == "2026-03-02");
    CHECK(weeks[1].attempts == 2);
    CHECK(weeks[1].mean_adherence == doctest::Approx(90));
    const auto activity = migrated.traineeActivity();
    REQUIRE(activity.size() == 2);
    CHECK(activity[0].attempts == 2);
    CHECK(activity[1].attempts == 1);
    // The triggers are back: a new attempt counts.
    play(migrated, ben, "2026-03-04T10:00:00Z", {50, false, false, {}});
    CHECK(migrated.weeklyStats(ben).at(0).attempts == 2);
}
