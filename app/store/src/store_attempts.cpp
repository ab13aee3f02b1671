// Trainees, attempts (with their step scores) and the per-step statistics of the manager view.
#include <string_view>
#include "frontline/store.hpp"
#include "compressed_json.hpp"
#include "record_text.hpp"
#include "sqlite_store.hpp"

namespace frontline {
namespace {

using Json = nlohmann::json;

Trainee readTrainee(const sql::Statement& q) {
    Trainee t;
    t.id = q.int64(0);
    t.name = q.text(1);
    t.team = q.text(2);
    t.created_at = q.text(3);
    t.account = q.text(4);
    return t;
}
constexpr const char* kTraineeColumns = "SELECT id, name, team, created_at, account FROM trainees ";

// The summary columns every attempt query selects, in readAttemptSummary's order.
constexpr std::string_view kAttemptSummaryColumns =
    "SELECT a.id, a.trainee_id, t.name, a.scenario_id, a.scenario_version, a.scenario_title, a.sop_id,"
    " a.sop_version, a.channel, a.started_at, a.finished_at, a.outcome, a.passed, a.critical_failure,"
    " a.adherence, a.points, a.stars, a.handle_seconds, a.fcr, a.csat, a.answer_seconds, a.seed,"
    " a.breaches, a.target_answer_seconds, a.mode";
constexpr int kReportColumn = 25;  // after the summary columns, when selected (attempt_details)
constexpr int kEventLogColumn = 26;
constexpr std::string_view kAttemptFrom = " FROM attempts a JOIN trainees t ON t.id = a.trainee_id ";

AttemptRecord readAttemptSummary(const sql::Statement& q) {
    AttemptRecord r;
    r.id = q.int64(0);
    r.trainee_id = q.int64(1);
    r.trainee_name = q.text(2);
    r.scenario_id = q.text(3);
    r.scenario_version = q.integer(4);
    r.scenario_title = q.text(5);
    r.sop_id = q.text(6);
    r.sop_version = q.text(7);
    r.channel = q.text(8);
    r.started_at = q.text(9);
    r.finished_at = q.text(10);
    r.outcome = q.text(11);
    r.passed = q.boolean(12);
    r.critical_failure = q.boolean(13);
    r.adherence = q.integer(14);
    r.points = q.integer(15);
    r.stars = q.integer(16);
    r.handle_seconds = q.integer(17);
    r.fcr = q.boolean(18);
    r.csat = q.real(19);
    r.answer_seconds = q.integer(20);
    r.seed = q.bits(21);
    r.breaches = q.integer(22);
    r.target_answer_seconds = q.integer(23);
    r.mode = q.text(24);

    records::completeListing(r);
    return r;
}

}  // namespace

// ---- trainees ----

Trainee SqliteStore::createTrainee(const std::string& name, const std::string& team) {
    sqlite3* db = db_.get();
    sql::Statement insert(db, "INSERT INTO trainees (name, team, created_at) VALUES (?1, ?2, ?3)");
    insert.bind(1, name).bind(2, team).bind(3, nowUtcIso());
    try {
        insert.run();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Constraint) throw;
        throw StoreError(StoreError::Kind::Constraint,
                         traineeByName(name) ? "a trainee named '" + name + "' already exists"
                                             : "a trainee needs a name");
    }
    return *trainee(sqlite3_last_insert_rowid(db));
}

std::optional<Trainee> SqliteStore::trainee(std::int64_t id) const {
    sql::Statement q(db_.get(), std::string(kTraineeColumns) + "WHERE id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return readTrainee(q);
}

std::optional<Trainee> SqliteStore::traineeByName(const std::string& name) const {
    sql::Statement q(db_.get(), std::string(kTraineeColumns) + "WHERE name = ?1");  // NOCASE column
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return readTrainee(q);
}

Trainee SqliteStore::traineeByNameOrCreate(const std::string& name, const std::string& team) {
    sql::Transaction tx(db_.get());
    std::optional<Trainee> existing = traineeByName(name);
    Trainee t = existing ? *existing : createTrainee(name, team);
    tx.commit();
    return t;
}

std::vector<Trainee> SqliteStore::trainees() const {
    sql::Statement q(db_.get(), std::string(kTraineeColumns) + "ORDER BY name, id");
    std::vector<Trainee> out;
    while (q.step()) out.push_back(readTrainee(q));
    return out;
}

// ---- attempts ----

std::int64_t SqliteStore::recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                                  const ScoreReport& report, const std::string& started_at,
                                  const std::string& finished_at) {
    sqlite3* db = db_.get();
    // Serialise before the transaction: nothing slow or throwing while the write lock is held.
    const std::string log_json = records::toJsonText(Json(log));
    const std::string stored_log = records::compressLog(log_json);
    const std::string stored_report = records::compressReport(records::toJsonText(Json(report)), log_json);

    sql::Transaction tx(db);
    sql::Statement insert(db,
                          "INSERT INTO attempts (trainee_id, scenario_id, scenario_version, scenario_title, sop_id,"
                          " sop_version, channel, started_at, finished_at, outcome, passed, critical_failure,"
                          " adherence, points, stars, handle_seconds, fcr, csat, answer_seconds, seed,"
                          " breaches, target_answer_seconds, mode)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                          " ?18, ?19, ?20, ?21, ?22, ?23)");
    insert.bind(1, trainee_id)
        .bind(2, log.scenario_id)
        .bind(3, log.scenario_version)
        .bind(4, scenario_title)
        .bind(5, log.sop_id)
        .bind(6, log.sop_version.empty() ? report.sop_version : log.sop_version)
        .bind(7, channelName(log.channel))
        .bind(8, started_at)
        .bind(9, finished_at)
        .bind(10, report.outcome)
        .bind(11, report.passed)
        .bind(12, report.critical_failure)
        .bind(13, report.adherence)
        .bind(14, report.points.total)
        .bind(15, report.stars)
        .bind(16, report.metrics.handle_seconds)
        .bind(17, report.metrics.fcr)
        .bind(18, report.metrics.csat)
        .bind(19, report.metrics.answer_seconds)
        .bindBits(20, log.seed)
        .bind(21, static_cast<int>(report.breaches.size()))
        .bind(22, report.metrics.target_answer_seconds)
        .bind(23, attemptModeName(log.mode));
    insert.run();
    const std::int64_t attempt_id = sqlite3_last_insert_rowid(db);

    sql::Statement details(db, "INSERT INTO attempt_details (attempt_id, report_json, event_log) VALUES (?1, ?2, ?3)");
    details.bind(1, attempt_id).bindBlob(2, stored_report).bindBlob(3, stored_log);
    details.run();

    sql::Statement step_row(db,
                            "INSERT INTO step_scores (attempt_id, step, position, required, covered, in_order, score)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    int rows_written = 0;
    for (const StepScore& s : report.steps) {
        step_row.bind(1, attempt_id)
            .bind(2, s.step)
            .bind(3, rows_written)
            .bind(4, s.required)
            .bind(5, s.covered)
            .bind(6, s.in_order)
            .bind(7, s.score);
        step_row.run();
        step_row.reset();
        ++rows_written;
        if (step_row_hook_) step_row_hook_(rows_written);
    }
    tx.commit();
    return attempt_id;
}

std::optional<AttemptRecord> SqliteStore::attempt(std::int64_t id) const {
    std::string sql(kAttemptSummaryColumns);
    sql += ", d.report_json, d.event_log";
    sql += kAttemptFrom;
    sql += "JOIN attempt_details d ON d.attempt_id = a.id ";
    sql += "WHERE a.id = ?1";
    sql::Statement q(db_.get(), sql);
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    AttemptRecord r = readAttemptSummary(q);
    records::readStoredAttempt(q.bytes(kEventLogColumn), q.bytes(kReportColumn), r);
    return r;
}

std::vector<AttemptRecord> SqliteStore::attempts(std::int64_t trainee_id, int limit) const {
    // Two spellings so each query can walk its index in order (no sort, stops at the limit).
    std::string sql(kAttemptSummaryColumns);
    sql += kAttemptFrom;
    if (trainee_id != 0) sql += "WHERE a.trainee_id = ?1 ";
    sql += "ORDER BY a.finished_at DESC, a.id DESC LIMIT ?2";
    sql::Statement q(db_.get(), sql);
    if (trainee_id != 0) q.bind(1, trainee_id);
    q.bind(2, limit > 0 ? limit : -1);  // LIMIT -1: no limit
    std::vector<AttemptRecord> out;
    while (q.step()) out.push_back(readAttemptSummary(q));
    return out;
}

std::vector<AttemptSummary> SqliteStore::attemptSummaries(std::int64_t trainee_id) const {
    sql::Statement q(db_.get(),
                     "SELECT scenario_id, finished_at, passed, critical_failure, stars, points, adherence, outcome,"
                     " answer_seconds, target_answer_seconds, channel, breaches"
                     " FROM attempts WHERE trainee_id = ?1 ORDER BY finished_at, id");
    q.bind(1, trainee_id);
    std::vector<AttemptSummary> out;
    while (q.step()) {
        AttemptSummary& s = out.emplace_back();
        s.scenario_id = q.text(0);
        s.finished_at = q.text(1);
        s.passed = q.boolean(2);
        s.critical_failure = q.boolean(3);
        s.stars = q.integer(4);
        s.points = q.integer(5);
        s.adherence = q.integer(6);
        s.outcome = q.text(7);
        s.answer_seconds = q.integer(8);
        s.target_answer_seconds = q.integer(9);
        s.channel = q.text(10);
        s.breaches = q.integer(11);
    }
    return out;
}

std::int64_t SqliteStore::findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                               const std::string& finished_at) const {
    sql::Statement q(db_.get(),
                     "SELECT id FROM attempts WHERE trainee_id = ?1 AND scenario_id = ?2 AND started_at = ?3 AND finished_at = ?4");
    q.bind(1, trainee_id);
    q.bind(2, scenario_id);
    q.bind(3, started_at);
    q.bind(4, finished_at);
    return q.step() ? q.int64(0) : 0;
}

int SqliteStore::attemptCount(std::int64_t trainee_id) const {
    sql::Statement q(db_.get(), trainee_id != 0 ? "SELECT count(*) FROM attempts WHERE trainee_id = ?1"
                                                      : "SELECT count(*) FROM attempts");
    if (trainee_id != 0) q.bind(1, trainee_id);
    return q.step() ? q.integer(0) : 0;
}

std::vector<StepStat> SqliteStore::stepStats(std::int64_t trainee_id) const {
    // step_totals holds the sums per trainee (kept by triggers, see migrations.cpp): a few rows
    // however long the history. SOP order is the lowest position the scorer gave the step.
    std::string sql =
        "SELECT step, sum(attempts), sum(missed), sum(out_of_order), CAST(sum(score_sum) AS REAL) / sum(attempts)"
        " FROM step_totals WHERE attempts > 0 ";
    if (trainee_id != 0) sql += "AND trainee_id = ?1 ";
    sql += "GROUP BY step ORDER BY min(position), step";
    sql::Statement q(db_.get(), sql);
    if (trainee_id != 0) q.bind(1, trainee_id);
    std::vector<StepStat> out;
    while (q.step()) {
        StepStat st;
        st.step = q.text(0);
        st.attempts = q.integer(1);
        st.missed = q.integer(2);
        st.out_of_order = q.integer(3);
        st.mean_score = q.real(4);
        out.push_back(st);
    }
    return out;
}

}  // namespace frontline
