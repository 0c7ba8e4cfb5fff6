//! Pinyin ruby: the readings removed from the clean text, painted above
//! their Han character in line space the layout reserves when ruby is on.
//! Never inline, where a line wrap would tear `(jì)` from its character.

use egui::{Align2, FontId, Pos2, Sense, Ui, WidgetInfo};

use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::ui::theme;

use super::glyphs::GlyphBox;

/// Paint each removed reading of the paragraph above its character, and give it
/// an accessible name ("濟 jì") so screen readers and tests can find it.
pub(super) fn ruby_ui(
    ui: &mut Ui,
    doc: &Document,
    para: &Paragraph,
    glyphs: &[GlyphBox],
    size: f32,
) {
    let readings = doc.readings_in(para.start, para.end);
    let font = FontId::new(size * theme::RUBY_SIZE, egui::FontFamily::Proportional);
    let color = theme::palette(ui.visuals()).ruby;
    for reading in readings {
        // The reading belongs to the Han character before `clean_at`; a kept
        // variation selector may sit between them.
        let Some(mut at) = reading.clean_at.0.checked_sub(1 + para.start) else {
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
