// Scoring an attempt: the QA scorecard of docs/content-format.md ("How an attempt is scored").
//
// Sections:
//   helpers            small string / JSON readers that tolerate odd data
//   AttemptFacts       one pass over the event log collecting what the scorer needs
//   wrap-up grading    the form against the ending's expectation
//   step scores        coverage, order, breaches, desk tools
//   points, metrics, decisions, strengths
//   scoreAttempt       puts it together
//   JSON
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "frontline/validator.hpp"

namespace frontline {
namespace {

using namespace score_rules;

// ---- helpers ----

std::string lowerCopy(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
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
            case EventType::Choice:
            case EventType::Wait: f.final_mood = e.mood_after; break;
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
        if (a.relevant) tools.push_back(deskKbOptionId(a.id));
    }
    return tools;
}

// The wrap-up the reached ending asks for. A hang-up has no ending node of its own but still asks
// for the form, with DROPPED (docs: "The customer's mood").
std::optional<WrapUpExpectation> expectedWrapUp(const Scenario& scenario, const AttemptFacts& f, const AttemptLog& log,
                                                const std::string& outcome) {
    if (outcome == outcomeName(Outcome::CustomerHungUp)) {
        WrapUpExpectation dropped;
        dropped.dispositions = {"DROPPED"};
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

Breach makeBreach(const Sop& sop, const std::string& rule_id, int seq, const std::string& explanation,
                  const std::string& fallback_source) {
    Breach b;
    b.rule = rule_id;
    b.event_seq = seq;
    b.explanation = explanation;
    RuleSeverity severity = RuleSeverity::Minor;
    if (const SopRule* rule = sop.rule(rule_id)) {
        b.title = rule->title;
        b.source = rule->source.empty() ? fallback_source : rule->source;
        severity = rule->severity;
    } else {
        // Content refers to a rule the SOP does not have (the validator reports it): score it as minor.
        b.title = "Unknown rule '" + rule_id + "'";
        b.source = fallback_source;
    }
    b.severity = severityName(severity);
    b.critical = severity == RuleSeverity::Critical;
    b.penalty = breachPoints(severity);
    return b;
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
    const std::string document_source = sop.step("document") ? sop.step("document")->source : std::string();

    if (expected && !expected->dispositions.empty()) r.expected_disposition = expected->dispositions.front();
    if (!r.submitted) {
        r.disposition_correct = false;
        r.category_correct = !expected || expected->category.empty();
        if (expected) {
            w.document_missed = true;
            w.document_reasons.push_back("No wrap-up submitted");
        }
    } else {
        const std::string disposition = dataString(form, "disposition");
        if (expected && !expected->dispositions.empty()) {
            r.disposition_correct = contains(expected->dispositions, disposition);
        } else {
            r.disposition_correct = !disposition.empty() || !expected;
        }
        if (expected && !r.disposition_correct) {
            std::string why = disposition.empty() ? "No disposition code was chosen"
                                                  : "Disposition '" + disposition + "' does not fit this outcome";
            if (!r.expected_disposition.empty()) why += "; expected " + r.expected_disposition;
            w.breaches.push_back(makeBreach(sop, "correct_disposition", seq, why + ".", document_source));
        }
        if (expected && !expected->category.empty()) {
            r.category_correct = dataString(form, "category") == expected->category;
            if (!r.category_correct) {
                w.document_deduction += kCategoryPenalty;
                w.document_reasons.push_back("Issue category should be '" + expected->category + "' (-" +
                                             std::to_string(kCategoryPenalty) + ")");
            }
        }
        if (expected) {
            const std::string notes = lowerCopy(dataString(form, "notes"));
            for (const auto& group : expected->notes_mention) {
                if (group.empty()) continue;
                bool found = std::any_of(group.begin(), group.end(), [&](const std::string& word) {
                    return !word.empty() && notes.find(lowerCopy(word)) != std::string::npos;
                });
                if (!found) {
                    r.notes_missing.push_back(group.front());
                    w.document_deduction += kNotesMentionPenalty;
                    w.document_reasons.push_back("Notes did not mention '" + group.front() + "' (-" +
                                                 std::to_string(kNotesMentionPenalty) + ")");
                }
            }
        }
    }
    if (r.follow_up_required && !r.follow_up_created) {
        w.breaches.push_back(makeBreach(sop, "log_commitments", seq,
                                        "A follow-up was promised or required, but no follow-up task was created "
                                        "in the wrap-up.",
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

struct StepInputs {
    std::vector<std::string> required;
    std::map<std::string, int> first_cover;  // after desk / answer / wrap-up adjustments
    std::vector<std::string> expected_tools;
    int tools_used = 0;
};

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

        if (step.id == "access_systems" && !in.expected_tools.empty()) {
            const int expected = static_cast<int>(in.expected_tools.size());
            score = (100 * in.tools_used + expected / 2) / expected;
            if (in.tools_used < expected) {
                s.reasons.push_back("Used " + std::to_string(in.tools_used) + " of " + std::to_string(expected) +
                                    " expected desk tools");
            }
        }
        if (step.id == "document" && wrap.document_missed) {
            s.covered = false;
            score = 0;
            s.reasons = wrap.document_reasons;
        }
        if (!s.covered && s.reasons.empty()) s.reasons.push_back("Not covered");

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
                std::string list;
                for (const std::string& t : before) list += (list.empty() ? "" : " and ") + t;
                s.reasons.push_back("Came before " + list + " (-" + std::to_string(kOutOfOrderPenalty) + ")");
            }
        }
        for (const Breach& b : breaches) {
            const SopRule* rule = sop.rule(b.rule);
            if (!rule || rule->step != step.id) continue;
            const int cost = stepPenalty(b);
            score -= cost;
            s.reasons.push_back("Broke: " + b.title + (cost >= 100 ? " (critical)" : " (-" + std::to_string(cost) + ")"));
        }
        if (step.id == "document") {
            score -= wrap.document_deduction;
            for (const std::string& r : wrap.document_reasons) {
                if (!contains(s.reasons, r)) s.reasons.push_back(r);
            }
        }
        s.score = std::clamp(score, 0, 100);
        if (s.reasons.empty()) s.reasons.push_back("Covered in order");
        out.push_back(std::move(s));
    }
    return out;
}

// ---- strengths ----

std::vector<std::string> strengthsOf(const ScoreReport& r, const std::vector<Event>& events, bool outbound,
                                     int tools_expected, int tools_used, int empathetic) {
    std::vector<std::string> out;
    auto stepOk = [&](const char* id) {
        auto it = std::find_if(r.steps.begin(), r.steps.end(), [&](const StepScore& s) { return s.step == id; });
        return it != r.steps.end() && it->covered && it->score == 100;
    };
    auto broke = [&](const char* rule) {
        return std::any_of(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.rule == rule; });
    };
    auto honoured = [&](const char* rule) {
        return std::any_of(events.begin(), events.end(), [&](const Event& e) { return contains(e.honours, rule); });
    };
    if (stepOk("verify") && !broke("no_disclosure_before_verification")) {
        out.push_back("Verified identity before disclosing anything");
    }
    if (r.breaches.empty() && r.success_ending) out.push_back("Kept every SOP rule");
    if (tools_expected > 0 && tools_used == tools_expected) out.push_back("Checked every system the case needed");
    if (empathetic > 0) out.push_back("Acknowledged the customer's feelings");
    if (honoured("hold_ask_permission") && !broke("hold_ask_permission")) {
        out.push_back("Asked permission before placing the customer on hold");
    }
    if (r.outcome == outcomeName(Outcome::EscalatedWarm) && !broke("no_cold_transfer") &&
        !broke("transfer_with_context")) {
        out.push_back("Warm-transferred with full context");
    }
    if (r.wrap_up.submitted && r.wrap_up.disposition_correct && r.wrap_up.notes_missing.empty() &&
        r.wrap_up.category_correct && (!r.wrap_up.follow_up_required || r.wrap_up.follow_up_created)) {
        out.push_back("Wrap-up complete and accurate");
    }
    if (r.points.longest_streak >= kStreakMinimum + 2) {
        out.push_back(std::to_string(r.points.longest_streak) + " SOP-perfect decisions in a row");
    }
    if (!outbound && r.metrics.answer_seconds <= r.metrics.target_answer_seconds && r.metrics.target_answer_seconds > 0) {
        out.push_back("Answered within the target time");
    }
    if (r.success_ending && r.metrics.within_handle_target) out.push_back("Finished within the handle-time target");
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

}  // namespace

// ---- scoreAttempt ----

ScoreReport scoreAttempt(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptLog& log) {
    ScoreReport r;
    r.scenario_id = scenario.id.empty() ? log.scenario_id : scenario.id;
    r.sop_version = log.sop_version.empty() ? sop.version : log.sop_version;
    const AttemptFacts f = collectFacts(scenario, log);

    // Outcome.
    if (f.ending) {
        r.outcome = dataString(f.ending->data, "outcome");
        r.success_ending = dataBool(f.ending->data, "success");
    } else if (log.outcome) {
        r.outcome = outcomeName(*log.outcome);
        r.success_ending = log.success;
    }
    if (auto o = outcomeFromName(r.outcome)) r.outcome_title = outcomeTitle(*o);

    // Wrap-up.
    const auto expected_wrap = expectedWrapUp(scenario, f, log, r.outcome);
    WrapUpFindings wrap = gradeWrapUp(sop, expected_wrap, f);
    r.wrap_up = wrap.review;

    // Breaches: every rule each decision broke, then the wrap-up's.
    std::vector<Breach> breaches;
    for (const Event& e : log.events) {
        for (const std::string& rule : e.breaks) {
            breaches.push_back(makeBreach(sop, rule, e.seq, e.feedback, e.sop_ref));
        }
    }
    for (Breach& b : wrap.breaches) breaches.push_back(b);

    // Steps.
    StepInputs in;
    in.required = requiredSteps(scenario, sop);
    if (r.wrap_up.follow_up_required && !contains(in.required, "follow_up")) in.required.push_back("follow_up");
    in.first_cover = f.first_cover;
    in.expected_tools = expectedDeskTools(scenario);
    for (const std::string& tool : in.expected_tools) in.tools_used += f.desk_used.count(tool) ? 1 : 0;
    if (!in.expected_tools.empty()) {
        // Step 4 is about the desk tools the case needs; saying "let me check" does not count.
        in.first_cover.erase("access_systems");
        for (const Event& e : log.events) {
            if (e.type == EventType::Desk && contains(in.expected_tools, e.id)) {
                in.first_cover["access_systems"] = e.seq;
                break;
            }
        }
    }
    // Picking up starts step 1, so looking up the account while greeting is not out of order.
    if (f.answer_seq) {
        auto it = in.first_cover.find("receive");
        if (it != in.first_cover.end()) it->second = std::min(it->second, *f.answer_seq);
    }
    // The follow-up task lives in the wrap-up form.
    if (r.wrap_up.follow_up_created && !in.first_cover.count("follow_up")) in.first_cover["follow_up"] = f.wrap_up->seq;
    if (r.wrap_up.submitted && !in.first_cover.count("document")) in.first_cover["document"] = f.wrap_up->seq;

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

    // Metrics.
    const bool chat = scenario.channel == Channel::Chat;
    SimMetrics& m = r.metrics;
    m.handle_seconds = f.final_clock;
    m.target_handle_seconds = settings.targetHandleSeconds();
    m.within_handle_target = m.handle_seconds <= m.target_handle_seconds;
    m.fcr = r.success_ending && !r.wrap_up.follow_up_required &&
            (r.outcome == outcomeName(Outcome::ResolvedFirstContact) || r.outcome == outcomeName(Outcome::SaleCompleted));
    m.final_mood = std::clamp(f.final_mood, 0, 100);
    m.csat = csatFromMood(m.final_mood);
    m.target_csat = settings.target_csat;
    m.answer_seconds = f.answer_waited;
    m.target_answer_seconds = settings.answerTargetSeconds(chat);
    // An outbound call has no ringing: the agent places it.
    const bool late = f.answered && !scenario.outbound && m.answer_seconds > m.target_answer_seconds;

    // Points and the decision review.
    Points& p = r.points;
    int streak = 0;
    int empathetic = 0;
    for (const Event& e : log.events) {
        const bool decision = e.type == EventType::Choice || e.type == EventType::Desk || e.type == EventType::WrapUp;
        if (e.type == EventType::Choice) {
            p.base += e.points;
            if (e.empathy) ++empathetic;
            streak = (e.points >= 0 && e.breaks.empty()) ? streak + 1 : 0;
            p.longest_streak = std::max(p.longest_streak, streak);
        }
        if (e.type == EventType::Wait && dataBool(e.data, "slow")) ++m.slow_responses;

        DecisionReview d;
        d.seq = e.seq;
        d.clock = e.clock;
        d.kind = eventKind(e.type);
        if (decision) {
            d.text = e.text.empty() ? e.id : e.text;
            d.points = e.points;
            d.steps = e.steps;
            d.honoured = e.honours;
            d.broken = e.breaks;
            d.feedback = e.feedback;
            d.sop_ref = e.sop_ref;
            if (e.type == EventType::WrapUp) {
                for (const Breach& b : wrap.breaches) d.broken.push_back(b.rule);
                std::string notes;
                for (const Breach& b : wrap.breaches) notes += (notes.empty() ? "" : " ") + b.explanation;
                for (const std::string& why : wrap.document_reasons) notes += (notes.empty() ? "" : " ") + why + ".";
                if (!notes.empty()) d.feedback = d.feedback.empty() ? notes : d.feedback + " " + notes;
                d.good = d.broken.empty() && d.points >= 0 && wrap.document_reasons.empty();
            } else {
                d.good = d.broken.empty() && d.points >= 0;
            }
        } else if (e.type == EventType::Answer && late && f.answer_seq == e.seq) {
            d.text = "Answered after " + std::to_string(m.answer_seconds) + " s (target " +
                     std::to_string(m.target_answer_seconds) + " s)";
            d.points = kLateAnswerPoints;
            d.steps = {"receive"};
            d.feedback = chat ? "Pick up chats within " + std::to_string(settings.chat_answer_within_seconds) + " seconds."
                              : "Answer within " + std::to_string(settings.answer_within_rings) + " rings.";
            if (const SopStep* s = sop.step("receive")) d.sop_ref = s->source;
        } else if (e.type == EventType::Wait && dataBool(e.data, "slow")) {
            const int seconds = dataInt(e.data, "seconds");
            d.points = kSlowReplyPoints;
            if (chat) {
                d.text = "Slow reply: " + std::to_string(seconds) + " s (target " +
                         std::to_string(settings.chat_response_within_seconds) + " s)";
                d.feedback = "Reply within " + std::to_string(settings.chat_response_within_seconds) +
                             " seconds; if you need longer, tell the customer what you are doing.";
            } else {
                d.text = "Dead air: " + std::to_string(seconds) + " s of silence";
                d.feedback = "Don't leave the caller in silence: say what you are doing, or ask to place them on hold.";
            }
        } else {
            continue;
        }
        r.decisions.push_back(std::move(d));
    }

    if (in.tools_used > 0) {
        p.bonuses.push_back({"Systems checked (" + std::to_string(in.tools_used) + " of " +
                                 std::to_string(in.expected_tools.size()) + ")",
                             kDeskToolBonus * in.tools_used});
    }
    if (empathetic > 0) p.bonuses.push_back({"Empathy", std::min(kEmpathyBonusCap, kEmpathyBonus * empathetic)});
    if (p.longest_streak >= kStreakMinimum) {
        p.bonuses.push_back({"Streak of " + std::to_string(p.longest_streak) + " SOP-perfect decisions",
                             kStreakBonusPerDecision * p.longest_streak});
    }
    if (m.fcr) p.bonuses.push_back({"First-contact resolution", kFcrBonus});
    if (r.success_ending && m.within_handle_target) p.bonuses.push_back({"Within handle-time target", kHandleTimeBonus});
    if (expected_wrap && r.wrap_up.submitted && r.wrap_up.disposition_correct) {
        p.bonuses.push_back({"Correct disposition", kDispositionBonus});
    }
    if (r.wrap_up.follow_up_required && r.wrap_up.follow_up_created) {
        p.bonuses.push_back({"Follow-up task created", kFollowUpTaskBonus});
    }
    for (const Breach& b : r.breaches) p.penalties.push_back({"Breach: " + b.title, b.penalty});
    if (late) p.penalties.push_back({"Late answer", kLateAnswerPoints});
    if (m.slow_responses > 0) {
        p.penalties.push_back({std::string(chat ? "Slow chat replies (" : "Dead air (") + std::to_string(m.slow_responses) + ")",
                               kSlowReplyPoints * m.slow_responses});
    }
    int total = p.base;
    for (const PointsLine& l : p.bonuses) total += l.points;
    for (const PointsLine& l : p.penalties) total += l.points;
    p.total = std::max(0, total);

    r.stars = 1;
    if (r.passed) r.stars = (r.adherence >= settings.excellent_mark && m.within_handle_target) ? 3 : 2;

    r.strengths = strengthsOf(r, log.events, scenario.outbound, static_cast<int>(in.expected_tools.size()),
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
    r.points = j.value("points", defaults.points);
    r.metrics = j.value("metrics", defaults.metrics);
    r.steps = j.value("steps", defaults.steps);
    r.breaches = j.value("breaches", defaults.breaches);
    r.decisions = j.value("decisions", defaults.decisions);
    r.wrap_up = j.value("wrap_up", defaults.wrap_up);
    r.strengths = j.value("strengths", defaults.strengths);
}

}  // namespace frontline
