//! Which notes the notes list shows, and in which order. Shared by the list
//! and by exports of "the notes the list currently shows".

use serde::{Deserialize, Serialize};

use crate::core::anchor::Anchor;
use crate::core::notes::note::{Note, NoteColor};
use crate::core::notes::store::ReviewStore;
use crate::core::text::find::fold;

/// Sort order of the notes list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    /// Document order (orphans last).
    #[default]
    Position,
    /// Newest first by creation time.
    Created,
    /// Most recently changed first.
    Modified,
}

/// A search and filter over the notes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteFilter {
    /// Words that must all occur in the quote, the note text or the tags
    /// (insensitive to case and to simplified/traditional characters).
    pub query: String,
    /// Only notes of this color.
    pub color: Option<NoteColor>,
    /// Only notes with this tag.
    pub tag: Option<String>,
    /// Only notes that no longer anchor.
    pub orphaned_only: bool,
    /// Only notes whose place the reviewer should check after the text
    /// changed (see [`Anchor::needs_checking`]).
    #[serde(default)]
    pub needs_checking: bool,
    /// Order of the result.
    pub sort: SortBy,
}

impl NoteFilter {
    /// True when the filter lets every note through.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.color.is_none()
            && self.tag.is_none()
            && !self.orphaned_only
            && !self.needs_checking
    }

    /// True when `note` (with its anchor) passes the filter.
    #[must_use]
    pub fn matches(&self, note: &Note, anchor: Option<&Anchor>) -> bool {
        if self.color.is_some_and(|c| c != note.color) {
            return false;
        }
        if let Some(tag) = &self.tag
            && !note.tags.iter().any(|t| t == tag)
        {
            return false;
        }
        if self.orphaned_only && !anchor.is_some_and(Anchor::is_orphaned) {
            return false;
        }
        if self.needs_checking && !anchor.is_some_and(Anchor::needs_checking) {
            return false;
        }
        // The same folding as Find: 简/繁 and case make no difference.
        let haystack = fold(&format!(
            "{}\n{}\n{}",
            note.target.quote.exact,
            note.body,
            note.tags.join("\n")
        ));
        self.query
            .split_whitespace()
            .all(|word| haystack.contains(&fold(word)))
    }

    /// The notes of `store` that pass, in the chosen order.
    #[must_use]
    pub fn apply<'a>(&self, store: &'a ReviewStore) -> Vec<(&'a Note, &'a Anchor)> {
        self.apply_indices(store)
            .into_iter()
            .filter_map(|i| store.note_at(i))
            .collect()
    }

    /// [`apply`](Self::apply) as indices into [`ReviewStore::notes`], which
    /// a view can keep from frame to frame while the store's
    /// [`generation`](ReviewStore::generation) and
    /// [`revision`](ReviewStore::revision) stay the same.
    #[must_use]
    pub fn apply_indices(&self, store: &ReviewStore) -> Vec<usize> {
        let mut notes: Vec<usize> = store
            .document_order()
            .filter(|&i| {
                store
                    .note_at(i)
                    .is_some_and(|(note, anchor)| self.matches(note, Some(anchor)))
            })
            .collect();
        let notes_ = store.notes();
        let key = |i: &usize| notes_.get(*i);
        match self.sort {
            SortBy::Position => {}
            SortBy::Created => {
                notes.sort_by(|a, b| cmp_by(key(b), key(a), |n| &n.created));
            }
            SortBy::Modified => {
                notes.sort_by(|a, b| cmp_by(key(b), key(a), |n| &n.modified));
            }
        }
        notes
    }
}

/// Compares two notes by a field (missing notes first).
fn cmp_by<T: Ord>(
    a: Option<&Note>,
    b: Option<&Note>,
    field: impl Fn(&Note) -> &T,
) -> std::cmp::Ordering {
    a.map(&field).cmp(&b.map(&field))
}

/// Every tag used by the store's notes, sorted, without repeats.
#[must_use]
pub fn all_tags(store: &ReviewStore) -> Vec<String> {
    let mut tags: Vec<String> = store
        .notes()
        .iter()
        .flat_map(|n| n.tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// Split a tags field ("合作, 人事 ,時間") into clean, unique tags.
#[must_use]
pub fn parse_tags(field: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in field.split([',', '，', '、', ';', '；']) {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::note::Target;
    use crate::core::text::document::Document;

    fn note(doc: &Document, start: usize, end: usize, body: &str, tags: &[&str]) -> Note {
        let mut n = Note::new(Target::range(doc, start, end), body.into(), "審稿人".into());
        n.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        n
    }

    #[test]
    fn search_looks_in_quote_note_and_tags() {
        let doc = Document::embedded();
        let n = note(&doc, 7, 11, "市政府是簽約一方", &["機構"]);
        let f = |q: &str| NoteFilter {
            query: q.into(),
            ..NoteFilter::default()
        };
        assert!(f("濟寧").matches(&n, None));
        assert!(f("簽約 一方").matches(&n, None));
        assert!(f("機構").matches(&n, None));
        assert!(!f("韓金峰").matches(&n, None));
    }

    #[test]
    fn search_ignores_simplified_and_traditional_and_case() {
        let doc = Document::embedded();
        let n = note(&doc, 7, 11, "標題要改；見 Jining 報道", &["機構"]);
        let f = |q: &str| NoteFilter {
            query: q.into(),
            ..NoteFilter::default()
        };
        assert!(
            f("济宁").matches(&n, None),
            "simplified finds the traditional quote"
        );
        assert!(f("濟寧").matches(&n, None));
        assert!(f("题").matches(&n, None), "题 finds 題 in the note text");
        assert!(f("标题 报道").matches(&n, None));
        assert!(f("机构").matches(&n, None), "and the tags");
        assert!(f("JINING").matches(&n, None), "case is ignored");
        assert!(!f("韩金峰").matches(&n, None));
    }

    #[test]
    fn color_and_tag_filters() {
        let doc = Document::embedded();
        let n = note(&doc, 0, 6, "", &["時間"]);
        let by_color = NoteFilter {
            color: Some(NoteColor::Green),
            ..NoteFilter::default()
        };
        assert!(!by_color.matches(&n, None));
        let by_tag = NoteFilter {
            tag: Some("時間".into()),
            ..NoteFilter::default()
        };
        assert!(by_tag.matches(&n, None));
    }

    #[test]
    fn tags_split_on_chinese_and_ascii_separators() {
        assert_eq!(
            parse_tags("合作, 人事，時間、合作"),
            vec!["合作", "人事", "時間"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
