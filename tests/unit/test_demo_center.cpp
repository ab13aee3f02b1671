// `frontline demo`'s generator (issue 12): the center it builds is the one it says, played through
// the real engine and scorer, and it never writes into a database that has data.
#include <doctest/doctest.h>
#include <algorithm>
#include <set>
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/demo_center.hpp"
#include "../temp_dir.hpp"
#include "test_support.hpp"

using namespace frontline;

namespace {

struct DemoContent {
    ContentLibrary content = loadContent(ContentPaths::at(test::contentDir()));
    std::vector<Policy> policies = [] {
        std::vector<Diagnostic> diags;
        return loadPolicies(test::contentDir() / "policies", diags);
    }();
};
const DemoContent& demoContent() {
    static const DemoContent c;
    return c;
}

}  // namespace

TEST_CASE("demo: builds the trainees, teams, attempts, quizzes and certificates it reports") {
    test::TempDir dir;
    Store store = Store::open(dir.path() / "demo.db");
    DemoOptions o;
    o.trainees = 30;
    o.attempts = 600;
    o.days = 60;
    o.now = "2026-11-30T12:00:00Z";
    const DemoSummary s = buildDemoCenter(store, demoContent().content, demoContent().policies, o);

    CHECK(s.trainees == 30);
    const auto people = store.trainees();
    REQUIRE(people.size() == 30);
    CHECK(std::any_of(people.begin(), people.end(), [](const Trainee& t) { return t.name.find('\'') != std::string::npos; }));
    CHECK(std::any_of(people.begin(), people.end(), [](const Trainee& t) { return t.name.find("\xC3") != std::string::npos; }));
    std::set<std::string> teams;
    for (const auto& t : people) teams.insert(t.team);
    CHECK(teams.size() == s.teams.size());
    CHECK(teams.size() >= 3);

    CHECK(store.attemptCount() == 600);
    CHECK(s.games_played == 3 * 3 * static_cast<int>(demoContent().content.scenarios.size()));
    // Varied skill: some attempts pass and some fail, and every one lies in the last 60 days.
    const auto attempts = store.attempts();
    const auto passed = std::count_if(attempts.begin(), attempts.end(), [](const AttemptRecord& a) { return a.passed; });
    CHECK(passed > 60);
    CHECK(passed < 540);
    for (const auto& a : attempts) {
        CHECK(a.finished_at <= o.now);
        CHECK(a.finished_at >= "2026-10-01T12:00:00Z");
    }
    // A stored attempt is a real game: its log replays to the same score.
    const auto one = store.attempt(attempts.front().id);
    REQUIRE(one);
    const Scenario* scenario = demoContent().content.scenario(one->scenario_id);
    REQUIRE(scenario);
    const ScoreReport again = scoreAttempt(demoContent().content.sop, *scenario, demoContent().content.default_settings, one->log);
    CHECK(again.adherence == one->adherence);
    CHECK(again.passed == one->passed);

    CHECK(s.quizzes == static_cast<int>(store.quizAttempts().size()));
    CHECK(s.quizzes > 0);
    const auto certificates = store.certificates();
    CHECK(static_cast<int>(certificates.size()) == s.certificates);
    CHECK(std::count_if(certificates.begin(), certificates.end(), [](const CertificateRecord& c) { return !c.revoked_at.empty(); }) == 1);
    CHECK(std::any_of(certificates.begin(), certificates.end(), [&](const CertificateRecord& c) { return c.expires_at < o.now; }));
    CHECK(std::any_of(certificates.begin(), certificates.end(), [&](const CertificateRecord& c) { return c.expires_at > o.now; }));
}

TEST_CASE("demo: the same seed builds the same center, and a database with data is refused untouched") {
    test::TempDir dir;
    DemoOptions o;
    o.trainees = 5;
    o.attempts = 40;
    o.now = "2026-11-30T12:00:00Z";
    o.games_per_skill = 1;
    Store first = Store::open(dir.path() / "a.db");
    Store second = Store::open(dir.path() / "b.db");
    buildDemoCenter(first, demoContent().content, demoContent().policies, o);
    buildDemoCenter(second, demoContent().content, demoContent().policies, o);
    const auto a = first.attempts(), b = second.attempts();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].finished_at == b[i].finished_at);
        CHECK(a[i].scenario_id == b[i].scenario_id);
        CHECK(a[i].adherence == b[i].adherence);
    }

    CHECK_THROWS_AS(buildDemoCenter(first, demoContent().content, demoContent().policies, o), DemoRefused);
    CHECK(first.attemptCount() == 40);
    CHECK(first.trainees().size() == 5);
    o.allow_existing = true;  // asked for: added beside what is there (names must not collide)
    o.trainees = 0;
    CHECK_THROWS_AS(buildDemoCenter(first, demoContent().content, demoContent().policies, o), DemoRefused);
}
