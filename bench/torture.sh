#!/usr/bin/env bash
# The store torture test at full size: the window's store path, two CLI writers and a reader on
# one file, until 1,000 kill -9 have landed (tests run a 20-second version). Prints the tally and
# the verification; exits non-zero if anything reported saved is missing or duplicated.
#   bash bench/torture.sh [BUILD_DIR] [KILLS]
set -euo pipefail
BUILD=${1:-build}
KILLS=${2:-1000}
"$BUILD/tests/frontline_torture" --frontline "$BUILD/app/frontline" --kills "$KILLS" --seed "${SEED:-$RANDOM}"
