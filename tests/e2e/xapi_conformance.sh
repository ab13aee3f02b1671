#!/usr/bin/env bash
# xAPI 1.0.3 conformance of `frontline export xapi`, checked by Learning Locker's validator
# (npm @learninglocker/xapi-validation, installed once into the build tree like jose): every
# statement kind (attempt passed/failed, decision responded, question answered as a
# cmi.interaction of each type, quiz passed/failed/completed, certificate earned) has zero errors
# and zero warnings, and a re-export repeats the ids. Then the LRS path against a local HTTP
# endpoint this test starts (node): it runs the same validator on everything it receives, checks
# the version header and basic auth, and refuses one batch (503) and drops the connection of
# another; reruns must end with every statement received exactly once. Skips (exit 77) only when
# npm cannot reach its registry.
set -euo pipefail
BIN="$1"; SRC="$2"
CACHE="$(cd "$(dirname "$BIN")/.." && pwd)/xapi-validation-cache"
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

VALIDATOR="$CACHE/node_modules/@learninglocker/xapi-validation"
. "$SRC/tests/e2e/lib/npm_packages.sh"
npm_packages "$CACHE" @learninglocker/xapi-validation@3

export XDG_DATA_HOME="$WORK/xdg"
DB="$WORK/center.db"
CONTENT="$SRC/scenarios/content"

# ---- a small center: a passed and a failed attempt, a practice bank and an exam, a certificate --
"$BIN" trainees add "Ana Souza" --team North --db "$DB" > /dev/null
"$BIN" trainees add "Zoë \"Z\" Núñez, Jr." --team North --account "zoe.nunez@example.com" --db "$DB" > /dev/null
# Play-through N of the scenario's golden file (0: the best path, passed; 2: discloses the balance, failed).
play_golden() {  # N TRAINEE
  local golden="$CONTENT/golden/failed-verification.golden.json"
  field() { python3 -c "import json,sys;p=json.load(open(sys.argv[1]))['playthroughs'][int(sys.argv[2])];print($1)" "$golden" "$2"; }
  "$BIN" play failed-verification --db "$DB" --trainee "$2" --seed 1 \
      --answers "$(field "','.join(c.replace('wait:','w') for c in p['choices'])" "$1")" \
      --disposition "$(field "p['wrap_up']['disposition']" "$1")" --category "$(field "p['wrap_up']['category']" "$1")" \
      --notes "$(field "p['wrap_up']['notes']" "$1")" > /dev/null || fail "play-through $1 failed to play"
}
play_golden 0 "Ana Souza"
play_golden 2 "Zoë \"Z\" Núñez, Jr."
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM attempts')" = 2 ] || fail "the two attempts were not recorded"

# A well-formed answer for every question of a quiz, whatever its type (right or wrong does not matter).
answers_for() {  # QUIZ SEED [--practice]
  local quiz="$1" seed="$2"; shift 2
  local count skips
  # The quiz says how many questions it has when given the wrong number of answers.
  count=$("$BIN" quiz "$quiz" --seed "$seed" "$@" --answers "-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-;-" \
      --trainee scratch --db "$WORK/scratch.db" 2>&1 >/dev/null | sed -n 's/.*but the quiz has \([0-9]*\) questions.*/\1/p')
  [ -n "$count" ] || fail "cannot learn how many questions $quiz has"
  skips=$(python3 -c "import sys;print(';'.join(['-']*int(sys.argv[1])))" "$count")
  "$BIN" quiz "$quiz" --seed "$seed" "$@" --answers "$skips" --json --trainee scratch --db "$WORK/scratch.db" > "$WORK/draw.json" \
    || fail "the quiz $quiz with skipped answers failed"
  python3 - "$WORK/draw.json" "$CONTENT/questions" <<'PY'
import glob, json, sys
draw = json.load(open(sys.argv[1]))
questions = {q["id"]: q for f in glob.glob(sys.argv[2] + "/*.json") for q in json.load(open(f))["questions"]}
def answer(q):
    t = q["type"]
    if t == "true_false": return "true"
    if t == "ordering": return ",".join(str(len(q["items"]) - i) for i in range(len(q["items"])))  # reversed
    if t == "matching": return ",".join(chr(ord("a") + i) for i in range(len(q["pairs"])))
    return "a"
result = draw.get("result", draw)
print(";".join(answer(questions[item["id"]]) for item in result["questions"]))
PY
}
BANK_ANSWERS=$(answers_for definitions 5 --practice)
"$BIN" quiz definitions --practice --seed 5 --answers "$BANK_ANSWERS" --trainee "Ana Souza" --db "$DB" > /dev/null \
  || fail "the practice quiz failed"
EXAM_ANSWERS=$(answers_for definitions-check 6)
"$BIN" quiz definitions-check --seed 6 --answers "$EXAM_ANSWERS" --trainee "Zoë \"Z\" Núñez, Jr." --db "$DB" > /dev/null || true
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM quiz_attempts')" = 2 ] || fail "the two quiz attempts were not recorded"
. "$SRC/tests/e2e/lib/level1_evidence.sh"
insert_level1_evidence "$DB"
"$BIN" certify issue --trainee "Ana Souza" --policy inbound-agent-l1 --db "$DB" > "$WORK/issue.txt" 2>&1 || { cat "$WORK/issue.txt"; fail "certify issue failed"; }

# ---- the file export -------------------------------------------------------------------------------
"$BIN" export xapi --out "$WORK/none.json" --db "$DB" 2> "$WORK/nohome.txt" && fail "export without xapi_home_page succeeded"
grep -q "xapi_home_page" "$WORK/nohome.txt" || fail "no clear message without the home page: $(cat "$WORK/nohome.txt")"
"$BIN" settings set xapi_home_page "not a url" --db "$DB" > /dev/null 2>&1 && fail "a relative home page was accepted"
"$BIN" settings set xapi_home_page https://lms.example.com --db "$DB" > /dev/null
"$BIN" export xapi --out "$WORK/statements.json" --db "$DB" 2> /dev/null || fail "export xapi failed"
"$BIN" export xapi --out "$WORK/again.json" --json --db "$DB" > "$WORK/again.summary" || fail "the second export failed"

cat > "$WORK/validate.cjs" <<'JS'
// node validate.cjs VALIDATOR FILE: every statement through Learning Locker's validator; prints the
// kinds seen (verb, or verb + interactionType) and every warning; exit 1 on any warning.
const validate = require(process.argv[2]).default;
const statements = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
const kinds = {};
let problems = 0;
for (const st of statements) {
  const warnings = validate(st);
  for (const w of warnings) {
    problems++;
    console.error(`${st.id}: ${w.name} at ${w.path.join('.')}: ${JSON.stringify(w.data)}`);
  }
  const def = (st.object && st.object.definition) || {};
  const kind = st.verb.display.en + (def.interactionType ? ':' + def.interactionType : '') +
      (def.type ? '@' + def.type.split('/').pop() : '');
  kinds[kind] = (kinds[kind] || 0) + 1;
}
console.log(JSON.stringify({ statements: statements.length, problems, kinds }));
process.exit(problems ? 1 : 0);
JS
node "$WORK/validate.cjs" "$VALIDATOR" "$WORK/statements.json" > "$WORK/report.json" \
  || { cat "$WORK/report.json"; fail "the validator reports problems (above)"; }
python3 - "$WORK/report.json" "$WORK/statements.json" "$WORK/again.json" <<'PY' || fail "statement kinds or ids"
import json, sys
report = json.load(open(sys.argv[1])); kinds = report["kinds"]
first = json.load(open(sys.argv[2])); again = json.load(open(sys.argv[3]))
print("xAPI:", json.dumps(report))
need = ["passed@simulation", "failed@simulation", "responded@interaction", "completed@assessment", "earned@badge",
        "answered:choice@cmi.interaction", "answered:true-false@cmi.interaction",
        "answered:sequencing@cmi.interaction", "answered:matching@cmi.interaction"]
missing = [k for k in need if k not in kinds]
exam = [k for k in kinds if k in ("passed@assessment", "failed@assessment")]
assert not missing and exam, f"missing kinds: {missing}, exam: {exam}"
ids = [s["id"] for s in first]
assert len(set(ids)) == len(ids), "duplicate statement ids"
assert ids == [s["id"] for s in again], "a re-export changed the statement ids"
actors = {json.dumps(s["actor"]["account"], sort_keys=True) for s in first}
assert '{"homePage": "https://lms.example.com", "name": "zoe.nunez@example.com"}' in actors, actors
PY
TOTAL=$(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$WORK/statements.json")

# ---- the LRS: a local endpoint that validates, authenticates, refuses once and drops once ------
cat > "$WORK/lrs.cjs" <<'JS'
// node lrs.cjs VALIDATOR STATE_FILE PORT_FILE USER PASSWORD REFUSE_N DROP_N
// POST /xapi/statements: checks the version header and basic auth, validates every statement;
// request REFUSE_N gets a 503 and request DROP_N has its connection dropped, both without keeping
// anything; other batches are kept and answered with their ids. STATE_FILE: what happened.
const http = require('http'), fs = require('fs');
const [validatorDir, stateFile, portFile, user, password, refuseN, dropN] = process.argv.slice(2);
const validate = require(validatorDir).default;
const expectedAuth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
const state = { requests: [], received: [], problems: [] };
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
let n = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const number = ++n;
    let size = 0;
    const answer = (status, json, outcome) => {
      state.requests.push({ number, outcome, size });
      save();
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'POST' || req.url !== '/xapi/statements') return answer(404, { message: 'no such resource' }, 'not found');
    if (req.headers['x-experience-api-version'] !== '1.0.3') {
      state.problems.push(`request ${number}: version header ${req.headers['x-experience-api-version']}`);
      return answer(400, { message: 'X-Experience-API-Version 1.0.3 required' }, 'no version');
    }
    if (req.headers.authorization !== expectedAuth) return answer(401, { message: 'bad credentials' }, 'unauthorized');
    let batch;
    try { batch = JSON.parse(body); } catch (e) { state.problems.push(`request ${number}: not JSON`); return answer(400, {}, 'bad json'); }
    size = batch.length;
    for (const st of batch)
      for (const w of validate(st)) state.problems.push(`${st.id}: ${w.name} at ${w.path.join('.')}`);
    if (String(number) === refuseN) return answer(503, { message: 'LRS busy, try later' }, 'refused');
    if (String(number) === dropN) {
      state.requests.push({ number, outcome: 'dropped', size });
      save();
      return req.socket.destroy();
    }
    for (const st of batch) state.received.push(st.id);
    answer(200, batch.map((st) => st.id), 'stored');
  });
});
server.listen(0, '127.0.0.1', () => fs.writeFileSync(portFile, String(server.address().port)));
JS
node "$WORK/lrs.cjs" "$VALIDATOR" "$WORK/state.json" "$WORK/port" lrs-user "s3cret, with a comma" 2 4 &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the test LRS did not start"
LRS="http://127.0.0.1:$(cat "$WORK/port")/xapi"
printf 's3cret, with a comma\n' > "$WORK/password"

"$BIN" export xapi --lrs "$LRS" --user lrs-user --password wrong --batch 7 --db "$DB" > /dev/null 2> "$WORK/denied.txt" \
  && fail "a wrong password was accepted"
grep -q "HTTP 401" "$WORK/denied.txt" || fail "no clear message for a wrong password: $(cat "$WORK/denied.txt")"
# Request 1 was the 401. Request 2 is refused (503), request 4 dropped: three runs finish the job.
"$BIN" export xapi --lrs "$LRS" --user lrs-user --password-file "$WORK/password" --batch 7 --db "$DB" > "$WORK/run1.txt" 2>&1 \
  && fail "the run with a refused batch exited 0"
grep -q "HTTP 503" "$WORK/run1.txt" || fail "no clear message for the refused batch: $(cat "$WORK/run1.txt")"
grep -q "run the same command again" "$WORK/run1.txt" || fail "no advice after the refused batch"
FRONTLINE_LRS_PASSWORD="s3cret, with a comma" "$BIN" export xapi --lrs "$LRS" --user lrs-user --batch 7 --db "$DB" \
    > "$WORK/run2.txt" 2>&1 && fail "the run with a dropped connection exited 0"
grep -q "cannot reach the LRS" "$WORK/run2.txt" || fail "no clear message for the dropped connection: $(cat "$WORK/run2.txt")"
"$BIN" export xapi --lrs "$LRS" --user lrs-user --password-file "$WORK/password" --batch 7 --json --db "$DB" > "$WORK/run3.json" \
  || { cat "$WORK/run3.json"; fail "the third run did not finish"; }
"$BIN" export xapi --lrs "$LRS" --user lrs-user --password-file "$WORK/password" --batch 7 --json --db "$DB" > "$WORK/run4.json" \
  || fail "a run with nothing left to send failed"
kill "$SERVER_PID"; SERVER_PID=""

python3 - "$WORK/state.json" "$WORK/statements.json" "$WORK/run3.json" "$WORK/run4.json" <<'PY' || fail "the LRS did not receive each statement exactly once"
import json, sys
state = json.load(open(sys.argv[1])); exported = [s["id"] for s in json.load(open(sys.argv[2]))]
run3 = json.load(open(sys.argv[3])); run4 = json.load(open(sys.argv[4]))
print("LRS requests:", [(r["number"], r["outcome"], r["size"]) for r in state["requests"]])
assert not state["problems"], state["problems"]
received = state["received"]
assert len(received) == len(set(received)), f"{len(received) - len(set(received))} statements stored twice"
assert sorted(received) == sorted(exported), f"received {len(set(received))} distinct of {len(exported)} exported"
sizes = [r["size"] for r in state["requests"] if r["outcome"] == "stored"]
assert max(sizes) <= 7 and len(sizes) >= 2, f"batches of {sizes}"
assert run3["ok"] and run4["ok"] and run4["sent"] == 0 and run4["already_sent"] == len(exported), (run3, run4)
PY
echo "OK: $TOTAL statements valid (zero warnings), ids stable; the LRS got each exactly once through a 401, a 503 and a dropped connection"
