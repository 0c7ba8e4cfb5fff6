//! The find bar (Ctrl+F): incremental search with a match count, Enter /
//! Shift+Enter / F3 for next and previous; simplified and traditional
//! characters find each other.

use egui::{Key, Ui};

use crate::core::notes::note::TextPosition;
use crate::core::text::find::FindIndex;
use crate::ui::command::Command;
use crate::ui::i18n::{Strings, fill};

/// State of the find bar.
#[derive(Debug, Default)]
pub struct FindState {
    /// Shown.
    pub open: bool,
    /// What is typed.
    pub query: String,
    /// Matches of the query, in order.
    pub matches: Vec<TextPosition>,
    /// Index of the current match.
    pub current: Option<usize>,
    /// Give the field keyboard focus on the next frame.
    pub focus: bool,
    /// The query `matches` was computed for.
    searched: String,
}

impl FindState {
    /// Open the bar and put the cursor in the field.
    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// The current match, if any.
    #[must_use]
    pub fn current_match(&self) -> Option<TextPosition> {
        self.current.and_then(|i| self.matches.get(i).copied())
    }

    /// Move to the next (or previous) match; returns it.
    pub fn step(&mut self, forward: bool) -> Option<TextPosition> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        self.current = Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.current_match()
    }

    /// Search again after the text changed (another document).
    pub fn invalidate(&mut self) {
        self.searched.clear();
        self.matches.clear();
        self.current = None;
    }
}

/// Draw the bar; a match to bring into view goes to `commands`
/// ([`Command::ScrollTo`]).
pub fn find_bar_ui(
    ui: &mut Ui,
    state: &mut FindState,
    index: &FindIndex,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let mut reveal = None;
    ui.horizontal(|ui| {
        ui.label(s.find);
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .desired_width(260.0)
                .hint_text(s.find_hint),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SearchInput, true, s.find_in_text)
        });
        if state.focus {
            field.request_focus();
            state.focus = false;
            // Ctrl+F again selects the old query, so typing replaces it
            // (as in every editor) instead of appending to it.
            let mut edit = egui::TextEdit::load_state(ui.ctx(), field.id).unwrap_or_default();
            edit.cursor
                .set_char_range(Some(egui::text_selection::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(state.query.chars().count()),
                )));
            egui::TextEdit::store_state(ui.ctx(), field.id, edit);
        }
        if state.query != state.searched {
            state.searched.clone_from(&state.query);
            state.matches = index.find_all(&state.query);
            state.current = None;
            reveal = state.step(true);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter {
            let back = ui.input(|i| i.modifiers.shift);
            reveal = state.step(!back);
            field.request_focus();
        }
        let count = match (state.current, state.matches.len()) {
            (_, 0) if state.query.trim().is_empty() => String::new(),
            (_, 0) => s.no_matches.to_owned(),
            (Some(i), n) => fill(s.match_of, &[("i", &(i + 1)), ("n", &n)]),
            (None, n) => fill(s.matches, &[("n", &n)]),
        };
        ui.label(count);
        if ui
            .button(s.previous)
            .on_hover_text("Shift+Enter, Shift+F3")
            .clicked()
        {
            reveal = state.step(false);
        }
        if ui.button(s.next).on_hover_text("Enter, F3").clicked() {
            reveal = state.step(true);
        }
        if ui.button(s.close).on_hover_text("Esc").clicked()
            || ui.input(|i| i.key_pressed(Key::Escape))
        {
            state.open = false;
        }
    });
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::SHIFT, Key::F3)) {
        reveal = state.step(false);
    } else if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::F3)) {
        reveal = state.step(true);
    }
    commands.extend(reveal.map(Command::ScrollTo));
}
