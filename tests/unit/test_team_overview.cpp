// The manager's Team view as data (team_overview.hpp): what is read, and how the filter, the sort,
// the summary counts, the weakest-steps panel and the heatmap follow what the manager picks.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include "frontline/certs.hpp"
#include "frontline/team_overview.hpp"
#include "cli_runner.hpp"

using namespace frontline;
using frontline::test::TempDir;

namespace {

constexpr const char* kNow = "2026-11-30T12:00:00Z";

struct Center {
    TempDir dir;
    ContentLibrary content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    std::vector<Policy> policies;
    Store store = Store::open(dir / "frontline.db");
    OrgSettings settings = content.default_settings;

    Center() {
        std::vector<Diagnostic> problems;
        policies = loadPolicies(content.paths.root / "policies", problems);
        REQUIRE(problems.empty());
        REQUIRE_FALSE(policies.empty());
    }

    // An attempt where `step` scored `score` (and greet, the first step, scored 100).
    void attempt(const Trainee& t, const std::string& step, int score, const std::string& at) {
        AttemptLog log;
        log.scenario_id = "model-call";
        log.sop_version = content.sop.version;
        ScoreReport report;
        report.scenario_id = "model-call";
        report.sop_version = content.sop.version;
        report.adherence = score;
        report.passed = score >= 70;
        for (const auto& [id, value] : {std::pair<std::string, int>{content.sop.steps.front().id, 100}, {step, score}}) {
            StepScore s;
            s.step = id;
            s.required = true;
            s.covered = true;
            s.in_order = true;
            s.score = value;
            report.steps.push_back(s);
        }
        store.recordAttempt(t.id, "Model call", log, report, at, at);
    }

    void exam(const Trainee& t, int percent) {
        QuizAttemptRecord q;
        q.trainee_id = t.id;
        q.exam_id = "inbound-l1-exam";
        q.mode = "exam";
        q.score_percent = percent;
        q.passed = percent >= 80;
        q.sop_version = content.sop.version;
        q.started_at = q.finished_at = "2026-11-01T09:00:00Z";
        store.recordQuizAttempt(q);
    }

    TeamOverview load(const std::string& now = kNow) { return loadTeamOverview(store, content, policies, settings, now); }
};

std::vector<std::string> names(const TeamOverview& o, const std::vector<size_t>& picked) {
    std::vector<std::string> out;
    for (size_t i : picked) out.push_back(o.members[i].trainee.name);
    return out;
}

}  // namespace

TEST_CASE("the overview holds every trainee by name, the teams, and one heatmap column per SOP step") {
    Center c;
    auto zoe = c.store.createTrainee("zoë Brandt", "Blue");
    auto ana = c.store.createTrainee("Ana Lima", "Green");
    c.store.createTrainee("Ben Okafor", "Blue");
    const std::string verify = c.content.sop.steps.at(1).id;
    c.attempt(ana, verify, 40, "2026-11-02T10:00:00Z");
    c.attempt(ana, verify, 60, "2026-11-20T10:00:00Z");
    c.attempt(zoe, verify, 90, "2026-11-21T10:00:00Z");
    c.exam(ana, 72);

    const TeamOverview o = c.load();
    CHECK(names(o, selectMembers(o, {})) == std::vector<std::string>{"Ana Lima", "Ben Okafor", "zoë Brandt"});
    CHECK(o.teams == std::vector<std::string>{"Blue", "Green"});
    REQUIRE(o.steps.size() == c.content.sop.steps.size());
    CHECK(o.steps[1] == verify);
    const TeamMember& a = o.members[0];
    CHECK(a.statuses.size() == c.policies.size());
    CHECK(a.activity.attempts == 2);
    CHECK(a.activity.best_quiz_percent == 72);
    CHECK(a.activity.last_activity.rfind("2026-11-20", 0) == 0);
    CHECK(a.steps[1].attempts == 2);
    CHECK(a.steps[1].mean_score == doctest::Approx(50));
    CHECK(o.members[1].steps[1].attempts == 0);  // Ben never met the step: an empty cell, not a zero score
    CHECK(o.members[1].activity.best_quiz_percent == -1);
}

TEST_CASE("the filter picks a team and a name, and the counts and weakest steps follow it") {
    Center c;
    auto ana = c.store.createTrainee("Ana Lima", "Green");
    auto ben = c.store.createTrainee("Ben Okafor", "Blue");
    auto cleo = c.store.createTrainee("Cleo Tan", "Blue");
    const std::string verify = c.content.sop.steps.at(1).id;
    c.attempt(ana, verify, 20, "2026-11-02T10:00:00Z");
    c.attempt(ben, verify, 80, "2026-11-03T10:00:00Z");
    c.attempt(cleo, verify, 100, "2026-11-04T10:00:00Z");
    c.attempt(cleo, verify, 100, "2026-11-05T10:00:00Z");
    c.exam(ben, 90);
    c.exam(cleo, 70);
    const TeamOverview o = c.load();

    TeamFilter blue;
    blue.team = "Blue";
    const auto picked = selectMembers(o, blue);
    CHECK(names(o, picked) == std::vector<std::string>{"Ben Okafor", "Cleo Tan"});
    const TeamCounts counts = countTeam(o, picked);
    CHECK(counts.trainees == 2);
    CHECK(counts.attempts == 3);
    CHECK(counts.best_quiz_mean == 80);
    const auto steps = weakestSteps(o, picked);
    REQUIRE_FALSE(steps.empty());
    const auto v = std::find_if(steps.begin(), steps.end(), [&](const StepSummary& s) { return s.step == verify; });
    REQUIRE(v != steps.end());
    CHECK(v->attempts == 3);
    CHECK(v->mean_score == doctest::Approx(280.0 / 3));  // weighted by attempts, not by trainee
    CHECK(steps.front().step == verify);                 // weakest first (greet scored 100 everywhere)

    const auto all = weakestSteps(o, selectMembers(o, {}));
    CHECK(std::find_if(all.begin(), all.end(), [&](const StepSummary& s) { return s.step == verify; })->mean_score ==
          doctest::Approx(300.0 / 4));

    TeamFilter search;
    search.search = "TAN";
    CHECK(names(o, selectMembers(o, search)) == std::vector<std::string>{"Cleo Tan"});
}

TEST_CASE("sorting by quiz score or last activity, either way, keeps ties in name order") {
    Center c;
    auto ana = c.store.createTrainee("Ana Lima", "");
    auto ben = c.store.createTrainee("Ben Okafor", "");
    c.store.createTrainee("Cleo Tan", "");
    const std::string verify = c.content.sop.steps.at(1).id;
    c.attempt(ben, verify, 80, "2026-11-03T10:00:00Z");
    c.attempt(ana, verify, 80, "2026-11-09T10:00:00Z");
    c.exam(ana, 60);
    c.exam(ben, 95);
    const TeamOverview o = c.load();

    TeamFilter f;
    f.sort = TeamSort::QuizScore;
    f.descending = true;
    CHECK(names(o, selectMembers(o, f)) == std::vector<std::string>{"Ben Okafor", "Ana Lima", "Cleo Tan"});
    f.sort = TeamSort::LastActivity;
    f.descending = false;
    CHECK(names(o, selectMembers(o, f)) == std::vector<std::string>{"Cleo Tan", "Ben Okafor", "Ana Lima"});
}

TEST_CASE("a refresher falling due in 10 days is due within 14 days, not within 7, and the agent counts as certified") {
    Center c;
    auto ana = c.store.createTrainee("Ana Lima", "");
    c.store.createTrainee("Ben Okafor", "");
    auto key = loadOrCreateSigningKey(c.dir.path());
    auto record = issueCertificate(c.store, key, ana, c.policies.front(), nlohmann::json::object(), "2026-01-10T12:00:00Z", c.settings,
                                   c.content.sop.version);
    // Judged when the refresher (expiry minus the recertification window) is 10 days away.
    const std::string now = *addDaysUtc(record.expires_at, -(c.settings.recertification_window_days + 10));
    const TeamOverview o = c.load(now);
    const TeamMember& a = o.members[0];
    REQUIRE(a.statuses.front().status == CertStatus::Certified);
    CHECK(dueWithin(a, 14, now));
    CHECK_FALSE(dueWithin(a, 7, now));
    CHECK_FALSE(dueWithin(o.members[1], 365, now));
    CHECK(countTeam(o, selectMembers(o, {})).certified == 1);
    CHECK(dateOfUtc(nextRefresher(a)) == dateOfUtc(*addDaysUtc(now, 10)));
    TeamFilter due;
    due.status = StatusFilter::DueWithin;
    due.due_within_days = 14;
    CHECK(names(o, selectMembers(o, due)) == std::vector<std::string>{"Ana Lima"});
    due.due_within_days = 7;
    CHECK(selectMembers(o, due).empty());

    // Inside the window the refresher is due now, whatever the horizon.
    const std::string later = *addDaysUtc(record.expires_at, -5);
    const TeamOverview late = c.load(later);
    CHECK(late.members[0].statuses.front().status == CertStatus::RefresherDue);
    CHECK(dueWithin(late.members[0], 1, later));
}

TEST_CASE("certify status --due --within N lists refreshers falling due in the next N days") {
    Center c;
    auto ana = c.store.createTrainee("Ana Lima", "");
    c.store.createTrainee("Ben Okafor", "");
    auto record = issueCertificate(c.store, loadOrCreateSigningKey(c.dir.path()), ana, c.policies.front(), nlohmann::json::object(),
                                   "2026-01-10T12:00:00Z", c.settings, c.content.sop.version);
    const std::string at = *addDaysUtc(record.expires_at, -(c.settings.recertification_window_days + 10));
    auto status = [&](const std::string& within) {
        std::vector<std::string> argv = {"certify", "status", "--db", (c.dir / "frontline.db").string(), "--content",
                                         FRONTLINE_TEST_CONTENT_DIR, "--at", at, "--json", "--due"};
        if (!within.empty()) argv.insert(argv.end(), {"--within", within});
        return test::runCli(argv);
    };
    const auto in14 = status("14d");
    REQUIRE(in14.code == 0);
    REQUIRE(in14.json().size() == 1);
    CHECK(in14.json()[0]["trainee"] == "Ana Lima");
    CHECK(status("7").json().empty());
    CHECK(status("").json().empty());  // --due alone: due now or expired only
    const auto bad = status("soon");
    CHECK(bad.code != 0);
    CHECK(bad.err.find("--within expects a number of days") != std::string::npos);
}
