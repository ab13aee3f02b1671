// The window in another language: the Settings picker switches every label at once, keeps the
// choice as this desk's preference, applies it when the app opens again, and switches back.
#include "frontline/i18n.hpp"
#include "harness.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

// The catalogs bound as the program binds them, English to start with; English again afterwards
// whatever the test switched to (the other UI tests match English labels).
struct EnglishAfterwards {
    EnglishAfterwards() {
        i18n::init();
        i18n::setLanguage("en");
    }
    ~EnglishAfterwards() { i18n::setLanguage("en"); }
};

void openSettings(Harness& h) {
    h.openApp("Ana Lima");
    ui::navigate(h.app, ui::ScreenId::Settings);
    h.frames(2);
    REQUIRE(h.app.screen == ui::ScreenId::Settings);
}

void pickLanguage(Harness& h, const std::string& name) {
    REQUIRE(h.visible("Language / Idioma"));
    h.click("Language / Idioma");
    REQUIRE(h.visible(name));
    h.click(name);
    h.frames(2);
}

}  // namespace

TEST_CASE("the language picker turns the window Spanish at once and back to English") {
    EnglishAfterwards english;
    Harness h;
    openSettings(h);
    CHECK(h.visible("Save settings"));

    pickLanguage(h, "Español");
    CHECK(i18n::language() == "es");
    CHECK(h.app.store->preference("language") == std::optional<std::string>("es"));
    CHECK(h.visible("Guardar configuración"));
    CHECK(h.visible("Nombre de la empresa"));
    CHECK_FALSE(h.visible("Save settings"));
    CHECK(h.visible("Language / Idioma"));  // both names: the way back is readable in any language

    // Every screen follows, not just the one where the language was picked.
    h.click("Inicio");
    REQUIRE(h.app.screen == ui::ScreenId::Home);
    CHECK(h.visible("Jugar ahora"));
    CHECK(h.visible("Escenarios"));
    CHECK_FALSE(h.visible("Play now"));

    h.click("Configuración");
    pickLanguage(h, "English");
    CHECK(i18n::language() == "en");
    CHECK(h.app.store->preference("language") == std::optional<std::string>("en"));
    CHECK(h.visible("Save settings"));
    CHECK_FALSE(h.visible("Guardar configuración"));
}

TEST_CASE("System default forgets the desk's language and returns to the one the program started in") {
    EnglishAfterwards english;
    Harness h;
    openSettings(h);
    pickLanguage(h, "Español");
    REQUIRE(i18n::language() == "es");
    pickLanguage(h, "Predeterminado del sistema");
    CHECK(h.app.store->preference("language") == std::optional<std::string>(""));
    CHECK(i18n::language() == "en");
    CHECK(h.visible("Save settings"));
}

TEST_CASE("the desk's language preference is applied when the app opens, and --language beats it for one run") {
    EnglishAfterwards english;
    Harness h;
    h.openApp("Ana Lima");
    h.app.store->setPreference("language", "es");

    ui::openApp(h.app, "Ana Lima");
    ui::applyLanguage(h.app);
    h.frames(2);
    CHECK(i18n::language() == "es");
    CHECK(h.visible("Jugar ahora"));

    // What the window's --language en does: this run in English, the preference left alone.
    h.app.startup_language = "en";
    h.app.language_forced = true;
    ui::applyLanguage(h.app);
    h.frames(2);
    CHECK(i18n::language() == "en");
    CHECK(h.visible("Play now"));
    CHECK(h.app.store->preference("language") == std::optional<std::string>("es"));
}

TEST_CASE("Spanish text is translated with plural forms and a decimal comma") {
    EnglishAfterwards english;
    i18n::setLanguage("es");
    CHECK(std::string(trn("{0} attempt saved.", "{0} attempts saved.", 1)) == "{0} intento guardado.");
    CHECK(std::string(trn("{0} attempt saved.", "{0} attempts saved.", 3)) == "{0} intentos guardados.");
    CHECK(fmt(tr("Handle time {0} / target {1}"), "4:05", "6:00") == "Tiempo de gestión 4:05 / objetivo 6:00");
    CHECK(i18n::decimal(4.5, 1) == "4,5");
}

// Settings may sit behind the manager password; the language a trainee trains in must not.
TEST_CASE("on a desk with a manager password a trainee picks the language on the Profile screen") {
    EnglishAfterwards english;
    Harness h;
    h.openApp("Ana Lima");
    h.app.store->setManagerPassword("blue-harbour-42");
    ui::lockManager(h.app);
    h.click("Settings");
    REQUIRE(h.visible("Manager password field"));  // Settings stays closed to the trainee
    CHECK(h.app.screen != ui::ScreenId::Settings);
    h.press(kEscape);
    h.frames(2);

    ui::navigate(h.app, ui::ScreenId::Profile);
    h.frames(2);
    REQUIRE(h.app.screen == ui::ScreenId::Profile);
    pickLanguage(h, "Español");
    CHECK(i18n::language() == "es");
    CHECK(h.app.store->preference("language") == std::optional<std::string>("es"));
    CHECK(h.visible("Nuevo participante"));
    CHECK_FALSE(h.visible("Manager password field"));
}

TEST_CASE("the first-run welcome offers the language before anyone types a name") {
    EnglishAfterwards english;
    Harness h;
    h.openApp();
    REQUIRE(h.app.screen == ui::ScreenId::Profile);
    CHECK(h.visible("Start training"));
    pickLanguage(h, "Español");
    CHECK(i18n::language() == "es");
    CHECK(h.visible("Empezar la formación"));
    CHECK_FALSE(h.visible("Start training"));
}
