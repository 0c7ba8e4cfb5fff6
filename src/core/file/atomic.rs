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
/// allows (no copy: the old file's data is already on disk), else a copy of
/// `old`. Either way `bak` is replaced atomically.
pub(super) fn keep_backup(path: &Path, bak: &Path, old: &[u8]) -> io::Result<()> {
    let mut tmp = bak.as_os_str().to_os_string();
    tmp.push(format!(".{}.tmp", unique_suffix()));
    let tmp = PathBuf::from(tmp);
    if fs::hard_link(path, &tmp).is_ok() {
        // The link must still hold the bytes we read (nobody wrote in between).
        let same = fs::metadata(&tmp).is_ok_and(|m| m.len() == old.len() as u64);
        if same && fs::rename(&tmp, bak).is_ok() {
            sync_dir(parent_dir(bak));
            return Ok(());
        }
        let _ = fs::remove_file(&tmp);
    }
    write_atomic(bak, |f| f.write_all(old))
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
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(format!(".{}.tmp", unique_suffix()));
    write_atomic_via(path, Path::new(&tmp), write)
}

/// [`write_atomic`] through the temporary file `tmp`, which must not exist.
fn write_atomic_via(
    path: &Path,
    tmp: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    // `create_new`: never write into a file someone else owns; and only a
    // file made here is removed on failure.
    let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    let result = write(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            fs::rename(tmp, path)
        });
    match result {
        Ok(()) => {
            sync_dir(parent_dir(path));
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(tmp);
            Err(e)
        }
    }
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
