//! The command line: what `pizhu` was asked to do ([`Invocation`]), its usage
//! text, and the parser (`lexopt`).

use std::ffi::OsString;
use std::path::PathBuf;

use encoding_rs::Encoding;

use crate::core::export::Format;
use crate::core::lang::Lang;
use crate::core::text::charset::encoding_for_label;
use crate::core::text::script::Script;

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
    /// `pizhu text [--script NAME] [FILE]`: print the clean text.
    Text {
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The script to print it in (`--script`); `None`: as written.
        script: Option<Script>,
    },
    /// `pizhu timeline [FILE] [--notes PATH] [--lang TAG]`: print the
    /// timeline as JSON.
    Timeline {
        /// The document; `None` for the embedded article.
        file: Option<PathBuf>,
        /// The review file (`--notes PATH`); `None` for the usual place.
        notes: Option<PathBuf>,
        /// The language of the shipped timeline's words (`--lang`); `None`:
        /// the locale's.
        lang: Option<Lang>,
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
        /// The language of the reports (`--lang`); `None`: the locale's.
        lang: Option<Lang>,
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
        /// The language of the summary (`--lang`); `None`: the locale's.
        lang: Option<Lang>,
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
  pizhu text [FILE]     print the clean text of FILE (pinyin artifacts removed) to stdout;
                        with --script simplified|traditional, converted to that script
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
  --encoding NAME       read FILE in this encoding instead of detecting it: utf-8,
                        utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, euc-kr,
                        windows-1252, or another WHATWG encoding label; bytes that are
                        not valid in it are shown as U+FFFD, with a warning.
                        Without it, a file whose encoding is unclear is refused,
                        naming the likely encodings
  --format NAME         export format: w3c (default), markdown, csv, html or json
  --lang TAG            the language of what export, timeline and import write for
                        people: en, zh-Hant or zh-Hans (the Markdown and HTML reports,
                        the CSV header and status detail, the shipped timeline's
                        reasons, the import summary; W3C and JSON keys stay English). Default: from the locale
                        (LC_ALL, LC_MESSAGES, LANG), English when it is not Chinese.
                        Report times are local (TZ or the system's zone), with the
                        offset from UTC
  --script NAME         pizhu text only: print in simplified or traditional characters
  -o, --output OUT      the file to export to (- for standard output); never the
                        document, its notes file, a folder, a device or a pipe
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
    parse_with_encoding(args).map(|(inv, _)| inv)
}

/// [`parse`], with the document's encoding named by `--encoding NAME`
/// (`None`: found from the bytes). It applies to every command that reads
/// a document: the window, text, timeline, export and import.
///
/// # Errors
/// As [`parse`], and for an unknown encoding name (the message lists some
/// valid ones).
pub fn parse_with_encoding(
    args: impl IntoIterator<Item = OsString>,
) -> Result<(Invocation, Option<&'static Encoding>), lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<OsString> = Vec::new();
    let mut notes = None;
    let mut format = None;
    let mut output = None;
    let mut desktop = None;
    let mut encoding = None;
    let mut lang = None;
    let mut script = None;
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
            Long("encoding") => {
                let name = parser.value()?.string()?;
                encoding = Some(
                    encoding_for_label(&name).map_err(|e| lexopt::Error::from(e.to_string()))?,
                );
            }
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
            Long("lang") => {
                let tag = parser.value()?.string()?;
                lang = Some(Lang::from_tag(&tag).ok_or_else(|| {
                    lexopt::Error::from(format!(
                        "unknown language \"{tag}\"; use one of: en, zh-Hant, zh-Hans"
                    ))
                })?);
            }
            Long("script") => {
                let name = parser.value()?.string()?;
                script = Some(Script::from_name(&name).ok_or_else(|| {
                    lexopt::Error::from(format!(
                        "unknown script \"{name}\"; use simplified or traditional"
                    ))
                })?);
            }
            Short('h') | Long("help") => return Ok((Invocation::Help, None)),
            Short('V') | Long("version") => return Ok((Invocation::Version, None)),
            Value(v) => positional.push(v),
            _ => return Err(arg.unexpected()),
        }
    }
    if let Some(inv) = desktop {
        if !positional.is_empty()
            || notes.is_some()
            || format.is_some()
            || output.is_some()
            || encoding.is_some()
            || lang.is_some()
            || script.is_some()
        {
            return Err(DESKTOP_ALONE.into());
        }
        return Ok((inv, None));
    }
    let mut it = positional.into_iter();
    let first = it.next();
    let is_export = first.as_deref().is_some_and(|c| c == "export");
    if !is_export && (format.is_some() || output.is_some()) {
        return Err("--format and -o/--output are options of `pizhu export`".into());
    }
    let command = first.as_deref().and_then(|c| c.to_str());
    if lang.is_some() && !matches!(command, Some("export" | "timeline" | "import")) {
        return Err(
            "--lang is an option of `pizhu export`, `pizhu timeline` and `pizhu import`".into(),
        );
    }
    if script.is_some() && command != Some("text") {
        return Err("--script is an option of `pizhu text`".into());
    }
    let inv = match first {
        Some(cmd) if cmd == "text" => Invocation::Text {
            file: it.next().map(PathBuf::from),
            script,
        },
        Some(cmd) if cmd == "timeline" => Invocation::Timeline {
            file: it.next().map(PathBuf::from),
            notes,
            lang,
        },
        Some(cmd) if cmd == "export" => Invocation::Export {
            format: format.unwrap_or_default(),
            file: it.next().map(PathBuf::from),
            notes,
            output,
            lang,
        },
        Some(cmd) if cmd == "import" => Invocation::Import {
            annotations: it.next().map(PathBuf::from).ok_or(
                "`pizhu import` needs the file to import: pizhu import ANNOTATIONS.json [FILE]",
            )?,
            file: it.next().map(PathBuf::from),
            notes,
            lang,
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
    Ok((inv, encoding))
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
            Invocation::Text {
                file: None,
                script: None
            }
        );
        assert_eq!(
            parse(args(&["text", "a.txt"])).unwrap(),
            Invocation::Text {
                file: Some("a.txt".into()),
                script: None
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
                notes: None,
                lang: None
            }
        );
        assert_eq!(
            parse(args(&["timeline", "文章.txt", "--notes", "審閱.json"])).unwrap(),
            Invocation::Timeline {
                file: Some("文章.txt".into()),
                notes: Some("審閱.json".into()),
                lang: None
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
                output: None,
                lang: None
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
                output: Some("批注.csv".into()),
                lang: None
            }
        );
        assert_eq!(
            parse(args(&["export", "--output=報告.html", "--format=html"])).unwrap(),
            Invocation::Export {
                format: Format::Html,
                file: None,
                notes: None,
                output: Some("報告.html".into()),
                lang: None
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
                notes: None,
                lang: None
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
                notes: Some("審閱.json".into()),
                lang: None
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
    fn encoding_names_the_documents_encoding_for_every_command() {
        let (inv, enc) =
            parse_with_encoding(args(&["text", "--encoding", "GB18030", "舊檔.txt"])).unwrap();
        assert_eq!(
            inv,
            Invocation::Text {
                file: Some("舊檔.txt".into()),
                script: None
            }
        );
        assert_eq!(enc, Some(encoding_rs::GB18030));
        for cmd in [
            &["--encoding", "big5", "舊檔.txt"][..],
            &["timeline", "--encoding=utf-16le"],
            &["export", "--encoding", "gbk", "--format", "csv"],
            &["import", "批注.json", "--encoding", "shift_jis"],
        ] {
            let (_, enc) = parse_with_encoding(args(cmd)).unwrap();
            assert!(enc.is_some(), "{cmd:?}");
        }
        let (_, enc) = parse_with_encoding(args(&["text"])).unwrap();
        assert_eq!(enc, None);
        // An unknown name is a usage error listing valid ones.
        let err = parse_with_encoding(args(&["text", "--encoding", "漢字"])).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown encoding \"漢字\"; use an encoding name such as utf-8,"),
            "{err}"
        );
        assert!(parse(args(&["--install-desktop", "--encoding", "utf-8"])).is_err());
    }

    #[test]
    fn lang_names_the_report_language_of_export_and_timeline() {
        assert_eq!(
            parse(args(&[
                "export", "--format", "markdown", "--lang", "zh-Hant"
            ]))
            .unwrap(),
            Invocation::Export {
                format: Format::Markdown,
                file: None,
                notes: None,
                output: None,
                lang: Some(Lang::ZhHant)
            }
        );
        assert_eq!(
            parse(args(&["timeline", "--lang=ZH-HANS"])).unwrap(),
            Invocation::Timeline {
                file: None,
                notes: None,
                lang: Some(Lang::ZhHans)
            }
        );
        let err = parse(args(&["export", "--lang", "中文"])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown language \"中文\"; use one of: en, zh-Hant, zh-Hans"
        );
        let err = parse(args(&["text", "--lang", "en"])).unwrap_err();
        assert!(err.to_string().contains("--lang is an option of"), "{err}");
        assert!(parse(args(&["--lang", "en", "a.txt"])).is_err());
    }

    #[test]
    fn script_converts_the_printed_text() {
        assert_eq!(
            parse(args(&["text", "--script", "simplified", "文章.txt"])).unwrap(),
            Invocation::Text {
                file: Some("文章.txt".into()),
                script: Some(Script::Simplified)
            }
        );
        let err = parse(args(&["text", "--script", "繁體"])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown script \"繁體\"; use simplified or traditional"
        );
        let err = parse(args(&["export", "--script", "traditional"])).unwrap_err();
        assert!(
            err.to_string().contains("--script is an option of"),
            "{err}"
        );
    }
}
