// The Team screen's heatmap: one row per selected trainee, one column per SOP step (in SOP order),
// each cell the trainee's mean score on that step, coloured red -> amber -> teal, with how many
// attempts it rests on. The first row is the selection's own mean (weighted by attempts), so a
// manager sees at a glance which step the whole team and which single agent needs coaching on.
#include <cstdio>
#include <map>
#include <imgui.h>
#include "frontline/ui/widgets.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

// The score colour, lightened so the numbers on it stay readable.
ImU32 cellColour(double score) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(scoreColour(static_cast<int>(score + 0.5)));
    const float mix = 0.55f;  // towards white
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x + (1 - c.x) * mix, c.y + (1 - c.y) * mix, c.z + (1 - c.z) * mix, 1));
}

void drawCell(const std::string& label, const StepCell& cell) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    char text[32];
    if (cell.attempts == 0) {
        std::snprintf(text, sizeof text, "-");
    } else {
        draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), cellColour(cell.mean_score), em(0.2f));
        std::snprintf(text, sizeof text, "%d  (%d)", static_cast<int>(cell.mean_score + 0.5), cell.attempts);
    }
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    draw->AddText(ImVec2(min.x + (size.x - text_size.x) * 0.5f, min.y + (size.y - text_size.y) * 0.5f),
                  cell.attempts ? colour::kInk : colour::kInkSoft, text);
    ImGui::Dummy(size);
    recordItem(label.c_str());
    if (cell.attempts && ImGui::IsItemHovered())
        ImGui::SetTooltip(trn("Mean %.0f over %d attempt", "Mean %.0f over %d attempts", static_cast<unsigned long>(cell.attempts)), cell.mean_score,
                          cell.attempts);
}

void setupColumns(const AppState& app, const TeamOverview& overview) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("Trainee"), ImGuiTableColumnFlags_WidthFixed, em(11));
    for (const auto& id : overview.steps) {
        const SopStep* step = app.content.sop.step(id);
        char title[96];
        std::snprintf(title, sizeof title, "%d. %s", step ? step->number : 0, step ? step->title.c_str() : id.c_str());
        ImGui::TableSetupColumn(title, ImGuiTableColumnFlags_WidthStretch);
    }
}

// The selection's own row: the attempts-weighted mean per step.
void drawSelectionRow(const TeamOverview& overview, const std::vector<size_t>& selected) {
    std::map<std::string, StepSummary> by_step;
    for (const auto& s : weakestSteps(overview, selected)) by_step.emplace(s.step, s);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::Text(tr("All %zu shown"), selected.size());
    ImGui::PopFont();
    for (const auto& id : overview.steps) {
        ImGui::TableNextColumn();
        const auto found = by_step.find(id);
        const StepCell cell = found == by_step.end() ? StepCell{} : StepCell{found->second.attempts, found->second.mean_score};
        drawCell("heat:*:" + id, cell);
    }
}

}  // namespace

void drawTeamHeatmap(AppState& app, const TeamOverview& overview, const std::vector<size_t>& selected, float height) {
    mutedText(tr("Mean score per SOP step, with the number of attempts it rests on in brackets; '-' where the step never came up."));
    const int columns = 1 + static_cast<int>(overview.steps.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("##heatmap", columns, flags, ImVec2(0, height - ImGui::GetTextLineHeightWithSpacing()))) return;
    setupColumns(app, overview);
    ImGui::TableHeadersRow();
    drawSelectionRow(overview, selected);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(selected.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const TeamMember& m = overview.members[selected[static_cast<size_t>(row)]];
            ImGui::PushID(static_cast<int>(m.trainee.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (ImGui::Selectable(m.trainee.name.c_str(), app.certification.drill.trainee_id == m.trainee.id))
                openTraineeDrillDown(app, m.trainee.id);
            for (size_t j = 0; j < overview.steps.size(); ++j) {
                ImGui::TableNextColumn();
                drawCell("heat:" + m.trainee.name + ":" + overview.steps[j], j < m.steps.size() ? m.steps[j] : StepCell{});
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace frontline::ui
