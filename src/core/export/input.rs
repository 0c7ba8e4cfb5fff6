//! What an export is made from, assembled once for every format (the
//! reports, CSV, W3C and the native file) by the CLI and the window alike.

use crate::core::anchor::Anchor;
use crate::core::file::review::ReviewFile;
use crate::core::lang::Lang;
use crate::core::notes::filter::NoteFilter;
use crate::core::notes::note::{self, Note};
use crate::core::notes::store::ReviewStore;
use crate::core::text::document::Document;
use crate::core::time::{self, TimeZone};
use crate::core::timeline::Timeline;

/// Everything an exporter needs.
pub struct ExportInput<'a> {
    /// The document the notes are on.
    pub doc: &'a Document,
    /// The notes to export (the scope: all, or those the list shows), in
    /// document order with orphans last, each with its current anchor.
    pub notes: Vec<(&'a Note, &'a Anchor)>,
    /// The timeline of the day.
    pub timeline: &'a Timeline,
    /// Where each event's evidence is in the text, per event (see
    /// [`Timeline::evidence_anchors`]): anchored once, with the document's
    /// text index, for every format.
    pub evidence: Vec<Vec<Anchor>>,
    /// The whole review (for the native JSON export).
    pub review: &'a ReviewFile,
    /// When the export is made, RFC 3339 UTC ending in `Z`.
    pub exported_at: String,
    /// The language of the reports' words (Markdown, HTML, the CSV header
    /// and status detail); English unless set ([`Self::in_lang`]).
    pub lang: Lang,
    /// The zone the reports show times in (with their offset); the
    /// system's unless set.
    pub zone: TimeZone,
}

impl<'a> ExportInput<'a> {
    /// The export of `store`'s notes on `doc` with `timeline`, stamped now:
    /// every note, or with `shown` only those the filter shows; in document
    /// order with orphans last. The timeline's evidence is anchored with the
    /// store's index of the text (the one index of the open document).
    #[must_use]
    pub fn new(
        doc: &'a Document,
        store: &'a ReviewStore,
        timeline: &'a Timeline,
        shown: Option<&NoteFilter>,
    ) -> Self {
        Self {
            doc,
            notes: match shown {
                None => store.notes_in_document_order(),
                Some(filter) => filter.apply(store),
            },
            timeline,
            evidence: timeline.evidence_anchors(store.text_index()),
            review: store.review(),
            exported_at: note::now_utc(),
            lang: Lang::En,
            zone: time::local_zone(),
        }
    }

    /// This export with its reports' words in `lang`.
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// This export with its reports' times shown in `zone`.
    #[must_use]
    pub fn in_zone(mut self, zone: TimeZone) -> Self {
        self.zone = zone;
        self
    }

    /// `stamp` (RFC 3339 UTC) as a report shows it: local, with the offset.
    #[must_use]
    pub fn time(&self, stamp: &str) -> String {
        time::date_time_with_offset(stamp, &self.zone)
    }
}

/// Why an export failed.
#[derive(thiserror::Error, Debug)]
pub enum ExportError {
    /// Serialising to JSON failed (should not happen with valid notes).
    #[error("could not write the export as JSON: {0}")]
    Json(#[from] serde_json::Error),
}
