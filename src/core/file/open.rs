//! One entry for "open this path as a document with its notes", shared by
//! start-up (`pizhu [FILE]`), the CLI commands and the window's Open, Recent
//! and dropped files, so that all of them open the same thing for one path.
//!
//! A document path opens that document (its notes are found later, beside it
//! or in the data folder); a review file (`NAME.pizhu.json`) opens the
//! document it belongs to, with its notes; no path opens the embedded article.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::file::locate::REVIEW_SUFFIX;
use crate::core::file::review::{Parsed, ReviewError, ReviewFile};
use encoding_rs::Encoding;

use crate::core::input::{InputKind, read_input};
use crate::core::text::document::{Document, ImportError};

/// Why a path could not be opened as a document. Each message says what
/// happened, then what to do, and ends with the path.
#[derive(thiserror::Error, Debug)]
pub enum OpenError {
    /// The document itself could not be read or decoded.
    #[error(transparent)]
    Document(#[from] ImportError),
    /// The review file given in place of a document could not be read.
    #[error("could not read the review file ({cause}); check the path: {}", path.display())]
    ReadReview {
        /// The review file.
        path: PathBuf,
        /// What the operating system reported (in the message, not a `source`,
        /// so error chains do not repeat it).
        cause: io::Error,
    },
    /// The review file could be read but is not a usable review file.
    #[error(transparent)]
    Review(#[from] ReviewError),
    /// The review file's document is neither beside it nor the embedded article.
    #[error(
        "the document these notes belong to ({name}) was not found beside them; open the \
         document and pass the notes with --notes: {}",
        path.display()
    )]
    DocumentNotFound {
        /// The document's name as the review file records it.
        name: String,
        /// The review file.
        path: PathBuf,
    },
}

impl OpenError {
    /// The file that could not be opened (the document, or the review file
    /// given in its place), when the error names one.
    #[must_use]
    pub fn path(&self) -> Option<PathBuf> {
        match self {
            Self::Document(err) => Some(err.path()),
            Self::ReadReview { path, .. } | Self::DocumentNotFound { path, .. } => {
                Some(path.clone())
            }
            // A damaged review file: another encoding of its document would not help.
            Self::Review(_) => None,
        }
    }
}

/// A document and the notes file to open with it.
pub type Opened = (Result<Document, OpenError>, Option<PathBuf>);

/// Load a document: the file, or the embedded article when `file` is `None`.
///
/// # Errors
/// When the file cannot be read or decoded; the message ends with the path.
pub fn load(file: Option<&Path>) -> Result<Document, ImportError> {
    load_as(file, None)
}

/// [`load`], in `encoding` when given (`--encoding NAME`, Reopen with
/// Encoding: malformed bytes replaced and counted), else in the encoding
/// found by `core::text::decode`. The embedded article is always UTF-8.
///
/// # Errors
/// As [`load`].
pub fn load_as(
    file: Option<&Path>,
    encoding: Option<&'static Encoding>,
) -> Result<Document, ImportError> {
    match file {
        Some(path) => Document::open_as(path, encoding),
        None => Ok(Document::embedded()),
    }
}

/// What to open for `pizhu [FILE] [--notes PATH]`: the document (or why it
/// could not be opened) and the notes file. A review file given as FILE,
/// without `--notes`, opens its document with itself as the notes.
pub fn open_path(file: Option<PathBuf>, notes: Option<PathBuf>) -> Opened {
    open_path_as(file, notes, None)
}

/// [`open_path`], decoding the document in `encoding` when given (as
/// [`load_as`]).
pub fn open_path_as(
    file: Option<PathBuf>,
    notes: Option<PathBuf>,
    encoding: Option<&'static Encoding>,
) -> Opened {
    match file {
        Some(review) if notes.is_none() && is_review_path(&review) => {
            match open_document_of_review_as(&review, encoding) {
                Ok(doc) => (Ok(doc.unwrap_or_else(Document::embedded)), Some(review)),
                Err(err) => (Err(err), None),
            }
        }
        file => (
            load_as(file.as_deref(), encoding).map_err(OpenError::from),
            notes,
        ),
    }
}

/// True when `path` names a review file (`….pizhu.json`).
#[must_use]
pub fn is_review_path(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(REVIEW_SUFFIX) && n.len() > REVIEW_SUFFIX.len())
}

/// The document a review file belongs to, so that opening a review file opens
/// its document with its notes: `Some(path)` for a file, `None` for the
/// embedded article.
///
/// Looks, in order, for the document the sidecar name points to
/// (`NAME.pizhu.json` → `NAME`), then for the document's recorded name in
/// the same folder (`notes.pizhu.json` beside `會議紀要.txt`), either only
/// when its content matches, then for the embedded article by content hash.
///
/// # Errors
/// When the review file cannot be read or parsed, or no matching document is
/// found; the message says what to do and ends with the path.
pub fn document_of_review(path: &Path) -> Result<Option<PathBuf>, OpenError> {
    open_document_of_review(path).map(|doc| doc.and_then(|d| d.path))
}

/// [`document_of_review`], with the document it found already opened (a
/// window showing it need not read and clean it a second time): `None` for
/// the embedded article.
///
/// # Errors
/// As [`document_of_review`].
pub fn open_document_of_review(path: &Path) -> Result<Option<Document>, OpenError> {
    open_document_of_review_as(path, None)
}

/// [`open_document_of_review`], decoding the document in `encoding` when
/// given (its bytes' hash still identifies it).
///
/// # Errors
/// As [`document_of_review`].
pub fn open_document_of_review_as(
    path: &Path,
    encoding: Option<&'static Encoding>,
) -> Result<Option<Document>, OpenError> {
    let bytes = read_input(path, InputKind::Review).map_err(|e| OpenError::ReadReview {
        path: path.to_path_buf(),
        cause: e.into(),
    })?;
    let review = match ReviewFile::parse(&bytes) {
        Ok(Parsed::Current(r) | Parsed::Newer(r)) => r,
        Err(e) => return Err(e.with_path(path).into()),
    };
    let wanted = &review.document;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let sidecar = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(REVIEW_SUFFIX))
        .map(|doc_name| folder.join(doc_name));
    // Only the recorded name's last part: a review file never leads out of
    // its own folder.
    let recorded = Path::new(&wanted.name)
        .file_name()
        .map(|name| folder.join(name));
    for doc_path in sidecar.into_iter().chain(recorded) {
        if let Ok(doc) = Document::open_as(&doc_path, encoding)
            && (doc.clean_sha256 == wanted.clean_sha256 || doc.raw_sha256 == wanted.raw_sha256)
        {
            return Ok(Some(doc));
        }
    }
    let embedded = Document::embedded();
    if embedded.clean_sha256 == wanted.clean_sha256 {
        return Ok(None);
    }
    Err(OpenError::DocumentNotFound {
        name: wanted.name.clone(),
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_review_file_leads_to_its_document() {
        let dir = tempfile::tempdir().unwrap();
        let doc_path = dir.path().join("會議紀要.txt");
        fs::write(&doc_path, "第一段。\n").unwrap();
        let doc = Document::open(&doc_path).unwrap();
        let review_path = dir.path().join("會議紀要.txt.pizhu.json");
        fs::write(&review_path, ReviewFile::new(&doc).to_json()).unwrap();
        assert!(is_review_path(&review_path));
        assert!(!is_review_path(&doc_path));
        assert_eq!(document_of_review(&review_path).unwrap(), Some(doc_path));
        // Under another name, the recorded document name in the same folder.
        let renamed = dir.path().join("我的批注.pizhu.json");
        fs::write(&renamed, ReviewFile::new(&doc).to_json()).unwrap();
        assert_eq!(
            document_of_review(&renamed).unwrap(),
            Some(dir.path().join("會議紀要.txt"))
        );
        // A review of the embedded article found anywhere opens the article.
        let article = dir.path().join("elsewhere.pizhu.json");
        fs::write(&article, ReviewFile::new(&Document::embedded()).to_json()).unwrap();
        assert_eq!(document_of_review(&article).unwrap(), None);
        // Garbage: a clear error ending with the path.
        let bad = dir.path().join("bad.pizhu.json");
        fs::write(&bad, "{").unwrap();
        assert!(
            document_of_review(&bad)
                .unwrap_err()
                .to_string()
                .ends_with(&bad.display().to_string())
        );
    }

    #[test]
    fn a_review_file_opens_its_document_with_itself_as_the_notes() {
        let dir = tempfile::tempdir().unwrap();
        let doc_path = dir.path().join("協議.txt");
        fs::write(&doc_path, "濟寧市人民政府。\n").unwrap();
        let doc = Document::open(&doc_path).unwrap();
        let review_path = dir.path().join("協議.txt.pizhu.json");
        fs::write(&review_path, ReviewFile::new(&doc).to_json()).unwrap();
        let (opened, notes) = open_path(Some(review_path.clone()), None);
        assert_eq!(opened.unwrap().path, Some(doc_path.clone()));
        assert_eq!(notes, Some(review_path.clone()));
        // With --notes the review file is opened as a document of its own.
        let other = dir.path().join("other.pizhu.json");
        let (_, notes) = open_path(Some(doc_path), Some(other.clone()));
        assert_eq!(notes, Some(other));
        // No path: the embedded article.
        let (opened, notes) = open_path(None, None);
        assert_eq!(opened.unwrap().name, Document::embedded().name);
        assert_eq!(notes, None);
        // A missing document: the document's own error, ending with the path.
        let missing = dir.path().join("不存在.txt");
        let (opened, _) = open_path(Some(missing.clone()), None);
        assert!(
            opened
                .unwrap_err()
                .to_string()
                .ends_with(&missing.display().to_string())
        );
    }
}
