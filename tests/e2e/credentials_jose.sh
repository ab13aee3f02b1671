#!/usr/bin/env bash
# Independent verification of Frontline credentials: the Open Badges 3.0 VC-JWT written by
# `certify export --format ob3`, and the Open Badges 2.0 signed assertion of the badge file, verify
# with the npm `jose` library in node, against the JWK set
# `issuer export` publishes; a one-byte change of its payload fails there. `jose` is installed
# once into the build tree (jose-cache/). Skips (exit 77) only when npm cannot reach its registry.
set -euo pipefail
BIN="$1"; SRC="$2"
CACHE="$(cd "$(dirname "$BIN")/.." && pwd)/jose-cache"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

. "$SRC/tests/e2e/lib/npm_packages.sh"
npm_packages "$CACHE" jose@5

# An organisation: issuer key in the manager's folder, profile in the settings.
export XDG_DATA_HOME="$WORK/xdg" FRONTLINE_ISSUER_DIR="$WORK/issuer" FRONTLINE_ISSUER_PASSPHRASE="e2e passphrase, long enough"
DB="$WORK/team/frontline.db"
"$BIN" issuer init > "$WORK/init.txt" || fail "issuer init failed"
"$BIN" settings set issuer_url https://training.example.com --db "$DB" > /dev/null
"$BIN" settings set issuer_email certificates@example.com --db "$DB" > /dev/null
"$BIN" trainees add "Ana Souza" --db "$DB" > /dev/null

# Level 1 evidence, as the store records it.
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
"$BIN" certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB" > "$WORK/issue.json" \
  || { cat "$WORK/issue.json"; fail "certify issue failed"; }
CERT=$(python3 -c "import json;print(json.load(open('$WORK/issue.json'))['certificate']['id'])")

# The exported VC-JWT and the published issuer files.
"$BIN" certify export "$CERT" --format ob3 --jwt "$WORK/credential.jwt" --db "$DB" > /dev/null || fail "certify export --format ob3 failed"
"$BIN" issuer export "$WORK/site" --db "$DB" > /dev/null || fail "issuer export failed"
[ -f "$WORK/site/jwks.json" ] || fail "issuer export wrote no jwks.json"

cat > "$WORK/verify.cjs" <<'JS'
// node verify.cjs JOSE_DIR jwt|jws TOKEN_FILE JWKS_FILE: prints the verified header and payload, exit 1
// on failure. jwt: an RS256 VC-JWT (jwtVerify, claims checked); jws: an EdDSA compact JWS.
const jose = require(process.argv[2]);
const fs = require('fs');
(async () => {
  const token = fs.readFileSync(process.argv[4], 'utf8').trim();
  const jwks = jose.createLocalJWKSet(JSON.parse(fs.readFileSync(process.argv[5], 'utf8')));
  try {
    const jwt = process.argv[3] === 'jwt';
    const { payload, protectedHeader } = jwt ? await jose.jwtVerify(token, jwks, { algorithms: ['RS256'] })
                                             : await jose.compactVerify(token, jwks, { algorithms: ['EdDSA'] });
    console.log(JSON.stringify({ header: protectedHeader, payload: jwt ? payload : JSON.parse(new TextDecoder().decode(payload)) }));
  } catch (e) {
    console.log(JSON.stringify({ error: e.code || String(e) }));
    process.exit(1);
  }
})();
JS
JOSE="$CACHE/node_modules/jose"
node "$WORK/verify.cjs" "$JOSE" jwt "$WORK/credential.jwt" "$WORK/site/jwks.json" > "$WORK/verified.json" \
  || { cat "$WORK/verified.json"; fail "jose rejects the exported VC-JWT"; }
python3 - "$WORK/verified.json" "$CERT" <<'PY' || fail "the verified credential is not the OpenBadgeCredential expected"
import json, sys
v = json.load(open(sys.argv[1])); p = v["payload"]; cert = sys.argv[2]
assert v["header"]["alg"] == "RS256", v["header"]
assert p["type"] == ["VerifiableCredential", "OpenBadgeCredential"], p["type"]
assert p["@context"][0] == "https://www.w3.org/ns/credentials/v2", p["@context"]
assert p["id"] == "urn:uuid:" + cert and p["jti"] == p["id"]
assert p["issuer"]["id"].startswith("urn:uuid:") and p["iss"] == p["issuer"]["id"]
assert p["issuer"]["url"] == "https://training.example.com" and p["issuer"]["email"] == "certificates@example.com"
s = p["credentialSubject"]
assert "AchievementSubject" in s["type"] and s["identifier"][0]["hashed"] is True
assert "Ana Souza" not in json.dumps(p), "the plain name travels in the credential"
assert s["achievement"]["criteria"]["narrative"] and s["achievement"]["version"]
assert any(r["value"] == "100" for r in s["result"]), s["result"]  # the exam, answered all right
assert p["credentialStatus"]["id"].startswith("https://training.example.com/revocations.json")
assert p["validFrom"] and p["validUntil"]
PY

# One byte of the payload changed (the signature kept): jose must refuse it.
python3 - "$WORK/credential.jwt" "$WORK/forged.jwt" <<'PY'
import base64, sys
h, p, s = open(sys.argv[1]).read().strip().split(".")
raw = bytearray(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
i = raw.index(b'"value":"100"') + len('"value":"')
raw[i] = ord("9"); raw[i + 1] = ord("9"); raw[i + 2] = ord("9")  # the exam score 100 becomes 999
open(sys.argv[2], "w").write(".".join([h, base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("="), s]))
PY
if node "$WORK/verify.cjs" "$JOSE" jwt "$WORK/forged.jwt" "$WORK/site/jwks.json" > "$WORK/forged.json"; then
  fail "jose accepted a VC-JWT whose payload was changed"
fi
grep -q "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" "$WORK/forged.json" || { cat "$WORK/forged.json"; fail "unexpected jose error"; }
echo "ok: jose verifies the OB 3.0 VC-JWT and refuses a one-byte change"

# The Open Badges 2.0 signed assertion (EdDSA, the badge file's signed_assertion) verifies with jose
# against the same published JWK set (its kid names the Ed25519 key), and a one-byte change fails.
"$BIN" certify export "$CERT" --badge "$WORK/cert.badge.json" --db "$DB" > /dev/null || fail "certify export --badge failed"
python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['signed_assertion'])" "$WORK/cert.badge.json" > "$WORK/assertion.jws"
node "$WORK/verify.cjs" "$JOSE" jws "$WORK/assertion.jws" "$WORK/site/jwks.json" > "$WORK/assertion.json" \
  || { cat "$WORK/assertion.json"; fail "jose rejects the exported Open Badges 2.0 signed assertion"; }
python3 - "$WORK/assertion.json" "$CERT" <<'PY' || fail "the verified assertion is not the Open Badges 2.0 Assertion expected"
import json, sys
v = json.load(open(sys.argv[1])); p = v["payload"]
assert v["header"]["alg"] == "EdDSA", v["header"]
assert p["@context"] == "https://w3id.org/openbadges/v2" and p["type"] == "Assertion", p
assert p["id"] == "urn:uuid:" + sys.argv[2]
assert p["recipient"]["hashed"] is True and p["recipient"]["identity"].startswith("sha256$")
PY
python3 - "$WORK/assertion.jws" "$WORK/forged.jws" <<'PY'
import base64, sys
h, p, s = open(sys.argv[1]).read().strip().split(".")
raw = bytearray(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
i = raw.index(b'"urn:uuid:') + len('"urn:uuid:')
raw[i] = ord("f") if raw[i] != ord("f") else ord("e")  # one character of the assertion id
open(sys.argv[2], "w").write(".".join([h, base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("="), s]))
PY
if node "$WORK/verify.cjs" "$JOSE" jws "$WORK/forged.jws" "$WORK/site/jwks.json" > "$WORK/forged_jws.json"; then
  fail "jose accepted an Open Badges 2.0 assertion whose payload was changed"
fi
grep -q "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" "$WORK/forged_jws.json" || { cat "$WORK/forged_jws.json"; fail "unexpected jose error"; }
echo "ok: jose verifies the OB 2.0 signed assertion and refuses a one-byte change"
