#!/usr/bin/env bash
# The real window in Spanish: --language es (and FRONTLINE_LANGUAGE=es without it) draws Home's
# labels in Spanish, read back from the FRONTLINE_UI_TRACE file; an unknown code is a usage error.
#   bash tests/e2e/window_spanish.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
command -v xvfb-run >/dev/null || { echo "window_spanish: xvfb-run is missing (scripts/install-deps.sh installs it)"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# Home for a new trainee, a few frames in a virtual screen, then the labels drawn in the last one.
home_labels() {  # name, then environment assignments for the window, then its options
  local name=$1; shift
  local vars=()
  while [[ "${1:-}" == *=* ]]; do vars+=("$1"); shift; done
  env "${vars[@]}" FRONTLINE_UI_TRACE="$TMP/$name.tsv" xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" \
    "$BIN" --db "$TMP/$name.db" --content "$SRC/scenarios/content" --trainee "Ana Lima" --size 1280x800 \
    --exit-after-frames 2 "$@" >"$TMP/$name.log" 2>&1 || { echo "window_spanish: $name: the window failed"; cat "$TMP/$name.log"; exit 1; }
  cut -f1 "$TMP/$name.tsv" >"$TMP/$name.txt"
}
expect() {  # name, label, wanted (yes|no)
  local found=no
  grep -qxF "$2" "$TMP/$1.txt" && found=yes
  if [ "$found" != "$3" ]; then echo "window_spanish: $1: '$2' drawn: $found, wanted $3"; fail=1; fi
}

home_labels option --language es
for label in "Inicio" "Escenarios" "Jugar ahora"; do expect option "$label" yes; done
expect option "Play now" no
home_labels env FRONTLINE_LANGUAGE=es
expect env "Jugar ahora" yes
home_labels english FRONTLINE_LANGUAGE=en
expect english "Play now" yes

# An unknown language is refused before any window opens: exit 2, the codes it knows named.
code=0
"$BIN" --language tlh --size 1280x800 >"$TMP/usage.log" 2>&1 || code=$?
if [ "$code" != 2 ] || ! grep -q -- "--language wants one of en, es" "$TMP/usage.log"; then
  echo "window_spanish: --language tlh: exit $code, $(cat "$TMP/usage.log")"; fail=1
fi
[ $fail -eq 0 ] && echo "window_spanish: Home in Spanish through --language and FRONTLINE_LANGUAGE, English otherwise"
exit $fail
