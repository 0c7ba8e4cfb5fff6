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
