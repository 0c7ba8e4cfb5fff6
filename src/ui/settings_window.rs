//! The Settings window: the interface language, the author name written on
//! new notes, and the reading font (the embedded ones and every installed
//! font with Chinese, found by a search).

use egui::{Context, Rect, Response};

use crate::ui::command::Command;
use crate::ui::fonts::ReadingFont;
use crate::ui::i18n::{Lang, Strings};

/// The reading font in use and the installed ones to choose from (`None`
/// while the system's fonts are still being scanned).
#[derive(Clone, Copy, Debug)]
pub struct FontChoice<'a> {
    /// The font in use.
    pub current: &'a ReadingFont,
    /// The installed families with Chinese.
    pub installed: Option<&'a [String]>,
}

/// The reading fonts: a search field, then the embedded fonts and the
/// installed ones whose name contains what was typed, in a list that
/// scrolls. The font clicked, if any.
fn font_list_ui(ui: &mut egui::Ui, fonts: FontChoice<'_>, s: &Strings) -> Option<ReadingFont> {
    ui.strong(s.reading_font);
    let id = egui::Id::unique("settings-font-search");
    let mut query: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let field = ui.add(
        egui::TextEdit::singleline(&mut query)
            .hint_text(s.font_search_hint)
            .desired_width(f32::INFINITY),
    );
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, s.font_search));
    ui.data_mut(|d| d.insert_temp(id, query.clone()));
    let wanted = query.trim().to_lowercase();
    let mut choices = vec![ReadingFont::Serif, ReadingFont::Sans];
    match fonts.installed {
        Some(families) => choices.extend(families.iter().cloned().map(ReadingFont::Installed)),
        None => {
            ui.weak(s.fonts_scanning);
        }
    }
    let mut picked = None;
    egui::ScrollArea::vertical()
        .id_salt("settings-fonts")
        .max_height(200.0)
        .show(ui, |ui| {
            for choice in choices {
                let label = choice.label(s);
                if !wanted.is_empty() && !label.to_lowercase().contains(&wanted) {
                    continue;
                }
                if ui.radio(*fonts.current == choice, label).clicked() && *fonts.current != choice {
                    picked = Some(choice);
                }
            }
        });
    picked
}

/// Draw the Settings window while `open`; what the user changed goes to
/// `commands` (another language at once, a new author with "Apply").
/// Drawn inside `area`; its response while shown.
pub fn settings_window_ui(
    ctx: &Context,
    open: &mut bool,
    area: Rect,
    (author, lang): (&str, Lang),
    fonts: FontChoice<'_>,
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
    let shown =
        crate::ui::window_frame::window(s.settings_title, "settings", &mut still_open, area).show(
            ctx,
            |ui| {
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
                ui.separator();
                if let Some(font) = font_list_ui(ui, fonts, s) {
                    chosen = Some(Command::SetReadingFont(font));
                }
            },
        );
    *open = still_open && *open;
    if *open {
        ctx.data_mut(|d| d.insert_temp(id, draft));
    } else {
        ctx.data_mut(|d| d.remove::<String>(id));
    }
    commands.extend(chosen);
    shown.map(|r| r.response)
}
