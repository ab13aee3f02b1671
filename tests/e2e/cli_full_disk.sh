#!/usr/bin/env bash
# A database on a full disk (a real 2 MB tmpfs, in a private mount namespace): `frontline play`
# says before the call that the attempt cannot be saved, plays it, fails to save it without
# damaging the file, and keeps it in the recovery folder; once there is room, `frontline recover`
# saves it exactly once. Needs root for the mount (as CI runs); elsewhere it is skipped (77).
#   bash tests/e2e/cli_full_disk.sh FRONTLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
if [ "${3:-}" != "--inner" ]; then
  [ "$(id -u)" = 0 ] || { echo "cli_full_disk: needs root to mount a small tmpfs; skipped"; exit 77; }
  exec unshare -m bash "$0" "$BIN" "$SRC" --inner
fi
fail() { echo "cli_full_disk: $*"; exit 1; }

TMP=$(mktemp -d)
trap 'umount "$TMP/disk" 2>/dev/null || true; rm -rf "$TMP"' EXIT
mkdir -p "$TMP/disk" "$TMP/home"
mount -t tmpfs -o size=2m tmpfs "$TMP/disk"
export XDG_DATA_HOME="$TMP/home"   # the recovery folder is on the roomy disk
DB="$TMP/disk/full.db"

"$BIN" trainees add "Dana Full" --db "$DB" >/dev/null

# With nothing holding the file, a full disk cannot even take the -shm: refused in plain words.
dd if=/dev/zero of="$TMP/disk/filler" bs=4k >/dev/null 2>&1 || true
set +e; "$BIN" trainees --db "$DB" >"$TMP/open.out" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] && grep -q "the disk is full or failing" "$TMP/open.out" || { cat "$TMP/open.out"; fail "a full disk at open is not reported plainly"; }
rm -f "$TMP/disk/filler"

# A reader keeps the file open (its -shm exists), as the window of another trainee would.
sqlite3 "$DB" >/dev/null 2>&1 < <(echo "SELECT count(*) FROM trainees;"; sleep 120) &
READER=$!
shm_ready() { [ -e "$DB-shm" ] && [ "$(stat -c %s "$DB-shm")" -ge 32768 ]; }
for _ in $(seq 100); do if shm_ready; then break; fi; sleep 0.1; done
shm_ready || fail "the reader did not open the database"
sleep 0.5
dd if=/dev/zero of="$TMP/disk/filler" bs=4k >/dev/null 2>&1 || true   # until the disk is full

mapfile -d '' PLAY < <(python3 - "$SRC/scenarios/content/golden/failed-verification.golden.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["playthroughs"][0]
choices = ["w" + c[5:] if c.startswith("wait:") else c for c in p["choices"]]
args = ["--answers", ",".join(choices), "--seed", str(p.get("seed", 1)), "--answer-after", str(p.get("answer_after", 0))]
w = p.get("wrap_up", {})
for flag, key in (("--disposition", "disposition"), ("--category", "category"), ("--notes", "notes"),
                  ("--follow-up", "follow_up_task"), ("--follow-up-due", "follow_up_due")):
    if w.get(key): args += [flag, w[key]]
sys.stdout.write("\0".join(args))
PY
)
set +e
"$BIN" play failed-verification "${PLAY[@]}" --db "$DB" --trainee "Dana Full" --content "$SRC/scenarios/content" \
  >"$TMP/play.out" 2>"$TMP/play.err"
rc=$?
set -e
[ "$rc" = 1 ] || { cat "$TMP/play.err"; fail "expected exit 1 when the disk is full, got $rc"; }
grep -q "cannot be saved now (the disk holding" "$TMP/play.err" || { cat "$TMP/play.err"; fail "no warning before the call"; }
grep -q "kept in" "$TMP/play.err" || { cat "$TMP/play.err"; fail "the attempt was not kept"; }
[ "$(ls "$TMP/home/frontline/unsaved" | wc -l)" = 1 ] || fail "expected one kept attempt"

"$BIN" recover --list --db "$DB" | grep -q "Dana Full" || fail "recover --list does not show it"
set +e; "$BIN" recover --db "$DB" >"$TMP/recover.out" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] || { cat "$TMP/recover.out"; fail "recover on a full disk should fail and keep the file (rc $rc)"; }
[ "$(ls "$TMP/home/frontline/unsaved" | wc -l)" = 1 ] || fail "the kept attempt was dropped by a failed recover"

rm -f "$TMP/disk/filler"
kill "$READER" 2>/dev/null || true; wait "$READER" 2>/dev/null || true
"$BIN" recover --db "$DB" | grep -q "Saved 1 kept attempt" || fail "recover did not save it once there was room"
"$BIN" recover --db "$DB" | grep -q "Nothing waiting" || fail "a second recover found something"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.name = 'Dana Full'")" = 1 ] \
  || fail "the attempt is not in the database exactly once"
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged"
echo "cli_full_disk: ok (warned before the call, kept on a full disk, saved once by recover)"
