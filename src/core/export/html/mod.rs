//! The HTML review report: one standalone file to read in a browser, send or
//! print.
//!
//! It holds the article with every note highlighted and numbered, the notes
//! (beside the article on wide screens, after it on narrow ones and in
//! print), the timeline, and the orphaned notes in a section of their own.
//! Note numbers are the same as in the Markdown report.
//!
//! # Safe to open
//!
//! The file loads nothing and runs nothing: the CSS is inline, fonts are the
//! reader's own (a system stack with CJK fallbacks), the only links are
//! fragments (`#note-3`) within the file, and there is no script. A
//! Content-Security-Policy meta (`default-src 'none'; style-src
//! 'unsafe-inline'`) makes the browser refuse any load or script even should
//! a mistake let one in.
//!
//! Every piece of user text (the document name, the article itself, quotes,
//! note bodies, tags, authors, dates, timeline text) goes through [`escape`],
//! which replaces `& < > " '` with character references, so it shows as
//! written in text and attribute values alike (attributes are always
//! double-quoted). The escaping is written here rather than taken from a
//! crate: it is five replacements, and keeping it in view makes the report's
//! safety easy to check.
//!
//! # Overlapping notes
//!
//! Highlights are drawn without nesting: each paragraph is cut into segments
//! at every note boundary, and each segment covered by notes becomes one flat
//! `<mark>` listing all of them (`data-notes="3 5"`), colored as the
//! shortest of them (the most specific) and outlined when there are several.
//! A note's number follows its last segment (`<sup>3</sup>`), and its first
//! segment carries its id (`id="n3"`), the target of the link from the notes
//! list. So overlapping and nested ranges always give well-formed HTML.

use std::fmt::Write as _;

use crate::core::anchor::{Anchor, Match};
use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::document::Document;
use crate::core::timeline::{Certainty, Timeline};

use super::input::ExportInput;
use super::parts::{paragraph_of, participants_text};

mod style;

use style::stylesheet;

/// The Content-Security-Policy of the report: nothing may load or run but
/// the inline stylesheet (`base-uri` and `form-action` are not covered by
/// `default-src`, so they are closed too).
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The HTML review report of `input` (see the module docs).
#[must_use]
pub fn export(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let entries: Vec<Entry<'_>> = input
        .notes
        .iter()
        .enumerate()
        .map(|(i, (note, anchor))| Entry {
            number: i + 1,
            note,
            anchor,
            shown: anchor.position().and_then(|p| Shown::of(doc, p)),
        })
        .collect();
    let name = escape(&doc.name);
    let mut out = String::with_capacity(doc.text().len() * 2 + 16_384);
    // Writing to a `String` cannot fail, so the `fmt::Result`s below are ignored.
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Our constant, with no `"` or `&` in it: written as is, so it reads as written.
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Pizhu\">\n");
    let _ = writeln!(out, "<title>Review of {name}</title>");
    out.push_str("<style>\n");
    out.push_str(&stylesheet());
    out.push_str("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");

    header(&mut out, input);
    out.push_str("<div class=\"layout\">\n");
    article(&mut out, doc, &entries);
    out.push_str("<section class=\"notes\" id=\"notes\">\n<h2>Notes</h2>\n");
    let anchored: Vec<&Entry<'_>> = entries.iter().filter(|e| !e.anchor.is_orphaned()).collect();
    if anchored.is_empty() {
        out.push_str("<p class=\"empty\">No notes on the text.</p>\n");
    }
    for entry in anchored {
        note_card(&mut out, doc, entry);
    }
    out.push_str("</section>\n</div>\n");

    timeline(&mut out, doc, input.timeline, &input.evidence);

    out.push_str("<section class=\"orphans\" id=\"orphans\">\n<h2>Orphaned notes</h2>\n");
    let orphans: Vec<&Entry<'_>> = entries.iter().filter(|e| e.anchor.is_orphaned()).collect();
    if orphans.is_empty() {
        out.push_str("<p class=\"empty\">None: every note was found in the text.</p>\n");
    } else {
        out.push_str(
            "<p class=\"legend\">These notes' words could not be found in the current text. \
             They are kept as they were made.</p>\n",
        );
    }
    for entry in orphans {
        note_card(&mut out, doc, entry);
    }
    out.push_str("</section>\n</div>\n</body>\n</html>\n");
    out
}

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

/// A note as the report shows it.
struct Entry<'a> {
    /// Its number, 1-based, in export order.
    number: usize,
    note: &'a Note,
    anchor: &'a Anchor,
    /// Where it is drawn in the article; `None` for orphans (and for any
    /// note in a document without paragraphs).
    shown: Option<Shown>,
}

/// Where a note is drawn: its range moved into the paragraphs (the line
/// breaks between paragraphs are not drawn), or a point for a note that
/// covers no drawn char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// Highlighted chars `[start, end)`, `start < end`, both within paragraphs.
    Range(usize, usize),
    /// A number at this offset, within a paragraph (its end included).
    Point(usize),
}

impl Shown {
    /// Where `position` is drawn in `doc`.
    fn of(doc: &Document, position: TextPosition) -> Option<Self> {
        let paras = &doc.paragraphs;
        let first = paras.first()?;
        // The first drawn char at or after `start`.
        let i = paras.partition_point(|p| p.start <= position.start);
        let start = match i.checked_sub(1).and_then(|k| paras.get(k)) {
            Some(p) if position.start < p.end => Some(position.start),
            _ => paras.get(i).map(|p| p.start),
        };
        // Just past the last drawn char before `end`.
        let j = paras.partition_point(|p| p.start < position.end);
        let end = j
            .checked_sub(1)
            .and_then(|k| paras.get(k))
            .map(|p| position.end.min(p.end));
        match (start, end) {
            (Some(s), Some(e)) if s < e => Some(Self::Range(s, e)),
            _ => {
                let k = paras.partition_point(|p| p.start <= position.start);
                let at = k
                    .checked_sub(1)
                    .and_then(|k| paras.get(k))
                    .map_or(first.start, |p| position.start.min(p.end));
                Some(Self::Point(at))
            }
        }
    }
}

/// The title, document, date and counts.
fn header(out: &mut String, input: &ExportInput<'_>) {
    let doc = input.doc;
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let _ = writeln!(
        out,
        "<header>\n<h1>Review of {}</h1>\n<p class=\"about\">Document <strong>{}</strong> · \
         {} paragraphs, {} characters · exported <time datetime=\"{}\">{}</time> · \
         {} notes ({} on the text, {} orphaned; {} to check after changes to the text)</p>",
        escape(&doc.name),
        escape(&doc.name),
        doc.paragraphs.len(),
        doc.char_len(),
        escape(&input.exported_at),
        escape(&input.exported_at),
        input.notes.len(),
        input.notes.len() - orphans,
        orphans,
        input
            .notes
            .iter()
            .filter(|(_, a)| a.needs_checking())
            .count(),
    );
    let _ = writeln!(
        out,
        "<p class=\"legend\">SHA-256 of the clean text: {}. Positions are character \
         (Unicode code point) offsets into the clean text, counted from 0, end exclusive.</p>\n\
         </header>",
        escape(&doc.clean_sha256)
    );
}

/// The article, paragraph by paragraph, with the highlights.
fn article(out: &mut String, doc: &Document, entries: &[Entry<'_>]) {
    out.push_str("<section class=\"article\" id=\"article\">\n<h2>Article</h2>\n");
    for (i, para) in doc.paragraphs.iter().enumerate() {
        let (lo, hi) = (para.start, para.end);
        // The notes drawn in this paragraph.
        let here: Vec<(&Entry<'_>, Shown)> = entries
            .iter()
            .filter_map(|e| Some((e, e.shown?)))
            .filter(|(_, s)| match *s {
                Shown::Range(s, e) => s < hi && e > lo,
                Shown::Point(p) => (lo..=hi).contains(&p),
            })
            .collect();
        let mut cuts = vec![lo, hi];
        for (_, shown) in &here {
            match *shown {
                Shown::Range(s, e) => cuts.extend([s.clamp(lo, hi), e.clamp(lo, hi)]),
                Shown::Point(p) => cuts.push(p),
            }
        }
        cuts.sort_unstable();
        cuts.dedup();

        let _ = write!(out, "<p id=\"p{0}\" data-n=\"{0}\">", i + 1);
        for (k, &at) in cuts.iter().enumerate() {
            // Numbers of the notes ending here, then of point notes here.
            let ending: Vec<usize> = here
                .iter()
                .filter(|(_, s)| matches!(*s, Shown::Range(_, e) if e == at))
                .map(|(e, _)| e.number)
                .collect();
            refs(out, &ending, None);
            for (entry, shown) in &here {
                if *shown == Shown::Point(at) {
                    refs(out, &[entry.number], Some(entry.number));
                }
            }
            let Some(&next) = cuts.get(k + 1) else {
                break;
            };
            segment(out, doc, &here, at, next);
        }
        out.push_str("</p>\n");
    }
    if doc.paragraphs.is_empty() {
        out.push_str("<p class=\"empty\">The document has no text.</p>\n");
    }
    out.push_str("</section>\n");
}

/// The text `[at, next)`, in a `<mark>` if notes cover it.
fn segment(out: &mut String, doc: &Document, here: &[(&Entry<'_>, Shown)], at: usize, next: usize) {
    let covering: Vec<(&Entry<'_>, usize, usize)> = here
        .iter()
        .filter_map(|(e, s)| match *s {
            Shown::Range(s, end) if s <= at && end >= next => Some((*e, s, end)),
            _ => None,
        })
        .collect();
    let text = escape(doc.slice(at, next));
    // The most specific note gives the color: the shortest, then the latest.
    let Some((top, _, _)) = covering
        .iter()
        .min_by_key(|(e, s, end)| (end - s, std::cmp::Reverse(e.number)))
    else {
        out.push_str(&text);
        return;
    };
    let starting: Vec<usize> = covering
        .iter()
        .filter(|(_, s, _)| *s == at)
        .map(|(e, _, _)| e.number)
        .collect();
    // One id per element: extra notes starting here get an empty anchor.
    for n in starting.iter().skip(1) {
        let _ = write!(out, "<span id=\"n{n}\"></span>");
    }
    let numbers: Vec<String> = covering
        .iter()
        .map(|(e, _, _)| e.number.to_string())
        .collect();
    let multi = if covering.len() > 1 { " multi" } else { "" };
    let _ = write!(out, "<mark class=\"c-{}{multi}\"", top.note.color.name());
    if let Some(n) = starting.first() {
        let _ = write!(out, " id=\"n{n}\"");
    }
    let label = if numbers.len() > 1 { "Notes" } else { "Note" };
    let _ = write!(
        out,
        " data-notes=\"{}\" title=\"{label} {}\">{text}</mark>",
        numbers.join(" "),
        numbers.join(", ")
    );
}

/// A superscript linking to each of `numbers`' notes, with id `n{id}` if given.
fn refs(out: &mut String, numbers: &[usize], id: Option<usize>) {
    if numbers.is_empty() {
        return;
    }
    out.push_str("<sup class=\"ref\"");
    if let Some(id) = id {
        let _ = write!(out, " id=\"n{id}\"");
    }
    out.push('>');
    for (i, n) in numbers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "<a href=\"#note-{n}\">{n}</a>");
    }
    out.push_str("</sup>");
}

/// One note in the notes list or the orphans section.
fn note_card(out: &mut String, doc: &Document, entry: &Entry<'_>) {
    let note = entry.note;
    let n = entry.number;
    let _ = write!(
        out,
        "<article class=\"note c-{}\" id=\"note-{n}\" data-id=\"{}\">\n<h3>",
        note.color.name(),
        escape(&note.id)
    );
    match entry.anchor {
        Anchor::Anchored { position, how } => {
            let _ = writeln!(
                out,
                "<a href=\"#n{n}\">Note {n}</a> <span class=\"where\">{}</span></h3>",
                position_label(doc, *position)
            );
            quote_and_body(out, note);
            status(out, note, entry.anchor);
            if let Match::Fuzzy { .. } = how {
                let _ = writeln!(
                    out,
                    "<p class=\"meta\">The text there now reads “{}”.</p>",
                    escape(doc.slice(position.start, position.end))
                );
            }
        }
        Anchor::Orphaned { .. } => {
            let _ = writeln!(
                out,
                "Note {n} <span class=\"where\">was at chars {}–{}</span></h3>",
                note.target.position.start, note.target.position.end
            );
            quote_and_body(out, note);
            status(out, note, entry.anchor);
        }
    }
    out.push_str("<dl class=\"meta\">\n");
    out.push_str("<dt>Tags</dt><dd>");
    if note.tags.is_empty() {
        out.push_str("none");
    }
    for tag in &note.tags {
        let _ = write!(out, "<span class=\"tag\">{}</span>", escape(tag));
    }
    out.push_str("</dd>\n");
    let color = note.color.name();
    let _ = writeln!(
        out,
        "<dt>Color</dt><dd><span class=\"swatch c-{color}\"></span>{color}</dd>"
    );
    let author = if note.author.trim().is_empty() {
        "not stated".to_owned()
    } else {
        escape(&note.author)
    };
    let _ = writeln!(out, "<dt>Author</dt><dd>{author}</dd>");
    for (label, date) in [("Created", &note.created), ("Modified", &note.modified)] {
        let date = escape(date);
        let _ = writeln!(
            out,
            "<dt>{label}</dt><dd><time datetime=\"{date}\">{date}</time></dd>"
        );
    }
    out.push_str("</dl>\n</article>\n");
}

/// The note's status after the text changed (exact, moved, fuzzy,
/// ambiguous, orphaned), marked `check` when the reviewer should look.
fn status(out: &mut String, note: &Note, anchor: &Anchor) {
    let _ = writeln!(
        out,
        "<p class=\"meta status {}{}\">Status: {}</p>",
        anchor.status().name(),
        if anchor.needs_checking() {
            " check"
        } else {
            ""
        },
        escape(&anchor.status_line(note.target.position).to_string())
    );
}

/// The quoted text and the note text, line breaks kept.
fn quote_and_body(out: &mut String, note: &Note) {
    let _ = writeln!(
        out,
        "<blockquote>{}</blockquote>",
        lines(&note.target.quote.exact)
    );
    if note.body.trim().is_empty() {
        out.push_str("<p class=\"body empty\">(highlight only, no note text)</p>\n");
    } else {
        let _ = writeln!(out, "<p class=\"body\">{}</p>", lines(&note.body));
    }
}

/// `text` escaped, its line breaks as `<br>`.
fn lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.trim_end_matches('\n')
        .split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// "Paragraph 1, chars 9–13", linked to the paragraph.
fn position_label(doc: &Document, position: TextPosition) -> String {
    let para = paragraph_of(doc, position.start).map_or_else(
        || "No paragraph".to_owned(),
        |p| format!("<a href=\"#p{0}\">Paragraph {0}</a>", p + 1),
    );
    format!("{para}, chars {}–{}", position.start, position.end)
}

/// The timeline: date and year, events in order, and who's who.
fn timeline(out: &mut String, doc: &Document, timeline: &Timeline, evidence: &[Vec<Anchor>]) {
    out.push_str("<section class=\"timeline\" id=\"timeline\">\n<h2>Timeline</h2>\n");
    let mut facts = Vec::new();
    if !timeline.date_label.is_empty() {
        facts.push(format!("Date: {}", escape(&timeline.date_label)));
    }
    if let Some(year) = &timeline.year {
        facts.push(format!(
            "Year: {} (inferred: {})",
            year.year,
            escape(&year.reason)
        ));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p class=\"about\">{}</p>", facts.join("<br>\n"));
    }
    if timeline.events.is_empty() {
        out.push_str("<p class=\"empty\">No timeline events.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"events\">\n");
    for (i, event) in timeline.events.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li class=\"event\" id=\"event-{}\">\n<h3>{}. {}</h3>\n<dl class=\"meta\">",
            i + 1,
            i + 1,
            escape(&event.title)
        );
        let _ = writeln!(
            out,
            "<dt>Time</dt><dd>{}</dd>",
            or_not_stated(&event.time_label)
        );
        let _ = writeln!(
            out,
            "<dt>Place</dt><dd>{}</dd>",
            or_not_stated(&event.place)
        );
        let _ = writeln!(
            out,
            "<dt>Phase</dt><dd>{} · {}</dd>",
            event.phase.label(),
            event.kind.label()
        );
        let people = participants_text(timeline, event, escape);
        let _ = writeln!(out, "<dt>Participants</dt><dd>{people}</dd>");
        let certainty = match &event.certainty {
            Certainty::Stated => "stated".to_owned(),
            Certainty::Inferred { reason } => format!("inferred: {}", escape(reason)),
        };
        let _ = writeln!(out, "<dt>Certainty</dt><dd>{certainty}</dd>\n</dl>");
        if !event.evidence.is_empty() {
            out.push_str("<ul class=\"evidence\">\n");
            let found = evidence.get(i);
            for (j, target) in event.evidence.iter().enumerate() {
                let place = match found.and_then(|a| a.get(j)).and_then(Anchor::position) {
                    Some(p) => paragraph_of(doc, p.start).map_or_else(String::new, |k| {
                        format!("<a href=\"#p{0}\">Paragraph {0}</a>", k + 1)
                    }),
                    None => "not found in this text".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "<li><blockquote>{}</blockquote>{place}</li>",
                    lines(&target.quote.exact)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if !timeline.people.is_empty() {
        out.push_str("<h3>Who's who</h3>\n<ul class=\"people\">\n");
        for person in &timeline.people {
            let mut about: Vec<String> = person.titles.iter().map(|t| escape(t)).collect();
            if !person.organisation.trim().is_empty() {
                about.push(escape(&person.organisation));
            }
            let about = if about.is_empty() {
                String::new()
            } else {
                format!(": {}", about.join(", "))
            };
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>{about}</li>",
                escape(&person.name)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// `text` escaped, or "not stated" when it is blank.
fn or_not_stated(text: &str) -> String {
    if text.trim().is_empty() {
        "not stated".to_owned()
    } else {
        escape(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("濟寧𠮷"), "濟寧𠮷");
    }

    #[test]
    fn ranges_are_drawn_inside_paragraphs() {
        let doc = Document::embedded();
        let p0 = doc.paragraphs[0];
        let p1 = doc.paragraphs[1];
        let at = |start, end| Shown::of(&doc, TextPosition { start, end });
        assert_eq!(at(9, 13), Some(Shown::Range(9, 13)));
        // A range over the line break is drawn up to the paragraph's end.
        assert_eq!(
            at(p0.end - 2, p1.start + 3),
            Some(Shown::Range(p0.end - 2, p1.start + 3))
        );
        // Only the line break: a point at the end of the paragraph.
        assert_eq!(at(p0.end, p1.start), Some(Shown::Point(p0.end)));
        // Starting on the line break: drawn from the next paragraph.
        assert_eq!(
            at(p0.end, p1.start + 2),
            Some(Shown::Range(p1.start, p1.start + 2))
        );
        assert_eq!(at(5, 5), Some(Shown::Point(5)));
    }
}
