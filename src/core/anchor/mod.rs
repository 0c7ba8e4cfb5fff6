//! Re-anchoring: finding a note's words again when the text has changed.
//!
//! A note stores W3C selectors: the quoted text with some context on each
//! side, and the char position it had. When the document's clean text is no
//! longer the one the note was made on, [`anchor`] looks for the quote in
//! three steps, from the cheapest and most certain to the most lenient:
//!
//! 1. **Stored position.** If the quote is still at its stored position (and
//!    its context still matches, or nothing matches better), it is
//!    [`Match::Exact`]. This is the common case and costs O(quote length).
//! 2. **Exact quote elsewhere.** Every occurrence of the quote is found
//!    through a trigram index of the text (built once per [`TextIndex`], on
//!    first need). Occurrences are ranked by how many characters of the stored
//!    prefix and suffix still stand right next to them, then by distance to
//!    the stored position, so a repeated phrase such as 十八大 lands on the
//!    occurrence whose surroundings match, not merely the nearest one.
//!    The result is [`Match::Moved`].
//! 3. **Approximate quote.** Only when the quote occurs nowhere, and only for
//!    quotes of at least [`MIN_FUZZY_CHARS`] chars: passages within
//!    [`max_edits`] edits (insertions, deletions, substitutions) of the quote
//!    are found with a lossless filter (one of the quote's `k + 1` pieces must
//!    survive unchanged) followed by Sellers' semi-global edit-distance
//!    search. Each passage is scored on quote, prefix, suffix and position
//!    similarity; the best is accepted only if its score reaches
//!    [`MIN_SCORE`]. The result is [`Match::Fuzzy`].
//!
//! Anything else is [`Anchor::Orphaned`], with a reason a reviewer can read.
//! Orphans are the caller's to keep: this module never drops a note.
//!
//! The safety property: an anchored note covers text equal to its quote
//! (exact and moved), or text within [`max_edits`] edits of it with
//! matching context (fuzzy). It never lands on unrelated words.
//!
//! All positions are char (Unicode scalar) offsets into the clean text.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use crate::core::notes::note::{Target, TextPosition};

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

/// Chars per chunk of an approximate search (see `FuzzySearch::regions`).
const CHUNK_CHARS: usize = 2_048;

/// Chars of a quote shown in an orphan reason before it is cut with "…".
const REASON_QUOTE_CHARS: usize = 24;

/// How a note was found in the current text.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// Found: the range in the current clean text, and how.
    Anchored {
        /// The range, in chars of the current clean text.
        position: TextPosition,
        /// Which step found it.
        how: Match,
    },
    /// Not found: why, in words a reviewer understands.
    Orphaned {
        /// E.g. "the quoted text “…” is no longer in the document, …".
        reason: String,
    },
}

/// The step of re-anchoring that found a note.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Match {
    /// The stored position still holds the quote.
    Exact,
    /// The exact quote was found elsewhere.
    Moved,
    /// An approximate match was accepted, with its score in `[MIN_SCORE, 1]`.
    Fuzzy {
        /// The combined score (see [`MIN_SCORE`]).
        score: f32,
    },
}

impl Anchor {
    /// The anchored range, or `None` for an orphan.
    #[must_use]
    pub fn position(&self) -> Option<TextPosition> {
        match self {
            Self::Anchored { position, .. } => Some(*position),
            Self::Orphaned { .. } => None,
        }
    }

    /// True when the note could not be placed.
    #[must_use]
    pub fn is_orphaned(&self) -> bool {
        matches!(self, Self::Orphaned { .. })
    }
}

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
    fn chars_at(&self, start: usize, len: usize) -> Option<&[char]> {
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
    fn find_all(&self, pat: &[char]) -> Vec<usize> {
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

/// Finds a target's quote in the text of `index` (see the module docs for
/// the steps and what each accepts).
#[must_use]
pub fn anchor(index: &TextIndex, target: &Target) -> Anchor {
    let quote: Vec<char> = target.quote.exact.chars().collect();
    if quote.is_empty() {
        return Anchor::Orphaned {
            reason: "the note quotes no text, so there is nothing to look for".to_owned(),
        };
    }
    let prefix: Vec<char> = target.quote.prefix.chars().collect();
    let suffix: Vec<char> = target.quote.suffix.chars().collect();
    let m = quote.len();
    let stored = target.position.start;
    let full_context = prefix.len() + suffix.len();
    let context = |start: usize| context_match(&index.chars, start, start + m, &prefix, &suffix);

    // 1. The stored position, checked on the quote's own length in case the
    // stored end disagrees with it.
    let at_stored = (index.chars_at(stored, m) == Some(quote.as_slice())).then(|| context(stored));
    let exact_at = |start: usize, how: Match| Anchor::Anchored {
        position: TextPosition {
            start,
            end: start + m,
        },
        how,
    };
    if at_stored == Some(full_context) {
        return exact_at(stored, Match::Exact);
    }

    // 2. Every exact occurrence: most context first, then nearest, then first.
    let best = index
        .find_all(&quote)
        .into_iter()
        .map(|start| (context(start), start.abs_diff(stored), start))
        .min_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    match (at_stored, best) {
        // The quote is still at its place but its surroundings changed: it
        // stays there unless another occurrence has strictly more context.
        (Some(here), Some((there, _, start))) if there > here => {
            return exact_at(start, Match::Moved);
        }
        (Some(_), _) => return exact_at(stored, Match::Exact),
        (None, Some((_, _, start))) => return exact_at(start, Match::Moved),
        (None, None) => {}
    }

    // 3. Approximate.
    let shown = shorten(&target.quote.exact);
    if m < MIN_FUZZY_CHARS {
        return Anchor::Orphaned {
            reason: format!(
                "the quoted text “{shown}” is no longer in the document, and it is too short \
                 to look for a changed version"
            ),
        };
    }
    let search = FuzzySearch {
        chars: &index.chars,
        quote: &quote,
        prefix: &prefix,
        suffix: &suffix,
        stored: stored.min(index.chars.len()),
        k: max_edits(m),
    };
    match search.best(index) {
        Some(best) if best.accepted() => Anchor::Anchored {
            position: TextPosition {
                start: best.start,
                end: best.end,
            },
            how: Match::Fuzzy { score: best.score },
        },
        Some(best) => Anchor::Orphaned {
            reason: format!(
                "the quoted text “{shown}” is no longer in the document; the most similar \
                 passage, “{}”, differs too much from it or from its surroundings \
                 (score {:.2}, {MIN_SCORE:.2} needed)",
                shorten(&index.slice(TextPosition {
                    start: best.start,
                    end: best.end,
                })),
                best.score
            ),
        },
        None => Anchor::Orphaned {
            reason: format!(
                "the quoted text “{shown}” is no longer in the document, and no similar \
                 passage was found"
            ),
        },
    }
}

/// Chars of stored context still standing next to `start..end`: the stored
/// prefix compared backwards from `start`, the suffix forwards from `end`,
/// each up to the first difference (the chars nearest the quote matter most).
fn context_match(
    chars: &[char],
    start: usize,
    end: usize,
    prefix: &[char],
    suffix: &[char],
) -> usize {
    let before = chars.get(..start).unwrap_or_default();
    let after = chars.get(end..).unwrap_or_default();
    let p = prefix
        .iter()
        .rev()
        .zip(before.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let s = suffix.iter().zip(after).take_while(|(a, b)| a == b).count();
    p + s
}

/// A quote shortened for a message, on one line.
fn shorten(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(REASON_QUOTE_CHARS)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if text.chars().nth(REASON_QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Levenshtein distance between two short char strings (contexts).
fn edit_distance(a: &[char], b: &[char]) -> usize {
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

/// One approximate match, scored.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    /// Edit distance between the quote and `start..end`.
    edits: usize,
    /// `1 - edits / quote length`.
    quote_similarity: f32,
    /// The combined score.
    score: f32,
    /// Distance from the stored position.
    offset: usize,
    /// Difference between the passage's length and the quote's.
    length_change: usize,
}

impl Candidate {
    /// Passes both minimums.
    fn accepted(&self) -> bool {
        self.score >= MIN_SCORE && self.quote_similarity >= MIN_QUOTE_SIMILARITY
    }

    /// Ranks before `other`: higher score, then nearer, fewer edits, length
    /// closer to the quote's, earlier.
    fn better_than(&self, other: &Self) -> bool {
        other
            .score
            .total_cmp(&self.score)
            .then(self.offset.cmp(&other.offset))
            .then(self.edits.cmp(&other.edits))
            .then(self.length_change.cmp(&other.length_change))
            .then(self.start.cmp(&other.start))
            .is_lt()
    }
}

/// The inputs of one approximate search.
struct FuzzySearch<'a> {
    chars: &'a [char],
    quote: &'a [char],
    prefix: &'a [char],
    suffix: &'a [char],
    /// The stored start, clamped to the text.
    stored: usize,
    /// Most edits allowed (at least 1).
    k: usize,
}

impl FuzzySearch<'_> {
    /// The best-scoring passage within `k` edits of the quote, accepted or
    /// not; `None` if there is none (or none within [`FUZZY_CELL_BUDGET`]).
    fn best(&self, index: &TextIndex) -> Option<Candidate> {
        let mut best: Option<Candidate> = None;
        let mut prefix_scores: HashMap<usize, f32> = HashMap::new();
        let mut seen_ends: HashSet<usize> = HashSet::new();
        let mut budget = FUZZY_CELL_BUDGET;
        // Cells of one backward alignment (see `starts_for_end`) and of one
        // context comparison (see `context_similarity`).
        let per_end = self.quote.len() * (2 * self.k + 1);
        let per_prefix = self.prefix.len() * self.prefix.len();
        let per_suffix = self.suffix.len() * self.suffix.len();
        for (from, to) in self.regions(index) {
            let region = self.chars.get(from..to).unwrap_or_default();
            for end in self.chosen_ends(region, &mut budget) {
                let end = from + end;
                // Chunks overlap, so an end may come twice.
                if !seen_ends.insert(end) {
                    continue;
                }
                if !spend(&mut budget, per_end + per_suffix) {
                    return best;
                }
                let suffix_score = self.suffix_similarity(end);
                for (start, edits) in self.starts_for_end(end) {
                    let prefix_score = match prefix_scores.get(&start) {
                        Some(&score) => score,
                        None => {
                            if !spend(&mut budget, per_prefix) {
                                return best;
                            }
                            let score = self.prefix_similarity(start);
                            prefix_scores.insert(start, score);
                            score
                        }
                    };
                    let candidate = self.score(start, end, edits, prefix_score, suffix_score);
                    if best.is_none_or(|b| candidate.better_than(&b)) {
                        best = Some(candidate);
                    }
                }
            }
            if budget == 0 {
                break;
            }
        }
        best
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
    /// stored position.
    fn regions(&self, index: &TextIndex) -> Vec<(usize, usize)> {
        let m = self.quote.len();
        let k = self.k;
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
        let stored = self.stored;
        chunks.sort_by_key(|&(from, to)| {
            if stored < from {
                from - stored
            } else {
                stored.saturating_sub(to)
            }
        });
        chunks
    }

    /// Ends (offsets into `region`, exclusive) of substrings within `k` edits
    /// of the quote: Sellers' algorithm with Ukkonen's cut-off, so a column
    /// usually costs about `k` cells, not `m`. The cells computed are taken
    /// from `budget`; the scan stops when it runs out. Ends come in clusters
    /// around each match; only those within [`END_SLACK`] of their cluster's
    /// best are kept.
    fn chosen_ends(&self, region: &[char], budget: &mut usize) -> Vec<usize> {
        let m = self.quote.len();
        let k = self.k;
        let inf = k + 1;
        // col[i]: least edits between quote[..i] and a text substring ending
        // at the current column, capped at `inf`; row 0 is 0 (free start).
        let mut col: Vec<usize> = (0..=m).map(|i| i.min(inf)).collect();
        // Deepest row whose value is <= k. Rows below it hold values > k
        // (possibly from older columns); values along a diagonal never
        // decrease, so in the next column only rows up to last + 1 can be <= k.
        let mut last = k.min(m);
        let mut ends: Vec<(usize, usize)> = Vec::new();
        for (j, &tc) in region.iter().enumerate() {
            let top = (last + 1).min(m);
            if !spend(budget, top) {
                break;
            }
            let mut diag = 0;
            let mut up = 0;
            for (i, qc) in self.quote.iter().enumerate().take(top) {
                let Some(cell) = col.get_mut(i + 1) else {
                    break;
                };
                let old = *cell;
                let value = (diag + usize::from(*qc != tc))
                    .min(up + 1)
                    .min(old + 1)
                    .min(inf);
                *cell = value;
                diag = old;
                up = value;
            }
            last = (0..=top)
                .rev()
                .find(|&i| col.get(i).is_some_and(|&v| v <= k))
                .unwrap_or(0);
            if last == m {
                ends.push((j + 1, col.get(m).copied().unwrap_or(inf)));
            }
        }
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
            chosen.extend(
                cluster
                    .iter()
                    .filter(|e| e.1 <= least + END_SLACK)
                    .map(|e| e.0),
            );
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
    fn starts_for_end(&self, end: usize) -> Vec<(usize, usize)> {
        let m = self.quote.len();
        let k = self.k;
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
        let quote_similarity = 1.0 - edits as f32 / self.quote.len().max(1) as f32;
        let offset = start.abs_diff(self.stored);
        let scale = POSITION_SCALE.min(self.chars.len()).max(1);
        let position_score = 1.0 - offset.min(scale) as f32 / scale as f32;
        let score = WEIGHT_QUOTE * quote_similarity
            + WEIGHT_PREFIX * prefix_score
            + WEIGHT_SUFFIX * suffix_score
            + WEIGHT_POSITION * position_score;
        Candidate {
            start,
            end,
            edits,
            quote_similarity,
            score: score.clamp(0.0, 1.0),
            offset,
            length_change: (end - start).abs_diff(self.quote.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::note::{TargetKind, TextQuote};
    use crate::core::text::document::Document;
    use proptest::prelude::*;
    use serde_json::Map;

    /// A document made from `text`.
    fn doc(text: &str) -> Document {
        Document::from_bytes("x.txt", None, text.as_bytes()).unwrap()
    }

    /// The article's clean text as chars.
    fn article_chars() -> Vec<char> {
        Document::embedded().text().chars().collect()
    }

    /// `chars[start..end]` as a String.
    fn s(chars: &[char], start: usize, end: usize) -> String {
        chars[start..end].iter().collect()
    }

    /// Start offsets of `needle` in `hay`, in chars (independent of the index).
    fn naive_find(hay: &[char], needle: &[char]) -> Vec<usize> {
        (0..=hay.len().saturating_sub(needle.len()))
            .filter(|&i| hay.len() >= needle.len() && hay[i..i + needle.len()] == *needle)
            .collect()
    }

    /// Plain full-matrix Levenshtein, independent of the module's code.
    fn levenshtein(a: &[char], b: &[char]) -> usize {
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

    /// A target on `chars[start..end]` with full context, as `Target::build` makes it.
    fn target_on(chars: &[char], start: usize, end: usize) -> Target {
        Target {
            kind: TargetKind::Range,
            quote: TextQuote {
                exact: s(chars, start, end),
                prefix: s(
                    chars,
                    start.saturating_sub(crate::core::notes::note::CONTEXT_CHARS),
                    start,
                ),
                suffix: s(
                    chars,
                    end,
                    (end + crate::core::notes::note::CONTEXT_CHARS).min(chars.len()),
                ),
            },
            position: TextPosition { start, end },
            raw: TextPosition { start, end },
            extra: Map::new(),
        }
    }

    fn anchor_in(text: &str, target: &Target) -> Anchor {
        anchor(&TextIndex::new(text), target)
    }

    /// The occurrences of 十八大 in the article, in chars.
    const SHIBADA: [usize; 3] = [546, 688, 792];

    #[test]
    fn unchanged_text_is_exact() {
        let doc = Document::embedded();
        let index = TextIndex::new(doc.text());
        assert_eq!(index.char_len(), doc.char_len());
        let mut targets = vec![
            Target::range(&doc, 7, 11),
            Target::range(&doc, 0, 1),
            Target::range(&doc, 1353, 1354),
        ];
        targets.extend((0..doc.paragraphs.len()).filter_map(|i| Target::paragraph(&doc, i)));
        targets.extend(SHIBADA.map(|p| Target::range(&doc, p, p + 3)));
        for t in &targets {
            let a = anchor(&index, t);
            assert_eq!(
                a,
                Anchor::Anchored {
                    position: t.position,
                    how: Match::Exact
                },
                "{}",
                t.quote.exact
            );
            assert_eq!(index.slice(t.position), t.quote.exact);
        }
    }

    #[test]
    fn article_has_three_shibada() {
        let chars = article_chars();
        assert_eq!(naive_find(&chars, &['十', '八', '大']), SHIBADA);
        let index = TextIndex::new(&s(&chars, 0, chars.len()));
        assert_eq!(index.find_all(&['十', '八', '大']), SHIBADA);
    }

    #[test]
    fn sentence_inserted_before_moves() {
        let doc = Document::embedded();
        let t = Target::range(&doc, 9, 13);
        assert_eq!(t.quote.exact, "濟寧市政");
        let inserted = "這是新加的一句話。";
        let new = format!("{inserted}{}", doc.text());
        let index = TextIndex::new(&new);
        let a = anchor(&index, &t);
        let shift = inserted.chars().count();
        let expected = TextPosition {
            start: 9 + shift,
            end: 13 + shift,
        };
        assert_eq!(
            a,
            Anchor::Anchored {
                position: expected,
                how: Match::Moved
            }
        );
        assert_eq!(index.slice(expected), "濟寧市政");
    }

    #[test]
    fn repeated_quote_follows_its_context() {
        let doc = Document::embedded();
        let chars = article_chars();
        let t = Target::range(&doc, SHIBADA[1], SHIBADA[1] + 3);
        assert_eq!(t.quote.exact, "十八大");

        // Text inserted at the start: every occurrence shifts.
        let new = format!("前言：今天天氣很好。{}", doc.text());
        let a = anchor_in(&new, &t);
        assert_eq!(a.position().map(|p| p.start), Some(SHIBADA[1] + 10));
        assert!(matches!(
            a,
            Anchor::Anchored {
                how: Match::Moved,
                ..
            }
        ));

        // The sentence holding the first occurrence deleted: the third
        // occurrence is now nearer the stored position than the second, but
        // the second keeps its context and must win.
        let sentence = doc
            .sentences
            .iter()
            .find(|x| x.start <= SHIBADA[0] && SHIBADA[0] < x.end)
            .unwrap();
        assert!(sentence.end <= SHIBADA[1] - crate::core::notes::note::CONTEXT_CHARS);
        let cut = sentence.end - sentence.start;
        let new: Vec<char> = chars[..sentence.start]
            .iter()
            .chain(&chars[sentence.end..])
            .copied()
            .collect();
        let (second, third) = (SHIBADA[1] - cut, SHIBADA[2] - cut);
        assert!(third.abs_diff(SHIBADA[1]) < second.abs_diff(SHIBADA[1]));
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert_eq!(a.position().map(|p| p.start), Some(second));
        assert_eq!(s(&new, second, second + 3), "十八大");

        // 104 chars deleted early on: the third occurrence now sits exactly
        // at the stored position, but only the second has the context.
        let gap = SHIBADA[2] - SHIBADA[1];
        let new: Vec<char> = chars[..100]
            .iter()
            .chain(&chars[100 + gap..])
            .copied()
            .collect();
        assert_eq!(s(&new, SHIBADA[1], SHIBADA[1] + 3), "十八大");
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert_eq!(
            a,
            Anchor::Anchored {
                position: TextPosition {
                    start: SHIBADA[1] - gap,
                    end: SHIBADA[1] - gap + 3
                },
                how: Match::Moved
            }
        );
    }

    #[test]
    fn quote_in_place_with_changed_context_stays_exact() {
        let doc = Document::embedded();
        let t = Target::range(&doc, 9, 13);
        // The char right after the quote changes; no other occurrence has
        // more context, so the quote stays where it is.
        let mut chars = article_chars();
        chars[13] = '市';
        let a = anchor_in(&s(&chars, 0, chars.len()), &t);
        assert_eq!(
            a,
            Anchor::Anchored {
                position: t.position,
                how: Match::Exact
            }
        );
    }

    #[test]
    fn one_changed_char_is_fuzzy_on_the_changed_range() {
        let doc = Document::embedded();
        // "省人社廳簽署合作框架協議" starts at 15.
        let t = Target::range(&doc, 15, 27);
        assert_eq!(t.quote.exact, "省人社廳簽署合作框架協議");
        let mut chars = article_chars();
        chars[21] = '協'; // 合 → 協: "簽署協作框架協議"
        let new = s(&chars, 0, chars.len());
        assert!(!new.contains(&t.quote.exact));
        let a = anchor_in(&new, &t);
        let Anchor::Anchored {
            position,
            how: Match::Fuzzy { score },
        } = a
        else {
            panic!("{a:?}");
        };
        assert_eq!(position, t.position);
        assert!(score >= MIN_SCORE, "{score}");
        let found: Vec<char> = chars[position.start..position.end].to_vec();
        let quote: Vec<char> = t.quote.exact.chars().collect();
        let differing = found.iter().zip(&quote).filter(|(a, b)| a != b).count();
        assert_eq!((found.len(), differing), (quote.len(), 1));

        // The same with text inserted before: the position follows.
        let new = format!("插入的句子。{new}");
        let a = anchor_in(&new, &t);
        assert_eq!(a.position().map(|p| p.start), Some(15 + 6));
        assert!(matches!(
            a,
            Anchor::Anchored {
                how: Match::Fuzzy { .. },
                ..
            }
        ));
    }

    #[test]
    fn deleted_char_and_inserted_char_are_fuzzy() {
        let chars = article_chars();
        let t = target_on(&chars, 15, 27); // 省人社廳簽署合作框架協議
        // One char deleted inside the quote.
        let new: Vec<char> = chars[..20].iter().chain(&chars[21..]).copied().collect();
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert_eq!(a.position(), Some(TextPosition { start: 15, end: 26 }));
        // One char inserted inside the quote.
        let new: Vec<char> = chars[..20]
            .iter()
            .chain(&['的'])
            .chain(&chars[20..])
            .copied()
            .collect();
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert_eq!(a.position(), Some(TextPosition { start: 15, end: 28 }));
        assert!(matches!(
            a,
            Anchor::Anchored {
                how: Match::Fuzzy { .. },
                ..
            }
        ));
    }

    #[test]
    fn deleted_sentence_is_orphaned() {
        let doc = Document::embedded();
        let chars = article_chars();
        let sentence = *doc.sentences.iter().find(|x| x.start == 104).unwrap();
        assert_eq!(
            doc.slice(sentence.start, sentence.end),
            "市委常委、組織部長何思清主持。"
        );
        let t = Target::range(&doc, sentence.start, sentence.end);
        let new: Vec<char> = chars[..sentence.start]
            .iter()
            .chain(&chars[sentence.end..])
            .copied()
            .collect();
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        let Anchor::Orphaned { reason } = &a else {
            panic!("{a:?}");
        };
        assert!(a.is_orphaned());
        assert_eq!(a.position(), None);
        assert!(
            reason.contains("“市委常委、組織部長何思清主持。”"),
            "{reason}"
        );
        assert!(reason.contains("no longer in the document"), "{reason}");
    }

    #[test]
    fn short_quotes_never_match_approximately() {
        let doc = Document::embedded();
        let t = Target::range(&doc, SHIBADA[1], SHIBADA[1] + 3);
        let new = doc.text().replace("十八大", "十九大");
        let a = anchor_in(&new, &t);
        let Anchor::Orphaned { reason } = a else {
            panic!("{a:?}");
        };
        assert!(
            reason.contains("“十八大”") && reason.contains("too short"),
            "{reason}"
        );
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(8), 2);
        assert_eq!(max_edits(100_000), MAX_EDITS);
    }

    #[test]
    fn half_changed_quote_is_orphaned() {
        let chars = article_chars();
        let t = target_on(&chars, 15, 23); // 省人社廳簽署合作
        let mut new = chars.clone();
        for (i, c) in [15, 17, 19, 21].into_iter().zip(['甲', '乙', '丙', '丁']) {
            new[i] = c;
        }
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert!(a.is_orphaned(), "{a:?}");
    }

    #[test]
    fn similar_words_with_other_context_are_rejected() {
        // The quote is changed in one char and its surroundings are all new:
        // quote similarity alone must not anchor it.
        let old_doc = doc("甲乙丙丁戊己庚辛壬癸。人力資源和社會保障事業。子丑寅卯辰巳午未申酉");
        let old: Vec<char> = old_doc.text().chars().collect();
        let t = Target::range(&old_doc, 11, 22);
        assert_eq!(t.quote.exact, "人力資源和社會保障事業");
        let new = "天地玄黃宇宙洪荒日月盈昃。人力資源和社會保險事業。辰宿列張寒來暑往秋收冬藏";
        let a = anchor_in(new, &t);
        let Anchor::Orphaned { reason } = &a else {
            panic!("{a:?}");
        };
        assert!(reason.contains("most similar passage"), "{reason}");
        // With the context kept, the same change anchors.
        let mut kept = old.clone();
        kept[19] = '險'; // 保障 → 保險
        let a = anchor_in(&s(&kept, 0, kept.len()), &t);
        assert_eq!(a.position(), Some(TextPosition { start: 11, end: 22 }));
    }

    #[test]
    fn unrelated_text_orphans_everything() {
        let doc = Document::embedded();
        let index = TextIndex::new("完全不同的文字，沒有任何關系。");
        for i in 0..doc.sentences.len() {
            let sentence = doc.sentences[i];
            let t = Target::range(&doc, sentence.start, sentence.end);
            assert!(anchor(&index, &t).is_orphaned(), "{}", doc.sentence_text(i));
        }
        let empty = TextIndex::new("");
        assert!(anchor(&empty, &Target::range(&doc, 7, 11)).is_orphaned());
    }

    #[test]
    fn empty_quote_is_orphaned() {
        let doc = Document::embedded();
        let t = Target::range(&doc, 5, 5);
        let a = anchor(&TextIndex::new(doc.text()), &t);
        let Anchor::Orphaned { reason } = a else {
            panic!("{a:?}");
        };
        assert!(reason.contains("quotes no text"), "{reason}");
    }

    #[test]
    fn stored_position_past_the_end_is_handled() {
        let doc = Document::embedded();
        let last = doc.paragraphs[5];
        let t = Target::range(&doc, last.start, last.end);
        // Everything before the last paragraph removed.
        let a = anchor_in(doc.paragraph_text(5), &t);
        assert_eq!(
            a,
            Anchor::Anchored {
                position: TextPosition {
                    start: 0,
                    end: last.end - last.start
                },
                how: Match::Moved
            }
        );
        // A stored range with a wrong end still anchors on the quote's length.
        let mut t = Target::range(&doc, 7, 11);
        t.position.end = 9_999;
        let a = anchor(&TextIndex::new(doc.text()), &t);
        assert_eq!(a.position(), Some(TextPosition { start: 7, end: 11 }));
    }

    #[test]
    fn long_quote_fuzzy_and_reason_is_shortened() {
        let doc = Document::embedded();
        let p = doc.paragraphs[1];
        let t = Target::paragraph(&doc, 1).unwrap();
        // Ten scattered changes in a ~200-char paragraph.
        let mut chars = article_chars();
        for i in (p.start + 5..p.end).step_by(20).take(10) {
            chars[i] = '〇';
        }
        let a = anchor_in(&s(&chars, 0, chars.len()), &t);
        assert_eq!(
            a.position(),
            Some(TextPosition {
                start: p.start,
                end: p.end
            })
        );
        // Deleted paragraph: the reason quotes only its beginning.
        let new: Vec<char> = chars[..p.start]
            .iter()
            .chain(&chars[p.end..])
            .copied()
            .collect();
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        let Anchor::Orphaned { reason } = a else {
            panic!("{a:?}");
        };
        assert!(
            reason.contains("“馬平昌代表市委、市政府對省人社廳多年來對濟寧工作…”"),
            "{reason}"
        );
    }

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
    fn repetitive_text_is_searched_within_budget() {
        // Every window of this text is one edit from the quote: the search
        // must stay bounded and still land at the stored position.
        let mut old = vec!['的'; 60_000];
        old[30_003] = '了';
        let t = target_on(&old, 30_000, 30_008);
        let new = vec!['的'; 60_000];
        let started = std::time::Instant::now();
        let a = anchor_in(&s(&new, 0, new.len()), &t);
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        assert_eq!(a.position(), Some(t.position));
        assert!(matches!(
            a,
            Anchor::Anchored {
                how: Match::Fuzzy { .. },
                ..
            }
        ));
    }

    #[test]
    fn debug_does_not_print_the_text() {
        let index = TextIndex::new("濟寧市");
        assert_eq!(
            format!("{index:?}"),
            "TextIndex { char_len: 3, indexed: false }"
        );
    }

    /// The alphabet of the generated texts: frequent chars make repeats.
    const ALPHABET: &[char] = &[
        '的', '一', '是', '在', '不', '了', '有', '和', '人', '這', '中', '大', '為', '上', '個',
        '國', '我', '以', '要', '他', '時', '來', '用', '們', '生', '到', '作', '地', '於', '出',
        '。', '，',
    ];

    /// An edit: kind (0 insert, 1 delete, 2 replace), place (scaled), char.
    fn edits() -> impl Strategy<Value = Vec<(u8, usize, usize)>> {
        prop::collection::vec((0u8..3, 0usize..10_000, 0..ALPHABET.len()), 0..5)
    }

    fn text() -> impl Strategy<Value = Vec<char>> {
        prop::collection::vec(prop::sample::select(ALPHABET), 12..300)
    }

    fn apply(chars: &[char], edits: &[(u8, usize, usize)]) -> Vec<char> {
        let mut out = chars.to_vec();
        for &(kind, at, c) in edits {
            let c = ALPHABET[c];
            let at = at % (out.len() + 1);
            match kind {
                0 => out.insert(at, c),
                1 if at < out.len() => {
                    out.remove(at);
                }
                _ if at < out.len() => out[at] = c,
                _ => out.push(c),
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn anchored_text_is_the_quote_or_within_bound(
            chars in text(),
            start in 0usize..10_000,
            len in 2usize..12,
            edits in edits(),
        ) {
            let start = start % (chars.len() - len);
            let t = target_on(&chars, start, start + len);
            let new = apply(&chars, &edits);
            let index = TextIndex::new(&s(&new, 0, new.len()));
            let quote: Vec<char> = t.quote.exact.chars().collect();
            match anchor(&index, &t) {
                Anchor::Anchored { position, how: Match::Exact | Match::Moved } => {
                    prop_assert_eq!(&new[position.start..position.end], quote.as_slice());
                }
                Anchor::Anchored { position, how: Match::Fuzzy { score } } => {
                    prop_assert!(len >= MIN_FUZZY_CHARS);
                    prop_assert!(naive_find(&new, &quote).is_empty());
                    prop_assert!(score >= MIN_SCORE);
                    let found = &new[position.start..position.end];
                    prop_assert!(levenshtein(found, &quote) <= max_edits(len));
                }
                Anchor::Orphaned { reason } => {
                    prop_assert!(naive_find(&new, &quote).is_empty());
                    prop_assert!(!reason.is_empty());
                }
            }
        }

        #[test]
        fn unedited_text_is_always_exact(chars in text(), start in 0usize..10_000, len in 1usize..12) {
            let start = start % (chars.len() - len);
            let t = target_on(&chars, start, start + len);
            let a = anchor(&TextIndex::new(&s(&chars, 0, chars.len())), &t);
            prop_assert_eq!(a, Anchor::Anchored { position: t.position, how: Match::Exact });
        }

        #[test]
        fn index_finds_what_a_scan_finds(chars in text(), start in 0usize..10_000, len in 1usize..6) {
            let index = TextIndex::new(&s(&chars, 0, chars.len()));
            let start = start % (chars.len() - len);
            let pat = &chars[start..start + len];
            prop_assert_eq!(index.find_all(pat), naive_find(&chars, pat));
            prop_assert_eq!(index.find_all(&['x']), Vec::<usize>::new());
        }

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
                stored: 0,
                k,
            };
            let best = search.best(&index);
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
    }

    /// A pseudo-random Chinese text of about `bytes` bytes, from 3,000 Han chars.
    fn big_text(bytes: usize) -> Vec<char> {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut out = Vec::with_capacity(bytes / 3);
        for i in 0..bytes / 3 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let c = if i % 25 == 24 {
                '。'
            } else {
                char::from_u32(0x4E00 + (state % 3000) as u32).unwrap()
            };
            out.push(c);
        }
        out
    }

    /// Timing on a 5 MB text; run with `cargo test --lib anchor -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, prints results"]
    fn ten_thousand_notes_on_five_megabytes() {
        use std::time::Instant;
        let chars = big_text(5_000_000);
        let text = s(&chars, 0, chars.len());
        let targets: Vec<Target> = (0..10_000)
            .map(|i| {
                let start = (i * 7919 * 13) % (chars.len() - 20);
                target_on(&chars, start, start + 2 + i % 18)
            })
            .collect();

        let t0 = Instant::now();
        let index = TextIndex::new(&text);
        let built = t0.elapsed();
        let t0 = Instant::now();
        let _ = TextIndex::new(&text).find_all(&['的']);
        let trigrams = t0.elapsed();
        let t0 = Instant::now();
        let exact = targets
            .iter()
            .filter(|t| {
                matches!(
                    anchor(&index, t),
                    Anchor::Anchored {
                        how: Match::Exact,
                        ..
                    }
                )
            })
            .count();
        let unchanged = t0.elapsed();
        assert_eq!(exact, targets.len());

        let shifted = format!("插入一句新的話。{text}");
        let t0 = Instant::now();
        let index = TextIndex::new(&shifted);
        let moved = targets
            .iter()
            .filter(|t| {
                matches!(
                    anchor(&index, t),
                    Anchor::Anchored {
                        how: Match::Moved,
                        ..
                    }
                )
            })
            .count();
        let shifted_time = t0.elapsed();
        assert_eq!(moved, targets.len());

        // Every 10th note's quote changed in one char (quotes of 4+ chars).
        let mut edited = chars.clone();
        for t in targets.iter().step_by(10) {
            if t.position.len() >= 8 {
                edited[t.position.start + 3] = '〇';
            }
        }
        let t0 = Instant::now();
        let index = TextIndex::new(&s(&edited, 0, edited.len()));
        let results: Vec<Anchor> = targets.iter().map(|t| anchor(&index, t)).collect();
        let edited_time = t0.elapsed();
        let fuzzy = results
            .iter()
            .filter(|a| {
                matches!(
                    a,
                    Anchor::Anchored {
                        how: Match::Fuzzy { .. },
                        ..
                    }
                )
            })
            .count();
        let orphans = results.iter().filter(|a| a.is_orphaned()).count();

        let other = big_text(5_000_000).into_iter().rev().collect::<String>();
        let t0 = Instant::now();
        let index = TextIndex::new(&other);
        let orphaned = targets
            .iter()
            .filter(|t| anchor(&index, t).is_orphaned())
            .count();
        let other_time = t0.elapsed();

        eprintln!(
            "{} chars; index {built:?} (with trigrams {trigrams:?}); unchanged (10,000 exact) {unchanged:?}; shifted \
             (10,000 moved, incl. index + trigram build) {shifted_time:?}; edited ({fuzzy} fuzzy, \
             {orphans} orphans) {edited_time:?}; other text ({orphaned} orphans) {other_time:?}",
            chars.len()
        );
    }
}
