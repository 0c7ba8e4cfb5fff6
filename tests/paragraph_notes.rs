//! Paragraph notes follow their paragraph into an edited copy of the
//! article, as the window sees them: the store places each on the whole
//! paragraph that holds most of its old text (where the reader paints it
//! and puts its margin marker), and a deleted paragraph's note is kept as
//! an orphan.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use pizhu::core::anchor::{Anchor, Match};
use pizhu::core::notes::note::{Note, Target, TextPosition};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;

/// The article's clean text with its paragraphs edited: a few chars
/// changed in paragraph 1, paragraph 2 split after its first sentence,
/// paragraphs 3 and 4 joined, paragraph 5 deleted.
fn edited(doc: &Document) -> String {
    let lines: Vec<&str> = doc.text().split('\n').collect();
    assert_eq!(lines.len(), 6);
    let one: String = lines[1]
        .chars()
        .enumerate()
        .map(|(i, c)| if [20, 80, 150].contains(&i) { '〇' } else { c })
        .collect();
    let (first, rest) = lines[2].split_once('。').unwrap();
    let two = format!("{first}。\n{rest}");
    let joined = format!("{}{}", lines[3], lines[4]);
    [lines[0], &one, &two, &joined].join("\n")
}

#[test]
fn paragraph_notes_follow_their_paragraphs_into_an_edited_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("段落.pizhu.json");
    let doc = Document::embedded();
    let mut notes = Notes::open(&doc, Some(&path));
    let ids: Vec<String> = (0..6)
        .map(|i| {
            let note = Note::new(
                Target::paragraph(&doc, i).unwrap(),
                format!("第{i}段"),
                "審稿人".into(),
            );
            let id = note.id.clone();
            assert!(notes.edit(Edit::Add(note)));
            id
        })
        .collect();
    assert!(notes.save().is_ok());

    let text = edited(&doc);
    let new = Document::from_bytes("改過.txt", None, text.as_bytes()).unwrap();
    let paragraphs = &new.paragraphs;
    assert_eq!(paragraphs.len(), 5);
    let notes = Notes::open(&new, Some(&path));
    let store = notes.store();
    assert_eq!(store.notes().len(), 6, "no note is ever dropped");

    // Where each note should be: unchanged 0, edited 1, the bigger part of
    // 2 (after its first sentence), and 3 and 4 on the joined paragraph.
    let expected = [Some(0), Some(1), Some(3), Some(4), Some(4), None];
    for (i, (id, want)) in ids.iter().zip(expected).enumerate() {
        let anchor = store.anchor_of(id).unwrap();
        let Some(want) = want else {
            assert!(anchor.is_orphaned(), "{i}: {anchor:?}");
            continue;
        };
        let p = paragraphs[want];
        let whole = TextPosition {
            start: p.start,
            end: p.end,
        };
        assert_eq!(anchor.position(), Some(whole), "{i}: {anchor:?}");
        if i == 0 {
            assert!(matches!(
                anchor,
                Anchor::Anchored {
                    how: Match::Exact,
                    ..
                }
            ));
        } else {
            assert!(
                matches!(
                    anchor,
                    Anchor::Anchored {
                        how: Match::Fuzzy { .. },
                        ..
                    }
                ),
                "{i}: {anchor:?}"
            );
        }
        // What the reader asks for when it draws that paragraph (its
        // highlight and margin marker): the note, on all of it.
        let drawn: Vec<(String, TextPosition)> = store
            .notes_overlapping(p.start, p.end)
            .map(|(n, at)| (n.body.clone(), at))
            .collect();
        assert!(
            drawn.contains(&(format!("第{i}段"), whole)),
            "{i}: {drawn:?}"
        );
    }
    // The split paragraph's first part carries no note of its own.
    let part = paragraphs[2];
    assert_eq!(store.notes_overlapping(part.start, part.end).count(), 0);
}
