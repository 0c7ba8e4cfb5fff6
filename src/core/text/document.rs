//! A document: a file decoded, cleaned and segmented, ready to show.
//!
//! [`Document`] ties the pipeline together (bytes → [`decode`] → raw text →
//! [`clean`] → clean text → [`segment`] paragraphs and sentences) and keeps
//! every intermediate result, so the UI can show the clean text and still
//! point back into the raw text. All positions are char offsets into the
//! clean text; [`Document::slice`] turns them into `&str` through a sparse
//! char→byte index instead of rescanning the text each time.

use std::io;
use std::path::{Path, PathBuf};

use super::clean::{self, Cleaned};
use super::decode::{self, DecodeError, Source};
use super::segment;
use crate::core::input::{InputError, InputKind, NotAFile, read_input};
use encoding_rs::Encoding;

/// The sample article shipped inside the binary, shown on first start.
pub const EMBEDDED_ARTICLE: &[u8] = include_bytes!("../../../assets/article.txt");

/// The name shown for [`EMBEDDED_ARTICLE`].
pub const EMBEDDED_NAME: &str = "article.txt";

/// Why a document could not be opened. The message says what happened,
/// then what to do, and ends with the path so that it stays readable when a
/// long path is cut off.
#[derive(thiserror::Error, Debug)]
pub enum ImportError {
    /// The file could not be read at all.
    #[error(
        "cannot open the document: {}; {}: {}",
        read_problem(cause),
        read_advice(cause),
        path.display()
    )]
    Read {
        /// The path that was asked for.
        path: PathBuf,
        /// What the operating system reported. Not a `source`: the message
        /// already says it in plain words, and error chains would repeat it.
        cause: io::Error,
    },
    /// The path is not a regular file, or the file is larger than Pizhu
    /// opens (see [`crate::core::input`]).
    #[error("cannot open the document: {0}")]
    Input(InputError),
    /// The file was read but its bytes are not usable text.
    #[error("cannot open the document: {cause}; {}: {path}", decode_advice(cause))]
    Decode {
        /// The path for display (the document name when there is no path).
        path: String,
        /// Why decoding failed (in the message, not a `source`, as above).
        cause: DecodeError,
    },
}

impl ImportError {
    /// The path that was asked for.
    #[must_use]
    pub fn path(&self) -> PathBuf {
        match self {
            Self::Read { path, .. } => path.clone(),
            Self::Input(err) => err.path().to_path_buf(),
            Self::Decode { path, .. } => PathBuf::from(path),
        }
    }
}

/// The read failure in plain words.
fn read_problem(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "the file does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission to read the file was denied".to_owned(),
        io::ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        _ => format!("the file could not be read ({e})"),
    }
}

/// What the user can do about a read failure.
fn read_advice(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::NotFound => "check the file name and folder",
        io::ErrorKind::PermissionDenied => "check the file's permissions",
        io::ErrorKind::IsADirectory => "choose a text file inside it",
        _ => "check that the file is readable and try again",
    }
}

/// What to do when the encoding is unclear or the bytes are malformed.
pub const CHOOSE_ENCODING: &str = "name its encoding with --encoding NAME (in the window: \
     File → Reopen with Encoding…); malformed bytes are then shown as U+FFFD";

/// What the user can do about a decode failure.
fn decode_advice(e: &DecodeError) -> &'static str {
    match e {
        DecodeError::Empty => "choose a text file with content",
        DecodeError::Binary { .. } => "choose a plain-text file",
        DecodeError::Undecodable { .. } | DecodeError::Unclear { .. } => CHOOSE_ENCODING,
    }
}

/// Chars between checkpoints of the char→byte index: small enough that a
/// lookup scans little, large enough that the index stays ~1% of the text.
const CHAR_INDEX_STRIDE: usize = 256;

/// Byte offsets of every [`CHAR_INDEX_STRIDE`]-th char of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct CharIndex {
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHAR_INDEX_STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % CHAR_INDEX_STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            checkpoints,
            char_len,
        }
    }

    /// Byte offset of char offset `pos` in `text`, clamped to the end.
    fn byte_offset(&self, text: &str, pos: usize) -> usize {
        let pos = pos.min(self.char_len);
        let k = pos / CHAR_INDEX_STRIDE;
        let Some(&base) = self.checkpoints.get(k) else {
            return text.len();
        };
        let rest = text.get(base..).unwrap_or_default();
        match rest.char_indices().nth(pos - k * CHAR_INDEX_STRIDE) {
            Some((b, _)) => base + b,
            None => text.len(),
        }
    }
}

/// Lowercase hex SHA-256 of `bytes`: the form of every hash Pizhu stores.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let digest = sha2::Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// A decoded, cleaned and segmented text file.
#[derive(Debug, Clone)]
pub struct Document {
    /// Name to show, usually the file name.
    pub name: String,
    /// Where it was read from; `None` for the embedded article.
    pub path: Option<PathBuf>,
    /// Size of the file in bytes.
    pub byte_len: usize,
    /// Hex SHA-256 of the file's bytes as read: identifies the exact file,
    /// so that notes find their document again after a move or rename.
    pub raw_sha256: String,
    /// Hex SHA-256 of the clean text's UTF-8: identifies the text shown, so
    /// a re-encoded or re-scraped copy with the same text still matches.
    pub clean_sha256: String,
    /// The encoding it was decoded from, as in [`decode::Decoded::encoding`].
    pub encoding: &'static str,
    /// How that encoding was settled (a byte-order mark, detected, guessed,
    /// or chosen by the user).
    pub source: Source,
    /// Malformed sequences replaced by U+FFFD to open a damaged file (or
    /// one in an encoding the user chose), as in
    /// [`decode::Decoded::replaced`]; the UI and CLI warn about it.
    /// `None` when the text is exactly what the file holds.
    pub replaced: Option<decode::Replaced>,
    /// The decoded text with `\n` line endings, before cleaning.
    pub raw: String,
    /// The clean text, its map to [`raw`](Self::raw) and the removed readings.
    pub cleaned: Cleaned,
    /// Paragraphs of the clean text.
    pub paragraphs: Vec<segment::Paragraph>,
    /// Sentences of the clean text, in order.
    pub sentences: Vec<segment::Sentence>,
    /// Char→byte index of the clean text; private so it cannot drift from it.
    char_index: CharIndex,
}

impl Document {
    /// The article shipped in the binary.
    ///
    /// It is known-good UTF-8, but should decoding ever fail this falls
    /// back to a lossy conversion rather than panicking at startup.
    pub fn embedded() -> Self {
        match Self::from_bytes(EMBEDDED_NAME, None, EMBEDDED_ARTICLE) {
            Ok(doc) => doc,
            Err(_) => {
                let raw = String::from_utf8_lossy(EMBEDDED_ARTICLE)
                    .replace("\r\n", "\n")
                    .replace('\r', "\n");
                Self::build(
                    EMBEDDED_NAME.to_owned(),
                    None,
                    EMBEDDED_ARTICLE,
                    ("UTF-8 (lossy)", Source::Detected, None),
                    raw,
                )
            }
        }
    }

    /// Builds a document from a file's bytes. `path` is only recorded and
    /// used in error messages; nothing is read from it.
    ///
    /// # Errors
    ///
    /// [`ImportError::Decode`] if the bytes are empty, binary or malformed.
    pub fn from_bytes(
        name: &str,
        path: Option<PathBuf>,
        bytes: &[u8],
    ) -> Result<Self, ImportError> {
        Self::from_bytes_as(name, path, bytes, None)
    }

    /// [`from_bytes`](Self::from_bytes) in `encoding` when given (as
    /// [`super::chosen::decode_as`]: malformed bytes replaced and counted), else
    /// in the encoding [`decode::decode`] finds.
    ///
    /// # Errors
    /// As [`from_bytes`](Self::from_bytes).
    pub fn from_bytes_as(
        name: &str,
        path: Option<PathBuf>,
        bytes: &[u8],
        encoding: Option<&'static Encoding>,
    ) -> Result<Self, ImportError> {
        let decoded = match encoding {
            Some(encoding) => super::chosen::decode_as(bytes, encoding),
            None => decode::decode(bytes),
        };
        let decoded = decoded.map_err(|cause| ImportError::Decode {
            path: path
                .as_deref()
                .map_or_else(|| name.to_owned(), |p| p.display().to_string()),
            cause,
        })?;
        Ok(Self::build(
            name.to_owned(),
            path,
            bytes,
            (decoded.encoding, decoded.source, decoded.replaced),
            decoded.text,
        ))
    }

    /// Reads and builds a document from a file.
    ///
    /// # Errors
    ///
    /// [`ImportError::Read`] if the file cannot be read,
    /// [`ImportError::Input`] if it is not a regular file or too large,
    /// [`ImportError::Decode`] if its bytes are not usable text.
    pub fn open(path: &Path) -> Result<Self, ImportError> {
        Self::open_as(path, None)
    }

    /// [`open`](Self::open) in `encoding` when given, as
    /// [`from_bytes_as`](Self::from_bytes_as).
    ///
    /// # Errors
    /// As [`open`](Self::open).
    pub fn open_as(path: &Path, encoding: Option<&'static Encoding>) -> Result<Self, ImportError> {
        let bytes = read_input(path, InputKind::Document).map_err(|e| match e {
            InputError::Io { path, cause } => ImportError::Read { path, cause },
            // Said as the system's "is a directory" always was.
            folder @ InputError::NotAFile {
                what: NotAFile::Folder,
                ..
            } => ImportError::Read {
                path: folder.path().to_path_buf(),
                cause: folder.into(),
            },
            other => ImportError::Input(other),
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Self::from_bytes_as(&name, Some(path.to_path_buf()), &bytes, encoding)
    }

    /// Runs cleaning and segmentation on decoded text; `bytes` are the
    /// file's bytes, kept only as their length and hash.
    fn build(
        name: String,
        path: Option<PathBuf>,
        bytes: &[u8],
        (encoding, source, replaced): (&'static str, Source, Option<decode::Replaced>),
        raw: String,
    ) -> Self {
        // Hashing is independent of cleaning and splitting; on a big file
        // it runs beside them (a 50 MB import must stay under a second).
        // A hashing thread cannot panic on any input; should one die anyway,
        // hashing again here gives the same answer.
        let (raw_sha256, cleaned) = std::thread::scope(|scope| {
            let raw_hash = scope.spawn(|| sha256_hex(bytes));
            let cleaned = clean::clean(&raw);
            (
                raw_hash.join().unwrap_or_else(|_| sha256_hex(bytes)),
                cleaned,
            )
        });
        let text = cleaned.text.as_str();
        let (clean_sha256, char_index, paragraphs, sentences) = std::thread::scope(|scope| {
            let clean_hash = scope.spawn(|| sha256_hex(text.as_bytes()));
            let char_index = CharIndex::new(text);
            let paragraphs = segment::paragraphs(text);
            let sentences = segment::sentences(text, &paragraphs);
            let clean_sha256 = clean_hash
                .join()
                .unwrap_or_else(|_| sha256_hex(text.as_bytes()));
            (clean_sha256, char_index, paragraphs, sentences)
        });
        Self {
            name,
            path,
            byte_len: bytes.len(),
            raw_sha256,
            clean_sha256,
            encoding,
            source,
            replaced,
            raw,
            cleaned,
            paragraphs,
            sentences,
            char_index,
        }
    }

    /// The warning to show when the file was opened with malformed UTF-8
    /// replaced ([`replaced`](Self::replaced)): what happened, what to do,
    /// and the path (or name) last. `None` when nothing was replaced.
    #[must_use]
    pub fn replaced_warning(&self) -> Option<String> {
        let replaced = self.replaced?;
        let place = self
            .path
            .as_deref()
            .map_or_else(|| self.name.clone(), |p| p.display().to_string());
        Some(if self.source == Source::Chosen {
            format!(
                "decoding it as {}, {replaced}; if the text looks wrong, choose another \
                 encoding: {place}",
                self.encoding
            )
        } else {
            format!(
                "{replaced}; the rest of the text is as in the file; \
                 to see the original characters there, open an undamaged copy: {place}"
            )
        })
    }

    /// The note to show when the encoding is a guess in a single-byte
    /// encoding (which decodes any bytes, so a wrong guess shows no
    /// error): what happened, what to do, the path (or name) last. `None`
    /// for an encoding that was certain, guessed in a multi-byte encoding
    /// that decoded cleanly, or chosen.
    #[must_use]
    pub fn guess_warning(&self) -> Option<String> {
        if !self.source.is_uncertain(self.encoding) {
            return None;
        }
        let place = self
            .path
            .as_deref()
            .map_or_else(|| self.name.clone(), |p| p.display().to_string());
        Some(format!(
            "the encoding was guessed as {}; if the text looks wrong, name its encoding \
             with --encoding NAME (in the window: File → Reopen with Encoding…): {place}",
            self.encoding
        ))
    }

    /// The clean text.
    pub fn text(&self) -> &str {
        &self.cleaned.text
    }

    /// Length of the clean text in chars.
    pub fn char_len(&self) -> usize {
        self.char_index.char_len
    }

    /// The clean text of chars `start..end`. Bounds past the end are
    /// clamped; a reversed or empty range gives `""`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let text = self.text();
        let from = self.char_index.byte_offset(text, start);
        let to = self.char_index.byte_offset(text, end);
        text.get(from..to).unwrap_or_default()
    }

    /// The text of paragraph `i`, or `""` if there is no such paragraph.
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .map_or("", |p| self.slice(p.start, p.end))
    }

    /// The text of sentence `i`, or `""` if there is no such sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map_or("", |s| self.slice(s.start, s.end))
    }

    /// The removed readings whose `clean_at` lies in `(start, end]`: those of
    /// the characters inside the clean range `start..end`, since a reading
    /// sits right after its character. Empty for a reversed range.
    pub fn readings_in(&self, start: usize, end: usize) -> &[clean::RemovedReading] {
        let removed = &self.cleaned.removed;
        let from = removed.partition_point(|r| r.clean_at.0 <= start);
        let to = removed.partition_point(|r| r.clean_at.0 <= end);
        removed.get(from..to).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{SystemTime, UNIX_EPOCH};

    /// A path in the temp folder that no other test run uses.
    fn temp_path(tag: &str) -> PathBuf {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        std::env::temp_dir().join(format!(
            "pizhu-test-{}-{nanos}-{tag}.txt",
            std::process::id()
        ))
    }

    #[test]
    fn embedded_article() {
        let doc = Document::embedded();
        assert_eq!(doc.name, "article.txt");
        assert_eq!(doc.path, None);
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.byte_len, EMBEDDED_ARTICLE.len());
        assert_eq!(doc.paragraphs.len(), 6);
        assert_eq!(doc.sentences.len(), 21);
        assert_eq!(doc.char_len(), 1354);
        assert_eq!(doc.text().chars().count(), 1354);
        assert_eq!(doc.cleaned.removed.len(), 227);
        assert!(doc.raw.contains("濟(jì)寧"));
        assert!(doc.paragraph_text(0).starts_with("12月11日下午,濟寧市政府"));
        assert_eq!(
            doc.paragraph_text(5),
            "市直有關部門、單位的負責同志參加簽約儀式。"
        );
        assert_eq!(doc.paragraph_text(6), "");
        assert_eq!(doc.paragraph_text(usize::MAX), "");
        assert_eq!(doc.sentence_text(20), doc.paragraph_text(5));
        assert_eq!(doc.sentence_text(21), "");
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let doc = Document::embedded();
        assert_eq!(doc.raw_sha256, sha256_hex(EMBEDDED_ARTICLE));
        assert_eq!(doc.clean_sha256, sha256_hex(doc.text().as_bytes()));
    }

    #[test]
    fn slices_agree_with_chars() {
        let doc = Document::embedded();
        let chars: Vec<char> = doc.text().chars().collect();
        assert_eq!(doc.slice(0, usize::MAX), doc.text());
        for (start, end) in [(0, 1), (255, 257), (256, 512), (700, 1354), (1353, 1354)] {
            let expected: String = chars[start..end].iter().collect();
            assert_eq!(doc.slice(start, end), expected);
        }
        assert_eq!(doc.slice(5, 5), "");
        assert_eq!(doc.slice(6, 5), "");
        assert_eq!(doc.slice(2000, 3000), "");
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let expected: String = chars[p.start..p.end].iter().collect();
            assert_eq!(doc.paragraph_text(i), expected);
        }
    }

    #[test]
    fn readings_in_a_range() {
        let doc = Document::embedded();
        assert_eq!(doc.readings_in(0, doc.char_len()).len(), 227);
        // "12月11日下午,濟寧": 濟 is char 9, its reading sits at 10.
        let ji = doc.readings_in(9, 10);
        assert_eq!(ji.len(), 1);
        assert_eq!(ji[0].han, '濟');
        assert_eq!(ji[0].pinyin, "jì");
        assert!(doc.readings_in(10, 11).is_empty());
        assert!(doc.readings_in(0, 9).is_empty());
        assert!(doc.readings_in(10, 9).is_empty());
        assert!(doc.readings_in(usize::MAX, usize::MAX).is_empty());
        // Every reading of a paragraph is found from the paragraph's range.
        let total: usize = doc
            .paragraphs
            .iter()
            .map(|p| doc.readings_in(p.start, p.end).len())
            .sum();
        assert_eq!(total, 227);
    }

    #[test]
    fn from_bytes_legacy_encoding() {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode("濟(jì)寧市\r\n\r\n簽約。儀式！");
        assert!(!unmappable);
        let doc = Document::from_bytes("濟寧.txt", None, &bytes).unwrap();
        assert_eq!(doc.encoding, "GB18030");
        assert_eq!(doc.text(), "濟寧市\n\n簽約。儀式！");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.byte_len, bytes.len());
        // The raw hash is of the GB18030 bytes, the clean hash of the UTF-8 text.
        assert_eq!(doc.raw_sha256, sha256_hex(&bytes));
        assert_eq!(
            doc.clean_sha256,
            sha256_hex("濟寧市\n\n簽約。儀式！".as_bytes())
        );
        assert_ne!(doc.raw_sha256, doc.clean_sha256);
    }

    #[test]
    fn from_bytes_errors_name_the_document() {
        let err = Document::from_bytes("空白.txt", None, b"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot open the document: the file is empty; choose a text file with content: 空白.txt"
        );
        let err = Document::from_bytes("x", Some(PathBuf::from("/tmp/圖片.png")), b"\x89PNG\0")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot open the document: the file looks binary: it has a NUL byte at byte 4; \
             choose a plain-text file: /tmp/圖片.png"
        );
    }

    #[test]
    fn open_missing_file() {
        let path = temp_path("不存在");
        let err = Document::open(&path).unwrap_err();
        assert!(matches!(err, ImportError::Read { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.starts_with("cannot open the document: the file does not exist"));
        assert!(msg.ends_with(&path.display().to_string()), "{msg}");
    }

    #[test]
    fn open_empty_file() {
        let path = temp_path("empty");
        std::fs::write(&path, b"").unwrap();
        let result = Document::open(&path);
        let _ = std::fs::remove_file(&path);
        let err = result.unwrap_err();
        assert!(matches!(
            err,
            ImportError::Decode {
                cause: DecodeError::Empty,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            format!(
                "cannot open the document: the file is empty; choose a text file with content: {}",
                path.display()
            )
        );
    }

    #[test]
    fn open_a_real_file() {
        let path = temp_path("ok");
        std::fs::write(&path, "會(huì)議。\n").unwrap();
        let result = Document::open(&path);
        let _ = std::fs::remove_file(&path);
        let doc = result.unwrap();
        assert_eq!(doc.text(), "會議。\n");
        assert_eq!(doc.path.as_deref(), Some(path.as_path()));
        assert_eq!(doc.name, path.file_name().unwrap().to_string_lossy());
        assert_eq!(doc.readings_in(0, 1)[0].pinyin, "huì");
    }

    #[test]
    fn open_a_folder() {
        let err = Document::open(&std::env::temp_dir()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with(&std::env::temp_dir().display().to_string())
        );
    }
}
