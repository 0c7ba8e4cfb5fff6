//! What the window shows instead of a document: the start page (the
//! built-in article, Open…, the recent files), or why a document could not
//! be opened.

use std::path::PathBuf;

use egui::Ui;

use crate::ui::command::Command;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// The start page: the built-in article, Open…, and the recent files; "Back"
/// when a document is open behind it.
pub fn start_page_ui(
    ui: &mut Ui,
    s: &Strings,
    recent: &[PathBuf],
    has_doc: bool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(32.0);
    ui.vertical_centered(|ui| {
        ui.heading("Pizhu 批注");
        ui.add_space(12.0);
        if ui.button(s.start_embedded).clicked() {
            commands.push(Command::OpenEmbedded);
        }
        if ui.button(s.menu_open).clicked() {
            commands.push(Command::ShowOpen);
        }
        if has_doc && ui.button(s.start_back).clicked() {
            commands.push(Command::ShowStartPage(false));
        }
        ui.add_space(16.0);
        ui.strong(s.start_recent);
        if recent.is_empty() {
            ui.weak(s.menu_no_recent);
        }
        for path in recent {
            if recent_button_ui(ui, path) {
                commands.push(Command::Open(path.clone()));
            }
        }
    });
}

/// A recent file as a button: its name, the whole path on hover; `true`
/// when clicked. The File menu's "Open recent" shows the same buttons.
pub fn recent_button_ui(ui: &mut Ui, path: &std::path::Path) -> bool {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.button(name)
        .on_hover_text(path.display().to_string())
        .clicked()
}

/// Why the document could not be opened, and what to do.
pub fn error_ui(ui: &mut Ui, err: &str, s: &Strings) {
    let palette = theme::palette(ui.visuals());
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(s.open_failed);
        ui.add_space(8.0);
        ui.colored_label(palette.error, err);
        ui.add_space(8.0);
        ui.label(s.open_failed_hint);
    });
}
