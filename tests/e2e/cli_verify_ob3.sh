#!/usr/bin/env bash
# `frontline verify` on Open Badges 3.0 files: the VC-JWT of `certify export --format ob3` and the
# baked SVG of `certify export --format svg`. Valid with the organisation key (0), untrusted
# elsewhere until the published issuer.json or jwks.json is given (3, with the fingerprint), a JWT
# made with a fresh RSA key (openssl) is untrusted, alg none is tampered, single-byte changes are
# never valid, expired 5, revoked 6 with the published list. The SVG is well-formed XML (python's
# parser), verifies, and is tampered when its shown name or its baked credential is edited.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$SRC/tests/e2e/lib/expect.sh"
other() { env -u FRONTLINE_ISSUER_DIR XDG_DATA_HOME="$WORK/elsewhere" "$@"; }

export XDG_DATA_HOME="$WORK/manager" FRONTLINE_ISSUER_DIR="$WORK/issuer" FRONTLINE_ISSUER_PASSPHRASE="ob3 verify e2e passphrase"
DB="$WORK/team/frontline.db"
"$BIN" issuer init > /dev/null || fail "issuer init failed"
"$BIN" settings set issuer_url https://training.example.com --db "$DB" > /dev/null
"$BIN" settings set company_name "Brightwave & <Sons>" --db "$DB" > /dev/null
"$BIN" trainees add "Zoë O'Brien" --db "$DB" > /dev/null
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
expect 0 certify issue --trainee "Zoë O'Brien" --policy inbound-agent-l1 --json --db "$DB"
CERT=$(python3 -c "import json;print(json.load(open('$WORK/out'))['certificate']['id'])")
expect 0 certify export "$CERT" --format ob3 --jwt "$WORK/cert.jwt" --db "$DB"
expect 0 certify export "$CERT" --format svg --svg "$WORK/cert.svg" --db "$DB"
expect 0 issuer export "$WORK/site" --db "$DB"

# The VC-JWT: trusted here; elsewhere untrusted until the published files are given.
expect 0 verify "$WORK/cert.jwt" --db "$DB"
grep -q "^VALID" "$WORK/out" || fail "no VALID headline for the VC-JWT"
got=0; other "$BIN" verify "$WORK/cert.jwt" > "$WORK/out" 2>&1 || got=$?
[ "$got" = 3 ] || { cat "$WORK/out"; fail "a VC-JWT from an unknown issuer exited $got, not 3"; }
grep -qi "genuine" "$WORK/out" && fail "'genuine' printed for an untrusted key"
for published in issuer.json jwks.json; do
  got=0; other "$BIN" verify "$WORK/cert.jwt" --trust "$WORK/site/$published" > "$WORK/out" 2>&1 || got=$?
  [ "$got" = 0 ] || { cat "$WORK/out"; fail "--trust $published did not make the VC-JWT valid (exit $got)"; }
done
expect 5 verify "$WORK/cert.jwt" --db "$DB" --at 2099-01-01

# Forged with a fresh RSA key (the public key in the header): intact, untrusted, fingerprint shown.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/mallory.pem" 2> /dev/null
python3 - "$WORK" <<'PY'
import base64, hashlib, json, subprocess, sys
w = sys.argv[1]
b64 = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")
dump = subprocess.run(["openssl", "rsa", "-in", w + "/mallory.pem", "-noout", "-text"], capture_output=True, text=True).stdout
hexdigits = "".join(dump.split("modulus:")[1].split("publicExponent")[0].split()).replace(":", "")
n = bytes.fromhex(hexdigits).lstrip(b"\0")
jwk = {"kty": "RSA", "n": b64(n), "e": "AQAB"}
kid = b64(hashlib.sha256(json.dumps({"e": "AQAB", "kty": "RSA", "n": jwk["n"]}, separators=(",", ":")).encode()).digest())
token = open(w + "/cert.jwt").read().strip()
claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
claims["name"] = "Senior agent, level 3"
signing_input = b64(json.dumps({"alg": "RS256", "kid": kid, "jwk": jwk}).encode()) + "." + b64(json.dumps(claims).encode())
sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", w + "/mallory.pem"], input=signing_input.encode(), capture_output=True).stdout
open(w + "/forged.jwt", "w").write(signing_input + "." + b64(sig))
none = b64(json.dumps({"alg": "none", "kid": json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))["kid"]}).encode())
open(w + "/none.jwt", "w").write(none + "." + token.split(".")[1] + ".")
PY
expect 3 verify "$WORK/forged.jwt" --db "$DB"
grep -q "SHA256:" "$WORK/out" || fail "no fingerprint for the forger's key"
expect 4 verify "$WORK/none.jwt" --db "$DB"

# Single-byte changes all along the file, through the real binary: never 0. Every 97th byte and
# every 5th of the header (about 40 runs): the unit test changes every byte in-process, and each
# run here costs half a second under the sanitizers (every 7th byte took 4 minutes of CI there).
python3 - "$WORK/cert.jwt" "$WORK/edits" <<'PY'
import os, sys
token = open(sys.argv[1]).read().strip(); os.makedirs(sys.argv[2])
positions = sorted(set(range(0, token.index("."), 5)) | set(range(0, len(token), 97)))
for i in positions:
    c = token[i]; r = "B" if c != "B" else "C"
    open(os.path.join(sys.argv[2], "%05d.jwt" % i), "w").write(token[:i] + r + token[i + 1:])
PY
for f in "$WORK"/edits/*.jwt; do
  got=0; "$BIN" verify "$f" --db "$DB" > /dev/null 2>&1 || got=$?
  [ "$got" != 0 ] || fail "a one-byte change ($(basename "$f")) verified as valid"
done

# The baked SVG: well-formed XML with the credential in the Open Badges namespace, and valid.
python3 - "$WORK/cert.svg" "$WORK/cert.jwt" <<'PY' || fail "the SVG is not well-formed or holds no credential"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
baked = root.findall("{https://purl.imsglobal.org/ob/v3p0}credential")
assert len(baked) == 1 and baked[0].text.count(".") == 2, baked
texts = {t.get("id"): "".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
assert texts["recipient"] == "Zoë O'Brien", texts
assert "Brightwave & <Sons>" in texts["issuer"], texts
PY
expect 0 verify "$WORK/cert.svg" --db "$DB"
grep -q "Zoë O'Brien" "$WORK/out" || fail "the verified SVG does not show the name"
sed "s/>Zoë O&apos;Brien</>Mallory Forge</" "$WORK/cert.svg" > "$WORK/renamed.svg"
cmp -s "$WORK/cert.svg" "$WORK/renamed.svg" && fail "the test did not change the shown name"
expect 4 verify "$WORK/renamed.svg" --db "$DB"
python3 - "$WORK/cert.svg" "$WORK/edited.svg" <<'PY'
import base64, re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
token = re.search(r"<openbadges:credential>([^<]*)</openbadges:credential>", svg).group(1)
h, p, s = token.split(".")
claims = base64.urlsafe_b64decode(p + "==").decode().replace('"name":"Inbound', '"name":"Senior', 1)
p2 = base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=")
assert p2 != p
open(sys.argv[2], "w", encoding="utf-8").write(svg.replace(token, ".".join([h, p2, s])))
PY
expect 4 verify "$WORK/edited.svg" --db "$DB"
if command -v rsvg-convert > /dev/null; then
  rsvg-convert -o "$WORK/cert.png" "$WORK/cert.svg" || fail "rsvg-convert cannot render the badge"
  [ "$(head -c 8 "$WORK/cert.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the rendered badge is not a PNG"
fi

# Revoked: the published list at hand, elsewhere.
expect 0 certify revoke "$CERT" --reason "Shared exam answers" --db "$DB"
expect 0 issuer export "$WORK/site" --db "$DB"
got=0; other "$BIN" verify "$WORK/cert.jwt" --trust "$WORK/site/issuer.json" --revocations "$WORK/site/revocations.json" \
  > "$WORK/out" 2>&1 || got=$?
[ "$got" = 6 ] || { cat "$WORK/out"; fail "a revoked VC-JWT with the list at hand exited $got, not 6"; }
got=0; other "$BIN" verify "$WORK/cert.svg" --trust "$WORK/site/jwks.json" --revocations "$WORK/site/revocations.json" \
  > "$WORK/out" 2>&1 || got=$?
[ "$got" = 6 ] || { cat "$WORK/out"; fail "a revoked baked SVG with the list at hand exited $got, not 6"; }
echo "ok: verify on the OB 3.0 VC-JWT and the baked SVG: 0/3/4/5/6, --trust issuer.json and jwks.json"
