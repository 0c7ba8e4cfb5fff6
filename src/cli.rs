//! Headless commands for people who script reviews. They share the core with
//! the window, so `pizhu text` prints exactly what the window shows.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::core::anchor::{Anchor, TextIndex};
use crate::core::export::{self, ExportInput, Format};
use crate::core::file::atomic;
use crate::core::notes::session::Notes;
use crate::core::text::document::Document;
use crate::core::timeline::{EventKind, Phase, Timeline, TimelineSource};

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window on a file, or on the embedded article.
    Gui {
        /// The document to open; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The review file (`--notes PATH`); `None` for the usual place.
        notes: Option<PathBuf>,
    },
    /// `pizhu text [FILE]`: print the clean text.
    Text {
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
    },
    /// `pizhu timeline [FILE] [--notes PATH]`: print the timeline as JSON.
    Timeline {
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The review file (`--notes PATH`); `None` for the usual place.
        notes: Option<PathBuf>,
    },
    /// `pizhu export [--format NAME] [--notes PATH] [-o OUT] [FILE]`:
    /// write the notes in an export format.
    Export {
        /// The format (`--format`, default W3C).
        format: Format,
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The review file (`--notes PATH`); `None` for the usual place.
        notes: Option<PathBuf>,
        /// Where to write (`-o`); `None` for standard output.
        output: Option<PathBuf>,
    },
    /// `pizhu import ANNOTATIONS [--notes PATH] [FILE]`: merge annotations
    /// into the review file.
    Import {
        /// The W3C or Pizhu file to import.
        annotations: PathBuf,
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The review file (`--notes PATH`); `None` for the usual place.
        notes: Option<PathBuf>,
    },
    /// `--install-desktop`: add Pizhu to the applications menu and to
    /// "Open with" (a desktop entry and icons in `~/.local/share`).
    InstallDesktop,
    /// `--uninstall-desktop`: remove what `--install-desktop` installed.
    UninstallDesktop,
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// The usage text printed by `pizhu --help`.
pub const USAGE: &str = "\
Pizhu 批注 — read and annotate Chinese documents

Usage:
  pizhu [FILE]          open FILE (default: the embedded agreement article) in a window
  pizhu text [FILE]     print the clean text of FILE (pinyin artifacts removed) to stdout
  pizhu timeline [FILE] print the timeline of FILE as JSON to stdout: events in order
                        with participants and evidence (quotes and char positions in
                        the clean text), and the people; the reviewer's edited timeline
                        from the notes when there is one, else the shipped one
  pizhu export [--format NAME] [-o OUT] [FILE]
                        write the notes of FILE in an export format to OUT (replaced
                        atomically), or to stdout without -o
  pizhu import ANNOTATIONS [FILE]
                        merge the notes in ANNOTATIONS (W3C Web Annotation JSON-LD, or
                        a Pizhu notes file) into the notes of FILE and print a summary:
                        duplicates are skipped, no version of a note is lost
  pizhu --install-desktop
                        Linux: add Pizhu to the applications menu and to \"Open with\"
                        for text files (a desktop entry starting this program, and
                        icons, in ~/.local/share or $XDG_DATA_HOME)
  pizhu --uninstall-desktop
                        remove them again

Options:
  --notes PATH          the review file (notes) to use, created when missing;
                        default: FILE.pizhu.json beside FILE, or the user data folder
  --format NAME         export format: w3c (default), markdown, csv, html or json
  -o, --output OUT      the file to export to
  -h, --help            show this help
  -V, --version         show the version

A file literally named `text`, `timeline`, `export` or `import` can be opened as
`pizhu ./text`. Errors go to stderr. Exit codes: 0 done; 1 done, but notes are
orphaned (not found in the text) or items were skipped (duplicates or unusable
annotations), as reported on stderr; 2 usage or input error, nothing written.
";

/// The usage error for `--install-desktop` with other arguments.
const DESKTOP_ALONE: &str = "--install-desktop and --uninstall-desktop take no other arguments";

/// Parse the command line (without the program name).
///
/// # Errors
/// On an unknown option, an unknown format, an option the command does not
/// take, a missing or stray argument.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<OsString> = Vec::new();
    let mut notes = None;
    let mut format = None;
    let mut output = None;
    let mut desktop = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long(name @ ("install-desktop" | "uninstall-desktop")) => {
                if desktop.is_some() {
                    return Err(DESKTOP_ALONE.into());
                }
                desktop = Some(if name == "install-desktop" {
                    Invocation::InstallDesktop
                } else {
                    Invocation::UninstallDesktop
                });
            }
            Long("notes") => notes = Some(PathBuf::from(parser.value()?)),
            Long("format") => {
                let name = parser.value()?.string()?;
                format = Some(Format::from_name(&name).ok_or_else(|| {
                    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    lexopt::Error::from(format!(
                        "unknown export format \"{name}\"; use one of: {}",
                        names.join(", ")
                    ))
                })?);
            }
            Short('o') | Long("output") => output = Some(PathBuf::from(parser.value()?)),
            Short('h') | Long("help") => return Ok(Invocation::Help),
            Short('V') | Long("version") => return Ok(Invocation::Version),
            Value(v) => positional.push(v),
            _ => return Err(arg.unexpected()),
        }
    }
    if let Some(inv) = desktop {
        if !positional.is_empty() || notes.is_some() || format.is_some() || output.is_some() {
            return Err(DESKTOP_ALONE.into());
        }
        return Ok(inv);
    }
    let mut it = positional.into_iter();
    let first = it.next();
    let is_export = first.as_deref().is_some_and(|c| c == "export");
    if !is_export && (format.is_some() || output.is_some()) {
        return Err("--format and -o/--output are options of `pizhu export`".into());
    }
    let inv = match first {
        Some(cmd) if cmd == "text" => Invocation::Text {
            file: it.next().map(PathBuf::from),
        },
        Some(cmd) if cmd == "timeline" => Invocation::Timeline {
            file: it.next().map(PathBuf::from),
            notes,
        },
        Some(cmd) if cmd == "export" => Invocation::Export {
            format: format.unwrap_or_default(),
            file: it.next().map(PathBuf::from),
            notes,
            output,
        },
        Some(cmd) if cmd == "import" => Invocation::Import {
            annotations: it.next().map(PathBuf::from).ok_or(
                "`pizhu import` needs the file to import: pizhu import ANNOTATIONS.json [FILE]",
            )?,
            file: it.next().map(PathBuf::from),
            notes,
        },
        Some(file) => Invocation::Gui {
            file: Some(PathBuf::from(file)),
            notes,
        },
        None => Invocation::Gui { file: None, notes },
    };
    if let Some(extra) = it.next() {
        return Err(lexopt::Error::UnexpectedArgument(extra));
    }
    Ok(inv)
}

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

/// Load a document: the file, or the embedded article.
///
/// # Errors
/// When the file cannot be read or decoded; the message ends with the path.
pub fn load(file: Option<&std::path::Path>) -> anyhow::Result<Document> {
    match file {
        Some(path) => Ok(Document::open(path)?),
        None => Ok(Document::embedded()),
    }
}

/// What the window opens for `pizhu [FILE] [--notes PATH]`: the document (or
/// why it could not be opened) and the notes file. A review file given as
/// FILE opens its document with its notes.
pub fn gui_target(
    file: Option<PathBuf>,
    notes: Option<PathBuf>,
) -> (Result<Document, String>, Option<PathBuf>) {
    use crate::core::file::persist::{is_review_path, open_document_of_review};
    match file {
        Some(review) if notes.is_none() && is_review_path(&review) => {
            match open_document_of_review(&review) {
                Ok(doc) => (Ok(doc.unwrap_or_else(Document::embedded)), Some(review)),
                Err(err) => (Err(err), None),
            }
        }
        file => (
            load(file.as_deref()).map_err(|err| format!("{err:#}")),
            notes,
        ),
    }
}

/// Says on `err` that the document was opened with malformed UTF-8
/// replaced by U+FFFD, if it was. A warning, not an error: the command
/// still does its work and its exit code does not change.
fn warn_replaced(doc: &Document, err: &mut dyn Write) {
    if let Some(warning) = doc.replaced_warning() {
        // A failure to write the warning must not stop the command.
        let _ = writeln!(err, "pizhu: warning: {warning}");
    }
}

/// `pizhu text`: write the clean text, UTF-8 with LF line endings. A file
/// opened with malformed UTF-8 replaced is printed all the same, with a
/// warning on `err`.
///
/// # Errors
/// When the document cannot be loaded or stdout cannot be written.
pub fn text(
    file: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = load(file)?;
    warn_replaced(&doc, err);
    out.write_all(doc.text().as_bytes())
        .and_then(|()| out.flush())
        .context("could not write the text to standard output")?;
    Ok(())
}

/// `pizhu timeline`: write the timeline of the document as pretty JSON
/// (see [`TimelineReport`]), from the notes at `notes` or the usual place;
/// a warning on `err` when the file was opened with malformed UTF-8 replaced.
///
/// # Errors
/// When the document cannot be loaded, its notes file is damaged (the
/// timeline printed would not be the reviewer's), or stdout cannot be written.
pub fn timeline(
    file: Option<&std::path::Path>,
    notes: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = load(file)?;
    warn_replaced(&doc, err);
    let notes = open_notes(&doc, notes)?;
    let timeline = notes.timeline(&doc);
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
/// not be the reviewer's notes.
fn open_notes(doc: &Document, notes: Option<&Path>) -> anyhow::Result<Notes> {
    let notes = Notes::open(doc, notes);
    if notes.is_broken()
        && let Some(problem) = notes.problem()
    {
        anyhow::bail!(problem);
    }
    Ok(notes)
}

/// `pizhu export`: the notes of the document in `format`, written to
/// `output` atomically (a temporary file renamed over it) or to `out`.
/// Orphaned notes are exported with their stored target and reported on
/// `err`, and the command then finishes [`Finished::WithWarnings`].
///
/// # Errors
/// When the document or its notes file cannot be read, or the export
/// cannot be written (then nothing is written).
pub fn export(
    format: Format,
    file: Option<&Path>,
    notes: Option<&Path>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Finished> {
    let doc = load(file)?;
    warn_replaced(&doc, err);
    let notes = open_notes(&doc, notes)?;
    let timeline = notes.timeline(&doc);
    let input = ExportInput {
        doc: &doc,
        notes: notes.store().notes_in_document_order(),
        timeline: &timeline,
        review: notes.store().review(),
        exported_at: crate::core::notes::note::now_utc(),
    };
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let bytes = export::export(format, &input).context("could not make the export")?;
    match output {
        Some(path) => atomic::write_file_atomic(path, &bytes).map_err(|e| {
            anyhow::anyhow!(
                "could not write the export ({e}); check that the folder exists and is writable, \
                 or choose another file with -o: {}",
                path.display()
            )
        })?,
        None => out
            .write_all(&bytes)
            .and_then(|()| out.flush())
            .context("could not write the export to standard output")?,
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
/// disk meanwhile), then prints the summary on `out`. Orphans and skipped
/// items are listed on `err`, and the command then finishes
/// [`Finished::WithWarnings`].
///
/// # Errors
/// When a file cannot be read, the annotations are not W3C or Pizhu
/// notes, or the notes cannot be saved; nothing is written then.
pub fn import(
    annotations: &Path,
    file: Option<&Path>,
    notes: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Finished> {
    let doc = load(file)?;
    warn_replaced(&doc, err);
    let mut notes = open_notes(&doc, notes)?;
    if let Some(problem) = notes.problem() {
        // Read-only (written by a newer Pizhu): an import could not be saved.
        anyhow::bail!(problem);
    }
    let bytes = std::fs::read(annotations).map_err(|e| {
        anyhow::anyhow!(
            "could not read the annotations file ({e}); check the path and that the file \
             is readable: {}",
            annotations.display()
        )
    })?;
    let summary = notes
        .import(&doc, &bytes)
        .map_err(|e| e.with_path(annotations))?;
    if let Some(problem) = notes.save() {
        anyhow::bail!(problem);
    }
    writeln!(out, "{summary}: {}", notes.path().display())
        .and_then(|()| out.flush())
        .context("could not write the summary to standard output")?;
    for id in &summary.orphan_ids {
        let quote = notes
            .store()
            .note(id)
            .map(|n| excerpt(&n.target.quote.exact))
            .unwrap_or_default();
        let reason = match notes.store().anchor_of(id) {
            Some(Anchor::Orphaned { reason }) => reason.as_str(),
            _ => "not found in the text",
        };
        let _ = writeln!(err, "pizhu: orphaned note {id} “{quote}”: {reason}");
    }
    for reason in &summary.skipped_reasons {
        let _ = writeln!(err, "pizhu: skipped: {reason}");
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

/// What `pizhu timeline` prints: the timeline with every position resolved
/// in the current clean text (char offsets).
#[derive(Debug, Serialize)]
pub struct TimelineReport<'a> {
    /// The document's name.
    pub document: &'a str,
    /// `edited` (from the notes), `shipped` or `empty`.
    pub source: &'static str,
    /// The date as the text states it.
    pub date_label: &'a str,
    /// The inferred year, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<YearReport<'a>>,
    /// The events, in order.
    pub events: Vec<EventReport<'a>>,
    /// The people, with every mention.
    pub people: Vec<PersonReport<'a>>,
}

/// An inferred year in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct YearReport<'a> {
    /// The year.
    pub year: i32,
    /// Always `inferred`: the text states no year.
    pub certainty: &'static str,
    /// Why.
    pub reason: &'a str,
}

/// An event in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct EventReport<'a> {
    /// 1 for the first event.
    pub order: usize,
    /// The event's id.
    pub id: &'a str,
    /// Its phase.
    pub phase: Phase,
    /// When, as the text states it.
    pub time_label: &'a str,
    /// Its kind.
    pub kind: EventKind,
    /// Its title.
    pub title: &'a str,
    /// Where; empty when the text does not say.
    pub place: &'a str,
    /// Who took part.
    pub participants: Vec<ParticipantReport<'a>>,
    /// The supporting passages, where they are now.
    pub evidence: Vec<EvidenceReport<'a>>,
    /// `stated` or `inferred`.
    pub certainty: &'static str,
    /// Why, for an inferred event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// A participant in [`EventReport`].
#[derive(Debug, Serialize)]
pub struct ParticipantReport<'a> {
    /// The person's id.
    pub person: &'a str,
    /// The person's name; `null` for an id that is not in the people list.
    pub name: Option<&'a str>,
    /// The role in this event.
    pub role: &'a str,
}

/// A piece of evidence in [`EventReport`].
#[derive(Debug, Serialize)]
pub struct EvidenceReport<'a> {
    /// The quoted text.
    pub quote: &'a str,
    /// First char in the current clean text; `null` when orphaned.
    pub start: Option<usize>,
    /// One past the last char; `null` when orphaned.
    pub end: Option<usize>,
    /// Why the quote could not be found, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphaned: Option<String>,
}

/// A person in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct PersonReport<'a> {
    /// The id participants use.
    pub id: &'a str,
    /// The name as the text writes it.
    pub name: &'a str,
    /// Titles as the text gives them.
    pub titles: &'a [String],
    /// The organisation.
    pub organisation: &'a str,
    /// Every mention of the name: `[start, end)` char ranges.
    pub mentions: Vec<[usize; 2]>,
}

impl<'a> TimelineReport<'a> {
    /// The report of `timeline` on `doc`, with evidence anchored in `index`
    /// (the index of `doc`'s clean text).
    #[must_use]
    pub fn new(
        doc: &'a Document,
        timeline: &'a Timeline,
        index: &TextIndex,
        source: TimelineSource,
    ) -> Self {
        let anchors = timeline.evidence_anchors(index);
        let events = timeline
            .events
            .iter()
            .zip(anchors)
            .enumerate()
            .map(|(i, (e, anchors))| EventReport {
                order: i + 1,
                id: &e.id,
                phase: e.phase,
                time_label: &e.time_label,
                kind: e.kind,
                title: &e.title,
                place: &e.place,
                participants: e
                    .participants
                    .iter()
                    .map(|p| ParticipantReport {
                        person: &p.person,
                        name: timeline.person(&p.person).map(|x| x.name.as_str()),
                        role: &p.role,
                    })
                    .collect(),
                evidence: e
                    .evidence
                    .iter()
                    .zip(anchors)
                    .map(|(t, a)| match a {
                        Anchor::Anchored { position, .. } => EvidenceReport {
                            quote: &t.quote.exact,
                            start: Some(position.start),
                            end: Some(position.end),
                            orphaned: None,
                        },
                        Anchor::Orphaned { reason } => EvidenceReport {
                            quote: &t.quote.exact,
                            start: None,
                            end: None,
                            orphaned: Some(reason),
                        },
                    })
                    .collect(),
                certainty: e.certainty.name(),
                reason: e.certainty.reason(),
            })
            .collect();
        let people = timeline
            .people
            .iter()
            .map(|p| PersonReport {
                id: &p.id,
                name: &p.name,
                titles: &p.titles,
                organisation: &p.organisation,
                mentions: p.mentions(doc).iter().map(|m| [m.start, m.end]).collect(),
            })
            .collect();
        Self {
            document: &doc.name,
            source: source.name(),
            date_label: &timeline.date_label,
            year: timeline.year.as_ref().map(|y| YearReport {
                year: y.year,
                certainty: "inferred",
                reason: &y.reason,
            }),
            events,
            people,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn no_argument_opens_the_embedded_article() {
        assert_eq!(
            parse(args(&[])).unwrap(),
            Invocation::Gui {
                file: None,
                notes: None
            }
        );
    }

    #[test]
    fn a_file_argument_opens_it() {
        assert_eq!(
            parse(args(&["濟寧.txt"])).unwrap(),
            Invocation::Gui {
                file: Some("濟寧.txt".into()),
                notes: None
            }
        );
    }

    #[test]
    fn notes_option_names_the_review_file() {
        assert_eq!(
            parse(args(&["--notes", "審閱.json", "a.txt"])).unwrap(),
            Invocation::Gui {
                file: Some("a.txt".into()),
                notes: Some("審閱.json".into())
            }
        );
    }

    #[test]
    fn text_takes_an_optional_file() {
        assert_eq!(
            parse(args(&["text"])).unwrap(),
            Invocation::Text { file: None }
        );
        assert_eq!(
            parse(args(&["text", "a.txt"])).unwrap(),
            Invocation::Text {
                file: Some("a.txt".into())
            }
        );
        assert!(parse(args(&["text", "a.txt", "b.txt"])).is_err());
        assert!(parse(args(&["--bogus"])).is_err());
    }

    #[test]
    fn timeline_takes_an_optional_file_and_notes() {
        assert_eq!(
            parse(args(&["timeline"])).unwrap(),
            Invocation::Timeline {
                file: None,
                notes: None
            }
        );
        assert_eq!(
            parse(args(&["timeline", "文章.txt", "--notes", "審閱.json"])).unwrap(),
            Invocation::Timeline {
                file: Some("文章.txt".into()),
                notes: Some("審閱.json".into())
            }
        );
        assert!(parse(args(&["timeline", "a.txt", "b.txt"])).is_err());
        assert_eq!(
            parse(args(&["./timeline"])).unwrap(),
            Invocation::Gui {
                file: Some("./timeline".into()),
                notes: None
            }
        );
    }

    #[test]
    fn export_takes_a_format_an_output_and_notes() {
        assert_eq!(
            parse(args(&["export"])).unwrap(),
            Invocation::Export {
                format: Format::W3c,
                file: None,
                notes: None,
                output: None
            }
        );
        assert_eq!(
            parse(args(&[
                "export",
                "--format",
                "CSV",
                "-o",
                "批注.csv",
                "文章.txt",
                "--notes",
                "審閱.json"
            ]))
            .unwrap(),
            Invocation::Export {
                format: Format::Csv,
                file: Some("文章.txt".into()),
                notes: Some("審閱.json".into()),
                output: Some("批注.csv".into())
            }
        );
        assert_eq!(
            parse(args(&["export", "--output=報告.html", "--format=html"])).unwrap(),
            Invocation::Export {
                format: Format::Html,
                file: None,
                notes: None,
                output: Some("報告.html".into())
            }
        );
        let err = parse(args(&["export", "--format", "pdf"])).unwrap_err();
        assert!(
            err.to_string().contains(
                "unknown export format \"pdf\"; use one of: w3c, markdown, csv, html, json"
            ),
            "{err}"
        );
        assert!(parse(args(&["export", "a.txt", "b.txt"])).is_err());
        // Export options belong to export only.
        assert!(parse(args(&["text", "--format", "csv"])).is_err());
        assert!(parse(args(&["-o", "x.md", "a.txt"])).is_err());
    }

    #[test]
    fn import_takes_the_annotations_then_an_optional_file() {
        assert_eq!(
            parse(args(&["import", "批注.jsonld"])).unwrap(),
            Invocation::Import {
                annotations: "批注.jsonld".into(),
                file: None,
                notes: None
            }
        );
        assert_eq!(
            parse(args(&[
                "import",
                "--notes",
                "審閱.json",
                "批注.jsonld",
                "文章.txt"
            ]))
            .unwrap(),
            Invocation::Import {
                annotations: "批注.jsonld".into(),
                file: Some("文章.txt".into()),
                notes: Some("審閱.json".into())
            }
        );
        let err = parse(args(&["import"])).unwrap_err();
        assert!(
            err.to_string().contains("needs the file to import"),
            "{err}"
        );
        assert!(parse(args(&["import", "a.json", "b.txt", "c.txt"])).is_err());
        assert_eq!(
            parse(args(&["./import"])).unwrap(),
            Invocation::Gui {
                file: Some("./import".into()),
                notes: None
            }
        );
        assert_eq!(Finished::Clean.code(), 0);
        assert_eq!(Finished::WithWarnings.code(), 1);
    }

    #[test]
    fn install_desktop_takes_no_other_arguments() {
        assert_eq!(
            parse(args(&["--install-desktop"])).unwrap(),
            Invocation::InstallDesktop
        );
        assert_eq!(
            parse(args(&["--uninstall-desktop"])).unwrap(),
            Invocation::UninstallDesktop
        );
        for list in [
            &["--install-desktop", "a.txt"][..],
            &["text", "--install-desktop"],
            &["--install-desktop", "--notes", "審閱.json"],
            &["--install-desktop", "--uninstall-desktop"],
            &["--install-desktop", "--install-desktop"],
        ] {
            let err = parse(args(list)).unwrap_err();
            assert!(err.to_string().contains("take no other arguments"), "{err}");
        }
        // A file of that name still opens as a path.
        assert_eq!(
            parse(args(&["./--install-desktop"])).unwrap(),
            Invocation::Gui {
                file: Some("./--install-desktop".into()),
                notes: None
            }
        );
    }

    #[test]
    fn timeline_report_resolves_positions() {
        let doc = Document::embedded();
        let t = Timeline::shipped_for(&doc).unwrap();
        let index = TextIndex::new(doc.text());
        let report = TimelineReport::new(&doc, &t, &index, TimelineSource::Shipped);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["source"], "shipped");
        assert_eq!(json["year"]["certainty"], "inferred");
        assert_eq!(json["events"][0]["order"], 1);
        assert_eq!(json["events"][0]["participants"][1]["name"], "佘春明");
        let ev = &json["events"][0]["evidence"][1];
        let (s, e) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        assert_eq!(
            doc.slice(s as usize, e as usize),
            ev["quote"].as_str().unwrap()
        );
        assert!(ev.get("orphaned").is_none());
        // In an unrelated text the evidence is orphaned, with the reason.
        let other = TextIndex::new("完全無關的文字。");
        let report = TimelineReport::new(&doc, &t, &other, TimelineSource::Edited);
        let json = serde_json::to_value(&report).unwrap();
        let ev = &json["events"][0]["evidence"][0];
        assert!(ev["start"].is_null() && ev["end"].is_null());
        assert!(ev["orphaned"].as_str().is_some_and(|r| !r.is_empty()));
    }

    #[test]
    fn a_review_file_opens_its_document_with_its_notes() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("文章.pizhu.json");
        let doc = Document::embedded();
        std::fs::write(
            &review,
            crate::core::file::review::ReviewFile::new(&doc).to_json(),
        )
        .unwrap();
        let (opened, notes) = gui_target(Some(review.clone()), None);
        assert_eq!(opened.unwrap().clean_sha256, doc.clean_sha256);
        assert_eq!(notes, Some(review));
        let (plain, notes) = gui_target(None, None);
        assert!(plain.is_ok() && notes.is_none());
    }

    #[test]
    fn text_prints_the_clean_article() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        text(None, &mut out, &mut err).unwrap();
        assert!(err.is_empty());
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議"));
        assert!(!s.contains("(jì)"));
    }
}
