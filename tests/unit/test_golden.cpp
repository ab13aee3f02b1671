// Golden transcripts: every scenario has expected play-throughs (choices and the resulting score)
// under scenarios/content/golden/, replayed here through the engine and the scorer.
#include <doctest/doctest.h>
#include <fstream>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "frontline/validator.hpp"
#include "frontline/golden.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

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
