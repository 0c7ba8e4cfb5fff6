//! The reader's public types: how the article is shown ([`ReaderView`]),
//! the reader's own state ([`ReaderState`]: selection, pending scroll,
//! flash, and what the last frame drew).

use std::sync::OnceLock;

use egui::{Align, Rect};

use crate::core::notes::note::TextPosition;
use crate::core::notes::store::ReviewStore;
use crate::core::text::words::WordSegmenter;
use crate::core::timeline::Timeline;
use crate::ui::evidence::EvidenceSpan;
use crate::ui::i18n::Strings;
use crate::ui::theme;

use super::blocks::BlockLayout;
use super::wrap::Laid;

/// How the article is shown; everything the reader needs besides its state.
#[derive(Clone, Copy)]
pub struct ReaderView<'a> {
    /// Reading text size in points.
    pub size: f32,
    /// Draw the scraped pinyin as ruby above its character.
    pub ruby: bool,
    /// The notes to highlight.
    pub store: Option<&'a ReviewStore>,
    /// The note open in the editor, drawn with an outline.
    pub selected_note: Option<&'a str>,
    /// Timeline evidence as placed in the text (for highlight and hover).
    pub evidence: &'a [EvidenceSpan],
    /// The timeline the evidence belongs to (event titles for the hover).
    pub timeline: Option<&'a Timeline>,
    /// The open timeline event, whose evidence is highlighted.
    pub open_event: Option<usize>,
    /// Find matches to mark, in order.
    pub find_matches: &'a [TextPosition],
    /// The current find match, marked more strongly.
    pub find_current: Option<TextPosition>,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
    /// Width of the reading column in CJK characters.
    pub column_chars: f32,
    /// The paragraphs converted for the 简/繁 switch (same char counts);
    /// `None` shows the text as it is.
    pub display: Option<&'a [String]>,
    /// Word boundaries for double-click; loaded in the background at start-up
    /// (and here, on the first double-click, if that is sooner).
    pub words: &'a OnceLock<WordSegmenter>,
    /// The interface language's strings.
    pub strings: &'a Strings,
}

impl ReaderView<'_> {
    /// The height of one line of reading text.
    pub(super) fn line_height(&self) -> f32 {
        let lines = if self.ruby {
            self.line_spacing + theme::RUBY_EXTRA_LINE_HEIGHT
        } else {
            self.line_spacing
        };
        (self.size * lines).round()
    }
}

/// A selection in clean-text char offsets; `anchor == head` is a caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends (moves with drag and Shift+arrows).
    pub head: usize,
}

impl Selection {
    /// A selection of `[start, end)`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            anchor: start,
            head: end,
        }
    }

    /// The selected range, ordered.
    #[must_use]
    pub fn range(self) -> TextPosition {
        TextPosition {
            start: self.anchor.min(self.head),
            end: self.anchor.max(self.head),
        }
    }
}

/// A short bright outline that shows where the reader jumped to.
#[derive(Clone, Copy, Debug)]
pub struct Flash {
    /// The range to outline.
    pub range: TextPosition,
    /// When it started (egui time, seconds).
    pub started: f64,
}

/// The reader's own state: selection, pending scroll, flash. Not saved.
#[derive(Default)]
pub struct ReaderState {
    /// The current selection, if any.
    pub selection: Option<Selection>,
    /// Scroll this range into view on the next frames.
    pub scroll_to: Option<TextPosition>,
    /// Frames left to keep the range in view: a panel that changes width
    /// re-wraps the text, so the target is placed again until layout settles.
    pub(super) scroll_frames: u8,
    /// Where the target goes: centred (a jump), at the top (a restored
    /// reading position), or just into view (`None`: caret moves).
    pub(super) scroll_align: Option<Align>,
    /// The first char visible at the top of the reader in the last frame:
    /// the reading position that is remembered per document.
    pub top_char: usize,
    /// Outline this range for a moment.
    pub flash: Option<Flash>,
    /// A drag selection is under way (it may cross blocks).
    pub(super) dragging: bool,
    /// Where each paragraph was drawn in the last frame.
    pub(super) placed: Vec<Placed>,
    /// Where every block sits, measured or estimated.
    pub(super) layout: BlockLayout,
    /// The reader's scroll offset in the last frame.
    pub(super) offset: f32,
    /// Move the scroll offset by this much next frame: a block above the
    /// view turned out taller or shorter than estimated, and the text in
    /// view must not jump.
    pub(super) scroll_fix: f32,
    /// The pending scroll target was placed by a drawn block this frame.
    pub(super) scrolled: bool,
    /// Frames in a row spent going to a target not drawn yet.
    pub(super) blind_frames: u8,
}

/// A block as drawn in the last frame: where its text starts, its screen
/// rect and its galley (for drags that cross blocks and the reading position).
pub(super) struct Placed {
    /// The block's first char in the clean text.
    pub(super) start: usize,
    /// Where the galley was painted.
    pub(super) rect: Rect,
    /// The block's laid-out text.
    pub(super) laid: Laid,
}

impl ReaderState {
    /// The selected text range, when it is not empty.
    #[must_use]
    pub fn selected_range(&self) -> Option<TextPosition> {
        self.selection
            .map(Selection::range)
            .filter(|r| !r.is_empty())
    }

    /// Scroll a range into view (centred) without flashing it.
    pub fn scroll_to_range(&mut self, range: TextPosition) {
        self.scroll_to = Some(range);
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Center);
    }

    /// Keep the char `at` in view with as little scrolling as possible: a
    /// new note opens the side panel, and the text it narrows must not push
    /// the noted words out of sight.
    pub fn keep_in_view(&mut self, at: usize) {
        self.scroll_to = Some(TextPosition {
            start: at,
            end: at + 1,
        });
        self.scroll_frames = 3;
        self.scroll_align = None;
    }

    /// Put the char `at` at the top of the reader (restoring a reading position).
    pub fn scroll_to_top(&mut self, at: usize) {
        self.scroll_to = Some(TextPosition { start: at, end: at });
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Min);
    }

    /// Jump to a range: scroll it into view and flash it.
    pub fn reveal(&mut self, range: TextPosition, now: f64) {
        self.scroll_to = Some(range);
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Center);
        self.flash = Some(Flash {
            range,
            started: now,
        });
    }
}
