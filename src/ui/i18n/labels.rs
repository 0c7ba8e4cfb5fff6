//! The names of the core's kinds in the interface's language: a note
//! colour, an export format, a timeline phase and event kind, a sort order.
//! Each is one [`Strings`] field; these pick the field for a value.

use super::strings::Strings;
use crate::core::export::Format;
use crate::core::notes::filter::SortBy;
use crate::core::notes::note::NoteColor;
use crate::core::timeline::{EventKind, Phase};

impl Strings {
    /// A note color's name.
    #[must_use]
    pub fn color_name(&self, color: NoteColor) -> &'static str {
        match color {
            NoteColor::Yellow => self.color_yellow,
            NoteColor::Green => self.color_green,
            NoteColor::Blue => self.color_blue,
            NoteColor::Pink => self.color_pink,
            NoteColor::Purple => self.color_purple,
        }
    }

    /// An export format's name for the Export window.
    #[must_use]
    pub fn format_label(&self, format: Format) -> &'static str {
        match format {
            Format::W3c => self.format_w3c,
            Format::Markdown => self.format_markdown,
            Format::Csv => self.format_csv,
            Format::Html => self.format_html,
            Format::Json => self.format_json,
        }
    }

    /// A timeline phase's name.
    #[must_use]
    pub fn phase_label(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::SiteVisits => self.phase_site_visits,
            Phase::Ceremony => self.phase_ceremony,
            Phase::Other => self.phase_other,
        }
    }

    /// An event kind's name.
    #[must_use]
    pub fn kind_label(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::SiteVisit => self.kind_site_visit,
            EventKind::Ceremony => self.kind_ceremony,
            EventKind::Speech => self.kind_speech,
            EventKind::Signing => self.kind_signing,
            EventKind::Other => self.kind_other,
        }
    }

    /// A sort order's name.
    #[must_use]
    pub fn sort_label(&self, sort: SortBy) -> &'static str {
        match sort {
            SortBy::Position => self.sort_position,
            SortBy::Created => self.sort_created,
            SortBy::Modified => self.sort_modified,
        }
    }
}
