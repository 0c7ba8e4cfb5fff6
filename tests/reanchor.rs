//! Notes made on the article find their words again in an edited copy: an
//! inserted sentence before them, one character changed inside a quote, and a
//! deleted quoted sentence (that note becomes an orphan, kept and listed).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use pizhu::core::anchor::{Anchor, Match};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;

const ARTICLE: &str = include_str!("../assets/article.txt");

fn find(doc: &Document, quote: &str) -> (usize, usize) {
    let text = doc.text();
    let byte = text.find(quote).unwrap();
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// Make the four notes on the original article and save them to `path`.
fn make_notes(path: &std::path::Path) -> Vec<String> {
    let doc = Document::from_bytes("article.txt", None, ARTICLE.as_bytes()).unwrap();
    let mut notes = Notes::open(&doc, Some(path));
    let mut ids = Vec::new();
    let mut add = |target: Target, body: &str| {
        let note = Note::new(target, body.into(), "審稿人".into());
        ids.push(note.id.clone());
        assert!(notes.edit(Edit::Add(note)));
    };
    add(Target::paragraph(&doc, 4).unwrap(), "考察在簽約之前");
    let (s, e) = find(&doc, "魯南工程技術研究院");
    add(Target::range(&doc, s, e), "考察地點一");
    let (s, e) = find(&doc, "省人社廳黨組副書記、副廳長黃麟英");
    add(Target::range(&doc, s, e), "簽約人之一");
    let (s, e) = find(&doc, "市直有關部門、單位的負責同志參加簽約儀式。");
    add(Target::range(&doc, s, e), "出席者");
    assert!(notes.save().is_ok(), "saved");
    ids
}

/// The edited copy: a sentence inserted at the start, 黃麟英 → 黃林英, and
/// the last paragraph's sentence deleted.
fn edited() -> String {
    let text = ARTICLE
        .replacen(
            "12月11日下午,",
            "本報訊 記者從市人社局獲悉。12月11日下午,",
            1,
        )
        .replace("黃麟英", "黃林英");
    // The last line is the quoted sentence (in the raw scrape it carries pinyin).
    let last_line = text.rfind('\n').unwrap();
    text[..last_line].to_owned()
}

#[test]
fn notes_re_anchor_on_an_edited_copy() {
    let dir = std::env::var_os("PIZHU_KEEP_DEMO")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tempfile::tempdir().unwrap().keep());
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("edited.pizhu.json");
    let _ = std::fs::remove_file(&path);
    let ids = make_notes(&path);

    let edited = edited();
    std::fs::write(dir.join("edited.txt"), &edited).unwrap();
    let doc = Document::from_bytes("edited.txt", None, edited.as_bytes()).unwrap();
    let notes = Notes::open(&doc, Some(&path));
    let store = notes.store();
    assert_eq!(store.notes().len(), 4, "no note is ever dropped");

    let on = |id: &str| -> (Anchor, String) {
        let a = store.anchor_of(id).unwrap().clone();
        let text = a
            .position()
            .map(|p| doc.slice(p.start, p.end).to_owned())
            .unwrap_or_default();
        (a, text)
    };
    // The paragraph and the phrase moved with the inserted sentence.
    let (a, text) = on(&ids[0]);
    assert!(
        matches!(
            a,
            Anchor::Anchored {
                how: Match::Moved { .. },
                ..
            }
        ),
        "{a:?}"
    );
    assert!(text.starts_with("簽約儀式前,韓金峰一行"));
    let (a, text) = on(&ids[1]);
    assert!(
        matches!(
            a,
            Anchor::Anchored {
                how: Match::Moved { .. },
                ..
            }
        ),
        "{a:?}"
    );
    assert_eq!(text, "魯南工程技術研究院");
    // One changed character: found approximately, on the changed words.
    let (a, text) = on(&ids[2]);
    assert!(
        matches!(
            a,
            Anchor::Anchored {
                how: Match::Fuzzy { .. },
                ..
            }
        ),
        "{a:?}"
    );
    assert_eq!(text, "省人社廳黨組副書記、副廳長黃林英");
    // The deleted sentence: an orphan with a reason, still in the store.
    let (a, _) = on(&ids[3]);
    assert!(a.is_orphaned(), "{a:?}");
    if let Anchor::Orphaned { reason } = a {
        let reason = reason.to_string();
        assert!(reason.contains("市直有關部門"), "{reason}");
    }
}
