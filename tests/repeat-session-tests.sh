#!/usr/bin/env bash
# Runs the guided-session tests again and again, to show a race is gone (issue 24); not part of
# tests/run-all.sh. Compiles once with Maven, then each round runs, in fresh JVMs, the Compose UI
# module's session journey (SessionTest, on the real desktop test rule) and the kit's session tests
# (ticker, view models, the state-ordering test) against the host-built core through JNA. Stops at
# the first failing round.
#
#   tests/repeat-session-tests.sh [ROUNDS]        (default 20; run bindings/generate.sh first)
#   FIRSTSTEP_REPEAT_UI_TESTS='SessionTest FontScaleTest' tests/repeat-session-tests.sh 5
#
# The JUnit console launcher (junit-platform-console-standalone, Maven Central) is fetched once.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
rounds="${1:-20}"
LIB_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/debug"
UI_TESTS="${FIRSTSTEP_REPEAT_UI_TESTS:-SessionTest}"
KIT_TESTS="${FIRSTSTEP_REPEAT_KIT_TESTS:-SessionTickerTest SessionStateOrderingTest ViewModelTest}"
LAUNCHER_VERSION=1.12.2
work="$(mktemp -d)"; log="$work/repeat.log"

echo "compiling the kit and the Compose UI module once…"
(cd android && mvn -B -q --no-transfer-progress test-compile dependency:build-classpath -pl firststep-jvm,firststep-ui -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt -Dfirststep.lib.dir="$LIB_DIR") >"$log" 2>&1 \
  || { tail -40 "$log"; echo "build failed"; exit 1; }
(cd android && mvn -B -q --no-transfer-progress dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$LAUNCHER_VERSION \
    -DoutputDirectory="$work") >"$log" 2>&1 || { tail -20 "$log"; echo "could not fetch the JUnit console launcher"; exit 1; }
launcher="$work/junit-platform-console-standalone-$LAUNCHER_VERSION.jar"

module_cp() { echo "$ROOT/android/$1/target/test-classes:$ROOT/android/$1/target/classes:$(cat "$ROOT/android/$1/target/test-classpath.txt")"; }
selectors() { local pkg=$1; shift; for t in "$@"; do printf -- '--select-class=%s.%s ' "$pkg" "$t"; done; }
run_module() { # module package tests...
  local module=$1 pkg=$2; shift 2
  # shellcheck disable=SC2046
  java -Djava.awt.headless=true -Xmx1g -Djna.library.path="$LIB_DIR" -Dfirststep.lib.dir="$LIB_DIR" \
    -jar "$launcher" execute --disable-banner --details=summary --fail-if-no-tests \
    --class-path "$(module_cp "$module")" $(selectors "$pkg" "$@")
}

passed=0
for ((i = 1; i <= rounds; i++)); do
  started=$SECONDS
  # shellcheck disable=SC2086
  if run_module firststep-jvm app.firststep.kit $KIT_TESTS >"$log" 2>&1 && run_module firststep-ui app.firststep.ui $UI_TESTS >>"$log" 2>&1; then
    passed=$((passed + 1))
    echo "round $i/$rounds: passed ($(grep -Eo '[0-9]+ tests successful' "$log" | awk '{s+=$1} END {print s}') tests, $((SECONDS - started)) s)"
  else
    echo "round $i/$rounds: FAILED — log: $log"
    grep -E 'MethodSource|expected|Exception|tests failed' "$log" | head -20
    echo "$passed passed, 1 failed"
    exit 1
  fi
done
echo "$passed passed, 0 failed"
