// The step machine: phases, options and their availability, desk tools, auto-rules, mood and
// hang-up, wrap-up, determinism, and the event log's JSON round trip.
#include <doctest/doctest.h>
#include <algorithm>
#include <set>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

struct Fixture {
    Scenario scenario = fixtureScenario();
    OrgSettings settings;
    Engine engine{bundledSop(), scenario, settings, "Riley", 7};
};

const OptionView* findOption(const std::vector<OptionView>& options, const std::string& id) {
    auto it = std::find_if(options.begin(), options.end(), [&](const OptionView& o) { return o.id == id; });
    return it == options.end() ? nullptr : &*it;
}

const Event& lastOf(const Engine& e, EventType type) {
    const auto& events = e.log().events;
    auto it = std::find_if(events.rbegin(), events.rend(), [&](const Event& ev) { return ev.type == type; });
    REQUIRE(it != events.rend());
    return *it;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("an attempt starts ringing and answering shows the first node") {
    Fixture f;
    CHECK(f.engine.phase() == Phase::Ringing);
    CHECK(f.engine.options().empty());
    CHECK_FALSE(f.engine.choose("open.greet").ok);
    REQUIRE(f.engine.answer(0).ok);
    CHECK(f.engine.phase() == Phase::Live);
    CHECK(f.engine.currentNodeId() == "open");
    CHECK(f.engine.transcript().back().speaker == "customer");
    CHECK_FALSE(f.engine.answer(0).ok);
}

TEST_CASE("answering late costs mood and is recorded") {
    Fixture on_time, late;
    on_time.engine.answer(5);
    late.engine.answer(60);
    CHECK(late.engine.mood() < on_time.engine.mood());
    CHECK(lastOf(late.engine, EventType::Answer).data["late"] == true);
    CHECK(lastOf(on_time.engine, EventType::Answer).data["late"] == false);
}

TEST_CASE("placeholders are filled from settings and the agent's name") {
    Fixture f;
    f.settings.company_name = "Acme Energy";
    f.engine.answer(0);
    auto options = f.engine.options();
    auto greet = findOption(options, "open.greet");
    REQUIRE(greet);
    CHECK(greet->text == "Thank you for calling Acme Energy. My name is Riley. How can I help you today?");
}

TEST_CASE("conditions make options unavailable with the author's reason") {
    Fixture f;
    f.engine.answer(0);
    f.engine.choose("open.greet");
    f.engine.choose("verify.pass");
    auto options = f.engine.options();
    auto explain = findOption(options, "issue.explain");
    REQUIRE(explain);
    CHECK_FALSE(explain->available);
    CHECK(explain->unavailable_reason == "Confirm the issue first.");
    auto refused = f.engine.choose("issue.explain");
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("Confirm the issue first.") != std::string::npos);
    REQUIRE(f.engine.choose("issue.summarize").ok);  // stays on the node, sets understood
    CHECK(f.engine.currentNodeId() == "issue");
    options = f.engine.options();
    CHECK_FALSE(findOption(options, "issue.summarize")->available);  // once only
    CHECK(findOption(options, "issue.explain")->available);
}

TEST_CASE("unknown options are refused without changing state") {
    Fixture f;
    f.engine.answer(0);
    auto events = f.engine.log().events.size();
    CHECK_FALSE(f.engine.choose("nope").ok);
    CHECK(f.engine.log().events.size() == events);
}

TEST_CASE("desk tools cover SOP step 4, cost time and can be used once") {
    Fixture f;
    f.engine.answer(0);
    auto options = f.engine.options();
    CHECK(findOption(options, "desk.crm"));
    CHECK(findOption(options, "desk.history"));
    CHECK(findOption(options, "desk.kb.fees"));
    int before = f.engine.clock();
    REQUIRE(f.engine.choose("desk.crm").ok);
    CHECK(f.engine.clock() > before);
    CHECK(f.engine.stepDone("access_systems"));
    options = f.engine.options();
    CHECK(findOption(options, "desk.crm")->used);
    CHECK_FALSE(f.engine.choose("desk.crm").ok);
    REQUIRE(f.engine.choose("desk.kb.roaming").ok);
    CHECK(lastOf(f.engine, EventType::Desk).steps.empty());  // an irrelevant article does not count
}

TEST_CASE("hold without asking and a cold transfer are breaches whatever the author wrote") {
    Fixture f;
    f.engine.answer(0);
    f.engine.choose("open.greet");
    f.engine.choose("verify.pass");
    REQUIRE(f.engine.choose("issue.hold_silent").ok);
    const Event& hold = lastOf(f.engine, EventType::Choice);
    CHECK(has(hold.breaks, "hold_ask_permission"));
    CHECK(has(hold.breaks, "hold_give_estimate"));
    CHECK(f.engine.onHold());
    f.engine.choose("back.resume");
    CHECK_FALSE(f.engine.onHold());
    REQUIRE(f.engine.choose("issue.cold").ok);
    CHECK(has(lastOf(f.engine, EventType::Choice).breaks, "no_cold_transfer"));
    CHECK(f.engine.phase() == Phase::Finished);  // that ending has no wrap-up
    CHECK(f.engine.log().outcome == "transferred_cold");
}

TEST_CASE("an asked hold honours the hold rules") {
    Fixture f;
    f.engine.answer(0);
    f.engine.choose("open.greet");
    f.engine.choose("verify.pass");
    f.engine.choose("issue.hold_asked");
    const Event& hold = lastOf(f.engine, EventType::Choice);
    CHECK(hold.breaks.empty());
    CHECK(has(hold.honours, "hold_ask_permission"));
}

TEST_CASE("a script missing its elements is recorded as a breach of the approved scripts") {
    Fixture f;
    f.engine.answer(0);
    f.engine.choose("open.sloppy");
    const Event& e = lastOf(f.engine, EventType::Choice);
    CHECK(has(e.breaks, "use_approved_scripts"));
    CHECK(e.data["script_missing"].size() >= 3);
    Fixture g;
    g.engine.answer(0);
    g.engine.choose("open.greet");
    CHECK(lastOf(g.engine, EventType::Choice).breaks.empty());
}

TEST_CASE("a furious customer hangs up and the call still needs a wrap-up") {
    Fixture f;
    f.engine.answer(0);
    f.engine.choose("open.insult");  // -60 mood from 50
    CHECK(f.engine.mood() == 0);
    CHECK(f.engine.phase() == Phase::WrapUp);
    REQUIRE(f.engine.ending());
    CHECK(f.engine.ending()->outcome == "customer_hung_up");
    CHECK(f.engine.wrapUpExpectation()->dispositions == std::vector<std::string>{"DROPPED"});
    CHECK(f.engine.submitWrapUp({"DROPPED", "general", "Caller hung up", false, "", ""}).ok);
    CHECK(f.engine.phase() == Phase::Finished);
}

TEST_CASE("idle time costs mood on a call and more while not on hold") {
    Fixture a, b;
    a.engine.answer(0);
    b.engine.answer(0);
    a.engine.elapse(5);
    b.engine.elapse(90);
    CHECK(b.engine.mood() < a.engine.mood());
    CHECK(lastOf(b.engine, EventType::Wait).data["slow"] == true);
    CHECK(lastOf(a.engine, EventType::Wait).data["slow"] == false);
}

TEST_CASE("silence on a call past the persona's dead-air limit makes the caller prompt, at a cost - below it nothing") {
    Fixture below, past, custom;
    custom.scenario.persona.dead_air_seconds = 4;
    custom.scenario.persona.dead_air_prompt = "Hello? {agent}?";
    for (Fixture* f : {&below, &past, &custom}) f->engine.answer(0);
    const int limit = below.engine.deadAirLimitSeconds();
    CHECK(custom.engine.deadAirLimitSeconds() == 4);
    const size_t lines = below.engine.transcript().size();
    const int mood = below.engine.mood();
    below.engine.elapse(limit);
    CHECK(below.engine.transcript().size() == lines);
    CHECK(below.engine.mood() == mood);
    CHECK(below.engine.clock() == limit);  // the silence still counts towards the handle time

    past.engine.elapse(limit + 1);
    CHECK(past.engine.transcript().back().speaker == "customer");
    CHECK(past.engine.transcript().back().text == "Hello? Are you still there?");
    CHECK(past.engine.mood() < mood);
    CHECK(lastOf(past.engine, EventType::Wait).data["slow"] == true);

    custom.engine.elapse(5);
    CHECK(custom.engine.transcript().back().text == "Hello? Riley?");
    const ScoreReport r = scoreAttempt(bundledSop(), custom.scenario, custom.settings, custom.engine.log());
    CHECK(r.metrics.slow_responses == 1);
    CHECK(std::any_of(r.decisions.begin(), r.decisions.end(), [](const DecisionReview& d) { return d.text.rfind("Dead air", 0) == 0; }));
}

TEST_CASE("a caller on hold does not prompt as dead air") {
    Fixture f;
    f.engine.answer(0);
    for (const char* id : {"desk.crm", "open.greet", "verify.pass", "issue.hold_asked"}) REQUIRE_MESSAGE(f.engine.choose(id).ok, id);
    REQUIRE(f.engine.onHold());
    const size_t lines = f.engine.transcript().size();
    f.engine.elapse(f.engine.deadAirLimitSeconds() * 3);
    CHECK(f.engine.transcript().size() == lines);
    CHECK(lastOf(f.engine, EventType::Wait).data["slow"] == false);
}

TEST_CASE("handle time runs to the wrap-up's completion and the debrief's parts add up to it") {
    Fixture f;
    f.engine.answer(2);
    for (const char* id : {"desk.crm", "open.greet", "verify.pass", "issue.summarize", "issue.explain", "close.script"})
        REQUIRE_MESSAGE(f.engine.choose(id).ok, id);
    f.engine.elapse(0);
    const int before_wrap_up = f.engine.clock();
    REQUIRE(f.engine.submitWrapUp({"RES-INFO", "billing", "Explained the late fee", false, "", ""}, 73).ok);
    CHECK(f.engine.clock() == before_wrap_up + 73);
    const ScoreReport r = scoreAttempt(bundledSop(), f.scenario, f.settings, f.engine.log());
    CHECK(r.metrics.handle_seconds == before_wrap_up + 73);
    CHECK(r.metrics.wrap_up_seconds == 73);
    CHECK(r.metrics.talk_seconds + r.metrics.hold_seconds + r.metrics.wrap_up_seconds == r.metrics.handle_seconds);
}

TEST_CASE("the best path finishes with a wrap-up and a complete log") {
    Fixture f;
    f.engine.answer(2);
    for (const char* id : {"desk.crm", "open.greet", "verify.pass", "issue.summarize", "issue.explain", "close.script"})
        REQUIRE_MESSAGE(f.engine.choose(id).ok, id);
    CHECK(f.engine.phase() == Phase::WrapUp);
    CHECK_FALSE(f.engine.choose("close.script").ok);
    WrapUpForm form{"RES-INFO", "billing", "Explained the late fee", false, "", ""};
    REQUIRE(f.engine.submitWrapUp(form).ok);
    CHECK(f.engine.phase() == Phase::Finished);
    const auto& log = f.engine.log();
    CHECK(log.outcome == "resolved_first_contact");
    CHECK(log.success);
    CHECK(log.events.back().type == EventType::Finished);
    CHECK(lastOf(f.engine, EventType::WrapUp).data["disposition"] == "RES-INFO");
    for (size_t i = 0; i < log.events.size(); ++i) CHECK(log.events[i].seq == static_cast<int>(i));
}

TEST_CASE("the same seed gives the same attempt - line variants depend on the seed") {
    Scenario s = fixtureScenario();
    OrgSettings settings;
    std::set<std::string> first_lines;
    for (std::uint64_t seed = 1; seed <= 16; ++seed) {
        Engine a(bundledSop(), s, settings, "A", seed), b(bundledSop(), s, settings, "A", seed);
        a.answer(0);
        b.answer(0);
        CHECK(nlohmann::json(a.log()) == nlohmann::json(b.log()));
        first_lines.insert(a.transcript().back().id);
    }
    CHECK(first_lines.size() == 2);
}

TEST_CASE("the event log survives a JSON round trip") {
    Fixture f;
    f.engine.answer(3);
    f.engine.choose("open.greet");
    f.engine.choose("verify.pass");
    f.engine.choose("issue.hold_silent");
    nlohmann::json j = f.engine.log();
    AttemptLog back = j.get<AttemptLog>();
    CHECK(nlohmann::json(back) == j);
    CHECK(back.events.size() == f.engine.log().events.size());
    CHECK(back.events.back().breaks == f.engine.log().events.back().breaks);
}

TEST_CASE("replies are shuffled per attempt from the seed, and the log records what was shown") {
    Scenario s = fixtureScenario();
    OrgSettings settings;
    auto shownOrder = [&](std::uint64_t seed) {
        Engine e(bundledSop(), s, settings, "A", seed);
        e.answer(0);
        std::vector<std::string> order;
        for (const OptionView& o : e.options())
            if (!o.desk) order.push_back(o.id);
        return order;
    };
    std::set<std::vector<std::string>> orders;
    std::set<std::string> firsts;
    for (std::uint64_t seed = 1; seed <= 32; ++seed) {
        const auto order = shownOrder(seed);
        CHECK(order == shownOrder(seed));  // the same seed, the same order
        CHECK(std::set<std::string>(order.begin(), order.end()) ==
              std::set<std::string>{"open.greet", "open.sloppy", "open.insult"});
        orders.insert(order);
        firsts.insert(order.front());
    }
    CHECK(orders.size() >= 4);  // of the 6 orders of three replies
    CHECK(firsts.size() == 3);  // the best reply has no fixed place

    Engine e(bundledSop(), s, settings, "A", 5);
    e.answer(0);
    std::vector<std::string> seen;
    for (const OptionView& o : e.options())
        if (!o.desk) seen.push_back(o.id);
    REQUIRE(e.choose("open.greet").ok);
    const Event& choice = lastOf(e, EventType::Choice);
    REQUIRE(choice.data["shown"].size() == seen.size());
    for (size_t i = 0; i < seen.size(); ++i) {
        CHECK(choice.data["shown"][i]["id"] == seen[i]);
        CHECK_FALSE(choice.data["shown"][i]["text"].get<std::string>().empty());
    }
}

TEST_CASE("verifying before the CRM record is open breaks the rule the SOP names for it") {
    const std::string rule = bundledSop().ruleIdCheckedBy("verify_without_record");
    REQUIRE_FALSE(rule.empty());
    CHECK(bundledSop().rule(rule)->step == bundledSop().stepIdWithRole("verify"));
    Fixture blind;
    blind.engine.answer(0);
    blind.engine.choose("open.greet");
    REQUIRE(blind.engine.choose("verify.pass").ok);
    CHECK(has(lastOf(blind.engine, EventType::Choice).breaks, rule));
    CHECK_FALSE(lastOf(blind.engine, EventType::Choice).data["check_notes"][rule].get<std::string>().empty());
    const ScoreReport r = scoreAttempt(bundledSop(), blind.scenario, blind.settings, blind.engine.log());
    auto breach = std::find_if(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.rule == rule; });
    REQUIRE(breach != r.breaches.end());
    CHECK(breach->explanation.find("CRM record") != std::string::npos);  // its own note, not the option's "that matches"
    CHECK(breach->step == "verify");

    Fixture checked;
    checked.engine.answer(0);
    checked.engine.choose("open.greet");
    checked.engine.choose("desk.crm");
    REQUIRE(checked.engine.choose("verify.pass").ok);
    CHECK_FALSE(has(lastOf(checked.engine, EventType::Choice).breaks, rule));
    CHECK(has(lastOf(checked.engine, EventType::Choice).honours, rule));
}
