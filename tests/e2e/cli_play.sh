#!/usr/bin/env bash
# The real binary from the terminal: a scripted attempt lands in a real SQLite file; content errors
# are printed like a compiler; broken, locked and too-new databases are reported and left untouched.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DB="$WORK/frontline.db"
# 1. A scripted play-through of the golden best path is recorded.
GOLDEN="$SRC/scenarios/content/golden/failed-verification.golden.json"
if [ -f "$GOLDEN" ]; then
  ANSWERS=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(','.join(c.replace('wait:','w') for c in p['choices']))" "$GOLDEN")
  DISP=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(p.get('wrap_up',{}).get('disposition',''))" "$GOLDEN")
  NOTES=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(p.get('wrap_up',{}).get('notes',''))" "$GOLDEN")
  "$BIN" play failed-verification --db "$DB" --trainee "Sam Rivera" --seed 1 --answers "$ANSWERS" \
      --disposition "$DISP" --category account --notes "$NOTES" > "$WORK/play.txt" || fail "play exited non-zero"
  grep -q "DEBRIEF" "$WORK/play.txt" || fail "no debrief printed"
  grep -q "Saved as attempt #1 for Sam Rivera" "$WORK/play.txt" || fail "attempt not reported as saved"
  [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attempts')" = 1 ] || fail "attempt not in the database"
  # Output goes to files first: `cmd | grep -q` under pipefail fails when grep stops reading early.
  "$BIN" history --db "$DB" --json > "$WORK/history.json"
  grep -q '"scenario": "failed-verification"' "$WORK/history.json" || fail "history does not list it"
  "$BIN" history --db "$DB" --show 1 > "$WORK/show.txt"
  grep -q "SOP scorecard" "$WORK/show.txt" || fail "history --show has no scorecard"

  # 2. JSON output of the same path is machine-readable, carries a golden block, records nothing.
  "$BIN" play failed-verification --no-record --seed 1 --answers "$ANSWERS" --disposition "$DISP" --notes "$NOTES" \
      --json > "$WORK/play.json" 2>/dev/null || fail "play --json exited non-zero"
  python3 -c "import json,sys;d=json.load(open(sys.argv[1]));assert d['report']['passed'] and d['golden']['choices']" "$WORK/play.json" \
      || fail "--json output is not valid"
  [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attempts')" = 1 ] || fail "--no-record recorded an attempt"
else
  fail "missing golden file $GOLDEN"
fi

# 3. Content errors: file:line:column, exit 1; good content: exit 0.
"$BIN" validate --quiet > "$WORK/validate.txt" || { cat "$WORK/validate.txt"; fail "bundled content does not validate"; }
if "$BIN" validate "$SRC/tests/fixtures/bad/malformed.json" > "$WORK/bad.txt"; then fail "malformed file validated"; fi
grep -q "malformed.json:4:16: error: invalid JSON" "$WORK/bad.txt" || { cat "$WORK/bad.txt"; fail "no file:line:column diagnostic"; }

# 4. A file that is not a database is reported and never replaced.
echo "these are my notes, not a database" > "$WORK/notes.db"
SUM=$(md5sum "$WORK/notes.db")
if "$BIN" history --db "$WORK/notes.db" 2> "$WORK/err.txt"; then fail "a text file was accepted as a database"; fi
grep -q "cannot use the database" "$WORK/err.txt" || fail "no clear error for a non-database"
[ "$(md5sum "$WORK/notes.db")" = "$SUM" ] || fail "the non-database file was modified"

# 5. A database from a newer Frontline is refused and left as it is.
cp "$DB" "$WORK/newer.db" 2>/dev/null || "$BIN" trainees --db "$WORK/newer.db" >/dev/null
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 999;"
SUM=$(md5sum "$WORK/newer.db")
if "$BIN" history --db "$WORK/newer.db" 2> "$WORK/err.txt"; then fail "a newer database was accepted"; fi
grep -qi "newer" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no 'newer' explanation"; }
[ "$(md5sum "$WORK/newer.db")" = "$SUM" ] || fail "the newer database was modified"

# 6. A locked database is reported, not waited on forever, and nothing is lost.
"$BIN" trainees add "Lock Tester" --db "$WORK/locked.db" >/dev/null
( echo "BEGIN EXCLUSIVE;"; sleep 20 ) | sqlite3 "$WORK/locked.db" &
HOLDER=$!
sleep 1
if timeout 15 "$BIN" trainees add "Another" --db "$WORK/locked.db" 2> "$WORK/err.txt"; then kill $HOLDER 2>/dev/null; fail "wrote through an exclusive lock"; fi
kill $HOLDER 2>/dev/null || true; wait $HOLDER 2>/dev/null || true
grep -qi "lock\|busy" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no 'locked' explanation"; }
[ "$(sqlite3 "$WORK/locked.db" "SELECT count(*) FROM trainees")" = 1 ] || fail "existing data lost"
echo "cli_play: all checks passed"
