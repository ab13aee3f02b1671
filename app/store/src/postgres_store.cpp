// PostgreSQL backend: connecting, the schema, trainees, attempts and the per-step statistics.
#include "postgres_store.hpp"
#include <algorithm>
#include "postgres_schema.hpp"
#include "compressed_json.hpp"
#include "record_text.hpp"

namespace frontline {
namespace {

using Json = nlohmann::json;

// `manager`: the profile's login is a manager, or a login that is no trainee (the owner), the same
// test the store applies to the session's own login when it opens.
constexpr const char* kTraineeColumns =
    "SELECT id, name, team, created_at, account, EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login"
    " AND (pg_has_role(r.oid, 'frontline_manager', 'MEMBER') OR NOT pg_has_role(r.oid, 'frontline_trainee', 'MEMBER')))"
    " AS manager FROM trainees ";

Trainee readTrainee(const pg::Result& r, int row) {
    return {r.int64(row, "id"),         r.text(row, "name"),    r.text(row, "team"),
            r.text(row, "created_at"), r.text(row, "account"), r.boolean(row, "manager")};
}

constexpr std::string_view kAttemptSummaryColumns =
    "SELECT a.id, a.trainee_id, t.name AS trainee_name, a.scenario_id, a.scenario_version, a.scenario_title,"
    " a.sop_id, a.sop_version, a.channel, a.started_at, a.finished_at, a.outcome, a.passed, a.critical_failure,"
    " a.adherence, a.points, a.stars, a.handle_seconds, a.fcr, a.csat, a.answer_seconds, a.seed, a.breaches,"
    " a.target_answer_seconds, a.mode";
constexpr std::string_view kAttemptFrom = " FROM attempts a JOIN trainees t ON t.id = a.trainee_id ";

AttemptRecord readAttemptSummary(const pg::Result& q, int row) {
    AttemptRecord r;
    r.id = q.int64(row, "id");
    r.trainee_id = q.int64(row, "trainee_id");
    r.trainee_name = q.text(row, "trainee_name");
    r.scenario_id = q.text(row, "scenario_id");
    r.scenario_version = q.integer(row, "scenario_version");
    r.scenario_title = q.text(row, "scenario_title");
    r.sop_id = q.text(row, "sop_id");
    r.sop_version = q.text(row, "sop_version");
    r.channel = q.text(row, "channel");
    r.started_at = q.text(row, "started_at");
    r.finished_at = q.text(row, "finished_at");
    r.outcome = q.text(row, "outcome");
    r.passed = q.boolean(row, "passed");
    r.critical_failure = q.boolean(row, "critical_failure");
    r.adherence = q.integer(row, "adherence");
    r.points = q.integer(row, "points");
    r.stars = q.integer(row, "stars");
    r.handle_seconds = q.integer(row, "handle_seconds");
    r.fcr = q.boolean(row, "fcr");
    r.csat = q.real(row, "csat");
    r.answer_seconds = q.integer(row, "answer_seconds");
    r.seed = q.bits(row, "seed");
    r.breaches = q.integer(row, "breaches");
    r.target_answer_seconds = q.integer(row, "target_answer_seconds");
    r.mode = q.text(row, "mode");
    records::completeListing(r);
    return r;
}

// Connects with a bounded wait (a desk must not hang on a dead network), as "frontline".
pg::Connection connect(const std::string& uri, const std::string& shown) {
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "frontline", uri.c_str(), nullptr};
    pg::Connection conn(PQconnectdbParams(keys, values, /*expand_dbname=*/1));
    if (!conn) throw StoreError(StoreError::Kind::CannotOpen, shown + ": out of memory");
    if (PQstatus(conn.get()) == CONNECTION_OK) {
        // The server's notices ("already exists, skipping") are for its log, not a trainee's terminal.
        PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
        return conn;
    }
    const std::string why = PQerrorMessage(conn.get());
    // libpq's text is for administrators; a trainee gets the gist, IT the log of the server.
    if (why.find("password authentication failed") != std::string::npos || why.find("no password supplied") != std::string::npos ||
        why.find("role \"") != std::string::npos)
        throw StoreError(StoreError::Kind::Denied, shown + ": the server did not accept this login (user name or password)");
    if (why.find("database \"") != std::string::npos && why.find("does not exist") != std::string::npos)
        throw StoreError(StoreError::Kind::CannotOpen, shown + ": there is no such database on the server (ask IT to create it)");
    if (why.find("invalid") != std::string::npos && why.find("URI") != std::string::npos)
        throw StoreError(StoreError::Kind::CannotOpen, shown + ": this is not a valid postgresql:// address");
    throw StoreError(StoreError::Kind::Unreachable, shown + ": " + pg::unreachableWords(conn.get()));
}

}  // namespace

PostgresStore::PostgresStore(const std::string& uri, const StoreOptions& options)
    : conn_(connect(uri, displayLocator(uri))), locator_(displayLocator(uri)), lock_timeout_ms_(std::max(1, options.busy_timeout_ms)) {
    PGconn* c = conn_.get();
    try {
        prepareSession();
        const int found = pg_schema::readVersion(c);
        if (found > latestSchemaVersion())
            throw StoreError(StoreError::Kind::TooNew, "created by a newer Frontline (schema " + std::to_string(found) +
                                                           ", this build knows " + std::to_string(latestSchemaVersion()) + ")");
        pg_schema::applyMigrations(c, pg_schema::migrations());
        manager_ = pg::run(c,
                           "SELECT pg_has_role(session_user, 'frontline_manager', 'MEMBER')"
                           " OR NOT pg_has_role(session_user, 'frontline_trainee', 'MEMBER') AS manager")
                       .boolean(0, "manager");
    } catch (const StoreError& e) {
        throw StoreError(e.kind(), locator_ + ": " + e.what() + "; nothing was changed.");
    }
    cancel_ = PQgetCancel(c);
}

void PostgresStore::prepareSession() const {
    pg::exec(conn_.get(), "SET lock_timeout = " + std::to_string(lock_timeout_ms_) + "; SET client_encoding = 'UTF8'",
             "cannot prepare the connection");
}

PostgresStore::~PostgresStore() {
    std::lock_guard lock(cancel_mutex_);
    if (cancel_) PQfreeCancel(cancel_);
}

void PostgresStore::interrupt() const {
    std::lock_guard lock(cancel_mutex_);
    char error[256];
    if (cancel_) PQcancel(cancel_, error, sizeof error);
}

int PostgresStore::schemaVersion() const { return pg_schema::readVersion(conn_.get()); }
int PostgresStore::latestSchemaVersion() const { return pg_schema::migrations().back().version; }

std::string PostgresStore::writeProblem(int) const {
    PGconn* c = conn_.get();
    const bool lost = PQstatus(c) != CONNECTION_OK;
    if (lost) PQreset(c);  // the server may be back
    if (PQstatus(c) != CONNECTION_OK) return pg::unreachableWords(c);
    if (PQtransactionStatus(c) == PQTRANS_INTRANS) return "";
    try {
        if (lost) prepareSession();
        pg::Result r = pg::run(c, "SELECT current_setting('transaction_read_only') = 'on' AS read_only");
        if (r.boolean(0, "read_only")) return "the team database is read-only right now (it can be browsed, not changed)";
    } catch (const StoreError& e) {
        return e.what();
    }
    return "";
}

// The server checks its own pages (and data_checksums where IT turned them on); what a desk can
// check is that its schema is whole and current.
std::string PostgresStore::integrityProblem() const {
    const int version = schemaVersion();
    if (version != latestSchemaVersion())
        return locator_ + ": the team database is at schema " + std::to_string(version) + ", expected " +
               std::to_string(latestSchemaVersion());
    return "";
}

void PostgresStore::beginBatch(bool relaxed) {
    pg::exec(conn_.get(), "BEGIN", "cannot begin a transaction");
    if (relaxed) pg::exec(conn_.get(), "SET LOCAL synchronous_commit = off");
}
void PostgresStore::commitBatch() { pg::exec(conn_.get(), "COMMIT", "cannot save the changes"); }
void PostgresStore::rollbackBatch() noexcept { PQclear(PQexec(conn_.get(), "ROLLBACK")); }

// ---- trainees ----

Trainee PostgresStore::createTrainee(const std::string& name, const std::string& team) {
    try {
        pg::Transaction tx(conn_.get());  // a savepoint inside a batch: a refusal leaves the batch usable
        pg::Result r = pg::run(conn_.get(),
                               "INSERT INTO trainees (name, team, created_at) VALUES ($1, $2, $3)"
                               " RETURNING id, name, team, created_at, account, false AS manager",
                               pg::Params().add(name).add(team).add(nowUtcIso()), "cannot add the trainee '" + name + "'");
        tx.commit();
        return readTrainee(r, 0);
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Constraint) throw;
        throw StoreError(StoreError::Kind::Constraint, traineeByName(name) ? "a trainee named '" + name + "' already exists"
                                                                           : "a trainee needs a name");
    }
}

std::optional<Trainee> PostgresStore::trainee(std::int64_t id) const {
    pg::Result r = pg::run(conn_.get(), std::string(kTraineeColumns) + "WHERE id = $1", pg::Params().add(id));
    if (r.rows() == 0) return std::nullopt;
    return readTrainee(r, 0);
}

std::optional<Trainee> PostgresStore::traineeByName(const std::string& name) const {
    pg::Result r = pg::run(conn_.get(), std::string(kTraineeColumns) + "WHERE lower(name) = lower($1)", pg::Params().add(name));
    if (r.rows() == 0) return std::nullopt;
    return readTrainee(r, 0);
}

Trainee PostgresStore::traineeByNameOrCreate(const std::string& name, const std::string& team) {
    // Two desks may add the same new trainee at once: the loser of the race reads the winner's row.
    pg::run(conn_.get(),
            "INSERT INTO trainees (name, team, created_at) VALUES ($1, $2, $3) ON CONFLICT (lower(name)) DO NOTHING",
            pg::Params().add(name).add(team).add(nowUtcIso()), "cannot add the trainee '" + name + "'");
    if (auto t = traineeByName(name)) return *t;
    throw StoreError(StoreError::Kind::Denied, "the trainee '" + name + "' cannot be seen by this login");
}

std::vector<Trainee> PostgresStore::trainees() const {
    pg::Result r = pg::run(conn_.get(), std::string(kTraineeColumns) + "ORDER BY lower(name) COLLATE \"C\", id");
    std::vector<Trainee> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(readTrainee(r, i));
    return out;
}

// ---- attempts ----

std::int64_t PostgresStore::recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                                          const ScoreReport& report, const std::string& started_at,
                                          const std::string& finished_at) {
    return recordAttemptOnce(records::newUuid(), trainee_id, scenario_title, log, report, started_at, finished_at);
}

bool PostgresStore::reconnect() {
    if (PQstatus(conn_.get()) == CONNECTION_OK) return true;
    PQreset(conn_.get());
    if (PQstatus(conn_.get()) != CONNECTION_OK) return false;
    try {
        prepareSession();
    } catch (const StoreError&) {
        return false;  // lost again at once: still unreachable
    }
    std::lock_guard lock(cancel_mutex_);
    if (cancel_) PQfreeCancel(cancel_);
    cancel_ = PQgetCancel(conn_.get());
    return true;
}

std::int64_t PostgresStore::recordAttemptOnce(const std::string& uuid, std::int64_t trainee_id,
                                              const std::string& scenario_title, const AttemptLog& log,
                                              const ScoreReport& report, const std::string& started_at,
                                              const std::string& finished_at) {
    PGconn* c = conn_.get();
    const std::string log_json = records::toJsonText(Json(log));
    const std::string stored_log = records::compressLog(log_json);
    const std::string stored_report = records::compressReport(records::toJsonText(Json(report)), log_json);
    const std::string context = "cannot save the attempt";

    pg::Transaction tx(c);
    pg::Result seen = pg::run(c, "SELECT id FROM attempts WHERE uuid = $1", pg::Params().add(uuid), context);
    if (seen.rows() > 0) return seen.int64(0, "id");  // sent before: nothing to write (the rollback is a no-op)
    pg::Params p;
    p.add(trainee_id).add(log.scenario_id).add(log.scenario_version).add(scenario_title).add(log.sop_id)
        .add(log.sop_version.empty() ? report.sop_version : log.sop_version)
        .add(channelName(log.channel)).add(started_at).add(finished_at).add(report.outcome)
        .add(report.passed).add(report.critical_failure).add(report.adherence).add(report.points.total).add(report.stars)
        .add(report.metrics.handle_seconds).add(report.metrics.fcr).add(report.metrics.csat)
        .add(report.metrics.answer_seconds).addBits(log.seed).add(static_cast<int>(report.breaches.size()))
        .add(report.metrics.target_answer_seconds).add(attemptModeName(log.mode)).add(uuid);
    pg::Result inserted = pg::run(c,
                                  "INSERT INTO attempts (trainee_id, scenario_id, scenario_version, scenario_title, sop_id,"
                                  " sop_version, channel, started_at, finished_at, outcome, passed, critical_failure,"
                                  " adherence, points, stars, handle_seconds, fcr, csat, answer_seconds, seed,"
                                  " breaches, target_answer_seconds, mode, uuid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
                                  " $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)"
                                  " RETURNING id",
                                  p, context);
    const std::int64_t attempt_id = inserted.int64(0, "id");
    pg::run(c, "INSERT INTO attempt_details (attempt_id, report_json, event_log) VALUES ($1, $2, $3)",
            pg::Params().add(attempt_id).addBytes(stored_report).addBytes(stored_log), context);
    int rows_written = 0;
    for (const StepScore& s : report.steps) {
        pg::run(c,
                "INSERT INTO step_scores (attempt_id, step, position, required, covered, in_order, score)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                pg::Params().add(attempt_id).add(s.step).add(rows_written).add(s.required).add(s.covered).add(s.in_order).add(s.score),
                context);
        ++rows_written;
        if (step_row_hook_) step_row_hook_(rows_written);
    }
    tx.commit();
    return attempt_id;
}

std::optional<AttemptRecord> PostgresStore::attempt(std::int64_t id) const {
    std::string sql(kAttemptSummaryColumns);
    sql += ", d.report_json, d.event_log";
    sql += kAttemptFrom;
    sql += "JOIN attempt_details d ON d.attempt_id = a.id WHERE a.id = $1";
    pg::Result q = pg::run(conn_.get(), sql, pg::Params().add(id));
    if (q.rows() == 0) return std::nullopt;
    AttemptRecord r = readAttemptSummary(q, 0);
    records::readStoredAttempt(q.bytes(0, "event_log"), q.bytes(0, "report_json"), r);
    return r;
}

std::vector<AttemptRecord> PostgresStore::attempts(std::int64_t trainee_id, int limit) const {
    std::string sql(kAttemptSummaryColumns);
    sql += kAttemptFrom;
    pg::Params p;
    if (trainee_id != 0) {
        sql += "WHERE a.trainee_id = $1 ";
        p.add(trainee_id);
    }
    sql += "ORDER BY a.finished_at DESC, a.id DESC";
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    pg::Result q = pg::run(conn_.get(), sql, p);
    std::vector<AttemptRecord> out;
    for (int i = 0; i < q.rows(); ++i) out.push_back(readAttemptSummary(q, i));
    return out;
}

std::vector<AttemptSummary> PostgresStore::attemptSummaries(std::int64_t trainee_id) const {
    pg::Result q = pg::run(conn_.get(),
                           "SELECT scenario_id, finished_at, passed, critical_failure, stars, points, adherence, outcome,"
                           " answer_seconds, target_answer_seconds, channel, breaches"
                           " FROM attempts WHERE trainee_id = $1 ORDER BY finished_at, id",
                           pg::Params().add(trainee_id));
    std::vector<AttemptSummary> out;
    for (int i = 0; i < q.rows(); ++i) {
        AttemptSummary& s = out.emplace_back();
        s.scenario_id = q.text(i, "scenario_id");
        s.finished_at = q.text(i, "finished_at");
        s.passed = q.boolean(i, "passed");
        s.critical_failure = q.boolean(i, "critical_failure");
        s.stars = q.integer(i, "stars");
        s.points = q.integer(i, "points");
        s.adherence = q.integer(i, "adherence");
        s.outcome = q.text(i, "outcome");
        s.answer_seconds = q.integer(i, "answer_seconds");
        s.target_answer_seconds = q.integer(i, "target_answer_seconds");
        s.channel = q.text(i, "channel");
        s.breaches = q.integer(i, "breaches");
    }
    return out;
}

std::int64_t PostgresStore::findAttempt(std::int64_t trainee_id, const std::string& scenario_id,
                                        const std::string& started_at, const std::string& finished_at) const {
    pg::Result q = pg::run(conn_.get(),
                           "SELECT id FROM attempts WHERE trainee_id = $1 AND scenario_id = $2 AND started_at = $3"
                           " AND finished_at = $4",
                           pg::Params().add(trainee_id).add(scenario_id).add(started_at).add(finished_at));
    return q.rows() ? q.int64(0, "id") : 0;
}

int PostgresStore::attemptCount(std::int64_t trainee_id) const {
    pg::Result q = trainee_id != 0
                       ? pg::run(conn_.get(), "SELECT count(*) AS n FROM attempts WHERE trainee_id = $1", pg::Params().add(trainee_id))
                       : pg::run(conn_.get(), "SELECT count(*) AS n FROM attempts");
    return q.integer(0, "n");
}

std::vector<StepStat> PostgresStore::stepStats(std::int64_t trainee_id) const {
    std::string sql =
        "SELECT step, sum(attempts) AS attempts, sum(missed) AS missed, sum(out_of_order) AS out_of_order,"
        " sum(score_sum)::float8 / sum(attempts) AS mean_score FROM step_totals WHERE attempts > 0 ";
    pg::Params p;
    if (trainee_id != 0) {
        sql += "AND trainee_id = $1 ";
        p.add(trainee_id);
    }
    sql += "GROUP BY step ORDER BY min(position), step COLLATE \"C\"";
    pg::Result q = pg::run(conn_.get(), sql, p);
    std::vector<StepStat> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back({q.text(i, "step"), q.integer(i, "attempts"), q.integer(i, "missed"), q.integer(i, "out_of_order"),
                       q.real(i, "mean_score")});
    return out;
}

}  // namespace frontline
