//! The interface language: switched in the Settings window, it relabels the
//! whole window at once; every string of every language has glyphs in the
//! embedded fonts, and a Chinese interface draws every panel without tofu.
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
use pizhu::core::text::find::FindIndex;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::command::Command;
use pizhu::ui::fonts::{self, ReadingFont};
use pizhu::ui::i18n::{self, Lang};
use pizhu::ui::settings::{Settings, SideTab};

fn app_with(settings: Settings, notes: &std::path::Path) -> Harness<'static, PizhuApp> {
    common::window(settings, Document::embedded(), notes)
}

fn open_settings(harness: &mut Harness<'static, PizhuApp>, edit: &str, settings: &str) {
    harness.get_by_role_and_label(Role::Button, edit).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, settings)
        .click();
    harness.run();
}

#[test]
fn switching_the_language_in_settings_relabels_the_menus() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(Settings::default(), &dir.path().join("l.pizhu.json"));
    assert_eq!(harness.state().settings().lang, Lang::En);
    open_settings(&mut harness, "Edit", "Settings…");

    harness
        .get_by_role_and_label(Role::RadioButton, "繁體中文")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().lang, Lang::ZhHant);
    harness.get_by_role_and_label(Role::Button, "檔案");
    harness.get_by_role_and_label(Role::Button, "編輯");
    harness.get_by_label("時間線");
    harness.get_by_role_and_label(Role::Button, "批注第 1 段");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "File")
            .is_none(),
        "no English menu is left"
    );
    // The Settings window stays open in the new language.
    harness.get_by_role_and_label(Role::TextInput, "新批注的作者");

    harness
        .get_by_role_and_label(Role::RadioButton, "简体中文")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().lang, Lang::ZhHans);
    harness.get_by_role_and_label(Role::Button, "文件");
    harness.get_by_label("时间线");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "檔案")
            .is_none()
    );

    harness
        .get_by_role_and_label(Role::RadioButton, "English")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().lang, Lang::En);
    harness.get_by_role_and_label(Role::Button, "File");
    harness.get_by_role_and_label(Role::Button, "Note paragraph 1");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "文件")
            .is_none()
    );
}

#[test]
fn a_chinese_interface_opens_its_menus_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        lang: Lang::ZhHans,
        ..Settings::default()
    };
    let mut harness = app_with(settings, &dir.path().join("m.pizhu.json"));
    harness.get_by_role_and_label(Role::Button, "文件").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "打开…");
    harness.get_by_role_and_label(Role::Button, "导入批注…");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "视图").click();
    harness.run();
    harness.get_by_role_and_label(Role::RadioButton, "简体");
    harness.get_by_role_and_label(Role::RadioButton, "跟随系统");
    // The status bar speaks it too.
    harness.get_by_label_contains("已移除 227 处拼音");
}

/// Open nearly everything there is to see, in each Chinese interface: the
/// harness panics on any character no font can draw.
#[test]
fn every_panel_draws_in_chinese_without_missing_glyphs() {
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        let s = i18n::strings(lang);
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            lang,
            show_ruby: true,
            ..Settings::default()
        };
        let mut harness = app_with(settings, &dir.path().join("g.pizhu.json"));

        // The find bar, with a match count.
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
        harness.run();
        harness.get_by_label(s.find_in_text).type_text("濟寧");
        harness.run();
        let found = FindIndex::new(Document::embedded().text())
            .find_all("濟寧")
            .len();
        harness.get_by_label(&i18n::fill(s.match_of, &[("i", &1), ("n", &found)]));

        // A note in the editor and the list.
        let paragraph = i18n::fill(s.note_paragraph, &[("n", &1)]);
        harness
            .get_by_role_and_label(Role::Button, &paragraph)
            .click();
        harness.run();
        harness.get_by_label(s.note_text).type_text("批注 note");
        harness.run_steps(3);
        harness.get_by_label(s.filter_color);

        // The timeline with an open event, then the people.
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num2);
        harness.run();
        let first = harness.state().timeline().unwrap().events[0].title.clone();
        harness
            .get_by_label(&i18n::fill(s.event_named, &[("title", &first)]))
            .click();
        harness.run_steps(3);
        harness.get_by_label(s.event_title);
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num3);
        harness.run();
        assert_eq!(harness.state().settings().side_tab, SideTab::People);
        let name = harness.state().timeline().unwrap().people[0].name.clone();
        harness.get_by_label(&i18n::fill(s.person_named, &[("name", &name)]));

        // A menu, then every window at once (opened as the menus would).
        harness
            .get_by_role_and_label(Role::Button, s.menu_view)
            .click();
        harness.run();
        harness.get_by_role_and_label(Role::RadioButton, s.theme_system);
        harness.key_press(egui::Key::Escape);
        harness.run();
        let ctx = harness.ctx.clone();
        for command in [
            Command::ShowAbout,
            Command::ShowSettings,
            Command::ShowShortcuts,
            Command::ShowExport,
            Command::ShowImport,
            Command::ShowOpen,
        ] {
            harness.state_mut().apply(&ctx, command);
        }
        harness.run_steps(3);
        harness.get_by_label(s.about_title);
        harness.get_by_role_and_label(Role::TextInput, s.author_label);
        harness.get_by_label(s.shortcuts_title);
        harness.get_by_label(s.export_path);
        harness.get_by_label(s.annotations_file);
        harness.get_by_label(s.document_path);
    }
}

/// Every string of every language, in the interface font.
#[test]
fn the_embedded_fonts_draw_every_string() {
    let ctx = egui::Context::default();
    ctx.set_fonts(fonts::definitions(&ReadingFont::Serif, None));
    // One pass loads the fonts.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let font = egui::FontId::proportional(14.0);
    // The check can fail: an extension B ideograph is not in the subsets.
    assert!(!ctx.fonts_mut(|f| f.has_glyph(&font, '\u{20000}')));
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let s = i18n::strings(lang);
        let mut texts: Vec<(&str, &str)> = s.all();
        texts.push(("label", lang.label()));
        for (name, text) in texts {
            for c in text.chars() {
                if !ctx.fonts_mut(|f| f.has_glyph(&font, c)) {
                    missing.push(format!("{lang:?} {name}: {c:?}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no glyph for: {missing:#?}");
}

/// Settings saved before there was a language choice take the system's (as
/// a first start does); `Settings::default()` is English everywhere.
#[test]
fn old_settings_take_the_systems_language() {
    assert_eq!(Settings::default().lang, Lang::En);
    let old: Settings = serde_json::from_str(r#"{"reading_size": 24.0}"#).unwrap();
    assert_eq!(old.lang, Lang::system());
    assert!((old.reading_size - 24.0).abs() < f32::EPSILON);
    let saved = Settings {
        lang: Lang::ZhHant,
        ..Settings::default()
    };
    let json = serde_json::to_string(&saved).unwrap();
    assert!(json.contains(r#""lang":"zh-Hant""#), "{json}");
    let back: Settings = serde_json::from_str(&json).unwrap();
    assert_eq!(back.lang, Lang::ZhHant);
}
