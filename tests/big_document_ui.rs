//! Big documents in the real window: the reader draws only what is in view
//! (so a 5 MB document or a 1 MB line stays as quick as the article), and
//! still goes anywhere in them.
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
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::settings::Settings;

/// About 5 MB: the article's paragraphs, numbered 第0段, 第1段, …
fn five_megabytes() -> (Document, usize) {
    let article = Document::embedded();
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 5_000_000 {
        for p in 0..article.paragraphs.len() {
            text.push_str(&format!("第{n}段 {}\n", article.paragraph_text(p)));
            n += 1;
        }
    }
    (
        Document::from_bytes("big.txt", None, text.as_bytes()).unwrap(),
        n,
    )
}

/// Paragraph labels (the reader's text blocks) in the accessibility tree.
fn drawn_blocks(harness: &egui_kittest::Harness<'static, pizhu::ui::app::PizhuApp>) -> usize {
    harness
        .query_all_by_role(Role::Label)
        .filter(|n| n.value().is_some_and(|l| l.chars().count() > 40))
        .count()
}

fn find(harness: &mut egui_kittest::Harness<'static, pizhu::ui::app::PizhuApp>, query: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find in text").type_text(query);
    harness.run_steps(12);
}

#[test]
fn a_five_megabyte_document_draws_a_screenful_and_finds_its_last_paragraph() {
    let (doc, paragraphs) = five_megabytes();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::window(Settings::default(), doc, &dir.path().join("b.pizhu.json"));
    harness.get_by_role_and_label(Role::Button, "Note paragraph 1");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Note paragraph 100")
            .is_none(),
        "paragraphs out of view are not laid out"
    );
    let drawn = drawn_blocks(&harness);
    assert!((1..20).contains(&drawn), "{drawn} blocks drawn");

    // Find goes to the last paragraph, thousands of paragraphs further down.
    let last = paragraphs - 1;
    find(&mut harness, &format!("第{last}段"));
    let label = format!("Note paragraph {paragraphs}");
    let rect = harness.get_by_role_and_label(Role::Button, &label).rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 900.0,
        "the last paragraph is in view: {rect:?}"
    );
    assert!(drawn_blocks(&harness) < 20);
}

#[test]
fn a_one_megabyte_line_is_drawn_in_pieces_and_its_end_can_be_reached() {
    let mut line = "濟寧市人民政府與省人社廳簽署合作框架協議".repeat(16_000);
    line.push_str("終點標記");
    assert!(line.len() > 900_000);
    let doc = Document::from_bytes("line.txt", None, line.as_bytes()).unwrap();
    assert_eq!(doc.paragraphs.len(), 1);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::window(Settings::default(), doc, &dir.path().join("l.pizhu.json"));
    let longest = |h: &egui_kittest::Harness<'static, pizhu::ui::app::PizhuApp>| {
        h.query_all_by_role(Role::Label)
            .filter_map(|n| n.value().map(|l| l.chars().count()))
            .max()
            .unwrap_or(0)
    };
    assert!(
        longest(&harness) <= 2_000,
        "one block at a time, not the whole line"
    );
    find(&mut harness, "終點標記");
    harness.get_by_label("1 of 1");
    let end = harness
        .query_all_by_role(Role::Label)
        .find(|n| n.value().is_some_and(|l| l.ends_with("終點標記")))
        .expect("the block with the end of the line is drawn");
    let rect = end.rect();
    assert!(
        rect.bottom() > 0.0 && rect.top() < 900.0,
        "in view: {rect:?}"
    );
}
