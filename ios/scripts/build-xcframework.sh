#!/usr/bin/env bash
# Builds the Rust core as static libraries for iOS devices, the iOS simulator (Apple silicon) and
# macOS (Apple silicon), generates the Swift bindings, and assembles ios/build/FirstStepFFI.xcframework
# — the binary target Package.swift uses on Apple platforms. Run on a Mac with Xcode and rustup.
#
#   ios/scripts/build-xcframework.sh        (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
TARGETS=(aarch64-apple-ios aarch64-apple-ios-sim aarch64-apple-darwin)
OUT="$ROOT/ios/build/FirstStepFFI.xcframework"

[[ "$(uname)" == Darwin ]] || { echo "build-xcframework.sh needs macOS with Xcode" >&2; exit 1; }
rustup target add "${TARGETS[@]}"
export IPHONEOS_DEPLOYMENT_TARGET=17.0 MACOSX_DEPLOYMENT_TARGET=14.0   # Package.swift's platforms

for target in "${TARGETS[@]}"; do
  cargo build --release --lib -p firststep-core --target "$target"
done

# Swift bindings + C header from the host (macOS) build: the same interface on every target.
bindings/generate.sh --release

# The C module for the xcframework: the header and a framework-free module map.
headers="$(mktemp -d)"; trap 'rm -rf "$headers"' EXIT
cp "$ROOT/ios/Sources/FirstStepFFI/include/FirstStepFFI.h" "$headers/"
cat > "$headers/module.modulemap" <<'MAP'
module FirstStepFFI {
    header "FirstStepFFI.h"
    export *
}
MAP

args=()
for target in "${TARGETS[@]}"; do
  args+=(-library "$TARGET_DIR/$target/release/libfirststep_core.a" -headers "$headers")
done
rm -rf "$OUT"
xcodebuild -create-xcframework "${args[@]}" -output "$OUT"
echo "built $OUT"
