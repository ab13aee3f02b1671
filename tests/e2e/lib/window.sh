# Sourced by the real-window tests (window_play.sh, window_keyboard.sh): re-runs the calling script
# under Xvfb, starts the trainer on a new database with its FRONTLINE_UI_TRACE file (the widgets on
# screen: label, centre x, centre y, enabled), and reads and drives that window with xdotool.
# The caller sets NAME (for messages), BIN and SRC, calls under_xvfb "$0" "$@", then start_window.

# Re-executes the caller under its own virtual display (a random display number: two tests that
# start at once must not both take :99). Returns only inside it.
under_xvfb() {
  local script="$1"; shift
  if [ "${INNER:-}" != 1 ]; then
    for tool in xvfb-run xdotool sqlite3; do
      command -v "$tool" >/dev/null || { echo "$NAME: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
    done
    INNER=1 exec xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" bash "$script" "$@"
  fi
}

APP_PID=""
cleanup_window() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$TMP"
}

# Sets TMP, DB (the new database) and TRACE, and leaves the window focused with its id in WID.
start_window() {
  TMP=$(mktemp -d)
  DB="$TMP/e2e.db"
  TRACE="$TMP/trace.tsv"
  trap cleanup_window EXIT
  FRONTLINE_UI_TRACE="$TRACE" "$BIN" --db "$DB" --content "$SRC/scenarios/content" --size 1280x800 >"$TMP/app.log" 2>&1 &
  APP_PID=$!
  WID=$(timeout 30 xdotool search --sync --onlyvisible --name "Frontline" | head -1)
  [ -n "$WID" ] || { echo "$NAME: no window appeared"; cat "$TMP/app.log"; exit 1; }
  xdotool windowfocus --sync "$WID" 2>/dev/null || true
}
stop_window() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

trace() { cat "$TRACE" 2>/dev/null || true; }
# grep without -q reads all its input, so cut never dies of SIGPIPE under pipefail.
has() { trace | cut -f1 | grep -xF -- "$1" >/dev/null; }
enabled_labels() { trace | awk -F'\t' -v re="$1" '$1 ~ re && $4 == 1 { print $1 }' | sort; }
fail() { echo "$NAME: $1. On screen:"; trace | cut -f1; tail -5 "$TMP/app.log"; exit 1; }
wait_for() {
  for _ in $(seq 150); do has "$1" && return 0; sleep 0.1; done
  fail "timed out waiting for '$1'"
}
click() {
  wait_for "$1"
  local x y
  read -r x y < <(trace | awk -F'\t' -v l="$1" '$1 == l { print $2, $3; exit }')
  xdotool mousemove --window "$WID" "$x" "$y" click 1
  sleep 0.5
}
# Real key events (xdotool key/type without --window: a synthetic event sent to a window is one
# GLFW ignores).
key() { xdotool key "$@"; sleep 0.4; }
type_text() { xdotool type --delay 15 "$1"; sleep 0.4; }
