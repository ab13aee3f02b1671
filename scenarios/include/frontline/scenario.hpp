#pragma once
// A scenario: a scripted customer, the agent desk's data (CRM record, what the caller claims,
// knowledge base) and a graph of nodes. Loaded from scenarios/content/scenarios/*.json; the
// format is described by scenarios/schema/scenario.schema.json and docs/content-format.md.
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/channel.hpp"

namespace frontline {

struct Persona {
    std::string name;
    int mood = 50;      // 0 (furious) .. 100 (delighted); at 0 the customer hangs up
    int patience = 50;  // 0..100; low patience makes waits and hold cost more mood
    std::vector<std::string> traits;
    std::string description;
    // A call: seconds of silence this caller sits through before prompting the agent (0: the
    // engine's default), and what they say then (empty: the engine's default prompt).
    int dead_air_seconds = 0;
    std::string dead_air_prompt;
};

// What the CRM shows, and what the caller says about themselves (which may not match).
struct CrmInteraction {
    std::string date, channel, summary;
};
struct CrmTicket {
    std::string id, status, summary;
};
struct CrmRecord {
    std::vector<std::pair<std::string, std::string>> fields;  // ordered: "Account number" -> "88-1042"
    std::vector<CrmInteraction> history;
    std::vector<CrmTicket> open_tickets;
    bool must_review_history = false;  // the SOP step 4 expects history/tickets to be reviewed here
};

struct KbArticle {
    std::string id, title, body;
    std::vector<std::string> keywords;
    bool relevant = false;  // opening it counts for SOP step 4 (check the knowledge base)
    // A relevant article that serves another step (e.g. a disposition guide for documentation):
    // it is not one of the systems step's tools, so opening it after the resolution is in order.
    std::string for_step;
};

struct Condition {
    enum class Kind { VarEquals, VarNotEquals, VarAtLeast, VarAtMost, MoodAtLeast, MoodBelow, StepDone, StepNotDone, Chosen, NotChosen };
    Kind kind = Kind::VarEquals;
    std::string name;         // variable, step or option id
    nlohmann::json value;     // for Var* kinds; an int for Mood* kinds
};

struct Effects {
    int mood = 0;     // change in customer mood
    int seconds = 0;  // simulated time the action takes (added to the clock)
    std::map<std::string, nlohmann::json> set;  // variables to set
    std::map<std::string, int> add;             // numeric variables to add to
};

enum class ActionType {
    Say,            // the agent speaks/writes
    Verify,         // marks identity verified (pass) or failed (fail) after comparing CRM and claims
    Hold,           // puts the customer on hold (asked? estimate given?)
    Resume,         // takes the customer off hold
    Transfer,       // warm or cold transfer to a team
    DncCheck,       // checks the Do-Not-Call list (outbound)
    EndInteraction  // hangs up / ends the chat
};
const char* actionTypeName(ActionType a);

struct Action {
    ActionType type = ActionType::Say;
    std::string verify_result;  // "pass" | "fail" (Verify)
    bool asked = false;         // Hold: asked permission
    bool estimate = false;      // Hold: gave a time estimate
    std::string mode;           // Transfer: "warm" | "cold"
    std::string team;           // Transfer: team id from the SOP
};

struct Option {
    std::string id;    // stable, unique in the scenario
    std::string text;  // what the agent says or does; may contain placeholders
    std::string label; // desk actions: the button's few words ("Thank, then resume"); empty = the text
    Action action;
    std::string script;                    // "greeting" | "hold" | "closing" when it claims an approved script
    std::vector<std::string> steps;        // SOP steps it performs
    std::vector<std::string> honours;      // rules it keeps where breaking them was tempting
    std::vector<std::string> breaks;       // rules it breaks
    std::vector<std::string> triggers;     // escalation triggers it responds to
    std::vector<std::string> techniques;   // e.g. "learn.empathize", "fab"
    std::string commitment;                // "callback" | "refund" | "email" … promised to the customer
    bool empathy = false;                  // acknowledges the customer's feelings
    int points = 0;                        // base points (negative for poor choices)
    Effects effects;
    std::vector<Condition> requires_;      // all must hold for the option to be available
    std::string unavailable_reason;        // shown when a condition fails
    std::string feedback;                  // teaching text shown in the debrief
    std::string sop_ref;                   // citation, e.g. "SOP §4 Step 2"
    std::string next;                      // next node id; empty = stay (desk-style actions)
};

struct Line {
    std::string id;
    std::string speaker;  // "customer" | "system" | "agent" | "supervisor"…
    std::string text;
    std::vector<std::pair<std::string, std::string>> alternatives;  // (id, text) variants picked by seed
};

// One thing the wrap-up notes must say, graded on meaning: any of the author's words or phrases
// (matched from the start of a word, case-insensitive, so "refund" also finds "refunded"), or any
// of the amounts (compared as numbers, so "95" finds "£95", "95.00" and "GBP 95").
struct NotesMention {
    std::string meaning;               // what to say, shown to the trainee when it is missing
    std::vector<std::string> any_of;   // synonyms and phrases
    std::vector<std::string> amounts;  // figures, e.g. "95" or "6.42"
};

// Wrap-up expected at an ending: graded against the form the trainee fills in.
struct WrapUpExpectation {
    std::vector<std::string> dispositions;               // acceptable codes (first is the best)
    std::string category;                                // expected issue category ("" = any)
    std::vector<NotesMention> notes_mention;             // each must be found in the notes
    bool follow_up_required = false;
};

struct Ending {
    std::string outcome;  // an id of the SOP's outcomes
    bool success = false;  // a good ending for training purposes
    std::string summary;
};

struct Node {
    std::string id;
    std::vector<Line> lines;
    std::vector<Option> options;
    std::optional<Ending> ending;
    std::optional<WrapUpExpectation> wrap_up;  // endings only: the wrap-up form is required
    int line_offset = 0;  // where the node starts in the file (for diagnostics)
};

// An SOP step that applies always, not required in one scenario (the supervisor closes the call
// after a warm transfer): `frontline validate` shows the reason.
struct StepWaiver {
    std::string step;
    std::string reason;
};

struct Scenario {
    std::string id;
    int version = 1;
    std::string title;
    std::string summary;
    std::string sop;  // SOP id this scenario trains
    Channel channel = Channel::Call;
    bool outbound = false;
    int queued_minutes = 0;  // email: how long the message has waited in the queue when the desk shows it
    int difficulty = 1;  // 1 intro, 2 intermediate, 3 advanced
    std::vector<std::string> tags;    // situations: failed_verification, objection, escalation…
    std::vector<std::string> topics;  // SOP topics it exercises (ids from the SOP)
    // SOP steps the ideal play covers, besides every "always" step, which is required unless waived.
    std::vector<std::string> required_steps;
    std::vector<StepWaiver> waived_steps;  // "always" steps this situation does not call for, each with why
    Persona persona;
    CrmRecord crm;
    std::vector<std::pair<std::string, std::string>> claims;  // what the caller says
    // The node where the caller has said their claims (the desk shows them from then on); empty =
    // the first node that offers a verify decision.
    std::string claims_heard_at;
    std::vector<KbArticle> kb;
    std::map<std::string, nlohmann::json> variables;  // initial values
    std::string start;
    std::vector<Node> nodes;
    std::string file;  // where it was loaded from

    const Node* node(std::string_view id) const;
    const KbArticle* article(std::string_view id) const;
    // Every option of every node, with its node.
    std::vector<std::pair<const Node*, const Option*>> allOptions() const;
};

const char* difficultyName(int difficulty);  // "Intro" | "Intermediate" | "Advanced"

}  // namespace frontline
