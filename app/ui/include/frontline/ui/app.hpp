#pragma once
// The desktop trainer's state and its one entry point, drawApp(). No GLFW or GL here: the platform
// layer (app/platform/) owns the window and calls drawApp() once per frame; tests call it headless.
//
// ADDING A SCREEN (the convention):
//   1. add an id to `ScreenId` below (before `Count`);
//   2. write `void drawXxxScreen(AppState&)` in app/ui/src/screen_xxx.cpp, declare it below, and
//      add ONE row to the screen table `kScreens` in app/ui/src/app.cpp (id, title, icon, shown in
//      the top bar or not, draw function);
//   3. if the screen keeps state, put a plain struct for it in your own header
//      (app/ui/include/frontline/ui/screen_xxx.hpp) and add one field of that type to AppState.
//   Navigate with `navigate(app, ScreenId::Xxx)`. Never keep state in function-local statics
//   (tests run many apps in one process).
//
// Sections: ids and prefs · per-screen state · AppState · functions.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "frontline/content.hpp"
#include "frontline/engine.hpp"
#include "frontline/i18n.hpp"
#include "frontline/progression.hpp"
#include "frontline/scoring.hpp"
#include "frontline/settings.hpp"
#include "frontline/pending.hpp"
#include "frontline/store.hpp"
#include "frontline/ui/screen_certification.hpp"
#include "frontline/ui/screen_quiz.hpp"
#include "frontline/ui/theme.hpp"

namespace frontline {
struct SigningKey;  // frontline/certs.hpp
}

namespace frontline::ui {

// ---- ids and prefs ---------------------------------------------------------------------------

enum class ScreenId {
    Profile,
    Home,
    Library,
    CallDesk,
    ChatDesk,
    EmailDesk,
    Debrief,
    History,
    Settings,
    Quiz,
    Certification,
    Certificates,
    Count
};

// The trainee's device preferences (kept with Store::setPreference, not per organisation).
struct UiPrefs {
    float ui_scale = 1.0f;  // multiplies the DPI scale; 0.8 .. 1.6
    bool sound = true;
    std::string language;  // a code from i18n::languages(); "" = the system's (kept as the preference "language")
};

// ---- per-screen state --------------------------------------------------------------------------

struct ProfileState {
    std::string new_name;
    std::string new_team;
    std::string error;
    bool creating = false;  // the "new trainee" form is open
};

struct LibraryState {
    std::string search;
    int channel = 0;     // 0 all, 1 call, 2 chat
    int difficulty = 0;  // 0 all, 1..3
    std::string tag;     // "" = any tag
    std::string selected;  // scenario id shown in the detail panel
    bool scroll_to_selected = false;  // the keyboard moved the selection: bring it into view
    int chat_sessions = 2;  // chats handled at once when a chat scenario starts (1..3)
    bool assessment = false;  // play in assessment mode: no hints, no coaching until the debrief
};

// The desk panel's tabs, in the order F1, F2, F3 select them.
enum class DeskTab { Verify, History, KnowledgeBase };
// The wrap-up form's fields in Tab order.
enum class WrapUpField { Disposition, Category, Notes, FollowUp, Task, Due, Submit, Count };

// One interaction being played: an engine plus the desk's own state. Held by unique_ptr so the
// engine's references (scenario, settings) stay valid while the vector of sessions changes.
struct DeskSession {
    std::shared_ptr<const Scenario> scenario;
    OrgSettings settings;  // a copy: editing settings mid-call must not change this attempt
    std::unique_ptr<Engine> engine;
    AttemptMode mode = AttemptMode::Practice;
    std::string started_at;
    std::string finished_at;     // set at the first try to save it
    double arrives_at = 0;       // app time the call/chat reaches the agent (chats arrive staggered)
    double ring_seconds = 0;     // real time spent ringing / waiting in the queue
    double idle_seconds = 0;     // real time since the last agent act, not yet handed to elapse()
    double wrap_up_seconds = 0;  // real time in the wrap-up form: it counts towards the handle time
    double last_act_time = 0;    // app time of the last agent act (for the response timer)
    int transcript_seen = 0;     // lines already shown (new ones trigger scroll / unread badge)
    WrapUpForm wrap_up;
    std::string kb_search;
    std::string open_article;    // KB article shown in the desk panel
    // Every interaction starts on the tab that matters first, whatever the last call left open.
    std::optional<DeskTab> desk_tab_request = DeskTab::Verify;
    bool claims_heard = false;   // the caller has said their claims: the desk shows them from now on
    bool transfer_open = false;  // the transfer dialog
    int transfer_highlight = 0;  // the dialog's row Enter picks (Up/Down move it)
    WrapUpField wrap_focus = WrapUpField::Disposition;  // Tab / Shift+Tab move it
    bool wrap_focus_moved = true;  // give keyboard focus to `wrap_focus` this frame (and when the form opens)
    std::string error;           // last engine refusal, shown under the options
    std::string save_problem;    // why the store would refuse this attempt, known when it rings
    std::filesystem::path pending_file;  // where the attempt is kept while the store refuses it
    bool recorded = false;       // the attempt has been scored and stored
    std::int64_t attempt_id = 0;
    std::optional<ScoreReport> report;
};

// One interaction at a time: a call, or an email (the email desk shares it).
struct CallDeskState {
    std::unique_ptr<DeskSession> session;
};

struct ChatDeskState {
    std::vector<std::unique_ptr<DeskSession>> sessions;
    int active = 0;  // the session shown in the main column
    bool ctrl_last_frame = false;  // a quick Ctrl+2 may release Ctrl in the frame the 2 arrives
};

struct DebriefState {
    std::int64_t attempt_id = 0;
    std::string scenario_id;
    std::string scenario_title;
    ScoreReport report;
    bool assessment = false;  // the attempt was played in assessment mode
    double shown_at = 0;  // app time the debrief opened (drives the count-up animation)
    bool scroll_to_top = true;  // set on entry: every debrief opens at its result, not the last one's scroll
    std::vector<std::int64_t> more_attempts;  // other chats of the same session, debriefed next
};

struct HistoryState {
    std::vector<AttemptRecord> list;  // cached listing (summary fields only)
    bool list_valid = false;
    std::int64_t selected = 0;  // attempt id
    std::optional<AttemptRecord> loaded;
    int replay_step = 0;  // decisions revealed so far in the replay
    bool everyone = false;  // all trainees (a team lead's view) rather than the current one
};

// Settings, Team, issuing and revoking are a manager's: on a server the login's role decides; on a
// local file, a manager password (when one is set) is asked once per trainee session.
struct ManagerGateState {
    bool unlocked = false;   // the password was given since the last trainee switch
    mutable int password_set = -1;  // the file has a manager password: -1 not read yet (a cache: read once, not per frame)
    bool open = false;       // the password dialog is showing
    bool focus = false;      // put the cursor in the password field on the next frame
    std::string password;    // as typed; wiped when the dialog closes
    std::string reason;      // what it unlocks: "open Settings", "issue a certificate"
    std::string error;       // the last wrong-password message
    int failures = 0;        // wrong passwords in a row
    double retry_at = 0;     // app.time before which another try is refused (after 3 failures)
    std::function<void(AppState&)> then;  // what to do once unlocked
};

// The organisation key's passphrase, asked before the window signs with it (issuer_passphrase.cpp).
struct IssuerPassphraseState {
    bool open = false;
    bool focus = false;
    std::string passphrase;   // as typed; wiped when the dialog closes
    std::string error;        // the last refusal (a wrong passphrase)
    std::string what;         // what is being signed: "'Inbound agent — level 1' for Amélie Ready"
    std::string fingerprint;  // of the organisation key, to compare with the published one
    std::function<void(AppState&, const SigningKey&)> then;  // the signing, once the key is open
};

// Signing a trainee in with their PIN (trainee_sign_in.cpp), when the file's policy asks for one.
struct PinSignInState {
    bool open = false;
    bool focus = false;
    std::optional<Trainee> who;  // the profile being signed in to
    bool choosing = false;       // the profile has no PIN yet: choose one, typed twice
    std::string pin;             // as typed; wiped when the dialog closes
    std::string repeat;
    std::string error;
};

struct SettingsState {
    bool loaded = false;  // drafts copied from the app
    OrgSettings draft;
    UiPrefs prefs_draft;
    nlohmann::json overrides;                 // the keys the organisation set, read when the screen opens
    std::vector<std::string> pending_resets;  // overrides "Reset to default" removes on save
    std::string message;
    bool message_is_error = false;
    std::string new_password, repeat_password;  // the manager password being set (wiped after)
};

// Cached per-trainee data for Home/Library/top bar: queried from the Store when it changes (a
// trainee is picked, an attempt recorded), never per frame.
struct TraineeSummary {
    bool valid = false;
    Progress progress;                   // points, level, streaks, badges, best stars, next scenario
    std::vector<AttemptRecord> recent;   // newest first, a few
    std::vector<StepStat> step_stats;    // per SOP step, this trainee
    std::optional<StepStat> weakest;     // the lowest mean score under 100, if any
    std::vector<CertificationStatus> certification;  // per policy: Home's refresher reminder

    int bestStars(const std::string& scenario_id) const;
};

// What the UI asks of the platform layer this frame.
struct PlatformRequests {
    bool fonts_changed = false;  // ui_scale changed: rebuild fonts and style
    bool ring = false;           // a call is ringing (platform may play a sound when prefs.sound)
    bool chime = false;          // a chat message arrived
    bool quit = false;
};

// ---- AppState ------------------------------------------------------------------------------------

struct AppState {
    ContentLibrary content;
    std::optional<Store> store;   // empty only when the database could not be opened
    std::string store_error;      // why, shown instead of the screens
    OrgSettings settings;         // store overrides over content.default_settings
    UiPrefs prefs;
    std::optional<Trainee> trainee;
    TraineeSummary summary;
    std::filesystem::path pending_dir = pendingDirectory();  // attempts the store refused (see pending.hpp)
    int pending_attempts = 0;     // how many are kept there for this database (refreshSummary counts them)
    int waiting_results = 0;      // a server's desk: results in its outbox while offline (refreshSummary)
    bool offline = false;         // a server's desk that cannot reach it: training on its copy (refreshSummary)

    ScreenId screen = ScreenId::Profile;
    double time = 0;              // real seconds since start (sum of io.DeltaTime)
    std::uint64_t next_seed = 1;  // seeds for new attempts (the platform sets it from the clock)
    std::string toast;            // a short message at the bottom (saved, errors…)
    double toast_until = 0;

    ProfileState profile;
    LibraryState library;
    CallDeskState call;
    ChatDeskState chat;
    DebriefState debrief;
    HistoryState history;
    SettingsState settings_screen;
    std::vector<i18n::Language> language_choices;  // the language picker's list: read on entering Settings or Profile, not per frame
    QuizScreenState quiz;
    CertificationScreenState certification;
    CertificatesScreenState certificates;
    ManagerGateState manager_gate;
    PinSignInState pin_sign_in;
    IssuerPassphraseState issuer_passphrase;
    bool keyboard_help = false;  // the "?" overlay is open
    // The language the program started in (FRONTLINE_LANGUAGE or the system's), which the
    // preference "" means; set by openApp. `language_forced`: the window's --language, which the
    // preference does not override for this run.
    std::string startup_language;
    bool language_forced = false;
    // The language `content` was loaded in (its translation overlay); followLanguage() reloads it.
    std::string content_language = "en";

    // Output for the platform, reset at the start of every drawApp().
    PlatformRequests requests;
    bool animating = false;  // something moves: the platform should keep rendering at full rate
    double wake_in = -1;     // >= 0: draw again within this many seconds even without input (timers)
};

// ---- functions ------------------------------------------------------------------------------------

// Reads settings and preferences from the store and picks the first screen (Home for `trainee_name`
// or the last trainee, else Profile). An empty name means "the last one used". It may run on a
// loading thread, so it only reads the language preference: call applyLanguage() before the first frame.
void openApp(AppState& app, const std::string& trainee_name = {});
// Draws one frame: top bar + the current screen. Call between ImGui::NewFrame() and Render().
void drawApp(AppState& app);
void navigate(AppState& app, ScreenId screen);
void selectTrainee(AppState& app, const Trainee& trainee);
// Starts an attempt of `scenario_id` on the call or chat desk. Returns false when it cannot.
bool startScenario(AppState& app, const std::string& scenario_id);
// Re-reads the current trainee's attempts and stats (after recording an attempt or switching).
void refreshSummary(AppState& app);
void showToast(AppState& app, std::string message, double seconds = 3.0);
// Makes the UI speak `prefs.language` (or the start-up language for "", or the forced one) and,
// when that changes the language, calls onLanguageChanged().
void applyLanguage(AppState& app);
// The trainee picked `code` in Settings ("" = system default): kept as this desk's preference
// and applied at once.
void chooseLanguage(AppState& app, const std::string& code);
// Fires after the language in effect changed: the place for everything that must follow it (the
// language itself, then the content's texts through followLanguage()).
void onLanguageChanged(AppState& app);
// Reloads the content (scenarios, SOP texts, question banks) in the language in effect when it was
// loaded in another. An open call, chat or quiz keeps the texts it started with (the engine holds
// the SOP), so the reload waits until none is open; drawApp() asks again every frame.
void followLanguage(AppState& app);

// ---- trainees' PINs on a local file (trainee_sign_in.cpp) ----
// The file's policy asks each trainee for a PIN (trainee_pin_digits > 0; never on a server).
bool traineePinsRequired(const AppState& app);
// Makes `trainee` the one training: at once, or after their PIN (chosen now when they have none).
void signIn(AppState& app, const Trainee& trainee);
// No one is training until the next sign-in (the profile screen stays).
void signOut(AppState& app);
// The PIN dialog, drawn over every screen while open.
void drawPinSignIn(AppState& app);
// Settings' part: how many digits a trainee's PIN needs (0: none), saved with the other settings.
void drawTraineePinSetting(AppState& app);
// The Team view's part for one trainee with a PIN (`has_pin`, read on opening): a manager's reset.
void drawTraineePinReset(AppState& app, const Trainee& trainee, bool& has_pin);

// ---- the manager's gate (manager_gate.cpp) ----
// The login may act as a manager (a server's manager role, or any local-file user).
bool managerRole(const AppState& app);
// A manager's action may run now: the role allows it and the password, if one is set, was given.
bool managerUnlocked(const AppState& app);
// Runs `then` now when managerUnlocked(); otherwise asks for the manager password first (or says
// why a trainee's login cannot). `what` completes "Enter the manager password to …".
void asManager(AppState& app, const std::string& what, std::function<void(AppState&)> then);
// Forgets the password (a trainee switch, or the Lock button).
void lockManager(AppState& app);
// The password dialog, drawn over every screen while open.
void drawManagerGate(AppState& app);
// Settings' part: whether a manager password guards this file, and setting or changing it.
void drawManagerPasswordSettings(AppState& app);

// ---- the organisation's signing key (issuer_passphrase.cpp) ----
// Runs `then` with the key to sign with: the organisation's, once its passphrase is given in a
// dialog (`what` names what is signed), or this installation's own when there is no organisation key.
void withIssuerKey(AppState& app, const std::string& what, std::function<void(AppState&, const SigningKey&)> then);
// The passphrase dialog, drawn over every screen while open.
void drawIssuerPassphrase(AppState& app);

// Screens (one file each in app/ui/src/).
void drawProfileScreen(AppState& app);
void drawHomeScreen(AppState& app);
void drawLibraryScreen(AppState& app);
void drawCallDeskScreen(AppState& app);
void drawChatDeskScreen(AppState& app);
void drawEmailDeskScreen(AppState& app);
void drawDebriefScreen(AppState& app);
void drawHistoryScreen(AppState& app);
void drawSettingsScreen(AppState& app);
void drawQuizScreen(AppState& app);
void drawCertificationScreen(AppState& app);
void drawCertificatesScreen(AppState& app);
// Enter hooks (see ScreenInfo::enter).
void enterDebriefScreen(AppState& app);
void enterHistoryScreen(AppState& app);
void enterSettingsScreen(AppState& app);
void enterQuizScreen(AppState& app);
void enterCertificationScreen(AppState& app);
void enterCertificatesScreen(AppState& app);

struct ScreenInfo {
    ScreenId id;
    const char* title;
    const char* icon;  // a Font Awesome glyph from icons.hpp
    bool in_top_bar;   // reachable from the navigation bar
    void (*draw)(AppState&);
    // Called by navigate() each time the screen is entered: the one place a screen resets or
    // re-reads what it shows (null: nothing to do).
    void (*enter)(AppState&) = nullptr;
    bool manager_only = false;  // asks for the manager (asManager) before it opens
};
const std::vector<ScreenInfo>& screens();

}  // namespace frontline::ui
