#!/usr/bin/env bash
# The real trainer in a real (virtual) window: create a profile with the keyboard, start a call
# from the library with the mouse, play it to the end with number keys and desk buttons, fill the
# wrap-up, and check with sqlite3 that the attempt landed. Widgets are found through the app's
# FRONTLINE_UI_TRACE file (labels and centres), then clicked and typed into with xdotool.
#   bash tests/e2e/window_play.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
NAME=window_play
. "$SRC/tests/e2e/lib/window.sh"
under_xvfb "$0" "$@"
start_window

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

stop_window
row=$(sqlite3 "$DB" "SELECT count(*), min(a.scenario_id), min(t.name) FROM attempts a JOIN trainees t ON t.id = a.trainee_id")
echo "window_play: stored attempts: $row"
[ "$row" = "1|model-inbound-call|Robin Tester" ] || { echo "window_play: expected one attempt of model-inbound-call by Robin Tester"; exit 1; }
echo "window_play: ok"
