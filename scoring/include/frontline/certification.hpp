#pragma once
// Certification status: a pure function of a policy, the trainee's evidence (scenario attempts,
// quiz attempts, certificates held), the current SOP version, the settings and `now`. No I/O and
// no clock: `now` is always passed in, so every boundary can be tested.
//
// Rules (docs/content-format.md, "Certification policies"):
//  - Evidence counts when it is on the current SOP version (policy.require_current_sop), not older
//    than policy.evidence_max_age_days, not in the future, and newer than the trainee's latest
//    certificate for the policy (a renewal needs fresh work; a revocation voids older work).
//  - Status from the latest certificate: revoked > expired (now >= expires_at) > refresher_due
//    (now >= expires_at - recertification_window_days, or issued on another SOP version) > certified.
//    Without a certificate: in_progress once any evidence counts toward a requirement, else not_started.
//  - ready_to_issue: every requirement met and no certificate that is still certified.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/policy.hpp"
#include "frontline/settings.hpp"

namespace frontline {

// ---- ISO 8601 UTC date helpers ----------------------------------------------------------------
// Seconds since 1970-01-01T00:00:00Z for "YYYY-MM-DDTHH:MM:SSZ" (fractional seconds and a
// "+00:00" offset accepted) or a plain "YYYY-MM-DD" (midnight). nullopt when malformed or invalid.
std::optional<std::int64_t> parseUtc(std::string_view iso);
std::string formatUtc(std::int64_t epoch_seconds);  // "2026-11-23T09:41:00Z"
// Calendar months: the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29).
std::optional<std::string> addMonthsUtc(std::string_view iso, int months);
std::optional<std::string> addDaysUtc(std::string_view iso, int days);
// "2026-11-23" from an ISO timestamp (the first 10 characters when it parses; the input otherwise).
std::string dateOfUtc(std::string_view iso);

// ---- inputs ------------------------------------------------------------------------------------
struct PracticalAttempt {
    std::string scenario_id;
    std::string scenario_title;  // for messages; the id when empty
    std::vector<std::string> tags;  // the scenario's tags (from content)
    int difficulty = 1;
    bool passed = false;
    bool critical_failure = false;
    int stars = 0;
    std::string finished_at;  // ISO 8601 UTC
    std::string sop_version;
    bool assessment = false;  // played in assessment mode
};

struct QuizEvidence {
    std::string exam_id;
    bool practice = false;  // practice-mode runs never count toward certification
    int score_percent = 0;
    std::string finished_at;
    std::string sop_version;
    bool passed = false;  // as graded when taken (the exam's pass mark then)
};

struct HeldCertificate {
    std::string id;
    std::string policy_id;
    std::string sop_version;
    std::string issued_at;
    std::string expires_at;
    std::string revoked_at;  // empty unless revoked
};

struct TraineeEvidence {
    std::vector<PracticalAttempt> attempts;
    std::vector<QuizEvidence> quizzes;
    std::vector<HeldCertificate> certificates;  // every policy; any order
};

// ---- output ------------------------------------------------------------------------------------
enum class CertStatus { NotStarted, InProgress, Certified, RefresherDue, Expired, Revoked };
const char* certStatusName(CertStatus s);   // "not_started", "in_progress", "certified", "refresher_due", "expired", "revoked"
const char* certStatusTitle(CertStatus s);  // "Not started", "In progress", …
std::optional<CertStatus> certStatusFromName(std::string_view name);

struct RequirementProgress {
    enum class Kind { Prerequisite, Exam, Tag, DistinctScenarios };
    Kind kind = Kind::Exam;
    std::string subject;      // policy id, exam id, tag, or "" for distinct scenarios
    std::string description;  // "Exam 'Inbound agent level 1: knowledge check' (80% or more)"
    bool met = false;
    bool started = false;     // some counting evidence exists, met or not
    std::string detail;       // "best 72%", "passed 'Irate billing' with 2 stars on 2026-11-02", "not attempted yet"
};

struct CertificationStatus {
    std::string policy_id;
    std::string policy_title;
    CertStatus status = CertStatus::NotStarted;
    std::vector<RequirementProgress> requirements;
    std::vector<std::string> missing;  // one readable line per unmet requirement
    bool ready_to_issue = false;
    std::optional<HeldCertificate> certificate;  // the latest certificate for this policy, if any
    std::string refresher_due_from;  // expires_at - window (certified / refresher due)
    std::string refresher_reason;    // why a refresher is due, e.g. "expires on 2026-12-01"
    int days_to_expiry = 0;          // whole days, negative once expired
    // The evidence that meets the requirements, stored in the certificate as its scores:
    // {"exams":[{"exam","title","score_percent","finished_at"}], "scenarios":[{"tag","scenario","title","stars","finished_at"}],
    //  "distinct_scenarios": n}
    nlohmann::json scores = nlohmann::json::object();
};

CertificationStatus evaluateCertification(const Policy& policy, const TraineeEvidence& evidence,
                                          const std::string& current_sop_version, const OrgSettings& settings,
                                          const std::string& now);

inline bool readyToIssue(const CertificationStatus& status) { return status.ready_to_issue; }

// Whether the trainee may start exam `exam_id` now: the strictest max_attempts / cooldown_hours of
// the policies that require it, over the trainee's exam-mode attempts on the current SOP version.
struct ExamGate {
    bool allowed = true;
    std::string reason;          // why not, for the trainee ("3 failed attempts: ask your training manager")
    std::string next_allowed_at; // ISO 8601 UTC when a cooldown ends (empty otherwise)
    int attempts_left = -1;      // before the exam locks; -1: no limit
};
ExamGate examGate(const std::vector<Policy>& policies, const std::string& exam_id, const std::vector<QuizEvidence>& past,
                  const std::string& current_sop_version, const std::string& now);

// When a certificate issued at `issued_at` expires: the policy's validity_months, else the settings'.
std::string certificateExpiry(const Policy& policy, const OrgSettings& settings, const std::string& issued_at);

}  // namespace frontline
