# Sourced by the certificate end-to-end tests: inserts what certification level 1 requires for
# trainee 1 of database $1 (three passed scenarios, a passed exam) with sqlite3, as the store
# records it. The store still trusts evidence as recorded (issue 13 part 3: replay is to come).
insert_level1_evidence() {
  local db="$1" sopv now s v
  sopv=$(python3 -c "import json,glob;print(json.load(open(glob.glob('$SRC/scenarios/content/sop/*.sop.json')[0]))['version'])")
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  for s in failed-verification price-objection-learn legal-safety-compliance; do
    v=$(python3 -c "import json;print(json.load(open('$SRC/scenarios/content/scenarios/$s.json')).get('version',1))")
    sqlite3 "$db" "INSERT INTO attempts (trainee_id, scenario_id, scenario_version, scenario_title, sop_id, sop_version, channel,
        started_at, finished_at, outcome, passed, critical_failure, adherence, points, stars, handle_seconds, fcr, csat,
        answer_seconds, seed) VALUES (1, '$s', $v, '$s', 'inbound-calls-chats', '$sopv', 'call', '$now', '$now', 'resolved',
        1, 0, 96, 100, 3, 300, 1, 4.5, 5, 1);
      INSERT INTO attempt_details (attempt_id, report_json, event_log) VALUES (last_insert_rowid(), '{}', '[]');"
  done
  sqlite3 "$db" "INSERT INTO quiz_attempts (trainee_id, exam_id, mode, seed, started_at, finished_at, score_percent, passed,
      sop_version, detail_json) VALUES (1, 'inbound-l1-exam', 'exam', 1, '$now', '$now', 92, 1, '$sopv', '{}');"
}
