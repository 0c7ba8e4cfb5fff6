//! The notes of one open document: the review store plus the file it lives in.
//!
//! Shared by the window and the CLI so that both load, edit and save notes the
//! same way. It says, in words for the status bar, where the notes are and
//! whether they are saved.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::core::file::merge;
use crate::core::file::persist::{self, Mode, ReviewSession, SaveOutcome};
use crate::core::import::{ImportError, ImportSummary};
use crate::core::notes::store::{Edit, ReviewStore};
use crate::core::text::document::Document;
use crate::core::timeline::{Timeline, TimelineSource};
use crate::core::w3c::read;

/// The notes of an open document and their file.
pub struct Notes {
    store: ReviewStore,
    session: ReviewSession,
    /// True when the store has changes the file does not have yet.
    dirty: bool,
    /// What happened at the last save, for the status bar.
    last: String,
    /// The shipped timeline of the document, found on first need (a
    /// `Notes` belongs to one document).
    shipped: OnceLock<Option<Timeline>>,
}

impl Notes {
    /// Open the notes of `doc`: from `explicit` (`--notes PATH`) when given,
    /// else from the sidecar or the data folder. Never fails: a missing file
    /// starts empty, a damaged one is left alone with autosave off.
    #[must_use]
    pub fn open(doc: &Document, explicit: Option<&Path>) -> Self {
        let (session, review) = persist::open_review(doc, explicit);
        let last = match &session.mode {
            Mode::ReadWrite if session.path.exists() => "loaded".to_owned(),
            Mode::ReadWrite => "new, saved on the first note".to_owned(),
            Mode::ReadOnlyNewer { version } => {
                format!("read-only: written by a newer Pizhu (format {version})")
            }
            Mode::Broken { error } => format!("not saved: {error}"),
        };
        Self {
            store: ReviewStore::new(doc, review),
            session,
            dirty: false,
            last,
            shipped: OnceLock::new(),
        }
    }

    /// The timeline to show for `doc` (the document these notes were
    /// opened for): the reviewer's edited one if the review file has one,
    /// else the one shipped for the document, else an empty one.
    #[must_use]
    pub fn timeline(&self, doc: &Document) -> Timeline {
        match self.store.timeline() {
            Some(edited) => edited.clone(),
            None => self
                .shipped(doc)
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
        self.shipped(doc).is_some()
    }

    /// The shipped timeline of `doc`, computed once.
    fn shipped(&self, doc: &Document) -> Option<&Timeline> {
        self.shipped
            .get_or_init(|| Timeline::shipped_for(doc))
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

    /// What is wrong with the notes file, in full, when it is damaged or
    /// read-only; `None` when notes are saved normally.
    #[must_use]
    pub fn problem(&self) -> Option<String> {
        match &self.session.mode {
            Mode::ReadWrite => None,
            Mode::ReadOnlyNewer { version } => Some(format!(
                "These notes were written by a newer Pizhu (format version {version}); they are shown \
                 read-only and nothing is saved. Update Pizhu to edit them: {}",
                self.session.path.display()
            )),
            Mode::Broken { error } => Some(format!(
                "The notes file could not be read, so autosave is off and the file is left as it is. {error}"
            )),
        }
    }

    /// True when there are changes not yet on disk.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The save state in a few words ("saved 15:32:01Z", "unsaved changes", …).
    #[must_use]
    pub fn state_text(&self) -> String {
        if self.dirty && self.session.is_writable() {
            "unsaved changes".to_owned()
        } else {
            self.last.clone()
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
                self.last = err.to_string();
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
        let (edit, mut summary) = merge::plan_merge(&self.store, incoming.notes);
        summary.skipped = incoming.skipped.len();
        summary.skipped_reasons = incoming.skipped;
        let before = self.store.revision();
        self.store.apply(edit).map_err(ImportError::Store)?;
        self.dirty |= self.store.revision() != before;
        self.last = format!("imported: {summary}");
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
    /// Returns the error message when saving failed (the notes stay in memory).
    pub fn save(&mut self) -> Option<String> {
        if !self.dirty {
            return None;
        }
        match persist::save(&mut self.session, self.store.review()) {
            Ok(SaveOutcome::Saved | SaveOutcome::Unchanged) => {
                self.dirty = false;
                self.last = format!("saved {}", clock(&crate::core::notes::note::now_utc()));
                None
            }
            Ok(SaveOutcome::Merged(merge)) => {
                self.dirty = false;
                self.last = format!(
                    "merged with changes made elsewhere at {}",
                    clock(&crate::core::notes::note::now_utc())
                );
                self.store.replace_review(merge.review);
                None
            }
            Err(err) => {
                self.last = format!("not saved: {err}");
                Some(err.to_string())
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
                    Some(p) => {
                        format!("new notes file; the damaged one is kept as {}", p.display())
                    }
                    None => "new notes file".to_owned(),
                };
                moved
            }
            Err(err) => {
                self.last = err.to_string();
                None
            }
        }
    }
}

/// "15:32:01Z" from an RFC 3339 time.
fn clock(rfc3339: &str) -> &str {
    rfc3339.split_once('T').map_or(rfc3339, |(_, t)| t)
}
