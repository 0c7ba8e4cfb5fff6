//! W3C import: any bytes give notes (anchored or orphaned) or an error, never
//! a panic; every imported note's target stays inside the document.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pizhu::core::anchor::{TextIndex, anchor};
use pizhu::core::text::document::Document;
use pizhu::core::import::read_annotations;

fn article() -> &'static (Document, TextIndex) {
    static DOC: OnceLock<(Document, TextIndex)> = OnceLock::new();
    DOC.get_or_init(|| {
        let doc = Document::embedded();
        let index = TextIndex::new(doc.text());
        (doc, index)
    })
}

fuzz_target!(|bytes: &[u8]| {
    let (doc, index) = article();
    if let Ok(incoming) = read_annotations(bytes, doc, index) {
        for note in &incoming.notes {
            if let Some(p) = anchor(index, &note.target).position() {
                assert!(p.start <= p.end && p.end <= doc.char_len());
            }
        }
    }
});
