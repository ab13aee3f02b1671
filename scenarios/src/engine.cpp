// The scenario step machine. Deterministic: the only randomness (which variant of a customer line
// is shown) comes from the seed. Every state change is an Event in the log, which scoring reads.
#include <algorithm>
#include <limits>
#include "frontline/engine.hpp"
#include "frontline/i18n.hpp"

namespace frontline {
namespace {

constexpr const char* kDeskCrm = "desk.crm";
constexpr const char* kDeskHistory = "desk.history";
constexpr const char* kDeskKbPrefix = "desk.kb.";
// Simulated seconds the desk tools and the wrap-up take.
constexpr int kCrmSeconds = 10;
constexpr int kHistorySeconds = 20;
constexpr int kKbSeconds = 25;
// A caller whose persona does not say otherwise sits through this much silence, then says this.
constexpr int kDefaultDeadAirSeconds = 10;
constexpr const char* kDefaultDeadAirPrompt = N_("Hello? Are you still there?");
// Scripted play (golden files, `wN` in the terminal) can wait any amount any number of times: one
// wait counts at most Engine::kMaxWaitSeconds, and the clock and counters saturate instead of overflowing.
int saturatingAdd(int a, long long b) {
    return static_cast<int>(std::clamp<long long>(a + b, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
void addUnique(std::vector<std::string>& v, const std::string& s) {
    if (!contains(v, s)) v.push_back(s);
}

const char* answeredText(Channel channel) {
    switch (channel) {
        case Channel::Chat: return tr("Chat accepted.");
        case Channel::Email: return tr("Email opened from the queue.");
        case Channel::Call: break;
    }
    return tr("Call answered.");
}

}  // namespace

const char* phaseName(Phase p) {
    switch (p) {
        case Phase::Ringing: return "ringing";
        case Phase::Live: return "live";
        case Phase::WrapUp: return "wrap_up";
        case Phase::Finished: return "finished";
    }
    return "ringing";
}

std::string deskKbOptionId(const std::string& article_id) { return kDeskKbPrefix + article_id; }

const KbArticle* deskKbArticle(const Scenario& scenario, const std::string& desk_id) {
    static const std::string prefix = kDeskKbPrefix;
    return desk_id.rfind(prefix, 0) == 0 ? scenario.article(desk_id.substr(prefix.size())) : nullptr;
}

bool deskToolServesSystemsStep(const Scenario& scenario, const std::string& desk_id) {
    if (desk_id == kDeskCrm) return !scenario.crm.fields.empty();
    if (desk_id == kDeskHistory) return !scenario.crm.history.empty() || !scenario.crm.open_tickets.empty();
    const KbArticle* article = deskKbArticle(scenario, desk_id);
    return article && article->relevant && article->for_step.empty();
}

Engine::Engine(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, std::string agent_name, std::uint64_t seed)
    : sop_(sop), scenario_(scenario), settings_(settings), agent_name_(std::move(agent_name)), rng_(seed ^ 0x9E3779B97F4A7C15ull),
      shuffle_rng_(seed ^ 0xD1B54A32D192ED03ull) {
    mood_ = scenario.persona.mood;
    vars_ = scenario.variables;
    log_.scenario_id = scenario.id;
    log_.scenario_version = scenario.version;
    log_.sop_id = sop.id;
    log_.sop_version = sop.version;
    log_.agent_name = agent_name_;
    log_.seed = seed;
    log_.channel = scenario.channel;
    hang_up_wrap_up_.dispositions = {sop.hang_up_disposition};
}

namespace {
// splitmix64: small, fast and identical on every platform.
std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
}  // namespace

std::uint64_t Engine::nextRandom() { return splitmix(rng_); }
std::uint64_t Engine::nextShuffle() { return splitmix(shuffle_rng_); }

// Fisher-Yates with our own generator (std::shuffle's result differs between standard libraries).
void Engine::shuffleOptions() {
    const size_t n = current().options.size();
    order_.resize(n);
    for (size_t i = 0; i < n; ++i) order_[i] = i;
    for (size_t i = n; i > 1; --i) std::swap(order_[i - 1], order_[nextShuffle() % i]);
}

// What the trainee saw at this decision, so a replay can show it whatever the content says later.
nlohmann::json Engine::shownOptions() const {
    nlohmann::json shown = nlohmann::json::array();
    for (size_t index : order_) {
        const Option& o = current().options[index];
        shown.push_back({{"id", o.id}, {"text", fill(o.text)}, {"action", actionTypeName(o.action.type)},
                         {"available", available(o, nullptr)}});
    }
    return shown;
}

std::string Engine::stateKey() const {
    std::vector<std::string> used = chosen_;
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    std::string key = node_ + "|" + nlohmann::json(vars_).dump() + "|" + (on_hold_ ? "H" : "-");
    for (const auto& id : used) key += "|" + id;
    return key;
}

void Engine::forgetHistory() {
    log_.events.clear();
    transcript_.clear();
}

std::string Engine::fill(const std::string& text) const {
    return fillPlaceholders(text, settings_, agent_name_, scenario_.persona.name);
}

Event& Engine::push(EventType type) {
    Event e;
    e.seq = static_cast<int>(log_.events.size());
    e.type = type;
    e.node = node_;
    e.mood_before = mood_;
    e.mood_after = mood_;
    e.clock = clock_;
    log_.events.push_back(std::move(e));
    return log_.events.back();
}

const Node& Engine::current() const { return *scenario_.node(node_); }

const nlohmann::json& Engine::variable(const std::string& name) const {
    static const nlohmann::json null_value;
    auto it = vars_.find(name);
    return it == vars_.end() ? null_value : it->second;
}

bool Engine::verified() const {
    const auto& v = variable("verified");
    return v.is_boolean() && v.get<bool>();
}

bool Engine::stepDone(const std::string& step) const { return contains(steps_done_, step); }

const Ending* Engine::ending() const {
    if (hang_up_ending_) return &*hang_up_ending_;
    if (phase_ == Phase::Ringing || node_.empty()) return nullptr;
    const auto& n = current();
    return n.ending ? &*n.ending : nullptr;
}

const WrapUpExpectation* Engine::wrapUpExpectation() const {
    if (hang_up_ending_) return &hang_up_wrap_up_;
    if (phase_ == Phase::Ringing || node_.empty()) return nullptr;
    const auto& n = current();
    return n.wrap_up ? &*n.wrap_up : nullptr;
}

bool Engine::conditionHolds(const Condition& c) const {
    using K = Condition::Kind;
    const auto& v = variable(c.name);
    auto asInt = [](const nlohmann::json& j) { return j.is_number() ? j.get<int>() : j.is_boolean() ? int(j.get<bool>()) : 0; };
    auto valueEquals = [&]() {
        if (v.is_null()) return c.value.is_boolean() && !c.value.get<bool>();  // unset counts as false
        return v == c.value;
    };
    switch (c.kind) {
        case K::VarEquals: return valueEquals();
        case K::VarNotEquals: return !valueEquals();
        case K::VarAtLeast: return asInt(v) >= asInt(c.value);
        case K::VarAtMost: return asInt(v) <= asInt(c.value);
        case K::MoodAtLeast: return mood_ >= asInt(c.value);
        case K::MoodBelow: return mood_ < asInt(c.value);
        case K::StepDone: return stepDone(c.name);
        case K::StepNotDone: return !stepDone(c.name);
        case K::Chosen: return contains(chosen_, c.name);
        case K::NotChosen: return !contains(chosen_, c.name);
    }
    return false;
}

bool Engine::available(const Option& o, std::string* reason) const {
    // An option that stays on its node can be used once; otherwise it could be farmed for points.
    if (o.next.empty() && contains(chosen_, o.id)) {
        if (reason) *reason = tr("Already done");
        return false;
    }
    for (const auto& c : o.requires_) {
        if (!conditionHolds(c)) {
            if (reason) *reason = o.unavailable_reason.empty() ? tr("Not possible yet") : o.unavailable_reason;
            return false;
        }
    }
    return true;
}

std::vector<OptionView> Engine::options() const {
    std::vector<OptionView> out;
    if (phase_ != Phase::Live) return out;
    for (size_t index : order_) {
        const Option& o = current().options[index];
        OptionView view{o.id, fill(o.text), fill(o.label), o.action, false, true, {}, false};
        view.available = available(o, &view.unavailable_reason);
        out.push_back(std::move(view));
    }
    auto desk = [&](const std::string& id, const std::string& text) {
        bool used = contains(desk_used_, id);
        out.push_back(OptionView{id, text, {}, Action{}, true, !used, used ? tr("Already open") : "", used});
    };
    if (!scenario_.crm.fields.empty()) desk(kDeskCrm, tr("Open the customer's CRM record"));
    if (!scenario_.crm.history.empty() || !scenario_.crm.open_tickets.empty())
        desk(kDeskHistory, tr("Review interaction history and open tickets"));
    // TRANSLATORS: a desk tool; {0} is the title of a knowledge-base article.
    for (const auto& a : scenario_.kb) desk(deskKbOptionId(a.id), fmt(tr("Knowledge base: {0}"), a.title));
    return out;
}

void Engine::changeMood(int delta) { mood_ = std::clamp(mood_ + delta, 0, 100); }

void Engine::applyEffects(const Effects& e) {
    changeMood(e.mood);
    clock_ = saturatingAdd(clock_, e.seconds);
    for (const auto& [k, v] : e.set) vars_[k] = v;
    for (const auto& [k, n] : e.add) {
        const auto& old = variable(k);
        vars_[k] = saturatingAdd(old.is_number() ? old.get<int>() : 0, n);
    }
}

ChooseResult Engine::answer(int waited_seconds) {
    if (phase_ != Phase::Ringing) return {false, "the interaction is already answered"};
    waited_seconds = std::clamp(waited_seconds, 0, kMaxWaitSeconds);
    // An email has waited in the queue before the desk shows it: that time counts towards the reply target.
    if (scenario_.channel == Channel::Email) waited_seconds = std::min(kMaxQueueSeconds, waited_seconds + scenario_.queued_minutes * 60);
    int target = settings_.answerTargetSeconds(scenario_.channel);
    auto& e = push(EventType::Answer);
    e.data = {{"waited", waited_seconds}, {"target", target}, {"late", !scenario_.outbound && waited_seconds > target}};
    if (!scenario_.outbound && waited_seconds > target) changeMood(-std::min(20, (waited_seconds - target) / 2 + 2));
    e.mood_after = mood_;
    // TRANSLATORS: keep {customer} as it is: the customer's name is put there.
    e.text = scenario_.outbound ? fill(tr("Outbound follow-up: {customer} is next on your call list.")) : answeredText(scenario_.channel);
    transcript_.push_back({"answer", "system", e.text, clock_});
    phase_ = Phase::Live;
    enterNode(scenario_.start);
    return {true, {}};
}

void Engine::enterNode(const std::string& id) {
    node_ = id;
    const Node& n = current();
    shuffleOptions();
    for (const auto& line : n.lines) {
        std::string line_id = line.id;
        std::string text = line.text;
        if (!line.alternatives.empty()) {
            auto pick = nextRandom() % (line.alternatives.size() + 1);
            if (pick > 0) std::tie(line_id, text) = line.alternatives[pick - 1];
        }
        auto& e = push(EventType::CustomerLine);
        e.id = line_id;
        e.text = fill(text);
        e.data = {{"speaker", line.speaker}};
        transcript_.push_back({line_id, line.speaker, e.text, clock_});
    }
    if (n.ending) {
        auto& e = push(EventType::Ending);
        e.id = n.id;
        e.text = n.ending->summary;
        e.data = {{"outcome", n.ending->outcome}, {"success", n.ending->success}};
        log_.outcome = n.ending->outcome;
        log_.success = n.ending->success;
        log_.ending_node = n.id;
        phase_ = Phase::WrapUp;
        finishIfNoWrapUp();
    }
}

void Engine::finishIfNoWrapUp() {
    if (phase_ == Phase::WrapUp && !wrapUpExpectation()) {
        push(EventType::Finished);
        phase_ = Phase::Finished;
    }
}

void Engine::hangUpIfFurious() {
    if (mood_ > 0 || phase_ != Phase::Live) return;
    auto& e = push(EventType::MoodHangUp);
    // TRANSLATORS: {customer} is the customer's name, filled in by the engine (keep it as it is).
    e.text = fill(tr("{customer} has had enough and hangs up."));
    transcript_.push_back({"hang_up", "system", e.text, clock_});
    hang_up_ending_ = Ending{sop_.outcomeIdWithRole("hung_up"), false, tr("The customer's patience ran out and they hung up.")};
    auto& end = push(EventType::Ending);
    end.id = "hang_up";
    end.text = hang_up_ending_->summary;
    end.data = {{"outcome", hang_up_ending_->outcome}, {"success", false}};
    log_.outcome = hang_up_ending_->outcome;
    log_.success = false;
    log_.ending_node = "hang_up";
    phase_ = Phase::WrapUp;
}

ChooseResult Engine::useDeskTool(const std::string& id) {
    if (contains(desk_used_, id)) return {false, "already open"};
    std::string text;
    int seconds = 0;
    std::string feedback;
    if (id == kDeskCrm && !scenario_.crm.fields.empty()) {
        text = tr("Opened the customer's CRM record");
        seconds = kCrmSeconds;
        vars_["crm_opened"] = true;
        feedback = tr("Pulling up the account in the CRM comes before verifying against it.");
    } else if (id == kDeskHistory && (!scenario_.crm.history.empty() || !scenario_.crm.open_tickets.empty())) {
        text = tr("Reviewed interaction history and open tickets");
        seconds = kHistorySeconds;
        vars_["history_reviewed"] = true;
        feedback = tr("Reviewing interaction history and open tickets is part of accessing the relevant systems.");
    } else if (const KbArticle* article = deskKbArticle(scenario_, id)) {
        // TRANSLATORS: {0} is the title of a knowledge-base article.
        text = fmt(tr("Read knowledge-base article: {0}"), article->title);
        seconds = kKbSeconds;
        vars_["kb." + article->id] = true;
        const SopStep* serves = sop_.step(article->for_step);
        feedback = !article->relevant ? std::string(tr("This article does not apply to this customer's issue."))
                   // TRANSLATORS: {0} is the title of an SOP step.
                   : serves ? fmt(tr("This article helps with: {0}."), serves->title)
                            : tr("Checking the knowledge base for the relevant procedure is part of accessing the relevant systems.");
    } else {
        return {false, "unknown desk tool '" + id + "'"};
    }
    const bool counts = deskToolServesSystemsStep(scenario_, id);
    desk_used_.push_back(id);
    clock_ += seconds;
    auto& e = push(EventType::Desk);
    e.id = id;
    e.text = text;
    e.feedback = feedback;
    const SopStep* systems = sop_.stepWithRole("systems");
    if (systems) e.sop_ref = systems->source;
    if (counts && systems) {
        e.steps = {systems->id};
        addUnique(steps_done_, systems->id);
    }
    e.data = {{"seconds", seconds}, {"counts", counts}};
    return {true, {}};
}

// Rules the desk enforces whatever the author wrote (documented in docs/content-format.md). The
// SOP names the rule behind each check; a check whose rule the SOP lacks is not made.
void Engine::applyDeskChecks(const Option& o, Event& e) const {
    auto mark = [&](RuleCheck check, bool honoured) {
        const std::string rule = sop_.ruleIdCheckedBy(check);
        if (!rule.empty()) addUnique(honoured ? e.honours : e.breaks, rule);
    };
    if (o.action.type == ActionType::Hold) {
        mark("hold_permission", o.action.asked);
        mark("hold_estimate", o.action.estimate);
    }
    if (o.action.type == ActionType::Transfer) {
        e.data["team"] = o.action.team;
        e.data["mode"] = o.action.mode;
        mark("cold_transfer", o.action.mode != "cold");
    }
    if (o.action.type == ActionType::Verify) {
        e.data["result"] = o.action.verify_result;
        // Verifying means comparing with the record: without it open there is nothing to compare.
        // The option's own feedback judges the answer, not this, so the breach gets its own note.
        const bool record_open = contains(desk_used_, kDeskCrm);
        if (!scenario_.crm.fields.empty()) mark("verify_without_record", record_open);
        const std::string rule = sop_.ruleIdCheckedBy("verify_without_record");
        // In English, as all event data: a replay compares it, and the scorer translates it (tr).
        if (!record_open && !scenario_.crm.fields.empty() && !rule.empty())
            e.data["check_notes"][rule] = N_("You marked the identity check before opening the CRM record: there was nothing to compare "
                                             "the caller's answers with. Open the record first, then verify against it.");
    }
    if (!o.script.empty()) {
        if (const Script* script = sop_.script(o.script)) {
            auto missing = missingScriptElements(*script, o.text, settings_, agent_name_);
            if (!missing.empty()) {
                mark("script_elements", false);
                e.data["script_missing"] = missing;
            }
        }
    }
    std::erase_if(e.honours, [&](const std::string& r) { return contains(e.breaks, r); });
}

ChooseResult Engine::choose(const std::string& option_id) {
    if (phase_ != Phase::Live) return {false, std::string("cannot choose now: the interaction is ") + phaseName(phase_)};
    if (option_id.rfind("desk.", 0) == 0) return useDeskTool(option_id);
    const Node& n = current();
    auto it = std::find_if(n.options.begin(), n.options.end(), [&](const Option& o) { return o.id == option_id; });
    if (it == n.options.end()) return {false, "no option '" + option_id + "' here"};
    const Option& o = *it;
    std::string reason;
    if (!available(o, &reason)) return {false, "option '" + option_id + "' is not available: " + reason};

    auto& e = push(EventType::Choice);
    e.id = o.id;
    e.text = fill(o.text);
    e.action = o.action.type;
    e.steps = o.steps;
    e.honours = o.honours;
    e.breaks = o.breaks;
    e.triggers = o.triggers;
    e.techniques = o.techniques;
    e.script = o.script;
    e.commitment = o.commitment;
    e.empathy = o.empathy;
    e.points = o.points;
    e.feedback = fill(o.feedback);
    e.sop_ref = o.sop_ref;

    e.data["shown"] = shownOptions();
    applyDeskChecks(o, e);

    std::string speaker = o.action.type == ActionType::Say ? "agent" : "desk";
    transcript_.push_back({o.id, speaker, e.text, clock_});
    applyEffects(o.effects);
    switch (o.action.type) {
        case ActionType::Verify:
            vars_[o.action.verify_result == "pass" ? "verified" : "verification_failed"] = true;
            break;
        case ActionType::Hold: on_hold_ = true; break;
        case ActionType::Resume: on_hold_ = false; break;
        case ActionType::DncCheck: vars_["dnc_checked"] = true; break;
        default: break;
    }
    for (const auto& s : o.steps) addUnique(steps_done_, s);
    chosen_.push_back(o.id);
    // `e` may dangle after further pushes: finish it before moving on.
    log_.events.back().clock = clock_;
    log_.events.back().mood_after = mood_;
    hangUpIfFurious();
    if (phase_ == Phase::Live && !o.next.empty()) enterNode(o.next);
    return {true, {}};
}

void Engine::elapse(int seconds) {
    if (phase_ != Phase::Live || seconds <= 0) return;
    seconds = std::min(seconds, kMaxWaitSeconds);
    long long patience_cost = 100 - scenario_.persona.patience;
    // Silence costs on a call and a chat; an email customer is not watching the agent write.
    const int threshold = scenario_.channel == Channel::Chat ? settings_.chat_response_within_seconds
                          : scenario_.channel == Channel::Email ? kMaxWaitSeconds
                                                                : deadAirLimitSeconds();
    bool slow = false;
    long long drop = 0;
    if (on_hold_) {
        drop = seconds * patience_cost / 1500;  // an agreed hold is tolerated, but not forever
    } else if (seconds > threshold) {
        slow = true;
        drop = 3 + (static_cast<long long>(seconds) - threshold) * patience_cost / 600;
    }
    drop = std::min(drop, 100LL);  // mood spans 0-100
    clock_ = saturatingAdd(clock_, seconds);
    auto& e = push(EventType::Wait);
    e.data = {{"seconds", seconds}, {"slow", slow}, {"on_hold", on_hold_}, {"threshold", threshold}};
    // The caller breaks a long silence: the agent hears it, and the transcript shows why it cost.
    if (slow && scenario_.channel == Channel::Call) {
        e.text = fill(scenario_.persona.dead_air_prompt.empty() ? tr(kDefaultDeadAirPrompt) : scenario_.persona.dead_air_prompt);
        transcript_.push_back({"dead_air", "customer", e.text, clock_});
    }
    changeMood(-static_cast<int>(drop));
    log_.events.back().mood_after = mood_;
    hangUpIfFurious();
}

int Engine::deadAirLimitSeconds() const {
    return scenario_.persona.dead_air_seconds > 0 ? scenario_.persona.dead_air_seconds : kDefaultDeadAirSeconds;
}

ChooseResult Engine::submitWrapUp(const WrapUpForm& form, int wrap_up_seconds) {
    if (phase_ != Phase::WrapUp) return {false, std::string("no wrap-up expected now: the interaction is ") + phaseName(phase_)};
    wrap_up_seconds = std::clamp(wrap_up_seconds, 0, kMaxWaitSeconds);
    clock_ = saturatingAdd(clock_, wrap_up_seconds);
    auto& e = push(EventType::WrapUp);
    e.text = form.disposition.empty() ? std::string(tr("Wrap-up: no disposition"))
                                      // TRANSLATORS: {0} is the disposition code chosen in the wrap-up form (e.g. RES-BILL).
                                      : fmt(tr("Wrap-up: {0}"), form.disposition);
    e.data = {{"disposition", form.disposition}, {"category", form.category},       {"notes", form.notes},
              {"follow_up", form.follow_up},     {"follow_up_task", form.follow_up_task}, {"follow_up_due", form.follow_up_due},
              {"seconds", wrap_up_seconds}};
    const SopStep* documentation = sop_.stepWithRole("documentation");
    const SopStep* follow_up = sop_.stepWithRole("follow_up");
    if (!form.disposition.empty() && documentation) e.steps.push_back(documentation->id);
    if (form.follow_up && !form.follow_up_task.empty() && follow_up) e.steps.push_back(follow_up->id);
    if (documentation) e.sop_ref = documentation->source;
    for (const auto& s : e.steps) addUnique(steps_done_, s);
    push(EventType::Finished);
    phase_ = Phase::Finished;
    return {true, {}};
}

}  // namespace frontline
