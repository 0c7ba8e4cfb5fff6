//! The windows over the reader behave as a desktop user expects: Esc closes
//! the topmost one (and only it), and windows never cover the menu bar.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

fn app(dir: &std::path::Path, size: [f32; 2]) -> Harness<'static, PizhuApp> {
    common::window_with(
        Settings::default(),
        Document::embedded(),
        &dir.join("r.pizhu.json"),
        size,
        None,
    )
}

fn shown(harness: &Harness<'static, PizhuApp>, title: &str) -> bool {
    harness
        .query_by_role_and_label(Role::Window, title)
        .is_some()
}

#[test]
fn escape_closes_the_topmost_window_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), [1280.0, 800.0]);
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    harness.run();
    assert!(shown(&harness, "Keyboard shortcuts"));
    assert!(shown(&harness, "Export notes"));

    // The Export window came last: Esc closes it, the sheet stays.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!shown(&harness, "Export notes"));
    assert!(shown(&harness, "Keyboard shortcuts"));
    // Then the sheet.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!shown(&harness, "Keyboard shortcuts"));

    // With a note open in the editor, Esc closes the window over it, not
    // the editor.
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    assert!(harness.state().open_note().is_some());
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!shown(&harness, "Keyboard shortcuts"));
    assert!(
        harness.state().open_note().is_some(),
        "the editor stays open"
    );
}

#[test]
fn windows_stay_below_the_menu_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), [800.0, 500.0]);
    let menu = harness.get_by_role_and_label(Role::Button, "File").rect();
    for open in [egui::Key::F1, egui::Key::E] {
        if open == egui::Key::E {
            harness.key_press_modifiers(Modifiers::COMMAND, open);
        } else {
            harness.key_press(open);
        }
        harness.run();
    }
    // Dragging a window by its title up over the menu bar leaves it below.
    for title in ["Keyboard shortcuts", "Export notes"] {
        let window = harness.get_by_role_and_label(Role::Window, title).rect();
        // The title bar: just inside the window's top edge.
        let from = egui::pos2(window.center().x, window.top() + 10.0);
        harness.drag_at(from);
        harness.step();
        harness.hover_at(egui::pos2(from.x, 0.0));
        harness.step();
        harness.drop_at(egui::pos2(from.x, 0.0));
        harness.run_steps(3);
        let top = harness
            .get_by_role_and_label(Role::Window, title)
            .rect()
            .top();
        assert!(
            top >= menu.bottom(),
            "{title} at {top}, menu ends at {}",
            menu.bottom()
        );
    }
}

#[test]
fn the_view_menu_fits_a_small_window_and_fonts_are_searched_in_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), [800.0, 600.0]);
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    // The last item of the View menu is on the screen.
    let more = harness.get_by_role_and_label(Role::Button, "More fonts…");
    assert!(more.rect().bottom() <= 600.0, "{:?}", more.rect());
    more.click();
    harness.run();
    assert!(shown(&harness, "Settings"));
    // The embedded fonts are listed; a search narrows the list.
    harness.get_by_role_and_label(Role::RadioButton, "Sans (Noto Sans CJK TC)");
    harness
        .get_by_role_and_label(Role::SearchInput, "Search fonts")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SearchInput, "Search fonts")
        .type_text("serif");
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::RadioButton, "Sans (Noto Sans CJK TC)")
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::RadioButton, "Serif (Noto Serif CJK TC)")
        .click();
    harness.run();
}

#[test]
fn the_status_bar_says_what_was_done_and_shows_the_zoom() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), [1280.0, 800.0]);
    harness
        .get_by_role_and_label(Role::Button, "Note paragraph 1")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label_contains("Save: saved");
    harness.get_by_role_and_label(Role::Button, "×").click();
    harness.run();
    assert!(harness.query_by_label_contains("Save: saved").is_none());

    // Zoom in: the status bar says by how much; a click goes back to 100 %.
    harness.get_by_role_and_label(Role::Button, "100%");
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "100%")
            .is_none()
    );
    let zoomed = format!("{}%", (pizhu::ui::theme::ZOOM_STEP * 100.0).round());
    harness.get_by_role_and_label(Role::Button, &zoomed).click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "100%");
}
