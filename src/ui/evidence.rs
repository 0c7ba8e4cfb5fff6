//! Timeline evidence as placed in the current text: what the reader tints
//! for the open event and the timeline panel counts on each event's card.
//! Both panels stand on this module; neither imports the other.

use crate::core::notes::note::TextPosition;

/// A piece of evidence as placed in the current text.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceSpan {
    /// Where it is now in the clean text; `None` when it no longer anchors.
    pub range: Option<TextPosition>,
    /// The event it supports (index in the timeline).
    pub event: usize,
}
