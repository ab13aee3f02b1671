#include <algorithm>
#include <map>
#include "frontline/content.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"
#include "frontline/utf8.hpp"

namespace frontline {
namespace {

// The first item whose `field` equals `value` (an id, a role, a check), or null.
template <class T>
const T* findBy(const std::vector<T>& items, std::string T::*field, std::string_view value) {
    for (const auto& item : items)
        if (item.*field == value) return &item;
    return nullptr;
}

template <class T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    return findBy(items, &T::id, id);
}

std::string str(const nlohmann::json& j, const char* key) { return j.value(key, std::string()); }

// Outcome ids must be unique: a scenario ending names one, and History shows its title.
std::vector<SopOutcome> loadOutcomes(const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    std::vector<SopOutcome> out;
    const auto& items = doc.value.at("outcomes");
    for (size_t i = 0; i < items.size(); ++i) {
        const auto& o = items[i];
        SopOutcome outcome{str(o, "id"), str(o, "title"), str(o, "role"), o.value("first_contact_resolution", false)};
        if (findById(out, outcome.id))
            diags.push_back(doc.diag(Severity::Error, "/outcomes/" + std::to_string(i) + "/id", "outcome '" + outcome.id + "' is listed twice"));
        out.push_back(std::move(outcome));
    }
    return out;
}

std::vector<Named> namedList(const nlohmann::json& j, const char* id_key) {
    std::vector<Named> out;
    for (const auto& item : j) out.push_back({item.at(id_key).get<std::string>(), item.at("name").get<std::string>()});
    return out;
}

struct RoleField {
    RoleKind kind;
    const char* list;   // the SOP's array: steps, rules, disposition_codes
    const char* id;     // the key naming an item
    const char* field;  // the key naming its role
    const char* items;  // for messages: "steps"
    const char* names;  // for messages: "have the role"
};
constexpr RoleField kRoleFields[] = {
    {RoleKind::Step, "steps", "id", "role", "steps", "have the role"},
    {RoleKind::RuleCheck, "rules", "id", "checked_by", "rules", "name the check"},
    {RoleKind::Disposition, "disposition_codes", "code", "role", "disposition codes", "have the role"},
    {RoleKind::Outcome, "outcomes", "id", "role", "outcomes", "have the role"},
};

std::string roleNames(RoleKind kind) {
    std::string out;
    for (const BuiltInRole& r : kBuiltInRoles)
        if (r.kind == kind) out += (out.empty() ? "" : ", ") + std::string(r.name);
    return out;
}

// Each role the SOP gives must be a built-in one, given once ("which step is documentation" must
// have one answer), and every role the engine needs must be given.
void checkRoles(const JsonDocument& doc, const RoleField& f, std::vector<Diagnostic>& diags) {
    const auto& items = doc.value.at(f.list);
    std::map<std::string, std::string> owner;  // role -> the item that gave it first
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string role = str(items[i], f.field);
        if (role.empty()) continue;
        const std::string at = "/" + std::string(f.list) + "/" + std::to_string(i) + "/" + f.field;
        const std::string id = str(items[i], f.id);
        if (!builtInRole(f.kind, role)) {
            diags.push_back(doc.diag(Severity::Error, at, "unknown " + std::string(f.field) + " '" + role + "' (expected one of: " +
                                                              roleNames(f.kind) + ")"));
        } else if (auto [it, fresh] = owner.emplace(role, id); !fresh) {
            diags.push_back(doc.diag(Severity::Error, at, std::string(f.items) + " '" + it->second + "' and '" + id + "' both " +
                                                              f.names + " '" + role + "'"));
        }
    }
    for (const BuiltInRole& r : kBuiltInRoles) {
        if (r.kind != f.kind || !r.required || owner.count(r.name)) continue;
        diags.push_back(doc.diag(Severity::Error, "/" + std::string(f.list),
                                 "none of the " + std::string(f.items) + " has the " + f.field + " '" + r.name +
                                     "', which the engine needs (" + r.use + ")"));
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
const SopOutcome* Sop::outcome(std::string_view id) const { return findById(outcomes, id); }
const EscalationTrigger* Sop::trigger(std::string_view id) const { return findById(escalation_triggers, id); }

const SopStep* Sop::stepWithRole(StepRole role) const { return findBy(steps, &SopStep::role, role.name); }
std::string Sop::stepIdWithRole(StepRole role) const {
    const SopStep* s = stepWithRole(role);
    return s ? s->id : std::string();
}
const SopOutcome* Sop::outcomeWithRole(OutcomeRole role) const { return findBy(outcomes, &SopOutcome::role, role.name); }
std::string Sop::outcomeIdWithRole(OutcomeRole role) const {
    const SopOutcome* o = outcomeWithRole(role);
    return o ? o->id : std::string();
}
std::string Sop::outcomeTitle(std::string_view id) const {
    const SopOutcome* o = outcome(id);
    return o ? o->title : std::string(id);
}
std::string Sop::outcomeIds() const {
    std::string out;
    for (const auto& o : outcomes) out += (out.empty() ? "" : ", ") + o.id;
    return out;
}
const SopRule* Sop::ruleCheckedBy(RuleCheck check) const { return findBy(rules, &SopRule::checked_by, check.name); }
std::string Sop::ruleIdCheckedBy(RuleCheck check) const {
    const SopRule* r = ruleCheckedBy(check);
    return r ? r->id : std::string();
}

const BuiltInRole* builtInRole(RoleKind kind, std::string_view name) {
    for (const BuiltInRole& r : kBuiltInRoles)
        if (r.kind == kind && name == r.name) return &r;
    return nullptr;
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
    for (const RoleField& f : kRoleFields) checkRoles(*doc, f, diags);
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
    for (const auto& d : j.at("disposition_codes"))
        if (str(d, "role") == "hang_up") sop.hang_up_disposition = str(d, "code");
    sop.outcomes = loadOutcomes(*doc, diags);
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
