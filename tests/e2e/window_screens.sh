#!/usr/bin/env bash
# Screenshot mode renders every screen of the trainer to a PNG in a real (virtual) window: each
# one must exist, be the requested size and hold a real picture (many colours, not a blank fill).
#   bash tests/e2e/window_screens.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
for tool in xvfb-run identify; do
  command -v "$tool" >/dev/null || { echo "window_screens: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" "$BIN" --content "$SRC/scenarios/content" --size 1280x800 \
  --screenshot-dir "$TMP" --screenshot-screens all >"$TMP/list.txt"

screens="welcome profile home library ringing call wrapup chat debrief history settings"
fail=0
for s in $screens; do
  png="$TMP/$s.png"
  if [ ! -s "$png" ]; then echo "window_screens: $s.png missing"; fail=1; continue; fi
  size=$(identify -format '%wx%h' "$png")
  colours=$(identify -format '%k' "$png")
  bytes=$(stat -c %s "$png")
  echo "window_screens: $s.png $size, $colours colours, $bytes bytes"
  [ "$size" = "1280x800" ] || { echo "  wrong size"; fail=1; }
  [ "$colours" -gt 200 ] || { echo "  too few colours: blank or broken"; fail=1; }
  [ "$bytes" -gt 20000 ] || { echo "  suspiciously small"; fail=1; }
done
exit $fail
