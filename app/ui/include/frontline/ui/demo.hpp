#pragma once
// Demo state for screenshots, benchmarks and tests: a trainee with a few played attempts, and a
// way to put the app on any screen in a representative moment (a call mid-conversation, a debrief…).
#include <string>
#include <vector>
#include "frontline/ui/app.hpp"

namespace frontline::ui {

// Plays `scenario` to its end without the UI: answers after `answer_after` seconds, opens the desk
// tools first when `use_desk`, follows `choices` (option ids) and then the first available option
// until an ending, fills the wrap-up from the ending's expectation when `good_wrap_up`. Returns the
// engine's log and the report (not stored).
struct PlayedAttempt {
    AttemptLog log;
    ScoreReport report;
};
PlayedAttempt playScenario(const ContentLibrary& content, const OrgSettings& settings, const Scenario& scenario,
                           const std::string& agent, std::uint64_t seed, const std::vector<std::string>& choices,
                           bool use_desk, bool good_wrap_up, int answer_after);
// The option ids of the best-scoring path through `scenario` (from the graph validator).
std::vector<std::string> bestPath(const ContentLibrary& content, const Scenario& scenario);

// Creates the demo trainee (if missing) in app.store with a handful of attempts, selects them.
void seedDemo(AppState& app, const std::string& trainee_name = "Sam Patel");

// Screen names for screenshots: welcome, profile, home, library, ringing, call, wrapup, chat,
// debrief, history, settings, quiz, certificates, team, team-heatmap, team-trends, team-trainee,
// manager-password (last: it sets a password in the database it stages).
const std::vector<std::string>& demoScreenNames();
// Puts the app in a representative state for `name`. Returns false for an unknown name.
bool stageDemoScreen(AppState& app, const std::string& name);

}  // namespace frontline::ui
