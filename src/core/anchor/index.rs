//! The text index anchoring searches: a clean text as chars, so char
//! offsets index it directly, and a trigram index of every position, built
//! on first need, so the occurrences of any string are found without a scan.

use std::fmt;
use std::sync::OnceLock;

use crate::core::notes::note::TextPosition;

/// Precomputed view of a clean text for anchoring many notes: its chars, and
/// a trigram index built the first time a note is not at its stored position.
/// Build once per document text and reuse it for every note.
#[derive(Clone, Default)]
pub struct TextIndex {
    /// The text as chars, so that char offsets index directly.
    chars: Vec<char>,
    /// Every position, sorted by the trigram starting there (then by
    /// position), so the occurrences of any 1–3 char string are one range.
    /// Lazily built: texts whose notes all sit at their stored positions never
    /// pay for it. `None` for texts too long for `u32` positions, which fall
    /// back to scanning.
    grams: OnceLock<Option<Vec<u32>>>,
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

/// Bits per char in a trigram key: every scalar value plus one fits in 21.
const CHAR_BITS: u32 = 21;

/// Chars in an index key.
const GRAM: usize = 3;

/// Most trigrams of a pattern compared when choosing the rarest to look up.
const MAX_PROBES: usize = 64;

/// A char's part of a trigram key: 0 for "past the end", which sorts first,
/// so the keys starting with a 1- or 2-char string form one range.
fn key_code(c: Option<&char>) -> u64 {
    c.map_or(0, |&c| u64::from(c) + 1)
}

/// The trigram key of the chars at `pos` (missing chars past the end are 0).
fn key_at(chars: &[char], pos: usize) -> u64 {
    (0..GRAM).fold(0, |key, i| {
        (key << CHAR_BITS) | key_code(chars.get(pos.saturating_add(i)))
    })
}

/// The half-open key range of the positions whose text starts with `gram`
/// (1 to 3 chars).
fn gram_bounds(gram: &[char]) -> (u64, u64) {
    let lo = (0..GRAM).fold(0, |key, i| (key << CHAR_BITS) | key_code(gram.get(i)));
    let free = GRAM.saturating_sub(gram.len().min(GRAM));
    let span = 1u64 << (CHAR_BITS * u32::try_from(free).unwrap_or(0));
    (lo, lo.saturating_add(span))
}

/// Bits of a key char sorted per radix pass (two passes cover 21 bits).
const RADIX_BITS: u32 = 11;

/// Buckets per radix pass.
const RADIX: usize = 1 << RADIX_BITS;

/// Positions `0..n` of `chars` sorted by [`key_at`], ties by position.
///
/// A least-significant-digit radix sort: six stable counting passes (two per
/// char of the trigram), linear in the text. A comparison sort recomputing
/// keys took seconds on a 5 MB text in debug builds.
fn sort_by_trigram(chars: &[char], n: u32) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n).collect();
    let mut scratch = vec![0u32; order.len()];
    let mut slots = vec![0usize; RADIX];
    for d in (0..GRAM).rev() {
        for shift in [0, RADIX_BITS] {
            // The bucket of position p in this pass.
            let digit = |p: u32| {
                let code = key_code(chars.get((p as usize).saturating_add(d)));
                // Masked to RADIX_BITS bits, so it fits any usize.
                ((code >> shift) as usize) & (RADIX - 1)
            };
            slots.fill(0);
            for &p in &order {
                if let Some(count) = slots.get_mut(digit(p)) {
                    *count += 1;
                }
            }
            // Counts to first slots of each bucket.
            let mut next = 0;
            for slot in &mut slots {
                let count = *slot;
                *slot = next;
                next += count;
            }
            // Stable: equal digits keep their order from the previous pass.
            for &p in &order {
                if let Some(slot) = slots.get_mut(digit(p)) {
                    if let Some(cell) = scratch.get_mut(*slot) {
                        *cell = p;
                    }
                    *slot += 1;
                }
            }
            std::mem::swap(&mut order, &mut scratch);
        }
    }
    order
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

    /// The trigram index, built on first use.
    fn grams(&self) -> Option<&[u32]> {
        self.grams
            .get_or_init(|| {
                let n = u32::try_from(self.chars.len()).ok()?;
                Some(sort_by_trigram(&self.chars, n))
            })
            .as_deref()
    }

    /// The positions whose text starts with `gram` (1 to 3 chars).
    fn gram_range<'a>(&self, grams: &'a [u32], gram: &[char]) -> &'a [u32] {
        let (lo, hi) = gram_bounds(gram);
        let from = grams.partition_point(|&p| key_at(&self.chars, p as usize) < lo);
        let to = grams.partition_point(|&p| key_at(&self.chars, p as usize) < hi);
        grams.get(from..to).unwrap_or_default()
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
        // Look up the rarest trigram of the pattern and check each hit, so the
        // cost follows that trigram's frequency rather than the text length.
        let (offset, hits) = if len <= GRAM {
            (0, self.gram_range(grams, pat))
        } else {
            (0..=len - GRAM)
                .take(MAX_PROBES)
                .filter_map(|o| Some((o, self.gram_range(grams, pat.get(o..o + GRAM)?))))
                .min_by_key(|(_, hits)| hits.len())
                .unwrap_or((0, &[]))
        };
        let mut starts: Vec<usize> = hits
            .iter()
            .filter_map(|&p| {
                let start = (p as usize).checked_sub(offset)?;
                (self.chars_at(start, len) == Some(pat)).then_some(start)
            })
            .collect();
        // A range of a 1- or 2-char string spans several keys, each in text
        // order; callers get one order whatever the pattern length.
        starts.sort_unstable();
        starts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{naive_find, s, text};
    use proptest::prelude::*;

    #[test]
    fn radix_order_is_key_order() {
        let chars: Vec<char> = "濟寧a濟寧b\n𠀀濟😀濟寧濟a寧\u{0}\u{10FFFF}濟"
            .chars()
            .collect();
        let n = u32::try_from(chars.len()).unwrap();
        let mut expected: Vec<u32> = (0..n).collect();
        expected.sort_by_key(|&p| (key_at(&chars, p as usize), p));
        assert_eq!(sort_by_trigram(&chars, n), expected);
        assert!(sort_by_trigram(&[], 0).is_empty());
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
