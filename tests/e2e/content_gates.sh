#!/usr/bin/env bash
# Quality gates on the shipped content: everything validates (including golden transcripts
# replayed through the engine), the best reply is the longest at no more than 40 % of decision points
# (length must not give the answer away), and every SOP step and rule is exercised by scenarios and
# questions. The second-SOP fixture tree validates too.
set -euo pipefail
BIN="$1"
"$BIN" validate --quiet --max-longest-share 40
# The share gate can fail: at 0 % any best-is-longest decision point is an error, named as such.
if "$BIN" validate --quiet --max-longest-share 0 >/dev/null 2>"${TMPDIR:-/tmp}/content_gates.$$"; then
  echo "content_gates: --max-longest-share 0 should fail while some best reply is the longest"; exit 1
fi
grep -q "above the allowed 0%" "${TMPDIR:-/tmp}/content_gates.$$" || { cat "${TMPDIR:-/tmp}/content_gates.$$"; exit 1; }
rm -f "${TMPDIR:-/tmp}/content_gates.$$"
"$BIN" coverage --strict --brief
# A second organisation's SOP (its own step ids, an extra mandatory step, its own critical rule)
# validates as a content tree of its own, golden files included.
"$BIN" validate --quiet "$2/tests/fixtures/sop2"
echo "content_gates: all checks passed"
