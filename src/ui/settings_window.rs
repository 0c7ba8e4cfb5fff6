//! The Settings window: the author name written on new notes.

use egui::Context;

/// Draw the Settings window while `open`; returns a new author name when the user applies one.
pub fn settings_window_ui(ctx: &Context, open: &mut bool, author: &str) -> Option<String> {
    let id = egui::Id::unique("settings-author-draft");
    let mut draft: String = ctx
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| author.to_owned());
    let mut chosen = None;
    let mut still_open = *open;
    egui::Window::new("Settings")
        .open(&mut still_open)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Author of new notes");
                let field = ui.text_edit_singleline(&mut draft);
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Author of new notes")
                });
            });
            if ui.button("Apply").clicked() && !draft.trim().is_empty() {
                chosen = Some(draft.trim().to_owned());
            }
        });
    *open = still_open && *open;
    if *open {
        ctx.data_mut(|d| d.insert_temp(id, draft));
    } else {
        ctx.data_mut(|d| d.remove::<String>(id));
    }
    chosen
}
