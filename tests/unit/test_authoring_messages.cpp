// What an author reads when content is wrong: one position per message, what was found and what
// was expected (the JSON syntax, the schema's type or allowed values, the CRM label), and what
// `validate` says about single files of every kind, golden files that drifted and scenarios
// without one.
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include "../temp_dir.hpp"
#include "cli_runner.hpp"
#include "frontline/content.hpp"
#include "test_support.hpp"

using namespace frontline;
using frontline::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// `text` with the first `from` replaced by `to` (which must be there: the test is about it).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// 1-based line and column of the first `needle` in `text` (ASCII text), counted here by hand.
std::pair<int, int> positionOf(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, needle);
    int line = 1, col = 1;
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return {line, col};
}

Diagnostic syntaxError(const std::string& text) {
    std::vector<Diagnostic> diags;
    CHECK_FALSE(parseJsonDocument("draft.json", text, diags).has_value());
    REQUIRE(diags.size() == 1);
    return diags[0];
}

const Diagnostic* find(const std::vector<Diagnostic>& diags, const std::string& pointer) {
    for (const auto& d : diags)
        if (d.json_path == pointer) return &d;
    return nullptr;
}

std::string bundledScenarioText() { return readText(test::contentDir() / "scenarios" / "model-inbound-call.json"); }

}  // namespace

TEST_CASE("a JSON syntax error says what was expected, at one column") {
    SUBCASE("missing comma between members") {
        const std::string text = "{\n  \"id\": \"x\"\n  \"title\": \"y\"\n}\n";
        Diagnostic d = syntaxError(text);
        CHECK(d.line == 3);
        CHECK(d.column == 3);
        CHECK(d.message == "invalid JSON: missing comma: expected ',' or '}' after the member, found \"title\"");
        CHECK(format(d) == "draft.json:3:3: error: invalid JSON: missing comma: expected ',' or '}' after the member, found \"title\"");
    }
    SUBCASE("missing comma between items") {
        Diagnostic d = syntaxError("{\"tags\": [\"a\"\n   \"b\"]}");
        CHECK(d.line == 2);
        CHECK(d.column == 4);
        CHECK(d.message == "invalid JSON: missing comma: expected ',' or ']' after the item, found \"b\"");
    }
    SUBCASE("trailing comma") {
        Diagnostic d = syntaxError("{\"a\": 1,\n}");
        CHECK(d.line == 2);
        CHECK(d.column == 1);
        CHECK(d.message == "invalid JSON: trailing comma: expected a member name in double quotes after ',', found '}'");
        CHECK(syntaxError("[1, 2,]").message == "invalid JSON: trailing comma: expected a value after ',', found ']'");
    }
    SUBCASE("missing colon") {
        Diagnostic d = syntaxError("{\"a\" 1}");
        CHECK(d.column == 6);
        CHECK(d.message == "invalid JSON: missing colon: expected ':' after the member name, found 1");
    }
    SUBCASE("a word that is not a value") {
        Diagnostic d = syntaxError("{\n  \"a\": tru\n}");
        CHECK(d.line == 2);
        CHECK(d.column == 8);
        CHECK(d.message == "invalid JSON: expected a value, found tru: strings need double quotes, and the only words are true, false and null");
        CHECK(syntaxError("[1, 'a']").message == "invalid JSON: expected a value, found 'a': strings need double quotes, and the only words are true, false and null");
        CHECK(syntaxError("{'a': 1}").message == "invalid JSON: expected a member name in double quotes, found 'a'");
    }
    SUBCASE("the file ends early") {
        Diagnostic d = syntaxError("{\n  \"a\": 1\n");
        CHECK(d.line == 3);
        CHECK(d.column == 1);
        CHECK(d.message == "invalid JSON: the file ends inside an object: expected ',' or '}'");
    }
    SUBCASE("no second position inside the message") {
        for (const char* text : {"{\"a\": 1 \"b\": 2}", "[1 2]", "{\"a\": -x}", "{\"a\": \"x\ny\"}"}) {
            Diagnostic d = syntaxError(text);
            CAPTURE(d.message);
            CHECK(d.column >= 1);
            CHECK(d.message.find("line") == std::string::npos);
            CHECK(d.message.find("column") == std::string::npos);
            CHECK(d.message.find("json.exception") == std::string::npos);
        }
    }
}

TEST_CASE("schema errors name the expected type, the allowed values and the known members") {
    test::bundledSop();  // sets the schema directory
    std::string text = bundledScenarioText();
    text = replaced(text, "\"channel\": \"call\"", "\"channel\": \"phone\"");
    text = replaced(text, "\"difficulty\": 1", "\"difficulty\": \"easy\"");
    text = replaced(text, "\"version\": 1,", "\"version\": 1, \"verison\": 2,");
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("draft.json", text, diags);
    REQUIRE(doc.has_value());
    CHECK_FALSE(checkSchema(*doc, "scenario.schema.json", diags));

    const Diagnostic* channel = find(diags, "/channel");
    REQUIRE(channel != nullptr);
    CHECK(channel->message == "schema: expected one of: call, chat, email; found a string (\"phone\")");
    CHECK(std::pair(channel->line, channel->column) == positionOf(text, "\"phone\""));

    const Diagnostic* difficulty = find(diags, "/difficulty");
    REQUIRE(difficulty != nullptr);
    CHECK(difficulty->message == "schema: expected a whole number, found a string (\"easy\")");
    CHECK(std::pair(difficulty->line, difficulty->column) == positionOf(text, "\"easy\""));

    const Diagnostic* typo = find(diags, "/verison");
    REQUIRE(typo != nullptr);
    CHECK(typo->message.rfind("schema: unknown member \"verison\": expected one of: ", 0) == 0);
    CHECK(typo->message.find(", version,") != std::string::npos);
    auto [line, col] = positionOf(text, "\"verison\": 2");
    CHECK(typo->line == line);
    CHECK(typo->column == col + 11);  // at the member's value
}

TEST_CASE("a type error inside a list and a number out of range say what the schema expects") {
    test::bundledSop();
    std::string text = bundledScenarioText();
    text = replaced(text, "\"difficulty\": 1", "\"difficulty\": 7");
    text = replaced(text, "\"tags\": [", "\"tags\": [42, ");
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("draft.json", text, diags);
    REQUIRE(doc.has_value());
    CHECK_FALSE(checkSchema(*doc, "scenario.schema.json", diags));
    const Diagnostic* tag = find(diags, "/tags/0");
    REQUIRE(tag != nullptr);
    CHECK(tag->message == "schema: expected a string, found a number (42)");
    CHECK(std::pair(tag->line, tag->column) == positionOf(text, "42, "));
    const Diagnostic* difficulty = find(diags, "/difficulty");
    REQUIRE(difficulty != nullptr);
    CHECK(difficulty->message == "schema: expected a number of at most 3, found a number (7)");
}

TEST_CASE("a claim label that matches no CRM field is reported at the claim, with the field meant") {
    std::string text = bundledScenarioText();
    const size_t claims = text.find("\"claims\"");  // the claim, not the CRM field of that label
    REQUIRE(claims != std::string::npos);
    text = text.substr(0, claims) + replaced(text.substr(claims), "\"Postcode\"", "\"post code\"");
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("draft.json", text, diags);
    REQUIRE(doc.has_value());
    auto scenario = parseScenario(*doc, test::bundledSop(), diags, false);
    CHECK(scenario.has_value());  // a warning: the scenario still loads
    const Diagnostic* d = find(diags, "/claims/3/0");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->message ==
          "claim 'post code' matches no CRM field label: expected 'Postcode' (labels must match exactly, case and spaces included, "
          "or the desk shows them on separate rows)");
    CHECK(std::pair(d->line, d->column) == positionOf(text, "\"post code\""));
}

TEST_CASE("a claim with no field of its kind is a note naming the nearest field") {
    std::vector<Diagnostic> diags;
    auto scenario = loadScenario(test::contentDir() / "scenarios" / "failed-verification.json", test::bundledSop(), diags, false);
    REQUIRE(scenario.has_value());
    bool named = false;
    for (const auto& d : diags)
        if (d.message == "claim 'Phone' matches no CRM field label, so the desk shows it on a row of its own; the nearest CRM field is 'Phone on file'")
            named = d.severity == Severity::Note && d.line > 0 && d.column > 0;
    CHECK(named);
}

TEST_CASE("validate checks a single file of every kind, wherever it sits") {
    TempDir dir;
    const fs::path content = test::contentDir();
    // Folders that say nothing about the kind: the $schema or the members must.
    const std::vector<std::pair<fs::path, std::string>> files = {
        {content / "sop" / "inbound.sop.json", "sop"},
        {content / "settings.json", "settings"},
        {content / "scenarios" / "model-inbound-call.json", "scenarios"},
        {content / "golden" / "model-inbound-call.golden.json", "golden"},
        {content / "questions" / "compliance.json", "questions"},
        {content / "questions" / "exams" / "inbound-l1-exam.json", "exam"},
        {content / "policies" / "inbound-agent-l1.json", "policies"},
        {content / "paths" / "onboarding.json", "paths"},
    };
    std::vector<std::string> argv = {"validate", "--json", "--quiet"};
    for (size_t i = 0; i < files.size(); ++i) {
        fs::path copy = dir / "drafts" / ("draft" + std::to_string(i) + ".json");
        writeText(copy, readText(files[i].first));
        argv.push_back(copy.string());
    }
    auto r = test::runCli(argv);
    INFO(r.out);
    CHECK(r.code == 0);
    auto j = r.json();
    REQUIRE(j["files"].size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        CHECK(j["files"][i]["kind"] == files[i].second);
        CHECK(j["files"][i]["ok"] == true);
    }
    // Without a $schema the members say what it is: an exam has sections.
    nlohmann::json exam = nlohmann::json::parse(readText(files[5].first));
    exam.erase("$schema");
    writeText(dir / "drafts" / "exam.json", exam.dump(2));
    CHECK(test::runCli({"validate", "--json", (dir / "drafts" / "exam.json").string()}).json()["files"][0]["kind"] == "exam");
    // A file that is none of them says so, and fails.
    writeText(dir / "drafts" / "what.json", "{\n  \"hello\": 1\n}\n");
    auto unknown = test::runCli({"validate", (dir / "drafts" / "what.json").string()});
    CHECK(unknown.code == 1);
    CHECK(unknown.out.find("what.json:1:1: error: cannot tell what kind of content this is: expected a \"$schema\"") != std::string::npos);
}

TEST_CASE("a stale golden file outside the content folder fails at the drifted value") {
    TempDir dir;
    std::string text = readText(test::contentDir() / "golden" / "model-inbound-call.golden.json");
    text = replaced(text, "\"points\": 141", "\"points\": 140");
    const fs::path stale = dir / "stale.golden.json";
    writeText(stale, text);
    auto r = test::runCli({"validate", "--quiet", stale.string()});
    CHECK(r.code == 1);
    auto [line, col] = positionOf(text, "140");
    const std::string where = stale.string() + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: ";
    CHECK_MESSAGE(r.out.find(where + "play-through 'best path: all eight steps with the emailed confirmation': points drifted: "
                                     "the golden file expects 140, the replay gives 141") != std::string::npos,
                  r.out);
    CHECK(r.out.find("(at /playthroughs/0/expect/points)") != std::string::npos);

    // A golden file for a scenario the tree does not have cannot be checked, and says so.
    writeText(stale, replaced(text, "\"scenario\": \"model-inbound-call\"", "\"scenario\": \"no-such-scenario\""));
    auto orphan = test::runCli({"validate", "--quiet", stale.string()});
    CHECK(orphan.code == 1);
    CHECK(orphan.out.find("error: cannot check this golden transcript: no scenario 'no-such-scenario' loaded from") != std::string::npos);
}

TEST_CASE("in a content tree, a drifted golden file is positioned and a scenario without one is a warning") {
    TempDir dir;
    const fs::path tree = dir / "content";
    fs::copy(test::contentDir(), tree, fs::copy_options::recursive);
    fs::remove(tree / "golden" / "hold-and-dead-air.golden.json");
    const fs::path golden = tree / "golden" / "model-inbound-call.golden.json";
    const std::string text = replaced(readText(golden), "\"stars\": 3", "\"stars\": 2");
    writeText(golden, text);
    const fs::path path_file = tree / "paths" / "onboarding.json";
    const std::string path_text = replaced(readText(path_file), "\"ref\": \"process-steps\"", "\"ref\": \"no-such-bank\"");
    writeText(path_file, path_text);
    auto r = test::runCli({"validate", "--quiet", tree.string()});
    INFO(r.out);
    CHECK(r.code == 1);
    auto [line, col] = positionOf(text, "\"stars\": 2");
    CHECK(r.out.find(golden.string() + ":" + std::to_string(line) + ":" + std::to_string(col + 9) +
                     ": error: play-through 'best path: all eight steps with the emailed confirmation': stars drifted: "
                     "the golden file expects 2, the replay gives 3") != std::string::npos);
    CHECK(r.out.find("hold-and-dead-air.json:") != std::string::npos);
    CHECK(r.out.find("warning: scenario 'hold-and-dead-air' has no golden transcript: expected " +
                     (tree / "golden" / "hold-and-dead-air.golden.json").string()) != std::string::npos);
    CHECK(r.out.find("1 warning\n") != std::string::npos);
    auto [ref_line, ref_col] = positionOf(path_text, "\"no-such-bank\"");
    CHECK(r.out.find(path_file.string() + ":" + std::to_string(ref_line) + ":" + std::to_string(ref_col) +
                     ": error: path step 2 names unknown quiz 'no-such-bank'") != std::string::npos);
}

TEST_CASE("a draft scenario outside the tree without a golden file gets a warning, and exit 0") {
    TempDir dir;
    std::string text = replaced(bundledScenarioText(), "\"id\": \"model-inbound-call\"", "\"id\": \"draft-call\"");
    writeText(dir / "draft-call.json", text);
    auto r = test::runCli({"validate", "--quiet", (dir / "draft-call.json").string()});
    CHECK(r.code == 0);
    auto [line, col] = positionOf(text, "\"draft-call\"");
    CHECK_MESSAGE(r.out.find("draft-call.json:" + std::to_string(line) + ":" + std::to_string(col) +
                             ": warning: scenario 'draft-call' has no golden transcript: expected ") != std::string::npos,
                  r.out);
    // A golden file beside the draft counts.
    writeText(dir / "draft-call.golden.json", "{}");
    CHECK(test::runCli({"validate", "--quiet", (dir / "draft-call.json").string()}).out.find("no golden transcript") == std::string::npos);
}
