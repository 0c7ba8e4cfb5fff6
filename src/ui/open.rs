//! The Open window: the shared path field (`path_field.rs`: typing always
//! works; "Browse…" says when there is no file dialog), then Open.

use std::path::PathBuf;

use egui::Context;

use crate::ui::command::Command;
use crate::ui::i18n::Strings;
use crate::ui::path_field::path_row_ui;

/// State of the Open window.
#[derive(Debug, Default)]
pub struct OpenState {
    /// Shown.
    pub open: bool,
    path: String,
    error: Option<String>,
}

impl OpenState {
    /// Show the window, prefilled with the folder of `current`.
    pub fn show(&mut self, current: Option<PathBuf>) {
        self.open = true;
        self.error = None;
        if self.path.is_empty()
            && let Some(dir) = current.as_deref().and_then(std::path::Path::parent)
        {
            self.path = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
        }
    }

    /// Close the window (after a successful open).
    pub fn close(&mut self) {
        self.open = false;
        self.error = None;
    }

    /// Show why opening failed; the window stays open so the user can fix the path.
    pub fn set_error(&mut self, err: String) {
        self.open = true;
        self.error = Some(err);
    }
}

/// Draw the Open window; the path the user chose to open goes to `commands`.
/// Drawn inside `area`; its response while shown.
pub fn open_window_ui(
    ctx: &Context,
    state: &mut OpenState,
    area: egui::Rect,
    s: &Strings,
    commands: &mut Vec<Command>,
) -> Option<egui::Response> {
    if !state.open {
        return None;
    }
    let mut chosen = None;
    let mut open = state.open;
    let shown = crate::ui::window_frame::window(s.open_title, "open", &mut open, area)
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(s.open_prompt);
            let row = path_row_ui(ui, &mut state.path, s.document_path, s, || {
                rfd::FileDialog::new()
                    .add_filter(s.filter_text, &["txt", "md", "text"])
                    .pick_file()
            });
            if row.changed {
                state.error = None;
            }
            let ready = !state.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(s.open)).clicked()
                || (ready && (row.entered || row.chosen))
            {
                chosen = Some(PathBuf::from(state.path.trim()));
            }
            if let Some(err) = &state.error {
                ui.colored_label(crate::ui::theme::palette(ui.visuals()).error, err);
            }
        });
    state.open = open && state.open;
    commands.extend(
        chosen
            .filter(|p| !p.as_os_str().is_empty())
            .map(Command::Open),
    );
    shown.map(|r| r.response)
}
