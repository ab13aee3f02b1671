// Organisation settings have one range table (settingSpecs) that the settings.json loader, the
// store, `settings set` and the Settings screen enforce; the arithmetic on settings and on waits
// cannot overflow (UBSan runs this file in CI).
#include <doctest/doctest.h>
#include <climits>
#include <cmath>
#include <fstream>
#include <limits>
#include "frontline/engine.hpp"
#include "frontline/settings.hpp"
#include "frontline/store.hpp"
#include "../temp_dir.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

std::string problemOf(const std::string& key, const nlohmann::json& value) {
    const SettingSpec* spec = settingSpec(key);
    REQUIRE(spec);
    return settingValueProblem(*spec, value).value_or("");
}

std::string fromJsonError(const nlohmann::json& j) {
    try {
        settingsFromJson(j);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("every setting has a range and the defaults are inside it") {
    CHECK(settingSpecs().size() == settingsToJson(OrgSettings{}).size());
    for (const auto& spec : settingSpecs()) {
        CAPTURE(spec.key);
        CHECK(spec.min <= spec.max);
        CHECK_FALSE(spec.description.empty());
    }
    CHECK(settingsProblems(OrgSettings{}).empty());
    std::vector<Diagnostic> diags;
    bundledSop();  // sets the schema directory
    auto bundled = loadSettings(contentDir() / "settings.json", diags);
    REQUIRE(bundled);
    CHECK(settingsProblems(*bundled).empty());
}

TEST_CASE("the JSON Schema for settings.json states the same ranges as the table") {
    std::ifstream in(contentDir().parent_path() / "schema" / "settings.schema.json");
    const auto schema = nlohmann::json::parse(in)["properties"];
    CHECK(schema.size() == settingSpecs().size() + 1);  // + "$schema"
    for (const auto& spec : settingSpecs()) {
        CAPTURE(spec.key);
        REQUIRE(schema.contains(spec.key));
        const auto& p = schema[spec.key];
        const bool text = spec.kind == SettingKind::Text;
        CHECK(p["type"] == (text ? "string" : spec.kind == SettingKind::WholeNumber ? "integer" : "number"));
        CHECK(p[text ? "minLength" : "minimum"].get<double>() == spec.min);
        CHECK(p[text ? "maxLength" : "maximum"].get<double>() == spec.max);
    }
}

TEST_CASE("a value outside its range is refused with the key and the range") {
    CHECK(problemOf("ring_seconds", 30).empty());
    CHECK(problemOf("ring_seconds", 1).empty());
    CHECK(problemOf("ring_seconds", 31) == "setting 'ring_seconds' must be from 1 to 30 seconds, not 31");
    CHECK(problemOf("certificate_validity_months", 100000) == "setting 'certificate_validity_months' must be from 1 to 120 months, not 100000");
    CHECK(problemOf("certificate_validity_months", -5).find("1 to 120 months") != std::string::npos);
    CHECK(problemOf("target_fcr_percent", 101) == "setting 'target_fcr_percent' must be from 0 to 100%, not 101");
    // Values that would wrap if narrowed to int before the check.
    CHECK_FALSE(problemOf("answer_within_rings", 4294967299LL).empty());
    CHECK_FALSE(problemOf("answer_within_rings", std::numeric_limits<std::uint64_t>::max()).empty());
    CHECK_FALSE(problemOf("answer_within_rings", 2.5).empty());
    CHECK_FALSE(problemOf("target_csat", std::nan("")).empty());
    CHECK(problemOf("target_csat", 4.5).empty());
    CHECK(problemOf("target_csat", 5.5) == "setting 'target_csat' must be from 1 to 5, not 5.5");
    CHECK(problemOf("company_name", "") == "setting 'company_name' must be 1 to 100 characters long, not 0");
    CHECK(problemOf("company_name", std::string(100, 'x')).empty());
    CHECK(problemOf("company_name", "Zoë's Ñandú Telecom").empty());
    CHECK(problemOf("company_name", "Caf\xe9") == "setting 'company_name' is not valid UTF-8 text");
    CHECK(problemOf("company_name", 5).find("must be text") != std::string::npos);
}

TEST_CASE("settingsFromJson applies values in range and refuses the first one out of range") {
    auto s = settingsFromJson({{"ring_seconds", 10}, {"target_csat", 4}});
    CHECK(s.ring_seconds == 10);
    CHECK(s.target_csat == 4.0);
    CHECK(fromJsonError({{"ring_seconds", 2147483647}}).find("'ring_seconds'") != std::string::npos);
    CHECK(fromJsonError({{"certificate_validity_months", 0}}).find("1 to 120 months") != std::string::npos);
    CHECK(fromJsonError({{"recertification_window_days", 366}}).find("0 to 365 days") != std::string::npos);
    CHECK(fromJsonError({{"hold_estimate", std::string(61, 'm')}}).find("1 to 60 characters") != std::string::npos);
}

TEST_CASE("settings typed as text are read strictly as numbers of the setting's kind") {
    const SettingSpec& rings = *settingSpec("answer_within_rings");
    CHECK(settingValueFromText(rings, "4") == 4);
    CHECK(settingValueFromText(*settingSpec("target_csat"), "4.5") == 4.5);
    CHECK(settingValueFromText(*settingSpec("company_name"), "Acme Energy") == "Acme Energy");
    for (const char* bad : {"", "abc", " 4", "+4", "4x", "4.0", "1e999", "99999999999999999999", "-1", "21", "nan", "inf"}) {
        CAPTURE(bad);
        try {
            settingValueFromText(rings, bad);
            FAIL("accepted");
        } catch (const std::invalid_argument& e) {
            CHECK(std::string(e.what()).find("'answer_within_rings' must be a whole number from 1 to 20 rings") != std::string::npos);
        }
    }
    CHECK_THROWS_AS(settingValueFromText(*settingSpec("target_csat"), "inf"), std::invalid_argument);
    CHECK_THROWS_AS(settingValueFromText(*settingSpec("target_csat"), "5.01"), std::invalid_argument);
    CHECK_THROWS_AS(settingValueFromText(*settingSpec("company_name"), "Caf\xe9"), std::invalid_argument);
}

TEST_CASE("the settings.json loader reports an out-of-range value with the file and the key") {
    TempDir dir;
    bundledSop();  // sets the schema directory
    std::ofstream(dir / "settings.json") << "{\n  \"ring_seconds\": 6,\n  \"certificate_validity_months\": 100000\n}\n";
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadSettings(dir / "settings.json", diags));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags.front().file.find("settings.json") != std::string::npos);
    std::string all;
    for (const auto& d : diags) all += format(d) + "\n";
    CHECK(all.find("certificate_validity_months") != std::string::npos);

    std::ofstream(dir / "edge.json") << R"({"ring_seconds": 30, "recertification_window_days": 0, "target_csat": 5})";
    diags.clear();
    auto edge = loadSettings(dir / "edge.json", diags);
    REQUIRE(edge);
    CHECK(edge->ring_seconds == 30);
    CHECK(edge->recertification_window_days == 0);
}

TEST_CASE("a value out of range in the database falls back to the default for that key only") {
    TempDir dir;
    Store store = Store::open(dir / "s.db");
    OrgSettings saved;
    saved.certificate_validity_months = 100000;  // written by an older version that had no ranges
    saved.ring_seconds = 9;
    store.saveSettings(saved);
    OrgSettings read = store.settings(OrgSettings{});
    CHECK(read.certificate_validity_months == OrgSettings{}.certificate_validity_months);
    CHECK(read.ring_seconds == 9);
}

TEST_CASE("targets computed from settings saturate instead of overflowing") {
    OrgSettings s;
    s.answer_within_rings = INT_MAX;
    s.ring_seconds = INT_MAX;
    s.target_handle_time_minutes = INT_MAX;
    CHECK(s.answerTargetSeconds(Channel::Call) == INT_MAX);
    CHECK(s.targetHandleSeconds() == INT_MAX);
    s.target_handle_time_minutes = INT_MIN;
    CHECK(s.targetHandleSeconds() == INT_MIN);
    CHECK(OrgSettings{}.answerTargetSeconds(Channel::Call) == 18);
}

TEST_CASE("a wait longer than a day counts as a day, so the clock and mood cannot overflow") {
    Scenario scenario = fixtureScenario();
    OrgSettings settings;
    Engine huge(bundledSop(), scenario, settings, "A", 1), day(bundledSop(), scenario, settings, "A", 1);
    huge.answer(INT_MAX);
    day.answer(Engine::kMaxWaitSeconds);
    const auto answerEvent = [](const Engine& e) {
        for (const auto& ev : e.log().events)
            if (ev.type == EventType::Answer) return ev.data;
        return nlohmann::json();
    };
    CHECK(answerEvent(huge) == answerEvent(day));
    CHECK(answerEvent(day)["waited"] == Engine::kMaxWaitSeconds);
    huge.elapse(INT_MAX);
    day.elapse(Engine::kMaxWaitSeconds);
    CHECK(huge.clock() == day.clock());
    CHECK(huge.mood() == day.mood());
    CHECK(huge.clock() > 0);
}
