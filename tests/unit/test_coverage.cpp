// SOP coverage: which scenarios and questions exercise each step, rule, trigger and topic, and the
// CI gate (every step and critical rule needs a scenario and a question).
#include <doctest/doctest.h>
#include <algorithm>
#include "frontline/content.hpp"
#include "frontline/coverage.hpp"

using namespace frontline;

namespace {

const Sop& coverageSop() {
    static const Sop sop = [] {
        std::vector<Diagnostic> diags;
        auto loaded = loadSop(std::filesystem::path(FRONTLINE_TEST_CONTENT_DIR) / "sop" / "inbound.sop.json", diags);
        REQUIRE(loaded.has_value());
        return *loaded;
    }();
    return sop;
}

const CoverageItem& itemOf(const CoverageReport& r, CoverageKind kind, const std::string& id) {
    for (const auto& item : r.items)
        if (item.kind == kind && item.id == id) return item;
    FAIL("no coverage item " << coverageKindName(kind) << " " << id);
    return r.items.front();
}

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

std::shared_ptr<const Scenario> sampleScenario() {
    auto s = std::make_shared<Scenario>();
    s->id = "sample-call";
    s->topics = {"greeting_rapport"};
    s->crm.fields = {{"Account number", "1"}};
    Node open;
    open.id = "open";
    Option greet;
    greet.id = "open.greet";
    greet.steps = {"receive"};
    greet.script = "greeting";
    Option disclose;
    disclose.id = "open.disclose";
    disclose.steps = {"resolve"};
    disclose.breaks = {"no_disclosure_before_verification"};
    Option hold;
    hold.id = "open.hold";
    hold.action.type = ActionType::Hold;
    Option escalate;
    escalate.id = "open.escalate";
    escalate.triggers = {"supervisor_requested"};
    escalate.honours = {"transfer_with_context"};
    escalate.action.type = ActionType::Transfer;
    escalate.commitment = "callback";
    Option unknown;
    unknown.id = "open.unknown";
    unknown.steps = {"not_a_step"};
    open.options = {greet, disclose, hold, escalate, unknown};
    Node end;
    end.id = "end";
    end.wrap_up = WrapUpExpectation{};
    s->nodes = {open, end};
    return s;
}

QuestionBank sampleBank() {
    QuestionBank bank;
    bank.id = "sample";
    Question q1;
    q1.id = "q.verify";
    q1.steps = {"verify"};
    q1.rules = {"no_disclosure_before_verification"};
    q1.topics = {"definitions"};
    Question q2;
    q2.id = "q.escalate";
    q2.rules = {"no_cold_transfer"};
    q2.triggers = {"supervisor_requested"};
    q2.topics = {"escalation_protocol"};
    bank.questions = {q1, q2};
    return bank;
}

}  // namespace

TEST_CASE("coverage lists every SOP item in order with what exercises it") {
    const Sop& sop = coverageSop();
    auto report = buildCoverage(sop, {sampleScenario()}, {sampleBank()});
    CHECK(report.scenario_count == 1);
    CHECK(report.question_count == 2);
    CHECK(report.items.size() == sop.steps.size() + sop.rules.size() + sop.escalation_triggers.size() + sop.topics.size());
    CHECK(report.items.front().id == "receive");
    CHECK(report.items[7].id == "follow_up");
    CHECK(report.items[8].severity == "critical");  // rules: critical first

    // Declared by options and the scenario.
    CHECK(itemOf(report, CoverageKind::Step, "receive").scenarios == std::vector<std::string>{"sample-call"});
    CHECK(contains(itemOf(report, CoverageKind::Rule, "no_disclosure_before_verification").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "transfer_with_context").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Trigger, "supervisor_requested").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Topic, "greeting_rapport").scenarios, "sample-call"));
    // Implied by what the engine checks on its own.
    CHECK(contains(itemOf(report, CoverageKind::Step, "access_systems").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Step, "document").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Step, "follow_up").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "hold_ask_permission").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "no_cold_transfer").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "use_approved_scripts").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "log_commitments").scenarios, "sample-call"));
    CHECK(contains(itemOf(report, CoverageKind::Rule, "correct_disposition").scenarios, "sample-call"));
    // Not exercised by anything in the scenario.
    CHECK(itemOf(report, CoverageKind::Step, "verify").scenarios.empty());
    CHECK(itemOf(report, CoverageKind::Rule, "no_calling_dnc").scenarios.empty());

    // Questions by their tags.
    CHECK(itemOf(report, CoverageKind::Step, "verify").questions == std::vector<std::string>{"q.verify"});
    CHECK(itemOf(report, CoverageKind::Rule, "no_cold_transfer").questions == std::vector<std::string>{"q.escalate"});
    CHECK(itemOf(report, CoverageKind::Trigger, "supervisor_requested").questions == std::vector<std::string>{"q.escalate"});
    CHECK(itemOf(report, CoverageKind::Topic, "definitions").questions == std::vector<std::string>{"q.verify"});

    // Unknown ids are not invented as items.
    CHECK(std::none_of(report.items.begin(), report.items.end(), [](const CoverageItem& i) { return i.id == "not_a_step"; }));
}

TEST_CASE("the gate: steps and critical rules need a scenario and a question") {
    const Sop& sop = coverageSop();
    auto report = buildCoverage(sop, {sampleScenario()}, {sampleBank()});
    auto gaps = report.gaps();
    auto gapped = [&gaps](const std::string& id) {
        return std::any_of(gaps.begin(), gaps.end(), [&](const CoverageItem* g) { return g->id == id; });
    };
    CHECK_FALSE(gapped("no_disclosure_before_verification"));  // both
    CHECK_FALSE(gapped("no_cold_transfer"));                   // both
    CHECK(gapped("verify"));                                    // question only
    CHECK(gapped("receive"));                                   // scenario only
    CHECK(gapped("no_calling_dnc"));                            // neither
    CHECK_FALSE(gapped("hold_give_estimate"));  // minor rules are outside the default gate
    for (const auto* g : gaps) CHECK((g->kind == CoverageKind::Step || g->severity == "critical"));

    auto strict = report.gaps(/*strict=*/true);
    CHECK(strict.size() > gaps.size());
    CHECK(std::any_of(strict.begin(), strict.end(), [](const CoverageItem* g) { return g->id == "hold_give_estimate"; }));

    // Full coverage closes the gate.
    QuestionBank everything;
    Question all;
    all.id = "q.all";
    for (const auto& s : sop.steps) all.steps.push_back(s.id);
    for (const auto& r : sop.rules) all.rules.push_back(r.id);
    everything.questions = {all};
    auto scenario = std::make_shared<Scenario>();
    scenario->id = "all";
    Node node;
    Option option;
    for (const auto& s : sop.steps) option.steps.push_back(s.id);
    for (const auto& r : sop.rules) option.breaks.push_back(r.id);
    node.options = {option};
    scenario->nodes = {node};
    CHECK(buildCoverage(sop, {scenario}, {everything}).gaps().empty());
}

TEST_CASE("coverage JSON carries ids and the gate flag") {
    auto report = buildCoverage(coverageSop(), {sampleScenario()}, {sampleBank()});
    nlohmann::json j = report;
    CHECK(j["scenarios"] == 1);
    CHECK(j["questions"] == 2);
    auto& first = j["items"][0];
    CHECK(first["kind"] == "step");
    CHECK(first["id"] == "receive");
    CHECK(first["gated"] == true);
    CHECK(first["scenarios"][0] == "sample-call");
}
