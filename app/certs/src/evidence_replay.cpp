// Sections: the targets in force · one attempt · one exam · a trainee's evidence
#include "frontline/evidence_replay.hpp"
#include <algorithm>
#include <map>
#include <optional>
#include "frontline/certs.hpp"
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"

namespace frontline {

namespace {

int intIn(const nlohmann::json& data, const char* key, int fallback) {
    if (!data.is_object()) return fallback;
    const auto found = data.find(key);
    return found != data.end() && found->is_number_integer() ? found->get<int>() : fallback;
}

std::string textIn(const nlohmann::json& data, const char* key) {
    if (!data.is_object()) return {};
    const auto found = data.find(key);
    return found != data.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// ---- the targets in force ------------------------------------------------------------------------

// The organisation's settings now, with the targets the engine wrote into the log when the attempt
// was played: a manager who changes "answer within" later must not make every older attempt fail.
OrgSettings settingsInForce(const OrgSettings& now, Channel channel, const AttemptLog& log) {
    OrgSettings s = now;
    for (const Event& e : log.events) {
        if (e.type == EventType::Answer && intIn(e.data, "target", -1) >= 0) {
            const int target = intIn(e.data, "target", 0);
            if (channel == Channel::Chat) {
                s.chat_answer_within_seconds = target;
            } else if (channel == Channel::Email) {
                s.email_reply_within_hours = target / 3600;
            } else if (s.ring_seconds > 0 && target % s.ring_seconds == 0) {
                s.answer_within_rings = target / s.ring_seconds;
            } else {
                s.ring_seconds = 1;
                s.answer_within_rings = target;
            }
        }
        if (e.type == EventType::Wait && channel == Channel::Chat && intIn(e.data, "threshold", -1) >= 0)
            s.chat_response_within_seconds = intIn(e.data, "threshold", 0);
    }
    return s;
}

// ---- one attempt ---------------------------------------------------------------------------------

WrapUpForm wrapUpFormOf(const nlohmann::json& data) {
    WrapUpForm form;
    form.disposition = textIn(data, "disposition");
    form.category = textIn(data, "category");
    form.notes = textIn(data, "notes");
    form.follow_up = data.is_object() && data.value("follow_up", false) == true;
    form.follow_up_task = textIn(data, "follow_up_task");
    form.follow_up_due = textIn(data, "follow_up_due");
    return form;
}

// Feeds the engine what the trainee did, in the logged order; what the engine itself wrote
// (customer lines, endings, hang-ups) comes out of the replay on its own.
std::string playBack(Engine& engine, const Scenario& scenario, const AttemptLog& log) {
    for (const Event& e : log.events) {
        ChooseResult done{true, {}};
        switch (e.type) {
            case EventType::Answer: {
                int waited = intIn(e.data, "waited", 0);
                if (scenario.channel == Channel::Email) waited -= scenario.queued_minutes * 60;  // the engine adds the queue
                done = engine.answer(std::max(0, waited));
                break;
            }
            case EventType::Choice:
            case EventType::Desk: done = engine.choose(e.id); break;
            case EventType::Wait: engine.elapse(intIn(e.data, "seconds", 0)); break;
            case EventType::WrapUp: done = engine.submitWrapUp(wrapUpFormOf(e.data), intIn(e.data, "seconds", 0)); break;
            default: break;
        }
        if (!done.ok) return "decision " + std::to_string(e.seq) + " ('" + e.id + "') cannot be made there: " + done.error;
    }
    return {};
}

// An event without the words filled in from the settings and the agent's name ({company},
// {agent}…): an organisation that renames itself must not fail every older attempt, and the
// words decide nothing the score reads. Ids, nodes, steps, rules, mood, clock and data stay.
nlohmann::json withoutFilledText(const Event& e) {
    nlohmann::json j = e;
    j.erase("text");
    j.erase("feedback");
    if (auto data = j.find("data"); data != j.end() && data->is_object()) {
        if (auto shown = data->find("shown"); shown != data->end() && shown->is_array())
            for (auto& option : *shown)
                if (option.is_object()) option.erase("text");
    }
    return j;
}

std::string firstDifference(const std::vector<Event>& stored, const std::vector<Event>& replayed) {
    const size_t n = std::min(stored.size(), replayed.size());
    for (size_t i = 0; i < n; ++i) {
        if (withoutFilledText(stored[i]) == withoutFilledText(replayed[i])) continue;
        return "its log differs from what the scenario gives for the same decisions, from event " + std::to_string(i + 1) + " (" +
               eventTypeName(stored[i].type) + (stored[i].id.empty() ? "" : " '" + stored[i].id + "'") + ")";
    }
    if (stored.size() != replayed.size())
        return "its log has " + std::to_string(stored.size()) + " events; the same decisions give " + std::to_string(replayed.size());
    return {};
}

std::string starsWord(int n) { return std::to_string(n) + (n == 1 ? " star" : " stars"); }

// The stored row against the replay's own score: every field a certification reads.
std::string resultDifference(const AttemptRecord& stored, const ScoreReport& replayed) {
    auto differs = [](const std::string& what, const std::string& was, const std::string& is) {
        return "the stored result says " + what + " " + was + ", the replay gives " + is;
    };
    if (stored.critical_failure != replayed.critical_failure)
        return stored.critical_failure ? "the stored result has a critical breach, the replay has none"
                                       : "the stored result has no critical breach, the replay has one";
    if (stored.adherence != replayed.adherence)
        return differs("SOP adherence", std::to_string(stored.adherence) + "%", std::to_string(replayed.adherence) + "%");
    if (stored.outcome != replayed.outcome) return differs("outcome", "'" + stored.outcome + "'", "'" + replayed.outcome + "'");
    if (stored.passed != replayed.passed)
        return differs("", stored.passed ? "passed" : "not passed", replayed.passed ? "passed" : "not passed") +
               " (if the pass mark changed since it was played, it must be played again)";
    if (stored.stars != replayed.stars)
        return differs("", starsWord(stored.stars), starsWord(replayed.stars)) + " (or the star settings changed since)";
    return {};
}

}  // namespace

AttemptReplay replayStoredAttempt(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptRecord& stored) {
    const AttemptLog& log = stored.log;
    if (log.scenario_id != scenario.id || stored.scenario_id != scenario.id)
        return {false, "its log is of scenario '" + log.scenario_id + "', not '" + scenario.id + "'"};
    if (log.scenario_version != scenario.version)
        return {false, "it was played on version " + std::to_string(log.scenario_version) + " of the scenario, which is at version " +
                           std::to_string(scenario.version) + " now, so it cannot be replayed"};
    if (log.sop_version != sop.version || stored.sop_version != sop.version)
        return {false, "it was played under SOP version " + stored.sop_version + " (this is " + sop.version + "), so it cannot be replayed"};
    if (stored.mode != attemptModeName(log.mode)) return {false, "the stored mode '" + stored.mode + "' is not the one in its log"};
    if (log.events.empty() || log.events.front().type != EventType::Answer) return {false, "it has no event log to replay"};

    const OrgSettings in_force = settingsInForce(settings, scenario.channel, log);
    Engine engine(sop, scenario, in_force, log.agent_name, log.seed);
    engine.setMode(log.mode);
    if (std::string why = playBack(engine, scenario, log); !why.empty()) return {false, why};
    if (engine.phase() != Phase::Finished) return {false, "its log stops before the interaction ends"};
    if (std::string why = firstDifference(log.events, engine.log().events); !why.empty()) return {false, why};
    const ScoreReport replayed = scoreAttempt(sop, scenario, in_force, engine.log());
    if (std::string why = resultDifference(stored, replayed); !why.empty()) return {false, why};
    return {true, {}};
}

// ---- one exam ------------------------------------------------------------------------------------

namespace {

std::optional<std::vector<QuizAnswer>> storedAnswers(const nlohmann::json& detail) {
    const auto found = detail.find("answers");
    if (found == detail.end() || !found->is_array()) return std::nullopt;
    std::vector<QuizAnswer> answers;
    for (const auto& picks : *found) {
        if (!picks.is_array()) return std::nullopt;
        QuizAnswer a;
        for (const auto& p : picks) {
            if (!p.is_number_integer()) return std::nullopt;
            a.picks.push_back(p.get<int>());
        }
        answers.push_back(std::move(a));
    }
    return answers;
}

}  // namespace

AttemptReplay regradeStoredQuiz(const QuizLibrary& library, const OrgSettings& settings, const QuizAttemptRecord& stored,
                                const std::string& agent_name) {
    if (!stored.detail.is_object() || !stored.detail.contains("draw")) return {false, "it has no stored questions and answers to grade again"};
    const auto fresh = drawQuiz(library, stored.exam_id, stored.seed);
    if (!fresh) return {false, "the exam '" + stored.exam_id + "' is no longer in the content"};
    // The questions must be the ones the exam draws for this seed: nobody picks their own questions.
    if (stored.detail.at("draw") != nlohmann::json(*fresh))
        return {false, "its questions are not the ones the exam draws for its seed (or the question banks changed since)"};
    const auto answers = storedAnswers(stored.detail);
    if (!answers || answers->size() > fresh->questions.size()) return {false, "its stored answers cannot be read"};
    const QuizResult graded = gradeQuiz(library, *fresh, *answers, QuizMode::Exam, settings, agent_name);
    if (graded.percent != stored.score_percent)
        return {false, "the stored score is " + std::to_string(stored.score_percent) + "%, grading the stored answers gives " +
                           std::to_string(graded.percent) + "%"};
    return {true, {}};
}

// ---- a trainee's evidence ------------------------------------------------------------------------

namespace {

std::string attemptLabel(const AttemptRecord& a) {
    return "attempt #" + std::to_string(a.id) + ", '" + (a.scenario_title.empty() ? a.scenario_id : a.scenario_title) + "' on " +
           dateOfUtc(a.finished_at);
}

std::string quizLabel(const QuizAttemptRecord& q, const QuizLibrary& library) {
    const Exam* exam = library.exam(q.exam_id);
    return "exam '" + (exam ? exam->title : q.exam_id) + "' (#" + std::to_string(q.id) + ") on " + dateOfUtc(q.finished_at);
}

// The scenario each attempt was played on: the content's own when the versions match, else the
// copy of that version kept in the content's archive/ folder (each loaded once per replay run).
class PlayedScenarios {
public:
    explicit PlayedScenarios(const ContentLibrary& content) : content_(content) {}

    // nullptr with `why` when the attempt's version is neither current nor archived.
    const Scenario* find(const std::string& id, int version, std::string& why) {
        const Scenario* current = content_.scenario(id);
        if (current && current->version == version) return current;
        auto [entry, loaded_now] = archived_.try_emplace({id, version});
        if (loaded_now) entry->second = loadArchived(id, version, current);
        why = entry->second.why;  // the same reason for every attempt on that version
        return entry->second.scenario ? &*entry->second.scenario : nullptr;
    }

private:
    struct Archived {
        std::optional<Scenario> scenario;
        std::string why;  // when there is none
    };

    Archived loadArchived(const std::string& id, int version, const Scenario* current) const {
        std::vector<Diagnostic> diags;
        Archived out{loadArchivedScenario(content_, id, version, diags), {}};
        if (out.scenario) return out;
        const std::string copy = archivedScenarioFile(content_.paths, id, version).filename().string();
        // The first error says why; notes and warnings about the copy come before it in file order.
        auto error = std::find_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
        if (!diags.empty()) out.why = "archive/" + copy + " does not load: " + (error != diags.end() ? *error : diags.front()).message;
        else if (!current) out.why = "the scenario '" + id + "' is no longer in the content, nor archive/" + copy;
        else
            out.why = "it was played on version " + std::to_string(version) + " of the scenario, which is at version " +
                      std::to_string(current->version) + " now, and the content keeps no archive/" + copy + ", so it cannot be replayed";
        return out;
    }

    const ContentLibrary& content_;
    std::map<std::pair<std::string, int>, Archived> archived_;
};

AttemptReplay replayListed(const Store& store, const AttemptRecord& listed, PlayedScenarios& scenarios, const ContentLibrary& content,
                           const OrgSettings& settings) {
    std::string why;
    const Scenario* scenario = scenarios.find(listed.scenario_id, listed.scenario_version, why);
    if (!scenario) return {false, why};
    try {
        const auto full = store.attempt(listed.id);
        if (!full) return {false, "it is no longer in the database"};
        return replayStoredAttempt(content.sop, *scenario, settings, *full);
    } catch (const StoreError& e) {
        return {false, std::string("its event log cannot be read: ") + e.what()};
    }
}

}  // namespace

ReplayedEvidence replayEvidence(const Store& store, const Trainee& trainee, const ContentLibrary& content, const QuizLibrary& quizzes,
                                const OrgSettings& settings) {
    ReplayedEvidence out;
    PlayedScenarios scenarios(content);
    for (const AttemptRecord& listed : store.attempts(trainee.id)) {
        // An attempt that claims no pass meets no requirement whatever it holds: nothing to check.
        if (listed.passed && !listed.critical_failure) {
            ++out.attempts_replayed;
            const AttemptReplay replay = replayListed(store, listed, scenarios, content, settings);
            if (!replay.reproduced) {
                out.refused.push_back({attemptLabel(listed), replay.why});
                continue;
            }
        }
        out.evidence.attempts.push_back(practicalAttemptOf(listed, content));
    }
    for (const QuizAttemptRecord& q : store.quizAttempts(trainee.id)) {
        if (q.mode != "practice") {
            ++out.quizzes_regraded;
            const AttemptReplay regrade = regradeStoredQuiz(quizzes, settings, q, trainee.name);
            if (!regrade.reproduced) {
                out.refused.push_back({quizLabel(q, quizzes), regrade.why});
                continue;
            }
        }
        out.evidence.quizzes.push_back(quizEvidenceOf(q));
    }
    for (const auto& c : store.certificates(trainee.id)) out.evidence.certificates.push_back(heldCertificate(c));
    return out;
}

std::string refusedEvidenceText(const std::vector<RefusedEvidence>& refused) {
    if (refused.empty()) return {};
    std::string out = refused.size() == 1 ? "1 piece of evidence did not reproduce when replayed and does not count:"
                                          : std::to_string(refused.size()) + " pieces of evidence did not reproduce when replayed and do not count:";
    for (const auto& r : refused) out += "\n  - " + r.what + ": " + r.why;
    return out;
}

}  // namespace frontline
