//! Two copies of one document in two folders: each keeps its own notes, and
//! both the CLI and the window say where the other copy's notes are, so the
//! user chooses (`--notes`, "Use that copy's notes") instead of one copy
//! silently writing into the other's review file.

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

/// A document with one note in folder 甲, the same text copied into 乙, and
/// a data folder whose index knows 甲's notes.
struct Copies {
    dir: tempfile::TempDir,
    first: PathBuf,
    second: PathBuf,
}

impl Copies {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["甲", "乙"] {
            fs::create_dir_all(dir.path().join(folder)).unwrap();
            fs::write(dir.path().join(folder).join("協議.txt"), DOC).unwrap();
        }
        let this = Self {
            first: dir.path().join("甲").join("協議.txt"),
            second: dir.path().join("乙").join("協議.txt"),
            dir,
        };
        let annotation = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": "urn:uuid:6f1c2a4e-0000-4000-8000-0000000000aa",
            "body": {"type": "TextualBody", "value": "甲的批注"},
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"}}
        });
        let file = this.dir.path().join("一則.json");
        fs::write(&file, annotation.to_string()).unwrap();
        let out = this.run(&["import".as_ref(), file.as_os_str(), this.first.as_os_str()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        this
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("資料")
    }

    fn sidecar(doc: &Path) -> PathBuf {
        let mut name = doc.file_name().unwrap().to_os_string();
        name.push(".pizhu.json");
        doc.with_file_name(name)
    }

    fn run(&self, args: &[&OsStr]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .args(args)
            .env("PIZHU_DATA_DIR", self.data())
            .output()
            .unwrap()
    }
}

#[test]
fn the_cli_keeps_a_copys_notes_apart_and_names_the_other_copys() {
    let c = Copies::new();
    let first_notes = Copies::sidecar(&c.first);
    let before = fs::read(&first_notes).unwrap();

    let out = c.run(&[
        "export".as_ref(),
        c.second.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
    ]);
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        !csv.contains("甲的批注"),
        "the copy has no notes of its own yet"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another copy of this document"), "{err}");
    assert!(
        err.contains(&format!(
            "--notes {}",
            std::path::absolute(&first_notes).unwrap().display()
        )),
        "{err}"
    );

    // Importing into the copy makes the copy's own notes; the first copy's stay as they were.
    let annotation = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "乙的批注"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "人才引進"}}
    });
    let file = c.dir.path().join("二則.json");
    fs::write(&file, annotation.to_string()).unwrap();
    let out = c.run(&["import".as_ref(), file.as_os_str(), c.second.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read(&first_notes).unwrap(), before);
    let second_notes = fs::read_to_string(Copies::sidecar(&c.second)).unwrap();
    assert!(second_notes.contains("乙的批注") && !second_notes.contains("甲的批注"));

    // The user who wants the first copy's notes names them.
    let out = c.run(&[
        "export".as_ref(),
        c.second.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--notes".as_ref(),
        first_notes.as_os_str(),
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("甲的批注"));
    assert!(out.stderr.is_empty());
}

/// The window test runs in a child process of this test binary, so that
/// its data folder (an environment variable) is its own.
#[cfg(feature = "gui")]
#[test]
fn the_window_says_whose_notes_it_shows_and_offers_the_other_copys() {
    const CHILD: &str = "PIZHU_TEST_COPIES_CHILD";
    if std::env::var_os(CHILD).is_some() {
        window_child();
        return;
    }
    let c = Copies::new();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_window_says_whose_notes_it_shows_and_offers_the_other_copys",
            "--nocapture",
        ])
        .env(CHILD, &c.second)
        .env("PIZHU_DATA_DIR", c.data())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
}

#[cfg(feature = "gui")]
fn window_child() {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use pizhu::core::text::document::Document;
    use pizhu::ui::app::PizhuApp;
    use pizhu::ui::settings::Settings;

    let second = PathBuf::from(std::env::var_os("PIZHU_TEST_COPIES_CHILD").unwrap());
    let doc = Document::open(&second).unwrap();
    let settings = Settings::default();
    let setup = settings.clone();
    let app = PizhuApp::new(Ok(doc), settings, None);
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(move |ctx| PizhuApp::setup_context(ctx, &setup))
        .build_ui_state(|ui, app: &mut PizhuApp| app.ui_root(ui), app);
    harness.run_steps(4);
    harness.get_by_label_contains("Another copy of this document");
    assert!(harness.query_by_label_contains("甲的批注").is_none());
    harness
        .get_by_role_and_label(Role::Button, "Use that copy's notes")
        .click();
    harness.run_steps(4);
    // The same document, now with the first copy's notes, and the notice gone.
    harness.get_by_label_contains("甲的批注");
    assert!(
        harness
            .query_by_label_contains("Another copy of this document")
            .is_none()
    );
}
