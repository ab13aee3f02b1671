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
    // finished_at is ISO 8601 text: its date is the first ten characters; the ISO day of week
    // (Monday 1) takes it back to Monday. Text that is not a date counts in no week.
    pg::Result q = pg::run(conn_.get(),
                           "SELECT to_char(d - (extract(isodow FROM d)::int - 1), 'YYYY-MM-DD') AS week, count(*) AS attempts,"
                           " count(*) FILTER (WHERE passed) AS passed, avg(adherence)::float8 AS mean_adherence,"
                           " count(*) FILTER (WHERE critical_failure) AS critical"
                           " FROM (SELECT left(a.finished_at, 10)::date AS d, a.passed, a.adherence, a.critical_failure"
                           "       FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
                           "       WHERE ($1::bigint = 0 OR a.trainee_id = $1::bigint) AND ($2::text = '' OR t.team = $2::text)"
                           "         AND a.finished_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}') w"
                           " GROUP BY week ORDER BY week",
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
                           " (SELECT count(*) FROM attempts a WHERE a.trainee_id = t.id) AS attempts,"
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
