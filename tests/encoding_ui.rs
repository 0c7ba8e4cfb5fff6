//! File → Reopen with Encoding in the real window: a document opened in
//! the wrong encoding is read again in the one chosen, its notes find
//! their words again, and the status bar says which encoding is in use.

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pizhu::core::anchor::Anchor;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

const ARTICLE: &str = include_str!("../assets/article.txt");

/// The app on `doc` as `common::window` builds it, except that characters
/// no font has are drawn as boxes, as the real window does: text read in
/// the wrong encoding is full of U+FFFD and rare characters.
fn window_allowing_tofu(doc: Document, notes: &std::path::Path) -> Harness<'static, PizhuApp> {
    let settings = Settings::default();
    let setup = settings.clone();
    let app = PizhuApp::new(Ok(doc), settings, Some(notes.to_path_buf()));
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(12)
        .allow_missing_glyphs()
        .with_context_setup(move |ctx| PizhuApp::setup_context(ctx, &setup))
        .build_ui_state(|ui, app: &mut PizhuApp| app.ui_root(ui), app);
    harness.run_steps(4);
    harness
}

#[test]
fn reopen_with_encoding_reads_the_file_again_and_keeps_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(ARTICLE);
    let path = dir.path().join("國標.txt");
    std::fs::write(&path, &gb).unwrap();
    let notes_path = dir.path().join("國標.txt.pizhu.json");

    // A note made on the right text.
    let right = Document::open(&path).unwrap();
    assert_eq!(right.encoding, "GB18030");
    let start = right.text().find("濟寧市政府").unwrap();
    let start = right.text()[..start].chars().count();
    let mut notes = Notes::open(&right, Some(&notes_path));
    let note = Note::new(
        Target::range(&right, start, start + 5),
        "全稱".into(),
        "審閱人".into(),
    );
    let id = note.id.clone();
    assert!(notes.edit(Edit::Add(note)));
    notes.save().unwrap();

    // Opened as UTF-8, the text is wrong: the status bar says so.
    let wrong = Document::open_as(&path, Some(encoding_rs::UTF_8)).unwrap();
    let mut harness = window_allowing_tofu(wrong, &notes_path);
    harness.get_by_label_contains("國標.txt · UTF-8 (chosen)");
    harness.get_by_label_contains("Damaged bytes replaced");
    let store = harness.state().notes().unwrap().store();
    assert!(store.anchor_of(&id).unwrap().is_orphaned());

    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Reopen with Encoding")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "GB18030")
        .click();
    harness.run();

    let doc = harness.state().document().unwrap();
    assert_eq!(doc.encoding, "GB18030");
    assert_eq!(doc.text(), right.text());
    harness.get_by_label_contains("國標.txt · GB18030 (chosen)");
    assert!(
        harness
            .query_by_label_contains("Damaged bytes replaced")
            .is_none()
    );
    // The note is the same one, anchored on its words again.
    let store = harness.state().notes().unwrap().store();
    let anchor = store.anchor_of(&id).unwrap();
    assert!(matches!(anchor, Anchor::Anchored { .. }), "{anchor:?}");
    assert_eq!(
        anchor.position().map(|p| (p.start, p.end)),
        Some((start, start + 5))
    );
    assert_eq!(harness.state().notes().unwrap().path(), notes_path);
    // The document file itself is never written.
    assert_eq!(std::fs::read(&path).unwrap(), gb.as_ref());
}

#[test]
fn the_embedded_article_has_no_file_to_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::window(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("r.pizhu.json"),
    );
    harness.get_by_label_contains("article.txt · UTF-8");
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    let item = harness.get_by_role_and_label(Role::Button, "Reopen with Encoding");
    assert!(item.accesskit_node().is_disabled());
}

#[test]
fn a_file_refused_for_its_encoding_opens_once_one_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    for line in ARTICLE.lines() {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(&[0xE6, 0xBF, b'\n']);
    }
    let file = dir.path().join("亂碼.txt");
    std::fs::write(&file, &bytes).unwrap();
    let mut harness = window_allowing_tofu(Document::embedded(), &dir.path().join("r.pizhu.json"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Document path").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Document path")
        .type_text(&file.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    harness.get_by_label_contains("no encoding decodes the file cleanly (as UTF-8 it has 6");
    assert_eq!(harness.state().document().unwrap().name, "article.txt");

    // The Open window (showing why) is closed; it may cover the menu.
    harness
        .get_by_role_and_label(Role::Button, "Close window")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Reopen with Encoding")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "UTF-8")
        .click();
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!((doc.name.as_str(), doc.encoding), ("亂碼.txt", "UTF-8"));
    assert_eq!(doc.replaced.map(|r| r.count), Some(6));
    harness.get_by_label_contains("亂碼.txt · UTF-8 (chosen)");
    harness.get_by_label_contains("Damaged bytes replaced: 6");
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}
