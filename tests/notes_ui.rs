//! Notes in the window, as a reviewer makes them: select, add, type, find in
//! the list, undo, redo, restart; and a damaged notes file left untouched.
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
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

fn app_on(notes: &std::path::Path) -> Harness<'static, PizhuApp> {
    app_with_step(notes, 0.25)
}

fn app_with_step(notes: &std::path::Path, step_dt: f32) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    common::window_with(
        settings,
        Document::embedded(),
        notes,
        [1280.0, 900.0],
        Some(step_dt),
    )
}

fn temp_notes(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

const FIRST: &str = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議";

fn note_count(harness: &Harness<'static, PizhuApp>) -> usize {
    harness.state().notes().unwrap().store().notes().len()
}

#[test]
fn select_add_type_list_undo_redo_and_restart() {
    let (_dir, path) = temp_notes("article.pizhu.json");
    let mut harness = app_on(&path);

    common::drag_across(&mut harness, FIRST, 2.0, 150.0);
    let selection = harness.state().selection().expect("dragging selects text");
    assert!(selection.len() >= 4, "{selection:?}");

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    assert_eq!(note_count(&harness), 1);
    let quote = harness.state().notes().unwrap().store().notes()[0]
        .target
        .quote
        .exact
        .clone();
    assert!(
        FIRST.starts_with(&quote),
        "the note is on the selected words: {quote}"
    );

    // The editor has focus: type the note.
    harness
        .get_by_label("Note text")
        .type_text("簽約的日期，年份未寫明");
    harness.run();
    // Click away from the field so the draft is committed.
    harness.key_press(egui::Key::Escape);
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    let body = harness.state().notes().unwrap().store().notes()[0]
        .body
        .clone();
    assert_eq!(body, "簽約的日期，年份未寫明");

    // It is in the list, and a search finds it.
    harness.get_by_label_contains("Note on “12月11日");
    harness.get_by_label("Search notes").type_text("年份");
    harness.run();
    harness.get_by_label_contains("Note on “12月11日");
    harness.get_by_label("Search notes").click();

    // Undo the text, then the note; redo brings both back.
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Undo (Ctrl+Z)")
        .click();
    harness.run();
    assert_eq!(harness.state().notes().unwrap().store().notes()[0].body, "");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(note_count(&harness), 0, "undo removes the note");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(note_count(&harness), 1, "redo restores it");
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(
        harness.state().notes().unwrap().store().notes()[0].body,
        "簽約的日期，年份未寫明"
    );

    // Save (as autosave or exit would) and start again: the note is back.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(path.exists(), "the notes file is written");
    drop(harness);
    let harness = app_on(&path);
    assert_eq!(note_count(&harness), 1);
    harness.get_by_label_contains("Note on “12月11日");
}

#[test]
fn clicking_a_paragraph_number_notes_the_whole_paragraph() {
    let (_dir, path) = temp_notes("p.pizhu.json");
    let mut harness = app_on(&path);
    common::wheel_until(&mut harness, Role::Button, "Note paragraph 5", -120.0);
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 5")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 5")
        .click();
    harness.run();
    let notes = harness.state().notes().unwrap().store().notes().to_vec();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]
            .target
            .quote
            .exact
            .starts_with("簽約儀式前,韓金峰一行")
    );
    // A marker in the margin opens it.
    harness.get_by_label_contains("Open note on “簽約儀式前");
}

#[test]
fn double_click_selects_a_word_not_the_clause() {
    let (_dir, path) = temp_notes("w.pizhu.json");
    // Double-clicks need two clicks within 0.3 s: step the clock in small steps.
    let mut harness = app_with_step(&path, 0.02);
    let rect = harness.get_by_label_contains(FIRST).rect();
    // The 9th char of the line (濟寧市…): somewhere inside 濟寧.
    let pos = Pos2::new(rect.left() + 20.0 * 8.0, rect.top() + 12.0);
    for _ in 0..2 {
        harness.event(Event::PointerMoved(pos));
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        });
        harness.step();
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    let range = harness.state().selection().expect("a word is selected");
    let doc = Document::embedded();
    let word = doc.slice(range.start, range.end);
    assert!(
        (2..=4).contains(&word.chars().count()),
        "a word, not a clause: {word}"
    );
}

#[test]
fn a_damaged_notes_file_shows_its_error_and_is_left_unchanged() {
    let (_dir, path) = temp_notes("bad.pizhu.json");
    let bytes =
        b"{\n  \"format\": \"pizhu-review\",\n  \"version\": 1,\n  \"notes\": [ {\"id\": \n";
    std::fs::write(&path, bytes).unwrap();
    let mut harness = app_on(&path);
    harness.get_by_label_contains("line 5");
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file is never overwritten"
    );
    harness.get_by_role_and_label(Role::Button, "Start a new notes file");
}

#[test]
fn clicking_a_note_in_the_list_brings_its_words_into_view() {
    let (_dir, path) = temp_notes("scroll.pizhu.json");
    let mut harness = app_on(&path);
    // Zoom in so the last paragraph starts out of view.
    for _ in 0..6 {
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    }
    harness.run();
    common::wheel_until(&mut harness, Role::Button, "Note paragraph 6", -120.0);
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 6")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 6")
        .click();
    harness.run();
    common::wheel_until(&mut harness, Role::Button, "Note paragraph 1", 120.0);
    harness.run();
    let last = "市直有關部門、單位的負責同志參加簽約儀式。";
    let viewport_bottom = 900.0;
    assert!(
        harness
            .query_by_label(last)
            .is_none_or(|p| p.rect().top() > viewport_bottom),
        "the last paragraph is out of view before the click"
    );
    harness
        .get_by_label_contains("Note on “市直有關部門")
        .click();
    // The flash animates for a moment: step through it.
    harness.run_steps(10);
    let rect = harness.get_by_label(last).rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= viewport_bottom,
        "now in view: {rect:?}"
    );
    assert_eq!(
        harness.state().open_note(),
        Some(
            harness.state().notes().unwrap().store().notes()[0]
                .id
                .as_str()
        )
    );
}
