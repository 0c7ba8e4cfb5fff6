//! Splitting clean text into paragraphs and sentences.
//!
//! A paragraph is a line (the scraped articles put one paragraph per line);
//! empty and whitespace-only lines are skipped, so paragraph numbers count
//! only lines with content. Sentences tile each paragraph exactly: every char
//! of a paragraph belongs to exactly one sentence, so selecting "the whole
//! sentence" never leaves a stray character behind.
//!
//! All offsets are char offsets into the text, end exclusive.

/// One paragraph: a line with some non-whitespace content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// 0-based number among paragraphs (blank lines are not counted).
    pub index: usize,
    /// Char offset of the line's first char.
    pub start: usize,
    /// Char offset just past the line's last char, without its `\n` (or a
    /// `\r` before it, should un-normalised text be passed in).
    pub end: usize,
}

/// One sentence within a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    /// [`Paragraph::index`] of the paragraph it belongs to.
    pub paragraph: usize,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset just past the last char.
    pub end: usize,
}

/// Splits `text` into paragraphs, one per line with content.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    // Lines are found by byte and counted with `chars().count()`, which is
    // vectorised: a 50 MB file is split in a few tens of milliseconds.
    for line in text.split('\n') {
        let len = line.chars().count();
        // A `\r` before the `\n` is not part of the paragraph.
        let end = start + len - usize::from(line.ends_with('\r'));
        push_paragraph(&mut out, start, end, line.trim().is_empty());
        start += len + 1;
    }
    out
}

/// Records a line as a paragraph unless it is blank.
fn push_paragraph(out: &mut Vec<Paragraph>, start: usize, end: usize, blank: bool) {
    if !blank {
        out.push(Paragraph {
            index: out.len(),
            start,
            end,
        });
    }
}

/// Splits each paragraph into sentences.
///
/// A sentence ends after `。！？!?` (or a run of them, like `？！`), together
/// with any closing quotes or brackets right after it (`他說：「好。」` is one
/// sentence) and any whitespace after those. An ellipsis `……` does not end
/// a sentence in mid-paragraph: it often trails off inside one. The end of a
/// paragraph always ends a sentence, which also covers the line break.
///
/// Paragraphs are expected in text order (as [`paragraphs`] returns them);
/// out-of-order or out-of-range ones are handled, just less quickly.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cursor = Cursor::new(text);
    for p in paragraphs {
        if let Some(body) = cursor.slice(p.start, p.end) {
            split_paragraph(body, p, &mut out);
        }
    }
    out
}

/// Finds sentence ends in one paragraph's text and records the sentences.
fn split_paragraph(body: &str, p: &Paragraph, out: &mut Vec<Sentence>) {
    let mut start = p.start;
    let mut pos = p.start;
    // Straight quotes look the same whether they open or close; an odd
    // count so far means one is open and the next one closes it.
    let mut double_open = false;
    let mut single_open = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        pos += 1;
        toggle_straight_quote(c, &mut double_open, &mut single_open);
        if !is_terminator(c) {
            continue;
        }
        while let Some(&next) = chars.peek() {
            let closes = is_terminator(next)
                || is_closer(next)
                || (next == '"' && double_open)
                || (next == '\'' && single_open);
            if !closes {
                break;
            }
            toggle_straight_quote(next, &mut double_open, &mut single_open);
            chars.next();
            pos += 1;
        }
        while chars.peek().is_some_and(|n| n.is_whitespace()) {
            chars.next();
            pos += 1;
        }
        out.push(Sentence {
            paragraph: p.index,
            start,
            end: pos,
        });
        start = pos;
    }
    if start < pos {
        out.push(Sentence {
            paragraph: p.index,
            start,
            end: pos,
        });
    }
}

/// Flips the open state of a straight quote.
fn toggle_straight_quote(c: char, double_open: &mut bool, single_open: &mut bool) {
    match c {
        '"' => *double_open = !*double_open,
        '\'' => *single_open = !*single_open,
        _ => {}
    }
}

/// Punctuation that ends a sentence anywhere in a paragraph.
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '｡')
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '】'
            | '》'
            | '〉'
            | '］'
            | ']'
            | '｝'
            | '}'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '»'
            | '›'
            | '｣'
    )
}

/// Walks forward through a text, converting char offsets to byte offsets
/// without rescanning from the start for each paragraph.
struct Cursor<'a> {
    text: &'a str,
    char_pos: usize,
    byte_pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            char_pos: 0,
            byte_pos: 0,
        }
    }

    /// Byte offset of char offset `target`, clamped to the end of the text.
    fn byte_at(&mut self, target: usize) -> usize {
        if target < self.char_pos {
            // Only reached for out-of-order paragraphs.
            self.char_pos = 0;
            self.byte_pos = 0;
        }
        let rest = self.text.get(self.byte_pos..).unwrap_or_default();
        let steps = target - self.char_pos;
        let (moved_chars, moved_bytes) = match rest.char_indices().nth(steps) {
            Some((b, _)) => (steps, b),
            None => (rest.chars().count(), rest.len()),
        };
        self.char_pos += moved_chars;
        self.byte_pos += moved_bytes;
        self.byte_pos
    }

    /// The text of chars `start..end`, or `None` if that is empty once
    /// clamped to the text.
    fn slice(&mut self, start: usize, end: usize) -> Option<&'a str> {
        if start >= end {
            return None;
        }
        let from = self.byte_at(start);
        let to = self.byte_at(end);
        let text = self.text;
        text.get(from..to).filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::clean::clean;

    const ARTICLE: &str = include_str!("../../../assets/article.txt");

    fn texts(text: &str) -> Vec<String> {
        let ps = paragraphs(text);
        let chars: Vec<char> = text.chars().collect();
        sentences(text, &ps)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    /// Sentences must cover each paragraph exactly, in order.
    fn assert_tiles(text: &str) {
        let ps = paragraphs(text);
        let ss = sentences(text, &ps);
        for p in &ps {
            let mine: Vec<&Sentence> = ss.iter().filter(|s| s.paragraph == p.index).collect();
            assert!(!mine.is_empty());
            assert_eq!(mine.first().map(|s| s.start), Some(p.start));
            assert_eq!(mine.last().map(|s| s.end), Some(p.end));
            assert!(mine.windows(2).all(|w| w[0].end == w[1].start));
            assert!(mine.iter().all(|s| s.start < s.end));
        }
    }

    #[test]
    fn article_has_six_paragraphs_and_21_sentences() {
        let text = clean(ARTICLE).text;
        let ps = paragraphs(&text);
        assert_eq!(ps.len(), 6);
        assert_eq!(
            ps.iter().map(|p| p.index).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4, 5]
        );
        let ss = sentences(&text, &ps);
        assert_eq!(ss.len(), 21);
        assert_tiles(&text);
        let chars: Vec<char> = text.chars().collect();
        let last: String = chars[ss[20].start..ss[20].end].iter().collect();
        assert_eq!(last, "市直有關部門、單位的負責同志參加簽約儀式。");
        assert_eq!(ss[20].paragraph, 5);
    }

    #[test]
    fn blank_lines_are_not_paragraphs() {
        let text = "\n第一段。\n\n  \u{3000}\n第二段\n";
        let ps = paragraphs(text);
        assert_eq!(
            ps,
            vec![
                Paragraph {
                    index: 0,
                    start: 1,
                    end: 5
                },
                Paragraph {
                    index: 1,
                    start: 11,
                    end: 14
                },
            ]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n").is_empty());
        // A stray `\r` before `\n` is not part of the paragraph.
        assert_eq!(paragraphs("第一段\r\n")[0].end, 3);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            texts("他說：「好。」然後走了。"),
            ["他說：「好。」", "然後走了。"]
        );
        assert_eq!(
            texts("“真的嗎？”她問。『是！』』"),
            ["“真的嗎？”", "她問。", "『是！』』"]
        );
        assert_eq!(texts("（完。）下一句"), ["（完。）", "下一句"]);
    }

    #[test]
    fn ellipsis_splits_only_at_paragraph_end() {
        assert_eq!(
            texts("我想……還是算了。好吧……"),
            ["我想……還是算了。", "好吧……"]
        );
        assert_eq!(texts("等一下……\n再說。"), ["等一下……", "再說。"]);
    }

    #[test]
    fn ascii_marks_and_runs() {
        assert_eq!(texts("真的?是的!好"), ["真的?", "是的!", "好"]);
        assert_eq!(texts("什麼？！不會吧!!"), ["什麼？！", "不會吧!!"]);
        // A full stop is not a sentence end (decimals, abbreviations).
        assert_eq!(texts("圓周率約3.14。"), ["圓周率約3.14。"]);
        // Whitespace after the end belongs to the sentence before it.
        assert_eq!(texts("好。 \u{3000}再見。"), ["好。 \u{3000}", "再見。"]);
    }

    #[test]
    fn straight_quotes_close_only_when_open() {
        assert_eq!(texts("他說\"好!\"然後"), ["他說\"好!\"", "然後"]);
        assert_eq!(texts("好!\"下一句\""), ["好!", "\"下一句\""]);
        assert_eq!(texts("'對?'嗯"), ["'對?'", "嗯"]);
    }

    #[test]
    fn newline_ends_a_sentence() {
        assert_eq!(texts("沒有句號\n第二行"), ["沒有句號", "第二行"]);
        assert_tiles("沒有句號\n第二行。還有\n\n「引號。」\n");
    }

    #[test]
    fn odd_paragraph_lists_do_not_panic() {
        let text = "第一句。第二句。";
        let weird = [
            Paragraph {
                index: 1,
                start: 4,
                end: 8,
            },
            Paragraph {
                index: 0,
                start: 0,
                end: 4,
            },
            Paragraph {
                index: 2,
                start: 6,
                end: 100,
            },
            Paragraph {
                index: 3,
                start: 50,
                end: 60,
            },
            Paragraph {
                index: 4,
                start: 5,
                end: 2,
            },
        ];
        let ss = sentences(text, &weird);
        assert_eq!(
            ss,
            vec![
                Sentence {
                    paragraph: 1,
                    start: 4,
                    end: 8
                },
                Sentence {
                    paragraph: 0,
                    start: 0,
                    end: 4
                },
                Sentence {
                    paragraph: 2,
                    start: 6,
                    end: 8
                },
            ]
        );
    }
}
