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

}  // namespace frontline
