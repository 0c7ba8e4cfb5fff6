#!/usr/bin/env bash
# Measure the release build under a private Xvfb display:
#  - time from process start to the first painted frame (PIZHU_FIRST_FRAME=1), 10 runs;
#  - frames drawn while idle: PIZHU_TRACE_FRAMES=1 for 6 s with no input, frames after the first second.
# Needs xvfb (apt-get install xvfb libxcursor1 libxi6 libxkbcommon-x11-0).
# Usage: scripts/measure-startup.sh [FILE]   (default: the embedded article)
set -euo pipefail
doc=("$@")
cd "$(dirname "$0")/.."
cargo build --release --quiet
d=:$((200 + RANDOM % 100))
Xvfb "$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null' EXIT
sleep 0.5
export DISPLAY=$d
echo "first frame (ms after process start), 10 runs:"
for _ in $(seq 10); do PIZHU_FIRST_FRAME=1 target/release/pizhu "${doc[@]}" 2>/dev/null; done
log=$(mktemp)
PIZHU_TRACE_FRAMES=1 target/release/pizhu "${doc[@]}" 2>"$log" & apid=$!
sleep 6; kill $apid; wait $apid 2>/dev/null || true
total=$(grep -c '^pizhu: frame' "$log" || true)
idle=$(awk '/^pizhu: frame/ && $5 > 1000' "$log" | wc -l)
echo "frames in 6 s: $total; frames after the first second (idle): $idle"
rm -f "$log"
