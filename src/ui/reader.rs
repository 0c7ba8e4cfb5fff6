//! The reading view: the clean article as numbered paragraphs in a bounded
//! column, with the scraped pinyin optionally drawn as ruby above its character.
//!
//! Pinyin is never shown inline: inline `(jì)` gets torn from its character at
//! line wraps. Ruby is painted over the paragraph's galley, in line space that
//! the layout reserves for it when ruby is on.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align2, FontId, Galley, Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

use crate::core::document::Document;
use crate::ui::fonts::reading_family;
use crate::ui::theme;

/// How the article is shown; everything the reader needs besides the document.
#[derive(Clone, Copy, Debug)]
pub struct ReaderView {
    /// Reading text size in points.
    pub size: f32,
    /// Draw the scraped pinyin as ruby above its character.
    pub ruby: bool,
}

/// Show the whole document in a vertical scroll area.
pub fn reader_ui(ui: &mut Ui, doc: &Document, view: ReaderView) {
    let palette = theme::palette(ui.visuals());
    egui::Frame::new().fill(palette.page).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let full = ui.available_width();
                let gutter = view.size * theme::GUTTER;
                let column = (view.size * theme::COLUMN_CHARS).min(full - gutter - 16.0);
                let left_pad = ((full - column - gutter) / 2.0).max(0.0);
                ui.add_space(view.size);
                for (index, para) in doc.paragraphs.iter().enumerate() {
                    ui.horizontal_top(|ui| {
                        ui.add_space(left_pad);
                        paragraph_number_ui(ui, index + 1, gutter, view.size, palette.gutter);
                        paragraph_ui(ui, doc, para, column, view, palette);
                    });
                    ui.add_space(view.size * theme::PARAGRAPH_GAP);
                }
                ui.add_space(view.size * 2.0);
            });
    });
}

fn paragraph_number_ui(ui: &mut Ui, number: usize, width: f32, size: f32, color: egui::Color32) {
    let (rect, _) =
        ui.allocate_exact_size(Vec2::new(width, size * theme::LINE_HEIGHT), Sense::hover());
    ui.painter().text(
        Pos2::new(rect.right() - size * 0.6, rect.center().y),
        Align2::RIGHT_CENTER,
        number.to_string(),
        FontId::proportional(size * 0.6),
        color,
    );
}

fn paragraph_ui(
    ui: &mut Ui,
    doc: &Document,
    para: &crate::core::segment::Paragraph,
    width: f32,
    view: ReaderView,
    palette: theme::Palette,
) {
    let text = doc.paragraph_text(para.index);
    let line_height = if view.ruby {
        view.size * (theme::LINE_HEIGHT + theme::RUBY_EXTRA_LINE_HEIGHT)
    } else {
        view.size * theme::LINE_HEIGHT
    };
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: FontId::new(view.size, reading_family()),
            color: palette.text,
            line_height: Some(line_height.round()),
            ..TextFormat::default()
        },
    );
    job.wrap.max_width = width;
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let response = ui.add(egui::Label::new(Arc::clone(&galley)).selectable(true));
    if view.ruby {
        ruby_ui(
            ui,
            doc,
            para,
            &galley,
            response.rect.min,
            view.size,
            palette.ruby,
        );
    }
}

/// Paint each removed reading of the paragraph above its character, and give it
/// an accessible name ("濟 jì") so screen readers and tests can find it.
fn ruby_ui(
    ui: &mut Ui,
    doc: &Document,
    para: &crate::core::segment::Paragraph,
    galley: &Galley,
    origin: Pos2,
    size: f32,
    color: egui::Color32,
) {
    let readings = doc.readings_in(para.start, para.end);
    if readings.is_empty() {
        return;
    }
    let glyphs = glyph_boxes(galley, origin, size);
    let font = FontId::new(size * theme::RUBY_SIZE, egui::FontFamily::Proportional);
    for reading in readings {
        // The reading belongs to the Han character before `clean_at`; a kept
        // variation selector may sit between them.
        let Some(mut at) = reading.clean_at.checked_sub(1 + para.start) else {
            continue;
        };
        while at > 0 && glyphs.get(at).is_some_and(|g| g.chr != reading.han) {
            at -= 1;
        }
        let Some(glyph) = glyphs.get(at) else {
            continue;
        };
        let anchor = Pos2::new(glyph.rect.center().x, glyph.rect.top() - size * 0.03);
        let painted = ui.painter().text(
            anchor,
            Align2::CENTER_BOTTOM,
            &reading.pinyin,
            font.clone(),
            color,
        );
        let id = ui.scope_id().with(("ruby", reading.clean_at));
        let response = ui.interact(painted, id, Sense::hover());
        let name = format!("{} {}", reading.han, reading.pinyin);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
    }
}

/// One character's box in screen coordinates.
struct GlyphBox {
    chr: char,
    rect: Rect,
}

/// Top of the ideographic em box above the baseline, in em: CJK fonts put the
/// em box from -0.12 em to 0.88 em (the font's ascent is larger, 1.16 em in Noto).
const EM_BOX_TOP: f32 = 0.88;

/// The box of each character of a galley (one glyph per char in egui), from
/// the top of its ideographic em box to the baseline.
fn glyph_boxes(galley: &Galley, origin: Pos2, size: f32) -> Vec<GlyphBox> {
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
