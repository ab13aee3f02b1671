// Trainees' PINs on a desk's own file. With the trainee_pin_digits setting above 0, picking a
// profile asks for its PIN (a profile without one chooses it, typed twice), so nobody plays as a
// colleague. The store counts wrong PINs and pauses a profile after too many; a manager resets a
// forgotten PIN from the Team view. A center's server signs people in with their own logins.
#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <sodium.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr const char* kDialog = "Trainee PIN";

void wipe(std::string& typed) {
    if (!typed.empty()) sodium_memzero(typed.data(), typed.size());
    typed.clear();
}

void closeDialog(PinSignInState& s) {
    wipe(s.pin);
    wipe(s.repeat);
    s = {};
}

void finishSignIn(AppState& app) {
    const Trainee who = *app.pin_sign_in.who;
    closeDialog(app.pin_sign_in);
    selectTrainee(app, who);
}

void retryLater(PinSignInState& s, const std::string& error) {
    wipe(s.pin);
    wipe(s.repeat);
    s.error = error;
    s.focus = true;
}

void choosePin(AppState& app) {
    PinSignInState& s = app.pin_sign_in;
    if (s.pin != s.repeat) return retryLater(s, tr("The two PINs differ: type the same one twice."));
    try {
        app.store->setTraineePin(s.who->id, s.pin, app.settings.trainee_pin_digits);
    } catch (const StoreError& e) {
        return retryLater(s, fmt(tr("Not set: {0}."), e.what()));
    }
    showToast(app, tr("PIN set. Keep it to yourself: it is how this desk knows it is you."), 5);
    finishSignIn(app);
}

std::string pausedText(const PinCheck& check) {
    if (check.paused_until.size() < 16)
        return fmt(tr("{0} wrong PINs in a row: try again later ({1} minutes after the last wrong one), or ask a manager to reset the PIN."),
                   check.failures, kPinPauseSeconds / 60);
    return fmt(tr("{0} wrong PINs in a row: try again after {1} UTC ({2} minutes after the last wrong one), or ask a manager to reset the PIN."),
               check.failures, check.paused_until.substr(11, 5), kPinPauseSeconds / 60);
}

void checkPin(AppState& app) {
    PinSignInState& s = app.pin_sign_in;
    PinCheck check;
    try {
        check = app.store->checkTraineePin(s.who->id, s.pin);
    } catch (const StoreError& e) {
        return retryLater(s, fmt(tr("Could not check the PIN: {0}"), e.what()));
    }
    switch (check.outcome) {
        case PinOutcome::Right: return finishSignIn(app);
        case PinOutcome::NotSet: s.choosing = true; return retryLater(s, tr("This profile's PIN was reset: choose a new one."));
        case PinOutcome::Paused: return retryLater(s, pausedText(check));
        case PinOutcome::Wrong: break;
    }
    retryLater(s, check.paused_until.empty() ? fmt(tr("That is not {0}'s PIN."), s.who->name) : pausedText(check));
}

// A PIN field: digits only, hidden, Enter submits (reported through `submitted`).
void pinField(const char* id, const char* hint, std::string& value, bool& submitted) {
    ImGui::SetNextItemWidth(em(14));
    ImGui::InputTextWithHint(id, hint, &value, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    if (ImGui::IsItemDeactivated() && enterPressed()) submitted = true;
    recordItem(hint);
}

void drawDialogBody(AppState& app) {
    PinSignInState& s = app.pin_sign_in;
    ImGui::PushFont(font(FontRole::Heading));
    iconText(icon::kKey, colour::kAccent, s.who->name.c_str());
    ImGui::PopFont();
    const int digits = app.settings.trainee_pin_digits;
    if (s.choosing) {
        mutedText(fmt(tr("Choose your PIN: {0} to {1} digits. It keeps your training record yours; a manager can reset it if you forget it."),
                      digits, kPinMaxDigits).c_str());
    } else {
        mutedText(tr("Enter your PIN to train as this profile."));
    }
    ImGui::Spacing();
    if (s.focus) ImGui::SetKeyboardFocusHere();
    s.focus = false;
    bool submitted = false;
    pinField("##pin", s.choosing ? tr("New PIN") : tr("PIN"), s.pin, submitted);
    if (s.choosing) pinField("##pin-repeat", tr("Repeat the PIN"), s.repeat, submitted);
    if (!s.error.empty()) wrappedText(s.error.c_str(), colour::kBad);
    ImGui::Spacing();
    const bool ready = !s.pin.empty() && (!s.choosing || !s.repeat.empty());
    ImGui::BeginDisabled(!ready);
    const bool go = iconButton(icon::kUnlock, s.choosing ? tr("Set PIN and start") : tr("Sign in"), ButtonKind::Primary);
    ImGui::EndDisabled();
    if ((go || submitted) && ready) s.choosing ? choosePin(app) : checkPin(app);
    ImGui::SameLine();
    if (button(tr("Cancel")) || escapePressed()) closeDialog(s);
}

}  // namespace

bool traineePinsRequired(const AppState& app) {
    return app.settings.trainee_pin_digits > 0 && app.store && !isServerLocator(app.store->locator());
}

void signIn(AppState& app, const Trainee& trainee) {
    const bool already = app.trainee && app.trainee->id == trainee.id;
    if (already || !traineePinsRequired(app)) return selectTrainee(app, trainee);
    PinSignInState& s = app.pin_sign_in;
    closeDialog(s);
    s.open = true;
    s.focus = true;
    s.who = trainee;
    try {
        s.choosing = !app.store->traineePinSet(trainee.id);
    } catch (const StoreError& e) {
        s.error = std::string("Could not read the profile: ") + e.what();
    }
}

void signOut(AppState& app) {
    lockManager(app);
    app.trainee.reset();
    app.summary = {};
    navigate(app, ScreenId::Profile);
}

void drawPinSignIn(AppState& app) {
    PinSignInState& s = app.pin_sign_in;
    if (!s.open) return;
    if (!ImGui::IsPopupOpen(kDialog)) ImGui::OpenPopup(kDialog);
    if (beginFixedModal(kDialog, em(28))) {
        drawDialogBody(app);
        if (!s.open) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else if (!ImGui::IsPopupOpen(kDialog)) {
        closeDialog(s);
    }
}

void drawTraineePinSetting(AppState& app) {
    if (!app.store || isServerLocator(app.store->locator())) return;
    iconText(icon::kKey, colour::kInfo, tr("Trainee PINs"));
    mutedText(tr("0: one-click profiles. Above 0: each trainee signs in with a PIN of at least that many digits, chosen at "
                 "their next sign-in. Saved with the settings."));
    int& digits = app.settings_screen.draft.trainee_pin_digits;
    const SettingSpec* spec = settingSpec("trainee_pin_digits");  // the range every front end enforces
    ImGui::SetNextItemWidth(em(9));
    ImGui::InputInt("##pin-digits", &digits, 1, 1);
    digits = std::clamp(digits, static_cast<int>(spec->min), static_cast<int>(spec->max));
    recordItem("Trainee PIN digits");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", digits == 0 ? tr("no PIN") : tr("digits"));
}

void drawTraineePinReset(AppState& app, const Trainee& trainee, bool& has_pin) {
    if (!has_pin) return;
    if (button(tr("Reset PIN"), ButtonKind::Subtle)) {
        try {
            app.store->resetTraineePin(trainee.id);
            has_pin = false;
            showToast(app, fmt(tr("{0} chooses a new PIN at their next sign-in."), trainee.name), 5);
        } catch (const StoreError& e) {
            showToast(app, fmt(tr("Could not reset the PIN: {0}"), e.what()), 6);
        }
    }
    recordItem(("reset-pin:" + trainee.name).c_str());
    tooltip(tr("For a trainee who forgot their PIN: they choose a new one at their next sign-in. Recorded in the audit trail."));
}

}  // namespace frontline::ui
