//! The Markdown review report: the document, the notes grouped by paragraph
//! in document order, the timeline, and the orphaned notes in a section of
//! their own.
//!
//! Each note shows its number (the same in the HTML report), its exact
//! position, the quoted text as a blockquote, the note itself with its line
//! breaks kept (as `"  \n"` hard breaks), its tags, color, author and dates.
//!
//! # Escaping
//!
//! Everything the reviewer or the document supplies (the document name, the
//! quotes, note bodies, tags, authors, timeline text) is escaped so that it
//! shows as written and cannot add structure to the report:
//!
//! * `<`, `>` and `&` become entities (`&lt;` `&gt;` `&amp;`): Markdown
//!   renderers pass raw HTML through, so `<script>` must never reach one.
//! * The inline syntax characters `` \ ` * _ [ ] | ~ # `` get a backslash,
//!   so no emphasis, code span, link, image, table cell or heading closer
//!   can be formed (`[text](url)` needs its brackets).
//! * At the start of a line, the block syntax is defused: `-`, `+` and `=`
//!   (lists, thematic breaks, setext headings) get a backslash, the `.` or
//!   `)` of an ordered-list marker (`1.`) gets one, and leading spaces and
//!   tabs become character references so they cannot open a code block.
//!   (`#` and `>` are already covered above.)
//!
//! Bare URLs are left as written: GitHub-flavoured renderers may show them
//! as links, which shows exactly the address the reviewer typed (no hidden
//! target, since link syntax is escaped).

use std::fmt::Write as _;

use crate::core::anchor::{Anchor, Match};
use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::document::Document;
use crate::core::timeline::{Certainty, Timeline};

use super::input::ExportInput;
use super::parts::{paragraph_of, participants_text};

/// The Markdown review report of `input` (see the module docs).
#[must_use]
pub fn export(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let mut out = String::new();
    // Writing to a `String` cannot fail, so the `fmt::Result`s below are ignored.
    let _ = writeln!(out, "# Review of {}", inline(&doc.name));
    out.push('\n');
    header(&mut out, input);

    let (anchored, orphans): (Vec<_>, Vec<_>) = input
        .notes
        .iter()
        .enumerate()
        .map(|(i, (note, anchor))| (i + 1, *note, *anchor))
        .partition(|(_, _, anchor)| anchor.position().is_some());

    out.push_str("\n## Notes\n");
    if anchored.is_empty() {
        out.push_str("\nNo notes on the text.\n");
    }
    let mut current = None;
    for (number, note, anchor) in &anchored {
        let Some(position) = anchor.position() else {
            continue;
        };
        let para = paragraph_of(doc, position.start);
        if current != Some(para) {
            current = Some(para);
            let _ = writeln!(out, "\n### {}", paragraph_label(para));
        }
        anchored_note(&mut out, doc, *number, note, anchor, position);
    }

    timeline(&mut out, doc, input.timeline, &input.evidence);

    out.push_str("\n## Orphaned notes\n\n");
    if orphans.is_empty() {
        out.push_str("None: every note was found in the text.\n");
    } else {
        out.push_str(
            "These notes' words could not be found in the current text. They are kept \
             as they were made.\n",
        );
    }
    for (number, note, anchor) in &orphans {
        orphan_note(&mut out, *number, note, anchor);
    }
    out
}

/// The lines under the title: document, date, counts, and what positions mean.
fn header(out: &mut String, input: &ExportInput<'_>) {
    let doc = input.doc;
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let _ = writeln!(out, "- Document: {}", inline(&doc.name));
    let _ = writeln!(
        out,
        "- Text: {} paragraphs, {} characters (SHA-256 of the clean text: {})",
        doc.paragraphs.len(),
        doc.char_len(),
        inline(&doc.clean_sha256),
    );
    let _ = writeln!(out, "- Exported: {}", inline(&input.exported_at));
    let _ = writeln!(
        out,
        "- Notes: {} ({} on the text, {} orphaned; {} to check after changes to the text)",
        input.notes.len(),
        input.notes.len() - orphans,
        orphans,
        input
            .notes
            .iter()
            .filter(|(_, a)| a.needs_checking())
            .count(),
    );
    out.push_str(
        "\nPositions are character (Unicode code point) offsets into the clean text, \
         counted from 0, end exclusive.\n",
    );
}

/// One note on the text, under its paragraph's heading.
fn anchored_note(
    out: &mut String,
    doc: &Document,
    number: usize,
    note: &Note,
    anchor: &Anchor,
    position: TextPosition,
) {
    let _ = writeln!(out, "\n#### Note {number}\n");
    blockquote(out, &note.target.quote.exact);
    out.push('\n');
    body(out, &note.body);
    let _ = writeln!(out, "- Position: {}", position_label(doc, position));
    let _ = writeln!(
        out,
        "- Status: {}",
        inline(&anchor.status_line(note.target.position).to_string())
    );
    if let Anchor::Anchored {
        how: Match::Fuzzy { .. },
        ..
    } = anchor
    {
        let _ = writeln!(
            out,
            "- The text there now reads “{}”",
            inline(doc.slice(position.start, position.end))
        );
    }
    meta(out, note);
}

/// One orphaned note: its stored quote and position, and why it was not found.
fn orphan_note(out: &mut String, number: usize, note: &Note, anchor: &Anchor) {
    let _ = writeln!(out, "\n### Note {number}\n");
    blockquote(out, &note.target.quote.exact);
    out.push('\n');
    body(out, &note.body);
    let stored = note.target.position;
    let _ = writeln!(
        out,
        "- Position when made: chars {}–{}",
        stored.start, stored.end
    );
    let _ = writeln!(
        out,
        "- Status: {}",
        inline(&anchor.status_line(stored).to_string())
    );
    meta(out, note);
}

/// The note's body, or a mention that it is a plain highlight.
fn body(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        out.push_str("*(highlight only, no note text)*\n\n");
    } else {
        block(out, text, "");
        out.push('\n');
    }
}

/// Tags, color, author and dates of a note, as list items.
fn meta(out: &mut String, note: &Note) {
    let tags = if note.tags.is_empty() {
        "none".to_owned()
    } else {
        note.tags
            .iter()
            .map(|t| inline(t))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let _ = writeln!(out, "- Tags: {tags}");
    let _ = writeln!(out, "- Color: {}", note.color.name());
    let author = if note.author.trim().is_empty() {
        "not stated".to_owned()
    } else {
        inline(&note.author)
    };
    let _ = writeln!(
        out,
        "- Author: {author}; created {}, modified {}",
        inline(&note.created),
        inline(&note.modified)
    );
}

/// The timeline section: date, year, then each event in order.
fn timeline(out: &mut String, doc: &Document, timeline: &Timeline, evidence: &[Vec<Anchor>]) {
    out.push_str("\n## Timeline\n\n");
    if !timeline.date_label.is_empty() {
        let _ = writeln!(out, "- Date: {}", inline(&timeline.date_label));
    }
    if let Some(year) = &timeline.year {
        let _ = writeln!(
            out,
            "- Year: {} (inferred: {})",
            year.year,
            inline(&year.reason)
        );
    }
    if timeline.events.is_empty() {
        out.push_str("\nNo timeline events.\n");
        return;
    }
    for (i, event) in timeline.events.iter().enumerate() {
        let _ = writeln!(out, "\n### {}. {}\n", i + 1, inline(&event.title));
        let _ = writeln!(out, "- Time: {}", or_not_stated(&event.time_label));
        let _ = writeln!(out, "- Place: {}", or_not_stated(&event.place));
        let people = participants_text(timeline, event, inline);
        let _ = writeln!(out, "- Participants: {people}");
        match &event.certainty {
            Certainty::Stated => out.push_str("- Certainty: stated\n"),
            Certainty::Inferred { reason } => {
                let _ = writeln!(out, "- Certainty: inferred; {}", inline(reason));
            }
        }
        if event.evidence.is_empty() {
            out.push_str("- Evidence: none\n");
            continue;
        }
        out.push_str("- Evidence:\n");
        let found = evidence.get(i);
        for (j, target) in event.evidence.iter().enumerate() {
            let place = match found.and_then(|a| a.get(j)).and_then(Anchor::position) {
                Some(p) => paragraph_label(paragraph_of(doc, p.start)),
                None => "not found in this text".to_owned(),
            };
            let _ = writeln!(out, "  - “{}” ({place})", inline(&target.quote.exact));
        }
    }
}

/// `text` escaped, or "not stated" when it is blank.
fn or_not_stated(text: &str) -> String {
    if text.trim().is_empty() {
        "not stated".to_owned()
    } else {
        inline(text)
    }
}

/// "Paragraph 3" (1-based) for index 2.
fn paragraph_label(index: Option<usize>) -> String {
    index.map_or_else(
        || "No paragraph".to_owned(),
        |i| format!("Paragraph {}", i + 1),
    )
}

/// "Paragraph 1, chars 9–13", or "Paragraphs 1–2, chars …" for a range that
/// spans paragraphs.
fn position_label(doc: &Document, position: TextPosition) -> String {
    let first = paragraph_of(doc, position.start);
    let last = paragraph_of(doc, position.end.saturating_sub(1).max(position.start));
    let paras = match (first, last) {
        (Some(a), Some(b)) if b > a => format!("Paragraphs {}–{}", a + 1, b + 1),
        _ => paragraph_label(first),
    };
    format!("{paras}, chars {}–{}", position.start, position.end)
}

/// A blockquote of `text`, one `> ` line per line (blank lines as `>`), with
/// hard breaks between lines of the same paragraph.
fn blockquote(out: &mut String, text: &str) {
    if text.is_empty() {
        out.push_str("> *(no text)*\n");
        return;
    }
    block(out, text, "> ");
}

/// `text` as Markdown block content, every line prefixed with `prefix`:
/// escaped, line breaks kept as `"  \n"` hard breaks, blank lines kept as
/// paragraph breaks.
fn block(out: &mut String, text: &str, prefix: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.trim_end_matches('\n').split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            out.push_str(prefix.trim_end());
            out.push('\n');
            continue;
        }
        out.push_str(prefix);
        out.push_str(&escape_line(line));
        let next_has_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        if next_has_text {
            out.push_str("  ");
        }
        out.push('\n');
    }
}

/// `text` escaped for use inside one line (a list item, a heading): line
/// breaks become spaces, and it is escaped as if at the start of a line, since
/// list items and headings start blocks of their own.
#[must_use]
fn inline(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    escape_line(flat.trim())
}

/// One line of user text escaped (see the module docs).
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    // Leading whitespace would make an indented code block.
    while let Some(&c) = chars.peek() {
        match c {
            ' ' => out.push_str("&#32;"),
            '\t' => out.push_str("&#9;"),
            _ => break,
        }
        chars.next();
    }
    // Block markers at the start of the line.
    match chars.peek() {
        Some('-' | '+' | '=') => out.push('\\'),
        Some(c) if c.is_ascii_digit() => {
            // An ordered-list marker: digits then `.` or `)`.
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                out.push(d);
                chars.next();
            }
            if matches!(chars.peek(), Some('.' | ')')) {
                out.push('\\');
            }
        }
        _ => {}
    }
    for c in chars {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_link_syntax_is_escaped() {
        assert_eq!(
            escape_line("<script>alert(1)</script> & [點我](http://x)"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[點我\\](http://x)"
        );
    }

    #[test]
    fn block_markers_at_line_start_are_defused() {
        assert_eq!(escape_line("# 標題"), "\\# 標題");
        assert_eq!(escape_line("- 項目"), "\\- 項目");
        assert_eq!(escape_line("1. 第一"), "1\\. 第一");
        assert_eq!(escape_line("12月11日"), "12月11日");
        assert_eq!(escape_line("    代碼"), "&#32;&#32;&#32;&#32;代碼");
        assert_eq!(escape_line("> 引用"), "&gt; 引用");
        assert_eq!(escape_line("==="), "\\===");
        // Only at the start: a date keeps its hyphens.
        assert_eq!(escape_line("2012-12-11"), "2012-12-11");
    }

    #[test]
    fn multi_line_text_keeps_its_breaks() {
        let mut out = String::new();
        block(&mut out, "第一行\n第二行\n\n第三段", "> ");
        assert_eq!(out, "> 第一行  \n> 第二行\n>\n> 第三段\n");
    }

    #[test]
    fn inline_text_is_one_line() {
        assert_eq!(inline("甲\n# 乙"), "甲 \\# 乙");
    }
}
