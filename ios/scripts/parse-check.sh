#!/usr/bin/env bash
# Syntax check of the Apple-only sources (the SwiftUI app, the Live Activity widget, the notification
# content extension and their shared files) with `swiftc -parse`: it parses without resolving imports
# or types, so it runs on Linux, where SwiftUI, ActivityKit, UserNotifications and Charts do not exist.
# A syntax check, not a test: type checking needs Apple's SDKs (Xcode). Needs `swiftc` on PATH
# (tests/run-all.sh runs it inside the Swift chroot).
#
#   ios/scripts/parse-check.sh        prints each file and "parse-check: N files OK"; exit 1 on an error
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(find App Shared Widget NotificationContent -name '*.swift' | sort)
(( ${#files[@]} > 0 )) || { echo "parse-check: no Apple-only sources found" >&2; exit 1; }
failed=0
for file in "${files[@]}"; do
  if swiftc -parse "$file"; then echo "  ok  $file"; else echo "  FAIL $file"; failed=$((failed + 1)); fi
done
if (( failed > 0 )); then echo "parse-check: $failed of ${#files[@]} files have syntax errors"; exit 1; fi
echo "parse-check: ${#files[@]} files OK"
