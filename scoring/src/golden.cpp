#include <algorithm>
#include "frontline/content.hpp"
#include "frontline/golden.hpp"

namespace frontline {

namespace {

GoldenPlaythrough playthroughFrom(const nlohmann::json& pj, const nlohmann::json& pinned) {
    GoldenPlaythrough p;
    p.pinned_settings = pinned;
    p.name = pj.value("name", std::string());
    p.seed = pj.value("seed", std::uint64_t{1});
    p.answer_after = pj.value("answer_after", 0);
    p.choices = pj.value("choices", std::vector<std::string>{});
    if (pj.contains("wrap_up")) {
        const auto& w = pj.at("wrap_up");
        WrapUpForm form;
        form.disposition = w.value("disposition", std::string());
        form.category = w.value("category", std::string());
        form.notes = w.value("notes", std::string());
        form.follow_up_task = w.value("follow_up_task", std::string());
        form.follow_up = w.value("follow_up", !form.follow_up_task.empty());
        form.follow_up_due = w.value("follow_up_due", std::string());
        p.wrap_up = form;
    }
    return p;
}

// The steps below 100 and why, so a reviewer can explain an adherence change.
std::string stepReasons(const ScoreReport& r) {
    std::string out;
    for (const StepScore& s : r.steps) {
        if (!s.required || s.score == 100) continue;
        out += "\n      " + s.step + " " + std::to_string(s.score) + ":";
        for (const std::string& why : s.reasons) out += " " + why + ";";
    }
    return out;
}

// Each pinned value against its range (the schema checked the keys and types).
bool pinnedSettingsValid(const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    bool ok = true;
    for (const auto& [key, value] : doc.value.at("settings").items()) {
        const SettingSpec* spec = settingSpec(key);
        const auto problem = spec ? settingValueProblem(*spec, value) : std::optional<std::string>("unknown setting '" + key + "'");
        if (!problem) continue;
        diags.push_back(doc.diag(Severity::Error, "/settings/" + key, *problem));
        ok = false;
    }
    return ok;
}

}  // namespace

const std::vector<std::string>& scoringSettingKeys() {
    static const std::vector<std::string> keys = {
        "scenario_pass_mark",           "excellent_mark",        "answer_within_rings",    "ring_seconds",
        "chat_answer_within_seconds",   "chat_response_within_seconds", "email_reply_within_hours",
        "target_handle_time_minutes",   "target_csat"};
    return keys;
}

nlohmann::json pinnedSettings(const OrgSettings& s) {
    const nlohmann::json all = settingsToJson(s);
    nlohmann::json out = nlohmann::json::object();
    for (const std::string& key : scoringSettingKeys()) out[key] = all.at(key);
    return out;
}

std::optional<GoldenFile> loadGoldenFile(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc || !checkSchema(*doc, "golden.schema.json", diags)) return std::nullopt;
    if (doc->value.contains("settings") && !pinnedSettingsValid(*doc, diags)) return std::nullopt;
    GoldenFile g;
    g.scenario = doc->value.at("scenario").get<std::string>();
    g.settings = doc->value.value("settings", nlohmann::json::object());
    for (const auto& pj : doc->value.at("playthroughs")) {
        GoldenPlaythrough p = playthroughFrom(pj, g.settings);  // the schema made name, choices and expect required
        p.expect = pj.at("expect");
        g.playthroughs.push_back(std::move(p));
    }
    return g;
}

nlohmann::json goldenExpectation(const ScoreReport& r) {
    std::vector<std::string> breaches, breach_steps, missed, caps;
    auto addUnique = [](std::vector<std::string>& v, const std::string& x) {
        if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
    };
    for (const auto& b : r.breaches) {
        addUnique(breaches, b.rule);
        addUnique(breach_steps, b.rule + "@" + b.step);
    }
    for (const auto& s : r.steps)
        if (s.required && !s.covered) missed.push_back(s.step);
    for (const auto& c : r.star_caps) addUnique(caps, c.condition);
    std::sort(breaches.begin(), breaches.end());
    std::sort(breach_steps.begin(), breach_steps.end());
    std::sort(caps.begin(), caps.end());
    return {{"outcome", r.outcome},     {"passed", r.passed},       {"critical_failure", r.critical_failure},
            {"adherence", r.adherence}, {"stars", r.stars},         {"points", r.points.total},
            {"breaches", breaches},     {"steps_missed", missed},   {"breach_steps", breach_steps},
            {"star_caps", caps}};
}

GoldenResult replayGolden(const Sop& sop, const Scenario& scenario, const OrgSettings& defaults, const GoldenPlaythrough& p) {
    GoldenResult result;
    OrgSettings settings;
    try {
        settings = settingsFromJson(p.pinned_settings, defaults);
    } catch (const std::exception& e) {  // a play-through built in code; loadGoldenFile checked the file's
        result.problems.push_back(std::string("settings: ") + e.what());
        return result;
    }
    Engine engine(sop, scenario, settings, "Golden", p.seed);
    engine.answer(p.answer_after);
    for (size_t i = 0; i < p.choices.size(); ++i) {
        const auto& choice = p.choices[i];
        if (choice.rfind("wait:", 0) == 0) {
            engine.elapse(std::atoi(choice.c_str() + 5));
            continue;
        }
        auto r = engine.choose(choice);
        if (!r.ok) {
            result.problems.push_back("choice " + std::to_string(i + 1) + " '" + choice + "' at node '" + engine.currentNodeId() + "': " + r.error);
            return result;
        }
    }
    if (engine.phase() == Phase::WrapUp) engine.submitWrapUp(p.wrap_up.value_or(WrapUpForm{}));
    if (engine.phase() != Phase::Finished)
        result.problems.push_back(std::string("the play-through stops before the end (phase ") + phaseName(engine.phase()) + ", node '" + engine.currentNodeId() + "')");
    result.log = engine.log();
    result.report = scoreAttempt(sop, scenario, settings, engine.log());
    nlohmann::json actual = goldenExpectation(result.report);
    for (const auto& [key, expected] : p.expect.items()) {
        if (!actual.contains(key)) {
            result.problems.push_back("unknown expectation '" + key + "'");
            continue;
        }
        nlohmann::json want = expected, got = actual[key];
        if (want.is_array()) std::sort(want.begin(), want.end());
        if (got.is_array()) std::sort(got.begin(), got.end());  // steps_missed comes in SOP order
        if (want != got) result.problems.push_back(key + ": expected " + want.dump() + ", got " + got.dump());
    }
    return result;
}

nlohmann::json updatedGoldenJson(const nlohmann::json& file, const Sop& sop, const Scenario& scenario,
                                 const OrgSettings& settings, std::vector<std::string>& changes) {
    nlohmann::json out = file;
    if (!out.contains("settings")) out["settings"] = pinnedSettings(settings);
    for (auto& pj : out.at("playthroughs")) {
        const GoldenPlaythrough p = playthroughFrom(pj, out["settings"]);
        GoldenResult result = replayGolden(sop, scenario, settings, p);
        const bool replays = std::none_of(result.problems.begin(), result.problems.end(), [](const std::string& problem) {
            return problem.rfind("choice ", 0) == 0 || problem.rfind("the play-through stops", 0) == 0;
        });
        if (!replays) {
            changes.push_back(p.name + ": does not replay, left as it was: " + result.problems.front());
            continue;
        }
        const nlohmann::json fresh = goldenExpectation(result.report);
        nlohmann::json& expect = pj["expect"];
        for (const auto& [key, value] : fresh.items()) {
            if (expect.contains(key) && expect[key] != value) {
                std::string line = p.name + ": " + key + " " + expect[key].dump() + " -> " + value.dump();
                if (key == "adherence") line += stepReasons(result.report);
                if (key == "stars") line += " " + fresh["star_caps"].dump();
                changes.push_back(line);
            }
            expect[key] = value;
        }
    }
    return out;
}

}  // namespace frontline
