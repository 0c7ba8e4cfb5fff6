//! The user's choices that survive a restart: text size, theme, fonts, side
//! panel, script, recent files and reading positions, the interface
//! language. eframe stores them under [`SETTINGS_KEY`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::core::notes::note::os_user_name;
use crate::ui::fonts::ReadingFont;
use crate::ui::i18n::Lang;
use crate::ui::layout;
use crate::ui::theme;

/// Key under which [`Settings`] are stored by eframe.
const SETTINGS_KEY: &str = "pizhu-settings";

/// How many recent files are remembered.
pub const RECENT_MAX: usize = 10;
/// How many documents' reading positions are remembered.
const POSITIONS_MAX: usize = 100;

/// User choices that survive a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading text size in points.
    pub reading_size: f32,
    /// Show the scraped pinyin as ruby above its characters.
    pub show_ruby: bool,
    /// Light, dark, or follow the system.
    pub theme: ThemeChoice,
    /// The font the article is read in.
    pub reading_font: ReadingFont,
    /// The author written on new notes.
    pub author: String,
    /// Show the side panel (notes, timeline, people).
    pub show_notes: bool,
    /// Which tab of the side panel is shown.
    pub side_tab: SideTab,
    /// The side panel's width in points, as the user last dragged it (kept
    /// within the window's room for it when drawn: see [`crate::ui::layout`]).
    pub side_width: f32,
    /// Show the text as it is, or converted to simplified or traditional.
    pub script: Script,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
    /// Width of the reading column in CJK characters.
    pub column_chars: f32,
    /// Recently opened files, newest first (at most [`RECENT_MAX`]).
    pub recent: Vec<PathBuf>,
    /// Reading position (first visible char) per document, by clean-text hash.
    pub positions: Vec<(String, usize)>,
    /// The interface language. Settings saved before there was a choice
    /// take the system's, as a first start does.
    #[serde(default = "Lang::system")]
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reading_size: theme::READING_SIZE,
            show_ruby: false,
            theme: ThemeChoice::System,
            reading_font: ReadingFont::Serif,
            author: os_user_name(),
            show_notes: true,
            side_tab: SideTab::Notes,
            side_width: layout::SIDE_DEFAULT_WIDTH,
            script: Script::Original,
            line_spacing: theme::LINE_HEIGHT,
            column_chars: theme::COLUMN_CHARS,
            recent: Vec::new(),
            positions: Vec::new(),
            // Not the system's: tests and `Default` stay the same everywhere;
            // a first start picks the system's in `load`.
            lang: Lang::En,
        }
    }
}

impl Settings {
    /// Restore settings saved by a previous run; at first start (nothing
    /// saved yet) the defaults, in the system's language.
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_else(|| Self {
                lang: Lang::system(),
                ..Self::default()
            })
    }

    /// Keep the settings for the next run.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, self);
    }

    /// Put `path` first among the recent files (once, at most [`RECENT_MAX`]).
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// Remember `at` as the reading position in the document whose clean
    /// text hashes to `hash` (the most recent [`POSITIONS_MAX`] documents).
    pub fn remember_position(&mut self, hash: &str, at: usize) {
        self.positions.retain(|(h, _)| h != hash);
        self.positions.insert(0, (hash.to_owned(), at));
        self.positions.truncate(POSITIONS_MAX);
    }

    /// The remembered reading position in the document hashing to `hash`.
    #[must_use]
    pub fn position_of(&self, hash: &str) -> Option<usize> {
        self.positions
            .iter()
            .find(|(h, _)| h == hash)
            .map(|(_, at)| *at)
    }

    /// The reading size as a whole percentage of the default size.
    #[must_use]
    pub fn zoom_percent(&self) -> u32 {
        let percent = (self.reading_size / crate::ui::theme::READING_SIZE * 100.0).round();
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a reading size is clamped to a small positive range"
        )]
        let percent = percent.max(0.0) as u32;
        percent
    }

    /// Set the side panel's width, within what any window allows.
    pub fn set_side_width(&mut self, width: f32) {
        self.side_width = width.clamp(layout::SIDE_MIN_WIDTH, layout::SIDE_MAX_WIDTH);
    }

    /// Set the reading size, rounded to a tenth of a point (so zooming in
    /// and out returns to the same size) and kept within the allowed range.
    pub fn set_reading_size(&mut self, size: f32) {
        let size = (size * 10.0).round() / 10.0;
        self.reading_size = size.clamp(theme::READING_SIZE_MIN, theme::READING_SIZE_MAX);
    }
}

/// Which characters the text is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Script {
    /// As in the file.
    #[default]
    Original,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters (繁體).
    Traditional,
}

impl Script {
    /// The next script in the Ctrl+Shift+T cycle: original, simplified, traditional.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Original => Self::Simplified,
            Self::Simplified => Self::Traditional,
            Self::Traditional => Self::Original,
        }
    }
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// The note editor and the notes list.
    #[default]
    Notes,
    /// The timeline of the day.
    Timeline,
    /// Who's who.
    People,
}

/// The color theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Light theme.
    Light,
    /// Dark theme.
    Dark,
}

impl ThemeChoice {
    /// The egui preference this choice stands for.
    #[must_use]
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_once_each() {
        let mut settings = Settings::default();
        for i in 0..12 {
            settings.remember_recent(PathBuf::from(format!("/文件/{i}.txt")));
        }
        settings.remember_recent(PathBuf::from("/文件/5.txt"));
        assert_eq!(settings.recent.len(), RECENT_MAX);
        assert_eq!(settings.recent[0], PathBuf::from("/文件/5.txt"));
        assert_eq!(settings.recent[1], PathBuf::from("/文件/11.txt"));
        let fives = settings.recent.iter().filter(|p| p.ends_with("5.txt"));
        assert_eq!(fives.count(), 1);
    }

    #[test]
    fn reading_positions_are_kept_per_document() {
        let mut settings = Settings::default();
        settings.remember_position("濟寧", 120);
        settings.remember_position("青島", 7);
        settings.remember_position("濟寧", 300);
        assert_eq!(settings.position_of("濟寧"), Some(300));
        assert_eq!(settings.position_of("青島"), Some(7));
        assert_eq!(settings.position_of("煙台"), None);
        assert_eq!(settings.positions.len(), 2);
    }

    #[test]
    fn zoom_rounds_and_stays_in_range() {
        let mut settings = Settings::default();
        settings.set_reading_size(theme::READING_SIZE * 1.1);
        let size = settings.reading_size;
        assert!((size * 10.0 - (size * 10.0).round()).abs() < 1e-3, "{size}");
        settings.set_reading_size(1000.0);
        assert!((settings.reading_size - theme::READING_SIZE_MAX).abs() < f32::EPSILON);
        assert_eq!(Script::Traditional.next(), Script::Original);
    }
}
