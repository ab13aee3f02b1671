#pragma once
// The complete, serialisable record of one attempt. Scoring is a pure function of this log (plus
// the SOP, scenario and settings); the store keeps it as JSON so history survives content edits.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/scenario.hpp"

namespace frontline {

enum class EventType {
    Answer,        // the agent picked up; data.waited = seconds of ringing
    CustomerLine,  // a line of the customer (or system) was shown
    Choice,        // the agent chose a conversational option or an action
    Desk,          // the agent used a desk tool (CRM, history, KB article)
    Wait,          // idle time passed (dead air / slow chat response); data.seconds
    MoodHangUp,    // the customer's mood reached 0 and they hung up
    Ending,        // an ending node was reached; data.outcome, data.success
    WrapUp,        // the wrap-up form was submitted; data = the form
    Finished       // the attempt is complete
};
const char* eventTypeName(EventType t);
std::optional<EventType> eventTypeFromName(std::string_view name);

struct Event {
    int seq = 0;
    EventType type = EventType::Choice;
    int clock = 0;  // simulated seconds since answer, after the event
    std::string node;
    std::string id;    // option, line or desk id
    std::string text;  // what was said/done, placeholders filled
    ActionType action = ActionType::Say;
    std::vector<std::string> steps;
    std::vector<std::string> honours;
    std::vector<std::string> breaks;
    std::vector<std::string> triggers;
    std::vector<std::string> techniques;
    std::string script;
    std::string commitment;
    bool empathy = false;
    int points = 0;  // the option's base points
    int mood_before = 0;
    int mood_after = 0;
    std::string feedback;
    std::string sop_ref;
    nlohmann::json data = nlohmann::json::object();
};

// Practice coaches (hints, reasons why a reply is not possible yet); an assessment shows none of
// that until the debrief. Certification policies may count assessment attempts only.
enum class AttemptMode { Practice, Assessment };
const char* attemptModeName(AttemptMode m);  // practice | assessment
AttemptMode attemptModeFromName(std::string_view name);  // anything unknown: practice

struct AttemptLog {
    std::string scenario_id;
    int scenario_version = 1;
    std::string sop_id;
    std::string sop_version;
    std::string agent_name;
    std::uint64_t seed = 0;
    Channel channel = Channel::Call;
    AttemptMode mode = AttemptMode::Practice;
    std::vector<Event> events;

    // Derived summaries kept alongside for convenience (all recomputable from events).
    std::string outcome;  // the SOP outcome id of the ending reached; empty when none was
    bool success = false;
    std::string ending_node;
};

void to_json(nlohmann::json& j, const Event& e);
void from_json(const nlohmann::json& j, Event& e);
void to_json(nlohmann::json& j, const AttemptLog& a);
void from_json(const nlohmann::json& j, AttemptLog& a);

}  // namespace frontline
