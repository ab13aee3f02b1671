// Settings: display (UI scale, sound) for this computer, and the organisation's settings — the SOP
// template's blanks (company name, targets, pass marks) — saved with Store::saveSettings.
#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

void describe(const char* key) {
    // TRANSLATORS: a setting's description, then its allowed range.
    if (const SettingSpec* spec = settingSpec(key)) tooltip(fmt(tr("{0} ({1})"), spec->description, rangeText(*spec)).c_str());
}

// A whole-number setting, clamped to its range from settingSpecs() as it is typed; the range is
// shown in the tooltip.
void intRow(const char* label, const char* key, int& value, const char* unit) {
    const SettingSpec* spec = settingSpec(key);
    IM_ASSERT(spec && spec->kind == SettingKind::WholeNumber);
    ImGui::PushID(key);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    describe(key);
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(em(9));
    ImGui::InputInt("##v", &value, 1, 5);
    value = std::clamp(value, static_cast<int>(spec->min), static_cast<int>(spec->max));
    recordItem(label);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", unit);
    ImGui::PopID();
}

// The language of the window, for this computer: applied and kept as soon as it is picked.
void languagePicker(AppState& app) {
    ImGui::AlignTextToFramePadding();
    // Both names: whoever cannot read the current language still finds the way back.
    ImGui::TextUnformatted("Language / Idioma");
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(em(16));  // "Predeterminado del sistema" whole
    SettingsState& st = app.settings_screen;
    if (st.languages.empty()) st.languages = i18n::languages();
    const std::vector<i18n::Language> languages = st.languages;  // a copy: choosing may clear the list
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

void save(AppState& app) {
    SettingsState& st = app.settings_screen;
    // Numbers are clamped as they are typed; text (an empty company name) is refused here.
    if (auto problems = settingsProblems(st.draft); !problems.empty()) {
        st.message = fmt(tr("Not saved: {0}"), problems.front());
        st.message_is_error = true;
        return;
    }
    try {
        app.store->saveSettings(st.draft);
        char scale[16];
        std::snprintf(scale, sizeof scale, "%.2f", static_cast<double>(st.prefs_draft.ui_scale));
        app.store->setPreference("ui_scale", scale);
        app.store->setPreference("sound", st.prefs_draft.sound ? "1" : "0");
        if (st.prefs_draft.ui_scale != app.prefs.ui_scale) app.requests.fonts_changed = true;
        app.settings = st.draft;
        app.prefs = st.prefs_draft;
        st.message = tr("Saved. New attempts use these settings.");
        st.message_is_error = false;
        showToast(app, tr("Settings saved"));
    } catch (const StoreError& e) {
        st.message = fmt(tr("Could not save: {0}"), e.what());
        st.message_is_error = true;
    }
}

}  // namespace

void enterSettingsScreen(AppState& app) {
    app.settings_screen.loaded = false;  // fresh drafts each visit
    app.settings_screen.languages.clear();  // a catalog may have been built since
}

void drawSettingsScreen(AppState& app) {
    SettingsState& st = app.settings_screen;
    if (!st.loaded) {
        st.draft = app.settings;
        st.prefs_draft = app.prefs;
        st.message.clear();
        st.loaded = true;
    }
    OrgSettings& d = st.draft;
    sectionHeader(icon::kCog, tr("Settings"));
    const float col_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() + em(2.2f);

    beginCard("##org", ImVec2(col_w, -buttons_h));
    iconText(icon::kBuilding, colour::kAccent, tr("Organisation"));
    mutedText(tr("The blanks of the SOP template: filled in once per contact center, used by every scenario and score."));
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Company name"));
    describe("company_name");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(-1);
    escapeKeepsText("##company");
    ImGui::InputText("##company", &d.company_name);
    recordItem(tr("Company name"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Hold estimate"));
    describe("hold_estimate");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(-1);
    escapeKeepsText("##hold");
    ImGui::InputText("##hold", &d.hold_estimate);
    recordItem(tr("Hold estimate"));
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Answering"));
    ImGui::PopFont();
    intRow(tr("Answer within"), "answer_within_rings", d.answer_within_rings, tr("rings"));
    intRow(tr("Seconds per ring"), "ring_seconds", d.ring_seconds, trc("unit", "s"));
    intRow(tr("Accept chats within"), "chat_answer_within_seconds", d.chat_answer_within_seconds, trc("unit", "s"));
    intRow(tr("Reply to chats within"), "chat_response_within_seconds", d.chat_response_within_seconds, trc("unit", "s"));
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Quality targets (SOP section 6)"));
    ImGui::PopFont();
    intRow(tr("Average handle time"), "target_handle_time_minutes", d.target_handle_time_minutes, tr("minutes"));
    intRow(tr("First contact resolution"), "target_fcr_percent", d.target_fcr_percent, "%");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Customer satisfaction"));
    describe("target_csat");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(em(9));
    float csat = static_cast<float>(d.target_csat);
    const SettingSpec* csat_spec = settingSpec("target_csat");
    if (ImGui::SliderFloat("##csat", &csat, static_cast<float>(csat_spec->min), static_cast<float>(csat_spec->max),
                           fmt(tr("{0} / 5"), i18n::decimal(csat, 1)).c_str(),
                           ImGuiSliderFlags_AlwaysClamp))
        d.target_csat = static_cast<double>(csat);
    intRow(tr("Average speed of answer"), "target_asa_seconds", d.target_asa_seconds, trc("unit", "s"));
    intRow(tr("Abandonment below"), "max_abandonment_percent", d.max_abandonment_percent, "%");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Pass marks and certification"));
    ImGui::PopFont();
    // xgettext:no-c-format (a unit shown as text, not a printf format)
    const char* adherence = tr("% adherence");
    intRow(tr("Scenario pass mark"), "scenario_pass_mark", d.scenario_pass_mark, adherence);
    intRow(tr("Third star from"), "excellent_mark", d.excellent_mark, adherence);
    intRow(tr("Quiz pass mark"), "quiz_pass_mark", d.quiz_pass_mark, "%");
    intRow(tr("Certificate valid for"), "certificate_validity_months", d.certificate_validity_months, tr("months"));
    intRow(tr("Recertify within"), "recertification_window_days", d.recertification_window_days, tr("days before expiry"));
    intRow(tr("Remind of refreshers"), "refresher_reminder_days", d.refresher_reminder_days, tr("days ahead"));
    endCard();
    ImGui::SameLine();

    beginCard("##display", ImVec2(0, -buttons_h));
    iconText(icon::kSliders, colour::kAccent, tr("This computer"));
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Text size"));
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(em(12));
    int percent = static_cast<int>(st.prefs_draft.ui_scale * 100.0f + 0.5f);
    if (ImGui::SliderInt("##scale", &percent, 80, 160, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        st.prefs_draft.ui_scale = static_cast<float>(percent) / 100.0f;
    recordItem(tr("Text size"));
    tooltip(tr("Scales text and controls on top of the screen's own DPI scale."));
    ImGui::Checkbox(tr("Sound: ring and chat chime"), &st.prefs_draft.sound);
    recordItem("Sound");
    tooltip(tr("Played through the computer's default audio device; silent where there is none."));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", st.prefs_draft.sound ? icon::kVolumeUp : icon::kVolumeOff);
    languagePicker(app);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    iconText(icon::kKeyboard, colour::kInfo, tr("Keyboard"));
    mutedText(tr("1-9 choose an option, Enter answers a call or plays the next scenario, Esc closes dialogs, "
                 "Tab moves between fields, Ctrl+1..3 switches chats, arrow keys step through a replay."));
    ImGui::Spacing();
    iconText(icon::kDatabase, colour::kInfo, tr("Database"));
    if (app.store) mutedText(app.store->locator().c_str());
    ImGui::Spacing();
    drawManagerPasswordSettings(app);
    ImGui::Spacing();
    drawTraineePinSetting(app);
    endCard();

    ImGui::Spacing();
    if (iconButton(icon::kSave, tr("Save settings"), ButtonKind::Primary, ImVec2(em(12), em(2.2f)))) save(app);
    ImGui::SameLine();
    if (iconButton(icon::kUndo, tr("Content defaults"), ButtonKind::Normal, ImVec2(0, em(2.2f)))) {
        st.draft = app.content.default_settings;
        st.message = tr("Defaults loaded: save to apply them.");
        st.message_is_error = false;
    }
    tooltip(tr("Reset the organisation settings to the defaults shipped with the content."));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.5f));
    if (!st.message.empty()) wrappedText(st.message.c_str(), st.message_is_error ? colour::kBad : colour::kGood);
}

}  // namespace frontline::ui
