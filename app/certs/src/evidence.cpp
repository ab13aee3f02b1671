// Sections: from raw attempts · from the trigger-kept totals · every trainee at once
//
// Why the totals give exactly what the raw attempts give (issue 12): evaluateCertification reads
// of an attempt only its scenario (tags, difficulty, title), SOP version, mode, passed, critical
// breach and stars, which a group of evidence_totals shares, and its finish, which decides
// whether it lies in the policy's window (after the latest certificate or revocation, not older
// than evidence_max_age_days, not after `now`) and breaks ties between equal ones (the later one
// wins). The window is an interval of time, so when a group's newest finish is at or before
// `now`, the group has an attempt in the window iff that newest one is in it, and that newest one
// is what any tie-break picks. The totals keep the newest finish in text order, which is time
// order for the canonical form "YYYY-MM-DDTHH:MM:SSZ" the store writes; a trainee with a group
// whose newest finish is after `now` (a desk clock ahead) or not parsable, or with any finish
// written another way, gets their raw attempts instead. Quizzes: the same, by score.
#include <map>
#include <set>
#include "frontline/certs.hpp"

namespace frontline {

// ---- from raw attempts ---------------------------------------------------------------------------

namespace {

// Tags, difficulty and the title from the content (the attempt's own title wins when it has one).
void addScenarioFacts(PracticalAttempt& p, const ContentLibrary& content) {
    if (const Scenario* s = content.scenario(p.scenario_id)) {
        p.tags = s->tags;
        p.difficulty = s->difficulty;
        if (p.scenario_title.empty()) p.scenario_title = s->title;
    }
}

}  // namespace

PracticalAttempt practicalAttemptOf(const AttemptRecord& a, const ContentLibrary& content) {
    PracticalAttempt p;
    p.scenario_id = a.scenario_id;
    p.scenario_title = a.scenario_title;
    p.passed = a.passed;
    p.critical_failure = a.critical_failure;
    p.stars = a.stars;
    p.finished_at = a.finished_at;
    p.sop_version = a.sop_version;
    p.assessment = a.mode == "assessment";
    addScenarioFacts(p, content);
    return p;
}

QuizEvidence quizEvidenceOf(const QuizAttemptRecord& q) {
    return QuizEvidence{q.exam_id, q.mode == "practice", q.score_percent, q.finished_at, q.sop_version, q.passed};
}

TraineeEvidence gatherEvidenceFromAttempts(const Store& store, std::int64_t trainee_id, const ContentLibrary& content) {
    TraineeEvidence evidence;
    for (const auto& a : store.attempts(trainee_id)) evidence.attempts.push_back(practicalAttemptOf(a, content));
    for (const auto& q : store.quizAttempts(trainee_id)) evidence.quizzes.push_back(quizEvidenceOf(q));
    for (const auto& c : store.certificates(trainee_id)) evidence.certificates.push_back(heldCertificate(c));
    return evidence;
}

// ---- from the trigger-kept totals ----------------------------------------------------------------

namespace {

// Whether a group's newest finish stands for the whole group at `now` (see the top of the file).
bool newestStandsForGroup(int irregular_times, const std::string& last_finished_at, std::int64_t now) {
    if (irregular_times > 0) return false;
    const auto last = parseUtc(last_finished_at);
    return last && *last <= now;
}

PracticalAttempt practicalFromTotal(const ScenarioEvidenceTotal& t, const ContentLibrary& content) {
    PracticalAttempt p;
    p.scenario_id = t.scenario_id;
    p.scenario_title = t.scenario_title;
    p.passed = t.passed;
    p.critical_failure = t.critical_failure;
    p.stars = t.stars;
    p.finished_at = t.last_finished_at;
    p.sop_version = t.sop_version;
    p.assessment = t.assessment;
    addScenarioFacts(p, content);
    return p;
}

QuizEvidence quizFromTotal(const QuizEvidenceTotal& t) {
    return QuizEvidence{t.exam_id, t.practice, t.score_percent, t.last_finished_at, t.sop_version, t.passed};
}

// Evidence per trainee from totals and certificate headers; the trainees whose totals cannot stand
// for them at `now` are put in `fallback` (their entry is then incomplete and must be replaced).
std::map<std::int64_t, TraineeEvidence> evidenceFromTotals(const EvidenceTotals& totals, const ContentLibrary& content,
                                                           std::int64_t now, std::set<std::int64_t>& fallback) {
    std::map<std::int64_t, TraineeEvidence> out;
    for (const auto& t : totals.scenarios) {
        if (!newestStandsForGroup(t.irregular_times, t.last_finished_at, now)) fallback.insert(t.trainee_id);
        out[t.trainee_id].attempts.push_back(practicalFromTotal(t, content));
    }
    for (const auto& t : totals.quizzes) {
        if (!newestStandsForGroup(t.irregular_times, t.last_finished_at, now)) fallback.insert(t.trainee_id);
        out[t.trainee_id].quizzes.push_back(quizFromTotal(t));
    }
    for (const auto& c : totals.certificates)
        out[c.trainee_id].certificates.push_back(HeldCertificate{c.id, c.policy_id, c.sop_version, c.issued_at, c.expires_at, c.revoked_at});
    return out;
}

}  // namespace

TraineeEvidence gatherEvidence(const Store& store, std::int64_t trainee_id, const ContentLibrary& content, const std::string& now) {
    if (trainee_id == 0) return TraineeEvidence{};  // 0 means "everyone" to the store: never one trainee's evidence
    std::set<std::int64_t> fallback;
    auto found = evidenceFromTotals(store.evidenceTotals(trainee_id), content, parseUtc(now).value_or(0), fallback);
    if (!fallback.empty()) return gatherEvidenceFromAttempts(store, trainee_id, content);
    return std::move(found[trainee_id]);
}

// ---- every trainee at once -----------------------------------------------------------------------

EvidenceByTrainee gatherEvidenceOfAll(const Store& store, const ContentLibrary& content, const std::string& now) {
    std::set<std::int64_t> fallback;
    EvidenceByTrainee all;
    all.by_trainee = evidenceFromTotals(store.evidenceTotals(0), content, parseUtc(now).value_or(0), fallback);
    for (const std::int64_t id : fallback) all.by_trainee[id] = gatherEvidenceFromAttempts(store, id, content);
    all.raw_fallbacks = static_cast<int>(fallback.size());
    return all;
}

const TraineeEvidence& EvidenceByTrainee::of(std::int64_t trainee_id) const {
    static const TraineeEvidence kNone;
    const auto found = by_trainee.find(trainee_id);
    return found == by_trainee.end() ? kNone : found->second;
}

}  // namespace frontline
