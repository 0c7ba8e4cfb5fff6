//! The status bar: which document, in which encoding, how big.

use std::path::Path;

use egui::Ui;

use crate::core::file::locate::OtherCopy;
use crate::core::notes::session::{NotesProblem, SaveState};
use crate::core::text::decode::Source;
use crate::core::text::document::Document;
use crate::ui::command::Command;
use crate::ui::i18n::{Strings, fill};
use crate::ui::theme;

/// Where the notes are saved and in what state, for the status bar.
pub struct NotesStatus<'a> {
    /// The review file.
    pub path: &'a Path,
    /// Saved, unsaved, read-only, …
    pub state: &'a SaveState,
    /// The notes file could not be read: autosave is off.
    pub broken: bool,
}

/// One line of facts about the open document.
#[must_use]
pub fn status_text(doc: &Document, s: &Strings) -> String {
    let encoding = if doc.source == Source::Chosen {
        fill(s.encoding_chosen, &[("encoding", &doc.encoding)])
    } else {
        doc.encoding.to_owned()
    };
    let mut line = fill(
        s.status_line,
        &[
            ("name", &doc.name),
            ("encoding", &encoding),
            ("bytes", &human_bytes(doc.byte_len, s)),
            ("chars", &doc.char_len()),
            ("paragraphs", &doc.paragraphs.len()),
        ],
    );
    // Only a scrape that had pinyin says so: "0 removed" on any other file
    // is noise.
    let readings = doc.cleaned.removed.len();
    if readings > 0 {
        line.push_str(&fill(s.status_readings, &[("readings", &readings)]));
    }
    line
}

/// The status bar's warning that the document was opened with malformed
/// UTF-8 replaced by U+FFFD: (the short label, its hover text), or `None`.
#[must_use]
pub fn replaced_text(doc: &Document, s: &Strings) -> Option<(String, String)> {
    let r = doc.replaced?;
    let hover = if doc.source == Source::Chosen {
        s.status_replaced_chosen_hover
    } else {
        s.status_replaced_hover
    };
    Some((
        fill(s.status_replaced, &[("count", &r.count)]),
        fill(
            hover,
            &[
                ("count", &r.count),
                ("byte", &r.first_byte),
                ("encoding", &doc.encoding),
            ],
        ),
    ))
}

/// The status bar's warning that the encoding is a single-byte guess
/// (which decodes any bytes, so a wrong one shows no error): (the short
/// label, its hover text), or `None`.
#[must_use]
pub fn guessed_text(doc: &Document, s: &Strings) -> Option<(String, String)> {
    doc.source.is_uncertain(doc.encoding).then(|| {
        (
            s.status_guessed.to_owned(),
            fill(s.status_guessed_hover, &[("encoding", &doc.encoding)]),
        )
    })
}

/// Draw the status bar contents: the document on the left, where its notes
/// are saved on the right (the full path on hover).
/// What the status bar shows besides the document and the notes.
#[derive(Debug, Clone, Copy)]
pub struct ViewStatus<'a> {
    /// The reading size as a percentage of the default.
    pub zoom_percent: u32,
    /// The message of the last action, if it is still shown.
    pub message: Option<&'a Message>,
}

/// A message about what an action did ("Exported 3 notes to …") or why it
/// failed, shown in the status bar until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The words.
    pub text: String,
    /// True for a failure (shown in the error colour).
    pub failed: bool,
}

/// Draw the status bar.
pub fn status_ui(
    ui: &mut Ui,
    doc: Option<&Document>,
    notes: Option<NotesStatus<'_>>,
    view: ViewStatus<'_>,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    if let Some(message) = view.message {
        // What the last action did, or why it failed: in the window, not
        // only on standard error.
        ui.horizontal(|ui| {
            let color = if message.failed {
                theme::palette(ui.visuals()).error
            } else {
                ui.visuals().text_color()
            };
            ui.add(egui::Label::new(egui::RichText::new(&message.text).color(color)).truncate());
            if ui.small_button("×").on_hover_text(s.close).clicked() {
                commands.push(Command::DismissMessage);
            }
        });
    }
    ui.horizontal(|ui| {
        // The zoom level, clickable back to 100 %.
        if ui
            .small_button(format!("{}%", view.zoom_percent))
            .on_hover_text(s.zoom_reset_hover)
            .clicked()
        {
            commands.push(Command::ZoomReset);
        }
        // Right to left: the notes' state and folder keep their place, the
        // document's facts fill what is left and are cut (the whole line
        // on hover) in a narrow window.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(notes) = notes {
                notes_status_ui(ui, &notes, s, commands);
            }
            ui.with_layout(
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| match doc {
                    Some(doc) => {
                        for (label, hover) in [replaced_text(doc, s), guessed_text(doc, s)]
                            .into_iter()
                            .flatten()
                        {
                            ui.colored_label(theme::palette(ui.visuals()).error, label)
                                .on_hover_text(hover);
                        }
                        ui.add(egui::Label::new(status_text(doc, s)).truncate());
                    }
                    None => {
                        ui.label(s.no_document);
                    }
                },
            );
        });
    });
}

/// The notes' part of the status bar, right to left: the Open folder
/// button, then the notes' state and file name (at most half the bar, so
/// the document's facts keep a place).
fn notes_status_ui(ui: &mut Ui, notes: &NotesStatus<'_>, s: &Strings, commands: &mut Vec<Command>) {
    if ui
        .small_button(s.open_folder)
        .on_hover_text(s.open_folder_hover)
        .clicked()
    {
        commands.push(Command::OpenNotesFolder);
    }
    let name = notes.path.file_name().map_or_else(
        || notes.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // The state first, so a narrow window cuts the file name, not "saved".
    let text = fill(
        s.notes_status,
        &[("state", &s.save_state(notes.state)), ("name", &name)],
    );
    let most = ui.available_width() * 0.5;
    let label = ui
        .scope(|ui| {
            ui.set_max_width(most);
            if notes.broken {
                ui.colored_label(theme::palette(ui.visuals()).error, s.notes_damaged)
            } else {
                ui.add(egui::Label::new(text).truncate())
            }
        })
        .inner;
    label.on_hover_text(fill(s.notes_saved_in, &[("path", &notes.path.display())]));
}

/// A banner above the article when the notes file is damaged or read-only:
/// what happened, and the way out.
pub fn notes_banner_ui(
    ui: &mut Ui,
    problem: &NotesProblem<'_>,
    broken: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let palette = theme::palette(ui.visuals());
    egui::Frame::new()
        .inner_margin(8.0)
        .stroke(egui::Stroke::new(1.0, palette.error))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.colored_label(palette.error, s.notes_problem(problem));
            ui.horizontal(|ui| {
                if broken
                    && ui
                        .button(s.start_new_notes_file)
                        .on_hover_text(s.start_new_hover)
                        .clicked()
                {
                    commands.push(Command::StartNewNotesFile);
                }
                if matches!(problem, NotesProblem::ReadOnlyFile { .. })
                    && ui
                        .button(s.menu_save_notes_as)
                        .on_hover_text(s.save_notes_as_hover)
                        .clicked()
                {
                    commands.push(Command::ShowSaveNotesAs);
                }
                if ui.button(s.menu_open_notes_folder).clicked() {
                    commands.push(Command::OpenNotesFolder);
                }
            });
        });
}

/// A banner above the article when another copy of the document has notes
/// that were not taken: which file holds this copy's notes, and a way to
/// use the other copy's instead.
pub fn other_copy_banner_ui(
    ui: &mut Ui,
    other: &OtherCopy,
    own: &Path,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    egui::Frame::new()
        .inner_margin(8.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(fill(
                s.other_copy_notice,
                &[
                    ("document", &other.document.display()),
                    ("path", &own.display()),
                ],
            ));
            if ui
                .button(s.use_other_copy_notes)
                .on_hover_text(other.review.display().to_string())
                .clicked()
            {
                commands.push(Command::UseNotes(other.review.clone()));
            }
        });
}

/// "5,317 bytes", "1.2 MB": sizes a reader can take in at a glance.
#[must_use]
pub fn human_bytes(bytes: usize, s: &Strings) -> String {
    #[allow(clippy::cast_precision_loss, reason = "sizes are shown to one decimal")]
    let b = bytes as f64;
    if bytes < 10_000 {
        fill(s.bytes, &[("n", &group_thousands(bytes))])
    } else if b < 1_000_000.0 {
        fill(s.kilobytes, &[("n", &format!("{:.1}", b / 1_000.0))])
    } else {
        fill(s.megabytes, &[("n", &format!("{:.1}", b / 1_000_000.0))])
    }
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{EN, ZH_HANT};

    #[test]
    fn sizes_read_at_a_glance() {
        assert_eq!(human_bytes(5317, &EN), "5,317 bytes");
        assert_eq!(human_bytes(52_000, &EN), "52.0 kB");
        assert_eq!(human_bytes(5_300_000, &EN), "5.3 MB");
        assert_eq!(human_bytes(5317, &ZH_HANT), "5,317 位元組");
    }

    #[test]
    fn status_names_the_article_and_its_encoding() {
        let doc = Document::embedded();
        let s = status_text(&doc, &EN);
        assert!(s.starts_with("article.txt · UTF-8 · 5,317 bytes"), "{s}");
        assert!(s.contains("227 pinyin readings removed"), "{s}");
        let s = status_text(&doc, &ZH_HANT);
        assert!(s.contains("已移除 227 處拼音"), "{s}");
        assert_eq!(replaced_text(&doc, &EN), None);
    }

    #[test]
    fn status_warns_of_replaced_bytes() {
        // Two bad bytes in the article's 5,317: opened with two U+FFFD.
        let article = std::str::from_utf8(crate::core::text::document::EMBEDDED_ARTICLE).unwrap();
        let at = article.find("合作").unwrap();
        let mut bytes = article.as_bytes().to_vec();
        bytes.splice(at..at, [0xFF, b'x', 0xFE]);
        let doc = Document::from_bytes("壞.txt", None, &bytes).unwrap();
        let (label, hover) = replaced_text(&doc, &EN).unwrap();
        assert_eq!(label, "Damaged bytes replaced: 2");
        assert!(
            hover.contains(&format!("the first is at byte {at}.")),
            "{hover}"
        );
        let (label, hover) = replaced_text(&doc, &ZH_HANT).unwrap();
        assert_eq!(label, "已替換損壞的位元組：2 處");
        assert!(
            hover.contains(&format!("第一處在第 {at} 位元組")),
            "{hover}"
        );
        let (label, _) = replaced_text(&doc, &crate::ui::i18n::ZH_HANS).unwrap();
        assert_eq!(label, "已替换损坏的字节：2 处");
    }

    #[test]
    fn status_says_a_chosen_or_guessed_encoding() {
        let (gb, _, _) = encoding_rs::GB18030.encode("濟寧市人民政府。\n");
        let doc =
            Document::from_bytes_as("國標.txt", None, &gb, Some(encoding_rs::GB18030)).unwrap();
        assert!(status_text(&doc, &EN).starts_with("國標.txt · GB18030 (chosen) · "));
        assert!(status_text(&doc, &ZH_HANT).starts_with("國標.txt · GB18030（手動選擇）"));
        assert_eq!(guessed_text(&doc, &EN), None);
        // Chosen wrongly: the replaced bytes say which encoding was chosen.
        let wrong =
            Document::from_bytes_as("國標.txt", None, &gb, Some(encoding_rs::UTF_8)).unwrap();
        let (_, hover) = replaced_text(&wrong, &EN).unwrap();
        assert!(
            hover.starts_with("Decoded as UTF-8, as you chose: "),
            "{hover}"
        );
        // A single-byte guess is flagged; a clean multi-byte guess is not.
        let text = "Café crème, déjà vu.\n".repeat(20);
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let doc = Document::from_bytes("latin.txt", None, &latin).unwrap();
        let (label, hover) = guessed_text(&doc, &EN).unwrap();
        assert_eq!(label, "Encoding guessed");
        assert!(
            hover.starts_with("The encoding windows-1252 was guessed"),
            "{hover}"
        );
        let doc = Document::from_bytes("國標.txt", None, &gb).unwrap();
        assert_eq!(doc.encoding, "GB18030");
        assert_eq!(guessed_text(&doc, &EN), None);
    }
}
