// The keyboard map: the key helpers the screens share, and the "?" overlay that lists every key.
// The same map is in README.md ("Keyboard"); change both together.
#include <imgui.h>
#include <imgui_internal.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

bool keyPressed(int glfw_key) { return ImGui::IsKeyPressed(glfw_key, false); }
bool enterPressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || keyPressed(335 /* keypad Enter */); }
// GetKeyIndex: IsKeyPressed(ImGuiKey_Escape) compiles on 1.86 but never fires.
bool escapePressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

void escapeKeepsText(const char* id) {
    // Deactivating the field before it draws means it never sees the Esc, so it cannot revert;
    // whatever was typed is already in the caller's string.
    if (escapePressed() && ImGui::GetActiveID() == ImGui::GetID(id)) ImGui::ClearActiveID();
}

namespace {

struct KeyRow {
    const char* keys;
    const char* what;
};
struct KeySection {
    const char* title;
    std::vector<KeyRow> rows;
};

const std::vector<KeySection>& keyboardMap() {
    static const std::vector<KeySection> map = {
        {N_("Anywhere"),
         {{NC_("key", "?"), N_("this list (Esc closes it)")},
          {NC_("key", "Alt+1..7"), N_("the top bar's screens, in the order shown")},
          {NC_("key", "Enter"), N_("the screen's main button (Play, Next, Continue)")},
          {NC_("key", "Esc"), N_("leave a text field, keeping what you typed; close a dialog")}}},
        {N_("Scenario library"), {{NC_("key", "Up / Down, Home"), N_("select the previous / next / first scenario")}, {NC_("key", "Enter"), N_("play it")}}},
        {N_("Quizzes"), {{NC_("key", "Up / Down"), N_("select an exam")}, {NC_("key", "Enter"), N_("start the exam")}, {NC_("key", "P"), N_("practise it (feedback after each answer)")}}},
        {N_("Call, chat and email desk"),
         {{NC_("key", "Enter"), N_("answer / accept / open when it rings")},
          {NC_("key", "1-9"), N_("pick a reply")},
          {NC_("key", "F1  F2  F3"), N_("desk tabs: Verify, History, Knowledge base")},
          {NC_("key", "F4"), N_("the open tab's tool: CRM record, history, knowledge base search (Enter opens the first hit)")},
          {NC_("key", "F5-F12"), N_("desk actions in the order shown (verify, hold, resume, transfer); the key is on each")},
          {NC_("key", "Ctrl+1..3"), N_("switch chats (never picks a reply)")}}},
        {N_("Transfer dialog"), {{NC_("key", "1-9"), N_("pick a team")}, {NC_("key", "Up / Down, Enter"), N_("move, then pick")}, {NC_("key", "Esc"), N_("cancel")}}},
        {N_("Wrap-up"),
         {{NC_("key", "Tab / Shift+Tab"), N_("next / previous field")},
          {NC_("key", "Up / Down"), N_("change the disposition or category")},
          {NC_("key", "Space"), N_("tick or untick the follow-up task")},
          {NC_("key", "Ctrl+Enter"), N_("submit the wrap-up (Enter on Submit too)")}}},
        {N_("Quiz questions"),
         {{NC_("key", "a-z or 1-9"), N_("pick an answer (ticks or unticks when several apply)")},
          {NC_("key", "Up / Down"), N_("ordering and matching: the row to work on")},
          {NC_("key", "Ctrl+Up / Down"), N_("ordering: move that item up or down")},
          {NC_("key", "a-z or 1-9"), N_("matching: that term's match (then on to the next term)")},
          {NC_("key", "Enter"), N_("check / next / submit")}}},
        {N_("Debrief"), {{NC_("key", "Enter"), N_("continue")}, {NC_("key", "Esc"), N_("back to Home")}}},
    };
    return map;
}

}  // namespace

void drawKeyboardHelp(AppState& app) {
    const ImGuiIO& io = ImGui::GetIO();
    bool typed_question = false;
    for (ImWchar c : io.InputQueueCharacters) typed_question |= c == '?';
    if (typed_question && !io.WantTextInput) app.keyboard_help = !app.keyboard_help;
    if (app.keyboard_help && !ImGui::IsPopupOpen("###keys")) ImGui::OpenPopup("###keys");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(40), vp->WorkSize.y * 0.9f));
    if (!ImGui::BeginPopupModal(fmt("{0}###keys", tr("Keyboard")).c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return;
    recordItem("Keyboard help");
    for (const auto& section : keyboardMap()) {
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextUnformatted(tr(section.title));
        ImGui::PopFont();
        if (ImGui::BeginTable(section.title, 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& row : section.rows) {
                ImGui::TableNextColumn();
                chip(trc("key", row.keys), colour::kAccentSoft, colour::kInk);
                ImGui::TableNextColumn();
                // Broken at spaces to fit the dialog's widest size: translations run longer.
                ImGui::TextUnformatted(wrapAtSpaces(tr(row.what), em(28)).c_str());
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
    }
    if (button(fmt("{0}##keys", tr("Close")).c_str()) || escapePressed() || (!typed_question && enterPressed()) || !app.keyboard_help) {
        app.keyboard_help = false;
        ImGui::CloseCurrentPopup();
    }
    recordItem("Close keyboard help");
    ImGui::EndPopup();
}

}  // namespace frontline::ui
