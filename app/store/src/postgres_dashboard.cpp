// The manager's dashboard on PostgreSQL (issue 12): the same figures as store_dashboard.cpp.
#include "postgres_store.hpp"

namespace frontline {

std::vector<TraineeStepStat> PostgresStore::stepStatsByTrainee() const {
    pg::Result q = pg::run(conn_.get(),
                           "SELECT trainee_id, step, attempts, score_sum::float8 / attempts AS mean_score FROM step_totals"
                           " WHERE attempts > 0 ORDER BY trainee_id, position, step COLLATE \"C\"");
    std::vector<TraineeStepStat> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back({q.int64(i, "trainee_id"), q.text(i, "step"), q.integer(i, "attempts"), q.real(i, "mean_score")});
    return out;
}

std::vector<WeekStat> PostgresStore::weeklyStats(std::int64_t trainee_id, const std::string& team) const {
    // week_totals: one row per trainee and week (schema 7), kept by triggers.
    pg::Result q = pg::run(conn_.get(),
                           "SELECT w.week, sum(w.attempts) AS attempts, sum(w.passed) AS passed,"
                           " sum(w.adherence_sum)::float8 / sum(w.attempts) AS mean_adherence, sum(w.critical) AS critical"
                           " FROM week_totals w JOIN trainees t ON t.id = w.trainee_id"
                           " WHERE w.week <> '' AND w.attempts > 0 AND ($1::bigint = 0 OR w.trainee_id = $1::bigint)"
                           "   AND ($2::text = '' OR t.team = $2::text)"
                           " GROUP BY w.week ORDER BY w.week",
                           pg::Params().add(trainee_id).add(team));
    std::vector<WeekStat> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back({q.text(i, "week"), q.integer(i, "attempts"), q.integer(i, "passed"), q.real(i, "mean_adherence"),
                       q.integer(i, "critical")});
    return out;
}

std::vector<TraineeActivity> PostgresStore::traineeActivity() const {
    pg::Result q = pg::run(conn_.get(),
                           "SELECT t.id,"
                           " (SELECT coalesce(sum(w.attempts), 0) FROM week_totals w WHERE w.trainee_id = t.id) AS attempts,"
                           " (SELECT max(a.finished_at) FROM attempts a WHERE a.trainee_id = t.id) AS last_activity,"
                           " (SELECT max(z.score_percent) FROM quiz_attempts z WHERE z.trainee_id = t.id AND z.mode = 'exam') AS best"
                           " FROM trainees t ORDER BY t.id");
    std::vector<TraineeActivity> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back({q.int64(i, "id"), q.integer(i, "attempts"), q.text(i, "last_activity"),
                       q.isNull(i, "best") ? -1 : q.integer(i, "best")});
    return out;
}

// Certification evidence (schema 9): the trigger-kept groups; row-level security leaves a
// trainee's login only their own.
EvidenceTotals PostgresStore::evidenceTotals(std::int64_t trainee_id) const {
    EvidenceTotals out;
    // One trainee's rows are a prefix of the primary key; an OR with "everyone" would scan them all.
    const std::string which =
        trainee_id != 0 ? " WHERE trainee_id = $1::bigint AND attempts > 0" : " WHERE $1::bigint = 0 AND attempts > 0";
    pg::Result s = pg::run(conn_.get(),
                           "SELECT trainee_id, scenario_id, scenario_title, sop_version, assessment, passed, critical_failure,"
                           " stars, attempts, irregular_times, first_finished_at, last_finished_at FROM evidence_totals" +
                               which + " ORDER BY trainee_id",
                           pg::Params().add(trainee_id));
    for (int i = 0; i < s.rows(); ++i)
        out.scenarios.push_back({s.int64(i, "trainee_id"), s.text(i, "scenario_id"), s.text(i, "scenario_title"),
                                 s.text(i, "sop_version"), s.boolean(i, "assessment"), s.boolean(i, "passed"),
                                 s.boolean(i, "critical_failure"), s.integer(i, "stars"), s.integer(i, "attempts"),
                                 s.integer(i, "irregular_times"), s.text(i, "first_finished_at"), s.text(i, "last_finished_at")});
    pg::Result q = pg::run(conn_.get(),
                           "SELECT trainee_id, exam_id, sop_version, practice, score_percent, passed, attempts, irregular_times,"
                           " first_finished_at, last_finished_at FROM quiz_totals" + which + " ORDER BY trainee_id",
                           pg::Params().add(trainee_id));
    for (int i = 0; i < q.rows(); ++i)
        out.quizzes.push_back({q.int64(i, "trainee_id"), q.text(i, "exam_id"), q.text(i, "sop_version"), q.boolean(i, "practice"),
                               q.integer(i, "score_percent"), q.boolean(i, "passed"), q.integer(i, "attempts"),
                               q.integer(i, "irregular_times"), q.text(i, "first_finished_at"), q.text(i, "last_finished_at")});
    pg::Result c = pg::run(conn_.get(),
                           "SELECT trainee_id, id, policy_id, sop_version, issued_at, expires_at, revoked_at FROM certificates" +
                               std::string(trainee_id != 0 ? " WHERE trainee_id = $1::bigint" : " WHERE $1::bigint = 0") +
                               " ORDER BY trainee_id",
                           pg::Params().add(trainee_id));
    for (int i = 0; i < c.rows(); ++i)
        out.certificates.push_back({c.int64(i, "trainee_id"), c.text(i, "id"), c.text(i, "policy_id"), c.text(i, "sop_version"),
                                    c.text(i, "issued_at"), c.text(i, "expires_at"), c.text(i, "revoked_at")});
    return out;
}

}  // namespace frontline
