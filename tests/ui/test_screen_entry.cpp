// Headless UI tests of what a screen resets when it is entered (its enter hook): every debrief opens
// at its result, and the library's detail pane never shows a scenario the filter hides.
#include <doctest/doctest.h>
#include "frontline/ui/demo.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace k = frontline::test;

namespace {

// Opens every desk tool (CRM, history, articles), as the best path assumes.
void openDesk(ui::DeskSession& s) {
    for (const auto& o : s.engine->options())
        if (o.desk && o.available) s.engine->choose(o.id);
}

// Plays `scenario_id`'s best path and submits the wrap-up its ending expects; returns the attempt id.
std::int64_t playToDebrief(Harness& h, const std::string& scenario_id) {
    REQUIRE(ui::startScenario(h.app, scenario_id));
    h.frames(1);
    h.press(k::kEnter);
    ui::DeskSession& s = *h.app.call.session;
    openDesk(s);
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        if (s.engine->phase() != Phase::Live) break;
        REQUIRE(s.engine->choose(id).ok);
    }
    if (s.engine->phase() == Phase::WrapUp) {
        const WrapUpExpectation* want = s.engine->wrapUpExpectation();
        REQUIRE(want);
        WrapUpForm form;
        form.disposition = want->dispositions.front();
        form.category = want->category;
        form.follow_up = want->follow_up_required;
        REQUIRE(s.engine->submitWrapUp(form).ok);
    }
    h.frames(3);
    REQUIRE(h.app.screen == ui::ScreenId::Debrief);
    return h.app.debrief.attempt_id;
}

float resultTop(const Harness& h) { return h.recorder.items.at("Debrief result").min.y; }

}  // namespace

TEST_CASE("a debrief opens at its result, not at the previous debrief's scroll position") {
    Harness h(ImVec2(1280, 560));
    h.openApp("Sam Scroll");
    const std::int64_t first = playToDebrief(h, "model-inbound-call");
    REQUIRE(h.visible("Debrief result"));
    const float top = resultTop(h);
    // Scroll the summary down with the mouse wheel.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = h.recorder.items.at("Debrief result").centre();
    for (int i = 0; i < 10; ++i) {
        io.MouseWheel = -5.0f;
        h.frame();
    }
    io.MouseWheel = 0;
    h.frames(1);
    REQUIRE(resultTop(h) < top - 50);

    h.app.call.session.reset();
    playToDebrief(h, "hold-and-dead-air");
    h.frames(1);
    CHECK(resultTop(h) == doctest::Approx(top));
    CHECK(h.app.debrief.attempt_id != first);
}

TEST_CASE("the library's detail pane and Play follow the filter") {
    Harness h;
    h.openApp("Fay Filter");
    h.click("Scenarios");
    REQUIRE(h.app.screen == ui::ScreenId::Library);
    h.click("model-inbound-call");
    REQUIRE(h.app.library.selected == "model-inbound-call");
    const Scenario* other = h.app.content.scenario("hold-and-dead-air");
    REQUIRE(other);
    h.fill("Search scenarios", other->title);
    h.frames(1);
    CHECK(h.app.library.selected == "hold-and-dead-air");
    h.fill("Search scenarios", "no scenario is called this");
    h.frames(1);
    CHECK(h.app.library.selected.empty());
    CHECK_FALSE(h.visible("Play"));
}

TEST_CASE("the library's detail pane names a mandatory step the scenario waives, with why") {
    Harness h;
    h.openApp("Wade Waiver");
    h.click("Scenarios");
    h.fill("Search scenarios", h.app.content.scenario("irate-supervisor-request")->title);
    h.frames(1);
    REQUIRE(h.app.library.selected == "irate-supervisor-request");
    CHECK(h.visible("Waived step:close"));
    h.fill("Search scenarios", h.app.content.scenario("model-inbound-call")->title);
    h.frames(1);
    REQUIRE(h.app.library.selected == "model-inbound-call");
    CHECK_FALSE(h.visible("Waived step:close"));
}
