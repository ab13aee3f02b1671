// Search that ignores case and accents in every script (utf8::foldForSearch), the one matching
// rule of the knowledge base, the scenario library, the Team screen and trainee look-ups.
#include <algorithm>
#include <vector>
#include <doctest/doctest.h>
#include "frontline/team_overview.hpp"
#include "frontline/utf8.hpp"

using namespace frontline;

TEST_CASE("search folding ignores case in Latin, Greek and Cyrillic") {
    CHECK(utf8::foldForSearch("Password RESET") == "password reset");
    CHECK(utf8::foldForSearch("ÉLÈNE") == utf8::foldForSearch("élène"));
    CHECK(utf8::foldForSearch("ÉLÈNE") == "elene");
    CHECK(utf8::foldForSearch("ΕΛΈΝΗ") == utf8::foldForSearch("ελένη"));
    CHECK(utf8::foldForSearch("Иванова") == "иванова");
    CHECK(utf8::containsFolded("Анна ИВАНОВА", "иванова"));
    CHECK(utf8::containsFolded("Ελένη Παπαδοπούλου", "ΕΛΕΝΗ"));
    CHECK_FALSE(utf8::containsFolded("Анна Петрова", "иванова"));
}

TEST_CASE("search folding lets a Spanish or German search skip accents and sharp s") {
    CHECK(utf8::containsFolded("Error de facturación en el recibo", "facturacion"));
    CHECK(utf8::containsFolded("Error de facturacion en el recibo", "FACTURACIÓN"));
    CHECK(utf8::containsFolded("Cambio de contraseña", "CONTRASENA"));
    CHECK(utf8::containsFolded("Hauptstraße 5", "STRASSE"));
    CHECK(utf8::foldForSearch("Straße") == utf8::foldForSearch("STRASSE"));
    CHECK(utf8::foldForSearch("Ü") == "u");
    CHECK_FALSE(utf8::containsFolded("facturación", "factura electrónica"));
}

TEST_CASE("search folding leaves other scripts searchable and an empty search matches everything") {
    CHECK(utf8::containsFolded("客户 王小明 来电", "王小明"));
    CHECK_FALSE(utf8::containsFolded("客户 王小明 来电", "李"));
    CHECK(utf8::containsFolded("anything", ""));
    CHECK(utf8::containsFolded("", ""));
    CHECK_FALSE(utf8::containsFolded("", "a"));
}

TEST_CASE("search folding survives invalid UTF-8 and still matches the valid parts") {
    const std::string broken = std::string("Caf\xC3") + " \xFF\xFE ÉLÈNE \xE2\x82";  // cut and stray bytes
    const std::string folded = utf8::foldForSearch(broken);
    CHECK(utf8::valid(folded));
    CHECK(utf8::containsFolded(broken, "elene"));
    CHECK(utf8::containsFolded(broken, "caf"));
    CHECK_FALSE(utf8::containsFolded(broken, "xyz"));
    CHECK_FALSE(utf8::containsFolded("ÉLÈNE", std::string("\xC3")));
}

TEST_CASE("the folded sort order puts accented names beside their plain letters and is strict") {
    std::vector<std::string> names = {"Zoë", "élodie", "Emma", "ÉLODIE", "Anna", "Ödön", "oscar"};
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return utf8::lessFolded(a, b); });
    CHECK(names == std::vector<std::string>{"Anna", "ÉLODIE", "élodie", "Emma", "Ödön", "oscar", "Zoë"});
    CHECK_FALSE(utf8::lessFolded("Anna", "Anna"));
    CHECK(utf8::lessFolded("ÉLODIE", "élodie") != utf8::lessFolded("élodie", "ÉLODIE"));
}

TEST_CASE("a trainee name identifies someone: the desk's copy matches case but keeps accents") {
    CHECK(utf8::lowerCase("ÉLÈNE Иванова") == "élène иванова");
    CHECK(utf8::lowerCase("René") != utf8::lowerCase("Rene"));
    CHECK(utf8::valid(utf8::lowerCase("bad \xC3 byte")));
}

TEST_CASE("the Team screen finds and sorts trainees by name whatever their case, accents and script") {
    TeamOverview overview;
    for (const char* name : {"Zoë Walsh", "élodie Martin", "Ελένη Παπαδοπούλου", "Анна Иванова", "ÉLODIE Roux", "Emma Stone", "王小明"}) {
        TeamMember m;
        m.trainee.name = name;
        m.trainee.team = "Team A";
        overview.members.push_back(m);
    }
    const auto names = [&](const std::vector<size_t>& picked) {
        std::vector<std::string> out;
        for (size_t i : picked) out.push_back(overview.members[i].trainee.name);
        return out;
    };
    TeamFilter filter;
    filter.search = "ИВАНОВА";
    CHECK(names(selectMembers(overview, filter)) == std::vector<std::string>{"Анна Иванова"});
    filter.search = "ελενη";  // no tonos, lower case
    CHECK(names(selectMembers(overview, filter)) == std::vector<std::string>{"Ελένη Παπαδοπούλου"});
    filter.search = "Elodie";
    CHECK(names(selectMembers(overview, filter)) == std::vector<std::string>{"élodie Martin", "ÉLODIE Roux"});
    filter.search = "";
    CHECK(names(selectMembers(overview, filter)) ==
          std::vector<std::string>{"élodie Martin", "ÉLODIE Roux", "Emma Stone", "Zoë Walsh", "Ελένη Παπαδοπούλου", "Анна Иванова", "王小明"});
    filter.descending = true;
    CHECK(names(selectMembers(overview, filter)).front() == "王小明");
}
