//! Why opening or saving a review file went wrong, in words: every
//! message says what happened, then what the user can do, and ends with
//! the path. [`persist`](crate::core::file::persist) reports these.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::core::file::review::ReviewError;

/// Why a notes file could not be read. Messages say what happened, then
/// what the user can do, and end with the path.
#[derive(thiserror::Error, Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The disk would not give the file's bytes.
    #[error(
        "cannot read the notes file: {}; {}: {}",
        io_problem(*kind, detail),
        io_advice(*kind),
        path.display()
    )]
    Read {
        /// The review file.
        path: PathBuf,
        /// What kind of failure the system reported.
        kind: io::ErrorKind,
        /// What the system reported, in its words.
        detail: String,
    },
    /// The bytes are not a review file this version can read (the error
    /// names the file).
    #[error(transparent)]
    Damaged(ReviewError),
}

/// Why saving or setting aside a review file failed. Every message says
/// what happened and what the user can do, and ends with the path.
#[derive(thiserror::Error, Debug)]
pub enum PersistError {
    /// Saving was refused: the file could not be read when opened.
    #[error(
        "the notes file could not be read, so Pizhu does not save over it; \
         start a new notes file to save your notes (the unreadable file is kept under a new name): {}",
        path.display()
    )]
    Broken {
        /// The review file.
        path: PathBuf,
    },
    /// Saving was refused: the file is from a newer version.
    #[error(
        "the notes file was written by a newer Pizhu (format version {version}) and is open \
         read-only; update Pizhu to change it: {}",
        path.display()
    )]
    ReadOnly {
        /// The file's format version.
        version: u32,
        /// The review file.
        path: PathBuf,
    },
    /// Another program changed the file into something unreadable; it was
    /// left alone and the session is now [`Mode::Broken`](crate::core::file::persist::Mode::Broken).
    #[error(
        "another program changed the notes file and it can no longer be read ({reason}); \
         Pizhu did not save over it: start a new notes file to save your notes \
         (that file is kept under a new name): {}",
        path.display()
    )]
    ChangedUnreadable {
        /// Why it cannot be read (without the path, which ends the message).
        reason: ReviewError,
        /// The review file.
        path: PathBuf,
    },
    /// A newer Pizhu saved the file meanwhile; it was left alone and the
    /// session is now [`Mode::ReadOnlyNewer`](crate::core::file::persist::Mode::ReadOnlyNewer).
    #[error(
        "a newer Pizhu saved the notes file meanwhile (format version {version}), so it is \
         now read-only here and was not saved over; update Pizhu to merge your changes: {}",
        path.display()
    )]
    ChangedNewer {
        /// The file's new format version.
        version: u32,
        /// The review file.
        path: PathBuf,
    },
    /// The file could not be read to check it before saving.
    #[error(
        "cannot save the notes: the notes file could not be read to check for changes \
         ({}); {}; nothing was saved: {}",
        io_problem(cause.kind(), cause),
        io_advice(cause.kind()),
        path.display()
    )]
    Read {
        /// The review file.
        path: PathBuf,
        /// What the system reported (in the message, not a `source`, so
        /// error chains do not repeat it).
        cause: io::Error,
    },
    /// Writing failed; the file on disk is as it was.
    #[error(
        "cannot save the notes: {}; {}; the notes file on disk is unchanged: {}",
        io_problem(cause.kind(), cause),
        io_advice(cause.kind()),
        path.display()
    )]
    Write {
        /// The file that could not be written (the review or its backup).
        path: PathBuf,
        /// What the system reported.
        cause: io::Error,
    },
    /// The notes could not be turned into JSON (not possible with the
    /// current types; kept so that no empty file is ever written).
    #[error(
        "cannot save the notes: they could not be written as JSON ({message}); \
         please report this; nothing was saved: {}",
        path.display()
    )]
    Serialize {
        /// serde_json's message.
        message: String,
        /// The review file.
        path: PathBuf,
    },
    /// The broken file could not be moved aside.
    #[error(
        "cannot keep the unreadable notes file under a new name: {}; {}; nothing was changed: {}",
        io_problem(cause.kind(), cause),
        io_advice(cause.kind()),
        path.display()
    )]
    Move {
        /// The broken file.
        path: PathBuf,
        /// What the system reported.
        cause: io::Error,
    },
    /// Saving was refused: the file is read-only, and replacing it would
    /// undo what its user chose.
    #[error(
        "the notes file is read-only, so Pizhu does not save over it; make it writable, \
         or save the notes to another file; nothing was saved: {}",
        path.display()
    )]
    ReadOnlyFile {
        /// The review file.
        path: PathBuf,
    },
    /// Saving was refused: the file belongs to another user, and this one
    /// may not give the new file to them.
    #[error(
        "cannot save the notes: the notes file belongs to another user (user id {uid}) and \
         saving would make it yours; ask its owner, or save the notes to another file; \
         nothing was saved: {}",
        path.display()
    )]
    Owner {
        /// The owner's user id.
        uid: u32,
        /// The review file.
        path: PathBuf,
    },
    /// Another writer held the file's lock for longer than a save takes.
    #[error(
        "cannot save the notes: another Pizhu window or command has been saving this notes \
         file for {:.1} s and still holds its lock ({}); wait for it to finish or close it, \
         then save again; nothing was saved: {}",
        waited.as_secs_f64(),
        lock.display(),
        path.display()
    )]
    Locked {
        /// How long this save waited.
        waited: Duration,
        /// The lock file.
        lock: PathBuf,
        /// The review file.
        path: PathBuf,
    },
    /// The lock that lets one writer at a time save could not be taken.
    #[error(
        "cannot save the notes: the lock file that lets one program at a time save them \
         could not be used ({}); {}; nothing was saved: {}",
        io_problem(cause.kind(), cause),
        io_advice(cause.kind()),
        path.display()
    )]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// What the system reported.
        cause: io::Error,
    },
    /// [`start_new_notes_file`](crate::core::file::persist::start_new_notes_file) on a file that is not broken.
    #[error(
        "the notes file is readable, so it was not set aside; keep using it as it is: {}",
        path.display()
    )]
    NotBroken {
        /// The review file.
        path: PathBuf,
    },
}

/// An I/O failure of `kind` in plain words; `detail` (what the system
/// said) when it is none of the usual ones.
pub(super) fn io_problem(kind: io::ErrorKind, detail: &dyn std::fmt::Display) -> String {
    match kind {
        io::ErrorKind::PermissionDenied => "permission was denied".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::IsADirectory => "a folder is in the way of the file".to_owned(),
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        // Not a regular file, or too large (core/input.rs): already in words.
        io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge => detail.to_string(),
        _ => format!("the system reported: {detail}"),
    }
}

/// What the user can do about an I/O failure of `kind`.
pub(super) fn io_advice(kind: io::ErrorKind) -> &'static str {
    match kind {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "check that the folder is writable, or choose another notes file"
        }
        io::ErrorKind::StorageFull => "free some disk space and save again",
        io::ErrorKind::IsADirectory => "move the folder away or choose another notes file",
        io::ErrorKind::InvalidInput => "Pizhu reads only regular files; choose another notes file",
        io::ErrorKind::FileTooLarge => "check that this is the right notes file",
        _ => "check the disk and the folder, then save again",
    }
}
