//! One block drawn: its text laid out in the reading font, the paint under
//! it, ruby and margin markers over it, the hover tooltip of the notes under
//! the pointer, scrolling a pending target into view, and its input; plus
//! the paragraph number in the gutter.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Align2, FontId, Galley, Pos2, Rect, Sense, Ui, WidgetInfo};

use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::ui::fonts::reading_family;
use crate::ui::i18n::{Strings, fill};
use crate::ui::theme;

use super::glyphs::{char_at, glyph_boxes, range_rects};
use super::input::{context_menu_ui, pointer};
use super::margin::margin_markers_ui;
use super::paint::{paint_evidence, paint_find, paint_flash, paint_highlights, paint_selection};
use super::ruby::ruby_ui;
use super::state::{Placed, ReaderState, ReaderView};
use crate::ui::command::Command;

/// The paragraph number in the gutter: a button that notes the paragraph.
pub(super) fn paragraph_number_ui(
    ui: &mut Ui,
    rect: Rect,
    number: usize,
    size: f32,
    palette: theme::Palette,
    s: &Strings,
) -> egui::Response {
    let response = ui.interact(rect, ui.scope_id().with(("number", number)), Sense::click());
    let color = if response.hovered() {
        palette.text
    } else {
        palette.gutter
    };
    ui.painter().text(
        Pos2::new(rect.right() - size * 0.6, rect.center().y),
        Align2::RIGHT_CENTER,
        number.to_string(),
        FontId::proportional(size * 0.6),
        color,
    );
    let label = fill(s.note_paragraph, &[("n", &number)]);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.on_hover_text(fill(s.note_paragraph_hover, &[("n", &number)]))
}

/// Lays out a block's text in the reading font, wrapped at `width`.
pub(super) fn layout_paragraph(
    ui: &Ui,
    text: &str,
    width: f32,
    view: &ReaderView<'_>,
) -> Arc<Galley> {
    let palette = theme::palette(ui.visuals());
    let line_height = view.line_height();
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: FontId::new(view.size, reading_family()),
            color: palette.text,
            line_height: Some(line_height),
            ..TextFormat::default()
        },
    );
    job.wrap.max_width = width;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// One block of a paragraph (`para` holds the block's range), its galley
/// placed at `rect`. In the 简/繁 view the galley's text is converted char
/// for char, so every offset (notes, evidence, selection) stays the clean
/// text's.
#[allow(
    clippy::too_many_arguments,
    reason = "one block's whole drawing context"
)]
pub(super) fn paragraph_ui(
    ui: &mut Ui,
    doc: &Document,
    para: &Paragraph,
    galley: Arc<Galley>,
    rect: Rect,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    let response = ui.interact(
        rect,
        ui.scope_id().with(("block", para.start)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    let origin = rect.min;
    let boxes = glyph_boxes(&galley, origin, view.size);
    let dark = ui.visuals().dark_mode;

    if ui.is_rect_visible(rect) {
        let notes: Vec<(&Note, TextPosition)> = view
            .store
            .map(|s| s.notes_overlapping(para.start, para.end).collect())
            .unwrap_or_default();
        paint_evidence(ui, para, &boxes, &view);
        paint_find(ui, para, &boxes, &view);
        paint_highlights(ui, para, &boxes, &notes, &view, dark);
        if let Some(sel) = state.selection {
            paint_selection(ui, para, &boxes, sel, view.size);
        }
        ui.painter().galley(
            origin,
            Arc::clone(&galley),
            theme::palette(ui.visuals()).text,
        );
        if view.ruby {
            ruby_ui(ui, doc, para, &boxes, view.size);
        }
        margin_markers_ui(ui, para, &boxes, &notes, &view, dark, commands);
        if let Some(flash) = state.flash {
            paint_flash(ui, para, &boxes, flash, view.size);
        }
        if let Some(hover) = response.hover_pos()
            && !state.dragging
        {
            let at = para.start + char_at(&galley, origin, hover);
            let under: Vec<&Note> = notes
                .iter()
                .filter(|(_, p)| p.start <= at && at < p.end)
                .map(|(n, _)| *n)
                .collect();
            if !under.is_empty() {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| notes_tooltip_ui(ui, &under, view.strings));
            }
        }
    }

    if let Some(target) = state.scroll_to
        && target.start < para.end.max(para.start + 1)
        && target.end.max(target.start + 1) > para.start
    {
        let rects = range_rects(para, &boxes, target, view.size);
        let union = rects.into_iter().reduce(Rect::union).unwrap_or(rect);
        let margin = if state.scroll_align == Some(Align::Min) {
            0.0
        } else {
            view.size * 2.0
        };
        ui.scroll_to_rect(union.expand(margin), state.scroll_align);
        state.scrolled = true;
        state.scroll_frames = state.scroll_frames.saturating_sub(1);
        if state.scroll_frames == 0 {
            state.scroll_to = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    pointer(
        ui, &response, doc, para, &galley, origin, view, state, commands,
    );
    response.context_menu(|ui| context_menu_ui(ui, para, state, view.strings, commands));
    state.placed.push(Placed {
        start: para.start,
        rect,
        galley,
    });
}

/// The hover tooltip of the notes under the pointer.
fn notes_tooltip_ui(ui: &mut Ui, notes: &[&Note], s: &Strings) {
    // A tooltip is for a glance: a few notes, then how many more.
    const SHOWN: usize = 8;
    if notes.len() > SHOWN {
        ui.weak(fill(
            s.notes_here,
            &[("n", &notes.len()), ("shown", &SHOWN)],
        ));
        ui.separator();
    }
    for (i, note) in notes.iter().take(SHOWN).enumerate() {
        if i > 0 {
            ui.separator();
        }
        if note.body.trim().is_empty() {
            ui.weak(s.highlight_no_text);
        } else {
            ui.label(&note.body);
        }
        if !note.tags.is_empty() {
            ui.weak(fill(s.tags_list, &[("tags", &note.tags.join(", "))]));
        }
    }
}
