//! The notes of the open document together with the note editor's draft,
//! and when they are saved. The draft (what is typed in the editor, a copy of
//! the open note's body and tags) becomes an undoable edit in one place,
//! [`NotesState::commit_draft`]; every change goes through
//! [`NotesState::edit`], which keeps the editor in step and schedules the
//! autosave.

use std::path::Path;
use std::time::Duration;

use crate::core::file::lock::LOCK_WAIT;
use crate::core::file::persist::PersistError;
use crate::core::import::{ImportError, ImportSummary};
use crate::core::notes::note::{Note, NoteColor};
use crate::core::notes::session::{Notes, SaveState};
use crate::core::notes::store::{Edit, ReviewStore};
use crate::core::text::document::Document;
use crate::ui::i18n::{Strings, fill};
use crate::ui::notes_panel::EditorState;

/// Seconds after the last change before notes are saved (the goal is within 1 s).
pub const AUTOSAVE_AFTER_SECONDS: f64 = 0.5;

/// How long the window's saves wait for another writer's lock: long next to
/// a save (milliseconds), short enough that a program hanging on the lock
/// does not freeze the window. Saving on exit waits the full [`LOCK_WAIT`].
pub const WINDOW_LOCK_WAIT: Duration = Duration::from_secs(1);

/// After a save that failed (the lock held, a full disk…), how long until
/// the window tries again by itself.
pub const RETRY_AFTER_SECONDS: f64 = 5.0;

/// What [`NotesState::autosave`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Autosave {
    /// Nothing waits to be saved.
    Idle,
    /// The notes were saved just now.
    Saved,
    /// A save is due in this many seconds.
    DueIn(f64),
}

/// The notes of the open document, the editor's draft, and the autosave clock.
#[derive(Default)]
pub struct NotesState {
    /// The notes of the open document and where they are saved.
    notes: Option<Notes>,
    /// When the notes last changed without being saved (egui time).
    unsaved_since: Option<f64>,
    /// The draft of the open note. The notes panel types into it; only this
    /// module turns it into an edit.
    pub editor: EditorState,
}

impl NotesState {
    /// The notes of `doc`, from `path` when given (`--notes`), else from its
    /// usual review file.
    #[must_use]
    pub fn open(doc: &Document, path: Option<&Path>) -> Self {
        let mut notes = Notes::open(doc, path);
        notes.set_lock_wait(WINDOW_LOCK_WAIT);
        Self {
            notes: Some(notes),
            ..Self::default()
        }
    }

    /// The notes, when a document is open.
    #[must_use]
    pub fn notes(&self) -> Option<&Notes> {
        self.notes.as_ref()
    }

    /// The notes' store with the editor's draft, for the notes panel to
    /// draw the one and type into the other.
    pub fn store_and_editor(&mut self) -> Option<(&ReviewStore, &mut EditorState)> {
        let notes = self.notes.as_ref()?;
        Some((notes.store(), &mut self.editor))
    }

    /// The id of the note open in the editor.
    #[must_use]
    pub fn open_note(&self) -> Option<&str> {
        self.editor.note_id.as_deref()
    }

    /// The note with this id, as stored.
    #[must_use]
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.as_ref().and_then(|n| n.store().note(id))
    }

    /// Apply an undoable edit; `true` when the notes changed.
    pub fn edit(&mut self, now: f64, edit: Edit) -> bool {
        let changed = self.notes.as_mut().is_some_and(|n| n.edit(edit));
        if changed {
            self.after_change(now);
        }
        changed
    }

    /// Turn an uncommitted draft in the editor into an edit of its note.
    pub fn commit_draft(&mut self, now: f64) {
        self.commit_draft_with(now, |_| {});
    }

    /// Give the open note `color`, with the draft, as one undoable edit.
    pub fn set_color(&mut self, now: f64, color: NoteColor) {
        self.commit_draft_with(now, |note| note.color = color);
    }

    /// The one place the draft becomes an edit: the open note with the
    /// draft applied and then `change`, when that differs from the stored note.
    fn commit_draft_with(&mut self, now: f64, change: impl FnOnce(&mut Note)) {
        let Some(note) = self.editor.note_id.as_deref().and_then(|id| self.note(id)) else {
            return;
        };
        let mut changed = self
            .editor
            .changed_note(note)
            .unwrap_or_else(|| note.clone());
        change(&mut changed);
        let differs = changed != *note;
        self.editor.changed_at = None;
        if differs {
            self.edit(now, Edit::Update(changed));
        }
    }

    /// Undo (or redo) the last change; `true` when the notes changed.
    pub fn undo(&mut self, now: f64, redo: bool) -> bool {
        let changed = self
            .notes
            .as_mut()
            .is_some_and(|n| if redo { n.redo() } else { n.undo() });
        if changed {
            self.after_change(now);
        }
        changed
    }

    /// Merge annotations read from a file into the notes (as one undoable
    /// edit); `None` when no document is open.
    pub fn import(
        &mut self,
        now: f64,
        doc: &Document,
        bytes: &[u8],
    ) -> Option<Result<ImportSummary, ImportError>> {
        let result = self.notes.as_mut()?.import(doc, bytes);
        if result.is_ok() {
            self.after_change(now);
        }
        Some(result)
    }

    /// Keep the damaged notes file under a new name and start a new one.
    pub fn start_new_file(&mut self, now: f64) {
        if let Some(notes) = self.notes.as_mut() {
            notes.start_new_file();
            if notes.is_dirty() {
                self.unsaved_since = Some(now);
            }
        }
    }

    /// Open the note `id` in the editor (dropping the draft: commit it
    /// first); `false` when there is no such note.
    pub fn open_editor(&mut self, id: &str, focus: bool) -> bool {
        let Some(note) = self.notes.as_ref().and_then(|n| n.store().note(id)) else {
            return false;
        };
        self.editor.open(note, focus);
        true
    }

    /// Close the editor (commit the draft first).
    pub fn close_editor(&mut self) {
        self.editor.close();
    }

    /// The folder that holds the notes file.
    #[must_use]
    pub fn folder(&self) -> Option<&Path> {
        self.notes.as_ref().and_then(|n| n.path().parent())
    }

    /// Save now (the user's Save) and say where, when saved; `None` when
    /// it was not (the notes' state, in the status bar, says why).
    pub fn save_and_say(&mut self, s: &Strings) -> Option<String> {
        self.save();
        let notes = self.notes.as_ref().filter(|n| {
            matches!(
                n.state(),
                SaveState::Saved { .. } | SaveState::Merged { .. }
            )
        })?;
        Some(fill(
            s.msg_saved,
            &[
                ("state", &s.save_state(notes.state())),
                ("path", &notes.path().display()),
            ],
        ))
    }

    /// Keep the note `id` where re-anchoring placed it in `doc` (see
    /// `Target::confirmed_at`), as one undoable edit; whether it was done.
    pub fn confirm_place(&mut self, now: f64, doc: &Document, id: &str) -> bool {
        let Some(notes) = self.notes.as_ref() else {
            return false;
        };
        let store = notes.store();
        let (Some(note), Some(position)) = (
            store.note(id),
            store
                .anchor_of(id)
                .and_then(crate::core::anchor::Anchor::position),
        ) else {
            return false;
        };
        let mut note = note.clone();
        note.target = note.target.confirmed_at(doc, position);
        self.edit(now, Edit::Update(note));
        true
    }

    /// Save the notes now (autosave, Ctrl+S, before another document opens).
    pub fn save(&mut self) {
        self.unsaved_since = None;
        if let Some(notes) = self.notes.as_mut() {
            // A failure is kept in the notes' state, which the status bar shows.
            let _ = notes.save();
        }
    }

    /// Save the notes to the file at `path` and keep saving there ("Save
    /// notes as…"); `None` when no document is open.
    pub fn save_as(&mut self, path: &Path) -> Option<Result<(), &PersistError>> {
        let notes = self.notes.as_mut()?;
        if notes.save_as(path).is_err() {
            return match notes.state() {
                SaveState::NotSaved(err) => Some(Err(err)),
                _ => Some(Ok(())),
            };
        }
        self.unsaved_since = None;
        Self::refresh_editor(&mut self.editor, Some(notes));
        Some(Ok(()))
    }

    /// Take in what another window or program saved to the notes file
    /// meanwhile (when the window gets the focus): the editor's draft is
    /// committed, unsaved changes are saved and merged with the file's,
    /// and the editor shows the note as it is now. True when the notes
    /// changed.
    pub fn pick_up_changes(&mut self, now: f64) -> bool {
        self.commit_draft(now);
        let Some(notes) = self.notes.as_mut() else {
            return false;
        };
        let changed = notes.pick_up_changes();
        if !notes.is_dirty() {
            self.unsaved_since = None;
        }
        if changed {
            Self::refresh_editor(&mut self.editor, Some(notes));
        }
        changed
    }

    /// Never lose a note on exit: commit whatever is in the editor and save,
    /// waiting for another writer as long as the CLI does.
    pub fn flush(&mut self) {
        // The time only schedules an autosave; `save` runs at once.
        self.commit_draft(0.0);
        if let Some(notes) = self.notes.as_mut() {
            notes.set_lock_wait(LOCK_WAIT);
        }
        self.save();
        if let Some(notes) = self.notes.as_mut() {
            notes.set_lock_wait(WINDOW_LOCK_WAIT);
        }
    }

    /// Save when the last change is [`AUTOSAVE_AFTER_SECONDS`] old.
    pub fn autosave(&mut self, now: f64) -> Autosave {
        let Some(since) = self.unsaved_since else {
            return Autosave::Idle;
        };
        if now - since >= AUTOSAVE_AFTER_SECONDS {
            self.save();
            if self.notes.as_ref().is_some_and(Notes::is_dirty) {
                // Not saved (the state says why): try again in a while.
                self.unsaved_since = Some(now + RETRY_AFTER_SECONDS - AUTOSAVE_AFTER_SECONDS);
            }
            Autosave::Saved
        } else {
            Autosave::DueIn(AUTOSAVE_AFTER_SECONDS - (now - since))
        }
    }

    /// After the notes changed: refresh the editor, schedule the autosave.
    fn after_change(&mut self, now: f64) {
        self.unsaved_since = Some(now);
        Self::refresh_editor(&mut self.editor, self.notes.as_ref());
    }

    /// Show the editor's note as it is in `notes` now (closed when gone).
    fn refresh_editor(editor: &mut EditorState, notes: Option<&Notes>) {
        let Some(id) = editor.note_id.clone() else {
            return;
        };
        match notes.and_then(|n| n.store().note(&id)) {
            Some(note) => {
                let focus = editor.focus_body;
                editor.open(note, focus);
            }
            None => editor.close(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "test code: a panic is a failed test"
    )]

    use super::*;
    use crate::core::notes::note::Target;

    /// The article's notes in a file of the test's own, with one empty note
    /// open in the editor.
    fn with_open_note(dir: &Path) -> (NotesState, String) {
        let doc = Document::embedded();
        let mut notes = NotesState::open(&doc, Some(&dir.join("a.pizhu.json")));
        let note = Note::new(Target::range(&doc, 0, 6), String::new(), "審稿人".into());
        let id = note.id.clone();
        assert!(notes.edit(0.0, Edit::Add(note)));
        assert!(notes.open_editor(&id, true));
        (notes, id)
    }

    #[test]
    fn a_typed_draft_becomes_one_undoable_edit() {
        let dir = tempfile::tempdir().unwrap();
        let (mut notes, id) = with_open_note(dir.path());
        notes.editor.body = "簽約地點待查".into();
        notes.editor.tags = "地點, 待查".into();
        notes.commit_draft(1.0);
        let note = notes.note(&id).unwrap();
        assert_eq!(note.body, "簽約地點待查");
        assert_eq!(note.tags, ["地點", "待查"]);
        assert_eq!(notes.editor.changed_at, None);
        assert!(notes.undo(2.0, false));
        assert_eq!(notes.note(&id).unwrap().body, "");
        // The editor follows the store.
        assert_eq!(notes.editor.body, "");
    }

    #[test]
    fn an_unchanged_draft_commits_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (mut notes, _) = with_open_note(dir.path());
        let revision = notes.notes().unwrap().store().revision();
        notes.commit_draft(1.0);
        assert_eq!(notes.notes().unwrap().store().revision(), revision);
    }

    #[test]
    fn a_new_color_takes_the_draft_along_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (mut notes, id) = with_open_note(dir.path());
        notes.editor.body = "人名有誤".into();
        notes.set_color(1.0, NoteColor::Pink);
        let note = notes.note(&id).unwrap();
        assert_eq!(
            (note.body.as_str(), note.color),
            ("人名有誤", NoteColor::Pink)
        );
        assert!(notes.undo(2.0, false));
        let note = notes.note(&id).unwrap();
        assert_eq!(note.body, "");
        assert_ne!(note.color, NoteColor::Pink);
    }

    #[test]
    fn changes_are_saved_half_a_second_later() {
        let dir = tempfile::tempdir().unwrap();
        let (mut notes, _) = with_open_note(dir.path());
        assert!(matches!(notes.autosave(0.2), Autosave::DueIn(_)));
        assert_eq!(notes.autosave(0.6), Autosave::Saved);
        assert_eq!(notes.autosave(0.7), Autosave::Idle);
        assert!(dir.path().join("a.pizhu.json").is_file());
    }
}
