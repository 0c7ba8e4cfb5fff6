//! Choosing between exact occurrences of a repeated quote by their
//! surroundings: the stored prefix and suffix are compared with the text
//! now standing before and after each occurrence by (bounded) edit
//! distance, so a context that differs in one char — the one next to the
//! quote included — still counts for all its other chars.

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
        let prefix_edits = edit_distance_within(self.prefix, before, limit / self.prefix_unit())?;
        let spent = prefix_edits * self.prefix_unit();
        let left = limit.checked_sub(spent)?;
        let suffix_edits = edit_distance_within(self.suffix, after, left / self.suffix_unit())?;
        Some(spent + suffix_edits * self.suffix_unit())
    }
}

/// Levenshtein distance between `a` and `b` if it is at most `max`, else
/// `None`. Equal strings (the common case: a note whose surroundings did
/// not change) cost one comparison. Only the band of cells within `max` of the diagonal is filled,
/// and the comparison stops at the first row whose cells all exceed `max`.
pub(super) fn edit_distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let inf = max.saturating_add(1);
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(inf)).collect();
    let mut cur = vec![inf; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(max);
        let hi = row.saturating_add(max).min(b.len());
        // Cells outside the band are never written, except the one left
        // of it, which still holds a value from two rows up.
        if let Some(cell) = lo.checked_sub(1).and_then(|j| cur.get_mut(j)) {
            *cell = inf;
        }
        let mut row_min = inf;
        if lo == 0
            && let Some(first) = cur.first_mut()
        {
            *first = row.min(inf);
            row_min = *first;
        }
        for j in lo.max(1)..=hi {
            let diag = prev.get(j - 1).copied().unwrap_or(inf)
                + usize::from(b.get(j - 1).is_none_or(|cb| cb != ca));
            let up = prev.get(j).copied().unwrap_or(inf) + 1;
            let left = cur.get(j - 1).copied().unwrap_or(inf) + 1;
            let value = diag.min(up).min(left).min(inf);
            if let Some(cell) = cur.get_mut(j) {
                *cell = value;
            }
            row_min = row_min.min(value);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{ALPHABET, levenshtein};
    use proptest::prelude::*;

    fn c(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn one_changed_char_next_to_the_quote_costs_one_edit() {
        assert_eq!(
            edit_distance_within(&c("代表大會，"), &c("代表大會 "), 32),
            Some(1)
        );
        assert_eq!(
            edit_distance_within(&c("代表大會，"), &c("代表大會"), 32),
            Some(1)
        );
        assert_eq!(
            edit_distance_within(&c("代表大會"), &c("人民政府"), 2),
            None
        );
        assert_eq!(edit_distance_within(&c(""), &c(""), 0), Some(0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn bounded_distance_is_levenshtein_or_none(
            a in prop::collection::vec(prop::sample::select(ALPHABET), 0..34),
            b in prop::collection::vec(prop::sample::select(ALPHABET), 0..34),
            max in 0usize..40,
        ) {
            let full = levenshtein(&a, &b);
            let bounded = edit_distance_within(&a, &b, max);
            prop_assert_eq!(bounded, (full <= max).then_some(full));
        }
    }
}
