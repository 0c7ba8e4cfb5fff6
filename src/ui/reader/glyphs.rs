//! Where each character of a laid-out block sits on screen: glyph boxes and
//! the rects covering a char range (one per line). Everything the reader
//! paints over the text is placed by these; the char under a pointer is
//! `wrap::Laid::char_at`.

use egui::{Galley, Pos2, Rect};

use crate::core::notes::note::TextPosition;
use crate::core::text::segment::Paragraph;

/// Screen rects (one per line) covering `range` of the clean text within `para`.
pub(super) fn range_rects(
    para: &Paragraph,
    boxes: &[GlyphBox],
    range: TextPosition,
    size: f32,
) -> Vec<Rect> {
    let lo = range.start.max(para.start) - para.start;
    let hi = range.end.min(para.end).saturating_sub(para.start);
    let mut rects: Vec<Rect> = Vec::new();
    for b in boxes.get(lo..hi.max(lo)).unwrap_or_default() {
        let r = Rect::from_min_max(
            Pos2::new(b.rect.left(), b.rect.top() - size * 0.06),
            Pos2::new(b.rect.right(), b.rect.bottom() + size * 0.18),
        );
        match rects.last_mut() {
            Some(last) if (last.top() - r.top()).abs() < 1.0 => *last = last.union(r),
            _ => rects.push(r),
        }
    }
    rects
}

/// One character's box in screen coordinates.
pub(super) struct GlyphBox {
    /// The character drawn.
    pub(super) chr: char,
    /// Its em box, from the top of the ideographic em box to the baseline.
    pub(super) rect: Rect,
}

/// Top of the ideographic em box above the baseline, in em: CJK fonts put the
/// em box from -0.12 em to 0.88 em (the font's ascent is larger, 1.16 em in Noto).
pub(super) const EM_BOX_TOP: f32 = 0.88;

/// The box of each character of a galley (one glyph per char in egui), from
/// the top of its ideographic em box to the baseline.
pub(super) fn glyph_boxes(galley: &Galley, origin: Pos2, size: f32) -> Vec<GlyphBox> {
    let mut boxes = Vec::with_capacity(galley.text().len() / 3);
    for row in &galley.rows {
        for glyph in &row.glyphs {
            let baseline = origin + row.pos.to_vec2() + glyph.pos.to_vec2();
            let top = baseline.y - size * EM_BOX_TOP;
            boxes.push(GlyphBox {
                chr: glyph.chr,
                rect: Rect::from_min_max(
                    Pos2::new(baseline.x, top),
                    Pos2::new(baseline.x + glyph.advance_width, baseline.y),
                ),
            });
        }
    }
    boxes
}
