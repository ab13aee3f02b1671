// Weekly trends, drawn with ImGui's draw list (no chart library in Debian's ImGui 1.86): attempts as
// bars, mean adherence and pass rate as lines on a 0-100 scale, weeks with critical breaches marked
// in red with their count. Used for the team (or one team) and for one trainee.
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

namespace {

constexpr size_t kMaxWeeks = 16;  // about four months: enough to see a trend, few enough to read

struct Plot {
    ImVec2 min, max;  // the plotting area inside the axes
    size_t count = 0;
    float x(size_t i) const { return min.x + (max.x - min.x) * (static_cast<float>(i) + 0.5f) / static_cast<float>(count); }
    float y(double percent) const { return max.y - (max.y - min.y) * static_cast<float>(std::clamp(percent, 0.0, 100.0) / 100.0); }
    float slot() const { return (max.x - min.x) / static_cast<float>(count); }
};

void drawAxes(ImDrawList* draw, const Plot& p) {
    for (int level : {0, 50, 100}) {
        const float y = p.y(level);
        draw->AddLine(ImVec2(p.min.x, y), ImVec2(p.max.x, y), colour::kCardBorder);
        char label[8];
        std::snprintf(label, sizeof label, "%d%%", level);
        const ImVec2 size = ImGui::CalcTextSize(label);
        draw->AddText(ImVec2(p.min.x - size.x - em(0.3f), y - size.y * 0.5f), colour::kInkSoft, label);
    }
}

void drawBars(ImDrawList* draw, const Plot& p, const std::vector<WeekStat>& weeks) {
    int most = 1;
    for (const auto& w : weeks) most = std::max(most, w.attempts);
    for (size_t i = 0; i < weeks.size(); ++i) {
        const float h = (p.max.y - p.min.y) * static_cast<float>(weeks[i].attempts) / static_cast<float>(most);
        const float half = p.slot() * 0.3f;
        draw->AddRectFilled(ImVec2(p.x(i) - half, p.max.y - h), ImVec2(p.x(i) + half, p.max.y), colour::kInfoSoft, em(0.15f));
    }
}

void drawLine(ImDrawList* draw, const Plot& p, const std::vector<WeekStat>& weeks, ImU32 colour, double (*value)(const WeekStat&)) {
    std::vector<ImVec2> points;
    for (size_t i = 0; i < weeks.size(); ++i)
        if (weeks[i].attempts > 0) points.emplace_back(p.x(i), p.y(value(weeks[i])));
    if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, em(0.15f));
    for (const auto& pt : points) draw->AddCircleFilled(pt, em(0.22f), colour);
}

void drawBreachesAndDates(ImDrawList* draw, const Plot& p, const std::vector<WeekStat>& weeks) {
    const size_t label_every = std::max<size_t>(1, (weeks.size() + 5) / 6);
    for (size_t i = 0; i < weeks.size(); ++i) {
        if (weeks[i].critical_breaches > 0) {
            char n[16];
            std::snprintf(n, sizeof n, "%d", weeks[i].critical_breaches);
            draw->AddCircleFilled(ImVec2(p.x(i), p.min.y - em(0.5f)), em(0.45f), colour::kBad);
            const ImVec2 size = ImGui::CalcTextSize(n);
            draw->AddText(ImVec2(p.x(i) - size.x * 0.5f, p.min.y - em(0.5f) - size.y * 0.5f), colour::rgb(0xFFFFFF), n);
        }
        if ((weeks.size() - 1 - i) % label_every != 0) continue;  // the newest week always has its date
        const std::string date = weeks[i].week.size() >= 10 ? weeks[i].week.substr(5, 5) : weeks[i].week;
        const ImVec2 size = ImGui::CalcTextSize(date.c_str());
        draw->AddText(ImVec2(p.x(i) - size.x * 0.5f, p.max.y + em(0.2f)), colour::kInkSoft, date.c_str());
    }
}

void legendEntry(ImU32 colour, const char* text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float side = ImGui::GetTextLineHeight() * 0.7f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + side * 0.2f), ImVec2(at.x + side, at.y + side * 1.2f), colour, 2);
    ImGui::Dummy(ImVec2(side, side));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", text);
    ImGui::SameLine(0, em(1.2f));
}

// The store lists only weeks with attempts; a quiet week is drawn as an empty slot, so the axis is time.
std::vector<WeekStat> withQuietWeeks(const std::vector<WeekStat>& weeks) {
    std::vector<WeekStat> out;
    for (const auto& w : weeks) {
        while (!out.empty() && out.size() < 10000) {
            const auto next = addDaysUtc(out.back().week + "T00:00:00Z", 7);
            if (!next || dateOfUtc(*next) >= w.week) break;
            WeekStat quiet;
            quiet.week = dateOfUtc(*next);
            out.push_back(quiet);
        }
        out.push_back(w);
    }
    return out;
}

double adherence(const WeekStat& w) { return w.mean_adherence; }
double passRate(const WeekStat& w) { return w.attempts ? 100.0 * w.passed / w.attempts : 0.0; }

}  // namespace

void drawWeeklyTrends(const char* id, const std::vector<WeekStat>& listed, float width, float height) {
    const std::vector<WeekStat> all_weeks = withQuietWeeks(listed);
    const std::vector<WeekStat> weeks(all_weeks.size() > kMaxWeeks ? all_weeks.end() - kMaxWeeks : all_weeks.begin(), all_weeks.end());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float legend_h = ImGui::GetFrameHeightWithSpacing();
    ImGui::Dummy(ImVec2(width, height - legend_h));
    recordItem(id);
    if (weeks.empty()) {
        ImGui::GetWindowDrawList()->AddText(ImVec2(origin.x + em(1), origin.y + em(1)), colour::kInkSoft, tr("No attempts in these weeks yet."));
        return;
    }
    Plot p;
    p.min = ImVec2(origin.x + em(3.0f), origin.y + em(1.4f));
    p.max = ImVec2(origin.x + width - em(0.5f), origin.y + height - legend_h - em(1.4f));
    p.count = weeks.size();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    drawAxes(draw, p);
    drawBars(draw, p, weeks);
    drawLine(draw, p, weeks, colour::kGood, adherence);
    drawLine(draw, p, weeks, colour::kAccent, passRate);
    drawBreachesAndDates(draw, p, weeks);
    // Short words: the legend fits one line of the narrow trainee panel too.
    legendEntry(colour::kGood, tr("adherence"));
    legendEntry(colour::kAccent, tr("pass rate"));
    legendEntry(colour::kInfoSoft, tr("attempts"));
    legendEntry(colour::kBad, tr("critical breaches"));
    ImGui::NewLine();
}

void drawTeamTrends(AppState& app, const TeamOverview& overview, float height) {
    CertificationScreenState& st = app.certification;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Weekly trend for"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(12));
    if (ImGui::BeginCombo("##trend-team", st.trends_team.empty() ? tr("everyone") : st.trends_team.c_str())) {
        if (ImGui::Selectable(tr("everyone"), st.trends_team.empty())) st.trends_team.clear();
        for (const auto& team : overview.teams)
            if (ImGui::Selectable(team.c_str(), st.trends_team == team)) st.trends_team = team;
        ImGui::EndCombo();
    }
    recordItem("Trend team");
    const auto found = overview.weeks.find(st.trends_team);
    static const std::vector<WeekStat> none;
    const auto& weeks = found == overview.weeks.end() ? none : found->second;
    drawWeeklyTrends("trend:team", weeks, ImGui::GetContentRegionAvail().x, height - ImGui::GetFrameHeightWithSpacing());
}

}  // namespace frontline::ui
