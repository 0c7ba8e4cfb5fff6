//! Export and import in the window, as a reviewer does it: Ctrl+E, pick a
//! format, type a path (no native dialog needed), export; import a W3C file.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

mod common;
use common::{Dropped, retype};

fn app_on(notes: &std::path::Path) -> Harness<'static, PizhuApp> {
    common::window(Settings::default(), Document::embedded(), notes)
}

#[test]
fn ctrl_e_exports_csv_to_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("n.pizhu.json"));
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "CSV (Excel)")
        .click();
    harness.run();
    let out = dir.path().join("審閱.notes.csv");
    retype(&mut harness, "Export path", &out.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    let bytes = std::fs::read(&out).expect("the export is written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with BOM for Excel"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("12月11日下午"),
        "the note's quote is in the CSV"
    );
    // Said in the window and in the status bar.
    assert_eq!(
        harness
            .query_all_by_label_contains("Exported 1 note to")
            .count(),
        2
    );
}

#[test]
fn the_export_window_refuses_the_notes_file_and_says_which_folder_it_made() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.pizhu.json");
    let mut harness = app_on(&notes);
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let saved = std::fs::read(&notes).expect("the note is saved");

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    harness.run();
    // A slip: the notes file itself as the export's name.
    retype(&mut harness, "Export path", &notes.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    harness.get_by_label_contains("would replace the document's notes file");
    assert_eq!(
        std::fs::read(&notes).unwrap(),
        saved,
        "the notes are untouched"
    );

    // A folder that does not exist: the window asks before making it.
    let out = dir.path().join("給同事").join("批注.md");
    retype(&mut harness, "Export path", &out.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    assert!(!out.exists(), "nothing is written before the answer");
    harness.get_by_label_contains("does not exist yet");
    harness
        .get_by_role_and_label(Role::Button, "Make the folder and export")
        .click();
    harness.run();
    assert!(out.is_file());
    harness.get_by_label_contains("Made the folder");

    // The same file again: the window asks before replacing it; Cancel
    // leaves it as it was, Replace writes it.
    std::fs::write(&out, "舊的").unwrap();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    harness.get_by_label_contains("already exists. Replace it?");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "舊的");
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click();
    harness.run();
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "舊的", "replaced");

    // Another format: the old "Exported" line goes.
    harness
        .get_by_role_and_label(Role::RadioButton, "CSV (Excel)")
        .click();
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label_contains("Exported 1 note to")
            .count(),
        1,
        "only the status bar still says it"
    );
}

const ONE_ANNOTATION: &str = r#"{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "urn:uuid:0b7f58a2-2222-4e2b-9d3c-1234567890ab",
  "type": "Annotation",
  "body": {"type": "TextualBody", "value": "簽約地點未寫明"},
  "target": {"source": "urn:x-test", "selector": [
    {"type": "TextPositionSelector", "start": 1336, "end": 1350},
    {"type": "TextQuoteSelector", "exact": "單位的負責同志參加簽約儀式"}]}
}"#;

#[test]
fn dropping_an_annotations_file_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("d.pizhu.json"));
    let file = dir.path().join("dropped.jsonld");
    std::fs::write(&file, ONE_ANNOTATION).unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    harness.run();
    let store = harness.state().notes().unwrap().store();
    assert_eq!(store.notes().len(), 1, "the dropped annotation is imported");
    harness.get_by_label_contains("imported");
}

#[test]
fn importing_a_w3c_file_adds_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("i.pizhu.json"));
    let anno = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "urn:uuid:6f1c2a34-1111-4e2b-9d3c-1234567890ab",
      "type": "Annotation",
      "motivation": "commenting",
      "body": {"type": "TextualBody", "value": "第二次提到十八大", "format": "text/plain"},
      "target": {"source": "urn:x-test",
        "selector": {"type": "TextQuoteSelector", "exact": "十八大", "prefix": "濟寧將以", "suffix": "精神為指導"}},
      "created": "2026-11-01T08:00:00Z",
      "modified": "2026-11-01T08:00:00Z"
    }"#;
    let file = dir.path().join("one.json");
    std::fs::write(&file, anno).unwrap();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import annotations…")
        .click();
    harness.run();
    retype(
        &mut harness,
        "Annotations file",
        &file.display().to_string(),
    );
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    let store = harness.state().notes().unwrap().store();
    assert_eq!(store.notes().len(), 1);
    let note = &store.notes()[0];
    let at = store
        .anchor_of(&note.id)
        .unwrap()
        .position()
        .expect("anchored");
    let doc = Document::embedded();
    assert_eq!(doc.slice(at.start, at.end), "十八大");
    assert!(
        doc.slice(at.start.saturating_sub(4), at.start)
            .ends_with("濟寧將以")
    );
}

/// Whether this machine could show a real file dialog (then clicking
/// Browse… would wait for a person, so the test below does not run).
fn a_file_dialog_could_open() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || ["zenity", "kdialog"].iter().any(|program| {
            std::env::var_os("PATH").is_some_and(|paths| {
                std::env::split_paths(&paths).any(|dir| dir.join(program).is_file())
            })
        })
}

#[test]
fn browse_without_a_file_dialog_says_so_and_focuses_the_field() {
    if a_file_dialog_could_open() {
        eprintln!("skipped: a file dialog could open here and wait for a person");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("b.pizhu.json"));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Browse…")
        .click();
    harness.run();
    harness.get_by_label_contains("No file dialog is available on this system");
    assert!(
        harness.get_by_label("Export path").is_focused(),
        "the path field has the keyboard focus"
    );
}
