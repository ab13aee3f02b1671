#!/usr/bin/env bash
# `frontline verify` tells the truth from the terminal: each verdict has its own exit code (0 valid
# and trusted, 3 untrusted issuer, 4 tampered, 5 expired, 6 revoked), a machine without the
# organisation's key trusts a certificate only through the published issuer file, a revoked
# certificate exported earlier is caught by the published list, and the issuer key is refused when
# others can read it.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$SRC/tests/e2e/lib/expect.sh"

export XDG_DATA_HOME="$WORK/manager" FRONTLINE_ISSUER_DIR="$WORK/issuer" FRONTLINE_ISSUER_PASSPHRASE="verify e2e passphrase"
DB="$WORK/team/frontline.db"
"$BIN" issuer init > /dev/null || fail "issuer init failed"
[ "$(stat -c %a "$WORK/issuer/issuer-key.json")" = 600 ] || fail "the issuer key is not mode 600"
"$BIN" trainees add "Ana Souza" --db "$DB" > /dev/null

# Level 1 evidence, as the store records it.
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
expect 0 certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB"
CERT=$(python3 -c "import json;print(json.load(open('$WORK/out'))['certificate']['id'])")
expect 0 certify export "$CERT" --badge "$WORK/cert.badge.json" --db "$DB"
expect 0 issuer export "$WORK/site" --db "$DB"

# The manager's machine: the organisation key is trusted.
expect 0 verify "$WORK/cert.badge.json" --db "$DB"
grep -q "^VALID" "$WORK/out" || fail "no VALID headline"

# Another machine: no issuer key, no database. Intact but untrusted until the issuer file is given.
other() { env -u FRONTLINE_ISSUER_DIR XDG_DATA_HOME="$WORK/elsewhere" "$@"; }
got=0; other "$BIN" verify "$WORK/cert.badge.json" > "$WORK/out" 2>&1 || got=$?
[ "$got" = 3 ] || { cat "$WORK/out"; fail "an untrusted issuer exited $got, not 3"; }
grep -q "UNTRUSTED ISSUER" "$WORK/out" || fail "no UNTRUSTED ISSUER headline"
grep -qi "genuine" "$WORK/out" && fail "'genuine' printed for an untrusted key"
grep -q "$(python3 -c "import json;print(json.load(open('$WORK/site/issuer.json'))['fingerprint'])")" "$WORK/out" || fail "the fingerprint is not printed"
got=0; other "$BIN" verify "$WORK/cert.badge.json" --trust "$WORK/site/issuer.json" > "$WORK/out" 2>&1 || got=$?
[ "$got" = 0 ] || { cat "$WORK/out"; fail "--trust issuer.json did not make it valid (exit $got)"; }

# Tampered: one byte of the recipient's name; a duplicate key placed before the real one.
sed 's/"recipientName": "Ana Souza"/"recipientName": "Ana Souzb"/' "$WORK/cert.badge.json" > "$WORK/edited.json"
expect 4 verify "$WORK/edited.json" --db "$DB"
sed 's/"recipientName": "Ana Souza"/"recipientName": "Mallory Forge", "recipientName": "Ana Souza"/' "$WORK/cert.badge.json" > "$WORK/dup.json"
expect 4 verify "$WORK/dup.json" --db "$DB"
grep -q "appears twice" "$WORK/out" || fail "the duplicate key is not named"

# Expired: checked as of a date after its expiry.
expect 5 verify "$WORK/cert.badge.json" --db "$DB" --at 2099-01-01

# Revoked: the file exported before the revocation, checked elsewhere against the published list.
expect 0 certify revoke "$CERT" --reason "Shared exam answers" --db "$DB"
expect 0 issuer export "$WORK/site" --db "$DB"
got=0; other "$BIN" verify "$WORK/cert.badge.json" --trust "$WORK/site/issuer.json" --revocations "$WORK/site/revocations.json" \
  > "$WORK/out" 2>&1 || got=$?
[ "$got" = 6 ] || { cat "$WORK/out"; fail "a revoked certificate with the list at hand exited $got, not 6"; }

# A key file others can read is refused, and says why.
chmod 640 "$WORK/issuer/issuer-key.json"
expect 1 issuer show --db "$DB"
grep -q "can be read by other users" "$WORK/err" || fail "no reason given for refusing a readable key"
echo "ok: verify exit codes 0/3/4/5/6, --trust, --revocations, key mode"
