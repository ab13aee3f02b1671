// The Team screen at work (issue 12): figures read on a worker with their own connection, the team
// filter that the weakest-steps panel follows, the heatmap, the trends, one trainee's records with
// a Replay link, the refresher reminders on Home, and issuing behind the manager password.
#include "../genuine_evidence.hpp"
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include "frontline/certs.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
using frontline::test::TempDir;

namespace {

// An attempt where the SOP's second step scored `score` and the first 100.
std::int64_t recordAttempt(Harness& h, const Trainee& t, int score, const std::string& at) {
    const auto& steps = h.app.content.sop.steps;
    AttemptLog log;
    log.scenario_id = "model-call";
    log.sop_version = h.app.content.sop.version;
    ScoreReport report;
    report.scenario_id = "model-call";
    report.sop_version = h.app.content.sop.version;
    report.adherence = score;
    report.passed = score >= 80;
    report.stars = score >= 80 ? 2 : 0;
    for (const auto& [id, value] : {std::pair<std::string, int>{steps.at(0).id, 100}, {steps.at(1).id, score}}) {
        StepScore s;
        s.step = id;
        s.required = s.covered = s.in_order = true;
        s.score = value;
        report.steps.push_back(s);
    }
    return h.app.store->recordAttempt(t.id, "Model call", log, report, at, at);
}

// Two teams on a real file: Blue does step 2 well, Green does not.
void openCenter(Harness& h, const TempDir& dir) {
    h.app.content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    REQUIRE(h.app.content.sop_loaded);
    h.app.store.emplace(Store::open(dir.path() / "frontline.db"));
    Store& store = *h.app.store;
    auto ana = store.createTrainee("Ana Lima", "Green");
    auto ben = store.createTrainee("Ben Okafor", "Blue");
    recordAttempt(h, ana, 30, "2026-11-02T10:00:00Z");
    recordAttempt(h, ana, 50, "2026-11-10T10:00:00Z");
    recordAttempt(h, ben, 95, "2026-11-11T10:00:00Z");
    ui::openApp(h.app, "Ben Okafor");
    h.frames(2);
}

// Lets every load that was asked for finish (a screen may ask again when it sees stale figures).
void settleTeam(Harness& h) {
    for (int i = 0; i < 5; ++i) {
        ui::finishTeamLoad(h.app);
        h.frames(1);
        if (!ui::teamLoading(h.app) && h.app.certification.valid) break;
    }
    h.frames(1);
}

void openTeam(Harness& h) {
    ui::navigate(h.app, ui::ScreenId::Certification);
    h.frames(1);
    settleTeam(h);
    REQUIRE(h.app.certification.overview);
}

}  // namespace

TEST_CASE("the Team figures load on a worker, and the weakest steps follow the team filter") {
    TempDir dir;
    Harness h;
    openCenter(h, dir);
    openTeam(h);
    const std::string step2 = h.app.content.sop.steps.at(1).id;
    CHECK(h.visible("trainee:Ana Lima"));
    CHECK(h.visible("trainee:Ben Okafor"));
    CHECK(h.visible("step:" + step2));
    const auto all = weakestSteps(*h.app.certification.overview, selectMembers(*h.app.certification.overview, {}));
    CHECK(all.front().step == step2);  // Green's 30 and 50 pull the whole team down on step 2

    h.app.certification.filter.team = "Blue";
    h.frames(2);
    CHECK_FALSE(h.visible("trainee:Ana Lima"));
    CHECK(h.visible("trainee:Ben Okafor"));
    TeamFilter blue;
    blue.team = "Blue";
    const auto blue_steps = weakestSteps(*h.app.certification.overview, selectMembers(*h.app.certification.overview, blue));
    for (const auto& s : blue_steps) CHECK(s.mean_score >= 95);  // Blue's own figures, not the team's
}

TEST_CASE("the heatmap shows each trainee's step scores and the trends tab draws the weeks") {
    TempDir dir;
    Harness h;
    openCenter(h, dir);
    openTeam(h);
    const std::string step2 = h.app.content.sop.steps.at(1).id;
    h.click("Heatmap");
    CHECK(h.visible("heat:Ana Lima:" + step2));
    CHECK(h.visible("heat:Ben Okafor:" + step2));
    CHECK(h.visible("heat:*:" + step2));
    const TeamMember& ana = h.app.certification.overview->members.at(0);
    REQUIRE(ana.trainee.name == "Ana Lima");
    CHECK(ana.steps.at(1).attempts == 2);
    CHECK(ana.steps.at(1).mean_score == doctest::Approx(40));

    h.click("Trends");
    CHECK(h.visible("trend:team"));
    const auto& weeks = h.app.certification.overview->weeks.at("");
    int attempts = 0;
    for (const auto& w : weeks) attempts += w.attempts;
    CHECK(attempts == 3);
    CHECK(h.app.certification.overview->weeks.count("Green") == 1);
}

TEST_CASE("a trainee opened from the roster shows their records, and Replay opens the attempt in History") {
    TempDir dir;
    Harness h;
    openCenter(h, dir);
    openTeam(h);
    h.click("trainee:Ana Lima");
    const auto& drill = h.app.certification.drill;
    REQUIRE(drill.trainee_id == h.app.store->traineeByName("Ana Lima")->id);
    CHECK(drill.attempts.size() == 2);
    CHECK(h.visible("trend:trainee"));
    const std::int64_t newest = drill.attempts.front().id;
    const std::string replay = "replay:" + std::to_string(newest);
    const auto& r = h.recorder.items.at(replay);
    REQUIRE(r.visible_max.y - r.visible_min.y >= r.max.y - r.min.y - 0.5f);  // on screen without scrolling
    h.click(replay);
    CHECK(h.app.screen == ui::ScreenId::History);
    CHECK(h.app.history.selected == newest);
    h.frames(2);
    REQUIRE(h.app.history.loaded);
    CHECK(h.app.history.loaded->trainee_name == "Ana Lima");
}

TEST_CASE("issuing a certificate asks for the manager password when the file has one") {
    TempDir dir;
    Harness h;
    openCenter(h, dir);
    Store& store = *h.app.store;
    store.setManagerPassword("blue-harbour-42");
    ui::lockManager(h.app);
    // Ben is ready for level 1: the knowledge check and a pass for each required situation.
    for (const char* scenario : {"failed-verification", "price-objection-learn", "irate-supervisor-request"})
        test::recordGenuinePass(store, h.app.content, h.app.trainee->id, scenario, "2026-11-05T09:00:00Z", "2026-11-05T09:06:00Z");
    test::recordGenuineExam(store, h.app.content, h.app.trainee->id, "inbound-l1-exam", 0, "2026-11-06T09:00:00Z");
    ui::navigate(h.app, ui::ScreenId::Certificates);
    h.frames(2);
    REQUIRE(h.enabled("Issue certificate:inbound-agent-l1"));
    h.click("Issue certificate:inbound-agent-l1");
    CHECK(store.certificates(h.app.trainee->id).empty());  // a trainee alone cannot certify themselves
    REQUIRE(h.visible("Manager password field"));
    h.fill("Manager password field", "blue-harbour-42");
    h.click("Unlock");
    CHECK(store.certificates(h.app.trainee->id).size() == 1);
}

TEST_CASE("Home reminds the trainee of their own refresher and the manager of the team's") {
    TempDir dir;
    Harness h;
    openCenter(h, dir);
    Store& store = *h.app.store;
    const auto policies = ui::certificationPolicies(h.app);
    auto key = loadOrCreateSigningKey(dir.path());
    // Ana's and Ben's certificates reach their refresher window in 5 days (inside the 14-day reminder).
    const std::string expires = *addDaysUtc(nowUtcIso(), h.app.settings.recertification_window_days + 5);
    const std::string issued = *addMonthsUtc(expires, -h.app.settings.certificate_validity_months);
    for (const char* name : {"Ana Lima", "Ben Okafor"})
        issueCertificate(store, key, *store.traineeByName(name), policies.front(), nlohmann::json::object(), issued, h.app.settings,
                         h.app.content.sop.version);
    ui::refreshSummary(h.app);
    ui::invalidateCertification(h.app);
    ui::navigate(h.app, ui::ScreenId::Home);
    h.frames(1);
    settleTeam(h);
    CHECK(h.visible("refresher:" + policies.front().id));  // Ben's own
    CHECK(h.visible("team-due"));                          // Ana's, for the manager at this desk
    h.click("Open Team");
    settleTeam(h);
    CHECK(h.app.screen == ui::ScreenId::Certification);
    CHECK(h.visible("trainee:Ana Lima"));
}
