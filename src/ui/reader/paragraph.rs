//! One block drawn: its text laid out in the reading font, the paint under
//! it, ruby and margin markers over it, the hover tooltip of the notes under
//! the pointer, scrolling a pending target into view, and its input; plus
//! the paragraph number in the gutter.

use std::sync::Arc;

use egui::{Align, Align2, FontId, Pos2, Rect, Sense, Ui, WidgetInfo};

use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::ui::i18n::{Strings, fill};
use crate::ui::shown;
use crate::ui::theme;

use super::glyphs::{glyph_boxes, range_rects};
use super::input::{context_menu_ui, pointer};
use super::margin::margin_markers_ui;
use super::paint::{paint_evidence, paint_find, paint_flash, paint_highlights, paint_selection};
use super::ruby::ruby_ui;
use super::state::{Placed, ReaderState, ReaderView};
use super::wrap::Laid;
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

/// One block of a paragraph (`para` holds the block's range), laid out
/// (`laid`) and placed at `rect`. In the 简/繁 view the galley's text is converted char
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
    laid: Laid,
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
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, laid.text()));
    let galley = &laid.galley;
    let origin = rect.min;
    // Each line as an AccessKit text run, so a screen reader (and a test)
    // reads the lines the reader drew. Nothing is built without AccessKit.
    // The caret or selection is theirs too, where it touches this block.
    let cursor = state.selection.and_then(|sel| {
        let inside = |at: usize| (para.start..=para.end).contains(&at);
        let local = |at: usize| {
            let at = at.clamp(para.start, para.end) - para.start;
            egui::text::CCursor::new(laid.galley_index(at))
        };
        let r = sel.range();
        (inside(sel.head) || inside(sel.anchor) || (r.start < para.start && r.end > para.end)).then(
            || egui::text_selection::CCursorRange {
                primary: local(sel.head),
                secondary: local(sel.anchor),
                h_pos: None,
            },
        )
    });
    egui::text_selection::accesskit_text::update_accesskit_for_text_widget(
        ui.ctx(),
        response.id,
        cursor,
        egui::emath::TSTransform::from_translation(origin.to_vec2()),
        galley,
    );
    let boxes = glyph_boxes(galley, origin, view.size);
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
            Arc::clone(galley),
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
            let at = para.start + laid.char_at(origin, hover);
            let under: Vec<&Note> = notes
                .iter()
                .filter(|(_, p)| p.start <= at && at < p.end)
                .map(|(n, _)| *n)
                .collect();
            // The open event's evidence names its event, as the timeline
            // is read against the text.
            let event = view.open_event.filter(|&open| {
                view.evidence.iter().any(|e| {
                    e.event == open && e.range.is_some_and(|r| r.start <= at && at < r.end)
                })
            });
            let title = event
                .and_then(|i| view.timeline?.events.get(i))
                .map(|e| shown::text(ui.ctx(), &e.title));
            if !under.is_empty() || title.is_some() {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    if let Some(title) = &title {
                        ui.label(fill(view.strings.evidence_for, &[("title", title)]));
                        if !under.is_empty() {
                            ui.separator();
                        }
                    }
                    notes_tooltip_ui(ui, &under, view.strings);
                });
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
        ui, &response, doc, para, &laid, origin, view, state, commands,
    );
    response.context_menu(|ui| context_menu_ui(ui, para, state, view.strings, commands));
    state.placed.push(Placed {
        start: para.start,
        rect,
        laid,
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
