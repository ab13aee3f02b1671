#!/usr/bin/env bash
# Trains a zstd dictionary for stored event logs (app/store/src/log_dictionary.hpp) on logs of the
# bundled scenarios played by `frontline demo`. A dictionary in use is frozen (stored logs name it
# by id): a new one goes beside it with the next id (0x46524E02…) and the reader learns both.
#   scripts/train-log-dictionary.sh BUILD_DIR OUT.zdict DICT_ID
set -euo pipefail
build=${1:?build dir}; out=${2:?output file}; id=${3:?dictionary id, e.g. 1179799042}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$build/app/frontline" demo --trainees 100 --attempts 20000 --db "$work/center.db" >/dev/null
mkdir "$work/logs"
# Every tenth log, decompressed (they are stored compressed with the current dictionary).
sqlite3 "$work/center.db" "SELECT writefile('$work/logs/' || attempt_id || '.zst', event_log)
                           FROM attempt_details WHERE attempt_id % 10 = 3" >/dev/null
zstd -q -d --rm -D app/store/dictionaries/attempt-log-1.zdict "$work"/logs/*.zst
zstd -q --train "$work"/logs/* --maxdict=65536 --dictID="$id" -o "$out"
