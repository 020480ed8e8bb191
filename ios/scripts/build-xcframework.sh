#!/usr/bin/env bash
# Builds the Rust core as static libraries for iOS devices (arm64), the iOS simulator (arm64 and x86_64,
# one fat library: an xcframework holds one library per platform variant, so the two simulator
# architectures are joined with lipo) and macOS (Apple silicon), generates the Swift bindings, and
# assembles ios/build/FirstStepFFI.xcframework — the binary target Package.swift uses on Apple platforms.
# It also writes ios/build/Version.xcconfig (the product's one version, from Cargo.toml) for Xcode/project.yml.
# Run on a Mac with Xcode and rustup.
#
#   ios/scripts/build-xcframework.sh        (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
TARGETS=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin)
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

# The simulator slice: arm64 (Apple silicon Macs) and x86_64 (Intel Macs) in one library.
sim="$TARGET_DIR/ios-simulator-universal/release"
mkdir -p "$sim"
lipo -create "$TARGET_DIR/aarch64-apple-ios-sim/release/libfirststep_core.a" \
  "$TARGET_DIR/x86_64-apple-ios/release/libfirststep_core.a" -output "$sim/libfirststep_core.a"

args=()
for lib in "$TARGET_DIR/aarch64-apple-ios/release" "$sim" "$TARGET_DIR/aarch64-apple-darwin/release"; do
  args+=(-library "$lib/libfirststep_core.a" -headers "$headers")
done
rm -rf "$OUT"
xcodebuild -create-xcframework "${args[@]}" -output "$OUT"
echo "built $OUT"

# One version for the whole product: the workspace's [workspace.package] version (the core's and the CLI's)
# as the apps' marketing version; the build number is major*10000 + minor*100 + patch, as Android's versionCode
# (android/app/build.gradle.kts).
version="$(awk '/^\[workspace\.package\]/ { section = 1; next } /^\[/ { section = 0 }
  section && $1 == "version" { gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.toml")"
[[ "$version" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }
build=$(( 10#${BASH_REMATCH[1]} * 10000 + 10#${BASH_REMATCH[2]} * 100 + 10#${BASH_REMATCH[3]} ))
cat > "$ROOT/ios/build/Version.xcconfig" <<CONFIG
// Written by ios/scripts/build-xcframework.sh from Cargo.toml: do not edit.
MARKETING_VERSION = $version
CURRENT_PROJECT_VERSION = $build
CONFIG
echo "version $version ($build) in ios/build/Version.xcconfig"
