//! Exports of a review: W3C Web Annotation (JSON-LD), Markdown and HTML review
//! reports, CSV for spreadsheets, and the native review JSON. Pure: each
//! exporter turns an [`ExportInput`] into bytes; the CLI and the window write them.

pub mod csv;
pub mod html;
pub mod markdown;

use crate::core::anchor::Anchor;
use crate::core::file::review::ReviewFile;
use crate::core::notes::note::Note;
use crate::core::text::document::Document;
use crate::core::timeline::Timeline;

/// An export format.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    /// W3C Web Annotation JSON-LD (an `AnnotationCollection`).
    #[default]
    W3c,
    /// Markdown review report.
    Markdown,
    /// CSV, one row per note (UTF-8 with BOM, RFC 4180).
    Csv,
    /// Standalone HTML review report.
    Html,
    /// The native Pizhu review file.
    Json,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Self; 5] = [Self::W3c, Self::Markdown, Self::Csv, Self::Html, Self::Json];

    /// The name used on the command line (`--format NAME`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::W3c => "w3c",
            Self::Markdown => "markdown",
            Self::Csv => "csv",
            Self::Html => "html",
            Self::Json => "json",
        }
    }

    /// A human label for menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::W3c => "W3C Web Annotation (JSON-LD)",
            Self::Markdown => "Markdown review report",
            Self::Csv => "CSV (Excel)",
            Self::Html => "HTML review report",
            Self::Json => "Pizhu review file (JSON)",
        }
    }

    /// The file name ending, with the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::W3c => ".annotations.jsonld",
            Self::Markdown => ".review.md",
            Self::Csv => ".notes.csv",
            Self::Html => ".review.html",
            Self::Json => ".pizhu.json",
        }
    }

    /// The format named `name` (as in [`Self::name`]), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name.trim().to_lowercase())
    }
}

/// An event's participants as "name (role), …", each piece passed through
/// `escape` for the target format; "not stated" when there are none. Shared by
/// the Markdown and HTML reports.
fn participants_text(
    timeline: &Timeline,
    event: &crate::core::timeline::Event,
    escape: impl Fn(&str) -> String,
) -> String {
    let people: Vec<String> = event
        .participants
        .iter()
        .map(|p| {
            let name = timeline
                .person(&p.person)
                .map_or(p.person.as_str(), |x| x.name.as_str());
            if p.role.trim().is_empty() {
                escape(name)
            } else {
                format!("{} ({})", escape(name), escape(&p.role))
            }
        })
        .collect();
    if people.is_empty() {
        "not stated".to_owned()
    } else {
        people.join(", ")
    }
}

/// Everything an exporter needs.
pub struct ExportInput<'a> {
    /// The document the notes are on.
    pub doc: &'a Document,
    /// The notes to export (the scope: all, or those the list shows), in
    /// document order with orphans last, each with its current anchor.
    pub notes: Vec<(&'a Note, &'a Anchor)>,
    /// The timeline of the day.
    pub timeline: &'a Timeline,
    /// The whole review (for the native JSON export).
    pub review: &'a ReviewFile,
    /// When the export is made, RFC 3339 UTC ending in `Z`.
    pub exported_at: String,
}

/// Why an export failed.
#[derive(thiserror::Error, Debug)]
pub enum ExportError {
    /// Serialising to JSON failed (should not happen with valid notes).
    #[error("could not write the export as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Export `input` in `format`.
///
/// # Errors
/// When serialisation fails.
pub fn export(format: Format, input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::W3c => crate::core::w3c::write::export(input),
        Format::Markdown => Ok(markdown::export(input).into_bytes()),
        Format::Csv => Ok(csv::export(input)),
        Format::Html => Ok(html::export(input).into_bytes()),
        Format::Json => {
            let mut review = input.review.clone();
            // The export scope decides which notes travel.
            review.notes = input.notes.iter().map(|(n, _)| (*n).clone()).collect();
            Ok(review.try_to_json()?.into_bytes())
        }
    }
}
