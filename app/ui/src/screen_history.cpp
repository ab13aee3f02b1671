// History & replay: past attempts (this trainee's or everyone's), and a replay of one attempt
// decision by decision, with the customer's lines and the coach's feedback from the stored report.
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <imgui.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr int kListLimit = 500;  // the newest attempts; older ones stay in the database and the CLI

void loadList(AppState& app) {
    HistoryState& h = app.history;
    if (h.list_valid || !app.store) return;
    h.list_valid = true;
    try {
        h.list = app.store->attempts(h.everyone || !app.trainee ? 0 : app.trainee->id, kListLimit);
    } catch (const StoreError& e) {
        h.list.clear();
        showToast(app, fmt(tr("Could not read the history: {0}"), e.what()), 6);
    }
}

void load(AppState& app, std::int64_t id) {
    HistoryState& h = app.history;
    h.loaded.reset();
    try {
        h.loaded = app.store->attempt(id);
    } catch (const StoreError& e) {
        showToast(app, fmt(tr("Could not open that attempt: {0}"), e.what()), 6);
    }
    if (!h.loaded) h.selected = 0;  // gone or unreadable: do not retry every frame
}

void select(AppState& app, std::int64_t id) {
    app.history.selected = id;
    app.history.replay_step = 0;
    load(app, id);
}

void drawList(AppState& app) {
    HistoryState& h = app.history;
    if (ImGui::Checkbox(tr("Everyone (team view)"), &h.everyone)) h.list_valid = false;
    recordItem(tr("Everyone (team view)"));
    loadList(app);
    ImGui::Spacing();
    if (h.list.empty()) {
        mutedText(tr("No attempts yet."));
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(h.list.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const AttemptRecord& a = h.list[static_cast<size_t>(i)];
            ImGui::PushID(static_cast<int>(a.id));
            ImGui::PushStyleColor(ImGuiCol_Text, a.passed ? colour::kGood : a.critical_failure ? colour::kBad : colour::kWarn);
            ImGui::TextUnformatted(a.passed ? icon::kCheckCircle : icon::kTimesCircle);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            std::string label = a.scenario_title;
            if (h.everyone) label += "  (" + a.trainee_name + ")";
            char right[64];
            std::snprintf(right, sizeof right, tr("%d pts  %s"), a.points, shortDate(a.finished_at).c_str());
            const float right_w = ImGui::CalcTextSize(right).x;
            if (ImGui::Selectable(label.c_str(), h.selected == a.id, 0, ImVec2(ImGui::GetContentRegionAvail().x - right_w - em(1), 0)))
                select(app, a.id);
            recordItem(("attempt:" + std::to_string(a.id)).c_str());
            ImGui::SameLine(ImGui::GetContentRegionMax().x - right_w);
            ImGui::TextDisabled("%s", right);
            ImGui::PopID();
        }
    }
}

const DecisionReview* reviewFor(const ScoreReport& r, int seq) {
    for (const auto& d : r.decisions)
        if (d.seq == seq) return &d;
    return nullptr;
}

// The replies as the trainee saw them at this decision (shuffled per attempt), numbered as the
// number keys were (desk actions sit on the desk, unnumbered), with the one chosen marked.
// Attempts recorded before shuffling have none.
void drawShownReplies(const Event& e) {
    const auto shown = e.data.is_object() ? e.data.find("shown") : e.data.end();
    if (e.type != EventType::Choice || shown == e.data.end() || !shown->is_array()) return;
    int number = 0;
    for (const auto& option : *shown) {
        if (!option.is_object()) continue;
        if (isDeskActionName(option.value("action", std::string()))) continue;
        ++number;
        const bool chosen = option.value("id", std::string()) == e.id;
        char line[32];
        std::snprintf(line, sizeof line, "%s %d.", chosen ? ">" : " ", number);
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? colour::kInk : colour::kInkSoft);
        ImGui::TextUnformatted(line);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(option.value("text", std::string()).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

void drawReplay(AppState& app) {
    HistoryState& h = app.history;
    if (h.selected != 0 && (!h.loaded || h.loaded->id != h.selected)) load(app, h.selected);
    if (!h.loaded) {
        ImGui::Dummy(ImVec2(0, em(3)));
        mutedText(tr("Pick an attempt on the left to replay it decision by decision."));
        return;
    }
    const AttemptRecord& a = *h.loaded;
    const ScoreReport& r = a.report;
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextWrapped("%s", a.scenario_title.c_str());
    ImGui::PopFont();
    starRating(a.stars);
    ImGui::SameLine(0, em(1));
    ImGui::Text(tr("%d points   %d%% adherence   %s"), a.points, a.adherence, a.passed ? tr("passed") : tr("not passed"));
    mutedText((a.trainee_name + ", " + shortDate(a.finished_at) + ", " + app.content.sop.outcomeTitle(a.outcome)).c_str());
    for (const Breach& b : r.breaches)
        if (b.critical) iconText(icon::kBan, colour::kBad, fmt(tr("Critical: {0}"), b.title).c_str());

    const int total = static_cast<int>(r.decisions.size());
    ImGui::Spacing();
    ImGui::BeginDisabled(h.replay_step <= 0);
    if (iconButton(icon::kChevronLeft, tr("Previous")) ) h.replay_step = std::max(0, h.replay_step - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(h.replay_step >= total);
    if (iconButton(icon::kStepForward, tr("Next decision"), ButtonKind::Primary)) h.replay_step = std::min(total, h.replay_step + 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (iconButton(icon::kEye, tr("Show all"))) h.replay_step = total;
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.3f));
    ImGui::Text(tr("Decision %d of %d"), h.replay_step, total);
    ImGui::SameLine();
    mutedText(tr("(arrow keys)"));
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) h.replay_step = std::min(total, h.replay_step + 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) h.replay_step = std::max(0, h.replay_step - 1);
    }
    ImGui::Spacing();

    // Everything up to the revealed decision: what the customer said, then each decision reviewed.
    const int limit_seq = h.replay_step == 0 ? (total > 0 ? r.decisions.front().seq - 1 : 1 << 30) : r.decisions[static_cast<size_t>(h.replay_step - 1)].seq;
    ImGui::BeginChild("##replay", ImVec2(0, 0), false);
    for (const Event& e : a.log.events) {
        if (e.seq > limit_seq) break;
        ImGui::PushID(e.seq);
        if (e.type == EventType::CustomerLine) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kInfo);
            ImGui::TextUnformatted(icon::kComment);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", e.text.c_str());
        } else if (const DecisionReview* d = reviewFor(r, e.seq)) {
            const ImU32 accent = d->kind == "wait" ? colour::kInkSoft : d->good ? colour::kGood : colour::kBad;
            beginTile(0, accent);
            ImGui::PushStyleColor(ImGuiCol_Text, accent);
            ImGui::TextUnformatted(d->good ? icon::kCheckCircle : icon::kTimesCircle);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextWrapped("%s %s", clockText(d->clock).c_str(), d->text.c_str());
            drawShownReplies(e);
            if (d->points != 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, d->points > 0 ? colour::kGood : colour::kBad);
                ImGui::Text(trn("%+d point", "%+d points", static_cast<unsigned long>(std::abs(d->points))), d->points);
                ImGui::PopStyleColor();
            }
            if (!d->feedback.empty()) wrappedText(d->feedback.c_str());
            if (!d->sop_ref.empty()) mutedText(d->sop_ref.c_str());
            endTile();
        }
        ImGui::PopID();
    }
    if (h.replay_step >= total) {
        ImGui::Spacing();
        iconText(r.passed ? icon::kTrophy : icon::kFlag, r.passed ? colour::kGood : colour::kWarn,
                 fmt(r.passed ? tr("{0}: passed") : tr("{0}: not passed"), r.outcome_title).c_str());
    }
    ImGui::EndChild();
}

}  // namespace

void enterHistoryScreen(AppState& app) { app.history.list_valid = false; }  // new attempts may exist

void drawHistoryScreen(AppState& app) {
    sectionHeader(icon::kHistory, tr("History & replay"));
    const float list_w = ImGui::GetContentRegionAvail().x * 0.4f;
    beginCard("##attempts", ImVec2(list_w, 0));
    drawList(app);
    endCard();
    ImGui::SameLine();
    beginCard("##replaycard", ImVec2(0, 0));
    drawReplay(app);
    endCard();
}

}  // namespace frontline::ui
