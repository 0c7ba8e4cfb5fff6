//! CSV for spreadsheets: one row per note.
//!
//! The file is UTF-8 with a byte order mark, so that Excel shows Chinese
//! instead of guessing a legacy code page, and follows RFC 4180: records end
//! with CRLF, and a field containing `,`, `"`, CR or LF is put in double
//! quotes with its `"` doubled. The header is [`HEADER`] in English, or its
//! words in the export's language ([`Words::csv_header`](super::words::Words::csv_header): `編號`, `段落`,
//! …), in the same order; the values are the same in every language but
//! `status_detail`, which is in the export's language:
//!
//! | column | holds |
//! |---|---|
//! | `id` | the note's id |
//! | `paragraph` | 1-based paragraph of the note's start; empty for an orphan |
//! | `start`, `end` | the note's current range in code points of the whole clean text, end exclusive; empty for an orphan |
//! | `quote` | the quoted text as the note was made |
//! | `note` | the note text, line breaks kept |
//! | `tags` | the tags, joined with `; ` |
//! | `color` | `yellow`, `green`, … |
//! | `author`, `created`, `modified` | as stored |
//! | `status` | where the note stands after the text changed: `exact`, `moved`, `fuzzy`, `ambiguous` or `orphaned` |
//! | `needs_checking` | `yes` when the reviewer should look at its place (see `Anchor::needs_checking`), else `no` |
//! | `status_detail` | the status in words: from where to where it moved, its similarity, how many places it fits, why it is orphaned |
//!
//! **Formula injection.** A spreadsheet runs a cell starting with `=`, `+`,
//! `-` or `@` as a formula (`=HYPERLINK(…)` can leak data or run commands),
//! and tab and CR starts are used to smuggle those past filters. Every text
//! cell that starts with one of them is prefixed with `'`, which spreadsheets
//! treat as "this is text" (OWASP's advice). Our own numbers never start so.
//!
//! The quoting is written here rather than taken from a crate: it is a few
//! lines, and doing it by hand keeps the neutralising of formula cells and
//! the exact RFC 4180 output (CRLF, BOM) in one visible place.

use crate::core::anchor::Anchor;

use super::input::ExportInput;
use super::parts::paragraph_of;
use super::words::words;

/// The header row's fields (in English; see [`Words::csv_header`](super::words::Words::csv_header)).
pub const HEADER: [&str; 14] = [
    "id",
    "paragraph",
    "start",
    "end",
    "quote",
    "note",
    "tags",
    "color",
    "author",
    "created",
    "modified",
    "status",
    "needs_checking",
    "status_detail",
];

/// The UTF-8 byte order mark that starts the file.
pub const BOM: &str = "\u{feff}";

/// Record separator (RFC 4180).
const CRLF: &str = "\r\n";

/// The CSV of `input`'s notes (see the module docs), BOM included.
#[must_use]
pub fn export(input: &ExportInput<'_>) -> Vec<u8> {
    let words = words(input.lang);
    let mut out = String::from(BOM);
    record(&mut out, words.csv_header.iter().map(|h| (*h).to_owned()));
    for (note, anchor) in &input.notes {
        let (paragraph, start, end) = match anchor {
            Anchor::Anchored { position, .. } => (
                paragraph_of(input.doc, position.start)
                    .map_or_else(String::new, |p| (p + 1).to_string()),
                position.start.to_string(),
                position.end.to_string(),
            ),
            Anchor::Orphaned { .. } => (String::new(), String::new(), String::new()),
        };
        record(
            &mut out,
            [
                note.id.clone(),
                paragraph,
                start,
                end,
                note.target.quote.exact.clone(),
                note.body.clone(),
                note.tags.join("; "),
                note.color.name().to_owned(),
                note.author.clone(),
                note.created.clone(),
                note.modified.clone(),
                anchor.status().name().to_owned(),
                if anchor.needs_checking() { "yes" } else { "no" }.to_owned(),
                words.status_line(anchor, note.target.position),
            ],
        );
    }
    out.into_bytes()
}

/// Appends one record: the fields, each neutralised and quoted as needed,
/// separated by commas and ended with CRLF.
fn record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &neutralise(field));
    }
    out.push_str(CRLF);
}

/// `cell` prefixed with `'` if a spreadsheet would take it for a formula.
#[must_use]
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Appends `field`, in double quotes (with `"` doubled) when it contains a
/// comma, a double quote, CR or LF.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(field: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, field);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(quoted("濟寧"), "濟寧");
        assert_eq!(quoted("甲,乙"), "\"甲,乙\"");
        assert_eq!(quoted("他說\"好\""), "\"他說\"\"好\"\"\"");
        assert_eq!(quoted("一\r\n二"), "\"一\r\n二\"");
        assert_eq!(quoted(""), "");
    }

    #[test]
    fn the_english_header_is_the_column_names() {
        assert_eq!(super::super::words::EN.csv_header, HEADER);
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for cell in ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(neutralise(cell.to_owned()).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("濟寧=1".to_owned()), "濟寧=1");
        assert_eq!(neutralise(String::new()), "");
    }
}
