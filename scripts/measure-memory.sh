#!/usr/bin/env bash
# Peak memory (max RSS) of the release build under a private Xvfb display,
# while the reader is scrolled with the mouse wheel for 8 s, on:
#  - the embedded article;
#  - a generated 5 MB Chinese document (the article's paragraphs, numbered),
#    without notes and with 10,000 notes.
# Needs xvfb, xdotool and python3. Goals (issue 7): ≤ 120 MB on the article,
# ≤ 250 MB on the 5 MB document.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=${KEEP_WORK:-$(mktemp -d)}; mkdir -p "$work"
d=:$((300 + RANDOM % 100))
Xvfb "$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
sleep 0.5
export DISPLAY=$d

# The 5 MB document is the article's clean text (as `pizhu text` prints
# it), its paragraphs numbered and repeated; the 10,000 notes are spread
# over it with quote and position selectors (positions count code points, in
# Python as in Pizhu), as a W3C collection that `pizhu import` takes in.
target/release/pizhu text >"$work/article.txt"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
paras = [p for p in open(f"{work}/article.txt", encoding="utf-8").read().split("\n") if p.strip()]
out, n, size = [], 0, 0
while size < 5_000_000:
    for p in paras:
        line = f"第{n}段 {p}\n"
        out.append(line); n += 1; size += len(line.encode())
text = "".join(out)
open(f"{work}/big.txt", "w", encoding="utf-8").write(text)
items, pos = [], 0
while len(items) < 10_000:
    pos = (pos + 7919) % (len(text) - 20)
    quote = text[pos:pos + 2 + len(items) % 8]
    if "\n" in quote:
        continue
    items.append({
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": f"第{len(items)}條", "format": "text/plain"},
        "target": {"source": "big.txt", "selector": [
            {"type": "TextQuoteSelector", "exact": quote,
             "prefix": text[max(0, pos - 8):pos], "suffix": text[pos + len(quote):pos + len(quote) + 8]},
            {"type": "TextPositionSelector", "start": pos, "end": pos + len(quote)}]},
    })
json.dump({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
           "first": {"type": "AnnotationPage", "items": items}},
          open(f"{work}/notes.jsonld", "w", encoding="utf-8"), ensure_ascii=False)
PY

peak() { # label, then the command line of the app
  local label=$1; shift
  local log="$work/time.log"
  ( /usr/bin/time -f '%M' -o "$log" "$@" >/dev/null 2>&1 & echo $! >"$work/pid"; wait ) &
  local runner=$!
  sleep 3
  local wid
  wid=$(xdotool search --name 'Pizhu|pizhu|big.txt|article' 2>/dev/null | head -1 || true)
  if [ -n "$wid" ]; then
    xdotool mousemove --window "$wid" 300 400
    for _ in $(seq 40); do xdotool click --repeat 5 --delay 20 5; done
    for _ in $(seq 10); do xdotool click --repeat 5 --delay 20 4; done
  fi
  sleep 1
  # The software OpenGL renderer (llvmpipe: libLLVM, swrast) that Xvfb needs
  # is mapped into the process; a machine with a GPU does not load it.
  local gl
  gl=$(awk '/^[0-9a-f]+-/ {lib = ($6 ~ /libLLVM|swrast|libgallium/)} /^Rss:/ && lib {kb += $2} END {print int(kb / 1024)}' \
    "/proc/$(pgrep -x pizhu | head -1)/smaps" 2>/dev/null || echo "?")
  pkill -TERM -x pizhu || true
  wait $runner 2>/dev/null || true
  local kb
  kb=$(grep -Eo '^[0-9]+' "$log" | tail -1)
  echo "$label: peak RSS $((kb / 1024)) MB, of which the software OpenGL libraries $gl MB"
}

export PIZHU_DATA_DIR="$work/data" HOME="$work/home"
mkdir -p "$PIZHU_DATA_DIR" "$HOME"
peak "article, no notes" target/release/pizhu
peak "5 MB document, no notes" target/release/pizhu "$work/big.txt"
target/release/pizhu import "$work/notes.jsonld" "$work/big.txt" --notes "$work/big.pizhu.json" >/dev/null || true
echo "notes in the review file: $(grep -o '"id"' "$work/big.pizhu.json" | wc -l)"
peak "5 MB document, 10,000 notes" target/release/pizhu "$work/big.pizhu.json"
