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
