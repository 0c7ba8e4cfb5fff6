//! The notes of one open document: the review store plus the file it lives in.
//!
//! Shared by the window and the CLI so that both load, edit and save notes the
//! same way. It says where the notes are and whether they are saved, as a
//! [`SaveState`] that the window words in its language and the CLI in
//! English ([`Display`](fmt::Display)).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use crate::core::file::locate::{self, OtherCopy};
use crate::core::file::lock::LOCK_WAIT;
use crate::core::file::merge;
use crate::core::file::persist::{
    self, Mode, PersistError, ReviewSession, SaveOutcome, Unreadable,
};
use crate::core::import::{ImportError, ImportSummary};
use crate::core::lang::Lang;
use crate::core::notes::store::{Edit, ReviewStore, StoreError};
use crate::core::text::document::Document;
use crate::core::time;
use crate::core::timeline::{Timeline, TimelineSource};
use crate::core::w3c::read;

/// The notes of an open document and their file.
pub struct Notes {
    store: ReviewStore,
    session: ReviewSession,
    /// True when the store has changes the file does not have yet.
    dirty: bool,
    /// What happened at the last open, save, import or refused edit.
    last: SaveState,
    /// The shipped timeline of the document, in each language (in
    /// [`Lang::ALL`] order), found on first need (a `Notes` belongs to one
    /// document).
    shipped: [OnceLock<Option<Timeline>>; 3],
    /// Notes of another copy of the document, not taken (see
    /// [`other_copy`](Self::other_copy)).
    other_copy: Option<OtherCopy>,
    /// How long a save waits for another writer's lock.
    lock_wait: Duration,
}

impl Notes {
    /// Open the notes of `doc`: from `explicit` (`--notes PATH`) when given,
    /// else from the sidecar or the data folder. Never fails: a missing file
    /// starts empty, a damaged one is left alone with autosave off.
    #[must_use]
    pub fn open(doc: &Document, explicit: Option<&Path>) -> Self {
        let (session, review) = persist::open_review(doc, explicit);
        // Only worth saying while this copy has no notes of its own.
        let other_copy = match explicit {
            None if !session.path.exists() => locate::review_of_other_copy(doc),
            _ => None,
        };
        let last = match &session.mode {
            Mode::ReadWrite if session.path.exists() => SaveState::Loaded,
            Mode::ReadWrite => SaveState::New,
            Mode::ReadOnlyFile => SaveState::ReadOnlyFile,
            Mode::ReadOnlyNewer { version } => SaveState::ReadOnly { version: *version },
            Mode::Broken { error } => SaveState::Unreadable(error.clone()),
        };
        Self {
            store: ReviewStore::new(doc, review),
            session,
            dirty: false,
            last,
            shipped: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
            other_copy,
            lock_wait: LOCK_WAIT,
        }
    }

    /// How long each save waits for another writer to finish before it
    /// fails (and the notes stay in memory, unsaved): [`LOCK_WAIT`] unless
    /// set. The window sets a short wait for its autosaves, so that a
    /// program hanging on the lock cannot freeze it, and retries later.
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// Another copy of the document (the same text in another file that
    /// still exists) has notes, which these are not: this copy starts its
    /// own. The window and the CLI say so, so the user can choose those
    /// notes instead (`--notes`). `None` once this copy has a notes file, or
    /// when the notes file was given.
    #[must_use]
    pub fn other_copy(&self) -> Option<&OtherCopy> {
        self.other_copy.as_ref()
    }

    /// The timeline to show for `doc` (the document these notes were
    /// opened for): the reviewer's edited one if the review file has one,
    /// else the one shipped for the document (its words in English), else an
    /// empty one.
    #[must_use]
    pub fn timeline(&self, doc: &Document) -> Timeline {
        self.timeline_in(doc, Lang::En)
    }

    /// [`timeline`](Self::timeline) with the shipped timeline's words in
    /// `lang` (an edited timeline is the reviewer's, as written).
    #[must_use]
    pub fn timeline_in(&self, doc: &Document, lang: Lang) -> Timeline {
        match self.store.timeline() {
            Some(edited) => edited.clone(),
            None => self
                .shipped(doc, lang)
                .cloned()
                .unwrap_or_else(|| Timeline::empty(doc)),
        }
    }

    /// Where [`timeline`](Self::timeline) comes from.
    #[must_use]
    pub fn timeline_source(&self, doc: &Document) -> TimelineSource {
        if self.store.timeline().is_some() {
            TimelineSource::Edited
        } else if self.has_shipped(doc) {
            TimelineSource::Shipped
        } else {
            TimelineSource::Empty
        }
    }

    /// True when `doc` has a shipped timeline, so "reset to the shipped
    /// timeline" has something to go back to.
    #[must_use]
    pub fn has_shipped(&self, doc: &Document) -> bool {
        self.shipped(doc, Lang::En).is_some()
    }

    /// The shipped timeline of `doc` in `lang`, computed once.
    fn shipped(&self, doc: &Document, lang: Lang) -> Option<&Timeline> {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.shipped
            .get(i)?
            .get_or_init(|| Timeline::shipped_in(doc, lang))
            .as_ref()
    }

    /// The review store (notes and their anchors).
    #[must_use]
    pub fn store(&self) -> &ReviewStore {
        &self.store
    }

    /// Where the notes are saved.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.session.path
    }

    /// Whether the file is saved normally, read-only or damaged.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.session.mode
    }

    /// True when the notes file could not be read (autosave is off).
    #[must_use]
    pub fn is_broken(&self) -> bool {
        matches!(self.session.mode, Mode::Broken { .. })
    }

    /// What is wrong with the notes file when it is damaged or read-only;
    /// `None` when notes are saved normally.
    #[must_use]
    pub fn problem(&self) -> Option<NotesProblem<'_>> {
        match &self.session.mode {
            Mode::ReadWrite => None,
            Mode::ReadOnlyFile => Some(NotesProblem::ReadOnlyFile {
                path: &self.session.path,
            }),
            Mode::ReadOnlyNewer { version } => Some(NotesProblem::ReadOnlyNewer {
                version: *version,
                path: &self.session.path,
            }),
            Mode::Broken { error } => Some(NotesProblem::Broken { error }),
        }
    }

    /// True when there are changes not yet on disk.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Where the notes stand: unsaved changes, or what the last open,
    /// save, import or refused edit did.
    #[must_use]
    pub fn state(&self) -> &SaveState {
        /// The one state that is not a record of the last event.
        static UNSAVED: SaveState = SaveState::Unsaved;
        // A save that failed keeps saying why until one succeeds: "not
        // saved yet" would hide that saving does not work.
        if self.dirty && self.session.is_writable() && !matches!(self.last, SaveState::NotSaved(_))
        {
            &UNSAVED
        } else {
            &self.last
        }
    }

    /// Apply an undoable edit; false (and a message in the state) when refused.
    pub fn edit(&mut self, edit: Edit) -> bool {
        match self.store.apply(edit) {
            Ok(()) => {
                self.dirty = true;
                true
            }
            Err(err) => {
                self.last = SaveState::EditRefused(err);
                false
            }
        }
    }

    /// Import the notes in `bytes` (W3C Web Annotations or a Pizhu review
    /// file; see [`read`]) into these notes of `doc`, as one undoable
    /// edit. Duplicates are skipped and no version of a note is lost; the
    /// summary says what happened. Nothing is saved here.
    ///
    /// # Errors
    /// When the bytes are not annotations (nothing is imported then).
    pub fn import(&mut self, doc: &Document, bytes: &[u8]) -> Result<ImportSummary, ImportError> {
        let incoming = read::read_annotations(bytes, doc, self.store.text_index())?;
        let (edit, summary) = merge::plan_merge(&self.store, incoming);
        let before = self.store.revision();
        self.store.apply(edit).map_err(ImportError::Store)?;
        self.dirty |= self.store.revision() != before;
        self.last = SaveState::Imported(summary.clone());
        Ok(summary)
    }

    /// Undo the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let done = self.store.undo();
        self.dirty |= done;
        done
    }

    /// Redo the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let done = self.store.redo();
        self.dirty |= done;
        done
    }

    /// Save now, if there is anything to save and the file may be written.
    /// Changes made on disk by others are merged, never overwritten.
    ///
    /// # Errors
    /// Why saving failed (the notes stay in memory, and the state says it).
    pub fn save(&mut self) -> Result<(), &PersistError> {
        if !self.dirty {
            return Ok(());
        }
        let result = persist::save_waiting(&mut self.session, self.store.review(), self.lock_wait);
        self.saved(result)
    }

    /// Save the notes to the file at `path` and keep saving there: "Save
    /// notes as…" when their file is read-only or cannot be written. Notes
    /// already in a review file there are merged with, never overwritten.
    ///
    /// # Errors
    /// Why saving failed; the notes then stay with their old file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), &PersistError> {
        let result = persist::save_as(&mut self.session, self.store.review(), path);
        self.saved(result)
    }

    /// Take in what another window or program saved to the notes file
    /// since these notes last read or wrote it (the window does this when
    /// it gets the focus): unsaved changes are saved, merged with the
    /// file's; otherwise the file's notes are adopted without a write.
    /// True when the notes changed.
    pub fn pick_up_changes(&mut self) -> bool {
        // A vanished file is written again by the next save, not here.
        if !self.session.is_writable()
            || !self.session.path.exists()
            || !(self.dirty || self.session.changed_on_disk())
        {
            return false;
        }
        let before = self.store.revision();
        let result = persist::save_waiting(&mut self.session, self.store.review(), self.lock_wait);
        let _ = self.saved(result);
        self.store.revision() != before
    }

    /// Record what a save did: the notes are clean, merged with the file's
    /// when it had changed, or the state says why saving failed.
    fn saved(&mut self, result: Result<SaveOutcome, PersistError>) -> Result<(), &PersistError> {
        let at = crate::core::notes::note::now_utc();
        match result {
            Ok(SaveOutcome::Saved | SaveOutcome::Unchanged) => {
                self.dirty = false;
                self.last = SaveState::Saved { at };
                Ok(())
            }
            Ok(SaveOutcome::Merged(merge)) => {
                self.dirty = false;
                self.last = SaveState::Merged { at };
                self.store.replace_review(merge.review);
                Ok(())
            }
            Err(err) => {
                self.last = SaveState::NotSaved(err);
                match &self.last {
                    SaveState::NotSaved(err) => Err(err),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Keep a damaged notes file under a new name and start a new one.
    /// Returns where the damaged file went.
    pub fn start_new_file(&mut self) -> Option<PathBuf> {
        match persist::start_new_notes_file(&mut self.session) {
            Ok(moved) => {
                self.dirty = !self.store.notes().is_empty();
                self.last = match &moved {
                    Some(kept) => SaveState::NewFileKept { kept: kept.clone() },
                    None => SaveState::NewFile,
                };
                moved
            }
            Err(err) => {
                self.last = SaveState::NewFileFailed(err);
                None
            }
        }
    }
}

/// Where the notes stand: the last thing that happened to them and their
/// file. The window says it in its language; [`Display`](fmt::Display)
/// says it in English, as the status bar first did.
#[derive(Debug)]
pub enum SaveState {
    /// Read from the notes file.
    Loaded,
    /// There is no notes file yet; it is written with the first note.
    New,
    /// There are changes not yet on disk.
    Unsaved,
    /// Saved.
    Saved {
        /// When, RFC 3339 UTC: "2026-12-01T15:32:01Z" (shown as a local
        /// clock time, [`time::clock`]).
        at: String,
    },
    /// Saved, merged with changes another writer made to the file.
    Merged {
        /// When, RFC 3339 UTC: "2026-12-01T15:32:01Z" (shown as a local
        /// clock time, [`time::clock`]).
        at: String,
    },
    /// Saving failed; the notes are kept in memory.
    NotSaved(PersistError),
    /// The notes file could not be read when opened: autosave is off.
    Unreadable(Unreadable),
    /// Notes were imported (not saved yet).
    Imported(ImportSummary),
    /// A new notes file was started; there was no damaged file to keep.
    NewFile,
    /// A new notes file was started; the damaged one was kept.
    NewFileKept {
        /// Where the damaged file is now.
        kept: PathBuf,
    },
    /// The notes file was written by a newer Pizhu: shown, never saved.
    ReadOnly {
        /// The file's format version.
        version: u32,
    },
    /// The notes file is read-only: shown, never saved over.
    ReadOnlyFile,
    /// An edit was refused (nothing changed).
    EditRefused(StoreError),
    /// The damaged notes file could not be set aside.
    NewFileFailed(PersistError),
}

impl fmt::Display for SaveState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Loaded => f.write_str("loaded"),
            Self::New => f.write_str("new, saved on the first note"),
            Self::Unsaved => f.write_str("unsaved changes"),
            Self::Saved { at } => write!(f, "saved {}", time::clock(at, &time::local_zone())),
            Self::Merged { at } => write!(
                f,
                "merged with changes made elsewhere at {}",
                time::clock(at, &time::local_zone())
            ),
            Self::NotSaved(err) => write!(f, "not saved: {err}"),
            Self::Unreadable(error) => write!(f, "not saved: {error}"),
            Self::Imported(summary) => write!(f, "imported: {summary}"),
            Self::NewFile => f.write_str("new notes file"),
            Self::NewFileKept { kept } => write!(
                f,
                "new notes file; the damaged one is kept as {}",
                kept.display()
            ),
            Self::ReadOnly { version } => {
                write!(f, "read-only: written by a newer Pizhu (format {version})")
            }
            Self::ReadOnlyFile => f.write_str("read-only: the notes file cannot be changed"),
            Self::EditRefused(err) => write!(f, "{err}"),
            Self::NewFileFailed(err) => write!(f, "{err}"),
        }
    }
}

/// What is wrong with a notes file that is not saved normally: the banner
/// above the article, and why the CLI refuses to work on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesProblem<'a> {
    /// Written by a newer Pizhu: shown read-only, nothing is saved.
    ReadOnlyNewer {
        /// The file's format version.
        version: u32,
        /// The notes file.
        path: &'a Path,
    },
    /// The file is read-only: shown, never saved over.
    ReadOnlyFile {
        /// The notes file.
        path: &'a Path,
    },
    /// The file could not be read: autosave is off, the file is left alone.
    Broken {
        /// Why.
        error: &'a Unreadable,
    },
}

impl fmt::Display for NotesProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ReadOnlyNewer { version, path } => write!(
                f,
                "These notes were written by a newer Pizhu (format version {version}); they are \
                 shown read-only and nothing is saved. Update Pizhu to edit them: {}",
                path.display()
            ),
            Self::ReadOnlyFile { path } => write!(
                f,
                "The notes file is read-only, so Pizhu does not change it and your changes are \
                 not saved. Make the file writable, or save the notes to another file: {}",
                path.display()
            ),
            Self::Broken { error } => write!(
                f,
                "The notes file could not be read, so autosave is off and the file is left as \
                 it is. {error}"
            ),
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
    use crate::core::notes::note::{Note, Target};

    /// The states a reviewer's notes go through, and how the CLI says them.
    #[test]
    fn notes_go_from_new_to_unsaved_to_saved_to_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document::embedded();
        let path = dir.path().join("審閱.pizhu.json");
        let mut notes = Notes::open(&doc, Some(&path));
        assert!(matches!(notes.state(), SaveState::New));
        assert_eq!(notes.state().to_string(), "new, saved on the first note");
        let note = Note::new(Target::range(&doc, 0, 2), "批注".into(), "審稿人".into());
        assert!(notes.edit(Edit::Add(note.clone())));
        assert_eq!(notes.state().to_string(), "unsaved changes");
        assert!(notes.save().is_ok());
        let SaveState::Saved { at } = notes.state() else {
            panic!("{:?}", notes.state());
        };
        assert!(
            at.ends_with('Z') && at.len() == "2026-12-01T15:32:01Z".len(),
            "{at}"
        );
        // Said as a local clock time.
        let local = time::clock(at, &time::local_zone());
        assert_eq!(notes.state().to_string(), format!("saved {local}"));
        assert!(!local.ends_with('Z'));
        assert!(matches!(
            Notes::open(&doc, Some(&path)).state(),
            SaveState::Loaded
        ));
        // A refused edit says why, and changes nothing.
        assert!(!notes.edit(Edit::Add(note)));
        assert!(matches!(
            notes.state(),
            SaveState::EditRefused(StoreError::DuplicateId { .. })
        ));
    }

    /// A damaged file: nothing is saved, and the problem says why.
    #[test]
    fn a_damaged_file_is_a_problem_and_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document::embedded();
        let path = dir.path().join("壞.pizhu.json");
        std::fs::write(&path, "{ 不是 JSON").unwrap();
        let mut notes = Notes::open(&doc, Some(&path));
        assert!(matches!(notes.state(), SaveState::Unreadable(_)));
        let Some(NotesProblem::Broken { error }) = notes.problem() else {
            panic!("{:?}", notes.problem());
        };
        assert!(matches!(error, Unreadable::Damaged(_)));
        let note = Note::new(Target::range(&doc, 0, 2), "批注".into(), "審稿人".into());
        assert!(notes.edit(Edit::Add(note)));
        let err = notes.save().unwrap_err();
        assert!(matches!(err, PersistError::Broken { .. }), "{err:?}");
        assert!(notes.state().to_string().starts_with("not saved: "));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ 不是 JSON");
    }
}
