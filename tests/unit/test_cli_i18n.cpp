// The command line in Spanish: --language before or after the command, Spanish help and errors,
// plural forms from the catalog, and --json output that does not depend on the language.
#include <doctest/doctest.h>
#include <algorithm>
#include <string>
#include "cli_runner.hpp"
#include "frontline/i18n.hpp"
#include "test_support.hpp"

using namespace frontline;
using frontline::test::runCli;
using Run = frontline::test::CliRun;

namespace {

// gettext bound to the build's catalogs, English in effect before and after the test.
struct EnglishAround {
    EnglishAround() {
        i18n::init();
        i18n::setLanguage("en");
    }
    ~EnglishAround() { i18n::setLanguage("en"); }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("--language es gives Spanish help, before or after the command, and leaves the language as it was") {
    EnglishAround english;
    const Run help = runCli({"--language", "es", "--help"});
    CHECK(help.code == 0);
    CHECK(has(help.out, "comandos:"));
    CHECK(has(help.out, "simulador de formación y certificación"));
    CHECK(has(help.out, "jugar un escenario en la terminal"));  // the command table's summaries too
    CHECK_FALSE(has(help.out, "commands:"));
    CHECK(i18n::language() == "en");
    CHECK(has(runCli({"--help"}).out, "commands:"));

    const Run play_help = runCli({"play", "--help", "--language=es"});
    CHECK(play_help.code == 0);
    CHECK(has(play_help.out, "uso: frontline play ESCENARIO"));
    CHECK(has(runCli({"help", "play", "--language", "es"}).out, "uso: frontline play ESCENARIO"));
}

TEST_CASE("a bad option is refused in Spanish with the same exit code") {
    EnglishAround english;
    const Run spanish = runCli({"--language", "es", "play", "--bogus"});
    CHECK(spanish.code == 2);
    CHECK(spanish.err == "frontline: opción desconocida --bogus (consulta `frontline help play`)\n");
    const Run english_run = runCli({"play", "--bogus"});
    CHECK(english_run.code == 2);
    CHECK(english_run.err == "frontline: unknown option --bogus (see `frontline help play`)\n");

    const Run unknown = runCli({"--language", "tlh", "--help"});
    CHECK(unknown.code == 2);
    CHECK(has(unknown.err, "unknown language 'tlh' (available: en, es)"));
    CHECK(runCli({"play", "--language"}).code == 2);  // a value is needed
}

TEST_CASE("plural forms come from the catalog: 1 file, 2 files") {
    EnglishAround english;
    const std::string a = (test::fixturesDir() / "bad" / "dangling_next.json").string();
    const std::string b = (test::fixturesDir() / "bad" / "dead_end.json").string();
    CHECK(has(runCli({"validate", a, "--language", "es"}).out, "1 archivo revisado: "));
    CHECK(has(runCli({"validate", a, b, "--language", "es"}).out, "2 archivos revisados: "));
    CHECK(has(runCli({"validate", a}).out, "1 file checked: "));
    CHECK(has(runCli({"validate", a, b}).out, "2 files checked: "));
}

namespace {

// The JSON without the content's shown titles: those come from the content's translation overlay
// (play --list, which also sorts by the title shown), the rest of the JSON is the program's and
// must not change with the language. Lists of items with ids are compared in id order.
nlohmann::json withoutTitles(nlohmann::json j) {
    if (j.is_object()) {
        j.erase("title");
        for (auto& [key, value] : j.items()) value = withoutTitles(value);
    } else if (j.is_array()) {
        for (auto& value : j) value = withoutTitles(value);
        std::stable_sort(j.begin(), j.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
            return a.is_object() && b.is_object() && a.value("id", std::string()) < b.value("id", std::string());
        });
    }
    return j;
}

}  // namespace

TEST_CASE("--json output is the same in English and Spanish, but for the content's translated titles") {
    EnglishAround english;
    const std::string bad = (test::fixturesDir() / "bad" / "dangling_next.json").string();
    for (const std::vector<std::string>& command : {std::vector<std::string>{"play", "--list", "--json"},
                                                     std::vector<std::string>{"validate", bad, "--json"},
                                                     std::vector<std::string>{"coverage", "--json"}}) {
        INFO(command.front());
        const Run english_run = runCli(command);
        std::vector<std::string> in_spanish = command;
        in_spanish.insert(in_spanish.begin(), {"--language", "es"});
        const Run spanish = runCli(in_spanish);
        CHECK(spanish.code == english_run.code);
        CHECK_FALSE(english_run.out.empty());
        CHECK(withoutTitles(nlohmann::json::parse(spanish.out)) == withoutTitles(nlohmann::json::parse(english_run.out)));
    }
}
