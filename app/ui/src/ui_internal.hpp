#pragma once
// Helpers shared by the screens (not part of the UI library's public interface).
#include <filesystem>
#include <memory>
#include <string>
#include "frontline/i18n.hpp"
#include "frontline/ui/app.hpp"

namespace frontline::ui {

// Layout unit: everything is sized in multiples of the current font size so it scales with DPI.
float em(float n = 1.0f);

std::shared_ptr<const Scenario> findScenario(const AppState& app, const std::string& id);
const char* channelIcon(Channel c);
const char* channelLabel(const Scenario& s);  // "inbound call", "outbound call", "chat", "email"
ScreenId deskFor(Channel c);                  // the desk screen that plays the channel
ImU32 difficultyColour(int difficulty);
const char* difficultyText(int difficulty);  // "Intro", "Intermediate", "Advanced" in the UI's language
// Scenario ids in the trainee's onboarding order.
std::vector<std::string> onboardingOrder(const AppState& app);
// The scenario a trainee should play next (not yet passed, in onboarding/difficulty order),
// skipping `after` when possible. Empty when there is no content.
std::string recommendedScenario(const AppState& app, const std::string& after = {});
// "12 Mar, 09:41" from an ISO timestamp.
std::string shortDate(const std::string& iso);

// ---- exports (export_folder.cpp) ----
// XDG_DOCUMENTS_DIR from the environment or ~/.config/user-dirs.dirs, else ~/Documents; "" with no home.
std::filesystem::path documentsDirectory();
// Where the window saves exports: Documents/Frontline, or beside the database without a Documents folder.
std::filesystem::path exportFolder(const AppState& app);
// Letters and digits (any UTF-8) kept, every other run of characters one '-': a file name part ("all" when empty).
std::string fileSafe(const std::string& text);

// ---- keyboard (the map is in keyboard_help.cpp; README "Keyboard") ----
// GLFW key codes: the platform fills io.KeysDown by them (ImGui 1.86 has no named keys).
namespace key {
constexpr int kDigit1 = '1';
constexpr int kKeypad1 = 321;
constexpr int kLetterA = 'A';
constexpr int kF1 = 290;  // F1..F12 are consecutive
}  // namespace key
// Pressed this frame (no repeat).
bool keyPressed(int glfw_key);
bool enterPressed();
bool escapePressed();
// Call just before an InputText: Esc then leaves the field keeping its text (ImGui 1.86 would
// revert everything typed since the field was entered).
void escapeKeepsText(const char* id);
// The "?" overlay listing every key; opened by "?" (outside a text field) or the top bar's button.
void drawKeyboardHelp(AppState& app);
// "Language / Idioma": the window's language on this computer, applied and kept when picked
// (language_picker.cpp; on Settings and Profile).
void languagePicker(AppState& app);

// ---- the desk (shared by the call and chat desks; desk.cpp) ----
// Makes a new attempt of `scenario` for the current trainee.
std::unique_ptr<DeskSession> makeSession(AppState& app, std::shared_ptr<const Scenario> scenario);
// Plays `option_id` (flushing idle time to the engine first); shows the refusal if any.
bool act(AppState& app, DeskSession& s, const std::string& option_id);
// Practice coaches; an assessment hides hints and reasons until the debrief.
bool coaching(const DeskSession& s);
std::string whyUnavailable(const DeskSession& s, const OptionView& o);
// The wrap-up's heading: how the interaction ended (practice) or a neutral line (assessment).
void drawEndingNote(const DeskSession& s);
// Verify, hold, resume and transfer sit on the desk panel; other options are numbered replies.
bool isDeskAction(ActionType t);
bool isDeskActionName(const std::string& action_type_name);
// Scores and stores a finished attempt once. Returns true when it is (now or already) recorded.
bool recordIfFinished(AppState& app, DeskSession& s, bool retry = false);
// Advances real-time timers (ringing, chat idle); called every frame for every session.
void tickSession(AppState& app, DeskSession& s, bool chat);

void drawCustomerCard(AppState& app, DeskSession& s);
void drawTranscript(AppState& app, DeskSession& s, float height, bool chat);
// The conversational options as numbered buttons (keys 1-9 when `keyboard`).
void drawOptions(AppState& app, DeskSession& s, bool keyboard);
// CRM vs caller claims, verification, history, KB search, hold and transfer.
void drawDeskTools(AppState& app, DeskSession& s);

void drawWrapUp(AppState& app, DeskSession& s);
// Clock, handle-time target and phase, in one line.
int deskHandleSeconds(const DeskSession& s);  // the figure the desk's clock shows
void drawClockStrip(AppState& app, DeskSession& s, bool chat);
// The ringing / queued panel; returns true when answered this frame.
bool drawIncoming(AppState& app, DeskSession& s, bool keyboard);

// The one-interaction desk (call or email); the words are the screen's own.
struct SingleDeskWords {
    const char* nothing_open;  // "No call in progress."
    const char* moves_icon;
    const char* moves_heading;  // "Your move"
    const char* moves_hint;     // "click, or press 1-9"
    float transcript_share;     // of the column's height while live; the rest is for the options
};
void drawSingleDesk(AppState& app, const SingleDeskWords& words);

// The decision-by-decision review (debrief and replay); `reveal` < 0 shows all.
void drawDecisionList(const ScoreReport& r, int reveal);
// Opens the debrief for the recorded attempts (first one shown, the rest queued).
void openDebrief(AppState& app, const std::vector<std::int64_t>& attempt_ids);

}  // namespace frontline::ui
