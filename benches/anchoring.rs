//! Re-anchoring speed (issue 13), at a tenth of the goals' scale so it runs
//! in seconds; `scripts/measure-anchoring.sh` measures the goals themselves
//! through the CLI on 5 MB:
//!
//! - near misses: notes whose 200-char quotes each differ from the text in 3
//!   chars, a third of them with no position hint, on a text that does not
//!   repeat (goal: all exact, in at most 5× the time of reading the document);
//! - edited: notes made on the text, re-anchored after insertions, deletions
//!   and substitutions spread through it (goal: 10,000 notes on 5 MB in under
//!   1 s).
//!
//! Each anchors with a fresh [`TextIndex`] (its build included), as opening
//! a document does. `PIZHU_BENCH_SCALE=10` runs the goals' full size.
//!
//!     cargo bench --bench anchoring

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark setup")]

use std::sync::OnceLock;

use pizhu::core::anchor::{Anchor, TextIndex, anchor};
use pizhu::core::notes::note::Target;
use pizhu::core::text::document::Document;

fn main() {
    divan::main();
}

/// The size multiplier: 1 (a tenth of the goals) unless `PIZHU_BENCH_SCALE` says.
fn scale() -> usize {
    std::env::var("PIZHU_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// A deterministic pseudo-random source (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fa5}').contains(&c)
}

/// About `bytes` bytes of Chinese that does not repeat: clauses of the
/// article put together at random, a quarter of their Han chars replaced.
fn text(bytes: usize, rng: &mut Rng) -> String {
    let article = Document::embedded().text().to_owned();
    let clauses: Vec<&str> = article
        .split(['，', ',', '、', '；', '：', '。', '！', '？', '\n'])
        .filter(|c| c.chars().count() >= 4)
        .collect();
    let mut pool: Vec<char> = article.chars().filter(|&c| is_han(c)).collect();
    pool.extend((0..3_000).filter_map(|_| char::from_u32(0x4E00 + rng.below(20_900) as u32)));
    let mut out = String::new();
    while out.len() < bytes {
        for w in 0..2 + rng.below(4) {
            if w > 0 {
                out.push('，');
            }
            for c in clauses[rng.below(clauses.len())].chars() {
                out.push(if is_han(c) && rng.below(4) == 0 {
                    pool[rng.below(pool.len())]
                } else {
                    c
                });
            }
        }
        out.push(if rng.below(7) == 0 { '\n' } else { '。' });
    }
    out
}

/// The near-miss case: the text, and its notes (3 chars changed in each
/// 200-char quote, every third with no position hint) with where each
/// should land.
fn near_misses() -> &'static (String, Vec<(Target, usize)>) {
    static CASE: OnceLock<(String, Vec<(Target, usize)>)> = OnceLock::new();
    CASE.get_or_init(|| {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let text = text(500_000 * scale(), &mut rng);
        let doc = Document::from_bytes("near.txt", None, text.as_bytes()).unwrap();
        let chars: Vec<char> = doc.text().chars().collect();
        let mut notes = Vec::new();
        while notes.len() < 30 * scale() {
            let start = 32 + rng.below(chars.len() - 264);
            let mut target = Target::range(&doc, start, start + 200);
            let mut quote: Vec<char> = target.quote.exact.chars().collect();
            for spot in [20 + rng.below(50), 80 + rng.below(40), 130 + rng.below(50)] {
                quote[spot] = if quote[spot] == '甲' { '乙' } else { '甲' };
            }
            target.quote.exact = quote.iter().collect();
            if doc.text().contains(&target.quote.exact) {
                continue;
            }
            target.position_guessed = notes.len() % 3 == 0;
            notes.push((target, start));
        }
        (doc.text().to_owned(), notes)
    })
}

/// The edited case: notes made on a text (quotes of 2 to 60 chars), and
/// the text with an edit every 400 to 1,200 chars.
fn edited() -> &'static (String, Vec<Target>) {
    static CASE: OnceLock<(String, Vec<Target>)> = OnceLock::new();
    CASE.get_or_init(|| {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let text = text(500_000 * scale(), &mut rng);
        let doc = Document::from_bytes("edited.txt", None, text.as_bytes()).unwrap();
        let chars: Vec<char> = doc.text().chars().collect();
        let lengths = [2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 40, 60];
        let targets = (0..1_000 * scale())
            .map(|_| {
                let len = lengths[rng.below(lengths.len())];
                let start = rng.below(chars.len() - len);
                Target::range(&doc, start, start + len)
            })
            .collect();
        let mut new = String::new();
        let mut at = 0;
        while at < chars.len() {
            let step = 400 + rng.below(800);
            new.extend(chars.iter().skip(at).take(step));
            at += step;
            match rng.below(3) {
                0 => new.extend((0..1 + rng.below(20)).map(|i| chars[(at * 7 + i) % chars.len()])),
                1 => at += 1 + rng.below(10),
                _ => {
                    new.push('〇');
                    at += 1;
                }
            }
        }
        (new, targets)
    })
}

/// Reading the near-miss document: the reference the goal is relative to.
#[divan::bench(sample_count = 10)]
fn near_misses_read_document(bencher: divan::Bencher) {
    let (text, _) = near_misses();
    bencher.bench(|| Document::from_bytes("near.txt", None, text.as_bytes()).unwrap());
}

/// Index and anchor every near-miss note; each must land where it was made.
#[divan::bench(sample_count = 10)]
fn near_misses_anchor(bencher: divan::Bencher) {
    let (text, notes) = near_misses();
    bencher.bench(|| {
        let index = TextIndex::new(text);
        for (target, start) in notes {
            let found = anchor(&index, target).position().map(|p| p.start);
            assert_eq!(found, Some(*start), "{}", target.quote.exact);
        }
    });
}

/// Index the edited text and re-anchor every note.
#[divan::bench(sample_count = 10)]
fn edited_reanchor(bencher: divan::Bencher) {
    let (text, targets) = edited();
    bencher.bench(|| {
        let index = TextIndex::new(text);
        targets
            .iter()
            .filter(|t| matches!(anchor(&index, t), Anchor::Orphaned { .. }))
            .count()
    });
}
