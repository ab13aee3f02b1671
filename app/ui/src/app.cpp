// The app frame: screen table, top bar, navigation and app-wide actions.
// Sections: screen table · app actions · helpers · top bar · drawApp.
#include "frontline/ui/app.hpp"
#include <algorithm>
#include <iterator>
#include <cmath>
#include <map>
#include <cstdio>
#include <imgui.h>
#include "frontline/certs.hpp"
#include "frontline/translation.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

// ---- screen table: one row per screen (see the convention in app.hpp) --------------------------

const std::vector<ScreenInfo>& screens() {
    static const std::vector<ScreenInfo> table = {
        {ScreenId::Profile, N_("Trainees"), icon::kUsers, false, drawProfileScreen},
        {ScreenId::Home, N_("Home"), icon::kHome, true, drawHomeScreen},
        {ScreenId::Library, N_("Scenarios"), icon::kBook, true, drawLibraryScreen},
        {ScreenId::CallDesk, N_("Call desk"), icon::kPhone, false, drawCallDeskScreen},
        {ScreenId::ChatDesk, N_("Chat desk"), icon::kComments, false, drawChatDeskScreen},
        {ScreenId::EmailDesk, N_("Email desk"), icon::kEnvelope, false, drawEmailDeskScreen},
        {ScreenId::Debrief, N_("Debrief"), icon::kGraduationCap, false, drawDebriefScreen, enterDebriefScreen},
        {ScreenId::History, N_("History"), icon::kHistory, true, drawHistoryScreen, enterHistoryScreen},
        {ScreenId::Quiz, N_("Quizzes"), icon::kQuestion, true, drawQuizScreen, enterQuizScreen},
        {ScreenId::Certificates, N_("Certificates"), icon::kCertificate, true, drawCertificatesScreen, enterCertificatesScreen},
        {ScreenId::Certification, N_("Team"), icon::kBarChart, true, drawCertificationScreen, enterCertificationScreen, true},
        {ScreenId::Settings, N_("Settings"), icon::kCog, true, drawSettingsScreen, enterSettingsScreen, true},
    };
    return table;
}

namespace {
const ScreenInfo* screenInfo(ScreenId id) {
    for (const auto& s : screens())
        if (s.id == id) return &s;
    return nullptr;
}
}  // namespace

// ---- app actions ----------------------------------------------------------------------------------

void showToast(AppState& app, std::string message, double seconds) {
    app.toast = std::move(message);
    app.toast_until = app.time + seconds;
}

void navigate(AppState& app, ScreenId screen) {
    if (screen != ScreenId::Profile && !app.trainee) screen = ScreenId::Profile;
    const ScreenInfo* info = screenInfo(screen);
    if (info && info->manager_only && !managerUnlocked(app)) {
        // TRANSLATORS: completes "Enter the manager password to …"; {0} is a screen's title.
        std::string what = fmt(tr("open {0}"), tr(info->title));
        asManager(app, what, [screen](AppState& unlocked) { navigate(unlocked, screen); });
        return;
    }
    app.screen = screen;
    if (info && info->enter) info->enter(app);
}

int TraineeSummary::bestStars(const std::string& scenario_id) const {
    const ScenarioProgress* p = progress.scenario(scenario_id);
    return p ? p->best_stars : 0;
}

std::vector<std::string> onboardingOrder(const AppState& app) {
    // The onboarding path from content/paths/; without one, the library's difficulty order.
    std::vector<std::string> ids;
    if (const auto* path = app.content.trainingPath("onboarding"))
        for (const auto& step : path->steps)
            if (step.kind == "scenario" && app.content.scenario(step.ref)) ids.push_back(step.ref);
    if (ids.empty())
        for (const auto& s : app.content.scenarios) ids.push_back(s->id);
    return ids;
}

void refreshSummary(AppState& app) {
    app.summary = {};
    app.pending_attempts = app.store ? static_cast<int>(listPending(pendingKeyFor(app.store->locator()), app.pending_dir).size()) : 0;
    app.waiting_results = app.store ? app.store->waitingResults() : 0;
    app.offline = app.store && app.store->offline();
    if (!app.store || !app.trainee) return;
    try {
        // Progress reads every attempt (badges and streaks depend on the order), as lean rows;
        // the content adds what each scenario is (tags, difficulty).
        std::vector<AttemptSummary> summaries = app.store->attemptSummaries(app.trainee->id);
        std::map<std::string, const Scenario*> by_id;
        for (const auto& scenario : app.content.scenarios) by_id.emplace(scenario->id, scenario.get());
        for (AttemptSummary& s : summaries) {
            if (const auto found = by_id.find(s.scenario_id); found != by_id.end()) {
                s.tags = found->second->tags;
                s.difficulty = found->second->difficulty;
            }
        }
        TraineeSummary& out = app.summary;
        out.progress = computeProgress(summaries, onboardingOrder(app),
                                       app.content.sop.stepIdWithRole("follow_up"), app.content.sop.outcomeIdWithRole("warm_transfer"));
        out.recent = app.store->attempts(app.trainee->id, 8);
        out.step_stats = app.store->stepStats(app.trainee->id);
        const std::string now = nowUtcIso();
        const TraineeEvidence evidence = gatherEvidence(*app.store, app.trainee->id, app.content, now);
        for (const auto& policy : certificationPolicies(app))
            out.certification.push_back(evaluateCertification(policy, evidence, app.content.sop.version, app.settings, now));
        // Per-step scores are aggregated by the store (the listing does not carry them).
        for (const auto& st : out.step_stats)
            if (st.attempts > 0 && st.mean_score < 99.5 && (!out.weakest || st.mean_score < out.weakest->mean_score)) out.weakest = st;
        out.valid = true;
    } catch (const StoreError& e) {
        // Offline, Home's status line already says why progress is missing: no toast after every attempt.
        if (!app.store->offline()) showToast(app, fmt(tr("Could not read your progress: {0}"), e.what()), 6);
    }
    app.offline = app.store->offline();
}

void selectTrainee(AppState& app, const Trainee& trainee) {
    // The manager who unlocked Settings for one trainee has not unlocked it for the next.
    if (!app.trainee || app.trainee->id != trainee.id) lockManager(app);
    app.trainee = trainee;
    if (app.store) {
        try {
            // Written only when it changes: a write at every start would cost a WAL checkpoint on exit.
            if (app.store->preference("last_trainee") != trainee.name) app.store->setPreference("last_trainee", trainee.name);
        } catch (const StoreError&) {
            // Remembering the last trainee is a convenience; failing to is not worth a message.
        }
    }
    refreshSummary(app);
    navigate(app, ScreenId::Home);
}

namespace {
// The language the UI should speak now (an unknown code falls back to English in setLanguage).
std::string wantedLanguage(AppState& app) {
    if (app.startup_language.empty()) app.startup_language = i18n::language();
    return app.language_forced || app.prefs.language.empty() ? app.startup_language : app.prefs.language;
}
}  // namespace

void applyLanguage(AppState& app) {
    if (wantedLanguage(app) != i18n::language()) onLanguageChanged(app);
}

void chooseLanguage(AppState& app, const std::string& code) {
    app.prefs.language = code;
    app.settings_screen.prefs_draft.language = code;
    app.language_forced = false;  // the trainee's choice now beats the command line's
    if (app.store) {
        try {
            app.store->setPreference("language", code);
        } catch (const StoreError& e) {
            showToast(app, fmt(tr("Could not keep the language for next time: {0}"), e.what()), 6);
        }
    }
    applyLanguage(app);
}

void onLanguageChanged(AppState& app) {
    // Every label is translated as it is drawn, so the next frame already speaks the language.
    i18n::setLanguage(wantedLanguage(app));
    followLanguage(app);
}

void followLanguage(AppState& app) {
    const std::string language = i18n::language();
    if (app.content_language == language || app.content.paths.root.empty()) return;
    if (app.call.session || !app.chat.sessions.empty() || app.quiz.active) return;
    ContentLibrary reloaded = loadContent(app.content.paths, false, language);
    app.content_language = language;
    if (!reloaded.sop_loaded) return;  // keep what is shown rather than an empty library
    app.content = std::move(reloaded);
    app.quiz.loaded = false;  // the banks too, on the quiz screen's next visit
    // Text settings' defaults come in the language too; the organisation's own values still win.
    try {
        app.settings = app.store ? app.store->settings(app.content.default_settings) : app.content.default_settings;
    } catch (const StoreError&) {  // kept as they were: the store's trouble is shown where it matters
    }
}

void openApp(AppState& app, const std::string& trainee_name) {
    if (app.startup_language.empty()) app.startup_language = i18n::language();
    app.settings = app.content.default_settings;
    if (!app.store) {
        app.screen = ScreenId::Profile;
        return;
    }
    try {
        app.settings = app.store->settings(app.content.default_settings);
        if (auto scale = app.store->preference("ui_scale")) app.prefs.ui_scale = std::clamp(std::strtof(scale->c_str(), nullptr), 0.8f, 1.6f);
        if (auto sound = app.store->preference("sound")) app.prefs.sound = *sound != "0";
        app.prefs.language = app.store->preference("language").value_or("");  // applied by the caller (main thread)
        std::string name = trainee_name;
        // With trainee PINs, the last one's profile is not opened for whoever sits down next.
        if (name.empty() && !traineePinsRequired(app)) name = app.store->preference("last_trainee").value_or("");
        std::optional<Trainee> t;
        if (!name.empty()) t = trainee_name.empty() ? app.store->traineeByName(name) : app.store->traineeByNameOrCreate(name);
        if (t) {
            signIn(app, *t);
            if (!app.trainee) app.screen = ScreenId::Profile;  // the PIN dialog is open over it
            return;
        }
    } catch (const StoreError& e) {
        app.store_error = e.what();
    }
    app.screen = ScreenId::Profile;
}

bool startScenario(AppState& app, const std::string& scenario_id) {
    auto scenario = findScenario(app, scenario_id);
    if (!scenario || !app.trainee) return false;
    if (scenario->channel != Channel::Chat) {
        app.call.session = makeSession(app, scenario);
        navigate(app, deskFor(scenario->channel));
        return true;
    }
    // Chat: the chosen conversation plus a few others at once, arriving a little apart, because
    // handling concurrent sessions with prompt replies is what the chat desk trains.
    app.chat.sessions.clear();
    app.chat.active = 0;
    app.chat.sessions.push_back(makeSession(app, scenario));
    const int wanted = std::clamp(app.library.chat_sessions, 1, 3);
    std::string after = scenario_id;
    std::vector<std::string> taken = {scenario_id};
    for (const auto& other : app.content.scenarios) {
        if (static_cast<int>(app.chat.sessions.size()) >= wanted) break;
        if (other->channel != Channel::Chat || std::find(taken.begin(), taken.end(), other->id) != taken.end()) continue;
        auto session = makeSession(app, other);
        session->arrives_at = app.time + 6.0 * static_cast<double>(app.chat.sessions.size());
        taken.push_back(other->id);
        app.chat.sessions.push_back(std::move(session));
    }
    navigate(app, ScreenId::ChatDesk);
    return true;
}

// ---- helpers --------------------------------------------------------------------------------------

float em(float n) { return ImGui::GetFontSize() * n; }

std::shared_ptr<const Scenario> findScenario(const AppState& app, const std::string& id) {
    for (const auto& s : app.content.scenarios)
        if (s->id == id) return s;
    return nullptr;
}

const char* channelIcon(Channel c) { return c == Channel::Chat ? icon::kComments : c == Channel::Email ? icon::kEnvelope : icon::kPhone; }

const char* channelLabel(const Scenario& s) {
    return s.channel == Channel::Chat ? tr("chat") : s.channel == Channel::Email ? tr("email") : s.outbound ? tr("outbound call") : tr("inbound call");
}

ScreenId deskFor(Channel c) { return c == Channel::Chat ? ScreenId::ChatDesk : c == Channel::Email ? ScreenId::EmailDesk : ScreenId::CallDesk; }

const char* difficultyText(int difficulty) {
    return difficulty <= 1 ? tr("Intro") : difficulty == 2 ? tr("Intermediate") : tr("Advanced");
}

ImU32 difficultyColour(int difficulty) {
    if (difficulty <= 1) return colour::kGood;
    if (difficulty == 2) return colour::kWarn;
    return colour::kBad;
}

std::string recommendedScenario(const AppState& app, const std::string& after) {
    const std::string& next = app.summary.progress.recommended_next;
    if (!next.empty() && next != after && findScenario(app, next)) return next;
    // Otherwise the first scenario (in path order) not passed yet, then one short of three stars.
    for (int below : {2, 3}) {
        for (const auto& id : onboardingOrder(app))
            if (id != after && app.summary.bestStars(id) < below) return id;
    }
    if (!app.content.scenarios.empty()) return app.content.scenarios.front()->id;
    return {};
}

std::string shortDate(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) < 3 || mo < 1 || mo > 12) return iso;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", h, mi);
    // TRANSLATORS: {0} a short date ("3 Dec 2026"), {1} the time of day ("09:41").
    return fmt(tr("{0}, {1}"), i18n::shortDate(iso), clock);
}

// ---- top bar --------------------------------------------------------------------------------------

namespace {

bool sessionLive(const DeskSession* s) { return s && !s->recorded; }

// The top bar's right side: the "?" button, the points chip and the trainee's name.
float rightBlockWidth(const AppState& app) {
    char points[48];
    std::snprintf(points, sizeof points, "%s %d", icon::kTrophy, app.summary.progress.total_points);
    const std::string who = std::string(icon::kUser) + "  " + app.trainee->name;
    return ImGui::CalcTextSize(who.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize(points).x + em(1.2f) +
           ImGui::GetFrameHeight() + em(3.0f);
}

// The navigation's width with titles (and the widest "Back to ..." button, which may join it).
float navWidth() {
    float w = 0;
    const float pad = ImGui::GetStyle().FramePadding.x * 2 + em(0.4f);
    for (const auto& info : screens())
        if (info.in_top_bar) w += ImGui::CalcTextSize((std::string(info.icon) + "  " + tr(info.title)).c_str()).x + pad;
    return w + ImGui::CalcTextSize(tr("Back to the chats")).x + em(3.0f);
}

void drawTopBar(AppState& app) {
    const float height = em(3.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), colour::kBar);
    draw->AddRectFilled(ImVec2(origin.x, origin.y + height - em(0.15f)), ImVec2(origin.x + width, origin.y + height), colour::kAccent);

    ImGui::SetCursorScreenPos(ImVec2(origin.x + em(1.0f), origin.y + (height - em(1.35f)) * 0.5f - em(0.05f)));
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted(icon::kHeadphones);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kBarText);
    ImGui::TextUnformatted("Frontline");
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const float button_y = origin.y + (height - ImGui::GetFrameHeight()) * 0.5f;
    float x = origin.x + em(10.0f);
    if (app.trainee) {
        // Large text or a narrow window: the navigation shows icons only (titles as tooltips)
        // rather than running under the trainee's name on the right.
        const bool icons_only = x + navWidth() > origin.x + width - rightBlockWidth(app);
        int shortcut = 0;  // Alt+1.. in the order shown (keyboard map: "Anywhere")
        for (const auto& info : screens()) {
            if (!info.in_top_bar || (info.manager_only && !managerRole(app))) continue;
            ++shortcut;
            ImGui::SetCursorScreenPos(ImVec2(x, button_y));
            const bool current = app.screen == info.id;
            ImGui::PushStyleColor(ImGuiCol_Text, current ? colour::rgb(0xFFFFFF) : colour::rgb(0xD9C9D6));
            ImGui::PushStyleColor(ImGuiCol_Button, current ? colour::rgb(0x4D3A59) : colour::rgb(0, 0));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::rgb(0x5A4567));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::rgb(0x6A5278));
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
            const char* title = tr(info.title);
            // The English title is the button's ID: the same button in every language.
            const std::string label = std::string(info.icon) + (icons_only ? "" : std::string("  ") + title) + "###" + info.title;
            const bool alt_key = ImGui::GetIO().KeyAlt && shortcut <= 9 && keyPressed(key::kDigit1 + shortcut - 1);
            if (ImGui::Button(label.c_str()) || alt_key) navigate(app, info.id);
            recordItem(title);
            const std::string hint = (icons_only ? std::string(title) + "  " : std::string()) + "(Alt+" + std::to_string(shortcut) + ")";
            tooltip(hint.c_str());
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(4);
            x = ImGui::GetItemRectMax().x + em(0.4f);
        }
        // An interaction in progress stays one click away.
        const DeskSession* single = app.call.session.get();
        const ScreenId single_desk = single ? deskFor(single->scenario->channel) : ScreenId::CallDesk;
        const bool call_live = sessionLive(single) && app.screen != single_desk;
        bool chat_live = false;
        for (const auto& s : app.chat.sessions) chat_live |= sessionLive(s.get());
        chat_live &= app.screen != ScreenId::ChatDesk;
        if (call_live || chat_live) {
            ImGui::SetCursorScreenPos(ImVec2(x + em(0.6f), button_y));
            const bool email = single_desk == ScreenId::EmailDesk;
            const std::string back = icons_only ? fmt("{0}###back", tr("Back"))
                                     : fmt("{0}###back", !call_live ? tr("Back to the chats") : email ? tr("Back to the email") : tr("Back to the call"));
            if (iconButton(!call_live ? icon::kComments : email ? icon::kEnvelope : icon::kPhone, back.c_str(), ButtonKind::Primary))
                navigate(app, call_live ? single_desk : ScreenId::ChatDesk);
        }

        // Right side: who is playing, and their points.
        char points[48];
        std::snprintf(points, sizeof points, "%s %d", icon::kTrophy, app.summary.progress.total_points);
        std::string who = std::string(icon::kUser) + "  " + app.trainee->name;
        const float who_w = ImGui::CalcTextSize(who.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        const float pts_w = ImGui::CalcTextSize(points).x + em(1.2f);
        const float help_w = ImGui::GetFrameHeight();
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - who_w - pts_w - help_w - em(2.2f), button_y));
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kBarText);
        ImGui::PushStyleColor(ImGuiCol_Button, colour::rgb(0x4D3A59));
        if (ImGui::Button("?##keys", ImVec2(help_w, 0))) app.keyboard_help = true;
        ImGui::PopStyleColor(2);
        recordItem("Keyboard help button");
        tooltip(tr("Keyboard: every key (press ?)"));
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - who_w - pts_w - em(1.6f), button_y + (ImGui::GetFrameHeight() - em(1.25f)) * 0.5f));
        chip(points, colour::rgb(0x4D3A59), colour::kGold);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - who_w - em(1.0f), button_y));
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kBarText);
        ImGui::PushStyleColor(ImGuiCol_Button, colour::rgb(0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::rgb(0x5A4567));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::rgb(0x6A5278));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
        if (ImGui::Button(who.c_str())) navigate(app, ScreenId::Profile);
        recordItem(tr("Switch trainee"));
        tooltip(tr("Switch trainee"));
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(4);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
}

void drawToast(AppState& app) {
    if (app.toast.empty() || app.time > app.toast_until) return;
    app.animating = true;  // keep frames coming so the toast disappears on time
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size = ImGui::CalcTextSize(app.toast.c_str());
    const ImVec2 pad(em(1.0f), em(0.6f));
    const ImVec2 pos(vp->WorkPos.x + (vp->WorkSize.x - size.x) * 0.5f - pad.x, vp->WorkPos.y + vp->WorkSize.y - size.y - pad.y * 2 - em(1.5f));
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2), colour::kBar, em(0.8f));
    draw->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), colour::kBarText, app.toast.c_str());
}

void drawStoreError(AppState& app) {
    ImGui::Dummy(ImVec2(0, em(4)));
    beginTile(std::min(ImGui::GetContentRegionAvail().x, em(40)), colour::kBad);
    sectionHeader(icon::kDatabase, tr("The training database could not be opened"));
    wrappedText(app.store_error.c_str());
    ImGui::Spacing();
    mutedText(tr("Nothing has been changed or overwritten, and your earlier results are still in the file. Close "
                 "Frontline and tell whoever looks after it on this PC (IT or your training manager) what this box says: "
                 "they can repair or move the file, or set up another database for you."));
    endTile();
}

}  // namespace

// ---- drawApp ----------------------------------------------------------------------------------------

void drawApp(AppState& app) {
    followLanguage(app);
    app.requests = {};
    app.animating = false;
    app.wake_in = -1;
    app.time += static_cast<double>(ImGui::GetIO().DeltaTime);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    // No background: the platform clears to the same paper colour, and a software rasteriser
    // (Mesa llvmpipe, remote desktops) would otherwise blend a second full-screen layer per frame.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##frontline", nullptr, flags);
    ImGui::PopStyleVar(2);
    drawTopBar(app);

    // Sessions keep ticking whichever screen is shown (a call left ringing still rings).
    if (app.call.session) tickSession(app, *app.call.session, false);
    for (auto& s : app.chat.sessions) tickSession(app, *s, true);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.4f), em(1.0f)));
    ImGui::BeginChild("##screen", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (!app.store_error.empty()) {
        drawStoreError(app);
    } else if (const ScreenInfo* info = screenInfo(app.screen)) {
        ImGui::PushID(static_cast<int>(app.screen));
        // While the keyboard map is open its keys are its own: the screen under it sees none
        // pressed (ImGui 1.86 reads "pressed" from KeysDownDuration == 0).
        ImGuiIO& io = ImGui::GetIO();
        float saved[IM_ARRAYSIZE(io.KeysDownDuration)];
        // Alt+key belongs to the top bar (Alt+1.. opens a screen): never a reply or an answer.
        const bool hide_keys = app.keyboard_help || app.manager_gate.open || app.pin_sign_in.open || io.KeyAlt;
        if (hide_keys) std::copy(std::begin(io.KeysDownDuration), std::end(io.KeysDownDuration), saved);
        if (hide_keys) std::fill(std::begin(io.KeysDownDuration), std::end(io.KeysDownDuration), -1.0f);
        info->draw(app);
        if (hide_keys) std::copy(std::begin(saved), std::end(saved), io.KeysDownDuration);
        ImGui::PopID();
    }
    ImGui::EndChild();
    drawKeyboardHelp(app);
    drawManagerGate(app);
    drawPinSignIn(app);
    drawIssuerPassphrase(app);
    ImGui::End();
    drawToast(app);
}

}  // namespace frontline::ui
