//! A 简体中文 window speaks 简体中文 whatever happens to the notes: saved,
//! merged with another writer's changes, orphaned, imported, or a damaged
//! notes file. After each, every text of the status bar and the notes
//! panel is read from the accessibility tree, and no English word may be
//! in it (names such as Pizhu, W3C and JSON, and the notes file's own
//! name, aside).
//!
//! Needs the window: built only with the `gui` feature (the default).

#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod common;

use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::session::Notes;
use pizhu::core::notes::store::Edit;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::i18n::{self, Lang, Strings};
use pizhu::ui::settings::Settings;

/// Names that read the same in every language: the app's, formats', and
/// the keys' as keyboards print them.
const ALLOWED: [&str; 13] = [
    "Pizhu", "W3C", "JSON", "CSV", "HTML", "Markdown", "Ctrl", "Cmd", "Shift", "Alt", "Enter",
    "Esc", "Tab",
];

fn hans() -> &'static Strings {
    i18n::strings(Lang::ZhHans)
}

fn window(notes: &std::path::Path) -> Harness<'static, PizhuApp> {
    let settings = Settings {
        lang: Lang::ZhHans,
        author: "审稿人".into(),
        ..Settings::default()
    };
    common::window_with(
        settings,
        Document::embedded(),
        notes,
        [1280.0, 900.0],
        Some(0.25),
    )
}

/// Every text in the panel (a `Pane` in the accessibility tree) that holds
/// the widget labelled `inside`: labels, button names, field contents.
fn pane_texts(harness: &Harness<'static, PizhuApp>, inside: &str) -> Vec<String> {
    let mut node = harness.get_by_label(inside);
    while node.accesskit_node().role() != Role::Pane {
        node = node.parent().expect("the widget is inside a panel");
    }
    node.children_recursive()
        .flat_map(|n| {
            let n = n.accesskit_node();
            [n.label(), n.value()]
        })
        .flatten()
        .filter(|text| !text.trim().is_empty())
        .collect()
}

/// The English words in `text`: runs of two or more ASCII letters, once
/// the names in it are taken out: the notes file's path and name, the
/// document's name and encoding ("article.txt", "UTF-8"), and [`ALLOWED`].
fn english_words(text: &str, path: &std::path::Path) -> Vec<String> {
    let doc = Document::embedded();
    let mut text = text.replace(&path.display().to_string(), " ");
    for name in [
        path.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some(doc.name.clone()),
        Some(doc.encoding.to_string()),
    ]
    .into_iter()
    .flatten()
    {
        text = text.replace(&name, " ");
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 2 && !ALLOWED.contains(word))
        .map(str::to_owned)
        .collect()
}

/// Reads the status bar and the notes panel: no English word in either.
/// Returns their texts, for the state's own checks.
fn assert_all_chinese(
    harness: &Harness<'static, PizhuApp>,
    path: &std::path::Path,
    state: &str,
) -> Vec<String> {
    let s = hans();
    let mut texts = pane_texts(harness, s.open_folder);
    texts.extend(pane_texts(harness, s.search_notes));
    for text in &texts {
        let english = english_words(text, path);
        assert!(
            english.is_empty(),
            "{state}: English {english:?} in {text:?}"
        );
    }
    texts
}

fn contains(texts: &[String], part: &str) -> bool {
    texts.iter().any(|t| t.contains(part))
}

/// A note made by another writer (another window, a sync tool) on the same
/// notes file, on the words `start..end` of the article.
fn another_writer_adds(path: &std::path::Path, note: Note) {
    let doc = Document::embedded();
    let mut other = Notes::open(&doc, Some(path));
    assert!(other.edit(Edit::Add(note)));
    assert!(other.save().is_ok());
}

/// A note on words the article does not have (any more).
fn note_on_gone_words() -> Note {
    let doc = Document::embedded();
    let mut target = Target::range(&doc, 100, 112);
    target.quote.exact = "这段文字已经不在文章里了".into();
    target.quote.prefix = "早已删去的".into();
    target.quote.suffix = "也不见了".into();
    Note::new(target, "删掉的段落".into(), "另一位审稿人".into())
}

#[test]
fn saved_merged_orphaned_and_imported_notes_read_in_simplified_chinese() {
    let s = hans();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("审阅.pizhu.json");
    let mut harness = window(&path);
    assert_all_chinese(&harness, &path, "new");

    // Saved: a note on paragraph 1, typed, then Ctrl+S.
    let paragraph = i18n::fill(s.note_paragraph, &[("n", &1)]);
    harness
        .get_by_role_and_label(Role::Button, &paragraph)
        .click();
    harness.run();
    harness.get_by_label(s.note_text).type_text("第一条批注");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let texts = assert_all_chinese(&harness, &path, "saved");
    assert!(contains(&texts, "批注：已保存 "), "saved: {texts:?}");

    // Merged: another writer adds a note (on words the article no longer
    // has) to the file; the window's next save merges it in.
    another_writer_adds(&path, note_on_gone_words());
    harness.get_by_label(s.note_text).type_text("，再补一句");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let texts = assert_all_chinese(&harness, &path, "merged");
    assert!(contains(&texts, "与别处的更改合并"), "merged: {texts:?}");
    assert_eq!(harness.state().notes().unwrap().store().notes().len(), 2);

    // Orphaned: the other writer's note is listed among the orphans with
    // why, and its editor says it too.
    let orphans = i18n::fill(s.orphaned_count, &[("n", &1)]);
    assert!(contains(&texts, &orphans), "orphaned: {texts:?}");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let quoted = i18n::fill(s.quoted, &[("quote", &"这段文字已经不在文章里了")]);
    harness.get_by_label(&quoted).click();
    harness.run();
    let texts = assert_all_chinese(&harness, &path, "orphaned");
    let lost = i18n::fill(s.orphaned_reason, &[("reason", &"")]);
    assert!(contains(&texts, &lost), "orphaned: {texts:?}");
    assert!(contains(&texts, "已不在文档中"), "orphaned: {texts:?}");
    harness.key_press(egui::Key::Escape);
    harness.run();

    // Imported: a W3C annotation file dropped onto the window; the Import
    // window sums it up.
    let file = dir.path().join("批注.jsonld");
    std::fs::write(&file, W3C_ANNOTATION).unwrap();
    let drop = |harness: &mut Harness<'static, PizhuApp>| {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(common::Dropped(file.clone())));
        harness.run();
    };
    drop(&mut harness);
    assert_eq!(harness.state().notes().unwrap().store().notes().len(), 3);
    harness.get_by_label("已导入 1 条");
    assert_all_chinese(&harness, &path, "imported");
    // Saved, then dropped again: nothing new, so the status bar keeps
    // the import's summary.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    drop(&mut harness);
    let texts = assert_all_chinese(&harness, &path, "imported again");
    assert!(
        contains(&texts, "已导入：已导入 0 条，跳过 1 条重复的批注"),
        "imported: {texts:?}"
    );
}

#[test]
fn a_damaged_notes_file_reads_in_simplified_chinese() {
    let s = hans();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("损坏.pizhu.json");
    let bytes =
        b"{\n  \"format\": \"pizhu-review\",\n  \"version\": 1,\n  \"notes\": [ {\"id\": \n";
    std::fs::write(&path, bytes).unwrap();
    let mut harness = window(&path);
    let texts = assert_all_chinese(&harness, &path, "broken");
    assert!(contains(&texts, s.notes_damaged), "broken: {texts:?}");
    // A note made meanwhile is not saved over the damaged file.
    let paragraph = i18n::fill(s.note_paragraph, &[("n", &1)]);
    harness
        .get_by_role_and_label(Role::Button, &paragraph)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_all_chinese(&harness, &path, "broken, after saving");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // The banner above the article says what happened in Chinese too.
    harness.get_by_label_contains("无法读取批注文件");
    harness.get_by_role_and_label(Role::Button, s.start_new_notes_file);
}

/// One W3C Web Annotation on words of the embedded article.
const W3C_ANNOTATION: &str = r#"{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "urn:uuid:0b7f58a2-3333-4e2b-9d3c-1234567890ab",
  "type": "Annotation",
  "body": {"type": "TextualBody", "value": "签约地点未写明"},
  "target": {"source": "urn:x-test", "selector": [
    {"type": "TextPositionSelector", "start": 1336, "end": 1350},
    {"type": "TextQuoteSelector", "exact": "單位的負責同志參加簽約儀式"}]}
}"#;
