#include <algorithm>
#include "frontline/content.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"
#include "frontline/utf8.hpp"

namespace frontline {
namespace {

template <class T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

std::string str(const nlohmann::json& j, const char* key) { return j.value(key, std::string()); }

std::vector<Named> namedList(const nlohmann::json& j, const char* id_key) {
    std::vector<Named> out;
    for (const auto& item : j) out.push_back({item.at(id_key).get<std::string>(), item.at("name").get<std::string>()});
    return out;
}

// Two steps with one role would make "which step is documentation" ambiguous.
void checkUniqueRoles(const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    const auto& steps = doc.value.at("steps");
    for (size_t i = 0; i < steps.size(); ++i) {
        const std::string role = str(steps[i], "role");
        for (size_t k = 0; k < i && !role.empty(); ++k) {
            if (str(steps[k], "role") == role)
                diags.push_back(doc.diag(Severity::Error, "/steps/" + std::to_string(i) + "/role",
                                         "steps '" + str(steps[k], "id") + "' and '" + str(steps[i], "id") +
                                             "' both have the role '" + role + "'"));
        }
    }
}

}  // namespace

const SopStep* Sop::step(std::string_view id) const { return findById(steps, id); }
const SopRule* Sop::rule(std::string_view id) const { return findById(rules, id); }
const Script* Sop::script(std::string_view id) const { return findById(scripts, id); }
const Named* Sop::team(std::string_view id) const { return findById(teams, id); }
const Named* Sop::disposition(std::string_view code) const { return findById(disposition_codes, code); }
const Named* Sop::category(std::string_view id) const { return findById(categories, id); }
const Topic* Sop::topic(std::string_view id) const { return findById(topics, id); }
const EscalationTrigger* Sop::trigger(std::string_view id) const { return findById(escalation_triggers, id); }

const SopStep* Sop::stepWithRole(std::string_view role) const {
    for (const auto& s : steps)
        if (s.role == role) return &s;
    return nullptr;
}
std::string Sop::stepIdWithRole(std::string_view role) const {
    const SopStep* s = stepWithRole(role);
    return s ? s->id : std::string();
}
const SopRule* Sop::ruleCheckedBy(std::string_view check) const {
    for (const auto& r : rules)
        if (r.checked_by == check) return &r;
    return nullptr;
}
std::string Sop::ruleIdCheckedBy(std::string_view check) const {
    const SopRule* r = ruleCheckedBy(check);
    return r ? r->id : std::string();
}

const char* severityName(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Minor: return "minor";
        case RuleSeverity::Major: return "major";
        case RuleSeverity::Critical: return "critical";
    }
    return "minor";
}

std::vector<std::string> missingScriptElements(const Script& script, const std::string& text, const OrgSettings& settings,
                                               const std::string& agent_name) {
    std::string haystack = utf8::foldForSearch(fillPlaceholders(text, settings, agent_name));
    std::vector<std::string> missing;
    for (const auto& element : script.elements) {
        bool found = std::any_of(element.any_of.begin(), element.any_of.end(), [&](const std::string& phrase) {
            return haystack.find(utf8::foldForSearch(fillPlaceholders(phrase, settings, agent_name))) != std::string::npos;
        });
        if (!found) missing.push_back(element.id);
    }
    return missing;
}

std::optional<Sop> loadSop(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc || !checkSchema(*doc, "sop.schema.json", diags)) return std::nullopt;
    const auto& j = doc->value;
    Sop sop;
    sop.file = path.string();
    sop.id = str(j, "id");
    sop.title = str(j, "title");
    sop.version = str(j, "version");
    sop.purpose = str(j, "purpose");
    sop.scope = str(j, "scope");
    for (const auto& s : j.at("steps")) {
        SopStep step;
        step.id = str(s, "id");
        step.number = s.at("number").get<int>();
        step.title = str(s, "title");
        step.source = str(s, "source");
        step.applies = str(s, "applies") == "when_promised" ? StepApplies::WhenPromised : StepApplies::Always;
        step.must_follow = s.value("must_follow", std::vector<std::string>{});
        step.actions = s.value("actions", std::vector<std::string>{});
        step.role = str(s, "role");
        sop.steps.push_back(std::move(step));
    }
    checkUniqueRoles(*doc, diags);
    std::sort(sop.steps.begin(), sop.steps.end(), [](const SopStep& a, const SopStep& b) { return a.number < b.number; });
    const auto& esc = j.at("escalation");
    sop.escalation_source = str(esc, "source");
    sop.escalation_process = str(esc, "process");
    for (const auto& t : esc.at("triggers")) sop.escalation_triggers.push_back({str(t, "id"), str(t, "text")});
    sop.teams = namedList(esc.at("teams"), "id");
    for (const auto& [id, s] : j.at("scripts").items()) {
        Script script{id, str(s, "source"), str(s, "text"), {}};
        for (const auto& e : s.at("elements"))
            script.elements.push_back({str(e, "id"), str(e, "name"), e.at("any_of").get<std::vector<std::string>>()});
        sop.scripts.push_back(std::move(script));
    }
    for (const auto& d : j.at("definitions")) sop.definitions.push_back({str(d, "term"), str(d, "name"), str(d, "text")});
    for (const auto& m : j.at("metrics"))
        sop.metrics.push_back({str(m, "id"), str(m, "name"), str(m, "setting"), str(m, "unit"), str(m, "better")});
    sop.categories = namedList(j.at("categories"), "id");
    sop.disposition_codes = namedList(j.at("disposition_codes"), "code");
    for (const auto& t : j.at("topics")) sop.topics.push_back({str(t, "id"), str(t, "title"), str(t, "source")});
    for (size_t i = 0; i < j.at("rules").size(); ++i) {
        const auto& r = j.at("rules")[i];
        SopRule rule;
        rule.id = str(r, "id");
        rule.title = str(r, "title");
        rule.text = str(r, "text");
        rule.source = str(r, "source");
        rule.step = str(r, "step");
        std::string severity = str(r, "severity");
        rule.severity = severity == "critical" ? RuleSeverity::Critical : severity == "major" ? RuleSeverity::Major : RuleSeverity::Minor;
        rule.lands_on = str(r, "lands_on") == "decision_step" ? RuleLandsOn::DecisionStep : RuleLandsOn::RuleStep;
        rule.checked_by = str(r, "checked_by");
        const std::string at = "/rules/" + std::to_string(i);
        if (!rule.checked_by.empty()) {
            if (const SopRule* other = sop.ruleCheckedBy(rule.checked_by))
                diags.push_back(doc->diag(Severity::Error, at + "/checked_by", "rules '" + other->id + "' and '" + rule.id +
                                                                                   "' both name the check '" + rule.checked_by + "'"));
        }
        if (!sop.step(rule.step))
            diags.push_back(doc->diag(Severity::Error, at + "/step", "rule '" + rule.id + "' names unknown step '" + rule.step + "'"));
        sop.rules.push_back(std::move(rule));
    }
    for (size_t i = 0; i < sop.steps.size(); ++i)
        for (const auto& prior : sop.steps[i].must_follow)
            if (!sop.step(prior))
                diags.push_back(doc->diag(Severity::Error, "/steps", "step '" + sop.steps[i].id + "' must follow unknown step '" + prior + "'"));
    if (hasErrors(diags)) return std::nullopt;
    return sop;
}

}  // namespace frontline
