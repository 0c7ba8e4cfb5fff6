//! The keyboard shortcuts and the menu bar. One table, [`SHORTCUTS`], says
//! which keys push which commands; the key handling reads it, and so do the
//! menus for the keys they show. The menus read the state and push
//! commands; they change nothing themselves.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::ui::command::Command;
use crate::ui::fonts::ReadingFont;
use crate::ui::i18n::Strings;
use crate::ui::settings::{Script, Settings, SideTab, ThemeChoice};
use crate::ui::start_page::recent_button_ui;
use crate::ui::state::AppState;

/// A key chord and the commands it pushes.
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// Also while a text field has the keyboard: Ctrl+Z there belongs to
    /// the field, not to the notes.
    pub in_text_field: bool,
    /// The commands, made from the current settings (toggles and cycles
    /// depend on them).
    pub commands: fn(&Settings) -> Vec<Command>,
}

const fn key(modifiers: Modifiers, key: Key, commands: fn(&Settings) -> Vec<Command>) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        in_text_field: true,
        commands,
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Ctrl+F: the find bar (also shown on the Find menu).
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::F);

/// Every shortcut of the window, in the order they are checked: egui
/// ignores an extra Shift when matching, so Ctrl+Shift+Z (redo) comes
/// before Ctrl+Z (undo).
pub const SHORTCUTS: &[Shortcut] = &[
    key(CTRL, Key::Equals, |_| vec![Command::ZoomIn]),
    key(CTRL, Key::Plus, |_| vec![Command::ZoomIn]),
    key(CTRL, Key::Minus, |_| vec![Command::ZoomOut]),
    key(CTRL, Key::Num0, |_| vec![Command::ZoomReset]),
    key(CTRL_SHIFT, Key::T, |s| {
        vec![Command::SetScript(s.script.next())]
    }),
    key(CTRL_SHIFT, Key::P, |s| vec![Command::SetRuby(!s.show_ruby)]),
    key(CTRL, Key::Num1, |_| show_tab(SideTab::Notes)),
    key(CTRL, Key::Num2, |_| show_tab(SideTab::Timeline)),
    key(CTRL, Key::Num3, |_| show_tab(SideTab::People)),
    key(Modifiers::NONE, Key::F1, |_| vec![Command::ShowShortcuts]),
    Shortcut {
        keys: FIND,
        in_text_field: true,
        commands: |_| vec![Command::ShowFind],
    },
    key(CTRL, Key::E, |_| vec![Command::ShowExport]),
    key(CTRL, Key::Q, |_| vec![Command::Quit]),
    key(CTRL, Key::S, |_| vec![Command::SaveNotes]),
    Shortcut {
        keys: KeyboardShortcut::new(CTRL_SHIFT, Key::Z),
        in_text_field: false,
        commands: |_| vec![Command::Redo],
    },
    Shortcut {
        keys: KeyboardShortcut::new(CTRL, Key::Y),
        in_text_field: false,
        commands: |_| vec![Command::Redo],
    },
    Shortcut {
        keys: KeyboardShortcut::new(CTRL, Key::Z),
        in_text_field: false,
        commands: |_| vec![Command::Undo],
    },
    key(CTRL, Key::O, |_| vec![Command::ShowOpen]),
];

/// Ctrl+1/2/3: show the side panel on a tab.
fn show_tab(tab: SideTab) -> Vec<Command> {
    vec![Command::SetNotesPanel(true), Command::SetSideTab(tab)]
}

/// Consume the shortcuts pressed this frame, pushing their commands.
pub fn shortcuts(ctx: &egui::Context, settings: &Settings, commands: &mut Vec<Command>) {
    let in_text_field = ctx.egui_wants_keyboard_input();
    // Commands are only pushed here: the input lock is held, and the context
    // (`ctx.send_viewport_cmd` for Quit) cannot be locked again inside it.
    ctx.input_mut(|i| {
        // One undo or redo per frame, as one key press asks.
        let mut undo_redo = false;
        for shortcut in SHORTCUTS {
            if !shortcut.in_text_field && (in_text_field || undo_redo) {
                continue;
            }
            if i.consume_shortcut(&shortcut.keys) {
                undo_redo |= !shortcut.in_text_field;
                commands.extend((shortcut.commands)(settings));
            }
        }
    });
}

/// How a chord is written for people: "Ctrl+F", "Ctrl+Shift+Z", "F1" (Ctrl
/// on every system, as the menus and the shortcuts sheet write it).
#[must_use]
pub fn keys_text(keys: &KeyboardShortcut) -> String {
    let mut text = String::new();
    if keys.modifiers.command || keys.modifiers.ctrl || keys.modifiers.mac_cmd {
        text.push_str("Ctrl+");
    }
    if keys.modifiers.alt {
        text.push_str("Alt+");
    }
    if keys.modifiers.shift {
        text.push_str("Shift+");
    }
    text.push_str(match keys.logical_key {
        // egui writes a minus sign (U+2212); the keyboard says '-'.
        Key::Minus => "-",
        other => other.symbol_or_name(),
    });
    text
}

/// The menu bar: File, Edit, Find, View, Help, then "Add note" and the
/// pinyin switch.
pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    let settings = &state.settings;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(s.menu_file, |ui| file_menu_ui(ui, s, settings, commands));
        ui.menu_button(s.menu_edit, |ui| edit_menu_ui(ui, state, s, commands));
        if ui
            .button(s.menu_find)
            .on_hover_text(keys_text(&FIND))
            .clicked()
        {
            commands.push(Command::ShowFind);
        }
        ui.menu_button(s.menu_view, |ui| view_menu_ui(ui, state, s, commands));
        ui.menu_button(s.menu_help, |ui| {
            if ui.button(s.menu_shortcuts).clicked() {
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
            .on_hover_text(s.add_note_hover)
            .clicked()
            && let Some(range) = selection
        {
            commands.push(Command::AddNote(range));
        }
        let mut ruby = settings.show_ruby;
        if ui
            .toggle_value(&mut ruby, s.pinyin_ruby)
            .on_hover_text(s.pinyin_ruby_hover)
            .changed()
        {
            commands.push(Command::SetRuby(ruby));
        }
    });
}

fn file_menu_ui(ui: &mut Ui, s: &Strings, settings: &Settings, commands: &mut Vec<Command>) {
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
    for (label, command) in [
        (s.menu_export, Command::ShowExport),
        (s.menu_import, Command::ShowImport),
        (s.menu_save_notes, Command::SaveNotes),
        (s.menu_open_notes_folder, Command::OpenNotesFolder),
        (s.menu_quit, Command::Quit),
    ] {
        if ui.button(label).clicked() {
            commands.push(command);
        }
    }
}

fn edit_menu_ui(ui: &mut Ui, state: &AppState, s: &Strings, commands: &mut Vec<Command>) {
    let (can_undo, can_redo) = state.notes().map_or((false, false), |n| {
        (n.store().can_undo(), n.store().can_redo())
    });
    if ui
        .add_enabled(can_undo, egui::Button::new(s.undo))
        .clicked()
    {
        commands.push(Command::Undo);
    }
    if ui
        .add_enabled(can_redo, egui::Button::new(s.redo))
        .clicked()
    {
        commands.push(Command::Redo);
    }
    ui.separator();
    let selection = state.reader.selected_range();
    if ui
        .add_enabled(selection.is_some(), egui::Button::new(s.add_note_shortcut))
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
    if ui.checkbox(&mut ruby, s.show_ruby).changed() {
        commands.push(Command::SetRuby(ruby));
    }
    ui.separator();
    for (label, command) in [
        (s.zoom_in, Command::ZoomIn),
        (s.zoom_out, Command::ZoomOut),
        (s.zoom_reset, Command::ZoomReset),
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
    ui.label(s.reading_font);
    let mut choices = vec![ReadingFont::Serif, ReadingFont::Sans];
    if let Some(families) = state.fonts.installed_families() {
        choices.extend(families.iter().cloned().map(ReadingFont::Installed));
    }
    for choice in choices {
        let selected = settings.reading_font == choice;
        if ui.radio(selected, choice.label(s)).clicked() {
            commands.push(Command::SetReadingFont(choice));
        }
    }
}
