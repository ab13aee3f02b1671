#!/usr/bin/env bash
# Replays every golden play-through (scenarios/content/golden/) through the current engine and
# scorer and rewrites its `expect` block; prints every changed value ("name: stars 3 -> 2") so the
# change can be reviewed before committing. A play-through that no longer replays is reported and
# left as it was. Usage: scripts/update-golden.sh [BUILD_DIR] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
shift || true
cmake --build "$BUILD" --target frontline_update_golden >/dev/null
"$BUILD/tests/frontline_update_golden" "$PWD/scenarios/content" "$@"
