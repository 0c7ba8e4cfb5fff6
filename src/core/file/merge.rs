//! One merge policy for notes, in the two places two sets of notes meet:
//!
//! - **Saving** ([`merge_copies`]): the review file changed on disk since
//!   this window read it (another window, a sync tool); the two copies are
//!   merged with the version both started from, so each side's changes,
//!   additions and deletions are kept.
//! - **Importing** ([`plan_merge`]): notes from a file are merged into the
//!   open review.
//!
//! Both follow one rule when the same note (same id) comes in two versions:
//! the one with the newer `modified` is kept, the one already here on a tie
//! ([`theirs_wins`]). A save keeps only that version (the other side saw
//! the same note and chose to change it); an import also keeps the other
//! version, as a note of its own, since nobody chose between them.
//!
//! [`plan_merge`] never loses a version:
//! - a note equal to one already there (same id and the same text, tags,
//!   color, author, kind, quote and position) is a duplicate and skipped;
//!   so is a note with another id whose quote (not empty), position, text
//!   and tags equal those of a note already there. Notes that quote
//!   nothing are never duplicates of notes with other ids: nothing tells
//!   that they are on the same words. Each duplicate is named in the
//!   summary with the note it duplicates;
//! - a note whose id is there with other content: the version with the
//!   newer `modified` is kept under the id, and the other version is kept
//!   too, as a new note with a fresh id, the tag [`CONFLICT_TAG`] and the
//!   field [`CONFLICT_FIELD`] holding the id it is a version of;
//! - any other note is added, keeping its id and its times.
//!
//! All of it is one [`Edit::Batch`], so one undo takes the import back.

use std::collections::HashMap;

use serde_json::Value;

use crate::core::anchor::{self, Anchor, Match};
use crate::core::file::review::ReviewFile;
use crate::core::import::{ImportSummary, Incoming, Item, SkipReason, Skipped};
use crate::core::notes::note::{self, Note, TextPosition};
use crate::core::notes::store::{Edit, ReviewStore};

/// The tag given to the other version of a note kept by a merge.
pub const CONFLICT_TAG: &str = "conflict";

/// The note field naming the id of the note a kept version is a version of.
pub const CONFLICT_FIELD: &str = "conflict_of";

/// What makes two notes with different ids "the same note": a non-empty
/// quote, position, note text and tags.
type ContentKey = (String, TextPosition, String, Vec<String>);

/// The content key of a note on `exact` at `position`; `None` without a
/// quote, since notes that quote nothing cannot be told apart by content.
/// The tag [`CONFLICT_TAG`] is left out: a merge adds it to a kept version,
/// which is still the same note as the one it was made from.
fn content_key(exact: &str, position: TextPosition, note: &Note) -> Option<ContentKey> {
    (!exact.is_empty()).then(|| {
        let tags = note
            .tags
            .iter()
            .filter(|t| *t != CONFLICT_TAG)
            .cloned()
            .collect();
        (exact.to_owned(), position, note.body.clone(), tags)
    })
}

/// The content key of a note as it was made.
fn key_of(note: &Note) -> Option<ContentKey> {
    content_key(&note.target.quote.exact, note.target.position, note)
}

/// Plans merging `incoming` notes into `store` (see the module docs):
/// the batch edit to apply and what it will do, every skipped part of the
/// file named (duplicates included). Orphans are counted by anchoring each
/// note that goes in with the store's text index.
#[must_use]
pub fn plan_merge(store: &ReviewStore, incoming: Incoming) -> (Edit, ImportSummary) {
    let index = store.text_index();
    let mut summary = ImportSummary {
        skipped: incoming.skipped.len(),
        skipped_reasons: incoming.skipped,
        renamed: incoming.renamed,
        ..ImportSummary::default()
    };
    // What the store will hold: its notes, overlaid with those planned.
    let mut planned: HashMap<String, Note> = HashMap::new();
    // The content keys of every note there or planned, with its id; a note
    // that is anchored counts both where it was made and where it is now.
    let mut keys: HashMap<ContentKey, String> = HashMap::new();
    for (n, a) in store.notes_in_document_order() {
        if let Some(key) = key_of(n) {
            keys.entry(key).or_insert_with(|| n.id.clone());
        }
        if let Some(p) = a.position()
            && let Some(key) = content_key(&index.slice(p), p, n)
        {
            keys.entry(key).or_insert_with(|| n.id.clone());
        }
    }
    let mut items = incoming.items.into_iter();
    let mut puts: Vec<Note> = Vec::new();
    for note in incoming.notes {
        let item = items.next().unwrap_or_else(|| Item::Id(note.id.clone()));
        let key = key_of(&note);
        let existing = planned
            .get(&note.id)
            .or_else(|| store.note(&note.id))
            .cloned();
        let same_content = key.as_ref().and_then(|k| keys.get(k)).cloned();
        match existing {
            Some(old) if same_note(store, &old, &note) => {
                summary.duplicates += 1;
                summary.skipped_reasons.push(Skipped {
                    item,
                    reason: SkipReason::Duplicate { of: old.id },
                });
            }
            _ if same_content.is_some() => {
                summary.duplicates += 1;
                summary.skipped_reasons.push(Skipped {
                    item,
                    reason: SkipReason::Duplicate {
                        of: same_content.unwrap_or_default(),
                    },
                });
            }
            Some(old) => {
                // The same id with other content: the newer version keeps
                // the id, the other is kept as a tagged copy.
                let (keep, other) = if theirs_wins(&old, &note) {
                    summary.replaced += 1;
                    (Some(note), old)
                } else {
                    (None, note)
                };
                let copy = conflict_copy(other);
                if let Some(k) = key_of(&copy) {
                    keys.insert(k, copy.id.clone());
                }
                summary.kept_versions += 1;
                if let Some(keep) = keep {
                    if let Some(k) = key {
                        keys.insert(k, keep.id.clone());
                    }
                    planned.insert(keep.id.clone(), keep.clone());
                    puts.push(keep);
                }
                planned.insert(copy.id.clone(), copy.clone());
                puts.push(copy);
            }
            None => {
                summary.imported += 1;
                if let Some(k) = key {
                    keys.insert(k, note.id.clone());
                }
                planned.insert(note.id.clone(), note.clone());
                puts.push(note);
            }
        }
    }
    for note in &puts {
        let ids = match anchor::anchor(index, &note.target) {
            Anchor::Orphaned { .. } => &mut summary.orphan_ids,
            Anchor::Anchored {
                how: Match::Ambiguous { .. },
                ..
            } => &mut summary.ambiguous_ids,
            Anchor::Anchored { .. } => continue,
        };
        if !ids.contains(&note.id) {
            ids.push(note.id.clone());
        }
    }
    summary.orphaned = summary.orphan_ids.len();
    summary.ambiguous = summary.ambiguous_ids.len();
    (
        Edit::Batch(puts.into_iter().map(Edit::Put).collect()),
        summary,
    )
}

/// Whether `incoming` is the note `old` already is: the same text, tags,
/// color, author and kind, on the same quote and position (where it was
/// made, or where it is now).
fn same_note(store: &ReviewStore, old: &Note, incoming: &Note) -> bool {
    let same_fields = old.body == incoming.body
        && old.tags == incoming.tags
        && old.color == incoming.color
        && old.author == incoming.author
        && old.target.kind == incoming.target.kind;
    if !same_fields {
        return false;
    }
    let (exact, position) = (&incoming.target.quote.exact, incoming.target.position);
    let as_made = old.target.quote.exact == *exact && old.target.position == position;
    let as_now = store
        .anchor_of(&old.id)
        .and_then(|a| a.position())
        .is_some_and(|p| p == position && store.text_index().slice(p) == *exact);
    as_made || as_now
}

/// `note` as a kept other version: a fresh id, the tag [`CONFLICT_TAG`]
/// and [`CONFLICT_FIELD`] naming the original id; its times are kept.
fn conflict_copy(mut note: Note) -> Note {
    note.extra
        .insert(CONFLICT_FIELD.to_owned(), Value::from(note.id.clone()));
    note.id = note::new_id();
    if !note.tags.iter().any(|t| t == CONFLICT_TAG) {
        note.tags.push(CONFLICT_TAG.to_owned());
    }
    note
}

/// The result of [`merge_copies`]: the merged review and what came from disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The review to keep.
    pub review: ReviewFile,
    /// Notes that were only in the other copy and are now added.
    pub added_from_disk: usize,
    /// Notes whose other copy was taken over this one.
    pub updated_from_disk: usize,
    /// Notes the other copy deleted (and this one did not change), now gone.
    pub removed_from_disk: usize,
}

/// Merges two copies of a review that both changed since `base`, the
/// version both started from (`None` when unknown, e.g. the file did not
/// exist yet). `ours` is the open window's copy, `theirs` the one found on
/// disk. Nothing anyone wrote is lost:
///
/// - a note changed on one side only takes that side's version;
/// - a note changed on both sides keeps the one with the newer `modified`
///   (ours on a tie; see [`theirs_wins`]);
/// - a note only in `theirs` and not in `base` is added;
/// - a note deleted here is not brought back, even if changed there;
/// - a note deleted there is removed here only if unchanged here, since
///   an edit is worth more than a deletion.
///
/// Ours come first in our order, then notes added from disk in theirs.
/// The timeline and unknown top-level fields follow the same rule: ours
/// when changed here, theirs otherwise.
#[must_use]
pub fn merge_copies(base: Option<&ReviewFile>, ours: &ReviewFile, theirs: &ReviewFile) -> Merge {
    let base_notes = base.map(notes_by_id).unwrap_or_default();
    let our_notes = notes_by_id(ours);
    let their_notes = notes_by_id(theirs);

    let mut out = ours.clone();
    out.notes = Vec::with_capacity(ours.notes.len().max(theirs.notes.len()));
    let (mut added, mut updated, mut removed) = (0, 0, 0);
    for o in &ours.notes {
        let b = base_notes.get(o.id.as_str()).copied();
        match (b, their_notes.get(o.id.as_str()).copied()) {
            (_, Some(t)) if t == o => out.notes.push(o.clone()),
            (Some(b), Some(t)) if b == o => {
                out.notes.push(t.clone());
                updated += 1;
            }
            (Some(b), Some(t)) if b == t => out.notes.push(o.clone()),
            (_, Some(t)) => {
                if theirs_wins(o, t) {
                    out.notes.push(t.clone());
                    updated += 1;
                } else {
                    out.notes.push(o.clone());
                }
            }
            (Some(b), None) if b == o => removed += 1,
            (_, None) => out.notes.push(o.clone()),
        }
    }
    for t in &theirs.notes {
        if our_notes.contains_key(t.id.as_str()) || base_notes.contains_key(t.id.as_str()) {
            continue;
        }
        out.notes.push(t.clone());
        added += 1;
    }

    let has_base = base.is_some();
    if !changed_here(
        has_base,
        ours.timeline.as_ref(),
        base.and_then(|b| b.timeline.as_ref()),
    ) {
        out.timeline.clone_from(&theirs.timeline);
    }
    let keys: std::collections::BTreeSet<&String> =
        ours.extra.keys().chain(theirs.extra.keys()).collect();
    for key in keys {
        let here = ours.extra.get(key);
        if changed_here(has_base, here, base.and_then(|b| b.extra.get(key))) {
            continue;
        }
        match theirs.extra.get(key) {
            Some(v) => out.extra.insert(key.clone(), v.clone()),
            None => out.extra.remove(key),
        };
    }

    Merge {
        review: out,
        added_from_disk: added,
        updated_from_disk: updated,
        removed_from_disk: removed,
    }
}

/// Whether a value changed in our copy since the base (without a base,
/// anything present counts as changed).
fn changed_here<T: PartialEq>(has_base: bool, ours: Option<&T>, base_value: Option<&T>) -> bool {
    if has_base {
        ours != base_value
    } else {
        ours.is_some()
    }
}

/// A review's notes by id; with duplicate ids (a hand-edited file) the first counts.
fn notes_by_id(r: &ReviewFile) -> std::collections::HashMap<&str, &Note> {
    let mut map = std::collections::HashMap::with_capacity(r.notes.len());
    for n in &r.notes {
        map.entry(n.id.as_str()).or_insert(n);
    }
    map
}

/// Whether `theirs` replaces `ours`, two versions of one note: only when it
/// was modified later (ours on a tie). The rule of both merges.
fn theirs_wins(ours: &Note, theirs: &Note) -> bool {
    is_newer(&theirs.modified, &ours.modified)
}

/// Whether timestamp `a` is later than `b`. RFC 3339 UTC stamps are
/// compared as times (so `.5Z` fractions and `+00:00` work); anything else
/// falls back to comparing the text, which orders well-formed stamps too.
fn is_newer(a: &str, b: &str) -> bool {
    match (humantime::parse_rfc3339(a), humantime::parse_rfc3339(b)) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::note::Target;
    use crate::core::text::document::Document;
    use crate::core::timeline::Timeline;
    use serde_json::json;

    fn doc() -> Document {
        Document::embedded()
    }

    /// Char range of the first occurrence of `quote` in the article.
    fn find(quote: &str) -> TextPosition {
        let doc = doc();
        let byte = doc.text().find(quote).unwrap();
        let start = doc.text()[..byte].chars().count();
        TextPosition {
            start,
            end: start + quote.chars().count(),
        }
    }

    /// A note with a fixed id and times on the first occurrence of `quote`.
    fn note_at(quote: &str, id: &str, body: &str, modified: &str) -> Note {
        let doc = doc();
        let p = find(quote);
        let mut n = Note::new(
            Target::range(&doc, p.start, p.end),
            body.into(),
            "審稿人".into(),
        );
        n.id = id.into();
        n.created = "2026-01-01T00:00:00Z".into();
        n.modified = modified.into();
        n
    }

    fn store_of(notes: Vec<Note>) -> ReviewStore {
        let doc = doc();
        let mut review = ReviewFile::new(&doc);
        review.notes = notes;
        ReviewStore::new(&doc, review)
    }

    #[test]
    fn merging_skips_duplicates_by_id_and_by_content() {
        let a = note_at("濟寧", "甲", "原文", "2026-01-02T00:00:00Z");
        let mut store = store_of(vec![a.clone()]);
        // Same id and content (a later `modified` alone is no change).
        let mut same = a.clone();
        same.modified = "2026-05-01T00:00:00Z".into();
        // Another id, same quote, position, text and tags.
        let mut copy = a.clone();
        copy.id = "乙".into();
        // Another id, the same but for its tags: another note.
        let mut tagged = a.clone();
        tagged.id = "丁".into();
        tagged.tags = vec!["別的標籤".into()];
        // New.
        let new = note_at("人社廳", "丙", "新的", "2026-01-02T00:00:00Z");
        let (edit, summary) = plan_merge(
            &store,
            vec![same, copy, tagged.clone(), new.clone(), new.clone()].into(),
        );
        assert_eq!(
            (
                summary.imported,
                summary.duplicates,
                summary.replaced,
                summary.kept_versions
            ),
            (2, 3, 0, 0)
        );
        assert_eq!(summary.to_string(), "2 imported, 3 duplicates skipped");
        // Each duplicate is named, with the note it duplicates.
        let named: Vec<String> = summary
            .skipped_reasons
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            named,
            [
                "“甲”: the notes already have this note",
                "“乙”: it duplicates the note “甲” (the same quote, position, text and tags)",
                "“丙”: the notes already have this note",
            ]
        );
        assert_eq!(summary.skipped, 0, "duplicates are not unusable items");
        assert!(summary.needs_attention());
        store.apply(edit).unwrap();
        assert_eq!(store.notes(), [a, tagged, new]);
    }

    #[test]
    fn notes_that_quote_nothing_are_not_duplicates_of_other_ids() {
        let store = store_of(Vec::new());
        let doc = doc();
        let blank = |id: &str| {
            let mut n = Note::new(Target::range(&doc, 0, 0), String::new(), "審稿人".into());
            n.id = id.into();
            n
        };
        assert!(blank("甲").target.quote.exact.is_empty());
        let (_, summary) = plan_merge(&store, vec![blank("甲"), blank("乙"), blank("丙")].into());
        assert_eq!((summary.imported, summary.duplicates), (3, 0));
        assert_eq!(summary.orphan_ids, ["甲", "乙", "丙"]);
        // The same id twice is still one note.
        let (_, summary) = plan_merge(&store, vec![blank("甲"), blank("甲")].into());
        assert_eq!((summary.imported, summary.duplicates), (1, 1));
    }

    #[test]
    fn the_newer_version_wins_and_the_other_is_kept() {
        let ours = note_at("濟寧", "甲", "我的", "2026-01-02T00:00:00Z");
        let older_here = note_at("人社廳", "乙", "我的舊版", "2026-01-01T00:00:00Z");
        let mut store = store_of(vec![ours.clone(), older_here.clone()]);
        // 甲 comes in older: ours stays, theirs is kept as a copy.
        let mut theirs_older = ours.clone();
        theirs_older.body = "他的舊版".into();
        theirs_older.modified = "2026-01-01T12:00:00Z".into();
        // 乙 comes in newer: it replaces ours, ours is kept as a copy.
        let mut theirs_newer = older_here.clone();
        theirs_newer.body = "他的新版".into();
        theirs_newer.modified = "2026-01-03T00:00:00Z".into();
        let (edit, summary) = plan_merge(
            &store,
            vec![theirs_older.clone(), theirs_newer.clone()].into(),
        );
        assert_eq!(
            (
                summary.imported,
                summary.duplicates,
                summary.replaced,
                summary.kept_versions
            ),
            (0, 0, 1, 2)
        );
        assert_eq!(
            summary.to_string(),
            "0 imported, 1 replaced by a newer version, \
             2 other versions kept as notes tagged “conflict”"
        );
        store.apply(edit).unwrap();
        assert_eq!(store.note("甲"), Some(&ours));
        assert_eq!(store.note("乙"), Some(&theirs_newer));
        let copies: Vec<&Note> = store
            .notes()
            .iter()
            .filter(|n| n.tags.iter().any(|t| t == CONFLICT_TAG))
            .collect();
        assert_eq!(copies.len(), 2);
        for (copy, of, body, modified) in [
            (copies[0], "甲", "他的舊版", "2026-01-01T12:00:00Z"),
            (copies[1], "乙", "我的舊版", "2026-01-01T00:00:00Z"),
        ] {
            assert_eq!(copy.extra.get(CONFLICT_FIELD), Some(&Value::from(of)));
            assert_eq!(
                (copy.body.as_str(), copy.modified.as_str()),
                (body, modified)
            );
            assert!(uuid::Uuid::parse_str(&copy.id).is_ok());
        }
        // The same file again changes nothing.
        let (edit, summary) = plan_merge(&store, vec![theirs_older, theirs_newer].into());
        assert_eq!((summary.duplicates, summary.kept_versions), (2, 0));
        let rev = store.revision();
        store.apply(edit).unwrap();
        assert_eq!(store.revision(), rev);
        // And one undo takes the whole import back.
        assert!(store.undo());
        assert_eq!(store.notes(), [ours, older_here]);
    }

    #[test]
    fn orphans_are_counted_after_anchoring() {
        let store = store_of(Vec::new());
        let mut lost = note_at("濟寧", "甲", "找不到", "2026-01-02T00:00:00Z");
        lost.target.quote.exact = "這句話不在文章裡".into();
        let found = note_at("人社廳", "乙", "找得到", "2026-01-02T00:00:00Z");
        let (_, summary) = plan_merge(&store, vec![lost, found].into());
        assert_eq!((summary.imported, summary.orphaned), (2, 1));
        assert_eq!(summary.orphan_ids, ["甲"]);
        assert_eq!(
            summary.to_string(),
            "2 imported, 1 orphaned (not found in the text)"
        );
    }

    #[test]
    fn notes_import_is_one_undoable_edit() {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc();
        let mut notes = crate::core::notes::session::Notes::open(
            &doc,
            Some(&dir.path().join("審閱.pizhu.json")),
        );
        let json = json!([
            {"id": "urn:uuid:11111111-2222-4333-8444-555555555555", "type": "Annotation", "bodyValue": "一",
             "target": {"source": "x:y", "selector": {"type": "TextQuoteSelector", "exact": "濟寧"}}},
            {"id": "http://example.org/anno2", "type": "Annotation", "bodyValue": "二", "target": "http://example.org/page"},
            "http://example.org/anno3"
        ]);
        let summary = notes.import(&doc, json.to_string().as_bytes()).unwrap();
        assert_eq!(
            (summary.imported, summary.orphaned, summary.skipped),
            (2, 1, 1)
        );
        assert_eq!(summary.orphan_ids, ["http://example.org/anno2"]);
        assert!(notes.is_dirty());
        assert!(
            notes.state().to_string().contains("unsaved")
                || notes.state().to_string().starts_with("imported")
        );
        assert_eq!(notes.store().notes().len(), 2);
        assert!(
            notes
                .store()
                .note("11111111-2222-4333-8444-555555555555")
                .is_some()
        );
        assert!(notes.undo());
        assert!(notes.store().notes().is_empty());
        assert!(!notes.store().can_undo());
        // Not annotations: an error, nothing changes.
        assert!(notes.import(&doc, b"{}").is_err());
        assert!(notes.store().notes().is_empty());
    }

    /// A note with a fixed id and modification time.
    fn version(doc: &Document, id: &str, body: &str, modified: &str) -> Note {
        let mut n = Note::new(Target::range(doc, 0, 6), body.into(), "審稿人".into());
        n.id = id.into();
        n.created = "2026-01-01T00:00:00Z".into();
        n.modified = modified.into();
        n
    }

    fn bodies(r: &ReviewFile) -> Vec<(&str, &str)> {
        r.notes
            .iter()
            .map(|n| (n.id.as_str(), n.body.as_str()))
            .collect()
    }

    #[test]
    fn merge_takes_each_sides_changes() {
        let doc = Document::embedded();
        let t0 = "2026-01-01T10:00:00Z";
        let mut base = ReviewFile::new(&doc);
        base.notes = vec![
            version(&doc, "甲", "原文", t0),
            version(&doc, "乙", "原文", t0),
            version(&doc, "丙", "原文", t0),
            version(&doc, "丁", "原文", t0),
            version(&doc, "戊", "原文", t0),
        ];
        let mut ours = base.clone();
        let mut theirs = base.clone();
        // 甲: changed here only. 乙: changed there only.
        ours.notes[0] = version(&doc, "甲", "我改的", "2026-01-01T11:00:00Z");
        theirs.notes[1] = version(&doc, "乙", "他改的", "2026-01-01T11:00:00Z");
        // 丙: changed on both sides; theirs is newer (with a fraction).
        ours.notes[2] = version(&doc, "丙", "我的舊版", "2026-01-01T11:00:00Z");
        theirs.notes[2] = version(&doc, "丙", "他的新版", "2026-01-01T11:00:00.5Z");
        // 丁: deleted here, changed there: stays deleted.
        ours.notes.remove(3);
        theirs.notes[3] = version(&doc, "丁", "他改了", "2026-01-01T12:00:00Z");
        // 戊: deleted there, unchanged here: goes.
        theirs.notes.retain(|n| n.id != "戊");
        // New on each side.
        ours.notes.push(version(&doc, "己", "我新增", t0));
        theirs.notes.push(version(&doc, "庚", "他新增", t0));
        theirs.extra.insert("x-他的欄位".into(), Value::from(1));
        theirs.timeline = Some(Timeline {
            date_label: "他的時間線".into(),
            ..Timeline::default()
        });

        let m = merge_copies(Some(&base), &ours, &theirs);
        assert_eq!(
            bodies(&m.review),
            [
                ("甲", "我改的"),
                ("乙", "他改的"),
                ("丙", "他的新版"),
                ("己", "我新增"),
                ("庚", "他新增")
            ]
        );
        assert_eq!(
            (m.added_from_disk, m.updated_from_disk, m.removed_from_disk),
            (1, 2, 1)
        );
        assert_eq!(m.review.extra.get("x-他的欄位"), Some(&Value::from(1)));
        assert_eq!(m.review.timeline, theirs.timeline);
    }

    #[test]
    fn merge_keeps_a_local_edit_of_a_note_deleted_on_disk() {
        let doc = Document::embedded();
        let mut base = ReviewFile::new(&doc);
        base.notes = vec![version(&doc, "甲", "原文", "2026-01-01T10:00:00Z")];
        let mut ours = base.clone();
        ours.notes[0].body = "重要修改".into();
        let mut theirs = base.clone();
        theirs.notes.clear();
        let m = merge_copies(Some(&base), &ours, &theirs);
        assert_eq!(bodies(&m.review), [("甲", "重要修改")]);
    }

    #[test]
    fn merge_without_base_is_a_union_with_newer_winning() {
        let doc = Document::embedded();
        let mut ours = ReviewFile::new(&doc);
        let mut theirs = ours.clone();
        ours.notes = vec![
            version(&doc, "甲", "我的新版", "2026-03-01T00:00:00Z"),
            version(&doc, "乙", "我的舊版", "2026-01-01T00:00:00Z"),
        ];
        theirs.notes = vec![
            version(&doc, "乙", "他的新版", "2026-02-01T00:00:00Z"),
            version(&doc, "甲", "他的舊版", "2026-02-01T00:00:00Z"),
            version(&doc, "丙", "他的", "2026-02-01T00:00:00Z"),
        ];
        ours.extra.insert("x-共同".into(), Value::from("我的"));
        theirs.extra.insert("x-共同".into(), Value::from("他的"));
        let m = merge_copies(None, &ours, &theirs);
        assert_eq!(
            bodies(&m.review),
            [("甲", "我的新版"), ("乙", "他的新版"), ("丙", "他的")]
        );
        assert_eq!(m.review.extra.get("x-共同"), Some(&Value::from("我的")));
        assert_eq!((m.added_from_disk, m.updated_from_disk), (1, 1));
    }

    #[test]
    fn merge_of_equal_copies_changes_nothing() {
        let doc = Document::embedded();
        let mut review = ReviewFile::new(&doc);
        review.notes.push(Note::new(
            Target::range(&doc, 7, 11),
            "濟寧市政府：全稱".into(),
            "審稿人".into(),
        ));
        let m = merge_copies(Some(&review), &review, &review);
        assert_eq!(m.review, review);
        assert_eq!(
            (m.added_from_disk, m.updated_from_disk, m.removed_from_disk),
            (0, 0, 0)
        );
    }

    #[test]
    fn timestamps_compare_as_times() {
        assert!(is_newer("2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00Z"));
        assert!(is_newer(
            "2026-01-02T00:00:00+00:00",
            "2026-01-01T23:59:59Z"
        ));
        assert!(!is_newer("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        // Not timestamps at all: compared as text, no panic.
        assert!(is_newer("乙", "甲") || is_newer("甲", "乙"));
    }
}
