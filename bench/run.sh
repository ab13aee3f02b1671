#!/usr/bin/env bash
# Runs the benchmarks; each prints its figure against a floor measured in the same run.
#   bash bench/run.sh [build-dir]        (make bench)
# Window benchmarks need a display: they run under xvfb-run (Mesa llvmpipe) when one is missing.
set -euo pipefail
BUILD=${1:-build}
SRC=$(cd "$(dirname "$0")/.." && pwd)
CONTENT="$SRC/scenarios/content"
BIN="$BUILD/app/frontline"
BENCH="$BUILD/bench"
[ -x "$BIN" ] || { echo "bench: build first ($BIN is missing)"; exit 1; }

with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1280x800x24" "$@"; fi
}

echo "== frame CPU (headless) =="
"$BENCH/bench_frame" "$CONTENT"
echo "== start to first frame =="
with_display "$BENCH/bench_startup" "$BIN" "$CONTENT"
echo "== idle CPU =="
with_display "$BENCH/bench_idle" "$BIN" "$CONTENT"
echo "== terminal commands' content load =="
"$BENCH/bench_cli_load" "$BIN" "$CONTENT"
echo "== a demo center (FRONTLINE_BENCH_CENTER=500x1000000 for the issue's size) =="
"$BENCH/bench_center" "$CONTENT"
# Other benchmarks (store, scoring…) take no arguments.
for b in "$BENCH"/bench_*; do
  case "$(basename "$b")" in bench_frame|bench_startup|bench_idle|bench_cli_load|bench_store_engines|bench_center) continue ;; esac
  [ -x "$b" ] && [ -f "$b" ] || continue
  echo "== $(basename "$b") =="
  "$b"
done

# The store on both engines, side by side: a throwaway PostgreSQL cluster on loopback.
echo "== store: SQLite and PostgreSQL =="
PG_STATE=$(mktemp -d "${TMPDIR:-/tmp}/frontline-bench-pg.XXXXXX")
trap 'bash "$SRC/scripts/pg-test-cluster.sh" stop "$PG_STATE/state"; rm -rf "$PG_STATE"' EXIT
PG_URL=$(FRONTLINE_PG_FSYNC=on bash "$SRC/scripts/pg-test-cluster.sh" start "$PG_STATE/state" || true)
"$BENCH/bench_store_engines" "${STORE_BENCH_ATTEMPTS:-2000}" ${PG_URL:+"$PG_URL"}
