//! Encodings through the real binary: UTF-16 without a byte-order mark is
//! detected, garbled text is refused (never shown as mojibake), and
//! `--encoding NAME` reads a file in the encoding the user names, on every
//! command that reads a document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pizhu::core::file::locate;

const ARTICLE: &str = include_str!("../assets/article.txt");

fn run(data: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .env(locate::DATA_DIR_ENV, data)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The clean text `pizhu text` prints for the article.
fn clean_article(data: &Path) -> Vec<u8> {
    let out = run(data, &["text".as_ref()]);
    assert!(out.status.success());
    out.stdout
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_without_a_bom_opens_as_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let clean = clean_article(dir.path());
    for (name, big_endian) in [("小端.txt", false), ("大端.txt", true)] {
        let path = write(dir.path(), name, &utf16(ARTICLE, big_endian));
        let out = run(dir.path(), &["text".as_ref(), path.as_os_str()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
        assert!(out.stdout == clean, "{name} decodes to the article");
    }
}

#[test]
fn garbled_utf8_is_refused_naming_the_candidates() {
    let dir = tempfile::tempdir().unwrap();
    // A bad two-byte fragment at the end of every line: far beyond the
    // "a few replaced" rule.
    let mut bytes = Vec::new();
    for line in ARTICLE.lines() {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(&[0xE6, 0xBF, b'\n']);
    }
    let path = write(dir.path(), "亂碼.txt", &bytes);
    for cmd in ["text", "timeline", "export"] {
        let out = run(dir.path(), &[cmd.as_ref(), path.as_os_str()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(
            err.starts_with(
                "pizhu: cannot open the document: no encoding decodes the file cleanly \
                 (as UTF-8 it has 6 malformed byte sequences"
            ),
            "{err}"
        );
        assert!(
            err.contains(
                "so Pizhu does not guess; name its encoding with --encoding NAME \
                 (in the window: File → Reopen with Encoding…)"
            ),
            "{err}"
        );
        assert!(
            err.trim_end().ends_with(&path.display().to_string()),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // Named, it opens with each bad sequence replaced, and a warning.
    let out = run(
        dir.path(),
        &[
            "text".as_ref(),
            "--encoding".as_ref(),
            "utf-8".as_ref(),
            path.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.matches('\u{FFFD}').count(), 6);
    assert!(
        stderr(&out).starts_with(
            "pizhu: warning: decoding it as UTF-8, 6 malformed byte sequences were replaced"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn encoding_names_the_encoding_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let clean = clean_article(dir.path());
    let (gb, _, _) = encoding_rs::GB18030.encode(ARTICLE);
    let path = write(dir.path(), "國標.txt", &gb);
    let enc = |name: &str, cmd: &[&OsStr]| {
        let mut args: Vec<&OsStr> = cmd.to_vec();
        args.extend(["--encoding".as_ref(), OsStr::new(name)]);
        run(dir.path(), &args)
    };
    let out = enc("gb18030", &["text".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    assert!(out.stdout == clean);
    for cmd in ["timeline", "export"] {
        let out = enc("GB18030", &[cmd.as_ref(), path.as_os_str()]);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", stderr(&out));
    }
    // The wrong encoding named: the text is shown as the user asked, with
    // a warning that says how many sequences were replaced.
    let out = enc("big5", &["text".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.starts_with("pizhu: warning: decoding it as Big5, "),
        "{err}"
    );
    assert!(
        err.contains("if the text looks wrong, choose another encoding"),
        "{err}"
    );
    // An unknown name: exit 2, valid names listed, nothing read or written.
    let out = enc("漢字碼", &["text".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).starts_with(
            "pizhu: unknown encoding \"漢字碼\"; use an encoding name such as utf-8, \
             utf-16le, utf-16be, gb18030, gbk, big5"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), gb.as_ref());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no notes file written: {names:?}");
}

#[test]
fn a_single_byte_guess_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Le comité s'est réuni à Jining; café, crème brûlée.\n".repeat(10);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let path = write(dir.path(), "latin.txt", &bytes);
    let out = run(dir.path(), &["text".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout.clone()).unwrap(), text);
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "pizhu: warning: the encoding was guessed as windows-1252; if the text looks \
             wrong, name its encoding with --encoding NAME"
        ),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}
