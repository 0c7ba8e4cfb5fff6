//! `pizhu text --script` never changes a name of the document's who's who
//! (its timeline's people and places), through the real binary: the names
//! stay as the text writes them, in either script, whether the timeline is
//! the shipped one or the reviewer's in the document's notes file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::Path;
use std::process::Output;

use pizhu::core::file::review::ReviewFile;
use pizhu::core::text::document::Document;
use pizhu::core::timeline::{Person, Timeline};

/// `pizhu text --script SCRIPT [FILE]` with a private data folder.
fn text(data: &Path, script: &str, file: Option<&Path>) -> Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pizhu"));
    cmd.args(["text", "--script", script])
        .env("PIZHU_DATA_DIR", data);
    if let Some(file) = file {
        cmd.arg(file);
    }
    cmd.output().unwrap()
}

/// The text printed by a run that succeeded.
fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_articles_people_and_places_stay_traditional_in_simplified() {
    let dir = tempfile::tempdir().unwrap();
    let simplified = stdout(&text(dir.path(), "simplified", None));
    // The rest of the text converts…
    assert!(simplified.contains("秘书长"), "{simplified}");
    assert!(simplified.starts_with("12月11日下午,济宁市政府与省人社厅"));
    // …the shipped timeline's names and places do not.
    for name in [
        "韓金峰",
        "劉成文",
        "劉中會",
        "黃麟英",
        "濟寧高新區新興產業加速器",
    ] {
        assert!(simplified.contains(name), "{name} changed");
    }
    for converted in [
        "韩金峰",
        "刘成文",
        "刘中会",
        "黄麟英",
        "济宁高新区新兴产业加速器",
    ] {
        assert!(!simplified.contains(converted), "{converted}");
    }
    let doc = Document::embedded();
    assert_eq!(simplified.chars().count(), doc.text().chars().count());
}

#[test]
fn names_of_the_reviewers_timeline_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("会议.txt");
    std::fs::write(&file, "秘书长刘成文主持会议，韩金峰讲话。\n").unwrap();
    // The notes file next to the document holds the reviewer's timeline,
    // whose names are written in traditional characters.
    let doc = Document::open(&file).unwrap();
    let mut review = ReviewFile::new(&doc);
    review.timeline = Some(Timeline {
        people: vec![Person {
            id: "p1".into(),
            name: "劉成文".into(),
            ..Person::default()
        }],
        ..Timeline::default()
    });
    let sidecar = dir.path().join("会议.txt.pizhu.json");
    std::fs::write(&sidecar, review.to_json()).unwrap();
    let before = (
        std::fs::read(&file).unwrap(),
        std::fs::read(&sidecar).unwrap(),
    );

    let out = text(dir.path(), "traditional", Some(&file));
    assert_eq!(stdout(&out), "秘書長刘成文主持會議，韓金峰講話。\n");
    assert!(out.stderr.is_empty());
    assert_eq!(
        (
            std::fs::read(&file).unwrap(),
            std::fs::read(&sidecar).unwrap()
        ),
        before,
        "the files are only read"
    );
}

#[test]
fn a_damaged_notes_file_is_said_and_the_text_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("会议.txt");
    std::fs::write(&file, "秘书长刘成文主持会议。\n").unwrap();
    let sidecar = dir.path().join("会议.txt.pizhu.json");
    std::fs::write(&sidecar, "{ not json").unwrap();

    let out = text(dir.path(), "traditional", Some(&file));
    assert_eq!(stdout(&out), "秘書長劉成文主持會議。\n");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("pizhu: warning: the names of the reviewer's timeline may be converted"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&sidecar.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&sidecar).unwrap(), b"{ not json");
}
