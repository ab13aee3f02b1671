#pragma once
// State of the two certification screens: "Team" (training managers: every trainee's status per
// policy, filters and sorting, the trainee x step heatmap, weekly trends, one trainee's records, the
// SOP steps the team gets wrong) and "Certificates" (the
// trainee's own requirements and certificates: issue when ready, export PDF / badge).
// Fields of AppState: app.certification and app.certificates.
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <vector>
#include "frontline/certification.hpp"
#include "frontline/diagnostics.hpp"
#include "frontline/policy.hpp"
#include "frontline/store.hpp"
#include "frontline/team_overview.hpp"

namespace frontline::ui {

struct AppState;

// Policies from the content tree's policies/ folder, loaded on first use by either screen.
struct CertificationPolicies {
    bool loaded = false;
    std::vector<Policy> policies;
    std::vector<Diagnostic> problems;  // files that did not load, shown on the screens
};

// One trainee opened from the roster: their attempts (with replay), quizzes, certificates, trends.
struct TraineeDrillDown {
    std::int64_t trainee_id = 0;  // 0: none open
    std::vector<AttemptRecord> attempts;        // newest first, a page
    std::vector<QuizAttemptRecord> quizzes;     // newest first
    std::vector<CertificateRecord> certificates;
    std::vector<WeekStat> weeks;                // oldest first
    std::string error;                          // why it could not be read
    bool has_pin = false;                       // a local file's PIN policy: the trainee chose a PIN
};

enum class TeamTab { Roster, Heatmap, Trends };

struct CertificationScreenState {
    CertificationPolicies data;  // shared with the Certificates screen
    bool valid = false;          // false: a (re)load is due; never per frame
    // The figures shown: the last load, kept on screen while the next one runs on a worker.
    std::shared_ptr<const TeamOverview> overview;
    std::future<TeamOverview> loading;  // valid() while a load runs
    std::string load_error;             // the last load's failure, in plain words
    TeamFilter filter;
    TeamTab tab = TeamTab::Roster;
    std::string trends_team;  // "" = everyone, or one team's name
    TraineeDrillDown drill;
};

struct CertificatesScreenState {
    bool valid = false;
    std::int64_t trainee_id = 0;  // whose data is cached
    std::vector<CertificationStatus> statuses;  // one per policy
    std::vector<CertificateRecord> certificates;  // newest first
    std::string message;  // result of the last issue / export
    bool message_is_error = false;
};

// Loads the policies once (app.certification.data).
const std::vector<Policy>& certificationPolicies(AppState& app);
// Marks both screens' caches stale (after an attempt, a quiz, an issue).
void invalidateCertification(AppState& app);
// Whether a Team load is running on its worker (tests wait for it with finishTeamLoad).
bool teamLoading(const AppState& app);
// Waits for a running load and takes its result (tests, and leaving the app).
void finishTeamLoad(AppState& app);

}  // namespace frontline::ui
