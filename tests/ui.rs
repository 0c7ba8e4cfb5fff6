//! UI tests: the real app in a headless egui context, driven like a user would,
//! finding widgets by role and label through the AccessKit tree.
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
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

fn harness_with(settings: Settings) -> Harness<'static, PizhuApp> {
    // Notes go to a file of the test's own, never into the user's data folder.
    let notes = std::env::temp_dir().join(format!("pizhu-ui-{}.pizhu.json", uuid_like()));
    harness_on(settings, notes)
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

fn harness_on(settings: Settings, notes: std::path::PathBuf) -> Harness<'static, PizhuApp> {
    common::window_with(
        settings,
        Document::embedded(),
        &notes,
        [1100.0, 800.0],
        None,
    )
}

fn harness() -> Harness<'static, PizhuApp> {
    harness_with(Settings::default())
}

#[test]
fn window_shows_the_first_paragraph_in_clean_text() {
    let harness = harness();
    let para = harness.get_by_label_contains("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議");
    let label = para.accesskit_node().label().unwrap_or_default();
    assert!(
        !label.contains("(jì)"),
        "pinyin must not be shown inline: {label}"
    );
    // The status bar names the document and its encoding.
    harness.get_by_label_contains("article.txt · UTF-8");
}

#[test]
fn pinyin_switch_turns_ruby_on_and_off() {
    let mut harness = harness();
    assert!(
        harness.query_by_label("濟 jì").is_none(),
        "ruby is off by default"
    );

    harness
        .get_by_role_and_label(Role::Button, "Pinyin ruby")
        .click();
    harness.run();
    assert!(harness.state().settings().show_ruby);
    let ruby = harness.get_all_by_label("濟 jì").count();
    assert!(
        ruby > 10,
        "濟 carries its reading many times in paragraph 1–2, saw {ruby}"
    );
    // Ruby sits above its character: above the top of the first paragraph's text line.
    let first_ruby = harness.get_all_by_label("濟 jì").next().unwrap().rect();
    assert!(first_ruby.height() < 16.0, "ruby is small: {first_ruby:?}");

    harness
        .get_by_role_and_label(Role::Button, "Pinyin ruby")
        .click();
    harness.run();
    assert!(
        harness.query_by_label("濟 jì").is_none(),
        "ruby is off again"
    );
}

#[test]
fn zoom_changes_the_text_size() {
    let mut harness = harness();
    let first = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議";
    let before = harness.get_by_label_contains(first).rect();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    let bigger = harness.get_by_label_contains(first).rect();
    assert!(harness.state().settings().reading_size > 20.0);
    assert!(
        bigger.height() > before.height(),
        "{bigger:?} vs {before:?}"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert!((harness.state().settings().reading_size - 20.0).abs() < 0.01);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run();
    let smaller = harness.get_by_label_contains(first).rect();
    assert!(
        smaller.height() < before.height(),
        "{smaller:?} vs {before:?}"
    );
}

#[test]
fn about_window_credits_the_fonts() {
    let mut harness = harness();
    harness.get_by_role_and_label(Role::Button, "Help").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "About Pizhu…")
        .click();
    harness.run();
    harness.get_by_label_contains("SIL Open Font License");
}

#[test]
fn dark_theme_is_one_click_away() {
    let mut harness = harness();
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "Dark")
        .click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

/// Ctrl+F and 十八大 typed into the find bar, as a reader looks it up.
fn find_eighteenth_congress() -> Harness<'static, PizhuApp> {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find in text").type_text("十八大");
    harness.run();
    harness.get_by_label("1 of 3");
    harness
}

#[test]
fn find_counts_matches_and_steps_through_them() {
    let mut harness = find_eighteenth_congress();
    harness.get_by_role_and_label(Role::Button, "Next").click();
    harness.run();
    harness.get_by_label("2 of 3");
    // A simplified query finds the traditional text.
    harness.get_by_label("Find in text").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Find in text").type_text("济宁");
    harness.run();
    assert!(harness.query_by_label("no matches").is_none());
    let doc = Document::embedded();
    let n = pizhu::core::text::find::FindIndex::new(doc.text())
        .find_all("濟寧")
        .len();
    assert!(n > 10);
    harness.get_by_label(&format!("1 of {n}"));
}

#[test]
fn ctrl_f_again_selects_the_old_query_so_typing_replaces_it() {
    let mut harness = find_eighteenth_congress();
    // Back to reading, then Ctrl+F again and a new word.
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find in text").type_text("濟寧");
    harness.run();
    let query = harness
        .get_by_label("Find in text")
        .accesskit_node()
        .value();
    assert_eq!(query.as_deref(), Some("濟寧"), "the old query was replaced");
}
