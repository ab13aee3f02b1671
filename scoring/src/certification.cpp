// Sections: date helpers · evidence filtering · requirements · status
#include "frontline/certification.hpp"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <tuple>
#include "frontline/i18n.hpp"

namespace frontline {
namespace {

using namespace std::chrono;

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// Plain words rather than star glyphs: these lines go to terminals, PDFs and UI fonts alike.
std::string starsText(int stars) { return fmt(trn("{0} star", "{0} stars", static_cast<unsigned long>(stars)), stars); }
// The least a requirement asks: "2 stars+".
std::string starsOrMoreText(int stars) { return fmt(trn("{0} star+", "{0} stars+", static_cast<unsigned long>(stars)), stars); }

// TRANSLATORS: a scenario title quoted inside a sentence.
std::string quoted(const std::string& s) { return fmt(trc("quoted title", "'{0}'"), s); }

std::string tagLabel(std::string tag) {
    std::replace(tag.begin(), tag.end(), '_', ' ');
    return tag;
}

}  // namespace

// ---- date helpers --------------------------------------------------------------------------------

std::optional<std::int64_t> parseUtc(std::string_view iso) {
    // YYYY-MM-DD
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    if (!allDigits(iso.substr(0, 4)) || !allDigits(iso.substr(5, 2)) || !allDigits(iso.substr(8, 2))) return std::nullopt;
    year_month_day ymd{year{toInt(iso.substr(0, 4))}, month{static_cast<unsigned>(toInt(iso.substr(5, 2)))},
                       day{static_cast<unsigned>(toInt(iso.substr(8, 2)))}};
    if (!ymd.ok()) return std::nullopt;
    std::int64_t seconds = duration_cast<std::chrono::seconds>(sys_days{ymd}.time_since_epoch()).count();
    if (iso.size() == 10) return seconds;

    // THH:MM:SS[.fff](Z|+00:00)
    if (iso.size() < 20 || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':' || iso[16] != ':') return std::nullopt;
    if (!allDigits(iso.substr(11, 2)) || !allDigits(iso.substr(14, 2)) || !allDigits(iso.substr(17, 2))) return std::nullopt;
    int h = toInt(iso.substr(11, 2)), m = toInt(iso.substr(14, 2)), s = toInt(iso.substr(17, 2));
    if (h > 23 || m > 59 || s > 60) return std::nullopt;
    std::string_view rest = iso.substr(19);
    if (!rest.empty() && rest[0] == '.') {
        size_t digits = 1;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
        if (digits == 1) return std::nullopt;
        rest = rest.substr(digits);  // sub-second precision is irrelevant to certificates
    }
    if (rest != "Z" && rest != "+00:00") return std::nullopt;  // UTC only: the store writes UTC
    return seconds + h * 3600 + m * 60 + s;
}

std::string formatUtc(std::int64_t epoch_seconds) {
    std::int64_t days = epoch_seconds / kSecondsPerDay;
    std::int64_t rem = epoch_seconds % kSecondsPerDay;
    if (rem < 0) {
        rem += kSecondsPerDay;
        --days;
    }
    year_month_day ymd{sys_days{std::chrono::days{days}}};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(rem / 3600),
                  static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
    return buf;
}

std::optional<std::string> addMonthsUtc(std::string_view iso, int months) {
    auto t = parseUtc(iso);
    if (!t) return std::nullopt;
    std::int64_t days = *t / kSecondsPerDay - (*t % kSecondsPerDay < 0 ? 1 : 0);
    std::int64_t time_of_day = *t - days * kSecondsPerDay;
    year_month_day ymd{sys_days{std::chrono::days{days}}};
    year_month target_month = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    // Clamp: 31 January + 1 month is the last day of February, not 3 March.
    day last = year_month_day_last{target_month.year(), month_day_last{target_month.month()}}.day();
    year_month_day target{target_month.year(), target_month.month(), std::min(ymd.day(), last)};
    return formatUtc(sys_days{target}.time_since_epoch().count() * kSecondsPerDay + time_of_day);
}

std::optional<std::string> addDaysUtc(std::string_view iso, int days) {
    auto t = parseUtc(iso);
    if (!t) return std::nullopt;
    return formatUtc(*t + static_cast<std::int64_t>(days) * kSecondsPerDay);
}

std::string dateOfUtc(std::string_view iso) {
    if (parseUtc(iso)) return std::string(iso.substr(0, 10));
    return std::string(iso);
}

// ---- names ---------------------------------------------------------------------------------------

const char* certStatusName(CertStatus s) {
    switch (s) {
        case CertStatus::NotStarted: return "not_started";
        case CertStatus::InProgress: return "in_progress";
        case CertStatus::Certified: return "certified";
        case CertStatus::RefresherDue: return "refresher_due";
        case CertStatus::Expired: return "expired";
        case CertStatus::Revoked: return "revoked";
    }
    return "not_started";
}

const char* certStatusTitle(CertStatus s) {
    switch (s) {
        case CertStatus::NotStarted: return trc("certification status", "Not started");
        case CertStatus::InProgress: return trc("certification status", "In progress");
        case CertStatus::Certified: return trc("certification status", "Certified");
        case CertStatus::RefresherDue: return trc("certification status", "Refresher due");
        case CertStatus::Expired: return trc("certification status", "Expired");
        case CertStatus::Revoked: return trc("certification status", "Revoked");
    }
    return trc("certification status", "Not started");
}

std::optional<CertStatus> certStatusFromName(std::string_view name) {
    for (auto s : {CertStatus::NotStarted, CertStatus::InProgress, CertStatus::Certified, CertStatus::RefresherDue,
                   CertStatus::Expired, CertStatus::Revoked})
        if (name == certStatusName(s)) return s;
    return std::nullopt;
}

namespace {

// The strictest limits the policies put on one exam.
PolicyExam strictestLimits(const std::vector<Policy>& policies, const std::string& exam_id) {
    PolicyExam limits;
    for (const Policy& p : policies) {
        for (const PolicyExam& e : p.exams) {
            if (e.exam != exam_id) continue;
            if (e.max_attempts > 0 && (limits.max_attempts == 0 || e.max_attempts < limits.max_attempts))
                limits.max_attempts = e.max_attempts;
            limits.cooldown_hours = std::max(limits.cooldown_hours, e.cooldown_hours);
        }
    }
    return limits;
}

}  // namespace

ExamGate examGate(const std::vector<Policy>& policies, const std::string& exam_id, const std::vector<QuizEvidence>& past,
                  const std::string& current_sop_version, const std::string& now) {
    ExamGate gate;
    const PolicyExam limits = strictestLimits(policies, exam_id);
    if (limits.max_attempts == 0 && limits.cooldown_hours == 0) return gate;
    std::vector<const QuizEvidence*> tries;
    for (const QuizEvidence& q : past)
        if (!q.practice && q.exam_id == exam_id && (current_sop_version.empty() || q.sop_version == current_sop_version))
            tries.push_back(&q);
    std::sort(tries.begin(), tries.end(), [](const QuizEvidence* a, const QuizEvidence* b) { return a->finished_at < b->finished_at; });
    int failed_in_a_row = 0;
    for (const QuizEvidence* q : tries) failed_in_a_row = q->passed ? 0 : failed_in_a_row + 1;
    if (limits.max_attempts > 0) {
        gate.attempts_left = std::max(0, limits.max_attempts - failed_in_a_row);
        if (gate.attempts_left == 0) {
            gate.allowed = false;
            gate.reason = fmt(trn("{0} failed attempt in a row: ask your training manager before trying again.",
                                  "{0} failed attempts in a row: ask your training manager before trying again.",
                                  static_cast<unsigned long>(failed_in_a_row)),
                              failed_in_a_row);
            return gate;
        }
    }
    if (limits.cooldown_hours > 0 && failed_in_a_row > 0) {
        const auto last = parseUtc(tries.back()->finished_at);
        const auto at = parseUtc(now);
        if (last && at && *at < *last + std::int64_t{limits.cooldown_hours} * 3600) {
            gate.allowed = false;
            gate.next_allowed_at = formatUtc(*last + std::int64_t{limits.cooldown_hours} * 3600);
            // TRANSLATORS: {0} is a number of hours, {1} a UTC time (2026-12-01T10:00:00Z).
            gate.reason = fmt(trn("After a failed attempt, wait {0} hour: you can try again from {1}.",
                                  "After a failed attempt, wait {0} hours: you can try again from {1}.",
                                  static_cast<unsigned long>(limits.cooldown_hours)),
                              limits.cooldown_hours, gate.next_allowed_at);
        }
    }
    return gate;
}

std::string certificateExpiry(const Policy& policy, const OrgSettings& settings, const std::string& issued_at) {
    int months = policy.validity_months.value_or(settings.certificate_validity_months);
    return addMonthsUtc(issued_at, months).value_or(std::string());
}

// ---- evaluation ----------------------------------------------------------------------------------

namespace {

const HeldCertificate* latestCertificate(const std::vector<HeldCertificate>& certs, const std::string& policy_id) {
    const HeldCertificate* latest = nullptr;
    std::int64_t latest_time = 0;
    for (const auto& c : certs) {
        if (c.policy_id != policy_id) continue;
        std::int64_t t = parseUtc(c.issued_at).value_or(0);
        // Ties (same second) fall back to the id so the choice does not depend on input order.
        if (!latest || t > latest_time || (t == latest_time && c.id > latest->id)) {
            latest = &c;
            latest_time = t;
        }
    }
    return latest;
}

// Whether a piece of evidence finished at `finished_at` on `sop_version` counts.
struct EvidenceWindow {
    std::int64_t now = 0;
    std::optional<std::int64_t> after;         // strictly after this (last certificate / revocation)
    std::optional<std::int64_t> not_before;    // evidence_max_age_days
    std::optional<std::string> sop_version;    // required version

    bool counts(const std::string& finished_at, const std::string& version) const {
        auto t = parseUtc(finished_at);
        if (!t || *t > now) return false;
        if (after && *t <= *after) return false;
        if (not_before && *t < *not_before) return false;
        if (sop_version && version != *sop_version) return false;
        return true;
    }
};

bool qualifies(const PracticalAttempt& a, const PracticalRequirement& p) {
    return a.passed && !a.critical_failure && a.stars >= p.min_stars && a.difficulty >= p.min_difficulty &&
           (!p.assessment_only || a.assessment);
}

const std::string& titleOf(const PracticalAttempt& a) { return a.scenario_title.empty() ? a.scenario_id : a.scenario_title; }

// "Scenario: escalation (2 stars+, no critical breach, difficulty 2+, assessment mode)".
std::string tagRequirementText(const std::string& tag, const PracticalRequirement& practical) {
    std::string conditions = starsOrMoreText(practical.min_stars) + ", " + tr("no critical breach");
    // TRANSLATORS: the least difficulty (1 to 3) a scenario needs to count.
    if (practical.min_difficulty > 1) conditions += ", " + fmt(tr("difficulty {0}+"), practical.min_difficulty);
    if (practical.assessment_only) conditions += std::string(", ") + tr("assessment mode");
    // TRANSLATORS: {0} is a scenario tag (escalation, identity verification…), {1} the conditions.
    return fmt(tr("Scenario: {0} ({1})"), tagLabel(tag), conditions);
}

// Which of two attempts a requirement shows: more stars, then the later one, then by what the
// message prints, so the choice never depends on the order the evidence came in (the store's
// totals give one entry per group of equal attempts, in another order than the raw rows).
bool shownBefore(const PracticalAttempt& a, const PracticalAttempt& b) {
    return std::tie(a.stars, a.finished_at, a.scenario_id, a.scenario_title, b.critical_failure, a.passed) >
           std::tie(b.stars, b.finished_at, b.scenario_id, b.scenario_title, a.critical_failure, b.passed);
}

}  // namespace

CertificationStatus evaluateCertification(const Policy& policy, const TraineeEvidence& evidence,
                                          const std::string& current_sop_version, const OrgSettings& settings,
                                          const std::string& now) {
    CertificationStatus out;
    out.policy_id = policy.id;
    out.policy_title = policy.title;
    const std::int64_t now_t = parseUtc(now).value_or(0);

    const HeldCertificate* latest = latestCertificate(evidence.certificates, policy.id);
    if (latest) out.certificate = *latest;

    EvidenceWindow window;
    window.now = now_t;
    if (latest) {
        auto issued = parseUtc(latest->issued_at);
        auto revoked = parseUtc(latest->revoked_at);
        if (issued) window.after = issued;
        if (revoked && (!window.after || *revoked > *window.after)) window.after = revoked;
    }
    if (policy.evidence_max_age_days > 0)
        window.not_before = now_t - static_cast<std::int64_t>(policy.evidence_max_age_days) * kSecondsPerDay;
    if (policy.require_current_sop) window.sop_version = current_sop_version;

    std::vector<const PracticalAttempt*> attempts;
    for (const auto& a : evidence.attempts)
        if (window.counts(a.finished_at, a.sop_version)) attempts.push_back(&a);
    std::vector<const QuizEvidence*> quizzes;
    for (const auto& q : evidence.quizzes)
        if (!q.practice && window.counts(q.finished_at, q.sop_version)) quizzes.push_back(&q);

    nlohmann::json exam_scores = nlohmann::json::array();
    nlohmann::json scenario_scores = nlohmann::json::array();
    const auto& practical = policy.practical;

    // Prerequisites: another policy's certificate that is neither revoked nor expired now.
    for (size_t i = 0; i < policy.prerequisites.size(); ++i) {
        const std::string& pre = policy.prerequisites[i];
        RequirementProgress r;
        r.kind = RequirementProgress::Kind::Prerequisite;
        r.subject = pre;
        // TRANSLATORS: {0} is the title of another certification.
        r.description = fmt(tr("Hold a current '{0}' certificate"), prerequisiteName(policy, i));
        const HeldCertificate* held = latestCertificate(evidence.certificates, pre);
        auto expires = held ? parseUtc(held->expires_at) : std::nullopt;
        r.met = held && held->revoked_at.empty() && expires && now_t < *expires;
        r.started = held != nullptr;
        r.detail = !held                      ? std::string(tr("not held"))
                   : !held->revoked_at.empty() ? std::string(tr("revoked"))
                   // TRANSLATORS: {0} is a date (2026-12-01).
                   : r.met                     ? fmt(tr("held until {0}"), dateOfUtc(held->expires_at))
                                               : std::string(tr("expired"));
        out.requirements.push_back(r);
    }

    for (const auto& exam : policy.exams) {
        RequirementProgress r;
        r.kind = RequirementProgress::Kind::Exam;
        r.subject = exam.exam;
        const int needed = exam.min_percent.value_or(settings.quiz_pass_mark);
        // TRANSLATORS: {0} is the exam's title, {1} a percentage.
        // xgettext:no-c-format
        r.description = fmt(tr("Exam '{0}' ({1}% or more)"), exam.name(), needed);
        const QuizEvidence* best = nullptr;
        for (const auto* q : quizzes)
            if (q->exam_id == exam.exam && (!best || q->score_percent > best->score_percent ||
                                            (q->score_percent == best->score_percent && q->finished_at > best->finished_at)))
                best = q;
        r.started = best != nullptr;
        r.met = best && best->score_percent >= needed;
        r.detail = !best ? std::string(tr("not taken yet"))
                         // TRANSLATORS: {0} a percentage, {1} a date (2026-12-01).
                         // xgettext:no-c-format
                         : fmt(tr("best {0}% on {1}"), best->score_percent, dateOfUtc(best->finished_at));
        if (r.met)
            exam_scores.push_back({{"exam", exam.exam}, {"title", exam.name()}, {"score_percent", best->score_percent},
                                   {"finished_at", best->finished_at}});
        out.requirements.push_back(r);
    }

    for (const auto& tag : practical.required_tags) {
        RequirementProgress r;
        r.kind = RequirementProgress::Kind::Tag;
        r.subject = tag;
        r.description = tagRequirementText(tag, practical);
        const PracticalAttempt* best = nullptr;
        const PracticalAttempt* closest = nullptr;  // best non-qualifying try, to say how close it was
        for (const auto* a : attempts) {
            if (std::find(a->tags.begin(), a->tags.end(), tag) == a->tags.end()) continue;
            const PracticalAttempt*& slot = qualifies(*a, practical) ? best : closest;
            if (!slot || shownBefore(*a, *slot)) slot = a;
        }
        r.started = best || closest;
        r.met = best != nullptr;
        if (best) {
            // TRANSLATORS: {0} a quoted scenario title, {1} "2 stars", {2} a date (2026-12-01).
            r.detail = fmt(tr("passed {0} with {1} on {2}"), quoted(titleOf(*best)), starsText(best->stars), dateOfUtc(best->finished_at));
            scenario_scores.push_back({{"tag", tag},
                                       {"scenario", best->scenario_id},
                                       {"title", titleOf(*best)},
                                       {"stars", best->stars},
                                       {"finished_at", best->finished_at}});
        } else if (closest) {
            std::string why = closest->critical_failure                       ? std::string(tr("critical breach"))
                              : !closest->passed                               ? std::string(tr("not passed"))
                              : closest->difficulty < practical.min_difficulty ? std::string(tr("scenario too easy"))
                                                                               : starsText(closest->stars);
            // No count of tries: the store's totals know how many attempts a group holds, not how
            // many of them lie in the window, and a wrong number is worse than none.
            // TRANSLATORS: {0} a quoted scenario title, {1} why it does not count ("not passed").
            r.detail = fmt(tr("best try {0}: {1}"), quoted(titleOf(*closest)), why);
        } else {
            r.detail = tr("not attempted yet");
        }
        out.requirements.push_back(r);
    }

    std::set<std::string> distinct;
    for (const auto* a : attempts)
        if (qualifies(*a, practical)) distinct.insert(a->scenario_id);
    if (practical.min_distinct_scenarios > 0) {
        RequirementProgress r;
        r.kind = RequirementProgress::Kind::DistinctScenarios;
        const int needed = practical.min_distinct_scenarios;
        // TRANSLATORS: {1} is the least a pass needs ("2 stars+").
        r.description = fmt(trn("{0} different scenario passed ({1})", "{0} different scenarios passed ({1})", static_cast<unsigned long>(needed)),
                            needed, starsOrMoreText(practical.min_stars));
        r.started = !attempts.empty();
        r.met = static_cast<int>(distinct.size()) >= practical.min_distinct_scenarios;
        r.detail = fmt(tr("{0} of {1} so far"), distinct.size(), practical.min_distinct_scenarios);
        out.requirements.push_back(r);
    }

    bool all_met = true;
    bool any_started = false;
    for (const auto& r : out.requirements) {
        all_met = all_met && r.met;
        // Holding a prerequisite alone is not progress on this policy.
        if (r.kind != RequirementProgress::Kind::Prerequisite) any_started = any_started || r.started;
        if (!r.met) out.missing.push_back(r.description + ": " + r.detail);
    }
    out.scores = {{"exams", exam_scores}, {"scenarios", scenario_scores}, {"distinct_scenarios", distinct.size()}};

    if (!latest) {
        out.status = any_started ? CertStatus::InProgress : CertStatus::NotStarted;
    } else {
        auto expires = parseUtc(latest->expires_at);
        const std::int64_t expires_t = expires.value_or(0);  // an unreadable expiry counts as expired
        const std::int64_t window_start =
            expires_t - static_cast<std::int64_t>(settings.recertification_window_days) * kSecondsPerDay;
        out.refresher_due_from = formatUtc(window_start);
        // Floor division: 1 second before expiry is day 0, 1 second after is day -1.
        std::int64_t diff = expires_t - now_t;
        out.days_to_expiry = static_cast<int>(diff >= 0 ? diff / kSecondsPerDay : -((-diff + kSecondsPerDay - 1) / kSecondsPerDay));
        if (!latest->revoked_at.empty()) {
            out.status = CertStatus::Revoked;
        } else if (now_t >= expires_t) {
            out.status = CertStatus::Expired;
        } else if (latest->sop_version != current_sop_version) {
            out.status = CertStatus::RefresherDue;
            out.refresher_reason = fmt(tr("the SOP changed from version {0} to {1}"), latest->sop_version, current_sop_version);
        } else if (now_t >= window_start) {
            out.status = CertStatus::RefresherDue;
            // TRANSLATORS: {0} is a date (2026-12-01).
            out.refresher_reason = fmt(tr("expires on {0}"), dateOfUtc(latest->expires_at));
        } else {
            out.status = CertStatus::Certified;
        }
    }
    out.ready_to_issue = all_met && out.status != CertStatus::Certified;
    return out;
}

}  // namespace frontline
