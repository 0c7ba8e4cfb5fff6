//! Everyday use: the 简/繁 switch keeps notes on their words, recent files,
//! the reading position comes back, F1 shows the shortcuts.
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
use common::Dropped;

fn app_with(
    settings: Settings,
    doc: Document,
    notes: &std::path::Path,
) -> Harness<'static, PizhuApp> {
    common::window(settings, doc, notes)
}

#[test]
fn simplified_view_keeps_each_note_on_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("s.pizhu.json"),
    );
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let before = {
        let store = harness.state().notes().unwrap().store();
        let id = store.notes()[0].id.clone();
        store.anchor_of(&id).unwrap().position().unwrap()
    };
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "简体 Simplified")
        .click();
    harness.run();
    // The article now reads in simplified characters…
    // (The open note's quote says it too, in the side panel: the paragraph
    // is the tallest of the two.)
    let shown = harness
        .query_all_by_label_contains("12月11日下午,济宁市政府与省人社厅签署合作框架协议")
        .map(|node| node.rect())
        .max_by(|a, b| a.height().total_cmp(&b.height()))
        .expect("the paragraph reads in simplified characters");
    assert!(shown.height() > 0.0);
    // …with the same number of characters, so the note covers the same words.
    let doc = Document::embedded();
    let simplified = pizhu::core::text::words::simplified_shadow(doc.paragraph_text(0));
    assert_eq!(
        simplified.chars().count(),
        doc.paragraph_text(0).chars().count()
    );
    let store = harness.state().notes().unwrap().store();
    let after = store
        .anchor_of(&store.notes()[0].id)
        .unwrap()
        .position()
        .unwrap();
    assert_eq!(before, after, "switching characters moves no note");
}

#[test]
fn opened_files_are_remembered_as_recent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("另一篇.txt");
    std::fs::write(&file, "第一段。\n第二段。\n").unwrap();
    let mut harness = app_with(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("r.pizhu.json"),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Document path").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Document path")
        .type_text(&file.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().name, "另一篇.txt");
    let recent = &harness.state().settings().recent;
    assert_eq!(recent.first(), Some(&std::fs::canonicalize(&file).unwrap()));
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open recent")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "另一篇.txt");
}

#[test]
fn the_reading_position_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    let para4 = doc.paragraphs[3].start;
    let settings = Settings {
        positions: vec![(doc.clean_sha256.clone(), para4)],
        reading_size: 30.0,
        ..Settings::default()
    };
    let harness = app_with(
        settings,
        Document::embedded(),
        &dir.path().join("p.pizhu.json"),
    );
    let at = harness.state().reading_position();
    assert!(
        (para4..para4 + 40).contains(&at),
        "the reader starts at paragraph 4 ({para4}), now at {at}"
    );
}

#[test]
fn f1_shows_the_shortcuts() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("k.pizhu.json"),
    );
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Add a note on the selected text");
}

#[test]
fn dropping_a_text_file_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("拖進來.txt");
    std::fs::write(&file, "拖放的文件。\n").unwrap();
    let mut harness = app_with(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("d.pizhu.json"),
    );
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    harness.run();
    assert_eq!(harness.state().document().unwrap().name, "拖進來.txt");
    harness.get_by_label("拖放的文件。");
}

#[test]
fn the_start_page_lists_recent_files_and_the_built_in_article() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("舊稿.txt");
    std::fs::write(&file, "舊的稿子。\n").unwrap();
    let settings = Settings {
        recent: vec![file.clone()],
        ..Settings::default()
    };
    let mut harness = app_with(
        settings,
        Document::embedded(),
        &dir.path().join("s.pizhu.json"),
    );
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start page")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "舊稿.txt")
        .click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().name, "舊稿.txt");
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start page")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "The agreement article (built in)")
        .click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().name, "article.txt");
}

#[test]
fn opening_a_review_file_opens_its_document_with_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("紀要.txt");
    std::fs::write(&doc_path, "第一段。\n第二段。\n").unwrap();
    // Make a note on the document, saved beside it.
    let doc = Document::open(&doc_path).unwrap();
    let review = dir.path().join("紀要.txt.pizhu.json");
    let mut notes = pizhu::core::notes::session::Notes::open(&doc, Some(&review));
    let note = pizhu::core::notes::note::Note::new(
        pizhu::core::notes::note::Target::range(&doc, 0, 3),
        "第一段的批注".into(),
        "審稿人".into(),
    );
    assert!(notes.edit(pizhu::core::notes::store::Edit::Add(note)));
    assert!(notes.save().is_ok());

    let mut harness = app_with(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("x.pizhu.json"),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Document path").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Document path")
        .type_text(&review.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().name, "紀要.txt");
    let store = harness.state().notes().unwrap().store();
    assert_eq!(store.notes().len(), 1);
    assert_eq!(store.notes()[0].body, "第一段的批注");
}
