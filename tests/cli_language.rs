//! The CLI for readers of Chinese, through the real binary: `--lang` and the
//! locale choose the reports' language, report times are local (the `TZ`
//! zone) with their offset, and `pizhu text --script` converts the text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::Path;
use std::process::{Command, Output};

use pizhu::core::file::review::ReviewFile;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::text::document::Document;

/// `pizhu ARGS` with a private data folder, the locale variables `locale`
/// (all others removed) and the time zone `tz` (a POSIX rule, so no zone
/// database is needed: `CST-8` is UTC+8).
fn pizhu(data: &Path, locale: &[(&str, &str)], tz: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pizhu"));
    cmd.args(args)
        .env("PIZHU_DATA_DIR", data)
        .env("TZ", tz)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE");
    for (name, value) in locale {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

/// A notes file on the embedded article with one note made at a known UTC
/// time; its path.
fn notes_file(dir: &Path) -> String {
    let doc = Document::embedded();
    let mut review = ReviewFile::new(&doc);
    let mut note = Note::new(
        Target::range(&doc, 9, 14),
        "濟寧市政府：全稱".into(),
        "審稿人".into(),
    );
    note.created = "2026-11-30T20:22:23Z".into();
    note.modified = "2026-12-01T05:05:00Z".into();
    review.notes = vec![note];
    let path = dir.join("審閱.pizhu.json");
    std::fs::write(&path, review.to_json()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn lang_gives_a_chinese_report_with_local_times() {
    let dir = tempfile::tempdir().unwrap();
    let notes = notes_file(dir.path());
    let before = std::fs::read(&notes).unwrap();
    let args = ["export", "--format", "markdown", "--notes", &notes];
    let out = pizhu(
        dir.path(),
        &[("LANG", "en_US.UTF-8")],
        "CST-8",
        &[&args[..], &["--lang", "zh-Hant"]].concat(),
    );
    let md = stdout(&out);
    assert!(md.starts_with("# 審閱報告：article.txt\n"), "{md}");
    assert!(md.contains("### 第 1 段\n"), "{md}");
    assert!(md.contains("- 顏色：黃色\n"), "{md}");
    assert!(md.contains("- 標籤：無\n"), "{md}");
    // Stored 2026-11-30T20:22:23Z, read in UTC+8.
    assert!(
        md.contains("建立於 2026-12-01 04:22 (UTC+8)，修改於 2026-12-01 13:05 (UTC+8)"),
        "{md}"
    );
    assert!(md.contains("(UTC+8)\n- 批注：1 則"), "{md}");
    // The stored times stay UTC.
    assert_eq!(std::fs::read(&notes).unwrap(), before);

    let out = pizhu(
        dir.path(),
        &[],
        "CST-8",
        &[&args[..], &["--lang", "zh-Hans"]].concat(),
    );
    assert!(stdout(&out).starts_with("# 审阅报告：article.txt\n"));
    // CSV: the header for people, the values as data.
    let out = pizhu(
        dir.path(),
        &[],
        "UTC0",
        &[
            "export", "--format", "csv", "--notes", &notes, "--lang", "zh-Hans",
        ],
    );
    let csv = stdout(&out);
    assert!(
        csv.starts_with("\u{feff}编号,段落,起点,终点,引文,"),
        "{csv}"
    );
    assert!(
        csv.contains(",yellow,審稿人,2026-11-30T20:22:23Z,"),
        "{csv}"
    );
}

#[test]
fn the_locale_chooses_the_language_when_lang_is_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let notes = notes_file(dir.path());
    let args = ["export", "--format", "markdown", "--notes", &notes];
    let title = |locale: &[(&str, &str)]| {
        let md = stdout(&pizhu(dir.path(), locale, "UTC0", &args));
        md.lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(title(&[("LANG", "zh_TW.UTF-8")]), "# 審閱報告：article.txt");
    assert_eq!(title(&[("LANG", "zh_CN.UTF-8")]), "# 审阅报告：article.txt");
    assert_eq!(title(&[("LANG", "en_US.UTF-8")]), "# Review of article.txt");
    assert_eq!(title(&[]), "# Review of article.txt");
    assert_eq!(title(&[("LANG", "C")]), "# Review of article.txt");
    // LC_ALL before LC_MESSAGES before LANG.
    assert_eq!(
        title(&[("LC_ALL", "zh_HK.UTF-8"), ("LANG", "en_US.UTF-8")]),
        "# 審閱報告：article.txt"
    );
    assert_eq!(
        title(&[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        "# Review of article.txt"
    );
    // --lang wins over the locale.
    let md = stdout(&pizhu(
        dir.path(),
        &[("LANG", "zh_TW.UTF-8")],
        "UTC0",
        &[&args[..], &["--lang", "en"]].concat(),
    ));
    assert!(md.starts_with("# Review of article.txt\n"));
    assert!(md.contains("created 2026-11-30 20:22 (UTC), modified 2026-12-01 05:05 (UTC)"));
}

#[test]
fn an_unknown_language_or_script_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let notes = notes_file(dir.path());
    let before = std::fs::read(&notes).unwrap();
    for (args, said) in [
        (
            &["export", "--lang", "fr", "--notes", &notes][..],
            "pizhu: unknown language \"fr\"; use one of: en, zh-Hant, zh-Hans",
        ),
        (
            &["text", "--script", "hant"][..],
            "pizhu: unknown script \"hant\"; use simplified or traditional",
        ),
        (
            &["text", "--lang", "zh-Hant"][..],
            "pizhu: --lang is an option of `pizhu export`, `pizhu timeline` and `pizhu import`",
        ),
    ] {
        let out = pizhu(dir.path(), &[], "UTC0", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(said), "{err}");
        assert!(err.contains("Usage:"), "{err}");
    }
    assert_eq!(std::fs::read(&notes).unwrap(), before);
}

#[test]
fn text_script_prints_simplified_or_traditional() {
    let dir = tempfile::tempdir().unwrap();
    let as_written = stdout(&pizhu(dir.path(), &[], "UTC0", &["text"]));
    let simplified = stdout(&pizhu(
        dir.path(),
        &[],
        "UTC0",
        &["text", "--script", "simplified"],
    ));
    assert!(simplified.starts_with("12月11日下午,济宁市政府与省人社厅签署合作框架协议"));
    assert_eq!(simplified.chars().count(), as_written.chars().count());
    // A simplified file printed in traditional characters.
    let file = dir.path().join("简体.txt");
    std::fs::write(&file, "济宁市政府与省人社厅签署协议。\n").unwrap();
    let traditional = stdout(&pizhu(
        dir.path(),
        &[],
        "UTC0",
        &["text", "--script", "traditional", file.to_str().unwrap()],
    ));
    assert_eq!(traditional, "濟寧市政府與省人社廳簽署協議。\n");
}

#[test]
fn timeline_lang_gives_the_shipped_reasons_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    let reason = |locale: &[(&str, &str)], args: &[&str]| {
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&pizhu(dir.path(), locale, "UTC0", args))).unwrap();
        json["year"]["reason"].as_str().unwrap().to_owned()
    };
    assert!(reason(&[], &["timeline", "--lang", "zh-Hans"]).starts_with("文章没有写年份。"));
    assert!(reason(&[], &["timeline", "--lang", "zh-Hant"]).starts_with("文章沒有寫年份。"));
    assert!(reason(&[("LANG", "zh_TW.UTF-8")], &["timeline"]).starts_with("文章沒有寫年份。"));
    assert!(
        reason(&[("LANG", "en_US.UTF-8")], &["timeline"]).starts_with("The article gives no year.")
    );
}

#[test]
fn import_summarises_in_the_locale_or_lang_language() {
    let dir = tempfile::tempdir().unwrap();
    let w3c = dir.path().join("批注.jsonld");
    std::fs::write(
        &w3c,
        r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation",
            "body":{"type":"TextualBody","value":"核對全稱"},
            "target":{"selector":{"type":"TextQuoteSelector","exact":"濟寧市政府與省人社廳"}}}"#,
    )
    .unwrap();
    let w3c = w3c.to_str().unwrap();
    let notes = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let hant = stdout(&pizhu(
        dir.path(),
        &[("LANG", "zh_TW.UTF-8")],
        "UTC0",
        &["import", "--notes", &notes("a.pizhu.json"), w3c],
    ));
    assert!(hant.starts_with("已匯入 1 則: "), "{hant}");
    let hans = stdout(&pizhu(
        dir.path(),
        &[("LANG", "en_US.UTF-8")],
        "UTC0",
        &[
            "import",
            "--lang",
            "zh-Hans",
            "--notes",
            &notes("b.pizhu.json"),
            w3c,
        ],
    ));
    assert!(hans.starts_with("已导入 1 条: "), "{hans}");
    let en = stdout(&pizhu(
        dir.path(),
        &[],
        "UTC0",
        &["import", "--notes", &notes("c.pizhu.json"), w3c],
    ));
    assert!(en.starts_with("1 imported: "), "{en}");
}
