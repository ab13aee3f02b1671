// Team (training managers): every trainee's certification status per policy, filtered by status,
// team and name and sorted by any column; summary tiles and "where the team loses points" follow
// the filter; a trainee x SOP-step heatmap; weekly trends; one trainee's records with replay.
// The figures load on a worker on entry and on Refresh (team_loader.cpp), never per frame; the
// parts are drawn by the team_*.cpp files (team_panels.hpp).
#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>
#include "frontline/certs.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

const std::vector<Policy>& certificationPolicies(AppState& app) {
    CertificationPolicies& d = app.certification.data;
    if (!d.loaded) {
        d.loaded = true;
        d.problems.clear();
        d.policies = loadPolicies(app.content.paths.root / "policies", d.problems);
    }
    return d.policies;
}

void invalidateCertification(AppState& app) {
    app.certification.valid = false;
    app.certificates.valid = false;
}

// Shared look for a status (the Certificates screen and the Team panels use it too).
void certificationStatusChip(CertStatus s) {
    switch (s) {
        case CertStatus::Certified: chip(certStatusTitle(s), colour::kGoodSoft, colour::kGood); break;
        case CertStatus::RefresherDue: chip(certStatusTitle(s), colour::kWarnSoft, colour::kWarn); break;
        case CertStatus::Expired:
        case CertStatus::Revoked: chip(certStatusTitle(s), colour::kBadSoft, colour::kBad); break;
        case CertStatus::InProgress: chip(certStatusTitle(s), colour::kInfoSoft, colour::kInfo); break;
        case CertStatus::NotStarted: chip(certStatusTitle(s), colour::kCardBorder, colour::kInkSoft); break;
    }
}

std::string statusDetail(const CertificationStatus& s) {
    switch (s.status) {
        case CertStatus::Certified: return fmt(tr("until {0}"), i18n::shortDate(dateOfUtc(s.certificate->expires_at)));
        case CertStatus::RefresherDue: return s.refresher_reason;
        case CertStatus::Expired: return fmt(tr("on {0}"), i18n::shortDate(dateOfUtc(s.certificate->expires_at)));
        case CertStatus::Revoked: return fmt(tr("on {0}"), i18n::shortDate(dateOfUtc(s.certificate->revoked_at)));
        case CertStatus::NotStarted:
        case CertStatus::InProgress: break;
    }
    if (s.ready_to_issue) return tr("ready to issue");
    char buf[64];
    std::snprintf(buf, sizeof buf, tr("%zu of %zu met"), s.requirements.size() - s.missing.size(), s.requirements.size());
    return buf;
}

namespace {

void drawStatusFilter(TeamFilter& f) {
    char due_label[64];
    std::snprintf(due_label, sizeof due_label, trn("Due in %d day", "Due in %d days", static_cast<unsigned long>(f.due_within_days)), f.due_within_days);
    const std::pair<StatusFilter, const char*> filters[] = {{StatusFilter::Everyone, N_("Everyone")},
                                                            {StatusFilter::DueWithin, "Due within"},
                                                            {StatusFilter::RefresherDue, N_("Refresher due")},
                                                            {StatusFilter::Expired, N_("Expired")},
                                                            {StatusFilter::NotCertified, N_("Not certified")}};
    for (const auto& [filter, label] : filters) {
        // The English label is the ID: the same radio button in every language.
        const char* shown = filter == StatusFilter::DueWithin ? due_label : tr(label);
        if (ImGui::RadioButton(fmt("{0}###{1}", shown, label).c_str(), f.status == filter)) f.status = filter;
        recordItem(filter == StatusFilter::DueWithin ? "Due within" : shown);
        ImGui::SameLine();
    }
}

void drawTeamPicker(const TeamOverview* overview, TeamFilter& f) {
    ImGui::SetNextItemWidth(em(9));
    if (ImGui::BeginCombo("##team", f.team.empty() ? tr("All teams") : f.team.c_str())) {
        if (ImGui::Selectable(tr("All teams"), f.team.empty())) f.team.clear();
        if (overview)
            for (const auto& team : overview->teams)
                if (ImGui::Selectable(team.c_str(), f.team == team)) f.team = team;
        ImGui::EndCombo();
    }
    recordItem("Team filter");
}

void drawFilters(AppState& app) {
    CertificationScreenState& st = app.certification;
    drawStatusFilter(st.filter);
    ImGui::SameLine(0, em(1));
    drawTeamPicker(st.overview.get(), st.filter);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(11));
    escapeKeepsText("##search");
    ImGui::InputTextWithHint("##search", tr("Search trainees"), &st.filter.search);
    recordItem(tr("Search trainees"));
    ImGui::SameLine();
    ImGui::BeginDisabled(teamLoading(app));
    if (iconButton(icon::kRefresh, tr("Refresh"))) startTeamLoad(app);
    ImGui::EndDisabled();
}

// The header's right side: export, and Lock once the manager password was given.
void drawHeaderActions(AppState& app) {
    const bool lock = app.manager_gate.unlocked;
    const float width = ImGui::CalcTextSize(tr("Export CSV")).x + (lock ? ImGui::CalcTextSize(tr("Lock")).x : 0) + em(lock ? 7 : 3);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    drawTeamExport(app);
    if (!lock) return;
    ImGui::SameLine();
    if (iconButton(icon::kLock, tr("Lock"))) {
        lockManager(app);
        navigate(app, ScreenId::Home);
    }
    tooltip(tr("Leave the team's records; the manager password is asked again next time."));
}

void drawTiles(const AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected) {
    const TeamCounts counts = countTeam(overview, selected);
    int due_soon = 0;
    const std::string horizon = dueHorizon(overview.computed_at, app.certification.filter.due_within_days);
    for (size_t i : selected) due_soon += dueBy(overview.members[i], horizon) ? 1 : 0;
    const float tile_w = (ImGui::GetContentRegionAvail().x - 4 * ImGui::GetStyle().ItemSpacing.x) / 5;
    char due_caption[48];
    std::snprintf(due_caption, sizeof due_caption, trn("due in %d day", "due in %d days", static_cast<unsigned long>(app.certification.filter.due_within_days)),
                  app.certification.filter.due_within_days);
    const std::string quiz = counts.best_quiz_mean < 0 ? "-" : std::to_string(counts.best_quiz_mean) + "%";
    statTile("##trainees", icon::kUsers, colour::kInfo, std::to_string(counts.trainees).c_str(), tr("trainees shown"), tile_w);
    ImGui::SameLine();
    statTile("##certified", icon::kCertificate, colour::kGood, std::to_string(counts.certified).c_str(), tr("certified"), tile_w);
    ImGui::SameLine();
    statTile("##due", icon::kClock, colour::kWarn, std::to_string(due_soon).c_str(), due_caption, tile_w);
    ImGui::SameLine();
    statTile("##expired", icon::kWarning, colour::kBad, std::to_string(counts.expired).c_str(), tr("expired"), tile_w);
    ImGui::SameLine();
    statTile("##quiz", icon::kQuestion, colour::kInfo, quiz.c_str(), tr("mean best exam"), tile_w);
}

void drawWeakestSteps(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected) {
    iconText(icon::kBullseye, colour::kAccent, tr("Where the team loses points"));
    mutedText(tr("SOP steps by mean score over the attempts of the trainees shown, weakest first."));
    ImGui::Spacing();
    const auto steps = weakestSteps(overview, selected);
    if (steps.empty()) mutedText(tr("No attempts recorded yet."));
    const float bar_w = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < steps.size() && i < 6; ++i) {
        const SopStep* info = app.content.sop.step(steps[i].step);
        char title[160];
        std::snprintf(title, sizeof title, "%d. %s", info ? info->number : 0, info ? info->title.c_str() : steps[i].step.c_str());
        ImGui::TextUnformatted(title);
        recordItem(("step:" + steps[i].step).c_str());
        const int score = static_cast<int>(steps[i].mean_score + 0.5);
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, trn("%d%%  over %d attempt", "%d%%  over %d attempts", static_cast<unsigned long>(steps[i].attempts)),
                      score, steps[i].attempts);
        progressBar(static_cast<float>(steps[i].mean_score / 100.0), scoreColour(score), bar_w, em(1.3f), overlay);
        ImGui::Spacing();
    }
}

void drawTabs(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected, float height) {
    CertificationScreenState& st = app.certification;
    const std::pair<TeamTab, const char*> tabs[] = {{TeamTab::Roster, N_("Roster")}, {TeamTab::Heatmap, N_("Heatmap")}, {TeamTab::Trends, N_("Trends")}};
    for (const auto& [tab, label] : tabs) {
        if (button(tr(label), st.tab == tab ? ButtonKind::Primary : ButtonKind::Normal)) st.tab = tab;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const float body = height - ImGui::GetFrameHeightWithSpacing();
    switch (st.tab) {
        case TeamTab::Roster: drawTeamRoster(app, overview, selected, body); break;
        case TeamTab::Heatmap: drawTeamHeatmap(app, overview, selected, body); break;
        case TeamTab::Trends: drawTeamTrends(app, overview, body); break;
    }
}

// When the figures are from, how long they took, and whether new ones are on their way.
void drawFreshness(const AppState& app) {
    const CertificationScreenState& st = app.certification;
    if (teamLoading(app)) {
        ImGui::TextDisabled("%s", tr("Refreshing…"));
    } else if (st.overview) {
        ImGui::TextDisabled(tr("Judged %s against SOP %s, read in %.0f ms."), shortDate(st.overview->computed_at).c_str(),
                            app.content.sop.version.c_str(), st.overview->load_seconds * 1000);
    }
}

}  // namespace

void enterCertificationScreen(AppState& app) {
    app.certification.valid = false;
    app.certification.filter.due_within_days = app.settings.refresher_reminder_days;
}

void drawCertificationScreen(AppState& app) {
    CertificationScreenState& st = app.certification;
    if (!st.valid) startTeamLoad(app);
    collectTeamLoad(app, false);
    sectionHeader(icon::kBarChart, tr("Team"));
    ImGui::SameLine(0, em(2));
    drawFreshness(app);
    if (st.overview && app.store) drawHeaderActions(app);
    for (const auto& d : st.data.problems)
        if (d.severity == Severity::Error) wrappedText(format(d).c_str(), colour::kBad);
    if (!st.load_error.empty()) wrappedText(st.load_error.c_str(), colour::kBad);
    if (!st.overview) {
        mutedText(teamLoading(app) ? tr("Reading the team's records…") : tr("No figures yet."));
        return;
    }
    const TeamOverview& overview = *st.overview;  // kept alive by `st.overview` for this frame
    const std::vector<size_t> selected = selectMembers(overview, st.filter);
    drawTiles(app, overview, selected);
    ImGui::Spacing();
    drawFilters(app);
    ImGui::Spacing();

    const bool drill = st.drill.trainee_id != 0;
    const bool side = drill || st.tab != TeamTab::Heatmap;  // the heatmap takes the full width
    const float side_w = drill ? em(30) : em(22);
    const float main_w = side ? ImGui::GetContentRegionAvail().x - side_w - ImGui::GetStyle().ItemSpacing.x : 0;
    beginCard("##team-main", ImVec2(main_w, 0));
    drawTabs(app, overview, selected, ImGui::GetContentRegionAvail().y);
    endCard();
    if (!side) return;
    ImGui::SameLine();
    beginCard("##team-side", ImVec2(0, 0));
    if (drill)
        drawTraineeDrillDown(app, overview, ImGui::GetContentRegionAvail().y);
    else
        drawWeakestSteps(app, overview, selected);
    endCard();
}

}  // namespace frontline::ui
