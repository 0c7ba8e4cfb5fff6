#!/usr/bin/env bash
# Regenerate assets/jieba-dict.txt, the word list behind double-click word
# selection: jieba's dictionary (from the jieba-rs crate, MIT licence, the
# version pinned in Cargo.lock) keeping the words seen at least 3 times and
# dropping the part-of-speech column. That keeps every segmentation of the
# article as the full dictionary makes it, in 30 MB of memory instead of 50.
# Deterministic: the same crate version gives the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(awk '/^name = "jieba-rs"$/ {getline; print $3}' Cargo.lock | tr -d '"')
src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"jieba-rs-$version" | head -1)
test -f "$src/src/data/dict.txt" || { echo "run cargo fetch first: $src/src/data/dict.txt is missing" >&2; exit 1; }
LC_ALL=C awk '$2 >= 3 { print $1, $2 }' "$src/src/data/dict.txt" >assets/jieba-dict.txt
echo "assets/jieba-dict.txt: $(wc -l <assets/jieba-dict.txt) words from jieba-rs $version"
