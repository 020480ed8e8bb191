#!/usr/bin/env bash
# Runs the guided-session tests again and again, to show a race is gone (issue 24); not part of
# tests/run-all.sh. Each round runs the Compose UI module's session journey (SessionTest, on the
# real desktop test rule) and the kit's session tests (ticker, view models, state ordering) against
# the host-built core, and the script stops at the first failing round.
#
#   tests/repeat-session-tests.sh [ROUNDS]        (default 20; needs bindings/generate.sh first)
#   FIRSTSTEP_REPEAT_UI_TESTS='SessionTest,FontScaleTest' tests/repeat-session-tests.sh 5
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
rounds="${1:-20}"
LIB_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/debug"
UI_TESTS="${FIRSTSTEP_REPEAT_UI_TESTS:-SessionTest}"
KIT_TESTS="${FIRSTSTEP_REPEAT_KIT_TESTS:-SessionTickerTest,SessionStateOrderingTest,ViewModelTest}"
log="$(mktemp -d)/repeat.log"

# Compile once; every round then only runs the tests.
(cd android && mvn -B -q --no-transfer-progress install -DskipTests -Dfirststep.lib.dir="$LIB_DIR") >"$log" 2>&1 \
  || { cat "$log"; echo "build failed"; exit 1; }

passed=0
for ((i = 1; i <= rounds; i++)); do
  started=$SECONDS
  if (cd android && mvn -B -q --no-transfer-progress -o surefire:test -pl firststep-jvm,firststep-ui \
        -Dtest="$KIT_TESTS,$UI_TESTS" -Dsurefire.failIfNoSpecifiedTests=false -Dfirststep.lib.dir="$LIB_DIR") >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "round $i/$rounds: passed ($((SECONDS - started)) s)"
  else
    echo "round $i/$rounds: FAILED — log: $log"
    grep -E 'FAIL|expected|Exception' "$log" | head -20
    echo "$passed passed, 1 failed"
    exit 1
  fi
done
echo "$passed passed, 0 failed"
