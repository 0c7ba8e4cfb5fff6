//! The menu bar. The menus read the state and push commands; they change
//! nothing themselves. The keys they show beside a label come from the
//! shortcuts table ([`crate::ui::shortcuts`]).

use egui::Ui;

use crate::core::text::charset::{MENU_ENCODINGS, display_name};
use crate::ui::command::Command;
use crate::ui::fonts::ReadingFont;
use crate::ui::i18n::Strings;
use crate::ui::settings::{Script, ThemeChoice};
use crate::ui::shortcuts::{self, keys_text, with_keys};
use crate::ui::start_page::recent_button_ui;
use crate::ui::state::AppState;

/// The menu bar: File, Edit, Find, View, Help, then "Add note" and the
/// pinyin switch.
pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    let settings = &state.settings;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(s.menu_file, |ui| file_menu_ui(ui, state, commands));
        ui.menu_button(s.menu_edit, |ui| edit_menu_ui(ui, state, s, commands));
        if ui
            .button(s.menu_find)
            .on_hover_text(keys_text(&shortcuts::FIND))
            .clicked()
        {
            commands.push(Command::ShowFind);
        }
        ui.menu_button(s.menu_view, |ui| view_menu_ui(ui, state, s, commands));
        ui.menu_button(s.menu_help, |ui| {
            if ui
                .button(with_keys(s, s.menu_shortcuts, &shortcuts::SHEET))
                .clicked()
            {
                commands.push(Command::ShowShortcuts);
            }
            if ui.button(s.menu_about).clicked() {
                commands.push(Command::ShowAbout);
            }
        });
        ui.separator();
        let selection = state.reader.selected_range();
        if ui
            .add_enabled(selection.is_some(), egui::Button::new(s.add_note))
            .on_hover_text(with_keys(s, s.add_note_hover, &shortcuts::ADD_NOTE))
            .clicked()
            && let Some(range) = selection
        {
            commands.push(Command::AddNote(range));
        }
        let mut ruby = settings.show_ruby;
        if ui
            .toggle_value(&mut ruby, s.pinyin_ruby)
            .on_hover_text(with_keys(s, s.pinyin_ruby_hover, &shortcuts::RUBY))
            .changed()
        {
            commands.push(Command::SetRuby(ruby));
        }
        let width = ui.ctx().content_rect().width();
        let mut side = state.chrome.side_shown(&state.settings, width);
        if ui
            .toggle_value(&mut side, s.side_panel)
            .on_hover_text(with_keys(s, s.side_panel_hover, &shortcuts::SIDE_PANEL))
            .changed()
        {
            commands.push(Command::ToggleSidePanel);
        }
    });
}

fn file_menu_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    let settings = &state.settings;
    if ui.button(s.menu_open).clicked() {
        commands.push(Command::ShowOpen);
    }
    if ui.button(s.start_page).clicked() {
        commands.push(Command::ShowStartPage(true));
    }
    ui.menu_button(s.menu_open_recent, |ui| {
        if settings.recent.is_empty() {
            ui.weak(s.menu_no_recent);
        }
        for path in &settings.recent {
            if recent_button_ui(ui, path) {
                commands.push(Command::Open(path.clone()));
            }
        }
    });
    reopen_encoding_menu_ui(ui, state, commands);
    for (label, command) in [
        (
            with_keys(s, s.menu_export, &shortcuts::EXPORT),
            Command::ShowExport,
        ),
        (s.menu_import.to_owned(), Command::ShowImport),
        (
            with_keys(s, s.menu_save_notes, &shortcuts::SAVE),
            Command::SaveNotes,
        ),
        (s.menu_save_notes_as.to_owned(), Command::ShowSaveNotesAs),
        (
            s.menu_open_notes_folder.to_owned(),
            Command::OpenNotesFolder,
        ),
        (with_keys(s, s.menu_quit, &shortcuts::QUIT), Command::Quit),
    ] {
        if ui.button(label).clicked() {
            commands.push(command);
        }
    }
}

/// File → Reopen with Encoding: the encodings Chinese text comes in (and a
/// few more), the one in use checked; off for the embedded article.
fn reopen_encoding_menu_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    let current = state.doc.as_ref().map(|d| d.encoding);
    ui.add_enabled_ui(state.reopen_path().is_some(), |ui| {
        ui.menu_button(s.menu_reopen_encoding, |ui| {
            for encoding in MENU_ENCODINGS {
                let name = display_name(encoding);
                // "UTF-16LE (BOM)" is UTF-16LE too.
                let in_use = current.is_some_and(|c| c.split(' ').next() == Some(name));
                if ui.radio(in_use, name).clicked() {
                    commands.push(Command::ReopenWithEncoding(encoding));
                }
            }
        })
        .response
        .on_hover_text(s.menu_reopen_encoding_hover);
    });
}

fn edit_menu_ui(ui: &mut Ui, state: &AppState, s: &Strings, commands: &mut Vec<Command>) {
    let (can_undo, can_redo) = state.notes().map_or((false, false), |n| {
        (n.store().can_undo(), n.store().can_redo())
    });
    if ui
        .add_enabled(
            can_undo,
            egui::Button::new(with_keys(s, s.undo, &shortcuts::UNDO)),
        )
        .clicked()
    {
        commands.push(Command::Undo);
    }
    if ui
        .add_enabled(
            can_redo,
            egui::Button::new(with_keys(s, s.redo, &shortcuts::REDO)),
        )
        .clicked()
    {
        commands.push(Command::Redo);
    }
    ui.separator();
    let selection = state.reader.selected_range();
    if ui
        .add_enabled(
            selection.is_some(),
            egui::Button::new(with_keys(s, s.add_note, &shortcuts::ADD_NOTE)),
        )
        .clicked()
        && let Some(range) = selection
    {
        commands.push(Command::AddNote(range));
    }
    ui.separator();
    if ui.button(s.menu_settings).clicked() {
        commands.push(Command::ShowSettings);
    }
}

fn view_menu_ui(ui: &mut Ui, state: &AppState, s: &Strings, commands: &mut Vec<Command>) {
    let settings = &state.settings;
    ui.label(s.view_characters);
    for (script, label) in [
        (Script::Original, s.script_original),
        (Script::Simplified, s.script_simplified),
        (Script::Traditional, s.script_traditional),
    ] {
        if ui.radio(settings.script == script, label).clicked() {
            commands.push(Command::SetScript(script));
        }
    }
    ui.separator();
    let mut spacing = settings.line_spacing;
    if ui
        .add(egui::Slider::new(&mut spacing, 1.2..=3.0).text(s.line_spacing))
        .changed()
    {
        commands.push(Command::SetLineSpacing(spacing));
    }
    let mut width = settings.column_chars;
    if ui
        .add(
            egui::Slider::new(&mut width, 15.0..=80.0)
                .step_by(1.0)
                .text(s.line_width),
        )
        .changed()
    {
        commands.push(Command::SetColumnChars(width));
    }
    ui.separator();
    let mut show_notes = settings.show_notes;
    if ui.checkbox(&mut show_notes, s.notes_panel).changed() {
        commands.push(Command::SetNotesPanel(show_notes));
    }
    let mut ruby = settings.show_ruby;
    if ui
        .checkbox(&mut ruby, with_keys(s, s.show_ruby, &shortcuts::RUBY))
        .changed()
    {
        commands.push(Command::SetRuby(ruby));
    }
    ui.separator();
    for (label, command) in [
        (
            with_keys(s, s.zoom_in, &shortcuts::ZOOM_IN),
            Command::ZoomIn,
        ),
        (
            with_keys(s, s.zoom_out, &shortcuts::ZOOM_OUT),
            Command::ZoomOut,
        ),
        (
            with_keys(s, s.zoom_reset, &shortcuts::ZOOM_RESET),
            Command::ZoomReset,
        ),
    ] {
        if ui.button(label).clicked() {
            commands.push(command);
        }
    }
    ui.separator();
    ui.label(s.theme);
    for (choice, label) in [
        (ThemeChoice::System, s.theme_system),
        (ThemeChoice::Light, s.theme_light),
        (ThemeChoice::Dark, s.theme_dark),
    ] {
        if ui.radio(settings.theme == choice, label).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
    ui.separator();
    // The embedded fonts, and the installed one in use; the whole list of
    // installed fonts (which can be hundreds long) is in Settings, with a
    // search, so this menu fits a small screen.
    ui.label(s.reading_font);
    let mut choices = vec![ReadingFont::Serif, ReadingFont::Sans];
    if matches!(settings.reading_font, ReadingFont::Installed(_)) {
        choices.push(settings.reading_font.clone());
    }
    for choice in choices {
        let selected = settings.reading_font == choice;
        if ui.radio(selected, choice.label(s)).clicked() {
            commands.push(Command::SetReadingFont(choice));
        }
    }
    if ui.button(s.more_fonts).clicked() {
        commands.push(Command::ShowSettings);
    }
}
