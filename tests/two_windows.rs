//! Two windows on one notes file, and a notes file the user made read-only,
//! as the window handles them: each window's notes reach the other (saving
//! merges, getting the focus picks up), and read-only notes are said up
//! front and can be saved elsewhere.
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use std::path::Path;

use egui::Event;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::command::Command;
use pizhu::ui::i18n::{EN, ZH_HANT};
use pizhu::ui::settings::Settings;

fn window_on(notes: &Path, settings: Settings) -> Harness<'static, PizhuApp> {
    common::window(settings, Document::embedded(), notes)
}

fn reviewer() -> Settings {
    Settings {
        author: "審稿人".into(),
        ..Settings::default()
    }
}

/// Add a note with `body` in the window and save (Ctrl+S).
fn add_and_save(window: &mut Harness<'static, PizhuApp>, body: &str, start: usize) {
    let doc = Document::embedded();
    let note = Note::new(
        Target::range(&doc, start, start + 4),
        body.into(),
        "審稿人".into(),
    );
    let ctx = window.ctx.clone();
    window
        .state_mut()
        .apply(&ctx, Command::Edit(Box::new(Edit::Add(note))));
    window.state_mut().apply(&ctx, Command::SaveNotes);
    window.run();
}

/// The window gets the focus back (the user clicks into it).
fn focus(window: &mut Harness<'static, PizhuApp>) {
    window.event(Event::WindowFocused(true));
    window.run();
}

/// The bodies of the window's notes, sorted.
fn bodies(window: &Harness<'static, PizhuApp>) -> Vec<String> {
    let mut bodies: Vec<String> = window
        .state()
        .notes()
        .unwrap()
        .store()
        .notes()
        .iter()
        .map(|n| n.body.clone())
        .collect();
    bodies.sort();
    bodies
}

#[test]
fn two_windows_on_one_notes_file_end_with_all_notes_in_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("共用.pizhu.json");
    let mut first = window_on(&path, reviewer());
    let mut second = window_on(&path, reviewer());

    for round in 0..3 {
        add_and_save(
            &mut first,
            &format!("第一個視窗第{round}則"),
            10 + round * 20,
        );
        // The second window saves without having seen the first's note:
        // the save merges it in.
        add_and_save(
            &mut second,
            &format!("第二個視窗第{round}則"),
            20 + round * 20,
        );
        assert!(
            bodies(&second).contains(&format!("第一個視窗第{round}則")),
            "{:?}",
            bodies(&second)
        );
        // The first window picks up the second's note when it gets the focus.
        focus(&mut first);
        assert!(
            bodies(&first).contains(&format!("第二個視窗第{round}則")),
            "{:?}",
            bodies(&first)
        );
    }
    focus(&mut second);
    let all: Vec<String> = {
        let mut v: Vec<String> = (0..3)
            .flat_map(|r| [format!("第一個視窗第{r}則"), format!("第二個視窗第{r}則")])
            .collect();
        v.sort();
        v
    };
    assert_eq!(bodies(&first), all);
    assert_eq!(bodies(&second), all);
    let on_disk = pizhu::core::notes::session::Notes::open(&Document::embedded(), Some(&path));
    assert_eq!(on_disk.store().notes().len(), 6);
}

#[test]
#[cfg(unix)]
fn read_only_notes_are_said_up_front_and_saved_elsewhere() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("唯讀.pizhu.json");
    {
        let mut window = window_on(&path, reviewer());
        add_and_save(&mut window, "原有的批注", 10);
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut window = window_on(&path, reviewer());
    // Said up front: the banner and the status bar.
    window.get_by_label_contains("The notes file is read-only");
    window.get_by_label_contains(EN.state_read_only_file);
    assert_eq!(bodies(&window), ["原有的批注"]);

    // A new note cannot go into the read-only file: not saved, file unchanged.
    add_and_save(&mut window, "新的批注", 30);
    window.get_by_label_contains("not saved: the notes file is read-only");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // "Save notes as…" in the banner: a window with the path, then save there.
    window
        .get_by_role_and_label(Role::Button, EN.menu_save_notes_as)
        .click();
    window.run();
    let elsewhere = dir.path().join("可寫").join("我的批注.pizhu.json");
    common::retype(
        &mut window,
        EN.save_notes_as_path,
        &elsewhere.display().to_string(),
    );
    window
        .get_by_role_and_label(Role::Button, EN.save_notes_as_save)
        .click();
    window.run();
    let notes = window.state().notes().unwrap();
    assert_eq!(notes.path(), elsewhere);
    assert!(notes.problem().is_none(), "no longer read-only");
    let saved = pizhu::core::notes::session::Notes::open(&Document::embedded(), Some(&elsewhere));
    let mut saved: Vec<String> = saved
        .store()
        .notes()
        .iter()
        .map(|n| n.body.clone())
        .collect();
    saved.sort();
    assert_eq!(saved, ["原有的批注", "新的批注"]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the read-only file is untouched"
    );
    assert!(
        window
            .query_by_label_contains("The notes file is read-only")
            .is_none()
    );
}

#[test]
#[cfg(unix)]
fn a_chinese_window_says_the_notes_are_read_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("唯讀.pizhu.json");
    {
        let mut window = window_on(&path, reviewer());
        add_and_save(&mut window, "原有的批注", 10);
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let settings = Settings {
        lang: pizhu::ui::i18n::Lang::ZhHant,
        ..reviewer()
    };
    let mut window = window_on(&path, settings);
    window.get_by_label_contains("批注檔是唯讀的");
    window
        .get_by_role_and_label(Role::Button, ZH_HANT.menu_save_notes_as)
        .click();
    window.run();
    window.get_by_label(ZH_HANT.save_notes_as_title);
    window.get_by_role_and_label(Role::Button, ZH_HANT.save_notes_as_save);
}

#[test]
fn a_program_holding_the_lock_does_not_freeze_the_window_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("共用.pizhu.json");
    let mut window = window_on(&notes, reviewer());
    add_and_save(&mut window, "先存的", 0);
    assert!(notes.is_file());

    // Another program takes the save lock and hangs.
    let lock = std::fs::File::create(dir.path().join("共用.pizhu.json.lock")).unwrap();
    lock.lock().unwrap();
    let started = std::time::Instant::now();
    add_and_save(&mut window, "鎖住時寫的", 40);
    // The window waited about a second, not the CLI's 20 s.
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let state = window.state().notes().unwrap();
    assert!(state.is_dirty(), "the note is kept in memory, unsaved");
    assert!(
        matches!(
            state.state(),
            pizhu::core::notes::session::SaveState::NotSaved(_)
        ),
        "the status says the notes are not saved: {:?}",
        state.state()
    );
    assert!(
        !std::fs::read_to_string(&notes)
            .unwrap()
            .contains("鎖住時寫的")
    );

    // The program lets go: the next save writes the note.
    lock.unlock().unwrap();
    let ctx = window.ctx.clone();
    window.state_mut().apply(&ctx, Command::SaveNotes);
    window.run();
    assert!(
        std::fs::read_to_string(&notes)
            .unwrap()
            .contains("鎖住時寫的")
    );
    assert!(!window.state().notes().unwrap().is_dirty());
}
