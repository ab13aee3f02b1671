// The debrief: pass/fail with critical breaches first, points and stars counting up, the per-SOP-step
// scorecard, metrics against targets, and every decision with its feedback and SOP citation.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <imgui.h>
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {
constexpr double kCountUpSeconds = 1.2;

// 0..1 with an ease-out, so numbers rush up then settle.
float countUp(const AppState& app) {
    const double t = std::clamp((app.time - app.debrief.shown_at) / kCountUpSeconds, 0.0, 1.0);
    return static_cast<float>(1.0 - std::pow(1.0 - t, 3.0));
}

// What kept the stars below three: the QA verdict says why, lowest cap first.
void drawStarCaps(const ScoreReport& r) {
    if (r.star_caps.empty()) return;
    ImGui::Spacing();
    mutedText(r.stars == 0 ? tr("No stars:") : r.stars == 1 ? tr("One star:") : tr("Two stars:"));
    std::vector<StarCap> caps = r.star_caps;
    std::stable_sort(caps.begin(), caps.end(), [](const StarCap& a, const StarCap& b) { return a.max_stars < b.max_stars; });
    for (const StarCap& cap : caps) {
        iconText(icon::kStar, cap.max_stars == 0 ? colour::kBad : colour::kWarn, cap.text.c_str());
        recordItem(("Star cap:" + cap.condition).c_str());
    }
}

void drawResult(AppState& app, const ScoreReport& r) {
    const float k = countUp(app);
    if (k < 1.0f) app.animating = true;
    const ImU32 accent = r.passed ? colour::kGood : colour::kBad;
    beginTile(0, accent);
    ImGui::PushFont(font(FontRole::Display));
    ImGui::PushStyleColor(ImGuiCol_Text, accent);
    ImGui::TextUnformatted(r.passed ? icon::kTrophy : r.critical_failure ? icon::kBan : icon::kRefresh);
    ImGui::SameLine();
    ImGui::TextUnformatted(r.passed ? tr("Passed") : r.critical_failure ? tr("Failed: critical breach") : tr("Not passed yet"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    recordItem("Debrief result");
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(app.debrief.scenario_title.c_str());
    ImGui::PopFont();
    iconText(r.success_ending ? icon::kCheckCircle : icon::kTimesCircle, r.success_ending ? colour::kGood : colour::kBad,
             r.outcome_title.c_str());
    if (app.debrief.assessment) {
        ImGui::SameLine();
        chip(tr("Assessment"), colour::kInfoSoft, colour::kInfo);
    }
    ImGui::Spacing();

    // Stars pop in one after another as the count-up runs.
    const int stars_shown = std::min(r.stars, static_cast<int>(std::floor(k * static_cast<float>(r.stars) + 0.999f)));
    starRating(stars_shown, 3, 2.0f);
    ImGui::SameLine(0, em(2));
    ImGui::BeginGroup();
    ImGui::PushFont(font(FontRole::Display));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kGold);
    ImGui::Text("%d", static_cast<int>(std::lround(k * static_cast<float>(r.points.total))));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    mutedText(tr("points"));
    ImGui::EndGroup();
    recordItem("Debrief points");
    ImGui::SameLine(0, em(2));
    ImGui::BeginGroup();
    ImGui::PushFont(font(FontRole::Display));
    ImGui::PushStyleColor(ImGuiCol_Text, scoreColour(r.adherence));
    ImGui::Text("%d%%", static_cast<int>(std::lround(k * static_cast<float>(r.adherence))));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    char pass[64];
    std::snprintf(pass, sizeof pass, tr("SOP adherence (pass %d%%)"), app.settings.scenario_pass_mark);
    mutedText(pass);
    ImGui::EndGroup();
    drawStarCaps(r);
    endTile();
}

void drawBreaches(const ScoreReport& r) {
    if (r.breaches.empty()) return;
    for (const Breach& b : r.breaches) {
        ImGui::PushID(&b);
        beginTile(0, b.critical ? colour::kBad : b.severity == "major" ? colour::kWarn : colour::kInkSoft);
        chip(b.critical ? tr("CRITICAL") : b.severity == "major" ? tr("Major") : tr("Minor"), b.critical ? colour::kBad : colour::kWarnSoft,
             b.critical ? colour::rgb(0xFFFFFF) : colour::rgb(0x9A6512));
        ImGui::SameLine();
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextWrapped("%s", b.title.c_str());
        ImGui::PopFont();
        if (!b.explanation.empty()) wrappedText(b.explanation.c_str());
        char line[160];
        std::snprintf(line, sizeof line, trn("%s   %d point", "%s   %d points", static_cast<unsigned long>(std::abs(b.penalty))), b.source.c_str(), b.penalty);
        mutedText(line);
        endTile();
        ImGui::PopID();
        ImGui::Spacing();
    }
}

// The handle time in the parts that make it up, so the figure on the desk's clock is explained.
void drawHandleTimeParts(const SimMetrics& m) {
    const std::string parts = fmt(tr("Handle time {0} (answer to wrap-up complete) = talk {1} + hold {2} + wrap-up {3}"),
                                  clockText(m.handle_seconds), clockText(m.talk_seconds), clockText(m.hold_seconds),
                                  clockText(m.wrap_up_seconds));
    mutedText(parts.c_str());
    recordItem(parts.c_str());
}

void drawMetrics(AppState& app, const ScoreReport& r) {
    const SimMetrics& m = r.metrics;
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 3) / 4;
    char value[32], caption[96];
    std::snprintf(value, sizeof value, "%s", clockText(m.handle_seconds).c_str());
    std::snprintf(caption, sizeof caption, tr("Handle time / %s"), clockText(m.target_handle_seconds).c_str());
    statTile("aht", icon::kClock, m.within_handle_target ? colour::kGood : colour::kBad, value, caption, w);
    ImGui::SameLine();
    statTile("fcr", m.fcr ? icon::kCheckCircle : icon::kRefresh, m.fcr ? colour::kGood : colour::kWarn, m.fcr ? tr("Yes") : tr("No"),
             tr("First-contact resolution"), w);  // not resolved first time: the customer will be back
    ImGui::SameLine();
    std::snprintf(value, sizeof value, "%s", i18n::decimal(m.csat, 1).c_str());
    std::snprintf(caption, sizeof caption, tr("CSAT / target %s"), i18n::decimal(m.target_csat, 1).c_str());
    statTile("csat", icon::kSmile, m.csat >= m.target_csat ? colour::kGood : colour::kWarn, value, caption, w);
    ImGui::SameLine();
    std::snprintf(value, sizeof value, "%s", durationText(m.answer_seconds).c_str());
    std::snprintf(caption, sizeof caption, tr("Answer / within %s"), durationText(m.target_answer_seconds).c_str());
    statTile("asa", icon::kBell, m.answer_seconds <= m.target_answer_seconds ? colour::kGood : colour::kWarn, value, caption, w);
    (void)app;
    drawHandleTimeParts(m);
}

void drawScorecard(const ScoreReport& r) {
    sectionHeader(icon::kTasks, tr("SOP scorecard"));
    if (ImGui::BeginTable("##steps", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Step"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("Score"), ImGuiTableColumnFlags_WidthFixed, em(7));
        ImGui::TableSetupColumn(tr("Why"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableHeadersRow();
        for (const StepScore& st : r.steps) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, st.required ? colour::kInk : colour::rgb(0xA89A90));
            ImGui::TextWrapped("%d. %s", st.number, st.title.c_str());
            ImGui::PopStyleColor();
            // Tests read the row back by the step's title as the SOP names it.
            recordItem(("Scorecard:" + st.title + "=" + (st.required ? std::to_string(st.score) : "not required")).c_str());
            ImGui::TableNextColumn();
            if (st.required) {
                char s[16];
                std::snprintf(s, sizeof s, "%d", st.score);
                progressBar(static_cast<float>(st.score) / 100.0f, scoreColour(st.score), em(6.5f), em(1.1f), s);
            } else {
                ImGui::TextDisabled("%s", tr("not required"));
            }
            ImGui::TableNextColumn();
            std::string why;
            for (const auto& reason : st.reasons) why += (why.empty() ? "" : "; ") + reason;
            if (st.required) wrappedText(why.c_str(), st.score >= 100 ? colour::kGood : colour::kInk);
        }
        ImGui::EndTable();
    }
}

void drawPoints(const ScoreReport& r) {
    sectionHeader(icon::kStar, tr("Points"));
    if (ImGui::BeginTable("##points", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("What"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Points"), ImGuiTableColumnFlags_WidthFixed, em(4));
        auto row = [](const std::string& label, int points, ImU32 c) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", label.c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, c);
            ImGui::Text("%+d", points);
            ImGui::PopStyleColor();
        };
        row(tr("Decisions"), r.points.base, colour::kInk);
        for (const auto& b : r.points.bonuses) row(b.label, b.points, colour::kGood);
        for (const auto& p : r.points.penalties) row(p.label, p.points, colour::kBad);
        ImGui::EndTable();
    }
    if (!r.strengths.empty()) {
        ImGui::Spacing();
        for (const auto& s : r.strengths) iconText(icon::kThumbsUp, colour::kGood, s.c_str());
    }
}

void drawWrapUpReview(const ScoreReport& r) {
    const WrapUpReview& w = r.wrap_up;
    if (!w.submitted) return;
    sectionHeader(icon::kPencil, tr("Wrap-up"));
    iconText(w.disposition_correct ? icon::kCheck : icon::kTimes, w.disposition_correct ? colour::kGood : colour::kBad,
             w.disposition_correct ? tr("Disposition code correct") : fmt(tr("Disposition: expected {0}"), w.expected_disposition).c_str());
    iconText(w.category_correct ? icon::kCheck : icon::kTimes, w.category_correct ? colour::kGood : colour::kBad,
             w.category_correct ? tr("Category correct") : tr("Category not the expected one"));
    if (w.notes_missing.empty()) {
        iconText(icon::kCheck, colour::kGood, tr("Notes cover what they should"));
    } else {
        std::string list;
        for (size_t i = 0; i < w.notes_missing.size(); ++i) list += (i ? ", " : "") + w.notes_missing[i];
        iconText(icon::kTimes, colour::kBad, fmt(tr("Notes should mention: {0}"), list).c_str());
    }
    if (w.follow_up_required)
        iconText(w.follow_up_created ? icon::kCheck : icon::kTimes, w.follow_up_created ? colour::kGood : colour::kBad,
                 w.follow_up_created ? tr("Follow-up task created") : tr("A follow-up task was needed"));
}

}  // namespace

void drawDecisionList(const ScoreReport& r, int reveal) {
    int shown = 0;
    for (const DecisionReview& d : r.decisions) {
        if (reveal >= 0 && shown >= reveal) break;
        ++shown;
        ImGui::PushID(d.seq);
        const ImU32 accent = d.kind == "wait" ? colour::kInkSoft : d.good ? colour::kGood : colour::kBad;
        beginTile(0, accent);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
        ImGui::Text("%s", clockText(d.clock).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, accent);
        ImGui::TextUnformatted(d.good ? icon::kCheckCircle : icon::kTimesCircle);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", displayText(d.text).c_str());
        if (d.points != 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, d.points > 0 ? colour::kGood : colour::kBad);
            ImGui::Text(trn("%+d point", "%+d points", static_cast<unsigned long>(std::abs(d.points))), d.points);
            ImGui::PopStyleColor();
            ImGui::SameLine();
        }
        for (const auto& step : d.steps) {
            chip(step.c_str(), colour::kInfoSoft, colour::kInfo);
            ImGui::SameLine();
        }
        for (const auto& rule : d.broken) {
            chip(rule.c_str(), colour::kBadSoft, colour::kBad);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        if (!d.feedback.empty()) wrappedText(displayText(d.feedback).c_str());
        if (!d.sop_ref.empty()) mutedText(d.sop_ref.c_str());
        endTile();
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void openDebrief(AppState& app, const std::vector<std::int64_t>& attempt_ids) {
    if (attempt_ids.empty() || !app.store) return;
    try {
        auto record = app.store->attempt(attempt_ids.front());
        if (!record) {
            showToast(app, tr("That attempt is no longer in the database."));
            return;
        }
        app.debrief = {};
        app.debrief.attempt_id = record->id;
        app.debrief.scenario_id = record->scenario_id;
        app.debrief.scenario_title = record->scenario_title;
        app.debrief.report = std::move(record->report);
        app.debrief.assessment = record->mode == "assessment";
        app.debrief.shown_at = app.time;
        app.debrief.more_attempts.assign(attempt_ids.begin() + 1, attempt_ids.end());
        navigate(app, ScreenId::Debrief);
    } catch (const StoreError& e) {
        showToast(app, fmt(tr("Could not open the debrief: {0}"), e.what()), 6);
    }
}

void enterDebriefScreen(AppState& app) { app.debrief.scroll_to_top = true; }

void drawDebriefScreen(AppState& app) {
    if (app.debrief.attempt_id == 0) {
        mutedText(tr("Play a scenario to see its debrief here."));
        return;
    }
    const ScoreReport& r = app.debrief.report;
    const float left_w = ImGui::GetContentRegionAvail().x * 0.55f;
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() + em(1.4f);

    const bool to_top = app.debrief.scroll_to_top;
    app.debrief.scroll_to_top = false;
    ImGui::BeginChild("##summary", ImVec2(left_w, -buttons_h), false);
    if (to_top) ImGui::SetScrollY(0);
    drawResult(app, r);
    ImGui::Spacing();
    drawBreaches(r);
    drawMetrics(app, r);
    ImGui::Spacing();
    drawScorecard(r);
    ImGui::Spacing();
    drawPoints(r);
    ImGui::Spacing();
    drawWrapUpReview(r);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##decisions", ImVec2(0, -buttons_h), false);
    if (to_top) ImGui::SetScrollY(0);
    sectionHeader(icon::kList, tr("Every decision"));
    drawDecisionList(r, -1);
    ImGui::EndChild();

    ImGui::Separator();
    ImGui::Spacing();
    const ImGuiIO& io = ImGui::GetIO();
    const bool enter = !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    const std::string scenario_id = app.debrief.scenario_id;
    if (!app.debrief.more_attempts.empty()) {
        if (iconButton(icon::kArrowRight, tr("Next chat's debrief"), ButtonKind::Primary) || enter) {
            openDebrief(app, std::vector<std::int64_t>(app.debrief.more_attempts));
            return;
        }
        ImGui::SameLine();
    }
    if (iconButton(icon::kRefresh, tr("Try again"))) {
        startScenario(app, scenario_id);
        return;
    }
    ImGui::SameLine();
    const std::string next = recommendedScenario(app, scenario_id);
    if (!next.empty() && app.debrief.more_attempts.empty()) {
        const auto sc = findScenario(app, next);
        const std::string label = fmt(tr("Next: {0}"), sc ? sc->title : next) + "##next";
        if (iconButton(icon::kPlay, label.c_str(), ButtonKind::Primary) || enter) {
            startScenario(app, next);
            return;
        }
        ImGui::SameLine();
    }
    if (iconButton(icon::kHome, tr("Home"), ButtonKind::Subtle) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) navigate(app, ScreenId::Home);
}

}  // namespace frontline::ui
