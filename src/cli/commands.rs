//! The headless commands (`pizhu text|timeline|export|import`). They open
//! documents and notes through the same core entries as the window, so
//! `pizhu text` prints exactly what the window shows.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::cli::timeline_report::TimelineReport;
use crate::core::anchor::Anchor;
use crate::core::escape::escape_controls;
use crate::core::export::{self, ExportInput, Format};
use crate::core::file::open::load_as;
use crate::core::file::output::{self, Protected};
use crate::core::file::persist::Mode;
use crate::core::input::{InputKind, read_input};
use crate::core::lang::Lang;
use crate::core::notes::session::Notes;
use crate::core::text::document::Document;
use crate::core::text::script::{self, Script};
use encoding_rs::Encoding;

/// How a command that did its work finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finished {
    /// Everything went as asked: exit code 0.
    Clean,
    /// Done, but notes are orphaned or items were skipped, as reported on
    /// stderr: exit code 1.
    WithWarnings,
}

impl Finished {
    /// The process exit code: 0 or 1.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Self::Clean => 0,
            Self::WithWarnings => 1,
        }
    }
}

/// Says on `err` that the document was opened with malformed bytes
/// replaced by U+FFFD, or in a single-byte encoding that was only a guess,
/// if it was. A warning, not an error: the command still does its work and
/// its exit code does not change.
fn warn_replaced(doc: &Document, err: &mut dyn Write) {
    for warning in [doc.replaced_warning(), doc.guess_warning()]
        .into_iter()
        .flatten()
    {
        // A failure to write the warning must not stop the command.
        let _ = writeln!(err, "pizhu: warning: {}", escape_controls(&warning));
    }
}

/// `pizhu text`: write the clean text, UTF-8 with LF line endings (the
/// document read in `encoding` when given, `--encoding`), converted to
/// `script` when given (`--script`: the names of the document's who's who
/// kept as written, see [`who_is_who`]). A file opened with malformed UTF-8
/// replaced is printed all the same, with a warning on `err`.
///
/// # Errors
/// When the document cannot be loaded or stdout cannot be written.
pub fn text(
    file: Option<&std::path::Path>,
    encoding: Option<&'static Encoding>,
    script: Option<Script>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = load_as(file, encoding)?;
    warn_replaced(&doc, err);
    let text = match script {
        Some(script) => {
            let names = who_is_who(&doc, err);
            std::borrow::Cow::Owned(script::Conversion::whole(doc.text(), script, names).1)
        }
        None => std::borrow::Cow::Borrowed(doc.text()),
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("could not write the text to standard output")?;
    Ok(())
}

/// The names `pizhu text --script` keeps as written: the who's who of the
/// timeline `pizhu timeline` prints for `doc` (the reviewer's edited one
/// from its notes, else the shipped one), as the window does. A notes file
/// that cannot be read is said on `err`, and the shipped timeline's names
/// are kept (the window shows that timeline too).
fn who_is_who(doc: &Document, err: &mut dyn Write) -> script::Names {
    let notes = Notes::open(doc, None);
    if let Mode::Broken { error } = notes.mode() {
        let warning = format!("the names of the reviewer's timeline may be converted: {error}");
        // A failure to write the warning must not stop the command.
        let _ = writeln!(err, "pizhu: warning: {}", escape_controls(&warning));
    }
    script::Names::new(notes.timeline_in(doc, Lang::En).names())
}

/// `pizhu timeline`: write the timeline of the document as pretty JSON
/// (see [`TimelineReport`]), from the notes at `notes` or the usual place,
/// the shipped timeline's words (reasons, titles, roles) in `lang`;
/// a warning on `err` when the file was opened with malformed UTF-8 replaced.
///
/// # Errors
/// When the document cannot be loaded, its notes file is damaged (the
/// timeline printed would not be the reviewer's), or stdout cannot be written.
pub fn timeline(
    file: Option<&std::path::Path>,
    encoding: Option<&'static Encoding>,
    notes: Option<&std::path::Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = load_as(file, encoding)?;
    warn_replaced(&doc, err);
    let notes = open_notes(&doc, notes, err)?;
    let timeline = notes.timeline_in(&doc, lang);
    let report = TimelineReport::new(
        &doc,
        &timeline,
        notes.store().text_index(),
        notes.timeline_source(&doc),
    );
    let mut text =
        serde_json::to_string_pretty(&report).context("could not write the timeline as JSON")?;
    text.push('\n');
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("could not write the timeline to standard output")?;
    Ok(())
}

/// The notes of `doc` at `notes` (or the usual place), refusing a notes
/// file that cannot be read: what a command would print or change would
/// not be the reviewer's notes. Says on `err` when another copy of the
/// document has notes that these are not.
fn open_notes(doc: &Document, notes: Option<&Path>, err: &mut dyn Write) -> anyhow::Result<Notes> {
    let notes = Notes::open(doc, notes);
    // Why the file cannot be read, without the window's "autosave is off".
    if let Mode::Broken { error } = notes.mode() {
        anyhow::bail!(error.to_string());
    }
    if let Some(other) = notes.other_copy() {
        // A note, not an error: a failure to write it must not stop the command.
        let line = format!(
            "pizhu: note: another copy of this document ({}) has its own notes, not used here; \
             this copy's notes are {}; to use the other copy's notes, pass --notes {}",
            other.document.display(),
            notes.path().display(),
            other.review.display()
        );
        let _ = writeln!(err, "{}", escape_controls(&line));
    }
    Ok(notes)
}

/// `pizhu export`: the notes of the document in `format`, written to
/// `output` atomically (a temporary file renamed over it) or to `out`; the
/// reports' words in `lang`, their times in the system's zone (`TZ`).
/// Orphaned notes are exported with their stored target and reported on
/// `err`, and the command then finishes [`Finished::WithWarnings`].
///
/// # Errors
/// When the document or its notes file cannot be read, or the export
/// cannot be written (then nothing is written).
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is one command-line option, passed as parsed"
)]
pub fn export(
    format: Format,
    file: Option<&Path>,
    encoding: Option<&'static Encoding>,
    notes: Option<&Path>,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Finished> {
    let doc = load_as(file, encoding)?;
    warn_replaced(&doc, err);
    let notes = open_notes(&doc, notes, err)?;
    let timeline = notes.timeline_in(&doc, lang);
    let input = ExportInput::new(&doc, notes.store(), &timeline, None).in_lang(lang);
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let to_check = input
        .notes
        .iter()
        .filter(|(_, a)| a.needs_checking() && !a.is_orphaned())
        .count();
    let bytes = export::export(format, &input).context("could not make the export")?;
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let protected = Protected {
                document: doc.path.as_deref(),
                review: Some(notes.path()),
            };
            let written = output::write_export(path, &bytes, protected)?;
            if let Some(folder) = written.created_folder {
                // A failure to write the note must not hide that the export was written.
                let line = format!(
                    "pizhu: created the folder {} for the export",
                    folder.display()
                );
                let _ = writeln!(err, "{}", escape_controls(&line));
            }
        }
        None => out
            .write_all(&bytes)
            .and_then(|()| out.flush())
            .context("could not write the export to standard output")?,
    }
    if to_check > 0 {
        // Placed, so the export is complete; but the reviewer should know.
        let _ = writeln!(
            err,
            "pizhu: {to_check} {} to be checked (moved to other surroundings, approximate or \
             ambiguous); the status in the export says which",
            if to_check == 1 {
                "note's place needs"
            } else {
                "notes' places need"
            },
        );
    }
    if orphans == 0 {
        return Ok(Finished::Clean);
    }
    // A failure to write the warning must not hide that the export was written.
    let _ = writeln!(
        err,
        "pizhu: {orphans} {} not found in the text (orphaned) and exported with {} stored position",
        if orphans == 1 { "note is" } else { "notes are" },
        if orphans == 1 { "its" } else { "their" },
    );
    Ok(Finished::WithWarnings)
}

/// `pizhu import`: merges the notes in `annotations` into the notes of
/// the document and saves them (atomically, merging with changes made on
/// disk meanwhile), then prints the summary on `out` in `lang` (the
/// details on `err` stay English, like every CLI message). Orphans and skipped
/// items are listed on `err`, and the command then finishes
/// [`Finished::WithWarnings`].
///
/// # Errors
/// When a file cannot be read, the annotations are not W3C or Pizhu
/// notes, or the notes cannot be saved; nothing is written then.
pub fn import(
    annotations: &Path,
    file: Option<&Path>,
    encoding: Option<&'static Encoding>,
    notes: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Finished> {
    let doc = load_as(file, encoding)?;
    warn_replaced(&doc, err);
    let mut notes = open_notes(&doc, notes, err)?;
    if let Some(problem) = notes.problem() {
        // Read-only (written by a newer Pizhu): an import could not be saved.
        anyhow::bail!(problem.to_string());
    }
    let bytes = read_input(annotations, InputKind::Annotations)
        .map_err(|e| anyhow::anyhow!("could not read the annotations file: {e}"))?;
    let summary = notes
        .import(&doc, &bytes)
        .map_err(|e| e.with_path(annotations))?;
    if let Err(problem) = notes.save() {
        anyhow::bail!(problem.to_string());
    }
    // Ids, quotes and paths come from files: shown with controls escaped.
    let line = format!("{}: {}", summary.line_in(lang), notes.path().display());
    writeln!(out, "{}", escape_controls(&line))
        .and_then(|()| out.flush())
        .context("could not write the summary to standard output")?;
    for id in &summary.orphan_ids {
        let quote = notes
            .store()
            .note(id)
            .map(|n| excerpt(&n.target.quote.exact))
            .unwrap_or_default();
        let reason = match notes.store().anchor_of(id) {
            Some(Anchor::Orphaned { reason }) => reason.to_string(),
            _ => "not found in the text".to_owned(),
        };
        let line = format!("pizhu: orphaned note {id} “{quote}”: {reason}");
        let _ = writeln!(err, "{}", escape_controls(&line));
    }
    for id in &summary.ambiguous_ids {
        let Some(note) = notes.store().note(id) else {
            continue;
        };
        let quote = excerpt(&note.target.quote.exact);
        if let Some(anchor) = notes.store().anchor_of(id) {
            let status = anchor.status_line(note.target.position);
            let line = format!("pizhu: ambiguous note {id} “{quote}”: {status}");
            let _ = writeln!(err, "{}", escape_controls(&line));
        }
    }
    for skipped in &summary.skipped_reasons {
        let line = format!("pizhu: skipped {skipped}");
        let _ = writeln!(err, "{}", escape_controls(&line));
    }
    for renamed in &summary.renamed {
        let line = format!("pizhu: renamed {renamed}");
        let _ = writeln!(err, "{}", escape_controls(&line));
    }
    Ok(if summary.needs_attention() {
        Finished::WithWarnings
    } else {
        Finished::Clean
    })
}

/// The first chars of a quote, with "…" when cut.
fn excerpt(text: &str) -> String {
    const CHARS: usize = 24;
    let mut out: String = text.chars().take(CHARS).collect();
    if text.chars().nth(CHARS).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_say_clean_or_with_warnings() {
        assert_eq!(Finished::Clean.code(), 0);
        assert_eq!(Finished::WithWarnings.code(), 1);
    }

    #[test]
    fn text_prints_the_clean_article() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        text(None, None, None, &mut out, &mut err).unwrap();
        assert!(err.is_empty());
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議"));
        assert!(!s.contains("(jì)"));
    }
}
