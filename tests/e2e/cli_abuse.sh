#!/usr/bin/env bash
# The command line with the inputs people mistype: malformed, huge and empty numbers, empty values
# and unknown options are usage errors (exit 2, one line on stderr), never an abort (134) and never
# a database file created; text that is not UTF-8 is refused on the way in, and whatever is already
# stored (a Latin-1 name, a damaged certificate row) comes out as valid UTF-8 or a clear error.
set -uo pipefail
BIN=$(realpath "$1"); SRC="$2"
# Commands that load the whole content are kept few: under the sanitizers each costs ~17 s of CPU.
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
export XDG_DATA_HOME="$WORK/xdg"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
is_utf8() { iconv -f UTF-8 -t UTF-8 "$1" > /dev/null 2>&1; }
is_json() { python3 -c "import json,sys; json.loads(sys.stdin.buffer.read().decode('utf-8'))" < "$1" 2>/dev/null; }

# expect CODE ARGS...: runs frontline ARGS, checks the exit code, and that stderr is valid UTF-8 and,
# for a usage error, exactly one line starting with "frontline:".
expect() {
  local want="$1"; shift
  "$BIN" "$@" > "$WORK/out" 2> "$WORK/err" < /dev/null
  local got=$?
  local shown; shown=$(printf '%q ' "$@")
  [ "$got" = "$want" ] || { fail "exit $got, expected $want: frontline $shown"; sed 's/^/    /' "$WORK/err" >&2; return; }
  is_utf8 "$WORK/err" || fail "stderr is not UTF-8: frontline $shown"
  is_utf8 "$WORK/out" || fail "stdout is not UTF-8: frontline $shown"
  if [ "$want" = 2 ]; then
    [ "$(wc -l < "$WORK/err")" = 1 ] && grep -q '^frontline: ' "$WORK/err" \
      || { fail "not one clear line on stderr: frontline $shown"; sed 's/^/    /' "$WORK/err" >&2; }
  fi
}

# 1. Every command, fed bad numbers, empty values and unknown options: exit 2, nothing created.
NODB="$WORK/never-created.db"
HUGE=99999999999999999999999
S=failed-verification
while IFS= read -r line; do
  [ -z "$line" ] && continue
  eval "args=($line)"
  expect 2 "${args[@]}" --db "$NODB"
done <<CASES
play $S --seed abc --answers 1
play $S --seed $HUGE --answers 1
play $S --seed -1 --answers 1
play $S --seed '' --answers 1
play $S --answer-after x --answers 1
play $S --answer-after 99999999999 --answers 1
play $S --answer-after -5 --answers 1
play $S --answers w99999999999
play $S --answers $HUGE
play $S --answers k$HUGE
play $S --answers 1,k0
play $S --answers 0
play $S --answers ''
play $S --answers ,,,
play $S --answers
play $S --bogus 1 --answers 1
play $S --json=1 --answers 1
play
history --limit x
history --limit $HUGE
history --limit -1
history --limit ''
history --show abc
history --show $HUGE
history --show 0
history --show ''
history --bogus 1
history --json --json
quiz inbound-l1-exam --seed abc
quiz inbound-l1-exam --seed $HUGE
quiz inbound-l1-exam --seed ''
quiz inbound-l1-exam --bogus
settings set ring_seconds abc
settings set ring_seconds 100000
settings set ring_seconds $HUGE
settings set ring_seconds ''
settings set ring_seconds -5
settings set ring_seconds 1e999
settings set answer_within_rings 2147483647
settings set target_handle_time_minutes 99999999
settings set certificate_validity_months 100000
settings set certificate_validity_months -5
settings set target_csat nan
settings set company_name ''
settings set nope 1
settings set ring_seconds
settings frobnicate
settings --bogus
trainees add ''
trainees add
trainees --bogus 1
recover --bogus 1
recover extra
certify status --at ''
certify status --at yesterday
certify status --bogus 1
certify list --trainee ''
certify frobnicate
certify
verify --at ''
verify some.badge.json --bogus
validate --bogus
coverage --bogus 1
CASES
[ -e "$NODB" ] && fail "a command that failed on its arguments created the database"
expect 2 settings set nope 1 --db "$WORK/new.db"
[ -e "$WORK/new.db" ] && fail "settings set nope 1 created new.db"

# 2. --version, help CMD, and a range the error names.
expect 0 --version
grep -qE '^frontline [0-9]+\.[0-9]+' "$WORK/out" || fail "--version prints no version"
expect 0 help play
grep -q 'usage: frontline play' "$WORK/out" || fail "help play does not print play's usage"
expect 0 help settings
grep -q 'certificate_validity_months *1 to 120 months' "$WORK/out" || fail "help settings does not list the ranges"
expect 2 help nope
expect 2 settings set ring_seconds 100000 --db "$NODB"
grep -q "'ring_seconds'.*1 to 30 seconds" "$WORK/err" || fail "the range error does not name the key and the range"

# 3. Values at the edges of their ranges are accepted.
DB="$WORK/edge.db"
expect 0 settings set ring_seconds 30 --db "$DB"
expect 0 settings set certificate_validity_months 120 --db "$DB"
expect 0 settings set target_csat 4.5 --db "$DB"
expect 0 history --limit 0 --db "$DB"
[ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'ring_seconds'")" = 30 ] || fail "ring_seconds 30 was not saved"

# 4. Text that is not UTF-8 is refused on the way in, before anything is created.
LATIN1=$'Zo\xe9'
expect 2 trainees add "$LATIN1" --db "$NODB"
expect 2 play $S --answers 1 --trainee "$LATIN1" --db "$NODB"
expect 2 play $S --answers 1 --notes "caf"$'\xe9' --db "$NODB"
expect 2 settings set company_name "$LATIN1" --db "$NODB"
expect 2 certify issue --trainee "$LATIN1" --db "$NODB"
[ -e "$NODB" ] && fail "refused text created the database"

# 5. What is already stored cannot make a command abort: a Latin-1 name written by an older version.
GOLDEN="$SRC/scenarios/content/golden/$S.golden.json"
ANSWERS=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(','.join(c.replace('wait:','w') for c in p['choices']))" "$GOLDEN")
DB="$WORK/names.db"
# Also the longest wait and answer delay and the largest seed (a day of silence may end the call).
expect 0 play $S --answers "w86400,$ANSWERS" --answer-after 86400 --seed 18446744073709551615 --trainee "Latin One" --db "$DB"
expect 0 play $S --answers "$ANSWERS" --seed 1 --trainee "Zoë Ñúñez Ortega-Villanueva" --json --db "$DB"
is_json "$WORK/out" || fail "play --json after saving is not valid JSON"
sqlite3 "$DB" "UPDATE trainees SET name = CAST(X'5A6FE9' AS TEXT) WHERE name = 'Latin One'"
for cmd in "certify status --json" "history --json" "trainees --json" "certify list --json" "history --show 1 --json"; do
  expect 0 $cmd --db "$DB"
  is_json "$WORK/out" || fail "$cmd is not valid JSON with a Latin-1 name stored"
done
expect 0 trainees --db "$DB"
expect 0 history --db "$DB"
grep -q 'Zoë Ñúñez Orte… ' "$WORK/out" || { fail "history does not cut the name at a character"; cat "$WORK/out" >&2; }

# 6. A certificate row holding invalid UTF-8 (found by fuzzing the store): a clear error, exit 1.
cp "$SRC/tests/fixtures/repro/store-crash-6feef5ee274539631c6133c366bb7df0a7b6bda3" "$WORK/crash.db"
chmod u+w "$WORK/crash.db"
CERT=$(sqlite3 "$WORK/crash.db" "SELECT id FROM certificates LIMIT 1")
pushd "$WORK" > /dev/null
expect 1 certify export "$CERT" --db "$WORK/crash.db"
popd > /dev/null
grep -q 'not valid UTF-8' "$WORK/err" || { fail "certify export does not say what is wrong with the row"; cat "$WORK/err" >&2; }
[ "$(wc -l < "$WORK/err")" = 1 ] || fail "certify export error is not one line"
ls "$WORK"/*.badge.json "$WORK"/*.pdf > /dev/null 2>&1 && fail "certify export wrote a file from a damaged row"
expect 0 certify list --json --db "$WORK/crash.db"
is_json "$WORK/out" || fail "certify list --json on the damaged certificate is not valid JSON"

# 7. With --json a failure is also one JSON object on stdout (the line on stderr stays).
json_error() {  # json_error KIND TEXT: stdout is {"ok": false, "kind": KIND, "error": "...TEXT..."}
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["ok"] is False and d["kind"] == sys.argv[1] and sys.argv[2] in d["error"], d' \
    "$1" "$2" < "$WORK/out" || fail "no JSON error object ($1, '$2') on stdout"
}
expect 2 history --limit x --json --db "$NODB"
json_error usage "--limit"
expect 2 certify frobnicate --json
json_error usage "unknown certify subcommand"
expect 1 play no-such-scenario --no-record --json
json_error failure "no playable scenario"
expect 1 certify export no-such-certificate --json --db "$WORK/edge.db"
json_error failure "no certificate"
expect 0 play --list --json
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["scenarios"] and all(s["id"] and s["title"] for s in d["scenarios"])' \
  < "$WORK/out" || fail "play --list --json does not list the scenarios"
[ -e "$NODB" ] && fail "a --json command that failed on its arguments created the database"

# 8. The window's options go through the same checked parser, before any window opens.
for args in "--exit-after-frames x" "--exit-after-frames $HUGE" "--exit-after-frames -1" "--size 1280" "--size 10x10" \
            "--size 1280xabc" "--size 99999999999x800" "--bogus 1" "--db" "--trainee ''" "--db $NODB --db $NODB" "stray"; do
  eval "args=($args)"
  expect 2 "${args[@]}"
done
[ -e "$NODB" ] && fail "a window option error created the database"

[ "$failures" = 0 ] || { echo "cli_abuse: $failures failure(s)" >&2; exit 1; }
echo "cli_abuse: all checks passed"
