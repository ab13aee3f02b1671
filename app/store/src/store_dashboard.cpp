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
    // 'weekday 0' moves forward to Sunday (or stays), -6 days lands on that week's Monday.
    sql::Statement q(db_.get(),
                     "SELECT date(substr(a.finished_at, 1, 10), 'weekday 0', '-6 days') AS week, count(*),"
                     " sum(a.passed), avg(a.adherence), sum(a.critical_failure)"
                     " FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
                     " WHERE (?1 = 0 OR a.trainee_id = ?1) AND (?2 = '' OR t.team = ?2)"
                     " GROUP BY week HAVING week IS NOT NULL ORDER BY week");
    q.bind(1, trainee_id).bind(2, team);
    std::vector<WeekStat> out;
    while (q.step()) out.push_back({q.text(0), q.integer(1), q.integer(2), q.real(3), q.integer(4)});
    return out;
}

std::vector<TraineeActivity> SqliteStore::traineeActivity() const {
    sql::Statement q(db_.get(),
                     "SELECT t.id,"
                     " (SELECT count(*) FROM attempts a WHERE a.trainee_id = t.id),"
                     " (SELECT max(a.finished_at) FROM attempts a WHERE a.trainee_id = t.id),"
                     " (SELECT max(z.score_percent) FROM quiz_attempts z WHERE z.trainee_id = t.id AND z.mode = 'exam')"
                     " FROM trainees t ORDER BY t.id");
    std::vector<TraineeActivity> out;
    while (q.step()) out.push_back({q.int64(0), q.integer(1), q.text(2), q.isNull(3) ? -1 : q.integer(3)});
    return out;
}

}  // namespace frontline
