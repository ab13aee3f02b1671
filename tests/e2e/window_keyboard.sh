#!/usr/bin/env bash
# Keyboard only (issue 15): in the real window, a new hire creates their profile, plays a call, two
# chats and an exam from start to debrief with xdotool KEYS ONLY — no mouse event is sent. Which
# key to press is read from the app's FRONTLINE_UI_TRACE file (the widgets on screen and whether
# they are enabled), the way a trainee reads the screen; the keys are the README's keyboard map.
# Checks with sqlite3 that the call, both chats and the exam were recorded. Not one click.
#   bash tests/e2e/window_keyboard.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
NAME=window_keyboard
. "$SRC/tests/e2e/lib/window.sh"
under_xvfb "$0" "$@"
start_window
enabled() { trace | awk -F'\t' -v l="$1" '$1 == l && $4 == 1 { found = 1 } END { exit !found }'; }
labels() { trace | cut -f1 | grep -E -- "$1" || true; }

# The desk's F5.. keys play the keyed actions in the order the desk keys them: verify decisions,
# then hold and resume, then Transfer... (README "Keyboard"). Prints the key for label $1.
desk_key() {
  local keyed n=5
  keyed=$( (labels '^Desk action: verify '; labels '^Desk action: (hold|hold asked|resume)$'; labels '^Transfer\.\.\.$') )
  while read -r label; do
    [ "$label" = "$1" ] && { echo "F$n"; return; }
    n=$((n + 1))
  done <<<"$keyed"
}

# The wrap-up by keys: first disposition and category, notes typed, Ctrl+Enter.
wrap_up() {
  key Down; key Tab; key Down; key Tab
  type_text "Verified against the CRM; resolved on contact."
  key ctrl+Return
}

# One live interaction's next move: a reply by digit, else the verify/hold/resume decision by its
# F-key, else the transfer dialog (F-key, then 1 for the first, warm, team). False when none.
next_move() {
  local option
  option=$(trace | awk -F'\t' '$1 ~ /^Option [1-9]$/ && $4 == 1 { print $1; exit }')
  if [ -n "$option" ]; then key "${option#Option }"; return 0; fi
  for action in "Desk action: verify pass" "Desk action: hold asked" "Desk action: hold" "Desk action: resume"; do
    if enabled "$action"; then key "$(desk_key "$action")"; return 0; fi
  done
  if has "Transfer..."; then key "$(desk_key "Transfer...")"; key 1; return 0; fi
  return 1
}

# ---- first run: the name field has the cursor; Enter creates the profile ----
wait_for "Your name"
type_text "Kit Keyboard"
key Return
wait_for "Play now"

# ---- a call: Alt+2 opens the library, Down selects, Enter plays, Enter answers ----
pick_scenario() {
  key alt+2
  wait_for "Search scenarios"
  key Home
  for _ in $(seq 40); do has "Selected scenario:$1" && break; key Down; done
  has "Selected scenario:$1" || fail "Down never selected $1"
  key Return
}
pick_scenario model-inbound-call
wait_for "Answer"
key Return
wait_for "Open CRM record"
key F4  # the Verify tab's tool: the CRM record
for _ in $(seq 60); do
  has "Submit wrap-up" && break
  next_move || sleep 0.3
done
wait_for "Submit wrap-up"
wrap_up
wait_for "Debrief points"
key Escape  # Home
wait_for "Play now"

# ---- two chats at once: Ctrl+1/2 switch, the desk moves on to the chat that needs the agent ----
pick_scenario chat-concurrent-a
for _ in $(seq 200); do
  has "Debrief points" && break
  if has "Submit wrap-up"; then wrap_up; continue; fi
  next_move && continue
  if has "Accept chat"; then key Return; continue; fi
  key ctrl+2; next_move && continue
  key ctrl+1; next_move && continue
  sleep 0.4
done
wait_for "Debrief points"
for _ in $(seq 3); do has "Next chat's debrief" && key Return; done
key Escape
wait_for "Play now"

# ---- an exam: Alt+4 opens Quizzes, Enter starts the first exam; answers by letter, Enter moves on ----
key alt+4
wait_for "Start exam:inbound-l1-exam"
for _ in $(seq 10); do has "Picked exam:inbound-l1-exam" && break; key Down; done
key Return
wait_for "Quiz progress"
for _ in $(seq 80); do
  has "Quiz progress" || break
  if has "Choice a"; then key a
  elif has "Match 1"; then for letter in a b c d e f; do key "$letter"; done
  elif has "Up 2"; then key Down; key ctrl+Up
  fi
  key Return  # Next, or Submit exam on the last question
done
has "Result: passed" || has "Result: not passed" || fail "the exam's result never showed"

stop_window
calls=$(sqlite3 "$DB" "SELECT count(*) FROM attempts WHERE scenario_id = 'model-inbound-call'")
chats=$(sqlite3 "$DB" "SELECT count(*) FROM attempts WHERE channel = 'chat'")
exams=$(sqlite3 "$DB" "SELECT count(*) FROM quiz_attempts WHERE mode = 'exam'")
echo "window_keyboard: stored: $calls call, $chats chats, $exams exam"
[ "$calls" = 1 ] && [ "$chats" = 2 ] && [ "$exams" = 1 ] || { echo "window_keyboard: expected 1 call, 2 chats and 1 exam"; exit 1; }
echo "window_keyboard: ok"
