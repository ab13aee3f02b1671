// Mandatory means mandatory (issue 16): an SOP step that applies "always" is required in every
// scenario, whatever its required_steps lists, unless the scenario waives it with a reason. A step
// an organisation adds to its SOP is scored in every existing scenario at once, and validate says
// where a scenario's list leaves one out.
#include <doctest/doctest.h>
#include <fstream>
#include <functional>
#include "frontline/content.hpp"
#include "frontline/golden.hpp"
#include "frontline/scoring.hpp"
#include "frontline/validator.hpp"

using namespace frontline;

namespace {

const ContentLibrary& content() {
    static const ContentLibrary lib = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR), false);
    return lib;
}

// The bundled failed-verification scenario, edited as an author would, parsed against `sop`.
std::optional<Scenario> editedScenario(const Sop& sop, const std::function<void(nlohmann::json&)>& edit, std::vector<Diagnostic>& diags) {
    const auto file = content().paths.root / "scenarios" / "failed-verification.json";
    std::ifstream in(file);
    nlohmann::json j = nlohmann::json::parse(in);
    edit(j);
    const auto doc = parseJsonDocument(file.string(), j.dump(2), diags);
    REQUIRE(doc);
    return parseScenario(*doc, sop, diags, false);
}

bool says(const std::vector<Diagnostic>& diags, Severity severity, const std::string& text) {
    for (const auto& d : diags)
        if (d.severity == severity && d.message.find(text) != std::string::npos) return true;
    return false;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

const nlohmann::json kWithoutClose = {"receive", "verify", "understand", "access_systems", "resolve", "document"};

}  // namespace

TEST_CASE("an always-step left out of required_steps is still required, and validate warns") {
    std::vector<Diagnostic> diags;
    const auto s = editedScenario(content().sop, [](nlohmann::json& j) { j["required_steps"] = kWithoutClose; }, diags);
    REQUIRE(s);
    CHECK(contains(requiredSteps(*s, content().sop), "close"));
    CHECK(says(diags, Severity::Warning, "SOP step 'close' applies always, so it is required here"));
}

TEST_CASE("a waived always-step is not required, and the reason is shown") {
    std::vector<Diagnostic> diags;
    const auto s = editedScenario(content().sop, [](nlohmann::json& j) {
        j["required_steps"] = kWithoutClose;
        j["waived_steps"] = {{{"step", "close"}, {"reason", "the supervisor closes the call after the warm transfer"}}};
    }, diags);
    REQUIRE(s);
    CHECK_FALSE(contains(requiredSteps(*s, content().sop), "close"));
    CHECK(contains(requiredSteps(*s, content().sop), "verify"));
    CHECK(says(diags, Severity::Note, "SOP step 'close' is waived here: the supervisor closes the call"));
    CHECK_FALSE(says(diags, Severity::Warning, "applies always"));
}

TEST_CASE("only an always-step can be waived, once, and not while it is also required") {
    const auto waiving = [](const char* step) {
        return [step](nlohmann::json& j) { j["waived_steps"] = {{{"step", step}, {"reason", "a reason long enough"}}}; };
    };
    std::vector<Diagnostic> diags;
    CHECK_FALSE(editedScenario(content().sop, waiving("follow_up"), diags));
    CHECK(says(diags, Severity::Error, "SOP step 'follow_up' does not apply always: there is nothing to waive"));
    diags.clear();
    CHECK_FALSE(editedScenario(content().sop, waiving("no_such_step"), diags));
    CHECK(says(diags, Severity::Error, "unknown SOP step 'no_such_step'"));
    diags.clear();
    CHECK_FALSE(editedScenario(content().sop, waiving("verify"), diags));  // the bundled file lists verify
    CHECK(says(diags, Severity::Error, "SOP step 'verify' is both required and waived"));
    diags.clear();
    CHECK_FALSE(editedScenario(content().sop, [](nlohmann::json& j) { j["waived_steps"] = {{{"step", "close"}, {"reason", "short"}}}; }, diags));
    INFO(diags.front().message, " at ", diags.front().json_path);
    CHECK(diags.front().json_path == "/waived_steps/0/reason");  // the schema wants a real reason
}

TEST_CASE("a step an organisation adds to its SOP as always is scored in a scenario written before it") {
    Sop own = content().sop;
    SopStep check;
    check.id = "vulnerability_check";
    check.number = static_cast<int>(own.steps.size()) + 1;
    check.title = "Check for vulnerability";
    check.applies = StepApplies::Always;
    own.steps.push_back(check);
    std::vector<Diagnostic> diags;
    const auto s = editedScenario(own, [](nlohmann::json&) {}, diags);  // as bundled: required_steps predates the step
    REQUIRE(s);
    CHECK(says(diags, Severity::Warning, "SOP step 'vulnerability_check' applies always"));

    // The bundled best play, which never checks for vulnerability: perfect under the bundled SOP,
    // the new step missed under the organisation's.
    std::vector<Diagnostic> golden_diags;
    const auto golden = loadGoldenFile(content().paths.root / "golden" / "failed-verification.golden.json", golden_diags);
    REQUIRE(golden);
    const GoldenResult played = replayGolden(content().sop, *s, content().default_settings, golden->playthroughs.front());
    const ScoreReport before = scoreAttempt(content().sop, *s, content().default_settings, played.log);
    const ScoreReport after = scoreAttempt(own, *s, content().default_settings, played.log);
    CHECK(after.adherence < before.adherence);
    const auto step = std::find_if(after.steps.begin(), after.steps.end(), [](const StepScore& st) { return st.step == "vulnerability_check"; });
    REQUIRE(step != after.steps.end());
    CHECK(step->required);
    CHECK_FALSE(step->covered);
    CHECK(step->score == 0);
}
