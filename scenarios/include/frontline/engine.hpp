#pragma once
// The scenario engine: a deterministic step machine over a Scenario. It exposes the transcript,
// the current options (with why an option is unavailable), choose(), the simulated clock and mood,
// and a complete event log. No I/O, no UI. The UI and CLI drive it; scoring reads its log.
//
// Life of an attempt:  Ringing --answer()--> Live --choose()...--> WrapUp --submitWrapUp()--> Finished
// (an ending without a wrap_up goes straight to Finished). Desk tools (CRM record, history,
// knowledge-base articles) are options too, with ids "desk.crm", "desk.history", "desk.kb.<article>".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include "frontline/event_log.hpp"
#include "frontline/scenario.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"

namespace frontline {

enum class Phase { Ringing, Live, WrapUp, Finished };
const char* phaseName(Phase p);

struct TranscriptLine {
    std::string id;       // stable line or option id
    std::string speaker;  // customer | agent | system
    std::string text;     // placeholders filled
    int clock = 0;
};

struct OptionView {
    std::string id;
    std::string text;  // placeholders filled
    std::string label; // desk actions: the author's short label (filled), or empty
    Action action;
    bool desk = false;       // a desk tool (CRM, history, KB) rather than a conversational move
    bool available = true;
    std::string unavailable_reason;
    bool used = false;       // desk tools: already opened
};

struct WrapUpForm {
    std::string disposition;  // code from the SOP
    std::string category;     // category id from the SOP
    std::string notes;
    bool follow_up = false;   // a follow-up task was created
    std::string follow_up_task;
    std::string follow_up_due;  // free text, e.g. "within 48 hours"
};

struct ChooseResult {
    bool ok = false;
    std::string error;  // unknown option / unavailable: reason / wrong phase
};

class Engine {
public:
    // The engine keeps references: sop, scenario and settings must outlive it.
    Engine(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, std::string agent_name,
           std::uint64_t seed);

    // The longest single wait (ringing, dead air, `wN`) the engine counts; longer ones count as
    // this much, so no wait can overflow the clock or the mood arithmetic.
    static constexpr int kMaxWaitSeconds = 24 * 60 * 60;
    // An email's time in the queue plus the wait at the desk counts up to this (twice the longest
    // reply target an organisation can set, so a late email is always seen as late).
    static constexpr int kMaxQueueSeconds = 2 * 168 * 60 * 60;

    Phase phase() const { return phase_; }
    // Picks up the call / chat after `waited_seconds` of ringing (speed of answer).
    ChooseResult answer(int waited_seconds);
    // Options of the current node (available or not) in the order shown to the trainee, followed
    // by the desk tools. The replies of a node are shuffled when it is entered, from the seed, so
    // the best reply has no fixed place; the same seed and choices give the same order.
    std::vector<OptionView> options() const;
    ChooseResult choose(const std::string& option_id);
    // Idle time passing (dead air, chat response time): advances the clock, costs mood on long waits.
    // On a call, a silence longer than deadAirLimitSeconds() makes the caller prompt the agent.
    void elapse(int seconds);
    int deadAirLimitSeconds() const;  // calls: from the persona (scenario data)
    // Handle time runs from the answer to the wrap-up's completion (the SOP's AHT): the wrap-up adds
    // the seconds it took. The desk passes the real time spent in the form; scripted play (golden
    // files, the terminal, the validator) counts kScriptedWrapUpSeconds.
    static constexpr int kScriptedWrapUpSeconds = 45;
    ChooseResult submitWrapUp(const WrapUpForm& form, int wrap_up_seconds = kScriptedWrapUpSeconds);

    const std::vector<TranscriptLine>& transcript() const { return transcript_; }
    const std::string& currentNodeId() const { return node_; }
    int clock() const { return clock_; }
    int mood() const { return mood_; }
    bool onHold() const { return on_hold_; }
    bool verified() const;
    const Ending* ending() const;  // set once an ending node is reached
    const WrapUpExpectation* wrapUpExpectation() const;
    const AttemptLog& log() const { return log_; }
    // Recorded with the attempt; the engine plays the same either way (the UI hides the coaching).
    void setMode(AttemptMode mode) { log_.mode = mode; }
    const Scenario& scenario() const { return scenario_; }
    const Sop& sop() const { return sop_; }
    const OrgSettings& settings() const { return settings_; }
    const std::string& agentName() const { return agent_name_; }
    const nlohmann::json& variable(const std::string& name) const;
    bool stepDone(const std::string& step) const;

    // Identifies the conversational state (node, variables, options used, hold) but not mood or
    // clock: the validator uses it to cut loops that return to a state with nothing new.
    std::string stateKey() const;
    // Drops the events and transcript recorded so far, keeping the state (node, mood, clock,
    // variables, steps, options used): the validator copies an engine at every step of every path
    // it explores, and copying the whole history each time made validation quadratic in depth.
    void forgetHistory();

    // Fills placeholders with this attempt's settings, agent and customer names.
    std::string fill(const std::string& text) const;

private:
    const Node& current() const;
    bool conditionHolds(const Condition& c) const;
    bool available(const Option& o, std::string* reason) const;
    void enterNode(const std::string& id);
    void applyEffects(const Effects& e);
    void changeMood(int delta);
    void finishIfNoWrapUp();
    void hangUpIfFurious();
    ChooseResult useDeskTool(const std::string& id);
    Event& push(EventType type);
    std::uint64_t nextRandom();
    std::uint64_t nextShuffle();
    void shuffleOptions();
    nlohmann::json shownOptions() const;
    void applyDeskChecks(const Option& o, Event& e) const;

    const Sop& sop_;
    const Scenario& scenario_;
    const OrgSettings& settings_;
    std::string agent_name_;
    std::uint64_t rng_;
    std::uint64_t shuffle_rng_;  // a stream of its own, so line variants do not depend on option counts
    std::vector<size_t> order_;  // the current node's options in shown order (indices into Node::options)
    Phase phase_ = Phase::Ringing;
    std::string node_;
    int clock_ = 0;
    int mood_ = 50;
    bool on_hold_ = false;
    std::map<std::string, nlohmann::json> vars_;
    std::vector<std::string> chosen_;
    std::vector<std::string> steps_done_;
    std::vector<std::string> desk_used_;
    std::vector<TranscriptLine> transcript_;
    AttemptLog log_;
    // Set when the customer hangs up (mood 0): an ending the content did not write.
    std::optional<Ending> hang_up_ending_;
    WrapUpExpectation hang_up_wrap_up_;
};

// Builds the desk option id for a knowledge-base article.
std::string deskKbOptionId(const std::string& article_id);
// The knowledge-base article a "desk.kb.<article>" id names, or null for any other id.
const KbArticle* deskKbArticle(const Scenario& scenario, const std::string& desk_id);
// Whether a desk tool counts for the SOP step desk tools serve (role "systems"): the CRM record,
// the history and open tickets, and knowledge-base articles marked relevant.
bool deskToolServesSystemsStep(const Scenario& scenario, const std::string& desk_id);

}  // namespace frontline
