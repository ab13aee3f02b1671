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
    if (const SettingSpec* spec = settingSpec(key)) tooltip((spec->description + " (" + rangeText(*spec) + ")").c_str());
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

void save(AppState& app) {
    SettingsState& st = app.settings_screen;
    // Numbers are clamped as they are typed; text (an empty company name) is refused here.
    if (auto problems = settingsProblems(st.draft); !problems.empty()) {
        st.message = "Not saved: " + problems.front();
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
        st.message = "Saved. New attempts use these settings.";
        st.message_is_error = false;
        showToast(app, "Settings saved");
    } catch (const StoreError& e) {
        st.message = std::string("Could not save: ") + e.what();
        st.message_is_error = true;
    }
}

}  // namespace

void enterSettingsScreen(AppState& app) { app.settings_screen.loaded = false; }  // fresh drafts each visit

void drawSettingsScreen(AppState& app) {
    SettingsState& st = app.settings_screen;
    if (!st.loaded) {
        st.draft = app.settings;
        st.prefs_draft = app.prefs;
        st.message.clear();
        st.loaded = true;
    }
    OrgSettings& d = st.draft;
    sectionHeader(icon::kCog, "Settings");
    const float col_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() + em(2.2f);

    beginCard("##org", ImVec2(col_w, -buttons_h));
    iconText(icon::kBuilding, colour::kAccent, "Organisation");
    mutedText("The blanks of the SOP template: filled in once per contact center, used by every scenario and score.");
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Company name");
    describe("company_name");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(-1);
    escapeKeepsText("##company");
    ImGui::InputText("##company", &d.company_name);
    recordItem("Company name");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Hold estimate");
    describe("hold_estimate");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(-1);
    escapeKeepsText("##hold");
    ImGui::InputText("##hold", &d.hold_estimate);
    recordItem("Hold estimate");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted("Answering");
    ImGui::PopFont();
    intRow("Answer within", "answer_within_rings", d.answer_within_rings, "rings");
    intRow("Seconds per ring", "ring_seconds", d.ring_seconds, "s");
    intRow("Accept chats within", "chat_answer_within_seconds", d.chat_answer_within_seconds, "s");
    intRow("Reply to chats within", "chat_response_within_seconds", d.chat_response_within_seconds, "s");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted("Quality targets (SOP section 6)");
    ImGui::PopFont();
    intRow("Average handle time", "target_handle_time_minutes", d.target_handle_time_minutes, "minutes");
    intRow("First contact resolution", "target_fcr_percent", d.target_fcr_percent, "%");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Customer satisfaction");
    describe("target_csat");
    ImGui::SameLine(em(17));
    ImGui::SetNextItemWidth(em(9));
    float csat = static_cast<float>(d.target_csat);
    const SettingSpec* csat_spec = settingSpec("target_csat");
    if (ImGui::SliderFloat("##csat", &csat, static_cast<float>(csat_spec->min), static_cast<float>(csat_spec->max), "%.1f / 5",
                           ImGuiSliderFlags_AlwaysClamp))
        d.target_csat = static_cast<double>(csat);
    intRow("Average speed of answer", "target_asa_seconds", d.target_asa_seconds, "s");
    intRow("Abandonment below", "max_abandonment_percent", d.max_abandonment_percent, "%");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted("Pass marks and certification");
    ImGui::PopFont();
    intRow("Scenario pass mark", "scenario_pass_mark", d.scenario_pass_mark, "% adherence");
    intRow("Third star from", "excellent_mark", d.excellent_mark, "% adherence");
    intRow("Quiz pass mark", "quiz_pass_mark", d.quiz_pass_mark, "%");
    intRow("Certificate valid for", "certificate_validity_months", d.certificate_validity_months, "months");
    intRow("Recertify within", "recertification_window_days", d.recertification_window_days, "days before expiry");
    intRow("Remind of refreshers", "refresher_reminder_days", d.refresher_reminder_days, "days ahead");
    endCard();
    ImGui::SameLine();

    beginCard("##display", ImVec2(0, -buttons_h));
    iconText(icon::kSliders, colour::kAccent, "This computer");
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(em(12));
    int percent = static_cast<int>(st.prefs_draft.ui_scale * 100.0f + 0.5f);
    if (ImGui::SliderInt("##scale", &percent, 80, 160, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        st.prefs_draft.ui_scale = static_cast<float>(percent) / 100.0f;
    recordItem("Text size");
    tooltip("Scales text and controls on top of the screen's own DPI scale.");
    ImGui::Checkbox("Sound: ring and chat chime", &st.prefs_draft.sound);
    recordItem("Sound");
    tooltip("Played through the computer's default audio device; silent where there is none.");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", st.prefs_draft.sound ? icon::kVolumeUp : icon::kVolumeOff);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    iconText(icon::kKeyboard, colour::kInfo, "Keyboard");
    mutedText("1-9 choose an option, Enter answers a call or plays the next scenario, Esc closes dialogs, "
              "Tab moves between fields, Ctrl+1..3 switches chats, arrow keys step through a replay.");
    ImGui::Spacing();
    iconText(icon::kDatabase, colour::kInfo, "Database");
    if (app.store) mutedText(app.store->locator().c_str());
    ImGui::Spacing();
    drawManagerPasswordSettings(app);
    ImGui::Spacing();
    drawTraineePinSetting(app);
    endCard();

    ImGui::Spacing();
    if (iconButton(icon::kSave, "Save settings", ButtonKind::Primary, ImVec2(em(12), em(2.2f)))) save(app);
    ImGui::SameLine();
    if (iconButton(icon::kUndo, "Content defaults", ButtonKind::Normal, ImVec2(0, em(2.2f)))) {
        st.draft = app.content.default_settings;
        st.message = "Defaults loaded: save to apply them.";
        st.message_is_error = false;
    }
    tooltip("Reset the organisation settings to the defaults shipped with the content.");
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.5f));
    if (!st.message.empty()) wrappedText(st.message.c_str(), st.message_is_error ? colour::kBad : colour::kGood);
}

}  // namespace frontline::ui
