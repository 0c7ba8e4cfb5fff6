//! Odd inputs (issue 7, point 4): each is opened the way the window and the
//! CLI open it, and either works or is refused with a message that says
//! what happened, what to do, and ends with the path. Never a panic, never
//! a hang.
//!
//! - a 50 MB document, in UTF-8 and in GB18030;
//! - a 1 MB document that is one line;
//! - binary files, empty files (and a byte-order mark alone), NUL bytes;
//! - UTF-8 damaged in a few places (opened with U+FFFD and a warning);
//! - `\r\n`, `\r` and `\n` in one file;
//! - characters outside the BMP (𠮷 U+20BB7, 𰻝 U+30EDD);
//! - a review file of 100 MB (120,000 notes);
//! - JSON nested 100,000 deep, as a review file and as W3C annotations.
//!
//! Big inputs are made here, in a temporary folder. `cargo test --test
//! odd_inputs -- --nocapture` prints how long each big step took.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use serde_json::Value;

use pizhu::core::anchor::Anchor;
use pizhu::core::export::{self, ExportInput, Format};
use pizhu::core::file::atomic;
use pizhu::core::file::locate;
use pizhu::core::file::persist::Mode;
use pizhu::core::file::review::ReviewFile;
use pizhu::core::notes::note::{Note, Target, TextPosition};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::{Edit, ReviewStore};
use pizhu::core::text::decode::{self, DecodeError, Replaced};
use pizhu::core::text::document::{Document, ImportError};
use pizhu::core::timeline::Timeline;
use pizhu::core::w3c::read;

/// One paragraph of the big documents: 51 chars, 151 bytes in UTF-8.
const LINE: &str = "12月11日下午，濟寧市政府與省人社廳簽署合作框架協議。共同建設魯南人力資源和社會保障事業發展新高地！\n";

/// Runs `f`, printing how long it took (seen with `--nocapture`).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    eprintln!("{what} ({build}): {:.2?}", started.elapsed());
    out
}

/// The `pizhu` binary with its data folder in `data`.
fn pizhu(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pizhu"));
    cmd.env(locate::DATA_DIR_ENV, data);
    cmd
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `bytes` to `name` in `dir` and returns the path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Char range of the first `quote` in the clean text.
fn find(doc: &Document, quote: &str) -> (usize, usize) {
    let byte = doc.text().find(quote).unwrap();
    let start = doc.text()[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// Asserts a refusal: the message says what happened (`what`), what to do
/// (`advice`), and ends with the path.
fn assert_refused(err: &ImportError, path: &Path, what: &str, advice: &str) {
    let msg = err.to_string();
    assert!(msg.starts_with("cannot open the document: "), "{msg}");
    assert!(msg.contains(what), "does not say “{what}”: {msg}");
    assert!(msg.contains(advice), "does not say “{advice}”: {msg}");
    assert!(
        msg.ends_with(&format!(": {}", path.display())),
        "does not end with the path: {msg}"
    );
}

/// Asserts that `pizhu text FILE` is refused with exit code 2 and a
/// message that contains `what` and ends with the path, printing nothing.
fn assert_cli_refuses(data: &Path, path: &Path, what: &str) {
    let out = pizhu(data).arg("text").arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with("pizhu: cannot open the document: "),
        "{err}"
    );
    assert!(err.contains(what), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// 50 MB

/// About 50 MB: a first paragraph, [`LINE`] repeated, a last paragraph.
/// Returns the text and the number of paragraphs.
fn fifty_mb_text() -> (String, usize) {
    let repeats = 50_000_000_usize.div_ceil(LINE.len());
    let mut text = String::with_capacity(50_000_100 + LINE.len());
    text.push_str("第一段：開頭。\n");
    for _ in 0..repeats {
        text.push_str(LINE);
    }
    text.push_str("最後一段：結尾𠮷。\n");
    (text, repeats + 2)
}

/// What a reader of the big document relies on: every paragraph, the
/// first and the last one intact, the size and the encoding.
fn assert_fifty_mb(doc: &Document, paragraphs: usize, encoding: &str) {
    assert_eq!(doc.encoding, encoding);
    assert!(doc.byte_len >= 50_000_000, "{} bytes", doc.byte_len);
    assert_eq!(doc.paragraphs.len(), paragraphs);
    assert_eq!(doc.paragraph_text(0), "第一段：開頭。");
    assert_eq!(doc.paragraph_text(1), LINE.trim_end());
    assert_eq!(doc.paragraph_text(paragraphs - 2), LINE.trim_end());
    assert_eq!(doc.paragraph_text(paragraphs - 1), "最後一段：結尾𠮷。");
    let line_chars = LINE.chars().count();
    assert_eq!(
        doc.char_len(),
        8 + (paragraphs - 2) * line_chars + "最後一段：結尾𠮷。\n".chars().count()
    );
    // Two sentences per repeated line, one in each of the others.
    assert_eq!(doc.sentences.len(), (paragraphs - 2) * 2 + 2);
}

#[test]
fn a_50_mb_utf8_file_opens_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (text, paragraphs) = fifty_mb_text();
    let path = write(dir.path(), "五十兆.txt", text.as_bytes());
    drop(text);
    let doc = timed("open 50 MB UTF-8", || Document::open(&path)).unwrap();
    assert_fifty_mb(&doc, paragraphs, "UTF-8");
}

#[test]
fn a_50_mb_gb18030_file_opens_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Encoded a line at a time: the file is the encoded lines end to end.
    let encode = |s: &str| {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(s);
        assert!(!unmappable);
        bytes.into_owned()
    };
    let line = encode(LINE);
    let repeats = 50_000_000_usize.div_ceil(line.len());
    let mut bytes = encode("第一段：開頭。\n");
    bytes.reserve(repeats * line.len() + 64);
    for _ in 0..repeats {
        bytes.extend_from_slice(&line);
    }
    // 𠮷 is a four-byte GB18030 sequence.
    bytes.extend(encode("最後一段：結尾𠮷。\n"));
    let path = write(dir.path(), "五十兆-gb18030.txt", &bytes);
    drop(bytes);
    let doc = timed("open 50 MB GB18030", || Document::open(&path)).unwrap();
    assert_fifty_mb(&doc, repeats + 2, "GB18030");
}

// ---------------------------------------------------------------------------
// 1 MB, one line

#[test]
fn a_1_mb_single_line_is_one_paragraph_of_many_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "濟寧市政府與省人社廳簽署合作框架協議。";
    let repeats = 1_000_000 / sentence.len() + 1;
    let line = sentence.repeat(repeats);
    assert!(line.len() > 1_000_000);
    let path = write(dir.path(), "一行.txt", line.as_bytes());
    let doc = timed("open 1 MB single line", || Document::open(&path)).unwrap();
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.char_len(), repeats * 19);
    assert_eq!(doc.paragraph_text(0).len(), line.len());
    assert_eq!(doc.sentences.len(), repeats);
    assert_eq!(doc.sentence_text(repeats - 1), sentence);

    // A note at the far end of the line is placed and found again.
    let end = doc.char_len();
    let target = Target::range(&doc, end - 9, end - 1);
    assert_eq!(target.quote.exact, "簽署合作框架協議");
    let mut review = ReviewFile::new(&doc);
    review
        .notes
        .push(Note::new(target, "行尾的批注".into(), "審稿人".into()));
    let store = ReviewStore::new(&doc, review);
    let id = store.notes()[0].id.clone();
    assert_eq!(
        store.anchor_of(&id).and_then(Anchor::position),
        Some(TextPosition {
            start: end - 9,
            end: end - 1
        })
    );

    // The CLI prints it as it is.
    let data = tempfile::tempdir().unwrap();
    let out = timed("pizhu text, 1 MB line", || {
        pizhu(data.path()).arg("text").arg(&path).output().unwrap()
    });
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout == line.as_bytes());
}

// ---------------------------------------------------------------------------
// Binary, empty, NUL

/// The first bytes of a PNG file: its signature, then the IHDR chunk's
/// length, whose high bytes are 0.
const PNG_START: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";

#[test]
fn a_png_is_refused_as_binary_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "圖片.png", PNG_START);
    let err = Document::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Decode {
                cause: DecodeError::Binary { offset: 8 },
                ..
            }
        ),
        "{err:?}"
    );
    assert_refused(
        &err,
        &path,
        "the file looks binary: it has a NUL byte at byte 8",
        "choose a plain-text file",
    );
    assert_cli_refuses(dir.path(), &path, "it has a NUL byte at byte 8");
}

#[test]
fn random_bytes_with_a_nul_are_refused_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    // Deterministic noise; the first NUL decides the offset.
    let mut state: u32 = 2024;
    let mut bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect();
    // No NUL early on: the offset is found wherever it is.
    for b in &mut bytes[..5_000] {
        *b = (*b).max(1);
    }
    let offset = bytes.iter().position(|&b| b == 0).unwrap();
    assert!(offset >= 5_000);
    let path = write(dir.path(), "雜訊.bin", &bytes);
    let err = Document::open(&path).unwrap_err();
    assert_refused(
        &err,
        &path,
        &format!("it has a NUL byte at byte {offset}"),
        "choose a plain-text file",
    );
}

#[test]
fn empty_and_bom_only_files_are_refused_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("空.txt", &b""[..]),
        ("只有BOM.txt", b"\xEF\xBB\xBF"),
        ("只有BOM-utf16le.txt", b"\xFF\xFE"),
        ("只有BOM-utf16be.txt", b"\xFE\xFF"),
    ] {
        let path = write(dir.path(), name, bytes);
        let err = Document::open(&path).unwrap_err();
        assert!(
            matches!(
                err,
                ImportError::Decode {
                    cause: DecodeError::Empty,
                    ..
                }
            ),
            "{name}: {err:?}"
        );
        assert_refused(
            &err,
            &path,
            "the file is empty",
            "choose a text file with content",
        );
    }
    assert_cli_refuses(dir.path(), &dir.path().join("空.txt"), "the file is empty");
}

#[test]
fn a_file_of_blank_lines_opens_with_no_paragraphs() {
    let doc = Document::from_bytes("空行.txt", None, b" \r\n\t\n\n\xE3\x80\x80\n").unwrap();
    assert!(doc.paragraphs.is_empty());
    assert!(doc.sentences.is_empty());
    assert_eq!(doc.paragraph_text(0), "");
    assert!(Target::paragraph(&doc, 0).is_none());
    // Notes still open and save for it.
    let dir = tempfile::tempdir().unwrap();
    let mut notes = Notes::open(&doc, Some(&dir.path().join("空行.pizhu.json")));
    assert!(notes.edit(Edit::Add(Note::new(
        Target::range(&doc, 0, 3),
        "空白".into(),
        "審稿人".into()
    ))));
    assert_eq!(notes.save().map_err(ToString::to_string), Ok(()));
}

#[test]
fn a_nul_in_good_text_is_refused_as_binary_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "濟寧市政府\n".repeat(100).into_bytes();
    let offset = bytes.len() - 3;
    bytes.insert(offset, 0);
    let path = write(dir.path(), "含NUL.txt", &bytes);
    let err = Document::open(&path).unwrap_err();
    assert_refused(
        &err,
        &path,
        &format!("the file looks binary: it has a NUL byte at byte {offset}"),
        "choose a plain-text file",
    );
    assert_cli_refuses(
        dir.path(),
        &path,
        &format!("it has a NUL byte at byte {offset}"),
    );

    // In UTF-16 a NUL byte is normal; a U+0000 character is not. The
    // offset counts from the start of the file, BOM included.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "濟寧市\u{0}政府".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(dir.path(), "含NUL-utf16.txt", &utf16);
    let err = Document::open(&path).unwrap_err();
    assert_refused(
        &err,
        &path,
        "it has a NUL byte at byte 8",
        "choose a plain-text file",
    );
}

// ---------------------------------------------------------------------------
// Damaged UTF-8

/// About 10 kB of UTF-8 text with a bad byte (0xFF) before the first 合作
/// and a character cut short (its last byte gone) in the last line: two
/// malformed sequences, well under one per 1,000 bytes.
fn damaged() -> (Vec<u8>, usize, String) {
    let good = LINE.repeat(60) + "第六十一段：總結協議。\n";
    let mut bytes = good.as_bytes().to_vec();
    let cut = good.rfind("總結").unwrap();
    bytes.remove(cut + 2);
    let first = good.find("合作").unwrap();
    bytes.insert(first, 0xFF);
    let shown = format!(
        "{}\u{FFFD}{}\u{FFFD}結{}",
        &good[..first],
        &good[first..cut],
        &good[cut + "總結".len()..]
    );
    (bytes, first, shown)
}

#[test]
fn utf8_damaged_in_two_places_opens_with_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, first, shown) = damaged();
    let path = write(dir.path(), "損壞.txt", &bytes);
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(
        doc.replaced,
        Some(Replaced {
            count: 2,
            first_byte: first
        })
    );
    assert!(doc.text() == shown);
    assert_eq!(doc.paragraphs.len(), 61);
    assert!(doc.paragraph_text(0).contains("簽署\u{FFFD}合作框架"));
    assert_eq!(doc.paragraph_text(60), "第六十一段：\u{FFFD}結協議。");
    let warning = doc.replaced_warning().unwrap();
    assert!(
        warning.starts_with(&format!(
            "2 malformed byte sequences were replaced with \u{FFFD}; the first is at byte {first}"
        )),
        "{warning}"
    );
    assert!(warning.contains("open an undamaged copy"), "{warning}");
    assert!(
        warning.ends_with(&format!(": {}", path.display())),
        "{warning}"
    );
    // What decode reports, for the status bar.
    let decoded = decode::decode(&bytes).unwrap();
    assert_eq!(decoded.replaced, doc.replaced);

    // The CLI prints the text with the replacements and warns on stderr.
    let out = pizhu(dir.path()).arg("text").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout == shown.as_bytes());
    let err = stderr(&out);
    assert_eq!(err.trim_end(), format!("pizhu: warning: {warning}"));
}

#[test]
fn notes_on_damaged_utf8_survive_the_repair() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = damaged();
    let path = write(dir.path(), "損壞.txt", &bytes);
    let review = dir.path().join("損壞.pizhu.json");
    let doc = Document::open(&path).unwrap();
    assert!(!doc.text().contains("總結"), "總 is cut short");
    let (s, e) = find(&doc, "\u{FFFD}結協議");
    let mut notes = Notes::open(&doc, Some(&review));
    assert!(notes.edit(Edit::Add(Note::new(
        Target::range(&doc, s, e),
        "這裡壞了".into(),
        "審稿人".into()
    ))));
    let (s2, e2) = find(&doc, "魯南人力資源");
    assert!(notes.edit(Edit::Add(Note::new(
        Target::range(&doc, s2, e2),
        "完好的一段".into(),
        "審稿人".into()
    ))));
    assert_eq!(notes.save().map_err(ToString::to_string), Ok(()));

    // The same damaged file again: both notes where they were.
    let again = Notes::open(&doc, Some(&review));
    let found: Vec<_> = again
        .store()
        .notes_in_document_order()
        .iter()
        .map(|(_, a)| a.position())
        .collect();
    assert_eq!(
        found,
        [
            Some(TextPosition { start: s2, end: e2 }),
            Some(TextPosition { start: s, end: e })
        ]
    );

    // The repaired file: the intact passage is found again, shifted by
    // the replacement character that is gone before it.
    let good = LINE.repeat(60) + "第六十一段：總結協議。\n";
    let repaired = Document::from_bytes("損壞.txt", Some(path), good.as_bytes()).unwrap();
    assert_eq!(repaired.replaced, None);
    let store = ReviewStore::new(&repaired, again.store().review().clone());
    let intact = store
        .notes()
        .iter()
        .find(|n| n.body == "完好的一段")
        .unwrap();
    let (rs, re) = find(&repaired, "魯南人力資源");
    assert_eq!(
        store.anchor_of(&intact.id).and_then(Anchor::position),
        Some(TextPosition { start: rs, end: re })
    );
}

#[test]
fn heavily_damaged_utf8_is_not_dressed_up_as_utf8() {
    // More than one bad sequence per 1,000 bytes: the file is not taken for
    // damaged UTF-8, nor shown as mojibake in a legacy guess: it is refused,
    // naming the likely encodings and how to choose one (issue 12).
    let mut bytes = Vec::new();
    for _ in 0..20 {
        bytes.extend_from_slice(LINE.as_bytes());
        bytes.push(0xFF);
    }
    let err =
        Document::from_bytes("亂碼.txt", Some(PathBuf::from("/tmp/亂碼.txt")), &bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot open the document: no encoding decodes the file cleanly (as UTF-8 it has 20 \
         malformed byte sequences, as GB18030 40), so Pizhu does not guess; name its encoding \
         with --encoding NAME (in the window: File → Reopen with Encoding…); malformed bytes \
         are then shown as U+FFFD: /tmp/亂碼.txt"
    );

    // After a UTF-8 byte-order mark, too much damage is refused outright.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&bytes);
    let err =
        Document::from_bytes("亂碼.txt", Some(PathBuf::from("/tmp/亂碼.txt")), &bom).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot open the document: the file is not valid UTF-8 (BOM) text: it has malformed \
         byte sequences; name its encoding with --encoding NAME (in the window: File → Reopen \
         with Encoding…); malformed bytes are then shown as U+FFFD: /tmp/亂碼.txt"
    );
}

// ---------------------------------------------------------------------------
// Mixed line endings

#[test]
fn mixed_line_endings_give_the_same_text_paragraphs_and_anchors() {
    let mixed = "第一段：濟(jì)寧市政府。\r\n第二段𠮷野家。\r第三段：簽約儀式。\n\r\n\r第四段：合作框架協議。\r\n";
    let lf = "第一段：濟(jì)寧市政府。\n第二段𠮷野家。\n第三段：簽約儀式。\n\n\n第四段：合作框架協議。\n";
    let decoded = decode::decode(mixed.as_bytes()).unwrap();
    assert!(decoded.line_endings_normalised);
    assert_eq!(decoded.text, lf);
    assert!(
        !decode::decode(lf.as_bytes())
            .unwrap()
            .line_endings_normalised
    );

    let doc = Document::from_bytes("混合.txt", None, mixed.as_bytes()).unwrap();
    let plain = Document::from_bytes("混合.txt", None, lf.as_bytes()).unwrap();
    assert_eq!(doc.text(), plain.text());
    assert!(!doc.text().contains('\r'));
    assert_eq!(doc.paragraphs, plain.paragraphs);
    assert_eq!(doc.sentences, plain.sentences);
    assert_eq!(
        (0..4).map(|i| doc.paragraph_text(i)).collect::<Vec<_>>(),
        [
            "第一段：濟寧市政府。",
            "第二段𠮷野家。",
            "第三段：簽約儀式。",
            "第四段：合作框架協議。"
        ]
    );
    // Same text, so notes made on one hold on the other as they are.
    assert_eq!(doc.clean_sha256, plain.clean_sha256);
    assert_ne!(doc.raw_sha256, plain.raw_sha256);

    // A note after the line breaks: clean and raw positions agree in both.
    let (s, e) = find(&doc, "合作框架");
    let target = Target::range(&doc, s, e);
    assert_eq!(target, Target::range(&plain, s, e));
    assert_eq!(target.quote.exact, "合作框架");
    let raw: String = doc
        .raw
        .chars()
        .skip(target.raw.start.0)
        .take(target.raw.len())
        .collect();
    assert_eq!(raw, "合作框架");
    let mut review = ReviewFile::new(&doc);
    review
        .notes
        .push(Note::new(target, "換行".into(), "審稿人".into()));
    let store = ReviewStore::new(&plain, review);
    let id = store.notes()[0].id.clone();
    assert_eq!(
        store.anchor_of(&id).and_then(Anchor::position),
        Some(TextPosition { start: s, end: e })
    );
}

// ---------------------------------------------------------------------------
// Outside the BMP

const ASTRAL: &str = "𠮷野家的牛丼。\n陝西的𰻝𰻝麵很好吃。\n";

/// The `start`, `end` of the `TextPositionSelector` and the `exact` of the
/// `TextQuoteSelector` of every `selector` list in a W3C export.
fn selectors(json: &Value) -> Vec<(u64, u64, String)> {
    fn walk(v: &Value, out: &mut Vec<(u64, u64, String)>) {
        match v {
            Value::Object(o) => {
                if let Some(Value::Array(list)) = o.get("selector") {
                    let of_type = |t: &str| {
                        list.iter()
                            .find(|s| s["type"] == t)
                            .unwrap_or_else(|| panic!("no {t}"))
                    };
                    let position = of_type("TextPositionSelector");
                    out.push((
                        position["start"].as_u64().unwrap(),
                        position["end"].as_u64().unwrap(),
                        of_type("TextQuoteSelector")["exact"]
                            .as_str()
                            .unwrap()
                            .to_owned(),
                    ));
                }
                o.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(json, &mut found);
    found
}

#[test]
fn characters_outside_the_bmp_count_as_one() {
    let doc = Document::from_bytes("𰻝.txt", None, ASTRAL.as_bytes()).unwrap();
    // Code points, as W3C's TextPositionSelector counts: 𠮷 and 𰻝 are one
    // each (two UTF-16 units, four UTF-8 bytes).
    assert_eq!(doc.char_len(), ASTRAL.chars().count());
    assert_eq!(doc.char_len(), 19);
    assert_eq!(find(&doc, "𠮷"), (0, 1));
    assert_eq!(find(&doc, "野家"), (1, 3));
    assert_eq!(find(&doc, "𰻝𰻝麵"), (11, 14));
    assert_eq!(doc.slice(11, 12), "𰻝");
    assert_eq!(doc.paragraph_text(1), "陝西的𰻝𰻝麵很好吃。");
    assert_eq!(doc.paragraphs[1].start, 8);
    assert_eq!(doc.sentence_text(1), "陝西的𰻝𰻝麵很好吃。");
    // The same in GB18030 (four-byte sequences) and UTF-16 (surrogate pairs).
    let (gb, _, _) = encoding_rs::GB18030.encode(ASTRAL);
    let mut utf16 = vec![0xFE, 0xFF];
    for unit in ASTRAL.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    for bytes in [gb.into_owned(), utf16] {
        let other = Document::from_bytes("𰻝.txt", None, &bytes).unwrap();
        assert_eq!(other.text(), doc.text());
        assert_eq!(find(&other, "𰻝𰻝麵"), (11, 14));
    }
}

#[test]
fn a_note_on_an_astral_character_exports_and_reanchors() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "𰻝𰻝麵.txt", ASTRAL.as_bytes());
    let doc = Document::open(&path).unwrap();
    let mut review = ReviewFile::new(&doc);
    let note = Note::new(
        Target::range(&doc, 11, 12),
        "𰻝 讀 biáng".into(),
        "審稿人".into(),
    );
    assert_eq!(note.target.quote.exact, "𰻝");
    assert_eq!(note.target.quote.prefix, "𠮷野家的牛丼。\n陝西的");
    assert_eq!(note.target.quote.suffix, "𰻝麵很好吃。\n");
    review.notes.push(note);
    let store = ReviewStore::new(&doc, review);

    // W3C export: code-point positions.
    let timeline = Timeline::empty(&doc);
    let input = ExportInput {
        exported_at: "2026-03-01T10:00:00Z".into(),
        ..ExportInput::new(&doc, &store, &timeline, None)
    };
    let bytes = export::export(Format::W3c, &input).unwrap();
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(selectors(&json), [(11, 12, "𰻝".to_owned())]);

    // Imported into an empty review of the same text: the same place.
    let empty = ReviewStore::new(&doc, ReviewFile::new(&doc));
    let incoming = read::read_annotations(&bytes, &doc, empty.text_index()).unwrap();
    assert_eq!(incoming.notes.len(), 1);
    assert_eq!(
        incoming.notes[0].target.position,
        TextPosition { start: 11, end: 12 }
    );

    // The text edited before it (with more astral characters): the note
    // moves with its character.
    let edited = format!("前言𠀀𠀁。\n{ASTRAL}");
    let edited = Document::from_bytes("𰻝𰻝麵.txt", None, edited.as_bytes()).unwrap();
    let moved = ReviewStore::new(&edited, store.review().clone());
    let id = moved.notes()[0].id.clone();
    assert_eq!(
        moved.anchor_of(&id).and_then(Anchor::position),
        Some(TextPosition { start: 17, end: 18 })
    );
    assert_eq!(edited.slice(17, 18), "𰻝");
}

#[test]
fn the_cli_exports_and_imports_astral_positions() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "𰻝𰻝麵.txt", ASTRAL.as_bytes());
    let doc = Document::open(&path).unwrap();
    let review = dir.path().join("審閱.pizhu.json");
    let mut notes = Notes::open(&doc, Some(&review));
    assert!(notes.edit(Edit::Add(Note::new(
        Target::range(&doc, 11, 14),
        "三個字".into(),
        "審稿人".into()
    ))));
    assert_eq!(notes.save().map_err(ToString::to_string), Ok(()));

    let out = pizhu(dir.path())
        .args(["export", "--format", "w3c", "--notes"])
        .arg(&review)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(selectors(&json), [(11, 14, "𰻝𰻝麵".to_owned())]);

    // Into a fresh notes file of the same document.
    let exported = write(dir.path(), "批注.jsonld", &out.stdout);
    let fresh = dir.path().join("新.pizhu.json");
    let out = pizhu(dir.path())
        .arg("import")
        .arg(&exported)
        .arg("--notes")
        .arg(&fresh)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reopened = Notes::open(&doc, Some(&fresh));
    let anchored: Vec<_> = reopened
        .store()
        .notes_in_document_order()
        .iter()
        .map(|(n, a)| (n.body.clone(), a.position()))
        .collect();
    assert_eq!(
        anchored,
        [(
            "三個字".to_owned(),
            Some(TextPosition { start: 11, end: 14 })
        )]
    );
}

// ---------------------------------------------------------------------------
// Big review files

/// A review of `doc` with `n` notes, each about `body_chars` chars of
/// Chinese with tags, spread over the text.
fn big_review(doc: &Document, n: usize, body_chars: usize) -> ReviewFile {
    let mut review = ReviewFile::new(doc);
    let len = doc.char_len();
    let body: String = "這段話值得再核對一次，"
        .chars()
        .cycle()
        .take(body_chars)
        .collect();
    for i in 0..n {
        let start = (i * 37) % (len - 12);
        let mut note = Note::new(
            Target::range(doc, start, start + 2 + i % 10),
            format!("第{i}條：{body}"),
            "審稿人".into(),
        );
        note.tags = vec!["核對".into(), format!("組{}", i % 7)];
        review.notes.push(note);
    }
    review
}

/// Opens `path` as the notes of `doc` the way the window does, checks
/// every note is there and anchored, saves after one more note, and
/// checks the file then holds all of them.
fn load_and_save_back(doc: &Document, path: &Path, n: usize) {
    let mut notes = timed("open notes", || Notes::open(doc, Some(path)));
    assert_eq!(notes.mode(), &Mode::ReadWrite);
    assert_eq!(notes.store().notes().len(), n);
    assert!(
        notes
            .store()
            .notes_in_document_order()
            .iter()
            .all(|(_, a)| !a.is_orphaned())
    );
    assert!(notes.edit(Edit::Add(Note::new(
        Target::range(doc, 9, 13),
        "再加一條".into(),
        "審稿人".into()
    ))));
    assert_eq!(
        timed("save notes", || notes.save().map_err(ToString::to_string)),
        Ok(())
    );
    let again = timed("reopen notes", || Notes::open(doc, Some(path)));
    assert_eq!(again.store().notes().len(), n + 1);
    assert_eq!(again.store().review(), notes.store().review());
    // The version before is kept as the backup.
    let mut backup = path.as_os_str().to_owned();
    backup.push(atomic::BACKUP_SUFFIX);
    assert!(Path::new(&backup).is_file());
}

#[test]
fn a_big_review_file_loads_and_saves_without_losing_notes() {
    // 12,000 notes, about 10 MB: the same path as 100 MB, a tenth of the time.
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    let path = dir.path().join("大.pizhu.json");
    let json = big_review(&doc, 12_000, 40).to_json();
    assert!(json.len() > 9_000_000, "{} bytes", json.len());
    std::fs::write(&path, &json).unwrap();
    load_and_save_back(&doc, &path, 12_000);
}

#[test]
fn a_single_note_with_a_huge_body_loads_and_saves() {
    // One note whose text is 20 MB: one JSON string, nothing else big.
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    let path = dir.path().join("長.pizhu.json");
    let review = big_review(&doc, 1, 20_000_000 / 3);
    let json = review.to_json();
    assert!(json.len() > 20_000_000);
    std::fs::write(&path, &json).unwrap();
    load_and_save_back(&doc, &path, 1);
}

#[test]
#[ignore = "about 20 s in a debug build; the 10 MB test above runs the same path"]
fn a_100_mb_review_file_loads_and_saves_without_losing_notes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    let path = dir.path().join("一百兆.pizhu.json");
    let json = timed("make 120,000 notes", || {
        big_review(&doc, 120_000, 40).to_json()
    });
    assert!(json.len() > 100_000_000, "{} bytes", json.len());
    std::fs::write(&path, &json).unwrap();
    drop(json);
    load_and_save_back(&doc, &path, 120_000);
}

// ---------------------------------------------------------------------------
// Deeply nested JSON

/// JSON nested `depth` deep: `[[[…]]]` or `{"a":{"a":…}}`.
fn nested(depth: usize, object: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(depth * 6 + 8);
    for _ in 0..depth {
        out.extend_from_slice(if object { b"{\"a\":" } else { b"[" });
    }
    out.extend_from_slice(b"1");
    for _ in 0..depth {
        out.push(if object { b'}' } else { b']' });
    }
    out
}

/// A review file whose header is fine but which holds an unknown field
/// nested `depth` deep.
fn review_with_deep_field(doc: &Document, depth: usize) -> Vec<u8> {
    let mut json = ReviewFile::new(doc).to_json().into_bytes();
    // Replace the closing brace with the deep field.
    while json.last().is_some_and(|b| *b != b'}') {
        json.pop();
    }
    json.pop();
    json.extend_from_slice(b",\n  \"x-deep\": ");
    json.extend(nested(depth, false));
    json.extend_from_slice(b"\n}\n");
    json
}

#[test]
fn a_deeply_nested_review_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    for (name, bytes) in [
        ("方括號.pizhu.json", nested(100_000, false)),
        ("物件.pizhu.json", nested(100_000, true)),
        ("深欄位.pizhu.json", review_with_deep_field(&doc, 100_000)),
    ] {
        let path = write(dir.path(), name, &bytes);
        let mut notes = Notes::open(&doc, Some(&path));
        assert!(notes.is_broken(), "{name}");
        let problem = notes.problem().unwrap().to_string();
        assert!(
            problem.contains("the notes file is damaged at line "),
            "{problem}"
        );
        assert!(
            problem.contains("nested too deeply (more than 127 levels)"),
            "{problem}"
        );
        assert!(
            problem.contains("fix it in a text editor, or start a new notes file"),
            "{problem}"
        );
        assert!(
            problem.ends_with(&format!(": {}", path.display())),
            "{problem}"
        );
        // Notes made meanwhile are not saved over it.
        assert!(notes.edit(Edit::Add(Note::new(
            Target::range(&doc, 9, 13),
            "不會覆蓋".into(),
            "審稿人".into()
        ))));
        let err = notes.save().unwrap_err().to_string();
        assert!(err.contains("Pizhu does not save over it"), "{err}");
        assert!(std::fs::read(&path).unwrap() == bytes, "{name} was changed");
    }
    // Where it is: the 128th opening bracket, the first one too deep.
    let path = dir.path().join("方括號.pizhu.json");
    let notes = Notes::open(&doc, Some(&path));
    let problem = notes.problem().unwrap().to_string();
    assert!(problem.contains("at line 1, column 128:"), "{problem}");
}

#[test]
fn deeply_nested_annotations_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::embedded();
    let review = dir.path().join("審閱.pizhu.json");
    for (name, bytes) in [
        ("方括號.jsonld", nested(100_000, false)),
        ("物件.jsonld", nested(100_000, true)),
    ] {
        let path = write(dir.path(), name, &bytes);
        let mut notes = Notes::open(&doc, Some(&review));
        let err = notes.import(&doc, &bytes).unwrap_err().with_path(&path);
        let msg = err.to_string();
        assert!(
            msg.starts_with("the annotations file is not valid JSON at line 1, column "),
            "{msg}"
        );
        assert!(
            msg.contains("nested too deeply (more than 127 levels)"),
            "{msg}"
        );
        assert!(msg.contains("choose a W3C Web Annotation"), "{msg}");
        assert!(msg.ends_with(&format!(": {}", path.display())), "{msg}");
        assert!(notes.store().notes().is_empty());

        // The CLI: exit 2, the same message, nothing written.
        let out = pizhu(dir.path())
            .arg("import")
            .arg(&path)
            .arg("--notes")
            .arg(&review)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(stderr(&out).trim_end(), format!("pizhu: {msg}"));
        assert!(!review.exists());
    }
    // A deep review file given to import is refused the same way.
    let bytes = review_with_deep_field(&doc, 100_000);
    let path = write(dir.path(), "深.pizhu.json", &bytes);
    let mut notes = Notes::open(&doc, Some(&review));
    let msg = notes
        .import(&doc, &bytes)
        .unwrap_err()
        .with_path(&path)
        .to_string();
    assert!(
        msg.contains("nested too deeply (more than 127 levels)"),
        "{msg}"
    );
    assert!(msg.ends_with(&format!(": {}", path.display())), "{msg}");
}

#[test]
fn the_cli_refuses_a_deeply_nested_notes_file_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = write(dir.path(), "文章.txt", LINE.as_bytes());
    let review = write(dir.path(), "文章.txt.pizhu.json", &nested(100_000, false));
    let before = std::fs::read(&review).unwrap();
    for args in [&["export", "--format", "json"][..], &["timeline"]] {
        let out = pizhu(dir.path())
            .args(args)
            .arg(&doc_path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("the notes file is damaged at line 1, column 128"),
            "{err}"
        );
        assert!(
            err.contains("nested too deeply (more than 127 levels)"),
            "{err}"
        );
        assert!(
            err.trim_end().ends_with(&review.display().to_string()),
            "{err}"
        );
    }
    let annotations = write(dir.path(), "空.json", b"[]");
    let out = pizhu(dir.path())
        .arg("import")
        .arg(&annotations)
        .arg(&doc_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(std::fs::read(&review).unwrap() == before);
}
