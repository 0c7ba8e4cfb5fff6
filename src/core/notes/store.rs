//! The review store: the notes (and the edited timeline) of the open
//! document, changed only through [`Edit`] commands so that every change can be undone and redone.
//!
//! The UI never mutates notes while drawing: panels emit commands, and the
//! app applies them to the store after the frame. Each applied edit records
//! its inverse on the undo stack; undoing runs that inverse and records the
//! inverse of *that* on the redo stack, so undo and redo are the same
//! mechanism. A [`revision`](ReviewStore::revision) counter changes with
//! every change, for autosave and for caches in the UI.
//!
//! The store also knows where each note is in the current text: every note
//! is anchored (see [`anchor`]) when the store is made
//! and again whenever its target changes. Anchors are runtime state only:
//! stored targets are never rewritten behind the reviewer's back. Anchored
//! notes are kept in an index sorted by start, so painting a paragraph asks
//! for the notes overlapping it in O(log n + k) instead of scanning all.

use std::collections::HashMap;

use crate::core::anchor::{self, Anchor, TextIndex};
use crate::core::file::review::ReviewFile;
use crate::core::notes::note::{self, Note, Target, TextPosition};
use crate::core::text::document::Document;
use crate::core::timeline::Timeline;

/// Undo steps kept; older ones are dropped so a long session stays small.
pub const UNDO_LIMIT: usize = 1000;

/// A change to the notes, as the UI asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a new note (its id must not be in use).
    Add(Note),
    /// Replace the note with the same id. The store keeps the stored
    /// `created` and sets `modified` to now; the caller sets nothing else.
    Update(Note),
    /// Delete the note with this id.
    Delete(String),
    /// Replace the reviewer's timeline: `Some` for an edited one, `None` to
    /// go back to the document's default (the shipped timeline, or an empty
    /// one). Setting the timeline it already has is accepted and recorded
    /// nowhere.
    SetTimeline(Option<Box<Timeline>>),
    /// Put this note in the store exactly as given, `created` and
    /// `modified` included: added when its id is new, replacing the note
    /// with its id otherwise. For notes that bring their own history, such
    /// as imported ones; putting a note identical to the stored one is
    /// accepted and recorded nowhere.
    Put(Note),
    /// Several edits carried out in order as one step: one undo takes all
    /// of them back. All or nothing: when one is refused, those before it
    /// are taken back and the store is as it was. A batch that changes
    /// nothing is recorded nowhere.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. Nothing changes when an edit is refused.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// [`Edit::Add`] with an id already in use.
    #[error(
        "a note with this id already exists, so the new note was not added; \
         make the note again to give it a fresh id: {id}"
    )]
    DuplicateId {
        /// The id in use.
        id: String,
    },
    /// [`Edit::Update`] or [`Edit::Delete`] of an id not in the store.
    #[error(
        "there is no note with this id (it may have been deleted, undone or merged away); \
         the notes list shows the notes as they are now: {id}"
    )]
    UnknownNote {
        /// The id asked for.
        id: String,
    },
}

/// One step of the undo or redo stack: a change in its most literal form.
/// Running a step returns the step that undoes it.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// Put a note back at index `at` (undoes a delete, keeping list order).
    Insert { at: usize, note: Note },
    /// Put this version of a note back (undoes an update).
    Replace(Note),
    /// Remove the note with this id (undoes an add).
    Remove(String),
    /// Put this timeline back (undoes a change of the timeline).
    Timeline(Option<Box<Timeline>>),
    /// Carry out these steps in order (undoes a batch).
    Batch(Vec<Step>),
}

/// An anchored note in the position index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    /// Index into the notes.
    idx: usize,
}

impl Span {
    /// Whether the note touches `[start, end)`. A note on no chars (a point)
    /// touches the range when the point lies inside it.
    fn overlaps(self, start: usize, end: usize) -> bool {
        self.start < end && (self.end > start || (self.start == self.end && self.start >= start))
    }
}

/// The notes of one document, with undo and redo. See the module docs.
pub struct ReviewStore {
    /// The review as it would be saved; `review.notes` in insertion order.
    review: ReviewFile,
    /// The document's text, ready for anchoring.
    text: TextIndex,
    /// Where each note is now, parallel to `review.notes`.
    anchors: Vec<Anchor>,
    /// Note id → index. With duplicate ids in a hand-edited file, the first wins.
    by_id: HashMap<String, usize>,
    /// Anchored notes sorted by (start, end, index).
    spans: Vec<Span>,
    /// `reach[i]` = largest end among `spans[..=i]`: nondecreasing, so a
    /// binary search skips every span that ends before a query starts.
    reach: Vec<usize>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    generation: u64,
}

/// Hands each store a number of its own (see [`ReviewStore::generation`]).
static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl std::fmt::Debug for ReviewStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewStore")
            .field("notes", &self.review.notes.len())
            .field("undo", &self.undo.len())
            .field("redo", &self.redo.len())
            .field("revision", &self.revision)
            .finish_non_exhaustive()
    }
}

impl ReviewStore {
    /// A store of `review`'s notes, each anchored in `doc`.
    #[must_use]
    pub fn new(doc: &Document, review: ReviewFile) -> Self {
        let text = TextIndex::new(doc.text());
        let anchors = review
            .notes
            .iter()
            .map(|n| anchor::anchor(&text, &n.target))
            .collect();
        let mut store = Self {
            review,
            text,
            anchors,
            by_id: HashMap::new(),
            spans: Vec::new(),
            reach: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        store.reindex();
        store
    }

    /// Applies an edit: records its inverse for undo, forgets the redo
    /// stack, re-anchors the note and bumps the revision. An update that
    /// changes nothing is accepted and recorded nowhere.
    ///
    /// # Errors
    ///
    /// [`StoreError::DuplicateId`] for adding an id in use,
    /// [`StoreError::UnknownNote`] for updating or deleting a missing one;
    /// for a batch, the first such error of its edits.
    pub fn apply(&mut self, edit: Edit) -> Result<(), StoreError> {
        let Some(inverse) = self.carry_out(edit)? else {
            return Ok(());
        };
        self.revision += 1;
        self.reindex_spans();
        self.undo.push(inverse);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Checks an edit and carries it out, leaving the position index for
    /// the caller to rebuild; returns the step undoing it, or `None` when it
    /// changes nothing. A refused edit changes nothing.
    fn carry_out(&mut self, edit: Edit) -> Result<Option<Step>, StoreError> {
        let step = match edit {
            Edit::Add(mut note) => {
                if self.by_id.contains_key(&note.id) {
                    return Err(StoreError::DuplicateId { id: note.id });
                }
                note.modified = note::now_utc();
                Step::Insert {
                    at: self.review.notes.len(),
                    note,
                }
            }
            Edit::Update(mut note) => {
                let Some(old) = self.note(&note.id) else {
                    return Err(StoreError::UnknownNote { id: note.id });
                };
                note.created.clone_from(&old.created);
                note.modified.clone_from(&old.modified);
                if note == *old {
                    return Ok(None);
                }
                note.modified = note::now_utc();
                Step::Replace(note)
            }
            Edit::Delete(id) => {
                if !self.by_id.contains_key(&id) {
                    return Err(StoreError::UnknownNote { id });
                }
                Step::Remove(id)
            }
            Edit::SetTimeline(timeline) => {
                if timeline.as_deref() == self.review.timeline.as_ref() {
                    return Ok(None);
                }
                Step::Timeline(timeline)
            }
            Edit::Put(note) => match self.note(&note.id) {
                Some(old) if *old == note => return Ok(None),
                Some(_) => Step::Replace(note),
                None => Step::Insert {
                    at: self.review.notes.len(),
                    note,
                },
            },
            Edit::Batch(edits) => {
                let mut inverses = Vec::new();
                for edit in edits {
                    match self.carry_out(edit) {
                        Ok(Some(inverse)) => inverses.push(inverse),
                        Ok(None) => {}
                        Err(err) => {
                            // Take back what this batch did, newest first:
                            // the notes are then exactly as before, so the
                            // position index (not touched yet) still holds.
                            for inverse in inverses.into_iter().rev() {
                                self.run_step(inverse);
                            }
                            return Err(err);
                        }
                    }
                }
                if inverses.is_empty() {
                    return Ok(None);
                }
                inverses.reverse();
                return Ok(Some(Step::Batch(inverses)));
            }
        };
        Ok(Some(self.run_step(step)))
    }

    /// Undoes the last change; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let inverse = self.run(step);
        self.redo.push(inverse);
        true
    }

    /// Redoes the last undone change; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let inverse = self.run(step);
        self.undo.push(inverse);
        true
    }

    /// True when [`undo`](Self::undo) would change something.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when [`redo`](Self::redo) would change something.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Re-attaches a note (typically an orphan) to a new target, as an
    /// undoable update.
    ///
    /// # Errors
    ///
    /// [`StoreError::UnknownNote`] if there is no such note.
    pub fn reattach(&mut self, id: &str, target: Target) -> Result<(), StoreError> {
        let Some(old) = self.note(id) else {
            return Err(StoreError::UnknownNote { id: id.to_owned() });
        };
        let mut note = old.clone();
        note.target = target;
        self.apply(Edit::Update(note))
    }

    /// Replaces the notes with `review`'s, e.g. after a save merged in
    /// notes from another window. Notes whose target did not change keep
    /// their anchor; the others are anchored again. The undo history stays:
    /// its steps work by note id and tolerate notes that came or went.
    pub fn replace_review(&mut self, review: ReviewFile) {
        let old_notes = std::mem::take(&mut self.review.notes);
        let old_anchors = std::mem::take(&mut self.anchors);
        let mut known: HashMap<String, (Target, Anchor)> = old_notes
            .into_iter()
            .zip(old_anchors)
            .map(|(n, a)| (n.id, (n.target, a)))
            .collect();
        self.anchors = review
            .notes
            .iter()
            .map(|n| match known.remove(&n.id) {
                Some((target, a)) if target == n.target => a,
                _ => anchor::anchor(&self.text, &n.target),
            })
            .collect();
        self.review = review;
        self.revision += 1;
        self.reindex();
    }

    /// The notes in the order they were made.
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        &self.review.notes
    }

    /// Every note with its anchor: anchored notes by position (start, then
    /// end), orphans last in the order they were made.
    #[must_use]
    pub fn notes_in_document_order(&self) -> Vec<(&Note, &Anchor)> {
        self.document_order()
            .filter_map(|i| self.note_at(i))
            .collect()
    }

    /// Indices (into [`notes`](Self::notes)) in the order of
    /// [`notes_in_document_order`](Self::notes_in_document_order).
    pub fn document_order(&self) -> impl Iterator<Item = usize> + '_ {
        let anchored = self.spans.iter().map(|s| s.idx);
        let orphans = self
            .anchors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.position().is_none())
            .map(|(i, _)| i);
        anchored.chain(orphans)
    }

    /// The note at index `i` of [`notes`](Self::notes) with its anchor.
    #[must_use]
    pub fn note_at(&self, i: usize) -> Option<(&Note, &Anchor)> {
        Some((self.review.notes.get(i)?, self.anchors.get(i)?))
    }

    /// A number no other store of this process has: with
    /// [`revision`](Self::revision) it tells a cached view of the notes
    /// (the filtered list, say) whether it is still current.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The note with this id.
    #[must_use]
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.by_id.get(id).and_then(|&i| self.review.notes.get(i))
    }

    /// Where the note with this id is in the current text.
    #[must_use]
    pub fn anchor_of(&self, id: &str) -> Option<&Anchor> {
        self.by_id.get(id).and_then(|&i| self.anchors.get(i))
    }

    /// The anchored notes touching chars `[start, end)`, by position, with
    /// where they are now. A note on no chars counts when its point lies in
    /// the range. O(log n + k) for the usual notes within a paragraph.
    pub fn notes_overlapping(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = (&Note, TextPosition)> + '_ {
        // Spans before `lo` all end before `start`; spans from `hi` on all
        // start at or after `end`. Both bounds are monotone, so binary search.
        let lo = self.reach.partition_point(|&r| r < start);
        let hi = self.spans.partition_point(|s| s.start < end);
        self.spans
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter(move |s| s.overlaps(start, end))
            .filter_map(|s| {
                let position = TextPosition {
                    start: s.start,
                    end: s.end,
                };
                Some((self.review.notes.get(s.idx)?, position))
            })
    }

    /// The reviewer's edited timeline, from the review file; `None` when the
    /// document's default applies (see [`Edit::SetTimeline`]).
    #[must_use]
    pub fn timeline(&self) -> Option<&Timeline> {
        self.review.timeline.as_ref()
    }

    /// The document's text, prepared for anchoring (e.g. a timeline's
    /// evidence with [`Timeline::evidence_positions`]).
    #[must_use]
    pub fn text_index(&self) -> &TextIndex {
        &self.text
    }

    /// Changes with every applied edit, undo, redo and replacement.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The review with the notes as they are now, ready to save.
    #[must_use]
    pub fn review(&self) -> &ReviewFile {
        &self.review
    }

    /// Carries out a step and returns its inverse. Never fails: a step
    /// that finds the notes changed under it (after
    /// [`replace_review`](Self::replace_review)) does the nearest sensible
    /// thing, so undo never gets stuck.
    fn run(&mut self, step: Step) -> Step {
        let inverse = self.run_step(step);
        self.revision += 1;
        self.reindex_spans();
        inverse
    }

    /// [`run`](Self::run) without the revision and the position index:
    /// keeps the id map right as it goes (so a batch's later steps find
    /// the notes of its earlier ones) and leaves the position index, a sort
    /// of every note, to be rebuilt once when the whole step is done.
    fn run_step(&mut self, step: Step) -> Step {
        match step {
            Step::Insert { at, note } => match self.by_id.get(&note.id).copied() {
                Some(i) => self.replace_at(i, note),
                None => self.insert_at(at, note),
            },
            Step::Replace(note) => match self.by_id.get(&note.id).copied() {
                Some(i) => self.replace_at(i, note),
                None => self.insert_at(self.review.notes.len(), note),
            },
            Step::Remove(id) => match self.by_id.get(&id).copied() {
                Some(i) if i < self.review.notes.len() => {
                    let note = self.review.notes.remove(i);
                    if i < self.anchors.len() {
                        self.anchors.remove(i);
                    }
                    if i == self.review.notes.len() {
                        // The last note, and the first with its id (the map
                        // holds the first): nothing else moved.
                        self.by_id.remove(&id);
                    } else {
                        self.reindex_ids();
                    }
                    Step::Insert { at: i, note }
                }
                _ => Step::Remove(id),
            },
            Step::Timeline(timeline) => {
                let old = std::mem::replace(&mut self.review.timeline, timeline.map(|t| *t));
                Step::Timeline(old.map(Box::new))
            }
            Step::Batch(steps) => {
                let mut inverses: Vec<Step> = steps.into_iter().map(|s| self.run_step(s)).collect();
                inverses.reverse();
                Step::Batch(inverses)
            }
        }
    }

    /// Replaces note `i`, re-anchoring it; returns the step putting it back.
    fn replace_at(&mut self, i: usize, note: Note) -> Step {
        let anchor = anchor::anchor(&self.text, &note.target);
        if let Some(a) = self.anchors.get_mut(i) {
            *a = anchor;
        }
        match self.review.notes.get_mut(i) {
            Some(slot) => Step::Replace(std::mem::replace(slot, note)),
            None => Step::Remove(note.id),
        }
    }

    /// Inserts a note at `at` (clamped), anchoring it; returns the step removing it.
    fn insert_at(&mut self, at: usize, note: Note) -> Step {
        let at = at.min(self.review.notes.len());
        let id = note.id.clone();
        self.anchors.insert(
            at.min(self.anchors.len()),
            anchor::anchor(&self.text, &note.target),
        );
        self.review.notes.insert(at, note);
        if at + 1 == self.review.notes.len() {
            // Appended: no other note moved.
            self.by_id.entry(id.clone()).or_insert(at);
        } else {
            self.reindex_ids();
        }
        Step::Remove(id)
    }

    /// Rebuilds the id map and the position index from the notes. O(n log n)
    /// per change: a millisecond for ten thousand notes, and never stale.
    fn reindex(&mut self) {
        self.reindex_ids();
        self.reindex_spans();
    }

    /// Rebuilds the id map from the notes.
    fn reindex_ids(&mut self) {
        self.by_id.clear();
        for (i, n) in self.review.notes.iter().enumerate() {
            self.by_id.entry(n.id.clone()).or_insert(i);
        }
    }

    /// Rebuilds the position index from the anchors.
    fn reindex_spans(&mut self) {
        self.spans.clear();
        self.spans
            .extend(self.anchors.iter().enumerate().filter_map(|(idx, a)| {
                let p = a.position()?;
                Some(Span {
                    start: p.start,
                    end: p.end,
                    idx,
                })
            }));
        self.spans.sort_unstable_by_key(|s| (s.start, s.end, s.idx));
        self.reach.clear();
        let mut far = 0;
        for s in &self.spans {
            far = far.max(s.end);
            self.reach.push(far);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc() -> Document {
        Document::from_bytes(
            "濟寧.txt",
            None,
            "濟寧市政府與省人社廳簽署合作框架協議。\n雙方將在人才引進、技能培訓方面加強合作。\n市直有關部門參加簽約儀式。\n"
                .as_bytes(),
        )
        .unwrap()
    }

    fn note_on(doc: &Document, start: usize, end: usize, body: &str) -> Note {
        Note::new(Target::range(doc, start, end), body.into(), "審稿人".into())
    }

    /// A note whose quote is nowhere in the text: it cannot be anchored.
    fn orphan(doc: &Document) -> Note {
        let mut n = note_on(doc, 0, 2, "孤兒");
        n.target.quote.exact = "這段文字已經從文件中完全刪除了".into();
        n.target.quote.prefix = "毫不相干的前文".into();
        n.target.quote.suffix = "毫不相干的後文".into();
        n.target.position = TextPosition {
            start: 5000,
            end: 5015,
        };
        n
    }

    fn bodies(store: &ReviewStore) -> Vec<&str> {
        store.notes().iter().map(|n| n.body.as_str()).collect()
    }

    #[test]
    fn new_anchors_every_note_and_orders_them() {
        let doc = doc();
        let mut review = ReviewFile::new(&doc);
        review.notes = vec![
            note_on(&doc, 20, 22, "雙方"),
            orphan(&doc),
            note_on(&doc, 0, 3, "濟寧市"),
        ];
        let store = ReviewStore::new(&doc, review);
        assert_eq!(store.revision(), 0);
        let order: Vec<&str> = store
            .notes_in_document_order()
            .iter()
            .map(|(n, _)| n.body.as_str())
            .collect();
        assert_eq!(order, ["濟寧市", "雙方", "孤兒"]);
        let first = &store.notes()[2];
        assert_eq!(
            store.anchor_of(&first.id).and_then(Anchor::position),
            Some(TextPosition { start: 0, end: 3 })
        );
        let lost = &store.notes()[1];
        assert!(store.anchor_of(&lost.id).is_some_and(Anchor::is_orphaned));
        assert!(store.anchor_of("沒有").is_none());
    }

    #[test]
    fn add_update_delete_with_undo_and_redo() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let a = note_on(&doc, 0, 3, "甲");
        let b = note_on(&doc, 5, 8, "乙");
        store.apply(Edit::Add(a.clone())).unwrap();
        store.apply(Edit::Add(b.clone())).unwrap();
        let mut a2 = a.clone();
        a2.body = "甲，改過".into();
        a2.created = "1999-01-01T00:00:00Z".into();
        store.apply(Edit::Update(a2)).unwrap();
        let stored = store.note(&a.id).unwrap();
        assert_eq!(stored.body, "甲，改過");
        assert_eq!(stored.created, a.created, "created cannot be changed");
        store.apply(Edit::Delete(a.id.clone())).unwrap();
        assert_eq!(bodies(&store), ["乙"]);
        assert_eq!(store.revision(), 4);

        assert!(store.undo());
        assert_eq!(bodies(&store), ["甲，改過", "乙"], "back in its place");
        assert!(store.undo());
        assert_eq!(bodies(&store), ["甲", "乙"]);
        assert_eq!(store.note(&a.id), Some(&a), "the old version exactly");
        assert!(store.undo());
        assert!(store.undo());
        assert!(store.notes().is_empty());
        assert!(!store.undo());
        assert!(!store.can_undo());
        assert!(store.can_redo());

        assert!(store.redo());
        assert!(store.redo());
        assert!(store.redo());
        assert_eq!(bodies(&store), ["甲，改過", "乙"]);
        // A new edit forgets what could be redone.
        store.apply(Edit::Delete(b.id.clone())).unwrap();
        assert!(!store.can_redo());
        assert!(!store.redo());
        assert_eq!(bodies(&store), ["甲，改過"]);
        assert_eq!(store.review().notes, store.notes());
    }

    #[test]
    fn refused_edits_change_nothing() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let a = note_on(&doc, 0, 3, "甲");
        store.apply(Edit::Add(a.clone())).unwrap();
        let rev = store.revision();
        let err = store.apply(Edit::Add(a.clone())).unwrap_err();
        assert_eq!(err, StoreError::DuplicateId { id: a.id.clone() });
        assert!(err.to_string().ends_with(&a.id));
        let ghost = note_on(&doc, 0, 1, "鬼");
        assert!(matches!(
            store.apply(Edit::Update(ghost.clone())),
            Err(StoreError::UnknownNote { .. })
        ));
        assert!(matches!(
            store.apply(Edit::Delete("不存在".into())),
            Err(StoreError::UnknownNote { id }) if id == "不存在"
        ));
        assert!(store.reattach("不存在", Target::range(&doc, 0, 1)).is_err());
        assert_eq!(store.revision(), rev);
        assert_eq!(store.notes().len(), 1);
    }

    #[test]
    fn an_update_that_changes_nothing_is_not_recorded() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let a = note_on(&doc, 0, 3, "甲");
        store.apply(Edit::Add(a.clone())).unwrap();
        let rev = store.revision();
        store.apply(Edit::Update(a.clone())).unwrap();
        assert_eq!(store.revision(), rev);
        assert!(store.undo());
        assert!(!store.can_undo(), "only the add was recorded");
    }

    #[test]
    fn reattach_an_orphan_and_undo_it() {
        let doc = doc();
        let mut review = ReviewFile::new(&doc);
        let lost = orphan(&doc);
        review.notes.push(lost.clone());
        let mut store = ReviewStore::new(&doc, review);
        assert!(store.notes_overlapping(0, doc.char_len()).next().is_none());
        store
            .reattach(&lost.id, Target::range(&doc, 20, 22))
            .unwrap();
        let here: Vec<_> = store.notes_overlapping(0, 100).collect();
        assert_eq!(here.len(), 1);
        assert_eq!(here[0].1, TextPosition { start: 20, end: 22 });
        assert_eq!(here[0].0.target.quote.exact, "雙方");
        assert!(store.undo());
        assert!(store.anchor_of(&lost.id).is_some_and(Anchor::is_orphaned));
        assert_eq!(store.note(&lost.id), Some(&lost));
    }

    #[test]
    fn overlap_queries_by_paragraph() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        // A note across the first line break, and one in each line.
        for (s, e, b) in [(15, 22, "跨行"), (0, 3, "濟寧市"), (20, 22, "雙方")] {
            store.apply(Edit::Add(note_on(&doc, s, e, b))).unwrap();
        }
        let in_para = |i: usize| -> Vec<&str> {
            let p = &doc.paragraphs[i];
            store
                .notes_overlapping(p.start, p.end)
                .map(|(n, _)| n.body.as_str())
                .collect()
        };
        assert_eq!(in_para(0), ["濟寧市", "跨行"]);
        assert_eq!(in_para(1), ["跨行", "雙方"]);
        assert!(in_para(2).is_empty());
        assert_eq!(store.notes_overlapping(3, 3).count(), 0);
        assert_eq!(store.notes_overlapping(9, 2).count(), 0, "reversed range");
        assert_eq!(store.notes_overlapping(usize::MAX, usize::MAX).count(), 0);
    }

    #[test]
    fn a_point_span_overlaps_ranges_around_it() {
        // Anchoring orphans empty quotes today; the index still handles
        // points sensibly should one ever be anchored.
        let point = Span {
            start: 30,
            end: 30,
            idx: 0,
        };
        assert!(point.overlaps(20, 40));
        assert!(point.overlaps(30, 31));
        assert!(!point.overlaps(20, 30));
        assert!(!point.overlaps(31, 40));
        let chars = Span {
            start: 3,
            end: 5,
            idx: 0,
        };
        assert!(chars.overlaps(4, 4 + 1));
        assert!(!chars.overlaps(5, 9));
        assert!(!chars.overlaps(0, 3));
    }

    #[test]
    fn replace_review_keeps_undo_working() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let a = note_on(&doc, 0, 3, "甲");
        store.apply(Edit::Add(a.clone())).unwrap();
        // A merge brings in 乙 and removes 甲 (deleted in another window).
        let mut merged = store.review().clone();
        merged.notes = vec![note_on(&doc, 5, 8, "乙")];
        let rev = store.revision();
        store.replace_review(merged);
        assert!(store.revision() > rev);
        assert_eq!(bodies(&store), ["乙"]);
        // Undoing the add of 甲 finds nothing to remove: harmless, and so
        // is redoing that.
        assert!(store.undo());
        assert_eq!(bodies(&store), ["乙"]);
        assert!(store.redo());
        assert_eq!(bodies(&store), ["乙"]);
        // Undoing an edit of a note the merge removed brings the old version back.
        let b = store.notes()[0].clone();
        let mut b2 = b.clone();
        b2.body = "乙，改過".into();
        store.apply(Edit::Update(b2)).unwrap();
        let mut gone = store.review().clone();
        gone.notes.clear();
        store.replace_review(gone);
        assert!(store.undo());
        assert_eq!(store.notes(), [b]);
    }

    #[test]
    fn put_keeps_timestamps_and_replaces_by_id() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let mut a = note_on(&doc, 0, 3, "匯入的");
        a.created = "2020-01-01T00:00:00Z".into();
        a.modified = "2020-01-02T00:00:00Z".into();
        store.apply(Edit::Put(a.clone())).unwrap();
        assert_eq!(store.note(&a.id), Some(&a), "timestamps kept as given");
        let rev = store.revision();
        store.apply(Edit::Put(a.clone())).unwrap();
        assert_eq!(store.revision(), rev, "the same note again changes nothing");
        let mut newer = a.clone();
        newer.body = "較新的版本".into();
        newer.modified = "2021-01-01T00:00:00Z".into();
        store.apply(Edit::Put(newer.clone())).unwrap();
        assert_eq!(store.notes(), [newer]);
        assert!(store.undo());
        assert_eq!(store.notes(), [a]);
    }

    #[test]
    fn a_batch_is_one_undo_step() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let first = note_on(&doc, 20, 22, "先有的");
        store.apply(Edit::Add(first.clone())).unwrap();
        let a = note_on(&doc, 0, 3, "甲");
        let b = note_on(&doc, 5, 8, "乙");
        let mut first2 = first.clone();
        first2.body = "先有的，改過".into();
        store
            .apply(Edit::Batch(vec![
                Edit::Put(a.clone()),
                Edit::Put(b.clone()),
                Edit::Put(first2),
                // Later edits see the earlier ones.
                Edit::Delete(a.id.clone()),
            ]))
            .unwrap();
        assert_eq!(bodies(&store), ["先有的，改過", "乙"]);
        let order: Vec<&str> = store
            .notes_in_document_order()
            .iter()
            .map(|(n, _)| n.body.as_str())
            .collect();
        assert_eq!(order, ["乙", "先有的，改過"], "position index rebuilt");
        assert!(store.undo());
        assert_eq!(store.notes(), std::slice::from_ref(&first));
        assert_eq!(store.notes_overlapping(0, 100).count(), 1);
        assert!(store.redo());
        assert_eq!(bodies(&store), ["先有的，改過", "乙"]);
        assert!(store.undo());
        assert!(store.undo());
        assert!(store.notes().is_empty());
        assert!(!store.can_undo());
    }

    #[test]
    fn a_refused_batch_changes_nothing() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        let first = note_on(&doc, 20, 22, "先有的");
        store.apply(Edit::Add(first.clone())).unwrap();
        let rev = store.revision();
        let a = note_on(&doc, 0, 3, "甲");
        let err = store
            .apply(Edit::Batch(vec![
                Edit::Put(a.clone()),
                Edit::Delete(first.id.clone()),
                Edit::Add(a.clone()),
            ]))
            .unwrap_err();
        assert_eq!(err, StoreError::DuplicateId { id: a.id.clone() });
        assert_eq!(store.notes(), std::slice::from_ref(&first));
        assert_eq!(store.revision(), rev);
        assert!(store.note(&a.id).is_none());
        assert_eq!(store.notes_overlapping(0, 100).count(), 1);
        assert!(
            store.undo(),
            "the add before the batch is still the last step"
        );
        assert!(store.notes().is_empty());
        // An empty batch is recorded nowhere.
        store.apply(Edit::Batch(Vec::new())).unwrap();
        assert!(!store.can_undo());
    }

    #[test]
    fn undo_history_is_bounded() {
        let doc = doc();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        for i in 0..UNDO_LIMIT + 5 {
            store
                .apply(Edit::Add(note_on(&doc, i % 30, i % 30 + 1, "字")))
                .unwrap();
        }
        let mut undone = 0;
        while store.undo() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_LIMIT);
        assert_eq!(store.notes().len(), 5);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The indexed overlap query agrees with checking every note.
        #[test]
        fn overlap_query_matches_brute_force(
            ranges in proptest::collection::vec((0usize..60, 0usize..15), 0..40),
            query in (0usize..70, 0usize..30),
        ) {
            let doc = doc();
            let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
            for (s, len) in &ranges {
                store.apply(Edit::Add(note_on(&doc, *s, s + len, "注"))).unwrap();
            }
            let (start, end) = (query.0, query.0 + query.1);
            let mut fast: Vec<&str> =
                store.notes_overlapping(start, end).map(|(n, _)| n.id.as_str()).collect();
            let mut slow: Vec<&str> = store
                .notes()
                .iter()
                .filter(|n| {
                    let Some(p) = store.anchor_of(&n.id).and_then(Anchor::position) else {
                        return false;
                    };
                    let span = Span { start: p.start, end: p.end, idx: 0 };
                    span.overlaps(start, end)
                })
                .map(|n| n.id.as_str())
                .collect();
            fast.sort_unstable();
            slow.sort_unstable();
            prop_assert_eq!(fast, slow);
        }
    }
}
