// Golden transcripts: every scenario has expected play-throughs (choices and the resulting score)
// under scenarios/content/golden/, replayed here through the engine and the scorer.
#include <doctest/doctest.h>
#include <algorithm>
#include <fstream>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "frontline/validator.hpp"
#include "frontline/golden.hpp"
#include "../temp_dir.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;
using frontline::test::TempDir;

TEST_CASE("every golden transcript replays to its expected score") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE(lib.sop_loaded);
    int replayed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(contentDir() / "golden")) {
        if (entry.path().extension() != ".json") continue;
        std::vector<Diagnostic> diags;
        auto golden = loadGoldenFile(entry.path(), diags);
        for (const auto& d : diags) FAIL_CHECK(format(d));
        if (!golden) continue;
        const Scenario* scenario = lib.scenario(golden->scenario);
        if (!scenario) {
            FAIL_CHECK(entry.path().string() << ": unknown scenario '" << golden->scenario << "'");
            continue;
        }
        for (const auto& p : golden->playthroughs) {
            INFO(golden->scenario << " / " << p.name);
            auto result = replayGolden(lib.sop, *scenario, lib.default_settings, p);
            for (const auto& problem : result.problems) FAIL_CHECK(problem);
            ++replayed;
        }
    }
    MESSAGE(replayed << " golden play-throughs replayed");
    CHECK(replayed >= 6);
}

TEST_CASE("every bundled scenario has a passing and a failing golden play-through") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    for (const auto& s : lib.scenarios) {
        INFO(s->id);
        auto path = contentDir() / "golden" / (s->id + ".golden.json");
        REQUIRE_MESSAGE(std::filesystem::exists(path), "missing " << path.string());
        std::vector<Diagnostic> diags;
        auto golden = loadGoldenFile(path, diags);
        REQUIRE(golden);
        bool pass = false, fail = false;
        for (const auto& p : golden->playthroughs) {
            auto result = replayGolden(lib.sop, *s, lib.default_settings, p);
            (result.report.passed ? pass : fail) = true;
        }
        CHECK_MESSAGE(pass, "no passing play-through");
        CHECK_MESSAGE(fail, "no failing play-through");
    }
}

TEST_CASE("a golden transcript that disagrees with the engine is reported") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE_FALSE(lib.scenarios.empty());
    const Scenario& s = *lib.scenarios.front();
    GoldenPlaythrough p;
    p.name = "nonsense";
    p.choices = {"no.such.option"};
    auto result = replayGolden(lib.sop, s, lib.default_settings, p);
    CHECK_FALSE(result.problems.empty());
}

TEST_CASE("golden files replay with their pinned settings - a raised pass mark elsewhere does not move them") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE(lib.sop_loaded);
    OrgSettings raised = lib.default_settings;  // as if settings.json or the database asked for 99 %
    raised.scenario_pass_mark = 99;
    raised.excellent_mark = 100;
    raised.answer_within_rings = 1;
    int replayed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(contentDir() / "golden")) {
        if (entry.path().extension() != ".json") continue;
        std::vector<Diagnostic> diags;
        auto golden = loadGoldenFile(entry.path(), diags);
        REQUIRE(golden);
        INFO(entry.path().filename().string());
        CHECK(golden->settings == pinnedSettings(lib.default_settings));  // pinned with today's values
        const Scenario* scenario = lib.scenario(golden->scenario);
        REQUIRE(scenario);
        for (const auto& p : golden->playthroughs) {
            for (const auto& problem : replayGolden(lib.sop, *scenario, raised, p).problems) FAIL_CHECK(p.name << ": " << problem);
            ++replayed;
        }
    }
    CHECK(replayed >= 6);
}

TEST_CASE("a golden file's pinned pass mark decides whether its play-through passes") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE(lib.sop_loaded);
    std::vector<Diagnostic> diags;
    auto golden = loadGoldenFile(contentDir() / "golden" / "email-bill-query.golden.json", diags);
    REQUIRE(golden);
    const Scenario* scenario = lib.scenario(golden->scenario);
    REQUIRE(scenario);
    GoldenPlaythrough p = golden->playthroughs.front();  // passes with adherence below 100
    const GoldenResult as_pinned = replayGolden(lib.sop, *scenario, lib.default_settings, p);
    REQUIRE(as_pinned.problems.empty());
    REQUIRE(as_pinned.report.passed);
    REQUIRE(as_pinned.report.adherence < 100);
    p.pinned_settings["scenario_pass_mark"] = as_pinned.report.adherence + 1;
    const GoldenResult stricter = replayGolden(lib.sop, *scenario, lib.default_settings, p);
    CHECK_FALSE(stricter.report.passed);
    const auto& problems = stricter.problems;  // stars and their caps follow the pass
    CHECK(std::find(problems.begin(), problems.end(), "passed: expected true, got false") != problems.end());

    TempDir dir;
    nlohmann::json file;
    std::ifstream(contentDir() / "golden" / "email-bill-query.golden.json") >> file;
    file["settings"]["scenario_pass_mark"] = 101;
    std::ofstream(dir / "bad.golden.json") << file.dump(2);
    diags.clear();
    CHECK_FALSE(loadGoldenFile(dir / "bad.golden.json", diags));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags.front().json_path == "/settings/scenario_pass_mark");
    CHECK(diags.front().line > 0);
}
