//! W3C Web Annotation export: the notes as one JSON-LD
//! `AnnotationCollection` (<https://www.w3.org/TR/annotation-model/>).
//!
//! The collection embeds its only page as `first` (and names it as `last`),
//! and the page holds every exported note as an `Annotation`, in the order
//! of the [`ExportInput`] (document order, orphans last). `docs/import-export.md` shows an example
//! and explains every field; in short:
//!
//! - `@context` is `http://www.w3.org/ns/anno.jsonld` (the `http` form: the
//!   W3C test suite refuses `https`).
//! - Ids are IRIs: a note's UUID becomes `urn:uuid:<id>`; any other id is
//!   kept when it already is an absolute IRI, else percent-encoded after
//!   `urn:pizhu:note:` (see [`note_iri`]; [`note_id_from_iri`] reverses
//!   both). The collection and page ids are UUIDs derived from the
//!   document, the notes and the export time, so one export is reproducible.
//! - `motivation` is `commenting`, or `highlighting` for a note with no text.
//! - The note text is a `TextualBody` with `purpose: commenting`, `format:
//!   text/plain` and a `language` guessed by [`language_of`]; each tag is a
//!   `TextualBody` with `purpose: tagging`.
//! - `target.source` is the document's `file://` URI ([`file_uri`]), or
//!   `urn:sha256:<hash of the clean text>` for the embedded article and for
//!   documents without a path. `target.selector` holds a
//!   `TextQuoteSelector` and a `TextPositionSelector`, in code points of
//!   the clean text, of where the note is **now**; for an orphan, of its
//!   stored target; for an ambiguous note (its quote fits several places
//!   equally well) only its stored `TextQuoteSelector`, so that no reader
//!   takes the first place for certain.
//! - `creator` is a `Person` with the author's `name`; `created`,
//!   `modified` and `generated` are UTC and end in `Z` ([`utc_z`]).
//! - Pizhu's own fields (color, paragraph or range, the position in the raw
//!   scraped text, the note's status after the text changed as
//!   `anchoring`, and fields of newer versions) go in a `pizhu` object,
//!   which other tools ignore and Pizhu's import reads back, so that an
//!   export imported into an empty review gives the same notes.

use serde::Serialize;

use crate::core::anchor::{Anchor, Match, StatusReport};
use crate::core::export::input::{ExportError, ExportInput};
use crate::core::file::fields::Extra;
use crate::core::notes::note::{Note, Target, TargetKind};
use crate::core::text::document::Document;
use crate::core::text::offset::RawRange;

/// The JSON-LD context of every Web Annotation document.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The key of the object holding Pizhu's own fields in an annotation.
pub const EXTENSION: &str = "pizhu";

pub use super::iri::{
    NOTE_ID_PREFIX, UUID_PREFIX, file_uri, note_id_from_iri, note_iri, source_iri,
};

/// The W3C export of `input`: pretty JSON with a final line break.
///
/// # Errors
/// When serialisation fails (not possible with the current types).
pub fn export(input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    let mut text = serde_json::to_string_pretty(&collection(input))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The `AnnotationCollection` of `input`, ready to serialise.
#[must_use]
pub fn collection<'a>(input: &'a ExportInput<'a>) -> Collection<'a> {
    let source = source_iri(input.doc);
    let items: Vec<Annotation<'a>> = input
        .notes
        .iter()
        .map(|(note, anchor)| Annotation {
            context: None,
            ..Annotation::new(input.doc, &source, note, anchor, &input.exported_at)
        })
        .collect();
    let ids: Vec<&str> = input.notes.iter().map(|(n, _)| n.id.as_str()).collect();
    let seed = [
        input.doc.clean_sha256.as_str(),
        input.exported_at.as_str(),
        &ids.join("\n"),
    ];
    let id = derived_uuid(&seed, "collection");
    let page_id = derived_uuid(&seed, "page 1");
    Collection {
        context: CONTEXT,
        id: id.clone(),
        kind: "AnnotationCollection",
        label: format!("Pizhu notes on {}", input.doc.name),
        total: items.len(),
        first: Page {
            id: page_id.clone(),
            kind: "AnnotationPage",
            part_of: PartOf { id },
            start_index: 0,
            items,
        },
        last: page_id,
    }
}

/// A W3C `AnnotationCollection` with its one page embedded.
#[derive(Debug, Serialize)]
pub struct Collection<'a> {
    /// Always [`CONTEXT`].
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// A `urn:uuid:` IRI.
    pub id: String,
    /// Always `AnnotationCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// "Pizhu notes on NAME".
    pub label: String,
    /// The number of annotations.
    pub total: usize,
    /// The page holding every annotation.
    pub first: Page<'a>,
    /// The id of the last page: the same page.
    pub last: String,
}

/// A W3C `AnnotationPage`.
#[derive(Debug, Serialize)]
pub struct Page<'a> {
    /// A `urn:uuid:` IRI.
    pub id: String,
    /// Always `AnnotationPage`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The collection, by id (an object, as the model's examples and the
    /// W3C tests have it).
    #[serde(rename = "partOf")]
    pub part_of: PartOf,
    /// Index of the page's first annotation in the collection: 0.
    #[serde(rename = "startIndex")]
    pub start_index: usize,
    /// The annotations.
    pub items: Vec<Annotation<'a>>,
}

/// The collection a page is part of.
#[derive(Debug, Serialize)]
pub struct PartOf {
    /// The collection's id.
    pub id: String,
}

/// One note as a W3C `Annotation`.
#[derive(Debug, Serialize)]
pub struct Annotation<'a> {
    /// [`CONTEXT`] for an annotation on its own; `None` inside a collection.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<&'static str>,
    /// The note's id as an IRI ([`note_iri`]).
    pub id: String,
    /// Always `Annotation`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `commenting`, or `highlighting` for a note with no text.
    pub motivation: &'static str,
    /// The author; absent when the note has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Agent>,
    /// When the note was made, UTC; absent when the stored time is not a time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the note was last changed, UTC; absent like `created`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The program that wrote the export.
    pub generator: Agent,
    /// When the export was made, UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// The note text and the tags; absent for a highlight without tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<TextualBody<'a>>,
    /// Where the note is.
    pub target: SpecificResource,
    /// Pizhu's own fields.
    pub pizhu: Extension<'a>,
}

/// A creator or generator.
#[derive(Clone, Debug, Serialize)]
pub struct Agent {
    /// `Person` or `Software`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The name.
    pub name: String,
}

/// A W3C `TextualBody`: the note text or a tag.
#[derive(Debug, Serialize)]
pub struct TextualBody<'a> {
    /// Always `TextualBody`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The text.
    pub value: &'a str,
    /// `commenting` for the note text, `tagging` for a tag.
    pub purpose: &'static str,
    /// `text/plain` for the note text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// The guessed language of the note text ([`language_of`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
}

/// A W3C `SpecificResource` target: the document and the selectors.
#[derive(Debug, Serialize)]
pub struct SpecificResource {
    /// The document ([`source_iri`]).
    pub source: String,
    /// A `TextQuoteSelector` and a `TextPositionSelector` (only the quote
    /// for an ambiguous note, whose place is not known).
    pub selector: Vec<Selector>,
}

/// A W3C text selector.
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    /// The quoted text with its context.
    #[serde(rename = "TextQuoteSelector")]
    Quote {
        /// The text the note is on.
        exact: String,
        /// Up to 32 chars before it; absent when empty.
        #[serde(skip_serializing_if = "String::is_empty")]
        prefix: String,
        /// Up to 32 chars after it; absent when empty.
        #[serde(skip_serializing_if = "String::is_empty")]
        suffix: String,
    },
    /// The range in code points of the clean text.
    #[serde(rename = "TextPositionSelector")]
    Position {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
}

/// Pizhu's own fields of an annotation, under the key [`EXTENSION`].
#[derive(Debug, Serialize)]
pub struct Extension<'a> {
    /// The highlight color's name.
    pub color: &'static str,
    /// `paragraph` or `range`.
    pub kind: TargetKind,
    /// The selected range in the raw (scraped) text, in chars.
    pub raw: RawRange,
    /// The note's status in the exported text (exact, moved, fuzzy,
    /// ambiguous, orphaned); Pizhu's import does not read it back.
    pub anchoring: StatusReport,
    /// The note's fields unknown to this version, kept (as they were read).
    #[serde(skip_serializing_if = "is_empty")]
    pub note_fields: &'a Extra,
    /// The target's fields unknown to this version, kept (as they were read).
    #[serde(skip_serializing_if = "is_empty")]
    pub target_fields: &'a Extra,
}

/// Whether there are no fields to pass through.
fn is_empty(fields: &&Extra) -> bool {
    fields.is_empty()
}

impl<'a> Annotation<'a> {
    /// `note` as an annotation on its own (with `@context`) on `doc`, whose
    /// IRI is `source`, placed where `anchor` says it is now; `generated`
    /// is the time of the export.
    #[must_use]
    pub fn new(
        doc: &Document,
        source: &str,
        note: &'a Note,
        anchor: &Anchor,
        generated: &str,
    ) -> Self {
        // Where the note is now; an ambiguous one keeps its stored quote and
        // context and gives no position, which would make the first of its
        // places look certain to whoever reads the export (Pizhu included).
        let ambiguous = matches!(
            anchor,
            Anchor::Anchored {
                how: Match::Ambiguous { .. },
                ..
            }
        );
        let current = match anchor.position() {
            Some(p) if !ambiguous => Target::range(doc, p.start, p.end),
            Some(p) => Target {
                raw: Target::range(doc, p.start, p.end).raw,
                ..note.target.clone()
            },
            None => note.target.clone(),
        };
        let mut selector = vec![Selector::Quote {
            exact: current.quote.exact,
            prefix: current.quote.prefix,
            suffix: current.quote.suffix,
        }];
        if !ambiguous {
            selector.push(Selector::Position {
                start: current.position.start,
                end: current.position.end,
            });
        }
        let mut body = Vec::with_capacity(note.tags.len() + 1);
        if !note.body.is_empty() {
            body.push(TextualBody {
                kind: "TextualBody",
                value: &note.body,
                purpose: "commenting",
                format: Some("text/plain"),
                language: language_of(&note.body),
            });
        }
        body.extend(note.tags.iter().map(|tag| TextualBody {
            kind: "TextualBody",
            value: tag,
            purpose: "tagging",
            format: None,
            language: None,
        }));
        Self {
            context: Some(CONTEXT),
            id: note_iri(&note.id),
            kind: "Annotation",
            motivation: if note.body.is_empty() {
                "highlighting"
            } else {
                "commenting"
            },
            creator: (!note.author.is_empty()).then(|| Agent {
                kind: "Person",
                name: note.author.clone(),
            }),
            created: utc_z(&note.created),
            modified: utc_z(&note.modified),
            generator: Agent {
                kind: "Software",
                name: format!("Pizhu {}", env!("CARGO_PKG_VERSION")),
            },
            generated: utc_z(generated),
            body,
            target: SpecificResource {
                // An orphan made on another document keeps naming it.
                source: match (&note.target.source, anchor.position()) {
                    (Some(other), None) => other.clone(),
                    _ => source.to_owned(),
                },
                selector,
            },
            pizhu: Extension {
                color: note.color.name(),
                kind: note.target.kind,
                raw: current.raw,
                anchoring: anchor.status_report(note.target.position),
                note_fields: &note.extra,
                target_fields: &note.target.extra,
            },
        }
    }
}

/// The language of a note text, as a BCP 47 tag, for `TextualBody.language`:
/// `zh` when it has a Han character (traditional and simplified alike: the
/// script is not guessed), `en` when it is ASCII with at least one letter,
/// and `None` (no `language` written) otherwise, say for digits only or
/// for kana or Cyrillic without Han.
#[must_use]
pub fn language_of(text: &str) -> Option<&'static str> {
    if text.chars().any(crate::core::text::clean::is_han) {
        Some("zh")
    } else if text.is_ascii() && text.chars().any(|c| c.is_ascii_alphabetic()) {
        Some("en")
    } else {
        None
    }
}

/// An RFC 3339 time as UTC ending in `Z`: unchanged when it already is
/// one (`2026-01-01T10:00:00Z`, any fraction kept), converted from another
/// offset (`2026-01-01T18:00:00+08:00` gives `2026-01-01T10:00:00Z`), and
/// `None` when it is not a time at all.
#[must_use]
pub fn utc_z(time: &str) -> Option<String> {
    let time = time.trim();
    if !time.is_ascii() {
        return None;
    }
    let (local, offset_secs) = if let Some(local) = time.strip_suffix(['Z', 'z']) {
        (local, 0i64)
    } else {
        let split = time.len().checked_sub(6)?;
        let (local, offset) = (time.get(..split)?, time.get(split..)?);
        let sign = match offset.as_bytes().first() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return None,
        };
        if offset.as_bytes().get(3) != Some(&b':') {
            return None;
        }
        let hours: i64 = offset.get(1..3)?.parse().ok()?;
        let minutes: i64 = offset.get(4..6)?.parse().ok()?;
        if hours > 23 || minutes > 59 {
            return None;
        }
        (local, sign * (hours * 3600 + minutes * 60))
    };
    let plain = local
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b'T' | b't'));
    if !plain || !matches!(local.as_bytes().get(10), Some(b'T' | b't')) {
        return None;
    }
    let as_utc = humantime::parse_rfc3339_weak(local).ok()?;
    if offset_secs == 0 && time.ends_with('Z') && local.as_bytes().get(10) == Some(&b'T') {
        return Some(time.to_owned());
    }
    let shift = std::time::Duration::from_secs(offset_secs.unsigned_abs());
    let utc = if offset_secs >= 0 {
        as_utc.checked_sub(shift)?
    } else {
        as_utc.checked_add(shift)?
    };
    Some(humantime::format_rfc3339(utc).to_string())
}

/// A UUID (version 8, RFC 9562) derived from `seed` and `what`: the same
/// export always gets the same ids, different ones different ids.
fn derived_uuid(seed: &[&str], what: &str) -> String {
    use sha2::Digest as _;
    let mut hasher = sha2::Sha256::new();
    for part in seed.iter().chain([&what]) {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    for (b, d) in bytes.iter_mut().zip(digest.iter()) {
        *b = *d;
    }
    format!(
        "{UUID_PREFIX}{}",
        uuid::Builder::from_custom_bytes(bytes)
            .into_uuid()
            .hyphenated()
    )
}
