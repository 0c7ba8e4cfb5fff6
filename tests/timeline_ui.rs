//! The timeline and who's who in the window: clicking an event shows its
//! evidence; an edit survives a save and a restart, and undo reverts it.
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
use pizhu::ui::settings::{Settings, SideTab};

mod common;

fn app_on(notes: &std::path::Path, zoom_steps: usize) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        side_tab: SideTab::Timeline,
        ..Settings::default()
    };
    let mut harness = common::window(settings, Document::embedded(), notes);
    for _ in 0..zoom_steps {
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    }
    harness.run();
    harness
}

/// Paragraph 5, the site visits, as the reader shows it (its accessible label).
fn visits() -> String {
    Document::embedded().paragraph_text(4).to_owned()
}

#[test]
fn clicking_an_event_brings_its_evidence_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("t.pizhu.json"), 6);
    let timeline = harness.state().timeline().unwrap().clone();
    assert!(!timeline.events.is_empty(), "the article ships a timeline");
    let first = &timeline.events[0];
    // Out of view means not drawn at all: the reader lays out only what shows.
    assert!(
        harness
            .query_by_label(&visits())
            .is_none_or(|p| p.rect().top() > 900.0),
        "the site visits' sentence starts out of view"
    );
    harness
        .get_by_label(&format!("Event: {}", first.title))
        .click();
    harness.run_steps(30);
    assert_eq!(harness.state().open_event(), Some(0));
    let rect = harness.get_by_label(&visits()).rect();
    assert!(
        rect.top() < 900.0 && rect.bottom() > 0.0,
        "evidence in view: {rect:?}"
    );
}

#[test]
fn people_tab_lists_everyone_with_titles() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("p.pizhu.json"), 0);
    harness.get_by_label("People").click();
    harness.run();
    for name in [
        "馬平昌",
        "韓金峰",
        "何思清",
        "劉成文",
        "劉中會",
        "黃麟英",
        "佘春明",
    ] {
        harness.get_by_label(&format!("Person: {name}"));
    }
    assert!(
        harness
            .get_all_by_label_contains("省委組織部副部長")
            .count()
            >= 1
    );
}

#[test]
fn an_edit_survives_save_and_reload_and_undo_reverts_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.pizhu.json");
    let mut harness = app_on(&path, 0);
    let title = harness.state().timeline().unwrap().events[0].title.clone();
    harness.get_by_label(&format!("Event: {title}")).click();
    harness.run_steps(10);
    harness.get_by_label("Event title").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    harness.get_by_label("Event title").type_text("（已核對）");
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run_steps(6);
    let edited = format!("{title}（已核對）");
    assert_eq!(harness.state().timeline().unwrap().events[0].title, edited);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    drop(harness);

    let mut harness = app_on(&path, 0);
    assert_eq!(
        harness.state().timeline().unwrap().events[0].title,
        edited,
        "the edit is in the review file"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    // Undo in a new session has nothing to undo; the edit is undone in the session that made it.
    drop(harness);

    let mut harness = app_on(&path, 0);
    harness.get_by_label(&format!("Event: {edited}")).click();
    harness.run_steps(10);
    harness.get_by_label("Event title").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    harness.get_by_label("Event title").type_text("！");
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run_steps(6);
    assert_eq!(
        harness.state().timeline().unwrap().events[0].title,
        format!("{edited}！")
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Undo (Ctrl+Z)")
        .click();
    harness.run();
    assert_eq!(
        harness.state().timeline().unwrap().events[0].title,
        edited,
        "undo reverts"
    );
}

#[test]
fn hovering_the_open_events_evidence_names_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("h.pizhu.json"), 0);
    let timeline = harness.state().timeline().unwrap().clone();
    let first = &timeline.events[0];
    harness
        .get_by_label(&format!("Event: {}", first.title))
        .click();
    harness.run_steps(30);
    // The evidence (the site visits, paragraph 5) is highlighted; the
    // reviewer points at its first line.
    let line = harness
        .get_all_by_role(Role::TextRun)
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node()
                .value()
                .is_some_and(|v| v.starts_with("簽約儀式前,韓金峰"))
        })
        .expect("the site visits' first line is drawn")
        .rect();
    harness.hover_at(line.center());
    harness.run_steps(12);
    harness.get_by_label(&format!("Evidence for the event “{}”", first.title));
}

/// Scroll to the event editor's first (or `last`) Remove button and click
/// it, as a reviewer does.
fn click_remove(harness: &mut Harness<'static, PizhuApp>, last: bool) {
    for scroll in [true, false] {
        {
            let mut buttons = harness.get_all_by_role_and_label(Role::Button, "Remove");
            let button = if last { buttons.last() } else { buttons.next() };
            let button = button.unwrap();
            if scroll {
                button.scroll_to_me();
            } else {
                button.click();
            }
        }
        harness.run_steps(if scroll { 1 } else { 6 });
    }
}

#[test]
fn removing_a_participant_or_evidence_says_so_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on(&dir.path().join("r.pizhu.json"), 0);
    let event = harness.state().timeline().unwrap().events[0].clone();
    assert!(!event.participants.is_empty() && !event.evidence.is_empty());
    harness
        .get_by_label(&format!("Event: {}", event.title))
        .click();
    harness.run_steps(10);
    // The first Remove is the first participant's.
    click_remove(&mut harness, false);
    let after = harness.state().timeline().unwrap().events[0].clone();
    assert_eq!(after.participants.len(), event.participants.len() - 1);
    harness.get_by_label("Participant removed");
    harness.get_by_role_and_label(Role::Button, "Undo").click();
    harness.run_steps(6);
    assert_eq!(harness.state().timeline().unwrap().events[0], event);

    // The last Remove is the last sentence of evidence's, inside the
    // panel however long the quote.
    let remove = harness
        .get_all_by_role_and_label(Role::Button, "Remove")
        .last()
        .unwrap()
        .rect();
    assert!(
        remove.right() <= 1280.0,
        "Remove is in the window: {remove:?}"
    );
    click_remove(&mut harness, true);
    let after = harness.state().timeline().unwrap().events[0].clone();
    assert_eq!(after.evidence.len(), event.evidence.len() - 1);
    harness.get_by_label("Evidence removed");
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(6);
    assert_eq!(harness.state().timeline().unwrap().events[0], event);
}
