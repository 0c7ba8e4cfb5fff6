#!/usr/bin/env bash
# Several writers at once on one review file, as BENCHMARKS.md records it:
# PROCS processes each import ROUNDS one-note annotation files, one after the
# other, all into the same review file of a copy of the article. Prints the
# wall time, the notes in the file afterwards, commands that failed and
# temporary files left.
#
#   scripts/measure-writers.sh [PIZHU_BINARY] [PROCS] [ROUNDS]
#
# Default binary: target/release/pizhu (build it with `cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/pizhu}")
procs=${2:-4}
rounds=${3:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PIZHU_DATA_DIR="$work/data"
cp assets/article.txt "$work/article.txt"
for p in $(seq 1 "$procs"); do
  for r in $(seq 1 "$rounds"); do
    printf '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"urn:x-measure:%s-%s","body":{"type":"TextualBody","value":"寫手%s第%s則"},"target":{"selector":{"type":"TextQuoteSelector","exact":"濟寧市政府"}}}' \
      "$p" "$r" "$p" "$r" > "$work/a-$p-$r.json"
  done
done
start=$(date +%s.%N)
for p in $(seq 1 "$procs"); do
  (
    for r in $(seq 1 "$rounds"); do
      "$bin" import "$work/a-$p-$r.json" "$work/article.txt" --notes "$work/review.pizhu.json" \
        >/dev/null 2>>"$work/errors-$p" || echo "failed: $p-$r" >>"$work/failed"
    done
  ) &
done
wait
end=$(date +%s.%N)
notes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["notes"]))' "$work/review.pizhu.json")
temps=$(find "$work" -maxdepth 1 -name '*.tmp' | wc -l)
failed=$( [ -f "$work/failed" ] && wc -l <"$work/failed" || echo 0)
python3 -c 'import sys; p, r, n, f, t, s, e = sys.argv[1:]; w = float(e) - float(s); print(f"writers={p} rounds={r} imports={int(p) * int(r)} notes={n} failed={f} temp_files_left={t} wall={w:.2f}s per_import={w * 1000 / (int(p) * int(r)):.1f}ms")' \
  "$procs" "$rounds" "$notes" "$failed" "$temps" "$start" "$end"
