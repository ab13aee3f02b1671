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

// Certification evidence (schema 10): the trigger-kept groups, a few rows per trainee.
EvidenceTotals SqliteStore::evidenceTotals(std::int64_t trainee_id) const {
    EvidenceTotals out;
    // One trainee's rows are a prefix of the primary key; an OR with "everyone" would scan them all.
    const std::string which = trainee_id != 0 ? " WHERE trainee_id = ?1 AND attempts > 0" : " WHERE ?1 = 0 AND attempts > 0";
    sql::Statement scenarios(db_.get(),
                             "SELECT trainee_id, scenario_id, scenario_title, sop_version, assessment, passed, critical_failure,"
                             " stars, attempts, irregular_times, first_finished_at, last_finished_at FROM evidence_totals" +
                                 which + " ORDER BY trainee_id");
    scenarios.bind(1, trainee_id);
    while (scenarios.step())
        out.scenarios.push_back({scenarios.int64(0), scenarios.text(1), scenarios.text(2), scenarios.text(3),
                                 scenarios.integer(4) != 0, scenarios.integer(5) != 0, scenarios.integer(6) != 0,
                                 scenarios.integer(7), scenarios.integer(8), scenarios.integer(9), scenarios.text(10),
                                 scenarios.text(11)});
    sql::Statement quizzes(db_.get(),
                           "SELECT trainee_id, exam_id, sop_version, practice, score_percent, passed, attempts, irregular_times,"
                           " first_finished_at, last_finished_at FROM quiz_totals" +
                               which + " ORDER BY trainee_id");
    quizzes.bind(1, trainee_id);
    while (quizzes.step())
        out.quizzes.push_back({quizzes.int64(0), quizzes.text(1), quizzes.text(2), quizzes.integer(3) != 0, quizzes.integer(4),
                               quizzes.integer(5) != 0, quizzes.integer(6), quizzes.integer(7), quizzes.text(8), quizzes.text(9)});
    sql::Statement certificates(db_.get(),
                                "SELECT trainee_id, id, policy_id, sop_version, issued_at, expires_at, revoked_at FROM certificates" +
                                    std::string(trainee_id != 0 ? " WHERE trainee_id = ?1" : " WHERE ?1 = 0") + " ORDER BY trainee_id");
    certificates.bind(1, trainee_id);
    while (certificates.step())
        out.certificates.push_back({certificates.int64(0), certificates.text(1), certificates.text(2), certificates.text(3),
                                    certificates.text(4), certificates.text(5), certificates.text(6)});
    return out;
}

}  // namespace frontline
