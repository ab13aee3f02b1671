// Headless UI tests of the certification screens: a trainee who has met level 1 issues the
// certificate and exports it; the manager's progress table shows every trainee and filters them.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include "frontline/certs.hpp"
#include "../genuine_evidence.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace fs = std::filesystem;

namespace {

using frontline::test::TempDir;
using frontline::test::recordGenuineExam;
using frontline::test::recordGenuinePass;

// An app on a temp database (the signing key goes beside it) with one trainee ready for level 1
// (the knowledge check and a pass for each required situation) and one who has done nothing.
void loadReadyApp(Harness& h, const TempDir& dir) {
    h.app.content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    REQUIRE(h.app.content.sop_loaded);
    h.app.store.emplace(Store::open(dir.path() / "frontline.db"));
    Store& store = *h.app.store;
    auto ready = store.createTrainee("Amélie Ready", "Blue");
    store.createTrainee("Noah Newcomer", "Green");
    for (const char* scenario : {"failed-verification", "price-objection-learn", "irate-supervisor-request"})
        recordGenuinePass(store, h.app.content, ready.id, scenario, "2026-01-05T09:00:00Z", "2026-01-05T09:06:00Z");
    recordGenuineExam(store, h.app.content, ready.id, "inbound-l1-exam", 1, "2026-01-06T09:25:00Z");
    ui::openApp(h.app, "Amélie Ready");
    h.frames(2);
}

}  // namespace

TEST_CASE("rows that do not replay look ready but sign nothing, and the screen says which and why") {
    TempDir dir;
    Harness h;
    h.app.content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    h.app.store.emplace(Store::open(dir.path() / "frontline.db"));
    Store& store = *h.app.store;
    const auto mallory = store.createTrainee("Mallory Forge", "Blue");
    recordGenuineExam(store, h.app.content, mallory.id, "inbound-l1-exam", 0, "2026-01-06T09:25:00Z");
    for (const char* scenario : {"failed-verification", "price-objection-learn", "irate-supervisor-request"}) {
        AttemptLog log;  // a pass claimed with no play behind it
        log.scenario_id = scenario;
        log.sop_version = h.app.content.sop.version;
        ScoreReport report;
        report.scenario_id = scenario;
        report.sop_version = log.sop_version;
        report.passed = true;
        report.stars = 3;
        store.recordAttempt(mallory.id, scenario, log, report, "2026-01-05T09:00:00Z", "2026-01-05T09:06:00Z");
    }
    ui::openApp(h.app, "Mallory Forge");
    ui::navigate(h.app, ui::ScreenId::Certificates);
    h.frames(2);
    REQUIRE(h.enabled("Issue certificate:inbound-agent-l1"));  // the stored rows claim enough
    h.click("Issue certificate:inbound-agent-l1");
    h.frames(1);
    CHECK(store.certificates(mallory.id).empty());
    CHECK(h.app.certificates.message_is_error);
    CHECK(h.app.certificates.message.find("3 pieces of evidence did not reproduce") != std::string::npos);
    CHECK(h.app.certificates.message.find("it has no event log to replay") != std::string::npos);
}

TEST_CASE("a ready trainee issues a level 1 certificate and exports it") {
    TempDir dir;
    Harness h;
    loadReadyApp(h, dir);
    ui::navigate(h.app, ui::ScreenId::Certificates);
    h.frames(2);

    CHECK(h.visible("status:inbound-agent-l1:in_progress"));
    // Exams and prerequisites by their titles, never their ids.
    CHECK(h.visible("requirement:inbound-agent-l1:Exam 'Inbound agent level 1: knowledge check' (80% or more)"));
    CHECK(h.visible("requirement:inbound-agent-l2:Hold a current 'Inbound agent — level 1' certificate"));
    CHECK(h.find("requirement:inbound-agent-l1:Exam 'inbound-l1-exam'").empty());
    // Level 2 only counts work from the last 90 days; these attempts are older.
    CHECK(h.visible("status:inbound-agent-l2:not_started"));
    REQUIRE(h.enabled("Issue certificate:inbound-agent-l1"));
    CHECK(h.visible("Issue certificate:inbound-agent-l2"));
    CHECK_FALSE(h.enabled("Issue certificate:inbound-agent-l2"));  // needs level 1 first, and more

    h.click("Issue certificate:inbound-agent-l1");
    auto certs = h.app.store->certificates(h.app.trainee->id);
    REQUIRE(certs.size() == 1);
    CHECK(certs[0].policy_id == "inbound-agent-l1");
    CHECK(certs[0].trainee_name == "Amélie Ready");
    CHECK(h.visible("status:inbound-agent-l1:certified"));
    CHECK_FALSE(h.visible("Issue certificate:inbound-agent-l1"));
    CHECK_FALSE(h.enabled("Renew certificate:inbound-agent-l1"));  // certified: nothing to renew yet
    CHECK(fs::exists(signingKeyPath(dir.path())));

    // Exports go to the trainee's Documents folder, named for a person to find.
    const fs::path documents = dir.path() / "Documents";
    fs::create_directories(documents);
    setenv("XDG_DOCUMENTS_DIR", documents.c_str(), 1);
    h.click("Export PDF:" + certs[0].id);
    const std::string name = "Certificate-Amélie-Ready-Inbound-agent-—-level-1-" +
                             dateOfUtc(certs[0].issued_at) + "-" + certs[0].id.substr(0, 8);
    CHECK(fs::exists(documents / "Frontline" / (name + ".pdf")));
    h.click("Export badge:" + certs[0].id);
    setenv("XDG_DOCUMENTS_DIR", "/nonexistent/frontline-ui-tests", 1);
    const auto badge = documents / "Frontline" / (name + ".badge.json");
    REQUIRE(fs::exists(badge));
    CHECK(h.app.certificates.message.find("Saved") == 0);
    std::ifstream in(badge);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    VerifyOptions options;
    options.now = nowUtcIso();
    options.trusted_key = loadSigningKey(dir.path())->public_key;
    options.store = &*h.app.store;
    CHECK(verifyBadge(text, options).verdict == BadgeVerdict::Valid);
}

TEST_CASE("the manager's progress table lists every trainee and filters them") {
    TempDir dir;
    Harness h;
    loadReadyApp(h, dir);
    ui::navigate(h.app, ui::ScreenId::Certification);
    h.frames(1);
    ui::finishTeamLoad(h.app);  // the figures load on a worker with their own connection
    h.frames(2);
    CHECK(h.visible("trainee:Amélie Ready"));
    CHECK(h.visible("trainee:Noah Newcomer"));
    CHECK(h.visible("status:Noah Newcomer:inbound-agent-l1:not_started"));
    CHECK(h.visible("status:Amélie Ready:inbound-agent-l1:in_progress"));
    CHECK(h.visible("step:receive"));  // the team's weakest SOP steps, from Store::stepStats

    h.click("Refresher due");
    CHECK_FALSE(h.visible("trainee:Amélie Ready"));
    CHECK_FALSE(h.visible("trainee:Noah Newcomer"));

    // Certify Amélie behind the screen's back; Refresh picks it up.
    auto policies = ui::certificationPolicies(h.app);
    issueCertificate(*h.app.store, *h.app.trainee, policies.front(), nlohmann::json::object(), nowUtcIso(), h.app.settings,
                     h.app.content.sop.version);
    h.click("Not certified");
    CHECK(h.visible("trainee:Amélie Ready"));  // stale until refreshed
    h.click("Refresh");
    ui::finishTeamLoad(h.app);
    h.frames(2);
    CHECK_FALSE(h.visible("trainee:Amélie Ready"));
    CHECK(h.visible("trainee:Noah Newcomer"));

    h.fill("Search trainees", "noah");
    h.click("Everyone");
    CHECK(h.visible("trainee:Noah Newcomer"));
    CHECK_FALSE(h.visible("trainee:Amélie Ready"));
}

TEST_CASE("filters select refresher-due and expired rows") {
    TeamMember row;
    row.statuses.resize(2);
    row.statuses[0].status = CertStatus::Certified;
    row.statuses[1].status = CertStatus::InProgress;
    auto with = [](StatusFilter status) {
        TeamFilter f;
        f.status = status;
        return f;
    };
    const std::string now = "2026-11-30T12:00:00Z";
    CHECK(matches(row, with(StatusFilter::Everyone), now));
    CHECK_FALSE(matches(row, with(StatusFilter::RefresherDue), now));
    CHECK_FALSE(matches(row, with(StatusFilter::NotCertified), now));
    row.statuses[0].status = CertStatus::RefresherDue;
    CHECK(matches(row, with(StatusFilter::RefresherDue), now));
    CHECK_FALSE(matches(row, with(StatusFilter::Expired), now));
    row.statuses[0].status = CertStatus::Expired;
    CHECK(matches(row, with(StatusFilter::Expired), now));
    CHECK(matches(row, with(StatusFilter::NotCertified), now));
}
