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
        {"Anywhere",
         {{"?", "this list (Esc closes it)"},
          {"Alt+1..7", "the top bar's screens, in the order shown"},
          {"Enter", "the screen's main button (Play, Next, Continue)"},
          {"Esc", "leave a text field, keeping what you typed; close a dialog"}}},
        {"Scenario library", {{"Up / Down, Home", "select the previous / next / first scenario"}, {"Enter", "play it"}}},
        {"Quizzes", {{"Up / Down", "select an exam"}, {"Enter", "start the exam"}, {"P", "practise it (feedback after each answer)"}}},
        {"Call, chat and email desk",
         {{"Enter", "answer / accept / open when it rings"},
          {"1-9", "pick a reply"},
          {"F1  F2  F3", "desk tabs: Verify, History, Knowledge base"},
          {"F4", "the open tab's tool: CRM record, history, knowledge base search (Enter opens the first hit)"},
          {"F5-F12", "desk actions in the order shown (verify, hold, resume, transfer); the key is on each"},
          {"Ctrl+1..3", "switch chats (never picks a reply)"}}},
        {"Transfer dialog", {{"1-9", "pick a team"}, {"Up / Down, Enter", "move, then pick"}, {"Esc", "cancel"}}},
        {"Wrap-up",
         {{"Tab / Shift+Tab", "next / previous field"},
          {"Up / Down", "change the disposition or category"},
          {"Space", "tick or untick the follow-up task"},
          {"Ctrl+Enter", "submit the wrap-up (Enter on Submit too)"}}},
        {"Quiz questions",
         {{"a-z or 1-9", "pick an answer (ticks or unticks when several apply)"},
          {"Up / Down", "ordering and matching: the row to work on"},
          {"Ctrl+Up / Down", "ordering: move that item up or down"},
          {"a-z or 1-9", "matching: that term's match (then on to the next term)"},
          {"Enter", "check / next / submit"}}},
        {"Debrief", {{"Enter", "continue"}, {"Esc", "back to Home"}}},
    };
    return map;
}

}  // namespace

void drawKeyboardHelp(AppState& app) {
    const ImGuiIO& io = ImGui::GetIO();
    bool typed_question = false;
    for (ImWchar c : io.InputQueueCharacters) typed_question |= c == '?';
    if (typed_question && !io.WantTextInput) app.keyboard_help = !app.keyboard_help;
    if (app.keyboard_help && !ImGui::IsPopupOpen("Keyboard###keys")) ImGui::OpenPopup("Keyboard###keys");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(40), vp->WorkSize.y * 0.9f));
    if (!ImGui::BeginPopupModal("Keyboard###keys", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return;
    recordItem("Keyboard help");
    for (const auto& section : keyboardMap()) {
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextUnformatted(section.title);
        ImGui::PopFont();
        if (ImGui::BeginTable(section.title, 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& row : section.rows) {
                ImGui::TableNextColumn();
                chip(row.keys, colour::kAccentSoft, colour::kInk);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.what);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
    }
    if (button("Close##keys") || escapePressed() || (!typed_question && enterPressed()) || !app.keyboard_help) {
        app.keyboard_help = false;
        ImGui::CloseCurrentPopup();
    }
    recordItem("Close keyboard help");
    ImGui::EndPopup();
}

}  // namespace frontline::ui
