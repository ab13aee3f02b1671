#!/usr/bin/env bash
# The real trainer in a real (virtual) window: create a profile with the keyboard, start a call
# from the library with the mouse, play it to the end with number keys and desk buttons, fill the
# wrap-up, and check with sqlite3 that the attempt landed. Widgets are found through the app's
# FRONTLINE_UI_TRACE file (labels and centres), then clicked and typed into with xdotool.
#   bash tests/e2e/window_play.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")

if [ "${3:-}" != "--inner" ]; then
  for tool in xvfb-run xdotool sqlite3; do
    command -v "$tool" >/dev/null || { echo "window_play: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
  done
  exec xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" bash "$0" "$BIN" "$SRC" --inner
fi

TMP=$(mktemp -d)
DB="$TMP/e2e.db"
TRACE="$TMP/trace.tsv"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

FRONTLINE_UI_TRACE="$TRACE" "$BIN" --db "$DB" --content "$SRC/scenarios/content" --size 1280x800 >"$TMP/app.log" 2>&1 &
APP_PID=$!
WID=$(timeout 30 xdotool search --sync --onlyvisible --name "Frontline" | head -1)
[ -n "$WID" ] || { echo "window_play: no window appeared"; cat "$TMP/app.log"; exit 1; }
xdotool windowfocus --sync "$WID" 2>/dev/null || true

trace() { cat "$TRACE" 2>/dev/null || true; }
# grep without -q reads all its input, so cut never dies of SIGPIPE under pipefail.
has() { trace | cut -f1 | grep -xF -- "$1" >/dev/null; }
enabled_labels() { trace | awk -F'\t' -v re="$1" '$1 ~ re && $4 == 1 { print $1 }' | sort; }
wait_for() {
  for _ in $(seq 150); do has "$1" && return 0; sleep 0.1; done
  echo "window_play: timed out waiting for '$1'. On screen:"; trace | cut -f1; exit 1
}
click() {
  wait_for "$1"
  local x y
  read -r x y < <(trace | awk -F'\t' -v l="$1" '$1 == l { print $2, $3; exit }')
  xdotool mousemove --window "$WID" "$x" "$y" click 1
  sleep 0.5
}
key() { xdotool key "$@"; sleep 0.5; }
type_text() { xdotool type --delay 15 "$1"; sleep 0.5; }

# First run: the welcome screen focuses the name field.
wait_for "Your name"
type_text "Robin Tester"
key Return
wait_for "Play now"

# Library: pick the model call with the mouse, and play it.
click "Scenarios"
click "model-inbound-call"
click "Play"
wait_for "Answer"
key Return
wait_for "Option 1"
has "Open CRM record" && click "Open CRM record"

for _ in $(seq 40); do
  has "Submit wrap-up" && break
  option=$(enabled_labels '^Option [1-9]$' | head -1)
  if [ -n "$option" ]; then
    key "${option#Option }"
    continue
  fi
  action=$(enabled_labels '^Desk action: verify pass$' | head -1)
  [ -n "$action" ] || action=$(enabled_labels '^Desk action: ' | head -1)
  if [ -n "$action" ]; then click "$action"; continue; fi
  if has "Transfer..."; then
    click "Transfer..."
    click "$(enabled_labels '^Desk action: transfer warm' | head -1)"
    continue
  fi
  sleep 0.3
done
wait_for "Submit wrap-up"

click "Disposition"
click "$(trace | cut -f1 | grep '^Disposition:' | head -1)"
click "Category"
click "$(trace | cut -f1 | grep '^Category:' | head -1)"
click "Notes"
type_text "Caller verified against the CRM; question answered and resolved on the call."
click "Submit wrap-up"
wait_for "Debrief points"

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
row=$(sqlite3 "$DB" "SELECT count(*), min(a.scenario_id), min(t.name) FROM attempts a JOIN trainees t ON t.id = a.trainee_id")
echo "window_play: stored attempts: $row"
[ "$row" = "1|model-inbound-call|Robin Tester" ] || { echo "window_play: expected one attempt of model-inbound-call by Robin Tester"; exit 1; }
echo "window_play: ok"
