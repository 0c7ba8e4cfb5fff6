//! The caret in the article, as a keyboard user meets it: it is there
//! before the first click (at the start of what is in view), the arrows
//! move it, Escape drops a selection but keeps the caret, and adding a
//! note leaves it after the noted words. Read from AccessKit: the text
//! selection a screen reader follows.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::accesskit::{Role, TextSelection};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable as _};
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

fn window(dir: &tempfile::TempDir) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    common::window(
        settings,
        Document::embedded(),
        &dir.path().join("n.pizhu.json"),
    )
}

/// The caret (or selection) the reader gives AccessKit: the paragraph it is
/// in (its first chars) and the char offset within the line, for anchor and
/// focus.
fn caret(harness: &Harness<'static, PizhuApp>) -> Option<(String, usize, usize)> {
    harness.query_all_by_role(Role::Label).find_map(|n| {
        let node = n.accesskit_node();
        let sel: TextSelection = *node.raw_text_selection()?;
        let text: String = node.value()?.chars().take(8).collect();
        Some((text, sel.anchor.character_index, sel.focus.character_index))
    })
}

#[test]
fn the_caret_is_at_the_start_of_the_article_before_any_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&dir);
    harness.run();
    assert_eq!(
        caret(&harness),
        Some(("12月11日下午".to_owned(), 0, 0)),
        "a caret before the first char of paragraph 1"
    );
    // The arrows move it from there, no click needed.
    harness.key_press(Key::ArrowRight);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(caret(&harness), Some(("12月11日下午".to_owned(), 2, 2)));
}

#[test]
fn escape_drops_the_selection_and_keeps_the_caret() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&dir);
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.run();
    assert_eq!(caret(&harness), Some(("12月11日下午".to_owned(), 0, 3)));
    assert_eq!(
        harness.state().selection().map(|r| (r.start, r.end)),
        Some((0, 3))
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selection(), None, "nothing selected");
    assert_eq!(
        caret(&harness),
        Some(("12月11日下午".to_owned(), 3, 3)),
        "the caret stays where the selection ended"
    );
}

#[test]
fn after_adding_a_note_the_caret_is_after_the_noted_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&dir);
    for _ in 0..5 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_eq!(harness.state().notes().unwrap().store().notes().len(), 1);
    assert_eq!(caret(&harness), Some(("12月11日下午".to_owned(), 5, 5)));
}
