#!/usr/bin/env bash
# Writes every screen of the app to docs/screenshots/*.png at phone size (412×915 dp, drawn at 2×):
# light for all screens, dark for home/session/trend, font scale 2.0 for home/session.
# The same renders run in the test command into a temp folder (RenderScreensTest), checked non-blank.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIB_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/debug"
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"
cd "$HERE/.."
mvn -B -q -pl firststep-ui -am test -Dtest=RenderScreensTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfirststep.lib.dir="$LIB_DIR" -Dfirststep.render.dir="$OUT"
ls -1 "$OUT"/*.png
