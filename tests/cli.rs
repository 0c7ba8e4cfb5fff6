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
