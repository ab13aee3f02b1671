// Quiz attempts, certificates, organisation settings and preferences.
#include <map>
#include <stdexcept>
#include "frontline/store.hpp"
#include "record_text.hpp"
#include "sqlite_store.hpp"

namespace frontline {
namespace {

using Json = nlohmann::json;

QuizAttemptRecord readQuizAttempt(const sql::Statement& q) {
    QuizAttemptRecord r;
    r.id = q.int64(0);
    r.trainee_id = q.int64(1);
    r.exam_id = q.text(2);
    r.mode = q.text(3);
    r.seed = q.bits(4);
    r.started_at = q.text(5);
    r.finished_at = q.text(6);
    r.score_percent = q.integer(7);
    r.passed = q.boolean(8);
    r.sop_version = q.text(9);
    r.detail = records::parseStoredJson(q.text(10), "quiz attempt " + std::to_string(r.id) + ": the stored detail");
    return r;
}

constexpr std::string_view kCertificateSelect =
    "SELECT c.id, c.trainee_id, t.name, c.policy_id, c.policy_title, c.sop_version, c.issued_at, c.expires_at,"
    " c.verification_code, c.scores_json, c.revoked_at, c.revoke_reason, c.supersedes, c.assertion_json"
    " FROM certificates c JOIN trainees t ON t.id = c.trainee_id ";

CertificateRecord readCertificate(const sql::Statement& q) {
    CertificateRecord c;
    c.id = q.text(0);
    c.trainee_id = q.int64(1);
    c.trainee_name = q.text(2);
    c.policy_id = q.text(3);
    c.policy_title = q.text(4);
    c.sop_version = q.text(5);
    c.issued_at = q.text(6);
    c.expires_at = q.text(7);
    c.verification_code = q.text(8);
    c.scores = records::parseStoredJson(q.text(9), "certificate " + c.id + ": the stored scores");
    c.revoked_at = q.text(10);
    c.revoke_reason = q.text(11);
    c.supersedes = q.text(12);
    c.assertion_json = q.text(13);
    return c;
}

}  // namespace

// ---- quiz attempts ----

std::int64_t SqliteStore::recordQuizAttempt(const QuizAttemptRecord& r) {
    sqlite3* db = db_.get();
    sql::Statement insert(db,
                          "INSERT INTO quiz_attempts (trainee_id, exam_id, mode, seed, started_at, finished_at,"
                          " score_percent, passed, sop_version, detail_json)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, r.trainee_id)
        .bind(2, r.exam_id)
        .bind(3, r.mode)
        .bindBits(4, r.seed)
        .bind(5, r.started_at)
        .bind(6, r.finished_at)
        .bind(7, r.score_percent)
        .bind(8, r.passed)
        .bind(9, r.sop_version)
        .bind(10, records::toJsonText(r.detail));
    insert.run();
    return sqlite3_last_insert_rowid(db);
}

std::vector<QuizAttemptRecord> SqliteStore::quizAttempts(std::int64_t trainee_id) const {
    std::string sql =
        "SELECT id, trainee_id, exam_id, mode, seed, started_at, finished_at, score_percent, passed, sop_version,"
        " detail_json FROM quiz_attempts ";
    if (trainee_id != 0) sql += "WHERE trainee_id = ?1 ";
    sql += "ORDER BY finished_at DESC, id DESC";
    sql::Statement q(db_.get(), sql);
    if (trainee_id != 0) q.bind(1, trainee_id);
    std::vector<QuizAttemptRecord> out;
    while (q.step()) out.push_back(readQuizAttempt(q));
    return out;
}

// ---- certificates ----

void SqliteStore::insertCertificate(const CertificateRecord& c) {
    sql::Transaction tx(db_.get());
    sql::Statement insert(db_.get(),
                          "INSERT INTO certificates (id, trainee_id, policy_id, policy_title, sop_version, issued_at,"
                          " expires_at, verification_code, revoked_at, revoke_reason, supersedes, scores_json,"
                          " assertion_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    insert.bind(1, c.id)
        .bind(2, c.trainee_id)
        .bind(3, c.policy_id)
        .bind(4, c.policy_title)
        .bind(5, c.sop_version)
        .bind(6, c.issued_at)
        .bind(7, c.expires_at)
        .bind(8, c.verification_code)
        .bindTextOrNull(9, c.revoked_at)
        .bindTextOrNull(10, c.revoke_reason)
        .bindTextOrNull(11, c.supersedes)  // NULL, not "", so the foreign key only checks real ids
        .bind(12, records::toJsonText(c.scores))
        .bind(13, c.assertion_json);
    insert.run();
    audit("certificate.issue", c.id, "", records::certificateSummary(c));
    tx.commit();
}

std::optional<CertificateRecord> SqliteStore::certificate(const std::string& id) const {
    sql::Statement q(db_.get(), std::string(kCertificateSelect) + "WHERE c.id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return readCertificate(q);
}

std::vector<CertificateRecord> SqliteStore::certificates(std::int64_t trainee_id) const {
    std::string sql(kCertificateSelect);
    if (trainee_id != 0) sql += "WHERE c.trainee_id = ?1 ";
    sql += "ORDER BY c.issued_at DESC, c.rowid DESC";
    sql::Statement q(db_.get(), sql);
    if (trainee_id != 0) q.bind(1, trainee_id);
    std::vector<CertificateRecord> out;
    while (q.step()) out.push_back(readCertificate(q));
    return out;
}

void SqliteStore::revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) {
    sqlite3* db = db_.get();
    sql::Transaction tx(db);
    {
        sql::Statement exists(db, "SELECT 1 FROM certificates WHERE id = ?1");
        exists.bind(1, id);
        if (!exists.step()) throw StoreError(StoreError::Kind::Other, "there is no certificate with id '" + id + "'");
    }
    // The first revocation stands: its date and reason are what a verifier was told.
    sql::Statement update(db,
                          "UPDATE certificates SET revoked_at = ?2, revoke_reason = ?3 WHERE id = ?1 AND revoked_at IS NULL");
    update.bind(1, id).bind(2, when).bind(3, reason);
    update.run();
    if (sqlite3_changes(db) > 0) audit("certificate.revoke", id, "valid", "revoked: " + reason);
    tx.commit();
}

// ---- settings and preferences ----

OrgSettings SqliteStore::settings(const OrgSettings& defaults) const {
    sql::Statement q(db_.get(), "SELECT key, value FROM settings ORDER BY key");
    OrgSettings result = defaults;
    while (q.step()) result = records::applyStoredSetting(result, q.text(0), q.text(1));
    return result;
}

std::map<std::string, std::string> SqliteStore::storedSettings() const {
    std::map<std::string, std::string> out;
    for (sql::Statement q(db_.get(), "SELECT key, value FROM settings"); q.step();) out[q.text(0)] = q.text(1);
    return out;
}

void SqliteStore::changeSettings(const Json& set, const std::vector<std::string>& remove) {
    sqlite3* db = db_.get();
    sql::Transaction tx(db);
    const std::map<std::string, std::string> before = storedSettings();
    sql::Statement upsert(db,
                          "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    for (const auto& [key, value] : set.items()) {
        const std::string text = records::toJsonText(value);
        const auto old = before.find(key);
        if (old != before.end() && old->second == text) continue;  // unchanged: nothing to write or audit
        upsert.bind(1, key).bind(2, text);
        upsert.run();
        upsert.reset();
        audit("settings.change", key, old == before.end() ? "" : old->second, text);
    }
    sql::Statement erase(db, "DELETE FROM settings WHERE key = ?1");
    for (const auto& key : remove) {
        const auto old = before.find(key);
        if (old == before.end()) continue;  // no override: nothing to remove or audit
        erase.bind(1, key);
        erase.run();
        erase.reset();
        audit("settings.change", key, old->second, "");
    }
    tx.commit();
}

// ---- audit trail ----

void SqliteStore::audit(const std::string& action, const std::string& subject, const std::string& old_value,
                        const std::string& new_value) {
    sql::Statement insert(db_.get(),
                          "INSERT INTO audit (at, actor, action, subject, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, nowUtcIso()).bind(2, actor_).bind(3, action).bind(4, subject).bindTextOrNull(5, old_value).bindTextOrNull(6, new_value);
    insert.run();
}

void SqliteStore::setActor(const std::string& who) { actor_ = who; }

void SqliteStore::addUser(const NewUser&) {
    throw StoreError(StoreError::Kind::Other,
                     "logins are for a center's PostgreSQL server; this desk's own file has profiles (`frontline trainees add`)");
}

std::vector<AuditEntry> SqliteStore::auditTrail(int limit) const {
    sql::Statement q(db_.get(),
                     "SELECT id, at, actor, action, subject, old_value, new_value FROM audit ORDER BY id DESC LIMIT ?1");
    q.bind(1, limit > 0 ? limit : -1);
    std::vector<AuditEntry> out;
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    return out;
}

std::optional<std::string> SqliteStore::preference(const std::string& key) const {
    sql::Statement q(db_.get(), "SELECT value FROM preferences WHERE key = ?1");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

void SqliteStore::setPreference(const std::string& key, const std::string& value) {
    sql::Statement upsert(db_.get(),
                          "INSERT INTO preferences (key, value) VALUES (?1, ?2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value);
    upsert.run();
}

}  // namespace frontline
