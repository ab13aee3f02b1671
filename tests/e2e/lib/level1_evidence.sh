# Sourced by the certificate end-to-end tests: records what certification level 1 requires for
# trainee 1 of database $1 (three scenarios played along their best path, a passed exam), made by
# the engine and the grader as at the desk (tests/tools/make_evidence.cpp). Rows written with
# sqlite3 would not do: `certify issue` replays the evidence and refuses what does not reproduce.
insert_level1_evidence() {
  [ -x "${FRONTLINE_MAKE_EVIDENCE:-}" ] || fail "FRONTLINE_MAKE_EVIDENCE does not name the evidence tool (ctest sets it)"
  "$FRONTLINE_MAKE_EVIDENCE" "$1" 1 "$FRONTLINE_CONTENT" || fail "recording level-1 evidence failed"
}
