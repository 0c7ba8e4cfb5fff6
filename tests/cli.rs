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
