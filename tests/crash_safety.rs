//! Never lose a note: a child process saves a review file in a loop and is
//! killed with SIGKILL at random moments; after every kill the file must parse
//! and be one of the versions the child wrote — never empty or partial.
//!
//! The child is this same test binary, started again with `PIZHU_SAVE_LOOP`
//! set, running [`save_loop_child`]. `PIZHU_KILL_ROUNDS` sets the number of
//! kills (default 40 so CI stays quick; the 1,000 were run by hand:
//! `PIZHU_KILL_ROUNDS=1000 cargo test --release --test crash_safety`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::process::{Command, Stdio};
use std::time::Duration;

use pizhu::core::file::persist;
use pizhu::core::file::review::{Parsed, ReviewFile};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::text::document::Document;

const CHILD_ENV: &str = "PIZHU_SAVE_LOOP";

/// Not a real test unless started by the parent: saves forever, each version
/// with one more note whose text is its version number.
#[test]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = std::path::PathBuf::from(path);
    let doc = Document::embedded();
    let (mut session, mut review) = persist::open_review(&doc, Some(&path));
    // Carry on from the newest version on disk (the oldest notes get trimmed,
    // so the count of notes is not the version).
    let mut version = review
        .notes
        .iter()
        .filter_map(|n| n.id.trim_start_matches("note-").parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    loop {
        version += 1;
        let start = (version * 7) % (doc.char_len() - 10);
        let mut note = Note::new(
            Target::range(&doc, start, start + 4),
            format!("第{version}版"),
            "審稿人".into(),
        );
        note.id = format!("note-{version}");
        review.notes.push(note);
        // Big enough that a kill often lands mid-write.
        if review.notes.len() > 400 {
            review.notes.remove(0);
        }
        persist::save(&mut session, &review).unwrap();
    }
}

/// A review file on disk must parse, and its notes must be a run of
/// consecutive versions ending at the newest one it holds.
fn check_intact(path: &std::path::Path) -> usize {
    let bytes = std::fs::read(path).expect("the review file exists after a kill");
    assert!(!bytes.is_empty(), "never an empty review file");
    let Ok(Parsed::Current(review)) = ReviewFile::parse(&bytes) else {
        panic!("the review file is a whole, valid version after a kill");
    };
    let versions: Vec<usize> = review
        .notes
        .iter()
        .map(|n| n.id.trim_start_matches("note-").parse().unwrap())
        .collect();
    for pair in versions.windows(2) {
        assert_eq!(pair[0] + 1, pair[1], "a whole version, not a mix");
    }
    versions.last().copied().unwrap_or(0)
}

#[test]
#[cfg(unix)]
fn sigkill_during_saves_never_leaves_a_broken_file() {
    let rounds: usize = std::env::var("PIZHU_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.pizhu.json");
    let exe = std::env::current_exe().unwrap();
    let mut newest = 0;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .env("PIZHU_DATA_DIR", dir.path().join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A pseudo-random moment between 20 and 120 ms into the child's life.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 100));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if path.exists() {
            let last = check_intact(&path);
            assert!(last >= newest, "round {round}: the file went back in time");
            newest = last;
        }
    }
    assert!(newest > 0, "the child managed to save at least once");
}
