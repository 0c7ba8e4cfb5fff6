//! Text import + cleaning: any bytes give a document or a clear error, never a
//! panic, and the clean text, its offset map and its paragraphs agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pizhu::core::text::document::Document;

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz.txt", None, bytes) else {
        return;
    };
    let len = doc.char_len();
    assert_eq!(doc.text().chars().count(), len);
    assert_eq!(doc.cleaned.map.clean_len(), len);
    for p in &doc.paragraphs {
        assert!(p.start <= p.end && p.end <= len);
        let _ = doc.paragraph_text(p.index);
    }
    for s in &doc.sentences {
        assert!(s.start <= s.end && s.end <= len);
    }
    // Every clean offset maps into the raw text and back.
    for at in (0..=len).step_by(len / 64 + 1) {
        let raw = doc.cleaned.map.clean_to_raw(at);
        assert!(raw <= doc.cleaned.map.raw_len());
        assert_eq!(doc.cleaned.map.raw_to_clean(raw), at);
    }
});
