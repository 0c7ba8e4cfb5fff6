//! Line breaking as a reviewer meets it: resize the window and zoom the
//! text, and no line of the article starts with a closing mark (，。、”」)
//! or ends with an opening one (“「（); English keeps its words whole.
//! The lines are read from the reader's AccessKit text runs, the lines a
//! screen reader is given. And an English file's status bar does not
//! count "0 pinyin readings removed".
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
use egui_kittest::kittest::{NodeT, Queryable as _};
use pizhu::core::text::document::Document;
use pizhu::core::text::linebreak::{is_closing, is_opening};
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

/// Every line the reader drew of `text`, as its text runs say (without
/// the line feed that ends it): the runs of the blocks whose text is a
/// piece of the document (other text runs are the rest of the window).
fn lines(harness: &Harness<'static, PizhuApp>, text: &str) -> Vec<String> {
    harness
        .query_all_by_role(Role::TextRun)
        .filter(|n| {
            n.parent()
                .and_then(|p| p.accesskit_node().value())
                .is_some_and(|l| !l.is_empty() && text.contains(l.as_str()))
        })
        .filter_map(|n| n.accesskit_node().value())
        .map(|v| v.trim_end_matches('\n').to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The lines that break a rule, with the window width, for the message.
fn broken_rules(lines: &[String], width: f32) -> Vec<String> {
    lines
        .iter()
        .filter(|l| {
            l.chars().next().is_some_and(is_closing) || l.chars().last().is_some_and(is_opening)
        })
        .map(|l| format!("{width} px: {l}"))
        .collect()
}

fn window(doc: Document, dir: &tempfile::TempDir, size: [f32; 2]) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    common::window_with(settings, doc, &dir.path().join("n.pizhu.json"), size, None)
}

#[test]
fn resizing_the_window_never_leaves_an_opening_quote_at_a_line_end() {
    let dir = tempfile::tempdir().unwrap();
    // Tall enough that the whole article is drawn at once.
    let text = Document::embedded().text().to_owned();
    let mut harness = window(Document::embedded(), &dir, [1280.0, 3000.0]);
    let mut bad = Vec::new();
    let mut seen = 0;
    // Every width from a drawer-sized window to a wide one, a few px apart,
    // so that some line ends just before each mark of the article.
    let mut width = 500.0;
    while width <= 1700.0 {
        harness.set_size(egui::vec2(width, 3000.0));
        harness.run_steps(3);
        let got = lines(&harness, &text);
        seen += got.len();
        bad.extend(broken_rules(&got, width));
        width += 7.0;
    }
    assert!(seen > 1000, "the reader's lines are readable: {seen}");
    assert!(
        bad.is_empty(),
        "lines against the rules:\n{}",
        bad.join("\n")
    );
}

#[test]
fn zooming_the_text_keeps_the_rules_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = Document::embedded().text().to_owned();
    let mut harness = window(Document::embedded(), &dir, [900.0, 3000.0]);
    let mut bad = Vec::new();
    for _ in 0..8 {
        harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
        harness.run_steps(3);
        bad.extend(broken_rules(&lines(&harness, &text), 900.0));
    }
    assert!(
        bad.is_empty(),
        "lines against the rules:\n{}",
        bad.join("\n")
    );
}

#[test]
fn english_words_are_never_cut_and_lines_break_after_spaces() {
    let text = "The cooperation framework agreement was signed on the afternoon of \
                11 December by the Jining government and the “Provincial Department \
                of Human Resources and Social Security”, who agreed to build a new \
                highland for employment services in southern Shandong.\n";
    let doc = Document::from_bytes("english.txt", None, text.as_bytes()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(doc, &dir, [620.0, 1200.0]);
    let words: Vec<&str> = text.split_whitespace().collect();
    for width in [520.0, 620.0, 700.0, 810.0] {
        harness.set_size(egui::vec2(width, 1200.0));
        harness.run_steps(3);
        let got = lines(&harness, text);
        assert!(got.len() > 1, "the paragraph wraps at {width} px: {got:?}");
        for line in &got {
            for piece in line.split_whitespace() {
                assert!(
                    words.contains(&piece),
                    "a word cut at {width} px: {piece:?} in {line:?}"
                );
            }
        }
        // Every line but the last ends at a space: English spacing kept.
        for line in &got[..got.len() - 1] {
            assert!(line.ends_with(' '), "{width} px: {line:?}");
        }
    }
}

#[test]
fn an_english_file_says_nothing_about_pinyin_in_the_status_bar() {
    let text = "The agreement was signed on 11 December.\n";
    let doc = Document::from_bytes("english.txt", None, text.as_bytes()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let harness = window(doc, &dir, [1280.0, 800.0]);
    let status = harness
        .query_all_by_role(Role::Label)
        .filter_map(|n| n.accesskit_node().value())
        .find(|v| v.starts_with("english.txt"))
        .expect("the status bar names the file");
    assert_eq!(
        status,
        "english.txt · UTF-8 · 41 bytes · 41 characters · 1 paragraph"
    );
}
