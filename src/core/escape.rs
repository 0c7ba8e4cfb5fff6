//! Text from files shown safely on a terminal.
//!
//! Ids, quotes, IRIs and paths come from files anyone can write. Printed
//! raw, an ESC sequence in them could recolour the terminal, move the
//! cursor, set its title or hide what follows; a `\r` or a newline could
//! overwrite a line or forge one ("pizhu: saved…"); a right-to-left
//! override could show a path backwards. [`escape_controls`] is what the
//! CLI passes every message through before it reaches stdout or stderr.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character written as an escape a person can
/// read, and nothing else changed (Chinese, emoji, `\` and quotes stay):
///
/// - `\n`, `\r` and `\t` as those two characters;
/// - other C0 controls, DEL and the C1 controls (U+0080–U+009F, which some
///   terminals read as ESC sequences) as `\u{1b}`, `\u{7}`, `\u{9b}`…;
/// - the invisible marks that reorder or split text — bidirectional
///   embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
///   the direction marks U+200E, U+200F and U+061C, and the line and
///   paragraph separators U+2028 and U+2029 — as `\u{202e}`….
///
/// Borrows `text` when there is nothing to escape.
#[must_use]
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is shown escaped by [`escape_controls`].
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_as_it_is() {
        for text in ["", "濟寧市政府：全稱", "C:\\文件\\批注 \"引號\" 😀", "é"] {
            assert!(matches!(escape_controls(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            escape_controls("批注\u{1b}[31m紅\u{1b}]0;標題\u{7}"),
            "批注\\u{1b}[31m紅\\u{1b}]0;標題\\u{7}"
        );
        assert_eq!(
            escape_controls("第一行\n第二行\r覆蓋\t"),
            "第一行\\n第二行\\r覆蓋\\t"
        );
        assert_eq!(
            escape_controls("\u{9b}31m\u{85}\u{7f}\0"),
            "\\u{9b}31m\\u{85}\\u{7f}\\u{0}"
        );
        assert_eq!(
            escape_controls("文件\u{202e}txt.exe\u{2066}\u{200f}\u{2028}"),
            "文件\\u{202e}txt.exe\\u{2066}\\u{200f}\\u{2028}"
        );
        let escaped = escape_controls("\u{1b}\u{9b}\u{202e}\r\n");
        assert!(!escaped.chars().any(needs_escape), "{escaped}");
    }
}
