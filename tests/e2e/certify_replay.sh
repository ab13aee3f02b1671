#!/usr/bin/env bash
# Evidence is replayed, not trusted: attempt and exam rows written into the database with sqlite3
# (a pass with three stars, a 92% exam) sign nothing; `certify issue` names each row that did not
# reproduce and why. The same trainee's genuine evidence, made by the engine and the grader, is
# replayed and signed.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export XDG_DATA_HOME="$WORK/xdg"
DB="$WORK/frontline.db"
"$BIN" trainees add "Ana Souza" --db "$DB" > /dev/null

# A forger's rows: what the store would hold after three passes and an exam, without the play.
sopv=$(python3 -c "import json,glob;print(json.load(open(glob.glob('$SRC/scenarios/content/sop/*.sop.json')[0]))['version'])")
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for s in failed-verification price-objection-learn legal-safety-compliance; do
  v=$(python3 -c "import json;print(json.load(open('$SRC/scenarios/content/scenarios/$s.json')).get('version',1))")
  sqlite3 "$DB" "INSERT INTO attempts (trainee_id, scenario_id, scenario_version, scenario_title, sop_id, sop_version, channel,
      started_at, finished_at, outcome, passed, critical_failure, adherence, points, stars, handle_seconds, fcr, csat,
      answer_seconds, seed) VALUES (1, '$s', $v, '$s', 'inbound-calls-chats', '$sopv', 'call', '$now', '$now', 'resolved',
      1, 0, 96, 100, 3, 300, 1, 4.5, 5, 1);
    INSERT INTO attempt_details (attempt_id, report_json, event_log) VALUES (last_insert_rowid(), '{}', '[]');"
done
sqlite3 "$DB" "INSERT INTO quiz_attempts (trainee_id, exam_id, mode, seed, started_at, finished_at, score_percent, passed,
    sop_version, detail_json) VALUES (1, 'inbound-l1-exam', 'exam', 1, '$now', '$now', 92, 1, '$sopv', '{}');"

# The stored rows look ready; the replay refuses all four and nothing is signed.
"$BIN" certify status --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB" > "$WORK/status.json"
grep -q '"ready_to_issue": *true' "$WORK/status.json" \
  || { cat "$WORK/status.json"; fail "the forged rows do not even look ready: the test proves nothing"; }
got=0; "$BIN" certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --db "$DB" > "$WORK/out" 2> "$WORK/err" || got=$?
[ "$got" = 1 ] || { cat "$WORK/out" "$WORK/err"; fail "certify issue on forged rows exited $got, not 1"; }
grep -q "4 pieces of evidence did not reproduce" "$WORK/err" || { cat "$WORK/err"; fail "the refusal does not count the four forged rows"; }
grep -q "exam 'Inbound agent level 1" "$WORK/err" || { cat "$WORK/err"; fail "the refusal does not name the exam by its title"; }
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM certificates')" = 0 ] || fail "a certificate was signed from forged rows"

# Genuine evidence for the same trainee: replayed, reproduced, signed; the forged rows still named.
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
"$BIN" certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB" > "$WORK/issue.json" 2> "$WORK/err" \
  || { cat "$WORK/issue.json" "$WORK/err"; fail "certify issue on genuine evidence failed"; }
python3 - "$WORK/issue.json" <<'PY' || fail "the issue report is wrong"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["issued"] is True, r
assert r["attempts_replayed"] == 6 and r["exams_regraded"] == 2, r
assert len(r["refused_evidence"]) == 4, r["refused_evidence"]
PY
echo "ok: forged rows refused, genuine evidence replayed and signed"
