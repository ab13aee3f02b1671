#pragma once
// The SOP as data: steps, escalation, approved scripts, metrics, disposition codes, topics and the
// rules a call can break. Loaded from scenarios/content/sop/*.sop.json.
#include <optional>
#include <string>
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
};

enum class RuleSeverity { Minor, Major, Critical };

struct SopRule {
    std::string id;
    std::string title;   // what breaking it looks like, e.g. "Cold-transferred the customer"
    std::string text;    // the SOP text it comes from
    std::string source;  // citation
    std::string step;    // the SOP step it belongs to
    RuleSeverity severity = RuleSeverity::Minor;
    bool critical() const { return severity == RuleSeverity::Critical; }
};

struct ScriptElement {
    std::string id;
    std::string name;
    std::vector<std::string> any_of;  // lower-case phrases; may contain placeholders
};

struct Script {
    std::string id;  // greeting | hold | closing
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
    std::vector<Topic> topics;
    std::vector<SopRule> rules;

    const SopStep* step(std::string_view id) const;
    const SopRule* rule(std::string_view id) const;
    const Script* script(std::string_view id) const;
    const Named* team(std::string_view id) const;
    const Named* disposition(std::string_view code) const;
    const Named* category(std::string_view id) const;
    const Topic* topic(std::string_view id) const;
    const EscalationTrigger* trigger(std::string_view id) const;
};

const char* severityName(RuleSeverity s);

// Which elements of an approved script `text` contains (case-insensitive, after placeholders are
// filled with the same settings). Returns the ids of the missing elements.
struct OrgSettings;
std::vector<std::string> missingScriptElements(const Script& script, const std::string& text,
                                               const OrgSettings& settings, const std::string& agent_name);

}  // namespace frontline
