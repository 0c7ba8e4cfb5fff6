//! Where review files live, and finding them again.
//!
//! **Location.** A document's notes go in a sidecar `NAME.pizhu.json` next
//! to it (`NAME` is the document's file name with its extension) when that
//! folder is writable, otherwise in the user data folder under `reviews/`,
//! as `NAME-HASH.pizhu.json` with the start of the clean text's hash so
//! that documents of the same name do not share notes. The embedded
//! article's notes always live there. The data folder is the platform's
//! (`directories`: `ProjectDirs::from("", "", "Pizhu")`), or the folder in
//! the environment variable [`DATA_DIR_ENV`] (`PIZHU_DATA_DIR`) when set,
//! which tests and CI use.
//!
//! **Finding notes again.** `reviews/index.json` in the data folder maps
//! the SHA-256 of documents (of their raw bytes and of their clean text) to
//! the review file last saved for them, sidecars included. A document that
//! was moved or renamed away from its sidecar finds its notes through it;
//! if the index is gone, the `reviews/` folder is searched by the hashes
//! recorded in each file. The index is a cache: rebuilt as files are saved,
//! and a broken one is simply replaced.
//!
//! **A copy is not a move.** The index also knows the sidecar of another
//! copy of the same text in another folder. Notes are one reviewer's work on
//! one file, so such a sidecar is taken only when its document is gone (the
//! document was moved or renamed). While the other copy is still there, this
//! copy gets its own review file, and [`review_of_other_copy`] names the
//! other one so that the window and the CLI can say so and the user can
//! choose it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::file::atomic::{parent_dir, unique_suffix, write_atomic};
use crate::core::file::fields::{Extra, keep_unknown_fields};
use crate::core::file::review;
use crate::core::text::document::Document;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "PIZHU_DATA_DIR";

/// The ending of a review file's name.
pub const REVIEW_SUFFIX: &str = ".pizhu.json";

/// The folder of the data folder that holds reviews and the index.
const REVIEWS_DIR: &str = "reviews";

/// The index file's name, in [`REVIEWS_DIR`].
const INDEX_FILE: &str = "index.json";

/// The `format` name of the index file.
pub(super) const INDEX_FORMAT: &str = "pizhu-review-index";

/// Hex digits of the clean-text hash in a data-folder file name: enough
/// to keep same-named documents apart, short enough to read.
const NAME_HASH_DIGITS: usize = 12;

/// The data folder: `PIZHU_DATA_DIR` if set, else the platform's data
/// folder for Pizhu; `None` when neither is known (no home folder).
#[must_use]
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Pizhu").map(|d| d.data_dir().to_path_buf())
}

/// [`data_dir`], or a folder in the temp folder when there is no home
/// folder at all: notes there may not outlive a restart, but they are
/// saved somewhere rather than not at all.
pub(super) fn data_dir_or_temp() -> PathBuf {
    data_dir().unwrap_or_else(|| std::env::temp_dir().join("Pizhu"))
}

/// Where a new review file for `doc` goes: its sidecar when the
/// document's folder is writable, else the data folder. Existing notes are
/// found with [`find_review`] first.
#[must_use]
pub fn review_path_for(doc: &Document) -> PathBuf {
    review_path_in(doc, &data_dir_or_temp())
}

/// [`review_path_for`] with the data folder given.
pub(super) fn review_path_in(doc: &Document, data: &Path) -> PathBuf {
    match sidecar_path(doc) {
        Some(side) if folder_is_writable(parent_dir(&side)) => side,
        _ => data_review_path(doc, data),
    }
}

/// `NAME.pizhu.json` next to the document; `None` for the embedded article.
fn sidecar_path(doc: &Document) -> Option<PathBuf> {
    let path = doc.path.as_deref()?;
    let name = path.file_name()?;
    let mut side = name.to_os_string();
    side.push(REVIEW_SUFFIX);
    Some(path.with_file_name(side))
}

/// `reviews/NAME-HASH.pizhu.json` in the data folder.
fn data_review_path(doc: &Document, data: &Path) -> PathBuf {
    // The name is the document's, made safe as a single file name.
    let safe: String = doc
        .name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let safe = safe.trim_start_matches('.');
    let hash = doc
        .clean_sha256
        .get(..NAME_HASH_DIGITS)
        .unwrap_or(&doc.clean_sha256);
    data.join(REVIEWS_DIR)
        .join(format!("{safe}-{hash}{REVIEW_SUFFIX}"))
}

/// Whether a file can be made in `dir`, found by making (and removing) one:
/// the only test that agrees with ACLs, read-only mounts and sandboxes.
fn folder_is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".pizhu-probe-{}", unique_suffix()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(file) => {
            drop(file);
            let _ = fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// The existing review file for `doc`, if any: its sidecar, else its file
/// in the data folder, else one the index or a search of the data folder
/// finds by the document's hashes (after a move or rename).
#[must_use]
pub fn find_review(doc: &Document) -> Option<PathBuf> {
    find_review_in(doc, &data_dir_or_temp())
}

/// [`find_review`] with the data folder given.
pub(super) fn find_review_in(doc: &Document, data: &Path) -> Option<PathBuf> {
    if let Some(side) = sidecar_path(doc).filter(|p| p.is_file()) {
        return Some(side);
    }
    let own = data_review_path(doc, data);
    if own.is_file() {
        return Some(own);
    }
    let hashes = [doc.clean_sha256.as_str(), doc.raw_sha256.as_str()];
    match load_index(data) {
        // Every save records its file in the index, so a usable index that
        // does not know the document means there are no notes for it; the
        // folder is searched (reading every review) only without one.
        Some(index) => hashes
            .iter()
            .filter_map(|h| index.reviews.get(*h))
            .map(PathBuf::from)
            .find(|p| p.is_file() && other_copy_of(p, doc).is_none()),
        None => search_reviews(data, &hashes),
    }
}

/// The notes of another copy of a document: a review file, and the
/// document file it sits beside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherCopy {
    /// The other copy's review file.
    pub review: PathBuf,
    /// The other copy of the document.
    pub document: PathBuf,
}

/// The review of another copy of `doc` (the same text in another file that
/// still exists), which [`find_review`] does not take by itself; `None` when
/// there is none or it is `doc`'s own.
#[must_use]
pub fn review_of_other_copy(doc: &Document) -> Option<OtherCopy> {
    review_of_other_copy_in(doc, &data_dir_or_temp())
}

/// [`review_of_other_copy`] with the data folder given.
pub(super) fn review_of_other_copy_in(doc: &Document, data: &Path) -> Option<OtherCopy> {
    let index = load_index(data)?;
    [doc.clean_sha256.as_str(), doc.raw_sha256.as_str()]
        .iter()
        .filter_map(|h| index.reviews.get(*h))
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .find_map(|review| {
            other_copy_of(&review, doc).map(|document| OtherCopy { review, document })
        })
}

/// The document `review` is the sidecar of, when that is a file other than
/// `doc`'s (a copy elsewhere); `None` when the sidecar's document is gone
/// (moved away) or is `doc` itself (reached by another path).
fn other_copy_of(review: &Path, doc: &Document) -> Option<PathBuf> {
    let name = review.file_name()?.to_str()?;
    let doc_name = name.strip_suffix(REVIEW_SUFFIX).filter(|n| !n.is_empty())?;
    let other = review.with_file_name(doc_name);
    let other_meta = fs::metadata(&other).ok().filter(fs::Metadata::is_file)?;
    match doc.path.as_deref().and_then(|p| fs::metadata(p).ok()) {
        Some(ours) if same_file(&ours, &other_meta) => None,
        _ => Some(other),
    }
}

/// True when the two are one file (device and inode): a path through a
/// link or `..` names the same file as the plain one.
#[cfg(unix)]
pub(super) fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// True when the two are one file (without inodes: same size, modification
/// and creation time, the best this platform's std offers).
#[cfg(not(unix))]
pub(super) fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len()
        && a.modified().ok() == b.modified().ok()
        && a.created().ok() == b.created().ok()
}

/// Only the part of a review file needed to know its document.
#[derive(Deserialize)]
struct IdentityOnly {
    format: String,
    document: review::DocumentIdentity,
}

/// The newest `*.pizhu.json` in the data folder's `reviews/` made for a
/// document with one of `hashes`.
fn search_reviews(data: &Path, hashes: &[&str]) -> Option<PathBuf> {
    let entries = fs::read_dir(data.join(REVIEWS_DIR)).ok()?;
    let mut best: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_review = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(REVIEW_SUFFIX));
        if !is_review {
            continue;
        }
        let Ok(bytes) =
            crate::core::input::read_input(&path, crate::core::input::InputKind::Review)
        else {
            continue;
        };
        let Ok(id) = serde_json::from_slice::<IdentityOnly>(&bytes) else {
            continue;
        };
        let matches = id.format == review::FORMAT
            && hashes
                .iter()
                .any(|h| *h == id.document.clean_sha256 || *h == id.document.raw_sha256);
        if !matches {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        if best.as_ref().is_none_or(|(t, _)| modified > *t) {
            best = Some((modified, path));
        }
    }
    best.map(|(_, p)| p)
}

/// The index file: document hash → review file last saved for it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ReviewIndex {
    pub(super) format: String,
    version: u32,
    /// Hex SHA-256 → absolute path of the review file.
    pub(super) reviews: std::collections::BTreeMap<String, String>,
    extra: Extra,
}

// By hand, not `#[serde(flatten)]`: see `fields`.
keep_unknown_fields!(ReviewIndex, "the review index (a JSON object)", {
    format: required,
    version: required,
    reviews: default,
});

/// The index; `None` when it is missing or unreadable.
pub(super) fn load_index(data: &Path) -> Option<ReviewIndex> {
    let path = data.join(REVIEWS_DIR).join(INDEX_FILE);
    crate::core::input::read_input(&path, crate::core::input::InputKind::Review)
        .ok()
        .and_then(|b| serde_json::from_slice::<ReviewIndex>(&b).ok())
        .filter(|i| i.format == INDEX_FORMAT)
}

/// Records `review_path` for every hash in `hashes`, dropping entries
/// whose file is gone. Writes only when something changed.
pub(super) fn update_index(data: &Path, hashes: &[&str], review_path: &Path) -> io::Result<()> {
    let absolute = std::path::absolute(review_path).unwrap_or_else(|_| review_path.to_path_buf());
    // A path that is not valid Unicode cannot be stored in JSON text; such
    // a file is still found as a sidecar, just not after a move.
    let Some(target) = absolute.to_str() else {
        return Ok(());
    };
    let mut index = load_index(data).unwrap_or_default();
    if hashes
        .iter()
        .all(|h| index.reviews.get(*h).map(String::as_str) == Some(target))
    {
        return Ok(());
    }
    index.format = INDEX_FORMAT.to_owned();
    index.version = 1;
    index.reviews.retain(|_, p| Path::new(p).is_file());
    for h in hashes {
        index.reviews.insert((*h).to_owned(), target.to_owned());
    }
    let mut text = serde_json::to_string_pretty(&index).map_err(io::Error::other)?;
    text.push('\n');
    let dir = data.join(REVIEWS_DIR);
    fs::create_dir_all(&dir)?;
    write_atomic(&dir.join(INDEX_FILE), |f| f.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_folder_when_the_documents_folder_is_not_writable() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("文件");
        let data = dir.path().join("資料");
        // A folder that does not exist is not writable, even for root.
        let doc = Document::from_bytes(
            "文章.txt",
            Some(docs.join("沒有這個資料夾").join("文章.txt")),
            "濟寧市政府與省人社廳簽署合作框架協議。\n雙方將在人才引進方面加強合作。\n".as_bytes(),
        )
        .unwrap();
        let path = review_path_in(&doc, &data);
        assert_eq!(path.parent(), Some(data.join("reviews").as_path()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            name,
            format!("文章.txt-{}.pizhu.json", &doc.clean_sha256[..12])
        );
    }

    #[test]
    fn a_copy_in_another_folder_gets_its_own_notes_a_moved_document_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("資料");
        let first = dir.path().join("甲");
        let second = dir.path().join("乙");
        fs::create_dir_all(&first).unwrap();
        fs::create_dir_all(&second).unwrap();
        let text = "濟寧市政府與省人社廳簽署合作框架協議。\n";
        fs::write(first.join("協議.txt"), text).unwrap();
        fs::write(second.join("協議.txt"), text).unwrap();
        let original = Document::open(&first.join("協議.txt")).unwrap();
        let sidecar = first.join("協議.txt.pizhu.json");
        fs::write(&sidecar, review::ReviewFile::new(&original).to_json()).unwrap();
        update_index(
            &data,
            &[&original.raw_sha256, &original.clean_sha256],
            &sidecar,
        )
        .unwrap();
        let absolute = std::path::absolute(&sidecar).unwrap();

        // The copy does not write into the first copy's notes, but knows of them.
        let copy = Document::open(&second.join("協議.txt")).unwrap();
        assert_eq!(find_review_in(&copy, &data), None);
        assert_eq!(
            review_path_in(&copy, &data),
            second.join("協議.txt.pizhu.json")
        );
        let other = review_of_other_copy_in(&copy, &data).unwrap();
        assert_eq!(other.review, absolute);
        assert_eq!(
            other.document,
            std::path::absolute(first.join("協議.txt")).unwrap()
        );
        // The original itself, also through a link, has its own notes.
        assert_eq!(find_review_in(&original, &data), Some(sidecar.clone()));
        assert_eq!(review_of_other_copy_in(&original, &data), None);
        #[cfg(unix)]
        {
            let link = second.join("連結.txt");
            std::os::unix::fs::symlink(first.join("協議.txt"), &link).unwrap();
            let through_link = Document::open(&link).unwrap();
            assert_eq!(find_review_in(&through_link, &data), Some(absolute.clone()));
            assert_eq!(review_of_other_copy_in(&through_link, &data), None);
            fs::remove_file(&link).unwrap();
        }
        // Once the first copy is gone (it was moved here), its notes follow.
        fs::remove_file(first.join("協議.txt")).unwrap();
        assert_eq!(find_review_in(&copy, &data), Some(absolute));
        assert_eq!(review_of_other_copy_in(&copy, &data), None);
    }
}
