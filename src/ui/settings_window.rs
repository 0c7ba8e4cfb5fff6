//! The Settings window: the interface language and the author name written on new notes.

use egui::{Context, Rect, Response};

use crate::ui::command::Command;
use crate::ui::i18n::{Lang, Strings};

/// Draw the Settings window while `open`; what the user changed goes to
/// `commands` (another language at once, a new author with "Apply").
/// Drawn inside `area`; its response while shown.
pub fn settings_window_ui(
    ctx: &Context,
    open: &mut bool,
    area: Rect,
    author: &str,
    lang: Lang,
    s: &Strings,
    commands: &mut Vec<Command>,
) -> Option<Response> {
    let id = egui::Id::unique("settings-author-draft");
    let mut draft: String = ctx
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| author.to_owned());
    let mut chosen = None;
    let mut still_open = *open;
    // The title changes with the language; the window must not move (its
    // id is fixed).
    let shown = crate::ui::windows::window(s.settings_title, "settings", &mut still_open, area)
        .show(ctx, |ui| {
            ui.strong(s.language);
            ui.horizontal(|ui| {
                for choice in Lang::ALL {
                    if ui.radio(lang == choice, choice.label()).clicked() && lang != choice {
                        chosen = Some(Command::SetLang(choice));
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(s.author_label);
                let field = ui.text_edit_singleline(&mut draft);
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, s.author_label)
                });
            });
            if ui.button(s.apply).clicked() && !draft.trim().is_empty() {
                chosen = Some(Command::SetAuthor(draft.trim().to_owned()));
            }
        });
    *open = still_open && *open;
    if *open {
        ctx.data_mut(|d| d.insert_temp(id, draft));
    } else {
        ctx.data_mut(|d| d.remove::<String>(id));
    }
    commands.extend(chosen);
    shown.map(|r| r.response)
}
