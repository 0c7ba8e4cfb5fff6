//! What the state does with files: write an export, read annotations to
//! import, sort a dropped file into "import" or "open", and show a folder
//! in the file manager.

use std::path::{Path, PathBuf};

use crate::core::export::{ExportInput, Format};
use crate::core::file::output::{self, Protected, Written};
use crate::core::notes::filter::NoteFilter;
use crate::core::notes::session::Notes;
use crate::core::text::document::Document;
use crate::ui::command::{Command, Scope};
use crate::ui::i18n::{Lang, Strings, fill};
use crate::ui::state::notes::NotesState;

/// Write an export of `notes` (all of them, or those `filter` shows) to
/// `path`, which must not be the document or its notes (see
/// [`output`]); says which file got it and which folder was made. The
/// reports are in `lang`, the interface's language.
///
/// # Errors
/// The message to show when the export cannot be made or written.
#[allow(
    clippy::too_many_arguments,
    reason = "the parts of an export as the state holds them, each used once"
)]
pub fn export(
    doc: &Document,
    notes: &Notes,
    filter: &NoteFilter,
    format: Format,
    scope: Scope,
    path: &Path,
    lang: Lang,
    s: &Strings,
) -> Result<(usize, Written), String> {
    let store = notes.store();
    let timeline = notes.timeline_in(doc, lang);
    let shown = match scope {
        Scope::All => None,
        Scope::Shown => Some(filter),
    };
    let input = ExportInput::new(doc, store, &timeline, shown).in_lang(lang);
    let bytes = crate::core::export::export(format, &input).map_err(|e| s.export_error(&e))?;
    let protected = Protected {
        document: doc.path.as_deref(),
        review: Some(notes.path()),
    };
    let count = input.notes.len();
    output::write_export(path, &bytes, protected)
        .map(|written| (count, written))
        .map_err(|e| s.output_error(&e))
}

/// What the status bar says after an export: how many notes went where;
/// nothing for a failure (the Export window says it).
#[must_use]
pub fn exported(result: &Result<(usize, Written), String>, s: &Strings) -> Option<String> {
    let (n, written) = result.as_ref().ok()?;
    Some(fill(
        s.exported_to,
        &[("n", n), ("path", &written.file.display())],
    ))
}

/// Merge the annotations in the file at `path` into the notes of `doc`.
///
/// # Errors
/// The message to show when the file cannot be read or holds no annotations.
pub fn import(
    notes: &mut NotesState,
    now: f64,
    doc: &Document,
    path: &Path,
    s: &Strings,
) -> Result<String, String> {
    let bytes = crate::core::input::read_input(path, crate::core::input::InputKind::Annotations)
        .map_err(|e| {
            fill(
                s.err_read_annotations,
                &[
                    ("error", &std::io::Error::from(e)),
                    ("path", &path.display()),
                ],
            )
        })?;
    match notes.import(now, doc, &bytes) {
        Some(Ok(summary)) => Ok(s.import_report(&summary)),
        Some(Err(e)) => Err(s.import_error(&e.with_path(path))),
        None => Err(s.err_no_document.to_owned()),
    }
}

/// Save the notes to the file at `path` and keep saving there.
///
/// # Errors
/// The message to show when they cannot be saved there (they then stay
/// with their old file).
pub fn save_notes_as(notes: &mut NotesState, path: &Path, s: &Strings) -> Result<(), String> {
    match notes.save_as(path) {
        Some(Ok(())) => Ok(()),
        Some(Err(err)) => Err(s.persist_error(err)),
        None => Err(s.err_no_document.to_owned()),
    }
}

/// What a file dropped onto the window asks for: annotations are imported,
/// anything else (a review file too) is opened as a document.
#[must_use]
pub fn dropped(path: PathBuf) -> Command {
    let is_annotations = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_lowercase().as_str(), "json" | "jsonld"));
    if is_annotations && !crate::core::file::open::is_review_path(&path) {
        Command::Import(path)
    } else {
        Command::Open(path)
    }
}

/// Open a folder in the system's file manager.
///
/// # Errors
/// What to tell the user when the file manager could not be started.
pub fn open_folder(dir: &Path, s: &Strings) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .spawn()
        .map(drop)
        .map_err(|err| {
            fill(
                s.err_open_folder,
                &[
                    ("program", &program),
                    ("error", &err),
                    ("path", &dir.display()),
                ],
            )
        })
}
