#!/bin/sh
# Retakes the screen captures of docs/user-guide.md, docs/workshop-guide.md and
# docs/parents-guide.md into a folder, one file a capture, so that they can be
# compared with the guides (see "How these captures were made" in
# docs/user-guide.md). Needs tmux and a built attune:
#
#   swift build --product attune
#   sh docs/captures/retake.sh [FOLDER]      # default: captures-now
#   diff -r captures-then captures-now       # after an earlier retake
#
# Each capture runs in a detached tmux window of the size the guide names,
# with LANG=C.UTF-8; `.` steps go in batches of 100 with `sleep 0.3` between.
# The tests do not use this script.
set -eu
here=$(dirname "$0")
out=${1:-captures-now}
mkdir -p "$out"
cap() {
  name=$1
  shift
  printf '%s\n' "$name" >&2
  sh "$here/capture.sh" "$@" >"$out/$name.txt"
}

# docs/user-guide.md
cap user-chooser 100 30 ""
cap user-wait-or-chase-0-20 100 32 "run wait-or-chase --paused" .200
cap user-scene-a-160x45-0-09 160 45 "run scene-a-waits --paused" .90
cap user-still-face-3-00 100 32 "run still-face --paused" .1800
cap user-keys 100 32 "run wait-or-chase --paused" "?"
cap user-what-am-i-looking-at 100 32 "run wait-or-chase --paused" "?" i
cap user-rewound-0-10 100 32 "run wait-or-chase --paused" .150 Left
cap user-rewound-then-c 100 32 "run wait-or-chase --paused" .150 Left c
cap user-settings-panel 100 32 "run scene-b-chases --paused" s Down Down Down Down Down Right Right Right
cap user-settings-debrief 100 32 "run scene-b-chases --paused" s Down Down Down Down Down Right Right Right \
  s .400 s Up Up Up Up Right Right Right Right Right Right s .200 q
cap user-you-act-0-14 100 32 "run scene-a-waits --paused" .121 h 3 .20
cap user-coach-0-09 100 32 "run scene-b-chases --paused" h .89 5 .6
cap user-coach-0-19 100 32 "run scene-b-chases --paused" h .89 5 .46 3 .58
cap user-coach-comparison 100 32 "run scene-b-chases --paused" h .89 5 .46 3 .58 q End
cap user-debrief-end 100 32 "run wait-or-chase --paused" .1200 sleep:2
# the whole debrief in one tall window (the entries quoted under it)
cap user-debrief-whole 100 145 "run wait-or-chase --speed 32" sleep:6
# what q prints in the terminal
cap user-printed 100 90 "run wait-or-chase --speed 32" sleep:6 q
cap user-room-still-face-3-00 100 32 "room still-face --paused" .1800
cap user-room-still-face-4-30 100 32 "room still-face --paused" .2700
cap user-room-wait-or-chase-0-40 120 36 "room wait-or-chase --paused" .400
cap user-room-baby-8-4-30 100 32 "room still-face --paused" .2700 Down Right Right Enter
cap user-room-debrief-4-30 100 32 "room still-face --paused" .2700 q
cap user-present-100x30-0-12 100 30 "present workshop-wait-or-lean-in" sleep:14
cap user-too-small 60 20 "run wait-or-chase --paused"
cap user-ascii-80x24-0-20 80 24 "run wait-or-chase --paused --ascii" .200
cap user-no-terminal 120 10 "run wait-or-chase | cat"

# docs/workshop-guide.md
cap workshop-present-160x45-0-12 160 45 "present workshop-wait-or-lean-in --speed 4" sleep:5
cap workshop-room-still-face-3-00 100 32 "room still-face --paused" .1800
# "Slides that compare": the debrief of a session with two paths (`i`, on to
# the end, `b`, `W`, `w`, on to the end), whole in one tall window
cap workshop-two-paths 120 250 "present workshop-wait-or-lean-in --speed 32" sleep:2 i sleep:6 b W w sleep:7

# docs/parents-guide.md
# the same screens as user-coach-0-19 and user-coach-comparison
