// Loader and validator: every check has a bad-content fixture under tests/fixtures/bad/.
#include <doctest/doctest.h>
#include <fstream>
#include <functional>
#include "frontline/validator.hpp"
#include "../temp_dir.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

std::vector<Diagnostic> loadBad(const std::string& name) {
    std::vector<Diagnostic> diags;
    auto s = loadScenario(fixturesDir() / "bad" / (name + ".json"), bundledSop(), diags);
    CHECK_MESSAGE(!s.has_value(), name << " should not load");
    return diags;
}

bool anyError(const std::vector<Diagnostic>& diags, const std::string& needle, const std::string& path = {}) {
    for (const auto& d : diags)
        if (d.severity == Severity::Error && d.message.find(needle) != std::string::npos && (path.empty() || d.json_path == path)) return true;
    return false;
}

}  // namespace

TEST_CASE("the bundled SOP loads with its eight steps, rules and scripts") {
    const Sop& sop = bundledSop();
    REQUIRE(sop.steps.size() == 8);
    CHECK(sop.steps[1].id == "verify");
    CHECK(sop.step("follow_up")->applies == StepApplies::WhenPromised);
    CHECK(sop.rule("no_cold_transfer")->critical());
    CHECK_FALSE(sop.rule("hold_give_estimate")->critical());
    REQUIRE(sop.script("greeting") != nullptr);
    CHECK(sop.escalation_triggers.size() == 4);
    CHECK(sop.disposition("VER-FAIL") != nullptr);
}

TEST_CASE("a valid fixture loads with nodes in file order and notes about points") {
    std::vector<Diagnostic> diags;
    auto s = loadScenario(fixturesDir() / "scenarios" / "tiny.json", bundledSop(), diags);
    REQUIRE(s.has_value());
    CHECK_FALSE(hasErrors(diags));
    CHECK(s->nodes.front().id == "open");
    CHECK(s->node("end_ok")->wrap_up->dispositions.front() == "RES-INFO");
    bool points_note = false;
    for (const auto& d : diags)
        if (d.severity == Severity::Note && d.message.find("points over") != std::string::npos) points_note = true;
    CHECK(points_note);
}

TEST_CASE("malformed JSON is reported with file, line and column") {
    auto diags = loadBad("malformed");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].line == 4);
    CHECK(diags[0].column == 16);
    CHECK(diags[0].file.find("malformed.json") != std::string::npos);
    CHECK(format(diags[0]).find("malformed.json:4:16: error: invalid JSON") != std::string::npos);
}

TEST_CASE("an empty file is an error, not a crash") {
    auto diags = loadBad("empty");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("empty") != std::string::npos);
}

TEST_CASE("schema violations name the JSON path and its line") {
    auto diags = loadBad("schema_violation");
    REQUIRE_FALSE(diags.empty());
    CHECK(diags[0].json_path == "/persona/mood");
    CHECK(diags[0].line > 1);
    CHECK(diags[0].column > 1);
}

TEST_CASE("positions are exact for any pointer, whichever depth was asked for first") {
    const std::string text =
        "{\n"
        "  \"nodes\": {\n"
        "    \"zeta\": {\"lines\": [\"a\"]},\n"
        "    \"alpha\": {\n"
        "      \"lines\": [\"b\", {\"text\": \"deep\"}]\n"
        "    }\n"
        "  }\n"
        "}\n";
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("mem.json", text, diags);
    REQUIRE(doc);
    // File order, not the parsed object's alphabetical order.
    CHECK(doc->shallowLine("/nodes/zeta") == 3);
    CHECK(doc->shallowLine("/nodes/alpha") == 4);
    // A deeper pointer after the shallow scan: exact, not its ancestor's position.
    CHECK(doc->position("/nodes/alpha/lines/1/text") == std::make_pair(5, 31));
    CHECK(doc->position("/nodes/alpha/lines/0") == std::make_pair(5, 17));
    CHECK(doc->position("/nodes/alpha/no/such") == std::make_pair(4, 14));  // nearest ancestor
    CHECK(doc->shallowLine("/nodes/zeta") == 3);
}

TEST_CASE("graph checks find dangling targets, unreachable nodes, dead ends and loops with no exit") {
    CHECK(anyError(loadBad("dangling_next"), "unknown node 'nowhere'", "/nodes/close/options/0/next"));
    CHECK(anyError(loadBad("unreachable_node"), "node 'orphan' is unreachable"));
    CHECK(anyError(loadBad("dead_end"), "node 'back' is a dead end"));
    CHECK(anyError(loadBad("loop_no_exit"), "loop with no exit"));
    CHECK(anyError(loadBad("bad_start"), "start node 'missing' does not exist", "/start"));
}

TEST_CASE("references to the SOP are checked") {
    CHECK(anyError(loadBad("unknown_rule"), "unknown SOP rule 'no_such_rule'"));
    CHECK(anyError(loadBad("unknown_step"), "unknown SOP step 'teleport'"));
    CHECK(anyError(loadBad("duplicate_ids"), "duplicate id 'verify.pass'"));
    const auto outcome = loadBad("unknown_outcome");
    CHECK(anyError(outcome, "unknown outcome 'sent_to_billing' (the SOP's outcomes: resolved_first_contact, escalated_warm,",
                   "/nodes/end_cold/ending/outcome"));
    for (const auto& d : outcome) CHECK(d.line > 0);
}

TEST_CASE("a scenario whose good endings cannot cover the required steps is rejected") {
    CHECK(anyError(loadBad("no_perfect_path"), "misses: close"));
}

TEST_CASE("min and max points are computed over all paths") {
    Scenario s = fixtureScenario();
    std::vector<Diagnostic> diags;
    PathStats stats = validateGraph(s, bundledSop(), nullptr, diags);
    CHECK(stats.paths > 5);
    CHECK(stats.max_points > stats.min_points);
    CHECK_FALSE(stats.best_path.empty());
    CHECK(stats.min_points < 0);
}

TEST_CASE("one bad file does not stop the others loading") {
    auto dir = std::filesystem::temp_directory_path() / "frontline-test-content";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "sop");
    std::filesystem::create_directories(dir / "scenarios");
    std::filesystem::copy_file(contentDir() / "sop" / "inbound.sop.json", dir / "sop" / "inbound.sop.json");
    std::filesystem::copy_file(fixturesDir() / "scenarios" / "tiny.json", dir / "scenarios" / "tiny.json");
    std::filesystem::copy_file(fixturesDir() / "bad" / "malformed.json", dir / "scenarios" / "broken.json");
    std::filesystem::copy_file(fixturesDir() / "bad" / "dead_end.json", dir / "scenarios" / "dead.json");
    auto lib = loadContent(ContentPaths::at(dir));
    setSchemaDirectory(contentDir().parent_path() / "schema");
    REQUIRE(lib.sop_loaded);
    CHECK(lib.scenarios.size() == 1);
    CHECK(lib.scenario("tiny") != nullptr);
    REQUIRE(lib.failed.size() == 2);
    CHECK(lib.failed[0].file.find("broken.json") != std::string::npos);
    CHECK(hasErrors(lib.failed[0].diagnostics));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a second SOP file in a content tree is said to be unused, not silently ignored") {
    frontline::test::TempDir dir;
    std::filesystem::create_directories(dir / "sop");
    std::filesystem::copy_file(contentDir() / "sop" / "inbound.sop.json", dir / "sop" / "inbound.sop.json");
    std::filesystem::copy_file(contentDir() / "sop" / "inbound.sop.json", dir / "sop" / "outbound.sop.json");
    auto lib = loadContent(ContentPaths::at(dir.path()));
    setSchemaDirectory(contentDir().parent_path() / "schema");
    REQUIRE(lib.sop_loaded);
    const auto said = std::find_if(lib.diagnostics.begin(), lib.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Warning && d.file.find("outbound.sop.json") != std::string::npos;
    });
    REQUIRE(said != lib.diagnostics.end());
    CHECK(said->message.find("not used: a content tree trains one SOP, and inbound.sop.json comes first") == 0);
}

TEST_CASE("truncated and corrupted scenario files never crash the loader") {
    std::ifstream in(fixturesDir() / "scenarios" / "tiny.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int rejected = 0;
    for (size_t cut = 0; cut < text.size(); cut += 97) {
        std::vector<Diagnostic> diags;
        auto doc = parseJsonDocument("cut.json", text.substr(0, cut), diags);
        if (doc) parseScenario(*doc, bundledSop(), diags);
        if (hasErrors(diags)) ++rejected;
    }
    CHECK(rejected == static_cast<int>((text.size() + 96) / 97));
    // Flip bytes: each variant is either loaded or rejected with a diagnostic.
    for (size_t at = 10; at < text.size(); at += 131) {
        std::string bad = text;
        bad[at] = bad[at] == '"' ? '{' : '"';
        std::vector<Diagnostic> diags;
        auto doc = parseJsonDocument("flip.json", bad, diags);
        std::optional<Scenario> s;
        if (doc) s = parseScenario(*doc, bundledSop(), diags);
        CHECK((s.has_value() || hasErrors(diags)));
    }
}

TEST_CASE("the whole bundled content loads without errors") {
    auto lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE(lib.sop_loaded);
    for (const auto& f : lib.failed)
        for (const auto& d : f.diagnostics) FAIL_CHECK(format(d));
    CHECK(lib.scenarios.size() >= 3);
}

TEST_CASE("absurdly deep nesting is an error with a position, not a stack overflow") {
    std::string deep = "{\"id\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("deep.json", deep, diags);
    CHECK_FALSE(doc.has_value());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("nested deeper than") != std::string::npos);
    CHECK(diags[0].line == 1);
    CHECK(diags[0].column == 71);  // "{" is level 1, so the 64th "[" (column 7 + 64) opens level 65
}

namespace {

Option reply(const std::string& id, const std::string& text, int points, std::vector<std::string> breaks = {}) {
    Option o;
    o.id = id;
    o.text = text;
    o.points = points;
    o.breaks = std::move(breaks);
    return o;
}

Node decision(const std::string& id, std::vector<Option> options) {
    Node n;
    n.id = id;
    n.options = std::move(options);
    return n;
}

}  // namespace

TEST_CASE("the reply-length check counts decision points where the best reply is also the longest") {
    Scenario s;
    s.nodes.push_back(decision("best_longest", {reply("a", "the best and longest reply", 10), reply("b", "short", 0)}));
    s.nodes.push_back(decision("tie_counts", {reply("a", "same size", 10), reply("b", "size same", -5)}));
    s.nodes.push_back(decision("breach_longer", {reply("a", "good", 10), reply("b", "a longer reply that breaks a rule", 20, {"never_argue"})}));
    s.nodes.push_back(decision("one_option", {reply("a", "the only reply, however long it is", 10)}));
    // UTF-8: an em dash is one character, so "x—y" (3) is shorter than "abcd" (4).
    s.nodes.push_back(decision("code_points", {reply("a", "x—y", 10), reply("b", "abcd", 0)}));
    // Every reply breaks a rule: the best is the one with the most points among them.
    s.nodes.push_back(decision("all_break", {reply("a", "worse but longer", -20, {"never_argue"}), reply("b", "least bad", -5, {"no_blame"})}));

    ReplyLengthStats stats = replyLengthStats(s);
    CHECK(stats.decision_points == 5);
    CHECK(stats.best_is_longest == 2);  // best_longest and tie_counts
}

TEST_CASE("the bundled library does not reward always picking the longest reply") {
    ContentLibrary lib = loadContent(ContentPaths::at(contentDir()));
    ReplyLengthStats total;
    for (const auto& s : lib.scenarios) {
        auto stats = replyLengthStats(*s);
        total.decision_points += stats.decision_points;
        total.best_is_longest += stats.best_is_longest;
    }
    REQUIRE(total.decision_points > 0);
    CHECK(100 * total.best_is_longest <= 40 * total.decision_points);
}

namespace {

// The bundled SOP with one edit made to its JSON, loaded from a temp file.
std::vector<Diagnostic> loadEditedSop(const std::function<void(nlohmann::json&)>& edit) {
    std::ifstream in(contentDir() / "sop" / "inbound.sop.json");
    nlohmann::json j = nlohmann::json::parse(in);
    edit(j);
    TempDir dir;
    std::ofstream(dir / "edited.sop.json") << j.dump(2);
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadSop(dir / "edited.sop.json", diags).has_value());
    return diags;
}

}  // namespace

TEST_CASE("the SOP names the roles of its steps and the checks behind its rules") {
    const Sop& sop = bundledSop();
    CHECK(sop.stepIdWithRole("systems") == "access_systems");
    CHECK(sop.stepIdWithRole("documentation") == "document");
    CHECK(sop.rule("use_approved_scripts")->lands_on == RuleLandsOn::DecisionStep);
    CHECK(sop.rule("no_cold_transfer")->lands_on == RuleLandsOn::RuleStep);
    CHECK(sop.ruleIdCheckedBy("cold_transfer") == "no_cold_transfer");
    for (const SopRule& r : sop.rules) CHECK_MESSAGE(sop.step(r.step), r.id);
    CHECK(sop.outcomes.size() == 10);
    CHECK(sop.outcomeIdWithRole("hung_up") == "customer_hung_up");
    CHECK(sop.outcomeIdWithRole("warm_transfer") == "escalated_warm");
    CHECK(sop.outcomeTitle("escalated_warm") == "Escalated with a warm transfer");
    CHECK(sop.outcomeTitle("retired_outcome") == "retired_outcome");  // an old attempt's outcome shows its id
    std::vector<std::string> fcr;
    for (const SopOutcome& o : sop.outcomes)
        if (o.first_contact_resolution) fcr.push_back(o.id);
    CHECK(fcr == std::vector<std::string>{"resolved_first_contact", "sale_completed"});

    SUBCASE("two steps with one role are an error at the second step's role") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["steps"][0]["role"] = "verify"; });
        CHECK(anyError(diags, "both have the role 'verify'", "/steps/1/role"));
    }
    SUBCASE("two rules naming one check are an error at the second rule") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["rules"][0]["checked_by"] = "cold_transfer"; });
        bool found = false;
        for (const auto& d : diags) found = found || d.message.find("both name the check 'cold_transfer'") != std::string::npos;
        CHECK(found);
    }
    SUBCASE("an unknown landing is a schema error with its path and line") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["rules"][2]["lands_on"] = "anywhere"; });
        REQUIRE_FALSE(diags.empty());
        CHECK(diags.front().json_path == "/rules/2/lands_on");
        CHECK(diags.front().line > 0);
    }
    SUBCASE("an unknown outcome role is an error at the outcome's role") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][0]["role"] = "solved"; });
        CHECK(anyError(diags, "unknown role 'solved' (expected one of: hung_up, warm_transfer)", "/outcomes/0/role"));
    }
    SUBCASE("two warm-transfer outcomes are an error at the second one") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][2]["role"] = "warm_transfer"; });
        CHECK(anyError(diags, "outcomes 'escalated_warm' and 'follow_up_scheduled' both have the role 'warm_transfer'", "/outcomes/2/role"));
    }
    SUBCASE("no hang-up outcome is an error at the outcomes") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][6].erase("role"); });
        CHECK(anyError(diags, "none of the outcomes has the role 'hung_up'", "/outcomes"));
    }
    SUBCASE("a rule on an unknown step is an error at its step") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["rules"][3]["step"] = "nowhere"; });
        CHECK(anyError(diags, "unknown step 'nowhere'", "/rules/3/step"));
    }
}
