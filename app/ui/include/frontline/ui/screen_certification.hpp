#pragma once
// State of the two certification screens: "Certification progress" (training managers: every
// trainee's status per policy, filters, the SOP steps the team gets wrong) and "Certificates" (the
// trainee's own requirements and certificates: issue when ready, export PDF / badge).
// Fields of AppState: app.certification and app.certificates.
#include <cstdint>
#include <string>
#include <vector>
#include "frontline/certification.hpp"
#include "frontline/diagnostics.hpp"
#include "frontline/policy.hpp"
#include "frontline/store.hpp"

namespace frontline::ui {

struct AppState;

// Policies from the content tree's policies/ folder, loaded on first use by either screen.
struct CertificationPolicies {
    bool loaded = false;
    std::vector<Policy> policies;
    std::vector<Diagnostic> problems;  // files that did not load, shown on the screens
};

struct CertificationRow {
    Trainee trainee;
    std::vector<CertificationStatus> statuses;  // one per policy, in policy order
};

enum class CertificationFilter { All, RefresherDue, Expired, NotCertified };

struct CertificationScreenState {
    CertificationPolicies data;  // shared with the Certificates screen
    bool valid = false;          // rows are computed on entry / Refresh, never per frame
    std::string computed_at;     // the "now" the rows were evaluated at
    std::vector<CertificationRow> rows;
    std::vector<StepStat> team_steps;  // weakest first
    CertificationFilter filter = CertificationFilter::All;
    std::string search;
};

struct CertificatesScreenState {
    bool valid = false;
    std::int64_t trainee_id = 0;  // whose data is cached
    std::vector<CertificationStatus> statuses;  // one per policy
    std::vector<CertificateRecord> certificates;  // newest first
    std::string message;  // result of the last issue / export
    bool message_is_error = false;
};

// Loads the policies once (app.certification.data).
const std::vector<Policy>& certificationPolicies(AppState& app);
// Marks both screens' caches stale (after an attempt, a quiz, an issue).
void invalidateCertification(AppState& app);
// Whether a trainee's status row passes the filter (exposed for tests).
bool matchesFilter(const CertificationRow& row, CertificationFilter filter);

}  // namespace frontline::ui
