//! The document cut into blocks for the virtualised reader: one block per
//! paragraph, very long paragraphs cut after a sentence; each block's height
//! estimated from its length until it is drawn and measured; and the text a
//! block shows (clean, or its 简/繁 conversion).

use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::ui::theme;

/// A piece of a paragraph laid out as one galley: the whole paragraph, or
/// for a very long one a run of its sentences of at most [`BLOCK_CHARS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Block {
    /// The block's char range, with its paragraph's index.
    pub(super) range: Paragraph,
    /// Where its paragraph starts (to slice the 简/繁 display text).
    pub(super) para_start: usize,
    /// The paragraph's first block carries the paragraph number.
    pub(super) first: bool,
    /// The paragraph's last block is followed by the paragraph gap.
    pub(super) last: bool,
}

/// Longest block in chars. A 1 MB single line is thousands of lines high;
/// cut into blocks, only the few in view are laid out and painted.
pub(super) const BLOCK_CHARS: usize = 2000;

/// What block heights depend on; when it changes they are estimated anew.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LayoutKey {
    /// Width of the text column in points.
    pub(super) column: f32,
    /// Reading text size in points.
    pub(super) size: f32,
    /// Height of one line in points.
    pub(super) line_height: f32,
    /// The 简/繁 conversion is shown.
    pub(super) display: bool,
}

/// Where every block of the document sits in the scrolled column. Only the
/// blocks in view are laid out each frame (a 50 MB document costs what a
/// screenful costs); the others keep their last measured height or an
/// estimate from their length.
#[derive(Default)]
pub(super) struct BlockLayout {
    /// The document the blocks were cut from (clean-text hash, char length).
    doc: Option<(String, usize)>,
    /// The document's blocks, in text order.
    pub(super) blocks: Vec<Block>,
    /// What the heights were estimated for.
    key: Option<LayoutKey>,
    /// Each block's height, measured or estimated.
    pub(super) heights: Vec<f32>,
    /// Whether each block's height was measured (drawn) rather than estimated.
    pub(super) measured: Vec<bool>,
    /// `tops[i]` is the top of block `i`; `tops[blocks.len()]` the end.
    pub(super) tops: Vec<f32>,
    /// A height changed since `tops` was summed.
    stale: bool,
}

impl BlockLayout {
    /// Makes the blocks and heights fit `doc` and `key`; returns whether an
    /// earlier layout was dropped (the width or text size changed).
    pub(super) fn prepare(
        &mut self,
        doc: &Document,
        key: LayoutKey,
        gap: f32,
        number: f32,
    ) -> bool {
        let same_doc = self
            .doc
            .as_ref()
            .is_some_and(|(hash, len)| *hash == doc.clean_sha256 && *len == doc.char_len());
        if !same_doc {
            self.blocks = blocks(doc);
            self.doc = Some((doc.clean_sha256.clone(), doc.char_len()));
            self.key = None;
        }
        if self.key == Some(key) {
            if self.stale {
                self.sum();
            }
            return false;
        }
        let relaid = self.key.is_some();
        // Han characters and full-width punctuation are one em wide, so the
        // line count of Chinese text is well estimated from its length.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a positive count of characters per line"
        )]
        let per_line = ((key.column / key.size).floor() as usize).max(1);
        self.heights = self
            .blocks
            .iter()
            .map(|b| {
                let lines = (b.range.end - b.range.start).div_ceil(per_line).max(1);
                #[allow(clippy::cast_precision_loss, reason = "line counts are small")]
                let text = lines as f32 * key.line_height;
                block_height(text, *b, gap, number)
            })
            .collect();
        self.measured = vec![false; self.blocks.len()];
        self.key = Some(key);
        self.sum();
        relaid
    }

    /// Recomputes the block tops from the heights.
    fn sum(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
        self.stale = false;
    }

    /// The height of the whole column of blocks.
    pub(super) fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The block at `y` (or the last one above it).
    pub(super) fn at_y(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// The block holding char `at` (or the next one after it).
    pub(super) fn at_char(&self, at: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.end <= at)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// Records a block's real height.
    pub(super) fn measure(&mut self, i: usize, height: f32) {
        if let (Some(h), Some(m)) = (self.heights.get_mut(i), self.measured.get_mut(i)) {
            if (*h - height).abs() > 0.01 {
                *h = height;
                self.stale = true;
            }
            *m = true;
        }
    }
}

/// The height a block takes: its text, or at least the paragraph number's
/// box, and the paragraph gap after a paragraph's last block.
pub(super) fn block_height(text: f32, block: Block, gap: f32, number: f32) -> f32 {
    let row = if block.first { text.max(number) } else { text };
    if block.last { row + gap } else { row }
}

/// Cuts the document into blocks: one per paragraph, long paragraphs cut
/// after a sentence (or, inside an endless sentence, every [`BLOCK_CHARS`]).
pub(super) fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        let mut ends = Vec::new();
        if p.end - p.start > BLOCK_CHARS {
            let first = doc.sentences.partition_point(|s| s.end <= p.start);
            let (mut cur, mut last_end) = (p.start, p.start);
            for s in doc.sentences.get(first..).unwrap_or_default() {
                if s.start >= p.end {
                    break;
                }
                let end = s.end.min(p.end);
                if end - cur > BLOCK_CHARS {
                    if last_end > cur {
                        ends.push(last_end);
                        cur = last_end;
                    }
                    while end - cur > BLOCK_CHARS {
                        cur += BLOCK_CHARS;
                        ends.push(cur);
                    }
                }
                last_end = end;
            }
        }
        if ends.last() != Some(&p.end) {
            ends.push(p.end);
        }
        let mut start = p.start;
        let count = ends.len();
        for (k, end) in ends.into_iter().enumerate() {
            out.push(Block {
                range: Paragraph {
                    index: p.index,
                    start,
                    end,
                },
                para_start: p.start,
                first: k == 0,
                last: k + 1 == count,
            });
            start = end;
        }
    }
    out
}

/// The text a block shows: the clean text, or its 简/繁 conversion.
pub(super) fn block_text<'d>(
    doc: &'d Document,
    display: Option<&'d [String]>,
    block: Block,
) -> &'d str {
    let range = block.range;
    match display.and_then(|d| d.get(range.index)) {
        // The conversion keeps char counts, so the block's chars are found
        // at the same offsets inside the converted paragraph.
        Some(shown) => char_slice(
            shown,
            range.start - block.para_start,
            range.end - block.para_start,
        ),
        None => doc.slice(range.start, range.end),
    }
}

/// Chars `from..to` of `s`.
pub(super) fn char_slice(s: &str, from: usize, to: usize) -> &str {
    let start = byte_of_char(s, from);
    let end = if to > from {
        start + byte_of_char(s.get(start..).unwrap_or_default(), to - from)
    } else {
        start
    };
    s.get(start..end).unwrap_or_default()
}

/// The byte offset of char `n` of `s`, or `s.len()` past its end.
///
/// A converted paragraph has no char index, and a block near the end of a
/// 1 MB one-line paragraph is 300,000 chars in: walking them one by one
/// costs 2 ms a frame. Whole chunks are counted by `chars().count()`
/// (word-at-a-time in std), about 13 times faster; only the last chunk is
/// walked char by char.
fn byte_of_char(s: &str, n: usize) -> usize {
    const CHUNK: usize = 4096;
    let (mut at, mut seen) = (0, 0);
    while at < s.len() {
        let mut end = (at + CHUNK).min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        let count = s.get(at..end).unwrap_or_default().chars().count();
        if seen + count > n {
            break;
        }
        seen += count;
        at = end;
    }
    s.get(at..)
        .unwrap_or_default()
        .char_indices()
        .nth(n - seen)
        .map_or(s.len(), |(b, _)| at + b)
}

/// The height of the paragraph number's box.
pub(super) fn number_height(size: f32) -> f32 {
    size * theme::LINE_HEIGHT.min(1.8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes("t.txt", None, text.as_bytes()).expect("test text decodes")
    }

    /// Blocks tile each paragraph exactly, and only the first carries the
    /// paragraph number.
    fn assert_tiles(doc: &Document, blocks: &[Block]) {
        for p in &doc.paragraphs {
            let mine: Vec<&Block> = blocks.iter().filter(|b| b.range.index == p.index).collect();
            assert_eq!(mine.first().map(|b| b.range.start), Some(p.start));
            assert_eq!(mine.last().map(|b| b.range.end), Some(p.end));
            for pair in mine.windows(2) {
                assert_eq!(pair[0].range.end, pair[1].range.start);
            }
            for (k, b) in mine.iter().enumerate() {
                assert_eq!(b.first, k == 0);
                assert_eq!(b.last, k + 1 == mine.len());
                assert!(b.range.end - b.range.start <= BLOCK_CHARS);
            }
        }
    }

    #[test]
    fn short_paragraphs_are_one_block_each() {
        let d = doc("濟寧市政府與省人社廳簽署協議。\n\n馬平昌致辭。\n");
        let b = blocks(&d);
        assert_eq!(b.len(), 2);
        assert_tiles(&d, &b);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence() {
        let sentence = format!("{}。", "濟".repeat(799));
        let d = doc(&sentence.repeat(5));
        let b = blocks(&d);
        assert_tiles(&d, &b);
        // 800-char sentences: two fit in a block, and every cut ends one.
        assert_eq!(b.len(), 3);
        for block in &b {
            assert!(d.slice(block.range.start, block.range.end).ends_with('。'));
        }
    }

    #[test]
    fn an_endless_sentence_is_cut_every_block_length() {
        let d = doc(&format!("前言。{}", "寧".repeat(BLOCK_CHARS * 3 + 5)));
        let b = blocks(&d);
        assert_tiles(&d, &b);
        assert_eq!(b.len(), 5);
        assert_eq!(b[0].range.end, 3, "cut after 前言。");
    }

    #[test]
    fn char_slice_counts_chars_not_bytes() {
        assert_eq!(char_slice("济宁𠮷市政府", 1, 4), "宁𠮷市");
        assert_eq!(char_slice("济宁", 1, 9), "宁");
        assert_eq!(char_slice("济宁", 2, 2), "");
    }

    #[test]
    fn char_slice_across_many_chunks_matches_a_char_walk() {
        // Several counting chunks, with 1-, 2-, 3- and 4-byte chars cut
        // at every possible place by the chunk ends.
        let text = "濟寧𠮷市a\né政府".repeat(1500);
        let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
        let len = text.chars().count();
        for from in (0..len + 3).step_by(97) {
            for to in (from..len + 3).step_by(389) {
                let expected = text.get(byte(from)..byte(to.max(from))).unwrap_or_default();
                assert_eq!(char_slice(&text, from, to), expected, "{from}..{to}");
            }
        }
    }
}
