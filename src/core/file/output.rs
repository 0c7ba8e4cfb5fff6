//! Where an export may be written, and writing it there.
//!
//! An export names its output file (`pizhu export -o FILE`, the Export
//! window); a slip of the keyboard must not cost the document or its notes.
//! So an output path is checked before anything is written:
//!
//! - the open document, its review file, that file's backup and its lock
//!   file are refused,
//!   whether named directly or through a link (same device and inode), and
//!   also before the review file exists (by path);
//! - only regular files are replaced: folders, devices, FIFOs and sockets are
//!   refused (standard output is `-`, which the caller handles);
//! - a symbolic link is written through: its target gets the export and the
//!   link stays a link; a link that points nowhere is refused;
//! - a missing folder is created, and the caller is told which, so that it
//!   can say so.
//!
//! The write itself is atomic ([`write_file_atomic`]): a failed export never
//! leaves a half-written file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::file::atomic::{backup_path, parent_dir, write_file_atomic};
use crate::core::file::locate::same_file;
use crate::core::file::lock::lock_path;

/// The files an export must never replace: the open document and its notes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Protected<'a> {
    /// The document file; `None` for the embedded article.
    pub document: Option<&'a Path>,
    /// The review file holding the document's notes (it may not exist yet).
    pub review: Option<&'a Path>,
}

/// Which protected file an output path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProtectedFile {
    /// The open document.
    Document,
    /// Its review file.
    Review,
    /// The review file's backup.
    Backup,
    /// The lock file that lets one writer at a time save the review.
    Lock,
}

/// What kind of thing, other than a regular file, an output path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// A folder.
    Folder,
    /// A named pipe.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device (a terminal, a disk, `/dev/null`).
    Device,
    /// Something the system does not name as any of these.
    Other,
}

impl Special {
    /// The thing in a few words, for messages.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Self::Folder => "a folder",
            Self::Fifo => "a named pipe (FIFO)",
            Self::Socket => "a socket",
            Self::Device => "a device",
            Self::Other => "not a regular file",
        }
    }
}

/// Why an export was not written. Every message says what happened and what
/// to do, and ends with the path; nothing was written.
#[derive(thiserror::Error, Debug)]
pub enum OutputError {
    /// The output path is the document or its notes.
    #[error(
        "the export would replace {}, so nothing was written; choose another file with -o: {}",
        protected_words(*what),
        path.display()
    )]
    Protected {
        /// Which file it is.
        what: ProtectedFile,
        /// The output path as given.
        path: PathBuf,
    },
    /// The output path is not a regular file.
    #[error(
        "the export was not written: this is {}, and Pizhu writes exports only to regular \
         files (use -o - for standard output); choose a file name with -o: {}",
        kind.words(),
        path.display()
    )]
    NotAFile {
        /// What it is.
        kind: Special,
        /// The output path as given.
        path: PathBuf,
    },
    /// The output path is a link to nothing.
    #[error(
        "the export was not written: this is a link to a file that does not exist; \
         fix the link or choose another file with -o: {}",
        path.display()
    )]
    DanglingLink {
        /// The output path as given.
        path: PathBuf,
    },
    /// The folder or the file could not be made or written.
    #[error(
        "could not write the export ({cause}); check that the folder is writable, \
         or choose another file with -o: {}",
        path.display()
    )]
    Write {
        /// The file that could not be written.
        path: PathBuf,
        /// What the system reported.
        cause: io::Error,
    },
}

/// "the open document" and the like.
fn protected_words(what: ProtectedFile) -> &'static str {
    match what {
        ProtectedFile::Document => "the open document",
        ProtectedFile::Review => "the document's notes file",
        ProtectedFile::Backup => "the backup of the document's notes file",
        ProtectedFile::Lock => "the lock file of the document's notes file",
    }
}

/// What [`write_export`] did besides writing the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The file that received the bytes (a link's target when the path was
    /// a link).
    pub file: PathBuf,
    /// The first folder that did not exist and was made for the export.
    pub created_folder: Option<PathBuf>,
}

/// Checks `path` as an export's output and writes `bytes` there atomically.
///
/// # Errors
/// [`OutputError`] when the path is protected, not a regular file, a
/// dangling link, or cannot be written; nothing is written then (a folder
/// made before a failed write is left, empty).
pub fn write_export(
    path: &Path,
    bytes: &[u8],
    protected: Protected<'_>,
) -> Result<Written, OutputError> {
    let file = check_output(path, protected)?;
    let created_folder = first_missing_folder(parent_dir(&file));
    write_file_atomic(&file, bytes).map_err(|cause| OutputError::Write {
        path: path.to_path_buf(),
        cause,
    })?;
    Ok(Written {
        file,
        created_folder,
    })
}

/// The file an export to `path` writes: `path` itself, or a link's target.
///
/// # Errors
/// As [`write_export`], without writing.
pub fn check_output(path: &Path, protected: Protected<'_>) -> Result<PathBuf, OutputError> {
    let given = || path.to_path_buf();
    let file = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(target) => target,
            // `/dev/stdout` in a pipeline links to `pipe:[…]`, which has no
            // path but is there: say what it is, not that it is missing.
            Err(_) => match fs::metadata(path) {
                Ok(meta) => {
                    return Err(OutputError::NotAFile {
                        kind: special(&meta.file_type()).unwrap_or(Special::Other),
                        path: given(),
                    });
                }
                Err(_) => return Err(OutputError::DanglingLink { path: given() }),
            },
        },
        _ => path.to_path_buf(),
    };
    match fs::metadata(&file) {
        Ok(meta) => {
            if let Some(kind) = special(&meta.file_type()) {
                return Err(OutputError::NotAFile {
                    kind,
                    path: given(),
                });
            }
            if let Some(what) = same_as_protected(&meta, protected) {
                return Err(OutputError::Protected {
                    what,
                    path: given(),
                });
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Not there yet: the review file may not exist yet either.
            if let Some(what) = named_protected(&file, protected) {
                return Err(OutputError::Protected {
                    what,
                    path: given(),
                });
            }
        }
        Err(cause) => {
            return Err(OutputError::Write {
                path: given(),
                cause,
            });
        }
    }
    Ok(file)
}

/// What `kind` is when it is not a regular file.
fn special(kind: &fs::FileType) -> Option<Special> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Special::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some(Special::Fifo);
        }
        if kind.is_socket() {
            return Some(Special::Socket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Special::Device);
        }
    }
    Some(Special::Other)
}

/// The protected files in the order they are checked.
fn protected_paths(protected: Protected<'_>) -> Vec<(ProtectedFile, PathBuf)> {
    let mut paths = Vec::with_capacity(3);
    if let Some(doc) = protected.document {
        paths.push((ProtectedFile::Document, doc.to_path_buf()));
    }
    if let Some(review) = protected.review {
        paths.push((ProtectedFile::Review, review.to_path_buf()));
        paths.push((ProtectedFile::Backup, backup_path(review)));
        paths.push((ProtectedFile::Lock, lock_path(review)));
    }
    paths
}

/// Which protected file is the same file as `meta` (device and inode).
fn same_as_protected(meta: &fs::Metadata, protected: Protected<'_>) -> Option<ProtectedFile> {
    protected_paths(protected)
        .into_iter()
        .find(|(_, p)| fs::metadata(p).is_ok_and(|m| same_file(meta, &m)))
        .map(|(what, _)| what)
}

/// Which protected file `file` (which does not exist) would become.
fn named_protected(file: &Path, protected: Protected<'_>) -> Option<ProtectedFile> {
    let wanted = comparable(file);
    protected_paths(protected)
        .into_iter()
        .find(|(_, p)| comparable(p) == wanted)
        .map(|(what, _)| what)
}

/// A path made comparable with another: its folder resolved (links, `..`)
/// when it exists, its name kept.
fn comparable(path: &Path) -> PathBuf {
    let folder = parent_dir(path);
    let folder = fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))
        .unwrap_or_else(|_| folder.to_path_buf());
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// The outermost folder of `dir` that does not exist yet (the first one
/// writing will make), or `None` when `dir` exists.
fn first_missing_folder(dir: &Path) -> Option<PathBuf> {
    if dir.exists() {
        return None;
    }
    let mut missing = dir.to_path_buf();
    while let Some(parent) = missing.parent() {
        if parent.as_os_str().is_empty() || parent.exists() {
            break;
        }
        missing = parent.to_path_buf();
    }
    Some(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Files {
        _dir: tempfile::TempDir,
        root: PathBuf,
        doc: PathBuf,
        review: PathBuf,
    }

    fn files() -> Files {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let doc = root.join("協議.txt");
        let review = root.join("協議.txt.pizhu.json");
        fs::write(&doc, "濟寧市人民政府與省人社廳簽署合作框架協議。\n").unwrap();
        fs::write(&review, "{\"format\": \"pizhu-review\"}\n").unwrap();
        Files {
            _dir: dir,
            root,
            doc,
            review,
        }
    }

    fn protected(f: &Files) -> Protected<'_> {
        Protected {
            document: Some(&f.doc),
            review: Some(&f.review),
        }
    }

    #[test]
    fn the_document_and_its_notes_are_never_replaced() {
        let f = files();
        let before_doc = fs::read(&f.doc).unwrap();
        let before_review = fs::read(&f.review).unwrap();
        for (path, what) in [
            (f.doc.clone(), ProtectedFile::Document),
            (f.review.clone(), ProtectedFile::Review),
            // Through `..` and a link, it is still the same file.
            (
                f.root.join("子").join("..").join("協議.txt"),
                ProtectedFile::Document,
            ),
        ] {
            fs::create_dir_all(f.root.join("子")).unwrap();
            let err = write_export(&path, b"export", protected(&f)).unwrap_err();
            assert!(
                matches!(err, OutputError::Protected { what: w, .. } if w == what),
                "{err}"
            );
            assert!(err.to_string().ends_with(&path.display().to_string()));
        }
        #[cfg(unix)]
        {
            let link = f.root.join("連結.md");
            std::os::unix::fs::symlink(&f.review, &link).unwrap();
            let err = write_export(&link, b"export", protected(&f)).unwrap_err();
            assert!(matches!(err, OutputError::Protected { .. }), "{err}");
            let hard = f.root.join("硬連結.md");
            fs::hard_link(&f.doc, &hard).unwrap();
            let err = write_export(&hard, b"export", protected(&f)).unwrap_err();
            assert!(matches!(err, OutputError::Protected { .. }), "{err}");
        }
        assert_eq!(fs::read(&f.doc).unwrap(), before_doc);
        assert_eq!(fs::read(&f.review).unwrap(), before_review);
    }

    #[test]
    fn the_notes_file_is_protected_before_it_exists() {
        let f = files();
        fs::remove_file(&f.review).unwrap();
        let err = write_export(&f.review, b"export", protected(&f)).unwrap_err();
        assert!(matches!(err, OutputError::Protected { .. }), "{err}");
        assert!(!f.review.exists());
        let bak = backup_path(&f.review);
        let err = write_export(&bak, b"export", protected(&f)).unwrap_err();
        assert!(
            matches!(
                err,
                OutputError::Protected {
                    what: ProtectedFile::Backup,
                    ..
                }
            ),
            "{err}"
        );
        let lock = lock_path(&f.review);
        let err = write_export(&lock, b"export", protected(&f)).unwrap_err();
        assert!(
            matches!(
                err,
                OutputError::Protected {
                    what: ProtectedFile::Lock,
                    ..
                }
            ),
            "{err}"
        );
        assert!(!lock.exists());
    }

    #[test]
    fn only_regular_files_are_replaced() {
        let f = files();
        let err = write_export(&f.root, b"export", protected(&f)).unwrap_err();
        assert!(
            matches!(
                err,
                OutputError::NotAFile {
                    kind: Special::Folder,
                    ..
                }
            ),
            "{err}"
        );
        #[cfg(unix)]
        {
            let err = write_export(Path::new("/dev/null"), b"export", protected(&f)).unwrap_err();
            assert!(
                matches!(
                    err,
                    OutputError::NotAFile {
                        kind: Special::Device,
                        ..
                    }
                ),
                "{err}"
            );
            assert!(err.to_string().contains("-o -"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let f = files();
        let target = f.root.join("報告.md");
        fs::write(&target, "舊報告").unwrap();
        let link = f.root.join("最新.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let written = write_export(&link, "新報告".as_bytes(), protected(&f)).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "新報告");
        assert_eq!(written.file, fs::canonicalize(&target).unwrap());
        // A link to nothing is refused, and stays as it is.
        let dangling = f.root.join("斷了.md");
        std::os::unix::fs::symlink(f.root.join("不存在.md"), &dangling).unwrap();
        let err = write_export(&dangling, b"x", protected(&f)).unwrap_err();
        assert!(matches!(err, OutputError::DanglingLink { .. }), "{err}");
        assert!(!f.root.join("不存在.md").exists());
    }

    #[test]
    fn a_missing_folder_is_made_and_named() {
        let f = files();
        let out = f.root.join("匯出").join("十二月").join("批注.csv");
        let written = write_export(&out, "甲,乙\n".as_bytes(), protected(&f)).unwrap();
        assert_eq!(written.created_folder, Some(f.root.join("匯出")));
        assert_eq!(fs::read_to_string(&out).unwrap(), "甲,乙\n");
        // The second time the folder is there: nothing to say.
        let again = write_export(&out, "丙\n".as_bytes(), protected(&f)).unwrap();
        assert_eq!(again.created_folder, None);
    }
}
