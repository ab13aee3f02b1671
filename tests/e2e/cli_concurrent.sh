#!/usr/bin/env bash
# Two desks and a reader at once, as separate processes (issue 11): two `frontline play --json`
# loops record attempts while a third process runs `certify status` and `export csv`, against one
# SQLite file and against a PostgreSQL cluster of this test's own. Every attempt is stored exactly
# once, every command succeeds, and nothing printed carries an engine's raw error text. A read-only
# SQLite file gives a plain message and exit 1.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); PG_STATE="$WORK/pg"
cleanup() { bash "$SRC/scripts/pg-test-cluster.sh" stop "$PG_STATE" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Results a desk keeps (outbox, recovery folder) stay in this test's folder, never the user's.
export XDG_DATA_HOME="$WORK/data"
PLAYS=${FRONTLINE_CONCURRENT_PLAYS:-8}

GOLDEN="$SRC/scenarios/content/golden/failed-verification.golden.json"
field() { python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print($1)" "$GOLDEN"; }
ANSWERS=$(field "','.join(c.replace('wait:','w') for c in p['choices'])")
DISP=$(field "p.get('wrap_up',{}).get('disposition','')")
NOTES=$(field "p.get('wrap_up',{}).get('notes','')")

# One desk: PLAYS scripted attempts for one trainee; each play's JSON and stderr kept, and its exit code.
desk() {  # DB TRAINEE OUT_PREFIX
  local i
  for i in $(seq 1 "$PLAYS"); do
    local code=0
    "$BIN" play failed-verification --db "$1" --trainee "$2" --seed "$i" --answers "$ANSWERS" \
      --disposition "$DISP" --category account --notes "$NOTES" --json > "$3.$i.json" 2> "$3.$i.err" || code=$?
    echo "$code" > "$3.$i.code"
  done
}

# The reader: status and the attempts table, over and over while the desks write.
# Its last pass starts after the desks finished, so it sees every attempt.
reader() {  # DB OUT_PREFIX STOP_FILE
  local i=0 last=0
  while [ "$last" = 0 ]; do
    [ -f "$3" ] && [ "$i" -ge 1 ] && last=1
    i=$((i + 1))
    local code=0
    "$BIN" certify status --db "$1" --json > "$2.status.$i.out" 2> "$2.status.$i.err" || code=$?
    echo "$code" > "$2.status.$i.code"
    code=0
    "$BIN" export csv --what attempts --db "$1" --out - > "$2.csv.$i.out" 2> "$2.csv.$i.err" || code=$?
    echo "$code" > "$2.csv.$i.code"
  done
  echo "$i" > "$2.passes"
}

# Engine words a trainee must never see: SQLite's result codes and texts, libpq's "ERROR:  "
# prefix and its SQLSTATE, constraint names. (Our own "the database is locked by another
# program" is plain words; SQLite's bare "database is locked" is not.)
RAW='SQLITE_|sqlite3_|ERROR:  |SQLSTATE|PGRES_|duplicate key value|violates .*constraint|could not serialize|database is locked($|[^ ]| [^b])|unable to open database file|attempt to write a readonly database'

run_round() {  # LABEL DB COUNT_COMMAND
  local label=$1 db=$2 out="$WORK/$1"
  mkdir -p "$out"
  desk "$db" "Writer A" "$out/a" & local a=$!
  desk "$db" "Writer B" "$out/b" & local b=$!
  reader "$db" "$out/r" "$out/stop" & local r=$!
  wait "$a"; wait "$b"; touch "$out/stop"; wait "$r"
  local f
  for f in "$out"/*.code; do
    [ "$(cat "$f")" = 0 ] || { cat "${f%.code}.err" >&2; fail "$label: $(basename "${f%.code}") exited $(cat "$f")"; }
  done
  if grep -EH "$RAW" "$out"/*.err "$out"/*.out "$out"/*.json >&2; then fail "$label: an engine's raw error text reached the output"; fi
  # Each play reported its own saved attempt id: 2 x PLAYS different ids.
  local ids
  ids=$(cat "$out"/[ab].*.json | python3 -c "
import json, sys
dec = json.JSONDecoder(); text = sys.stdin.read(); i = 0; ids = []
while i < len(text):
    if text[i].isspace(): i += 1; continue
    doc, i = dec.raw_decode(text, i); ids.append(doc['attempt_id'])
assert all(x > 0 for x in ids), ids
print(len(set(ids)))")
  [ "$ids" = $((2 * PLAYS)) ] || fail "$label: $ids distinct attempt ids reported, expected $((2 * PLAYS))"
  local stored
  for who in "Writer A" "Writer B"; do
    stored=$($3 "$who")
    [ "$stored" = "$PLAYS" ] || fail "$label: $stored attempts stored for $who, expected $PLAYS (each exactly once)"
  done
  # The reader's last export, taken after both desks finished, lists all of them.
  local last
  last="$out/r.csv.$(cat "$out/r.passes").out"
  [ "$(grep -c 'failed-verification' "$last")" = $((2 * PLAYS)) ] || fail "$label: the last export does not list every attempt once"
  echo "$label: $((2 * PLAYS)) attempts from two desks, each stored once, with a reader running throughout"
}

# 1. One SQLite file.
DB="$WORK/center.db"
sqlite_count() { sqlite3 "$DB" "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.name = '$1'"; }
run_round sqlite "$DB" sqlite_count

# 2. A read-only SQLite file: plain words, exit 1, the file unchanged. Root writes through any mode
# bit, so as root the commands run as `nobody`.
RO="$WORK/ro"; mkdir -p "$RO"; cp "$DB" "$RO/center.db"
chmod 755 "$WORK" "$RO"; chmod 444 "$RO/center.db"
mkdir -p "$WORK/nobody-data"; chmod 777 "$WORK/nobody-data"
as_reader() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- env XDG_DATA_HOME="$WORK/nobody-data" "$@"; else XDG_DATA_HOME="$WORK/nobody-data" "$@"; fi
}
SUM=$(md5sum < "$RO/center.db")
code=0; as_reader "$BIN" trainees add "Writer C" --db "$RO/center.db" > "$WORK/ro.out" 2> "$WORK/ro.err" || code=$?
[ "$code" = 1 ] || { cat "$WORK/ro.err" >&2; fail "a write to a read-only file exited $code, expected 1"; }
grep -q "read-only" "$WORK/ro.err" || { cat "$WORK/ro.err" >&2; fail "no plain 'read-only' message"; }
[ "$(wc -l < "$WORK/ro.err")" = 1 ] || { cat "$WORK/ro.err" >&2; fail "more than one line on stderr"; }
code=0; as_reader "$BIN" play failed-verification --db "$RO/center.db" --trainee "Writer A" --seed 99 --answers "$ANSWERS" \
  --disposition "$DISP" --category account --notes "$NOTES" --json > "$WORK/ro-play.out" 2> "$WORK/ro-play.err" || code=$?
[ "$code" = 1 ] || { cat "$WORK/ro-play.err" >&2; fail "a play on a read-only file exited $code, expected 1"; }
grep -q "read-only" "$WORK/ro-play.err" || { cat "$WORK/ro-play.err" >&2; fail "the play did not say the file is read-only"; }
as_reader "$BIN" certify status --db "$RO/center.db" > "$WORK/ro-status.out" 2> "$WORK/ro-status.err" ||
  { cat "$WORK/ro-status.err" >&2; fail "a read-only file cannot even be read"; }
if grep -EH "$RAW" "$WORK"/ro*.err "$WORK"/ro*.out >&2; then fail "read-only: an engine's raw error text reached the output"; fi
[ "$(md5sum < "$RO/center.db")" = "$SUM" ] || fail "the read-only file changed"
echo "read-only: plain message, exit 1, file unchanged"

# 3. The same on PostgreSQL, a cluster of this test's own.
URL=$(bash "$SRC/scripts/pg-test-cluster.sh" start "$PG_STATE" 2>/dev/null | tail -n 1 || true)
if [ -z "$URL" ] || [ ! -f "$PG_STATE/url" ]; then
  echo "cli_concurrent: PostgreSQL part skipped: $(cat "$PG_STATE/reason" 2>/dev/null || echo 'no test cluster')"
  [ "${FRONTLINE_REQUIRE_POSTGRES:-0}" = 1 ] && fail "PostgreSQL is required here"
  exit 0
fi
pg_count() { psql -XAtq "$URL" -c "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.name = '$1'"; }
run_round postgresql "$URL" pg_count
[ "$(psql -XAtq "$URL" -c 'SELECT count(DISTINCT uuid) FROM attempts')" = $((2 * PLAYS)) ] || fail "postgresql: an attempt stored twice"
[ -z "$(ls -A "$XDG_DATA_HOME/frontline/unsaved" 2>/dev/null)" ] || fail "an attempt was kept aside instead of saved"
echo "cli_concurrent: all checks passed"
