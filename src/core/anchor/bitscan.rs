//! Bit-parallel approximate search (Myers 1999, in the block form of Hyyrö
//! 2003 as edlib uses it): for each text position, the least edit distance
//! between a pattern and a text substring ending there, with 64 pattern
//! chars to a machine word. A text char costs a few word operations per 64
//! pattern chars instead of one table cell per pattern char.

/// Pattern chars (table rows) per block.
const WORD: usize = 64;

/// A pattern prepared for scanning.
pub(super) struct Pattern {
    /// The pattern's distinct chars, ascending.
    chars: Vec<char>,
    /// For each of `chars`, `blocks` words: bit `r % 64` of word `r / 64`
    /// is set when row (pattern position) `r` holds that char.
    masks: Vec<u64>,
    /// Words per mask: the pattern length divided by 64, rounded up.
    blocks: usize,
    /// Bit `c % 64` set for every char `c` of the pattern: most text chars
    /// not in the pattern are turned away without a search.
    filter: u64,
    /// The pattern's length.
    len: usize,
}

impl Pattern {
    /// Prepares `pattern`.
    pub(super) fn new(pattern: &[char]) -> Self {
        let mut chars = pattern.to_vec();
        chars.sort_unstable();
        chars.dedup();
        let blocks = pattern.len().div_ceil(WORD);
        let mut masks = vec![0u64; chars.len() * blocks];
        let mut filter = 0u64;
        for (row, c) in pattern.iter().enumerate() {
            filter |= 1 << (u32::from(*c) % 64);
            if let Ok(i) = chars.binary_search(c)
                && let Some(word) = masks.get_mut(i * blocks + row / WORD)
            {
                *word |= 1 << (row % WORD);
            }
        }
        Self {
            chars,
            masks,
            blocks,
            filter,
            len: pattern.len(),
        }
    }

    /// Words per column of the scan.
    pub(super) fn blocks(&self) -> usize {
        self.blocks
    }

    /// The rows holding `c`, or `None` when it is not in the pattern.
    fn mask(&self, c: char) -> Option<&[u64]> {
        if self.filter & (1 << (u32::from(c) % 64)) == 0 {
            return None;
        }
        let i = self.chars.binary_search(&c).ok()?;
        self.masks.get(i * self.blocks..(i + 1) * self.blocks)
    }

    /// Every `(end, distance)` where a substring of `text` ending at `end`
    /// (exclusive) is within `k` edits of the pattern, `distance` being the
    /// least such, in order of `end`.
    pub(super) fn ends_within(&self, text: &[char], k: usize) -> Vec<(usize, usize)> {
        let mut ends = Vec::new();
        let Some(last_bit) = self.len.checked_sub(1).map(|r| r % WORD) else {
            return ends;
        };
        // Vertical deltas of each column, as positive and negative bits:
        // column 0 is 0, 1, 2, … (every delta +1).
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let zeros = vec![0u64; self.blocks];
        // The distance at the last row: the whole pattern against nothing.
        let mut score = self.len;
        for (j, &c) in text.iter().enumerate() {
            let eqs = self.mask(c).unwrap_or(&zeros);
            // Horizontal delta entering the block's first row: 0 at row 0,
            // since a match may start anywhere.
            let mut hin: i8 = 0;
            let blocks = pv.iter_mut().zip(mv.iter_mut()).zip(eqs);
            let count = self.blocks;
            for (b, ((pv, mv), &eq)) in blocks.enumerate() {
                let neg = u64::from(hin < 0);
                let pos = u64::from(hin > 0);
                let xv = eq | *mv;
                let eq = eq | neg;
                let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
                let mut ph = *mv | !(xh | *pv);
                let mut mh = *pv & xh;
                // The delta leaving this block: at its top row, or, in the
                // last block, at the pattern's last row.
                let top = if b + 1 == count { last_bit } else { WORD - 1 };
                hin = i8::from((ph >> top) & 1 == 1) - i8::from((mh >> top) & 1 == 1);
                ph = (ph << 1) | pos;
                mh = (mh << 1) | neg;
                *pv = mh | !(xv | ph);
                *mv = ph & xv;
            }
            score = match hin {
                1 => score + 1,
                -1 => score.saturating_sub(1),
                _ => score,
            };
            if score <= k {
                ends.push((j + 1, score));
            }
        }
        ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{ALPHABET, levenshtein};
    use proptest::prelude::*;

    /// The least distance of the pattern to a substring ending at each
    /// position: the whole semi-global table (row 0 free), no cut-off.
    fn reference(pattern: &[char], text: &[char]) -> Vec<usize> {
        let m = pattern.len();
        let mut d = vec![vec![0; text.len() + 1]; m + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for i in 1..=m {
            for j in 1..=text.len() {
                let sub = d[i - 1][j - 1] + usize::from(pattern[i - 1] != text[j - 1]);
                d[i][j] = sub.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
            }
        }
        d[m][1..].to_vec()
    }

    #[test]
    fn reference_agrees_with_levenshtein() {
        let pattern: Vec<char> = "合作框架".chars().collect();
        let text: Vec<char> = "簽署合做框架協議".chars().collect();
        let best = (0..=6).map(|s| levenshtein(&text[s..6], &pattern)).min();
        assert_eq!(reference(&pattern, &text)[5], best.unwrap());
        assert_eq!(best, Some(1));
    }

    #[test]
    fn finds_a_changed_phrase_across_blocks() {
        let phrase: Vec<char> = "濟寧市政府與省人社廳簽署合作框架協議"
            .repeat(8)
            .chars()
            .collect();
        assert!(phrase.len() > 2 * WORD);
        let mut text: Vec<char> = "天地玄黃".chars().collect();
        let mut changed = phrase.clone();
        changed[70] = '甲';
        changed.remove(10);
        text.extend(&changed);
        text.extend("宇宙洪荒".chars());
        let ends = Pattern::new(&phrase).ends_within(&text, 2);
        let end = 4 + changed.len();
        assert!(ends.contains(&(end, 2)), "{ends:?}");
        assert!(ends.iter().all(|&(_, d)| d == 2), "{ends:?}");
        assert!(Pattern::new(&phrase).ends_within(&text, 1).is_empty());
        assert!(Pattern::new(&[]).ends_within(&text, 3).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn distances_are_those_of_the_table(
            pattern in prop::collection::vec(prop::sample::select(&ALPHABET[..6]), 1..150),
            text in prop::collection::vec(prop::sample::select(&ALPHABET[..6]), 0..80),
            k in 0usize..40,
        ) {
            // A small alphabet makes near matches; patterns of 1 to 3 blocks.
            let expected: Vec<(usize, usize)> = reference(&pattern, &text)
                .into_iter()
                .enumerate()
                .filter(|&(_, d)| d <= k)
                .map(|(j, d)| (j + 1, d))
                .collect();
            prop_assert_eq!(Pattern::new(&pattern).ends_within(&text, k), expected);
        }
    }
}
