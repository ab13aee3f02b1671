// The Team screen's roster: one row per trainee the filter selects, sorted by the column header the
// manager clicks (name, team, status, last activity, best exam score). Rows are clipped, so 500
// trainees cost what the visible twenty do. A click on a row opens that trainee's records.
#include <cstdio>
#include <imgui.h>
#include "frontline/certs.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

// Column ids the sort specs report (ImGui's ColumnUserID); policy columns after the first do not sort.
constexpr ImGuiID kNameColumn = static_cast<ImGuiID>(TeamSort::Name);
constexpr ImGuiID kNoSortColumn = 100;

void applySortSpecs(TeamFilter& filter) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    if (specs->SpecsCount > 0 && specs->Specs[0].ColumnUserID != kNoSortColumn) {
        filter.sort = static_cast<TeamSort>(specs->Specs[0].ColumnUserID);
        filter.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
}

void setupColumns(const std::vector<Policy>& policies) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("Trainee"), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 1.3f, kNameColumn);
    ImGui::TableSetupColumn(tr("Team"), ImGuiTableColumnFlags_WidthStretch, 0.6f, static_cast<ImGuiID>(TeamSort::Team));
    for (size_t i = 0; i < policies.size(); ++i)
        ImGui::TableSetupColumn(policies[i].title.c_str(), ImGuiTableColumnFlags_WidthStretch | (i ? ImGuiTableColumnFlags_NoSort : 0), 1.4f,
                                i == 0 ? static_cast<ImGuiID>(TeamSort::Status) : kNoSortColumn);
    ImGui::TableSetupColumn(tr("Last activity"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em(7),
                            static_cast<ImGuiID>(TeamSort::LastActivity));
    ImGui::TableSetupColumn(tr("Best exam"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em(5),
                            static_cast<ImGuiID>(TeamSort::QuizScore));
}

void drawStatusCell(const TeamMember& m, const CertificationStatus& s) {
    ImGui::AlignTextToFramePadding();
    certificationStatusChip(s.status);
    recordItem(("status:" + m.trainee.name + ":" + s.policy_id + ":" + certStatusName(s.status)).c_str());
    ImGui::SameLine();
    const std::string detail = statusDetail(s);
    const bool cut = fittedText(detail);
    if (!s.missing.empty() && ImGui::IsItemHovered()) {
        // A certified agent's unmet requirements are what the next renewal needs, not a gap.
        std::string text = (cut ? detail + "\n" : "") + (s.certificate ? tr("For renewal:") : tr("Still missing:"));
        for (const auto& line : s.missing) text += "\n- " + line;
        ImGui::SetTooltip("%s", text.c_str());
    }
}

void drawRow(AppState& app, const TeamMember& m) {
    ImGui::PushID(static_cast<int>(m.trainee.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool open = app.certification.drill.trainee_id == m.trainee.id;
    if (ImGui::Selectable(m.trainee.name.c_str(), open, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, ImGui::GetFrameHeight())))
        openTraineeDrillDown(app, open ? 0 : m.trainee.id);
    recordItem(("trainee:" + m.trainee.name).c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();  // level with the row's full-height name
    fittedText(m.trainee.team.empty() ? "-" : m.trainee.team);
    for (const auto& s : m.statuses) {
        ImGui::TableNextColumn();
        drawStatusCell(m, s);
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", m.activity.last_activity.empty() ? tr("never") : shortDate(m.activity.last_activity).c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (m.activity.best_quiz_percent < 0)
        ImGui::TextDisabled("-");
    else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(scoreColour(m.activity.best_quiz_percent)), "%d%%", m.activity.best_quiz_percent);
    ImGui::PopID();
}

}  // namespace

void drawTeamRoster(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected, float height) {
    const auto& policies = certificationPolicies(app);
    const int columns = 4 + static_cast<int>(policies.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable;
    if (ImGui::BeginTable("##roster", columns, flags, ImVec2(0, height))) {
        setupColumns(policies);
        applySortSpecs(app.certification.filter);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(selected.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) drawRow(app, overview.members[selected[static_cast<size_t>(row)]]);
        ImGui::EndTable();
    }
    if (selected.empty()) mutedText(overview.members.empty() ? tr("No trainees yet.") : tr("Nobody matches this filter."));
}

}  // namespace frontline::ui
