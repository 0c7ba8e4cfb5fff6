//! 简/繁 in the window, as a reviewer meets it: the notes search finds a note
//! whichever script the query is typed in, and the notes list shows quotes in
//! the display script.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::{Script, Settings};

/// The embedded article with one saved note on 濟寧市政 (chars 9..13),
/// opened in the window with `script` as the display script.
fn app_with_note(dir: &tempfile::TempDir, script: Script) -> Harness<'static, PizhuApp> {
    let doc = Document::embedded();
    let path = dir.path().join("article.pizhu.json");
    let mut notes = Notes::open(&doc, Some(&path));
    let note = Note::new(
        Target::range(&doc, 9, 13),
        "標題要改".into(),
        "審稿人".into(),
    );
    assert!(notes.edit(Edit::Add(note)));
    assert!(notes.save().is_ok());
    let settings = Settings {
        author: "審稿人".into(),
        script,
        ..Settings::default()
    };
    common::window(settings, Document::embedded(), &path)
}

#[test]
fn the_notes_search_ignores_simplified_and_traditional() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with_note(&dir, Script::Original);
    harness.get_by_label_contains("Note on “濟寧市政");

    // A simplified query finds the traditional quote.
    common::retype(&mut harness, "Search notes", "济宁");
    harness.run();
    harness.get_by_label_contains("Note on “濟寧市政");

    // 题 finds 題 in the note's text.
    common::retype(&mut harness, "Search notes", "题");
    harness.run();
    harness.get_by_label_contains("Note on “濟寧市政");

    // A name the note does not have still finds nothing.
    common::retype(&mut harness, "Search notes", "韩金峰");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Note on “濟寧市政")
            .is_none(),
        "the search still filters"
    );
}

#[test]
fn in_simplified_the_notes_list_shows_quotes_in_simplified() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with_note(&dir, Script::Original);
    harness.get_by_label_contains("Note on “濟寧市政");

    // View → 简体, as the reader would choose it (Ctrl+Shift+T cycles to it).
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::T,
    );
    harness.run();
    assert_eq!(harness.state().settings().script, Script::Simplified);
    harness.get_by_label_contains("Note on “济宁市政");
    assert!(
        harness.query_by_label_contains("Note on “濟寧").is_none(),
        "no traditional quote is left in the list"
    );
}
