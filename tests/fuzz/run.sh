#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS (default 60) each, after `make fuzz`.
#   tests/fuzz/run.sh 30                      # what CI runs
#   FUZZ_HARNESSES="scenario sop" tests/fuzz/run.sh 3600
# Each input has 1 s (-timeout=1: a content file that takes longer to load and validate is a
# finding, like a crash). Seeds are regenerated from the bundled content into
# build-fuzz/fuzz/seeds; what the fuzzer learns accumulates in build-fuzz/fuzz/corpus; a crash,
# timeout, leak or out-of-memory input is written to build-fuzz/fuzz/findings/<harness>/.
# FUZZ_TIMEOUT overrides the 1 s (it is wall-clock time: on a machine loaded far beyond its cores,
# inputs that take 0.6 s of CPU can exceed it).
# Prints one line per harness (executions, outcome) and exits non-zero if any harness failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${1:-60}
harnesses=${FUZZ_HARNESSES:-scenario questions exam policy path golden settings sop verify store}
work=$build/fuzz

if [ ! -x "$build/tests/fuzz/fuzz_make_seeds" ]; then
  echo "run.sh: no harnesses in $build: run 'make fuzz' first" >&2
  exit 2
fi
rm -rf "$work/seeds" "$work/tmp"
mkdir -p "$work/tmp"
export TMPDIR=$work/tmp  # each harness writes its inputs to a scratch file there
"$build/tests/fuzz/fuzz_make_seeds" "$work/seeds" || exit 2

failed=0
for harness in $harnesses; do
  mkdir -p "$work/corpus/$harness" "$work/findings/$harness"
  log=$work/$harness.log
  "$build/tests/fuzz/fuzz_$harness" "$work/corpus/$harness" "$work/seeds/$harness" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-1}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/findings/$harness/" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    printf '%-10s ok      %10s executions in %ss\n' "$harness" "${execs:-?}" "$seconds"
  else
    failed=1
    finding=$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log")
    printf '%-10s FAILED  %10s executions (exit %s): %s\n' "$harness" "${execs:-?}" "$rc" "$finding"
    ls -1 "$work/findings/$harness" | sed 's/^/           input: /'
    echo "           log: $log"
  fi
done
exit $failed
