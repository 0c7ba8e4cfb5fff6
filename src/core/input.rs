//! Reading input files, bounded: the one way Pizhu reads a document, a
//! review file or an annotations file.
//!
//! [`read_input`] reads only **regular files** (a symbolic link is followed
//! to the file it names). A folder, named pipe (FIFO), socket or device is
//! refused at once with a clear error, never opened: opening a FIFO for
//! reading would wait forever for a writer, and a device such as
//! `/dev/zero` never ends. The kind is checked from the path's metadata
//! before opening, the file is opened non-blocking (so a FIFO swapped in
//! between cannot block either) and the opened handle is checked again.
//!
//! Each [`InputKind`] has a size limit ([`DOCUMENT_LIMIT`],
//! [`REVIEW_LIMIT`], [`ANNOTATIONS_LIMIT`]). The size the file system
//! reports is checked before reading, so a huge (even sparse) file is
//! refused without reading a byte, and the read itself stops one byte past
//! the limit, so a file that grows while it is read, or reports a wrong
//! size, cannot make Pizhu read more than the limit.
//!
//! Messages say what happened, then what to do, and end with the path.

use std::fs::{self, File, Metadata};
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// One megabyte (decimal, as the status bar counts), the unit limits are
/// written in.
const MB: u64 = 1_000_000;

/// The largest document Pizhu opens: 500 MB (a scraped web page of 200 MB
/// opens with room to spare; a bigger text would not be readable in the
/// window anyway).
pub const DOCUMENT_LIMIT: u64 = 500 * MB;

/// The largest review file Pizhu reads: 1 GB (a review of a million notes
/// is about 730 MB).
pub const REVIEW_LIMIT: u64 = 1000 * MB;

/// The largest annotations file Pizhu imports: 1 GB, as for review files
/// (an export of a review is imported back).
pub const ANNOTATIONS_LIMIT: u64 = 1000 * MB;

/// What an input file is read as; each has its own size limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A text document to open.
    Document,
    /// A review file (`NAME.pizhu.json`).
    Review,
    /// An annotations file to import (W3C JSON-LD or a review file).
    Annotations,
}

impl InputKind {
    /// The size limit in bytes.
    #[must_use]
    pub const fn limit(self) -> u64 {
        match self {
            Self::Document => DOCUMENT_LIMIT,
            Self::Review => REVIEW_LIMIT,
            Self::Annotations => ANNOTATIONS_LIMIT,
        }
    }

    /// The limit as shown to the user: "500 MB", "1 GB".
    #[must_use]
    pub fn limit_text(self) -> String {
        whole_size(self.limit())
    }

    /// What the file is to the user, for messages: "a document".
    const fn as_what(self) -> &'static str {
        match self {
            Self::Document => "a document",
            Self::Review => "a notes file",
            Self::Annotations => "an annotations file",
        }
    }
}

/// What a path names instead of a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    /// A folder.
    Folder,
    /// A named pipe (FIFO).
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character or block device (`/dev/zero`, a disk).
    Device,
    /// Anything else the system has that is not a regular file.
    Other,
}

impl NotAFile {
    /// The kind of `meta`, or `None` for a regular file.
    fn of(meta: &Metadata) -> Option<Self> {
        let t = meta.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if t.is_fifo() {
                return Some(Self::Fifo);
            }
            if t.is_socket() {
                return Some(Self::Socket);
            }
            if t.is_char_device() || t.is_block_device() {
                return Some(Self::Device);
            }
        }
        Some(Self::Other)
    }

    /// "a named pipe (FIFO)".
    fn name(self) -> &'static str {
        match self {
            Self::Folder => "a folder",
            Self::Fifo => "a named pipe (FIFO)",
            Self::Socket => "a socket",
            Self::Device => "a device",
            Self::Other => "a special file",
        }
    }
}

/// Why an input file was not read. Messages say what happened, then what
/// to do, and end with the path.
#[derive(thiserror::Error, Debug)]
pub enum InputError {
    /// The path names something other than a regular file.
    #[error("{}; {}: {}", not_a_file_problem(*what), not_a_file_advice(*what), path.display())]
    NotAFile {
        /// The path that was asked for.
        path: PathBuf,
        /// What it is instead.
        what: NotAFile,
    },
    /// The file is larger than its kind's limit.
    #[error("{}; {}: {}", too_large_problem(*size, *kind), too_large_advice(*kind), path.display())]
    TooLarge {
        /// The path that was asked for.
        path: PathBuf,
        /// Its size as the file system reports it; `None` when it reported
        /// a size within the limit but the file turned out larger (it grew
        /// while being read).
        size: Option<u64>,
        /// What it was read as, which sets the limit.
        kind: InputKind,
    },
    /// The system would not give the file's bytes (missing, permission...).
    #[error(
        "the file could not be read ({cause}); check the path and that the file is readable: {}",
        path.display()
    )]
    Io {
        /// The path that was asked for.
        path: PathBuf,
        /// What the system reported (in the message, not a `source`, so
        /// error chains do not repeat it).
        cause: io::Error,
    },
}

impl InputError {
    /// The path that was asked for.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::NotAFile { path, .. } | Self::TooLarge { path, .. } | Self::Io { path, .. } => {
                path
            }
        }
    }

    /// What happened, without advice or path, for messages that add
    /// their own: "this is a named pipe (FIFO), not a file".
    #[must_use]
    pub fn problem(&self) -> String {
        match self {
            Self::NotAFile { what, .. } => not_a_file_problem(*what),
            Self::TooLarge { size, kind, .. } => too_large_problem(*size, *kind),
            Self::Io { cause, .. } => cause.to_string(),
        }
    }
}

/// An [`InputError`] as an I/O error, for callers whose errors hold one:
/// a system error stays as it was (so `NotFound` is still `NotFound`); a
/// folder is [`io::ErrorKind::IsADirectory`], another special file
/// [`io::ErrorKind::InvalidInput`] and a file too large
/// [`io::ErrorKind::FileTooLarge`], each saying what happened (the
/// caller's message adds what to do and the path).
impl From<InputError> for io::Error {
    fn from(err: InputError) -> Self {
        let kind = match &err {
            InputError::Io { .. } => io::ErrorKind::Other,
            InputError::NotAFile {
                what: NotAFile::Folder,
                ..
            } => io::ErrorKind::IsADirectory,
            InputError::NotAFile { .. } => io::ErrorKind::InvalidInput,
            InputError::TooLarge { .. } => io::ErrorKind::FileTooLarge,
        };
        match err {
            InputError::Io { cause, .. } => cause,
            other => Self::new(kind, other.problem()),
        }
    }
}

/// "this is a named pipe (FIFO), not a file".
fn not_a_file_problem(what: NotAFile) -> String {
    format!("this is {}, not a file", what.name())
}

/// What to do instead of reading a special file.
fn not_a_file_advice(what: NotAFile) -> &'static str {
    match what {
        NotAFile::Folder => "choose a file inside it",
        _ => "Pizhu reads only regular files; save the content to a file and choose that",
    }
}

/// "the file is 2.1 GB, larger than the 500 MB Pizhu opens as a document".
fn too_large_problem(size: Option<u64>, kind: InputKind) -> String {
    let limit = kind.limit_text();
    let what = kind.as_what();
    match size {
        Some(size) => format!(
            "the file is {}, larger than the {limit} Pizhu reads as {what}",
            human_size(size)
        ),
        None => format!("the file grew past the {limit} Pizhu reads as {what} while it was read"),
    }
}

/// What to do with a file too large.
fn too_large_advice(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Document => "split it into smaller files and open one of them",
        InputKind::Review | InputKind::Annotations => {
            "check that this is the right file, or split its notes into smaller files"
        }
    }
}

/// A size with one decimal in the largest unit that keeps it at least 1:
/// "2.1 GB", "731.5 MB", "12.0 kB", "900 bytes" (decimal units, as the
/// status bar's).
#[must_use]
pub fn human_size(bytes: u64) -> String {
    #[allow(
        clippy::cast_precision_loss,
        reason = "one decimal is shown; no file is near 2^53 bytes"
    )]
    let f = bytes as f64;
    if bytes >= 1000 * MB {
        format!("{:.1} GB", f / 1e9)
    } else if bytes >= MB {
        format!("{:.1} MB", f / 1e6)
    } else if bytes >= 1000 {
        format!("{:.1} kB", f / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

/// A limit, which is a whole number of MB or GB: "500 MB", "1 GB".
fn whole_size(bytes: u64) -> String {
    if bytes >= 1000 * MB && bytes.is_multiple_of(1000 * MB) {
        format!("{} GB", bytes / (1000 * MB))
    } else {
        format!("{} MB", bytes.div_ceil(MB))
    }
}

/// Reads the whole file at `path` as `kind`: only a regular file (a
/// symbolic link is followed), only up to the kind's limit.
///
/// # Errors
/// [`InputError::NotAFile`] for a folder, FIFO, socket or device (refused
/// before opening, so this never blocks); [`InputError::TooLarge`] when
/// the file is larger than [`InputKind::limit`] (refused before reading
/// when the file system says so, else as soon as the limit is passed);
/// [`InputError::Io`] when the system cannot give the bytes.
pub fn read_input(path: &Path, kind: InputKind) -> Result<Vec<u8>, InputError> {
    let io_error = |cause| InputError::Io {
        path: path.to_path_buf(),
        cause,
    };
    check(path, kind, &fs::metadata(path).map_err(io_error)?)?;
    let file = open_nonblocking(path).map_err(io_error)?;
    // The path may have been swapped for something else since.
    let meta = file.metadata().map_err(io_error)?;
    check(path, kind, &meta)?;
    let limit = kind.limit();
    let expected = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: None,
            kind,
        });
    }
    Ok(bytes)
}

/// Refuses `meta` unless it is a regular file within `kind`'s limit.
fn check(path: &Path, kind: InputKind, meta: &Metadata) -> Result<(), InputError> {
    if let Some(what) = NotAFile::of(meta) {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    if meta.len() > kind.limit() {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: Some(meta.len()),
            kind,
        });
    }
    Ok(())
}

/// Opens `path` for reading without waiting: should a FIFO be put at the
/// path after it was checked, opening it returns at once instead of
/// waiting for a writer (non-blocking has no effect on a regular file).
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let d = dir();
        let path = d.path().join("會議紀要.txt");
        fs::write(&path, "濟寧市人民政府。\n").unwrap();
        let bytes = read_input(&path, InputKind::Document).unwrap();
        assert_eq!(bytes, "濟寧市人民政府。\n".as_bytes());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_to_its_file() {
        let d = dir();
        let target = d.path().join("原文.txt");
        fs::write(&target, "簽約儀式").unwrap();
        let link = d.path().join("連結.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(
            read_input(&link, InputKind::Document).unwrap(),
            "簽約儀式".as_bytes()
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let d = dir();
        let err = read_input(d.path(), InputKind::Document).unwrap_err();
        assert!(matches!(
            err,
            InputError::NotAFile {
                what: NotAFile::Folder,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            format!(
                "this is a folder, not a file; choose a file inside it: {}",
                d.path().display()
            )
        );
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::IsADirectory);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let d = dir();
        let fifo = d.path().join("管道");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let started = Instant::now();
        let err = read_input(&fifo, InputKind::Annotations).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(
            err.to_string(),
            format!(
                "this is a named pipe (FIFO), not a file; Pizhu reads only regular files; \
                 save the content to a file and choose that: {}",
                fifo.display()
            )
        );
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn opening_a_fifo_does_not_wait_for_a_writer() {
        // The second check, after opening: the non-blocking open returns.
        let d = dir();
        let fifo = d.path().join("管道");
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        let file = open_nonblocking(&fifo).unwrap();
        let err = check(&fifo, InputKind::Review, &file.metadata().unwrap()).unwrap_err();
        assert!(matches!(
            err,
            InputError::NotAFile {
                what: NotAFile::Fifo,
                ..
            }
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused() {
        let err = read_input(Path::new("/dev/zero"), InputKind::Review).unwrap_err();
        assert!(matches!(
            err,
            InputError::NotAFile {
                what: NotAFile::Device,
                ..
            }
        ));
        assert!(err.to_string().starts_with("this is a device, not a file;"));
    }

    #[test]
    fn a_huge_sparse_file_is_refused_without_reading() {
        let d = dir();
        let path = d.path().join("巨大.txt");
        let file = File::create(&path).unwrap();
        file.set_len(2 << 30).unwrap();
        let started = Instant::now();
        let err = read_input(&path, InputKind::Document).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(
            err.to_string(),
            format!(
                "the file is 2.1 GB, larger than the 500 MB Pizhu reads as a document; \
                 split it into smaller files and open one of them: {}",
                path.display()
            )
        );
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::FileTooLarge);
        // Review files may be bigger than documents.
        let err = read_input(&path, InputKind::Review).unwrap_err();
        assert!(
            err.to_string()
                .contains("larger than the 1 GB Pizhu reads as a notes file")
        );
    }

    #[test]
    fn a_missing_file_keeps_its_system_error() {
        let d = dir();
        let path = d.path().join("不存在.txt");
        let err = read_input(&path, InputKind::Document).unwrap_err();
        assert!(err.to_string().ends_with(&path.display().to_string()));
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn the_limits_are_what_the_docs_say() {
        assert_eq!(whole_size(DOCUMENT_LIMIT), "500 MB");
        assert_eq!(whole_size(REVIEW_LIMIT), "1 GB");
        assert_eq!(whole_size(ANNOTATIONS_LIMIT), "1 GB");
        // A 200 MB scraped page opens; a 1,000,000-note review (732 MB) is read.
        const { assert!(DOCUMENT_LIMIT >= 200 * MB) };
        const { assert!(REVIEW_LIMIT >= 750 * MB) };
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(3 * MB / 2), "1.5 MB");
        assert_eq!(human_size(2 << 30), "2.1 GB");
    }
}
