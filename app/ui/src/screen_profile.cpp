// Profile: pick who is training, or create a trainee. With nobody yet, a first-run welcome.
#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void createTrainee(AppState& app) {
    ProfileState& p = app.profile;
    const std::string name = trimmed(p.new_name);
    if (name.empty()) {
        p.error = tr("Please enter a name.");
        return;
    }
    try {
        Trainee t = app.store->createTrainee(name, trimmed(p.new_team));
        if (atlasLacks(font(FontRole::Regular), t.name + t.team)) app.requests.fonts_changed = true;  // e.g. a Chinese name
        p = {};
        showToast(app, fmt(tr("Welcome to {0}, {1}!"), app.settings.company_name, t.name));
        signIn(app, t);  // with trainee PINs on, the new profile chooses its PIN first
    } catch (const StoreError& e) {
        p.error = e.kind() == StoreError::Kind::Constraint ? fmt(tr("There is already a trainee called {0}."), name) : std::string(e.what());
    }
}

void drawNewTraineeForm(AppState& app, bool first_run) {
    ProfileState& p = app.profile;
    ImGui::PushItemWidth(tileInnerWidth());  // -1 would reach the window's edge, past the card
    ImGui::TextUnformatted(tr("Your name"));
    if (first_run && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    escapeKeepsText("##name");
    const bool enter1 = ImGui::InputTextWithHint("##name", tr("e.g. Sam Patel"), &p.new_name, ImGuiInputTextFlags_EnterReturnsTrue);
    recordItem(tr("Your name"));
    ImGui::TextUnformatted(tr("Team (optional)"));
    escapeKeepsText("##team");
    const bool enter2 = ImGui::InputTextWithHint("##team", tr("e.g. Billing, Night shift"), &p.new_team, ImGuiInputTextFlags_EnterReturnsTrue);
    recordItem("Team");
    ImGui::PopItemWidth();
    if (!p.error.empty()) wrappedText(p.error.c_str(), colour::kBad);
    ImGui::Spacing();
    if (iconButton(icon::kRocket, first_run ? tr("Start training") : tr("Create trainee"), ButtonKind::Primary, ImVec2(em(12), em(2.2f))) || enter1 || enter2)
        createTrainee(app);
}

}  // namespace

void drawProfileScreen(AppState& app) {
    if (!app.store) return;
    std::vector<Trainee> trainees;
    try {
        trainees = app.store->trainees();
    } catch (const StoreError& e) {
        wrappedText(e.what(), colour::kBad);
        return;
    }
    const bool first_run = trainees.empty();
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(38));
    ImGui::Dummy(ImVec2(0, em(first_run ? 3.0f : 1.5f)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::BeginGroup();
    if (first_run) {
        ImGui::PushFont(font(FontRole::Display));
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
        ImGui::TextUnformatted(icon::kHeadphones);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("Welcome to Frontline"));
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        wrappedText(fmt(tr("Your practice floor at {0}. Take realistic calls and chats, follow the SOP, and get a coach's debrief after "
                           "every one. The customers are simulated: try things and make your mistakes here, not with real customers."),
                        app.settings.company_name).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::Spacing();
        beginTile(width, colour::kAccent);
        sectionHeader(icon::kUserPlus, tr("Who is training?"));
        drawNewTraineeForm(app, true);
        endTile();
        ImGui::Spacing();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        // Said plainly: a trainee should know their attempts are seen, and where they are kept.
        const bool on_server = isServerLocator(app.store->locator());
        mutedText(on_server ? tr("Your attempts are saved in your center's training database; your team lead reviews them to coach you.")
                            : tr("Your attempts are saved on this computer; your team lead can review them to coach you."));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        languagePicker(app);
        ImGui::EndGroup();
        return;
    }

    sectionHeader(icon::kUsers, tr("Who is training?"));
    for (const Trainee& t : trainees) {
        ImGui::PushID(static_cast<int>(t.id));
        const bool current = app.trainee && app.trainee->id == t.id;
        beginTile(width, current ? colour::kAccent : 0);
        ImGui::PushFont(font(FontRole::Heading));
        iconText(icon::kUser, current ? colour::kAccent : colour::kInkSoft, t.name.c_str());
        ImGui::PopFont();
        if (!t.team.empty()) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.3f));
            chip(t.team.c_str(), colour::kInfoSoft, colour::kInfo);
        }
        const bool picked = endTile(t.name.c_str());
        if (picked) signIn(app, t);
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Spacing();
    if (!app.profile.creating) {
        if (iconButton(icon::kUserPlus, tr("New trainee"))) app.profile.creating = true;
        if (app.trainee && traineePinsRequired(app)) {
            ImGui::SameLine();
            if (iconButton(icon::kSignOut, tr("Sign out"))) signOut(app);
            tooltip(tr("Leave this desk: the next person signs in with their own PIN."));
        }
    } else {
        beginTile(width, colour::kGood);
        sectionHeader(icon::kUserPlus, tr("New trainee"));
        drawNewTraineeForm(app, false);
        endTile();
        // Esc first leaves the field; it closes the form only when nothing typed would be lost.
        const bool typed = !app.profile.new_name.empty() || !app.profile.new_team.empty();
        if (escapePressed() && !ImGui::GetIO().WantTextInput && !typed) app.profile = {};
    }
    ImGui::Spacing();
    ImGui::Spacing();
    languagePicker(app);
    ImGui::EndGroup();
}

}  // namespace frontline::ui
