//! A note's status after the text changed, as the notes list, the filter
//! and every export tell it: exact, moved (from where to where), fuzzy
//! (with its similarity), ambiguous (at how many places) or orphaned — and
//! whether the reviewer should check it.

use std::fmt;

use serde::Serialize;

use super::{Anchor, Match};
use crate::core::notes::note::TextPosition;

/// The key under which the JSON exports (`pizhu.anchoring` in W3C, each
/// note's `anchoring` in a review file export) carry a [`StatusReport`].
/// Output only: reading a review file drops it, since it describes one
/// text at one moment.
pub const STATUS_KEY: &str = "anchoring";

/// A note's status as the JSON exports write it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusReport {
    /// `exact`, `moved`, `fuzzy`, `ambiguous` or `orphaned`.
    pub status: &'static str,
    /// Whether the reviewer should check the note's place.
    pub needs_checking: bool,
    /// Where the note was made (its stored position), for a moved note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<TextPosition>,
    /// Where it is now, for a moved note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<TextPosition>,
    /// How similar the text found is, for a fuzzy match (0 to 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// How many places fit equally well, for an ambiguous note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<usize>,
    /// The status in one English line ([`StatusLine`]).
    pub detail: String,
}

/// The five statuses by name, as the exports write them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// Still where it was made.
    Exact,
    /// Its exact words found elsewhere.
    Moved,
    /// An approximate match of its words.
    Fuzzy,
    /// Its words at several places nothing tells apart.
    Ambiguous,
    /// Not found.
    Orphaned,
}

impl StatusKind {
    /// The name the exports write: `exact`, `moved`, `fuzzy`, `ambiguous`,
    /// `orphaned`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Moved => "moved",
            Self::Fuzzy => "fuzzy",
            Self::Ambiguous => "ambiguous",
            Self::Orphaned => "orphaned",
        }
    }
}

impl Anchor {
    /// Which of the five statuses this is.
    #[must_use]
    pub fn status(&self) -> StatusKind {
        match self {
            Self::Anchored { how, .. } => match how {
                Match::Exact => StatusKind::Exact,
                Match::Moved { .. } => StatusKind::Moved,
                Match::Fuzzy { .. } => StatusKind::Fuzzy,
                Match::Ambiguous { .. } => StatusKind::Ambiguous,
            },
            Self::Orphaned { .. } => StatusKind::Orphaned,
        }
    }

    /// True when the reviewer should look at the note before trusting its
    /// place: it is orphaned, ambiguous, an approximate match, or its exact
    /// words now stand in other surroundings. A note whose words only
    /// shifted with their context (text added or removed elsewhere) needs
    /// nothing.
    #[must_use]
    pub fn needs_checking(&self) -> bool {
        match self {
            Self::Anchored { how, .. } => match how {
                Match::Exact => false,
                Match::Moved { same_context } => !same_context,
                Match::Fuzzy { .. } | Match::Ambiguous { .. } => true,
            },
            Self::Orphaned { .. } => true,
        }
    }

    /// The status as the JSON exports write it, for a note whose stored
    /// position is `stored`.
    #[must_use]
    pub fn status_report(&self, stored: TextPosition) -> StatusReport {
        let (from, to, similarity, places) = match self {
            Self::Anchored {
                position,
                how: Match::Moved { .. },
            } => (Some(stored), Some(*position), None, None),
            Self::Anchored {
                how: Match::Fuzzy { score },
                ..
            } => (None, None, Some(*score), None),
            Self::Anchored {
                how: Match::Ambiguous { places },
                ..
            } => (None, None, None, Some(*places)),
            _ => (None, None, None, None),
        };
        StatusReport {
            status: self.status().name(),
            needs_checking: self.needs_checking(),
            from,
            to,
            similarity,
            places,
            detail: self.status_line(stored).to_string(),
        }
    }

    /// The status in one English line, for a note whose stored position is
    /// `stored` (CSV, the CLI and the W3C export's `pizhu.anchoring`); see
    /// [`StatusLine`].
    #[must_use]
    pub fn status_line(&self, stored: TextPosition) -> StatusLine<'_> {
        StatusLine {
            anchor: self,
            stored,
        }
    }
}

/// An anchor's status in one English line ([`Anchor::status_line`]), for
/// example "moved from chars 10–14 to 20–24".
pub struct StatusLine<'a> {
    anchor: &'a Anchor,
    stored: TextPosition,
}

impl fmt::Display for StatusLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = self.stored;
        match self.anchor {
            Anchor::Anchored { position, how } => match how {
                Match::Exact => f.write_str("exact: where it was made"),
                Match::Moved { same_context } => {
                    write!(
                        f,
                        "moved from chars {}–{} to {}–{}",
                        from.start, from.end, position.start, position.end
                    )?;
                    if !same_context {
                        f.write_str("; the text around it changed, check it")?;
                    }
                    Ok(())
                }
                Match::Fuzzy { score } => write!(
                    f,
                    "fuzzy: the text at chars {}–{} is similar to the quote (similarity {score:.2}), check it",
                    position.start, position.end
                ),
                Match::Ambiguous { places } => write!(
                    f,
                    "ambiguous: the quote fits {places} places equally well; placed at the first, \
                     chars {}–{}, check it",
                    position.start, position.end
                ),
            },
            Anchor::Orphaned { reason } => write!(f, "orphaned: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::OrphanReason;

    fn at(start: usize, end: usize, how: Match) -> Anchor {
        Anchor::Anchored {
            position: TextPosition { start, end },
            how,
        }
    }

    #[test]
    fn each_status_has_its_name_and_says_whether_to_check() {
        let stored = TextPosition { start: 9, end: 13 };
        let cases = [
            (at(9, 13, Match::Exact), "exact", false),
            (
                at(19, 23, Match::Moved { same_context: true }),
                "moved",
                false,
            ),
            (
                at(
                    19,
                    23,
                    Match::Moved {
                        same_context: false,
                    },
                ),
                "moved",
                true,
            ),
            (at(9, 13, Match::Fuzzy { score: 0.9 }), "fuzzy", true),
            (at(9, 13, Match::Ambiguous { places: 2 }), "ambiguous", true),
            (
                Anchor::Orphaned {
                    reason: OrphanReason::NotFound {
                        quote: "濟寧市政".into(),
                    },
                },
                "orphaned",
                true,
            ),
        ];
        for (anchor, name, check) in cases {
            assert_eq!(anchor.status().name(), name);
            assert_eq!(anchor.needs_checking(), check, "{name}");
            assert!(!anchor.status_line(stored).to_string().is_empty());
        }
        assert_eq!(
            at(19, 23, Match::Moved { same_context: true })
                .status_line(stored)
                .to_string(),
            "moved from chars 9–13 to 19–23"
        );
        assert!(
            at(9, 13, Match::Fuzzy { score: 0.875 })
                .status_line(stored)
                .to_string()
                .contains("similarity 0.88")
        );
    }
}
