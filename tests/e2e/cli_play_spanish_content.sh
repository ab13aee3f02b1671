#!/usr/bin/env bash
# Content in Spanish from the terminal: the same golden play-through, played with
# FRONTLINE_LANGUAGE=es, shows the scenario's Spanish overlay (lines, options, CRM labels, SOP step
# titles) and scores exactly as in English (the report's texts in Spanish); a scenario without an
# overlay plays in English.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

GOLDEN="$SRC/scenarios/content/golden/failed-verification.golden.json"
field() { python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print($2)" "$GOLDEN"; }
ANSWERS=$(field "$GOLDEN" "','.join(c.replace('wait:','w') for c in p['choices'])")
DISP=$(field "$GOLDEN" "p.get('wrap_up',{}).get('disposition','')")
NOTES=$(field "$GOLDEN" "p.get('wrap_up',{}).get('notes','')")
play() {  # LANGUAGE OUTPUT [--json]
  FRONTLINE_LANGUAGE="$1" "$BIN" play failed-verification --no-record --seed 1 --answers "$ANSWERS" \
      --disposition "$DISP" --notes "$NOTES" ${3:-} > "$2" 2>/dev/null || fail "play ($1) exited non-zero"
}
play en "$WORK/en.json" --json
play es "$WORK/es.json" --json
python3 - "$WORK/en.json" "$WORK/es.json" <<'PY' || fail "the Spanish play-through scores differently"
import json, sys
en, es = (json.load(open(f))["report"] for f in sys.argv[1:3])
for key in ("passed", "outcome", "adherence", "stars", "critical_failure"):
    assert en[key] == es[key], (key, en[key], es[key])
# The points' labels are written in the desk's language; the points are not.
amounts = lambda p: (p["base"], p["total"], [l["points"] for l in p["bonuses"]], [l["points"] for l in p["penalties"]])
assert amounts(en["points"]) == amounts(es["points"]), (en["points"], es["points"])
assert en["points"]["bonuses"][0]["label"] != es["points"]["bonuses"][0]["label"], "the points' labels are not in Spanish"
assert [b["rule"] for b in en["breaches"]] == [b["rule"] for b in es["breaches"]]
PY

play es "$WORK/es.txt"
grep -q "El hermano de la plataforma" "$WORK/es.txt" || fail "no Spanish scenario title"
grep -q "Gracias por llamar a" "$WORK/es.txt" || fail "no Spanish greeting"
grep -q "Fecha de nacimiento: 27/02/1989" "$WORK/es.txt" || fail "no Spanish CRM label"
grep -q "Verificar la identidad del cliente" "$WORK/es.txt" || fail "no Spanish SOP step title"
play en "$WORK/en.txt"
grep -q "The brother on the rigs" "$WORK/en.txt" || fail "English play is not in English"

# A scenario without a Spanish overlay falls back to its English text.
FRONTLINE_LANGUAGE=es "$BIN" play --list > "$WORK/list.txt" 2>/dev/null || fail "play --list exited non-zero"
grep -q "El hermano de la plataforma" "$WORK/list.txt" || fail "the list does not show the Spanish title"
grep -q "The £7.50 nobody explained" "$WORK/list.txt" && fail "email-bill-query has an overlay but is listed in English"
grep -q "The scorched socket" "$WORK/list.txt" || fail "an untranslated scenario is not listed in English"
# Ordered by the titles shown: difficulty, then the Spanish title. Both are difficulty 1, and in
# English the order is the other way round ("Getting the record right" before "The brother…").
[ "$(grep -n 'El hermano de la plataforma' "$WORK/list.txt" | cut -d: -f1)" -lt "$(grep -n 'Que el registro quede bien' "$WORK/list.txt" | cut -d: -f1)" ] \
  || fail "the list is not sorted by the titles shown"
echo "ok"
