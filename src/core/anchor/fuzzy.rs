//! Approximate search: the passages within a few edits of a quote that is
//! no longer in the text, scored on quote, context and position, and the
//! limits that keep it from landing on unrelated words or stalling.

use std::collections::{HashMap, HashSet};

use super::bitscan::Pattern;
pub use super::candidates::TIE_EPSILON;
use super::candidates::{Candidate, Found, Tally};
use super::index::TextIndex;

/// Lowest combined score (see the `WEIGHT_*` constants) at which an
/// approximate match is accepted. With a perfect context and position, a
/// quote needs about 58% similarity to reach it, but [`MIN_QUOTE_SIMILARITY`]
/// is stricter; the score mostly rejects passages whose quote is similar but
/// whose surroundings are not.
pub const MIN_SCORE: f32 = 0.75;

/// Lowest quote similarity (`1 - edits / quote length`) of an approximate
/// match: a 4-char quote with one changed char (0.75) anchors, a quote with
/// half its chars changed does not. [`max_edits`] enforces it during search.
pub const MIN_QUOTE_SIMILARITY: f32 = 0.75;

/// Shortest quote, in chars, that may match approximately. One to three
/// chars with an edit could be almost anywhere; such notes are orphaned
/// rather than guessed.
pub const MIN_FUZZY_CHARS: usize = 4;

/// One edit is allowed per this many chars of quote (so similarity stays at
/// or above [`MIN_QUOTE_SIMILARITY`]).
pub const CHARS_PER_EDIT: usize = 4;

/// Cap on the edits allowed for long quotes (whole paragraphs), which keeps
/// the search O(text × this) and the accepted text recognisably the same.
pub const MAX_EDITS: usize = 64;

/// Weight of quote similarity in the approximate-match score.
pub const WEIGHT_QUOTE: f32 = 0.6;
/// Weight of prefix (text before the quote) similarity in the score.
pub const WEIGHT_PREFIX: f32 = 0.15;
/// Weight of suffix (text after the quote) similarity in the score.
pub const WEIGHT_SUFFIX: f32 = 0.15;
/// Weight of closeness to the stored position in the score.
pub const WEIGHT_POSITION: f32 = 0.1;

/// Distance, in chars, at which the position part of the score reaches zero
/// (it falls linearly from 1 at the stored position). In texts shorter than
/// this the text length is used instead, so position still discriminates.
pub const POSITION_SCALE: usize = 5_000;

/// Most dynamic-programming cells (edit-distance table entries, context
/// comparisons included) one approximate search may fill: a few milliseconds
/// in a release build. Candidate regions are searched nearest to the stored
/// position first and those beyond the budget are not searched, so in a
/// huge, repetitive text a far-moved note may be orphaned rather than stall
/// the app; in ordinary text the budget is never reached.
pub const FUZZY_CELL_BUDGET: usize = 4_000_000;

/// Ends of an approximate match whose distance exceeds the best in their
/// cluster by more than this are not considered: they are the same passage
/// with a worse boundary.
const END_SLACK: usize = 2;

/// Budget cells one column of the bit-parallel scan costs per 64 quote
/// chars: about the time of that many cells of the plain table.
const BLOCK_CELLS: usize = 8;

/// Chars per chunk of an approximate search (see `FuzzySearch::regions`).
const CHUNK_CHARS: usize = 2_048;

/// The most edits an approximate match of a quote of `quote_chars` chars may
/// have: one per [`CHARS_PER_EDIT`] chars, at most [`MAX_EDITS`]; 0 (no
/// approximate matching) below [`MIN_FUZZY_CHARS`].
#[must_use]
pub fn max_edits(quote_chars: usize) -> usize {
    if quote_chars < MIN_FUZZY_CHARS {
        0
    } else {
        (quote_chars / CHARS_PER_EDIT).clamp(1, MAX_EDITS)
    }
}

/// Levenshtein distance between two short char strings (contexts); one
/// comparison when they are equal.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    if a == b {
        return 0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut left = i + 1;
        if let Some(first) = cur.first_mut() {
            *first = left;
        }
        for (j, cb) in b.iter().enumerate() {
            let diag = prev.get(j).copied().unwrap_or(usize::MAX - 1) + usize::from(ca != cb);
            let up = prev.get(j + 1).copied().unwrap_or(usize::MAX - 1) + 1;
            left = diag.min(up).min(left + 1);
            if let Some(c) = cur.get_mut(j + 1) {
                *c = left;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Similarity in `[0, 1]` of stored context to the text standing in its
/// place, compared over the same number of chars. An empty stored context
/// (a quote at the start or end of its text) is no evidence against a
/// candidate and scores 1.
fn context_similarity(stored: &[char], actual: &[char]) -> f32 {
    if stored.is_empty() {
        return 1.0;
    }
    let distance = edit_distance(stored, actual).min(stored.len());
    1.0 - distance as f32 / stored.len() as f32
}

/// Takes `cost` from `budget`; false (leaving it empty) if it is not there.
fn spend(budget: &mut usize, cost: usize) -> bool {
    match budget.checked_sub(cost) {
        Some(left) => {
            *budget = left;
            true
        }
        None => {
            *budget = 0;
            false
        }
    }
}

impl Candidate {
    /// Passes both minimums.
    pub(super) fn accepted(&self) -> bool {
        self.score >= MIN_SCORE && self.quote_similarity >= MIN_QUOTE_SIMILARITY
    }
}

/// What one approximate search carries from round to round.
struct State {
    /// The quote, prepared for scanning.
    pattern: Pattern,
    /// Cells left (see [`FUZZY_CELL_BUDGET`]).
    budget: usize,
    /// Prefix similarity by start.
    prefix_scores: HashMap<usize, f32>,
    /// Suffix similarity by end.
    suffix_scores: HashMap<usize, f32>,
    tally: Tally,
}

/// The inputs of one approximate search.
pub(super) struct FuzzySearch<'a> {
    pub(super) chars: &'a [char],
    pub(super) quote: &'a [char],
    pub(super) prefix: &'a [char],
    pub(super) suffix: &'a [char],
    /// The stored start, clamped to the text; `None` when the note has no
    /// position hint: then closeness neither scores nor orders the search,
    /// and passages that only a position could tell apart tie.
    pub(super) stored: Option<usize>,
    /// Most edits allowed (at least 1).
    pub(super) k: usize,
}

impl FuzzySearch<'_> {
    /// The best-scoring passage within `k` edits of the quote, accepted or
    /// not, and how many places tie with it; `None` if there is none (or
    /// none within [`FUZZY_CELL_BUDGET`]).
    ///
    /// The search runs in rounds allowing 1, 2, 4, … edits, up to `k`: few
    /// edits make long filter pieces (see [`Self::regions`]) that occur
    /// almost nowhere, so a slightly changed quote is found at once. A
    /// round's best is final when no passage with more edits could reach
    /// its score even with perfect context and position; otherwise the
    /// next round allows more. Within a round, regions are searched nearest
    /// to the stored position first, and the search stops where closeness
    /// alone can no longer make up for the distance. Both shortcuts only
    /// skip passages that would score below the best (ties included), so
    /// the result is that of the full search.
    pub(super) fn best(&self, index: &TextIndex) -> Option<Found> {
        self.search(index, true)
    }

    /// [`Self::best`], with or without its `shortcuts` (without: one round
    /// of `k` edits over every region, for tests to compare with).
    fn search(&self, index: &TextIndex, shortcuts: bool) -> Option<Found> {
        if self.k == 0 {
            return None;
        }
        let mut state = State {
            pattern: Pattern::new(self.quote),
            budget: FUZZY_CELL_BUDGET,
            prefix_scores: HashMap::new(),
            suffix_scores: HashMap::new(),
            tally: Tally::default(),
        };
        let mut k = if shortcuts { 1 } else { self.k };
        // The fewest edits of a passage no earlier round found.
        let mut fewest = 0;
        loop {
            let k_round = k.min(self.k);
            let complete = self.round(index, k_round, fewest, &mut state, shortcuts);
            if !complete || k_round == self.k || state.tally.beats(self.ceiling(k_round + 1, 0)) {
                break;
            }
            fewest = k_round + 1;
            k = k_round * 2;
        }
        state.tally.found()
    }

    /// One round allowing `k` edits, where passages with fewer than
    /// `fewest` edits were all found before; false when the budget ran out.
    fn round(
        &self,
        index: &TextIndex,
        k: usize,
        fewest: usize,
        state: &mut State,
        shortcuts: bool,
    ) -> bool {
        let mut seen_ends: HashSet<usize> = HashSet::new();
        // Cells of one backward alignment (see `starts_for_end`) and of one
        // context comparison (see `context_similarity`).
        let per_end = self.quote.len() * (2 * k + 1);
        let per_prefix = self.prefix.len() * self.prefix.len();
        let per_suffix = self.suffix.len() * self.suffix.len();
        for (from, to, distance) in self.regions(index, k) {
            // Every new passage in this region and those after it starts
            // at least `distance` from the stored position.
            if shortcuts && state.tally.beats(self.ceiling(fewest, distance)) {
                break;
            }
            let region = self.chars.get(from..to).unwrap_or_default();
            for (end, least) in Self::chosen_ends(&state.pattern, region, k, &mut state.budget) {
                let end = from + end;
                // Chunks overlap, so an end may come twice.
                if !seen_ends.insert(end) {
                    continue;
                }
                // No passage ending here has fewer than `least` edits.
                if shortcuts && state.tally.beats(self.ceiling(least.max(fewest), distance)) {
                    continue;
                }
                if !spend(&mut state.budget, per_end) {
                    return false;
                }
                let suffix_score = match state.suffix_scores.get(&end) {
                    Some(&score) => score,
                    None => {
                        if !spend(&mut state.budget, per_suffix) {
                            return false;
                        }
                        let score = self.suffix_similarity(end);
                        state.suffix_scores.insert(end, score);
                        score
                    }
                };
                for (start, edits) in self.starts_for_end(end, k) {
                    let prefix_score = match state.prefix_scores.get(&start) {
                        Some(&score) => score,
                        None => {
                            if !spend(&mut state.budget, per_prefix) {
                                return false;
                            }
                            let score = self.prefix_similarity(start);
                            state.prefix_scores.insert(start, score);
                            score
                        }
                    };
                    let candidate = self.score(start, end, edits, prefix_score, suffix_score);
                    state.tally.add(candidate);
                }
            }
            if state.budget == 0 {
                return false;
            }
        }
        true
    }

    /// Text regions that may hold a match, nearest to the stored position
    /// first. A match with at most `k` edits leaves at least one of `k + 1`
    /// disjoint pieces of the quote untouched (pigeonhole), so every match
    /// lies around an exact occurrence of some piece: this filter loses
    /// nothing, and exact occurrences are cheap to find through the index.
    ///
    /// Overlapping regions are merged, then cut into chunks of
    /// [`CHUNK_CHARS`] overlapping by `m + k` (the longest match), so every
    /// match lies whole in some chunk and, in a repetitive text where one
    /// region covers everything, the budget goes to the chunks nearest the
    /// stored position. Each chunk comes with its distance from the stored
    /// position (0 without one: then chunks come in text order).
    fn regions(&self, index: &TextIndex, k: usize) -> Vec<(usize, usize, usize)> {
        let m = self.quote.len();
        let n = self.chars.len();
        let pieces = k + 1;
        let mut spans = Vec::new();
        for p in 0..pieces {
            let (a, b) = (p * m / pieces, (p + 1) * m / pieces);
            let Some(piece) = self.quote.get(a..b) else {
                continue;
            };
            for hit in index.find_all(piece) {
                // The piece sits at quote offset `a`; with at most k edits
                // before it, the match starts within k of `hit - a`.
                let from = hit.saturating_sub(a + k);
                let to = (hit + m + k).saturating_sub(a).min(n);
                spans.push((from, to));
            }
        }
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (from, to) in spans {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        let overlap = m + k;
        let mut chunks: Vec<(usize, usize)> = Vec::new();
        for (from, to) in merged {
            let mut at = from;
            loop {
                chunks.push((at, (at + CHUNK_CHARS + overlap).min(to)));
                at += CHUNK_CHARS;
                if at + overlap >= to {
                    break;
                }
            }
        }
        let mut chunks: Vec<(usize, usize, usize)> = chunks
            .into_iter()
            .map(|(from, to)| {
                let distance = match self.stored {
                    Some(stored) if stored < from => from - stored,
                    Some(stored) => stored.saturating_sub(to),
                    None => 0,
                };
                (from, to, distance)
            })
            .collect();
        chunks.sort_by_key(|&(from, _, distance)| (distance, from));
        chunks
    }

    /// Ends (offsets into `region`, exclusive) of substrings within `k` edits
    /// of the quote, found by the bit-parallel scan of `pattern` (the
    /// quote). Each column costs [`BLOCK_CELLS`] per 64 quote chars, taken
    /// from `budget`; the scan stops where it runs out. Ends come in clusters
    /// around each match; only those within [`END_SLACK`] of their cluster's
    /// best are kept, each with the least edits of a passage ending there.
    fn chosen_ends(
        pattern: &Pattern,
        region: &[char],
        k: usize,
        budget: &mut usize,
    ) -> Vec<(usize, usize)> {
        let inf = k + 1;
        let per_column = pattern.blocks() * BLOCK_CELLS;
        let columns = region.len().min(*budget / per_column.max(1));
        if columns < region.len() {
            *budget = 0;
        } else {
            *budget -= columns * per_column;
        }
        let ends = pattern.ends_within(region.get(..columns).unwrap_or_default(), k);
        let mut chosen = Vec::new();
        let mut cluster_start = 0;
        while let Some(first) = ends.get(cluster_start) {
            let mut cluster_end = cluster_start + 1;
            let mut prev = first.0;
            while let Some(&(e, _)) = ends.get(cluster_end) {
                if e != prev + 1 {
                    break;
                }
                prev = e;
                cluster_end += 1;
            }
            let cluster = ends.get(cluster_start..cluster_end).unwrap_or_default();
            let least = cluster.iter().map(|e| e.1).min().unwrap_or(inf);
            chosen.extend(cluster.iter().filter(|e| e.1 <= least + END_SLACK).copied());
            cluster_start = cluster_end;
        }
        chosen
    }

    /// Every start of a substring ending at `end` within `k` edits of the
    /// quote, with its distance: a banded global alignment of the reversed
    /// quote against the text read backwards from `end`. `R[i][l]` is the
    /// distance between the quote's last `i` chars and the `l` text chars
    /// before `end`; only `|l - i| <= k` can be within bound, so the band is
    /// stored by `d = l - i + k`.
    fn starts_for_end(&self, end: usize, k: usize) -> Vec<(usize, usize)> {
        let m = self.quote.len();
        let inf = k + 1;
        let width = 2 * k + 1;
        // Row 0: the empty quote against l chars costs l.
        let mut prev: Vec<usize> = (0..width)
            .map(|d| match d.checked_sub(k) {
                Some(l) if l <= end => l,
                _ => inf,
            })
            .collect();
        let mut cur = vec![inf; width];
        for i in 1..=m {
            let qc = self.quote.get(m - i);
            for d in 0..width {
                let value = match (i + d).checked_sub(k) {
                    None => inf,
                    Some(l) if l > end => inf,
                    Some(0) => i.min(inf),
                    Some(l) => {
                        let tc = self.chars.get(end - l);
                        let diag = prev.get(d).copied().unwrap_or(inf)
                            + usize::from(tc.is_none() || tc != qc);
                        let up = prev.get(d + 1).copied().unwrap_or(inf) + 1;
                        let left = d
                            .checked_sub(1)
                            .and_then(|d| cur.get(d))
                            .copied()
                            .unwrap_or(inf)
                            + 1;
                        diag.min(up).min(left).min(inf)
                    }
                };
                if let Some(cell) = cur.get_mut(d) {
                    *cell = value;
                }
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev.iter()
            .enumerate()
            .filter(|&(_, &edits)| edits <= k)
            .filter_map(|(d, &edits)| {
                let l = (m + d).checked_sub(k)?;
                Some((end.checked_sub(l)?, edits))
            })
            .collect()
    }

    /// Similarity of the stored prefix to the text before `start`.
    fn prefix_similarity(&self, start: usize) -> f32 {
        let from = start.saturating_sub(self.prefix.len());
        let actual = self.chars.get(from..start).unwrap_or_default();
        context_similarity(self.prefix, actual)
    }

    /// Similarity of the stored suffix to the text after `end`.
    fn suffix_similarity(&self, end: usize) -> f32 {
        let to = end.saturating_add(self.suffix.len()).min(self.chars.len());
        let actual = self.chars.get(end..to).unwrap_or_default();
        context_similarity(self.suffix, actual)
    }

    /// Scores the passage `start..end`, `edits` away from the quote.
    fn score(
        &self,
        start: usize,
        end: usize,
        edits: usize,
        prefix_score: f32,
        suffix_score: f32,
    ) -> Candidate {
        let quote_similarity = self.quote_similarity(edits);
        let offset = self.stored.map_or(0, |stored| start.abs_diff(stored));
        Candidate {
            start,
            end,
            edits,
            quote_similarity,
            score: self.combine(quote_similarity, prefix_score, suffix_score, offset),
            offset,
            length_change: (end - start).abs_diff(self.quote.len()),
        }
    }

    /// `1 - edits / quote length`.
    fn quote_similarity(&self, edits: usize) -> f32 {
        1.0 - edits as f32 / self.quote.len().max(1) as f32
    }

    /// The combined score of a passage with these similarities, `offset`
    /// chars from the stored position. Without a stored position the other
    /// weights share the position's, so the score keeps its range.
    fn combine(&self, quote: f32, prefix: f32, suffix: f32, offset: usize) -> f32 {
        let text_score = WEIGHT_QUOTE * quote + WEIGHT_PREFIX * prefix + WEIGHT_SUFFIX * suffix;
        let score = if self.stored.is_some() {
            let scale = POSITION_SCALE.min(self.chars.len()).max(1);
            let position_score = 1.0 - offset.min(scale) as f32 / scale as f32;
            text_score + WEIGHT_POSITION * position_score
        } else {
            text_score / (1.0 - WEIGHT_POSITION)
        };
        score.clamp(0.0, 1.0)
    }

    /// The highest score a passage with at least `edits` edits, at least
    /// `offset` chars from the stored position, could have.
    fn ceiling(&self, edits: usize, offset: usize) -> f32 {
        self.combine(self.quote_similarity(edits), 1.0, 1.0, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::testing::{ALPHABET, levenshtein, s};
    use crate::core::anchor::{Anchor, Match, anchor};
    use crate::core::notes::note::{Target, TargetKind, TextPosition, TextQuote};
    use crate::core::text::offset::RawRange;
    use proptest::prelude::*;
    use serde_json::Map;

    /// A target quoting `exact` with this context, stored at `start` (or
    /// with no position hint).
    fn target(exact: &str, prefix: &str, suffix: &str, start: Option<usize>) -> Target {
        let at = start.unwrap_or(0);
        let end = at + exact.chars().count();
        Target {
            kind: TargetKind::Range,
            quote: TextQuote {
                exact: exact.into(),
                prefix: prefix.into(),
                suffix: suffix.into(),
            },
            position: TextPosition { start: at, end },
            raw: RawRange::new(at, end),
            source: None,
            position_guessed: start.is_none(),
            extra: Map::new().into(),
        }
    }

    /// Two copies of 人力資源和社會保險事業 in the same surroundings; the
    /// note quotes 人力資源和社會保障事業 (one char differs from both).
    const TWINS: &str = "天地玄黃，人力資源和社會保險事業，宇宙洪荒。\
                         天地玄黃，人力資源和社會保險事業，宇宙洪荒。";

    /// Where the two copies are, in chars.
    const TWIN_AT: [usize; 2] = [5, 27];

    fn twin_note(start: Option<usize>) -> Target {
        target(
            "人力資源和社會保障事業",
            "天地玄黃，",
            "，宇宙洪荒。",
            start,
        )
    }

    fn on(start: usize) -> TextPosition {
        TextPosition {
            start,
            end: start + 11,
        }
    }

    #[test]
    fn passages_nothing_tells_apart_are_ambiguous() {
        let index = TextIndex::new(TWINS);
        let chars: Vec<char> = TWINS.chars().collect();
        for at in TWIN_AT {
            assert_eq!(s(&chars, at, at + 11), "人力資源和社會保險事業");
        }
        // No position hint: only the context could tell, and it is the
        // same. The first is taken, and the note says it is ambiguous.
        // Halfway between the two, the position does not tell either.
        for start in [None, Some(16)] {
            assert_eq!(
                anchor(&index, &twin_note(start)),
                Anchor::Anchored {
                    position: on(TWIN_AT[0]),
                    how: Match::Ambiguous { places: 2 },
                },
                "{start:?}"
            );
        }
        // A position nearer one of them decides.
        for (start, expected) in [
            (Some(15), TWIN_AT[0]),
            (Some(17), TWIN_AT[1]),
            (Some(27), TWIN_AT[1]),
        ] {
            let a = anchor(&index, &twin_note(start));
            assert_eq!(a.position(), Some(on(expected)), "{start:?}");
            assert!(
                matches!(
                    a,
                    Anchor::Anchored {
                        how: Match::Fuzzy { .. },
                        ..
                    }
                ),
                "{a:?}"
            );
        }
        // So does the context, without a position: the second copy's
        // suffix now differs, the first one's still matches.
        let mut chars: Vec<char> = TWINS.chars().collect();
        let last = chars.len() - 3;
        chars[last] = '水';
        let index = TextIndex::new(&s(&chars, 0, chars.len()));
        let a = anchor(&index, &twin_note(None));
        assert_eq!(a.position(), Some(on(TWIN_AT[0])));
        assert!(
            matches!(
                a,
                Anchor::Anchored {
                    how: Match::Fuzzy { .. },
                    ..
                }
            ),
            "{a:?}"
        );
    }

    #[test]
    fn three_tied_places_are_counted_once_each() {
        // The same passage found with other boundaries is one place.
        let text = "甲，簽署合作框架協義，乙。甲，簽署合作框架協義，乙。甲，簽署合作框架協義，乙。";
        let note = target("簽署合作框架協議", "甲，", "，乙。", None);
        let a = anchor(&TextIndex::new(text), &note);
        assert_eq!(
            a,
            Anchor::Anchored {
                position: TextPosition { start: 2, end: 10 },
                how: Match::Ambiguous { places: 3 },
            }
        );
    }

    #[test]
    fn without_a_hint_position_neither_scores_nor_limits() {
        // The note's passage is far from where a wrong hint would look; with
        // no hint it is found all the same, with a score in the usual range.
        let filler: String = "天地玄黃宇宙洪荒日月盈昃辰宿列張".repeat(700);
        let text = format!("{filler}甲乙丙丁，人力資源和社會保險事業，戊己庚辛。");
        let index = TextIndex::new(&text);
        let at = filler.chars().count() + 5;
        let note = target("人力資源和社會保障事業", "甲乙丙丁，", "，戊己庚辛。", None);
        let Anchor::Anchored {
            position,
            how: Match::Fuzzy { score },
        } = anchor(&index, &note)
        else {
            panic!("{:?}", anchor(&index, &note));
        };
        assert_eq!(position, on(at));
        // Quote 10/11, context perfect: (0.6 × 10/11 + 0.3) / 0.9.
        let expected = (WEIGHT_QUOTE * (10.0 / 11.0) + WEIGHT_PREFIX + WEIGHT_SUFFIX)
            / (1.0 - WEIGHT_POSITION);
        assert!((score - expected).abs() < 1e-5, "{score} {expected}");
        // A hint at 0, more than POSITION_SCALE away, finds it too, with
        // no position part in its score.
        let hinted = anchor(
            &index,
            &target(
                "人力資源和社會保障事業",
                "甲乙丙丁，",
                "，戊己庚辛。",
                Some(0),
            ),
        );
        assert_eq!(hinted.position(), Some(on(at)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn fuzzy_search_matches_brute_force(
            chars in prop::collection::vec(prop::sample::select(ALPHABET), 10..60),
            quote in prop::collection::vec(prop::sample::select(ALPHABET), 4..10),
        ) {
            // Every passage the search can return is within bound, and if
            // any substring is within bound the search finds one.
            let index = TextIndex::new(&s(&chars, 0, chars.len()));
            let k = max_edits(quote.len());
            let search = FuzzySearch {
                chars: &chars,
                quote: &quote,
                prefix: &[],
                suffix: &[],
                stored: Some(0),
                k,
            };
            let best = search.best(&index).map(|found| found.best);
            let brute = (0..=chars.len())
                .flat_map(|a| (a..=chars.len()).map(move |b| (a, b)))
                .map(|(a, b)| levenshtein(&chars[a..b], &quote))
                .min()
                .unwrap();
            match best {
                Some(c) => {
                    prop_assert_eq!(levenshtein(&chars[c.start..c.end], &quote), c.edits);
                    prop_assert!(c.edits <= k);
                }
                None => prop_assert!(brute > k, "missed a match with {} edits", brute),
            }
        }

        #[test]
        fn shortcuts_find_what_the_full_search_finds(
            chars in prop::collection::vec(prop::sample::select(ALPHABET), 10..200),
            quote in prop::collection::vec(prop::sample::select(ALPHABET), 4..24),
            context in prop::collection::vec(prop::sample::select(ALPHABET), 0..12),
            stored in prop::option::of(0usize..200),
        ) {
            // Deepening and stopping by distance never lose the best
            // passage: the score is at least the full search's, ties too.
            let index = TextIndex::new(&s(&chars, 0, chars.len()));
            let half = context.len() / 2;
            let search = FuzzySearch {
                chars: &chars,
                quote: &quote,
                prefix: &context[..half],
                suffix: &context[half..],
                stored: stored.map(|at| at.min(chars.len())),
                k: max_edits(quote.len()),
            };
            let fast = search.search(&index, true);
            let full = search.search(&index, false);
            match (fast, full) {
                (Some(fast), Some(full)) => {
                    let found = &chars[fast.best.start..fast.best.end];
                    prop_assert_eq!(levenshtein(found, &quote), fast.best.edits);
                    prop_assert!(fast.best.score >= full.best.score - TIE_EPSILON,
                        "{:?} {:?}", fast, full);
                    if (fast.best.score - full.best.score).abs() <= TIE_EPSILON {
                        prop_assert!(fast.places >= full.places, "{:?} {:?}", fast, full);
                    }
                }
                (None, None) => {}
                (fast, full) => prop_assert!(false, "{:?} {:?}", fast, full),
            }
        }
    }
}
