// Scenario library: every scenario with channel, difficulty, tags, SOP steps and best stars; search
// and filters; a detail panel to start one. Content that failed to load is listed with its errors.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <imgui.h>
#include <imgui_stdlib.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "frontline/utf8.hpp"
#include "frontline/validator.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

bool matches(const LibraryState& f, const Scenario& s) {
    if (f.channel == 1 && s.channel != Channel::Call) return false;
    if (f.channel == 2 && s.channel != Channel::Chat) return false;
    if (f.channel == 3 && s.channel != Channel::Email) return false;
    if (f.difficulty != 0 && s.difficulty != f.difficulty) return false;
    if (!f.tag.empty() && std::find(s.tags.begin(), s.tags.end(), f.tag) == s.tags.end()) return false;
    if (f.search.empty()) return true;
    std::string hay = s.title + " " + s.summary + " " + s.persona.name;
    for (const auto& t : s.tags) hay += " " + t;
    return utf8::containsFolded(hay, f.search);
}

std::string tagLabel(const std::string& tag) {
    std::string out = tag;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

void drawFilters(AppState& app) {
    LibraryState& f = app.library;
    ImGui::SetNextItemWidth(em(16));
    escapeKeepsText("##search");
    ImGui::InputTextWithHint("##search", fmt("{0}  {1}", icon::kSearch, tr("Search scenarios")).c_str(), &f.search);
    recordItem(tr("Search scenarios"));
    ImGui::SameLine();
    const char* channels[] = {tr("All channels"), tr("Calls"), tr("Chats"), tr("Emails")};
    ImGui::SetNextItemWidth(em(9));
    ImGui::Combo("##channel", &f.channel, channels, IM_ARRAYSIZE(channels));
    ImGui::SameLine();
    const char* levels[] = {tr("Any difficulty"), difficultyText(1), difficultyText(2), difficultyText(3)};
    ImGui::SetNextItemWidth(em(10));
    ImGui::Combo("##difficulty", &f.difficulty, levels, 4);
    ImGui::SameLine();
    std::set<std::string> tags;
    for (const auto& s : app.content.scenarios) tags.insert(s->tags.begin(), s->tags.end());
    ImGui::SetNextItemWidth(em(12));
    if (ImGui::BeginCombo("##tag", f.tag.empty() ? tr("Any situation") : tagLabel(f.tag).c_str())) {
        if (ImGui::Selectable(tr("Any situation"), f.tag.empty())) f.tag.clear();
        for (const auto& t : tags)
            if (ImGui::Selectable(tagLabel(t).c_str(), f.tag == t)) f.tag = t;
        ImGui::EndCombo();
    }
}

void drawScenarioRow(AppState& app, const Scenario& s) {
    ImGui::PushID(s.id.c_str());
    const bool selected = app.library.selected == s.id;
    beginTile(0, selected ? colour::kAccent : 0);
    ImGui::PushFont(font(FontRole::Bold));
    iconText(channelIcon(s.channel), selected ? colour::kAccent : colour::kInkSoft, s.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - em(5.2f));
    starRating(app.summary.bestStars(s.id));
    chip(difficultyText(s.difficulty), colour::kAccentSoft, difficultyColour(s.difficulty));
    for (const auto& t : s.tags) {
        ImGui::SameLine();
        chip(tagLabel(t).c_str(), colour::kInfoSoft, colour::kInfo);
    }
    ImGui::SameLine(0, em(1));
    std::string numbers;
    for (const auto& st : requiredSteps(s, app.content.sop))
        if (const SopStep* step = app.content.sop.step(st)) numbers += " " + std::to_string(step->number);
    // TRANSLATORS: {0} is a list of step numbers (" 1 2 4").
    const std::string steps = fmt(tr("SOP steps{0}"), numbers);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
    ImGui::TextUnformatted(steps.c_str());
    ImGui::PopStyleColor();
    if (endTile(s.id.c_str())) app.library.selected = s.id;
    if (selected) recordItem(("Selected scenario:" + s.id).c_str());  // for tests driving it by keyboard
    if (selected && app.library.scroll_to_selected) {
        ImGui::SetScrollHereY(0.5f);  // a selection moved by the keyboard stays in view
        app.library.scroll_to_selected = false;
    }
    // Double-click plays straight away.
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) startScenario(app, s.id);
    ImGui::PopID();
    ImGui::Spacing();
}

void drawFailed(AppState& app) {
    if (app.content.failed.empty() && app.content.sop_loaded) return;
    ImGui::Spacing();
    sectionHeader(icon::kWarning, tr("Content that did not load"));
    if (!app.content.sop_loaded) wrappedText(tr("The SOP itself did not load: scenarios cannot be scored until it does."), colour::kBad);
    for (const auto& f : app.content.failed) {
        ImGui::PushID(f.file.c_str());
        beginTile(0, colour::kBad);
        ImGui::PushFont(font(FontRole::Bold));
        iconText(icon::kFileText, colour::kBad, f.file.c_str());
        ImGui::PopFont();
        for (const auto& d : f.diagnostics) {
            if (d.severity != Severity::Error) continue;
            wrappedText(format(d).c_str());
        }
        endTile(("failed:" + std::filesystem::path(f.file).filename().string()).c_str());
        ImGui::PopID();
        ImGui::Spacing();
    }
}

// Practice coaches; an assessment is what a certification policy may require.
void drawModeChoice(AppState& app) {
    if (ImGui::RadioButton(tr("Practice"), !app.library.assessment)) app.library.assessment = false;
    recordItem("Mode: practice");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("Assessment"), app.library.assessment)) app.library.assessment = true;
    recordItem("Mode: assessment");
    tooltip(tr("Practice coaches you as you go. An assessment counts for certifications that require it: no hints until the debrief."));
}

void drawDetail(AppState& app, const Scenario& s) {
    beginCard("##detail", ImVec2(0, 0));
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextWrapped("%s", s.title.c_str());
    ImGui::PopFont();
    chip(channelLabel(s), colour::kInfoSoft, colour::kInfo);
    ImGui::SameLine();
    chip(difficultyText(s.difficulty), colour::kAccentSoft, difficultyColour(s.difficulty));
    ImGui::SameLine();
    starRating(app.summary.bestStars(s.id));
    ImGui::Spacing();
    drawModeChoice(app);
    // The summary coaches ("ask before you hold"): an assessment shows the situation only.
    if (!app.library.assessment) wrappedText(s.summary.c_str());
    else mutedText(tr("Assessment: no hints, no reasons why a reply is not possible yet, and all feedback in the debrief."));
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    iconText(icon::kUser, colour::kAccent, s.persona.name.c_str());
    ImGui::PopFont();
    if (!s.persona.description.empty()) mutedText(s.persona.description.c_str());
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("SOP steps you will be scored on"));
    ImGui::PopFont();
    for (const auto& st : requiredSteps(s, app.content.sop)) {
        const SopStep* step = app.content.sop.step(st);
        if (!step) continue;
        ImGui::Text("%d.", step->number);
        ImGui::SameLine(em(1.8f));
        ImGui::TextUnformatted(step->title.c_str());
    }
    for (const StepWaiver& w : s.waived_steps)  // a mandatory step this situation does not call for, and why
        if (const SopStep* step = app.content.sop.step(w.step)) {
            mutedText(fmt(tr("Not scored here: {0}. {1} ({2})"), step->number, step->title, w.reason).c_str());
            recordItem(("Waived step:" + w.step).c_str());
        }
    ImGui::Spacing();
    if (s.channel == Channel::Chat) {
        ImGui::TextUnformatted(tr("Chats at once"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(8));
        ImGui::SliderInt("##concurrent", &app.library.chat_sessions, 1, 3);
        tooltip(tr("Chat agents handle several conversations at once; each one has its own reply timer."));
    }
    const ScenarioProgress* p = app.summary.progress.scenario(s.id);
    if (p && p->attempts > 0) {
        char line[128];
        std::snprintf(line, sizeof line,
                      trn("%d attempt, best %d points, best adherence %d%%", "%d attempts, best %d points, best adherence %d%%",
                          static_cast<unsigned long>(p->attempts)),
                      p->attempts, p->best_points, p->best_adherence);
        mutedText(line);
    }
    ImGui::Spacing();
    const bool enter = !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (iconButton(icon::kPlay, tr("Play"), ButtonKind::Primary, ImVec2(em(10), em(2.2f))) || enter) startScenario(app, s.id);
    endCard();
}

// Up / Down / Home move the selection through the scenarios the list shows (keyboard map).
void moveSelectionByKeys(AppState& app, const std::vector<std::string>& shown) {
    LibraryState& library = app.library;
    if (shown.empty() || ImGui::GetIO().WantTextInput) return;
    const auto at = std::find(shown.begin(), shown.end(), library.selected);
    const long index = at == shown.end() ? 0 : at - shown.begin();
    const long last = static_cast<long>(shown.size()) - 1;
    long next = index;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) next = std::min(last, index + 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) next = std::max(0L, index - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) next = 0;
    if (next != index) {
        library.selected = shown[static_cast<size_t>(next)];
        library.scroll_to_selected = true;
        app.animating = true;  // one more frame, to scroll the new selection into view
    }
}

}  // namespace

void drawLibraryScreen(AppState& app) {
    sectionHeader(icon::kBook, tr("Scenario library"));
    drawFilters(app);
    ImGui::Spacing();
    const float list_w = ImGui::GetContentRegionAvail().x * 0.6f;
    ImGui::BeginChild("##list", ImVec2(list_w, 0), false);
    std::vector<std::string> shown;
    for (const auto& s : app.content.scenarios) {
        if (!matches(app.library, *s)) continue;
        shown.push_back(s->id);
        drawScenarioRow(app, *s);
    }
    // The detail pane (and Enter's Play) follow the filter: never a scenario the list hides.
    if (std::find(shown.begin(), shown.end(), app.library.selected) == shown.end())
        app.library.selected = shown.empty() ? std::string() : shown.front();
    moveSelectionByKeys(app, shown);
    if (shown.empty()) mutedText(app.content.scenarios.empty() ? tr("No scenarios are loaded.") : tr("No scenario matches these filters."));
    drawFailed(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, 0), false);
    if (const auto sel = findScenario(app, app.library.selected)) drawDetail(app, *sel);
    ImGui::EndChild();
}

}  // namespace frontline::ui
