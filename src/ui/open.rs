//! The Open window: a path field that always works, plus "Browse…" through the
//! native dialog (`rfd`), which on a machine with no desktop portal returns at once.

use std::path::PathBuf;

use egui::Context;

use crate::ui::command::Command;
use crate::ui::i18n::Strings;

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
    let shown = crate::ui::windows::window(s.open_title, "open", &mut open, area)
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(s.open_prompt);
            let field = ui.add(
                egui::TextEdit::singleline(&mut state.path)
                    .desired_width(f32::INFINITY)
                    .hint_text(s.open_path_hint),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, s.document_path)
            });
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(s.open).clicked() || enter {
                    chosen = Some(PathBuf::from(state.path.trim()));
                }
                if ui.button(s.browse).clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter(s.filter_text, &["txt", "md", "text"])
                        .pick_file()
                {
                    state.path = path.display().to_string();
                    chosen = Some(path);
                }
            });
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
