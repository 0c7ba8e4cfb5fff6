//! Exports of a review: W3C Web Annotation (JSON-LD), Markdown and HTML review
//! reports, CSV for spreadsheets, and the native review JSON. Pure: each
//! exporter turns an [`ExportInput`] into bytes; the CLI and the window write them.

pub mod csv;
pub mod html;
pub mod input;
pub mod markdown;
mod parts;
pub mod words;

pub use input::{ExportError, ExportInput};

use crate::core::anchor::STATUS_KEY;

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
            // Each note carries its status in this text; reading a review
            // file drops it again (see `STATUS_KEY`).
            review.notes = input
                .notes
                .iter()
                .map(|(n, anchor)| {
                    let mut note = (*n).clone();
                    let report = anchor.status_report(n.target.position);
                    if let Ok(value) = serde_json::to_value(report) {
                        note.extra.insert(STATUS_KEY.to_owned(), value);
                    }
                    note
                })
                .collect();
            Ok(review.try_to_json()?.into_bytes())
        }
    }
}
