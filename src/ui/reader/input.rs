//! The reader's pointer and keys: click (caret, open the note under it),
//! double-click (a Chinese word, by jieba), triple-click (a sentence), drag
//! (a selection that may cross blocks), the context menu, arrow keys with
//! Shift, Escape, Ctrl+Enter (note the selection) and copy.

use egui::{Key, Pos2, Ui};

use crate::core::notes::note::TextPosition;
use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::core::text::words::{WordSegmenter, sentence_at};
use crate::ui::i18n::{Strings, fill};

use super::state::{ReaderState, ReaderView, Selection};
use super::wrap::Laid;
use crate::ui::command::Command;
use crate::ui::shortcuts::{self, with_keys};

/// Clicks and drags on a block: a click puts the caret and opens the
/// innermost note under it, a double-click selects the word, a triple-click
/// the sentence, and a drag starts a selection.
#[allow(
    clippy::too_many_arguments,
    reason = "one paragraph's whole drawing context"
)]
pub(super) fn pointer(
    ui: &Ui,
    response: &egui::Response,
    doc: &Document,
    para: &Paragraph,
    laid: &Laid,
    origin: Pos2,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let local = laid.char_at(origin, pos);
    let at = para.start + local;
    if response.triple_clicked() {
        if let Some((s, e)) = sentence_at(&doc.sentences, at) {
            state.selection = Some(Selection::new(s, e));
        }
    } else if response.double_clicked() {
        // The paragraph's clean text from the document (the galley holds
        // inserted line breaks), with the document's own terms kept whole.
        let (s, e) = view
            .words
            .get_or_init(WordSegmenter::new)
            .word_in_document(doc, para, local);
        state.selection = Some(Selection::new(para.start + s, para.start + e));
    } else if response.drag_started() {
        let origin_pos = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
        let from = para.start + laid.char_at(origin, origin_pos);
        state.selection = Some(Selection::new(from, at));
        state.dragging = true;
    } else if response.clicked() {
        state.selection = Some(Selection::new(at, at));
        let hit = view.store.and_then(|store| {
            store
                .notes_overlapping(at, at + 1)
                .filter(|(_, p)| p.start <= at && at < p.end)
                .min_by_key(|(_, p)| p.len())
                .map(|(n, _)| n.id.clone())
        });
        if let Some(id) = hit {
            commands.push(Command::OpenNote { id, reveal: false });
        }
    }
}

/// While a drag is under way, moves the selection head to the char under
/// the pointer in whichever drawn block it is over; ends the drag on release.
pub(super) fn drag_across_paragraphs(ui: &Ui, state: &mut ReaderState) {
    if !state.dragging {
        return;
    }
    let (down, pos) = ui.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
    if let (true, Some(pos)) = (down, pos) {
        let placed = state
            .placed
            .iter()
            .find(|p| pos.y <= p.rect.bottom())
            .or_else(|| state.placed.last());
        if let (Some(p), Some(sel)) = (placed, state.selection.as_mut()) {
            sel.head = p.start + p.laid.char_at(p.rect.min, pos);
        }
    } else {
        state.dragging = false;
    }
}

/// The right-click menu of a block: note the selection, note the paragraph.
pub(super) fn context_menu_ui(
    ui: &mut Ui,
    para: &Paragraph,
    state: &ReaderState,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    if let Some(range) = state.selected_range()
        && ui
            .button(with_keys(s, s.add_note, &shortcuts::ADD_NOTE))
            .clicked()
    {
        commands.push(Command::AddNote(range));
        ui.close();
    }
    if ui
        .button(fill(s.note_paragraph, &[("n", &(para.index + 1))]))
        .clicked()
    {
        commands.push(Command::AddParagraphNote(para.index));
        ui.close();
    }
}

/// Caret and selection keys, Escape, Ctrl+Enter and copy, unless a text
/// field has the keyboard.
pub(super) fn keyboard(
    ui: &Ui,
    doc: &Document,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let len = doc.char_len();
    ui.input_mut(|i| {
        let shift = i.modifiers.shift;
        let step = |state: &mut ReaderState, to: &dyn Fn(usize) -> usize| {
            let sel = state.selection.get_or_insert_with(|| {
                let start = doc.paragraphs.first().map_or(0, |p| p.start);
                Selection::new(start, start)
            });
            sel.head = to(sel.head).min(len);
            if !shift {
                sel.anchor = sel.head;
            }
            state.scroll_to = Some(TextPosition {
                start: sel.head,
                end: sel.head,
            });
            state.scroll_align = None;
        };
        if i.consume_key(i.modifiers, Key::ArrowRight) {
            step(state, &|h| h + 1);
        }
        if i.consume_key(i.modifiers, Key::ArrowLeft) {
            step(state, &|h| h.saturating_sub(1));
        }
        if i.consume_key(i.modifiers, Key::ArrowDown) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .find(|p| p.start > h)
                    .map_or(len, |p| p.start)
            });
        }
        if i.consume_key(i.modifiers, Key::ArrowUp) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .rev()
                    .find(|p| p.start < h)
                    .map_or(0, |p| p.start)
            });
        }
        if i.consume_key(i.modifiers, Key::End) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .find(|p| p.end >= h)
                    .map_or(len, |p| p.end)
            });
        }
        if i.consume_key(i.modifiers, Key::Home) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .rev()
                    .find(|p| p.start <= h)
                    .map_or(0, |p| p.start)
            });
        }
        if i.consume_key(egui::Modifiers::NONE, Key::Escape)
            && let Some(sel) = state.selection.as_mut()
        {
            // Like a text editor: the selection goes, the caret stays.
            sel.anchor = sel.head;
        }
        if i.consume_shortcut(&shortcuts::ADD_NOTE)
            && let Some(range) = state.selected_range()
        {
            commands.push(Command::AddNote(range));
        }
    });
    if let Some(range) = state.selected_range() {
        let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy {
            ui.ctx()
                .copy_text(doc.slice(range.start, range.end).to_owned());
        }
    }
}
