// The debrief's SOP scorecard on a second organisation's SOP (tests/fixtures/sop2: Northgrid
// Energy): a call that skips its extra mandatory step is played on the desk, and the scorecard
// shows that SOP's step titles, with the skipped step required and scored 0.
#include <doctest/doctest.h>
#include "frontline/golden.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace k = frontline::test;

namespace {

const std::filesystem::path kTree = std::filesystem::path(FRONTLINE_TEST_FIXTURES_DIR) / "sop2";

// The choices of the golden play-through of `scenario_id` whose name starts with `name`.
std::vector<std::string> goldenChoices(const std::string& scenario_id, const std::string& name) {
    std::vector<Diagnostic> diags;
    auto golden = loadGoldenFile(kTree / "golden" / (scenario_id + ".golden.json"), diags);
    REQUIRE(golden);
    for (const auto& p : golden->playthroughs)
        if (p.name.rfind(name, 0) == 0) return p.choices;
    FAIL("no play-through '" << name << "'");
    return {};
}

}  // namespace

TEST_CASE("the debrief scorecard shows a second SOP's steps, with its skipped mandatory step at 0") {
    Harness h;
    h.openApp("Rui Costa", 7, kTree);
    REQUIRE(ui::startScenario(h.app, "psr-meter-reading"));
    h.frames(1);
    h.press(k::kEnter);
    ui::DeskSession& s = *h.app.call.session;
    REQUIRE(s.engine->phase() == Phase::Live);
    for (const auto& id : goldenChoices("psr-meter-reading", "skips the vulnerability check")) {
        REQUIRE_MESSAGE(s.engine->choose(id).ok, id);
        h.frames(1);
    }
    REQUIRE(s.engine->phase() == Phase::WrapUp);
    h.click("Disposition");
    h.click("Disposition:READ-TAKEN");
    h.click("Category");
    h.click("Category:meter");
    h.click("Notes");
    h.type("Reading 04512 taken.");
    h.click("Submit wrap-up");
    h.frames(2);
    REQUIRE(h.app.screen == ui::ScreenId::Debrief);

    // The second SOP's titles, the extra step required and missed, none of the bundled SOP's steps.
    CHECK(h.visible("Scorecard:Check for Vulnerability=0"));
    CHECK(h.visible("Scorecard:Identify the Caller=100"));
    CHECK(h.visible("Scorecard:Book the Callback (if promised)=not required"));
    CHECK(h.find("Scorecard:Verify Customer Identity").empty());
    CHECK(h.find("Scorecard:Access Relevant Systems").empty());
    CHECK(h.app.debrief.report.adherence < 100);
}
