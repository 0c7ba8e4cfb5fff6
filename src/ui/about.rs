//! The About window: what Pizhu is, and the credits of the embedded fonts.

use egui::{Context, Rect, Response, Ui};

use crate::ui::fonts;
use crate::ui::i18n::{Strings, fill};
use crate::ui::window_frame::window;

/// Show the About window while `open` is true, inside `area`; its response
/// while shown.
pub fn about_window_ui(
    ctx: &Context,
    open: &mut bool,
    area: Rect,
    s: &Strings,
) -> Option<Response> {
    window(s.about_title, "about", open, area)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| about_ui(ui, s));
        })
        .map(|r| r.response)
}

fn about_ui(ui: &mut Ui, s: &Strings) {
    ui.heading("Pizhu 批注");
    ui.label(fill(
        s.about_version,
        &[("version", &env!("CARGO_PKG_VERSION"))],
    ));
    ui.separator();
    ui.strong(s.fonts);
    ui.label(s.fonts_credit);
    // The copyright lines come from the license file itself, so they cannot drift.
    for line in fonts::LICENSE.lines().take_while(|l| !l.trim().is_empty()) {
        ui.label(line);
    }
    egui::CollapsingHeader::new(s.font_license)
        .id_salt("font-license")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(fonts::LICENSE).small());
                });
        });
}
