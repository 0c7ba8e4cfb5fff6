//! Where the reader wraps lines: Chinese line-breaking rules (禁則) on top of
//! the Unicode line breaking algorithm.
//!
//! egui's own wrapping breaks before any Han character, so an opening quote
//! can end a line (`城市化“` / `兩化并進”`). The reader therefore decides
//! the breaks itself with [`wrap`] and hands egui lines that already fit.
//!
//! Break opportunities come from `unicode-linebreak` (UAX #14, Unicode 15.0),
//! which keeps English words whole and breaks after their spaces. Two
//! tailorings, both from later revisions of UAX #14 and the W3C's
//! *Requirements for Chinese Text Layout* (clreq):
//! - Unicode 15.0 never breaks on either side of a quotation mark (`“`, `”`
//!   are class QU). Between Chinese characters that leaves long unbreakable
//!   runs, so a break is allowed before an opening quote and after a closing
//!   one when the character on the other side is East Asian (UAX #14
//!   rule LB19a, Unicode 15.1).
//! - Whatever the algorithm says, no line starts with closing punctuation
//!   ([`is_closing`]) and no line ends with opening punctuation
//!   ([`is_opening`]).
//!
//! All positions are char offsets.

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Punctuation that must not start a line: closing brackets and quotes,
/// full stops, commas, the ellipsis and the like, full-width and ASCII.
#[must_use]
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '〞'
            | '〟'
            | '…'
            | '‥'
            | '·'
            | '・'
            | '％'
            | '．'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Punctuation that must not end a line: opening brackets and quotes.
#[must_use]
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

/// East Asian characters for the quotation tailoring: Han, kana, CJK
/// punctuation and full-width forms.
fn is_east_asian(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// For each char offset `i` in `0..=len`, whether a line may start at `i`
/// (index 0 and `len` are never breaks). Hard line breaks (`\n`) are not
/// included: they always break.
#[must_use]
pub fn opportunities(text: &str) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut allowed = vec![false; chars.len() + 1];
    // The crate reports byte offsets; walk them alongside the chars.
    let mut byte_to_char = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    for (byte, kind) in linebreaks(text) {
        if kind != BreakOpportunity::Allowed {
            continue;
        }
        while let Some(&(i, b)) = byte_to_char.peek() {
            if b < byte {
                byte_to_char.next();
                continue;
            }
            if b == byte
                && let Some(slot) = allowed.get_mut(i)
            {
                *slot = true;
            }
            break;
        }
    }
    for i in 1..chars.len() {
        let (before, after) = (chars[i - 1], chars[i]);
        if matches!(after, '“' | '‘') && is_east_asian(before) && !is_opening(before) {
            allowed[i] = true;
        }
        if matches!(before, '”' | '’') && is_east_asian(after) && !is_closing(after) {
            allowed[i] = true;
        }
        if is_closing(after) || is_opening(before) {
            allowed[i] = false;
        }
    }
    if let Some(first) = allowed.first_mut() {
        *first = false;
    }
    if let Some(last) = allowed.last_mut() {
        *last = false;
    }
    allowed
}

/// Where lines start when `text` is wrapped at `max_width`: ascending char
/// offsets, 0 not included. `advances[i]` is the width of char `i` (as laid
/// out on one line). Spaces at the end of a line hang past `max_width`, as
/// in any text editor, and so does a closing mark that has nowhere else to
/// go (only at widths of a character or two). A run with no break opportunity that is wider than
/// a line (a long URL) is cut where the punctuation rules still hold, or at
/// the edge when nothing else is possible.
#[must_use]
pub fn wrap(text: &str, advances: &[f32], max_width: f32) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let allowed = opportunities(text);
    let advance = |i: usize| advances.get(i).copied().unwrap_or(0.0);
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    let mut last_ok: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            start = i + 1;
            width = 0.0;
            last_ok = None;
            continue;
        }
        if i > start && allowed[i] {
            last_ok = Some(i);
        }
        if !c.is_whitespace() && i > start && width + advance(i) > max_width {
            let at = match last_ok {
                Some(b) if b > start => Some(b),
                _ => forced_break(&chars, start, i),
            };
            // No place at all (a mark that may not start a line right
            // after the line's only other char): the mark hangs past the
            // edge, as clreq allows for punctuation at the end of a line.
            if let Some(at) = at {
                breaks.push(at);
                start = at;
                width = (at..i).map(advance).sum();
                last_ok = (at + 1..=i).rev().find(|&j| allowed[j]);
            }
        }
        width += advance(i);
    }
    breaks
}

/// A break in `(start, i]` when the text offers none: the last place that
/// neither starts a line with closing nor ends one with opening punctuation.
/// `None` when every place would: the closing mark at `i` then hangs.
fn forced_break(chars: &[char], start: usize, i: usize) -> Option<usize> {
    (start + 1..=i)
        .rev()
        .find(|&j| !is_closing(chars[j]) && !is_opening(chars[j - 1]))
        .or_else(|| (!is_closing(chars[i])).then_some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `text` wrapped at `chars` full-width chars a line.
    fn lines(text: &str, chars: usize) -> Vec<String> {
        let all: Vec<char> = text.chars().collect();
        let advances: Vec<f32> = all
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        #[allow(clippy::cast_precision_loss, reason = "a few dozen chars")]
        let breaks = wrap(text, &advances, chars as f32);
        let mut out = Vec::new();
        let mut from = 0;
        for b in breaks.into_iter().chain([all.len()]) {
            out.push(all[from..b].iter().collect());
            from = b;
        }
        out
    }

    const ARTICLE: &str = "今年以來,濟寧緊緊圍繞“與全省同步提前全面建成小康社會”的目標,堅持工業化、城市化“兩化并進”,以大項目建設為引領。";

    #[test]
    fn no_line_ends_with_an_opening_or_starts_with_a_closing_mark_at_any_width() {
        for width in 2..40 {
            for line in lines(ARTICLE, width) {
                let first = line.chars().next();
                let last = line.chars().last();
                assert!(
                    !first.is_some_and(is_closing),
                    "{width} chars wide: a line starts with {first:?}: {line}"
                );
                assert!(
                    !last.is_some_and(is_opening),
                    "{width} chars wide: a line ends with {last:?}: {line}"
                );
            }
        }
    }

    #[test]
    fn the_issue_case_城市化_keeps_its_quote_with_the_next_line() {
        // 堅持工業化、城市化 is 9 chars; at 10 a line, egui ended it with “.
        let text = "堅持工業化、城市化“兩化并進”";
        let got = lines(text, 10);
        assert_eq!(got, ["堅持工業化、城市化", "“兩化并進”"]);
    }

    #[test]
    fn chinese_lines_are_filled_to_the_width() {
        let got = lines("濟寧市政府與省人社廳簽署合作框架協議", 6);
        assert_eq!(got, ["濟寧市政府與", "省人社廳簽署", "合作框架協議"]);
    }

    #[test]
    fn quotes_between_chinese_characters_can_be_broken_around() {
        // Unicode 15.0 alone glues “ to 著 and ” to 的; the tailoring lets
        // the line break before “ and after ”, keeping lines full.
        let got = lines("濟寧素以“孔孟之鄉”著稱", 4);
        assert_eq!(got, ["濟寧素以", "“孔孟之", "鄉”著稱"]);
    }

    #[test]
    fn english_words_stay_whole_and_break_after_spaces() {
        // 0.5 a char: 10 chars fit on a line of width 5.
        let got = lines("the framework agreement", 5);
        assert_eq!(got, ["the ", "framework ", "agreement"]);
    }

    #[test]
    fn a_run_without_opportunities_is_cut_at_the_edge() {
        let got = lines("https://example.com/濟寧", 4);
        assert!(got.iter().all(|l| !l.is_empty()), "{got:?}");
        assert_eq!(got.concat(), "https://example.com/濟寧");
    }

    #[test]
    fn empty_and_tiny_widths_do_not_panic() {
        assert!(wrap("", &[], 10.0).is_empty());
        assert_eq!(lines("濟寧", 0), ["濟", "寧"]);
        assert_eq!(wrap("濟寧", &[], 1.0), Vec::<usize>::new());
    }

    #[test]
    fn hard_line_breaks_start_a_new_line_without_a_break_of_ours() {
        let text = "濟寧\n市政府";
        let advances = [1.0; 6];
        assert!(wrap(text, &advances, 3.0).is_empty());
    }
}
