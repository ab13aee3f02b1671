#pragma once
// The Team screen's parts, one file each: the worker that loads it (team_loader.cpp), the CSV
// export (team_export.cpp), the roster
// (team_roster.cpp), the trainee x step heatmap (team_heatmap.cpp), weekly trends (team_trends.cpp)
// and one trainee's records (team_trainee.cpp). screen_certification.cpp lays them out.
#include <vector>
#include "frontline/team_overview.hpp"
#include "frontline/ui/app.hpp"

namespace frontline::ui {

// Starts loading the Team figures on a worker (or in place for an in-memory database).
void startTeamLoad(AppState& app);
// Takes a finished load's figures; with `wait`, waits for a running one.
void collectTeamLoad(AppState& app, bool wait);

// The roster: one row per selected trainee, sortable by its headers; a click opens the trainee.
void drawTeamRoster(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected, float height);
// Trainee x SOP step: each cell the trainee's mean score on the step, coloured, with the count.
void drawTeamHeatmap(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected, float height);
// Weekly adherence and pass rate (lines), attempts (bars) and critical breaches (marks).
void drawWeeklyTrends(const char* id, const std::vector<WeekStat>& weeks, float width, float height);
void drawTeamTrends(AppState& app, const TeamOverview& overview, float height);
// One trainee: statuses with what is missing or "for renewal", attempts with Replay, quizzes,
// certificates and their own trend.
void openTraineeDrillDown(AppState& app, std::int64_t trainee_id);
void drawTraineeDrillDown(AppState& app, const TeamOverview& overview, float height);

// "Export CSV": the four tables of `frontline export csv` for the filter's team, into Documents.
void drawTeamExport(AppState& app);

// A status chip (shared with the Certificates screen) and its one-line detail.
void certificationStatusChip(CertStatus s);
std::string statusDetail(const CertificationStatus& s);

}  // namespace frontline::ui
