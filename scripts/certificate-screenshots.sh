#!/usr/bin/env bash
# The certificate as a third party sees it, for the README: a real level-1 certificate issued
# from replayed evidence and signed with an organisation key, then
#   docs/screenshots/certificate-pdf.png     the PDF's page (pdftoppm)
#   docs/screenshots/es/certificate-pdf.png  the same page printed in Spanish (--language es)
#   docs/screenshots/certificate-badge.png   the baked SVG badge (rsvg-convert)
#   docs/screenshots/verify-verdicts.png     `frontline verify` on the genuine file, on another
#                                            machine without and with the issuer file, an edited
#                                            copy and a revoked one (the real output; .txt too)
# Usage: bash scripts/certificate-screenshots.sh [build-dir]   (needs frontline_make_evidence)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
BIN="$BUILD/app/frontline" TOOL="$BUILD/tests/frontline_make_evidence"
for f in "$BIN" "$TOOL"; do [ -x "$f" ] || { echo "certificate-screenshots: build first ($f is missing)"; exit 1; }; done
OUT="$SRC/docs/screenshots"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# The README's pictures are English whatever the terminal speaks; the Spanish page asks for its language.
export FRONTLINE_LANGUAGE=en
export XDG_DATA_HOME="$WORK/manager" FRONTLINE_ISSUER_DIR="$WORK/issuer" FRONTLINE_ISSUER_PASSPHRASE="screenshot passphrase, long"
DB="$WORK/center/frontline.db"
"$BIN" issuer init > /dev/null
"$BIN" settings set issuer_url https://training.example.com --db "$DB" > /dev/null
"$BIN" settings set issuer_email certificates@example.com --db "$DB" > /dev/null
"$BIN" settings set certificate_verify_url "https://training.example.com/verify?code={code}" --db "$DB" > /dev/null
"$BIN" trainees add "Amélie Laurent" --db "$DB" > /dev/null
"$TOOL" "$DB" 1 "$SRC/scenarios/content"
"$BIN" certify issue --trainee "Amélie Laurent" --policy inbound-agent-l1 --json --db "$DB" > issue.json
CERT=$(python3 -c "import json;print(json.load(open('issue.json'))['certificate']['id'])")
"$BIN" certify export "$CERT" --pdf cert.pdf --badge cert.badge.json --db "$DB" > /dev/null
"$BIN" certify export "$CERT" --format svg --svg cert.svg --db "$DB" > /dev/null
"$BIN" issuer export site --db "$DB" > /dev/null
pdftoppm -png -r 60 -singlefile cert.pdf "$OUT/certificate-pdf"
# The same certificate printed in Spanish (labels and dates follow the language in effect).
mkdir -p "$OUT/es"
"$BIN" --language es certify export "$CERT" --pdf cert-es.pdf --db "$DB" > /dev/null
pdftoppm -png -r 60 -singlefile cert-es.pdf "$OUT/es/certificate-pdf"

rsvg-convert -w 640 cert.svg -o "$OUT/certificate-badge.png"

# The verdicts, each command as typed and what it printed.
sed 's/Amélie Laurent/Amélie Lorent/' cert.badge.json > edited.badge.json
show() {
  echo "\$ frontline $*"
  local code=0
  env -u FRONTLINE_ISSUER_DIR XDG_DATA_HOME="$WORK/elsewhere" "$BIN" "$@" > said.txt 2>&1 || code=$?
  sed -n '1,3p' said.txt
  echo "(exit $code)"
  echo
}
{
  echo "# On the organisation's own machine"
  echo "\$ frontline verify cert.badge.json"
  "$BIN" verify cert.badge.json --db "$DB" 2>&1 | sed -n '1,3p'
  echo "(exit 0)"
  echo
  echo "# Anywhere else: untrusted until the published issuer file is given"
  show verify cert.badge.json
  show verify cert.badge.json --trust site/issuer.json
  show verify edited.badge.json --trust site/issuer.json
  "$BIN" certify revoke "$CERT" --reason "issued in error" --db "$DB" > /dev/null
  "$BIN" issuer export site --db "$DB" > /dev/null
  show verify cert.badge.json --trust site/issuer.json --revocations site/revocations.json
} > verdicts.txt
# ImageMagick's policy refuses label:@file and a label of many lines: one label per line, stacked.
fold -s -w 110 verdicts.txt > folded.txt
n=0
while IFS= read -r line; do
  n=$((n + 1))
  out=$(printf 'line-%03d.png' "$n")
  if [ -z "${line// /}" ]; then convert -size 10x18 xc:white "$out"; continue; fi  # a label cannot be empty
  convert -background white -fill '#222222' -font DejaVu-Sans-Mono -pointsize 15 label:"${line//%/%%}" "$out"
done < folded.txt
convert line-*.png -background white -gravity west -append -bordercolor white -border 16 "$OUT/verify-verdicts.png"
cp verdicts.txt "$OUT/verify-verdicts.txt"
echo "certificate-screenshots: written to $OUT (certificate-pdf.png, certificate-badge.png, verify-verdicts.png)"
