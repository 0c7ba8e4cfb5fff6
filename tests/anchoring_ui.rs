//! Notes under a changed document, in the window: the notes list marks the
//! ones that moved to other surroundings or that fit several places, the
//! "Needs checking" filter finds exactly those, and the reviewer confirms
//! one where it landed and re-attaches the other to a selection; both
//! survive a restart as exact notes.
//!
//! Needs the window: built only with the `gui` feature (the default). The
//! same rules without a window: `src/core/anchor/` (status, ties) and
//! `tests/exports.rs` (the status in every export).

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
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pizhu::core::anchor::{Anchor, Match};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

/// Paragraph 1 stays; paragraph 2 holds 會議決定 once, between context
/// chars that the new version drops; paragraphs 3 and 4 both hold 簽署協議,
/// and the note is on the one in paragraph 3.
fn old_text() -> String {
    format!(
        "濟寧市政府與省人社廳簽署合作框架協議。\n{}會議決定{}\n上午召開座談會，雙方簽署協議並合影留念。\n下午舉行儀式，市長簽署協議後發表講話。\n",
        "甲".repeat(40),
        "乙".repeat(40)
    )
}

/// Paragraph 2 now holds 會議決定 twice, equally far from where it was and
/// in surroundings equally unlike the old ones; paragraph 3 lost its 簽署協議.
fn new_text() -> String {
    format!(
        "濟寧市政府與省人社廳簽署合作框架協議。\n{}會議決定{}會議決定{}\n上午召開座談會，雙方合影留念。\n下午舉行儀式，市長簽署協議後發表講話。\n",
        "丙".repeat(30),
        "丁".repeat(16),
        "戊".repeat(40)
    )
}

fn doc(text: &str) -> Document {
    Document::from_bytes("座談會.txt", None, text.as_bytes()).unwrap()
}

fn find(doc: &Document, quote: &str, from: usize) -> (usize, usize) {
    let text = doc.text();
    let byte = text[from..].find(quote).unwrap() + from;
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// Three notes made on the old text, saved to `path`: ids of the exact,
/// the jumping and the ambiguous note.
fn make_notes(path: &std::path::Path) -> [String; 3] {
    let old = doc(&old_text());
    let mut notes = Notes::open(&old, Some(path));
    let mut add = |range: (usize, usize), body: &str| {
        let note = Note::new(
            Target::range(&old, range.0, range.1),
            body.into(),
            "審稿人".into(),
        );
        let id = note.id.clone();
        assert!(notes.edit(Edit::Add(note)));
        id
    };
    let exact = add(find(&old, "濟寧市政府", 0), "簽約一方");
    let third = old.text().find("上午").unwrap();
    let jumping = add(find(&old, "簽署協議", third), "上午簽的");
    let ambiguous = add(find(&old, "會議決定", 0), "哪一次會議");
    assert!(notes.save().is_ok());
    [exact, jumping, ambiguous]
}

fn window(path: &std::path::Path) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        author: "審稿人".into(),
        ..Settings::default()
    };
    common::window_with(
        settings,
        doc(&new_text()),
        path,
        [1280.0, 900.0],
        Some(0.25),
    )
}

fn anchor_of(harness: &Harness<'static, PizhuApp>, id: &str) -> Anchor {
    harness
        .state()
        .notes()
        .unwrap()
        .store()
        .anchor_of(id)
        .unwrap()
        .clone()
}

#[test]
fn moved_and_ambiguous_notes_are_shown_filtered_confirmed_and_reattached() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("座談會.pizhu.json");
    let [exact, jumping, ambiguous] = make_notes(&path);
    let mut harness = window(&path);

    // What re-anchoring found.
    assert!(matches!(
        anchor_of(&harness, &exact),
        Anchor::Anchored {
            how: Match::Exact,
            ..
        }
    ));
    assert!(matches!(
        anchor_of(&harness, &jumping),
        Anchor::Anchored {
            how: Match::Moved {
                same_context: false
            },
            ..
        }
    ));
    assert!(matches!(
        anchor_of(&harness, &ambiguous),
        Anchor::Anchored {
            how: Match::Ambiguous { places: 2 },
            ..
        }
    ));

    // The list marks the two, not the exact one.
    harness.get_by_label("Note on “濟寧市政府”");
    harness.get_by_label("Note on “簽署協議”, needs checking: moved");
    harness.get_by_label("Note on “會議決定”, needs checking: ambiguous");

    // So does the margin beside the text.
    harness.get_by_role_and_label(
        Role::Button,
        "Open note on “會議決定”, needs checking: ambiguous",
    );
    harness.get_by_role_and_label(Role::Button, "Open note on “濟寧市政府”");

    // The filter finds exactly them.
    harness
        .get_by_role_and_label(Role::CheckBox, "Needs checking")
        .click();
    harness.run();
    assert!(harness.query_by_label("Note on “濟寧市政府”").is_none());
    harness.get_by_label_contains("Note on “簽署協議”");
    harness.get_by_label_contains("Note on “會議決定”");
    harness.get_by_label("2 of 3 notes");

    // Open the moved note: it says where it was and is, and is confirmed.
    harness
        .get_by_label("Note on “簽署協議”, needs checking: moved")
        .click();
    harness.run();
    harness.get_by_label_contains("Moved to other surroundings");
    harness
        .get_by_role_and_label(Role::Button, "Confirm place")
        .click();
    harness.run();
    assert!(matches!(
        anchor_of(&harness, &jumping),
        Anchor::Anchored {
            how: Match::Exact,
            ..
        }
    ));
    assert!(
        harness
            .query_by_label_contains("Note on “簽署協議”")
            .is_none()
    );
    harness.get_by_label("1 of 3 notes");

    // Open the ambiguous note; re-attaching needs a selection first.
    harness
        .get_by_label("Note on “會議決定”, needs checking: ambiguous")
        .click();
    harness.run();
    harness.get_by_label_contains("Ambiguous: its words fit 2 places");
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Re-attach to selection")
            .accesskit_node()
            .is_disabled(),
        "disabled without a selection"
    );
    common::drag_across(&mut harness, "丙丙丙", 2.0, 120.0);
    let selection = harness.state().selection().expect("dragging selects text");
    harness
        .get_by_role_and_label(Role::Button, "Re-attach to selection")
        .click();
    harness.run();
    let store = harness.state().notes().unwrap().store();
    let note = store.note(&ambiguous).unwrap();
    assert_eq!(
        (note.target.position.start, note.target.position.end),
        (selection.start, selection.end)
    );
    assert!(note.target.quote.exact.starts_with('丙'));
    assert!(matches!(
        anchor_of(&harness, &ambiguous),
        Anchor::Anchored {
            how: Match::Exact,
            ..
        }
    ));
    harness.get_by_label("0 of 3 notes");

    // Saved, and still exact after a restart: nothing needs checking.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    drop(harness);
    let harness = window(&path);
    for id in [&exact, &jumping, &ambiguous] {
        assert!(
            matches!(
                anchor_of(&harness, id),
                Anchor::Anchored {
                    how: Match::Exact,
                    ..
                }
            ),
            "{id}"
        );
    }
    harness.get_by_label("Note on “簽署協議”");
    harness.get_by_role_and_label(Role::Button, "Open note on “簽署協議”");
    assert_eq!(
        harness.state().notes().unwrap().store().notes().len(),
        3,
        "no note lost"
    );
}
