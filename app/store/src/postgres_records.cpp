// PostgreSQL backend: quiz attempts, certificates, organisation settings and preferences.
#include "postgres_store.hpp"
#include "record_text.hpp"

namespace frontline {
namespace {

QuizAttemptRecord readQuizAttempt(const pg::Result& q, int row) {
    QuizAttemptRecord r;
    r.id = q.int64(row, "id");
    r.trainee_id = q.int64(row, "trainee_id");
    r.exam_id = q.text(row, "exam_id");
    r.mode = q.text(row, "mode");
    r.seed = q.bits(row, "seed");
    r.started_at = q.text(row, "started_at");
    r.finished_at = q.text(row, "finished_at");
    r.score_percent = q.integer(row, "score_percent");
    r.passed = q.boolean(row, "passed");
    r.sop_version = q.text(row, "sop_version");
    r.detail = records::parseStoredJson(q.text(row, "detail_json"), "quiz attempt " + std::to_string(r.id) + ": the stored detail");
    return r;
}

constexpr std::string_view kCertificateSelect =
    "SELECT c.id, c.trainee_id, t.name AS trainee_name, c.policy_id, c.policy_title, c.sop_version, c.issued_at,"
    " c.expires_at, c.verification_code, c.scores_json, c.revoked_at, c.revoke_reason, c.supersedes, c.assertion_json"
    " FROM certificates c JOIN trainees t ON t.id = c.trainee_id ";

CertificateRecord readCertificate(const pg::Result& q, int row) {
    CertificateRecord c;
    c.id = q.text(row, "id");
    c.trainee_id = q.int64(row, "trainee_id");
    c.trainee_name = q.text(row, "trainee_name");
    c.policy_id = q.text(row, "policy_id");
    c.policy_title = q.text(row, "policy_title");
    c.sop_version = q.text(row, "sop_version");
    c.issued_at = q.text(row, "issued_at");
    c.expires_at = q.text(row, "expires_at");
    c.verification_code = q.text(row, "verification_code");
    c.scores = records::parseStoredJson(q.text(row, "scores_json"), "certificate " + c.id + ": the stored scores");
    c.revoked_at = q.text(row, "revoked_at");
    c.revoke_reason = q.text(row, "revoke_reason");
    c.supersedes = q.text(row, "supersedes");
    c.assertion_json = q.text(row, "assertion_json");
    return c;
}

}  // namespace

// ---- quiz attempts ----

std::int64_t PostgresStore::recordQuizAttempt(const QuizAttemptRecord& r) { return recordQuizAttemptOnce(records::newUuid(), r); }

std::int64_t PostgresStore::recordQuizAttemptOnce(const std::string& uuid, const QuizAttemptRecord& r) {
    // ON CONFLICT: a UUID the server has already stored (sent before) is not stored again.
    const std::string context = "cannot save the quiz attempt";
    pg::Result q = pg::run(conn_.get(),
                           "INSERT INTO quiz_attempts (trainee_id, exam_id, mode, seed, started_at, finished_at,"
                           " score_percent, passed, sop_version, detail_json, uuid)"
                           " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (uuid) DO NOTHING RETURNING id",
                           pg::Params().add(r.trainee_id).add(r.exam_id).add(r.mode).addBits(r.seed).add(r.started_at)
                               .add(r.finished_at).add(r.score_percent).add(r.passed).add(r.sop_version)
                               .add(records::toJsonText(r.detail)).add(uuid),
                           context);
    if (q.rows() > 0) return q.int64(0, "id");
    return pg::run(conn_.get(), "SELECT id FROM quiz_attempts WHERE uuid = $1", pg::Params().add(uuid), context).int64(0, "id");
}

std::vector<QuizAttemptRecord> PostgresStore::quizAttempts(std::int64_t trainee_id) const {
    std::string sql =
        "SELECT id, trainee_id, exam_id, mode, seed, started_at, finished_at, score_percent, passed, sop_version,"
        " detail_json FROM quiz_attempts ";
    pg::Params p;
    if (trainee_id != 0) {
        sql += "WHERE trainee_id = $1 ";
        p.add(trainee_id);
    }
    sql += "ORDER BY finished_at DESC, id DESC";
    pg::Result q = pg::run(conn_.get(), sql, p);
    std::vector<QuizAttemptRecord> out;
    for (int i = 0; i < q.rows(); ++i) out.push_back(readQuizAttempt(q, i));
    return out;
}

// ---- certificates ----

void PostgresStore::insertCertificate(const CertificateRecord& c) {
    pg::run(conn_.get(),
            "INSERT INTO certificates (id, trainee_id, policy_id, policy_title, sop_version, issued_at, expires_at,"
            " verification_code, revoked_at, revoke_reason, supersedes, scores_json, assertion_json)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            pg::Params().add(c.id).add(c.trainee_id).add(c.policy_id).add(c.policy_title).add(c.sop_version)
                .add(c.issued_at).add(c.expires_at).add(c.verification_code).addTextOrNull(c.revoked_at)
                .addTextOrNull(c.revoke_reason).addTextOrNull(c.supersedes).add(records::toJsonText(c.scores))
                .add(c.assertion_json),
            "cannot save the certificate");
}

std::optional<CertificateRecord> PostgresStore::certificate(const std::string& id) const {
    pg::Result q = pg::run(conn_.get(), std::string(kCertificateSelect) + "WHERE c.id = $1", pg::Params().add(id));
    if (q.rows() == 0) return std::nullopt;
    return readCertificate(q, 0);
}

std::vector<CertificateRecord> PostgresStore::certificates(std::int64_t trainee_id) const {
    std::string sql(kCertificateSelect);
    pg::Params p;
    if (trainee_id != 0) {
        sql += "WHERE c.trainee_id = $1 ";
        p.add(trainee_id);
    }
    sql += "ORDER BY c.issued_at DESC, c.seq DESC";
    pg::Result q = pg::run(conn_.get(), sql, p);
    std::vector<CertificateRecord> out;
    for (int i = 0; i < q.rows(); ++i) out.push_back(readCertificate(q, i));
    return out;
}

void PostgresStore::revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) {
    PGconn* c = conn_.get();
    pg::Transaction tx(c);
    pg::Result exists = pg::run(c, "SELECT 1 AS found FROM certificates WHERE id = $1 FOR UPDATE", pg::Params().add(id),
                                "cannot revoke the certificate");
    if (exists.rows() == 0) throw StoreError(StoreError::Kind::Other, "there is no certificate with id '" + id + "'");
    // The first revocation stands: its date and reason are what a verifier was told.
    pg::run(c, "UPDATE certificates SET revoked_at = $2, revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL",
            pg::Params().add(id).add(when).add(reason), "cannot revoke the certificate");
    tx.commit();
}

// ---- settings and preferences ----

OrgSettings PostgresStore::settings(const OrgSettings& defaults) const {
    pg::Result q = pg::run(conn_.get(), "SELECT key, value FROM settings ORDER BY key");
    OrgSettings result = defaults;
    for (int i = 0; i < q.rows(); ++i) result = records::applyStoredSetting(result, q.text(i, "key"), q.text(i, "value"));
    return result;
}

std::map<std::string, std::string> PostgresStore::storedSettings() const {
    pg::Result q = pg::run(conn_.get(), "SELECT key, value FROM settings ORDER BY key");
    std::map<std::string, std::string> out;
    for (int i = 0; i < q.rows(); ++i) out[q.text(i, "key")] = q.text(i, "value");
    return out;
}

// The server's trigger writes the audit trail, for these changes and for any made with psql.
void PostgresStore::changeSettings(const nlohmann::json& set, const std::vector<std::string>& remove) {
    PGconn* c = conn_.get();
    pg::Transaction tx(c);
    for (const auto& [key, value] : set.items())
        pg::run(c, "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                pg::Params().add(key).add(records::toJsonText(value)), "cannot save the settings");
    for (const auto& key : remove)
        pg::run(c, "DELETE FROM settings WHERE key = $1", pg::Params().add(key), "cannot reset the settings");
    tx.commit();
}

// ---- audit trail (written by the server's triggers) ----

void PostgresStore::setActor(const std::string&) {}  // the server names the login, which cannot be made up

std::vector<AuditEntry> PostgresStore::auditTrail(int limit) const {
    std::string sql = "SELECT id, at, actor, action, subject, old_value, new_value FROM audit ORDER BY id DESC";
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    pg::Result q = pg::run(conn_.get(), sql, {}, "cannot read the audit trail");
    std::vector<AuditEntry> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back({q.int64(i, "id"), q.text(i, "at"), q.text(i, "actor"), q.text(i, "action"), q.text(i, "subject"),
                       q.text(i, "old_value"), q.text(i, "new_value")});
    return out;
}

std::optional<std::string> PostgresStore::preference(const std::string& key) const {
    pg::Result q = pg::run(conn_.get(), "SELECT value FROM preferences WHERE owner = session_user AND key = $1", pg::Params().add(key));
    if (q.rows() == 0) return std::nullopt;
    return q.text(0, "value");
}

std::map<std::string, std::string> PostgresStore::ownPreferences() const {
    pg::Result q = pg::run(conn_.get(), "SELECT key, value FROM preferences WHERE owner = session_user");
    std::map<std::string, std::string> out;
    for (int i = 0; i < q.rows(); ++i) out[q.text(i, "key")] = q.text(i, "value");
    return out;
}

void PostgresStore::setPreference(const std::string& key, const std::string& value) {
    pg::run(conn_.get(),
            "INSERT INTO preferences (key, value) VALUES ($1, $2)"
            " ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value",
            pg::Params().add(key).add(value), "cannot save the preference");
}

}  // namespace frontline
