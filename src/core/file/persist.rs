//! Opening and saving a review file without ever losing notes.
//!
//! Where the file lives is [`locate`](crate::core::file::locate)'s; every
//! save is atomic and keeps the previous version as a backup
//! ([`atomic`](crate::core::file::atomic)), holds the file's write lock
//! from re-reading it to renaming the new one over it
//! ([`lock`](crate::core::file::lock)), and keeps the file the user's: its
//! mode, owner and symbolic link are kept, and a read-only file is never
//! replaced ([`keep`](crate::core::file::keep)).
//!
//! **Bad files never cost data.** A review file that cannot be read puts
//! the session in [`Mode::Broken`]: nothing is saved over it until the user
//! chooses to start a new notes file, which moves the broken one aside
//! under a new name. A file from a newer version is opened read-only. And
//! before every save the file on disk is compared with what was last read
//! or written: if another window or a sync tool changed it, the two are
//! merged ([`merge_copies`](merge::merge_copies)) and the caller is told, never overwritten.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::core::file::atomic::{
    TempFile, backup_path, keep_backup, parent_dir, remove_stray_temps, sync_dir,
};
use crate::core::file::keep::{Keep, KeepError, is_read_only, write_target};
use crate::core::file::locate::{data_dir_or_temp, find_review_in, review_path_in, update_index};
use crate::core::file::lock::{self, LOCK_WAIT, LockError, WriteLock, lock_path};
use crate::core::file::merge;
use crate::core::file::review::{Parsed, ReviewFile};
use crate::core::text::document::Document;

pub use crate::core::file::error::{PersistError, Unreadable};

/// What a session may do with its review file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Read and saved normally (the file may not exist yet).
    ReadWrite,
    /// The file is read-only (no write permission): shown, never saved
    /// over; the notes can be saved to another file ([`save_as`]).
    ReadOnlyFile,
    /// Written by a newer Pizhu: shown, never saved.
    ReadOnlyNewer {
        /// The file's format version.
        version: u32,
    },
    /// The file could not be read: autosave is off and the file is left
    /// alone until [`start_new_notes_file`] moves it aside.
    Broken {
        /// Why.
        error: Unreadable,
    },
}

/// A review file's bytes as last read or written, to notice changes by others.
///
/// The bytes themselves, not a hash: comparing a few megabytes is faster than
/// hashing them twice per save, and exact.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fingerprint {
    bytes: Vec<u8>,
}

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        Self {
            bytes: bytes.to_vec(),
        }
    }
}

/// An open review file: where it is, what may be done with it, and what it
/// held when last read or written.
#[derive(Clone, Debug)]
pub struct ReviewSession {
    /// The review file.
    pub path: PathBuf,
    /// Whether it is saved, read-only or broken.
    pub mode: Mode,
    /// The file as last read or written; `None` when there was no file.
    seen: Option<Fingerprint>,
    /// Its contents then, the common ancestor for merging; `None` when
    /// unknown (no file, or not readable by this version).
    base: Option<ReviewFile>,
    /// The data folder, for the index.
    data: PathBuf,
    /// The opened document's raw and clean hashes, recorded in the index
    /// beside the review's own so that an edited document finds it too.
    doc_hashes: [String; 2],
}

impl ReviewSession {
    /// True when changes are saved (not read-only, not broken).
    #[must_use]
    pub fn is_writable(&self) -> bool {
        self.mode == Mode::ReadWrite
    }

    /// True when the file on disk is no longer what this session last read
    /// or wrote: another window or a sync tool changed, made or deleted it.
    /// [`save`] merges such changes by itself; this lets the UI notice them
    /// sooner (for example when the window gets focus).
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        match read_review(&self.path) {
            Ok(bytes) => self.seen.as_ref().is_none_or(|seen| seen.bytes != bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => self.seen.is_some(),
            Err(_) => false,
        }
    }
}

/// The bytes of the review file at `path`, read as every input is
/// (regular files only, within the size limit: `core/input.rs`).
fn read_review(path: &Path) -> io::Result<Vec<u8>> {
    crate::core::input::read_input(path, crate::core::input::InputKind::Review)
        .map_err(io::Error::from)
}

/// What a successful [`save`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// The review was written.
    Saved,
    /// Nothing changed since the last read or write; nothing was written
    /// (so the backup still holds the version before).
    Unchanged,
    /// The file had been changed by someone else; both were merged and the
    /// merged review written. The caller should show the counts and take
    /// `review` as its notes (e.g. `ReviewStore::replace_review`).
    Merged(Box<merge::Merge>),
}

/// Opens the review of `doc`: the file at `explicit` (the `--notes`
/// option) if given, else the one [`find_review`] finds, else a new one at
/// [`review_path_for`]. Never fails: a missing file gives an empty review
/// (the file is created on first save), an unreadable one an empty review
/// in [`Mode::Broken`], a newer one its notes in [`Mode::ReadOnlyNewer`],
/// a read-only one its notes in [`Mode::ReadOnlyFile`].
#[must_use]
pub fn open_review(doc: &Document, explicit: Option<&Path>) -> (ReviewSession, ReviewFile) {
    open_review_in(doc, explicit, data_dir_or_temp())
}

/// [`open_review`] with the data folder given.
fn open_review_in(
    doc: &Document,
    explicit: Option<&Path>,
    data: PathBuf,
) -> (ReviewSession, ReviewFile) {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => find_review_in(doc, &data).unwrap_or_else(|| review_path_in(doc, &data)),
    };
    let mut session = ReviewSession {
        path,
        mode: Mode::ReadWrite,
        seen: None,
        base: None,
        data,
        doc_hashes: [doc.raw_sha256.clone(), doc.clean_sha256.clone()],
    };
    let bytes = match read_review(&session.path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return (session, ReviewFile::new(doc));
        }
        Err(cause) => {
            session.mode = Mode::Broken {
                error: Unreadable::Read {
                    path: session.path.clone(),
                    kind: cause.kind(),
                    detail: cause.to_string(),
                },
            };
            return (session, ReviewFile::new(doc));
        }
    };
    session.seen = Some(Fingerprint::of(&bytes));
    match ReviewFile::parse(&bytes) {
        Ok(Parsed::Current(review)) => {
            session.base = Some(review.clone());
            if is_read_only(&session.path) {
                session.mode = Mode::ReadOnlyFile;
            }
            (session, review)
        }
        Ok(Parsed::Newer(review)) => {
            session.mode = Mode::ReadOnlyNewer {
                version: review.version,
            };
            (session, review)
        }
        Err(e) => {
            session.mode = Mode::Broken {
                error: Unreadable::Damaged(e.with_path(&session.path)),
            };
            (session, ReviewFile::new(doc))
        }
    }
}

/// Saves `review` to the session's file, atomically, keeping the previous
/// version as `NAME.pizhu.json.bak`; [`save_waiting`] with [`LOCK_WAIT`].
///
/// # Errors
/// As [`save_waiting`].
pub fn save(session: &mut ReviewSession, review: &ReviewFile) -> Result<SaveOutcome, PersistError> {
    save_waiting(session, review, LOCK_WAIT)
}

/// Saves `review` to the session's file, atomically, keeping the previous
/// version as `NAME.pizhu.json.bak`, holding the file's write lock
/// (waiting up to `wait` for another writer) from reading the file to
/// renaming the new one over it. Temporary files that killed saves left
/// beside it are removed.
///
/// If the file changed on disk since the session last read or wrote it,
/// the two are merged first (see [`merge_copies`](merge::merge_copies); notes deleted in this
/// session stay deleted because the session remembers what it last read)
/// and [`SaveOutcome::Merged`] returns the merged review for the caller to
/// adopt. A file that became unreadable, newer or read-only is left alone
/// and the session's mode changes accordingly. A symbolic link is written
/// through to its target; the file keeps its mode and owner.
///
/// # Errors
///
/// [`PersistError::Broken`], [`PersistError::ReadOnly`] and
/// [`PersistError::ReadOnlyFile`] when the mode or the file forbids
/// saving; [`PersistError::ChangedUnreadable`] and
/// [`PersistError::ChangedNewer`] when the file changed into something
/// this version must not overwrite; [`PersistError::Owner`] when its owner
/// cannot be kept; [`PersistError::Locked`] and [`PersistError::Lock`]
/// when the lock cannot be had; [`PersistError::Read`],
/// [`PersistError::Write`] and [`PersistError::Serialize`] when the disk
/// fails. The file on disk is unchanged after any error.
pub fn save_waiting(
    session: &mut ReviewSession,
    review: &ReviewFile,
    wait: Duration,
) -> Result<SaveOutcome, PersistError> {
    match &session.mode {
        Mode::ReadWrite => {}
        Mode::ReadOnlyFile => {
            if is_read_only(&session.path) {
                return Err(PersistError::ReadOnlyFile {
                    path: session.path.clone(),
                });
            }
            // The user made it writable again: save as usual.
            session.mode = Mode::ReadWrite;
        }
        Mode::ReadOnlyNewer { version } => {
            return Err(PersistError::ReadOnly {
                version: *version,
                path: session.path.clone(),
            });
        }
        Mode::Broken { .. } => {
            return Err(PersistError::Broken {
                path: session.path.clone(),
            });
        }
    }
    let path = session.path.clone();
    let (target, lock) = lock_for_writing(&path, wait)?;
    let outcome = save_locked(session, review, &path, &target)?;
    drop(lock);

    if outcome != SaveOutcome::Unchanged {
        update_index_for(session, review, &outcome, &path);
    }
    Ok(outcome)
}

/// Saves `review` to another file, `path`, which is the session's file
/// from then on: "Save notes as…" for notes whose file is read-only or
/// cannot be written. Notes already in a review file at `path` are merged
/// with, never overwritten ([`SaveOutcome::Merged`]).
///
/// # Errors
/// As [`save`], for the file at `path`; the session is unchanged then and
/// nothing was written.
pub fn save_as(
    session: &mut ReviewSession,
    review: &ReviewFile,
    path: &Path,
) -> Result<SaveOutcome, PersistError> {
    let mut moved = ReviewSession {
        path: path.to_path_buf(),
        mode: Mode::ReadWrite,
        seen: None,
        base: None,
        data: session.data.clone(),
        doc_hashes: session.doc_hashes.clone(),
    };
    let outcome = save(&mut moved, review)?;
    *session = moved;
    Ok(outcome)
}

/// The file a save of `path` writes (the target of a symbolic link), with
/// its folder made and its write lock held; stray temporary files of
/// killed saves are removed under the lock.
fn lock_for_writing(path: &Path, wait: Duration) -> Result<(PathBuf, WriteLock), PersistError> {
    let target = write_target(path).map_err(|cause| PersistError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    fs::create_dir_all(parent_dir(&target)).map_err(|cause| PersistError::Write {
        path: target.clone(),
        cause,
    })?;
    let lock = lock::lock(&target, wait).map_err(|e| match e {
        LockError::Busy { waited } => PersistError::Locked {
            waited,
            lock: lock_path(&target),
            path: path.to_path_buf(),
        },
        LockError::Io(cause) => PersistError::Lock {
            path: lock_path(&target),
            cause,
        },
    })?;
    if lock.is_held() {
        remove_stray_temps(&target);
    }
    Ok((target, lock))
}

/// The part of [`save_waiting`] done under the lock: read the file at
/// `target` (the session's `path` or its link's target), merge, write.
fn save_locked(
    session: &mut ReviewSession,
    review: &ReviewFile,
    path: &Path,
    target: &Path,
) -> Result<SaveOutcome, PersistError> {
    let disk = match read_review(target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(cause) => {
            return Err(PersistError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    if disk.is_some() && is_read_only(target) {
        session.mode = Mode::ReadOnlyFile;
        return Err(PersistError::ReadOnlyFile {
            path: path.to_path_buf(),
        });
    }
    let unchanged_on_disk = disk.as_deref() == session.seen.as_ref().map(|s| s.bytes.as_slice());

    // Changed on disk: merge with it, unless it vanished (then there is
    // nothing to lose by writing ours).
    let mut merged = None;
    if !unchanged_on_disk && let Some(bytes) = &disk {
        match ReviewFile::parse(bytes) {
            Ok(Parsed::Current(theirs)) => {
                let m = merge::merge_copies(session.base.as_ref(), review, &theirs);
                if m.review == theirs {
                    // The disk already holds the merged notes (say, another
                    // window made the same change): adopt it without a
                    // write, so the backup keeps the truly previous version.
                    session.seen = Some(Fingerprint::of(bytes));
                    session.base = Some(theirs);
                    return Ok(SaveOutcome::Merged(Box::new(m)));
                }
                merged = Some(m);
            }
            Ok(Parsed::Newer(theirs)) => {
                session.mode = Mode::ReadOnlyNewer {
                    version: theirs.version,
                };
                return Err(PersistError::ChangedNewer {
                    version: theirs.version,
                    path: path.to_path_buf(),
                });
            }
            Err(e) => {
                session.mode = Mode::Broken {
                    error: Unreadable::Damaged(e.clone().with_path(path)),
                };
                return Err(PersistError::ChangedUnreadable {
                    reason: e,
                    path: path.to_path_buf(),
                });
            }
        }
    }
    let to_write = merged.as_ref().map_or(review, |m| &m.review);
    if unchanged_on_disk && disk.is_some() && session.base.as_ref() == Some(to_write) {
        return Ok(SaveOutcome::Unchanged);
    }

    let text = to_write
        .try_to_json()
        .map_err(|e| PersistError::Serialize {
            message: e.to_string(),
            path: path.to_path_buf(),
        })?;
    write_review(target, path, disk.as_deref(), text.as_bytes())?;

    session.seen = Some(Fingerprint::of(text.as_bytes()));
    session.base = Some(to_write.clone());
    Ok(match merged {
        Some(m) => SaveOutcome::Merged(Box::new(m)),
        None => SaveOutcome::Saved,
    })
}

/// Records the review at `path` in the data folder's index under its
/// document's hashes. The index only helps find notes after a move; a
/// failure to update it must not turn a successful save into an error.
fn update_index_for(
    session: &ReviewSession,
    review: &ReviewFile,
    outcome: &SaveOutcome,
    path: &Path,
) {
    let written = match outcome {
        SaveOutcome::Merged(m) => &m.review,
        SaveOutcome::Saved | SaveOutcome::Unchanged => review,
    };
    let mut hashes: Vec<&str> = vec![
        &written.document.raw_sha256,
        &written.document.clean_sha256,
        &session.doc_hashes[0],
        &session.doc_hashes[1],
    ];
    hashes.retain(|h| !h.is_empty());
    hashes.sort_unstable();
    hashes.dedup();
    let _ = update_index(&session.data, &hashes, path);
}

/// Writes the new review over `target` (the session's `path`, or the file
/// its link points to) and, when there was a file, its backup: the new
/// file is made and filled first, with the old file's mode and owner, then
/// the backup, then the rename. Errors name `path` when about the review.
fn write_review(
    target: &Path,
    path: &Path,
    previous: Option<&[u8]>,
    new: &[u8],
) -> Result<(), PersistError> {
    let fail = |p: &Path| {
        let p = p.to_path_buf();
        move |cause| PersistError::Write { path: p, cause }
    };
    let keep = match previous {
        Some(_) => Some(Keep::of(&fs::metadata(target).map_err(|cause| {
            PersistError::Read {
                path: path.to_path_buf(),
                cause,
            }
        })?)),
        None => None,
    };
    let mut temp = TempFile::create(target).map_err(fail(path))?;
    if let Some(keep) = &keep {
        keep.apply(temp.file().map_err(fail(path))?)
            .map_err(|e| match e {
                KeepError::Owner { uid } => PersistError::Owner {
                    uid,
                    path: path.to_path_buf(),
                },
                KeepError::Io(cause) => PersistError::Write {
                    path: path.to_path_buf(),
                    cause,
                },
            })?;
    }
    temp.file()
        .and_then(|f| f.write_all(new))
        .map_err(fail(path))?;
    if let (Some(old), Some(keep)) = (previous, keep) {
        let bak = backup_path(target);
        keep_backup(target, &bak, old, |f| {
            keep.apply(f).map_err(|e| match e {
                KeepError::Owner { .. } => io::Error::from(io::ErrorKind::PermissionDenied),
                KeepError::Io(e) => e,
            })
        })
        .map_err(fail(&bak))?;
    }
    temp.commit().map_err(fail(path))
}

/// Moves a broken review file aside as `NAME.pizhu.broken-YYYYMMDDTHHMMSSZ.json`
/// and switches the session to [`Mode::ReadWrite`] with no file, so the
/// next save starts a new one. Returns where the broken file went, or
/// `None` when it was no longer there.
///
/// # Errors
///
/// [`PersistError::NotBroken`] if the session is not [`Mode::Broken`];
/// [`PersistError::Move`] if the file cannot be renamed (nothing changes).
pub fn start_new_notes_file(session: &mut ReviewSession) -> Result<Option<PathBuf>, PersistError> {
    start_new_notes_file_waiting(session, LOCK_WAIT)
}

/// [`start_new_notes_file`], waiting up to `wait` for the file's write lock:
/// the file is checked again and moved under the lock, so a good file
/// another window wrote meanwhile is never set aside as broken.
///
/// # Errors
/// As [`start_new_notes_file`], and [`PersistError::Locked`] or
/// [`PersistError::Lock`] when the lock cannot be had.
pub fn start_new_notes_file_waiting(
    session: &mut ReviewSession,
    wait: Duration,
) -> Result<Option<PathBuf>, PersistError> {
    if !matches!(session.mode, Mode::Broken { .. }) {
        return Err(PersistError::NotBroken {
            path: session.path.clone(),
        });
    }
    let (target, lock) = lock_for_writing(&session.path, wait)?;
    let now = read_review(&target).ok();
    if let Some(bytes) = &now
        && session
            .seen
            .as_ref()
            .is_none_or(|seen| seen.bytes != *bytes)
        && matches!(ReviewFile::parse(bytes), Ok(Parsed::Current(_)))
    {
        // Someone replaced the broken file with a good one meanwhile: keep
        // it; the next save merges with it (nothing was read from it yet).
        drop(lock);
        session.mode = Mode::ReadWrite;
        session.seen = None;
        session.base = None;
        return Ok(None);
    }
    let stamp: String = crate::core::notes::note::now_utc()
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let moved = match free_broken_name(&target, &stamp) {
        Some(aside) => match fs::rename(&target, &aside) {
            Ok(()) => {
                sync_dir(parent_dir(&target));
                Some(aside)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(cause) => {
                return Err(PersistError::Move {
                    path: session.path.clone(),
                    cause,
                });
            }
        },
        None => {
            return Err(PersistError::Move {
                path: session.path.clone(),
                cause: io::Error::new(io::ErrorKind::AlreadyExists, "every new name is taken"),
            });
        }
    };
    drop(lock);
    session.mode = Mode::ReadWrite;
    session.seen = None;
    session.base = None;
    Ok(moved)
}

/// A name for the broken file that is not taken: `NAME.pizhu.broken-STAMP.json`
/// (or `-2`, `-3`… after the stamp when several break within a second).
fn free_broken_name(path: &Path, stamp: &str) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (stem, ext) = match name.strip_suffix(".json") {
        Some(stem) => (stem.to_owned(), ".json"),
        None => (name, ""),
    };
    (1..1000)
        .map(|n| {
            let tag = if n == 1 {
                stamp.to_owned()
            } else {
                format!("{stamp}-{n}")
            };
            path.with_file_name(format!("{stem}.broken-{tag}{ext}"))
        })
        .find(|p| fs::symlink_metadata(p).is_err())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::file::locate::{INDEX_FORMAT, load_index};
    use crate::core::notes::note::{Note, Target};
    use serde_json::Value;
    use tempfile::TempDir;

    /// A document file in a fresh folder, and a separate data folder.
    struct Setup {
        _dir: TempDir,
        docs: PathBuf,
        data: PathBuf,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("文件");
        let data = dir.path().join("資料");
        fs::create_dir_all(&docs).unwrap();
        Setup {
            _dir: dir,
            docs,
            data,
        }
    }

    fn write_doc(dir: &Path, name: &str, text: &str) -> Document {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        Document::open(&path).unwrap()
    }

    const TEXT: &str = "濟寧市政府與省人社廳簽署合作框架協議。\n雙方將在人才引進方面加強合作。\n";

    fn open(doc: &Document, explicit: Option<&Path>, data: &Path) -> (ReviewSession, ReviewFile) {
        open_review_in(doc, explicit, data.to_path_buf())
    }

    fn note(doc: &Document, id: &str, body: &str, modified: &str) -> Note {
        let mut n = Note::new(Target::range(doc, 0, 5), body.into(), "審稿人".into());
        n.id = id.into();
        n.modified = modified.into();
        n
    }

    #[test]
    fn sidecar_next_to_a_document_in_a_writable_folder() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        assert_eq!(
            review_path_in(&doc, &s.data),
            s.docs.join("文章.txt.pizhu.json")
        );
        let (session, review) = open(&doc, None, &s.data);
        assert_eq!(session.path, s.docs.join("文章.txt.pizhu.json"));
        assert_eq!(session.mode, Mode::ReadWrite);
        assert!(review.notes.is_empty());
        assert!(!session.path.exists(), "created on first save only");
    }

    #[test]
    fn embedded_article_notes_live_in_the_data_folder() {
        let s = setup();
        let doc = Document::embedded();
        let (mut session, mut review) = open(&doc, None, &s.data);
        assert!(session.path.starts_with(s.data.join("reviews")));
        review
            .notes
            .push(note(&doc, "甲", "日期", "2026-01-01T00:00:00Z"));
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        let (again, loaded) = open(&doc, None, &s.data);
        assert_eq!(again.path, session.path);
        assert_eq!(loaded, review);
    }

    #[test]
    fn save_then_load_keeps_everything_including_unknown_fields() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        let mut n = note(
            &doc,
            "甲",
            "「濟寧市」應為全稱\n第二行",
            "2026-01-01T00:00:00Z",
        );
        n.tags = vec!["用詞".into(), "待查".into()];
        n.extra.insert("x-優先".into(), Value::from(3));
        n.target
            .extra
            .insert("x-選擇器".into(), serde_json::json!({"種類": "自訂"}));
        review.notes.push(n);
        review
            .extra
            .insert("x-工具".into(), Value::from("別的工具"));
        review
            .document
            .extra
            .insert("x-版本".into(), Value::from("初稿"));
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        let (session2, loaded) = open(&doc, None, &s.data);
        assert_eq!(session2.mode, Mode::ReadWrite);
        assert_eq!(loaded, review);
        // Saving what was loaded writes the same bytes.
        let before = fs::read(&session.path).unwrap();
        let mut session2 = session2;
        assert_eq!(
            save(&mut session2, &loaded).unwrap(),
            SaveOutcome::Unchanged
        );
        assert_eq!(fs::read(&session.path).unwrap(), before);
    }

    #[test]
    fn ten_thousand_notes_round_trip() {
        let s = setup();
        let doc = Document::embedded();
        let (mut session, mut review) = open(&doc, None, &s.data);
        let len = doc.char_len();
        for i in 0..10_000usize {
            let start = (i * 7919) % len;
            let end = (start + 1 + i % 40).min(len);
            let mut n = Note::new(
                Target::range(&doc, start, end),
                format!("第{i}條批注"),
                "審稿人".into(),
            );
            n.tags = vec![format!("標籤{}", i % 13)];
            if i % 97 == 0 {
                n.extra.insert("x-序號".into(), Value::from(i));
            }
            review.notes.push(n);
        }
        save(&mut session, &review).unwrap();
        let (_, loaded) = open(&doc, None, &s.data);
        assert_eq!(loaded.notes.len(), 10_000);
        assert_eq!(loaded, review);
    }

    #[test]
    fn backup_holds_the_previous_version() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "第一版", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        assert!(
            !backup_path(&session.path).exists(),
            "no previous version yet"
        );
        let first = fs::read(&session.path).unwrap();
        review.notes[0].body = "第二版".into();
        save(&mut session, &review).unwrap();
        assert_eq!(fs::read(backup_path(&session.path)).unwrap(), first);
        assert_eq!(
            backup_path(&session.path),
            s.docs.join("文章.txt.pizhu.json.bak")
        );
        // No temporary files are left behind: the document, its notes, the
        // backup and the (empty) lock file.
        let mut names: Vec<String> = fs::read_dir(&s.docs)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "文章.txt",
                "文章.txt.pizhu.json",
                "文章.txt.pizhu.json.bak",
                "文章.txt.pizhu.json.lock"
            ]
        );
    }

    #[test]
    fn a_half_written_temp_file_never_replaces_the_good_file() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "完好", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        // A crash mid-save leaves a partial temp file next to the good one.
        let good = fs::read(&session.path).unwrap();
        let mut partial = session.path.as_os_str().to_os_string();
        partial.push(".999-0-0.tmp");
        fs::write(&partial, &good[..good.len() / 2]).unwrap();
        let (again, loaded) = open(&doc, None, &s.data);
        assert_eq!(again.mode, Mode::ReadWrite);
        assert_eq!(loaded, review);
    }

    #[test]
    fn a_failing_save_reports_and_leaves_the_file_unchanged() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "第一版", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        let before = fs::read(&session.path).unwrap();
        // A folder where the backup goes makes the save fail before the
        // main file is touched.
        fs::create_dir(backup_path(&session.path)).unwrap();
        review.notes[0].body = "第二版".into();
        let err = save(&mut session, &review).unwrap_err();
        assert!(matches!(err, PersistError::Write { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.starts_with("cannot save the notes: "), "{msg}");
        assert!(msg.contains("the notes file on disk is unchanged"), "{msg}");
        assert!(msg.ends_with(".bak"), "{msg}");
        assert_eq!(fs::read(&session.path).unwrap(), before);
        // Once the way is clear, saving works and nothing was lost.
        fs::remove_dir(backup_path(&session.path)).unwrap();
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        assert_eq!(open(&doc, None, &s.data).1, review);
    }

    #[test]
    fn a_malformed_file_is_broken_and_never_overwritten() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let path = s.docs.join("文章.txt.pizhu.json");
        let bad = "{\n  \"format\": \"pizhu-review\",\n  \"version\": 1\n  \"document\": {}\n}\n";
        fs::write(&path, bad).unwrap();
        let (mut session, mut review) = open(&doc, None, &s.data);
        assert_eq!(session.path, path);
        let Mode::Broken { error } = &session.mode else {
            panic!("{:?}", session.mode);
        };
        let error = error.to_string();
        assert!(error.contains("line 4, column 3"), "{error}");
        assert!(error.contains("start a new notes file"), "{error}");
        assert!(error.ends_with(&path.display().to_string()), "{error}");
        assert!(!session.is_writable());
        assert!(review.notes.is_empty());

        review
            .notes
            .push(note(&doc, "甲", "新批注", "2026-01-01T00:00:00Z"));
        let err = save(&mut session, &review).unwrap_err();
        assert!(matches!(err, PersistError::Broken { .. }), "{err:?}");
        assert!(err.to_string().ends_with(&path.display().to_string()));
        assert_eq!(fs::read_to_string(&path).unwrap(), bad);

        // The user starts a new notes file: the broken one is kept aside.
        let moved = start_new_notes_file(&mut session).unwrap().unwrap();
        let moved_name = moved.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            moved_name.starts_with("文章.txt.pizhu.broken-"),
            "{moved_name}"
        );
        assert!(moved_name.ends_with("Z.json"), "{moved_name}");
        assert_eq!(
            moved_name.len(),
            "文章.txt.pizhu.broken-20260101T000000Z.json".len()
        );
        assert_eq!(fs::read_to_string(&moved).unwrap(), bad);
        assert_eq!(session.mode, Mode::ReadWrite);
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        assert_eq!(open(&doc, None, &s.data).1, review);
        assert!(
            !backup_path(&path).exists(),
            "the broken file is not the backup"
        );
        assert!(matches!(
            start_new_notes_file(&mut session),
            Err(PersistError::NotBroken { .. })
        ));
    }

    #[test]
    fn a_newer_version_is_read_only() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let mut newer = ReviewFile::new(&doc);
        newer.version = 2;
        newer
            .notes
            .push(note(&doc, "甲", "新版寫的", "2026-01-01T00:00:00Z"));
        newer.extra.insert("新東西".into(), Value::from(true));
        let path = s.docs.join("文章.txt.pizhu.json");
        let text = newer.to_json();
        fs::write(&path, &text).unwrap();
        let (mut session, review) = open(&doc, None, &s.data);
        assert_eq!(session.mode, Mode::ReadOnlyNewer { version: 2 });
        assert_eq!(review, newer, "its notes are shown");
        let err = save(&mut session, &review).unwrap_err();
        assert!(
            matches!(err, PersistError::ReadOnly { version: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        assert!(start_new_notes_file(&mut session).is_err());
    }

    #[test]
    fn changes_on_disk_are_merged_not_overwritten() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut first, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "共同", "2026-01-01T00:00:00Z"));
        review
            .notes
            .push(note(&doc, "乙", "我會刪掉", "2026-01-01T00:00:00Z"));
        save(&mut first, &review).unwrap();

        // Another window opens the same file, adds a note and edits 甲 later.
        let (mut other, mut theirs) = open(&doc, None, &s.data);
        theirs
            .notes
            .push(note(&doc, "丙", "另一個視窗", "2026-01-02T00:00:00Z"));
        theirs.notes[0].body = "他的較新修改".into();
        theirs.notes[0].modified = "2026-01-03T00:00:00Z".into();
        assert!(!first.changed_on_disk());
        save(&mut other, &theirs).unwrap();
        assert!(first.changed_on_disk());

        // This window edited 甲 earlier, deleted 乙 and added 丁.
        review.notes[0].body = "我的較舊修改".into();
        review.notes[0].modified = "2026-01-02T12:00:00Z".into();
        review.notes.remove(1);
        review
            .notes
            .push(note(&doc, "丁", "這個視窗", "2026-01-02T00:00:00Z"));
        let disk_before = fs::read(&first.path).unwrap();
        let SaveOutcome::Merged(m) = save(&mut first, &review).unwrap() else {
            panic!("not merged");
        };
        let bodies: Vec<&str> = m.review.notes.iter().map(|n| n.body.as_str()).collect();
        assert_eq!(bodies, ["他的較新修改", "這個視窗", "另一個視窗"]);
        assert_eq!((m.added_from_disk, m.updated_from_disk), (1, 1));
        assert_eq!(open(&doc, None, &s.data).1, m.review);
        assert_eq!(fs::read(backup_path(&first.path)).unwrap(), disk_before);
        assert!(!first.changed_on_disk());

        // The other window now merges this window's changes in turn.
        let SaveOutcome::Merged(m2) = save(&mut other, &theirs).unwrap() else {
            panic!("not merged");
        };
        let ids = |r: &ReviewFile| {
            let mut v: Vec<Note> = r.notes.clone();
            v.sort_by(|a, b| a.id.cmp(&b.id));
            v
        };
        assert_eq!(ids(&m2.review), ids(&m.review), "both windows agree");
        assert_eq!(
            m2.removed_from_disk, 1,
            "乙 was deleted by the first window"
        );
    }

    #[test]
    fn a_merge_that_matches_the_disk_writes_nothing() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut first, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "第一版", "2026-01-01T00:00:00Z"));
        save(&mut first, &review).unwrap();
        review.notes[0].body = "第二版".into();
        save(&mut first, &review).unwrap();
        // Another window adds a note; this window has nothing new.
        let (mut other, mut theirs) = open(&doc, None, &s.data);
        theirs
            .notes
            .push(note(&doc, "乙", "他的", "2026-01-02T00:00:00Z"));
        save(&mut other, &theirs).unwrap();
        let bak = fs::read(backup_path(&first.path)).unwrap();
        let main = fs::read(&first.path).unwrap();
        let SaveOutcome::Merged(m) = save(&mut first, &review).unwrap() else {
            panic!("the other window's note is taken in");
        };
        assert_eq!(m.review, theirs);
        assert_eq!(m.added_from_disk, 1);
        assert_eq!(fs::read(&first.path).unwrap(), main, "not rewritten");
        assert_eq!(fs::read(backup_path(&first.path)).unwrap(), bak);
        assert!(!first.changed_on_disk());
        assert_eq!(save(&mut first, &m.review).unwrap(), SaveOutcome::Unchanged);
    }

    #[test]
    fn a_file_broken_by_another_program_is_left_alone() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "第一版", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        fs::write(&session.path, "{ 同步衝突").unwrap();
        review.notes[0].body = "第二版".into();
        let err = save(&mut session, &review).unwrap_err();
        assert!(
            matches!(err, PersistError::ChangedUnreadable { .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("line 1"), "{err}");
        assert!(matches!(session.mode, Mode::Broken { .. }));
        assert_eq!(fs::read_to_string(&session.path).unwrap(), "{ 同步衝突");
    }

    #[test]
    fn a_file_deleted_by_another_program_is_written_again() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "保留", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        fs::remove_file(&session.path).unwrap();
        assert!(session.changed_on_disk());
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        assert_eq!(open(&doc, None, &s.data).1, review);
    }

    #[test]
    fn explicit_notes_path_is_created_when_missing() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let explicit = s.docs.join("子資料夾").join("我的批注.json");
        let (mut session, mut review) = open(&doc, Some(&explicit), &s.data);
        assert_eq!(session.path, explicit);
        review
            .notes
            .push(note(&doc, "甲", "指定位置", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        assert!(explicit.is_file());
        assert_eq!(open(&doc, Some(&explicit), &s.data).1, review);
        // The broken-file name of an arbitrary `.json` keeps its extension.
        let aside = free_broken_name(&explicit, "20260101T000000Z").unwrap();
        assert_eq!(
            aside.file_name().unwrap(),
            "我的批注.broken-20260101T000000Z.json"
        );
    }

    #[test]
    fn a_moved_and_renamed_document_finds_its_notes_by_hash() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "跟著文件走", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        let sidecar = session.path.clone();

        let elsewhere = s.docs.parent().unwrap().join("別處");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::rename(s.docs.join("文章.txt"), elsewhere.join("改名.txt")).unwrap();
        let moved = Document::open(&elsewhere.join("改名.txt")).unwrap();
        assert_eq!(find_review_in(&moved, &s.data), Some(sidecar.clone()));
        let (session2, loaded) = open(&moved, None, &s.data);
        assert_eq!(session2.path, sidecar);
        assert_eq!(loaded, review);
        // A document that is not the same is not given these notes.
        let other = write_doc(&elsewhere, "另一篇.txt", "完全不同的內容。\n");
        assert_eq!(find_review_in(&other, &s.data), None);
    }

    #[test]
    fn without_the_index_the_data_folder_is_searched() {
        let s = setup();
        let doc = Document::embedded();
        let (mut session, mut review) = open(&doc, None, &s.data);
        review
            .notes
            .push(note(&doc, "甲", "資料夾裡", "2026-01-01T00:00:00Z"));
        save(&mut session, &review).unwrap();
        let index = s.data.join("reviews").join("index.json");
        assert!(index.is_file());
        fs::write(&index, "壞掉的索引").unwrap();
        // The file under another name in reviews/ is found by its hashes.
        let renamed = s.data.join("reviews").join("舊名字.pizhu.json");
        fs::rename(&session.path, &renamed).unwrap();
        assert_eq!(find_review_in(&doc, &s.data), Some(renamed.clone()));
        // Saving repairs the index.
        let (mut again, loaded) = open(&doc, None, &s.data);
        assert_eq!(again.path, renamed);
        let mut changed = loaded.clone();
        changed.notes[0].body = "改過".into();
        save(&mut again, &changed).unwrap();
        let idx = load_index(&s.data).unwrap();
        assert_eq!(idx.format, INDEX_FORMAT);
        let abs = std::path::absolute(&renamed).unwrap();
        assert_eq!(
            idx.reviews.get(&doc.clean_sha256).map(PathBuf::from),
            Some(abs)
        );
    }

    #[test]
    fn an_unreadable_path_is_broken_not_lost() {
        let s = setup();
        let doc = write_doc(&s.docs, "文章.txt", TEXT);
        let folder = s.docs.join("是資料夾.pizhu.json");
        fs::create_dir(&folder).unwrap();
        let (mut session, review) = open(&doc, Some(&folder), &s.data);
        let Mode::Broken { error } = &session.mode else {
            panic!("{:?}", session.mode);
        };
        let error = error.to_string();
        assert!(error.ends_with(&folder.display().to_string()), "{error}");
        assert!(save(&mut session, &review).is_err());
        assert!(folder.is_dir());
    }
}

/// One writer at a time, and the file stays the user's.
#[cfg(test)]
#[cfg(unix)]
mod keep_tests {
    use super::*;
    use crate::core::notes::note::{Note, Target};
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, chown, symlink};

    const TEXT: &str = "濟寧市政府與省人社廳簽署合作框架協議。\n雙方將在人才引進方面加強合作。\n";

    /// A document in a fresh folder, its notes at `NAME.pizhu.json` with one
    /// note saved.
    fn saved() -> (tempfile::TempDir, Document, ReviewSession, ReviewFile) {
        let dir = tempfile::tempdir().unwrap();
        let doc_path = dir.path().join("文章.txt");
        fs::write(&doc_path, TEXT).unwrap();
        let doc = Document::open(&doc_path).unwrap();
        let (mut session, mut review) = open_review_in(&doc, None, dir.path().join("資料"));
        review.notes.push(note(&doc, "甲", "第一版"));
        save(&mut session, &review).unwrap();
        (dir, doc, session, review)
    }

    fn note(doc: &Document, id: &str, body: &str) -> Note {
        let mut n = Note::new(Target::range(doc, 0, 5), body.into(), "審稿人".into());
        n.id = id.into();
        n
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().mode() & 0o7777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn temp_files_of_killed_saves_are_removed_by_the_next_save() {
        let (dir, doc, mut session, mut review) = saved();
        let name = "文章.txt.pizhu.json";
        let strays = [
            format!("{name}.4242-0-123456789.tmp"),
            format!("{name}.bak.4242-1-987654321.tmp"),
        ];
        let kept = [
            // Not made by a save of this file: left alone.
            format!("{name}.我的筆記.tmp"),
            "別的.pizhu.json.4242-0-1.tmp".to_owned(),
        ];
        for stray in strays.iter().chain(&kept) {
            fs::write(dir.path().join(stray), "半個檔案").unwrap();
        }
        review.notes.push(note(&doc, "乙", "第二則"));
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        let left = names(dir.path());
        for stray in &strays {
            assert!(!left.contains(stray), "{stray} is removed: {left:?}");
        }
        for other in &kept {
            assert!(left.contains(other), "{other} is kept: {left:?}");
        }
        assert!(
            !left
                .iter()
                .any(|n| n.starts_with(name) && n.ends_with(".tmp") && !kept.contains(n))
        );
    }

    #[test]
    fn a_writer_holding_the_lock_too_long_makes_the_save_fail_clearly() {
        let (_dir, doc, mut session, mut review) = saved();
        let before = fs::read(&session.path).unwrap();
        let held = lock::lock(&session.path, LOCK_WAIT).unwrap();
        review.notes.push(note(&doc, "乙", "等不到"));
        let start = std::time::Instant::now();
        let err = save_waiting(&mut session, &review, Duration::from_millis(200)).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(5), "never hangs");
        let PersistError::Locked { waited, lock, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(*waited >= Duration::from_millis(200));
        assert_eq!(*lock, lock_path(&session.path));
        let msg = err.to_string();
        assert!(
            msg.starts_with("cannot save the notes: another Pizhu"),
            "{msg}"
        );
        assert!(msg.contains("wait for it to finish or close it"), "{msg}");
        assert!(msg.ends_with(&session.path.display().to_string()), "{msg}");
        assert_eq!(fs::read(&session.path).unwrap(), before);
        // Once the other writer is done, the save goes through.
        drop(held);
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
    }

    #[test]
    fn a_private_review_stays_private_and_so_does_its_backup() {
        let (_dir, doc, mut session, mut review) = saved();
        fs::set_permissions(&session.path, fs::Permissions::from_mode(0o600)).unwrap();
        review.notes.push(note(&doc, "乙", "第二則"));
        save(&mut session, &review).unwrap();
        assert_eq!(mode(&session.path), 0o600);
        assert_eq!(mode(&backup_path(&session.path)), 0o600);
        // A copied backup (no hard link) gets the mode too.
        fs::set_permissions(&session.path, fs::Permissions::from_mode(0o640)).unwrap();
        review.notes[0].body = "改了".into();
        save(&mut session, &review).unwrap();
        assert_eq!(mode(&session.path), 0o640);
    }

    #[test]
    fn another_users_review_keeps_its_owner() {
        let (dir, doc, mut session, mut review) = saved();
        // The tests run as root, who may give files away: a review owned
        // by user 1234 must stay theirs after a save.
        if chown(&session.path, Some(1234), Some(1234)).is_err() {
            return; // not root: the owner cannot be set up
        }
        review.notes.push(note(&doc, "乙", "第二則"));
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        let meta = fs::metadata(&session.path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (1234, 1234));
        let bak = fs::metadata(backup_path(&session.path)).unwrap();
        assert_eq!((bak.uid(), bak.gid()), (1234, 1234));
        assert_eq!(
            open_review_in(&doc, Some(&session.path), dir.path().join("資料")).1,
            review
        );
    }

    #[test]
    fn a_symlinked_review_is_written_through_to_its_target() {
        let (dir, doc, _, review) = saved();
        let real_dir = dir.path().join("同步資料夾");
        fs::create_dir(&real_dir).unwrap();
        let target = real_dir.join("真正的.pizhu.json");
        fs::write(&target, review.to_json()).unwrap();
        let link = dir.path().join("捷徑.pizhu.json");
        symlink(&target, &link).unwrap();

        let (mut session, mut ours) = open_review_in(&doc, Some(&link), dir.path().join("資料"));
        assert_eq!(session.mode, Mode::ReadWrite);
        ours.notes.push(note(&doc, "乙", "經由捷徑"));
        assert_eq!(save(&mut session, &ours).unwrap(), SaveOutcome::Saved);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "still a link"
        );
        assert_eq!(fs::read_link(&link).unwrap(), target);
        assert_eq!(
            open_review_in(&doc, Some(&target), dir.path().join("資料")).1,
            ours,
            "the target has the new notes"
        );
        // The backup, the lock and any temp file live beside the target.
        assert_eq!(
            names(&real_dir),
            [
                "真正的.pizhu.json",
                "真正的.pizhu.json.bak",
                "真正的.pizhu.json.lock"
            ]
        );
        assert!(!backup_path(&link).exists());
        assert!(!session.changed_on_disk());
    }

    #[test]
    fn a_read_only_review_is_never_replaced() {
        let (dir, doc, _, _) = saved();
        let path = doc
            .path
            .clone()
            .unwrap()
            .with_file_name("文章.txt.pizhu.json");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let before = fs::read(&path).unwrap();
        let (mut session, mut review) = open_review_in(&doc, Some(&path), dir.path().join("資料"));
        assert_eq!(session.mode, Mode::ReadOnlyFile, "said up front");
        assert!(!session.is_writable());
        assert_eq!(review.notes.len(), 1, "its notes are shown");
        review.notes.push(note(&doc, "乙", "存不進去"));
        let err = save(&mut session, &review).unwrap_err();
        assert!(matches!(err, PersistError::ReadOnlyFile { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.starts_with("the notes file is read-only"), "{msg}");
        assert!(msg.contains("save the notes to another file"), "{msg}");
        assert!(msg.ends_with(&path.display().to_string()), "{msg}");
        assert_eq!(fs::read(&path).unwrap(), before, "byte-identical");
        assert_eq!(mode(&path), 0o444);
        assert!(
            !names(dir.path()).iter().any(|n| n.ends_with(".tmp")),
            "no temp file left"
        );
        // Made writable again, it is saved as usual.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(save(&mut session, &review).unwrap(), SaveOutcome::Saved);
        assert_eq!(session.mode, Mode::ReadWrite);
        assert_eq!(mode(&path), 0o644);
    }

    #[test]
    fn a_review_made_read_only_while_open_is_not_replaced() {
        let (_dir, doc, mut session, mut review) = saved();
        fs::set_permissions(&session.path, fs::Permissions::from_mode(0o444)).unwrap();
        let before = fs::read(&session.path).unwrap();
        review.notes.push(note(&doc, "乙", "存不進去"));
        let err = save(&mut session, &review).unwrap_err();
        assert!(matches!(err, PersistError::ReadOnlyFile { .. }), "{err:?}");
        assert_eq!(session.mode, Mode::ReadOnlyFile);
        assert_eq!(fs::read(&session.path).unwrap(), before);
    }

    #[test]
    fn save_as_moves_the_notes_to_a_writable_file() {
        let (dir, doc, _, _) = saved();
        let path = dir.path().join("文章.txt.pizhu.json");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let before = fs::read(&path).unwrap();
        let (mut session, mut review) = open_review_in(&doc, Some(&path), dir.path().join("資料"));
        review.notes.push(note(&doc, "乙", "另存"));
        let elsewhere = dir.path().join("別處").join("我的批注.pizhu.json");
        assert_eq!(
            save_as(&mut session, &review, &elsewhere).unwrap(),
            SaveOutcome::Saved
        );
        assert_eq!(session.path, elsewhere);
        assert_eq!(session.mode, Mode::ReadWrite);
        assert_eq!(
            open_review_in(&doc, Some(&elsewhere), dir.path().join("資料")).1,
            review
        );
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "the read-only file is untouched"
        );
        // Later saves go to the new file.
        review.notes[1].body = "再改".into();
        save(&mut session, &review).unwrap();
        assert_eq!(
            open_review_in(&doc, Some(&elsewhere), dir.path().join("資料")).1,
            review
        );

        // Saving as a file that holds other notes merges with them.
        let (mut other, mut theirs) = open_review_in(
            &doc,
            Some(&dir.path().join("他的.pizhu.json")),
            dir.path().join("資料"),
        );
        theirs.notes = vec![note(&doc, "丙", "他的批注")];
        save(&mut other, &theirs).unwrap();
        let SaveOutcome::Merged(m) = save_as(&mut session, &review, &other.path).unwrap() else {
            panic!("merged with the notes there");
        };
        let mut ids: Vec<&str> = m.review.notes.iter().map(|n| n.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["丙", "乙", "甲"]);
    }

    #[test]
    fn starting_a_new_file_never_sets_aside_a_good_one_written_meanwhile() {
        let (dir, doc, _, review) = saved();
        let path = dir.path().join("文章.txt.pizhu.json");
        fs::write(&path, "{ 壞了").unwrap();
        let (mut first, _) = open_review_in(&doc, Some(&path), dir.path().join("資料"));
        let (mut second, _) = open_review_in(&doc, Some(&path), dir.path().join("資料"));
        assert!(matches!(first.mode, Mode::Broken { .. }));
        // The first window sets the broken file aside and saves its notes.
        let moved = start_new_notes_file(&mut first).unwrap().unwrap();
        save(&mut first, &review).unwrap();
        let good = fs::read(&path).unwrap();
        // The second window does the same a moment later: the good file stays.
        assert_eq!(start_new_notes_file(&mut second).unwrap(), None);
        assert_eq!(fs::read(&path).unwrap(), good);
        assert_eq!(fs::read_to_string(&moved).unwrap(), "{ 壞了");
        let mut mine = ReviewFile::new(&doc);
        mine.notes.push(note(&doc, "乙", "第二個視窗"));
        let SaveOutcome::Merged(m) = save(&mut second, &mine).unwrap() else {
            panic!("merged with the good file");
        };
        assert_eq!(m.review.notes.len(), 2);
    }
}
