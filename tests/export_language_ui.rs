//! A reviewer in the Chinese interface exports a Markdown report and gets it
//! in Chinese: the window passes its language to the report.
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
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::i18n::{self, Lang, fill};
use pizhu::ui::settings::Settings;

mod common;
use common::retype;

#[test]
fn the_chinese_window_exports_a_chinese_report() {
    let s = i18n::strings(Lang::ZhHant);
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        lang: Lang::ZhHant,
        ..Settings::default()
    };
    let mut harness = common::window(
        settings,
        Document::embedded(),
        &dir.path().join("n.pizhu.json"),
    );
    harness
        .get_by_role_and_label(Role::Button, &fill(s.note_paragraph, &[("n", &1)]))
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, s.format_markdown)
        .click();
    harness.run();
    let out = dir.path().join("審閱報告.review.md");
    retype(&mut harness, s.export_path, &out.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, s.export)
        .click();
    harness.run();

    let md = std::fs::read_to_string(&out).expect("the report is written");
    assert!(md.starts_with("# 審閱報告：article.txt\n"), "{md}");
    for heading in [
        "\n## 批注\n",
        "\n### 第 1 段\n",
        "\n#### 批注 1\n",
        "\n## 時間線\n",
    ] {
        assert!(md.contains(heading), "no {heading:?} in\n{md}");
    }
    assert!(md.contains("- 顏色：黃色\n"), "{md}");
    for english in [
        "Review of",
        "## Notes",
        "Paragraph",
        "Tags: none",
        "Color: yellow",
    ] {
        assert!(!md.contains(english), "{english:?} in\n{md}");
    }
}

/// A reviewer sees times on their own clock: the note's details and the
/// status bar's save time are local, never the stored UTC `…Z` form (the
/// expected text is computed in this process's zone, so the test holds in
/// any zone).
#[test]
fn the_window_shows_local_times() {
    use pizhu::core::notes::session::SaveState;
    use pizhu::core::time;

    let s = i18n::strings(Lang::ZhHans);
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        lang: Lang::ZhHans,
        ..Settings::default()
    };
    let mut harness = common::window(
        settings,
        Document::embedded(),
        &dir.path().join("t.pizhu.json"),
    );
    harness
        .get_by_role_and_label(Role::Button, &fill(s.note_paragraph, &[("n", &1)]))
        .click();
    harness.run();
    let created = harness.state().notes().unwrap().store().notes()[0]
        .created
        .clone();
    assert!(created.ends_with('Z'), "stored in UTC: {created}");
    // The editor's details line.
    let local = time::local_date_time(&created);
    harness.get_by_label_contains(&format!("创建于 {local}"));
    assert!(harness.query_by_label_contains(&created).is_none());

    // Saved: the status bar says when, on the local clock.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let SaveState::Saved { at } = harness.state().notes().unwrap().state() else {
        panic!("not saved: {:?}", harness.state().notes().unwrap().state());
    };
    let clock = time::clock(at, &time::local_zone());
    // (The status bar's line and the message of what Save did both say it.)
    assert!(
        harness
            .query_all_by_label_contains(&format!("已保存 {clock}"))
            .next()
            .is_some()
    );
    let utc_clock = at.split_once('T').map(|(_, t)| t.to_owned()).unwrap();
    assert!(harness.query_by_label_contains(&utc_clock).is_none());
}

/// The timeline shows what Pizhu wrote about the article in the interface's
/// language, and follows a switch of language in Settings.
#[test]
fn the_timeline_speaks_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::window(
        Settings::default(),
        Document::embedded(),
        &dir.path().join("l.pizhu.json"),
    );
    let year_reason = |harness: &egui_kittest::Harness<'static, pizhu::ui::app::PizhuApp>| {
        harness
            .state()
            .timeline()
            .unwrap()
            .year
            .clone()
            .unwrap()
            .reason
    };
    assert!(year_reason(&harness).starts_with("The article gives no year."));

    harness.get_by_role_and_label(Role::Button, "Edit").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Settings…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "简体中文")
        .click();
    harness.run();
    assert!(
        year_reason(&harness).starts_with("文章没有写年份。"),
        "{}",
        year_reason(&harness)
    );
    // The people keep their names as the article writes them.
    let timeline = harness.state().timeline().unwrap();
    assert_eq!(timeline.person("han-jinfeng").unwrap().name, "韓金峰");
}
