// The language picker, on Settings and on the Profile screen: Settings may sit behind the manager
// password, and a trainee must still be able to choose the language they train in.
#include <imgui.h>
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

// The language of the window, for this computer: applied and kept as soon as it is picked.
void languagePicker(AppState& app) {
    ImGui::AlignTextToFramePadding();
    // Both names: whoever cannot read the current language still finds the way back.
    ImGui::TextUnformatted("Language / Idioma");
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(em(16));  // "Predeterminado del sistema" whole
    if (app.language_choices.empty()) app.language_choices = i18n::languages();
    const std::vector<i18n::Language> languages = app.language_choices;  // a copy: choosing may clear the list
    std::string current = tr("System default");
    for (const auto& l : languages)
        if (l.code == app.prefs.language) current = l.native_name;
    if (ImGui::BeginCombo("##language", current.c_str())) {
        if (ImGui::Selectable(fmt("{0}##system", tr("System default")).c_str(), app.prefs.language.empty()))
            chooseLanguage(app, "");
        recordItem(tr("System default"));
        for (const auto& l : languages) {
            if (ImGui::Selectable(fmt("{0}##{1}", l.native_name, l.code).c_str(), l.code == app.prefs.language))
                chooseLanguage(app, l.code);
            recordItem(l.native_name.c_str());
        }
        ImGui::EndCombo();
    }
    recordItem("Language / Idioma");
    tooltip(tr("The language of the window on this computer. System default follows the computer's own language."));
}

}  // namespace frontline::ui
