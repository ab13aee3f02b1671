#!/usr/bin/env bash
# Quality gates on the shipped content: everything validates (including golden transcripts
# replayed through the engine), the best reply is the longest at no more than 40 % of decision points
# (length must not give the answer away), and every SOP step and rule is exercised by scenarios and
# questions.
set -euo pipefail
BIN="$1"
"$BIN" validate --quiet --max-longest-share 40
"$BIN" coverage --strict --brief
echo "content_gates: all checks passed"
