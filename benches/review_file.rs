//! Load and save of a review file with 10,000 notes (goal: ≤ 50 ms each).
//!
//!     cargo bench --bench review_file

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark setup")]

use pizhu::core::file::persist;
use pizhu::core::file::review::{Parsed, ReviewFile};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::store::ReviewStore;
use pizhu::core::text::document::Document;

fn main() {
    divan::main();
}

/// A review of the article with `n` notes spread over its text.
fn review_with(doc: &Document, n: usize) -> ReviewFile {
    let mut review = ReviewFile::new(doc);
    let len = doc.char_len();
    for i in 0..n {
        let start = (i * 37) % (len - 12);
        let mut note = Note::new(
            Target::range(doc, start, start + 2 + i % 10),
            format!("第{i}條批注：這段話值得再核對一次。"),
            "審稿人".into(),
        );
        note.tags = vec!["核對".into(), format!("組{}", i % 7)];
        review.notes.push(note);
    }
    review
}

/// Parse the file and anchor every note: what opening a document does.
#[divan::bench]
fn load_10000_notes(bencher: divan::Bencher) {
    let doc = Document::embedded();
    let json = review_with(&doc, 10_000).to_json();
    bencher
        .counter(divan::counter::BytesCount::new(json.len()))
        .bench(|| {
            let Ok(Parsed::Current(review)) = ReviewFile::parse(json.as_bytes()) else {
                panic!("the benchmark file parses");
            };
            ReviewStore::new(&doc, review)
        });
}

/// Serialise and write atomically (temp file, fsync, rename, backup).
#[divan::bench]
fn save_10000_notes(bencher: divan::Bencher) {
    let doc = Document::embedded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.pizhu.json");
    let (mut session, _) = persist::open_review(&doc, Some(&path));
    let mut review = review_with(&doc, 10_000);
    let mut i = 0u64;
    bencher.bench_local(|| {
        // Change one note so that every save really writes.
        i += 1;
        review.notes[0].body = format!("改了 {i} 次");
        persist::save(&mut session, &review).unwrap()
    });
}
