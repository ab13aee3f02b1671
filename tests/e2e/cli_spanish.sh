#!/usr/bin/env bash
# The real binary in a Spanish terminal (LANG=es_ES.UTF-8, no FRONTLINE_LANGUAGE): help, errors, a
# scripted call's debrief and the certificate PDF come out in Spanish; --json output and exit
# codes are the same as in English; --language en wins over the terminal's language.
set -euo pipefail
BIN="$1"; SRC="$2"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

unset FRONTLINE_LANGUAGE LANGUAGE LC_ALL LC_MESSAGES
export LANG=es_ES.UTF-8

# 1. Help and a usage error.
"$BIN" --help > "$WORK/help.txt"
grep -q "^comandos:" "$WORK/help.txt" || fail "help is not in Spanish"
grep -q "simulador de formación y certificación" "$WORK/help.txt" || fail "no Spanish title with its accents"
set +e
"$BIN" play --bogus 2> "$WORK/bogus.txt"; code=$?
set -e
[ "$code" = 2 ] || fail "a bad option exits $code, not 2"
grep -q "^frontline: opción desconocida --bogus (consulta \`frontline help play\`)$" "$WORK/bogus.txt" || fail "the error is not in Spanish: $(cat "$WORK/bogus.txt")"

# 2. --language en wins over LANG.
"$BIN" --language en --help > "$WORK/help_en.txt"
grep -q "^commands:" "$WORK/help_en.txt" || fail "--language en did not switch to English"

# 3. A scripted call: the debrief and the saved line in Spanish.
DB="$WORK/frontline.db"
GOLDEN="$SRC/scenarios/content/golden/failed-verification.golden.json"
ANSWERS=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(','.join(c.replace('wait:','w') for c in p['choices']))" "$GOLDEN")
DISP=$(python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][0];print(p.get('wrap_up',{}).get('disposition',''))" "$GOLDEN")
"$BIN" play failed-verification --db "$DB" --trainee "Sam Rivera" --seed 1 --answers "$ANSWERS" \
    --disposition "$DISP" --category account --notes "Cliente verificado" > "$WORK/play.txt" || fail "play exited non-zero"
grep -q "RESUMEN DE LA LLAMADA" "$WORK/play.txt" || fail "no Spanish debrief"
grep -q "Ficha de evaluación del procedimiento:" "$WORK/play.txt" || fail "no Spanish scorecard"
grep -q "Registrado como intento n.º 1 para Sam Rivera." "$WORK/play.txt" || fail "the saved line is not in Spanish"

# 4. --json is the same whatever the language.
"$BIN" history --db "$DB" --json > "$WORK/history_es.json"
FRONTLINE_LANGUAGE=en "$BIN" history --db "$DB" --json > "$WORK/history_en.json"
cmp -s "$WORK/history_es.json" "$WORK/history_en.json" || fail "history --json differs between languages"

# 5. The certificate PDF of a demo center, in Spanish.
"$BIN" demo --trainees 4 --attempts 40 --seed 3 --quiet --now 2026-12-01T09:00:00Z --db "$WORK/demo.db" > "$WORK/demo.txt" \
    || fail "demo exited non-zero"
grep -q "^Centro de demostración en " "$WORK/demo.txt" || fail "the demo summary is not in Spanish"
ID=$("$BIN" certify list --db "$WORK/demo.db" --json | python3 -c "import json,sys;print(json.load(sys.stdin)[0]['id'])")
"$BIN" certify export "$ID" --pdf "$WORK/cert.pdf" --db "$WORK/demo.db" > /dev/null || fail "certify export exited non-zero"
pdftotext "$WORK/cert.pdf" "$WORK/cert.txt"
grep -q "Certificado de competencia" "$WORK/cert.txt" || fail "the PDF heading is not in Spanish"
grep -Eq "[0-9]+ de [a-z]+ de 20[0-9][0-9]" "$WORK/cert.txt" || fail "the PDF dates are not Spanish: $(cat "$WORK/cert.txt")"
echo "ok"
