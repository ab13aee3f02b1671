// Headless UI tests of the desk panel: desk actions carry their own words (the author's `label`,
// else the option text) and are the agent's acts in the transcript; the caller's claims appear
// only once the caller has said them.
#include <algorithm>
#include <doctest/doctest.h>
#include "frontline/ui/demo.hpp"
#include "desk_steps.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace k = frontline::test;
using frontline::test::answerCall;
using frontline::test::openDesk;

namespace {

std::vector<OptionView> resumes(const ui::DeskSession& s) {
    std::vector<OptionView> out;
    for (const auto& o : s.engine->options())
        if (!o.desk && o.action.type == ActionType::Resume) out.push_back(o);
    return out;
}

// Gives `option_id` of `scenario_id` a desk label, as an author would in the JSON.
void labelOption(Harness& h, const std::string& scenario_id, const std::string& option_id, const std::string& label) {
    for (auto& sc : h.app.content.scenarios) {
        if (sc->id != scenario_id) continue;
        auto copy = std::make_shared<Scenario>(*sc);
        for (auto& n : copy->nodes)
            for (auto& o : n.options)
                if (o.id == option_id) o.label = label;
        sc = copy;
    }
}

}  // namespace

TEST_CASE("two resumes on the desk say different things, an author's label wins, and the act is the agent's") {
    Harness h;
    h.openApp("Dee Desk");
    labelOption(h, "hold-and-dead-air", "holding.back", "Thank, then explain");
    ui::DeskSession& s = answerCall(h, "hold-and-dead-air");
    openDesk(s);
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        if (resumes(s).size() >= 2) break;
        REQUIRE(s.engine->choose(id).ok);
        h.frames(1);
    }
    const auto shown = resumes(s);
    REQUIRE(shown.size() >= 2);
    h.frames(1);
    for (const auto& o : shown) {
        const std::string expected = o.id == "holding.back" ? "Thank, then explain" : o.text;
        CHECK_MESSAGE(h.visible("Desk label: " + expected), o.id);
    }
    CHECK_FALSE(h.visible("Desk label: Resume"));  // no generic, identical labels

    const size_t lines = s.engine->transcript().size();
    REQUIRE(h.enabled("holding.back"));
    h.click("holding.back");
    REQUIRE(s.engine->transcript().size() > lines);
    CHECK(h.visible("Line " + std::to_string(lines + 1) + ": You, at the desk"));
}

TEST_CASE("the caller's claims are blank until the caller says them") {
    Harness h;
    h.openApp("Dee Desk");
    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    REQUIRE_FALSE(s.scenario->claims.empty());
    CHECK(h.find("Claim: ").empty());
    openDesk(s);
    h.frames(1);
    bool heard = false;
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        const auto options = s.engine->options();
        const bool verify_now = std::any_of(options.begin(), options.end(), [](const OptionView& o) { return o.action.type == ActionType::Verify; });
        if (verify_now) {
            h.frames(1);
            CHECK(h.visible("Claim: " + s.scenario->claims.front().first));
            heard = true;
            break;
        }
        CHECK(h.find("Claim: ").empty());
        REQUIRE(s.engine->choose(id).ok);
        h.frames(1);
    }
    CHECK(heard);
}
