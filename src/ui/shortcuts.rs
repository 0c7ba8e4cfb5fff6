//! The keyboard shortcuts, in one table, [`SHORTCUTS`]: each line of the F1
//! sheet with its key chords and what each chord does. The key handling
//! ([`handle_keys`]), the menus (the keys beside a label, [`with_keys`]) and
//! the sheet ([`sheet_ui`]) all read it, so they cannot disagree.

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use crate::ui::command::Command;
use crate::ui::i18n::{Strings, fill};
use crate::ui::settings::{Settings, SideTab};

/// What pressing a chord does.
#[derive(Clone, Copy)]
pub enum Does {
    /// Pushes these commands, made from the settings (toggles and cycles
    /// depend on them).
    Push(fn(&Settings) -> Vec<Command>),
    /// The same, but not while a text field has the keyboard: Ctrl+Z there
    /// belongs to the field. One such chord per frame.
    PushOutsideFields(fn(&Settings) -> Vec<Command>),
    /// A panel handles it where it applies (the reader, the find bar); it is
    /// in the table for the sheet and the menus.
    InPanel,
}

/// A key chord and what it does.
pub struct Chord {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What pressing them does.
    pub does: Does,
}

/// How a line of the sheet writes its keys.
#[derive(Clone, Copy)]
pub enum Written {
    /// Its first `n` chords, "Ctrl+= / Ctrl+- / Ctrl+0" (the chords after
    /// them are aliases, not written).
    Chords(usize),
    /// Its chords filled into the language's words as `{1}`, `{2}`, `{3}`:
    /// "Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y".
    Template(fn(&Strings) -> &'static str),
    /// Words of the language: mouse gestures, and keys a panel handles as a
    /// group ("Shift+Arrows, Shift+Home/End").
    Words(fn(&Strings) -> &'static str),
}

/// One line of the shortcuts sheet.
pub struct Shortcut {
    /// Its chords.
    pub chords: &'static [Chord],
    /// How the sheet writes them.
    pub written: Written,
    /// What the line says they do.
    pub what: fn(&Strings) -> &'static str,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

const fn chord(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Open a document.
pub const OPEN: KeyboardShortcut = chord(CTRL, Key::O);
/// Export the notes.
pub const EXPORT: KeyboardShortcut = chord(CTRL, Key::E);
/// Save the notes now.
pub const SAVE: KeyboardShortcut = chord(CTRL, Key::S);
/// Quit.
pub const QUIT: KeyboardShortcut = chord(CTRL, Key::Q);
/// The find bar.
pub const FIND: KeyboardShortcut = chord(CTRL, Key::F);
/// Add a note on the selection (the reader handles it).
pub const ADD_NOTE: KeyboardShortcut = chord(CTRL, Key::Enter);
/// Undo.
pub const UNDO: KeyboardShortcut = chord(CTRL, Key::Z);
/// Redo.
pub const REDO: KeyboardShortcut = chord(CTRL_SHIFT, Key::Z);
/// Zoom in.
pub const ZOOM_IN: KeyboardShortcut = chord(CTRL, Key::Equals);
/// Zoom out.
pub const ZOOM_OUT: KeyboardShortcut = chord(CTRL, Key::Minus);
/// Back to the default text size.
pub const ZOOM_RESET: KeyboardShortcut = chord(CTRL, Key::Num0);
/// Pinyin ruby on or off.
pub const RUBY: KeyboardShortcut = chord(CTRL_SHIFT, Key::P);
/// Show or hide the side panel (the drawer in a narrow window), as F9
/// does in GNOME's document viewer and file manager.
pub const SIDE_PANEL: KeyboardShortcut = chord(Modifiers::NONE, Key::F9);
/// The shortcuts sheet.
pub const SHEET: KeyboardShortcut = chord(Modifiers::NONE, Key::F1);

const fn push(keys: KeyboardShortcut, commands: fn(&Settings) -> Vec<Command>) -> Chord {
    Chord {
        keys,
        does: Does::Push(commands),
    }
}

const fn undoing(keys: KeyboardShortcut, commands: fn(&Settings) -> Vec<Command>) -> Chord {
    Chord {
        keys,
        does: Does::PushOutsideFields(commands),
    }
}

const fn in_panel(keys: KeyboardShortcut) -> Chord {
    Chord {
        keys,
        does: Does::InPanel,
    }
}

/// One chord, written as it is.
const fn line(chords: &'static [Chord], what: fn(&Strings) -> &'static str) -> Shortcut {
    Shortcut {
        chords,
        written: Written::Chords(chords.len()),
        what,
    }
}

/// Ctrl+1/2/3: show the side panel on a tab.
fn show_tab(tab: SideTab) -> Vec<Command> {
    vec![Command::SetNotesPanel(true), Command::SetSideTab(tab)]
}

/// Every shortcut, in the order of the sheet.
pub const SHORTCUTS: &[Shortcut] = &[
    line(&[push(OPEN, |_| vec![Command::ShowOpen])], |s| s.keys_open),
    line(&[push(EXPORT, |_| vec![Command::ShowExport])], |s| {
        s.keys_export
    }),
    line(&[push(SAVE, |_| vec![Command::SaveNotes])], |s| s.keys_save),
    line(&[push(QUIT, |_| vec![Command::Quit])], |s| s.keys_quit),
    line(&[push(FIND, |_| vec![Command::ShowFind])], |s| s.keys_find),
    line(&[in_panel(ADD_NOTE)], |s| s.keys_add_note),
    Shortcut {
        chords: &[],
        written: Written::Words(|s| s.keys_select),
        what: |s| s.keys_select_what,
    },
    Shortcut {
        chords: &[],
        written: Written::Words(|s| s.keys_clicks),
        what: |s| s.keys_clicks_what,
    },
    Shortcut {
        chords: &[
            undoing(UNDO, |_| vec![Command::Undo]),
            undoing(REDO, |_| vec![Command::Redo]),
            undoing(chord(CTRL, Key::Y), |_| vec![Command::Redo]),
        ],
        written: Written::Template(|s| s.keys_undo_redo),
        what: |s| s.keys_undo_redo_what,
    },
    line(
        &[
            push(chord(CTRL, Key::Num1), |_| show_tab(SideTab::Notes)),
            push(chord(CTRL, Key::Num2), |_| show_tab(SideTab::Timeline)),
            push(chord(CTRL, Key::Num3), |_| show_tab(SideTab::People)),
        ],
        |s| s.keys_tabs,
    ),
    line(
        &[push(SIDE_PANEL, |_| vec![Command::ToggleSidePanel])],
        |s| s.keys_side_panel,
    ),
    Shortcut {
        chords: &[
            push(ZOOM_IN, |_| vec![Command::ZoomIn]),
            push(ZOOM_OUT, |_| vec![Command::ZoomOut]),
            push(ZOOM_RESET, |_| vec![Command::ZoomReset]),
            // Ctrl++ on keyboards where + is its own key.
            push(chord(CTRL, Key::Plus), |_| vec![Command::ZoomIn]),
        ],
        written: Written::Chords(3),
        what: |s| s.keys_zoom,
    },
    line(
        &[push(RUBY, |s| vec![Command::SetRuby(!s.show_ruby)])],
        |s| s.keys_ruby,
    ),
    line(
        &[push(chord(CTRL_SHIFT, Key::T), |s| {
            vec![Command::SetScript(s.script.next())]
        })],
        |s| s.keys_script,
    ),
    line(&[in_panel(chord(Modifiers::NONE, Key::Escape))], |s| {
        s.keys_escape
    }),
    line(&[push(SHEET, |_| vec![Command::ShowShortcuts])], |s| {
        s.keys_sheet
    }),
];

/// Consume the shortcuts pressed this frame, pushing their commands.
///
/// egui ignores an extra Shift when it matches a chord, so the chords with
/// more modifiers are tried first: Ctrl+Shift+Z (redo) before Ctrl+Z (undo).
pub fn handle_keys(ctx: &Context, settings: &Settings, commands: &mut Vec<Command>) {
    // A text field, not any focused widget: Ctrl+Z must still undo while
    // the message's Undo button (or any button) has the keyboard.
    let in_text_field = ctx.text_edit_focused();
    // The table is static: sort its chords (most modifiers first) once, not
    // every frame.
    static CHORDS: std::sync::OnceLock<Vec<&'static Chord>> = std::sync::OnceLock::new();
    let chords = CHORDS.get_or_init(|| {
        let mut chords: Vec<&'static Chord> = SHORTCUTS.iter().flat_map(|s| s.chords).collect();
        chords.sort_by_key(|c| std::cmp::Reverse(modifier_count(c.keys.modifiers)));
        chords
    });
    // Commands are only pushed here: the input lock is held, and the context
    // (`ctx.send_viewport_cmd` for Quit) cannot be locked again inside it.
    ctx.input_mut(|i| {
        let mut undone = false;
        for &chord in chords {
            let commands_of = match chord.does {
                Does::Push(f) => f,
                Does::PushOutsideFields(f) if !in_text_field && !undone => f,
                Does::PushOutsideFields(_) | Does::InPanel => continue,
            };
            if i.consume_shortcut(&chord.keys) {
                undone |= matches!(chord.does, Does::PushOutsideFields(_));
                commands.extend(commands_of(settings));
            }
        }
    });
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd]
        .into_iter()
        .filter(|on| *on)
        .count()
}

/// How a chord is written for people: "Ctrl+F", "Ctrl+Shift+Z", "F1", "Esc"
/// (Ctrl on every system, as the sheet has always written it).
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
        Key::Escape => "Esc",
        other => other.symbol_or_name(),
    });
    text
}

/// A menu label with its keys: "Undo (Ctrl+Z)", "復原（Ctrl+Z）".
#[must_use]
pub fn with_keys(s: &Strings, label: &str, keys: &KeyboardShortcut) -> String {
    fill(
        s.with_keys,
        &[("label", &label), ("keys", &keys_text(keys))],
    )
}

/// The keys cell of a line of the sheet.
#[must_use]
pub fn written(shortcut: &Shortcut, s: &Strings) -> String {
    let texts = shortcut.chords.iter().map(|c| keys_text(&c.keys));
    match shortcut.written {
        Written::Chords(n) => texts.take(n).collect::<Vec<_>>().join(" / "),
        Written::Template(template) => {
            let texts: Vec<String> = texts.collect();
            let values: Vec<(&str, &dyn std::fmt::Display)> = ["1", "2", "3", "4"]
                .into_iter()
                .zip(&texts)
                .map(|(name, text)| (name, text as &dyn std::fmt::Display))
                .collect();
            fill(template(s), &values)
        }
        Written::Words(words) => words(s).to_owned(),
    }
}

/// The shortcuts sheet (F1): every line of [`SHORTCUTS`], keys and what they do.
/// Drawn inside `area`; its response while shown.
pub fn sheet_ui(
    ctx: &Context,
    open: &mut bool,
    area: egui::Rect,
    s: &Strings,
) -> Option<egui::Response> {
    crate::ui::window_frame::window(s.shortcuts_title, "shortcuts", open, area)
        .default_width(460.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for shortcut in SHORTCUTS {
                        ui.strong(written(shortcut, s));
                        ui.label((shortcut.what)(s));
                        ui.end_row();
                    }
                });
            });
        })
        .map(|r| r.response)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "test code: a panic is a failed test"
    )]

    use super::*;
    use crate::ui::i18n::{EN, Lang, strings};

    /// The keys column of the sheet, as the user reads it.
    fn keys_column(s: &Strings) -> Vec<String> {
        SHORTCUTS.iter().map(|line| written(line, s)).collect()
    }

    #[test]
    fn the_sheet_writes_the_keys_of_the_table() {
        assert_eq!(
            keys_column(&EN),
            [
                "Ctrl+O",
                "Ctrl+E",
                "Ctrl+S",
                "Ctrl+Q",
                "Ctrl+F",
                "Ctrl+Enter",
                "Shift+Arrows, Shift+Home/End",
                "Double-click / triple-click",
                "Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y",
                "Ctrl+1 / Ctrl+2 / Ctrl+3",
                "F9",
                "Ctrl+= / Ctrl+- / Ctrl+0",
                "Ctrl+Shift+P",
                "Ctrl+Shift+T",
                "Esc",
                "F1",
            ]
        );
        let hant = keys_column(strings(Lang::ZhHant));
        assert_eq!(hant[6], "Shift+方向鍵、Shift+Home/End");
        assert_eq!(hant[7], "按兩下 / 按三下");
        assert_eq!(hant[8], "Ctrl+Z、Ctrl+Shift+Z 或 Ctrl+Y");
        let hans = keys_column(strings(Lang::ZhHans));
        assert_eq!(hans[6], "Shift+方向键、Shift+Home/End");
        assert_eq!(hans[7], "双击 / 三击");
        assert_eq!(hans[8], "Ctrl+Z、Ctrl+Shift+Z 或 Ctrl+Y");
        // The chords are the same in every language.
        for (i, (en, zh)) in keys_column(&EN).iter().zip(&hans).enumerate() {
            if !matches!(i, 6..=8) {
                assert_eq!(en, zh);
            }
        }
    }

    #[test]
    fn menus_show_the_keys_of_the_table() {
        let hant = strings(Lang::ZhHant);
        assert_eq!(with_keys(&EN, EN.undo, &UNDO), "Undo (Ctrl+Z)");
        assert_eq!(with_keys(&EN, EN.redo, &REDO), "Redo (Ctrl+Shift+Z)");
        assert_eq!(with_keys(&EN, EN.zoom_out, &ZOOM_OUT), "Zoom out (Ctrl+-)");
        assert_eq!(
            with_keys(&EN, EN.add_note, &ADD_NOTE),
            "Add note (Ctrl+Enter)"
        );
        assert_eq!(
            with_keys(&EN, EN.menu_shortcuts, &SHEET),
            "Keyboard shortcuts (F1)"
        );
        assert_eq!(
            with_keys(hant, hant.menu_export, &EXPORT),
            "匯出…（Ctrl+E）"
        );
        assert_eq!(with_keys(hant, hant.zoom_in, &ZOOM_IN), "放大（Ctrl+=）");
        let hans = strings(Lang::ZhHans);
        assert_eq!(with_keys(hans, hans.menu_quit, &QUIT), "退出（Ctrl+Q）");
        assert_eq!(keys_text(&FIND), "Ctrl+F");
    }

    #[test]
    fn no_chord_does_two_things() {
        let chords: Vec<String> = SHORTCUTS
            .iter()
            .flat_map(|line| line.chords)
            .map(|c| keys_text(&c.keys))
            .collect();
        for (i, chord) in chords.iter().enumerate() {
            assert!(!chords[i + 1..].contains(chord), "{chord} twice");
        }
    }

    #[test]
    fn shortcuts_push_their_commands() {
        let settings = Settings::default();
        let commands_of = |keys: &KeyboardShortcut| {
            SHORTCUTS
                .iter()
                .flat_map(|line| line.chords)
                .find(|c| c.keys == *keys)
                .map(|c| match c.does {
                    Does::Push(f) | Does::PushOutsideFields(f) => f(&settings),
                    Does::InPanel => Vec::new(),
                })
                .unwrap()
        };
        assert_eq!(commands_of(&RUBY), [Command::SetRuby(true)]);
        assert_eq!(commands_of(&REDO), [Command::Redo]);
        assert_eq!(
            commands_of(&chord(CTRL, Key::Num2)),
            [
                Command::SetNotesPanel(true),
                Command::SetSideTab(SideTab::Timeline)
            ]
        );
        assert_eq!(commands_of(&ADD_NOTE), []);
        assert_eq!(commands_of(&SIDE_PANEL), [Command::ToggleSidePanel]);
    }
}
