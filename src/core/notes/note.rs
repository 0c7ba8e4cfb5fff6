//! The note model: what a reviewer attaches to the text, and where.
//!
//! Positions are char (Unicode scalar) offsets into the clean text. Every target
//! keeps W3C Web Annotation selectors (a quote with context and a code-point
//! position) so that a note can be found again when the text changes, plus its
//! position in the raw (scraped) text through the offset map.

use serde::{Deserialize, Serialize};

use crate::core::file::fields::{Extra, keep_unknown_fields};
use crate::core::text::document::Document;
use crate::core::text::offset::{CleanOffset, RawRange};

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// A note on the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Stable id, a UUID (`urn:uuid:` is added in W3C exports).
    pub id: String,
    /// What the note is attached to.
    pub target: Target,
    /// The note text, possibly several lines; empty for a plain highlight.
    pub body: String,
    /// Highlight color.
    pub color: NoteColor,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// Who wrote it.
    pub author: String,
    /// When it was made, RFC 3339 UTC ending in `Z`.
    pub created: String,
    /// When it was last changed, RFC 3339 UTC ending in `Z`.
    pub modified: String,
    /// Fields written by a newer or other tool: kept as they are through load and save.
    pub extra: Extra,
}

keep_unknown_fields!(Note, "a note (a JSON object)", {
    id: required,
    target: required,
    body: default,
    color: default,
    tags: default,
    author: default,
    created: required,
    modified: required,
});

/// Whether a note covers a whole paragraph or a range of characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    /// A whole paragraph (its text, without the line break).
    Paragraph,
    /// A character range chosen by the reviewer.
    Range,
}

/// Where a note is attached: selectors that survive edits of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Paragraph or range.
    pub kind: TargetKind,
    /// W3C TextQuoteSelector.
    pub quote: TextQuote,
    /// W3C TextPositionSelector, in code points of the clean text.
    pub position: TextPosition,
    /// The same range in the raw (scraped) text, in chars of the decoded raw text.
    pub raw: RawRange,
    /// The document the note was made on, when it is not the one its notes
    /// are about: set by an import when an annotation's target names another
    /// document and its quote is not found in this one, which makes the
    /// note an orphan that says so. Left out of the file when `None`.
    pub source: Option<String>,
    /// True when [`position`](Self::position) is no hint of where the note
    /// is: an import found its quote at several places that nothing told
    /// apart (no position in the annotation, or one equally near them) and
    /// put it at the first; re-anchoring then treats every occurrence alike
    /// and keeps reporting the note as ambiguous until the reviewer confirms
    /// a place. Left out of the file when false.
    pub position_guessed: bool,
    /// Unknown fields, kept.
    pub extra: Extra,
}

keep_unknown_fields!(Target, "a note's target (a JSON object)", {
    kind: required,
    quote: required,
    position: required,
    raw: required,
    source: default if Option::is_none,
    position_guessed: default if is_false,
});

/// For `skip_serializing_if`: a false flag is left out of the file.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "skip_serializing_if passes a reference"
)]
fn is_false(flag: &bool) -> bool {
    !*flag
}

/// The quoted text with up to [`CONTEXT_CHARS`] characters of context each side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    /// The exact text the note is on.
    pub exact: String,
    /// Text just before it.
    #[serde(default)]
    pub prefix: String,
    /// Text just after it.
    #[serde(default)]
    pub suffix: String,
}

/// A half-open range `[start, end)` of char offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPosition {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl TextPosition {
    /// Number of chars covered.
    #[must_use]
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when nothing is covered.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// The palette of note colors: few, named, readable in light and dark themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteColor {
    /// The default highlighter color.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
}

impl NoteColor {
    /// Every color, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Yellow,
        Self::Green,
        Self::Blue,
        Self::Pink,
        Self::Purple,
    ];

    /// The color's name as stored and exported.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
            Self::Purple => "purple",
        }
    }
}

impl Target {
    /// A target on `[start, end)` of the document's clean text, with its quote,
    /// context and raw position filled in. Out-of-range bounds are clamped.
    #[must_use]
    pub fn range(doc: &Document, start: usize, end: usize) -> Self {
        Self::build(doc, TargetKind::Range, start, end)
    }

    /// A target on the whole paragraph `index` (0-based); `None` if there is none.
    #[must_use]
    pub fn paragraph(doc: &Document, index: usize) -> Option<Self> {
        let para = doc.paragraphs.get(index)?;
        Some(Self::build(
            doc,
            TargetKind::Paragraph,
            para.start,
            para.end,
        ))
    }

    /// This target confirmed by the reviewer at `position` of `doc` (where
    /// re-anchoring placed it): quote, context, position and raw position
    /// of the text there now, so that it is exact there from now on; its
    /// kind and unknown fields kept, no longer a guess or on another
    /// document.
    #[must_use]
    pub fn confirmed_at(&self, doc: &Document, position: TextPosition) -> Self {
        Self {
            extra: self.extra.clone(),
            ..Self::build(doc, self.kind, position.start, position.end)
        }
    }

    fn build(doc: &Document, kind: TargetKind, start: usize, end: usize) -> Self {
        let len = doc.char_len();
        let (start, end) = (start.min(len), end.min(len));
        let (start, end) = (start.min(end), start.max(end));
        let raw = doc
            .cleaned
            .map
            .clean_range_to_raw(CleanOffset(start), CleanOffset(end));
        Self {
            kind,
            quote: TextQuote {
                exact: doc.slice(start, end).to_owned(),
                prefix: doc
                    .slice(start.saturating_sub(CONTEXT_CHARS), start)
                    .to_owned(),
                suffix: doc.slice(end, (end + CONTEXT_CHARS).min(len)).to_owned(),
            },
            position: TextPosition { start, end },
            raw,
            source: None,
            position_guessed: false,
            extra: Extra::default(),
        }
    }
}

/// Now, as RFC 3339 UTC with seconds, ending in `Z`.
#[must_use]
pub fn now_utc() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// A fresh note id.
#[must_use]
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The OS user name, the default author; "reviewer" when it cannot be found.
#[must_use]
pub fn os_user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "reviewer".to_owned())
}

impl Note {
    /// A new note on `target`, created now by `author`.
    #[must_use]
    pub fn new(target: Target, body: String, author: String) -> Self {
        let now = now_utc();
        Self {
            id: new_id(),
            target,
            body,
            color: NoteColor::default(),
            tags: Vec::new(),
            author,
            created: now.clone(),
            modified: now,
            extra: Extra::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn range_target_quotes_the_clean_text_with_context() {
        let doc = Document::embedded();
        let t = Target::range(&doc, 9, 13);
        assert_eq!(t.quote.exact, "濟寧市政");
        assert_eq!(t.quote.prefix, "12月11日下午,");
        assert!(t.quote.suffix.starts_with("府與省人社廳"));
        assert_eq!(t.quote.suffix.chars().count(), CONTEXT_CHARS);
        assert_eq!(t.position, TextPosition { start: 9, end: 13 });
        // In the raw scrape, 濟 carries "(jì)": the raw range is 4 chars longer.
        assert_eq!(t.raw.len(), 8);
    }

    #[test]
    fn paragraph_target_covers_the_line() {
        let doc = Document::embedded();
        let t = Target::paragraph(&doc, 4).unwrap();
        assert_eq!(t.kind, TargetKind::Paragraph);
        assert!(t.quote.exact.starts_with("簽約儀式前,韓金峰一行"));
        assert!(Target::paragraph(&doc, 99).is_none());
    }

    #[test]
    fn timestamps_are_utc_with_z() {
        let now = now_utc();
        assert!(now.ends_with('Z'), "{now}");
        assert_eq!(now.len(), "2026-11-29T15:20:00Z".len());
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let doc = Document::embedded();
        let mut note = Note::new(Target::range(&doc, 0, 6), "日期".into(), "審稿人".into());
        note.extra.insert("x-future".into(), Value::from(42));
        let json = serde_json::to_string(&note).unwrap();
        let back: Note = serde_json::from_str(&json).unwrap();
        assert_eq!(back, note);
    }
}
