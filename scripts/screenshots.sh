#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the trainer's screenshot mode (demo trainee, staged
# screens) in a virtual window: `make screenshots`, or bash scripts/screenshots.sh [build-dir].
# Every screen at 1280x800 (SIZE), then the README's main screens again at 1920x1080 into
# docs/screenshots/1920/ (WIDE_SCREENS; empty skips them). LANGUAGE_CODE=es renders the window in
# that language into docs/screenshots/es/ instead (no wide set unless WIDE_SCREENS is given).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
BIN="$BUILD/app/frontline"
[ -x "$BIN" ] || { echo "screenshots: build first ($BIN is missing)"; exit 1; }
OUT="$SRC/docs/screenshots"
LANG_ARGS=()
if [ -n "${LANGUAGE_CODE:-}" ]; then
  OUT="$OUT/$LANGUAGE_CODE"
  LANG_ARGS=(--language "$LANGUAGE_CODE")
  WIDE_SCREENS=${WIDE_SCREENS-}
fi
mkdir -p "$OUT"
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}
run "$BIN" --content "$SRC/scenarios/content" --size "${SIZE:-1280x800}" --screenshot-dir "$OUT" --screenshot-screens "${SCREENS:-all}" "${LANG_ARGS[@]}"
WIDE_SCREENS=${WIDE_SCREENS-home,call,wrapup,debrief,chat,team}
if [ -n "$WIDE_SCREENS" ]; then
  mkdir -p "$OUT/1920"
  run "$BIN" --content "$SRC/scenarios/content" --size 1920x1080 --screenshot-dir "$OUT/1920" --screenshot-screens "$WIDE_SCREENS" "${LANG_ARGS[@]}"
fi
echo "screenshots: written to $OUT"
