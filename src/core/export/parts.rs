//! Pieces of text the reports share: which paragraph a position is in, and
//! an event's participants.

use crate::core::text::document::Document;
use crate::core::timeline::{Event, Timeline};

use super::words::{Words, fill};

/// The 0-based index of the paragraph holding char `offset`: the last
/// paragraph starting at or before it (so a line break after a paragraph
/// belongs to it), or the first paragraph for text before any. `None` only
/// for a document without paragraphs.
#[must_use]
pub(super) fn paragraph_of(doc: &Document, offset: usize) -> Option<usize> {
    if doc.paragraphs.is_empty() {
        return None;
    }
    Some(
        doc.paragraphs
            .partition_point(|p| p.start <= offset)
            .saturating_sub(1),
    )
}

/// An event's participants as "name (role), …", each piece passed through
/// `escape` for the target format, in `w`'s words; "not stated" when there
/// are none. Shared by the Markdown and HTML reports.
pub(super) fn participants_text(
    w: &Words,
    timeline: &Timeline,
    event: &Event,
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
                fill(
                    w.name_role,
                    &[("name", &escape(name)), ("role", &escape(&p.role))],
                )
            }
        })
        .collect();
    if people.is_empty() {
        w.not_stated.to_owned()
    } else {
        people.join(w.list_sep)
    }
}
