// scoreAttempt() against hand-built event logs: a small fixture scenario scored with the real SOP.
#include <doctest/doctest.h>
#include <algorithm>
#include <string>
#include <vector>
#include "frontline/content.hpp"
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "test_support.hpp"

using namespace frontline;

namespace {

const Sop& realSop() { return test::bundledSop(); }

// A billing call: CRM with history to review, one relevant and one irrelevant KB article,
// a good ending that wants RES-BILL and two note mentions, and a bad ending.
Scenario billingScenario() {
    Scenario s;
    s.id = "fixture-billing";
    s.sop = "inbound-calls-chats";
    s.channel = Channel::Call;
    s.difficulty = 2;
    s.persona.mood = 60;
    s.crm.fields = {{"Account number", "88-1042"}, {"Name", "Dana Whitfield"}};
    s.crm.history = {{"2026-10-02", "call", "Asked about late fee"}};
    s.crm.must_review_history = true;
    s.kb = {{"late-fees", "Late fee waivers", "...", {"fee"}, true, ""}, {"roaming", "Roaming", "...", {}, false, ""}};
    s.start = "open";
    Node ok;
    ok.id = "end_ok";
    ok.ending = Ending{"resolved_first_contact", true, "Fee refunded."};
    WrapUpExpectation w;
    w.dispositions = {"RES-BILL", "FU-REFUND"};
    w.category = "billing";
    w.notes_mention = {{"late fee", {"late fee", "fee"}, {}}, {"refund", {"refund", "credit"}, {}}};
    ok.wrap_up = w;
    Node bad;
    bad.id = "end_breach";
    bad.ending = Ending{"policy_breach", false, "Disclosed before verification."};
    bad.wrap_up = WrapUpExpectation{{"COMPLAINT"}, "", {}, false};
    Node follow;
    follow.id = "end_follow";
    follow.ending = Ending{"follow_up_scheduled", true, "Callback booked."};
    follow.wrap_up = WrapUpExpectation{{"FU-CALLBACK"}, "billing", {}, true};
    s.nodes = {ok, bad, follow};
    return s;
}

// Writes an attempt log the way the engine does: seq and clock advance with each event.
struct LogBuilder {
    AttemptLog log;
    int clock = 0;
    int mood = 60;

    Event& add(EventType type, const std::string& id, int seconds = 10) {
        Event e;
        e.seq = static_cast<int>(log.events.size());
        e.type = type;
        clock += seconds;
        e.clock = clock;
        e.id = id;
        e.text = id;
        e.mood_before = mood;
        e.mood_after = mood;
        log.events.push_back(e);
        return log.events.back();
    }
    LogBuilder& answer(int waited) {
        Event& e = add(EventType::Answer, "answer", 0);
        e.data = {{"waited", waited}};
        return *this;
    }
    LogBuilder& choice(const std::string& id, std::vector<std::string> steps, int points,
                       std::vector<std::string> breaks = {}) {
        Event& e = add(EventType::Choice, id);
        e.steps = std::move(steps);
        e.points = points;
        e.breaks = std::move(breaks);
        e.feedback = "feedback for " + id;
        e.sop_ref = "SOP §4";
        return *this;
    }
    LogBuilder& desk(const std::string& id) {
        Event& e = add(EventType::Desk, id, 5);
        e.steps = {"access_systems"};
        return *this;
    }
    LogBuilder& wait(int seconds, bool slow) {
        Event& e = add(EventType::Wait, "wait", seconds);
        e.data = {{"seconds", seconds}, {"slow", slow}};
        return *this;
    }
    LogBuilder& mood_to(int m) {
        mood = m;
        log.events.back().mood_after = m;
        return *this;
    }
    LogBuilder& ending(const std::string& node, const std::string& outcome, bool success) {
        Event& e = add(EventType::Ending, "", 0);
        e.node = node;
        e.data = {{"outcome", outcome}, {"success", success}};
        return *this;
    }
    LogBuilder& wrapUp(const std::string& disposition, const std::string& category, const std::string& notes,
                       bool follow_up = false) {
        Event& e = add(EventType::WrapUp, "wrap_up", 30);
        e.steps = {"document"};
        e.data = {{"disposition", disposition}, {"category", category}, {"notes", notes}, {"follow_up", follow_up},
                  {"follow_up_task", follow_up ? "Call back" : ""}, {"follow_up_due", ""}};
        return *this;
    }
    AttemptLog finish(int final_clock = -1) {
        Event& e = add(EventType::Finished, "", 0);
        if (final_clock >= 0) e.clock = final_clock;
        log.scenario_id = "fixture-billing";
        return log;
    }
};

// The textbook call: every step, in order, every desk tool, a correct wrap-up.
LogBuilder bestPath() {
    LogBuilder b;
    b.answer(6)
        .desk("desk.crm")
        .choice("greet", {"receive"}, 10)
        .choice("verify", {"verify"}, 10)
        .choice("listen", {"understand"}, 10)
        .desk("desk.history")
        .desk("desk.kb.late-fees")
        .choice("refund", {"resolve"}, 15)
        .choice("close", {"close"}, 10)
        .mood_to(85)  // a satisfied customer: CSAT 4.4 against the 4.2 target
        .ending("end_ok", "resolved_first_contact", true)
        .wrapUp("RES-BILL", "billing", "Late fee refunded to the card.");
    return b;
}

const StepScore& step(const ScoreReport& r, const std::string& id) {
    auto it = std::find_if(r.steps.begin(), r.steps.end(), [&](const StepScore& s) { return s.step == id; });
    REQUIRE(it != r.steps.end());
    return *it;
}

int bonus(const ScoreReport& r, const std::string& label_start) {
    for (const PointsLine& l : r.points.bonuses) {
        if (l.label.rfind(label_start, 0) == 0) return l.points;
    }
    return 0;
}
int penalty(const ScoreReport& r, const std::string& label_start) {
    for (const PointsLine& l : r.points.penalties) {
        if (l.label.rfind(label_start, 0) == 0) return l.points;
    }
    return 0;
}

bool hasBreach(const ScoreReport& r, const std::string& rule) {
    return std::any_of(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.rule == rule; });
}

ScoreReport score(const AttemptLog& log, const OrgSettings& settings = {}, const Scenario& s = billingScenario()) {
    return scoreAttempt(realSop(), s, settings, log);
}

}  // namespace

TEST_CASE("scoring: every step covered in order scores 100 and three stars") {
    const ScoreReport r = score(bestPath().finish(300));
    CHECK(r.adherence == 100);
    CHECK(r.passed);
    CHECK_FALSE(r.critical_failure);
    CHECK(r.stars == 3);
    CHECK(r.outcome == "resolved_first_contact");
    CHECK(r.outcome_title == "Resolved on first contact");
    CHECK(r.breaches.empty());
    REQUIRE(r.steps.size() == realSop().steps.size());
    for (const StepScore& s : r.steps) {
        if (s.step == "follow_up") {
            CHECK_FALSE(s.required);  // nothing was promised
            continue;
        }
        CHECK_MESSAGE(s.required, s.step);
        CHECK_MESSAGE(s.score == 100, s.step);
        CHECK(s.in_order);
    }
    // 55 base + 3 tools x 5 + streak of 5 x 2 + FCR 20 + handle time 10 + disposition 10.
    CHECK(r.points.base == 55);
    CHECK(bonus(r, "Systems checked") == 15);
    CHECK(r.points.longest_streak == 5);
    CHECK(bonus(r, "Streak") == 10);
    CHECK(bonus(r, "First-contact") == 20);
    CHECK(bonus(r, "Within handle-time") == 10);
    CHECK(bonus(r, "Correct disposition") == 10);
    CHECK(r.points.penalties.empty());
    CHECK(r.points.total == 120);
    CHECK(r.metrics.fcr);
    CHECK(r.metrics.handle_seconds == 300);
    CHECK(r.metrics.within_handle_target);
    CHECK(r.wrap_up.submitted);
    CHECK(r.wrap_up.disposition_correct);
    CHECK(r.wrap_up.expected_disposition == "RES-BILL");
    CHECK(r.wrap_up.notes_missing.empty());
    CHECK(std::find(r.strengths.begin(), r.strengths.end(), "Verified identity before disclosing anything") !=
          r.strengths.end());
    CHECK(r.strengths.size() <= 4);
    // The debrief lists every choice, desk act and the wrap-up, all good; an on-time answer is not listed.
    CHECK(r.decisions.size() == 9);
    CHECK(std::all_of(r.decisions.begin(), r.decisions.end(), [](const DecisionReview& d) { return d.good; }));
    CHECK(r.decisions.front().kind == "desk");
    CHECK(r.decisions.back().kind == "wrap_up");
}

TEST_CASE("scoring: opening the CRM before the greeting is not out of order") {
    // bestPath opens the CRM right after answering, before the greeting.
    const ScoreReport r = score(bestPath().finish(300));
    CHECK(step(r, "access_systems").in_order);
    CHECK(step(r, "receive").in_order);
}

TEST_CASE("scoring: a missed step scores 0 and lowers adherence") {
    LogBuilder b;
    b.answer(6)
        .desk("desk.crm")
        .choice("greet", {"receive"}, 10)
        .choice("verify", {"verify"}, 10)
        .desk("desk.history")
        .desk("desk.kb.late-fees")
        .choice("refund", {"resolve"}, 15)
        .choice("close", {"close"}, 10)
        .ending("end_ok", "resolved_first_contact", true)
        .wrapUp("RES-BILL", "billing", "Late fee refunded.");
    const ScoreReport r = score(b.finish(300));
    const StepScore& understand = step(r, "understand");
    CHECK_FALSE(understand.covered);
    CHECK(understand.score == 0);
    CHECK(understand.reasons == std::vector<std::string>{"Not covered"});
    CHECK(step(r, "resolve").in_order);  // an uncovered prior step is not an order problem
    CHECK(r.adherence == 86);            // 600 / 7
    CHECK(r.passed);
    CHECK(r.stars == 2);
}

TEST_CASE("scoring: resolving before verifying costs 40 on the resolve step") {
    LogBuilder b;
    b.answer(6)
        .desk("desk.crm")
        .choice("greet", {"receive"}, 10)
        .choice("listen", {"understand"}, 10)
        .desk("desk.history")
        .desk("desk.kb.late-fees")
        .choice("refund", {"resolve"}, 15)
        .choice("verify", {"verify"}, 10)
        .choice("close", {"close"}, 10)
        .ending("end_ok", "resolved_first_contact", true)
        .wrapUp("RES-BILL", "billing", "Late fee refunded.");
    const ScoreReport r = score(b.finish(300));
    const StepScore& resolve = step(r, "resolve");
    CHECK(resolve.covered);
    CHECK_FALSE(resolve.in_order);
    CHECK(resolve.score == 60);
    REQUIRE_FALSE(resolve.reasons.empty());
    CHECK(resolve.reasons.front().find("Verify Customer Identity") != std::string::npos);
    CHECK(step(r, "close").in_order);
    CHECK(r.adherence == 94);  // 660 / 7
    CHECK(r.stars == 2);
}

TEST_CASE("scoring: one decision may cover a step and the step it must follow") {
    LogBuilder b;
    b.answer(6)
        .choice("greet_and_ask", {"receive", "verify"}, 10)
        .choice("listen", {"understand"}, 10)
        .choice("refund", {"resolve"}, 10);
    const ScoreReport r = score(b.finish());
    CHECK(step(r, "verify").in_order);
    CHECK(step(r, "verify").score == 100);
}

TEST_CASE("scoring: a critical breach fails the attempt whatever the points") {
    LogBuilder b = bestPath();
    b.log.events[3].breaks = {"no_disclosure_before_verification"};  // the verify choice
    b.log.events[3].points = 200;
    const ScoreReport r = score(b.finish(300));
    CHECK(r.critical_failure);
    CHECK_FALSE(r.passed);
    CHECK(r.stars == 0);
    REQUIRE(r.breaches.size() == 1);
    CHECK(r.breaches[0].rule == "no_disclosure_before_verification");
    CHECK(r.breaches[0].critical);
    CHECK(r.breaches[0].severity == "critical");
    CHECK(r.breaches[0].penalty == -50);
    CHECK(r.breaches[0].event_seq == 3);
    CHECK(r.breaches[0].explanation == "feedback for verify");
    CHECK(step(r, "verify").score == 0);
    CHECK(r.adherence == 86);  // still above the pass mark: the critical breach alone fails it
    CHECK(penalty(r, "Breach") == -50);
    CHECK(r.points.longest_streak == 3);  // the breaking decision ends the run
    CHECK(r.points.total > 0);
}

TEST_CASE("scoring: minor and major breaches cost step score and points") {
    LogBuilder b = bestPath();
    b.log.events[4].breaks = {"never_argue"};          // major, understand step
    b.log.events[7].breaks = {"hold_give_estimate"};   // minor, charged where it happened: the resolve step
    const ScoreReport r = score(b.finish(300));
    CHECK_FALSE(r.critical_failure);
    CHECK(step(r, "understand").score == 65);
    CHECK(step(r, "resolve").score == 85);
    CHECK(step(r, "access_systems").score == 100);
    REQUIRE(r.breaches.size() == 2);
    CHECK(r.breaches[0].severity == "major");  // more severe first
    CHECK(r.breaches[0].penalty == -25);
    CHECK(r.breaches[1].severity == "minor");
    CHECK(r.breaches[1].penalty == -10);
    int breach_points = 0;
    for (const PointsLine& l : r.points.penalties) breach_points += l.points;
    CHECK(breach_points == -35);
    CHECK(r.adherence == 93);  // (500 + 65 + 85) / 7
    CHECK(r.passed);
    CHECK(r.stars == 2);  // a major breach caps the stars at two
    REQUIRE(r.star_caps.size() == 2);
    CHECK(r.star_caps[0].condition == "major_breach");
    CHECK(r.star_caps[1].condition == "adherence_below_excellent");
    auto bad = std::find_if(r.decisions.begin(), r.decisions.end(), [](const DecisionReview& d) { return d.text == "listen"; });
    REQUIRE(bad != r.decisions.end());
    CHECK_FALSE(bad->good);
}

TEST_CASE("scoring: access_systems scores the share of expected desk tools") {
    LogBuilder b;
    b.answer(6)
        .desk("desk.crm")
        .desk("desk.kb.roaming")  // not relevant: does not count
        .choice("greet", {"receive"}, 10)
        .ending("end_ok", "resolved_first_contact", true);
    const ScoreReport r = score(b.finish());
    const StepScore& access = step(r, "access_systems");
    CHECK(access.covered);
    CHECK(access.score == 33);
    CHECK(access.reasons.front() == "Used 1 of 3 expected desk tools before the resolution");
    CHECK(bonus(r, "Systems checked") == 5);

    SUBCASE("an option saying 'let me check' does not replace the desk tools") {
        LogBuilder talk;
        talk.answer(6).choice("check", {"access_systems"}, 5);
        const ScoreReport t = score(talk.finish());
        CHECK_FALSE(step(t, "access_systems").covered);
        CHECK(step(t, "access_systems").score == 0);
    }
    SUBCASE("with no desk tool expected, any event covering the step counts") {
        Scenario bare = billingScenario();
        bare.crm = {};
        bare.kb.clear();
        LogBuilder talk;
        talk.answer(6).choice("greet", {"receive"}, 5).choice("check", {"access_systems"}, 5);
        const ScoreReport t = score(talk.finish(), {}, bare);
        CHECK(step(t, "access_systems").score == 100);
        CHECK(bonus(t, "Systems checked") == 0);
    }
}

TEST_CASE("scoring: wrap-up with the wrong disposition breaks correct_disposition") {
    LogBuilder b = bestPath();
    b.log.events.back().data["disposition"] = "RES-TECH";
    const ScoreReport r = score(b.finish(300));
    CHECK_FALSE(r.wrap_up.disposition_correct);
    CHECK(hasBreach(r, "correct_disposition"));
    CHECK(step(r, "document").score == 85);
    CHECK(bonus(r, "Correct disposition") == 0);
    CHECK(r.breaches[0].event_seq == 10);  // the wrap-up event
    CHECK_FALSE(r.decisions.back().good);
    CHECK(r.decisions.back().broken == std::vector<std::string>{"correct_disposition"});

    SUBCASE("any listed disposition is accepted") {
        LogBuilder alt = bestPath();
        alt.log.events.back().data["disposition"] = "FU-REFUND";
        const ScoreReport a = score(alt.finish(300));
        CHECK(a.wrap_up.disposition_correct);
        CHECK(a.breaches.empty());
    }
    SUBCASE("no disposition at all") {
        LogBuilder none = bestPath();
        none.log.events.back().data["disposition"] = "";
        CHECK(hasBreach(score(none.finish(300)), "correct_disposition"));
    }
}

TEST_CASE("scoring: notes missing an expected mention cost 10 each on the document step") {
    LogBuilder b = bestPath();
    b.log.events.back().data["notes"] = "Customer called.";
    const ScoreReport r = score(b.finish(300));
    CHECK(r.wrap_up.notes_missing == std::vector<std::string>{"late fee", "refund"});
    CHECK(step(r, "document").score == 80);
    CHECK(r.breaches.empty());
    CHECK_FALSE(r.decisions.back().good);

    SUBCASE("synonyms match case-insensitively") {
        LogBuilder syn = bestPath();
        syn.log.events.back().data["notes"] = "FEE waived, CREDIT applied";
        CHECK(score(syn.finish(300)).wrap_up.notes_missing.empty());
    }
    SUBCASE("wrong category costs 10") {
        LogBuilder cat = bestPath();
        cat.log.events.back().data["category"] = "technical";
        const ScoreReport c = score(cat.finish(300));
        CHECK_FALSE(c.wrap_up.category_correct);
        CHECK(step(c, "document").score == 90);
    }
}

TEST_CASE("scoring: a commitment with no follow-up task breaks log_commitments") {
    LogBuilder b = bestPath();
    b.log.events[7].commitment = "callback";  // the refund choice promises a callback
    const ScoreReport r = score(b.finish(300));
    CHECK(r.wrap_up.follow_up_required);
    CHECK_FALSE(r.wrap_up.follow_up_created);
    CHECK(hasBreach(r, "log_commitments"));
    CHECK(step(r, "document").score == 65);  // major
    const StepScore& follow = step(r, "follow_up");
    CHECK(follow.required);
    CHECK_FALSE(follow.covered);
    CHECK(follow.score == 0);
    CHECK_FALSE(r.metrics.fcr);  // a promised follow-up is not a first-contact resolution
    CHECK(r.adherence == 83);    // (600 + 65 + 0) / 8

    SUBCASE("creating the task covers step 8 and earns the bonus") {
        LogBuilder ok = bestPath();
        ok.log.events[7].commitment = "callback";
        ok.log.events.back().data["follow_up"] = true;
        ok.log.events.back().data["follow_up_task"] = "Call back on Friday";
        const ScoreReport k = score(ok.finish(300));
        CHECK(k.wrap_up.follow_up_created);
        CHECK_FALSE(hasBreach(k, "log_commitments"));
        CHECK(step(k, "follow_up").score == 100);
        CHECK(bonus(k, "Follow-up task") == 10);
        CHECK(k.adherence == 100);
    }
}

TEST_CASE("scoring: an ending that requires a follow-up makes step 8 required") {
    LogBuilder b;
    b.answer(6).choice("greet", {"receive"}, 10).ending("end_follow", "follow_up_scheduled", true)
        .wrapUp("FU-CALLBACK", "billing", "Callback booked", false);
    const ScoreReport r = score(b.finish());
    CHECK(step(r, "follow_up").required);
    CHECK(hasBreach(r, "log_commitments"));
}

TEST_CASE("scoring: no wrap-up at an ending that requires one misses the document step") {
    LogBuilder b = bestPath();
    b.log.events.pop_back();  // drop the wrap-up
    const ScoreReport r = score(b.finish(300));
    CHECK_FALSE(r.wrap_up.submitted);
    const StepScore& document = step(r, "document");
    CHECK_FALSE(document.covered);
    CHECK(document.score == 0);
    CHECK(document.reasons.front() == "No wrap-up submitted");
    CHECK(r.adherence == 86);
}

TEST_CASE("scoring: a late answer costs points and shows in the debrief") {
    LogBuilder b = bestPath();
    b.log.events[0].data["waited"] = 25;  // target: 3 rings x 6 s = 18 s
    const ScoreReport r = score(b.finish(300));
    CHECK(r.metrics.answer_seconds == 25);
    CHECK(r.metrics.target_answer_seconds == 18);
    CHECK(penalty(r, "Late answer") == -10);
    REQUIRE_FALSE(r.decisions.empty());
    CHECK(r.decisions.front().kind == "answer");
    CHECK_FALSE(r.decisions.front().good);
    CHECK(r.points.total == 110);
    // It costs Step 1, where the SOP puts the answer target, and the third star.
    CHECK(step(r, "receive").score == 100 - score_rules::kLateAnswerStepPenalty);
    CHECK(r.stars == 2);
    REQUIRE(r.star_caps.size() == 1);
    CHECK(r.star_caps[0].condition == "late_answer");

    SUBCASE("exactly on target is on time") {
        LogBuilder on = bestPath();
        on.log.events[0].data["waited"] = 18;
        CHECK(penalty(score(on.finish(300)), "Late answer") == 0);
    }
}

TEST_CASE("scoring: slow chat replies are counted and cost 5 each") {
    Scenario chat = billingScenario();
    chat.channel = Channel::Chat;
    LogBuilder b = bestPath();
    b.wait(90, true).wait(20, false).wait(75, true);
    const ScoreReport r = score(b.finish(300), {}, chat);
    CHECK(r.metrics.slow_responses == 2);
    CHECK(r.metrics.target_answer_seconds == 30);
    CHECK(penalty(r, "Slow chat replies") == -10);
    const auto waits = std::count_if(r.decisions.begin(), r.decisions.end(), [](const DecisionReview& d) { return d.kind == "wait"; });
    CHECK(waits == 2);  // only the slow ones are listed
}

TEST_CASE("scoring: star and pass boundaries follow the settings") {
    LogBuilder missing;  // adherence 86 (understand missed), handle time 300 s
    missing.answer(6)
        .desk("desk.crm")
        .choice("greet", {"receive"}, 10)
        .choice("verify", {"verify"}, 10)
        .desk("desk.history")
        .desk("desk.kb.late-fees")
        .choice("refund", {"resolve"}, 15)
        .choice("close", {"close"}, 10)
        .mood_to(85)
        .ending("end_ok", "resolved_first_contact", true)
        .wrapUp("RES-BILL", "billing", "Late fee refunded.");
    const AttemptLog log = missing.finish(300);
    OrgSettings s;
    s.excellent_mark = 86;
    CHECK(score(log, s).stars == 3);
    s.excellent_mark = 87;
    CHECK(score(log, s).stars == 2);
    s.scenario_pass_mark = 86;
    CHECK(score(log, s).passed);
    s.scenario_pass_mark = 87;
    CHECK_FALSE(score(log, s).passed);
    CHECK(score(log, s).stars == 1);

    OrgSettings timing;
    CHECK(score(bestPath().finish(360), timing).stars == 3);  // exactly the 6-minute target
    CHECK(score(bestPath().finish(361), timing).stars == 2);
    CHECK(bonus(score(bestPath().finish(361), timing), "Within handle-time") == 0);

    SUBCASE("a bad ending never passes") {
        LogBuilder bad = bestPath();
        bad.log.events[9].node = "end_breach";
        bad.log.events[9].data = {{"outcome", "policy_breach"}, {"success", false}};
        bad.log.events.back().data["disposition"] = "COMPLAINT";
        const ScoreReport r = score(bad.finish(300));
        CHECK(r.adherence == 100);
        CHECK_FALSE(r.passed);
        CHECK(r.stars == 1);
        CHECK_FALSE(r.metrics.fcr);
    }
}

TEST_CASE("scoring: points never go below zero") {
    LogBuilder b;
    b.answer(40)
        .choice("rude", {"receive"}, -20, {"professional_tone"})
        .choice("disclose", {"resolve"}, -20, {"no_disclosure_before_verification"})
        .ending("end_breach", "policy_breach", false);
    const ScoreReport r = score(b.finish());
    CHECK(r.points.base == -40);
    CHECK(r.points.total == 0);
    CHECK(r.points.longest_streak == 0);
    CHECK(r.critical_failure);
}

TEST_CASE("scoring: empathy earns one bonus on a clean call, never for a recovery or a rule-breaking reply") {
    LogBuilder clean = bestPath();
    clean.log.events[4].empathy = true;
    const ScoreReport one = score(clean.finish(300));
    CHECK(bonus(one, "Empathy") == score_rules::kEmpathyBonus);

    LogBuilder many = bestPath();
    for (Event& e : many.log.events) e.empathy = e.type == EventType::Choice;  // five empathetic choices
    CHECK(bonus(score(many.finish(300)), "Empathy") == score_rules::kEmpathyBonus);  // once, not per reply

    SUBCASE("an apology that repairs a mistake is recovery, not a bonus") {
        LogBuilder recovery = bestPath();
        recovery.log.events[3].points = -10;  // a wrong move...
        recovery.log.events[4].empathy = true;  // ...then a warm apology
        CHECK(bonus(score(recovery.finish(300)), "Empathy") == 0);
    }
    SUBCASE("an empathetic reply that breaks the tone rule earns nothing") {
        LogBuilder lol = bestPath();
        lol.log.events[4].empathy = true;
        lol.log.events[4].breaks = {"professional_tone"};
        CHECK(bonus(score(lol.finish(300)), "Empathy") == 0);
    }
}

TEST_CASE("scoring: CSAT comes from the final mood") {
    CHECK(csatFromMood(0) == doctest::Approx(1.0));
    CHECK(csatFromMood(50) == doctest::Approx(3.0));
    CHECK(csatFromMood(73) == doctest::Approx(3.9));
    CHECK(csatFromMood(100) == doctest::Approx(5.0));
    CHECK(csatFromMood(150) == doctest::Approx(5.0));
    CHECK(csatFromMood(-5) == doctest::Approx(1.0));

    LogBuilder b = bestPath();
    b.log.events[7].mood_after = 80;  // the refund pleased them
    for (size_t i = 8; i < b.log.events.size(); ++i) b.log.events[i].mood_after = 80;
    const ScoreReport r = score(b.finish(300));
    CHECK(r.metrics.final_mood == 80);
    CHECK(r.metrics.csat == doctest::Approx(4.2));
    CHECK(r.metrics.target_csat == doctest::Approx(4.2));

    SUBCASE("a hang-up is mood 0 and asks for DROPPED") {
        LogBuilder h;
        h.answer(6).choice("greet", {"receive"}, 10).mood_to(5);
        h.add(EventType::MoodHangUp, "hangup", 0);
        h.ending("", "customer_hung_up", false).wrapUp("DROPPED", "", "Customer hung up");
        const ScoreReport d = score(h.finish());
        CHECK(d.metrics.final_mood == 0);
        CHECK(d.metrics.csat == doctest::Approx(1.0));
        CHECK(d.wrap_up.expected_disposition == "DROPPED");
        CHECK(d.wrap_up.disposition_correct);
        CHECK_FALSE(d.passed);
    }
}

TEST_CASE("scoring: an unknown rule id is scored as a minor breach, not a crash") {
    LogBuilder b = bestPath();
    b.log.events[2].breaks = {"no_such_rule"};
    const ScoreReport r = score(b.finish(300));
    REQUIRE(r.breaches.size() == 1);
    CHECK(r.breaches[0].severity == "minor");
    CHECK(r.breaches[0].title.find("no_such_rule") != std::string::npos);
    CHECK(r.adherence == 100);  // the rule belongs to no step
}

TEST_CASE("scoring: an empty log scores without throwing") {
    const ScoreReport r = score(AttemptLog{});
    CHECK(r.adherence == 0);
    CHECK_FALSE(r.passed);
    CHECK(r.stars == 1);
    CHECK(r.points.total == 0);
    CHECK(r.outcome.empty());
}

TEST_CASE("scoring: the report survives a JSON round trip") {
    LogBuilder b = bestPath();
    b.log.events[4].breaks = {"never_argue"};
    b.log.events[0].data["waited"] = 30;
    const ScoreReport r = score(b.finish(300));
    const nlohmann::json j = r;
    CHECK(j.at("steps").size() == r.steps.size());
    CHECK(j.at("breaches").at(0).at("rule") == "never_argue");
    CHECK(j.at("points").at("total") == r.points.total);
    const ScoreReport back = j.get<ScoreReport>();
    CHECK(nlohmann::json(back) == j);
    CHECK(back.adherence == r.adherence);
    CHECK(back.breaches.size() == 1);
    CHECK(back.decisions.size() == r.decisions.size());
    CHECK(back.metrics.csat == doctest::Approx(r.metrics.csat));

    SUBCASE("missing keys keep their defaults") {
        const ScoreReport partial = nlohmann::json{{"scenario_id", "x"}, {"adherence", 70}}.get<ScoreReport>();
        CHECK(partial.scenario_id == "x");
        CHECK(partial.adherence == 70);
        CHECK(partial.stars == 1);
        CHECK(partial.steps.empty());
    }
}

// The same rules on logs the real engine writes (the tiny fixture scenario).
TEST_CASE("scoring: engine-written logs") {
    const Scenario tiny = test::fixtureScenario("tiny");
    const OrgSettings settings;
    Engine engine(realSop(), tiny, settings, "Alex", 7);
    auto play = [&](const std::vector<std::string>& choices) {
        for (const std::string& id : choices) REQUIRE_MESSAGE(engine.choose(id).ok, id);
    };
    REQUIRE(engine.answer(3).ok);

    SUBCASE("the best path passes with full adherence") {
        play({"desk.crm", "open.greet", "verify.pass", "desk.history", "desk.kb.fees", "issue.summarize",
              "issue.explain", "close.script"});
        REQUIRE(engine.submitWrapUp({"RES-INFO", "billing", "Explained the monthly fee.", false, "", ""}).ok);
        const ScoreReport r = scoreAttempt(realSop(), tiny, settings, engine.log());
        CHECK(r.adherence == 100);
        CHECK(r.passed);
        CHECK(r.breaches.empty());
        CHECK(r.outcome == "resolved_first_contact");
        CHECK(r.wrap_up.disposition_correct);
        CHECK(r.metrics.fcr);
        const bool excellent = r.metrics.within_handle_target && r.metrics.csat >= r.metrics.target_csat;
        CHECK(r.stars == (excellent ? 3 : 2));
        CHECK(bonus(r, "Systems checked") == 10);  // CRM and the relevant article; no history review asked
    }
    SUBCASE("a hold without permission and a cold transfer") {
        play({"open.greet", "verify.pass", "issue.hold_silent", "back.resume", "issue.cold"});
        REQUIRE(engine.phase() == Phase::Finished);  // no wrap-up at this ending
        const ScoreReport r = scoreAttempt(realSop(), tiny, settings, engine.log());
        CHECK(r.critical_failure);
        CHECK(hasBreach(r, "no_cold_transfer"));
        CHECK(hasBreach(r, "hold_ask_permission"));
        CHECK(hasBreach(r, "hold_give_estimate"));
        CHECK(r.breaches.front().critical);
        CHECK_FALSE(r.passed);
        CHECK(r.outcome == "transferred_cold");
        CHECK_FALSE(r.wrap_up.submitted);
        CHECK(step(r, "access_systems").score == 0);  // no desk tool used
    }
    SUBCASE("a hang-up wants DROPPED") {
        play({"open.greet"});
        int waits = 0;
        for (; waits < 10 && engine.phase() == Phase::Live; ++waits) engine.elapse(600);  // dead air empties the meter
        REQUIRE(engine.phase() == Phase::WrapUp);
        REQUIRE(engine.submitWrapUp({"DROPPED", "general", "Caller hung up.", false, "", ""}).ok);
        const ScoreReport r = scoreAttempt(realSop(), tiny, settings, engine.log());
        CHECK(r.outcome == "customer_hung_up");
        CHECK(r.metrics.final_mood == 0);
        CHECK(r.wrap_up.expected_disposition == "DROPPED");
        CHECK(r.wrap_up.disposition_correct);
        CHECK(r.metrics.slow_responses == waits);
        CHECK(penalty(r, "Dead air") == score_rules::kSlowReplyPoints * waits);
        CHECK_FALSE(r.passed);
    }
}

TEST_CASE("scoring: a ticked follow-up without a task is not a created task") {
    LogBuilder b = bestPath();
    b.log.events[7].commitment = "callback";
    b.log.events.back().data["follow_up"] = true;  // ticked, but the task left empty
    const ScoreReport r = score(b.finish(300));
    CHECK_FALSE(r.wrap_up.follow_up_created);
    CHECK(hasBreach(r, "log_commitments"));
}

TEST_CASE("scoring: an outbound call is never answered late") {
    Scenario outbound = billingScenario();
    outbound.outbound = true;
    LogBuilder b = bestPath();
    b.log.events[0].data["waited"] = 40;
    const ScoreReport r = score(b.finish(300), {}, outbound);
    CHECK(penalty(r, "Late answer") == 0);
    CHECK(r.decisions.front().kind != "answer");
}

// ---- issue 10: where breaches land, tools after the resolution, stars as a QA verdict, notes ----

TEST_CASE("scoring: a breach lands on the step the SOP data names") {
    SUBCASE("a missed closing script costs the close step, not the greeting") {
        LogBuilder b = bestPath();
        b.log.events[8].breaks = {"use_approved_scripts"};  // the close
        const ScoreReport r = score(b.finish(300));
        REQUIRE(r.breaches.size() == 1);
        CHECK(r.breaches[0].step == "close");
        CHECK(step(r, "close").score == 100 - score_rules::kMinorStepPenalty);
        CHECK(step(r, "receive").score == 100);
    }
    SUBCASE("a rude close costs the close step") {
        LogBuilder b = bestPath();
        b.log.events[8].breaks = {"professional_tone"};
        const ScoreReport r = score(b.finish(300));
        CHECK(step(r, "close").score == 100 - score_rules::kMinorStepPenalty);
        CHECK(step(r, "understand").score == 100);
    }
    SUBCASE("a hold, which names no step, lands on the step the call was at") {
        LogBuilder b = bestPath();
        b.choice("hold", {}, 0, {"hold_ask_permission"});  // after the close
        Event hold = b.log.events.back();
        b.log.events.pop_back();
        hold.seq = 5;
        b.log.events.insert(b.log.events.begin() + 5, hold);  // right after "listen" (understand)
        for (size_t i = 0; i < b.log.events.size(); ++i) b.log.events[i].seq = static_cast<int>(i);
        const ScoreReport r = score(b.finish(300));
        REQUIRE(r.breaches.size() == 1);
        CHECK(r.breaches[0].step == "understand");
        CHECK(step(r, "understand").score == 100 - score_rules::kMajorStepPenalty);
        CHECK(step(r, "access_systems").score == 100);
    }
    SUBCASE("a rule without lands_on stays on its own step wherever it is broken") {
        LogBuilder b = bestPath();
        b.log.events[8].breaks = {"no_blame"};  // no_blame lands on the decision; transfer_with_context does not
        b.log.events[4].breaks = {"transfer_with_context"};
        const ScoreReport r = score(b.finish(300));
        CHECK(step(r, "close").score == 100 - score_rules::kMajorStepPenalty);
        CHECK(step(r, "resolve").score == 100 - score_rules::kMajorStepPenalty);  // its own step, not "understand"
        CHECK(step(r, "understand").score == 100);
    }
}

TEST_CASE("scoring: desk tools first opened after the resolution are out of order") {
    LogBuilder b;
    b.answer(6)
        .desk("desk.crm")
        .choice("greet", {"receive"}, 10)
        .choice("verify", {"verify"}, 10)
        .choice("listen", {"understand"}, 10)
        .choice("refund", {"resolve"}, 15)
        .desk("desk.history")
        .desk("desk.kb.late-fees")
        .choice("close", {"close"}, 10)
        .mood_to(85)
        .ending("end_ok", "resolved_first_contact", true)
        .wrapUp("RES-BILL", "billing", "Late fee refunded to the card.");
    const ScoreReport r = score(b.finish(300));
    const StepScore& systems = step(r, "access_systems");
    CHECK(systems.score == 33);  // only the CRM, of three, before the resolution
    CHECK_FALSE(systems.in_order);
    CHECK(bonus(r, "Systems checked") == score_rules::kDeskToolBonus);
    CHECK(std::any_of(systems.reasons.begin(), systems.reasons.end(),
                      [](const std::string& why) { return why.find("after the resolution") != std::string::npos; }));
}

TEST_CASE("scoring: stars are a QA verdict and the report says what capped them") {
    SUBCASE("a critical breach gives no star") {
        LogBuilder b = bestPath();
        b.log.events[7].breaks = {"no_charge_without_consent"};
        const ScoreReport r = score(b.finish(300));
        CHECK(r.stars == 0);
        REQUIRE_FALSE(r.star_caps.empty());
        CHECK(r.star_caps[0].condition == "critical_breach");
        CHECK(r.star_caps[0].max_stars == 0);
    }
    SUBCASE("one major breach, however high the adherence, gives two") {
        LogBuilder b = bestPath();
        b.log.events[2].breaks = {"identify_self_and_company"};
        const ScoreReport r = score(b.finish(300));
        CHECK(r.passed);
        CHECK(r.stars == 2);
        CHECK(r.star_caps.front().condition == "major_breach");
    }
    SUBCASE("CSAT below the target gives two") {
        LogBuilder b = bestPath();
        b.log.events[8].mood_after = 70;  // CSAT 3.8
        const ScoreReport r = score(b.finish(300));
        CHECK(r.adherence == 100);
        CHECK(r.stars == 2);
        REQUIRE(r.star_caps.size() == 1);
        CHECK(r.star_caps[0].condition == "csat_below_target");
        CHECK(r.star_caps[0].text.find("3.8") != std::string::npos);
    }
    SUBCASE("a clean call has no caps and three stars") {
        const ScoreReport r = score(bestPath().finish(300));
        CHECK(r.stars == 3);
        CHECK(r.star_caps.empty());
    }
}

TEST_CASE("scoring: a slow first chat reply costs Step 1") {
    Scenario chat = billingScenario();
    chat.channel = Channel::Chat;
    LogBuilder slow;
    slow.answer(6).wait(90, true);
    LogBuilder best = bestPath();
    for (size_t i = 1; i < best.log.events.size(); ++i) {
        Event e = best.log.events[i];
        e.seq = static_cast<int>(slow.log.events.size());
        slow.log.events.push_back(e);
    }
    const ScoreReport r = score(slow.finish(400), {}, chat);
    CHECK(step(r, "receive").score == 100 - score_rules::kSlowFirstReplyStepPenalty);
    // A slow reply later in the chat is a points matter, not Step 1.
    LogBuilder later = bestPath();
    later.wait(90, true);
    CHECK(step(score(later.finish(400), {}, chat), "receive").score == 100);
}

TEST_CASE("scoring: notes are graded on the meaning the author lists") {
    NotesMention owed{"refund or amount owed", {"refund", "owed", "credit"}, {"95"}};
    CHECK(notesSay(owed, "Customer is owed money, refund to follow"));
    CHECK(notesSay(owed, "£95 to go back to the card"));
    CHECK(notesSay(owed, "Agreed 95.00 GBP"));
    CHECK(notesSay(owed, "Refunded in full"));  // from the start of a word: inflections count
    CHECK_FALSE(notesSay(owed, "Charge of £59 explained"));
    CHECK_FALSE(notesSay(owed, "Customer was discredited"));  // not from the start of a word
    NotesMention amount{"the charge", {}, {"£1,204.50"}};
    CHECK(notesSay(amount, "disputed 1204.5 on the bill"));
    CHECK_FALSE(notesSay(amount, "disputed 1204 on the bill"));
}
