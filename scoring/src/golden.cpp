#include <algorithm>
#include "frontline/content.hpp"
#include "frontline/golden.hpp"

namespace frontline {

std::optional<GoldenFile> loadGoldenFile(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc || !checkSchema(*doc, "golden.schema.json", diags)) return std::nullopt;
    GoldenFile g;
    g.scenario = doc->value.at("scenario").get<std::string>();
    for (const auto& pj : doc->value.at("playthroughs")) {
        GoldenPlaythrough p;
        p.name = pj.at("name").get<std::string>();
        p.seed = pj.value("seed", std::uint64_t{1});
        p.answer_after = pj.value("answer_after", 0);
        p.choices = pj.at("choices").get<std::vector<std::string>>();
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
        p.expect = pj.at("expect");
        g.playthroughs.push_back(std::move(p));
    }
    return g;
}

nlohmann::json goldenExpectation(const ScoreReport& r) {
    std::vector<std::string> breaches, missed;
    for (const auto& b : r.breaches)
        if (std::find(breaches.begin(), breaches.end(), b.rule) == breaches.end()) breaches.push_back(b.rule);
    for (const auto& s : r.steps)
        if (s.required && !s.covered) missed.push_back(s.step);
    std::sort(breaches.begin(), breaches.end());
    return {{"outcome", r.outcome},     {"passed", r.passed},       {"critical_failure", r.critical_failure},
            {"adherence", r.adherence}, {"stars", r.stars},         {"points", r.points.total},
            {"breaches", breaches},     {"steps_missed", missed}};
}

GoldenResult replayGolden(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const GoldenPlaythrough& p) {
    GoldenResult result;
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

}  // namespace frontline
