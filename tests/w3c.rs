//! The W3C Web Annotation export, checked field by field against the model
//! (<https://www.w3.org/TR/annotation-model/>): required fields, IRIs,
//! code-point positions with a character outside the BMP (𠮷), UTC times
//! ending in `Z`. Then export → import into an empty review gives the same
//! notes, and, when Python and the W3C test suite are there, the suite's
//! MUST assertions pass on every annotation, the collection and its page.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use pizhu::core::export::{self, ExportInput, Format};
use pizhu::core::file::merge;
use pizhu::core::file::review::ReviewFile;
use pizhu::core::notes::note::{Note, NoteColor, Target, TargetKind, TextPosition, TextQuote};
use pizhu::core::notes::store::ReviewStore;
use pizhu::core::text::document::Document;
use pizhu::core::text::offset::RawRange;
use pizhu::core::timeline::Timeline;
use pizhu::core::w3c::read;
use pizhu::core::w3c::write::{self, CONTEXT};

const TEXT: &str = "𠮷野家的牛丼很好吃。\nThe second line is in English.\n第三段：市政府與省人社廳簽署合作框架協議。\n";

/// The document, saved under a folder and a name that need percent-encoding.
fn document(dir: &Path) -> Document {
    let folder = dir.join("審閱 文件");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("吉野家 #1.txt");
    std::fs::write(&path, TEXT).unwrap();
    Document::open(&path).unwrap()
}

/// Char range of the first occurrence of `quote` in the clean text.
fn find(doc: &Document, quote: &str) -> (usize, usize) {
    let byte = doc.text().find(quote).unwrap();
    let start = doc.text()[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// A note with fixed id and times.
fn note(target: Target, id: &str, body: &str, author: &str) -> Note {
    let mut n = Note::new(target, body.into(), author.into());
    n.id = id.into();
    n.created = "2026-03-01T09:00:00Z".into();
    n.modified = "2026-03-01T10:30:00Z".into();
    n
}

const ID_BEEF: &str = "4f3c1a2b-0d5e-4c6f-8a9b-1c2d3e4f5a6b";
const ID_ENGLISH: &str = "0a1b2c3d-4e5f-4a7b-9c8d-e0f1a2b3c4d5";
const ID_HIGHLIGHT: &str = "11111111-2222-4333-8444-555555555555";
const ID_ORPHAN: &str = "99999999-8888-4777-8666-555555555555";
const ID_OTHER: &str = "甲-1";

/// Five notes: a comment with tags on a range after 𠮷, an English
/// comment on a paragraph with fields of a newer version, a highlight with
/// a tag and no author, an orphan, and a note with a non-UUID id.
fn notes(doc: &Document) -> Vec<Note> {
    let (s, e) = find(doc, "牛丼");
    let mut beef = note(
        Target::range(doc, s, e),
        ID_BEEF,
        "好吃的牛丼\n第二行",
        "審稿人",
    );
    beef.tags = vec!["食物".into(), "重要".into()];
    beef.color = NoteColor::Green;

    let mut english = note(
        Target::paragraph(doc, 1).unwrap(),
        ID_ENGLISH,
        "Looks fine.",
        "Reviewer",
    );
    english.color = NoteColor::Blue;
    english.extra.insert("x-未來".into(), json!({"版本": 2}));
    english
        .target
        .extra
        .insert("x-選擇器".into(), Value::from("保留"));

    let (s, e) = find(doc, "市政府");
    let mut highlight = note(Target::range(doc, s, e), ID_HIGHLIGHT, "", "");
    highlight.tags = vec!["待查".into()];

    let mut orphan = note(Target::range(doc, 0, 2), ID_ORPHAN, "孤兒", "審稿人");
    orphan.target = Target {
        kind: TargetKind::Range,
        quote: TextQuote {
            exact: "這段文字已經刪除".into(),
            prefix: "前文".into(),
            suffix: String::new(),
        },
        position: TextPosition {
            start: 500,
            end: 508,
        },
        raw: RawRange::new(600, 612),
        source: None,
        position_guessed: false,
        extra: serde_json::Map::new().into(),
    };
    orphan.color = NoteColor::Pink;

    let (s, e) = find(doc, "簽署");
    let other = note(Target::range(doc, s, e), ID_OTHER, "簽署 = sign", "審稿人");
    vec![beef, english, highlight, orphan, other]
}

/// The W3C export of `notes` on `doc`, parsed.
fn export_json(doc: &Document, notes: Vec<Note>) -> Value {
    let mut review = ReviewFile::new(doc);
    review.notes = notes;
    let store = ReviewStore::new(doc, review);
    let timeline = Timeline::empty(doc);
    let input = ExportInput {
        exported_at: "2026-03-02T08:00:00Z".into(),
        ..ExportInput::new(doc, &store, &timeline, None)
    };
    let bytes = export::export(Format::W3c, &input).unwrap();
    assert!(bytes.ends_with(b"}\n"));
    serde_json::from_slice(&bytes).unwrap()
}

/// The item with this id.
fn item<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no annotation {id}"))
}

/// The selector of this type in an annotation's target.
fn selector<'a>(annotation: &'a Value, kind: &str) -> &'a Value {
    annotation["target"]["selector"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind}"))
}

/// Percent-decodes a URI path.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn the_collection_and_its_page_have_the_required_fields() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let json = export_json(&doc, notes(&doc));
    // Model §5.1: an AnnotationCollection with @context (the http form),
    // an IRI id, type, and a first page when total > 0.
    assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(CONTEXT, "http://www.w3.org/ns/anno.jsonld");
    let id = json["id"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(id.strip_prefix("urn:uuid:").unwrap()).is_ok());
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["label"], "Pizhu notes on 吉野家 #1.txt");
    assert_eq!(json["total"], 5);
    // §5.2: the page, embedded, with an IRI id, type, startIndex and items.
    let page = &json["first"];
    assert_eq!(page["type"], "AnnotationPage");
    let page_id = page["id"].as_str().unwrap();
    assert!(page_id.starts_with("urn:uuid:"), "{page_id}");
    assert_ne!(page_id, id);
    assert_eq!(page["startIndex"], 0);
    assert_eq!(page["partOf"], json!({ "id": id }));
    assert_eq!(json["last"], page_id);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    // Document order, the orphan last; no @context inside the collection.
    let ids: Vec<&str> = items.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            format!("urn:uuid:{ID_BEEF}").as_str(),
            &format!("urn:uuid:{ID_ENGLISH}"),
            &format!("urn:uuid:{ID_HIGHLIGHT}"),
            "urn:pizhu:note:%E7%94%B2-1",
            &format!("urn:uuid:{ID_ORPHAN}"),
        ]
    );
    assert!(items.iter().all(|a| a.get("@context").is_none()));
    // The same input gives the same ids; another time, others.
    let again = export_json(&doc, notes(&doc));
    assert_eq!(again["id"], json["id"]);
}

#[test]
fn an_annotation_has_every_field_the_model_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let json = export_json(&doc, notes(&doc));
    let a = item(&json, &format!("urn:uuid:{ID_BEEF}"));
    // §3.1: id (an IRI), type, target; §3.3.5 motivation.
    assert_eq!(a["type"], "Annotation");
    assert_eq!(a["motivation"], "commenting");
    // §3.2.4: the note as a TextualBody; §3.3.5: tags as tagging bodies.
    let body = a["body"].as_array().unwrap();
    assert_eq!(
        body[0],
        json!({
            "type": "TextualBody",
            "value": "好吃的牛丼\n第二行",
            "purpose": "commenting",
            "format": "text/plain",
            "language": "zh"
        })
    );
    assert_eq!(
        body[1],
        json!({"type": "TextualBody", "value": "食物", "purpose": "tagging"})
    );
    assert_eq!(body[2]["value"], "重要");
    assert_eq!(body.len(), 3);
    // §3.3.1: creator, created, modified (xsd:dateTime with a timezone; UTC `Z` here).
    assert_eq!(a["creator"], json!({"type": "Person", "name": "審稿人"}));
    assert_eq!(a["created"], "2026-03-01T09:00:00Z");
    assert_eq!(a["modified"], "2026-03-01T10:30:00Z");
    assert_eq!(a["generated"], "2026-03-02T08:00:00Z");
    assert_eq!(a["generator"]["type"], "Software");
    // §4: a SpecificResource target with the document as its source.
    let source = a["target"]["source"].as_str().unwrap();
    assert!(source.starts_with("file:///"), "{source}");
    assert!(source.is_ascii() && !source.contains(' ') && !source.contains('#'));
    assert!(
        source.ends_with("/%E5%90%89%E9%87%8E%E5%AE%B6%20%231.txt"),
        "{source}"
    );
    let path = std::path::absolute(doc.path.as_ref().unwrap()).unwrap();
    assert_eq!(
        percent_decode(&source["file://".len()..]),
        path.to_str().unwrap()
    );
    // §4.2.4 and §4.2.5: quote and position, in code points: 𠮷 is one
    // code point (two UTF-16 units), so 牛丼 starts at 4, not 5.
    assert_eq!(
        *selector(a, "TextQuoteSelector"),
        json!({
            "type": "TextQuoteSelector",
            "exact": "牛丼",
            "prefix": "𠮷野家的",
            "suffix": "很好吃。\nThe second line is in Engli"
        })
    );
    assert_eq!(
        *selector(a, "TextPositionSelector"),
        json!({"type": "TextPositionSelector", "start": 4, "end": 6})
    );
    let chars: Vec<char> = doc.text().chars().collect();
    assert_eq!(chars[4..6].iter().collect::<String>(), "牛丼");
    assert_eq!("𠮷野家的".encode_utf16().count(), 5, "UTF-16 would say 5");
    // Pizhu's own fields.
    assert_eq!(a["pizhu"]["color"], "green");
    assert_eq!(a["pizhu"]["kind"], "range");
    assert_eq!(a["pizhu"]["raw"], json!({"start": 4, "end": 6}));
}

#[test]
fn language_motivation_creator_and_ids_follow_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let json = export_json(&doc, notes(&doc));

    let english = item(&json, &format!("urn:uuid:{ID_ENGLISH}"));
    assert_eq!(english["body"][0]["language"], "en");
    assert_eq!(english["body"].as_array().unwrap().len(), 1);
    assert_eq!(
        selector(english, "TextQuoteSelector")["exact"],
        "The second line is in English."
    );
    assert_eq!(english["pizhu"]["kind"], "paragraph");
    assert_eq!(english["pizhu"]["color"], "blue");
    assert_eq!(
        english["pizhu"]["note_fields"],
        json!({"x-未來": {"版本": 2}})
    );
    assert_eq!(
        english["pizhu"]["target_fields"],
        json!({"x-選擇器": "保留"})
    );

    // A note with no text is a highlight; its tag is its only body; no
    // author, no creator.
    let highlight = item(&json, &format!("urn:uuid:{ID_HIGHLIGHT}"));
    assert_eq!(highlight["motivation"], "highlighting");
    assert_eq!(
        highlight["body"],
        json!([{"type": "TextualBody", "value": "待查", "purpose": "tagging"}])
    );
    assert!(highlight.get("creator").is_none());

    // A non-UUID id becomes an IRI and comes back.
    let other = item(&json, "urn:pizhu:note:%E7%94%B2-1");
    assert_eq!(other["body"][0]["language"], "zh", "Han and ASCII: zh");
    assert_eq!(
        write::note_id_from_iri("urn:pizhu:note:%E7%94%B2-1"),
        ID_OTHER
    );
    assert_eq!(
        write::note_id_from_iri(&format!("urn:uuid:{ID_BEEF}")),
        ID_BEEF
    );
    assert_eq!(
        write::note_iri("http://example.org/anno1"),
        "http://example.org/anno1"
    );
    assert_eq!(
        write::note_id_from_iri("http://example.org/anno1"),
        "http://example.org/anno1"
    );

    // The orphan keeps its stored target.
    let orphan = item(&json, &format!("urn:uuid:{ID_ORPHAN}"));
    assert_eq!(
        *selector(orphan, "TextQuoteSelector"),
        json!({"type": "TextQuoteSelector", "exact": "這段文字已經刪除", "prefix": "前文"})
    );
    assert_eq!(selector(orphan, "TextPositionSelector")["start"], 500);
    assert_eq!(orphan["pizhu"]["raw"], json!({"start": 600, "end": 612}));
}

#[test]
fn times_are_utc_ending_in_z() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let mut list = notes(&doc);
    list[4].created = "2026-03-01T18:00:00+08:00".into();
    list[4].modified = "2026-03-01T10:00:00.250Z".into();
    list[0].created = "不是時間".into();
    let json = export_json(&doc, list);
    let other = item(&json, "urn:pizhu:note:%E7%94%B2-1");
    assert_eq!(other["created"], "2026-03-01T10:00:00Z");
    assert_eq!(other["modified"], "2026-03-01T10:00:00.250Z");
    // A stored time that is not a time is left out rather than written wrong.
    let beef = item(&json, &format!("urn:uuid:{ID_BEEF}"));
    assert!(beef.get("created").is_none());
    for a in json["first"]["items"].as_array().unwrap() {
        for key in ["created", "modified", "generated"] {
            if let Some(t) = a.get(key) {
                let t = t.as_str().unwrap();
                assert!(t.ends_with('Z'), "{key}: {t}");
                assert!(humantime::parse_rfc3339(t).is_ok(), "{key}: {t}");
            }
        }
    }
    assert_eq!(
        write::utc_z("2026-01-01T00:30:00-01:30").as_deref(),
        Some("2026-01-01T02:00:00Z")
    );
    assert_eq!(write::utc_z("2026-01-01T00:00:00ZZ"), None);
    assert_eq!(write::utc_z("昨天"), None);
}

#[test]
fn a_moved_note_is_exported_where_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let beef = notes(&doc).remove(0);
    // The same file with a line added before: 牛丼 moved 7 chars on.
    let edited_path = dir.path().join("改過.txt");
    std::fs::write(&edited_path, format!("新加的一行。\n{TEXT}")).unwrap();
    let edited = Document::open(&edited_path).unwrap();
    let json = export_json(&edited, vec![beef]);
    let a = &json["first"]["items"][0];
    assert_eq!(
        selector(a, "TextPositionSelector"),
        &json!({"type": "TextPositionSelector", "start": 11, "end": 13})
    );
    assert_eq!(
        selector(a, "TextQuoteSelector")["prefix"],
        "新加的一行。\n𠮷野家的"
    );
}

#[test]
fn the_embedded_article_is_named_by_its_hash() {
    let doc = Document::embedded();
    let json = export_json(
        &doc,
        vec![note(Target::range(&doc, 9, 13), ID_BEEF, "濟寧", "審稿人")],
    );
    assert_eq!(
        json["first"]["items"][0]["target"]["source"],
        format!("urn:sha256:{}", doc.clean_sha256)
    );
    // No notes: a valid empty collection.
    let empty = export_json(&doc, Vec::new());
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["first"]["items"], json!([]));
}

#[test]
fn export_then_import_into_an_empty_review_gives_the_same_notes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let original = notes(&doc);
    let bytes = serde_json::to_vec(&export_json(&doc, original.clone())).unwrap();

    let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
    let incoming = read::read_annotations(&bytes, &doc, store.text_index()).unwrap();
    assert!(incoming.skipped.is_empty(), "{:?}", incoming.skipped);
    let (edit, summary) = merge::plan_merge(&store, incoming);
    store.apply(edit).unwrap();
    assert_eq!(
        (summary.imported, summary.duplicates, summary.orphaned),
        (5, 0, 1)
    );
    assert_eq!(summary.orphan_ids, [ID_ORPHAN]);
    for n in &original {
        let back = store
            .note(&n.id)
            .unwrap_or_else(|| panic!("{} missing", n.id));
        // Field by field first, for a readable failure; then all of it.
        assert_eq!(back.body, n.body);
        assert_eq!(back.tags, n.tags);
        assert_eq!(back.target.quote, n.target.quote);
        assert_eq!(back.target.position, n.target.position);
        assert_eq!(back.target.raw, n.target.raw);
        assert_eq!((&back.created, &back.modified), (&n.created, &n.modified));
        assert_eq!(back, n);
    }
    assert_eq!(store.notes().len(), original.len());

    // Importing it again adds nothing.
    let incoming = read::read_annotations(&bytes, &doc, store.text_index()).unwrap();
    let (edit, summary) = merge::plan_merge(&store, incoming);
    let rev = store.revision();
    store.apply(edit).unwrap();
    assert_eq!((summary.imported, summary.duplicates), (0, 5));
    assert_eq!(store.revision(), rev);
    assert_eq!(summary.to_string(), "0 imported, 5 duplicates skipped");
}

/// Python with what the suite runner needs, or why there is none.
fn suite_python() -> Result<(String, PathBuf, PathBuf), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let suite = root.join("w3c-web-annotation-tests");
    let runner = root.join("tools/validate_w3c.py");
    if !suite.join("definitions").is_dir() || !runner.is_file() {
        return Err(format!(
            "the W3C test suite is not at {} (with tools/validate_w3c.py beside it)",
            suite.display()
        ));
    }
    let python = std::env::var("PIZHU_W3C_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "python3".to_owned());
    // Without rfc3987 and rfc3339-validator, jsonschema skips the `uri`
    // and `date-time` checks silently: that would not be the suite.
    let check = Command::new(&python)
        .args([
            "-c",
            "import jsonschema, referencing, rfc3987, rfc3339_validator",
        ])
        .output();
    match check {
        Ok(out) if out.status.success() => Ok((python, suite, runner)),
        Ok(out) => Err(format!(
            "{python} lacks jsonschema, referencing, rfc3987 or rfc3339-validator ({}); \
             set PIZHU_W3C_PYTHON to a Python that has them (see .ci/run)",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        )),
        Err(e) => Err(format!("cannot run {python}: {e}")),
    }
}

/// Runs the suite runner on `file` with `tests`; returns its output.
fn run_suite(python: &str, suite: &Path, runner: &Path, file: &Path, tests: &[&str]) -> String {
    let out = Command::new(python)
        .arg(runner)
        .arg(suite)
        .arg(file)
        .args(tests)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "MUST assertions failed for {}:\n{text}{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("0 must-failures"), "{text}");
    text
}

#[test]
fn the_w3c_test_suite_passes_its_must_assertions() {
    let (python, suite, runner) = match suite_python() {
        Ok(found) => found,
        Err(why) => {
            println!("skipped: {why}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let doc = document(dir.path());
    let embedded = Document::embedded();
    let exports = [
        ("file", export_json(&doc, notes(&doc))),
        (
            "embedded",
            export_json(
                &embedded,
                vec![note(
                    Target::range(&embedded, 9, 13),
                    ID_BEEF,
                    "濟寧",
                    "審稿人",
                )],
            ),
        ),
        ("empty", export_json(&embedded, Vec::new())),
    ];
    let mut checked = 0;
    for (name, json) in &exports {
        let collection = dir.path().join(format!("{name}-collection.json"));
        std::fs::write(&collection, serde_json::to_vec_pretty(json).unwrap()).unwrap();
        let out = run_suite(
            &python,
            &suite,
            &runner,
            &collection,
            &[
                "collections/collectionMusts.test",
                "collections/pages/pageMusts.test",
            ],
        );
        println!("{name} collection and page:\n{out}");
        // The page on its own, as a client fetching it would see it.
        let mut page = json["first"].clone();
        page["@context"] = Value::from(CONTEXT);
        let page_file = dir.path().join(format!("{name}-page.json"));
        std::fs::write(&page_file, serde_json::to_vec_pretty(&page).unwrap()).unwrap();
        run_suite(
            &python,
            &suite,
            &runner,
            &page_file,
            &["collections/pages/pageMusts.test"],
        );
        // One annotation per file, with its @context, as the suite wants.
        for (i, a) in json["first"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let mut a = a.clone();
            a["@context"] = Value::from(CONTEXT);
            let file = dir.path().join(format!("{name}-annotation-{i}.json"));
            std::fs::write(&file, serde_json::to_vec_pretty(&a).unwrap()).unwrap();
            let out = run_suite(
                &python,
                &suite,
                &runner,
                &file,
                &["annotations/annotationMusts.test"],
            );
            println!("{name} annotation {i} ({}):\n{out}", a["id"]);
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}

/// `pizhu import` of every text selector form into the embedded article:
/// each note lands on the range counted by hand in its clean text (its
/// first line is "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議,…",
/// 172 chars; the second paragraph, from 173, "馬平昌代表市委、市政府對省
/// 人社廳多年來…"), and selectors Pizhu does not read are named.
#[test]
fn import_reads_every_text_selector_form() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("選擇器.jsonld");
    let notes = dir.path().join("審閱.pizhu.json");
    let on = |source: &str, id: &str, selector: Value| {
        json!({"id": id, "type": "Annotation", "bodyValue": id,
               "target": {"source": source, "selector": selector}})
    };
    let anno = |id: &str, selector: Value| on("file:///審閱/article.txt", id, selector);
    let annotations = json!([
        anno(
            "範圍",
            json!({"type": "RangeSelector",
            "startSelector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"},
            "endSelector": {"type": "TextPositionSelector", "start": 21, "end": 27}})
        ),
        anno(
            "細化",
            json!({"type": "TextPositionSelector", "start": 173, "end": 214,
            "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}})
        ),
        anno(
            "位置",
            json!({"type": "TextPositionSelector", "start": 9, "end": 29,
            "refinedBy": {"type": "TextPositionSelector", "start": 5, "end": 10}})
        ),
        anno(
            "提示",
            json!([{"type": "TextQuoteSelector", "exact": "人社廳"},
            {"type": "TextPositionSelector", "start": 147, "end": 150}])
        ),
        anno(
            "路徑",
            json!({"type": "XPathSelector", "value": "/html/body/p[1]"})
        ),
        // A quote alone that occurs three times, nothing telling them
        // apart: ambiguous, never silently the first; with a prefix, exact.
        anno(
            "三處",
            json!({"type": "TextQuoteSelector", "exact": "十八大"})
        ),
        anno(
            "前文",
            json!({"type": "TextQuoteSelector", "exact": "十八大", "prefix": "濟寧將以"})
        ),
        // On another document only quotes hold: a range of two quotes.
        on(
            "http://example.org/別處",
            "別處",
            json!({"type": "RangeSelector",
            "startSelector": {"type": "TextQuoteSelector", "exact": "省人社廳", "suffix": "多年來"},
            "endSelector": {"type": "TextQuoteSelector", "exact": "濟寧工作"}})
        ),
    ]);
    std::fs::write(&file, annotations.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args([
            "import".as_ref(),
            file.as_os_str(),
            "--notes".as_ref(),
            notes.as_os_str(),
        ])
        .env("PIZHU_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("8 imported, 1 orphaned (not found in the text), 1 ambiguous (placed at the first of several places; check them)"),
        "{err}"
    );
    assert!(
        err.contains(
            "pizhu: skipped “路徑”: its selectors (XPathSelector) are not text selectors Pizhu \
             reads, so the note is imported with no place in the text (orphaned)"
        ),
        "{err}"
    );
    assert!(
        err.contains("pizhu: ambiguous note 三處 “十八大”: ambiguous: the quote fits 3 places"),
        "{err}"
    );
    let saved: Value = serde_json::from_slice(&std::fs::read(&notes).unwrap()).unwrap();
    let placed = |id: &str| {
        let note = saved["notes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap();
        let target = &note["target"];
        (
            target["position"]["start"].as_u64().unwrap(),
            target["position"]["end"].as_u64().unwrap(),
            target["quote"]["exact"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(
        placed("範圍"),
        (9, 27, "濟寧市政府與省人社廳簽署合作框架協議".into())
    );
    assert_eq!(placed("細化"), (186, 189, "人社廳".into()));
    assert_eq!(placed("位置"), (14, 19, "與省人社廳".into()));
    assert_eq!(placed("提示"), (148, 151, "人社廳".into()));
    assert_eq!(placed("路徑").2, "");
    assert_eq!(
        placed("別處"),
        (185, 197, "省人社廳多年來對濟寧工作".into())
    );
    // 十八大 stands at chars 546, 688 and 792 of the clean article.
    assert_eq!(placed("三處"), (546, 549, "十八大".into()));
    let target = |id: &str| {
        saved["notes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap()["target"]
            .clone()
    };
    assert_eq!(target("三處")["position_guessed"], true);
    assert!(target("前文").get("position_guessed").is_none());

    // Every export says so, and why the XPath note has no place.
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(["export", "--format", "csv", "--notes"])
        .arg(&notes)
        .env("PIZHU_DATA_DIR", dir.path())
        .output()
        .unwrap();
    // Exit 1: written, with an orphan reported on stderr.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = |id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap()
            .to_owned()
    };
    assert!(
        row("三處").contains(",ambiguous,yes,\"ambiguous: the quote fits 3 places equally well"),
        "{csv}"
    );
    let (start, end) = (688, 691);
    assert!(
        row("前文").contains(&format!(",{start},{end},十八大,前文,"))
            && row("前文").contains(",exact,no,"),
        "{csv}"
    );
    // The W3C export gives the ambiguous note no position, so importing it
    // again keeps it ambiguous.
    let exported = dir.path().join("匯出.jsonld");
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(["export", "--format", "w3c", "--notes"])
        .arg(&notes)
        .arg("-o")
        .arg(&exported)
        .env("PIZHU_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let w3c: Value = serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    let three = w3c["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["body"][0]["value"] == "三處")
        .unwrap();
    assert_eq!(three["target"]["selector"].as_array().unwrap().len(), 1);
    assert_eq!(three["pizhu"]["anchoring"]["status"], "ambiguous");
    assert_eq!(three["pizhu"]["anchoring"]["places"], 3);
    let again = dir.path().join("再次.pizhu.json");
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .arg("import")
        .arg(&exported)
        .arg("--notes")
        .arg(&again)
        .env("PIZHU_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 ambiguous"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        row("路徑").contains(
            "orphaned,yes,\"orphaned: the annotation places the note with selectors Pizhu does not \
             read (XPathSelector), not by its text"
        ),
        "{csv}"
    );
}
