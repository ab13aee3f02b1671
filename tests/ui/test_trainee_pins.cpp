// Trainee PINs in the window (issue 11): with the file's trainee_pin_digits setting on, picking a
// profile asks for its PIN (a profile without one chooses it), the last trainee is not opened for
// whoever sits down next, Sign out leaves the desk, and a manager resets a forgotten PIN in Team.
#include "../temp_dir.hpp"
#include "harness.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

// Ana is at the desk on a real file; Ben has a profile; the organisation turns PINs on (4 digits).
void openDeskWithPins(Harness& h, const TempDir& dir) {
    h.app.content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    REQUIRE(h.app.content.sop_loaded);
    h.app.store.emplace(Store::open(dir.path() / "frontline.db"));
    h.app.store->createTrainee("Ben Okafor", "Blue");
    ui::openApp(h.app, "Ana Lima");
    OrgSettings settings = h.app.settings;
    settings.trainee_pin_digits = 4;
    h.app.store->saveSettings(settings);
    h.app.settings = settings;
    h.frames(2);
}

void pickProfile(Harness& h, const std::string& name) {
    ui::navigate(h.app, ui::ScreenId::Profile);
    h.frames(2);
    h.click(name);
}

}  // namespace

TEST_CASE("with trainee PINs on, a profile without one chooses it, and then signs in only with it") {
    TempDir dir;
    Harness h;
    openDeskWithPins(h, dir);
    pickProfile(h, "Ben Okafor");
    REQUIRE(h.app.pin_sign_in.open);
    CHECK(h.app.pin_sign_in.choosing);
    CHECK(h.app.trainee->name == "Ana Lima");  // nothing changes before the PIN
    h.fill("New PIN", "123");
    h.fill("Repeat the PIN", "123");
    h.click("Set PIN and start");
    CHECK(h.app.pin_sign_in.error.find("4 to 12 digits") != std::string::npos);
    CHECK(h.app.pin_sign_in.pin.empty());  // nothing typed stays in memory
    h.fill("New PIN", "5820");
    h.fill("Repeat the PIN", "5820");
    h.click("Set PIN and start");
    REQUIRE(h.app.trainee);
    CHECK(h.app.trainee->name == "Ben Okafor");
    CHECK_FALSE(h.app.pin_sign_in.open);
    CHECK(h.app.store->traineePinSet(h.app.trainee->id));

    pickProfile(h, "Sign out");
    CHECK_FALSE(h.app.trainee);
    h.click("Ben Okafor");
    REQUIRE(h.app.pin_sign_in.open);
    CHECK_FALSE(h.app.pin_sign_in.choosing);
    h.fill("PIN", "0000");
    h.press(kEnter);
    CHECK_FALSE(h.app.trainee);
    CHECK(h.app.pin_sign_in.error == "That is not Ben Okafor's PIN.");
    h.fill("PIN", "5820");
    h.press(kEnter);
    REQUIRE(h.app.trainee);
    CHECK(h.app.trainee->name == "Ben Okafor");
    CHECK(h.app.screen == ui::ScreenId::Home);
}

TEST_CASE("with trainee PINs on, the window does not reopen the last trainee, and Esc keeps the desk as it was") {
    TempDir dir;
    Harness h;
    openDeskWithPins(h, dir);
    ui::AppState& app = h.app;
    app.trainee.reset();
    ui::openApp(app);  // as the next start: last_trainee is Ana
    h.frames(2);
    CHECK_FALSE(app.trainee);
    CHECK(app.screen == ui::ScreenId::Profile);
    h.click("Ana Lima");
    REQUIRE(app.pin_sign_in.open);
    h.press(kEscape);
    CHECK_FALSE(app.pin_sign_in.open);
    CHECK_FALSE(app.trainee);
    // Without the policy, one click, as a desk at home has always been.
    OrgSettings settings = app.settings;
    settings.trainee_pin_digits = 0;
    app.store->saveSettings(settings);
    app.settings = settings;
    h.frames(1);
    h.click("Ana Lima");
    CHECK_FALSE(app.pin_sign_in.open);
    REQUIRE(app.trainee);
    CHECK(app.trainee->name == "Ana Lima");
}

TEST_CASE("five wrong PINs pause the profile, and a manager's reset in Team lets the trainee choose again") {
    TempDir dir;
    Harness h;
    openDeskWithPins(h, dir);
    const std::int64_t ben = h.app.store->traineeByName("Ben Okafor")->id;
    h.app.store->setTraineePin(ben, "5820", 4);
    pickProfile(h, "Ben Okafor");
    for (int i = 0; i < kPinFreeTries; ++i) {
        h.fill("PIN", "111" + std::to_string(i));
        h.click("Sign in");
    }
    CHECK(h.app.pin_sign_in.error.find("5 wrong PINs in a row") == 0);
    h.fill("PIN", "5820");
    h.click("Sign in");
    CHECK(h.app.trainee->name == "Ana Lima");  // paused: even the right PIN waits
    h.click("Cancel");

    ui::navigate(h.app, ui::ScreenId::Certification);  // no manager password: Ana may open Team
    for (int i = 0; i < 5 && (ui::teamLoading(h.app) || !h.app.certification.valid); ++i) {
        ui::finishTeamLoad(h.app);
        h.frames(1);
    }
    h.frames(1);
    h.click("trainee:Ben Okafor");
    REQUIRE(h.visible("reset-pin:Ben Okafor"));
    h.click("reset-pin:Ben Okafor");
    CHECK_FALSE(h.app.store->traineePinSet(ben));
    CHECK_FALSE(h.visible("reset-pin:Ben Okafor"));
    CHECK(h.app.store->auditTrail().front().new_value.find("reset") == 0);

    pickProfile(h, "Ben Okafor");
    CHECK(h.app.pin_sign_in.choosing);
}
