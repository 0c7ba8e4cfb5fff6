//! Bounded inputs through the real binary: only regular files are read,
//! and a size limit is checked before reading. A FIFO, a device, a folder
//! and a huge (sparse) file are refused at once, with exit code 2, a
//! message that says what happened and what to do and ends with the path,
//! and every file left byte-identical.
//!
//! Every command runs with a time limit, so a regression that blocks (on a
//! FIFO) or reads forever (`/dev/zero`) fails the test instead of hanging it.

#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use pizhu::core::file::locate;

const ARTICLE: &str = include_str!("../assets/article.txt");

/// How long a refused input may take, far more than it needs.
const LIMIT: Duration = Duration::from_secs(20);

/// Runs `pizhu ARGS` with its data folder in `data`, killing it and
/// failing the test if it takes longer than [`LIMIT`].
fn run(data: &Path, args: &[&OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .env(locate::DATA_DIR_ENV, data)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pizhu {args:?} did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Every regular file under `dir` with its bytes, to check that nothing
/// changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let t = entry.file_type().unwrap();
        if t.is_dir() {
            all.extend(snapshot(&path));
        } else if t.is_file() && entry.metadata().unwrap().len() < 1 << 20 {
            all.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    all.sort();
    all
}

/// Asserts a refusal: exit 2, nothing on stdout, the message `expected`
/// (after "pizhu: ") ending with `path`.
fn assert_refused(out: &Output, expected: &str, path: &Path) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    let line = err.lines().last().unwrap_or_default();
    assert!(line.starts_with("pizhu: "), "{err}");
    assert!(line.contains(expected), "{err}");
    assert!(line.ends_with(&path.display().to_string()), "{err}");
}

#[test]
fn a_fifo_is_refused_at_once_as_a_document_notes_or_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let fifo = dir.path().join("管道.txt");
    mkfifo(&fifo);
    let notes = dir.path().join("審閱.pizhu.json");
    let before = snapshot(dir.path());

    for cmd in ["text", "timeline", "export"] {
        let out = run(&data, &[cmd.as_ref(), fifo.as_os_str()]);
        assert_refused(
            &out,
            "cannot open the document: this is a named pipe (FIFO), not a file; \
             Pizhu reads only regular files; save the content to a file and choose that",
            &fifo,
        );
    }
    // As annotations to import.
    let out = run(
        &data,
        &[
            "import".as_ref(),
            fifo.as_os_str(),
            "--notes".as_ref(),
            notes.as_os_str(),
        ],
    );
    assert_refused(
        &out,
        "could not read the annotations file: this is a named pipe (FIFO), not a file",
        &fifo,
    );
    // As the notes file.
    let review_fifo = dir.path().join("管道.pizhu.json");
    mkfifo(&review_fifo);
    let out = run(
        &data,
        &[
            "export".as_ref(),
            "--notes".as_ref(),
            review_fifo.as_os_str(),
        ],
    );
    assert_refused(
        &out,
        "cannot read the notes file: this is a named pipe (FIFO), not a file",
        &review_fifo,
    );
    assert!(!notes.exists());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_device_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let zero = Path::new("/dev/zero");
    let out = run(dir.path(), &["text".as_ref(), zero.as_os_str()]);
    assert_refused(
        &out,
        "cannot open the document: this is a device, not a file; Pizhu reads only regular files",
        zero,
    );
    let notes = dir.path().join("審閱.pizhu.json");
    let out = run(
        dir.path(),
        &[
            "import".as_ref(),
            zero.as_os_str(),
            "--notes".as_ref(),
            notes.as_os_str(),
        ],
    );
    assert_refused(
        &out,
        "could not read the annotations file: this is a device, not a file",
        zero,
    );
    assert!(!notes.exists());
}

#[test]
fn a_huge_sparse_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let huge = dir.path().join("巨大.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let started = Instant::now();
    let out = run(&data, &["text".as_ref(), huge.as_os_str()]);
    assert_refused(
        &out,
        "cannot open the document: the file is 2.1 GB, larger than the 500 MB Pizhu reads \
         as a document; split it into smaller files and open one of them",
        &huge,
    );
    let out = run(
        &data,
        &[
            "import".as_ref(),
            huge.as_os_str(),
            "--notes".as_ref(),
            dir.path().join("審閱.pizhu.json").as_os_str(),
        ],
    );
    assert_refused(
        &out,
        "could not read the annotations file: the file is 2.1 GB, larger than the 1 GB \
         Pizhu reads as an annotations file",
        &huge,
    );
    // Reading 2 GB of zeros would take far longer, even from the page cache.
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(std::fs::metadata(&huge).unwrap().len(), 2 << 30);
    assert!(!dir.path().join("審閱.pizhu.json").exists());
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("文件夾");
    std::fs::create_dir(&folder).unwrap();
    let out = run(dir.path(), &["text".as_ref(), folder.as_os_str()]);
    assert_refused(
        &out,
        "cannot open the document: this is a folder, not a file; choose a text file inside it",
        &folder,
    );
    let doc = dir.path().join("文章.txt");
    std::fs::write(&doc, ARTICLE).unwrap();
    let out = run(
        dir.path(),
        &["import".as_ref(), folder.as_os_str(), doc.as_os_str()],
    );
    assert_refused(
        &out,
        "could not read the annotations file: this is a folder, not a file",
        &folder,
    );
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), ARTICLE);
}
