#!/usr/bin/env python3
"""Inputs of scripts/measure-anchoring.sh, generated deterministically.

    measure-anchoring.py CLEAN_ARTICLE OUT_DIR

Writes into OUT_DIR:
- doc.txt: about 5 MB of UTF-8 Chinese that does not repeat: clauses of the
  article (CLEAN_ARTICLE, the output of `pizhu text`) put together at random,
  a quarter of their Han chars replaced by others, numbered articles and
  paragraphs, so every 200-char quote is unique.
- near.json: W3C annotations of 300 notes whose 200-char quotes each differ
  from doc.txt in 3 substituted chars (not next to the quote's ends); the
  first 100 have a TextQuoteSelector only (no position hint), the others a
  TextPositionSelector as well. near-expected.json: where each should land.
- many.json: 10,000 annotations made on doc.txt (quotes of 2 to 60 chars,
  quote, prefix, suffix and position), and edited.txt: doc.txt with about
  2,000 insertions, deletions and substitutions spread through it.
"""

import json
import random
import sys

CONTEXT = 32
HAN = [chr(c) for c in range(0x4E00, 0x9FA6)]


def han(c):
    return "\u4e00" <= c <= "\u9fa5"


def main():
    article_path, out = sys.argv[1], sys.argv[2]
    rng = random.Random(20261201)
    article = open(article_path, encoding="utf-8").read()
    clauses = []
    part = ""
    for c in article:
        if c in "，,、；;：:。！？\n":
            if len(part) >= 4:
                clauses.append(part)
            part = ""
        else:
            part += c
    # A pool of replacement chars, common ones (the article's) drawn more often.
    own = sorted({c for c in article if han(c)})
    pool = own * 8 + rng.sample(HAN, 3000)

    pieces = []
    size = 0
    article_no = 0
    while size < 5_000_000:
        if rng.random() < 0.02:
            article_no += 1
            line = f"\n第{article_no}條\n"
        else:
            words = []
            for _ in range(rng.randint(2, 5)):
                words.append(
                    "".join(
                        rng.choice(pool) if han(c) and rng.random() < 0.25 else c
                        for c in rng.choice(clauses)
                    )
                )
            line = "，".join(words) + rng.choice("。。。！？；")
            if rng.random() < 0.15:
                line += "\n"
        pieces.append(line)
        size += len(line.encode("utf-8"))
    text = "".join(pieces).strip("\n") + "\n"
    with open(f"{out}/doc.txt", "w", encoding="utf-8") as f:
        f.write(text)
    n = len(text)

    def annotation(i, quote, prefix, suffix, position):
        selectors = [
            {
                "type": "TextQuoteSelector",
                "exact": quote,
                "prefix": prefix,
                "suffix": suffix,
            }
        ]
        if position is not None:
            selectors.append(
                {
                    "type": "TextPositionSelector",
                    "start": position[0],
                    "end": position[1],
                }
            )
        return {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
            "body": {"type": "TextualBody", "value": f"第{i}則批注"},
            "target": {"selector": selectors},
        }

    # Goal A: 300 near-miss quotes of 200 chars, spread through the text.
    near, expected = [], []
    for i in range(300):
        while True:
            start = rng.randrange(CONTEXT, n - 200 - CONTEXT)
            quote = text[start : start + 200]
            if "\n" in quote or text.count(quote) != 1:
                continue
            chars = list(quote)
            spots = sorted(rng.sample(range(8, 192, 8), 3))
            if not all(han(chars[s]) for s in spots):
                continue
            for s in spots:
                chars[s] = rng.choice([c for c in "甲乙丙丁戊己庚辛壬癸" if c != chars[s]])
            changed = "".join(chars)
            if changed in text:
                continue
            break
        position = None if i < 100 else (start, start + 200)
        near.append(
            annotation(
                i,
                changed,
                text[start - CONTEXT : start],
                text[start + 200 : start + 200 + CONTEXT],
                position,
            )
        )
        expected.append({"id": near[-1]["id"], "start": start, "end": start + 200})
    with open(f"{out}/near.json", "w", encoding="utf-8") as f:
        json.dump(near, f, ensure_ascii=False)
    with open(f"{out}/near-expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f)

    # Goal B: 10,000 notes on the text, then the text edited.
    many = []
    for i in range(10_000):
        length = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 40, 60])
        start = rng.randrange(0, n - length)
        many.append(
            annotation(
                i,
                text[start : start + length],
                text[max(0, start - CONTEXT) : start],
                text[start + length : start + length + CONTEXT],
                (start, start + length),
            )
        )
    with open(f"{out}/many.json", "w", encoding="utf-8") as f:
        json.dump(many, f, ensure_ascii=False)
    edited = []
    at = 0
    while at < n:
        step = rng.randint(400, 1200)
        edited.append(text[at : at + step])
        at += step
        kind = rng.randrange(3)
        if kind == 0:
            edited.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 20))))
        elif kind == 1:
            at += rng.randint(1, 10)
        else:
            edited.append(rng.choice(pool))
            at += 1
    with open(f"{out}/edited.txt", "w", encoding="utf-8") as f:
        f.write("".join(edited))


if __name__ == "__main__":
    main()
