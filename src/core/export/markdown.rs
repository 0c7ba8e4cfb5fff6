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
use super::words::{Words, fill, words};

/// The Markdown review report of `input` (see the module docs), in its
/// language, times in its zone.
#[must_use]
pub fn export(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let w = words(input.lang);
    let mut out = String::new();
    // Writing to a `String` cannot fail, so the `fmt::Result`s below are ignored.
    let _ = writeln!(
        out,
        "# {}",
        fill(w.review_of, &[("name", &inline(&doc.name))])
    );
    out.push('\n');
    header(&mut out, input, w);

    let (anchored, orphans): (Vec<_>, Vec<_>) = input
        .notes
        .iter()
        .enumerate()
        .map(|(i, (note, anchor))| (i + 1, *note, *anchor))
        .partition(|(_, _, anchor)| anchor.position().is_some());

    let _ = writeln!(out, "\n## {}", w.notes);
    if anchored.is_empty() {
        let _ = writeln!(out, "\n{}", w.no_notes_on_text);
    }
    let mut current = None;
    for (number, note, anchor) in &anchored {
        let Some(position) = anchor.position() else {
            continue;
        };
        let para = paragraph_of(doc, position.start);
        if current != Some(para) {
            current = Some(para);
            let _ = writeln!(out, "\n### {}", paragraph_label(w, para));
        }
        let shown = Shown {
            input,
            w,
            number: *number,
            note,
            anchor,
        };
        anchored_note(&mut out, &shown, position);
    }

    timeline(&mut out, w, doc, input.timeline, &input.evidence);

    let _ = writeln!(out, "\n## {}\n", w.orphaned_notes);
    if orphans.is_empty() {
        let _ = writeln!(out, "{}", w.no_orphans);
    } else {
        let _ = writeln!(out, "{}", w.orphans_legend);
    }
    for (number, note, anchor) in &orphans {
        let shown = Shown {
            input,
            w,
            number: *number,
            note,
            anchor,
        };
        orphan_note(&mut out, &shown);
    }
    out
}

/// A note as the report shows it, with what every line of it needs.
struct Shown<'a> {
    input: &'a ExportInput<'a>,
    w: &'static Words,
    number: usize,
    note: &'a Note,
    anchor: &'a Anchor,
}

/// The lines under the title: document, date, counts, and what positions mean.
fn header(out: &mut String, input: &ExportInput<'_>, w: &Words) {
    let doc = input.doc;
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let colon = w.colon;
    let _ = writeln!(out, "- {}{colon}{}", w.document, inline(&doc.name));
    let size = fill(
        w.text_size,
        &[
            ("paragraphs", &doc.paragraphs.len()),
            ("chars", &doc.char_len()),
        ],
    );
    let hash = fill(w.text_hash, &[("sha", &inline(&doc.clean_sha256))]);
    let size = fill(w.name_role, &[("name", &size), ("role", &hash)]);
    let _ = writeln!(out, "- {}{colon}{size}", w.text);
    let _ = writeln!(
        out,
        "- {}{colon}{}",
        w.exported,
        inline(&input.time(&input.exported_at))
    );
    let counts = fill(
        w.note_counts,
        &[
            ("n", &input.notes.len()),
            ("on", &(input.notes.len() - orphans)),
            ("orphaned", &orphans),
            (
                "check",
                &input
                    .notes
                    .iter()
                    .filter(|(_, a)| a.needs_checking())
                    .count(),
            ),
        ],
    );
    let _ = writeln!(out, "- {}{colon}{counts}", w.notes);
    let _ = writeln!(out, "\n{}", w.positions_legend);
}

/// One note on the text, under its paragraph's heading.
fn anchored_note(out: &mut String, shown: &Shown<'_>, position: TextPosition) {
    let (w, note, doc) = (shown.w, shown.note, shown.input.doc);
    let c = w.colon;
    let _ = writeln!(out, "\n#### {}\n", fill(w.note_n, &[("n", &shown.number)]));
    blockquote(out, w, &note.target.quote.exact);
    out.push('\n');
    body(out, w, &note.body);
    let _ = writeln!(
        out,
        "- {}{c}{}",
        w.position,
        position_label(w, doc, position)
    );
    let _ = writeln!(
        out,
        "- {}{c}{}",
        w.status,
        inline(&w.status_line(shown.anchor, note.target.position))
    );
    if let Anchor::Anchored {
        how: Match::Fuzzy { .. },
        ..
    } = shown.anchor
    {
        let now = inline(doc.slice(position.start, position.end));
        let _ = writeln!(out, "- {}", fill(w.now_reads, &[("text", &now)]));
    }
    meta(out, shown);
}

/// One orphaned note: its stored quote and position, and why it was not found.
fn orphan_note(out: &mut String, shown: &Shown<'_>) {
    let (w, note) = (shown.w, shown.note);
    let c = w.colon;
    let _ = writeln!(out, "\n### {}\n", fill(w.note_n, &[("n", &shown.number)]));
    blockquote(out, w, &note.target.quote.exact);
    out.push('\n');
    body(out, w, &note.body);
    let stored = note.target.position;
    let _ = writeln!(
        out,
        "- {}{c}{}",
        w.position_when_made,
        w.chars_range(stored)
    );
    let _ = writeln!(
        out,
        "- {}{c}{}",
        w.status,
        inline(&w.status_line(shown.anchor, stored))
    );
    meta(out, shown);
}

/// The note's body, or a mention that it is a plain highlight.
fn body(out: &mut String, w: &Words, text: &str) {
    if text.trim().is_empty() {
        let _ = writeln!(out, "*{}*\n", w.highlight_only);
    } else {
        block(out, text, "");
        out.push('\n');
    }
}

/// Tags, color, author and dates of a note, as list items; dates local,
/// with their offset.
fn meta(out: &mut String, shown: &Shown<'_>) {
    let (w, note) = (shown.w, shown.note);
    let c = w.colon;
    let tags = if note.tags.is_empty() {
        w.none.to_owned()
    } else {
        note.tags
            .iter()
            .map(|t| inline(t))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let _ = writeln!(out, "- {}{c}{tags}", w.tags);
    let _ = writeln!(out, "- {}{c}{}", w.color, w.color_name(note.color));
    let author = if note.author.trim().is_empty() {
        w.not_stated.to_owned()
    } else {
        inline(&note.author)
    };
    let line = fill(
        w.author_line,
        &[
            ("author", &author),
            ("created", &inline(&shown.input.time(&note.created))),
            ("modified", &inline(&shown.input.time(&note.modified))),
        ],
    );
    let _ = writeln!(out, "- {line}");
}

/// The timeline section: date, year, then each event in order.
fn timeline(
    out: &mut String,
    w: &Words,
    doc: &Document,
    timeline: &Timeline,
    evidence: &[Vec<Anchor>],
) {
    let c = w.colon;
    let _ = writeln!(out, "\n## {}\n", w.timeline);
    if !timeline.date_label.is_empty() {
        let _ = writeln!(out, "- {}{c}{}", w.date, inline(&timeline.date_label));
    }
    if let Some(year) = &timeline.year {
        let year = fill(
            w.year_inferred,
            &[("year", &year.year), ("reason", &inline(&year.reason))],
        );
        let _ = writeln!(out, "- {}{c}{year}", w.year);
    }
    if timeline.events.is_empty() {
        let _ = writeln!(out, "\n{}", w.no_events);
        return;
    }
    for (i, event) in timeline.events.iter().enumerate() {
        let _ = writeln!(out, "\n### {}. {}\n", i + 1, inline(&event.title));
        let _ = writeln!(
            out,
            "- {}{c}{}",
            w.time,
            or_not_stated(w, &event.time_label)
        );
        let _ = writeln!(out, "- {}{c}{}", w.place, or_not_stated(w, &event.place));
        let people = participants_text(w, timeline, event, inline);
        let _ = writeln!(out, "- {}{c}{people}", w.participants);
        let certainty = match &event.certainty {
            Certainty::Stated => w.stated.to_owned(),
            Certainty::Inferred { reason } => fill(w.inferred, &[("reason", &inline(reason))]),
        };
        let _ = writeln!(out, "- {}{c}{certainty}", w.certainty);
        if event.evidence.is_empty() {
            let _ = writeln!(out, "- {}{c}{}", w.evidence, w.none);
            continue;
        }
        let _ = writeln!(out, "- {}{}", w.evidence, c.trim_end());
        let found = evidence.get(i);
        for (j, target) in event.evidence.iter().enumerate() {
            let place = match found.and_then(|a| a.get(j)).and_then(Anchor::position) {
                Some(p) => paragraph_label(w, paragraph_of(doc, p.start)),
                None => w.not_found_here.to_owned(),
            };
            let item = fill(
                w.evidence_item,
                &[("quote", &inline(&target.quote.exact)), ("place", &place)],
            );
            let _ = writeln!(out, "  - {item}");
        }
    }
}

/// `text` escaped, or "not stated" when it is blank.
fn or_not_stated(w: &Words, text: &str) -> String {
    if text.trim().is_empty() {
        w.not_stated.to_owned()
    } else {
        inline(text)
    }
}

/// "Paragraph 3" (1-based) for index 2.
fn paragraph_label(w: &Words, index: Option<usize>) -> String {
    index.map_or_else(
        || w.no_paragraph.to_owned(),
        |i| fill(w.paragraph, &[("n", &(i + 1))]),
    )
}

/// "Paragraph 1, chars 9–13", or "Paragraphs 1–2, chars …" for a range that
/// spans paragraphs.
fn position_label(w: &Words, doc: &Document, position: TextPosition) -> String {
    let first = paragraph_of(doc, position.start);
    let last = paragraph_of(doc, position.end.saturating_sub(1).max(position.start));
    let paras = match (first, last) {
        (Some(a), Some(b)) if b > a => {
            fill(w.paragraphs, &[("first", &(a + 1)), ("last", &(b + 1))])
        }
        _ => paragraph_label(w, first),
    };
    format!("{paras}{}{}", w.comma, w.chars_range(position))
}

/// A blockquote of `text`, one `> ` line per line (blank lines as `>`), with
/// hard breaks between lines of the same paragraph.
fn blockquote(out: &mut String, w: &Words, text: &str) {
    if text.is_empty() {
        let _ = writeln!(out, "> *{}*", w.no_text);
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
