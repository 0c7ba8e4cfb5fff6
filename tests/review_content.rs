//! What the `pizhu` binary keeps and says about the content of review and
//! annotation files: a BOM, unknown fields written back as they were,
//! passthrough fields named like Pizhu's own, annotations on other
//! documents, duplicates, every skipped item named, and no raw control
//! character on the terminal.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

/// `pizhu ARGS` with its data folder in `data`.
fn run(data: &Path, args: &[&std::ffi::OsStr]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(args)
        .env("PIZHU_DATA_DIR", data)
        .output()
        .unwrap()
}

/// A folder with a notes file path and an annotations file path in it.
struct Setup {
    dir: tempfile::TempDir,
    notes: PathBuf,
    annotations: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("審閱.pizhu.json");
        let annotations = dir.path().join("批注.jsonld");
        Self {
            dir,
            notes,
            annotations,
        }
    }

    /// `pizhu import` of `annotations` (written to the annotations file)
    /// into the notes of the embedded article.
    fn import(&self, annotations: &Value) -> Output {
        std::fs::write(&self.annotations, annotations.to_string()).unwrap();
        self.import_file(&self.annotations)
    }

    fn import_file(&self, file: &Path) -> Output {
        run(
            self.dir.path(),
            &[
                "import".as_ref(),
                file.as_os_str(),
                "--notes".as_ref(),
                self.notes.as_os_str(),
            ],
        )
    }

    /// `pizhu export --format w3c` of the notes, to stdout.
    fn export(&self) -> Output {
        run(
            self.dir.path(),
            &[
                "export".as_ref(),
                "--format".as_ref(),
                "w3c".as_ref(),
                "--notes".as_ref(),
                self.notes.as_os_str(),
            ],
        )
    }

    fn saved(&self) -> String {
        std::fs::read_to_string(&self.notes).unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// An annotation `id` on the quote `exact` of the article.
fn on_quote(id: &str, exact: &str, body: &str) -> Value {
    json!({"id": id, "type": "Annotation", "bodyValue": body,
           "target": {"source": "article.txt",
                      "selector": {"type": "TextQuoteSelector", "exact": exact}}})
}

#[test]
fn a_notes_file_with_a_byte_order_mark_is_read_and_saved_without_one() {
    let s = Setup::new();
    assert_eq!(
        s.import(&on_quote("甲", "濟寧市政府", "全稱"))
            .status
            .code(),
        Some(0)
    );
    let with_bom = format!("\u{feff}{}", s.saved());
    std::fs::write(&s.notes, &with_bom).unwrap();
    let out = s.export();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("全稱"));
    assert_eq!(s.saved(), with_bom, "reading changes nothing");
    // A save writes it without the mark, notes kept.
    let out = s.import(&on_quote("乙", "人力資源和社會保障廳", "簡稱"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = s.saved();
    assert!(saved.starts_with("{\n"), "{saved}");
    assert!(saved.contains("全稱") && saved.contains("簡稱"));
}

#[test]
fn unknown_numbers_are_saved_as_they_were_written() {
    let s = Setup::new();
    s.import(&on_quote("甲", "濟寧市政府", "全稱"));
    let with_numbers = s.saved().replacen(
        "  \"document\": {",
        "  \"x-大數\": 123456789012345678901234567890,\n  \"x-指數\": [1E2, -0.0, 2.50e-3],\n  \"document\": {",
        1,
    );
    let with_numbers = with_numbers.replacen("\"body\":", "\"x-批次\": 1E2,\n      \"body\":", 1);
    std::fs::write(&s.notes, &with_numbers).unwrap();
    let out = s.import(&on_quote("乙", "人力資源和社會保障廳", "簡稱"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = s.saved();
    for kept in [
        "\"x-大數\": 123456789012345678901234567890",
        "\"x-指數\": [1E2, -0.0, 2.50e-3]",
        "\"x-批次\": 1E2",
    ] {
        assert!(saved.contains(kept), "{kept} in {saved}");
    }
    assert!(saved.contains("簡稱"));
}

#[test]
fn imported_passthrough_numbers_are_saved_as_written_and_survive_a_round_trip() {
    let s = Setup::new();
    // Written by hand: a `json!` value would already have lost the text.
    let annotations = r#"[{"id": "urn:x:大數", "type": "Annotation", "bodyValue": "數字",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"}},
        "pizhu": {"note_fields": {"大": 123456789012345678901234567890, "指數": 1E2,
                                  "color": 1E2},
                  "target_fields": {"小數": 0.10000000000000000000001}}}]"#;
    std::fs::write(&s.annotations, annotations).unwrap();
    let out = s.import_file(&s.annotations);
    assert_eq!(out.status.code(), Some(1), "renamed: {}", text(&out.stderr));
    let kept = [
        "\"大\": 123456789012345678901234567890",
        "\"指數\": 1E2",
        "\"x-color\": 1E2",
        "\"小數\": 0.10000000000000000000001",
    ];
    let saved = s.saved();
    for kept in kept {
        assert!(saved.contains(kept), "{kept} in {saved}");
    }
    // Exported, then imported into another notes file: still as written.
    let out = s.export();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let exported = text(&out.stdout);
    for kept in kept {
        assert!(exported.contains(kept), "{kept} in {exported}");
    }
    let other = Setup::new();
    std::fs::write(&other.annotations, &exported).unwrap();
    let out = other.import_file(&other.annotations);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let again = other.saved();
    for kept in kept {
        assert!(again.contains(kept), "{kept} in {again}");
    }
}

#[test]
fn passthrough_fields_named_like_pizhus_own_are_renamed_and_the_file_stays_loadable() {
    let s = Setup::new();
    let mut anno = on_quote("urn:x:粉紅", "濟寧市政府", "顏色");
    anno["pizhu"] = json!({
        "note_fields": {"color": "pink", "id": "假的", "批次": 1E2},
        "target_fields": {"position": {"start": 0}, "kind": "段"}
    });
    let out = s.import(&anno);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("1 imported, 4 fields renamed: "),
        "{}",
        text(&out.stdout)
    );
    let err = text(&out.stderr);
    for line in [
        "pizhu: renamed “urn:x:粉紅”: the field “color” in pizhu.note_fields has the name of \
         the note's own field, so it is kept as “x-color”",
        "pizhu: renamed “urn:x:粉紅”: the field “id” in pizhu.note_fields has the name of \
         the note's own field, so it is kept as “x-id”",
        "pizhu: renamed “urn:x:粉紅”: the field “kind” in pizhu.target_fields has the name of \
         the target's own field, so it is kept as “x-kind”",
        "pizhu: renamed “urn:x:粉紅”: the field “position” in pizhu.target_fields has the name \
         of the target's own field, so it is kept as “x-position”",
    ] {
        assert!(err.contains(line), "{line} in {err}");
    }
    // Every later command reads the file.
    let out = s.export();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved: Value = serde_json::from_str(&s.saved()).unwrap();
    let note = &saved["notes"][0];
    assert_eq!(note["color"], "yellow");
    assert_eq!(note["id"], "urn:x:粉紅");
    assert_eq!(note["x-color"], "pink");
    assert_eq!(note["target"]["x-kind"], "段");
    let again = s.import(&on_quote("乙", "人力資源和社會保障廳", "簡稱"));
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
}

#[test]
fn an_annotation_on_another_document_is_an_orphan_saying_so() {
    let s = Setup::new();
    let out = s.import(&json!([
        {"id": "別處", "type": "Annotation", "bodyValue": "不是這篇",
         "target": {"source": "http://example.org/另一篇.html",
                    "selector": {"type": "TextPositionSelector", "start": 0, "end": 6}}},
        {"id": "這篇", "type": "Annotation", "bodyValue": "是這篇",
         "target": {"source": "file:///任何資料夾/article.txt",
                    "selector": {"type": "TextPositionSelector", "start": 0, "end": 6}}}
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("2 imported, 1 orphaned"));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "pizhu: orphaned note 別處 “”: the note was made on another document \
             (http://example.org/另一篇.html), and its quoted text is not in this one"
        ),
        "{err}"
    );
    assert!(!err.contains("這篇"), "{err}");
    let saved: Value = serde_json::from_str(&s.saved()).unwrap();
    let notes = saved["notes"].as_array().unwrap();
    assert_eq!(
        notes[0]["target"]["quote"]["exact"], "",
        "nothing quoted here"
    );
    assert_eq!(
        notes[0]["target"]["source"],
        "http://example.org/另一篇.html"
    );
    assert_eq!(notes[1]["target"]["quote"]["exact"], "12月11日");
    // Exported, the orphan still names the document it was made on.
    let out = s.export();
    let export: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<&str> = export["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["target"]["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"http://example.org/另一篇.html"),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.starts_with("urn:sha256:")),
        "{sources:?}"
    );
}

#[test]
fn distinct_annotations_without_quote_or_position_are_all_kept() {
    let s = Setup::new();
    let blank = |id: &str| json!({"id": id, "type": "Annotation", "target": "article.txt"});
    let out = s.import(&json!([blank("甲"), blank("乙"), blank("丙")]));
    assert_eq!(out.status.code(), Some(1), "orphans: {}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("3 imported, 3 orphaned"),
        "{}",
        text(&out.stdout)
    );
    let saved: Value = serde_json::from_str(&s.saved()).unwrap();
    assert_eq!(saved["notes"].as_array().unwrap().len(), 3);
}

#[test]
fn every_skipped_item_is_named_with_why() {
    let s = Setup::new();
    let page = json!({"type": "AnnotationPage", "items": [
        on_quote("甲", "濟寧市政府", "全稱"),
        42,
        {"type": "Person", "name": "不是批注"},
        {"type": "Person", "id": "http://example.org/某人"},
        "http://example.org/只連結"
    ], "next": "http://example.org/第二頁"});
    let out = s.import(&page);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let skipped: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("pizhu: skipped "))
        .collect();
    assert_eq!(
        skipped,
        [
            "pizhu: skipped the item at /items/1: it is a value, not an annotation",
            "pizhu: skipped the item at /items/2: it is an object of type “Person”, not an \
             annotation",
            "pizhu: skipped “http://example.org/某人”: it is an object of type “Person”, not an \
             annotation",
            "pizhu: skipped “http://example.org/只連結”: the annotation is only linked by its \
             IRI, not included, so it cannot be read",
            "pizhu: skipped “http://example.org/第二頁”: the page (“next”) is only linked by its \
             IRI, not included, so its annotations cannot be read; export the collection with \
             its pages embedded",
        ],
        "{err}"
    );
    // The same file again: the note is named as a duplicate.
    let out = s.import(&page);
    assert!(text(&out.stdout).starts_with("0 imported, 1 duplicate skipped, 5 unusable"));
    assert!(
        text(&out.stderr).contains("pizhu: skipped “甲”: the notes already have this note"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn control_characters_reach_the_terminal_escaped() {
    let s = Setup::new();
    let id = "urn:x:\u{1b}]0;標題\u{7}\u{1b}[31m紅\u{9b}2J\u{202e}";
    let out = s.import(&json!([
        {"id": id, "type": "Annotation", "target": "http://example.org/\u{1b}[2J另一篇"},
        {"id": "urn:y:\r假的一行", "type": "Person"}
    ]));
    assert_eq!(out.status.code(), Some(1));
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !stream.contains(&0x1b),
            "{}",
            String::from_utf8_lossy(stream)
        );
        assert!(!stream.contains(&b'\r'));
        assert!(!stream.contains(&0x07));
        let shown = text(stream);
        assert!(!shown.contains('\u{9b}') && !shown.contains('\u{202e}'));
    }
    let err = text(&out.stderr);
    assert!(
        err.contains("urn:x:\\u{1b}]0;標題\\u{7}\\u{1b}[31m紅\\u{9b}2J\\u{202e}"),
        "{err}"
    );
    assert!(err.contains("http://example.org/\\u{1b}[2J另一篇"), "{err}");
    assert!(err.contains("“urn:y:\\r假的一行”"), "{err}");

    // A path with controls in an error message.
    let bad = s.dir.path().join("壞\u{1b}[2J\n.jsonld");
    let out = s.import_file(&bad);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b));
    let err = text(&out.stderr);
    assert!(err.trim_end().ends_with("壞\\u{1b}[2J\\n.jsonld"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
