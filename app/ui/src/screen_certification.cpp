// Certification progress (training managers): every trainee's status per policy with filters for
// refresher due / expired / not certified, and which SOP steps the team gets wrong (Store::stepStats).
// Statuses are computed on entry and on Refresh, never per frame.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>
#include "frontline/certs.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
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

bool matchesFilter(const CertificationRow& row, CertificationFilter filter) {
    auto any = [&](auto predicate) { return std::any_of(row.statuses.begin(), row.statuses.end(), predicate); };
    switch (filter) {
        case CertificationFilter::All: return true;
        case CertificationFilter::RefresherDue:
            return any([](const CertificationStatus& s) { return s.status == CertStatus::RefresherDue; });
        case CertificationFilter::Expired: return any([](const CertificationStatus& s) { return s.status == CertStatus::Expired; });
        case CertificationFilter::NotCertified:
            // Holds nothing current at all (the first policy is the entry level).
            return !row.statuses.empty() && row.statuses.front().status != CertStatus::Certified &&
                   row.statuses.front().status != CertStatus::RefresherDue;
    }
    return true;
}

namespace {

void refresh(AppState& app) {
    CertificationScreenState& st = app.certification;
    st.valid = true;
    st.rows.clear();
    st.team_steps.clear();
    st.computed_at = nowUtcIso();
    if (!app.store) return;
    const auto& policies = certificationPolicies(app);
    try {
        for (const auto& trainee : app.store->trainees()) {
            CertificationRow row{trainee, {}};
            auto evidence = gatherEvidence(*app.store, trainee.id, app.content);
            for (const auto& p : policies)
                row.statuses.push_back(evaluateCertification(p, evidence, app.content.sop.version, app.settings, st.computed_at));
            st.rows.push_back(std::move(row));
        }
        st.team_steps = app.store->stepStats(0);
        std::sort(st.team_steps.begin(), st.team_steps.end(),
                  [](const StepStat& a, const StepStat& b) { return a.mean_score < b.mean_score; });
    } catch (const StoreError& e) {
        showToast(app, std::string("Could not read certification data: ") + e.what(), 6);
    }
}

}  // namespace

// Shared look for a status (also used by the Certificates screen through this declaration).
void certificationStatusChip(CertStatus s);
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

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string statusDetail(const CertificationStatus& s) {
    switch (s.status) {
        case CertStatus::Certified: return "until " + dateOfUtc(s.certificate->expires_at);
        case CertStatus::RefresherDue: return s.refresher_reason;
        case CertStatus::Expired: return "on " + dateOfUtc(s.certificate->expires_at);
        case CertStatus::Revoked: return "on " + dateOfUtc(s.certificate->revoked_at);
        case CertStatus::NotStarted:
        case CertStatus::InProgress: break;
    }
    if (s.ready_to_issue) return "ready to issue";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%zu of %zu met", s.requirements.size() - s.missing.size(), s.requirements.size());
    return buf;
}

void drawFilters(AppState& app) {
    CertificationScreenState& st = app.certification;
    const std::pair<CertificationFilter, const char*> filters[] = {{CertificationFilter::All, "Everyone"},
                                                                   {CertificationFilter::RefresherDue, "Refresher due"},
                                                                   {CertificationFilter::Expired, "Expired"},
                                                                   {CertificationFilter::NotCertified, "Not certified"}};
    for (const auto& [filter, label] : filters) {
        if (ImGui::RadioButton(label, st.filter == filter)) st.filter = filter;
        recordItem(label);
        ImGui::SameLine();
    }
    ImGui::SameLine(0, em(2));
    ImGui::SetNextItemWidth(em(14));
    escapeKeepsText("##search");
    ImGui::InputTextWithHint("##search", "Search trainees", &st.search);
    recordItem("Search trainees");
    ImGui::SameLine();
    if (iconButton(icon::kRefresh, "Refresh")) st.valid = false;
}

void drawTable(AppState& app, float height) {
    CertificationScreenState& st = app.certification;
    const auto& policies = certificationPolicies(app);
    const std::string needle = lower(st.search);
    const int columns = 2 + static_cast<int>(policies.size());
    int shown = 0;
    if (ImGui::BeginTable("##certification", columns,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Trainee", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Team", ImGuiTableColumnFlags_WidthStretch, 0.7f);
        for (const auto& p : policies) ImGui::TableSetupColumn(p.title.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableHeadersRow();
        for (const auto& row : st.rows) {
            if (!matchesFilter(row, st.filter)) continue;
            if (!needle.empty() && lower(row.trainee.name).find(needle) == std::string::npos &&
                lower(row.trainee.team).find(needle) == std::string::npos)
                continue;
            ++shown;
            ImGui::PushID(static_cast<int>(row.trainee.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(row.trainee.name.c_str());
            recordItem(("trainee:" + row.trainee.name).c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", row.trainee.team.empty() ? "-" : row.trainee.team.c_str());
            for (size_t i = 0; i < row.statuses.size(); ++i) {
                const auto& s = row.statuses[i];
                ImGui::TableNextColumn();
                certificationStatusChip(s.status);
                recordItem(("status:" + row.trainee.name + ":" + s.policy_id + ":" + certStatusName(s.status)).c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s", statusDetail(s).c_str());
                if (!s.missing.empty() && ImGui::IsItemHovered()) {
                    std::string missing = "Still missing:";
                    for (const auto& m : s.missing) missing += "\n- " + m;
                    ImGui::SetTooltip("%s", missing.c_str());
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (shown == 0) mutedText(st.rows.empty() ? "No trainees yet." : "Nobody matches this filter.");
}

void drawTeamSteps(AppState& app) {
    CertificationScreenState& st = app.certification;
    iconText(icon::kBullseye, colour::kAccent, "Where the team loses points");
    mutedText("SOP steps by the team's mean score over every recorded attempt, weakest first.");
    ImGui::Spacing();
    if (st.team_steps.empty()) {
        mutedText("No attempts recorded yet.");
        return;
    }
    const float bar_w = ImGui::GetContentRegionAvail().x;
    int listed = 0;
    for (const auto& step : st.team_steps) {
        if (listed++ == 6) break;
        const SopStep* info = app.content.sop.step(step.step);
        char title[160];
        std::snprintf(title, sizeof title, "%d. %s", info ? info->number : 0, info ? info->title.c_str() : step.step.c_str());
        ImGui::TextUnformatted(title);
        recordItem(("step:" + step.step).c_str());
        const int score = static_cast<int>(step.mean_score + 0.5);
        char overlay[96];
        std::snprintf(overlay, sizeof overlay, "%d%%  ·  missed %d of %d, out of order %d", score, step.missed, step.attempts,
                      step.out_of_order);
        progressBar(static_cast<float>(step.mean_score / 100.0), scoreColour(score), bar_w, em(1.3f), overlay);
        ImGui::Spacing();
    }
}

}  // namespace

void enterCertificationScreen(AppState& app) { app.certification.valid = false; }

void drawCertificationScreen(AppState& app) {
    CertificationScreenState& st = app.certification;
    if (!st.valid) refresh(app);
    sectionHeader(icon::kBarChart, "Certification progress");
    for (const auto& d : st.data.problems)
        if (d.severity == Severity::Error) wrappedText(format(d).c_str(), colour::kBad);

    int due = 0, expired = 0, certified = 0;
    for (const auto& row : st.rows)
        for (const auto& s : row.statuses) {
            due += s.status == CertStatus::RefresherDue;
            expired += s.status == CertStatus::Expired;
            certified += s.status == CertStatus::Certified;
        }
    const float tile_w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
    statTile("##trainees", icon::kUsers, colour::kInfo, std::to_string(st.rows.size()).c_str(), "trainees", tile_w);
    ImGui::SameLine();
    statTile("##certified", icon::kCertificate, colour::kGood, std::to_string(certified).c_str(), "certificates current", tile_w);
    ImGui::SameLine();
    statTile("##due", icon::kClock, colour::kWarn, std::to_string(due).c_str(), "refreshers due", tile_w);
    ImGui::SameLine();
    statTile("##expired", icon::kWarning, colour::kBad, std::to_string(expired).c_str(), "expired", tile_w);
    ImGui::Spacing();

    const float side_w = em(22);
    const float main_w = ImGui::GetContentRegionAvail().x - side_w - ImGui::GetStyle().ItemSpacing.x;
    beginCard("##certification-table", ImVec2(main_w, 0));
    drawFilters(app);
    ImGui::Spacing();
    drawTable(app, ImGui::GetContentRegionAvail().y - em(2));
    ImGui::TextDisabled("Evaluated %s against SOP version %s.", shortDate(st.computed_at).c_str(), app.content.sop.version.c_str());
    endCard();
    ImGui::SameLine();
    beginCard("##team-steps", ImVec2(0, 0));
    drawTeamSteps(app);
    endCard();
}

}  // namespace frontline::ui
