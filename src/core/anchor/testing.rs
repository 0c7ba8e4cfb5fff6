//! Test helpers shared by the anchoring modules' tests: independent
//! reference implementations (scan, Levenshtein) and generated texts.

use proptest::prelude::*;

/// `chars[start..end]` as a String.
pub(super) fn s(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Start offsets of `needle` in `hay`, in chars (independent of the index).
pub(super) fn naive_find(hay: &[char], needle: &[char]) -> Vec<usize> {
    (0..=hay.len().saturating_sub(needle.len()))
        .filter(|&i| hay.len() >= needle.len() && hay[i..i + needle.len()] == *needle)
        .collect()
}

/// Plain full-matrix Levenshtein, independent of the module's code.
pub(super) fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let sub = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = sub.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
        }
    }
    d[a.len()][b.len()]
}

/// The alphabet of the generated texts: frequent chars make repeats.
pub(super) const ALPHABET: &[char] = &[
    '的', '一', '是', '在', '不', '了', '有', '和', '人', '這', '中', '大', '為', '上', '個', '國',
    '我', '以', '要', '他', '時', '來', '用', '們', '生', '到', '作', '地', '於', '出', '。', '，',
];

/// Generated texts of 12 to 300 chars from [`ALPHABET`].
pub(super) fn text() -> impl Strategy<Value = Vec<char>> {
    prop::collection::vec(prop::sample::select(ALPHABET), 12..300)
}

/// Random edits in and around quotes of the article, counting right and
/// false anchors; run with `cargo test --lib anchor::testing -- --ignored
/// --nocapture`.
#[test]
#[ignore = "measurement, prints figures"]
fn random_edits_near_quotes() {
    use super::{TextIndex, anchor};
    use crate::core::notes::note::Target;
    use crate::core::text::document::Document;

    let doc = Document::embedded();
    let chars: Vec<char> = doc.text().chars().collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let extra = [' ', '，', '、', '的'];
    let (mut trials, mut intact, mut intact_right, mut right, mut false_anchors, mut orphans) =
        (0, 0, 0, 0, 0, 0);
    let (mut repeated, mut repeated_right, mut same_words) = (0, 0, 0);
    for trial in 0..3_000 {
        // Every other trial: a quote that occurs more than once.
        let (start, len) = loop {
            let len = if trial % 2 == 0 {
                2 + next(4)
            } else {
                2 + next(29)
            };
            let start = next(chars.len() - len);
            if trial % 2 == 1 || naive_find(&chars, &chars[start..start + len]).len() > 1 {
                break (start, len);
            }
        };
        let target = Target::range(&doc, start, start + len);
        // Edits within 40 chars of the quote, inside it included.
        let mut new: Vec<(char, Option<usize>)> = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, Some(i)))
            .collect();
        for _ in 0..1 + next(4) {
            let lo = start.saturating_sub(40);
            let at = (lo + next(len + 80)).min(new.len() - 1);
            let c = if next(3) == 0 {
                extra[next(extra.len())]
            } else {
                ALPHABET[next(ALPHABET.len())]
            };
            match next(3) {
                0 => new.insert(at, (c, None)),
                1 => {
                    new.remove(at);
                }
                _ => new[at] = (c, None),
            }
        }
        let text: String = new.iter().map(|x| x.0).collect();
        // Where the quote's surviving chars now are.
        let kept: Vec<usize> = new
            .iter()
            .enumerate()
            .filter(|(_, x)| x.1.is_some_and(|o| start <= o && o < start + len))
            .map(|(i, _)| i)
            .collect();
        let is_intact = kept.len() == len
            && kept
                .last()
                .zip(kept.first())
                .is_some_and(|(l, f)| l - f + 1 == len);
        trials += 1;
        intact += usize::from(is_intact);
        let is_repeated = trial % 2 == 0 && is_intact;
        repeated += usize::from(is_repeated);
        match anchor(&TextIndex::new(&text), &target).position() {
            None => orphans += 1,
            Some(p) => {
                let ok = match (kept.first(), kept.last()) {
                    _ if is_intact => p.start == kept[0] && p.end == kept[0] + len,
                    (Some(&f), Some(&l)) => p.start <= l && f < p.end,
                    _ => false,
                };
                if ok {
                    right += 1;
                    intact_right += usize::from(is_intact);
                    repeated_right += usize::from(is_repeated);
                } else if text
                    .chars()
                    .skip(p.start)
                    .take(p.end - p.start)
                    .eq(chars[start..start + len].iter().copied())
                {
                    // The quote's own place was edited; another place
                    // holds the same words.
                    same_words += 1;
                } else {
                    false_anchors += 1;
                }
            }
        }
    }
    eprintln!(
        "{trials} notes, 1-4 random edits within 40 chars of each quote: {right} right, \
         {same_words} on another place holding the quoted words (its own was edited), \
         {false_anchors} on other words, {orphans} orphaned; quote intact: {intact_right}/{intact} \
         right; repeated quote intact: {repeated_right}/{repeated} right"
    );
}

/// The approximate-search distance by brute force: the least Levenshtein
/// distance from `pattern` to any run of consecutive chars of `text` (for
/// each start, one full Levenshtein table whose last row gives every end).
pub(super) fn naive_search(pattern: &[char], text: &[char]) -> usize {
    let mut best = pattern.len();
    for i in 0..=text.len() {
        let run = &text[i..];
        // table[a][b]: distance of pattern[..a] and run[..b].
        let mut table = vec![vec![0_usize; run.len() + 1]; pattern.len() + 1];
        for (a, row) in table.iter_mut().enumerate() {
            row[0] = a;
        }
        for (b, cell) in table[0].iter_mut().enumerate() {
            *cell = b;
        }
        for a in 1..=pattern.len() {
            for b in 1..=run.len() {
                let same = usize::from(pattern[a - 1] != run[b - 1]);
                table[a][b] = (table[a - 1][b - 1] + same)
                    .min(table[a - 1][b] + 1)
                    .min(table[a][b - 1] + 1);
            }
        }
        best = best.min(table[pattern.len()].iter().copied().min().unwrap_or(best));
    }
    best
}
