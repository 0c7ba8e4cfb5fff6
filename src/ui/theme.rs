//! Design tokens: every color and size the views use, in one place.
//!
//! Views never hard-code a `Color32` or a pixel size; they ask this module, so
//! that light and dark themes (and later, user settings) stay consistent.

use egui::{Color32, Visuals};

/// Reading text size in points at zoom 100 %.
pub const READING_SIZE: f32 = 20.0;
/// Smallest and largest reading sizes the zoom allows.
pub const READING_SIZE_MIN: f32 = 10.0;
/// See [`READING_SIZE_MIN`].
pub const READING_SIZE_MAX: f32 = 48.0;
/// One zoom step multiplies the reading size by this factor.
pub const ZOOM_STEP: f32 = 1.1;
/// Line height as a multiple of the reading size: CJK reads best with generous leading.
pub const LINE_HEIGHT: f32 = 1.8;
/// Extra line height, as a multiple of the reading size, that makes room for ruby above the text.
pub const RUBY_EXTRA_LINE_HEIGHT: f32 = 0.7;
/// Ruby (pinyin) size as a multiple of the reading size.
pub const RUBY_SIZE: f32 = 0.5;
/// The reading column is about this many CJK characters wide.
pub const COLUMN_CHARS: f32 = 36.0;
/// Space between paragraphs, as a multiple of the reading size.
pub const PARAGRAPH_GAP: f32 = 0.9;
/// Width of the paragraph-number gutter, as a multiple of the reading size.
pub const GUTTER: f32 = 2.2;
/// UI (chrome) text size in points.
pub const UI_TEXT_SIZE: f32 = 14.0;

/// Colors of one theme (light or dark).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Body text of the article.
    pub text: Color32,
    /// Paragraph numbers in the gutter.
    pub gutter: Color32,
    /// Ruby (pinyin) above the characters.
    pub ruby: Color32,
    /// Background of the reading page.
    pub page: Color32,
    /// Error text.
    pub error: Color32,
    /// Text that asks the reviewer to check something (a note that moved
    /// to other surroundings, an approximate or ambiguous match): amber,
    /// legible on the page in both modes.
    pub warning: Color32,
}

/// The palette for the given visuals (light or dark).
#[must_use]
pub fn palette(visuals: &Visuals) -> Palette {
    if visuals.dark_mode {
        Palette {
            text: Color32::from_rgb(0xE4, 0xE1, 0xDA),
            gutter: Color32::from_rgb(0x80, 0x7C, 0x74),
            ruby: Color32::from_rgb(0xD9, 0x9A, 0x6C),
            page: Color32::from_rgb(0x1E, 0x1E, 0x1C),
            error: Color32::from_rgb(0xFF, 0x8A, 0x80),
            warning: Color32::from_rgb(0xF0, 0xB4, 0x50),
        }
    } else {
        Palette {
            text: Color32::from_rgb(0x22, 0x20, 0x1C),
            gutter: Color32::from_rgb(0x9A, 0x94, 0x8A),
            ruby: Color32::from_rgb(0xA3, 0x3B, 0x20),
            page: Color32::from_rgb(0xFB, 0xF9, 0xF4),
            error: Color32::from_rgb(0xB0, 0x1E, 0x1E),
            warning: Color32::from_rgb(0x9A, 0x5B, 0x00),
        }
    }
}

/// Opacity of a note's highlight fill; low enough that overlapping notes stay visible.
pub const HIGHLIGHT_ALPHA: u8 = 80;
/// Thickness of the underline each note draws under its text, in points.
pub const NOTE_UNDERLINE: f32 = 2.0;
/// How long the flash lasts when the reader jumps to a note, in seconds.
pub const FLASH_SECONDS: f64 = 1.6;
/// Width of the notes side panel, in points.
pub const NOTES_PANEL_WIDTH: f32 = 380.0;

/// The solid color of a note (markers, underline, swatches).
#[must_use]
pub fn note_color(color: crate::core::notes::note::NoteColor, dark: bool) -> Color32 {
    use crate::core::notes::note::NoteColor;
    match (color, dark) {
        (NoteColor::Yellow, false) => Color32::from_rgb(0xE0, 0xB0, 0x00),
        (NoteColor::Yellow, true) => Color32::from_rgb(0xF2, 0xCC, 0x3A),
        (NoteColor::Green, false) => Color32::from_rgb(0x2E, 0x9E, 0x4F),
        (NoteColor::Green, true) => Color32::from_rgb(0x5C, 0xC8, 0x7A),
        (NoteColor::Blue, false) => Color32::from_rgb(0x2F, 0x74, 0xD0),
        (NoteColor::Blue, true) => Color32::from_rgb(0x6A, 0xA6, 0xF0),
        (NoteColor::Pink, false) => Color32::from_rgb(0xD6, 0x3E, 0x86),
        (NoteColor::Pink, true) => Color32::from_rgb(0xF0, 0x7A, 0xB0),
        (NoteColor::Purple, false) => Color32::from_rgb(0x7E, 0x4F, 0xC8),
        (NoteColor::Purple, true) => Color32::from_rgb(0xA8, 0x86, 0xE8),
    }
}

/// The translucent fill painted under a note's text.
#[must_use]
pub fn highlight_fill(color: crate::core::notes::note::NoteColor, dark: bool) -> Color32 {
    let c = note_color(color, dark);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), HIGHLIGHT_ALPHA)
}

/// The fill where `depth` notes overlap, in the innermost note's color:
/// stronger with each overlapping note, up to three.
#[must_use]
pub fn stacked_highlight_fill(
    color: crate::core::notes::note::NoteColor,
    depth: usize,
    dark: bool,
) -> Color32 {
    let c = note_color(color, dark);
    #[allow(
        clippy::cast_possible_truncation,
        reason = "at most 3 × the highlight alpha"
    )]
    let alpha = (u32::from(HIGHLIGHT_ALPHA) * depth.clamp(1, 3) as u32).min(255) as u8;
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The band painted under the open timeline event's evidence.
#[must_use]
pub fn evidence_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0x4F, 0xB3, 0xBF, 70)
    } else {
        Color32::from_rgba_unmultiplied(0x1F, 0x8A, 0x99, 55)
    }
}

/// The fill under a find match (`current`: the one Enter moved to).
#[must_use]
pub fn find_fill(dark: bool, current: bool) -> Color32 {
    match (dark, current) {
        (false, false) => Color32::from_rgba_unmultiplied(0xFF, 0x9F, 0x1A, 70),
        (false, true) => Color32::from_rgba_unmultiplied(0xFF, 0x7A, 0x00, 150),
        (true, false) => Color32::from_rgba_unmultiplied(0xFF, 0xB3, 0x4D, 60),
        (true, true) => Color32::from_rgba_unmultiplied(0xFF, 0x8C, 0x1A, 140),
    }
}
