// What a person types at the command line: checked numbers, UTF-8, strict options, and the
// dispatcher that turns every mistake into one line and exit 2 (or 1), never an abort.
#include <doctest/doctest.h>
#include <algorithm>
#include <limits>
#include <sstream>
#include "../temp_dir.hpp"
#include "cli.hpp"
#include "cli_runner.hpp"
#include "frontline/parse_number.hpp"
#include "frontline/utf8.hpp"

using namespace frontline;
using frontline::test::TempDir;
using Run = frontline::test::CliRun;
using frontline::test::runCli;

namespace {

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("numbers are parsed whole, in range, without exceptions") {
    CHECK(parseWholeNumber("42", 0, 100) == 42);
    CHECK(parseWholeNumber("-5", -10, 10) == -5);
    for (const char* bad : {"", "abc", "4x", " 4", "4 ", "+4", "0x10", "4.0", "99999999999999999999999", "101"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseWholeNumber(bad, 0, 100));
    }
    CHECK(parseUnsignedNumber("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
    CHECK_FALSE(parseUnsignedNumber("18446744073709551616"));
    CHECK_FALSE(parseUnsignedNumber("-1"));
    CHECK(parseDecimalNumber("4.5", 1, 5) == 4.5);
    CHECK_FALSE(parseDecimalNumber("1e999", 1, 5));
    CHECK_FALSE(parseDecimalNumber("nan", 1, 5));
    CHECK_FALSE(parseDecimalNumber("inf", 1, 1e300));
}

TEST_CASE("UTF-8 is checked strictly and stored junk is made printable") {
    CHECK(utf8::valid("Zoë Ñúñez"));
    CHECK(utf8::valid("€ 𝄞"));
    CHECK_FALSE(utf8::valid("Zo\xe9"));            // Latin-1
    CHECK_FALSE(utf8::valid("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(utf8::valid("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(utf8::valid("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(utf8::valid("\xe2\x82"));          // cut short
    CHECK(utf8::sanitized("Zo\xe9!") == "Zo\xef\xbf\xbd!");
    CHECK(utf8::valid(utf8::sanitized("\xff\xfe\xc3")));
    CHECK(utf8::length("Zoë Ñúñez") == 9);
}

TEST_CASE("columns count characters and cut at character boundaries") {
    CHECK(utf8::column("Zoë", 6) == "Zoë   ");
    CHECK(utf8::column("Zoë Ñúñez", 10) == "Zoë Ñúñez ");
    CHECK(utf8::column("Zoë Ñúñez Ortega", 10) == "Zoë Ñúñe… ");
    CHECK(utf8::length(utf8::column("ÑÑÑÑÑÑÑÑÑÑÑÑ", 5)) == 5);
    CHECK(utf8::valid(utf8::column("Zo\xe9 Zo\xe9 Zo\xe9", 5)));
}

TEST_CASE("options are checked against what the command accepts") {
    const cli::OptionSpec spec{{"--json"}, {"--seed"}, {"--notes"}, {"--pdf"}};
    auto args = cli::parseOptions({"x", "--seed", "5", "--notes=", "--json", "-5", "--db", "a.db"}, spec);
    CHECK(args.positional == std::vector<std::string>{"x", "-5"});
    CHECK(args.get("--seed") == "5");
    CHECK(args.has("--notes"));
    CHECK(args.get("--db") == "a.db");
    CHECK_THROWS_AS(cli::parseOptions({"--bogus", "1"}, spec), cli::UsageError);
    CHECK_THROWS_AS(cli::parseOptions({"--seed"}, spec), cli::UsageError);
    CHECK_THROWS_AS(cli::parseOptions({"--seed", ""}, spec), cli::UsageError);
    CHECK_THROWS_AS(cli::parseOptions({"--seed", "1", "--seed", "2"}, spec), cli::UsageError);
    CHECK_THROWS_AS(cli::parseOptions({"--json=1"}, spec), cli::UsageError);
    CHECK_THROWS_AS(cli::parseOptions({"--notes", "caf\xe9"}, spec), cli::UsageError);
    CHECK(cli::parseOptions({"--pdf", "caf\xe9.pdf"}, spec).get("--pdf") == "caf\xe9.pdf");  // file names need not be UTF-8
}

TEST_CASE("every malformed number is a usage error of one line, and no database is created") {
    TempDir dir;
    const std::string db = (dir / "new.db").string();
    const std::vector<std::vector<std::string>> cases = {
        {"play", "x", "--seed", "abc"},        {"play", "x", "--answer-after", "x"},
        {"play", "x", "--answers", "w99999999999"}, {"play", "x", "--answers", "99999999999999999999999"},
        {"play", "x", "--answers", "1,k0"},    {"play", "x", "--answers", ""},
        {"history", "--limit", "x"},           {"history", "--show", "abc"},
        {"history", "--show", "0"},            {"history", "--bogus", "1"},
        {"quiz", "x", "--seed", "-1"},         {"settings", "set", "nope", "1"},
        {"settings", "set", "ring_seconds", "100000"}, {"settings", "set", "certificate_validity_months", "-5"},
        {"trainees", "add", "Zo\xe9"},         {"certify", "status", "--at", "yesterday"},
    };
    for (auto argv : cases) {
        argv.insert(argv.end(), {"--db", db});
        CAPTURE(argv[0] + " " + argv[1] + " " + argv[2]);
        auto r = runCli(argv);
        CHECK(r.code == 2);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.rfind("frontline: ", 0) == 0);
        CHECK(utf8::valid(r.err));
        CHECK_FALSE(std::filesystem::exists(db));
    }
}

TEST_CASE("the usage error names the setting and its range") {
    TempDir dir;
    auto r = runCli({"settings", "set", "ring_seconds", "100000", "--db", (dir / "s.db").string()});
    CHECK(r.err.find("'ring_seconds'") != std::string::npos);
    CHECK(r.err.find("1 to 30 seconds") != std::string::npos);
}

TEST_CASE("--version, help CMD and unknown commands") {
    auto v = runCli({"--version"});
    CHECK(v.code == 0);
    CHECK(v.out.rfind("frontline ", 0) == 0);
    auto h = runCli({"help", "play"});
    CHECK(h.code == 0);
    CHECK(h.out.find("usage: frontline play") != std::string::npos);
    CHECK(runCli({"help", "nope"}).code == 2);
    CHECK(runCli({"nope"}).code == 2);
    CHECK(runCli({"--version", "x"}).code == 2);
}
