// The manager's gate in the window (issue 11): on a local file with a manager password, Settings,
// Team and issuing a certificate ask for it once per trainee session; a wrong password opens
// nothing and three in a row make the next try wait; the keys typed into the dialog reach no screen.
#include "harness.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

constexpr const char* kPassword = "blue-harbour-42";

// A desk whose file has a manager password, with two trainees; Ana is at the desk, locked.
void openProtectedDesk(Harness& h) {
    h.openApp("Ana Lima");
    h.app.store->createTrainee("Ben Okafor", "");
    h.app.store->setManagerPassword(kPassword);
    ui::lockManager(h.app);
    ui::navigate(h.app, ui::ScreenId::Home);
    h.frames(2);
}

void giveManagerPassword(Harness& h, const std::string& password) {
    REQUIRE(h.visible("Manager password field"));
    h.fill("Manager password field", password);
    CHECK(h.app.manager_gate.password == password);
    CHECK(h.enabled("Unlock"));
    h.click("Unlock");
}

}  // namespace

TEST_CASE("without a manager password, Settings opens at once: a desk at home has no gate") {
    Harness h;
    h.openApp("Ana Lima");
    h.click("Settings");
    CHECK(h.app.screen == ui::ScreenId::Settings);
    CHECK_FALSE(h.visible("Manager password field"));
}

TEST_CASE("a manager password set in Settings guards Settings and Team for the next trainee") {
    Harness h;
    h.openApp("Ana Lima");
    h.app.store->createTrainee("Ben Okafor", "");
    h.click("Settings");
    h.fill("New manager password", kPassword);
    h.fill("Repeat manager password", "something else");
    h.click("Set password");
    CHECK_FALSE(h.app.store->managerPasswordSet());
    CHECK(h.app.settings_screen.message_is_error);
    h.fill("Repeat manager password", kPassword);
    h.fill("New manager password", kPassword);
    h.click("Set password");
    REQUIRE(h.app.store->managerPasswordSet());
    CHECK(h.app.settings_screen.new_password.empty());  // nothing typed stays in memory

    ui::selectTrainee(h.app, *h.app.store->traineeByName("Ben Okafor"));
    h.frames(2);
    h.click("Team");
    CHECK(h.app.screen == ui::ScreenId::Home);
    giveManagerPassword(h, kPassword);
    CHECK(h.app.screen == ui::ScreenId::Certification);
    h.click("Settings");  // once unlocked, for the rest of this trainee's session
    CHECK(h.app.screen == ui::ScreenId::Settings);
}

TEST_CASE("a wrong manager password opens nothing, and the fourth try waits") {
    Harness h;
    openProtectedDesk(h);
    h.click("Settings");
    for (int i = 0; i < 3; ++i) giveManagerPassword(h, "guess-" + std::to_string(i));
    CHECK(h.app.screen == ui::ScreenId::Home);
    CHECK(h.app.manager_gate.error == "That is not the manager password.");
    CHECK_FALSE(h.enabled("Manager password field"));
    h.wait(31);
    CHECK(h.enabled("Manager password field"));
    giveManagerPassword(h, kPassword);
    CHECK(h.app.screen == ui::ScreenId::Settings);
}

TEST_CASE("Esc cancels the dialog, and Enter in it submits the password without playing a call") {
    Harness h;
    openProtectedDesk(h);
    h.click("Team");
    REQUIRE(h.visible("Manager password field"));
    h.press(kEscape);
    CHECK_FALSE(h.app.manager_gate.open);
    CHECK(h.app.screen == ui::ScreenId::Home);

    h.click("Team");
    h.fill("Manager password field", kPassword);
    h.press(kEnter);  // on Home, Enter alone would start the next scenario
    h.frames(2);
    CHECK(h.app.screen == ui::ScreenId::Certification);
    CHECK_FALSE(h.app.call.session);
}

TEST_CASE("switching trainee or Lock now closes the manager's screens again") {
    Harness h;
    openProtectedDesk(h);
    h.click("Settings");
    giveManagerPassword(h, kPassword);
    REQUIRE(h.app.screen == ui::ScreenId::Settings);
    h.click("Lock now");
    CHECK(h.app.screen == ui::ScreenId::Home);
    h.click("Settings");
    CHECK(h.visible("Manager password field"));
    giveManagerPassword(h, kPassword);
    REQUIRE(h.app.screen == ui::ScreenId::Settings);

    ui::selectTrainee(h.app, *h.app.store->traineeByName("Ben Okafor"));
    h.frames(2);
    h.click("Settings");
    CHECK(h.app.screen == ui::ScreenId::Home);
    CHECK(h.visible("Manager password field"));
}
