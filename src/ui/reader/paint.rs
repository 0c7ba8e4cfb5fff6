//! What is painted under and around a block's text: note highlights (one
//! piece per run of equal style, stacked underlines where notes overlap),
//! the open note's outline, find matches, the open event's evidence, the
//! selection or caret, and the flash after a jump.

use egui::{Color32, Pos2, Rect, Stroke, Ui};

use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::segment::Paragraph;
use crate::ui::theme;

use super::glyphs::{GlyphBox, range_rects};
use super::state::{Flash, ReaderView, Selection};

/// The notes' highlights in one block. The block is cut where any note
/// starts or ends; each piece is painted once, in the color of its innermost
/// note and stronger where notes overlap, with up to three stacked
/// underlines. So painting costs what the text costs, not what the notes
/// cost: 10,000 notes on one article stay a screenful of shapes.
pub(super) fn paint_highlights(
    ui: &Ui,
    para: &Paragraph,
    boxes: &[GlyphBox],
    notes: &[(&Note, TextPosition)],
    view: &ReaderView<'_>,
    dark: bool,
) {
    let painter = ui.painter();
    let clip = |p: &TextPosition| (p.start.max(para.start), p.end.min(para.end));
    let mut cuts: Vec<usize> = notes
        .iter()
        .flat_map(|(_, p)| {
            let (s, e) = clip(p);
            [s, e]
        })
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    // `notes` come sorted by start; `active` holds the ones covering the
    // current piece, in start order (outermost first).
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut run: Option<(TextPosition, PieceStyle)> = None;
    let flush = |run: Option<(TextPosition, PieceStyle)>| {
        if let Some((range, style)) = run {
            paint_piece(painter, para, boxes, range, &style, view.size);
        }
    };
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|&i| notes.get(i).is_some_and(|(_, p)| clip(p).1 > from));
        while let Some((_, p)) = notes.get(next)
            && clip(p).0 <= from
        {
            if clip(p).1 > from {
                active.push(next);
            }
            next += 1;
        }
        let style = PieceStyle::of(notes, &active, dark);
        let piece = TextPosition {
            start: from,
            end: to,
        };
        run = match run {
            // Neighbouring pieces that look the same are painted as one.
            Some((r, s)) if s == style && r.end == from => Some((
                TextPosition {
                    start: r.start,
                    end: to,
                },
                s,
            )),
            other => {
                flush(other);
                style.visible().then_some((piece, style))
            }
        };
    }
    flush(run);
    // The note open in the editor: outlined whole.
    if let Some((note, pos)) = notes
        .iter()
        .find(|(n, _)| view.selected_note == Some(n.id.as_str()))
    {
        let solid = theme::note_color(note.color, dark);
        for rect in range_rects(para, boxes, *pos, view.size) {
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.5, solid),
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// How one piece of highlighted text is painted.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PieceStyle {
    fill: Option<Color32>,
    underlines: [Option<Color32>; 3],
}

impl PieceStyle {
    /// The style where the `active` notes (indices into `notes`, outermost
    /// first) overlap.
    fn of(notes: &[(&Note, TextPosition)], active: &[usize], dark: bool) -> Self {
        let color = |i: &usize| notes.get(*i).map(|(n, _)| n.color);
        let fill = active
            .last()
            .and_then(color)
            .map(|c| theme::stacked_highlight_fill(c, active.len(), dark));
        let mut underlines = [None; 3];
        for (slot, i) in underlines.iter_mut().zip(active) {
            *slot = color(i).map(|c| theme::note_color(c, dark));
        }
        Self { fill, underlines }
    }

    fn visible(&self) -> bool {
        self.fill.is_some()
    }
}

/// Paints one run of highlighted text: its fill and stacked underlines.
fn paint_piece(
    painter: &egui::Painter,
    para: &Paragraph,
    boxes: &[GlyphBox],
    range: TextPosition,
    style: &PieceStyle,
    size: f32,
) {
    for rect in range_rects(para, boxes, range, size) {
        if let Some(fill) = style.fill {
            painter.rect_filled(rect, 2.0, fill);
        }
        for (level, color) in style.underlines.iter().enumerate() {
            let Some(color) = color else { continue };
            #[allow(clippy::cast_precision_loss, reason = "level is at most 2")]
            let y = rect.bottom() + level as f32 * (theme::NOTE_UNDERLINE + 1.0);
            painter.line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(theme::NOTE_UNDERLINE, *color),
            );
        }
    }
}

/// Find matches in this paragraph; the current one stronger.
pub(super) fn paint_find(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], view: &ReaderView<'_>) {
    let matches = view.find_matches;
    // Matches are sorted: only those that can touch this paragraph are looked at.
    let first = matches.partition_point(|m| m.end <= para.start);
    let dark = ui.visuals().dark_mode;
    for m in matches[first..].iter().take_while(|m| m.start < para.end) {
        let current = view.find_current == Some(*m);
        for rect in range_rects(para, boxes, *m, view.size) {
            ui.painter()
                .rect_filled(rect.expand(1.0), 2.0, theme::find_fill(dark, current));
        }
    }
}

/// The open event's evidence: a tinted band, so claim and words line up.
pub(super) fn paint_evidence(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], view: &ReaderView<'_>) {
    let Some(open) = view.open_event else {
        return;
    };
    let fill = theme::evidence_fill(ui.visuals().dark_mode);
    for span in view.evidence.iter().filter(|e| e.event == open) {
        let Some(range) = span.range else { continue };
        for rect in range_rects(para, boxes, range, view.size) {
            ui.painter().rect_filled(rect.expand(1.0), 3.0, fill);
        }
    }
}

/// The selection in this block, or the caret when it is empty.
pub(super) fn paint_selection(
    ui: &Ui,
    para: &Paragraph,
    boxes: &[GlyphBox],
    sel: Selection,
    size: f32,
) {
    let range = sel.range();
    if range.is_empty() {
        // A caret: a thin line before the char at `head`.
        if sel.head < para.start || sel.head > para.end {
            return;
        }
        let local = sel.head - para.start;
        let rect = boxes.get(local).map(|b| b.rect).or_else(|| {
            boxes
                .last()
                .map(|b| Rect::from_min_max(b.rect.right_top(), b.rect.max))
        });
        if let Some(rect) = rect {
            let x = rect.left();
            ui.painter().line_segment(
                [
                    Pos2::new(x, rect.top()),
                    Pos2::new(x, rect.bottom() + size * 0.15),
                ],
                Stroke::new(1.5, ui.visuals().text_cursor.stroke.color),
            );
        }
        return;
    }
    let fill = ui.visuals().selection.bg_fill;
    for rect in range_rects(para, boxes, range, size) {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
}

/// The fading outline after a jump; repaints while it lasts.
pub(super) fn paint_flash(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], flash: Flash, size: f32) {
    let age = ui.input(|i| i.time) - flash.started;
    if !(0.0..theme::FLASH_SECONDS).contains(&age) {
        return;
    }
    #[allow(clippy::cast_possible_truncation, reason = "alpha fades from 255 to 0")]
    let alpha = (255.0 * (1.0 - age / theme::FLASH_SECONDS)) as u8;
    let c = ui.visuals().selection.stroke.color;
    let color = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha);
    for rect in range_rects(para, boxes, flash.range, size) {
        ui.painter().rect_stroke(
            rect.expand(2.0),
            3.0,
            Stroke::new(2.5, color),
            egui::StrokeKind::Outside,
        );
    }
    // Keep animating only while the flash lasts: no repaint when idle.
    ui.ctx().request_repaint();
}
