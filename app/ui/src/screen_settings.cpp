// Settings: display (UI scale, sound) for this computer, and the organisation's settings — the SOP
// template's blanks (company name, targets, pass marks). A value the organisation set (an override
// of settings.json) is marked and can be reset to the default; saving stores only the keys edited.
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
    if (const SettingSpec* spec = settingSpec(key)) tooltip(fmt(tr("{0} ({1})"), settingDescription(*spec), rangeText(*spec)).c_str());
}

bool overridden(const SettingsState& st, const char* key) {
    const bool pending = std::find(st.pending_resets.begin(), st.pending_resets.end(), key) != st.pending_resets.end();
    return st.overrides.contains(key) && !pending;
}

// The row's label: in the accent colour when the organisation set the value.
void settingLabel(const SettingsState& st, const char* label, const char* key) {
    ImGui::AlignTextToFramePadding();
    if (overridden(st, key)) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::kAccent), "%s", label);
    else ImGui::TextUnformatted(label);
    describe(key);
}

// At the end of an overridden row: back to settings.json's value for that key (applied on save).
void resetButton(AppState& app, const char* label, const char* key) {
    SettingsState& st = app.settings_screen;
    if (!overridden(st, key)) return;
    ImGui::SameLine();
    const std::string id = std::string(icon::kUndo) + "##reset";
    const bool clicked = ImGui::SmallButton(id.c_str());
    recordItem(fmt(tr("Reset {0}"), label).c_str());
    const nlohmann::json defaults = settingsToJson(app.content.default_settings);
    const nlohmann::json& value = defaults.at(key);
    tooltip(fmt(tr("Set by the organisation. Reset to the default from settings.json: {0} (applied when you save)"),
                value.is_string() ? value.get<std::string>() : value.dump())
                .c_str());
    if (!clicked) return;
    st.draft = settingsFromJson(nlohmann::json{{key, value}}, st.draft);
    st.pending_resets.emplace_back(key);
    st.message = fmt(tr("{0}: the default is back; save to apply it."), label);
    st.message_is_error = false;
}

// A whole-number setting, clamped to its range from settingSpecs() as it is typed; the range is
// shown in the tooltip.
void intRow(AppState& app, const char* label, const char* key, int& value, const char* unit) {
    const SettingSpec* spec = settingSpec(key);
    IM_ASSERT(spec && spec->kind == SettingKind::WholeNumber);
    ImGui::PushID(key);
    settingLabel(app.settings_screen, label, key);
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(em(9));
    ImGui::InputInt("##v", &value, 1, 5);
    value = std::clamp(value, static_cast<int>(spec->min), static_cast<int>(spec->max));
    recordItem(label);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", unit);
    resetButton(app, label, key);
    ImGui::PopID();
}

void textRow(AppState& app, const char* label, const char* key, std::string& value) {
    ImGui::PushID(key);
    settingLabel(app.settings_screen, label, key);
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(overridden(app.settings_screen, key) ? -em(2.5f) : -1);
    escapeKeepsText("##text");
    ImGui::InputText("##text", &value);
    recordItem(label);
    resetButton(app, label, key);
    ImGui::PopID();
}

// What the screen shows: the effective settings and which of them the organisation set.
void loadDrafts(AppState& app) {
    SettingsState& st = app.settings_screen;
    st.draft = app.settings;
    st.prefs_draft = app.prefs;
    st.overrides = nlohmann::json::object();
    st.pending_resets.clear();
    try {
        if (app.store) st.overrides = app.store->settingOverrides();
    } catch (const StoreError&) {  // unreadable now: nothing is marked, saving still says why
    }
    st.message.clear();
    st.loaded = true;
}

// Resets first, then the keys edited against what the resets leave: only those become overrides.
void saveOrganisationSettings(AppState& app) {
    SettingsState& st = app.settings_screen;
    if (!st.pending_resets.empty()) app.store->resetSettings(st.pending_resets);
    app.store->saveSettingChanges(st.draft, app.store->settings(app.content.default_settings));
    st.pending_resets.clear();
    st.overrides = app.store->settingOverrides();
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
        saveOrganisationSettings(app);
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
    } catch (const std::exception& e) {  // StoreError, or a value the store refuses
        st.message = fmt(tr("Could not save: {0}"), e.what());
        st.message_is_error = true;
    }
}

}  // namespace

void enterSettingsScreen(AppState& app) {
    app.settings_screen.loaded = false;  // fresh drafts each visit
    app.language_choices.clear();  // a catalog may have been built since
}

void drawSettingsScreen(AppState& app) {
    SettingsState& st = app.settings_screen;
    if (!st.loaded) loadDrafts(app);
    OrgSettings& d = st.draft;
    sectionHeader(icon::kCog, tr("Settings"));
    const float col_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() + em(2.2f);

    beginCard("##org", ImVec2(col_w, -buttons_h));
    iconText(icon::kBuilding, colour::kAccent, tr("Organisation"));
    mutedText(tr("The blanks of the SOP template: filled in once per contact center, used by every scenario and score."));
    ImGui::Spacing();
    textRow(app, tr("Company name"), "company_name", d.company_name);
    textRow(app, tr("Hold estimate"), "hold_estimate", d.hold_estimate);
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Answering"));
    ImGui::PopFont();
    intRow(app, tr("Answer within"), "answer_within_rings", d.answer_within_rings, tr("rings"));
    intRow(app, tr("Seconds per ring"), "ring_seconds", d.ring_seconds, trc("unit", "s"));
    intRow(app, tr("Accept chats within"), "chat_answer_within_seconds", d.chat_answer_within_seconds, trc("unit", "s"));
    intRow(app, tr("Reply to chats within"), "chat_response_within_seconds", d.chat_response_within_seconds, trc("unit", "s"));
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Quality targets (SOP section 6)"));
    ImGui::PopFont();
    intRow(app, tr("Average handle time"), "target_handle_time_minutes", d.target_handle_time_minutes, tr("minutes"));
    intRow(app, tr("First contact resolution"), "target_fcr_percent", d.target_fcr_percent, "%");
    ImGui::PushID("target_csat");
    settingLabel(st, tr("Customer satisfaction"), "target_csat");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(em(9));
    float csat = static_cast<float>(d.target_csat);
    const SettingSpec* csat_spec = settingSpec("target_csat");
    if (ImGui::SliderFloat("##csat", &csat, static_cast<float>(csat_spec->min), static_cast<float>(csat_spec->max),
                           fmt(tr("{0} / 5"), i18n::decimal(csat, 1)).c_str(),
                           ImGuiSliderFlags_AlwaysClamp))
        d.target_csat = static_cast<double>(csat);
    resetButton(app, tr("Customer satisfaction"), "target_csat");
    ImGui::PopID();
    intRow(app, tr("Average speed of answer"), "target_asa_seconds", d.target_asa_seconds, trc("unit", "s"));
    intRow(app, tr("Abandonment below"), "max_abandonment_percent", d.max_abandonment_percent, "%");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted(tr("Pass marks and certification"));
    ImGui::PopFont();
    // xgettext:no-c-format (a unit shown as text, not a printf format)
    const char* adherence = tr("% adherence");
    intRow(app, tr("Scenario pass mark"), "scenario_pass_mark", d.scenario_pass_mark, adherence);
    intRow(app, tr("Third star from"), "excellent_mark", d.excellent_mark, adherence);
    intRow(app, tr("Quiz pass mark"), "quiz_pass_mark", d.quiz_pass_mark, "%");
    intRow(app, tr("Certificate valid for"), "certificate_validity_months", d.certificate_validity_months, tr("months"));
    intRow(app, tr("Recertify within"), "recertification_window_days", d.recertification_window_days, tr("days before expiry"));
    intRow(app, tr("Remind of refreshers"), "refresher_reminder_days", d.refresher_reminder_days, tr("days ahead"));
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
        for (const auto& [key, value] : st.overrides.items()) st.pending_resets.push_back(key);
        st.message = tr("Defaults loaded: save to apply them.");
        st.message_is_error = false;
    }
    tooltip(tr("Remove every value the organisation set: each setting follows the content's settings.json again."));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.5f));
    if (!st.message.empty()) wrappedText(st.message.c_str(), st.message_is_error ? colour::kBad : colour::kGood);
}

}  // namespace frontline::ui
