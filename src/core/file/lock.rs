//! One writer at a time: every save of a review file holds an exclusive OS
//! lock (`flock` on Unix, `LockFileEx` on Windows, through
//! [`File::lock`]) on a lock file beside it, `NAME.pizhu.json.lock`, from
//! re-reading the file to renaming the new one over it. Two windows, or a
//! window and `pizhu import`, then take turns: each re-reads what the other
//! wrote and merges it, and nothing slips in between.
//!
//! The lock file is empty and stays (removing it would let a third writer
//! lock a new file while a second still holds the old one). The OS releases
//! the lock when its holder exits, even on `kill -9`, so a crashed save
//! never blocks the next one. A writer that hangs while holding it is waited
//! for a bounded time ([`LOCK_WAIT`]), then the save fails with a clear
//! error instead of hanging the window or the command.
//!
//! When the lock file cannot be made because the folder is not writable
//! (or the disk is read-only), saving goes on without the lock: nobody can
//! make the temporary file or rename in that folder either, so there is no
//! write to race with, and the save fails with the real reason.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The ending added to a review file's name for its lock file.
pub const LOCK_SUFFIX: &str = ".lock";

/// How long a save waits for another writer before giving up. A save takes
/// milliseconds; this long means the other writer hangs.
pub const LOCK_WAIT: Duration = Duration::from_secs(20);

/// The longest pause between two tries: short enough that writers taking
/// turns barely wait, long enough not to spin.
const MAX_PAUSE: Duration = Duration::from_millis(20);

/// `NAME.pizhu.json.lock` for `NAME.pizhu.json` (give it the file a save
/// really writes: the target of a symbolic link, not the link).
#[must_use]
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_os_string();
    name.push(LOCK_SUFFIX);
    PathBuf::from(name)
}

/// A held write lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub(super) struct WriteLock {
    /// The locked file; `None` when there is nothing to lock in a folder
    /// nobody can write to (see the module docs).
    file: Option<File>,
}

impl WriteLock {
    /// True when the lock is really held (false in a read-only folder).
    pub(super) fn is_held(&self) -> bool {
        self.file.is_some()
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            // Closing the file releases the lock too; unlocking first says
            // so explicitly and frees it even if the handle were shared.
            let _ = file.unlock();
        }
    }
}

/// Why the write lock was not taken.
#[derive(Debug)]
pub(super) enum LockError {
    /// Another writer held it for all of `waited`.
    Busy {
        /// How long this save waited.
        waited: Duration,
    },
    /// The lock file could not be opened or locked.
    Io(io::Error),
}

/// Takes the write lock of the review file `target` (its lock file is
/// [`lock_path`]), waiting up to `wait` for another writer to finish. The
/// folder must exist.
pub(super) fn lock(target: &Path, wait: Duration) -> Result<WriteLock, LockError> {
    let path = lock_path(target);
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if cannot_write_here(e.kind()) => match File::open(&path) {
            // Someone else's lock file: locking needs no write permission.
            Ok(file) => file,
            // No lock file and none can be made: the folder is read-only.
            Err(_) => return Ok(WriteLock { file: None }),
        },
        Err(e) => return Err(LockError::Io(e)),
    };
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(WriteLock { file: Some(file) }),
            Err(TryLockError::WouldBlock) => {}
            // A platform or file system without locks: nothing to wait for.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(WriteLock { file: None });
            }
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        let waited = start.elapsed();
        if waited >= wait {
            return Err(LockError::Busy { waited });
        }
        std::thread::sleep(pause.min(wait - waited));
        pause = (pause * 2).min(MAX_PAUSE);
    }
}

/// True for the failures that mean "this folder or disk is not writable".
fn cannot_write_here(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("批注.pizhu.json");
        let held = lock(&review, LOCK_WAIT).unwrap();
        assert!(held.is_held());
        assert!(lock_path(&review).is_file());
        let start = Instant::now();
        let Err(LockError::Busy { waited }) = lock(&review, Duration::from_millis(150)) else {
            panic!("the lock is held");
        };
        assert!(waited >= Duration::from_millis(150), "{waited:?}");
        assert!(start.elapsed() < Duration::from_secs(5));
        // Released on drop: the next writer gets it at once.
        drop(held);
        assert!(lock(&review, Duration::ZERO).unwrap().is_held());
    }

    #[test]
    fn a_waiting_writer_gets_the_lock_when_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("批注.pizhu.json");
        let held = lock(&review, LOCK_WAIT).unwrap();
        let waiter = {
            let review = review.clone();
            std::thread::spawn(move || lock(&review, LOCK_WAIT).map(|l| l.is_held()))
        };
        std::thread::sleep(Duration::from_millis(50));
        drop(held);
        assert!(matches!(waiter.join().unwrap(), Ok(true)));
    }
}
