//! The review file: a document's notes as versioned JSON.
//!
//! The format is described for people in `docs/review-format.md`. A file
//! starts with its `format` name ([`FORMAT`]) and `version` number
//! ([`VERSION`]), then says which document it is about (name, SHA-256 of
//! the raw bytes and of the clean text, length in chars), then holds the
//! notes and, once the reviewer has changed it, the timeline.
//!
//! Fields this version does not know are kept: every level that can grow
//! (the file, the document identity, each note and its target, the timeline,
//! its events and people) collects them
//! in an `extra` map that is written back on save, each value with the
//! text it had while unchanged (numbers included, see
//! [`fields`](crate::core::file::fields)), so a file touched by a
//! newer or other tool loses nothing when this version saves it.
//!
//! A file may start with a UTF-8 byte order mark; it is skipped when read,
//! and saving writes none.
//!
//! [`ReviewFile::parse`] tells apart a file that is not JSON, JSON that is
//! not a Pizhu review, a review this version reads, and one written by a
//! newer version (opened read-only by the caller).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::core::anchor::STATUS_KEY;
use crate::core::file::fields::{Extra, keep_unknown_fields};
use crate::core::notes::note::Note;
use crate::core::text::document::Document;
use crate::core::timeline::Timeline;

/// The `format` name every review file starts with.
pub const FORMAT: &str = "pizhu-review";

/// The newest format version this build reads and writes.
pub const VERSION: u32 = 1;

/// A review file: one document's notes.
///
/// Field order here is the order in the file: `format` and `version` come
/// first so that a person or a tool can tell what the file is from its
/// first lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version the file was written in.
    pub version: u32,
    /// Which document the notes were made on.
    pub document: DocumentIdentity,
    /// The notes, in the order they were made.
    pub notes: Vec<Note>,
    /// The reviewer's edited timeline of the document; absent (and left
    /// out of the file) while the reviewer has not changed the default one.
    pub timeline: Option<Timeline>,
    /// Top-level fields this version does not know, kept through load and save.
    pub extra: Extra,
}

keep_unknown_fields!(ReviewFile, "a Pizhu notes file (a JSON object)", {
    format: required,
    version: required,
    document: required,
    notes: default,
    timeline: default if Option::is_none,
});

/// Which document a review file belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentIdentity {
    /// The document's file name when the notes were made.
    pub name: String,
    /// Hex SHA-256 of the document file's bytes.
    pub raw_sha256: String,
    /// Hex SHA-256 of the clean text (UTF-8).
    pub clean_sha256: String,
    /// Length of the clean text in chars.
    pub chars: usize,
    /// Fields this version does not know, kept.
    pub extra: Extra,
}

keep_unknown_fields!(DocumentIdentity, "the document's identity (a JSON object)", {
    name: required,
    raw_sha256: required,
    clean_sha256: required,
    chars: required,
});

impl DocumentIdentity {
    /// The identity of `doc` as it is now.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        Self {
            name: doc.name.clone(),
            raw_sha256: doc.raw_sha256.clone(),
            clean_sha256: doc.clean_sha256.clone(),
            chars: doc.char_len(),
            extra: Extra::default(),
        }
    }

    /// True when `doc` has the same clean text (or the same file bytes) as
    /// the document the notes were made on, so their positions hold as
    /// they are. False means the text changed and anchoring has to search.
    #[must_use]
    pub fn matches(&self, doc: &Document) -> bool {
        self.clean_sha256 == doc.clean_sha256 || self.raw_sha256 == doc.raw_sha256
    }
}

/// A review file that was read successfully.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// Written in a version this build understands; can be edited and saved.
    Current(ReviewFile),
    /// Written by a newer version ([`ReviewFile::version`] > [`VERSION`]):
    /// shown, but opened read-only, since saving could drop what this
    /// version does not understand.
    Newer(ReviewFile),
}

/// Why a review file could not be read. Messages say what happened, then
/// what the user can do, and end with the path when one is known (see
/// [`ReviewError::with_path`]).
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// Not valid JSON, or JSON with a missing or mistyped field.
    #[error(
        "the notes file is damaged at line {line}, column {column}: {message}; \
         fix it in a text editor, or start a new notes file (the damaged one is kept){}",
        at(path.as_deref())
    )]
    Malformed {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem, in chars.
        column: usize,
        /// What is wrong there.
        message: String,
        /// The file, when known.
        path: Option<PathBuf>,
    },
    /// Valid JSON, but not a Pizhu review file.
    #[error(
        "this is not a Pizhu notes file ({}); choose a Pizhu notes file (*.pizhu.json), \
         or start a new notes file (this one is kept){}",
        found_format(found.as_deref()),
        at(path.as_deref())
    )]
    NotReview {
        /// The `format` it has, if it has a text one.
        found: Option<String>,
        /// The file, when known.
        path: Option<PathBuf>,
    },
    /// Written by a newer version in a shape this version cannot read.
    #[error(
        "the notes file was written by a newer Pizhu (format version {version}; \
         this Pizhu reads up to version {VERSION}) and cannot be read here; \
         update Pizhu to open it{}",
        at(path.as_deref())
    )]
    TooNew {
        /// The file's format version.
        version: u64,
        /// The file, when known.
        path: Option<PathBuf>,
    },
}

/// `": PATH"` for the end of a message, or nothing.
fn at(path: Option<&Path>) -> String {
    path.map_or_else(String::new, |p| format!(": {}", p.display()))
}

/// What a non-review JSON file has instead of our format name.
fn found_format(found: Option<&str>) -> String {
    match found {
        Some(f) => format!("its \"format\" is \"{f}\", not \"{FORMAT}\""),
        None => format!("it has no \"format\": \"{FORMAT}\""),
    }
}

impl ReviewError {
    /// The same error, naming the file it came from.
    #[must_use]
    pub fn with_path(mut self, file: &Path) -> Self {
        match &mut self {
            Self::Malformed { path, .. }
            | Self::NotReview { path, .. }
            | Self::TooNew { path, .. } => {
                *path = Some(file.to_path_buf());
            }
        }
        self
    }
}

impl ReviewFile {
    /// An empty review of `doc`.
    #[must_use]
    pub fn new(doc: &Document) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            document: DocumentIdentity::of(doc),
            notes: Vec::new(),
            timeline: None,
            extra: Extra::default(),
        }
    }

    /// The file's text: pretty JSON with `format` and `version` first and a
    /// final line break.
    ///
    /// Serializing these types cannot fail (every map key is a string and
    /// JSON numbers cannot be NaN); should it ever, this gives `""`, which
    /// [`try_to_json`](Self::try_to_json) reports as an error instead.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.try_to_json().unwrap_or_default()
    }

    /// [`to_json`](Self::to_json) that reports a serialization failure;
    /// savers use this so that they never write an empty file.
    ///
    /// # Errors
    ///
    /// If serde_json refuses a value (not possible with these types).
    pub fn try_to_json(&self) -> Result<String, serde_json::Error> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Reads a review file's bytes. A UTF-8 byte order mark at the start
    /// (some editors write one) is skipped; [`to_json`](Self::to_json)
    /// never writes one.
    ///
    /// # Errors
    ///
    /// [`ReviewError::Malformed`] for broken JSON or a missing or mistyped
    /// field (with its line and column), [`ReviewError::NotReview`] for
    /// JSON without our `format` name, [`ReviewError::TooNew`] for a newer
    /// version whose shape this version cannot read. None has a path yet:
    /// add it with [`ReviewError::with_path`].
    pub fn parse(bytes: &[u8]) -> Result<Parsed, ReviewError> {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        // The typed parse comes first because only it can point at a
        // mistyped field; when it fails, a second, untyped look decides
        // which error explains the failure best.
        let typed_err = match serde_json::from_slice::<Self>(bytes) {
            Ok(review) if review.format != FORMAT => {
                return Err(ReviewError::NotReview {
                    found: Some(review.format),
                    path: None,
                });
            }
            Ok(review) if review.version > VERSION => return Ok(Parsed::Newer(review)),
            Ok(mut review) => {
                // A note's status belongs to the text it was exported
                // against; a file that carries one (a JSON export) is read
                // without it, so it is never saved as if it were the note's.
                for note in &mut review.notes {
                    note.extra.remove(STATUS_KEY);
                }
                return Ok(Parsed::Current(review));
            }
            Err(e) => e,
        };
        let value: Value = match serde_json::from_slice(bytes) {
            Ok(v) => v,
            Err(e) => return Err(malformed(bytes, &e)),
        };
        match value.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                return Err(ReviewError::NotReview {
                    found: Some(f.clone()),
                    path: None,
                });
            }
            _ => {
                return Err(ReviewError::NotReview {
                    found: None,
                    path: None,
                });
            }
        }
        if let Some(version) = value.get("version").and_then(Value::as_u64)
            && version > u64::from(VERSION)
        {
            return Err(ReviewError::TooNew {
                version,
                path: None,
            });
        }
        Err(malformed(bytes, &typed_err))
    }
}

/// The UTF-8 byte order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How deep serde_json lets lists and objects nest before it stops with
/// an error (its recursion limit of 128 counts the level it refuses),
/// which keeps deep input off the stack.
const MAX_NESTING: usize = 127;

/// A [`ReviewError::Malformed`] from serde_json's error, with the column
/// counted in chars (serde_json counts bytes; editors show chars, and a
/// line of Chinese would put a byte column far to the right).
pub(crate) fn malformed(bytes: &[u8], e: &serde_json::Error) -> ReviewError {
    let line = e.line().max(1);
    let byte_column = e.column();
    let line_bytes = bytes
        .split(|&b| b == b'\n')
        .nth(line - 1)
        .unwrap_or_default();
    let prefix = line_bytes.get(..byte_column).unwrap_or(line_bytes);
    // A char starts at every byte that is not a UTF-8 continuation byte.
    let chars_before = prefix.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    // serde_json's column is that of the last byte read (0 before any), so
    // the char holding it is the one to point at.
    let column = chars_before.max(1);
    let full = e.to_string();
    // serde_json appends " at line L column C"; the message says it once, in chars.
    let message = full
        .rfind(" at line ")
        .and_then(|i| full.get(..i))
        .unwrap_or(&full);
    // serde_json stops at 128 levels rather than overflow the stack; its
    // words for that mean nothing to someone who opened a notes file.
    let message = if message == "recursion limit exceeded" {
        format!("lists or objects are nested too deeply (more than {MAX_NESTING} levels)")
    } else {
        message.to_owned()
    };
    ReviewError::Malformed {
        line,
        column,
        message,
        path: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::note::Target;

    fn sample() -> (Document, ReviewFile) {
        let doc = Document::embedded();
        let mut review = ReviewFile::new(&doc);
        review.notes.push(Note::new(
            Target::range(&doc, 7, 11),
            "濟寧市政府：全稱".into(),
            "審稿人".into(),
        ));
        (doc, review)
    }

    #[test]
    fn new_review_names_the_document() {
        let (doc, review) = sample();
        assert_eq!(review.format, "pizhu-review");
        assert_eq!(review.version, 1);
        assert_eq!(review.document.name, "article.txt");
        assert_eq!(review.document.chars, 1354);
        assert_eq!(review.document.raw_sha256, doc.raw_sha256);
        assert_eq!(review.document.clean_sha256, doc.clean_sha256);
        assert!(review.document.matches(&doc));
        let other = Document::from_bytes("別的.txt", None, "另一篇文章。".as_bytes()).unwrap();
        assert!(!review.document.matches(&other));
    }

    #[test]
    fn json_starts_with_format_and_version() {
        let (_, review) = sample();
        let json = review.to_json();
        let mut lines = json.lines();
        assert_eq!(lines.next(), Some("{"));
        assert_eq!(lines.next(), Some("  \"format\": \"pizhu-review\","));
        assert_eq!(lines.next(), Some("  \"version\": 1,"));
        assert!(json.ends_with("}\n"));
        assert!(
            json.contains("濟寧市政府：全稱"),
            "Chinese is written as is"
        );
        assert!(!json.contains("timeline"), "an absent timeline is left out");
    }

    #[test]
    fn round_trip_keeps_unknown_fields_everywhere() {
        let (_, mut review) = sample();
        review.extra.insert("x-頂層".into(), Value::from("保留"));
        review
            .document
            .extra
            .insert("x-來源".into(), Value::from(7));
        review.notes[0]
            .extra
            .insert("x-批次".into(), Value::from(true));
        review.notes[0]
            .target
            .extra
            .insert("x-選擇器".into(), serde_json::json!({"類型": "自訂"}));
        let mut timeline = Timeline {
            date_label: "12月11日".into(),
            ..Timeline::default()
        };
        timeline
            .extra
            .insert("x-事件".into(), serde_json::json!([{"事件": "開始"}]));
        review.timeline = Some(timeline);
        let parsed = ReviewFile::parse(review.to_json().as_bytes()).unwrap();
        assert_eq!(parsed, Parsed::Current(review));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_never_written() {
        let (_, review) = sample();
        let json = review.to_json();
        assert!(!json.starts_with('\u{feff}'));
        let with_bom = format!("\u{feff}{json}");
        assert_eq!(
            ReviewFile::parse(with_bom.as_bytes()),
            Ok(Parsed::Current(review.clone()))
        );
        // Errors count lines and columns after it.
        let broken = "\u{feff}{\"format\": \"審稿\" x}";
        assert!(matches!(
            ReviewFile::parse(broken.as_bytes()),
            Err(ReviewError::Malformed {
                line: 1,
                column: 17,
                ..
            })
        ));
    }

    #[test]
    fn unknown_values_are_written_back_as_they_were_read() {
        let (_, review) = sample();
        let json = review.to_json().replacen(
            "\"notes\": [",
            "\"x-大數\": 123456789012345678901234567890,\n  \"x-指數\": [1E2, -0.0, 1e-7],\n  \"notes\": [",
            1,
        );
        let json = json.replacen(
            "\"author\":",
            "\"x-批次\": {\"編號\": 1.50E+3},\n      \"author\":",
            1,
        );
        let Ok(Parsed::Current(read)) = ReviewFile::parse(json.as_bytes()) else {
            panic!("{json}");
        };
        let saved = read.to_json();
        for kept in [
            "\"x-大數\": 123456789012345678901234567890",
            "\"x-指數\": [1E2, -0.0, 1e-7]",
            "\"x-批次\": {\"編號\": 1.50E+3}",
        ] {
            assert!(saved.contains(kept), "{kept} in {saved}");
        }
        assert_eq!(
            ReviewFile::parse(saved.as_bytes()),
            Ok(Parsed::Current(read))
        );
    }

    #[test]
    fn newer_version_parses_as_newer() {
        let (_, mut review) = sample();
        review.version = 2;
        review.extra.insert("新欄位".into(), Value::from(1));
        match ReviewFile::parse(review.to_json().as_bytes()).unwrap() {
            Parsed::Newer(r) => assert_eq!(r, review),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newer_version_in_a_new_shape_is_too_new() {
        let json = r#"{"format": "pizhu-review", "version": 7, "document": "濟寧"}"#;
        let err = ReviewFile::parse(json.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            ReviewError::TooNew {
                version: 7,
                path: None
            }
        );
        assert!(err.to_string().contains("update Pizhu"), "{err}");
    }

    #[test]
    fn deep_nesting_is_named_in_plain_words() {
        // 127 levels are read; the 128th bracket is where it stops.
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(matches!(
            ReviewFile::parse(ok.as_bytes()),
            Err(ReviewError::NotReview { .. })
        ));
        let deep = "[".repeat(100_000);
        assert_eq!(
            ReviewFile::parse(deep.as_bytes()),
            Err(ReviewError::Malformed {
                line: 1,
                column: 128,
                message: "lists or objects are nested too deeply (more than 127 levels)".into(),
                path: None
            })
        );
    }

    #[test]
    fn broken_json_gives_line_and_char_column() {
        // The comma is missing after "審稿人": the error is at the next key,
        // on line 3. The column counts chars, not the UTF-8 bytes of 審稿人.
        let json = "{\n  \"format\": \"pizhu-review\", \"x\": \"審稿人\"\n  \"version\": 1\n}";
        let err = ReviewFile::parse(json.as_bytes())
            .unwrap_err()
            .with_path(Path::new("/文件/文章.txt.pizhu.json"));
        let ReviewError::Malformed { line, column, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!((*line, *column), (3, 3));
        let msg = err.to_string();
        assert!(
            msg.starts_with("the notes file is damaged at line 3, column 3: "),
            "{msg}"
        );
        assert!(msg.contains("fix it in a text editor"), "{msg}");
        assert!(msg.ends_with(": /文件/文章.txt.pizhu.json"), "{msg}");
        assert_eq!(msg.matches("line").count(), 1, "position said once: {msg}");
    }

    #[test]
    fn column_counts_chars_on_a_chinese_line() {
        // A stray letter after a Chinese string on line 1.
        let json = "{\"format\": \"審稿\" x}";
        let err = ReviewFile::parse(json.as_bytes()).unwrap_err();
        let ReviewError::Malformed { line, column, .. } = err else {
            panic!("{err:?}");
        };
        // `x` is char 17 of the line ({"format": "審稿" x).
        assert_eq!((line, column), (1, 17));
    }

    #[test]
    fn mistyped_field_is_malformed_with_position() {
        let (_, review) = sample();
        let json = review
            .to_json()
            .replace("\"chars\": 1354", "\"chars\": \"一千\"");
        let err = ReviewFile::parse(json.as_bytes()).unwrap_err();
        let ReviewError::Malformed { line, message, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*line, 8, "{err}");
        assert!(message.contains("invalid type"), "{message}");
    }

    #[test]
    fn other_json_is_not_a_review() {
        let err = ReviewFile::parse(br#"{"format": "w3c-annotation", "version": 1}"#).unwrap_err();
        assert!(
            err.to_string().starts_with(
                "this is not a Pizhu notes file (its \"format\" is \"w3c-annotation\""
            ),
            "{err}"
        );
        let err = ReviewFile::parse("[\"批注\"]".as_bytes()).unwrap_err();
        assert_eq!(
            err,
            ReviewError::NotReview {
                found: None,
                path: None
            }
        );
        // A complete file with another format name is refused too.
        let (_, mut review) = sample();
        review.format = "other".into();
        assert!(matches!(
            ReviewFile::parse(review.to_json().as_bytes()),
            Err(ReviewError::NotReview { found: Some(f), .. }) if f == "other"
        ));
    }

    #[test]
    fn odd_inputs_never_panic() {
        for bytes in [
            &b""[..],
            b"\xff\xfe\x00",
            b"{",
            b"\n\n\n",
            "批注".as_bytes(),
            br#"{"format": "pizhu-review"}"#,
            br#"{"format": "pizhu-review", "version": -1}"#,
            br#"{"format": "pizhu-review", "version": 99999999999999999999}"#,
        ] {
            assert!(ReviewFile::parse(bytes).is_err(), "{bytes:?}");
        }
        let err = ReviewFile::parse(b"").unwrap_err();
        assert!(
            matches!(
                err,
                ReviewError::Malformed {
                    line: 1,
                    column: 1,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn missing_notes_and_timeline_default() {
        let doc = Document::embedded();
        let json = format!(
            r#"{{"format": "pizhu-review", "version": 1, "document": {{"name": "文章", "raw_sha256": "{}", "clean_sha256": "{}", "chars": 1354}}}}"#,
            doc.raw_sha256, doc.clean_sha256
        );
        let Parsed::Current(r) = ReviewFile::parse(json.as_bytes()).unwrap() else {
            panic!("not current");
        };
        assert!(r.notes.is_empty());
        assert_eq!(r.timeline, None);
        assert!(r.document.matches(&doc));
    }
}
