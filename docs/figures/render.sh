#!/usr/bin/env bash
# Contact sheets of every figure the core draws: one PNG per exercise level and per assessment
# test, written to docs/figures/. Each sheet is one row: the start pose, up half-way, the key
# (hold) pose, down half-way (all right side), and the key pose on the left side (the mirror).
#
# Usage: docs/figures/render.sh [path/to/firststep]   (needs rsvg-convert and ImageMagick's montage)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$here/../../target}/debug/firststep}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
size=200

# id level, from the core's own catalogue (exercise levels, then tests).
mapfile -t figures < <(python3 - "$bin" <<'PY'
import json, subprocess, sys
lib = json.loads(subprocess.check_output([sys.argv[1], "--json", "exercises"]))
for e in lib:
    for level in range(e["max_level"] + 1):
        print(e["id"], level)
for test, levels in [("knee_to_wall_cm", 1), ("heel_raise_reps", 1), ("toe_grip", 1), ("arch_control", 1), ("balance_seconds", 1), ("single_leg_squat", 2)]:
    for level in range(levels):
        print(test, level)
PY
)

for entry in "${figures[@]}"; do
  read -r id level <<<"$entry"
  tiles=()
  n=0
  for pose in "right up 0" "right up 0.5" "right hold 0" "right down 0.5" "left hold 0"; do
    read -r side phase at <<<"$pose"
    svg="$tmp/$id-$level-$n.svg"
    "$bin" exercises show "$id" --level "$level" --side "$side" --phase "$phase" --at "$at" --svg "$svg" --force >/dev/null
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$tmp/$id-$level-$n.png"
    tiles+=("$tmp/$id-$level-$n.png")
    n=$((n + 1))
  done
  montage "${tiles[@]}" -tile 5x1 -geometry +2+2 -background '#dddddd' -colors 64 -strip "PNG8:$here/$id-L$level.png"
done
echo "wrote ${#figures[@]} contact sheets to $here"
