//! The Markdown, CSV and HTML exports: a Markdown snapshot of a fixed review
//! of the article, CSV quoting, formula neutralising and code-point positions,
//! and HTML escaping, no external loads, and well-formed overlapping highlights.
//!
//! The snapshot is `tests/snapshots/review.md`. After an intended change to
//! the report, rewrite it with `UPDATE_SNAPSHOTS=1 cargo test --test exports`
//! and review the diff before committing it. (It has `"  \n"` hard breaks:
//! editors must keep its trailing spaces.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::PathBuf;

use pizhu::core::export::{self, ExportInput, Format, csv, html, markdown};
use pizhu::core::file::review::ReviewFile;
use pizhu::core::lang::Lang;
use pizhu::core::notes::note::{Note, NoteColor, Target, TextPosition};
use pizhu::core::notes::store::ReviewStore;
use pizhu::core::text::document::Document;
use pizhu::core::time::TimeZone;
use pizhu::core::timeline::Timeline;

/// Char range of the first occurrence of `quote` in the clean text.
fn find(doc: &Document, quote: &str) -> (usize, usize) {
    let text = doc.text();
    let byte = text.find(quote).unwrap();
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// A note on `[start, end)` with a fixed id and timestamps.
fn note(doc: &Document, (start, end): (usize, usize), n: usize, body: &str) -> Note {
    let mut note = Note::new(Target::range(doc, start, end), body.into(), "審稿人".into());
    note.id = format!("note-{n}");
    note.created = format!("2026-03-01T09:0{n}:00Z");
    note.modified = format!("2026-03-01T10:0{n}:00Z");
    note
}

/// A store of `notes` on `doc`, anchored.
fn store(doc: &Document, notes: Vec<Note>) -> ReviewStore {
    let mut review = ReviewFile::new(doc);
    review.notes = notes;
    ReviewStore::new(doc, review)
}

/// The input of an export of everything in `store`, at a fixed time.
fn input<'a>(doc: &'a Document, store: &'a ReviewStore, timeline: &'a Timeline) -> ExportInput<'a> {
    ExportInput {
        exported_at: "2026-03-02T08:00:00Z".into(),
        // Reports show times in the reader's zone: fixed, so the snapshots
        // do not depend on the machine's.
        ..ExportInput::new(doc, store, timeline, None).in_zone(TimeZone::UTC)
    }
}

/// The fixed review of the snapshot: overlapping notes, a multi-line note
/// with Markdown and HTML in it, tags, colors, a paragraph note with no
/// text, and an orphan.
fn snapshot_notes(doc: &Document) -> Vec<Note> {
    let mut a = note(
        doc,
        find(doc, "濟寧市政府"),
        1,
        "# 不是標題\n<script>alert(1)</script> 與 [連結](javascript:alert(1))\n\n第二段:*不是*強調",
    );
    a.tags = vec!["地名".into(), "機構".into()];
    let mut b = note(
        doc,
        find(doc, "市政府與省人社廳"),
        2,
        "省人社廳 = 山東省人力資源和社會保障廳",
    );
    b.color = NoteColor::Blue;
    b.tags = vec!["縮寫".into()];
    let mut c = note(
        doc,
        find(doc, "簽約儀式前"),
        3,
        "只說「簽約儀式前」,沒有日期。\n- 需要核對\n1. 哪一天?",
    );
    c.color = NoteColor::Green;
    let mut d = Note::new(
        Target::paragraph(doc, 5).unwrap(),
        String::new(),
        "編輯".into(),
    );
    d.id = "note-4".into();
    d.created = "2026-03-01T09:04:00Z".into();
    d.modified = d.created.clone();
    d.color = NoteColor::Pink;
    d.tags = vec!["出席".into()];
    let mut e = note(doc, (30, 40), 5, "舊稿的批注");
    e.target.quote.exact = "這段文字已經不在文中了".into();
    e.target.quote.prefix = String::new();
    e.target.quote.suffix = String::new();
    e.color = NoteColor::Purple;
    vec![e, c, a, d, b]
}

#[test]
fn markdown_report_matches_the_snapshot() {
    let doc = Document::embedded();
    let timeline = Timeline::shipped_for(&doc).unwrap();
    let store = store(&doc, snapshot_notes(&doc));
    let actual = markdown::export(&input(&doc, &store, &timeline));

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/review.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}; write it with UPDATE_SNAPSHOTS=1 cargo test --test exports",
                path.display()
            )
        })
        .replace("\r\n", "\n");
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "the Markdown report differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             If the change is intended, run UPDATE_SNAPSHOTS=1 cargo test --test exports \
             and review the diff.",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end of file>"),
            actual.lines().nth(line).unwrap_or("<end of file>"),
        );
    }
}

/// A reviewer in the Chinese interface (or `--lang zh-Hant`) in UTC+8 gets
/// reports in Chinese with local times that name their offset; the machine
/// formats keep their keys.
#[test]
fn reports_speak_the_chosen_language_with_local_times() {
    let doc = Document::embedded();
    // The shipped timeline in the report's language, as the CLI and the window take it.
    let timeline = Timeline::shipped_in(&doc, Lang::ZhHant).unwrap();
    let store = store(&doc, snapshot_notes(&doc));
    let beijing = pizhu::core::time::fixed_zone(8);
    let zh = |lang| {
        input(&doc, &store, &timeline)
            .in_lang(lang)
            .in_zone(beijing.clone())
    };

    let md = markdown::export(&zh(Lang::ZhHant));
    assert!(md.starts_with("# 審閱報告：article.txt\n"), "{md}");
    for line in [
        "- 文件：article.txt\n",
        "- 匯出時間：2026-03-02 16:00 (UTC+8)\n",
        "## 批注\n",
        "### 第 1 段\n",
        "#### 批注 1\n",
        "- 狀態：準確：在建立時的位置\n",
        "- 標籤：地名; 機構\n",
        "- 顏色：黃色\n",
        "- 作者：審稿人；建立於 2026-03-01 17:01 (UTC+8)，修改於 2026-03-01 18:01 (UTC+8)\n",
        "## 時間線\n",
        "- 參與者：何思清（主持）、劉成文（出席）、",
        "## 失去定位的批注\n",
    ] {
        assert!(md.contains(line), "no {line:?} in\n{md}");
    }
    for english in [
        "Review of",
        "Paragraph",
        "Tags: none",
        "Color: yellow",
        "Status:",
    ] {
        assert!(!md.contains(english), "{english:?} in\n{md}");
    }

    assert!(
        md.contains("- 確定性：推斷；文章說兩處都是在「簽約儀式前」考察的"),
        "{md}"
    );
    assert!(md.contains("- 年份：2012（推斷：文章沒有寫年份。"), "{md}");

    let md = markdown::export(&zh(Lang::ZhHans));
    assert!(md.starts_with("# 审阅报告：article.txt\n"), "{md}");
    assert!(md.contains("- 颜色：黄色\n") && md.contains("## 时间线\n"));

    let html = html::export(&zh(Lang::ZhHant));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-Hant\">"));
    assert!(html.contains("<title>審閱報告：article.txt</title>"));
    assert!(html.contains(
        "<dt>建立時間</dt><dd><time datetime=\"2026-03-01T09:01:00Z\">2026-03-01 17:01 (UTC+8)</time></dd>"
    ));
    assert!(html.contains("<dt>顏色</dt><dd><span class=\"swatch c-yellow\"></span>黃色</dd>"));
    for english in ["Review of", ">Notes<", ">Tags<", "not stated", "Status:"] {
        assert!(!html.contains(english), "{english:?} in the HTML");
    }

    let csv = String::from_utf8(csv::export(&zh(Lang::ZhHans))).unwrap();
    assert!(csv.starts_with(
        "\u{feff}编号,段落,起点,终点,引文,批注,标签,颜色,作者,创建时间,修改时间,状态,需要核对,状态说明\r\n"
    ));
    // Values stay data: colour keys, stored UTC times; the detail is for people.
    assert!(csv.contains(",yellow,審稿人,2026-03-01T09:01:00Z,"));
    assert!(csv.contains(",exact,no,准确：在创建时的位置\r\n"));
    // W3C keeps its keys whatever the language.
    let w3c = String::from_utf8(export::export(Format::W3c, &zh(Lang::ZhHant)).unwrap()).unwrap();
    assert!(w3c.contains("\"AnnotationCollection\""));
}

#[test]
fn markdown_groups_notes_by_paragraph_and_escapes_user_text() {
    let doc = Document::embedded();
    let timeline = Timeline::shipped_for(&doc).unwrap();
    let store = store(&doc, snapshot_notes(&doc));
    let md = markdown::export(&input(&doc, &store, &timeline));

    // The sections, in order.
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{md}"));
    assert!(md.starts_with("# Review of article.txt\n"));
    assert!(at("## Notes") < at("### Paragraph 1"));
    assert!(at("### Paragraph 1") < at("### Paragraph 5"));
    assert!(at("### Paragraph 5") < at("### Paragraph 6"));
    assert!(at("### Paragraph 6") < at("## Timeline"));
    assert!(at("## Timeline") < at("## Orphaned notes"));
    assert!(at("## Orphaned notes") < at("這段文字已經不在文中了"));
    // Notes 1 and 2 overlap in paragraph 1; both are listed with positions.
    let (s, e) = find(&doc, "濟寧市政府");
    assert!(md.contains(&format!("- Position: Paragraph 1, chars {s}–{e}\n")));
    // Multi-line bodies keep their breaks.
    assert!(md.contains("只說「簽約儀式前」,沒有日期。  \n\\- 需要核對  \n1\\. 哪一天?\n"));
    // Nothing from a note becomes a heading, HTML, emphasis or a link.
    assert!(!md.contains("<script"));
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(md.contains("\\[連結\\](javascript:alert(1))"));
    assert!(md.contains("\\*不是\\*強調"));
    assert!(md.lines().any(|l| l == "\\# 不是標題  "));
    // The timeline: stated and inferred events, a place not stated, evidence.
    assert!(md.contains("- Place: not stated\n"));
    assert!(md.contains("- Certainty: inferred; The article says both places"));
    // Names as the article writes them; the roles in the report's language.
    assert!(md.contains("- Participants: 何思清 (presided), 劉成文 (attended)"));
    assert!(md.contains("  - “市委常委、組織部長何思清主持。” (Paragraph 1)\n"));
}

#[test]
fn markdown_escapes_the_document_name() {
    let doc = Document::from_bytes("# <b>名</b>.txt", None, "第一段。\n".as_bytes()).unwrap();
    let store = store(&doc, vec![note(&doc, (0, 2), 1, "好")]);
    let timeline = Timeline::empty(&doc);
    let md = markdown::export(&input(&doc, &store, &timeline));
    assert!(
        md.starts_with("# Review of \\# &lt;b&gt;名&lt;/b&gt;.txt\n"),
        "{md}"
    );
    assert!(md.contains("No timeline events."));
    assert!(md.contains("None: every note was found in the text."));
}

// ---------------------------------------------------------------- CSV

/// Parses RFC 4180 text strictly: records end with CRLF, quoted fields
/// double their quotes, and no bare CR or LF outside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty() && !was_quoted, "quote inside a field");
                quoted = true;
                was_quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                was_quoted = false;
            }
            '\n' => panic!("bare LF outside quotes"),
            _ => {
                assert!(!was_quoted, "text after a closing quote");
                field.push(c);
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record without CRLF"
    );
    records
}

/// The CSV of `notes` on `doc`, as text without its BOM (which is checked).
fn csv_of(doc: &Document, notes: Vec<Note>) -> String {
    let store = store(doc, notes);
    let timeline = Timeline::empty(doc);
    let bytes = csv::export(&input(doc, &store, &timeline));
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    String::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}')
        .to_owned()
}

#[test]
fn csv_has_bom_exact_header_and_one_row_per_note() {
    let doc = Document::embedded();
    let store = store(&doc, snapshot_notes(&doc));
    let timeline = Timeline::shipped_for(&doc).unwrap();
    let bytes = export::export(Format::Csv, &input(&doc, &store, &timeline)).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with(
        "id,paragraph,start,end,quote,note,tags,color,author,created,modified,status,\
         needs_checking,status_detail\r\n"
    ));
    let rows = parse_csv(text);
    assert_eq!(rows.len(), 1 + 5);
    assert!(rows.iter().all(|r| r.len() == 14), "{rows:?}");
    // Document order, the orphan last with empty position cells.
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["note-1", "note-2", "note-3", "note-4", "note-5"]);
    let (s, e) = find(&doc, "濟寧市政府");
    assert_eq!(
        rows[1][1..5],
        ["1", &*s.to_string(), &*e.to_string(), "濟寧市政府"]
    );
    assert_eq!(rows[1][6], "地名; 機構");
    assert_eq!(rows[1][11..14], ["exact", "no", "exact: where it was made"]);
    assert_eq!(rows[4][1], "6");
    assert_eq!(rows[5][1..4], ["", "", ""]);
    assert_eq!(rows[5][4], "這段文字已經不在文中了");
    assert_eq!(rows[5][11..13], ["orphaned", "yes"]);
    assert!(
        rows[5][13].starts_with("orphaned: the quoted text"),
        "{}",
        rows[5][13]
    );
    // Multi-line note text survives quoting.
    assert_eq!(
        rows[3][5],
        "只說「簽約儀式前」,沒有日期。\n- 需要核對\n1. 哪一天?"
    );
}

#[test]
fn csv_neutralises_formulas_in_every_text_cell() {
    let doc = Document::embedded();
    let bodies = [
        "=HYPERLINK(\"http://x\")",
        "-1+2",
        "+1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let mut notes: Vec<Note> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| note(&doc, (i * 10, i * 10 + 2), i + 1, b))
        .collect();
    notes[0].tags = vec!["=危險".into(), "安全".into()];
    notes[1].author = "@作者".into();
    notes[2].id = "-id".into();
    let text = csv_of(&doc, notes);
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 1 + bodies.len());
    for (row, body) in rows[1..].iter().zip(bodies) {
        assert_eq!(row[5], format!("'{body}"));
    }
    assert_eq!(rows[1][5], "'=HYPERLINK(\"http://x\")");
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
    assert_eq!(rows[1][6], "'=危險; 安全");
    assert_eq!(rows[2][8], "'@作者");
    assert_eq!(rows[3][0], "'-id");
    // No cell a spreadsheet would run.
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let doc = Document::embedded();
    let body = "甲,乙\"丙\"\r\n丁\n戊";
    let mut n = note(&doc, find(&doc, "馬平昌"), 1, body);
    n.author = "王, 小明".into();
    let text = csv_of(&doc, vec![n]);
    assert!(text.contains(",\"甲,乙\"\"丙\"\"\r\n丁\n戊\","), "{text:?}");
    assert!(text.contains(",\"王, 小明\","));
    let rows = parse_csv(&text);
    assert_eq!(rows[1][5], body);
    assert_eq!(rows[1][8], "王, 小明");
    // Plain cells are not quoted.
    assert!(text.contains("\r\nnote-1,1,"));
}

#[test]
fn csv_positions_are_code_points() {
    // 𠮷 is one code point, two UTF-16 units and four UTF-8 bytes.
    let doc = Document::from_bytes(
        "𠮷.txt",
        None,
        "𠮷野家在濟寧。\n第二段有𠮷字。\n".as_bytes(),
    )
    .unwrap();
    let jining = find(&doc, "濟寧");
    assert_eq!(jining, (4, 6));
    let second = find(&doc, "𠮷字");
    assert_eq!(second, (12, 14));
    let text = csv_of(
        &doc,
        vec![
            note(&doc, jining, 1, "地名"),
            note(&doc, second, 2, "罕用字"),
            note(&doc, (0, 1), 3, "第一個字"),
        ],
    );
    let rows = parse_csv(&text);
    let cells: Vec<[&str; 4]> = rows[1..]
        .iter()
        .map(|r| [r[1].as_str(), r[2].as_str(), r[3].as_str(), r[4].as_str()])
        .collect();
    assert_eq!(
        cells,
        [
            ["1", "0", "1", "𠮷"],
            ["1", "4", "6", "濟寧"],
            ["2", "12", "14", "𠮷字"],
        ]
    );
}

// ---------------------------------------------------------------- HTML

/// Checks that the tags of `html` nest properly and that none is a script,
/// an image or an event handler; returns how many elements it saw.
fn check_well_formed(html: &str) -> usize {
    const VOID: [&str; 4] = ["meta", "br", "link", "img"];
    const ALLOWED: [&str; 28] = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "div",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "strong",
        "time",
        "section",
        "mark",
        "sup",
        "a",
        "span",
        "br",
        "article",
        "blockquote",
        "dl",
        "dt",
        "dd",
        "ol",
        "ul",
        "li",
    ];
    let mut stack: Vec<String> = Vec::new();
    let mut count = 0;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("unclosed tag");
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            assert_eq!(tag, "!DOCTYPE html");
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(top, name, "</{name}> closes <{top}>");
            continue;
        }
        let name = tag.split_whitespace().next().unwrap().to_ascii_lowercase();
        assert!(ALLOWED.contains(&name.as_str()), "unexpected <{name}>");
        // Attribute names: nothing starts with "on" (event handlers).
        let mut attrs = tag[name.len()..].trim();
        while !attrs.is_empty() {
            let eq = attrs
                .find('=')
                .unwrap_or_else(|| panic!("odd attribute in <{tag}>"));
            let attr = attrs[..eq].trim();
            assert!(!attr.starts_with("on"), "event handler {attr} in <{tag}>");
            if attr == "src" || attr == "href" {
                assert!(
                    attrs[eq + 1..].starts_with("\"#"),
                    "external {attr} in <{tag}>"
                );
            }
            let value = &attrs[eq + 1..];
            assert!(value.starts_with('"'), "unquoted attribute in <{tag}>");
            let end = value[1..].find('"').unwrap() + 2;
            attrs = value[end..].trim();
        }
        count += 1;
        if name == "style" {
            let end = rest.find("</style>").unwrap();
            assert!(
                !rest[..end].contains("url("),
                "the stylesheet loads something"
            );
            assert!(!rest[..end].contains("@import"));
            rest = &rest[end..];
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    count
}

/// The HTML report of `notes` on `doc`, with the shipped timeline if any.
fn html_of(doc: &Document, notes: Vec<Note>) -> String {
    let store = store(doc, notes);
    let timeline = Timeline::shipped_for(doc).unwrap_or_default();
    html::export(&input(doc, &store, &timeline))
}

#[test]
fn html_escapes_notes_tags_and_the_document_name() {
    let doc = Document::from_bytes(
        "</title><script>alert(1)</script>.txt",
        None,
        "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議。\n文中的<b>標籤</b>&符號。\n"
            .as_bytes(),
    )
    .unwrap();
    let mut n = note(
        &doc,
        find(&doc, "濟寧市政府"),
        1,
        "<script>alert(1)</script>\n第二行",
    );
    n.tags = vec!["\"><img src=x onerror=alert(1)>".into()];
    n.author = "<b onclick=\"x\">某人</b>".into();
    n.id = "\" onmouseover=\"alert(1)".into();
    let html = html_of(&doc, vec![n, note(&doc, find(&doc, "<b>標籤</b>"), 2, "")]);

    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(!html.to_lowercase().contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>\n第二行"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains(
        "<title>Review of &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;.txt</title>"
    ));
    assert!(html.contains("data-id=\"&quot; onmouseover=&quot;alert(1)\""));
    // The article's own markup is text too, highlighted.
    assert!(html.contains(">&lt;b&gt;標籤&lt;/b&gt;</mark>"));
    assert!(html.contains("&amp;符號"));
    check_well_formed(&html);
}

#[test]
fn html_loads_nothing_and_runs_nothing() {
    let doc = Document::embedded();
    let html = html_of(&doc, snapshot_notes(&doc));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    );
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"
    ));
    assert!(html.contains("<title>Review of article.txt</title>"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("href=\"http"));
    assert!(!html.contains("url("));
    assert!(html.contains("\"Noto Serif CJK TC\""));
    assert!(html.contains("\"Songti TC\""));
    assert!(html.contains("@media print"));
    assert!(html.contains("break-inside: avoid"));
    check_well_formed(&html);
}

#[test]
fn html_overlapping_notes_nest_well() {
    let doc = Document::embedded();
    // Numbered in document order: 1 covers 2, 2 covers 3, 4 overlaps the
    // end of 2, 5 runs over a paragraph break, 6 is only the line break.
    let p0 = doc.paragraphs[0];
    let p1 = doc.paragraphs[1];
    let notes = vec![
        note(&doc, (5, 25), 1, "全部"),
        note(&doc, (9, 16), 2, "外"),
        note(&doc, (11, 13), 3, "內"),
        note(&doc, (14, 20), 4, "交叉"),
        note(&doc, (p0.end - 3, p1.start + 3), 5, "跨段"),
        note(&doc, (p0.end, p0.end + 1), 6, "換行"),
    ];
    let html = html_of(&doc, notes);
    let elements = check_well_formed(&html);
    assert!(elements > 100);

    // Segments list every note covering them; ids and numbers appear once.
    assert!(
        html.contains("data-notes=\"1 2 3\" title=\"Notes 1, 2, 3\""),
        "{html}"
    );
    assert!(html.contains("data-notes=\"1 2 4\""));
    assert!(html.contains("data-notes=\"1 4\""));
    for n in 1..=6 {
        assert_eq!(html.matches(&format!(" id=\"n{n}\"")).count(), 1, "n{n}");
        assert_eq!(html.matches(&format!(" id=\"note-{n}\"")).count(), 1);
        assert_eq!(
            html.matches(&format!("<a href=\"#note-{n}\">{n}</a>"))
                .count(),
            1
        );
    }
    // The highlighted text is the article's, cut at code points.
    let first: String = html
        .split("<p id=\"p1\" data-n=\"1\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap()
        .to_owned();
    let mut text = String::new();
    let mut in_tag = false;
    let mut in_sup = false;
    let mut rest = first.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<sup") {
            in_sup = true;
        } else if rest.starts_with("</sup>") {
            in_sup = false;
        }
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag && !in_sup => text.push(c),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    assert_eq!(text, doc.paragraph_text(0));
    // The note over the break is drawn in both paragraphs, numbered in the
    // second; the one on the line break alone is a number at the paragraph's end.
    assert_eq!(
        html.matches("data-notes=\"5\" title=\"Note 5\">").count(),
        2
    );
    let start = doc.slice(p1.start, p1.start + 3);
    assert!(html.contains(&format!(
        "<p id=\"p2\" data-n=\"2\"><mark class=\"c-yellow\" data-notes=\"5\" \
         title=\"Note 5\">{start}</mark><sup class=\"ref\"><a href=\"#note-5\">5</a></sup>"
    )));
    assert!(html.contains(
        "<sup class=\"ref\" id=\"n6\"><a href=\"#note-6\">6</a></sup></p>\n<p id=\"p2\""
    ));
}

#[test]
fn html_marks_code_points() {
    let doc = Document::from_bytes("𠮷.txt", None, "𠮷野家在濟寧。\n".as_bytes()).unwrap();
    let html = html_of(
        &doc,
        vec![note(&doc, (0, 1), 1, "字"), note(&doc, (4, 6), 2, "地名")],
    );
    assert!(
        html.contains(
            "<p id=\"p1\" data-n=\"1\"><mark class=\"c-yellow\" id=\"n1\" data-notes=\"1\" \
         title=\"Note 1\">𠮷</mark><sup class=\"ref\"><a href=\"#note-1\">1</a></sup>野家在\
         <mark class=\"c-yellow\" id=\"n2\" data-notes=\"2\" title=\"Note 2\">濟寧</mark>\
         <sup class=\"ref\"><a href=\"#note-2\">2</a></sup>。</p>"
        ),
        "{html}"
    );
    assert!(html.contains("No timeline events."));
    check_well_formed(&html);
}

#[test]
fn exports_use_where_notes_are_now() {
    let old = Document::embedded();
    let moved = note(&old, find(&old, "簽約儀式前"), 1, "時間");
    let changed = note(&old, find(&old, "魯南工程技術研究院"), 2, "機構");
    let TextPosition {
        start: was_start,
        end: was_end,
    } = moved.target.position;
    // The edited copy: a paragraph inserted before, one char changed.
    let text = format!(
        "新增的一段。\n{}",
        old.text().replace("技術研究院", "技术研究院")
    );
    let doc = Document::from_bytes("article.txt", None, text.as_bytes()).unwrap();
    let mut review = ReviewFile::new(&old);
    review.notes = vec![moved, changed];
    let store = ReviewStore::new(&doc, review);
    let timeline = Timeline::empty(&doc);
    let input = input(&doc, &store, &timeline);
    let (start, end) = find(&doc, "簽約儀式前");
    assert_eq!(start, was_start + 7);

    let rows = parse_csv(
        std::str::from_utf8(&csv::export(&input))
            .unwrap()
            .trim_start_matches('\u{feff}'),
    );
    let row = rows.iter().find(|r| r[0] == "note-1").unwrap();
    assert_eq!(row[1..4], ["6", &*start.to_string(), &*end.to_string()]);
    // Moved, and the char changed nearby is in its context: check it.
    assert_eq!(
        row[11..14],
        [
            "moved",
            "yes",
            &*format!(
                "moved from chars {was_start}–{was_end} to {start}–{end}; the text around it \
                 changed, check it"
            )
        ]
    );
    let row = rows.iter().find(|r| r[0] == "note-2").unwrap();
    assert_eq!(row[11..13], ["fuzzy", "yes"]);

    let md = markdown::export(&input);
    assert!(md.contains(&format!(
        "- Position: Paragraph 6, chars {start}–{end}\n- Status: moved from chars \
         {was_start}–{was_end} to {start}–{end}; the text around it changed, check it\n"
    )));
    assert!(md.contains("- Status: fuzzy: the text at chars"));
    assert!(md.contains("(similarity 0."));
    assert!(md.contains("- The text there now reads “魯南工程技术研究院”"));

    let html = html::export(&input);
    assert!(
        html.contains("title=\"Note 2\">魯南工程技术研究院</mark>"),
        "{html}"
    );
    assert!(html.contains("<p class=\"meta status fuzzy check\">Status: fuzzy: the text"));
    assert!(html.contains("The text there now reads “魯南工程技术研究院”"));
    check_well_formed(&html);
}

#[test]
fn exports_say_when_a_note_is_ambiguous() {
    // The note was on 會議決定 at chars 5–9; the new text holds it at 0 and
    // 10, equally near and with surroundings equally unlike the old ones.
    let old = Document::from_bytes("a.txt", None, "甲甲甲甲甲會議決定。丙丙丙".as_bytes()).unwrap();
    let tied = note(&old, (5, 9), 1, "哪一個");
    let doc =
        Document::from_bytes("a.txt", None, "會議決定。乙乙乙乙乙會議決定。".as_bytes()).unwrap();
    let mut review = ReviewFile::new(&old);
    review.notes = vec![tied];
    let store = ReviewStore::new(&doc, review);
    let timeline = Timeline::empty(&doc);
    let input = input(&doc, &store, &timeline);
    let md = markdown::export(&input);
    assert!(
        md.contains(
            "- Status: ambiguous: the quote fits 2 places equally well; placed at the first, \
             chars 0–4, check it\n"
        ),
        "{md}"
    );
    let html = html::export(&input);
    assert!(
        html.contains("<p class=\"meta status ambiguous check\">Status: ambiguous"),
        "{html}"
    );
    let rows = parse_csv(
        std::str::from_utf8(&csv::export(&input))
            .unwrap()
            .trim_start_matches('\u{feff}'),
    );
    assert_eq!(rows[1][11..13], ["ambiguous", "yes"]);
    check_well_formed(&html);
}
