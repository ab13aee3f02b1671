// Translations: the catalogs the build compiled (share/locale), language switching, plural forms,
// contexts, and the language-dependent formats.
#include <doctest/doctest.h>
#include <cstdlib>
#include <limits>
#include <string>
#include "frontline/i18n.hpp"
#include "test_support.hpp"

using namespace frontline;
using test::LanguageScope;

TEST_CASE("the build compiles a Spanish catalog and the language list names it in Spanish") {
    LanguageScope english("en");
    bool spanish = false;
    for (const auto& l : i18n::languages()) spanish = spanish || (l.code == "es" && l.native_name == "Español");
    CHECK(spanish);
    CHECK(i18n::languages().front().code == "en");
    CHECK(i18n::language() == "en");  // listing the languages switches back
}

TEST_CASE("switching the language changes the messages and back again") {
    LanguageScope scope("es");
    CHECK(i18n::language() == "es");
    CHECK(std::string(trc("month", "December")) == "diciembre");
    i18n::setLanguage("en");
    CHECK(std::string(trc("month", "December")) == "December");
    i18n::setLanguage("es_MX.UTF-8");  // a locale name: its language part
    CHECK(i18n::language() == "es");
    i18n::setLanguage("tlh");  // no catalog: English
    CHECK(i18n::language() == "en");
    CHECK(std::string(tr("a message nobody translated")) == "a message nobody translated");
}

TEST_CASE("dates and decimals follow the language") {
    LanguageScope scope("en");
    CHECK(i18n::longDate("2026-12-01") == "1 December 2026");
    CHECK(i18n::shortDate("2026-05-03T10:00:00Z") == "3 May 2026");
    CHECK(i18n::decimal(87.45, 1) == "87.5");
    i18n::setLanguage("es");
    CHECK(i18n::longDate("2026-12-01") == "1 de diciembre de 2026");
    CHECK(i18n::shortDate("2026-05-03") == "3 may 2026");
    CHECK(i18n::decimal(87.45, 1) == "87,5");
    CHECK(i18n::longDate("not a date") == "not a date");
    CHECK(i18n::longDate("2026-13-01") == "2026-13-01");
}

TEST_CASE("counts group their digits as the language does") {
    LanguageScope scope("en");
    CHECK(i18n::wholeNumber(0) == "0");
    CHECK(i18n::wholeNumber(999) == "999");
    CHECK(i18n::wholeNumber(4765) == "4,765");
    CHECK(i18n::wholeNumber(-1234567) == "-1,234,567");
    CHECK(i18n::wholeNumber(std::numeric_limits<long long>::min()) == "-9,223,372,036,854,775,808");
    i18n::setLanguage("es");
    CHECK(i18n::wholeNumber(4765) == "4\u00a0765");
    CHECK(i18n::wholeNumber(1234567) == "1\u00a0234\u00a0567");
}

TEST_CASE("the system language comes from LANGUAGE, then LC_ALL, LC_MESSAGES and LANG") {
    LanguageScope scope("en");
    const auto keep = [](const char* var) { const char* v = std::getenv(var); return v ? std::string(v) : std::string("\x01"); };
    const std::string language = keep("LANGUAGE"), all = keep("LC_ALL"), lang = keep("LANG");
    unsetenv("LANGUAGE");
    setenv("LC_ALL", "es_ES.UTF-8", 1);
    CHECK(i18n::systemLanguage() == "es");
    setenv("LC_ALL", "C.UTF-8", 1);
    CHECK(i18n::systemLanguage() == "en");
    setenv("LANGUAGE", "fr:es", 1);  // no French catalog: the next one
    CHECK(i18n::systemLanguage() == "es");
    const auto put = [](const char* var, const std::string& v) { v == "\x01" ? unsetenv(var) : setenv(var, v.c_str(), 1); };
    put("LANGUAGE", language);
    put("LC_ALL", all);
    put("LANG", lang);
}

TEST_CASE("positional placeholders may be reordered by a translation") {
    CHECK(fmt("{0} of {1} steps", 3, 7) == "3 of 7 steps");
    CHECK(fmt("{1}: {0}", "a", "b") == "b: a");
    CHECK(fmt("{{0}} stays, {2} has no value", 1) == "{0} stays, {2} has no value");
    CHECK(fmt("{x} and { and }", 1) == "{x} and { and }");
}

TEST_CASE("plural forms come from the catalog's rule") {
    LanguageScope scope("en");
    CHECK(std::string(trn("%d file", "%d files", 1)) == "%d file");
    CHECK(std::string(trn("%d file", "%d files", 2)) == "%d files");
}
