//! Pieces of HTML that the report and its timeline section both write:
//! escaped text, text with its line breaks, links to paragraphs.

use super::super::words::{Words, fill};

/// `text` with `& < > " '` replaced by character references: safe as HTML
/// text and as a double- or single-quoted attribute value.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` escaped, its line breaks as `<br>`.
pub(super) fn lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.trim_end_matches('\n')
        .split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// "Paragraph 3" for index 2, linked to it.
pub(super) fn paragraph_link(w: &Words, index: usize) -> String {
    format!(
        "<a href=\"#p{}\">{}</a>",
        index + 1,
        fill(w.paragraph, &[("n", &(index + 1))])
    )
}
