#pragma once
// The SOP as data: steps, escalation, approved scripts, metrics, disposition codes, topics and the
// rules a call can break. Loaded from scenarios/content/sop/*.sop.json.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

enum class StepApplies { Always, WhenPromised };

struct SopStep {
    std::string id;      // e.g. "verify"
    int number = 0;      // 1..8, the SOP's order
    std::string title;
    std::string source;  // citation, e.g. "SOP §4 Step 2"
    StepApplies applies = StepApplies::Always;
    std::vector<std::string> must_follow;  // steps whose first coverage must come before this one's
    std::vector<std::string> actions;      // the SOP's bullet points
    std::string role;  // what the engine and scorer use this step for (kBuiltInRoles), or empty
};

// The one table of built-in roles. The code looks steps, rules, disposition codes and outcomes up by
// these names (Sop::stepWithRole, ruleCheckedBy, hang_up_disposition, outcomeWithRole) and never by
// an id, so an SOP can name its steps, rules, codes and outcomes as it likes. loadSop checks an SOP against this table: an
// unknown name, a name given twice, or a required role missing is an error at its position.
enum class RoleKind { Step, RuleCheck, Disposition, Outcome };
struct BuiltInRole {
    RoleKind kind;
    const char* name;
    bool required;    // the engine or scorer cannot work without it
    const char* use;  // what the engine and scorer do with it (docs/content-format.md says the same)
};
inline constexpr BuiltInRole kBuiltInRoles[] = {
    {RoleKind::Step, "answer", true, "speed of answer and the first reply are charged here"},
    {RoleKind::Step, "verify", true, "identity verification; credited when no breach lands on it"},
    {RoleKind::Step, "systems", true, "the step the desk tools (CRM record, history, knowledge base) serve"},
    {RoleKind::Step, "resolution", false, "desk tools first used after this step was covered are out of order"},
    {RoleKind::Step, "documentation", true, "the wrap-up form (disposition, category, notes)"},
    {RoleKind::Step, "follow_up", false, "the follow-up task of the wrap-up form; required once a follow-up is promised"},
    {RoleKind::RuleCheck, "hold_permission", false, "a hold without asking the customer first"},
    {RoleKind::RuleCheck, "hold_estimate", false, "a hold without a time estimate"},
    {RoleKind::RuleCheck, "cold_transfer", false, "a transfer in cold mode"},
    {RoleKind::RuleCheck, "script_elements", false, "an option claiming an approved script lacks some of its elements"},
    {RoleKind::RuleCheck, "verify_without_record", false, "identity verified (pass or fail) before the CRM record was opened"},
    {RoleKind::RuleCheck, "disposition_code", false, "the wrap-up's disposition code does not fit the outcome"},
    {RoleKind::RuleCheck, "follow_up_task", false, "a commitment or required follow-up without a follow-up task"},
    {RoleKind::Disposition, "hang_up", true, "the code a wrap-up after the customer hung up must carry"},
    {RoleKind::Outcome, "hung_up", true, "the engine ends the interaction with it when the customer's patience runs out"},
    {RoleKind::Outcome, "warm_transfer", false, "the debrief credits a warm transfer with full context"},
};
const BuiltInRole* builtInRole(RoleKind kind, std::string_view name);  // null when not in the table

constexpr bool isBuiltInRole(RoleKind kind, std::string_view name) {
    for (const BuiltInRole& r : kBuiltInRoles)
        if (r.kind == kind && name == r.name) return true;
    return false;
}

// A role the code looks up, checked against kBuiltInRoles as the code compiles: a misspelt
// `sop.stepWithRole("documentaton")` is a build error rather than a lookup that finds nothing.
template <RoleKind Kind>
struct RoleName {
    std::string_view name;
    consteval RoleName(const char* role) : name(role) {
        if (!isBuiltInRole(Kind, role)) throw "not a role of this kind in kBuiltInRoles";  // stops the build
    }
};
using StepRole = RoleName<RoleKind::Step>;
using RuleCheck = RoleName<RoleKind::RuleCheck>;
using OutcomeRole = RoleName<RoleKind::Outcome>;

enum class RuleSeverity { Minor, Major, Critical };
enum class RuleLandsOn { RuleStep, DecisionStep };

struct SopRule {
    std::string id;
    std::string title;   // what breaking it looks like, e.g. "Cold-transferred the customer"
    std::string text;    // the SOP text it comes from
    std::string source;  // citation
    std::string step;    // the SOP step it belongs to
    RuleSeverity severity = RuleSeverity::Minor;
    // Where a breach is charged: the rule's own step, or (for rules that apply all through the
    // interaction: scripts, tone, hold) the step of the decision that broke it.
    RuleLandsOn lands_on = RuleLandsOn::RuleStep;
    std::string checked_by;  // the desk check that enforces it (a RuleCheck of kBuiltInRoles), or empty
    bool critical() const { return severity == RuleSeverity::Critical; }
};

struct ScriptElement {
    std::string id;
    std::string name;
    std::vector<std::string> any_of;  // lower-case phrases; may contain placeholders
};

struct Script {
    std::string id;  // as the SOP names it (greeting, hold, closing, ...); options claim it by id
    std::string source;
    std::string text;  // with placeholders {company} {agent} {hold_estimate}
    std::vector<ScriptElement> elements;
};

struct Named {
    std::string id;
    std::string name;
};

struct EscalationTrigger {
    std::string id;
    std::string text;
};

struct Definition {
    std::string term, name, text;
};

struct Metric {
    std::string id, name, setting, unit, better;
};

// An outcome an interaction can end with. Scenario endings name one by id.
struct SopOutcome {
    std::string id;     // e.g. "resolved_first_contact"
    std::string title;  // "Resolved on first contact"
    std::string role;   // an Outcome role of kBuiltInRoles, or empty
    bool first_contact_resolution = false;  // a successful ending with it counts towards FCR
};

struct Topic {
    std::string id, title, source;
};

struct Sop {
    std::string id;
    std::string title;
    std::string version;
    std::string purpose, scope;
    std::string file;  // where it was loaded from
    std::vector<SopStep> steps;
    std::string escalation_source, escalation_process;
    std::vector<EscalationTrigger> escalation_triggers;
    std::vector<Named> teams;
    std::vector<Script> scripts;
    std::vector<Definition> definitions;
    std::vector<Metric> metrics;
    std::vector<Named> categories;
    std::vector<Named> disposition_codes;  // id = code
    std::string hang_up_disposition;       // the code whose role is "hang_up"
    std::vector<SopOutcome> outcomes;
    std::vector<Topic> topics;
    std::vector<SopRule> rules;

    const SopStep* step(std::string_view id) const;
    const SopRule* rule(std::string_view id) const;
    const Script* script(std::string_view id) const;
    const Named* team(std::string_view id) const;
    const Named* disposition(std::string_view code) const;
    const Named* category(std::string_view id) const;
    const SopOutcome* outcome(std::string_view id) const;
    const SopOutcome* outcomeWithRole(OutcomeRole role) const;  // null when none
    std::string outcomeIdWithRole(OutcomeRole role) const;      // empty when none
    // The outcome's title; its id for one the SOP no longer has (an old attempt in the history).
    std::string outcomeTitle(std::string_view id) const;
    std::string outcomeIds() const;  // "a, b, c", for messages
    const Topic* topic(std::string_view id) const;
    const EscalationTrigger* trigger(std::string_view id) const;
    // The step playing a role / the rule enforcing a check (null when the SOP has none).
    const SopStep* stepWithRole(StepRole role) const;
    std::string stepIdWithRole(StepRole role) const;  // empty when none
    const SopRule* ruleCheckedBy(RuleCheck check) const;
    std::string ruleIdCheckedBy(RuleCheck check) const;  // empty when none
};

const char* severityName(RuleSeverity s);

// Which elements of an approved script `text` contains (case-insensitive, after placeholders are
// filled with the same settings). Returns the ids of the missing elements.
struct OrgSettings;
std::vector<std::string> missingScriptElements(const Script& script, const std::string& text,
                                               const OrgSettings& settings, const std::string& agent_name);

}  // namespace frontline
