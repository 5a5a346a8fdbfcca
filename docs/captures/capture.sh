#!/bin/sh
# capture.sh COLS ROWS "ATTUNE ARGS" [STEP ...]
# Runs .build/debug/attune (or $ATTUNE) with ATTUNE ARGS in a detached tmux
# window of COLS x ROWS (LANG=C.UTF-8), sends each STEP, waits for the screen
# to settle and prints the screen (tmux capture-pane -p).
# A STEP is either ".N" (the `.` key N times, sent in batches of 100 with
# `sleep 0.3` between them), "sleep:S" (wait S seconds), "text:STRING"
# (literal keys) or a tmux key name (Enter, Left, Down, Tab, q, s, ...).
set -eu
cols=$1 rows=$2 args=$3
shift 3
bin=${ATTUNE:-.build/debug/attune}
session=attune-capture-$$
start() {
  tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
    "LANG=C.UTF-8 $bin $args; sleep 600"
}
# A tmux server that is just closing can refuse a new session once.
start || { sleep 1; start; }
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
sleep 1
dots() {
  d=""
  k=0
  while [ "$k" -lt "$1" ]; do
    d="$d."
    k=$((k + 1))
  done
  printf '%s' "$d"
}
batch=$(dots 100)
for step in "$@"; do
  case $step in
  .*)
    n=${step#.}
    while [ "$n" -ge 100 ]; do
      tmux send-keys -t "$session" -l "$batch"
      sleep 0.3
      n=$((n - 100))
    done
    if [ "$n" -gt 0 ]; then
      tmux send-keys -t "$session" -l "$(dots "$n")"
      sleep 0.3
    fi
    ;;
  sleep:*) sleep "${step#sleep:}" ;;
  text:*) tmux send-keys -t "$session" -l "${step#text:}"; sleep 0.3 ;;
  *) tmux send-keys -t "$session" "$step"; sleep 0.3 ;;
  esac
done
# Wait until two captures a second apart agree.
prev=""
i=0
while [ $i -lt 20 ]; do
  sleep 1
  now=$(tmux capture-pane -p -t "$session")
  [ "$now" = "$prev" ] && break
  prev=$now
  i=$((i + 1))
done
printf '%s\n' "$now"
