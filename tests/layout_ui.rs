//! A steady layout and safe actions, as a reviewer meets them: double-click
//! a note card (it opens, nothing is deleted, nothing moves under the
//! pointer), read the article in a small window (the side panel becomes a
//! drawer, F9), drag the side panel wider (remembered), delete a note and
//! take it back with the message's Undo.
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
use egui::{Event, Modifiers, PointerButton, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable as _};
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

/// The first words of paragraph 1 of the built-in article.
const FIRST: &str = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議";

/// The app on the built-in article in a `size` window; the clock steps
/// 0.1 s a frame, so clicks two frames apart make a double-click.
fn app(dir: &tempfile::TempDir, size: [f32; 2]) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    let notes = dir.path().join("article.pizhu.json");
    common::window_with(settings, Document::embedded(), &notes, size, Some(0.1))
}

/// Let the frames run until what was asked is drawn (a jump to a note
/// flashes it for 1.6 s).
fn settle(harness: &mut Harness<'static, PizhuApp>) {
    harness.run_steps(20);
}

fn note_count(harness: &Harness<'static, PizhuApp>) -> usize {
    harness.state().notes().unwrap().store().notes().len()
}

/// Press and release the primary button at `pos` within one frame, as a
/// quick mouse click does.
fn click_at(harness: &mut Harness<'static, PizhuApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.step();
}

/// Drag with the primary button from `from` to `to`.
fn drag(harness: &mut Harness<'static, PizhuApp>, from: Pos2, to: Pos2) {
    harness.event(Event::PointerMoved(from));
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    settle(harness);
    for i in 1..=5 {
        let t = i as f32 / 5.0;
        harness.event(Event::PointerMoved(from + (to - from) * t));
        settle(harness);
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    settle(harness);
}

/// The rect of the card of the note on paragraph 1 in the list.
fn card(harness: &Harness<'static, PizhuApp>) -> Rect {
    harness
        .get_by_role_and_label(
            Role::Button,
            "Note on “12月11日下午,濟寧市政府與省人社廳簽署合作框…”",
        )
        .rect()
}

/// The article's first paragraph as drawn (its text starts with its first
/// words; quotes of it in the side panel start with a quotation mark).
fn paragraph(harness: &Harness<'static, PizhuApp>) -> Rect {
    harness
        .get_all_by_label_contains(FIRST)
        .find(|node| {
            let node = NodeT::accesskit_node(node);
            let text = node.label().or_else(|| node.value());
            text.is_some_and(|l| l.starts_with(FIRST))
        })
        .expect("the first paragraph is drawn")
        .rect()
}

/// Add a note on paragraph 1 with its number button, and close the editor.
fn add_note_and_close(harness: &mut Harness<'static, PizhuApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    settle(harness);
    assert_eq!(note_count(harness), 1);
    harness.get_by_role_and_label(Role::Button, "Close").click();
    settle(harness);
    assert_eq!(harness.state().open_note(), None);
}

#[test]
fn double_clicking_a_note_card_opens_it_and_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir, [1280.0, 800.0]);
    add_note_and_close(&mut harness);
    let id = harness.state().notes().unwrap().store().notes()[0]
        .id
        .clone();
    let text_before = paragraph(&harness);

    // A double-click as a hand makes it: a click, a frame drawn, a second
    // click at the same place 0.2 s after the first.
    let before = card(&harness);
    let pos = before.center();
    click_at(&mut harness, pos);
    harness.step();
    let after_first = card(&harness);
    click_at(&mut harness, pos);
    harness.run_steps(12);

    assert_eq!(note_count(&harness), 1, "a double-click deletes nothing");
    // The first click opened the note: the card stayed under the pointer,
    // not the editor's buttons.
    assert_eq!(after_first, before, "the card does not move when it opens");
    assert_eq!(harness.state().open_note(), Some(id.as_str()));
    assert_eq!(card(&harness), before, "nothing moved under the pointer");
    // Opening the editor did not reflow the article.
    assert_eq!(paragraph(&harness).width(), text_before.width());
}

#[test]
fn the_article_stays_readable_at_every_window_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir, [1280.0, 800.0]);
    add_note_and_close(&mut harness);
    // A note open in the editor, as when reviewing.
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    settle(&mut harness);
    let size = harness.state().settings().reading_size;
    for [w, h] in [
        [500.0, 400.0],
        [800.0, 600.0],
        [1280.0, 800.0],
        [2560.0, 1440.0],
    ] {
        harness.set_size(egui::vec2(w, h));
        settle(&mut harness);
        let width = paragraph(&harness).width();
        assert!(
            width >= 20.0 * size - 0.5,
            "at {w}×{h} the article is {width} wide, fewer than 20 characters of {size}"
        );
        // The status bar's Open folder button stays inside the window: the
        // document's facts are cut instead.
        let folder = harness
            .get_by_role_and_label(Role::Button, "Open folder")
            .rect();
        assert!(
            folder.right() <= w + 0.5 && folder.left() >= 0.0,
            "at {w}×{h} Open folder is at {folder:?}"
        );
    }
}

#[test]
fn a_narrow_window_shows_the_side_panel_as_a_drawer_over_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir, [800.0, 600.0]);
    let text = paragraph(&harness);
    assert!(text.width() >= 20.0 * harness.state().settings().reading_size);
    assert!(
        harness.query_by_label("Search notes").is_none(),
        "closed at first"
    );

    // A new note opens the drawer over the article, with the note in its
    // editor: the article is not laid out again.
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    settle(&mut harness);
    harness.get_by_label("Search notes");
    assert!(harness.state().open_note().is_some());
    assert_eq!(
        paragraph(&harness),
        text,
        "the drawer does not reflow the text"
    );
    harness.get_by_role_and_label(Role::Button, "Close").click();
    settle(&mut harness);
    // Its cards open notes, as the side panel's do.
    let before = card(&harness);
    click_at(&mut harness, before.center());
    settle(&mut harness);
    assert!(harness.state().open_note().is_some());
    assert_eq!(card(&harness), before);

    // Its own button closes it; F9 brings it back.
    harness
        .get_by_role_and_label(Role::Button, "Hide side panel")
        .click();
    settle(&mut harness);
    assert!(harness.query_by_label("Search notes").is_none());
    harness.key_press(egui::Key::F9);
    settle(&mut harness);
    harness.get_by_label("Search notes");
    // Esc closes it too, as the topmost thing over the article.
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(harness.query_by_label("Search notes").is_none());
    harness.key_press(egui::Key::F9);
    settle(&mut harness);
    harness.get_by_label("Search notes");

    // A wide window has the panel beside the article, F9 hides it there.
    harness.set_size(egui::vec2(1280.0, 800.0));
    settle(&mut harness);
    harness.get_by_label("Search notes");
    assert!(harness.query_by_label("Hide side panel").is_none());
    harness.key_press(egui::Key::F9);
    settle(&mut harness);
    assert!(harness.query_by_label("Search notes").is_none());
    assert!(!harness.state().settings().show_notes);
}

#[test]
fn the_side_panel_width_is_dragged_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir, [1280.0, 800.0]);
    let search = harness.get_by_label("Search notes").rect();
    // The panel's edge is a little left of its fields.
    let edge = search.left() - 8.0;
    let y = 500.0;
    drag(&mut harness, Pos2::new(edge, y), Pos2::new(edge - 120.0, y));
    settle(&mut harness);
    let dragged = harness.get_by_label("Search notes").rect().left();
    assert!((dragged - (search.left() - 120.0)).abs() < 4.0, "{dragged}");
    // A smaller window narrows the panel to keep the article readable…
    harness.set_size(egui::vec2(960.0, 800.0));
    settle(&mut harness);
    let size = harness.state().settings().reading_size;
    assert!(paragraph(&harness).width() >= 20.0 * size - 0.5);
    // …without forgetting the width chosen, which comes back with the room…
    harness.set_size(egui::vec2(1280.0, 800.0));
    settle(&mut harness);
    let left = harness.get_by_label("Search notes").rect().left();
    assert!((left - dragged).abs() < 0.5, "{left} {dragged}");
    // …and after a restart.
    let settings = harness.state().settings().clone();
    drop(harness);
    let notes = dir.path().join("article.pizhu.json");
    let harness = common::window_with(
        settings,
        Document::embedded(),
        &notes,
        [1280.0, 800.0],
        None,
    );
    let left = harness.get_by_label("Search notes").rect().left();
    assert!((left - dragged).abs() < 0.5, "{left} {dragged}");
}

#[test]
fn deleting_a_note_says_so_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir, [1280.0, 800.0]);
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    settle(&mut harness);
    let id = harness.state().notes().unwrap().store().notes()[0]
        .id
        .clone();
    harness
        .get_by_role_and_label(Role::Button, "Delete note")
        .click();
    settle(&mut harness);
    assert_eq!(note_count(&harness), 0);
    harness.get_by_label("Note deleted");
    harness.get_by_role_and_label(Role::Button, "Undo").click();
    settle(&mut harness);
    assert_eq!(note_count(&harness), 1, "Undo brings the note back");
    assert!(harness.query_by_label("Note deleted").is_none());
    assert_eq!(
        harness.state().open_note(),
        Some(id.as_str()),
        "back in the editor, where it was deleted from"
    );
    harness.get_by_role_and_label(Role::Button, "Delete note");

    // From the keyboard: the message's Undo has the focus; Enter presses it.
    let card = harness
        .get_by_role_and_label(
            Role::Button,
            "Note on “12月11日下午,濟寧市政府與省人社廳簽署合作框…”",
        )
        .rect();
    click_at(&mut harness, card.center());
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Delete note")
        .click();
    settle(&mut harness);
    assert_eq!(note_count(&harness), 0);
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(note_count(&harness), 1, "Enter on the message's Undo");

    // The message goes away by itself.
    click_at(&mut harness, card.center());
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Delete note")
        .click();
    settle(&mut harness);
    harness.get_by_label("Note deleted");
    for _ in 0..600 {
        harness.step();
    }
    settle(&mut harness);
    assert!(harness.query_by_label("Note deleted").is_none());
    assert_eq!(note_count(&harness), 0);
}
