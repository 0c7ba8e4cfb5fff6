//! The About window: what Pizhu is, and the credits of the embedded fonts.

use egui::{Context, Ui};

use crate::ui::fonts;

/// Show the About window while `open` is true.
pub fn about_window_ui(ctx: &Context, open: &mut bool) {
    egui::Window::new("About Pizhu")
        .open(open)
        .default_width(520.0)
        .collapsible(false)
        .show(ctx, about_ui);
}

fn about_ui(ui: &mut Ui) {
    ui.heading("Pizhu 批注");
    ui.label(format!(
        "Version {}. A desktop app for reading and annotating Chinese documents.",
        env!("CARGO_PKG_VERSION")
    ));
    ui.separator();
    ui.strong("Fonts");
    ui.label(
        "The reading and interface fonts are subsets of Noto Serif CJK TC and \
         Noto Sans CJK TC, embedded in the app and licensed under the SIL Open \
         Font License, Version 1.1.",
    );
    // The copyright lines come from the license file itself, so they cannot drift.
    for line in fonts::LICENSE.lines().take_while(|l| !l.trim().is_empty()) {
        ui.label(line);
    }
    egui::CollapsingHeader::new("Font license (SIL OFL 1.1)")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(fonts::LICENSE).small());
                });
        });
}

/// Every keyboard shortcut, for the F1 sheet.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+O", "Open a document"),
    ("Ctrl+E", "Export notes"),
    (
        "Ctrl+S",
        "Save notes now (they are also saved automatically)",
    ),
    ("Ctrl+Q", "Quit (notes are saved)"),
    (
        "Ctrl+F",
        "Find; Enter / Shift+Enter or F3 / Shift+F3 for next / previous",
    ),
    ("Ctrl+Enter", "Add a note on the selected text"),
    (
        "Shift+Arrows, Shift+Home/End",
        "Select text with the keyboard",
    ),
    ("Double-click / triple-click", "Select a word / a sentence"),
    ("Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", "Undo, redo"),
    ("Ctrl+1 / Ctrl+2 / Ctrl+3", "Notes, Timeline, People"),
    (
        "Ctrl+= / Ctrl+- / Ctrl+0",
        "Larger, smaller, default text size",
    ),
    ("Ctrl+Shift+P", "Pinyin ruby on or off"),
    ("Esc", "Clear the selection, close the find bar"),
    ("F1", "This sheet"),
];

/// The shortcuts sheet (F1).
pub fn shortcuts_window_ui(ctx: &Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, what) in SHORTCUTS {
                    ui.strong(*keys);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        });
}
