//! The "Save notes as…" window: moves the notes to another file and keeps
//! saving there, for notes whose file is read-only or cannot be written.
//! The path field is the one every file window shares (`path_field.rs`),
//! which says when there is no file dialog.

use std::path::{Path, PathBuf};

use egui::Context;

use crate::ui::command::Command;
use crate::ui::i18n::Strings;
use crate::ui::path_field::path_row_ui;
use crate::ui::theme;

/// State of the Save notes as window.
#[derive(Debug, Default)]
pub struct SaveNotesAsState {
    /// Shown.
    pub open: bool,
    /// The new notes file's path, as typed.
    pub path: String,
    /// Why the last try failed.
    pub error: Option<String>,
}

impl SaveNotesAsState {
    /// Show the window, prefilled with the notes file's name in the
    /// user's documents folder (or home folder) when the notes live
    /// elsewhere, else beside them under a new name.
    pub fn show(&mut self, current: Option<&Path>) {
        self.open = true;
        self.error = None;
        if let Some(current) = current {
            self.path = suggested_path(current).display().to_string();
        }
    }

    /// Close the window (after a successful save).
    pub fn close(&mut self) {
        self.open = false;
        self.error = None;
    }
}

/// Where the notes at `current` could go: the same name in the user's
/// documents folder, or when that is where they are, `NAME-2.pizhu.json`.
#[must_use]
pub fn suggested_path(current: &Path) -> PathBuf {
    let name = current
        .file_name()
        .map_or_else(|| "notes.pizhu.json".into(), ToOwned::to_owned);
    let folder = crate::ui::export_window::default_folder(None);
    let same = folder.join(&name);
    if same != current {
        return same;
    }
    let name = name.to_string_lossy();
    let (stem, ext) = name
        .strip_suffix(".pizhu.json")
        .map_or((name.as_ref(), ""), |stem| (stem, ".pizhu.json"));
    folder.join(format!("{stem}-2{ext}"))
}

/// Draw the window; the chosen path goes to `commands` as
/// [`Command::SaveNotesAs`]. Drawn inside `area`; its response while shown.
pub fn save_notes_as_window_ui(
    ctx: &Context,
    state: &mut SaveNotesAsState,
    area: egui::Rect,
    s: &Strings,
    commands: &mut Vec<Command>,
) -> Option<egui::Response> {
    if !state.open {
        return None;
    }
    let mut chosen = None;
    let mut open = state.open;
    let shown =
        crate::ui::window_frame::window(s.save_notes_as_title, "save-notes-as", &mut open, area)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(s.save_notes_as_help);
                let typed = state.path.clone();
                let row = path_row_ui(ui, &mut state.path, s.save_notes_as_path, s, || {
                    browse(&typed)
                });
                if row.changed {
                    state.error = None;
                }
                let ready = !state.path.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(s.save_notes_as_save))
                    .clicked()
                    || (ready && row.entered)
                {
                    chosen = Some(PathBuf::from(state.path.trim()));
                }
                if let Some(err) = &state.error {
                    ui.colored_label(theme::palette(ui.visuals()).error, err);
                }
            });
    state.open = open && state.open;
    commands.extend(chosen.map(Command::SaveNotesAs));
    shown.map(|r| r.response)
}

/// Ask the native save dialog for a path, starting at `typed`.
fn browse(typed: &str) -> Option<PathBuf> {
    let current = PathBuf::from(typed.trim());
    let mut dialog = rfd::FileDialog::new().add_filter("JSON", &["json"]);
    if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = current.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    dialog.save_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_file_is_never_the_read_only_one() {
        let folder = crate::ui::export_window::default_folder(None);
        let elsewhere = Path::new("/唯讀/文章.txt.pizhu.json");
        assert_eq!(
            suggested_path(elsewhere),
            folder.join("文章.txt.pizhu.json")
        );
        let here = folder.join("文章.txt.pizhu.json");
        assert_eq!(suggested_path(&here), folder.join("文章.txt-2.pizhu.json"));
    }
}
