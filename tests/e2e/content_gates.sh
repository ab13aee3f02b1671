#!/usr/bin/env bash
# Quality gates on the shipped content: everything validates (including golden transcripts
# replayed through the engine), and every SOP step and rule is exercised by scenarios and questions.
set -euo pipefail
BIN="$1"
"$BIN" validate --quiet
"$BIN" coverage --strict --brief
echo "content_gates: all checks passed"
