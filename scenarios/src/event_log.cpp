#include "frontline/event_log.hpp"
#include "frontline/name_table.hpp"

namespace frontline {
namespace {
constexpr std::pair<EventType, const char*> kEventTypes[] = {
    {EventType::Answer, "answer"},   {EventType::CustomerLine, "line"}, {EventType::Choice, "choice"},
    {EventType::Desk, "desk"},       {EventType::Wait, "wait"},         {EventType::MoodHangUp, "hang_up"},
    {EventType::Ending, "ending"},   {EventType::WrapUp, "wrap_up"},    {EventType::Finished, "finished"},
};

ActionType actionFromName(const std::string& name) {
    for (auto a : {ActionType::Say, ActionType::Verify, ActionType::Hold, ActionType::Resume, ActionType::Transfer,
                   ActionType::DncCheck, ActionType::EndInteraction})
        if (name == actionTypeName(a)) return a;
    return ActionType::Say;
}

// Empty lists and strings are left out to keep stored logs small.
template <class T>
void putIfAny(nlohmann::json& j, const char* key, const T& value) {
    if (!value.empty()) j[key] = value;
}
}  // namespace

const char* eventTypeName(EventType t) { return nameIn(kEventTypes, t, "choice"); }
std::optional<EventType> eventTypeFromName(std::string_view name) { return valueIn(kEventTypes, name); }

void to_json(nlohmann::json& j, const Event& e) {
    j = nlohmann::json{{"seq", e.seq}, {"type", eventTypeName(e.type)}, {"clock", e.clock}};
    putIfAny(j, "node", e.node);
    putIfAny(j, "id", e.id);
    putIfAny(j, "text", e.text);
    if (e.action != ActionType::Say) j["action"] = actionTypeName(e.action);
    putIfAny(j, "steps", e.steps);
    putIfAny(j, "honours", e.honours);
    putIfAny(j, "breaks", e.breaks);
    putIfAny(j, "triggers", e.triggers);
    putIfAny(j, "techniques", e.techniques);
    putIfAny(j, "script", e.script);
    putIfAny(j, "commitment", e.commitment);
    if (e.empathy) j["empathy"] = true;
    if (e.points != 0) j["points"] = e.points;
    j["mood_before"] = e.mood_before;
    j["mood_after"] = e.mood_after;
    putIfAny(j, "feedback", e.feedback);
    putIfAny(j, "sop_ref", e.sop_ref);
    if (!e.data.empty()) j["data"] = e.data;
}

void from_json(const nlohmann::json& j, Event& e) {
    using Strings = std::vector<std::string>;
    e.seq = j.value("seq", 0);
    e.type = eventTypeFromName(j.value("type", std::string("choice"))).value_or(EventType::Choice);
    e.clock = j.value("clock", 0);
    e.node = j.value("node", std::string());
    e.id = j.value("id", std::string());
    e.text = j.value("text", std::string());
    e.action = actionFromName(j.value("action", std::string("say")));
    e.steps = j.value("steps", Strings{});
    e.honours = j.value("honours", Strings{});
    e.breaks = j.value("breaks", Strings{});
    e.triggers = j.value("triggers", Strings{});
    e.techniques = j.value("techniques", Strings{});
    e.script = j.value("script", std::string());
    e.commitment = j.value("commitment", std::string());
    e.empathy = j.value("empathy", false);
    e.points = j.value("points", 0);
    e.mood_before = j.value("mood_before", 0);
    e.mood_after = j.value("mood_after", 0);
    e.feedback = j.value("feedback", std::string());
    e.sop_ref = j.value("sop_ref", std::string());
    e.data = j.value("data", nlohmann::json::object());
}

const char* attemptModeName(AttemptMode m) { return m == AttemptMode::Assessment ? "assessment" : "practice"; }
AttemptMode attemptModeFromName(std::string_view name) {
    return name == "assessment" ? AttemptMode::Assessment : AttemptMode::Practice;
}

void to_json(nlohmann::json& j, const AttemptLog& a) {
    j = nlohmann::json{{"scenario_id", a.scenario_id}, {"scenario_version", a.scenario_version}, {"sop_id", a.sop_id},
                       {"sop_version", a.sop_version},  {"agent_name", a.agent_name},             {"seed", a.seed},
                       {"channel", channelName(a.channel)}, {"events", a.events},                  {"success", a.success},
                       {"ending_node", a.ending_node}, {"mode", attemptModeName(a.mode)}};
    if (!a.outcome.empty()) j["outcome"] = a.outcome;
}

void from_json(const nlohmann::json& j, AttemptLog& a) {
    a.scenario_id = j.value("scenario_id", std::string());
    a.scenario_version = j.value("scenario_version", 1);
    a.sop_id = j.value("sop_id", std::string());
    a.sop_version = j.value("sop_version", std::string());
    a.agent_name = j.value("agent_name", std::string());
    a.seed = j.value("seed", std::uint64_t{0});
    a.channel = channelFromName(j.value("channel", std::string("call"))).value_or(Channel::Call);
    a.mode = attemptModeFromName(j.value("mode", std::string("practice")));
    a.events = j.value("events", std::vector<Event>{});
    a.success = j.value("success", false);
    a.ending_node = j.value("ending_node", std::string());
    a.outcome = j.value("outcome", std::string());
}

}  // namespace frontline
