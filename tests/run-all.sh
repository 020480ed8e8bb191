#!/usr/bin/env bash
# FirstStep's one test command: every test of every layer, from a fresh clone on a fresh machine.
#
#   1. Rust: clippy (-D warnings) and every workspace test (core, journal, session, CLI, scenarios).
#   2. Bindings: generated from the built library by the workspace's own uniffi-bindgen.
#   3. Kotlin: every Maven module under android/ (dependencies fetched on first run), loading the real
#      host-built library through JNA: the kit's JUnit tests and the Compose UI's headless UI tests,
#      screen renders (checked non-blank) and the desktop window under Xvfb.
#   4. Swift: the SwiftPM package's tests inside a Debian trixie chroot with swiftlang (created once
#      by ios/scripts/swift-chroot.sh and cached outside the repo), against the same library; then a
#      syntax check (`swiftc -parse`, ios/scripts/parse-check.sh) of the Apple-only app sources.
#
# Prints a summary per language and a final line "N passed, N failed"; exits non-zero on any failure.
# Env: FIRSTSTEP_SKIP_SWIFT=1 / FIRSTSTEP_SKIP_KOTLIN=1 to skip a layer locally (CI never sets them).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LOGS="$CARGO_TARGET_DIR/test-logs"
mkdir -p "$LOGS"

declare -A PASSED FAILED
ORDER=()
record() { ORDER+=("$1"); PASSED[$1]=$2; FAILED[$1]=$3; }
section() { printf '\n==== %s ====\n' "$*"; }
started=$SECONDS

# ---------------------------------------------------------------------------------------------- Rust
section "Rust: clippy"
if cargo clippy --workspace --all-targets --quiet -- -D warnings 2>&1 | tee "$LOGS/clippy.log"; then
  record "rust-clippy" 1 0
else
  record "rust-clippy" 0 1
fi

section "Rust: cargo test --workspace"
# The core reads the platform's time-zone database (jiff: /usr/share/zoneinfo); Debian's tzdata.
if [[ ! -d /usr/share/zoneinfo/Europe ]] && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing tzdata: the core reads the system time-zone database"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tzdata; } >/dev/null 2>&1
fi
# The guided session is also driven in a real terminal under tmux (cli/tests/tmux_session.sh).
if ! command -v tmux >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing tmux for the real-terminal session check"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux; } >/dev/null 2>&1
fi
if command -v tmux >/dev/null; then export FIRSTSTEP_TMUX=1; else echo "tmux unavailable: the real-terminal session check is skipped"; fi
# The clinician summary is printed to PDF by headless Chromium and its pages counted with poppler
# (core/tests/report_print.rs); Debian's packages, installed like tmux when missing.
if { ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null; } && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing chromium and poppler-utils for the one-page clinician-summary print check"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; } >/dev/null 2>&1
fi
if command -v chromium >/dev/null; then export FIRSTSTEP_REQUIRE_CHROMIUM=1; else echo "chromium unavailable: the clinician-summary print check is SKIPPED"; fi
cargo test --workspace 2>&1 | tee "$LOGS/rust.log"
rust_rc=${PIPESTATUS[0]}
rust_passed=$(grep -Eo '^test result: .* ([0-9]+) passed' "$LOGS/rust.log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
rust_failed=$(grep -Eo '^test result: .* ([0-9]+) failed' "$LOGS/rust.log" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
if [[ $rust_rc -ne 0 && $rust_failed -eq 0 ]]; then rust_failed=1; fi   # a build error counts as a failure
record "rust" "$rust_passed" "$rust_failed"

# ---------------------------------------------------------------------------------------- Bindings
section "Bindings: generate Kotlin and Swift from the built library"
if ! bindings/generate.sh; then
  record "bindings" 0 1
  GEN_OK=0
else
  GEN_OK=1
fi
LIB_DIR="$CARGO_TARGET_DIR/debug"

# ------------------------------------------------------------------------------------------ Kotlin
if [[ "${FIRSTSTEP_SKIP_KOTLIN:-}" == 1 ]]; then
  echo "Kotlin skipped (FIRSTSTEP_SKIP_KOTLIN=1)"
elif [[ $GEN_OK == 1 ]]; then
  section "Kotlin: mvn test (android/: every module of the reactor)"
  # The Compose UI module renders every screen to PNG (needs a font) and opens the real window under
  # Xvfb (DesktopWindowSmokeTest); install both when missing, as for tmux above.
  if { ! command -v Xvfb >/dev/null || ! fc-list 2>/dev/null | grep -qi dejavu; } && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing xvfb and fonts-dejavu-core for the desktop UI tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb fonts-dejavu-core fontconfig; } >/dev/null 2>&1
  fi
  command -v Xvfb >/dev/null || echo "Xvfb unavailable: the desktop window smoke test is skipped"
  # The desktop speaks cues with espeak-ng (DesktopCuesTest writes a real WAV with it); install it when missing.
  if ! command -v espeak-ng >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing espeak-ng for the desktop voice test"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng; } >/dev/null 2>&1
  fi
  command -v espeak-ng >/dev/null || echo "espeak-ng unavailable: the real desktop voice test is skipped"
  rm -rf android/*/target/surefire-reports
  # --fail-at-end: a failing module does not hide the tests of the others.
  (cd android && mvn -B --no-transfer-progress --fail-at-end test -Dfirststep.lib.dir="$LIB_DIR") 2>&1 | tee "$LOGS/kotlin.log"
  kt_rc=${PIPESTATUS[0]}
  # Surefire prints one totals line per module: "Tests run: N, Failures: F, Errors: E, Skipped: S"
  # (absent for a module whose compilation failed, which the exit code then reports).
  kt_run=0; kt_bad=0; kt_s=0
  while read -r run f e s; do
    kt_run=$((kt_run + run)); kt_bad=$((kt_bad + f + e)); kt_s=$((kt_s + s))
  done < <(grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$LOGS/kotlin.log" \
           | grep -Eo '[0-9]+' | paste - - - -)
  kt_run=$((kt_run - kt_s))
  kt_passed=$((kt_run - kt_bad))
  if [[ $kt_rc -ne 0 && $kt_bad -eq 0 ]]; then kt_bad=1; fi
  record "kotlin" "$kt_passed" "$kt_bad"
fi

# ------------------------------------------------------------------------------------------- Swift
if [[ "${FIRSTSTEP_SKIP_SWIFT:-}" == 1 ]]; then
  echo "Swift skipped (FIRSTSTEP_SKIP_SWIFT=1)"
elif [[ $GEN_OK == 1 ]]; then
  section "Swift: swift test (ios/, Debian trixie chroot)"
  if ! bash ios/scripts/swift-chroot.sh ensure; then
    record "swift" 0 1
  else
    FIRSTSTEP_CHROOT_MOUNTS="$CARGO_TARGET_DIR" bash ios/scripts/swift-chroot.sh run "$ROOT/ios" \
      env FIRSTSTEP_LIB_DIR="$LIB_DIR" FIRSTSTEP_SCENARIOS_DIR="$ROOT/tests/scenarios" \
      swift test 2>&1 | tee "$LOGS/swift.log"
    sw_rc=${PIPESTATUS[0]}
    # XCTest's last "Executed N tests, with [S tests skipped and] M failures" line is the overall total.
    line=$(grep -E 'Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?' "$LOGS/swift.log" | tail -1)
    sw_run=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"${line:-Executed 0 tests}")
    sw_bad=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"${line:-with 0 failures}")
    sw_skip=0
    [[ $line =~ ([0-9]+)\ tests?\ skipped ]] && sw_skip=${BASH_REMATCH[1]}
    sw_passed=$((sw_run - sw_bad - sw_skip))
    if [[ $sw_rc -ne 0 && $sw_bad -eq 0 ]]; then sw_bad=1; fi
    record "swift" "$sw_passed" "$sw_bad"

    # The SwiftUI app, Live Activity and notification extension need Apple's SDKs to type-check;
    # here they get a syntax check (swiftc -parse), counted as one layer, not as tests.
    section "Swift: syntax check of the Apple-only sources (swiftc -parse)"
    if bash ios/scripts/swift-chroot.sh run "$ROOT/ios" bash scripts/parse-check.sh 2>&1 | tee "$LOGS/swift-parse.log"; then
      record "swift-parse" 1 0
    else
      record "swift-parse" 0 1
    fi
  fi
fi

# ----------------------------------------------------------------------------------------- Summary
section "Summary ($((SECONDS - started)) s)"
total_passed=0; total_failed=0
for layer in "${ORDER[@]}"; do
  printf '  %-12s %5d passed, %d failed\n' "$layer" "${PASSED[$layer]}" "${FAILED[$layer]}"
  total_passed=$((total_passed + PASSED[$layer])); total_failed=$((total_failed + FAILED[$layer]))
done
echo "$total_passed passed, $total_failed failed"
[[ $total_failed -eq 0 ]]
