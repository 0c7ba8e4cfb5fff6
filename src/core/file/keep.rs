//! The file stays the user's. A save replaces the review file with a new
//! one (write beside it, rename over it), and the new file must look to its
//! user like the old one changed in place:
//!
//! - **Symbolic links are written through**: the file written is the link's
//!   final target ([`write_target`]), with the temporary file, the backup and
//!   the lock beside that target; the link stays a link.
//! - **Mode and owner are kept** ([`Keep`]): the new file and a copied
//!   backup get the old file's permission bits, owner and group before a
//!   byte is written. When the owner cannot be kept (only an administrator
//!   may give a file away), the save is refused rather than silently handing
//!   the user's file to whoever saved it; a file that is already ours keeps
//!   its owner, and its group when the system allows.
//! - **Read-only files are never replaced** ([`is_read_only`]): a file
//!   without any write permission bit (even for an administrator, who could
//!   write it anyway) or that cannot be opened for writing.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::core::file::atomic::parent_dir;

/// How many links deep [`write_target`] follows, as the system does.
const MAX_LINKS: usize = 40;

/// Where a save of `path` writes: `path` itself, or when it is a symbolic
/// link, the file the link finally points to (which need not exist yet).
///
/// # Errors
/// When a link cannot be read, or links point in a circle.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_dir(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (they may point in a circle)"
    )))
}

/// True when the user made the file at `path` read-only: no write
/// permission bit at all (the bits decide, since an administrator could
/// write it anyway), or it cannot be opened for writing. A missing file is
/// not read-only.
#[must_use]
pub fn is_read_only(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if meta.permissions().readonly() {
        return true;
    }
    // Opening for writing changes nothing (no truncation); only regular
    // files, as opening a FIFO could block.
    meta.is_file()
        && OpenOptions::new().write(true).open(path).is_err_and(|e| {
            matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            )
        })
}

/// What a replaced file keeps: its permission bits, owner and group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keep {
    /// Permission bits (with set-id and sticky bits).
    #[cfg(unix)]
    mode: u32,
    /// The owner's user id.
    #[cfg(unix)]
    uid: u32,
    /// The group id.
    #[cfg(unix)]
    gid: u32,
}

/// Why [`Keep::apply`] failed.
#[derive(Debug)]
pub enum KeepError {
    /// The file belongs to another user and this one may not give a file
    /// away.
    Owner {
        /// The owner's user id.
        uid: u32,
    },
    /// Setting the mode or owner failed otherwise.
    Io(io::Error),
}

impl Keep {
    /// What the file with `meta` keeps.
    #[must_use]
    pub fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            Self {
                mode: meta.mode() & 0o7777,
                uid: meta.uid(),
                gid: meta.gid(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Self {}
        }
    }

    /// Gives `file`, a new file this process made, the kept owner, group
    /// and mode (the owner first: changing it may clear set-id bits).
    ///
    /// # Errors
    /// [`KeepError::Owner`] when the file belongs to another user and this
    /// one may not give the new file to them; [`KeepError::Io`] when the
    /// mode cannot be set.
    pub fn apply(&self, file: &File) -> Result<(), KeepError> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, fchown};
            let mine = file.metadata().map_err(KeepError::Io)?;
            if (mine.uid(), mine.gid()) != (self.uid, self.gid)
                && fchown(file, Some(self.uid), Some(self.gid)).is_err()
            {
                if mine.uid() != self.uid {
                    return Err(KeepError::Owner { uid: self.uid });
                }
                // Ours already: keep the group if we are in it, else it
                // becomes our group (the owner, who decides, is unchanged).
                let _ = fchown(file, None, Some(self.gid));
            }
            file.set_permissions(fs::Permissions::from_mode(self.mode))
                .map_err(KeepError::Io)
        }
        #[cfg(not(unix))]
        {
            let _ = file;
            Ok(())
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, symlink};

    #[test]
    fn links_are_followed_to_the_final_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("真的").join("批注.pizhu.json");
        fs::create_dir_all(real.parent().unwrap()).unwrap();
        let middle = dir.path().join("中間.pizhu.json");
        let link = dir.path().join("捷徑.pizhu.json");
        symlink("真的/批注.pizhu.json", &middle).unwrap();
        symlink(&middle, &link).unwrap();
        // The target need not exist yet: the first save makes it.
        assert_eq!(
            write_target(&link).unwrap(),
            dir.path().join("真的/批注.pizhu.json")
        );
        let plain = dir.path().join("普通.pizhu.json");
        assert_eq!(write_target(&plain).unwrap(), plain);
        // A circle is an error, not a hang.
        let a = dir.path().join("甲");
        let b = dir.path().join("乙");
        symlink(&b, &a).unwrap();
        symlink(&a, &b).unwrap();
        assert!(write_target(&a).is_err());
    }

    #[test]
    fn read_only_is_the_mode_bits_even_for_root() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("唯讀.pizhu.json");
        assert!(!is_read_only(&path), "a missing file is not read-only");
        fs::write(&path, "{}").unwrap();
        assert!(!is_read_only(&path));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(is_read_only(&path));
    }

    #[test]
    fn a_new_file_gets_the_old_mode_and_owner() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("舊.pizhu.json");
        fs::write(&old, "舊").unwrap();
        fs::set_permissions(&old, fs::Permissions::from_mode(0o640)).unwrap();
        let keep = Keep::of(&fs::metadata(&old).unwrap());
        let new = dir.path().join("新.pizhu.json");
        let file = File::create(&new).unwrap();
        keep.apply(&file).unwrap();
        let meta = fs::metadata(&new).unwrap();
        assert_eq!(meta.mode() & 0o7777, 0o640);
        assert_eq!(meta.uid(), fs::metadata(&old).unwrap().uid());
    }
}
