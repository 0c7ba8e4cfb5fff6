//! A block laid out with the reader's own line breaks.
//!
//! egui wraps Chinese before any Han character, so an opening quote could
//! end a line. The block is laid out once on a single line to measure each
//! char, [`crate::core::text::linebreak::wrap`] picks the breaks by the
//! Chinese rules, and the galley is laid out again with a `\n` at each
//! break. Those `\n` are the galley's only extra chars (egui makes no glyph
//! for them), so glyph boxes stay one per char of the text, and [`Laid`]
//! turns galley cursor indices back into the text's char offsets.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Pos2, Ui, Vec2};

use crate::core::text::linebreak::wrap;
use crate::ui::fonts::reading_family;
use crate::ui::theme;

/// A block's galley and where the reader broke its lines.
#[derive(Clone)]
pub(super) struct Laid {
    /// The laid-out text, with a `\n` inserted before each break.
    pub(super) galley: Arc<Galley>,
    /// Char offsets (in the block's text) where a line starts, ascending.
    breaks: Arc<[usize]>,
}

impl Laid {
    /// The size of the laid-out text.
    pub(super) fn size(&self) -> Vec2 {
        self.galley.size()
    }

    /// The char offset (in the block's text) nearest to a screen position.
    pub(super) fn char_at(&self, origin: Pos2, pos: Pos2) -> usize {
        let index = self.galley.cursor_from_pos(pos - origin).index.0;
        // The `\n` before break `k` sits at galley index `breaks[k] + k`;
        // each one before `index` shifts the text one char back.
        let before = self
            .breaks
            .iter()
            .enumerate()
            .take_while(|&(k, &b)| b + k < index)
            .count();
        index - before
    }

    /// The galley cursor index of char offset `local` of the block's text
    /// (a caret at a break sits at the start of the new line).
    pub(super) fn galley_index(&self, local: usize) -> usize {
        local + self.breaks.iter().take_while(|&&b| b <= local).count()
    }

    /// The block's text as the reader shows it, without the inserted breaks
    /// (for accessibility: a screen reader reads the text, not our lines).
    pub(super) fn text(&self) -> String {
        let mut out = String::with_capacity(self.galley.text().len());
        let mut next = self.breaks.iter().enumerate().peekable();
        for (g, c) in self.galley.text().chars().enumerate() {
            if let Some(&(k, &b)) = next.peek()
                && b + k == g
                && c == '\n'
            {
                next.next();
                continue;
            }
            out.push(c);
        }
        out
    }
}

/// The reading font's size and line height, in points.
#[derive(Clone, Copy)]
pub(super) struct Type {
    /// Text size.
    pub(super) size: f32,
    /// Height of a line.
    pub(super) line_height: f32,
}

/// Lays out a block's text in the reading font, its lines no wider than
/// `width` and broken by the Chinese line-breaking rules.
pub(super) fn layout_block(ui: &Ui, text: &str, width: f32, view: Type) -> Laid {
    let one_line = layout(ui, text.to_owned(), f32::INFINITY, view);
    if one_line.size().x <= width {
        return Laid {
            galley: one_line,
            breaks: Arc::from([]),
        };
    }
    let Some(advances) = advances(&one_line, text) else {
        // Not one glyph per char (never seen from egui): its own wrapping.
        return Laid {
            galley: layout(ui, text.to_owned(), width, view),
            breaks: Arc::from([]),
        };
    };
    let breaks = wrap(text, &advances, width);
    let mut broken = String::with_capacity(text.len() + breaks.len());
    let mut next = breaks.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        if next.peek().is_some_and(|&&b| b == i) {
            next.next();
            broken.push('\n');
        }
        broken.push(c);
    }
    // Lines are already within `width`; a closing mark may hang past it
    // (see `wrap`), so egui gets an em of room and never wraps again.
    let galley = layout(ui, broken, width + view.size * 1.5, view);
    Laid {
        galley,
        breaks: Arc::from(breaks),
    }
}

/// Each char's width on a single-line layout of `text`, `\n` counting 0;
/// `None` if the galley does not have one glyph per char.
fn advances(galley: &Galley, text: &str) -> Option<Vec<f32>> {
    let mut out = Vec::with_capacity(text.len() / 2);
    for row in &galley.rows {
        let glyphs = &row.glyphs;
        for (i, g) in glyphs.iter().enumerate() {
            // The distance to the next glyph includes kerning and spacing.
            let next = glyphs
                .get(i + 1)
                .map_or(g.pos.x + g.advance_width, |n| n.pos.x);
            out.push(next - g.pos.x);
        }
        if row.ends_with_newline {
            out.push(0.0);
        }
    }
    (out.len() == text.chars().count()).then_some(out)
}

/// One layout of `text` in the reading font wrapped at `width`.
fn layout(ui: &Ui, text: String, width: f32, view: Type) -> Arc<Galley> {
    let palette = theme::palette(ui.visuals());
    let mut job = LayoutJob::single_section(
        text,
        TextFormat {
            font_id: FontId::new(view.size, reading_family()),
            color: palette.text,
            line_height: Some(view.line_height),
            ..TextFormat::default()
        },
    );
    job.wrap.max_width = width;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
