//! The `pizhu` binary as a script would call it: no display needed.

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
    let (big5, _, bad) = encoding_rs::BIG5.encode(ARTICLE);
    assert!(!bad, "the article maps to Big5");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in ARTICLE.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let crlf = ARTICLE.replace('\n', "\r\n").into_bytes();
    for (name, bytes) in [
        ("gb18030.txt", gb.into_owned()),
        ("big5.txt", big5.into_owned()),
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
