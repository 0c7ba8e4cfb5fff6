//! Re-anchoring: finding a note's words again when the text has changed.
//!
//! A note stores W3C selectors: the quoted text with some context on each
//! side, and the char position it had. When the document's clean text is no
//! longer the one the note was made on, [`anchor`] looks for the quote in
//! three steps, from the cheapest and most certain to the most lenient:
//!
//! 1. **Stored position.** If the quote is still at its stored position (and
//!    its context still matches, or no other occurrence's matches strictly
//!    better), it is
//!    [`Match::Exact`]. This is the common case and costs O(quote length).
//! 2. **Exact quote elsewhere.** Every occurrence of the quote is found
//!    through a bigram index of the text (built once per [`TextIndex`], on
//!    first need). Occurrences are ranked by how close the text around them
//!    is to the stored prefix and suffix — each side's stored context is
//!    looked for, by approximate search, in as many chars of text beside
//!    the occurrence, and its edits are counted relative to its length, so
//!    a context differing in one char (the one next to the quote included)
//!    or shifted by a few chars still counts for the rest — then by
//!    distance to the stored position. A repeated phrase such as 十八大 thus
//!    lands on the occurrence whose surroundings match best, not merely
//!    the nearest one. The result is [`Match::Moved`] (saying whether the
//!    surroundings are still the stored ones). Occurrences that neither
//!    the context nor the position tells apart (or the context alone, when
//!    the note's position is only a guess, [`Target::position_guessed`])
//!    make the note [`Match::Ambiguous`], placed at the first of them:
//!    never chosen silently.
//! 3. **Approximate quote.** Only when the quote occurs nowhere, and only for
//!    quotes of at least [`MIN_FUZZY_CHARS`] chars: passages within
//!    [`max_edits`] edits (insertions, deletions, substitutions) of the quote
//!    are found with a lossless filter (one of the quote's `k + 1` pieces must
//!    survive unchanged) followed by a bit-parallel semi-global edit-distance
//!    search, in rounds allowing 1, 2, 4, … edits that stop as soon as no
//!    passage with more edits (or farther from the stored position) could
//!    reach the best score. Each passage is scored on quote, prefix, suffix
//!    and position similarity (without a position hint, on the first three
//!    only); the best is accepted only if its score reaches [`MIN_SCORE`].
//!    The result is [`Match::Fuzzy`], or [`Match::Ambiguous`] when passages
//!    at other places score the same (within [`TIE_EPSILON`]): the first
//!    is taken, never one by chance.
//!
//! **Paragraph notes** (a whole paragraph as the quote) that are no longer
//! one whole paragraph follow the current paragraph holding most of their
//! old text — edited, grown, split (the bigger part) or merged — and cover
//! all of it (`paragraph.rs`); a paragraph that is gone leaves an orphan.
//!
//! Anything else is [`Anchor::Orphaned`], with an [`OrphanReason`] that the
//! window words in its language and the exports and CLI in English. A
//! target that names another document ([`Target::source`], set by an
//! import) is found by its quote alone, and otherwise says it is on that
//! document.
//! Orphans are the caller's to keep: this module never drops a note.
//!
//! The safety property: an anchored note covers text equal to its quote
//! (exact and moved), or text within [`max_edits`] edits of it with
//! matching context (fuzzy). It never lands on unrelated words.
//!
//! All positions are char (Unicode scalar) offsets into the clean text.

mod bitscan;
mod candidates;
mod context;
mod fuzzy;
mod index;
mod paragraph;
mod status;
#[cfg(test)]
mod testing;

use std::fmt;

use crate::core::notes::note::{Target, TargetKind, TextPosition};

use candidates::Found;
use context::{Context, ContextCost};
use fuzzy::FuzzySearch;
pub use fuzzy::{
    CHARS_PER_EDIT, FUZZY_CELL_BUDGET, MAX_EDITS, MIN_FUZZY_CHARS, MIN_QUOTE_SIMILARITY, MIN_SCORE,
    POSITION_SCALE, TIE_EPSILON, WEIGHT_POSITION, WEIGHT_PREFIX, WEIGHT_QUOTE, WEIGHT_SUFFIX,
    max_edits,
};
pub use index::TextIndex;
pub use paragraph::{MIN_PARAGRAPH_CHARS, MIN_PARAGRAPH_SHARE, end_slack, piece_chars};
pub use status::{STATUS_KEY, StatusKind, StatusLine, StatusReport};

/// Chars of a quote shown in an orphan reason before it is cut with "…".
const REASON_QUOTE_CHARS: usize = 24;

/// The target field in which an import keeps the types of the selectors it
/// could not read (a list of strings), so that the orphan can say why.
pub const UNREAD_SELECTORS: &str = "unread_selectors";

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
    /// Not found, and why.
    Orphaned {
        /// Why the quote could not be found.
        reason: OrphanReason,
    },
}

/// Why a note could not be placed in the current text. Quotes are kept
/// shortened to a glance ([`REASON_QUOTE_CHARS`] chars, then "…", on one
/// line); [`Display`](fmt::Display) says it in English (the exports and
/// the CLI print that).
#[derive(Clone, Debug, PartialEq)]
pub enum OrphanReason {
    /// The note quotes no text, so there is nothing to look for.
    NoQuote,
    /// The note came from an annotation whose selectors are of kinds Pizhu
    /// does not read (kept in the target's [`UNREAD_SELECTORS`] field).
    UnreadSelectors {
        /// Their types, such as `XPathSelector, CssSelector`.
        types: String,
    },
    /// The quote is gone, and too short to look for a changed version.
    TooShort {
        /// The quote, shortened.
        quote: String,
    },
    /// The quote is gone; the most similar passage differs too much from
    /// it or from its surroundings.
    TooDifferent {
        /// The quote, shortened.
        quote: String,
        /// The most similar passage, shortened.
        nearest: String,
        /// Its score.
        score: f32,
        /// The score needed ([`MIN_SCORE`]).
        needed: f32,
    },
    /// The quote is gone, and no similar passage was found.
    NotFound {
        /// The quote, shortened.
        quote: String,
    },
    /// The note was made on another document (its target's
    /// [`source`](Target::source)), and its quote, if it has one, is not
    /// in this one.
    OtherDocument {
        /// The other document's IRI.
        source: String,
    },
}

impl fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoQuote => {
                f.write_str("the note quotes no text, so there is nothing to look for")
            }
            Self::UnreadSelectors { types } => write!(
                f,
                "the annotation places the note with selectors Pizhu does not read ({types}), \
                 not by its text; select the words and re-attach the note to them"
            ),
            Self::TooShort { quote } => write!(
                f,
                "the quoted text “{quote}” is no longer in the document, and it is too short \
                 to look for a changed version"
            ),
            Self::TooDifferent {
                quote,
                nearest,
                score,
                needed,
            } => write!(
                f,
                "the quoted text “{quote}” is no longer in the document; the most similar \
                 passage, “{nearest}”, differs too much from it or from its surroundings \
                 (score {score:.2}, {needed:.2} needed)"
            ),
            Self::NotFound { quote } => write!(
                f,
                "the quoted text “{quote}” is no longer in the document, and no similar \
                 passage was found"
            ),
            Self::OtherDocument { source } => write!(
                f,
                "the note was made on another document ({source}), and its quoted text is \
                 not in this one"
            ),
        }
    }
}

/// The step of re-anchoring that found a note.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Match {
    /// The stored position still holds the quote.
    Exact,
    /// The exact quote was found elsewhere.
    Moved {
        /// True when the text around it is still the stored context (the
        /// text before or after it merely grew or shrank); false when it
        /// stands in other surroundings, which the reviewer should check.
        same_context: bool,
    },
    /// The exact quote was found elsewhere, at several places that neither
    /// the stored context nor the stored position tells apart (or, the
    /// quote being gone, several approximate passages score the same); the
    /// first of them was taken, and the reviewer should check it.
    Ambiguous {
        /// How many places tie (2 or more).
        places: usize,
    },
    /// An approximate match was accepted, with its score in `[MIN_SCORE, 1]`
    /// for a quote; for a paragraph note that followed its edited, split or
    /// merged paragraph, the share of text the two have in common (2 × held
    /// chars ÷ both lengths), which can be lower (the paragraph then holds
    /// at least [`MIN_PARAGRAPH_SHARE`] of the old text).
    Fuzzy {
        /// The combined score (see [`MIN_SCORE`]), or the paragraph similarity.
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

/// Finds a target's quote in the text of `index` (see the module docs for
/// the steps and what each accepts). A paragraph note not found on one
/// whole paragraph then follows the paragraph that holds most of its old
/// text (see `paragraph.rs`).
#[must_use]
pub fn anchor(index: &TextIndex, target: &Target) -> Anchor {
    let found = match target.kind {
        TargetKind::Paragraph => paragraph::follow(index, target, || anchor_quote(index, target)),
        TargetKind::Range => anchor_quote(index, target),
    };
    match (found, &target.source) {
        (Anchor::Orphaned { .. }, Some(source)) => Anchor::Orphaned {
            reason: OrphanReason::OtherDocument {
                source: source.clone(),
            },
        },
        (found, _) => found,
    }
}

/// [`anchor`] by the quote alone.
fn anchor_quote(index: &TextIndex, target: &Target) -> Anchor {
    let quote: Vec<char> = target.quote.exact.chars().collect();
    if quote.is_empty() {
        let unread = target
            .extra
            .get(UNREAD_SELECTORS)
            .and_then(serde_json::Value::as_array)
            .map(|types| {
                types
                    .iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .filter(|types| !types.is_empty());
        return Anchor::Orphaned {
            reason: match unread {
                Some(types) => OrphanReason::UnreadSelectors { types },
                None => OrphanReason::NoQuote,
            },
        };
    }
    let prefix: Vec<char> = target.quote.prefix.chars().collect();
    let suffix: Vec<char> = target.quote.suffix.chars().collect();
    let m = quote.len();
    let stored = target.position.start;
    // A position only guessed (an import that could not tell the quote's
    // occurrences apart) is no hint: every occurrence is equally near it.
    let hint = (!target.position_guessed).then_some(stored);
    let context = Context {
        chars: index.chars(),
        quote_len: m,
        prefix: &prefix,
        suffix: &suffix,
    };
    let exact_at = |start: usize, how: Match| Anchor::Anchored {
        position: TextPosition {
            start,
            end: start + m,
        },
        how,
    };

    // 1. The stored position, checked on the quote's own length in case the
    // stored end disagrees with it.
    let here = hint
        .filter(|&at| index.chars_at(at, m) == Some(quote.as_slice()))
        .and_then(|at| context.cost(at, context.worst()));
    if here == Some(0) {
        return exact_at(stored, Match::Exact);
    }

    // 2. Every exact occurrence, ranked by context (approximate search), then by
    // nearness to the stored position. The quote still at its place stays
    // there unless another occurrence has strictly closer context.
    match (here, best_occurrence(index, &quote, &context, hint, here)) {
        (_, Some(best)) if best.ties > 1 => {
            return exact_at(best.start, Match::Ambiguous { places: best.ties });
        }
        (_, Some(best)) => {
            return exact_at(
                best.start,
                Match::Moved {
                    same_context: best.cost == 0,
                },
            );
        }
        (Some(_), None) => return exact_at(stored, Match::Exact),
        (None, None) => {}
    }

    // 3. Approximate.
    let shown = shorten(&target.quote.exact);
    if m < MIN_FUZZY_CHARS {
        return Anchor::Orphaned {
            reason: OrphanReason::TooShort { quote: shown },
        };
    }
    let search = FuzzySearch {
        chars: index.chars(),
        quote: &quote,
        prefix: &prefix,
        suffix: &suffix,
        stored: hint.map(|at| at.min(index.chars().len())),
        k: max_edits(m),
    };
    match search.best(index) {
        Some(Found { best, places }) if best.accepted() => Anchor::Anchored {
            position: TextPosition {
                start: best.start,
                end: best.end,
            },
            how: if places > 1 {
                Match::Ambiguous { places }
            } else {
                Match::Fuzzy { score: best.score }
            },
        },
        Some(Found { best, .. }) => Anchor::Orphaned {
            reason: OrphanReason::TooDifferent {
                quote: shown,
                nearest: shorten(&index.slice(TextPosition {
                    start: best.start,
                    end: best.end,
                })),
                score: best.score,
                needed: MIN_SCORE,
            },
        },
        None => Anchor::Orphaned {
            reason: OrphanReason::NotFound { quote: shown },
        },
    }
}

/// The best of a repeated quote's occurrences ([`best_occurrence`]).
struct Occurrence {
    /// Where it starts.
    start: usize,
    /// Its context cost (0: the stored context exactly).
    cost: ContextCost,
    /// How many occurrences share its cost and its distance from the stored
    /// position (1 when it stands alone).
    ties: usize,
}

/// The exact occurrence of `quote` whose surroundings are closest to the
/// stored context ([`Context::cost`]), nearest to `hint` among equals, then
/// first; if `here` is the cost at the stored position, only an occurrence
/// with a strictly lower cost is returned.
///
/// Occurrences are compared nearest first, each bounded by the best cost so
/// far, so a phrase repeated thousands of times costs a few cells for each
/// occurrence that cannot win, not a full comparison.
///
/// Occurrences with the same context cost and the same distance from the
/// hint (one before it, one after; or any two when there is no hint)
/// cannot be told apart: the earliest is returned, deterministically, and
/// [`Occurrence::ties`] says how many there are.
fn best_occurrence(
    index: &TextIndex,
    quote: &[char],
    context: &Context<'_>,
    hint: Option<usize>,
    here: Option<ContextCost>,
) -> Option<Occurrence> {
    let distance = |start: usize| hint.map_or(0, |at| start.abs_diff(at));
    let mut starts = index.find_all(quote);
    starts.sort_by_key(|&start| (distance(start), start));
    // (cost, distance, start) of the best so far, and how many tie with it.
    let mut best: Option<(ContextCost, usize, usize)> = None;
    let mut ties = 0;
    for start in starts {
        if here.is_some() && Some(start) == hint {
            continue;
        }
        let distance = distance(start);
        // Costs must beat the one at the stored position, or the best so
        // far; equal is enough to tie with a best at the same distance.
        let limit = match (best, here) {
            (Some((cost, d, _)), _) if d == distance => Some(cost),
            (Some((cost, _, _)), _) | (None, Some(cost)) => cost.checked_sub(1),
            (None, None) => Some(context.worst()),
        };
        let Some(limit) = limit else {
            break;
        };
        match (context.cost(start, limit), best) {
            (Some(cost), Some((least, d, _))) if cost == least && d == distance => ties += 1,
            (Some(cost), _) => {
                best = Some((cost, distance, start));
                ties = 1;
            }
            (None, _) => {}
        }
    }
    best.map(|(cost, _, start)| Occurrence { start, cost, ties })
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

#[cfg(test)]
mod tests {
    use super::testing::{ALPHABET, levenshtein, naive_find, naive_search, s, text};
    use super::*;
    use crate::core::notes::note::{TargetKind, TextQuote};
    use crate::core::text::document::Document;
    use crate::core::text::offset::RawRange;
    use proptest::prelude::*;
    use serde_json::Map;

    /// Chars of context a target stores on each side.
    const CONTEXT: usize = crate::core::notes::note::CONTEXT_CHARS;

    /// A document made from `text`.
    fn doc(text: &str) -> Document {
        Document::from_bytes("x.txt", None, text.as_bytes()).unwrap()
    }

    /// The article's clean text as chars.
    fn article_chars() -> Vec<char> {
        Document::embedded().text().chars().collect()
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
            raw: RawRange::new(start, end),
            source: None,
            position_guessed: false,
            extra: Map::new().into(),
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
                how: Match::Moved { same_context: true }
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
                how: Match::Moved { .. },
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
                how: Match::Moved { same_context: true }
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
        let reason = reason.to_string();
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
        let reason = reason.to_string();
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
        let reason = reason.to_string();
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
        let reason = reason.to_string();
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
                how: Match::Moved {
                    same_context: false
                }
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
        let reason = reason.to_string();
        assert!(
            reason.contains("“馬平昌代表市委、市政府對省人社廳多年來對濟寧工作…”"),
            "{reason}"
        );
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

    /// An edit: kind (0 insert, 1 delete, 2 replace), place (scaled), char.
    fn edits() -> impl Strategy<Value = Vec<(u8, usize, usize)>> {
        prop::collection::vec((0u8..3, 0usize..10_000, 0..ALPHABET.len()), 0..5)
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
                Anchor::Anchored { position, how: Match::Exact | Match::Moved { .. } | Match::Ambiguous { .. } } => {
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
                    prop_assert!(!reason.to_string().is_empty());
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

    }

    #[test]
    fn context_differing_next_to_the_quote_picks_the_right_occurrence() {
        // 會議決定 occurs three times. The note was on the second; its stored
        // prefix ends in a space where the text has "，" and its suffix
        // starts with "！" where the text has "。": the chars next to the
        // quote differ at every occurrence, the rest of the context only at
        // the second. With no position hint (start 0), the first
        // occurrence used to be taken silently.
        let text = "甲乙丙丁戊己庚辛，會議決定。子丑寅卯辰巳午未，\
                    天地玄黃宇宙洪荒，會議決定。日月盈昃辰宿列張，\
                    寒來暑往秋收冬藏，會議決定。閏餘成歲律呂調陽。";
        let chars: Vec<char> = text.chars().collect();
        let quote: Vec<char> = "會議決定".chars().collect();
        let starts = naive_find(&chars, &quote);
        assert_eq!(starts, [9, 32, 55]);
        let mut t = target_on(&chars, 32, 36);
        t.quote.prefix = "子丑寅卯辰巳午未，天地玄黃宇宙洪荒 ".into();
        t.quote.suffix = "！日月盈昃辰宿列張，寒來暑往".into();
        for hint in [0, 32, 55, 200] {
            t.position = TextPosition {
                start: hint,
                end: hint + 4,
            };
            let a = anchor_in(text, &t);
            assert_eq!(
                a.position(),
                Some(TextPosition { start: 32, end: 36 }),
                "hint {hint}: {a:?}"
            );
        }
        // A changed char inside the context, not next to the quote, too.
        t.quote.prefix = "天地玄黃宇宙洪水，".into();
        t.position = TextPosition { start: 0, end: 4 };
        assert_eq!(
            anchor_in(text, &t).position(),
            Some(TextPosition { start: 32, end: 36 })
        );
    }

    #[test]
    fn indistinguishable_occurrences_follow_the_position_hint() {
        // Three occurrences with the same surroundings: the context cannot
        // tell them apart, so the one nearest the stored position is taken,
        // and between two equally near ones the earlier, never by chance.
        let text = "會議決定。會議決定。會議決定。";
        let mut t = target_on(&text.chars().collect::<Vec<_>>(), 5, 9);
        t.quote.prefix = "其他".into();
        t.quote.suffix = "其他".into();
        for (hint, expected) in [(0, 0), (5, 5), (6, 5), (9, 10), (12, 10), (99, 10)] {
            t.position = TextPosition {
                start: hint,
                end: hint + 4,
            };
            assert_eq!(
                anchor_in(text, &t).position().map(|p| p.start),
                Some(expected),
                "hint {hint}"
            );
        }
        // Equally far from 2.5 is impossible in chars; 7.5 likewise: check
        // the tie of 5 and 15 around 10 with a gap text.
        let text = "會議決定。乙乙乙乙乙乙會議決定。";
        let mut t = target_on(&text.chars().collect::<Vec<_>>(), 0, 4);
        t.quote.prefix = "其他".into();
        t.quote.suffix = "其他".into();
        t.position = TextPosition { start: 6, end: 10 };
        // Occurrences at 0 and 11, hint 6: 11 is nearer.
        assert_eq!(anchor_in(text, &t).position().map(|p| p.start), Some(11));
        t.position = TextPosition { start: 5, end: 9 };
        // Hint 5: at 0 and 11 — 5 and 6 away; the nearer, 0.
        assert_eq!(anchor_in(text, &t).position().map(|p| p.start), Some(0));
        assert!(matches!(
            anchor_in(text, &t),
            Anchor::Anchored {
                how: Match::Moved { .. },
                ..
            }
        ));
        // At 0 and 10, hint 5: nothing tells them apart. The earlier is
        // taken, and the note says it is ambiguous rather than moved.
        let text = "會議決定。乙乙乙乙乙會議決定。";
        assert_eq!(
            anchor_in(text, &t),
            Anchor::Anchored {
                position: TextPosition { start: 0, end: 4 },
                how: Match::Ambiguous { places: 2 },
            }
        );
        // Either one's own context tells them apart again.
        let chars: Vec<char> = text.chars().collect();
        for start in [0, 10] {
            let mut t = target_on(&chars, start, start + 4);
            t.position = TextPosition { start: 5, end: 9 };
            let a = anchor_in(text, &t);
            assert!(
                matches!(
                    a,
                    Anchor::Anchored {
                        position,
                        how: Match::Moved { .. },
                    } if position == TextPosition { start, end: start + 4 }
                ),
                "{a:?}"
            );
        }
    }

    #[test]
    fn a_context_shifted_by_an_edit_still_chooses() {
        // The stored prefix ends two chars before the quote (所有 came in
        // between since): compared char by char with the window before
        // each occurrence it fits neither, but found inside the window it
        // fits the second occurrence better than the first.
        let text = "大家都有一切在我們面前，大家都一無所有在我們面前，我們直奔天堂。";
        let chars: Vec<char> = text.chars().collect();
        let second = naive_find(&chars, &"在我們面前".chars().collect::<Vec<_>>())[1];
        let mut t = target_on(&chars, second, second + 5);
        t.quote.prefix = "大家都一無".into();
        t.quote.suffix = String::new();
        t.position_guessed = true;
        let a = anchor_in(text, &t);
        assert_eq!(a.position().map(|p| p.start), Some(second), "{a:?}");
        assert!(matches!(
            a,
            Anchor::Anchored {
                how: Match::Moved {
                    same_context: false
                },
                ..
            }
        ));
    }

    /// The phrase repeated in the generated texts: none of its chars is in
    /// [`ALPHABET`], so edits with that alphabet never create an occurrence.
    const PHRASE: &str = "濟寧市政府";

    /// A text of `fillers` (indexes into [`ALPHABET`]) with [`PHRASE`]
    /// between each two, and the phrase's occurrences.
    fn repeated(fillers: &[Vec<usize>]) -> (Vec<char>, Vec<usize>) {
        let mut chars = Vec::new();
        let mut starts = Vec::new();
        for (i, filler) in fillers.iter().enumerate() {
            if i > 0 {
                starts.push(chars.len());
                chars.extend(PHRASE.chars());
            }
            chars.extend(filler.iter().map(|&c| ALPHABET[c]));
        }
        (chars, starts)
    }

    /// Context distance of the occurrence at `start`, computed independently:
    /// each side's Levenshtein distance to the stored context over as many
    /// chars, relative to the stored length.
    fn context_distance(chars: &[char], start: usize, len: usize, t: &Target) -> f64 {
        let prefix: Vec<char> = t.quote.prefix.chars().collect();
        let suffix: Vec<char> = t.quote.suffix.chars().collect();
        let before = &chars[start.saturating_sub(prefix.len())..start];
        let end = start + len;
        let after = &chars[end..(end + suffix.len()).min(chars.len())];
        let side = |stored: &[char], actual: &[char]| {
            if stored.is_empty() {
                0.0
            } else {
                naive_search(stored, actual) as f64 / stored.len() as f64
            }
        };
        side(&prefix, before) + side(&suffix, after)
    }

    /// Edits (kind, place, char) applied to `chars` at places outside
    /// `keep` (occurrences of the phrase) and, if given, only in `within`.
    fn apply_outside(
        chars: &[char],
        keep: &[usize],
        within: Option<(usize, usize)>,
        edits: &[(u8, usize, usize)],
    ) -> Vec<char> {
        let phrase = PHRASE.chars().count();
        // Mark phrase chars (1 its first, 2 the others) so edits skip them
        // even after shifts.
        let mut marked: Vec<(char, u8)> = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let mark = keep
                    .iter()
                    .find(|&&k| k <= i && i < k + phrase)
                    .map_or(0, |&k| if k == i { 1 } else { 2 });
                (c, mark)
            })
            .collect();
        let (lo, hi) = within.unwrap_or((0, usize::MAX));
        for &(kind, at, c) in edits {
            let len = marked.len();
            let span = hi.min(len + 1).saturating_sub(lo.min(len));
            if span == 0 {
                continue;
            }
            let at = lo.min(len) + at % span;
            let c = ALPHABET[c];
            // Inserting before a phrase is fine; touching one is not.
            let mark = marked.get(at).map_or(0, |m| m.1);
            match kind {
                0 if at <= len && mark != 2 => marked.insert(at, (c, 0)),
                1 if at < len && mark == 0 => {
                    marked.remove(at);
                }
                2 if at < len && mark == 0 => marked[at] = (c, 0),
                _ => {}
            }
        }
        marked.into_iter().map(|(c, _)| c).collect()
    }

    /// Fillers of 0 to 40 chars, 3 to 6 of them (2 to 5 occurrences).
    fn fillers(min: usize) -> impl Strategy<Value = Vec<Vec<usize>>> {
        prop::collection::vec(
            prop::collection::vec(0..ALPHABET.len(), min..min + 40),
            3..7,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn repeated_quote_lands_where_the_context_matches_best(
            fillers in fillers(0),
            which in 0usize..8,
            near in any::<bool>(),
            edits in prop::collection::vec((0u8..3, 0usize..10_000, 0..ALPHABET.len()), 0..8),
        ) {
            let (chars, starts) = repeated(&fillers);
            let len = PHRASE.chars().count();
            let start = starts[which % starts.len()];
            let t = target_on(&chars, start, start + len);
            // Edits next to the quote and inside its context, or anywhere.
            let window = near.then(|| (start.saturating_sub(CONTEXT), start + len + CONTEXT));
            let new = apply_outside(&chars, &starts, window, &edits);
            let quote: Vec<char> = PHRASE.chars().collect();
            let found = naive_find(&new, &quote);
            prop_assert_eq!(found.len(), starts.len());
            let a = anchor(&TextIndex::new(&s(&new, 0, new.len())), &t);
            let Some(position) = a.position() else {
                return Err(TestCaseError::fail(format!("orphaned: {a:?}")));
            };
            prop_assert!(found.contains(&position.start), "{:?}", a);
            // Each occurrence's context distance, worked out once.
            let costs: std::collections::HashMap<usize, f64> =
                found.iter().map(|&p| (p, context_distance(&new, p, len, &t))).collect();
            let cost = |p: usize| costs.get(&p).copied().unwrap_or(f64::INFINITY);
            let least = found.iter().map(|&p| cost(p)).fold(f64::INFINITY, f64::min);
            prop_assert!((cost(position.start) - least).abs() < 1e-9,
                "anchored at {} (distance {}), best {}", position.start, cost(position.start), least);
            // Among the best, the nearest to the stored position.
            let nearest = found
                .iter()
                .filter(|&&p| (cost(p) - least).abs() < 1e-9)
                .map(|p| p.abs_diff(start))
                .min();
            prop_assert_eq!(Some(position.start.abs_diff(start)), nearest);
            // Several best and equally near: marked ambiguous, with how many
            // (and the earliest taken); one: never ambiguous.
            let tied: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&p| (cost(p) - least).abs() < 1e-9 && Some(p.abs_diff(start)) == nearest)
                .collect();
            let places = match a {
                Anchor::Anchored { how: Match::Ambiguous { places }, .. } => places,
                _ => 1,
            };
            prop_assert_eq!(places, tied.len(), "{:?}", a);
            prop_assert_eq!(Some(position.start), tied.first().copied());
        }

        #[test]
        fn without_a_position_hint_ties_are_ambiguous(
            fillers in fillers(0),
            which in 0usize..8,
            edits in prop::collection::vec((0u8..3, 0usize..10_000, 0..ALPHABET.len()), 0..8),
            bare in any::<bool>(),
        ) {
            // A quote whose position is only a guess (an import without
            // one): the context alone chooses; occurrences it cannot tell
            // apart make the note ambiguous, whatever the guessed position.
            let (chars, starts) = repeated(&fillers);
            let len = PHRASE.chars().count();
            let start = starts[which % starts.len()];
            let mut t = target_on(&chars, start, start + len);
            t.position_guessed = true;
            if bare {
                t.quote.prefix.clear();
                t.quote.suffix.clear();
            }
            let new = apply_outside(&chars, &starts, None, &edits);
            let quote: Vec<char> = PHRASE.chars().collect();
            let found = naive_find(&new, &quote);
            let a = anchor(&TextIndex::new(&s(&new, 0, new.len())), &t);
            let cost = |p: usize| context_distance(&new, p, len, &t);
            let least = found.iter().map(|&p| cost(p)).fold(f64::INFINITY, f64::min);
            let best: Vec<usize> =
                found.iter().copied().filter(|&p| (cost(p) - least).abs() < 1e-9).collect();
            let expected = match best.as_slice() {
                [one] => Anchor::Anchored {
                    position: TextPosition { start: *one, end: one + len },
                    how: Match::Moved { same_context: least == 0.0 },
                },
                many => Anchor::Anchored {
                    position: TextPosition { start: many[0], end: many[0] + len },
                    how: Match::Ambiguous { places: many.len() },
                },
            };
            prop_assert_eq!(&a, &expected);
            if bare {
                let ambiguous = matches!(a, Anchor::Anchored { how: Match::Ambiguous { .. }, .. });
                prop_assert_eq!(ambiguous, found.len() > 1);
            }
        }

        #[test]
        fn occurrence_with_its_context_anchors_exactly(
            fillers in fillers(CONTEXT + 1),
            which in 0usize..8,
            shift in 0usize..5,
            edits in prop::collection::vec((0u8..3, 0usize..10_000, 0..ALPHABET.len()), 0..8),
        ) {
            // Edits everywhere but the note's quote and context: the note
            // stays on its occurrence, exact, or moved by the text inserted
            // before it.
            let (chars, starts) = repeated(&fillers);
            let len = PHRASE.chars().count();
            let start = starts[which % starts.len()];
            let t = target_on(&chars, start, start + len);
            let after = start + len + CONTEXT;
            let mut new = apply_outside(&chars, &starts, Some((after, usize::MAX)), &edits);
            let a = anchor(&TextIndex::new(&s(&new, 0, new.len())), &t);
            prop_assert_eq!(a, Anchor::Anchored { position: t.position, how: Match::Exact });
            let inserted = vec!['。'; shift + 1];
            new.splice(0..0, inserted);
            let a = anchor(&TextIndex::new(&s(&new, 0, new.len())), &t);
            let moved = TextPosition { start: start + shift + 1, end: start + len + shift + 1 };
            prop_assert!(
                matches!(a, Anchor::Anchored { position, how: Match::Moved { .. } } if position == moved),
                "{:?}", a
            );
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
                        how: Match::Moved { .. },
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
            "{} chars; index {built:?} (with bigrams {trigrams:?}); unchanged (10,000 exact) {unchanged:?}; shifted \
             (10,000 moved, incl. index + bigram build) {shifted_time:?}; edited ({fuzzy} fuzzy, \
             {orphans} orphans) {edited_time:?}; other text ({orphaned} orphans) {other_time:?}",
            chars.len()
        );
    }
}
