// SOP coverage: which scenarios and questions exercise each step, rule, trigger and topic.
#include "frontline/coverage.hpp"
#include <algorithm>
#include <map>
#include <set>

namespace frontline {
namespace {

// (kind, id) -> the sets being collected; ids the SOP does not know are dropped on insert.
class Collector {
public:
    void declare(CoverageKind kind, const std::string& id) { sets_[{kind, id}]; }
    void scenario(CoverageKind kind, const std::string& id, const std::string& scenario_id) {
        if (auto it = sets_.find({kind, id}); it != sets_.end()) it->second.first.insert(scenario_id);
    }
    void question(CoverageKind kind, const std::string& id, const std::string& question_id) {
        if (auto it = sets_.find({kind, id}); it != sets_.end()) it->second.second.insert(question_id);
    }
    void fill(CoverageItem& item) const {
        const auto& [scenarios, questions] = sets_.at({item.kind, item.id});
        item.scenarios.assign(scenarios.begin(), scenarios.end());
        item.questions.assign(questions.begin(), questions.end());
    }

private:
    std::map<std::pair<CoverageKind, std::string>, std::pair<std::set<std::string>, std::set<std::string>>> sets_;
};

// What the desk checks whatever the author wrote (the SOP names the step roles and the rule behind
// each check) counts as exercised wherever the situation arises.
void addScenario(Collector& c, const Sop& sop, const Scenario& s) {
    auto rule = [&](RuleCheck check) { c.scenario(CoverageKind::Rule, sop.ruleIdCheckedBy(check), s.id); };
    auto step = [&](StepRole role) { c.scenario(CoverageKind::Step, sop.stepIdWithRole(role), s.id); };
    for (const auto& topic : s.topics) c.scenario(CoverageKind::Topic, topic, s.id);
    if (!s.crm.fields.empty()) step("systems");  // the desk's CRM tool
    for (const auto& node : s.nodes) {
        if (node.wrap_up) {
            step("documentation");
            rule("disposition_code");
        }
        for (const auto& option : node.options) {
            for (const auto& id : option.steps) c.scenario(CoverageKind::Step, id, s.id);
            for (const auto& id : option.breaks) c.scenario(CoverageKind::Rule, id, s.id);
            for (const auto& id : option.honours) c.scenario(CoverageKind::Rule, id, s.id);
            for (const auto& trigger : option.triggers) c.scenario(CoverageKind::Trigger, trigger, s.id);
            if (option.action.type == ActionType::Hold) {
                rule("hold_permission");
                rule("hold_estimate");
            }
            if (option.action.type == ActionType::Transfer) rule("cold_transfer");
            if (option.action.type == ActionType::Verify && !s.crm.fields.empty()) rule("verify_without_record");
            if (!option.script.empty()) rule("script_elements");
            if (!option.commitment.empty()) {
                rule("follow_up_task");
                step("follow_up");
            }
        }
    }
}

void addQuestion(Collector& c, const Question& q) {
    for (const auto& step : q.steps) c.question(CoverageKind::Step, step, q.id);
    for (const auto& rule : q.rules) c.question(CoverageKind::Rule, rule, q.id);
    for (const auto& trigger : q.triggers) c.question(CoverageKind::Trigger, trigger, q.id);
    for (const auto& topic : q.topics) c.question(CoverageKind::Topic, topic, q.id);
}

int severityRank(RuleSeverity s) { return s == RuleSeverity::Critical ? 0 : s == RuleSeverity::Major ? 1 : 2; }

}  // namespace

const char* coverageKindName(CoverageKind k) {
    switch (k) {
        case CoverageKind::Step: return "step";
        case CoverageKind::Rule: return "rule";
        case CoverageKind::Trigger: return "trigger";
        case CoverageKind::Topic: return "topic";
    }
    return "step";
}

std::vector<const CoverageItem*> CoverageReport::gaps(bool strict) const {
    std::vector<const CoverageItem*> out;
    for (const auto& item : items)
        if ((strict || item.gated) && (item.scenarios.empty() || item.questions.empty())) out.push_back(&item);
    return out;
}

CoverageReport buildCoverage(const Sop& sop, const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                             const std::vector<QuestionBank>& banks) {
    CoverageReport report;
    std::vector<const SopStep*> steps;
    for (const auto& s : sop.steps) steps.push_back(&s);
    std::stable_sort(steps.begin(), steps.end(), [](const SopStep* a, const SopStep* b) { return a->number < b->number; });
    std::vector<const SopRule*> rules;
    for (const auto& r : sop.rules) rules.push_back(&r);
    std::stable_sort(rules.begin(), rules.end(),
                     [](const SopRule* a, const SopRule* b) { return severityRank(a->severity) < severityRank(b->severity); });

    for (const auto* s : steps) report.items.push_back({CoverageKind::Step, s->id, s->title, "", true, {}, {}});
    for (const auto* r : rules)
        report.items.push_back({CoverageKind::Rule, r->id, r->title, severityName(r->severity), r->critical(), {}, {}});
    for (const auto& t : sop.escalation_triggers) report.items.push_back({CoverageKind::Trigger, t.id, t.text, "", false, {}, {}});
    for (const auto& t : sop.topics) report.items.push_back({CoverageKind::Topic, t.id, t.title, "", false, {}, {}});

    Collector collector;
    for (const auto& item : report.items) collector.declare(item.kind, item.id);
    for (const auto& scenario : scenarios)
        if (scenario) {
            addScenario(collector, sop, *scenario);
            ++report.scenario_count;
        }
    for (const auto& bank : banks)
        for (const auto& q : bank.questions) {
            addQuestion(collector, q);
            ++report.question_count;
        }
    for (auto& item : report.items) collector.fill(item);
    return report;
}

void to_json(nlohmann::json& j, const CoverageReport& r) {
    j = nlohmann::json{{"scenarios", r.scenario_count}, {"questions", r.question_count}, {"items", nlohmann::json::array()}};
    for (const auto& item : r.items) {
        nlohmann::json e{{"kind", coverageKindName(item.kind)}, {"id", item.id},         {"title", item.title},
                         {"gated", item.gated},                  {"scenarios", item.scenarios}, {"questions", item.questions}};
        if (!item.severity.empty()) e["severity"] = item.severity;
        j["items"].push_back(std::move(e));
    }
}

}  // namespace frontline
