// The Settings screen enforces the same ranges as settings.json and `frontline settings set`:
// numbers are clamped to their range as they are typed, text outside its range is refused on save.
#include "harness.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

void openSettings(Harness& h) {
    h.openApp("Ana Lima");
    h.click("Settings");
    REQUIRE(h.app.screen == ui::ScreenId::Settings);
}

// An InputInt's recorded rect spans the field and its -/+ buttons; its centre is near the
// buttons, so click a little inside the field's left edge instead, then type over the value.
void typeNumber(Harness& h, const std::string& label, const std::string& text) {
    REQUIRE(h.visible(label));
    const auto& rect = h.recorder.items.at(label);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(rect.min.x + ImGui::GetFontSize(), (rect.min.y + rect.max.y) * 0.5f);
    h.frame();
    io.MouseDown[0] = true;
    h.frame();
    io.MouseDown[0] = false;
    h.frames(2);
    h.press(kA, true);
    h.type(text);
}

}  // namespace

TEST_CASE("the Settings screen clamps numbers typed outside their range") {
    Harness h;
    openSettings(h);
    typeNumber(h, "Seconds per ring", "100000");
    typeNumber(h, "Certificate valid for", "99999");
    h.press(kTab);
    CHECK(h.app.settings_screen.draft.ring_seconds == static_cast<int>(settingSpec("ring_seconds")->max));
    CHECK(h.app.settings_screen.draft.certificate_validity_months == static_cast<int>(settingSpec("certificate_validity_months")->max));
    h.click("Save settings");
    const OrgSettings saved = h.app.store->settings(h.app.content.default_settings);
    CHECK(saved.ring_seconds == 30);
    CHECK(saved.certificate_validity_months == 120);
    CHECK(settingsProblems(saved).empty());
}

TEST_CASE("the Settings screen refuses to save text outside its range and says why") {
    Harness h;
    openSettings(h);
    const OrgSettings before = h.app.store->settings(h.app.content.default_settings);
    h.fill("Company name", std::string(101, 'x'));
    h.click("Save settings");
    CHECK(h.app.settings_screen.message_is_error);
    CHECK(h.app.settings_screen.message.find("'company_name'") != std::string::npos);
    CHECK(h.app.settings_screen.message.find("1 to 100 characters") != std::string::npos);
    CHECK(h.app.store->settings(h.app.content.default_settings).company_name == before.company_name);
    CHECK(h.app.settings.company_name == before.company_name);

    h.fill("Company name", "Northwind Energy");
    h.click("Save settings");
    CHECK_FALSE(h.app.settings_screen.message_is_error);
    CHECK(h.app.store->settings(h.app.content.default_settings).company_name == "Northwind Energy");
}

TEST_CASE("the Settings screen marks the organisation's values, resets one to settings.json and saves only edits") {
    Harness h;
    h.openApp("Ana Lima");
    h.app.store->setSettings({{"ring_seconds", 9}});
    h.app.settings = h.app.store->settings(h.app.content.default_settings);
    h.click("Settings");
    REQUIRE(h.app.screen == ui::ScreenId::Settings);
    h.frames(2);
    CHECK(h.visible("Reset Seconds per ring"));  // set by the organisation: marked, with its reset
    CHECK_FALSE(h.visible("Reset Quiz pass mark"));

    h.click("Reset Seconds per ring");
    CHECK(h.app.settings_screen.draft.ring_seconds == h.app.content.default_settings.ring_seconds);
    h.fill("Company name", "Northwind Energy");
    h.click("Save settings");
    CHECK_FALSE(h.app.settings_screen.message_is_error);
    CHECK(h.app.store->settingOverrides() == nlohmann::json{{"company_name", "Northwind Energy"}});
    h.frames(2);
    CHECK_FALSE(h.visible("Reset Seconds per ring"));
    CHECK(h.visible("Reset Company name"));
}
