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

use super::input::ExportInput;
use super::parts::paragraph_of;
use super::words::{Words, fill, words};

mod pieces;
mod style;
mod timeline;

pub use pieces::escape;
use pieces::{lines, paragraph_link};

use style::stylesheet;

/// The Content-Security-Policy of the report: nothing may load or run but
/// the inline stylesheet (`base-uri` and `form-action` are not covered by
/// `default-src`, so they are closed too).
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The HTML review report of `input` (see the module docs), in its
/// language, times in its zone.
#[must_use]
pub fn export(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let w = words(input.lang);
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
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        input.lang.tag()
    );
    // Our constant, with no `"` or `&` in it: written as is, so it reads as written.
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Pizhu\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>",
        fill(w.review_of, &[("name", &name)])
    );
    out.push_str("<style>\n");
    out.push_str(&stylesheet());
    out.push_str("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");

    header(&mut out, input);
    out.push_str("<div class=\"layout\">\n");
    article(&mut out, w, doc, &entries);
    let _ = writeln!(
        out,
        "<section class=\"notes\" id=\"notes\">\n<h2>{}</h2>",
        w.notes
    );
    let anchored: Vec<&Entry<'_>> = entries.iter().filter(|e| !e.anchor.is_orphaned()).collect();
    if anchored.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>", w.no_notes_on_text);
    }
    for entry in anchored {
        note_card(&mut out, input, entry);
    }
    out.push_str("</section>\n</div>\n");

    timeline::timeline(&mut out, w, doc, input.timeline, &input.evidence);

    let _ = writeln!(
        out,
        "<section class=\"orphans\" id=\"orphans\">\n<h2>{}</h2>",
        w.orphaned_notes
    );
    let orphans: Vec<&Entry<'_>> = entries.iter().filter(|e| e.anchor.is_orphaned()).collect();
    if orphans.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>", w.no_orphans);
    } else {
        let _ = writeln!(out, "<p class=\"legend\">{}</p>", w.orphans_legend);
    }
    for entry in orphans {
        note_card(&mut out, input, entry);
    }
    out.push_str("</section>\n</div>\n</body>\n</html>\n");
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
    let w = words(input.lang);
    let orphans = input.notes.iter().filter(|(_, a)| a.is_orphaned()).count();
    let name = escape(&doc.name);
    let size = fill(
        w.text_size,
        &[
            ("paragraphs", &doc.paragraphs.len()),
            ("chars", &doc.char_len()),
        ],
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
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"about\">{}{}<strong>{name}</strong> · {size} · \
         {}{}<time datetime=\"{}\">{}</time> · {}{}{counts}</p>",
        fill(w.review_of, &[("name", &name)]),
        w.document,
        w.colon,
        w.exported,
        w.colon,
        escape(&input.exported_at),
        escape(&input.time(&input.exported_at)),
        w.notes,
        w.colon,
    );
    let _ = writeln!(
        out,
        "<p class=\"legend\">{} {}</p>\n</header>",
        fill(w.text_hash, &[("sha", &escape(&doc.clean_sha256))]),
        w.positions_legend
    );
}

/// The article, paragraph by paragraph, with the highlights.
fn article(out: &mut String, w: &Words, doc: &Document, entries: &[Entry<'_>]) {
    let _ = writeln!(
        out,
        "<section class=\"article\" id=\"article\">\n<h2>{}</h2>\n<div lang=\"zh\">",
        w.article
    );
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
            segment(out, w, doc, &here, at, next);
        }
        out.push_str("</p>\n");
    }
    if doc.paragraphs.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>", w.empty_document);
    }
    out.push_str("</div>\n</section>\n");
}

/// The text `[at, next)`, in a `<mark>` if notes cover it.
fn segment(
    out: &mut String,
    w: &Words,
    doc: &Document,
    here: &[(&Entry<'_>, Shown)],
    at: usize,
    next: usize,
) {
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
    let label = if numbers.len() > 1 {
        w.notes_n
    } else {
        w.note_n
    };
    let _ = write!(
        out,
        " data-notes=\"{}\" title=\"{}\">{text}</mark>",
        numbers.join(" "),
        fill(label, &[("n", &numbers.join(w.list_sep))])
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
fn note_card(out: &mut String, input: &ExportInput<'_>, entry: &Entry<'_>) {
    let (doc, w) = (input.doc, words(input.lang));
    let note = entry.note;
    let n = entry.number;
    let _ = write!(
        out,
        "<article class=\"note c-{}\" id=\"note-{n}\" data-id=\"{}\">\n<h3>",
        note.color.name(),
        escape(&note.id)
    );
    let title = fill(w.note_n, &[("n", &n)]);
    match entry.anchor {
        Anchor::Anchored { position, how } => {
            let _ = writeln!(
                out,
                "<a href=\"#n{n}\">{title}</a> <span class=\"where\">{}</span></h3>",
                position_label(w, doc, *position)
            );
            quote_and_body(out, w, note);
            status(out, w, note, entry.anchor);
            if let Match::Fuzzy { .. } = how {
                let now = escape(doc.slice(position.start, position.end));
                let _ = writeln!(
                    out,
                    "<p class=\"meta\">{}</p>",
                    fill(w.now_reads, &[("text", &now)])
                );
            }
        }
        Anchor::Orphaned { .. } => {
            let stored = note.target.position;
            let was = fill(w.was_at, &[("start", &stored.start), ("end", &stored.end)]);
            let _ = writeln!(out, "{title} <span class=\"where\">{was}</span></h3>");
            quote_and_body(out, w, note);
            status(out, w, note, entry.anchor);
        }
    }
    out.push_str("<dl class=\"meta\">\n");
    let _ = write!(out, "<dt>{}</dt><dd>", w.tags);
    if note.tags.is_empty() {
        out.push_str(w.none);
    }
    for tag in &note.tags {
        let _ = write!(out, "<span class=\"tag\">{}</span>", escape(tag));
    }
    out.push_str("</dd>\n");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><span class=\"swatch c-{}\"></span>{}</dd>",
        w.color,
        note.color.name(),
        w.color_name(note.color)
    );
    let author = if note.author.trim().is_empty() {
        w.not_stated.to_owned()
    } else {
        escape(&note.author)
    };
    let _ = writeln!(out, "<dt>{}</dt><dd>{author}</dd>", w.author);
    for (label, date) in [(w.created, &note.created), (w.modified, &note.modified)] {
        let _ = writeln!(
            out,
            "<dt>{label}</dt><dd><time datetime=\"{}\">{}</time></dd>",
            escape(date),
            escape(&input.time(date))
        );
    }
    out.push_str("</dl>\n</article>\n");
}

/// The note's status after the text changed (exact, moved, fuzzy,
/// ambiguous, orphaned), marked `check` when the reviewer should look.
fn status(out: &mut String, w: &Words, note: &Note, anchor: &Anchor) {
    let _ = writeln!(
        out,
        "<p class=\"meta status {}{}\">{}{}{}</p>",
        anchor.status().name(),
        if anchor.needs_checking() {
            " check"
        } else {
            ""
        },
        w.status,
        w.colon,
        escape(&w.status_line(anchor, note.target.position))
    );
}

/// The quoted text and the note text, line breaks kept.
fn quote_and_body(out: &mut String, w: &Words, note: &Note) {
    let _ = writeln!(
        out,
        "<blockquote>{}</blockquote>",
        lines(&note.target.quote.exact)
    );
    if note.body.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"body empty\">{}</p>", w.highlight_only);
    } else {
        let _ = writeln!(out, "<p class=\"body\">{}</p>", lines(&note.body));
    }
}

/// "Paragraph 1, chars 9–13", linked to the paragraph.
fn position_label(w: &Words, doc: &Document, position: TextPosition) -> String {
    let para = paragraph_of(doc, position.start)
        .map_or_else(|| w.no_paragraph.to_owned(), |p| paragraph_link(w, p));
    format!("{para}{}{}", w.comma, w.chars_range(position))
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
