//! Import of a 50 MB GB18030 text (goal ≤ 1 s): bytes → decode → clean →
//! paragraphs and sentences, i.e. what opening a file does before the window
//! shows it. The stages are measured on their own too, to show where time goes.
//!
//!     cargo bench --bench import

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark setup")]

use std::sync::OnceLock;

use pizhu::core::text::{clean, decode, document::Document, segment};

fn main() {
    divan::main();
}

/// About 50 MB of GB18030: the article's paragraphs, numbered, repeated.
fn gb18030_50mb() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let article = Document::embedded();
        let mut text = String::new();
        let mut n = 0;
        // GB18030 takes 2 bytes per Han char where UTF-8 takes 3.
        while text.len() < 75_000_000 {
            for p in 0..article.paragraphs.len() {
                text.push_str(&format!("第{n}段 {}\n", article.paragraph_text(p)));
                n += 1;
            }
        }
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        bytes.into_owned()
    })
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn import_50mb_gb18030(bencher: divan::Bencher) {
    let bytes = gb18030_50mb();
    bencher.bench(|| Document::from_bytes("big.txt", None, bytes).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn stage_decode(bencher: divan::Bencher) {
    let bytes = gb18030_50mb();
    bencher.bench(|| decode::decode(bytes).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn stage_clean(bencher: divan::Bencher) {
    let text = decode::decode(gb18030_50mb()).unwrap().text;
    bencher.bench(|| clean::clean(&text));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn stage_segment(bencher: divan::Bencher) {
    let text = decode::decode(gb18030_50mb()).unwrap().text;
    let cleaned = clean::clean(&text);
    bencher.bench(|| {
        let paragraphs = segment::paragraphs(&cleaned.text);
        segment::sentences(&cleaned.text, &paragraphs)
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn stage_hash(bencher: divan::Bencher) {
    let bytes = gb18030_50mb();
    bencher.bench(|| pizhu::core::text::document::sha256_hex(bytes));
}
