//! Writing files so that a crash or a full disk never leaves a half-written
//! one: the new text goes to a temporary file in the same folder, is
//! flushed to disk, and is renamed over the old file; then the folder itself
//! is flushed. Review files keep their previous version as a backup
//! (`NAME.pizhu.json.bak`), written the same way before the main file, so
//! there is never a moment without a complete main file. Exports use the
//! same atomic write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The ending added to a review file's name for its backup.
pub const BACKUP_SUFFIX: &str = ".bak";

/// The folder of a file path (`.` for a bare name).
pub(super) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A suffix no other temporary file of this or another process has.
pub(super) fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{}-{n}-{nanos}", std::process::id())
}

/// `NAME.pizhu.json.bak` for `NAME.pizhu.json`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(BACKUP_SUFFIX);
    PathBuf::from(name)
}

/// Makes `bak` hold the current file: a hard link to it when the file system
/// allows (no copy: the old file's data is already on disk, and the link
/// has the file's mode and owner), else a copy of `old` that `prepare`
/// gives them. Either way `bak` is replaced atomically.
pub(super) fn keep_backup(
    path: &Path,
    bak: &Path,
    old: &[u8],
    prepare: impl FnOnce(&File) -> io::Result<()>,
) -> io::Result<()> {
    if is_same_file(path, bak) {
        // A save killed after its backup and before its rename left the
        // backup linked to the current file: it already holds it. (Renaming
        // a link over another link to the same file does nothing and would
        // leave the temporary link behind.)
        return Ok(());
    }
    let tmp = temp_path(bak);
    if fs::hard_link(path, &tmp).is_ok() {
        // The link must still hold the bytes we read (nobody wrote in between).
        let same = fs::metadata(&tmp).is_ok_and(|m| m.len() == old.len() as u64);
        let renamed = same && fs::rename(&tmp, bak).is_ok();
        // Gone after a rename, unless the rename did nothing (see above).
        let _ = fs::remove_file(&tmp);
        if renamed {
            sync_dir(parent_dir(bak));
            return Ok(());
        }
    }
    let mut copy = TempFile::create(bak)?;
    prepare(copy.file()?)?;
    copy.file()?.write_all(old)?;
    copy.commit()
}

/// True when `a` and `b` are the same file (hard links to one inode).
fn is_same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Writes `bytes` to `path` atomically (temp file in the same folder, fsync,
/// rename, fsync the folder), creating the folder when missing. Exports use
/// it so that a half-written export never replaces a good one.
///
/// # Errors
/// When the folder cannot be made or the file cannot be written; `path` is
/// then unchanged.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::create_dir_all(parent_dir(path))?;
    write_atomic(path, |f| f.write_all(bytes))
}

/// Replaces `path` atomically with what `write` writes: through a fresh
/// temporary file next to it, flushed, renamed over it, then the folder
/// flushed. On failure `path` is untouched and the temporary file removed.
pub(super) fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_via(path, &temp_path(path), write)
}

/// [`write_atomic`] through the temporary file `tmp`, which must not exist.
fn write_atomic_via(
    path: &Path,
    tmp: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let mut temp = TempFile::create_at(path, tmp.to_path_buf())?;
    write(temp.file()?)?;
    temp.commit()
}

/// `PATH.SUFFIX.tmp`: a temporary file name beside `path` that no other
/// save uses ([`unique_suffix`]).
fn temp_path(path: &Path) -> PathBuf {
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(format!(".{}.tmp", unique_suffix()));
    PathBuf::from(tmp)
}

/// A new temporary file beside the file it will replace. [`commit`](Self::commit)
/// flushes it and renames it over that file; dropped without a commit, it
/// is removed, so no failed save leaves it behind.
#[derive(Debug)]
pub(super) struct TempFile {
    /// The open temporary file (`None` once closed for the rename).
    file: Option<File>,
    /// Its name.
    tmp: PathBuf,
    /// The file it replaces.
    path: PathBuf,
}

impl TempFile {
    /// A fresh temporary file that will replace `path`.
    pub(super) fn create(path: &Path) -> io::Result<Self> {
        Self::create_at(path, temp_path(path))
    }

    /// [`create`](Self::create) under the name `tmp`, which must not exist.
    fn create_at(path: &Path, tmp: PathBuf) -> io::Result<Self> {
        // `create_new`: never write into a file someone else owns; and only a
        // file made here is removed on failure.
        let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        Ok(Self {
            file: Some(file),
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// The open file, to give it its mode and owner and write into it.
    pub(super) fn file(&mut self) -> io::Result<&mut File> {
        // Only `commit`, which consumes `self`, closes it.
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the temporary file is already closed"))
    }

    /// Flushes the file to disk and renames it over the file it replaces,
    /// then flushes the folder. On failure the temporary file is removed.
    pub(super) fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            file.sync_all()?;
        }
        fs::rename(&self.tmp, &self.path)?;
        // Renamed: there is no temporary file left to remove.
        self.tmp = PathBuf::new();
        sync_dir(parent_dir(&self.path));
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.tmp.as_os_str().is_empty() {
            self.file = None;
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Removes what saves of `path` killed half-way left beside it: the
/// temporary files `NAME.SUFFIX.tmp` of the file and `NAME.bak.SUFFIX.tmp`
/// of its backup, SUFFIX as [`unique_suffix`] makes it. Only while holding
/// the file's write lock, when no other save of it is under way. Returns
/// how many were removed; files that cannot be removed are left.
pub(super) fn remove_stray_temps(path: &Path) -> usize {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let is_stray = entry_name.to_str().is_some_and(|n| {
            is_temp_of(n, name) || is_temp_of(n, &format!("{name}{BACKUP_SUFFIX}"))
        });
        // Only regular files: never a folder or a link someone put there.
        if is_stray
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    if removed > 0 {
        sync_dir(parent_dir(path));
    }
    removed
}

/// True when `candidate` is `NAME.P-N-T.tmp` with P, N and T digits: a
/// temporary file [`temp_path`] made for the file `name`.
fn is_temp_of(candidate: &str, name: &str) -> bool {
    let Some(suffix) = candidate
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
    else {
        return false;
    };
    let parts: Vec<&str> = suffix.split('-').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Flushes a folder so that a rename in it survives a power cut. Best
/// effort: some file systems refuse to sync folders, and by now the new
/// file is complete either way.
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_backup_already_linked_to_the_file_leaves_no_temp_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("批注.pizhu.json");
        fs::write(&path, "目前的內容").unwrap();
        // What a save killed between its backup and its rename leaves.
        let bak = backup_path(&path);
        fs::hard_link(&path, &bak).unwrap();
        keep_backup(&path, &bak, "目前的內容".as_bytes(), |_| Ok(())).unwrap();
        assert_eq!(fs::read_to_string(&bak).unwrap(), "目前的內容");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary link left: {names:?}");
    }

    #[test]
    fn a_failing_write_leaves_the_old_file_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path();
        let path = docs.join("批注.pizhu.json");
        fs::write(&path, "舊內容").unwrap();
        // The temp file cannot be made: a folder is in its way.
        let tmp = docs.join("批注.pizhu.json.tmp");
        fs::create_dir(&tmp).unwrap();
        assert!(write_atomic_via(&path, &tmp, |f| f.write_all(b"new")).is_err());
        assert!(tmp.is_dir(), "someone else's path is not removed");
        assert_eq!(fs::read_to_string(&path).unwrap(), "舊內容");
        // The write fails half-way (a full disk): old file kept, temp removed.
        let tmp2 = docs.join("批注.pizhu.json.tmp2");
        let err = write_atomic_via(&path, &tmp2, |f| {
            f.write_all("新內".as_bytes())?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert!(!tmp2.exists());
        assert_eq!(fs::read_to_string(&path).unwrap(), "舊內容");
    }
}
