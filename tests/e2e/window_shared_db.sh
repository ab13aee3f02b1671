#!/usr/bin/env bash
# The window and the CLI on one database file (a manager checking, a script exporting while a
# trainee plays). Regression for a data loss: the window's background integrity check once
# sniffed the file's header through a second descriptor; closing it dropped the window's POSIX
# locks, the next CLI command took itself for the last user and deleted the -wal under the
# window, and everything the window wrote from then on went into a deleted file.
# Checks, with two real processes: the window keeps a live -wal and no deleted descriptor after
# CLI commands ran; what the window writes afterwards survives kill -9; and (strace) no open of
# the database file in the window ever bypasses SQLite's read-write open.
#   bash tests/e2e/window_shared_db.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")

if [ "${3:-}" != "--inner" ]; then
  for tool in xvfb-run xdotool sqlite3 strace; do
    command -v "$tool" >/dev/null || { echo "window_shared_db: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
  done
  exec xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" bash "$0" "$BIN" "$SRC" --inner
fi

TMP=$(mktemp -d)
DB="$TMP/shared.db"
TRACE="$TMP/trace.tsv"
STRACE_PID=""
cleanup() {
  [ -n "$STRACE_PID" ] && kill -9 "$STRACE_PID" 2>/dev/null || true
  pkill -9 -f -- "--db $DB" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "window_shared_db: $*"; exit 1; }

strace -f -qq -e trace=open,openat -o "$TMP/opens.txt" \
  env FRONTLINE_UI_TRACE="$TRACE" "$BIN" --db "$DB" --content "$SRC/scenarios/content" --size 1280x800 \
  >"$TMP/app.log" 2>&1 &
STRACE_PID=$!
WID=$(timeout 60 xdotool search --sync --onlyvisible --name "Frontline" | head -1)
[ -n "$WID" ] || { cat "$TMP/app.log"; fail "no window appeared"; }
APP=$(pgrep -f -n -- "--db $DB --content")
xdotool windowfocus --sync "$WID" 2>/dev/null || true

has() { cut -f1 "$TRACE" 2>/dev/null | grep -xF -- "$1" >/dev/null; }
for _ in $(seq 150); do has "Your name" && break; sleep 0.1; done
has "Your name" || fail "the welcome screen did not show"
# The background integrity check (a second connection in the window) is done within a moment.
for _ in $(seq 100); do
  [ "$(grep -c "\"$DB\"" "$TMP/opens.txt" || true)" -ge 2 ] && break; sleep 0.1
done
sleep 1

# Meanwhile, on the command line (reading is enough: every command opens and closes the file).
"$BIN" history --db "$DB" --content "$SRC/scenarios/content" >/dev/null
"$BIN" trainees --db "$DB" >/dev/null

[ -e "$DB-wal" ] || fail "the window's -wal was deleted by a CLI command"
if ls -l "/proc/$APP/fd" | grep -F "$DB" | grep -q "(deleted)"; then
  ls -l "/proc/$APP/fd" | grep -F "$DB"; fail "the window writes into a deleted file"
fi

# The window writes now: the first-run form creates the trainee.
xdotool type --delay 15 "Robin Window"; sleep 0.3; xdotool key Return
for _ in $(seq 100); do has "Play now" && break; sleep 0.1; done
has "Play now" || { cut -f1 "$TRACE" | head -30; cat "$TMP/app.log"; fail "the window did not create the profile"; }
"$BIN" trainees add "Written by the CLI" --db "$DB" >/dev/null
kill -9 "$APP"; wait "$STRACE_PID" 2>/dev/null || true; STRACE_PID=""

names=$(sqlite3 "$DB" "SELECT name FROM trainees ORDER BY name")
echo "$names" | grep -qx "Robin Window" || fail "the window's write was lost after kill -9 (trainees: $names)"
echo "$names" | grep -qx "Written by the CLI" || fail "the CLI's write was lost (trainees: $names)"
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "the file is damaged"

# Every open of the database file itself is SQLite's read-write open: nothing else opened it.
opens=$(grep -F "\"$DB\"" "$TMP/opens.txt" || true)
[ -n "$opens" ] || fail "strace saw no open of the database"
if echo "$opens" | grep -v "O_RDWR" | grep -q .; then
  echo "$opens"; fail "the database file was opened outside SQLite's read-write open"
fi
echo "window_shared_db: ok ($(echo "$opens" | wc -l) SQLite opens of the file, -wal kept, writes survive kill -9)"
