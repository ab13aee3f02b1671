#!/usr/bin/env bash
# CTest runs each doctest case on its own (doctest_discover_tests), and CMake splits a name at
# ';' into pieces that match no case: such a case would silently never run. Fails on any.
#   check_test_names.sh TEST_BINARY...
set -euo pipefail
status=0
for binary in "$@"; do
  names=$("$binary" --list-test-cases --no-version)
  if [ "$(printf '%s\n' "$names" | grep -c .)" -lt 5 ]; then
    echo "$binary listed no test cases"; status=1
  fi
  if printf '%s\n' "$names" | grep -F ';'; then
    echo "^ test case names in $binary contain ';': CTest would never run them"; status=1
  fi
done
exit $status
