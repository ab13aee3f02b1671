// Hostile content: the reproducers that fuzzing and an attacker's eye found (tests/fixtures/repro/;
// the README's "Fuzzing" paragraph says where each came from). Each gives a diagnostic naming the file
// (and line and column where there is one), never a crash, and the rest of the content still
// loads. Large inputs are generated here, at run time, rather than committed.
#include <doctest/doctest.h>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include "../temp_dir.hpp"
#include "frontline/golden.hpp"
#include "frontline/paths.hpp"
#include "frontline/policy.hpp"
#include "frontline/quiz.hpp"
#include "frontline/validator.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;
namespace fs = std::filesystem;

namespace {

fs::path reproDir() { return fixturesDir() / "repro"; }

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

const Diagnostic* firstError(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags)
        if (d.severity == Severity::Error) return &d;
    return nullptr;
}

// A message that `validate --json` can print: nlohmann refuses to dump invalid UTF-8.
bool printableAsJson(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

// A content tree with the bundled SOP and the tiny fixture scenario; tests add the hostile file.
struct ContentTree {
    TempDir dir{"frontline-hostile"};
    ContentTree() {
        fs::create_directories(dir / "sop");
        fs::create_directories(dir / "scenarios");
        fs::copy_file(contentDir() / "sop" / "inbound.sop.json", dir / "sop" / "inbound.sop.json");
        fs::copy_file(fixturesDir() / "scenarios" / "tiny.json", dir / "scenarios" / "tiny.json");
    }
    fs::path scenarios() const { return dir / "scenarios"; }
    // Loads the tree (schemas from the source tree) and checks that tiny.json still loaded.
    ContentLibrary loadExpectingTiny() const {
        auto paths = ContentPaths::at(dir.path());
        paths.schema_dir = contentDir().parent_path() / "schema";
        auto lib = loadContent(paths);
        CHECK(lib.scenario("tiny") != nullptr);
        return lib;
    }
};

const ContentFileError* failedFile(const ContentLibrary& lib, const std::string& name) {
    for (const auto& f : lib.failed)
        if (fs::path(f.file).filename() == name) return &f;
    return nullptr;
}

// tiny.json with one string replaced: `"<field>": "<old>"` -> `"<field>": "<replacement>"`.
std::string tinyWith(const std::string& old_text, const std::string& new_text) {
    std::string text = readText(fixturesDir() / "scenarios" / "tiny.json");
    auto at = text.find(old_text);
    REQUIRE(at != std::string::npos);
    return text.replace(at, old_text.size(), new_text);
}

}  // namespace

TEST_CASE("a number beyond a double is an error at its line and column in every kind of content file") {
    TempDir dir;
    const std::string text = "{\n  \"id\": \"x\",\n  \"version\": 1e999\n}\n";
    auto file = dir / "overflow.json";
    writeText(file, text);
    auto expectPositioned = [&](const std::vector<Diagnostic>& diags) {
        const Diagnostic* d = firstError(diags);
        REQUIRE(d != nullptr);
        CHECK(d->file == file.string());
        CHECK(d->line == 3);
        CHECK(d->column == 14);
        CHECK(d->message.find("1e999") != std::string::npos);
        CHECK(d->message.find("out of range") != std::string::npos);
    };
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadScenario(file, bundledSop(), diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadSop(file, diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadSettings(file, diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadTrainingPath(file, diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadPolicy(file, diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadQuestionBank(file, bundledSop(), diags).has_value());
    expectPositioned(diags);
    diags.clear();
    CHECK_FALSE(loadGoldenFile(file, diags).has_value());
    expectPositioned(diags);
}

TEST_CASE("the fuzzers' number-overflow reproducers are positioned errors, not aborts") {
    int checked = 0;
    for (const auto& file : contentFilesIn(reproDir(), "")) {
        auto name = file.filename().string();
        bool policy = name.rfind("policy-crash-", 0) == 0, golden = name.rfind("golden-crash-", 0) == 0;
        if (!policy && !golden) continue;
        CAPTURE(name);
        std::vector<Diagnostic> diags;
        bool loaded = policy ? loadPolicy(file, diags).has_value() : loadGoldenFile(file, diags).has_value();
        CHECK_FALSE(loaded);
        const Diagnostic* d = firstError(diags);
        REQUIRE(d != nullptr);
        CHECK(d->line >= 1);
        CHECK(d->column >= 1);
        CHECK(d->message.rfind("invalid JSON: ", 0) == 0);
        CHECK(printableAsJson(d->message));
        ++checked;
    }
    CHECK(checked == 19);
}

TEST_CASE("a scenario with 1e999 is listed with its position and the rest of the content loads") {
    ContentTree tree;
    fs::copy_file(reproDir() / "scenario-number-overflow-1e999.json", tree.scenarios() / "overflow.json");
    auto lib = tree.loadExpectingTiny();
    const auto* failed = failedFile(lib, "overflow.json");
    REQUIRE(failed != nullptr);
    REQUIRE(!failed->diagnostics.empty());
    CHECK(failed->diagnostics[0].line == 10);
    CHECK(failed->diagnostics[0].column == 17);
    CHECK(failed->diagnostics[0].message == "invalid JSON: number 1e999 is out of range: expected a number of magnitude below 1.8e308");
}

TEST_CASE("ids and tags of any length are refused by length, without std::regex overflowing the stack") {
    ContentTree tree;
    writeText(tree.scenarios() / "long-id.json", tinyWith("\"id\": \"tiny\"", "\"id\": \"" + std::string(100000, 'a') + "\""));
    writeText(tree.scenarios() / "long-tag.json",
              tinyWith("\"tags\": [\"failed_verification\"]", "\"tags\": [\"" + std::string(1000000, 'b') + "\"]"));
    auto lib = tree.loadExpectingTiny();
    const auto* id = failedFile(lib, "long-id.json");
    REQUIRE(id != nullptr);
    CHECK(id->diagnostics.at(0).json_path == "/id");
    CHECK(id->diagnostics.at(0).line == 2);
    CHECK(id->diagnostics.at(0).message == "value is too long: 100000 characters (max 256)");
    const auto* tag = failedFile(lib, "long-tag.json");
    REQUIRE(tag != nullptr);
    CHECK(tag->diagnostics.at(0).json_path == "/tags/0");
    CHECK(tag->diagnostics.at(0).message == "value is too long: 1000000 characters (max 256)");
}

TEST_CASE("an id at the length limit still goes through the schema pattern") {
    std::vector<Diagnostic> diags;
    TempDir dir;
    writeText(dir / "a.json", tinyWith("\"id\": \"tiny\"", "\"id\": \"" + std::string(256, 'a') + "\""));
    CHECK(loadScenario(dir / "a.json", bundledSop(), diags).has_value());
    writeText(dir / "b.json", tinyWith("\"id\": \"tiny\"", "\"id\": \"" + std::string(255, 'a') + "B\""));
    diags.clear();
    CHECK_FALSE(loadScenario(dir / "b.json", bundledSop(), diags).has_value());
    REQUIRE(firstError(diags) != nullptr);
    CHECK(firstError(diags)->json_path == "/id");
    CHECK(firstError(diags)->message.find("expected text matching ^[a-z0-9][a-z0-9_-]*$, found a string (\"aaa") != std::string::npos);
}

TEST_CASE("a symlink loop under the content folder is reported per file and the rest loads") {
    ContentTree tree;
    fs::create_symlink("loop.json", tree.scenarios() / "loop.json");
    fs::create_symlink("b.json", tree.scenarios() / "a.json");
    fs::create_symlink("a.json", tree.scenarios() / "b.json");
    fs::create_directories(tree.dir / "paths");
    fs::create_symlink("loop.json", tree.dir / "paths" / "loop.json");
    ContentLibrary lib;
    CHECK_NOTHROW(lib = tree.loadExpectingTiny());
    for (const char* name : {"loop.json", "a.json", "b.json"}) {
        CAPTURE(name);
        const auto* failed = failedFile(lib, name);
        REQUIRE(failed != nullptr);
        CHECK(failed->diagnostics.at(0).message.find("symbolic links") != std::string::npos);
    }
    CHECK(lib.failed.size() == 4);  // three scenarios and the path

    // The question and policy folders are listed the same way.
    TempDir other;
    fs::create_symlink("loop.json", other / "loop.json");
    std::vector<Diagnostic> diags;
    CHECK_NOTHROW(loadPolicies(other.path(), diags));
    CHECK(firstError(diags) != nullptr);
    QuizLibrary quizzes;
    CHECK_NOTHROW(quizzes = loadQuizLibrary(other.path(), bundledSop()));
    CHECK(quizzes.failed.size() == 1);
}

TEST_CASE("invalid UTF-8 is an error at its line and column, with a message that can be printed as JSON") {
    ContentTree tree;
    // Inside a string (Latin-1 'é'), and as a stray byte between values.
    writeText(tree.scenarios() / "latin1.json", tinyWith("\"title\": \"Tiny test scenario\"", "\"title\": \"Caf\xE9 scenario\""));
    writeText(tree.scenarios() / "stray.json", tinyWith("\"version\": 1,", "\"version\": 1, \xFF"));
    auto lib = tree.loadExpectingTiny();
    const auto* latin1 = failedFile(lib, "latin1.json");
    REQUIRE(latin1 != nullptr);
    const auto& in_string = latin1->diagnostics.at(0);
    CHECK(in_string.line == 4);
    CHECK(in_string.column == 16);  // the bad byte
    CHECK(in_string.message.find("UTF-8") != std::string::npos);
    CHECK(in_string.message.find("\\xE9") != std::string::npos);
    CHECK(printableAsJson(in_string.message));
    const auto* stray = failedFile(lib, "stray.json");
    REQUIRE(stray != nullptr);
    CHECK(stray->diagnostics.at(0).line == 3);
    CHECK(stray->diagnostics.at(0).column == 17);
    CHECK(printableAsJson(stray->diagnostics.at(0).message));
}

TEST_CASE("files over the size limit are refused before they are read, naming the limit") {
    ContentTree tree;
    // Sparse files: the size is real to the loader, and the test writes nothing.
    for (auto [name, size] : {std::pair{"fifty-mb.json", std::uintmax_t{50} << 20}, std::pair{"two-gb.json", std::uintmax_t{2} << 30}}) {
        std::ofstream(tree.scenarios() / name).put('{');
        fs::resize_file(tree.scenarios() / name, size);
    }
    auto lib = tree.loadExpectingTiny();
    const auto* fifty = failedFile(lib, "fifty-mb.json");
    REQUIRE(fifty != nullptr);
    CHECK(fifty->diagnostics.at(0).message ==
          "file too large: 52428800 bytes; content files may be at most 4 MiB (4194304 bytes)");
    const auto* two = failedFile(lib, "two-gb.json");
    REQUIRE(two != nullptr);
    CHECK(two->diagnostics.at(0).message.find("2147483648 bytes") != std::string::npos);
}

TEST_CASE("a FIFO or a directory named like a content file is refused, not read") {
    TempDir dir;
    fs::create_directories(dir / "folder.json");
    std::vector<Diagnostic> diags;
    CHECK_FALSE(readJsonDocument(dir / "folder.json", diags).has_value());
    REQUIRE(firstError(diags) != nullptr);
    CHECK(firstError(diags)->message == "cannot open file: not a regular file");
}

TEST_CASE("the 60,000-node scenario from the reproducer script is refused by size") {
    // make-60k-node-scenario.py: a chain of 60,000 nodes with 200-character lines, 34 MB.
    ContentTree tree;
    auto model = nlohmann::json::parse(readText(contentDir() / "scenarios" / "model-inbound-call.json"));
    model["id"] = "many-nodes";
    const std::string end = model["start"];
    model["start"] = "n0";
    // The chain is written as text (building 60,000 JSON objects took seconds) and spliced in
    // first among the model's nodes.
    const int n = 60000;
    std::string chain;
    for (int i = 0; i < n; ++i) {
        std::string id = std::to_string(i), next = i + 1 < n ? "n" + std::to_string(i + 1) : end;
        chain += "\"n" + id + "\":{\"lines\":[{\"id\":\"l" + id + "\",\"speaker\":\"customer\",\"text\":\"Hello " +
                 std::string(200, 'y') + "\"}],\"options\":[{\"id\":\"o" + id + "\",\"text\":\"Go on " + std::string(200, 'z') +
                 "\",\"steps\":[],\"points\":0,\"next\":\"" + next + "\"}]},";
    }
    std::string text = model.dump();
    text.insert(text.find("\"nodes\":{") + 9, chain);
    REQUIRE(text.size() > std::size_t{30} << 20);
    writeText(tree.scenarios() / "many.json", text);
    auto lib = tree.loadExpectingTiny();
    const auto* many = failedFile(lib, "many.json");
    REQUIRE(many != nullptr);
    CHECK(many->diagnostics.at(0).message.find("content files may be at most 4 MiB") != std::string::npos);
}

TEST_CASE("graph checks on 60,000 nodes are linear: an unreachable node and a trap are still found") {
    // Built in memory (no JSON): the structural checks alone, which the app runs at start-up.
    // Before, every target lookup scanned all nodes and the "reaches an ending" pass repeated
    // until nothing changed: minutes at this size.
    Scenario s = fixtureScenario();
    const int n = 60000;
    std::string first_node = s.start;
    std::vector<Node> chain;
    for (int i = 0; i < n; ++i) {
        Node node;
        node.id = "chain" + std::to_string(i);
        Option o;
        o.id = "chain_option" + std::to_string(i);
        o.text = "Go on";
        o.next = i + 1 < n ? "chain" + std::to_string(i + 1) : first_node;
        node.options.push_back(o);
        chain.push_back(std::move(node));
    }
    Node orphan;  // nothing leads here
    orphan.id = "orphan";
    orphan.options.push_back(Option{});
    orphan.options.back().id = "orphan_option";
    orphan.options.back().next = first_node;
    Node trap_a, trap_b;  // reachable from the chain's middle, but no ending is reachable from them
    trap_a.id = "trap_a";
    trap_b.id = "trap_b";
    trap_a.options.push_back(Option{});
    trap_a.options.back().id = "to_b";
    trap_a.options.back().next = "trap_b";
    trap_b.options.push_back(Option{});
    trap_b.options.back().id = "to_a";
    trap_b.options.back().next = "trap_a";
    chain[n / 2].options.push_back(Option{});
    chain[n / 2].options.back().id = "into_trap";
    chain[n / 2].options.back().next = "trap_a";
    s.nodes.insert(s.nodes.end(), chain.begin(), chain.end());
    s.nodes.push_back(orphan);
    s.nodes.push_back(trap_a);
    s.nodes.push_back(trap_b);
    s.start = "chain0";

    std::vector<Diagnostic> diags;
    validateGraph(s, bundledSop(), nullptr, diags, false);
    std::vector<std::string> errors;
    for (const auto& d : diags)
        if (d.severity == Severity::Error) errors.push_back(d.message);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0] == "node 'orphan' is unreachable from the start node 'chain0'");
    CHECK(errors[1] == "node 'trap_a' is in a loop with no exit: no ending can be reached from it");
    CHECK(errors[2] == "node 'trap_b' is in a loop with no exit: no ending can be reached from it");
}

TEST_CASE("the scenarios the fuzzer found slow validate with the same verdicts as the content they came from") {
    // Each is a bundled scenario with a byte or two changed; path exploration through the engine
    // took 1-22 s each under ASan. They must load (or be rejected) like their originals.
    int checked = 0;
    for (const auto& file : contentFilesIn(reproDir(), "")) {
        if (file.filename().string().rfind("scenario-slow-unit-", 0) != 0) continue;
        CAPTURE(file.filename().string());
        std::vector<Diagnostic> diags;
        auto scenario = loadScenario(file, bundledSop(), diags, true);
        if (!scenario) {
            REQUIRE(firstError(diags) != nullptr);
            CHECK(firstError(diags)->line >= 1);
        } else {
            CHECK_FALSE(hasErrors(diags));
            CHECK(contentFilesIn(contentDir() / "scenarios").size() > 0);
        }
        ++checked;
    }
    CHECK(checked == 6);
}

TEST_CASE("a list whose items must be unique is refused past its size limit, before valijson compares every pair") {
    std::string tags = "\"tags\": [";
    for (int i = 0; i < 5000; ++i) tags += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
    tags += "]";
    TempDir dir;
    writeText(dir / "tags.json", tinyWith("\"tags\": [\"failed_verification\"]", tags));
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadScenario(dir / "tags.json", bundledSop(), diags).has_value());
    REQUIRE(firstError(diags) != nullptr);
    CHECK(firstError(diags)->json_path == "/tags");
    CHECK(firstError(diags)->message == "too many items: 5000 (max 1000 in a list whose items must be unique)");
}

TEST_CASE("path checks stop at their limit on a loop that changes a variable on every pass") {
    // Two looping options, each adding to its own variable, so no state ever repeats; the way out
    // needs a variable no option sets. Every path is new and none completes: before the limit on
    // decisions, this explored 2^64 prefixes.
    Scenario s = fixtureScenario();
    Node loop;
    loop.id = "loop";
    for (const char* var : {"x", "y"}) {
        Option o;
        o.id = std::string("add_") + var;
        o.text = "Again";
        o.effects.add[var] = 1;
        o.next = "loop";
        loop.options.push_back(o);
    }
    Option out;
    out.id = "way_out";
    out.text = "Done";
    Condition never;
    never.kind = Condition::Kind::VarEquals;
    never.name = "never_set";
    never.value = true;
    out.requires_.push_back(never);
    out.unavailable_reason = "not yet";
    auto good_ending = std::find_if(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.ending && n.ending->success; });
    REQUIRE(good_ending != s.nodes.end());
    out.next = good_ending->id;
    loop.options.push_back(out);
    s.nodes = {loop, *good_ending};
    s.start = "loop";

    std::vector<Diagnostic> diags;
    auto stats = validateGraph(s, bundledSop(), nullptr, diags, true);
    CHECK(stats.capped);
    const Diagnostic* error = firstError(diags);
    REQUIRE(error != nullptr);
    CHECK(error->message == "no play-through reaches a good ending within the exploration limit (20000 paths, 100000 decisions)");
}
