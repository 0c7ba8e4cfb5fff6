//! Double-click selects the document's own words: in the article's
//! 簽署合作框架協議, a double-click on 框架 selects 框架協議 (a term the
//! article repeats), and the note made on it quotes 框架協議.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

const FIRST: &str = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議";

/// Frames between two separate clicks: 20 × 0.02 s, past the double-click
/// interval.
const PAUSE_FRAMES: usize = 20;

fn press_and_release(harness: &mut Harness<'static, PizhuApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
}

/// Where on the first line of [`FIRST`] a pointer at `x` pixels after its
/// left edge puts the caret, found as a user would: drag from the line's
/// start to there and see where the selection ends.
fn caret_at(harness: &mut Harness<'static, PizhuApp>, x: f32) -> usize {
    harness.run_steps(PAUSE_FRAMES);
    common::drag_across(harness, FIRST, 2.0, x);
    harness.state().selection().map_or(0, |s| s.end)
}

#[test]
fn double_clicking_framework_selects_the_articles_framework_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    // Double-clicks need two clicks within 0.3 s: a clock of small steps.
    let mut harness = common::window_with(
        settings,
        Document::embedded(),
        &dir.path().join("words.pizhu.json"),
        [1280.0, 900.0],
        Some(0.02),
    );
    let doc = Document::embedded();
    let framework = doc.text().find("框架協議").unwrap();
    let framework = doc.text()[..framework].chars().count();
    assert!(FIRST.ends_with("框架協議"));

    // Aim between 框 and 架: move by the difference until the caret
    // lands there (a click there is on 框架, whichever half it counts).
    let target = framework + 1;
    let mut x = 20.0 * target as f32;
    for _ in 0..8 {
        let caret = caret_at(&mut harness, x);
        if caret == target {
            break;
        }
        x += (target as f32 - caret as f32) * 10.0;
    }
    assert_eq!(caret_at(&mut harness, x), target, "the pointer is on 框架");
    let rect = harness.get_by_label_contains(FIRST).rect();
    let (x, y) = (rect.left() + x, rect.top() + 12.0);

    harness.run_steps(PAUSE_FRAMES);
    let pos = Pos2::new(x, y);
    press_and_release(&mut harness, pos);
    press_and_release(&mut harness, pos);
    harness.run();
    let range = harness.state().selection().expect("a word is selected");
    assert_eq!(
        doc.slice(range.start, range.end),
        "框架協議",
        "the article's term, not jieba's 框架"
    );

    // A note on the selection quotes the whole term.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    let notes = harness.state().notes().unwrap().store().notes().to_vec();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].target.quote.exact, "框架協議");
}
