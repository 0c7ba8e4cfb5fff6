//! Headless commands for people who script reviews. They share the core with
//! the window, so `pizhu text` prints exactly what the window shows.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::core::anchor::{Anchor, TextIndex};
use crate::core::document::Document;
use crate::core::session::Notes;
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

Options:
  --notes PATH          the review file (notes) to use, created when missing;
                        default: FILE.pizhu.json beside FILE, or the user data folder
  -h, --help            show this help
  -V, --version         show the version

A file literally named `text` or `timeline` can be opened as `pizhu ./text`.
Errors go to stderr; the exit code is 2 on a usage or input error.
";

/// Parse the command line (without the program name).
///
/// # Errors
/// On an unknown option or a stray argument.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<OsString> = Vec::new();
    let mut notes = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("notes") => notes = Some(PathBuf::from(parser.value()?)),
            Short('h') | Long("help") => return Ok(Invocation::Help),
            Short('V') | Long("version") => return Ok(Invocation::Version),
            Value(v) => positional.push(v),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut it = positional.into_iter();
    let first = it.next();
    let inv = match first {
        Some(cmd) if cmd == "text" => Invocation::Text {
            file: it.next().map(PathBuf::from),
        },
        Some(cmd) if cmd == "timeline" => Invocation::Timeline {
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

/// `pizhu text`: write the clean text, UTF-8 with LF line endings.
///
/// # Errors
/// When the document cannot be loaded or stdout cannot be written.
pub fn text(file: Option<&std::path::Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = load(file)?;
    out.write_all(doc.text().as_bytes())
        .and_then(|()| out.flush())
        .context("could not write the text to standard output")?;
    Ok(())
}

/// `pizhu timeline`: write the timeline of the document as pretty JSON
/// (see [`TimelineReport`]), from the notes at `notes` or the usual place.
///
/// # Errors
/// When the document cannot be loaded, its notes file is damaged (the
/// timeline printed would not be the reviewer's), or stdout cannot be written.
pub fn timeline(
    file: Option<&std::path::Path>,
    notes: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = load(file)?;
    let notes = Notes::open(&doc, notes);
    if notes.is_broken()
        && let Some(problem) = notes.problem()
    {
        anyhow::bail!(problem);
    }
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
    fn text_prints_the_clean_article() {
        let mut out = Vec::new();
        text(None, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議"));
        assert!(!s.contains("(jì)"));
    }
}
