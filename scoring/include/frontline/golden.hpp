#pragma once
// Golden transcripts (YarnSpinner's .testplan idea): expected play-throughs of a scenario with the
// score they must produce. Files: scenarios/content/golden/<scenario>.golden.json.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include "frontline/diagnostics.hpp"
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"

namespace frontline {

// The settings the engine and scorer read: pass marks, the answer and reply targets, handle time
// and the CSAT target. A golden file pins their values (its `settings` block), so its expectations
// do not move when settings.json or an organisation's database changes them.
const std::vector<std::string>& scoringSettingKeys();
nlohmann::json pinnedSettings(const OrgSettings& s);  // {key: value} for scoringSettingKeys()

struct GoldenPlaythrough {
    std::string name;
    std::uint64_t seed = 1;
    int answer_after = 0;
    std::vector<std::string> choices;  // option ids, desk.* ids, or "wait:N"
    std::optional<WrapUpForm> wrap_up;
    nlohmann::json expect = nlohmann::json::object();  // outcome, passed, critical_failure, adherence, stars, points, breaches, steps_missed
    nlohmann::json pinned_settings = nlohmann::json::object();  // the file's `settings` block
};

struct GoldenFile {
    std::string scenario;
    nlohmann::json settings = nlohmann::json::object();  // pinned values, checked against their ranges
    std::vector<GoldenPlaythrough> playthroughs;
};

std::optional<GoldenFile> loadGoldenFile(const std::filesystem::path& path, std::vector<Diagnostic>& diags);

struct GoldenResult {
    ScoreReport report;
    AttemptLog log;
    std::vector<std::string> problems;  // empty when the play-through matches its expectations
};

// Plays the choices through a fresh Engine, submits the wrap-up, scores and compares. `settings`
// are the content's defaults; the play-through's pinned settings override them.
GoldenResult replayGolden(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const GoldenPlaythrough& p);

// The `expect` block describing what a report says (used to write golden files).
nlohmann::json goldenExpectation(const ScoreReport& report);

// A golden file's JSON with every play-through's `expect` block rewritten to what the engine and
// scorer produce now (scripts/update-golden.sh), with its pinned settings; a file without a
// `settings` block gets one pinning `settings`' values. `changes` gets one line per changed value, e.g.
// "best path: stars 3 -> 2"; a play-through that no longer replays is left as it was and reported.
nlohmann::json updatedGoldenJson(const nlohmann::json& file, const Sop& sop, const Scenario& scenario,
                                 const OrgSettings& settings, std::vector<std::string>& changes);

}  // namespace frontline
