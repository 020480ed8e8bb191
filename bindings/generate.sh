#!/usr/bin/env bash
# Builds the core library and the workspace's own uniffi-bindgen, then generates the Kotlin and Swift
# bindings from the built library into gitignored folders:
#   android/firststep-jvm/src/main/generated/   Kotlin (package app.firststep.core)
#   ios/Sources/FirstStepCore/                   Swift (module FirstStepCore)
#   ios/Sources/FirstStepFFI/include/            C header + module map for the FFI module
# Usage: bindings/generate.sh [--release]     (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

profile=debug; cargo_flags=()
if [[ "${1:-}" == "--release" ]]; then profile=release; cargo_flags=(--release); fi
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

# The desktop build (the debug library the JVM and desktop UI load) reads activity files; the phone
# libraries (release: Android, the XCFramework) leave the readers out. The FFI surface is the same
# either way, so the bindings are too. FIRSTSTEP_CORE_FEATURES overrides ("" for none).
if [[ $profile == debug ]]; then default_features=activity-files; else default_features=; fi
features="${FIRSTSTEP_CORE_FEATURES-$default_features}"
[[ -n "$features" ]] && cargo_flags+=(--features "firststep-core/$features")
cargo build --quiet "${cargo_flags[@]}" -p firststep-core -p firststep-bindings
LIB="$TARGET_DIR/$profile/libfirststep_core.so"
[[ "$(uname)" == "Darwin" ]] && LIB="$TARGET_DIR/$profile/libfirststep_core.dylib"
# The release profile strips the shared library, and with it UniFFI's metadata symbols; the static
# archive of the same build keeps them, so release bindings are generated from it.
[[ $profile == release ]] && LIB="$TARGET_DIR/$profile/libfirststep_core.a"
BINDGEN="$TARGET_DIR/$profile/uniffi-bindgen"

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$BINDGEN" generate "$LIB" --language kotlin --language swift --out-dir "$tmp" --no-format >/dev/null

kotlin_out="$ROOT/android/firststep-jvm/src/main/generated"
rm -rf "$kotlin_out"; mkdir -p "$kotlin_out"
cp -R "$tmp/app" "$kotlin_out/"

swift_out="$ROOT/ios/Sources/FirstStepCore"
ffi_out="$ROOT/ios/Sources/FirstStepFFI/include"
rm -rf "$swift_out" "$ffi_out"; mkdir -p "$swift_out" "$ffi_out"
cp "$tmp/FirstStepCore.swift" "$swift_out/"
cp "$tmp/FirstStepFFI.h" "$ffi_out/"
# uniffi's module map names Apple-only modules (`use "Darwin"`); SwiftPM on Linux needs a plain one.
cat > "$ffi_out/module.modulemap" <<'MAP'
module FirstStepFFI {
    header "FirstStepFFI.h"
    export *
}
MAP
echo "bindings generated from $LIB"
