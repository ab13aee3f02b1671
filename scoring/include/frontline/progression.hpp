#pragma once
// Progression: points, levels, daily streaks, badges, best stars per scenario, the weakest SOP
// step and what to play next. A pure function of the trainee's attempt history (no clock, no I/O),
// used by the home screen and `frontline history`.
//
// Level curve: reaching level L takes 150 * L * (L + 1) / 2 cumulative points, so level 1 is at
// 150, level 2 at 450, level 3 at 900, level 4 at 1500: each level costs 150 more than the last.
// A new trainee is level 0. Every attempt's points count (practice is rewarded; a failed attempt
// scores few points anyway, and a critical breach costs 50).
//
// Streaks count calendar days (the UTC date of finished_at) with at least one passed attempt.
// The current streak is the run that ends on the day of the latest attempt (0 if that day has no
// pass); it does not look at today's date, so callers decide whether a stale streak is shown.
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "frontline/scoring.hpp"

namespace frontline {

struct AttemptSummary {
    std::string scenario_id;
    std::vector<std::string> tags;  // the scenario's tags
    std::string finished_at;        // ISO 8601 UTC, "2026-11-23T09:41:00Z"
    bool passed = false;
    bool critical_failure = false;
    int stars = 0;
    int points = 0;
    int adherence = 0;
    std::string outcome;  // the SOP outcome id
    std::vector<std::pair<std::string, int>> step_scores;  // required steps only: (step id, 0..100)
    int answer_seconds = 0;
    int target_answer_seconds = 0;
    std::string channel;  // call | chat
    int difficulty = 0;   // 1..3, the scenario's (0: unknown)
    int breaches = 0;     // rules broken, any severity
};

// The summary of a scored attempt. `scenario` gives tags and difficulty (nullptr: unknown).
AttemptSummary summarizeAttempt(const ScoreReport& report, const Scenario* scenario, const std::string& finished_at);

struct Badge {
    std::string id;
    std::string title;
    std::string description;  // how to earn it, for the badge wall
    bool earned = false;
    std::string earned_at;  // finished_at of the attempt that earned it
    int progress = 0;       // towards `goal` (capped at goal)
    int goal = 1;
};

struct ScenarioProgress {
    std::string scenario_id;
    int attempts = 0;
    bool passed = false;
    int best_stars = 0;
    int best_points = 0;
    int best_adherence = 0;
};

struct WeakStep {
    std::string step;  // SOP step id
    double mean_score = 0;  // 0..100 over the attempts where it was required
    int attempts = 0;
};

struct Progress {
    int total_points = 0;
    int level = 0;
    int points_into_level = 0;  // total_points - pointsForLevel(level)
    int level_span = 0;         // pointsForLevel(level + 1) - pointsForLevel(level)
    int points_to_next_level = 0;
    int attempts = 0;
    int passed = 0;
    int current_streak = 0;  // days
    int best_streak = 0;     // days
    std::vector<Badge> badges;  // every badge, earned or not, in a fixed order
    std::vector<ScenarioProgress> scenarios;  // by scenario id
    std::optional<WeakStep> weakest_step;     // none when no attempt, or every step averages 100
    std::string recommended_next;             // scenario id, "" when nothing is left to suggest

    const ScenarioProgress* scenario(const std::string& id) const;
    const Badge* badge(const std::string& id) const;
    int earnedBadges() const;
};

// Cumulative points needed to reach `level` (150 * L * (L + 1) / 2). Negative levels give 0.
int pointsForLevel(int level);
// The highest level whose threshold is <= points.
int levelForPoints(int points);

// `attempts` in any order. `onboarding` is the ordered list of scenario ids of the trainee's path:
// recommended_next is the first one not yet passed; once all are passed, the first with fewer
// than three stars; then "".
// `follow_up_step`: the id of the SOP's follow-up step (role "follow_up"), which the promise-keeper
// badge looks at; empty: the SOP has none and the badge cannot be earned.
// `warm_transfer_outcome`: the id of the SOP's outcome with the role "warm_transfer", which earns
// the warm-hands badge like a passed escalation scenario; empty: only the scenario tag counts.
Progress computeProgress(const std::vector<AttemptSummary>& attempts, const std::vector<std::string>& onboarding = {},
                         const std::string& follow_up_step = {}, const std::string& warm_transfer_outcome = {});

// Days since 1970-01-01 of an ISO 8601 date or date-time ("2026-11-23", "2026-11-23T09:41:00Z").
// nullopt when it does not start with a valid YYYY-MM-DD.
std::optional<long> isoDayNumber(const std::string& iso);

}  // namespace frontline
