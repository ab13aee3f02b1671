// The manager's gate: Settings, Team, issuing and revoking ask for the manager before they run.
// On a server the login's role decides (the server refuses a trainee anyway; this only says so
// kindly). On a local file, the manager password set with `frontline manager-password` or in
// Settings is asked once per trainee session; without one, every desk user is the manager, as a
// single desk at home should be.
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <sodium.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr const char* kDialog = "Manager password";
constexpr int kFreeTries = 3;          // wrong passwords before a pause
constexpr double kPauseSeconds = 30;  // between tries after that: guessing stays slow

// Wipes the typed password from memory, not just from the field.
void forgetTyped(ManagerGateState& gate) {
    if (!gate.password.empty()) sodium_memzero(gate.password.data(), gate.password.size());
    gate.password.clear();
}

void closeDialog(ManagerGateState& gate) {
    forgetTyped(gate);
    gate.open = false;
    gate.then = nullptr;
    gate.error.clear();
}

// Read once per trainee session (Home asks every frame); lockManager and setting it forget it.
bool passwordRequired(const AppState& app) {
    int& known = app.manager_gate.password_set;
    if (known < 0) {
        try {
            known = app.store->managerPasswordSet() ? 1 : 0;
        } catch (const StoreError&) {
            return true;  // unreadable: ask rather than open the door (and read again next time)
        }
    }
    return known == 1;
}

void tryUnlock(AppState& app) {
    ManagerGateState& gate = app.manager_gate;
    if (app.time < gate.retry_at) return;
    bool right = false;
    try {
        right = app.store->checkManagerPassword(gate.password);
    } catch (const StoreError& e) {
        gate.error = fmt(tr("Could not check the password: {0}"), e.what());
        return;
    }
    forgetTyped(gate);
    if (!right) {
        ++gate.failures;
        gate.error = tr("That is not the manager password.");
        if (gate.failures >= kFreeTries) gate.retry_at = app.time + kPauseSeconds;
        gate.focus = true;
        return;
    }
    gate.unlocked = true;
    gate.failures = 0;
    auto then = std::move(gate.then);
    closeDialog(gate);
    if (then) then(app);
}

void drawDialogBody(AppState& app) {
    ManagerGateState& gate = app.manager_gate;
    // TRANSLATORS: {0} is what the password unlocks ("open Settings", "issue a certificate").
    iconText(icon::kLock, colour::kAccent, fmt(tr("Enter the manager password to {0}."), gate.reason).c_str());
    mutedText(tr("Trainees keep training without it; it guards the settings, the team's records and certificates."));
    ImGui::Spacing();
    const bool waiting = app.time < gate.retry_at;
    ImGui::BeginDisabled(waiting);
    ImGui::SetNextItemWidth(em(22));
    if (gate.focus) ImGui::SetKeyboardFocusHere();
    gate.focus = false;
    // Not EnterReturnsTrue: with it the field hands its text over only on Enter, not to a click on Unlock.
    ImGui::InputText("##manager-password", &gate.password, ImGuiInputTextFlags_Password);
    const bool submitted = ImGui::IsItemDeactivated() && enterPressed();
    recordItem("Manager password field", !waiting);
    ImGui::EndDisabled();
    if (waiting) {
        app.wake_in = gate.retry_at - app.time;
        char line[96];
        std::snprintf(line, sizeof line, "%d wrong passwords: try again in %d s.", gate.failures,
                      static_cast<int>(gate.retry_at - app.time) + 1);
        wrappedText(line, colour::kBad);
    } else if (!gate.error.empty()) {
        wrappedText(gate.error.c_str(), colour::kBad);
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(waiting || gate.password.empty());
    const bool unlock = iconButton(icon::kUnlock, tr("Unlock"), ButtonKind::Primary);
    ImGui::EndDisabled();
    if ((unlock || submitted) && !gate.password.empty()) tryUnlock(app);
    ImGui::SameLine();
    if (button(tr("Cancel")) || escapePressed()) {
        closeDialog(gate);
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace

bool managerRole(const AppState& app) { return app.store && app.store->isManager(); }

bool managerUnlocked(const AppState& app) {
    if (!managerRole(app)) return false;
    return app.manager_gate.unlocked || !passwordRequired(app);
}

void asManager(AppState& app, const std::string& what, std::function<void(AppState&)> then) {
    if (!managerRole(app)) {
        showToast(app, fmt(tr("Only a manager can {0}: this desk signed in with a trainee's login."), what), 5);
        return;
    }
    if (managerUnlocked(app)) {
        then(app);
        return;
    }
    ManagerGateState& gate = app.manager_gate;
    forgetTyped(gate);
    gate.open = true;
    gate.focus = true;
    gate.reason = what;
    gate.error.clear();
    gate.then = std::move(then);
}

void lockManager(AppState& app) {
    closeDialog(app.manager_gate);
    app.issuer_passphrase = {};  // a signing waiting for the key is a manager's, too
    app.manager_gate.unlocked = false;
    app.manager_gate.password_set = -1;  // read again: the CLI may have set one meanwhile
}

namespace {

void setPassword(AppState& app) {
    SettingsState& st = app.settings_screen;
    if (st.new_password != st.repeat_password) {
        st.message = tr("The two passwords differ: type the same one twice.");
        st.message_is_error = true;
        return;
    }
    try {
        app.store->setManagerPassword(st.new_password);
        app.manager_gate.password_set = 1;
        app.manager_gate.unlocked = true;  // the one who set it is the manager of this session
        st.message = tr("Manager password set. Settings, Team and issuing now ask for it.");
        st.message_is_error = false;
        showToast(app, tr("Manager password set"));
    } catch (const StoreError& e) {
        st.message = fmt(tr("Not set: {0}"), e.what());
        st.message_is_error = true;
    }
    for (std::string* typed : {&st.new_password, &st.repeat_password}) {
        if (!typed->empty()) sodium_memzero(typed->data(), typed->size());
        typed->clear();
    }
}

}  // namespace

void drawManagerPasswordSettings(AppState& app) {
    iconText(icon::kLock, colour::kInfo, tr("Manager password"));
    if (!app.store) return;
    if (isServerLocator(app.store->locator())) {
        mutedText(tr("On a center's server each person signs in with their own login; its role (manager or trainee) "
                     "decides what this desk may change. See `frontline team add-user`."));
        return;
    }
    const bool set = passwordRequired(app);
    mutedText(set ? tr("Set: Settings, Team and issuing certificates ask for it once per trainee session.")
                  : tr("Not set: anyone at this desk can change settings and issue certificates. Set one for a shared PC."));
    SettingsState& st = app.settings_screen;
    ImGui::SetNextItemWidth(em(13));
    ImGui::InputTextWithHint("##new-manager-password", tr("New password"), &st.new_password, ImGuiInputTextFlags_Password);
    recordItem("New manager password");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(13));
    ImGui::InputTextWithHint("##repeat-manager-password", tr("Repeat it"), &st.repeat_password, ImGuiInputTextFlags_Password);
    recordItem("Repeat manager password");
    ImGui::BeginDisabled(st.new_password.empty());
    if (iconButton(icon::kLock, set ? tr("Change password") : tr("Set password"))) setPassword(app);
    ImGui::EndDisabled();
    if (set) {
        ImGui::SameLine();
        if (iconButton(icon::kSignOut, tr("Lock now"))) {
            lockManager(app);
            navigate(app, ScreenId::Home);
        }
        tooltip(tr("Leave the manager's screens; the password is asked again next time."));
    }
}

void drawManagerGate(AppState& app) {
    ManagerGateState& gate = app.manager_gate;
    if (!gate.open) return;
    if (!ImGui::IsPopupOpen(kDialog)) ImGui::OpenPopup(kDialog);
    if (beginFixedModal(kDialog, em(30))) {
        drawDialogBody(app);
        if (!gate.open) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else if (!ImGui::IsPopupOpen(kDialog)) {
        closeDialog(gate);  // closed some other way: nothing pending survives it
    }
}

}  // namespace frontline::ui
