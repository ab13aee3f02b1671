#pragma once
// The manager's view of a team: every trainee's certification status with their activity, the
// trainee x SOP-step heatmap and weekly trends, read in one go (off the UI thread: the Team screen
// loads it on a worker with its own connection) and then filtered, sorted and summed in memory.
// No ImGui here: the Team screen draws what these functions return, and tests check them alone.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include "frontline/certification.hpp"
#include "frontline/content.hpp"
#include "frontline/policy.hpp"
#include "frontline/settings.hpp"
#include "frontline/store.hpp"

namespace frontline {

// One heatmap cell: a trainee's mean score on one SOP step (attempts 0: it never came up).
struct StepCell {
    int attempts = 0;
    double mean_score = 0;  // 0..100
};

struct TeamMember {
    Trainee trainee;
    std::vector<CertificationStatus> statuses;  // one per policy, in policy order
    TraineeActivity activity;                   // attempts, last activity, best exam score
    std::vector<StepCell> steps;                // one per TeamOverview::steps, same order
};

struct TeamOverview {
    std::string computed_at;  // ISO 8601 UTC: the "now" the statuses were judged at
    std::vector<TeamMember> members;  // by name
    std::vector<std::string> steps;      // the SOP's step ids in SOP order (the heatmap's columns)
    std::vector<std::string> teams;      // distinct non-empty team names, sorted
    std::map<std::string, std::vector<WeekStat>> weeks;  // trends by team name ("" = everyone), oldest first
    double load_seconds = 0;             // how long reading it took (shown to the manager)
};

// Reads everything the Team screen shows. Throws StoreError.
TeamOverview loadTeamOverview(const Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                              const OrgSettings& settings, const std::string& now);

// ---- filter and sort (in memory, per frame is fine: a few hundred rows) ----
enum class StatusFilter { Everyone, RefresherDue, Expired, NotCertified, DueWithin };
enum class TeamSort { Name, Team, Status, LastActivity, QuizScore };

struct TeamFilter {
    StatusFilter status = StatusFilter::Everyone;
    std::string team;    // "" = every team
    std::string search;  // case-insensitive part of the name
    int due_within_days = 14;  // for StatusFilter::DueWithin (the refresher_reminder_days setting)
    TeamSort sort = TeamSort::Name;
    bool descending = false;
};

// A refresher is due already, or falls due (expiry minus the recertification window) within `days`
// of `now` (for a TeamMember: TeamOverview::computed_at, when the statuses were judged).
bool refresherDueWithin(const CertificationStatus& status, int days, const std::string& now);
// The same for many at once: the horizon (`now` + `days`) worked out once, then compared as text.
std::string dueHorizon(const std::string& now, int days);
bool refresherDueBy(const CertificationStatus& status, const std::string& horizon);
bool dueBy(const TeamMember& member, const std::string& horizon);
bool dueWithin(const TeamMember& member, int days, const std::string& now);
bool matches(const TeamMember& member, const TeamFilter& filter, const std::string& now);
// Indices into overview.members that pass the filter, in the filter's order.
std::vector<size_t> selectMembers(const TeamOverview& overview, const TeamFilter& filter);

// ---- figures that follow the filter ----
struct TeamCounts {
    int trainees = 0;
    int certified = 0;      // holds a current certificate of the first (entry) policy
    int refresher_due = 0;  // any policy
    int expired = 0;        // any policy, and nothing current in its place
    int attempts = 0;
    int best_quiz_mean = -1;  // mean of the best exam scores of those who took one (-1: nobody)
};
TeamCounts countTeam(const TeamOverview& overview, const std::vector<size_t>& selected);

// Per SOP step over the selected trainees: attempts-weighted mean score, weakest first.
struct StepSummary {
    std::string step;
    int attempts = 0;
    double mean_score = 0;
};
std::vector<StepSummary> weakestSteps(const TeamOverview& overview, const std::vector<size_t>& selected);

// The day a refresher falls due for the member's soonest-expiring current certificate ("" if none).
std::string nextRefresher(const TeamMember& member);

}  // namespace frontline
