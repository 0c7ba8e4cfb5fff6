//! Choosing between exact occurrences of a repeated quote by their
//! surroundings: the stored prefix and suffix are looked for, by bounded
//! approximate search, in the text now standing before and after each
//! occurrence (a window as long as the stored context), so a context that
//! differs in one char — the one next to the quote included — or lost or
//! gained a few chars still counts for all its other chars.

/// How far an occurrence's surroundings are from the stored context: the
/// prefix's edit distance relative to the prefix's length plus the suffix's
/// relative to the suffix's, kept as an exact integer (`prefix edits ×
/// suffix length + suffix edits × prefix length`) so equal contexts compare
/// equal without a float epsilon. 0 is a perfect match.
pub(super) type ContextCost = usize;

/// The stored context of a quote, and the text it is compared against.
pub(super) struct Context<'a> {
    /// The current clean text.
    pub(super) chars: &'a [char],
    /// The quote's length in chars.
    pub(super) quote_len: usize,
    /// The stored text before the quote.
    pub(super) prefix: &'a [char],
    /// The stored text after the quote.
    pub(super) suffix: &'a [char],
}

impl Context<'_> {
    /// Weight of one prefix edit in a [`ContextCost`].
    fn prefix_unit(&self) -> usize {
        self.suffix.len().max(1)
    }

    /// Weight of one suffix edit in a [`ContextCost`].
    fn suffix_unit(&self) -> usize {
        self.prefix.len().max(1)
    }

    /// The largest cost any occurrence can have (every context char changed).
    pub(super) fn worst(&self) -> ContextCost {
        self.prefix.len() * self.prefix_unit() + self.suffix.len() * self.suffix_unit()
    }

    /// The cost of the occurrence at `start`, or `None` if it is above
    /// `limit` (then the comparison stops early: with many occurrences, the
    /// ones that cannot beat the best so far cost a few cells each).
    pub(super) fn cost(&self, start: usize, limit: ContextCost) -> Option<ContextCost> {
        // The same number of chars as stored, or fewer at the text's edges
        // (the missing ones count as edits).
        let before = self
            .chars
            .get(start.saturating_sub(self.prefix.len())..start)
            .unwrap_or_default();
        let end = start.saturating_add(self.quote_len);
        let to = end.saturating_add(self.suffix.len()).min(self.chars.len());
        let after = self.chars.get(end..to).unwrap_or_default();
        let prefix_edits = search_distance_within(self.prefix, before, limit / self.prefix_unit())?;
        let spent = prefix_edits * self.prefix_unit();
        let left = limit.checked_sub(spent)?;
        let suffix_edits = search_distance_within(self.suffix, after, left / self.suffix_unit())?;
        Some(spent + suffix_edits * self.suffix_unit())
    }
}

/// The fewest edits that turn `pattern` into some run of consecutive chars
/// of `text` (approximate search: the chars of `text` before and after that
/// run cost nothing), if at most `max`, else `None`.
///
/// This is how a stored prefix or suffix is compared with the text beside
/// an occurrence: the text window has as many chars as the stored context,
/// and a context that lost or gained a few chars (a changed word, a space
/// next to the quote) still finds the rest of itself inside the window
/// instead of paying for every char shifted out of line.
pub(super) fn search_distance_within(pattern: &[char], text: &[char], max: usize) -> Option<usize> {
    if pattern.is_empty() {
        return Some(0);
    }
    if text == pattern {
        return Some(0);
    }
    let inf = max.saturating_add(1);
    // Row i holds, for each end j in `text`, the fewest edits matching
    // `pattern[..i]` to a run of `text` ending at j; row 0 is all zero (the
    // run may start anywhere).
    let mut prev = vec![0_usize; text.len() + 1];
    let mut cur = vec![inf; text.len() + 1];
    for (i, pc) in pattern.iter().enumerate() {
        let row = i + 1;
        let first = row.min(inf);
        if let Some(cell) = cur.first_mut() {
            *cell = first;
        }
        let mut row_min = first;
        for (j, tc) in text.iter().enumerate() {
            let diag = prev.get(j).copied().unwrap_or(inf) + usize::from(pc != tc);
            let up = prev.get(j + 1).copied().unwrap_or(inf) + 1;
            let left = cur.get(j).copied().unwrap_or(inf) + 1;
            let value = diag.min(up).min(left).min(inf);
            if let Some(cell) = cur.get_mut(j + 1) {
                *cell = value;
            }
            row_min = row_min.min(value);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.iter().copied().min().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{ALPHABET, naive_search};
    use proptest::prelude::*;

    fn c(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn a_context_is_found_inside_its_window() {
        // The stored prefix 代表大會 before a quote; the text now has a
        // space between: one edit, not one for every char shifted.
        assert_eq!(
            search_distance_within(&c("人民代表大會"), &c("民代表大會 "), 6),
            Some(1)
        );
        // A prefix that differs in its last char next to the quote.
        assert_eq!(
            search_distance_within(&c("代表大會，"), &c("代表大會 "), 5),
            Some(1)
        );
        // Unrelated text costs every char of the pattern at most.
        assert_eq!(
            search_distance_within(&c("人社廳"), &c("甲乙丙"), 3),
            Some(3)
        );
        assert_eq!(search_distance_within(&c("人社廳"), &c("甲乙丙"), 2), None);
        assert_eq!(search_distance_within(&c(""), &c("甲"), 0), Some(0));
        assert_eq!(search_distance_within(&c("甲"), &c(""), 1), Some(1));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn bounded_search_is_the_best_run_or_none(
            pattern in prop::collection::vec(prop::sample::select(ALPHABET), 0..12),
            text in prop::collection::vec(prop::sample::select(ALPHABET), 0..14),
            max in 0usize..14,
        ) {
            let full = naive_search(&pattern, &text);
            prop_assert_eq!(search_distance_within(&pattern, &text, max), (full <= max).then_some(full));
        }
    }
}
