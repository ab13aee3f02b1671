#!/usr/bin/env bash
# `frontline verify --recipient` through the real binary: a trainee whose account is an e-mail
# address gets a certificate naming that address (hashed); verify says whether it names the
# address asked about (exit 7 when it is someone else's), and without --recipient notes that the
# hashed address was not checked. The trust_installation_key setting, switched off with
# `settings set`, stops the database folder's own key from vouching for what it signed.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$SRC/tests/e2e/lib/expect.sh"

# No organisation key: the certificate is signed with the installation's key in the database folder.
export XDG_DATA_HOME="$WORK/manager" FRONTLINE_ISSUER_DIR="$WORK/no-issuer"
DB="$WORK/desk/frontline.db"
"$BIN" trainees add "Ana Souza" --db "$DB" > /dev/null
expect 0 trainees set-account "Ana Souza" "Ana.Souza@Example.com" --db "$DB"
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
expect 0 certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB"
CERT=$(python3 -c "import json;print(json.load(open('$WORK/out'))['certificate']['id'])")
expect 0 certify export "$CERT" --badge "$WORK/cert.badge.json" --db "$DB"
python3 - "$WORK/cert.badge.json" <<'PY' || fail "the recipient is not a hashed e-mail identity"
import json, sys, hashlib
r = json.load(open(sys.argv[1]))["assertion"]["recipient"]
assert r["type"] == "email" and r["hashed"] is True, r
assert r["identity"] == "sha256$" + hashlib.sha256(("ana.souza@example.com" + r["salt"]).encode()).hexdigest(), r
PY

# Right (any case), wrong, absent.
expect 0 verify "$WORK/cert.badge.json" --db "$DB" --recipient "ANA.SOUZA@example.com"
grep -q "^RECIPIENT MATCHES" "$WORK/out" || fail "no RECIPIENT MATCHES line"
expect 7 verify "$WORK/cert.badge.json" --db "$DB" --recipient "mallory@example.com"
grep -q "^VALID" "$WORK/out" || fail "a wrong recipient changed the certificate's own verdict"
grep -q "^RECIPIENT DIFFERS" "$WORK/out" || fail "no RECIPIENT DIFFERS line"
expect 7 verify "$WORK/cert.badge.json" --db "$DB" --recipient "mallory@example.com" --json
python3 -c "import json,sys; j=json.load(open('$WORK/out')); assert j['recipient_check']=={'recipient':'mallory@example.com','matches':False}, j" \
  || fail "--json lacks recipient_check"
expect 0 verify "$WORK/cert.badge.json" --db "$DB"
grep -q "note: .*hashed e-mail address" "$WORK/out" || fail "no note that the hashed address was not checked"
grep -q "trusted: this installation's signing key" "$WORK/out" || fail "the installation key did not vouch by default"
expect 2 verify "$WORK/cert.badge.json" --db "$DB" --recipient "  "

# The installation key stops being trusted when the organisation says so (and again when it does not).
expect 0 settings set trust_installation_key 0 --db "$DB"
expect 3 verify "$WORK/cert.badge.json" --db "$DB"
grep -q "UNTRUSTED ISSUER" "$WORK/out" || fail "no UNTRUSTED ISSUER with trust_installation_key 0"
grep -q "trust_installation_key setting does not trust" "$WORK/out" || fail "no note naming the setting"
expect 0 audit --db "$DB"
grep -q "trust_installation_key" "$WORK/out" || fail "the setting change is not in the audit trail"
expect 2 settings set trust_installation_key 2 --db "$DB"
expect 0 settings set trust_installation_key 1 --db "$DB"
expect 0 verify "$WORK/cert.badge.json" --db "$DB"
echo "ok: verify --recipient right/wrong/absent, trust_installation_key off and on"
