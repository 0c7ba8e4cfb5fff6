//! 简/繁 in the window, as a reviewer meets it: the notes search finds a note
//! whichever script the query is typed in, the notes list shows quotes in
//! the display script, and the who's who's names stay as written in either.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::file::review::ReviewFile;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::core::timeline::{Person, Timeline};
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

/// Choose `label` (a script) in the View menu, as a reader does.
fn choose_script(harness: &mut Harness<'static, PizhuApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, label)
        .click();
    harness.run();
}

#[test]
fn in_simplified_the_articles_names_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with_note(&dir, Script::Original);
    harness.get_by_label_contains("秘書長劉成文出席");

    choose_script(&mut harness, "简体 Simplified");
    assert_eq!(harness.state().settings().script, Script::Simplified);
    // The words around them convert; the people of the who's who do not.
    harness.get_by_label_contains("秘书长劉成文出席");
    harness.get_by_label_contains("厅长韓金峰分别在签约仪式上致辞");
    harness.get_by_label_contains("副厅长黃麟英代表双方签署协议");
    assert!(harness.query_by_label_contains("韩金峰").is_none());
    assert!(harness.query_by_label_contains("刘成文").is_none());

    // 繁體 shows the traditional article as it is.
    choose_script(&mut harness, "繁體 Traditional");
    harness.get_by_label_contains("秘書長劉成文出席");
    harness.get_by_label_contains("廳長韓金峰分別在簽約儀式上致辭");
}

#[test]
fn in_traditional_a_simplified_text_keeps_the_reviewers_names() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_bytes(
        "会议.txt",
        None,
        "秘书长刘成文主持会议，韩金峰讲话。\n".as_bytes(),
    )
    .unwrap();
    // The reviewer's timeline names 劉成文 (in traditional characters), and
    // a note quotes the name.
    let path = dir.path().join("会议.pizhu.json");
    let mut review = ReviewFile::new(&doc);
    review.timeline = Some(Timeline {
        people: vec![Person {
            id: "p1".into(),
            name: "劉成文".into(),
            ..Person::default()
        }],
        ..Timeline::default()
    });
    std::fs::write(&path, review.to_json()).unwrap();
    let mut notes = Notes::open(&doc, Some(&path));
    let note = Note::new(Target::range(&doc, 3, 10), "主持人".into(), "審稿人".into());
    assert!(notes.edit(Edit::Add(note)));
    assert!(notes.save().is_ok());
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    let mut harness = common::window(settings, doc, &path);
    harness.get_by_label_contains("Note on “刘成文主持会议");

    choose_script(&mut harness, "繁體 Traditional");
    // The reader and the notes list keep the name as the text writes it;
    // the rest, 韩金峰 included (not in this timeline), converts.
    harness.get_by_label_contains("秘書長刘成文主持會議，韓金峰講話。");
    harness.get_by_label_contains("Note on “刘成文主持會議");
    assert!(harness.query_by_label_contains("劉成文主持").is_none());
}
