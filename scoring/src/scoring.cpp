// Scoring an attempt: the QA scorecard of docs/content-format.md ("How an attempt is scored").
//
// Sections:
//   helpers            small string / JSON readers that tolerate odd data
//   AttemptFacts       one pass over the event log collecting what the scorer needs
//   wrap-up grading    the form against the ending's expectation
//   step scores        coverage, order, breaches (charged where the SOP says), desk tools
//   strengths
//   step inputs        desk tools before the resolution, answer timing
//   stars              the QA verdict and what capped it
//   points, decisions  bonuses, penalties, the decision review
//   scoreAttempt       puts it together
//   JSON
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include "frontline/engine.hpp"
#include "frontline/i18n.hpp"
#include "frontline/scoring.hpp"
#include "frontline/validator.hpp"

namespace frontline {
namespace {

using namespace score_rules;

// ---- helpers ----

// Texts for the trainee are written in the language in effect (tr); ids, codes and conditions stay
// as they are, for exports and golden files.

// "A and B and C", with the language's own word for "and".
std::string joinedWithAnd(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        // TRANSLATORS: joins two items of a list ("Greeting and Verification").
        out = out.empty() ? item : fmt(tr("{0} and {1}"), out, item);
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Event data is written by the engine but stored and reloaded: read it defensively.
std::string dataString(const nlohmann::json& data, const char* key) {
    if (data.is_object()) {
        auto it = data.find(key);
        if (it != data.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
}
int dataInt(const nlohmann::json& data, const char* key) {
    if (data.is_object()) {
        auto it = data.find(key);
        if (it != data.end() && it->is_number()) return static_cast<int>(it->get<double>());
    }
    return 0;
}
bool dataBool(const nlohmann::json& data, const char* key) {
    if (data.is_object()) {
        auto it = data.find(key);
        if (it != data.end() && it->is_boolean()) return it->get<bool>();
    }
    return false;
}

// A desk check may explain its breach itself (the option's own feedback is about something else,
// e.g. whether the caller's answers matched): Event::data.check_notes[rule].
std::string checkNote(const Event& e, const std::string& rule) {
    if (!e.data.is_object()) return {};
    auto notes = e.data.find("check_notes");
    // The engine writes its notes in English (event data is compared on replay): shown translated.
    const std::string note = notes == e.data.end() ? std::string() : dataString(*notes, rule.c_str());
    return note.empty() ? note : tr(note.c_str());
}

int breachPoints(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Minor: return kMinorPoints;
        case RuleSeverity::Major: return kMajorPoints;
        case RuleSeverity::Critical: return kCriticalPoints;
    }
    return kMinorPoints;
}

int severityRank(const std::string& severity) {
    if (severity == "critical") return 0;
    if (severity == "major") return 1;
    return 2;
}

// ---- AttemptFacts ----

struct AttemptFacts {
    std::map<std::string, int> first_cover;  // step -> seq of its first coverage
    std::optional<int> answer_seq;
    int answer_waited = 0;
    bool answered = false;
    const Event* ending = nullptr;
    const Event* wrap_up = nullptr;  // the last submitted form
    bool commitment_made = false;
    bool hung_up = false;
    int final_clock = 0;
    long long hold_seconds = 0;  // summed over many waits: wider than one
    int final_mood = 0;
    std::set<std::string> desk_used;  // desk tool ids opened
};

AttemptFacts collectFacts(const Scenario& scenario, const AttemptLog& log) {
    AttemptFacts f;
    f.final_mood = scenario.persona.mood;
    for (const Event& e : log.events) {
        for (const std::string& step : e.steps) {
            if (!f.first_cover.count(step)) f.first_cover[step] = e.seq;
        }
        if (!e.commitment.empty()) f.commitment_made = true;
        f.final_clock = std::max(f.final_clock, e.clock);
        switch (e.type) {
            case EventType::Answer:
                if (!f.answered) {
                    f.answered = true;
                    f.answer_seq = e.seq;
                    f.answer_waited = dataInt(e.data, "waited");
                }
                f.final_mood = e.mood_after;
                break;
            case EventType::Desk:
                f.desk_used.insert(e.id);
                f.final_mood = e.mood_after;
                break;
            case EventType::Wait:
                if (dataBool(e.data, "on_hold")) f.hold_seconds += dataInt(e.data, "seconds");
                f.final_mood = e.mood_after;
                break;
            case EventType::Choice: f.final_mood = e.mood_after; break;
            case EventType::MoodHangUp:
                f.hung_up = true;
                f.final_mood = 0;
                break;
            case EventType::Ending:
                if (!f.ending) f.ending = &e;
                break;
            case EventType::WrapUp: f.wrap_up = &e; break;
            case EventType::Finished: f.final_clock = e.clock; break;
            case EventType::CustomerLine: break;
        }
    }
    if (f.hung_up) f.final_mood = 0;
    return f;
}

// The desk tools SOP step 4 expects for this scenario.
std::vector<std::string> expectedDeskTools(const Scenario& scenario) {
    std::vector<std::string> tools;
    if (!scenario.crm.fields.empty()) tools.push_back("desk.crm");
    if (scenario.crm.must_review_history) tools.push_back("desk.history");
    for (const KbArticle& a : scenario.kb) {
        if (deskToolServesSystemsStep(scenario, deskKbOptionId(a.id))) tools.push_back(deskKbOptionId(a.id));
    }
    return tools;
}

// The wrap-up the reached ending asks for. A hang-up has no ending node of its own but still asks
// for the form, with the SOP's hang-up disposition (docs: "The customer's mood").
std::optional<WrapUpExpectation> expectedWrapUp(const Sop& sop, const Scenario& scenario, const AttemptFacts& f,
                                                const AttemptLog& log, const std::string& outcome) {
    if (!outcome.empty() && outcome == sop.outcomeIdWithRole("hung_up")) {
        WrapUpExpectation dropped;
        dropped.dispositions = {sop.hang_up_disposition};
        return dropped;
    }
    // The engine names the ending node in the Ending event's id (and node); older logs only in ending_node.
    std::vector<std::string> candidates;
    if (f.ending) candidates = {f.ending->id, f.ending->node};
    candidates.push_back(log.ending_node);
    for (const std::string& id : candidates) {
        const Node* node = id.empty() ? nullptr : scenario.node(id);
        if (node && node->ending) return node->wrap_up;
    }
    return std::nullopt;
}

// ---- wrap-up grading ----

struct WrapUpFindings {
    WrapUpReview review;
    std::vector<Breach> breaches;
    std::vector<std::string> document_reasons;
    int document_deduction = 0;
    bool document_missed = false;  // a form was required and none was submitted
};

// The step a decision worked on: the first SOP step it names, or when it names none (a hold, a
// remark), the step the conversation was at: the last one a reply covered before it (desk tools
// run beside the conversation, so they do not move it).
std::string decisionStep(const Sop& sop, const AttemptLog& log, int seq) {
    for (auto e = log.events.rbegin(); e != log.events.rend(); ++e) {
        if (e->seq > seq || (e->seq < seq && e->type != EventType::Choice)) continue;
        for (const std::string& step : e->steps)
            if (sop.step(step)) return step;
    }
    return {};
}

Breach makeBreach(const Sop& sop, const std::string& rule_id, int seq, const std::string& explanation,
                  const std::string& fallback_source, const AttemptLog* log = nullptr) {
    Breach b;
    b.rule = rule_id;
    b.event_seq = seq;
    b.explanation = explanation;
    RuleSeverity severity = RuleSeverity::Minor;
    if (const SopRule* rule = sop.rule(rule_id)) {
        b.title = rule->title;
        b.source = rule->source.empty() ? fallback_source : rule->source;
        severity = rule->severity;
        b.step = rule->step;
        if (rule->lands_on == RuleLandsOn::DecisionStep && log && seq >= 0) {
            const std::string where = decisionStep(sop, *log, seq);
            if (!where.empty()) b.step = where;
        }
    } else {
        // Content refers to a rule the SOP does not have (the validator reports it): score it as minor.
        b.title = fmt(tr("Unknown rule '{0}'"), rule_id);
        b.source = fallback_source;
    }
    b.severity = severityName(severity);
    b.critical = severity == RuleSeverity::Critical;
    b.penalty = breachPoints(severity);
    return b;
}

// Why the chosen disposition code is wrong, naming the expected one when there is one.
std::string dispositionProblem(const std::string& chosen, const std::string& expected) {
    if (chosen.empty())
        return expected.empty() ? tr("No disposition code was chosen.")
                                // TRANSLATORS: {0} is the expected disposition code (e.g. RES-BILL).
                                : fmt(tr("No disposition code was chosen; expected {0}."), expected);
    // TRANSLATORS: {0} is the chosen disposition code, {1} the expected one.
    return expected.empty() ? fmt(tr("Disposition '{0}' does not fit this outcome."), chosen)
                            : fmt(tr("Disposition '{0}' does not fit this outcome; expected {1}."), chosen, expected);
}

WrapUpFindings gradeWrapUp(const Sop& sop, const std::optional<WrapUpExpectation>& expected, const AttemptFacts& f) {
    WrapUpFindings w;
    WrapUpReview& r = w.review;
    r.submitted = f.wrap_up != nullptr;
    r.follow_up_required = f.commitment_made || (expected && expected->follow_up_required);
    const nlohmann::json empty = nlohmann::json::object();
    const nlohmann::json& form = f.wrap_up ? f.wrap_up->data : empty;
    // As in the engine: a follow-up counts as created when it is ticked and the task is described.
    r.follow_up_created = r.submitted && dataBool(form, "follow_up") && !dataString(form, "follow_up_task").empty();
    const int seq = f.wrap_up ? f.wrap_up->seq : -1;
    const SopStep* documentation = sop.stepWithRole("documentation");
    const std::string document_source = documentation ? documentation->source : std::string();

    if (expected && !expected->dispositions.empty()) r.expected_disposition = expected->dispositions.front();
    if (!r.submitted) {
        r.disposition_correct = false;
        r.category_correct = !expected || expected->category.empty();
        if (expected) {
            w.document_missed = true;
            w.document_reasons.push_back(tr("No wrap-up submitted"));
        }
    } else {
        const std::string disposition = dataString(form, "disposition");
        if (expected && !expected->dispositions.empty()) {
            r.disposition_correct = contains(expected->dispositions, disposition);
        } else {
            r.disposition_correct = !disposition.empty() || !expected;
        }
        if (expected && !r.disposition_correct) {
            const std::string rule = sop.ruleIdCheckedBy("disposition_code");
            if (!rule.empty()) w.breaches.push_back(makeBreach(sop, rule, seq, dispositionProblem(disposition, r.expected_disposition), document_source));
        }
        if (expected && !expected->category.empty()) {
            r.category_correct = dataString(form, "category") == expected->category;
            if (!r.category_correct) {
                w.document_deduction += kCategoryPenalty;
                // TRANSLATORS: {0} is an issue category id, {1} the points it cost.
                w.document_reasons.push_back(fmt(tr("Issue category should be '{0}' (-{1})"), expected->category, kCategoryPenalty));
            }
        }
        if (expected) {
            const std::string notes = dataString(form, "notes");
            for (const NotesMention& mention : expected->notes_mention) {
                if (mention.any_of.empty() && mention.amounts.empty()) continue;
                if (!notesSay(mention, notes)) {
                    r.notes_missing.push_back(mention.meaning);
                    w.document_deduction += kNotesMentionPenalty;
                    // TRANSLATORS: {0} is what the notes should have said (from the scenario), {1} the points it cost.
                    w.document_reasons.push_back(fmt(tr("Notes did not mention '{0}' (-{1})"), mention.meaning, kNotesMentionPenalty));
                }
            }
        }
    }
    const std::string follow_up_rule = sop.ruleIdCheckedBy("follow_up_task");
    if (r.follow_up_required && !r.follow_up_created && !follow_up_rule.empty()) {
        w.breaches.push_back(makeBreach(sop, follow_up_rule, seq,
                                        tr("A follow-up was promised or required, but no follow-up task was created "
                                           "in the wrap-up."),
                                        document_source));
    }
    return w;
}

// ---- step scores ----

int stepPenalty(const Breach& b) {
    if (b.severity == "critical") return 100;
    if (b.severity == "major") return kMajorStepPenalty;
    return kMinorStepPenalty;
}

std::string stepTitle(const Sop& sop, const std::string& id) {
    const SopStep* s = sop.step(id);
    return s ? s->title : id;
}

// A deduction made on one step for something that is not a rule breach (timing, notes, order).
struct StepDeduction {
    std::string step;
    int points = 0;
    std::string reason;
};

struct StepInputs {
    std::vector<std::string> required;
    std::map<std::string, int> first_cover;  // after desk / answer / wrap-up adjustments
    std::string systems_step;                // the step desk tools serve (SOP role "systems")
    std::vector<std::string> expected_tools;
    int tools_used = 0;                      // expected tools opened before the resolution
    std::vector<std::string> tools_late;     // expected tools first opened after the resolution
    std::string documentation_step;
    std::vector<StepDeduction> deductions;
};

// The systems step is about the desk tools the case needs, used before resolving.
int systemsStepScore(const StepInputs& in, StepScore& s) {
    const int expected = static_cast<int>(in.expected_tools.size());
    const int score = (100 * in.tools_used + expected / 2) / expected;
    if (in.tools_used < expected) {
        s.reasons.push_back(fmt(trn("Used {0} of {1} expected desk tool before the resolution",
                                    "Used {0} of {1} expected desk tools before the resolution", static_cast<unsigned long>(expected)),
                                in.tools_used, expected));
    }
    if (!in.tools_late.empty()) {
        s.in_order = false;
        std::string list;
        for (const std::string& t : in.tools_late) list += (list.empty() ? "" : ", ") + t;
        // TRANSLATORS: {0} lists desk tool ids (desk.crm, desk.history…).
        s.reasons.push_back(fmt(tr("Opened after the resolution (out of order): {0}"), list));
    }
    return score;
}

std::vector<StepScore> scoreSteps(const Sop& sop, const StepInputs& in, const std::vector<Breach>& breaches,
                                  const WrapUpFindings& wrap) {
    std::vector<StepScore> out;
    for (const SopStep& step : sop.steps) {
        StepScore s;
        s.step = step.id;
        s.number = step.number;
        s.title = step.title;
        s.required = contains(in.required, step.id);
        auto first = in.first_cover.find(step.id);
        s.covered = first != in.first_cover.end();
        int score = s.covered ? 100 : 0;

        if (step.id == in.systems_step && !in.expected_tools.empty()) score = systemsStepScore(in, s);
        const bool documentation = step.id == in.documentation_step;
        if (documentation && wrap.document_missed) {
            s.covered = false;
            score = 0;
            s.reasons = wrap.document_reasons;
        }
        if (!s.covered && s.reasons.empty()) s.reasons.push_back(tr("Not covered"));

        if (s.covered) {
            std::vector<std::string> before;
            for (const std::string& prior : step.must_follow) {
                auto p = in.first_cover.find(prior);
                // One decision may perform both steps (e.g. greet and ask for the account number).
                if (p != in.first_cover.end() && p->second > first->second) before.push_back(stepTitle(sop, prior));
            }
            if (!before.empty()) {
                s.in_order = false;
                score -= kOutOfOrderPenalty;
                // TRANSLATORS: {0} names the SOP steps that should have come first, {1} the points it cost.
                s.reasons.push_back(fmt(tr("Came before {0} (-{1})"), joinedWithAnd(before), kOutOfOrderPenalty));
            }
        }
        for (const Breach& b : breaches) {
            if (b.step != step.id) continue;
            const int cost = stepPenalty(b);
            score -= cost;
            // TRANSLATORS: {0} is the title of an SOP rule; {1} the points it cost the step.
            s.reasons.push_back(cost >= 100 ? fmt(tr("Broke: {0} (critical)"), b.title) : fmt(tr("Broke: {0} (-{1})"), b.title, cost));
        }
        for (const StepDeduction& d : in.deductions) {
            if (d.step != step.id) continue;
            score -= d.points;
            s.reasons.push_back(d.reason + " (-" + std::to_string(d.points) + ")");
        }
        if (documentation) {
            score -= wrap.document_deduction;
            for (const std::string& r : wrap.document_reasons) {
                if (!contains(s.reasons, r)) s.reasons.push_back(r);
            }
        }
        s.score = std::clamp(score, 0, 100);
        if (s.reasons.empty()) s.reasons.push_back(tr("Covered in order"));
        out.push_back(std::move(s));
    }
    return out;
}

// ---- strengths ----

std::vector<std::string> strengthsOf(const Sop& sop, const ScoreReport& r, const std::vector<Event>& events, bool outbound,
                                     int tools_expected, int tools_used, int empathetic) {
    std::vector<std::string> out;
    auto stepOk = [&](const std::string& id) {
        auto it = std::find_if(r.steps.begin(), r.steps.end(), [&](const StepScore& s) { return s.step == id; });
        return !id.empty() && it != r.steps.end() && it->covered && it->score == 100;
    };
    auto chargedTo = [&](const std::string& step) {
        return std::any_of(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.step == step; });
    };
    auto broke = [&](const std::string& rule) {
        return std::any_of(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.rule == rule; });
    };
    auto honoured = [&](const std::string& rule) {
        return std::any_of(events.begin(), events.end(), [&](const Event& e) { return contains(e.honours, rule); });
    };
    const std::string verify = sop.stepIdWithRole("verify");
    if (stepOk(verify) && !chargedTo(verify)) out.push_back(tr("Verified identity before disclosing anything"));
    if (r.breaches.empty() && r.success_ending) out.push_back(tr("Kept every SOP rule"));
    if (tools_expected > 0 && tools_used == tools_expected) out.push_back(tr("Checked every system the case needed"));
    if (empathetic > 0) out.push_back(tr("Acknowledged the customer's feelings"));
    const std::string hold_rule = sop.ruleIdCheckedBy("hold_permission");
    if (!hold_rule.empty() && honoured(hold_rule) && !broke(hold_rule)) {
        out.push_back(tr("Asked permission before placing the customer on hold"));
    }
    if (!r.outcome.empty() && r.outcome == sop.outcomeIdWithRole("warm_transfer") && !chargedTo(sop.stepIdWithRole("resolution"))) {
        out.push_back(tr("Warm-transferred with full context"));
    }
    if (r.wrap_up.submitted && r.wrap_up.disposition_correct && r.wrap_up.notes_missing.empty() &&
        r.wrap_up.category_correct && (!r.wrap_up.follow_up_required || r.wrap_up.follow_up_created)) {
        out.push_back(tr("Wrap-up complete and accurate"));
    }
    if (r.points.longest_streak >= kStreakMinimum + 2) {
        const int n = r.points.longest_streak;
        out.push_back(fmt(trn("{0} SOP-perfect decision in a row", "{0} SOP-perfect decisions in a row", static_cast<unsigned long>(n)), n));
    }
    if (!outbound && r.metrics.answer_seconds <= r.metrics.target_answer_seconds && r.metrics.target_answer_seconds > 0) {
        out.push_back(tr("Answered within the target time"));
    }
    if (r.success_ending && r.metrics.within_handle_target) out.push_back(tr("Finished within the handle-time target"));
    constexpr size_t kMaxStrengths = 4;
    if (out.size() > kMaxStrengths) out.resize(kMaxStrengths);
    return out;
}

std::string eventKind(EventType t) {
    switch (t) {
        case EventType::Choice: return "choice";
        case EventType::Desk: return "desk";
        case EventType::WrapUp: return "wrap_up";
        case EventType::Answer: return "answer";
        case EventType::Wait: return "wait";
        default: return eventTypeName(t);
    }
}

// ---- inputs of the step scores ----

// The seq at which each expected desk tool was first opened.
std::map<std::string, int> firstToolUse(const AttemptLog& log, const std::vector<std::string>& expected) {
    std::map<std::string, int> first;
    for (const Event& e : log.events)
        if (e.type == EventType::Desk && contains(expected, e.id) && !first.count(e.id)) first[e.id] = e.seq;
    return first;
}

// Whether the first chat reply came after the response target: a slow wait before any reply.
bool slowFirstReply(const AttemptLog& log) {
    for (const Event& e : log.events) {
        if (e.type == EventType::Choice) return false;
        if (e.type == EventType::Wait && dataBool(e.data, "slow")) return true;
    }
    return false;
}

struct Timing {
    bool late_answer = false;
    bool slow_first_reply = false;
};

StepInputs stepInputs(const Sop& sop, const Scenario& scenario, const AttemptLog& log, const AttemptFacts& f,
                      const WrapUpReview& wrap, const Timing& timing) {
    StepInputs in;
    in.required = requiredSteps(scenario, sop);
    const std::string follow_up = sop.stepIdWithRole("follow_up");
    if (wrap.follow_up_required && !follow_up.empty() && !contains(in.required, follow_up)) in.required.push_back(follow_up);
    in.first_cover = f.first_cover;
    in.systems_step = sop.stepIdWithRole("systems");
    in.documentation_step = sop.stepIdWithRole("documentation");
    in.expected_tools = expectedDeskTools(scenario);
    if (!in.expected_tools.empty() && !in.systems_step.empty()) {
        // The systems step is about the desk tools the case needs; saying "let me check" does not count.
        const auto first_use = firstToolUse(log, in.expected_tools);
        const auto resolved = f.first_cover.find(sop.stepIdWithRole("resolution"));
        in.first_cover.erase(in.systems_step);
        for (const auto& [tool, seq] : first_use) {
            const bool late = resolved != f.first_cover.end() && seq > resolved->second;
            if (late) {
                in.tools_late.push_back(tool);
            } else {
                ++in.tools_used;
            }
            auto& cover = in.first_cover.try_emplace(in.systems_step, seq).first->second;
            cover = std::min(cover, seq);
        }
    }
    const std::string answer = sop.stepIdWithRole("answer");
    // Picking up starts the answer step, so looking up the account while greeting is not out of order.
    if (f.answer_seq) {
        auto it = in.first_cover.find(answer);
        if (it != in.first_cover.end()) it->second = std::min(it->second, *f.answer_seq);
    }
    if (timing.late_answer) in.deductions.push_back({answer, kLateAnswerStepPenalty, tr("Answered after the target time")});
    if (timing.slow_first_reply) {
        in.deductions.push_back({answer, kSlowFirstReplyStepPenalty, tr("First reply came after the response target")});
    }
    // The follow-up task and the documentation live in the wrap-up form.
    if (wrap.follow_up_created && !follow_up.empty() && !in.first_cover.count(follow_up)) in.first_cover[follow_up] = f.wrap_up->seq;
    if (wrap.submitted && !in.documentation_step.empty() && !in.first_cover.count(in.documentation_step)) {
        in.first_cover[in.documentation_step] = f.wrap_up->seq;
    }
    return in;
}

// ---- stars ----

std::string answeredAfterText(const SimMetrics& m) {
    // TRANSLATORS: {0} how long the interaction waited, {1} the target ("25 s", "18 s").
    return fmt(tr("Answered after {0} (target {1})"), durationText(m.answer_seconds), durationText(m.target_answer_seconds));
}

std::string oneDecimal(double v) { return i18n::decimal(v, 1); }

// Stars are a QA verdict: every condition that holds caps them; the lowest cap wins.
std::vector<StarCap> starCaps(const ScoreReport& r, const OrgSettings& settings, bool late_answer) {
    std::vector<StarCap> caps;
    const auto critical = std::find_if(r.breaches.begin(), r.breaches.end(), [](const Breach& b) { return b.critical; });
    // TRANSLATORS: {0} is the title of an SOP rule.
    if (critical != r.breaches.end()) caps.push_back({"critical_breach", fmt(tr("Critical breach: {0}"), critical->title), 0});
    if (!r.passed && critical == r.breaches.end()) {
        caps.push_back({"not_passed",
                        !r.success_ending ? std::string(tr("The call did not end well"))
                                          // TRANSLATORS: {0} and {1} are percentages (the % sign follows them).
                                          : fmt(tr("SOP adherence {0}% is below the pass mark of {1}%"), r.adherence, settings.scenario_pass_mark),
                        1});
    }
    const auto major = std::find_if(r.breaches.begin(), r.breaches.end(), [](const Breach& b) { return b.severity == "major"; });
    // TRANSLATORS: {0} is the title of an SOP rule.
    if (major != r.breaches.end()) caps.push_back({"major_breach", fmt(tr("Major breach: {0}"), major->title), 2});
    if (r.adherence < settings.excellent_mark) {
        // TRANSLATORS: {0} and {1} are percentages (the % sign follows them).
        caps.push_back({"adherence_below_excellent", fmt(tr("SOP adherence {0}% is below {1}%"), r.adherence, settings.excellent_mark), 2});
    }
    if (late_answer) {
        caps.push_back({"late_answer", answeredAfterText(r.metrics), 2});
    }
    if (r.metrics.csat < r.metrics.target_csat) {
        // TRANSLATORS: {0} the estimated customer satisfaction (1 to 5), {1} the organisation's target.
        caps.push_back({"csat_below_target", fmt(tr("CSAT {0} is below the {1} target"), oneDecimal(r.metrics.csat), oneDecimal(r.metrics.target_csat)), 2});
    }
    if (!r.metrics.within_handle_target) {
        const int minutes = r.metrics.target_handle_seconds / 60;
        caps.push_back({"over_handle_time",
                        fmt(trn("Handle time over the {0}-minute target", "Handle time over the {0}-minute target", static_cast<unsigned long>(minutes)), minutes),
                        2});
    }
    return caps;
}

// ---- points and the decision review ----

DecisionReview reviewOf(const Event& e, const WrapUpFindings& wrap) {
    DecisionReview d;
    d.seq = e.seq;
    d.clock = e.clock;
    d.kind = eventKind(e.type);
    d.text = e.text.empty() ? e.id : e.text;
    d.points = e.points;
    d.steps = e.steps;
    d.honoured = e.honours;
    d.broken = e.breaks;
    d.feedback = e.feedback;
    d.sop_ref = e.sop_ref;
    d.good = d.broken.empty() && d.points >= 0;
    for (const std::string& rule : e.breaks) {
        const std::string note = checkNote(e, rule);
        if (!note.empty()) d.feedback = d.feedback.empty() ? note : d.feedback + " " + note;
    }
    if (e.type == EventType::WrapUp) {
        for (const Breach& b : wrap.breaches) d.broken.push_back(b.rule);
        std::string notes;
        for (const Breach& b : wrap.breaches) notes += (notes.empty() ? "" : " ") + b.explanation;
        for (const std::string& why : wrap.document_reasons) notes += (notes.empty() ? "" : " ") + why + ".";
        if (!notes.empty()) d.feedback = d.feedback.empty() ? notes : d.feedback + " " + notes;
        d.good = d.broken.empty() && d.points >= 0 && wrap.document_reasons.empty();
    }
    return d;
}

std::string answerTargetAdvice(const OrgSettings& settings, Channel channel) {
    switch (channel) {
        case Channel::Chat: {
            const int n = settings.chat_answer_within_seconds;
            return fmt(trn("Pick up chats within {0} second.", "Pick up chats within {0} seconds.", static_cast<unsigned long>(n)), n);
        }
        case Channel::Email: {
            const int n = settings.email_reply_within_hours;
            return fmt(trn("Reply to emails within {0} hour of their arrival.", "Reply to emails within {0} hours of their arrival.",
                           static_cast<unsigned long>(n)),
                       n);
        }
        case Channel::Call: break;
    }
    const int n = settings.answer_within_rings;
    return fmt(trn("Answer within {0} ring.", "Answer within {0} rings.", static_cast<unsigned long>(n)), n);
}

DecisionReview lateAnswerReview(const Sop& sop, const OrgSettings& settings, const Event& e, const SimMetrics& m, Channel channel) {
    DecisionReview d;
    d.seq = e.seq;
    d.clock = e.clock;
    d.kind = eventKind(e.type);
    d.text = answeredAfterText(m);
    d.points = kLateAnswerPoints;
    d.feedback = answerTargetAdvice(settings, channel);
    if (const SopStep* s = sop.stepWithRole("answer")) {
        d.steps = {s->id};
        d.sop_ref = s->source;
    }
    return d;
}

DecisionReview slowWaitReview(const OrgSettings& settings, const Event& e, bool chat) {
    DecisionReview d;
    d.seq = e.seq;
    d.clock = e.clock;
    d.kind = eventKind(e.type);
    const int seconds = dataInt(e.data, "seconds");
    d.points = kSlowReplyPoints;
    if (chat) {
        const int target = settings.chat_response_within_seconds;
        // TRANSLATORS: {0} and {1} are seconds.
        d.text = fmt(tr("Slow reply: {0} s (target {1} s)"), seconds, target);
        d.feedback = fmt(trn("Reply within {0} second; if you need longer, tell the customer what you are doing.",
                             "Reply within {0} seconds; if you need longer, tell the customer what you are doing.", static_cast<unsigned long>(target)),
                         target);
    } else {
        // TRANSLATORS: {0} is seconds.
        d.text = fmt(tr("Dead air: {0} s of silence"), seconds);
        d.feedback = tr("Don't leave the caller in silence: say what you are doing, or ask to place them on hold.");
    }
    return d;
}

// Empathy earns a bonus once, in a reply that breaks no rule, and only on a clean call: an apology
// that repairs a mistake is recovery, and must not out-score a call that needed no repair.
bool empathyEarnsBonus(const AttemptLog& log) {
    bool empathetic = false;
    for (const Event& e : log.events) {
        if (e.type != EventType::Choice) continue;
        if (!e.breaks.empty() || e.points < 0) return false;
        empathetic = empathetic || e.empathy;
    }
    return empathetic;
}

void addBonuses(ScoreReport& r, const StepInputs& in, const AttemptLog& log, bool wrap_expected) {
    Points& p = r.points;
    const SimMetrics& m = r.metrics;
    if (in.tools_used > 0) {
        // TRANSLATORS: desk tools used of those the case needed.
        p.bonuses.push_back({fmt(tr("Systems checked ({0} of {1})"), in.tools_used, in.expected_tools.size()), kDeskToolBonus * in.tools_used});
    }
    if (empathyEarnsBonus(log)) p.bonuses.push_back({tr("Empathy"), kEmpathyBonus});
    if (p.longest_streak >= kStreakMinimum) {
        const int n = p.longest_streak;
        p.bonuses.push_back({fmt(trn("Streak of {0} SOP-perfect decision", "Streak of {0} SOP-perfect decisions", static_cast<unsigned long>(n)), n),
                             kStreakBonusPerDecision * n});
    }
    if (m.fcr) p.bonuses.push_back({tr("First-contact resolution"), kFcrBonus});
    if (r.success_ending && m.within_handle_target) p.bonuses.push_back({tr("Within handle-time target"), kHandleTimeBonus});
    if (wrap_expected && r.wrap_up.submitted && r.wrap_up.disposition_correct) {
        p.bonuses.push_back({tr("Correct disposition"), kDispositionBonus});
    }
    if (r.wrap_up.follow_up_required && r.wrap_up.follow_up_created) {
        p.bonuses.push_back({tr("Follow-up task created"), kFollowUpTaskBonus});
    }
}

void addPenalties(ScoreReport& r, bool late, bool chat) {
    Points& p = r.points;
    // TRANSLATORS: {0} is the title of an SOP rule.
    for (const Breach& b : r.breaches) p.penalties.push_back({fmt(tr("Breach: {0}"), b.title), b.penalty});
    if (late) p.penalties.push_back({tr("Late answer"), kLateAnswerPoints});
    if (r.metrics.slow_responses > 0) {
        // TRANSLATORS: {0} is how many times.
        p.penalties.push_back({fmt(chat ? tr("Slow chat replies ({0})") : tr("Dead air ({0})"), r.metrics.slow_responses),
                               kSlowReplyPoints * r.metrics.slow_responses});
    }
    int total = p.base;
    for (const PointsLine& l : p.bonuses) total += l.points;
    for (const PointsLine& l : p.penalties) total += l.points;
    p.total = std::max(0, total);
}

}  // namespace

// ---- scoreAttempt ----

namespace {

void scoreOutcome(ScoreReport& r, const Sop& sop, const AttemptFacts& f, const AttemptLog& log) {
    if (f.ending) {
        r.outcome = dataString(f.ending->data, "outcome");
        r.success_ending = dataBool(f.ending->data, "success");
    } else if (!log.outcome.empty()) {
        r.outcome = log.outcome;
        r.success_ending = log.success;
    }
    if (!r.outcome.empty()) r.outcome_title = sop.outcomeTitle(r.outcome);
}

void scoreMetrics(ScoreReport& r, const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptFacts& f) {
    SimMetrics& m = r.metrics;
    m.handle_seconds = f.final_clock;
    // Logs from before the wrap-up recorded its seconds counted the scripted figure.
    const bool wrap_timed = f.wrap_up && f.wrap_up->data.is_object() && f.wrap_up->data.contains("seconds");
    const int wrap_up = !f.wrap_up ? 0 : wrap_timed ? dataInt(f.wrap_up->data, "seconds") : Engine::kScriptedWrapUpSeconds;
    m.wrap_up_seconds = std::clamp(wrap_up, 0, std::max(0, m.handle_seconds));
    m.hold_seconds = static_cast<int>(std::clamp<long long>(f.hold_seconds, 0, std::max(0, m.handle_seconds - m.wrap_up_seconds)));
    m.talk_seconds = m.handle_seconds - m.hold_seconds - m.wrap_up_seconds;
    m.target_handle_seconds = settings.targetHandleSeconds();
    m.within_handle_target = m.handle_seconds <= m.target_handle_seconds;
    const SopOutcome* outcome = sop.outcome(r.outcome);
    m.fcr = r.success_ending && !r.wrap_up.follow_up_required && outcome && outcome->first_contact_resolution;
    m.final_mood = std::clamp(f.final_mood, 0, 100);
    m.csat = csatFromMood(m.final_mood);
    m.target_csat = settings.target_csat;
    m.answer_seconds = f.answer_waited;
    m.target_answer_seconds = settings.answerTargetSeconds(scenario.channel);
}

}  // namespace

ScoreReport scoreAttempt(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptLog& log) {
    ScoreReport r;
    r.scenario_id = scenario.id.empty() ? log.scenario_id : scenario.id;
    r.sop_version = log.sop_version.empty() ? sop.version : log.sop_version;
    const AttemptFacts f = collectFacts(scenario, log);
    const bool chat = scenario.channel == Channel::Chat;
    scoreOutcome(r, sop, f, log);

    const auto expected_wrap = expectedWrapUp(sop, scenario, f, log, r.outcome);
    WrapUpFindings wrap = gradeWrapUp(sop, expected_wrap, f);
    r.wrap_up = wrap.review;
    scoreMetrics(r, sop, scenario, settings, f);
    SimMetrics& m = r.metrics;
    // An outbound call has no ringing: the agent places it.
    Timing timing;
    timing.late_answer = f.answered && !scenario.outbound && m.answer_seconds > m.target_answer_seconds;
    timing.slow_first_reply = chat && slowFirstReply(log);

    // Breaches: every rule each decision broke, then the wrap-up's.
    std::vector<Breach> breaches;
    for (const Event& e : log.events) {
        for (const std::string& rule : e.breaks) {
            const std::string note = checkNote(e, rule);
            breaches.push_back(makeBreach(sop, rule, e.seq, note.empty() ? e.feedback : note, e.sop_ref, &log));
        }
    }
    for (Breach& b : wrap.breaches) breaches.push_back(b);

    const StepInputs in = stepInputs(sop, scenario, log, f, r.wrap_up, timing);
    r.steps = scoreSteps(sop, in, breaches, wrap);
    int required_total = 0;
    int required_count = 0;
    for (const StepScore& s : r.steps) {
        if (!s.required) continue;
        required_total += s.score;
        ++required_count;
    }
    r.adherence = required_count ? (required_total + required_count / 2) / required_count : 100;

    std::stable_sort(breaches.begin(), breaches.end(),
                     [](const Breach& a, const Breach& b) { return severityRank(a.severity) < severityRank(b.severity); });
    r.critical_failure = std::any_of(breaches.begin(), breaches.end(), [](const Breach& b) { return b.critical; });
    r.breaches = breaches;
    r.passed = !r.critical_failure && r.adherence >= settings.scenario_pass_mark && r.success_ending;

    // Points and the decision review.
    Points& p = r.points;
    int streak = 0;
    int empathetic = 0;
    for (const Event& e : log.events) {
        const bool decision = e.type == EventType::Choice || e.type == EventType::Desk || e.type == EventType::WrapUp;
        if (e.type == EventType::Choice) {
            p.base += e.points;
            if (e.empathy && e.breaks.empty()) ++empathetic;
            streak = (e.points >= 0 && e.breaks.empty()) ? streak + 1 : 0;
            p.longest_streak = std::max(p.longest_streak, streak);
        }
        const bool slow = e.type == EventType::Wait && dataBool(e.data, "slow");
        if (slow) ++m.slow_responses;
        if (decision) {
            r.decisions.push_back(reviewOf(e, wrap));
        } else if (e.type == EventType::Answer && timing.late_answer && f.answer_seq == e.seq) {
            r.decisions.push_back(lateAnswerReview(sop, settings, e, m, scenario.channel));
        } else if (slow) {
            r.decisions.push_back(slowWaitReview(settings, e, chat));
        }
    }
    addBonuses(r, in, log, expected_wrap.has_value());
    addPenalties(r, timing.late_answer, chat);

    r.star_caps = starCaps(r, settings, timing.late_answer);
    r.stars = 3;
    for (const StarCap& cap : r.star_caps) r.stars = std::min(r.stars, cap.max_stars);

    r.strengths = strengthsOf(sop, r, log.events, scenario.outbound, static_cast<int>(in.expected_tools.size()),
                              in.tools_used, empathetic);
    return r;
}

// ---- JSON ----

void to_json(nlohmann::json& j, const ScoreReport& r) {
    j = nlohmann::json{{"scenario_id", r.scenario_id},
                       {"sop_version", r.sop_version},
                       {"outcome", r.outcome},
                       {"outcome_title", r.outcome_title},
                       {"success_ending", r.success_ending},
                       {"passed", r.passed},
                       {"critical_failure", r.critical_failure},
                       {"adherence", r.adherence},
                       {"stars", r.stars},
                       {"star_caps", r.star_caps},
                       {"points", r.points},
                       {"metrics", r.metrics},
                       {"steps", r.steps},
                       {"breaches", r.breaches},
                       {"decisions", r.decisions},
                       {"wrap_up", r.wrap_up},
                       {"strengths", r.strengths}};
}

void from_json(const nlohmann::json& j, ScoreReport& r) {
    const ScoreReport defaults;
    r.scenario_id = j.value("scenario_id", defaults.scenario_id);
    r.sop_version = j.value("sop_version", defaults.sop_version);
    r.outcome = j.value("outcome", defaults.outcome);
    r.outcome_title = j.value("outcome_title", defaults.outcome_title);
    r.success_ending = j.value("success_ending", defaults.success_ending);
    r.passed = j.value("passed", defaults.passed);
    r.critical_failure = j.value("critical_failure", defaults.critical_failure);
    r.adherence = j.value("adherence", defaults.adherence);
    r.stars = j.value("stars", defaults.stars);
    r.star_caps = j.value("star_caps", defaults.star_caps);
    r.points = j.value("points", defaults.points);
    r.metrics = j.value("metrics", defaults.metrics);
    r.steps = j.value("steps", defaults.steps);
    r.breaches = j.value("breaches", defaults.breaches);
    r.decisions = j.value("decisions", defaults.decisions);
    r.wrap_up = j.value("wrap_up", defaults.wrap_up);
    r.strengths = j.value("strengths", defaults.strengths);
}

}  // namespace frontline
