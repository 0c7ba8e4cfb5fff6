//! Headless commands for people who script reviews. They share the core with
//! the window, so `pizhu text` prints exactly what the window shows.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::core::document::Document;

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

Options:
  --notes PATH          the review file (notes) to use, created when missing;
                        default: FILE.pizhu.json beside FILE, or the user data folder
  -h, --help            show this help
  -V, --version         show the version

A file literally named `text` can be opened as `pizhu ./text`.
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
    fn text_prints_the_clean_article() {
        let mut out = Vec::new();
        text(None, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議"));
        assert!(!s.contains("(jì)"));
    }
}
