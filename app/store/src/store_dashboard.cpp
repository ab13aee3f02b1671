// The manager's dashboard on SQLite (issue 12): the trainee x step heatmap, weekly trends and
// each trainee's activity.
#include "frontline/store.hpp"
#include "sqlite_store.hpp"

namespace frontline {

std::vector<TraineeStepStat> SqliteStore::stepStatsByTrainee() const {
    // step_totals is already per trainee and step (kept by triggers, migrations.cpp).
    sql::Statement q(db_.get(),
                     "SELECT trainee_id, step, attempts, CAST(score_sum AS REAL) / attempts FROM step_totals"
                     " WHERE attempts > 0 ORDER BY trainee_id, position, step");
    std::vector<TraineeStepStat> out;
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.integer(2), q.real(3)});
    return out;
}

std::vector<WeekStat> SqliteStore::weeklyStats(std::int64_t trainee_id, const std::string& team) const {
    // week_totals: one row per trainee and week (schema 8), so this reads trainees x weeks rows.
    sql::Statement q(db_.get(),
                     "SELECT w.week, sum(w.attempts), sum(w.passed), CAST(sum(w.adherence_sum) AS REAL) / sum(w.attempts),"
                     " sum(w.critical) FROM week_totals w JOIN trainees t ON t.id = w.trainee_id"
                     " WHERE w.week <> '' AND w.attempts > 0 AND (?1 = 0 OR w.trainee_id = ?1) AND (?2 = '' OR t.team = ?2)"
                     " GROUP BY w.week ORDER BY w.week");
    q.bind(1, trainee_id).bind(2, team);
    std::vector<WeekStat> out;
    while (q.step()) out.push_back({q.text(0), q.integer(1), q.integer(2), q.real(3), q.integer(4)});
    return out;
}

std::vector<TraineeActivity> SqliteStore::traineeActivity() const {
    // The counts from week_totals; the two max() are one index seek each (attempts_by_trainee_time,
    // quiz_attempts_by_trainee_score).
    sql::Statement q(db_.get(),
                     "SELECT t.id,"
                     " (SELECT coalesce(sum(w.attempts), 0) FROM week_totals w WHERE w.trainee_id = t.id),"
                     " (SELECT max(a.finished_at) FROM attempts a WHERE a.trainee_id = t.id),"
                     " (SELECT max(z.score_percent) FROM quiz_attempts z WHERE z.trainee_id = t.id AND z.mode = 'exam')"
                     " FROM trainees t ORDER BY t.id");
    std::vector<TraineeActivity> out;
    while (q.step()) out.push_back({q.int64(0), q.integer(1), q.text(2), q.isNull(3) ? -1 : q.integer(3)});
    return out;
}

}  // namespace frontline
