//! The Export and Import windows.
//!
//! The path field always works on its own (`path_field.rs`: "Browse…" is a
//! helper, and says so when there is no file dialog). Before writing over a
//! file that exists, or into a folder that does not, the Export window asks;
//! after writing, it says how many notes went where and offers to open the
//! folder. Changing the format, the notes or the path clears that line.

use crate::core::file::output::Written;
use std::path::{Path, PathBuf};

use egui::{Context, Ui};

use crate::core::export::Format;
use crate::ui::command::{Command, Scope};
use crate::ui::i18n::{Strings, fill};
use crate::ui::path_field::path_row_ui;
use crate::ui::theme;
use crate::ui::window_frame::window;

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
    /// The outcome of the last export: Ok(how many notes, where) or
    /// Err(message).
    pub result: Option<Result<(usize, Written), String>>,
    /// An export waiting for the user's yes: the file exists, or its folder
    /// does not.
    pub pending: Option<Pending>,
    /// The document and its notes file: an export never replaces them (the
    /// core refuses, and saying so beats asking "Replace?" first).
    pub protected: Vec<PathBuf>,
}

/// An export the window asks about before writing.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The export, as it will be sent.
    pub command: Command,
    /// The file exists and would be replaced.
    pub replaces: bool,
    /// This folder does not exist and would be made.
    pub makes_folder: Option<PathBuf>,
}

impl Pending {
    /// What must be asked before `command` writes to `path`, if anything;
    /// nothing for a `protected` file, which the export refuses anyway.
    fn of(command: Command, path: &Path, protected: &[PathBuf]) -> Option<Self> {
        let real = |p: &Path| std::fs::canonicalize(p).ok();
        if real(path).is_some_and(|p| protected.iter().any(|q| real(q).as_ref() == Some(&p))) {
            return None;
        }
        let replaces = path.exists();
        let makes_folder = path
            .parent()
            .filter(|dir| !dir.as_os_str().is_empty() && !dir.exists())
            .map(Path::to_path_buf);
        (replaces || makes_folder.is_some()).then_some(Self {
            command,
            replaces,
            makes_folder,
        })
    }
}

impl ExportState {
    /// Open the window with a destination prefilled from the document.
    pub fn show(&mut self, doc_name: &str, doc_path: Option<&Path>) {
        self.open = true;
        self.result = None;
        self.pending = None;
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
        self.changed();
    }

    /// Something the next export depends on changed: the last outcome and
    /// any question no longer apply.
    fn changed(&mut self) {
        self.result = None;
        self.pending = None;
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
                state.changed();
            }
            if ui
                .radio(
                    state.scope == Scope::Shown,
                    fill(s.shown_notes, &[("n", &shown)]),
                )
                .clicked()
            {
                state.scope = Scope::Shown;
                state.changed();
            }
            ui.add_space(4.0);
            ui.strong(s.save_to);
            let current = PathBuf::from(&state.path);
            let row = path_row_ui(ui, &mut state.path, s.export_path, s, || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = current.parent() {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(name) = current.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                dialog.save_file()
            });
            if row.changed {
                state.changed();
            }
            let ready = !state.path.trim().is_empty() && state.pending.is_none();
            let export = ui.add_enabled(ready, egui::Button::new(s.export)).clicked();
            if ready && (export || row.entered || row.chosen) {
                let path = PathBuf::from(state.path.trim());
                let command = Command::Export {
                    format: state.format,
                    scope: state.scope,
                    path: path.clone(),
                };
                // A file chosen in the dialog was already confirmed there.
                match Pending::of(command.clone(), &path, &state.protected).filter(|_| !row.chosen)
                {
                    Some(pending) => state.pending = Some(pending),
                    None => request = Some(command),
                }
            }
            if let Some(pending) = state.pending.clone() {
                confirm_ui(ui, state, &pending, s, &mut request);
            }
            match &state.result {
                Some(Ok((n, written))) => {
                    ui.label(fill(
                        s.exported_to,
                        &[("n", n), ("path", &written.file.display())],
                    ));
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

/// The question before an export that replaces a file or makes a folder:
/// "Replace" (or "Make the folder and export") sends it, "Cancel" drops it.
fn confirm_ui(
    ui: &mut Ui,
    state: &mut ExportState,
    pending: &Pending,
    s: &Strings,
    request: &mut Option<Command>,
) {
    let warning = theme::palette(ui.visuals()).warning;
    if let Command::Export { path, .. } = &pending.command
        && pending.replaces
    {
        ui.colored_label(
            warning,
            fill(s.export_replace_ask, &[("path", &path.display())]),
        );
    }
    if let Some(folder) = &pending.makes_folder {
        ui.colored_label(
            warning,
            fill(s.export_folder_ask, &[("path", &folder.display())]),
        );
    }
    ui.horizontal(|ui| {
        let yes = if pending.replaces {
            s.export_replace
        } else {
            s.export_make_folder
        };
        if ui.button(yes).clicked() {
            *request = Some(pending.command.clone());
            state.pending = None;
        }
        if ui.button(s.cancel).clicked() {
            state.pending = None;
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
            let row = path_row_ui(ui, &mut state.path, s.annotations_file, s, || {
                rfd::FileDialog::new()
                    .add_filter(s.filter_annotations, &["json", "jsonld"])
                    .pick_file()
            });
            if row.changed {
                state.result = None;
            }
            let ready = !state.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(s.import)).clicked()
                || (ready && row.entered)
            {
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
