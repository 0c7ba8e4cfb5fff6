//! The Export and Import windows.
//!
//! The path field always works on its own: on a machine with no desktop portal
//! and no zenity, `rfd` returns "cancelled" at once, so "Browse…" is a helper,
//! never the only way. After writing, the window shows the path and offers to
//! open its folder.

use crate::core::file::output::Written;
use std::path::{Path, PathBuf};

use egui::{Context, Ui};

use crate::core::export::Format;
use crate::ui::command::{Command, Scope};
use crate::ui::i18n::{Strings, fill};
use crate::ui::theme;
use crate::ui::windows::window;

/// State of the Export window.
#[derive(Debug, Default)]
pub struct ExportState {
    /// Shown.
    pub open: bool,
    /// Chosen format.
    pub format: Format,
    /// Chosen scope.
    pub scope: Scope,
    /// Destination path as typed.
    pub path: String,
    /// The outcome of the last export: Ok(path written) or Err(message).
    pub result: Option<Result<Written, String>>,
}

impl ExportState {
    /// Open the window with a destination prefilled from the document.
    pub fn show(&mut self, doc_name: &str, doc_path: Option<&Path>) {
        self.open = true;
        self.result = None;
        if self.path.is_empty() {
            let folder = default_folder(doc_path);
            let stem = Path::new(doc_name)
                .file_stem()
                .map_or_else(|| "review".to_owned(), |s| s.to_string_lossy().into_owned());
            self.path = folder
                .join(format!("{stem}{}", self.format.extension()))
                .display()
                .to_string();
        }
    }

    /// Switch format, changing the file name's ending to match.
    fn set_format(&mut self, format: Format) {
        let old = self.format.extension();
        if let Some(stem) = self.path.strip_suffix(old) {
            self.path = format!("{stem}{}", format.extension());
        }
        self.format = format;
    }
}

/// The folder an export goes to by default: the document's folder when it can
/// be written, else the user's documents folder, else the home folder.
#[must_use]
pub fn default_folder(doc_path: Option<&Path>) -> PathBuf {
    if let Some(dir) = doc_path.and_then(Path::parent)
        && is_writable(dir)
    {
        return dir.to_path_buf();
    }
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(std::env::temp_dir)
}

fn is_writable(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| m.is_dir() && !m.permissions().readonly())
}

/// Draw the Export window; "Export" and "Open folder" go to `commands`.
/// Drawn inside `area`; its response while shown.
pub fn export_window_ui(
    ctx: &Context,
    state: &mut ExportState,
    area: egui::Rect,
    counts: (usize, usize),
    s: &Strings,
    commands: &mut Vec<Command>,
) -> Option<egui::Response> {
    if !state.open {
        return None;
    }
    let mut request = None;
    let mut open = state.open;
    let shown = window(s.export_title, "export", &mut open, area)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.strong(s.format);
            for format in Format::ALL {
                if ui
                    .radio(state.format == format, s.format_label(format))
                    .clicked()
                {
                    state.set_format(format);
                }
            }
            ui.add_space(4.0);
            ui.strong(s.export_which);
            let (all, shown) = counts;
            if ui
                .radio(state.scope == Scope::All, fill(s.all_notes, &[("n", &all)]))
                .clicked()
            {
                state.scope = Scope::All;
            }
            if ui
                .radio(
                    state.scope == Scope::Shown,
                    fill(s.shown_notes, &[("n", &shown)]),
                )
                .clicked()
            {
                state.scope = Scope::Shown;
            }
            ui.add_space(4.0);
            ui.strong(s.save_to);
            let current = PathBuf::from(&state.path);
            path_row_ui(ui, &mut state.path, s.export_path, s, || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = current.parent() {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(name) = current.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                dialog.save_file()
            });
            ui.horizontal(|ui| {
                let ready = !state.path.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(s.export)).clicked() {
                    request = Some(Command::Export {
                        format: state.format,
                        scope: state.scope,
                        path: PathBuf::from(state.path.trim()),
                    });
                }
            });
            match &state.result {
                Some(Ok(written)) => {
                    ui.label(fill(s.exported_to, &[("path", &written.file.display())]));
                    if let Some(folder) = &written.created_folder {
                        ui.label(fill(s.export_made_folder, &[("path", &folder.display())]));
                    }
                    if ui.button(s.open_folder).clicked()
                        && let Some(dir) = written.file.parent()
                    {
                        request = Some(Command::OpenFolder(dir.to_path_buf()));
                    }
                }
                Some(Err(err)) => {
                    ui.colored_label(theme::palette(ui.visuals()).error, err);
                }
                None => {}
            }
        });
    state.open = open && state.open;
    commands.extend(request);
    shown.map(|r| r.response)
}

/// A path field with "Browse…" beside it. The field works on its own.
pub(crate) fn path_row_ui(
    ui: &mut Ui,
    path: &mut String,
    name: &str,
    s: &Strings,
    browse: impl FnOnce() -> Option<PathBuf>,
) {
    ui.horizontal(|ui| {
        let width = ui.available_width() - 90.0;
        let field = ui.add(egui::TextEdit::singleline(path).desired_width(width.max(120.0)));
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
        if ui.button(s.browse).clicked()
            && let Some(chosen) = browse()
        {
            *path = chosen.display().to_string();
        }
    });
}

/// State of the Import window.
#[derive(Debug, Default)]
pub struct ImportState {
    /// Shown.
    pub open: bool,
    /// Path of the annotations file as typed.
    pub path: String,
    /// The outcome of the last import: Ok(summary) or Err(message).
    pub result: Option<Result<String, String>>,
}

/// Draw the Import window; the file to import goes to `commands`.
/// Drawn inside `area`; its response while shown.
pub fn import_window_ui(
    ctx: &Context,
    state: &mut ImportState,
    area: egui::Rect,
    s: &Strings,
    commands: &mut Vec<Command>,
) -> Option<egui::Response> {
    if !state.open {
        return None;
    }
    let mut chosen = None;
    let mut open = state.open;
    let shown = window(s.import_title, "import", &mut open, area)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(s.import_help);
            path_row_ui(ui, &mut state.path, s.annotations_file, s, || {
                rfd::FileDialog::new()
                    .add_filter(s.filter_annotations, &["json", "jsonld"])
                    .pick_file()
            });
            let ready = !state.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(s.import)).clicked() {
                chosen = Some(PathBuf::from(state.path.trim()));
            }
            match &state.result {
                Some(Ok(summary)) => {
                    // The summary, then a line for each item skipped or renamed.
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .show(ui, |ui| ui.label(summary));
                }
                Some(Err(err)) => {
                    ui.colored_label(theme::palette(ui.visuals()).error, err);
                }
                None => {}
            }
        });
    state.open = open && state.open;
    commands.extend(chosen.map(Command::Import));
    shown.map(|r| r.response)
}
