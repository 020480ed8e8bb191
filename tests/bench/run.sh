#!/usr/bin/env bash
# Cross-language FFI benchmark: the 12-week recovery trend over a one-year journal, called N times
# through the same FirstStep API from Rust, Kotlin (generated bindings over JNA) and Swift (generated
# bindings over the C ABI), all on one release build of the core and one journal file built by the
# Rust example. Prints µs per call for each language and the Kotlin/Swift overhead ratios vs Rust.
#
#   tests/bench/run.sh            (env: FIRSTSTEP_BENCH_CALLS=2000, FIRSTSTEP_SKIP_SWIFT=1, FIRSTSTEP_SKIP_KOTLIN=1)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
CALLS="${FIRSTSTEP_BENCH_CALLS:-2000}"
LIB_DIR="$CARGO_TARGET_DIR/release"
# Inside the target dir (not /tmp) so the Swift chroot, which mounts the target dir, sees the journal.
WORK="$CARGO_TARGET_DIR/bench"
DB="$WORK/one-year.db"
rm -rf "$WORK"; mkdir -p "$WORK"

echo "== building the release library and its bindings"
bindings/generate.sh --release
cargo run --quiet --release -p firststep-core --example ffi_trend_bench -- build "$DB"

# Runs one language's benchmark with its output in $WORK/<lang>.log; prints its µs per call.
measure() {
  local lang=$1; shift
  local log="$WORK/$lang.log"
  echo "== $lang" >&2
  if ! "$@" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "$lang benchmark failed (full log: $log)" >&2
    return 1
  fi
  grep -aEo "$lang trend_12w_us_per_call=[0-9.]+" "$log" | tail -1 | cut -d= -f2
}

rust=$(measure rust cargo run --quiet --release -p firststep-core --example ffi_trend_bench -- time "$DB" "$CALLS")

kotlin=""
if [[ "${FIRSTSTEP_SKIP_KOTLIN:-}" != 1 ]]; then
  kotlin=$(measure kotlin mvn -B -q --no-transfer-progress -f android/firststep-jvm/pom.xml test -Dtest=TrendBenchmarkTest \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfirststep.bench=true -Dfirststep.bench.db="$DB" \
      -Dfirststep.bench.calls="$CALLS" -Dfirststep.lib.dir="$LIB_DIR")
fi

swift=""
if [[ "${FIRSTSTEP_SKIP_SWIFT:-}" != 1 ]]; then
  bash ios/scripts/swift-chroot.sh ensure
  # Release Swift (the bindings' lifting code is optimised as in an app); -enable-testing keeps
  # the other test files' @testable imports compiling; -DFIRSTSTEP_BENCH compiles the benchmark in.
  swift=$(FIRSTSTEP_CHROOT_MOUNTS="$CARGO_TARGET_DIR" measure swift bash ios/scripts/swift-chroot.sh run "$ROOT/ios" \
      env FIRSTSTEP_LIB_DIR="$LIB_DIR" FIRSTSTEP_BENCH=1 FIRSTSTEP_BENCH_DB="$DB" FIRSTSTEP_BENCH_CALLS="$CALLS" \
      swift test -c release -Xswiftc -enable-testing -Xswiftc -DFIRSTSTEP_BENCH --filter "TrendBenchmarkTests|FigureBenchmarkTests")
fi

echo
echo "12-week trend over one year, $CALLS calls, µs per call (ratio to Rust):"
for lang in rust kotlin swift; do
  value="${!lang}"
  [[ -n "$value" ]] || { printf '  %-7s skipped\n' "$lang"; continue; }
  awk -v l="$lang" -v v="$value" -v r="$rust" 'BEGIN { printf "  %-7s %9.1f  x%.2f\n", l, v, v / r }'
done
# Issue 21: one figure frame through the FFI from Swift, mapped onto a canvas (FigureBenchmarkTests).
figure=$(grep -aEo "swift figure_frame_us_per_call=[0-9.]+" "$WORK/swift.log" 2>/dev/null | tail -1 | cut -d= -f2 || true)
[[ -n "$figure" ]] && printf 'figure frame through the FFI (Swift, mapped): %s µs per frame\n' "$figure"
true
