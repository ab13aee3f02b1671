// The organisation's signing key in the window (issue 13): when a manager created one with
// `frontline issuer init`, issuing a certificate asks for its passphrase and signs with it, as
// `certify issue` does; a wrong passphrase is said in the dialog and nothing is signed. Without an
// organisation key the installation's own key signs, and the message says only this installation
// trusts it.
#include <imgui.h>
#include <imgui_stdlib.h>
#include <sodium.h>
#include "frontline/certs.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr const char* kDialog = "Organisation signing key";

void closeDialog(IssuerPassphraseState& s) {
    if (!s.passphrase.empty()) sodium_memzero(s.passphrase.data(), s.passphrase.size());
    s = {};
}

void unsealAndSign(AppState& app) {
    IssuerPassphraseState& s = app.issuer_passphrase;
    std::optional<SigningKey> key;
    try {
        key = unsealIssuerKey(defaultIssuerDirectory(), s.passphrase);
    } catch (const CertError& e) {
        if (!s.passphrase.empty()) sodium_memzero(s.passphrase.data(), s.passphrase.size());
        s.passphrase.clear();
        s.error = e.what();
        s.focus = true;
        return;
    }
    auto then = std::move(s.then);
    closeDialog(s);
    then(app, *key);
}

void drawDialogBody(AppState& app) {
    IssuerPassphraseState& s = app.issuer_passphrase;
    ImGui::PushFont(font(FontRole::Heading));
    iconText(icon::kKey, colour::kAccent, tr("Sign with the organisation's key"));
    ImGui::PopFont();
    mutedText(fmt(tr("Signing {0}. The key was created with `frontline issuer init`; its passphrase opens it for this "
                     "one signature and is not kept."),
                  s.what).c_str());
    ImGui::TextDisabled(tr("Key %s"), s.fingerprint.c_str());
    ImGui::Spacing();
    if (s.focus) ImGui::SetKeyboardFocusHere();
    s.focus = false;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##issuer-passphrase", tr("Passphrase"), &s.passphrase, ImGuiInputTextFlags_Password);
    const bool submitted = ImGui::IsItemDeactivated() && enterPressed();
    recordItem("Issuer passphrase field");
    if (!s.error.empty()) wrappedText(s.error.c_str(), colour::kBad);
    ImGui::Spacing();
    ImGui::BeginDisabled(s.passphrase.empty());
    const bool sign = iconButton(icon::kCertificate, tr("Sign certificate"), ButtonKind::Primary);
    ImGui::EndDisabled();
    if ((sign || submitted) && !s.passphrase.empty()) unsealAndSign(app);
    ImGui::SameLine();
    if (button(tr("Cancel")) || escapePressed()) closeDialog(s);
}

}  // namespace

void withIssuerKey(AppState& app, const std::string& what, std::function<void(AppState&, const SigningKey&)> then) {
    if (const auto org = issuerPublicKey(defaultIssuerDirectory())) {
        IssuerPassphraseState& s = app.issuer_passphrase;
        closeDialog(s);
        s.open = true;
        s.focus = true;
        s.what = what;
        s.fingerprint = keyFingerprint(*org);
        s.then = std::move(then);
        return;
    }
    then(app, loadOrCreateSigningKey(app.store->dataDirectory()));
}

void drawIssuerPassphrase(AppState& app) {
    IssuerPassphraseState& s = app.issuer_passphrase;
    if (!s.open) {
        // Closed from outside (a trainee switch): the popup must close too, or its modal would
        // keep blocking the screen underneath.
        if (ImGui::IsPopupOpen(kDialog) && ImGui::BeginPopupModal(kDialog)) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return;
    }
    if (!ImGui::IsPopupOpen(kDialog)) ImGui::OpenPopup(kDialog);
    if (beginFixedModal(kDialog, em(32))) {
        drawDialogBody(app);
        if (!s.open) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else if (!ImGui::IsPopupOpen(kDialog)) {
        closeDialog(s);
    }
}

}  // namespace frontline::ui
