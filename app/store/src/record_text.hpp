#pragma once
// What both engines do the same way with stored records: JSON columns in and out, and the
// summary fields a listing fills from its columns.
#include <string>
#include <nlohmann/json.hpp>
#include "frontline/store.hpp"

namespace frontline::records {

// Text typed by trainees may hold invalid UTF-8; replacing it beats failing to save their work.
inline std::string toJsonText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A stored JSON value; damage is a Corrupt error naming `what`.
inline nlohmann::json parseStoredJson(const std::string& text, const std::string& what) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) throw StoreError(StoreError::Kind::Corrupt, what + " is not valid JSON");
    return j;
}

// Fills `out` from a stored JSON column of an attempt; damage is a Corrupt error naming it.
template <class T>
void readStoredJson(const std::string& text, T& out, std::int64_t attempt_id, const char* column) {
    const std::string where = "attempt " + std::to_string(attempt_id) + ": the stored " + column;
    nlohmann::json j = parseStoredJson(text, where);
    try {
        from_json(j, out);
    } catch (const std::exception& e) {  // valid JSON of the wrong shape (type_error, invalid_argument…)
        throw StoreError(StoreError::Kind::Corrupt, where + " cannot be read (" + e.what() + ")");
    }
}

// Fills r.log and r.report from their stored columns (compressed or, before the migration, JSON
// text); damage is a Corrupt error naming r.id.
void readStoredAttempt(const std::string& stored_log, const std::string& stored_report, AttemptRecord& r);

// Listings carry the log's identity and the report's summary, without the heavy JSON.
void completeListing(AttemptRecord& r);

// Stored settings rows over the defaults, one key at a time, so a single bad value (a hand-edited
// database) costs only that key.
OrgSettings applyStoredSetting(const OrgSettings& current, const std::string& key, const std::string& value_text);

// What the audit trail says a certificate was when issued: who, which policy, until when.
std::string certificateSummary(const CertificateRecord& c);

// A random (version 4) UUID: the identity a desk gives each result it sends to a server.
std::string newUuid();

// Who a desk's changes are by when it does not say: the login name of the user running it.
std::string defaultActor();

}  // namespace frontline::records
