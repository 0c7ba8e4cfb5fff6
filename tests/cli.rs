//! The `pizhu` binary as a script would call it: no display needed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::process::Command;

fn pizhu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pizhu"))
}

const ARTICLE: &str = include_str!("../assets/article.txt");

#[test]
fn text_prints_the_clean_article() {
    let out = pizhu().arg("text").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.chars().count(), 1354);
    assert!(text.starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議"));
    assert!(!text.contains('\r'));
}

#[test]
fn text_of_encoded_copies_is_the_same() {
    let clean = pizhu().arg("text").output().unwrap().stdout;
    let dir = std::env::temp_dir().join(format!("pizhu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(ARTICLE);
    let big5 = big5_hkscs(ARTICLE);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in ARTICLE.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let crlf = ARTICLE.replace('\n', "\r\n").into_bytes();
    for (name, bytes) in [
        ("gb18030.txt", gb.into_owned()),
        ("big5.txt", big5),
        ("utf16le.txt", utf16),
        ("crlf.txt", crlf),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = pizhu().arg("text").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout == clean, "{name} prints a different text");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Big5 with the HKSCS extension for the tone-marked pinyin letters, as a Hong
/// Kong scrape of the article would be saved. encoding_rs decodes HKSCS but its
/// encoder (WHATWG) leaves it out, so build the reverse table from the decoder.
fn big5_hkscs(text: &str) -> Vec<u8> {
    let mut table = std::collections::HashMap::new();
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
            let pair = [lead, trail];
            let (s, bad) = encoding_rs::BIG5.decode_without_bom_handling(&pair);
            let mut chars = s.chars();
            if let (false, Some(c), None) = (bad, chars.next(), chars.next()) {
                table.entry(c).or_insert([lead, trail]);
            }
        }
    }
    let mut out = Vec::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            out.extend_from_slice(
                table
                    .get(&c)
                    .unwrap_or_else(|| panic!("{c} has no Big5 code")),
            );
        }
    }
    out
}

#[test]
fn errors_go_to_stderr_with_exit_code_2_and_name_the_file() {
    let dir = std::env::temp_dir().join(format!("pizhu-cli-err-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("空.txt");
    std::fs::write(&empty, b"").unwrap();
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, b"PK\x03\x04\0\0\x14\0").unwrap();
    for path in [empty, binary, dir.join("missing.txt")] {
        let out = pizhu().arg("text").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.trim_end().ends_with(&path.display().to_string()),
            "{err}"
        );
    }
    let out = pizhu().arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// `pizhu timeline` with a fresh data folder (no notes anywhere) and the
/// given extra arguments; its stdout parsed as JSON.
fn timeline_json(dir: &std::path::Path, extra: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = pizhu()
        .arg("timeline")
        .args(extra)
        .env("PIZHU_DATA_DIR", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn timeline_prints_the_shipped_events_with_evidence_positions() {
    let dir = std::env::temp_dir().join(format!("pizhu-cli-timeline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clean: Vec<char> = String::from_utf8(pizhu().arg("text").output().unwrap().stdout)
        .unwrap()
        .chars()
        .collect();
    let json = timeline_json(&dir, &[]);
    assert_eq!(json["document"], "article.txt");
    assert_eq!(json["source"], "shipped");
    assert_eq!(json["date_label"], "12月11日");
    assert_eq!(json["year"]["certainty"], "inferred");
    let events = json["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(&kinds[..2], ["site_visit", "site_visit"], "{kinds:?}");
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["order"], i + 1);
    }
    let signing = events.iter().find(|e| e["kind"] == "signing").unwrap();
    let signers: Vec<&str> = signing["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(signers, ["劉中會", "黃麟英"]);
    let mut quotes = 0;
    for e in events {
        for ev in e["evidence"].as_array().unwrap() {
            let (s, t) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
            let slice: String = clean[s as usize..t as usize].iter().collect();
            assert_eq!(slice, ev["quote"].as_str().unwrap());
            quotes += 1;
        }
    }
    assert!(quotes >= events.len());
    for p in json["people"].as_array().unwrap() {
        let mentions = p["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty(), "{}", p["name"]);
        for m in mentions {
            let (s, t) = (m[0].as_u64().unwrap(), m[1].as_u64().unwrap());
            let slice: String = clean[s as usize..t as usize].iter().collect();
            assert_eq!(slice, p["name"].as_str().unwrap());
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn timeline_reads_the_edited_one_from_the_notes_file() {
    let dir = std::env::temp_dir().join(format!("pizhu-cli-timeline-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A review file whose timeline keeps only the signing, with an extra field.
    let shipped = timeline_json(&dir, &[]);
    let doc_text = String::from_utf8(pizhu().arg("text").output().unwrap().stdout).unwrap();
    let quote = "市委常委、常務副市長劉中會與省人社廳黨組副書記、副廳長黃麟英代表雙方簽署協議。";
    let start = doc_text[..doc_text.find(quote).unwrap()].chars().count();
    let end = start + quote.chars().count();
    let sha = |b: &[u8]| {
        use sha2::Digest as _;
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
    };
    let review = serde_json::json!({
        "format": "pizhu-review",
        "version": 1,
        "document": {
            "name": "article.txt",
            "raw_sha256": sha(ARTICLE.as_bytes()),
            "clean_sha256": sha(doc_text.as_bytes()),
            "chars": doc_text.chars().count()
        },
        "notes": [],
        "timeline": {
            "date_label": "12月11日",
            "events": [{
                "id": "只有簽署",
                "phase": "ceremony",
                "time_label": "12月11日下午",
                "kind": "signing",
                "title": "簽署",
                "participants": [{"person": "劉中會", "role": "簽署"}],
                "evidence": [{
                    "kind": "range",
                    "quote": {"exact": quote, "prefix": "", "suffix": ""},
                    "position": {"start": start, "end": end},
                    "raw": {"start": 0, "end": 0}
                }],
                "certainty": "stated",
                "x-自訂": true
            }],
            "people": [{"id": "劉中會", "name": "劉中會"}]
        }
    });
    let notes = dir.join("審閱.pizhu.json");
    std::fs::write(&notes, serde_json::to_string_pretty(&review).unwrap()).unwrap();
    let json = timeline_json(&dir, &["--notes".as_ref(), notes.as_os_str()]);
    assert_eq!(json["source"], "edited");
    assert!(json.get("year").is_none());
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["evidence"][0]["start"], start);
    assert_eq!(events[0]["participants"][0]["name"], "劉中會");
    assert_ne!(json, shipped);
    // The notes file is only read.
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        serde_json::to_string_pretty(&review).unwrap()
    );

    // A damaged notes file is an error, not a silent fallback.
    std::fs::write(&notes, "{ 壞了").unwrap();
    let out = pizhu()
        .args(["timeline", "--notes"])
        .arg(&notes)
        .env("PIZHU_DATA_DIR", &dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("damaged"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn timeline_of_another_document_is_empty() {
    let dir = std::env::temp_dir().join(format!("pizhu-cli-timeline-other-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let other = dir.join("別的.txt");
    std::fs::write(&other, "另一篇文章,沒有時間線。\n").unwrap();
    let json = timeline_json(&dir, &[other.as_os_str()]);
    assert_eq!(json["source"], "empty");
    assert_eq!(json["date_label"], "");
    assert!(json["events"].as_array().unwrap().is_empty());
    assert!(json["people"].as_array().unwrap().is_empty());
    let out = pizhu()
        .arg("timeline")
        .arg(dir.join("missing.txt"))
        .env("PIZHU_DATA_DIR", &dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .trim_end()
            .ends_with("missing.txt")
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A review of the embedded article with two notes (one on a paragraph,
/// with a tag) and, when `with_orphan`, a third whose words are gone.
fn review_of_the_article(with_orphan: bool) -> String {
    use pizhu::core::file::review::ReviewFile;
    use pizhu::core::notes::note::{Note, Target, TextPosition};
    use pizhu::core::text::document::Document;
    let doc = Document::embedded();
    let mut review = ReviewFile::new(&doc);
    let mut first = Note::new(
        Target::range(&doc, 9, 14),
        "濟寧市政府：全稱".into(),
        "審稿人".into(),
    );
    first.id = "4f3c1a2b-0d5e-4c6f-8a9b-1c2d3e4f5a6b".into();
    first.tags = vec!["機構".into()];
    let mut second = Note::new(
        Target::paragraph(&doc, 5).unwrap(),
        "結尾段落".into(),
        "審稿人".into(),
    );
    second.id = "0a1b2c3d-4e5f-4a7b-9c8d-e0f1a2b3c4d5".into();
    review.notes = vec![first, second];
    if with_orphan {
        let mut lost = Note::new(Target::range(&doc, 0, 2), "孤兒".into(), "審稿人".into());
        lost.target.quote.exact = "這句話已經不在文章裡了".into();
        lost.target.quote.prefix = "毫不相干".into();
        lost.target.quote.suffix = "也不相干".into();
        lost.target.position = TextPosition {
            start: 5000,
            end: 5011,
        };
        review.notes.push(lost);
    }
    review.to_json()
}

/// `pizhu ARGS` with a private data folder.
fn run(data: &std::path::Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    pizhu()
        .args(args)
        .env("PIZHU_DATA_DIR", data)
        .output()
        .unwrap()
}

#[test]
fn export_writes_w3c_to_a_file_or_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("審閱.pizhu.json");
    // Kept to compare with: a second call could carry other creation times.
    let review = review_of_the_article(false);
    std::fs::write(&notes, &review).unwrap();
    let folder = dir.path().join("匯出");
    let out_file = folder.join("批注.jsonld");
    let out = run(
        dir.path(),
        &[
            "export".as_ref(),
            "--format".as_ref(),
            "w3c".as_ref(),
            "--notes".as_ref(),
            notes.as_os_str(),
            "-o".as_ref(),
            out_file.as_os_str(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    // The one line on stderr says which folder was made for the export.
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        said.trim_end(),
        format!(
            "pizhu: created the folder {} for the export",
            folder.display()
        )
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(written["type"], "AnnotationCollection");
    assert_eq!(written["total"], 2);
    let first = &written["first"]["items"][0];
    assert_eq!(first["id"], "urn:uuid:4f3c1a2b-0d5e-4c6f-8a9b-1c2d3e4f5a6b");
    assert_eq!(first["body"][1]["value"], "機構");
    // The temporary file was renamed over the export: nothing else is left.
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1);

    // Without -o, the same export on stdout (W3C is the default format).
    let out = run(
        dir.path(),
        &["export".as_ref(), "--notes".as_ref(), notes.as_os_str()],
    );
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The same items, but for when each export was made (to the second).
    let without_time = |v: &serde_json::Value| {
        let mut items = v["first"]["items"].clone();
        for item in items.as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("generated");
        }
        items
    };
    assert_eq!(without_time(&printed), without_time(&written));
    // The notes file is only read.
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), review);
}

#[test]
fn export_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("審閱.pizhu.json");
    std::fs::write(&notes, review_of_the_article(false)).unwrap();
    for format in ["markdown", "csv", "html", "json", "w3c"] {
        let out = run(
            dir.path(),
            &[
                "export".as_ref(),
                "--format".as_ref(),
                format.as_ref(),
                "--notes".as_ref(),
                notes.as_os_str(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("濟寧市政府：全稱"), "{format}: {text}");
    }
    let out = run(
        dir.path(),
        &[
            "export".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--notes".as_ref(),
            notes.as_os_str(),
        ],
    );
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["format"], "pizhu-review");
    assert_eq!(review["notes"].as_array().unwrap().len(), 2);
}

#[test]
fn export_with_orphans_finishes_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("審閱.pizhu.json");
    std::fs::write(&notes, review_of_the_article(true)).unwrap();
    let out_file = dir.path().join("批注.jsonld");
    let out = run(
        dir.path(),
        &[
            "export".as_ref(),
            "--notes".as_ref(),
            notes.as_os_str(),
            "--output".as_ref(),
            out_file.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("1 note is not found in the text (orphaned)"),
        "{err}"
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(written["total"], 3);
    let orphan = &written["first"]["items"][2];
    assert_eq!(orphan["target"]["selector"][1]["start"], 5000);
}

#[test]
fn export_errors_write_nothing_and_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("審閱.pizhu.json");
    std::fs::write(&notes, review_of_the_article(false)).unwrap();
    // An unknown format.
    let out = run(
        dir.path(),
        &["export".as_ref(), "--format".as_ref(), "pdf".as_ref()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown export format")
    );
    // A file where the folder should be.
    let blocker = dir.path().join("檔案");
    std::fs::write(&blocker, "不是資料夾").unwrap();
    let target = blocker.join("批注.jsonld");
    let out = run(
        dir.path(),
        &[
            "export".as_ref(),
            "--notes".as_ref(),
            notes.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("pizhu: could not write the export"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&target.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "不是資料夾");
    // A damaged notes file.
    std::fs::write(&notes, "{ 壞了").unwrap();
    let out = run(
        dir.path(),
        &["export".as_ref(), "--notes".as_ref(), notes.as_os_str()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr).unwrap().contains("damaged"));
}

#[test]
fn import_merges_an_export_into_another_review() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("來源.pizhu.json");
    std::fs::write(&source, review_of_the_article(false)).unwrap();
    let exported = dir.path().join("批注.jsonld");
    let out = run(
        dir.path(),
        &[
            "export".as_ref(),
            "--notes".as_ref(),
            source.as_os_str(),
            "-o".as_ref(),
            exported.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));

    // Into a review that does not exist yet.
    let target = dir.path().join("新的.pizhu.json");
    let import = |file: &std::path::Path| {
        run(
            dir.path(),
            &[
                "import".as_ref(),
                file.as_os_str(),
                "--notes".as_ref(),
                target.as_os_str(),
            ],
        )
    };
    let out = import(&exported);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        summary.trim_end(),
        format!("2 imported: {}", target.display())
    );
    let read = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    assert_eq!(read(&target)["notes"], read(&source)["notes"]);

    // Again: nothing new, and exit code 1 says the items were skipped.
    let before = std::fs::read(&target).unwrap();
    let out = import(&exported);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("0 imported, 2 duplicates skipped")
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);

    // A Pizhu review file imports too.
    let other = dir.path().join("別人的.pizhu.json");
    std::fs::write(&other, review_of_the_article(true)).unwrap();
    let out = import(&other);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("1 imported, 2 duplicates skipped, 1 orphaned")
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("orphaned note") && err.contains("這句話已經不在文章裡了"),
        "{err}"
    );
    assert_eq!(read(&target)["notes"].as_array().unwrap().len(), 3);
}

#[test]
fn import_reports_skipped_items_and_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("審閱.pizhu.json");
    let file = dir.path().join("批注.json");
    let import = || {
        run(
            dir.path(),
            &[
                "import".as_ref(),
                file.as_os_str(),
                "--notes".as_ref(),
                target.as_os_str(),
            ],
        )
    };
    std::fs::write(
        &file,
        serde_json::json!({
            "type": "AnnotationPage",
            "items": [
                {"type": "Annotation", "bodyValue": "有選擇器",
                 "target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "人社廳"}}},
                "http://example.org/anno-only-linked"
            ]
        })
        .to_string(),
    )
    .unwrap();
    let out = import();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            // 人社廳 alone occurs several times: nothing tells them apart.
            .starts_with(
                "1 imported, 1 ambiguous (placed at the first of several places; check them), \
                 1 unusable item skipped"
            )
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "pizhu: skipped “http://example.org/anno-only-linked”: the annotation is only linked"
        ),
        "{err}"
    );
    let saved = std::fs::read(&target).unwrap();

    // Not JSON, other JSON, no file: exit 2, the notes untouched.
    for (bytes, expected) in [
        (&b"{\n  \"type\": \"Annotation\",,\n}"[..], "line 2, column"),
        (&br#"{"name": "x"}"#[..], "no W3C Web Annotations"),
    ] {
        std::fs::write(&file, bytes).unwrap();
        let out = import();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "{err}");
        assert!(
            err.trim_end().ends_with(&file.display().to_string()),
            "{err}"
        );
        assert_eq!(std::fs::read(&target).unwrap(), saved);
    }
    std::fs::remove_file(&file).unwrap();
    let out = import();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("pizhu: could not read the annotations file"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&file.display().to_string()),
        "{err}"
    );
    let out = run(dir.path(), &["import".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&target).unwrap(), saved);
}

/// A build without the window (`--no-default-features`) still has every
/// command; asked for the window, it says it has none and exits 2.
#[cfg(not(feature = "gui"))]
#[test]
fn a_build_without_the_window_says_so() {
    for args in [&[][..], &["文章.txt"][..]] {
        let out = pizhu().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("built without the window"), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = pizhu().arg("text").output().unwrap();
    assert!(out.status.success());
}
