//! The reading view: the clean article as numbered paragraphs in a bounded
//! column, with note highlights, the reader's own text selection, and the
//! scraped pinyin optionally drawn as ruby above its character.
//!
//! Pinyin is never shown inline: inline `(jì)` gets torn from its character at
//! line wraps. Ruby is painted over the paragraph's galley, in line space that
//! the layout reserves for it when ruby is on.
//!
//! Selection is ours, in clean-text char offsets, so that it can span
//! paragraphs, select a Chinese word on double-click (jieba) and a sentence on
//! triple-click. The view changes only its own [`ReaderState`]; anything that
//! changes the review goes out as a [`Command`].
//!
//! The modules, from the bottom up: `state` (the public types),
//! `blocks` (the document cut into blocks, their heights), `wrap` (a block
//! laid out with Chinese line breaks), `glyphs` (where each char sits on
//! screen), `paint`, `margin`, `ruby` and `input` (what a
//! block shows and how it reacts), `paragraph` (one block drawn) and
//! `viewport` (the blocks in view).

mod blocks;
mod glyphs;
mod input;
mod margin;
mod paint;
mod paragraph;
mod ruby;
mod state;
mod viewport;
mod wrap;

use egui::Ui;

use crate::core::text::document::Document;
use crate::ui::command::Command;
use crate::ui::theme;

pub use state::{Flash, ReaderState, ReaderView, Selection};

use input::keyboard;
use viewport::blocks_ui;

/// Show the document in a vertical scroll area; only the blocks in view are
/// laid out. What the user asks for (a note, opening a note) goes to `commands`.
pub fn reader_ui(
    ui: &mut Ui,
    doc: &Document,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    if state.selection.is_none() {
        // A caret from the start, where reading is (the top of the view),
        // so the keyboard visibly has a place before the first click.
        let first = doc.paragraphs.first().map_or(0, |p| p.start);
        let at = state.top_char.max(first).min(doc.char_len());
        state.selection = Some(Selection::new(at, at));
    }
    keyboard(ui, doc, state, commands);
    let palette = theme::palette(ui.visuals());
    egui::Frame::new().fill(palette.page).show(ui, |ui| {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if state.scroll_fix != 0.0 {
            area = area.vertical_scroll_offset((state.offset + state.scroll_fix).max(0.0));
            state.scroll_fix = 0.0;
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            blocks_ui(ui, viewport, doc, view, state, commands);
        });
        state.offset = out.state.clamped_offset().y;
    });
}
