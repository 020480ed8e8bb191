#!/usr/bin/env bash
# Opens the FirstStep desktop app (Compose for Desktop) on a journal.
#   android/run-desktop.sh [--db PATH] [--dark|--light]
# Default journal: the terminal companion's (~/.local/share/firststep/firststep.db on Linux), so the
# CLI and the window share one history. Builds what is missing first: the core library (cargo), the
# Kotlin bindings (bindings/generate.sh) and the Maven modules (kit + UI).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LIB_DIR="$CARGO_TARGET_DIR/debug"

case "$(uname -s)" in
  Darwin) LIB=libfirststep_core.dylib ;;
  MINGW*|MSYS*|CYGWIN*) LIB=firststep_core.dll ;;
  *) LIB=libfirststep_core.so ;;
esac

if [[ ! -f "$LIB_DIR/$LIB" || ! -d "$HERE/firststep-jvm/src/main/generated" ]]; then
  echo "building the core and generating the Kotlin bindings…"
  "$ROOT/bindings/generate.sh"
fi

CP_FILE="$HERE/firststep-ui/target/classpath.txt"
if [[ ! -f "$HERE/firststep-ui/target/classes/app/firststep/desktop/MainKt.class" || ! -f "$CP_FILE" ]]; then
  echo "building the desktop app (Maven)…"
  (cd "$HERE" && mvn -B -q -pl firststep-ui -am install -DskipTests -Dfirststep.lib.dir="$LIB_DIR")
  (cd "$HERE/firststep-ui" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
fi

exec java -Djna.library.path="$LIB_DIR" -cp "$HERE/firststep-ui/target/classes:$(cat "$CP_FILE")" \
  app.firststep.desktop.MainKt "$@"
