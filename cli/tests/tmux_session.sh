#!/usr/bin/env bash
# The guided session in a real terminal: runs `firststep session --speed 20` inside tmux, checks
# the live countdown and the cues appear, pauses and resumes with space, quits with q (snapshot
# saved), continues with `session --resume`, answers the peak pain and checks the session was
# recorded. Called by cli/tests/tmux.rs when FIRSTSTEP_TMUX=1 (see docs/cli.md).
#
# Env: FIRSTSTEP_BIN (the binary; default target/debug/firststep), FIRSTSTEP_TMUX_CAPTURE (a file
# to write the last captured pane to).
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8

BIN=${FIRSTSTEP_BIN:-target/debug/firststep}
BIN=$(realpath "$BIN")
command -v tmux >/dev/null || { echo "tmux is not installed (apt-get install tmux)"; exit 1; }

WORK=$(mktemp -d)
SESSION="firststep-test-$$"
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="$WORK/firststep.db"
TODAY=$(date -u +%F)
# A runner whose tests are fine: the base program (a stretch with timed holds, then tempo raises).
cat >"$WORK/answers.json" <<EOF
{"date": "$TODAY", "affected_side": "right", "first_step_pain": 3,
 "knee_to_wall_cm": {"left": 12, "right": 12}, "heel_raise_reps": {"left": 25, "right": 25}}
EOF
"$BIN" --db "$DB" --tz UTC assess --answers "$WORK/answers.json" >/dev/null

FS="$BIN --db $DB --tz UTC"
tmux -u new-session -d -s "$SESSION" -x 110 -y 40 "bash --norc --noprofile"
tmux send-keys -t "$SESSION" "PS1='$ '" Enter "clear" Enter

capture() { tmux capture-pane -p -t "$SESSION"; }
fail() {
  echo "FAIL: $1"
  echo "----- pane -----"
  capture
  exit 1
}
# wait_for PATTERN SECONDS: polls the pane until the extended regex matches.
wait_for() {
  local pattern=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    if capture | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  fail "no /$pattern/ after ${seconds}s"
}

tmux send-keys -t "$SESSION" "$FS session --speed 20" Enter
wait_for 'keys: space pause/resume' 5
wait_for 'Get ready: Plantar fascia stretch' 5
# The live status line: phase label, seconds remaining with tenths, progress bar.
wait_for 'Plantar fascia stretch · .*[0-9]+\.[0-9] s · [█░]+' 5
wait_for 'Hold 10 seconds' 5
echo "ok: countdown and cues shown"
if [[ -n "${FIRSTSTEP_TMUX_CAPTURE:-}" ]]; then
  { echo "# live session (--speed 20)"; capture; } >"$FIRSTSTEP_TMUX_CAPTURE"
fi

tmux send-keys -t "$SESSION" Space
wait_for 'PAUSED' 3
paused_line=$(capture | grep 'PAUSED' | tail -1)
if [[ -n "${FIRSTSTEP_TMUX_CAPTURE:-}" ]]; then
  { echo "# space: paused"; capture | grep -v '^$' | tail -2; } >>"$FIRSTSTEP_TMUX_CAPTURE"
fi
sleep 1
[[ "$(capture | grep 'PAUSED' | tail -1)" == "$paused_line" ]] || fail "the countdown moved while paused"
tmux send-keys -t "$SESSION" Space
sleep 0.5
capture | tail -3 | grep -q 'PAUSED' && fail "space did not resume"
echo "ok: pause and resume"

tmux send-keys -t "$SESSION" q
wait_for 'Paused and saved' 3
[[ -f "$DB.session.json" ]] || fail "no snapshot next to the database"
echo "ok: quit saves a snapshot"

tmux send-keys -t "$SESSION" "clear" Enter
tmux send-keys -t "$SESSION" "$FS session --resume --speed 60" Enter
wait_for 'Resuming the session' 5
wait_for 'Calf and plantar fascia loading' 30
wait_for 'Peak heel pain' 30
tmux send-keys -t "$SESSION" "2" Enter
wait_for 'Session saved' 5
[[ -f "$DB.session.json" ]] && fail "the snapshot was not removed after saving"
if [[ -n "${FIRSTSTEP_TMUX_CAPTURE:-}" ]]; then
  { echo "# q, then session --resume --speed 60 … the end"; capture | grep -v '^$' | tail -12; } >>"$FIRSTSTEP_TMUX_CAPTURE"
fi

done_today=$($FS --json | tr -d ' \n' | grep -o '"done_today":\[[^]]*\]')
[[ "$done_today" == *plantar_fascia_stretch* && "$done_today" == *calf_loading* ]] || fail "not recorded: $done_today"
echo "ok: session recorded ($done_today)"
