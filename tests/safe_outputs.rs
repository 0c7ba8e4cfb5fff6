//! `pizhu export -o` as a hurried user types it: it never replaces the
//! document or its notes, never writes into a device, pipe or folder, writes
//! through links, says when it makes a folder, and `-o -` is standard output.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DOC: &str =
    "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議。\n雙方將在人才引進方面加強合作。\n";

/// A document and its (saved) notes in a fresh folder, with its own data folder.
struct Review {
    dir: tempfile::TempDir,
    doc: PathBuf,
    review: PathBuf,
}

impl Review {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("協議.txt");
        fs::write(&doc, DOC).unwrap();
        let review = dir.path().join("協議.txt.pizhu.json");
        let this = Self { dir, doc, review };
        // Notes made by importing an export of one note.
        let annotation = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": "urn:uuid:6f1c2a4e-0000-4000-8000-000000000001",
            "body": {"type": "TextualBody", "value": "全稱待核", "format": "text/plain"},
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"}}
        });
        let file = this.dir.path().join("一則.json");
        fs::write(&file, annotation.to_string()).unwrap();
        let out = this.run(&[OsStr::new("import"), file.as_os_str(), this.doc.as_os_str()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(this.review.is_file());
        this
    }

    fn run(&self, args: &[&OsStr]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .args(args)
            .env("PIZHU_DATA_DIR", self.dir.path().join("資料"))
            .output()
            .unwrap()
    }

    fn export_to(&self, out: &Path) -> Output {
        self.run(&[
            OsStr::new("export"),
            self.doc.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("markdown"),
            OsStr::new("-o"),
            out.as_os_str(),
        ])
    }

    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| {
                let bytes = fs::read(&p).unwrap();
                (p, bytes)
            })
            .collect();
        files.sort();
        files
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn export_never_replaces_the_document_or_its_notes() {
    let r = Review::new();
    let link = r.dir.path().join("連到批注.md");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&r.review, &link).unwrap();
    #[cfg(not(unix))]
    let link = r.review.clone();
    let before = r.snapshot();
    for target in [r.doc.clone(), r.review.clone(), link] {
        let out = r.export_to(&target);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("nothing was written"), "{err}");
        assert!(err.contains("choose another file"), "{err}");
        assert!(
            err.trim_end().ends_with(&target.display().to_string()),
            "{err}"
        );
    }
    assert!(r.snapshot() == before, "every file is byte-identical");
}

#[cfg(unix)]
#[test]
fn export_refuses_devices_pipes_and_folders() {
    let r = Review::new();
    let fifo = r.dir.path().join("管道");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let before = r.snapshot();
    // `/dev/stdout` is the test's pipe: a FIFO behind a link.
    let mut targets = vec![
        PathBuf::from("/dev/null"),
        PathBuf::from("/dev/stdout"),
        r.dir.path().to_path_buf(),
    ];
    if made.is_ok_and(|s| s.success()) {
        targets.push(fifo.clone());
    } else {
        eprintln!("skipping the FIFO case: mkfifo is not available here");
    }
    for target in targets {
        let out = r.export_to(&target);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("only to regular files"), "{err}");
        assert!(err.contains("-o -"), "{err}");
    }
    assert!(r.snapshot() == before, "every file is byte-identical");
    if fifo.exists() {
        use std::os::unix::fs::FileTypeExt as _;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

#[cfg(unix)]
#[test]
fn export_writes_through_a_link_and_the_link_stays() {
    let r = Review::new();
    let target = r.dir.path().join("報告.md");
    fs::write(&target, "舊的報告").unwrap();
    let link = r.dir.path().join("最新報告.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = r.export_to(&link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&target).unwrap().contains("全稱待核"));
}

#[test]
fn export_says_when_it_makes_a_folder_and_dash_is_stdout() {
    let r = Review::new();
    let out_path = r.dir.path().join("匯出").join("批注.md");
    let out = r.export_to(&out_path);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("created the folder"), "{err}");
    assert!(err.contains("匯出"), "{err}");
    assert!(fs::read_to_string(&out_path).unwrap().contains("全稱待核"));

    let out = r.export_to(Path::new("-"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("全稱待核"));
    assert!(!r.dir.path().join("-").exists());
}
