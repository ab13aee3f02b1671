#include "record_text.hpp"
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include "compressed_json.hpp"

namespace frontline::records {

void readStoredAttempt(const std::string& stored_log, const std::string& stored_report, AttemptRecord& r) {
    const std::string log_json = storedJsonText(stored_log, r.id, "event log");
    readStoredJson(log_json, r.log, r.id, "event log");
    // The report was compressed with the log's text as its prefix (see recordAttempt).
    readStoredJson(storedJsonText(stored_report, r.id, "report", log_json), r.report, r.id, "report");
}

void completeListing(AttemptRecord& r) {
    r.log.scenario_id = r.scenario_id;
    r.log.scenario_version = r.scenario_version;
    r.log.sop_id = r.sop_id;
    r.log.sop_version = r.sop_version;
    r.log.seed = r.seed;
    r.log.channel = channelFromName(r.channel).value_or(Channel::Call);
    r.log.mode = attemptModeFromName(r.mode);
    r.report.scenario_id = r.scenario_id;
    r.report.sop_version = r.sop_version;
    r.report.outcome = r.outcome;
    r.report.passed = r.passed;
    r.report.critical_failure = r.critical_failure;
    r.report.adherence = r.adherence;
    r.report.points.total = r.points;
    r.report.stars = r.stars;
    r.report.metrics.handle_seconds = r.handle_seconds;
    r.report.metrics.fcr = r.fcr;
    r.report.metrics.csat = r.csat;
    r.report.metrics.answer_seconds = r.answer_seconds;
    r.report.metrics.target_answer_seconds = r.target_answer_seconds;
}

OrgSettings applyStoredSetting(const OrgSettings& current, const std::string& key, const std::string& value_text) {
    nlohmann::json value = nlohmann::json::parse(value_text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return current;
    try {
        return settingsFromJson(nlohmann::json{{key, value}}, current);
    } catch (const std::invalid_argument&) {
    } catch (const nlohmann::json::exception&) {
    }
    return current;
}

std::string certificateSummary(const CertificateRecord& c) {
    return "trainee " + std::to_string(c.trainee_id) + ", " + c.policy_id + " (SOP " + c.sop_version + "), expires " +
           c.expires_at + (c.supersedes.empty() ? "" : ", renews " + c.supersedes);
}

std::string newUuid() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    std::uint64_t hi = random(), lo = random();
    hi = (hi & ~0xF000ull) | 0x4000ull;                // version 4
    lo = (lo & ~(3ull << 62)) | (2ull << 62);          // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(hi >> 32),
                  static_cast<unsigned long long>((hi >> 16) & 0xFFFF), static_cast<unsigned long long>(hi & 0xFFFF),
                  static_cast<unsigned long long>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
    return text;
}

std::string defaultActor() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const char* name = std::getenv("LOGNAME"); name && *name) return name;
    return "desk";
}

}  // namespace frontline::records
