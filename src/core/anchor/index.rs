//! The text index anchoring searches: a clean text as chars, so char
//! offsets index it directly, and a bigram index of every position, built
//! on first need, so the occurrences of any string are found without a scan.

use std::fmt;
use std::sync::OnceLock;

use crate::core::notes::note::TextPosition;

/// Precomputed view of a clean text for anchoring many notes: its chars, and
/// a bigram index built the first time a note is not at its stored position.
/// Build once per document text and reuse it for every note.
#[derive(Clone, Default)]
pub struct TextIndex {
    /// The text as chars, so that char offsets index directly.
    chars: Vec<char>,
    /// Every position sorted by the two chars starting there. Lazily built:
    /// texts whose notes all sit at their stored positions never pay for it.
    /// `None` for texts too long for `u32` positions, which fall back to
    /// scanning.
    grams: OnceLock<Option<Grams>>,
}

impl fmt::Debug for TextIndex {
    // The derived form would print every char of a possibly huge text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextIndex")
            .field("char_len", &self.chars.len())
            .field("indexed", &self.grams.get().is_some())
            .finish()
    }
}

/// Most bigrams of a pattern compared when choosing the rarest to look up.
const MAX_PROBES: usize = 16;

/// A bigram with at most this many occurrences is rare enough: the lookup
/// takes it without probing further.
const RARE: usize = 8;

/// The bigram index: every position of the text, sorted by the char there,
/// then by the char after it (past the end first), then by position. The
/// occurrences of any char are one range of it, and those of any two chars
/// a range within that, in text order.
///
/// Chars are sorted by their rank among the text's distinct chars (in
/// ascending code point order, so the order is that of the chars
/// themselves): two stable counting passes over dense ranks, linear in the
/// text, about 4 times faster than six radix passes over 21-bit char codes
/// (trigrams, before).
#[derive(Clone)]
struct Grams {
    /// The text's distinct chars, ascending; a char's rank is its place here
    /// plus one (0 stands for "past the end").
    alphabet: Vec<char>,
    /// The positions, sorted as said.
    order: Vec<u32>,
    /// `starts[r]..starts[r + 1]`: the range of `order` of the positions
    /// holding the char of rank `r` (rank 0, past the end, is empty).
    starts: Vec<u32>,
}

/// Rank of each char of `chars` among `alphabet` (which holds them all).
fn ranks_of(chars: &[char], alphabet: &[char]) -> Vec<u32> {
    // A table for the Basic Multilingual Plane (almost every char of a
    // Chinese text), a binary search for the rest.
    const BMP: usize = 0x1_0000;
    let mut table = vec![0u32; BMP];
    let mut rank = 0u32;
    for &c in alphabet {
        rank += 1;
        if let Some(cell) = table.get_mut(c as usize) {
            *cell = rank;
        }
    }
    chars
        .iter()
        .map(|&c| match table.get(c as usize) {
            Some(&r) => r,
            None => alphabet
                .binary_search(&c)
                .map_or(0, |i| u32::try_from(i + 1).unwrap_or(0)),
        })
        .collect()
}

/// The distinct chars of `chars`, ascending.
fn alphabet_of(chars: &[char]) -> Vec<char> {
    let mut seen = vec![false; 0x1_0000];
    let mut astral = Vec::new();
    for &c in chars {
        match seen.get_mut(c as usize) {
            Some(cell) => *cell = true,
            None => astral.push(c),
        }
    }
    astral.sort_unstable();
    astral.dedup();
    let mut alphabet: Vec<char> = seen
        .iter()
        .enumerate()
        .filter(|(_, seen)| **seen)
        .filter_map(|(c, _)| char::from_u32(u32::try_from(c).ok()?))
        .collect();
    alphabet.extend(astral);
    alphabet
}

/// One stable counting pass: the positions `order` yields, placed into
/// `out` by `key(p)`, equal keys in the order they come; `counts[b]` is how
/// many positions have key `b`. Returns the first slot of each key (one
/// more entry than `counts`, the last being the total).
fn counting_pass(
    order: impl Iterator<Item = u32>,
    counts: &[u32],
    out: &mut [u32],
    key: impl Fn(u32) -> usize,
) -> Vec<u32> {
    let mut slots = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    slots.push(total);
    for &count in counts {
        total = total.saturating_add(count);
        slots.push(total);
    }
    let starts = slots.clone();
    for p in order {
        if let Some(slot) = slots.get_mut(key(p)) {
            if let Some(cell) = out.get_mut(*slot as usize) {
                *cell = p;
            }
            *slot += 1;
        }
    }
    starts
}

impl Grams {
    /// The index of `chars`, whose length fits in `u32` (checked by the caller).
    fn new(chars: &[char]) -> Self {
        let alphabet = alphabet_of(chars);
        let ranks = ranks_of(chars, &alphabet);
        let n = u32::try_from(chars.len()).unwrap_or(u32::MAX);
        let rank_at = |p: u32| ranks.get(p as usize).copied().unwrap_or(0) as usize;
        // How many positions hold each char, and how many are followed by
        // it: the same but for the first char, and "past the end" once.
        let mut counts = vec![0u32; alphabet.len() + 1];
        for &rank in &ranks {
            if let Some(count) = counts.get_mut(rank as usize) {
                *count += 1;
            }
        }
        let mut next_counts = counts.clone();
        if let Some(&first) = ranks.first() {
            if let Some(count) = next_counts.get_mut(first as usize) {
                *count -= 1;
            }
            if let Some(count) = next_counts.first_mut() {
                *count += 1;
            }
        }
        // Least significant key first: the next char, then the char.
        let mut by_next = vec![0u32; chars.len()];
        counting_pass(0..n, &next_counts, &mut by_next, |p| rank_at(p + 1));
        let mut order = vec![0u32; chars.len()];
        let starts = counting_pass(by_next.iter().copied(), &counts, &mut order, rank_at);
        Self {
            alphabet,
            order,
            starts,
        }
    }

    /// The rank of `c`, if it is in the text.
    fn rank(&self, c: char) -> Option<usize> {
        self.alphabet.binary_search(&c).ok().map(|i| i + 1)
    }

    /// The positions holding `first` (then `second`, when given), in order
    /// (for two chars, text order).
    fn range(&self, chars: &[char], first: char, second: Option<char>) -> &[u32] {
        let Some(rank) = self.rank(first) else {
            return &[];
        };
        let from = self.starts.get(rank).copied().unwrap_or(0) as usize;
        let to = self.starts.get(rank + 1).copied().unwrap_or(0) as usize;
        let all = self.order.get(from..to).unwrap_or_default();
        let Some(second) = second else {
            return all;
        };
        // Sorted by the next char, "past the end" (None) first.
        let next = |p: &u32| chars.get(*p as usize + 1).copied();
        let lo = all.partition_point(|p| next(p) < Some(second));
        let rest = all.get(lo..).unwrap_or_default();
        let len = rest.partition_point(|p| next(p) <= Some(second));
        rest.get(..len).unwrap_or_default()
    }
}

impl TextIndex {
    /// Prepares `text`, the clean text of a document.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
            grams: OnceLock::new(),
        }
    }

    /// The text as chars.
    pub(super) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Length of the text in chars.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// The text of `position`, clamped to the text; `""` if reversed.
    #[must_use]
    pub fn slice(&self, position: TextPosition) -> String {
        let end = position.end.min(self.chars.len());
        let start = position.start.min(end);
        self.chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// The `len` chars from `start`, if they are all inside the text.
    pub(super) fn chars_at(&self, start: usize, len: usize) -> Option<&[char]> {
        self.chars.get(start..start.checked_add(len)?)
    }

    /// The bigram index, built on first use.
    fn grams(&self) -> Option<&Grams> {
        self.grams
            .get_or_init(|| {
                u32::try_from(self.chars.len()).ok()?;
                Some(Grams::new(&self.chars))
            })
            .as_ref()
    }

    /// Start offsets of every occurrence of `pat`, ascending (overlapping
    /// occurrences included).
    pub(super) fn find_all(&self, pat: &[char]) -> Vec<usize> {
        let len = pat.len();
        if len == 0 || len > self.chars.len() {
            return Vec::new();
        }
        let Some(grams) = self.grams() else {
            // Only for texts of 4 G chars or more: scan.
            return self
                .chars
                .windows(len)
                .enumerate()
                .filter(|(_, w)| *w == pat)
                .map(|(i, _)| i)
                .collect();
        };
        if let [c] = pat {
            // One char: its range is ordered by the char after it.
            let mut starts: Vec<usize> = grams
                .range(&self.chars, *c, None)
                .iter()
                .map(|&p| p as usize)
                .collect();
            starts.sort_unstable();
            return starts;
        }
        // Look up the rarest of a few bigrams of the pattern (spread over
        // it) and check each hit, so the cost follows that bigram's
        // frequency rather than the text length.
        let step = (len - 1).div_ceil(MAX_PROBES).max(1);
        let mut rarest: Option<(usize, &[u32])> = None;
        for offset in (0..len - 1).step_by(step) {
            let (Some(&a), Some(&b)) = (pat.get(offset), pat.get(offset + 1)) else {
                continue;
            };
            let hits = grams.range(&self.chars, a, Some(b));
            if rarest.is_none_or(|(_, r)| hits.len() < r.len()) {
                rarest = Some((offset, hits));
            }
            if hits.len() <= RARE {
                break;
            }
        }
        let Some((offset, hits)) = rarest else {
            return Vec::new();
        };
        // A bigram's range is in text order, so the starts are too; the
        // bigram is the whole of a 2-char pattern.
        if len == 2 {
            return hits.iter().map(|&p| p as usize).collect();
        }
        hits.iter()
            .filter_map(|&p| {
                let start = (p as usize).checked_sub(offset)?;
                (self.chars_at(start, len) == Some(pat)).then_some(start)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{naive_find, s, text};
    use proptest::prelude::*;

    #[test]
    fn order_is_bigram_then_position() {
        let chars: Vec<char> = "濟寧a濟寧b\n𠀀濟😀濟寧濟a寧\u{0}\u{10FFFF}濟𠀀"
            .chars()
            .collect();
        let n = u32::try_from(chars.len()).unwrap();
        let mut expected: Vec<u32> = (0..n).collect();
        let at = |p: u32, d: usize| chars.get(p as usize + d).copied();
        expected.sort_by_key(|&p| (at(p, 0), at(p, 1), p));
        let grams = Grams::new(&chars);
        assert_eq!(grams.order, expected);
        assert_eq!(grams.range(&chars, '濟', Some('寧')), [0, 3, 10]);
        assert_eq!(grams.range(&chars, '𠀀', None), [18, 7]);
        assert!(grams.range(&chars, '甲', None).is_empty());
        assert!(Grams::new(&[]).order.is_empty());
    }

    #[test]
    fn debug_does_not_print_the_text() {
        let index = TextIndex::new("濟寧市");
        assert_eq!(
            format!("{index:?}"),
            "TextIndex { char_len: 3, indexed: false }"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn index_finds_what_a_scan_finds(chars in text(), start in 0usize..10_000, len in 1usize..6) {
            let index = TextIndex::new(&s(&chars, 0, chars.len()));
            let start = start % (chars.len() - len);
            let pat = &chars[start..start + len];
            prop_assert_eq!(index.find_all(pat), naive_find(&chars, pat));
            prop_assert_eq!(index.find_all(&['x']), Vec::<usize>::new());
        }
    }
}
