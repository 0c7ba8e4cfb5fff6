//! The path field every file window shares (Open, Export, Import, Save
//! notes as): a text field that always works on its own, with "Browse…"
//! beside it for the native file dialog (`rfd`).
//!
//! On a machine with no desktop portal and no zenity, `rfd` answers
//! "cancelled" at once. An answer faster than a person could cancel is taken
//! for "there is no file dialog": the row then says so under the field and
//! puts the keyboard focus in it, instead of silently doing nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Ui;

use crate::ui::i18n::Strings;
use crate::ui::theme;

/// An answer of the file dialog faster than this is "there is no dialog".
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// What a path row did this frame.
#[derive(Debug, Default)]
pub struct PathRow {
    /// The user pressed Enter in the field.
    pub entered: bool,
    /// The user chose a file in the dialog (the field now holds it).
    pub chosen: bool,
    /// The field's text changed (typed or chosen).
    pub changed: bool,
}

/// A path field named `name` (for screen readers and tests) with
/// "Browse…" beside it; `browse` asks the native dialog. See the module
/// docs for a machine without a dialog.
pub fn path_row_ui(
    ui: &mut Ui,
    path: &mut String,
    name: &str,
    s: &Strings,
    browse: impl FnOnce() -> Option<PathBuf>,
) -> PathRow {
    let no_dialog_id = ui.scope_id().with(("no-file-dialog", name));
    let focus_id = ui.scope_id().with(("focus-path-field", name));
    let mut row = PathRow::default();
    ui.horizontal(|ui| {
        let width = ui.available_width() - 90.0;
        let field = ui.add(egui::TextEdit::singleline(path).desired_width(width.max(120.0)));
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
        // Asked for in the frame Browse… answered: the button took the
        // focus that frame.
        if ui
            .data_mut(|d| d.remove_temp::<bool>(focus_id))
            .unwrap_or(false)
        {
            field.request_focus();
        }
        row.entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        row.changed = field.changed();
        if ui.button(s.browse).clicked() {
            let asked = Instant::now();
            match browse() {
                Some(chosen) => {
                    *path = chosen.display().to_string();
                    row.chosen = true;
                    row.changed = true;
                    ui.data_mut(|d| d.remove::<bool>(no_dialog_id));
                }
                None if asked.elapsed() < NO_DIALOG_WITHIN => {
                    ui.data_mut(|d| {
                        d.insert_temp(no_dialog_id, true);
                        d.insert_temp(focus_id, true);
                    });
                    ui.ctx().request_repaint();
                }
                None => {}
            }
        }
    });
    if ui
        .data(|d| d.get_temp::<bool>(no_dialog_id))
        .unwrap_or(false)
    {
        ui.colored_label(theme::palette(ui.visuals()).error, s.no_file_dialog);
    }
    row
}
