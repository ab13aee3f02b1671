// The email channel (SOP §2) on the bundled email scenario: the reply target is the organisation's
// in hours and counts the time the email waited in the queue; writing costs no mood (nobody is
// watching); the debrief states waits the way people read them. And the follow-up that completes
// a promise ends as its own outcome, not as another first contact.
#include <doctest/doctest.h>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

Scenario bundled(const std::string& id) {
    std::vector<Diagnostic> diags;
    auto s = loadScenario(contentDir() / "scenarios" / (id + ".json"), bundledSop(), diags);
    REQUIRE(s);
    return *s;
}

const Event& answerEvent(const Engine& e) {
    for (const Event& ev : e.log().events)
        if (ev.type == EventType::Answer) return ev;
    FAIL("no answer event");
    return e.log().events.front();
}

}  // namespace

TEST_CASE("email: the reply target counts the minutes the email waited in the queue") {
    const Scenario s = bundled("email-bill-query");
    REQUIRE(s.channel == Channel::Email);
    REQUIRE(s.queued_minutes > 0);
    OrgSettings settings;
    CHECK(settings.answerTargetSeconds(Channel::Email) == settings.email_reply_within_hours * 3600);

    Engine on_time(bundledSop(), s, settings, "Sam", 1);
    REQUIRE(on_time.answer(20).ok);
    CHECK(answerEvent(on_time).data["waited"] == s.queued_minutes * 60 + 20);
    CHECK(answerEvent(on_time).data["late"] == false);

    settings.email_reply_within_hours = 3;  // the email has waited longer than that already
    Engine late(bundledSop(), s, settings, "Sam", 1);
    const int mood_before = late.mood();
    REQUIRE(late.answer(0).ok);
    CHECK(answerEvent(late).data["late"] == true);
    CHECK(late.mood() < mood_before);
}

TEST_CASE("email: a week in the queue is still late however long the target") {
    Scenario s = bundled("email-bill-query");
    s.queued_minutes = 10080;  // the schema's maximum: seven days
    OrgSettings settings;
    settings.email_reply_within_hours = 167;
    Engine e(bundledSop(), s, settings, "Sam", 1);
    REQUIRE(e.answer(Engine::kMaxWaitSeconds).ok);
    CHECK(answerEvent(e).data["late"] == true);
}

TEST_CASE("email: time spent writing costs no mood, unlike silence on a call") {
    const Scenario s = bundled("email-bill-query");
    const OrgSettings settings;  // the engine keeps a reference: it must outlive the engine
    Engine e(bundledSop(), s, settings, "Sam", 1);
    REQUIRE(e.answer(0).ok);
    const int mood = e.mood();
    e.elapse(600);
    CHECK(e.mood() == mood);
    CHECK(e.clock() >= 600);  // handle time still counts it
}

TEST_CASE("email: a late reply caps the stars and says so in hours") {
    const Scenario s = bundled("email-bill-query");
    OrgSettings settings;
    settings.email_reply_within_hours = 2;
    Engine e(bundledSop(), s, settings, "Sam", 1);
    REQUIRE(e.answer(0).ok);
    const ScoreReport r = scoreAttempt(bundledSop(), s, settings, e.log());
    CHECK(r.metrics.target_answer_seconds == 7200);
    bool capped = false;
    for (const StarCap& c : r.star_caps)
        if (c.condition == "late_answer") {
            capped = true;
            CHECK(c.text == "Answered after 3 h 10 min (target 2 h)");
        }
    CHECK(capped);
}

TEST_CASE("durations read the way people say them") {
    CHECK(durationText(0) == "0 s");
    CHECK(durationText(40) == "40 s");
    CHECK(durationText(119) == "119 s");
    CHECK(durationText(120) == "2 min");
    CHECK(durationText(7199) == "119 min");
    CHECK(durationText(7200) == "2 h");
    CHECK(durationText(11400) == "3 h 10 min");
    CHECK(durationText(86400) == "24 h");
}

TEST_CASE("channels: names round-trip and unknown names are refused") {
    for (Channel c : {Channel::Call, Channel::Chat, Channel::Email}) CHECK(channelFromName(channelName(c)) == c);
    CHECK_FALSE(channelFromName("fax"));
    CHECK_FALSE(channelFromName(""));
}

TEST_CASE("a completed follow-up is its own outcome and not a first-contact resolution") {
    const Scenario s = bundled("refund-callback-outcome");
    bool found = false;
    for (const Node& n : s.nodes)
        if (n.ending && n.ending->success && n.ending->outcome == "follow_up_completed") {
            found = true;
            REQUIRE(n.wrap_up);
            CHECK(n.wrap_up->dispositions == std::vector<std::string>{"FU-DONE"});
        }
    CHECK(found);
    const SopOutcome* completed = bundledSop().outcome("follow_up_completed");
    REQUIRE(completed);
    CHECK(completed->title == "Follow-up completed and logged");
    CHECK_FALSE(completed->first_contact_resolution);
}
