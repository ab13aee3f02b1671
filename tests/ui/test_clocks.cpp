// Headless UI tests of the desk's clocks: the handle time runs from the answer to the wrap-up's
// completion (the SOP's AHT), the debrief reports the figure the desk showed at close, and real
// silence on a live call costs what the caller's patience says.
#include <algorithm>
#include <string>
#include <doctest/doctest.h>
#include "frontline/ui/widgets.hpp"
#include "desk_steps.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;

namespace {

// The clock figure ("3:05") in a recorded label such as "Handle time 3:05 / target 6:00".
std::string clockIn(const std::string& label, const std::string& prefix) {
    REQUIRE_MESSAGE(label.rfind(prefix, 0) == 0, label);
    const std::string rest = label.substr(prefix.size());
    return rest.substr(0, rest.find(' '));
}

int linesBy(const ui::DeskSession& s, const std::string& speaker) {
    const auto& lines = s.engine->transcript();
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const TranscriptLine& l) { return l.speaker == speaker; }));
}

}  // namespace

TEST_CASE("the handle-time clock keeps running through the wrap-up and the debrief reports the figure shown at close") {
    Harness h;
    h.openApp("Ana Lima");
    ui::DeskSession& s = test::answerCall(h, "model-inbound-call");
    test::reachWrapUp(h, s);
    const std::string prefix = "Handle time (incl. wrap-up) ";
    const std::string at_start = clockIn(h.find(prefix), prefix);
    CHECK(at_start == ui::clockText(s.engine->clock()));

    s.wrap_up = WrapUpForm{s.engine->wrapUpExpectation()->dispositions.front(), s.engine->wrapUpExpectation()->category,
                           "Changed the direct debit date as asked.", false, "", ""};
    h.wait(30.0);
    const std::string at_close = clockIn(h.find(prefix), prefix);
    CHECK(at_close == ui::clockText(s.engine->clock() + 30));
    h.click("Submit wrap-up");
    h.frames(2);
    REQUIRE(h.app.screen == ui::ScreenId::Debrief);

    const SimMetrics& m = h.app.debrief.report.metrics;
    CHECK(ui::clockText(m.handle_seconds) == at_close);
    CHECK(m.wrap_up_seconds == 30);
    CHECK(m.talk_seconds + m.hold_seconds + m.wrap_up_seconds == m.handle_seconds);
    const std::string parts = h.find("Handle time ");
    CHECK(clockIn(parts, "Handle time ") == at_close);
    CHECK(parts.find("+ wrap-up 0:30") != std::string::npos);
}

TEST_CASE("silence on a live call shorter than the caller's patience costs nothing but time, longer brings a prompt and a cost") {
    Harness h;
    h.openApp("Ana Lima");
    ui::DeskSession& s = test::answerCall(h, "model-inbound-call");
    const int limit = s.engine->deadAirLimitSeconds();
    CHECK(limit == s.scenario->persona.dead_air_seconds);  // from the scenario's persona
    const int mood = s.engine->mood();
    const int customer_lines = linesBy(s, "customer");
    const int clock = s.engine->clock();

    h.wait(limit - 1.0);
    CHECK(linesBy(s, "customer") == customer_lines);
    CHECK(s.engine->mood() == mood);
    CHECK(clockIn(h.find("Handle time "), "Handle time ") == ui::clockText(clock + limit - 1));  // the clock runs

    h.wait(2.5);  // past the limit
    REQUIRE(linesBy(s, "customer") == customer_lines + 1);
    CHECK(s.engine->transcript().back().text == "Hello? Are you still there?");
    CHECK(s.engine->mood() < mood);
    CHECK(s.engine->log().events.back().data["slow"] == true);
    CHECK(h.visible("Line " + std::to_string(s.engine->transcript().size()) + ": " + s.scenario->persona.name));
}
