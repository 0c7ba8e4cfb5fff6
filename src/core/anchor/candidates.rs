//! The passages an approximate search finds, how they rank, and when
//! several of them cannot be told apart (ties, which make a note ambiguous).

/// Scores closer than this cannot be told apart: such passages tie, and the
/// note is marked ambiguous rather than anchored on one of them by chance.
pub const TIE_EPSILON: f32 = 1e-6;

/// One approximate match, scored.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Edit distance between the quote and `start..end`.
    pub(super) edits: usize,
    /// `1 - edits / quote length`.
    pub(super) quote_similarity: f32,
    /// The combined score.
    pub(super) score: f32,
    /// Distance from the stored position (0 without one).
    pub(super) offset: usize,
    /// Difference between the passage's length and the quote's.
    pub(super) length_change: usize,
}

impl Candidate {
    /// Ranks before `other`: higher score, then nearer, fewer edits, length
    /// closer to the quote's, earlier.
    pub(super) fn better_than(&self, other: &Self) -> bool {
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

/// What an approximate search found.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    /// The passage taken: the best, or, when several places tie, the best
    /// passage at the first of them.
    pub(super) best: Candidate,
    /// How many places (passages that do not overlap) score within
    /// [`TIE_EPSILON`] of the best: 1 when it stands alone.
    pub(super) places: usize,
}

/// The best candidates seen so far.
#[derive(Default)]
pub(super) struct Tally {
    /// The best-ranked candidate.
    best: Option<Candidate>,
    /// Every candidate within [`TIE_EPSILON`] of the best score, the best
    /// included (the same passage may come more than once).
    ties: Vec<Candidate>,
}

impl Tally {
    pub(super) fn add(&mut self, candidate: Candidate) {
        let top = self.best.map_or(f32::NEG_INFINITY, |b| b.score);
        if candidate.score < top - TIE_EPSILON {
            return;
        }
        if self.best.is_none_or(|b| candidate.better_than(&b)) {
            self.best = Some(candidate);
        }
        let top = top.max(candidate.score);
        self.ties.retain(|t| t.score >= top - TIE_EPSILON);
        self.ties.push(candidate);
    }

    /// True when no candidate scoring at most `ceiling` could beat or tie
    /// the best.
    pub(super) fn beats(&self, ceiling: f32) -> bool {
        self.best.is_some_and(|b| b.score - TIE_EPSILON > ceiling)
    }

    /// The best, or the first of several tied places.
    pub(super) fn found(mut self) -> Option<Found> {
        let best = self.best?;
        self.ties.sort_unstable_by_key(|c| (c.start, c.end));
        let mut places = 0;
        let mut reach = 0;
        let mut first: Option<Candidate> = None;
        for tie in &self.ties {
            if places == 0 || tie.start >= reach {
                places += 1;
                reach = tie.end;
            } else {
                reach = reach.max(tie.end);
            }
            if places == 1 && first.is_none_or(|f| tie.better_than(&f)) {
                first = Some(*tie);
            }
        }
        Some(if places > 1 {
            Found {
                best: first.unwrap_or(best),
                places,
            }
        } else {
            Found { best, places: 1 }
        })
    }
}
