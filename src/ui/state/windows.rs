//! Which windows over the reader are open, with their fields as typed,
//! and their order (the last opened or clicked on top), which Esc follows.
//! Drawing them is `ui/windows.rs`.

use crate::ui::export_window::{ExportState, ImportState};
use crate::ui::open::OpenState;
use crate::ui::save_notes_as::SaveNotesAsState;

/// Which windows are shown, and their fields as typed.
#[derive(Debug, Default)]
pub struct Windows {
    /// The About window.
    pub about: bool,
    /// The Settings window.
    pub settings: bool,
    /// The keyboard shortcuts sheet (F1).
    pub shortcuts: bool,
    /// The Open window.
    pub open: OpenState,
    /// The Export window.
    pub export: ExportState,
    /// The Import window.
    pub import: ImportState,
    /// The Save notes as window.
    pub save_notes_as: SaveNotesAsState,
    /// The open windows, bottom to top (see `ui/windows.rs`): Esc closes
    /// the last.
    pub stack: Vec<Kind>,
}

/// Which window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// About Pizhu.
    About,
    /// The keyboard shortcuts sheet.
    Shortcuts,
    /// Settings.
    Settings,
    /// Open a document.
    Open,
    /// Export notes.
    Export,
    /// Import annotations.
    Import,
    /// Save notes as.
    SaveNotesAs,
}

impl Kind {
    /// Every window.
    pub const ALL: [Self; 7] = [
        Self::About,
        Self::Shortcuts,
        Self::Settings,
        Self::Open,
        Self::Export,
        Self::Import,
        Self::SaveNotesAs,
    ];
}

impl Windows {
    /// Whether the window `kind` is shown.
    #[must_use]
    pub fn is_open(&self, kind: Kind) -> bool {
        match kind {
            Kind::About => self.about,
            Kind::Shortcuts => self.shortcuts,
            Kind::Settings => self.settings,
            Kind::Open => self.open.open,
            Kind::Export => self.export.open,
            Kind::Import => self.import.open,
            Kind::SaveNotesAs => self.save_notes_as.open,
        }
    }

    /// Close the window `kind`.
    pub fn close(&mut self, kind: Kind) {
        match kind {
            Kind::About => self.about = false,
            Kind::Shortcuts => self.shortcuts = false,
            Kind::Settings => self.settings = false,
            Kind::Open => self.open.open = false,
            Kind::Export => self.export.open = false,
            Kind::Import => self.import.open = false,
            Kind::SaveNotesAs => self.save_notes_as.open = false,
        }
    }

    /// The open windows, bottom to top: the last opened or clicked is on
    /// top. Brought up to date with what is open now.
    pub(crate) fn refresh_stack(&mut self) {
        let open: Vec<Kind> = Kind::ALL.into_iter().filter(|&k| self.is_open(k)).collect();
        self.stack.retain(|k| open.contains(k));
        for kind in open {
            if !self.stack.contains(&kind) {
                self.stack.push(kind);
            }
        }
    }

    /// The window on top, if any is open.
    #[must_use]
    pub fn topmost(&self) -> Option<Kind> {
        self.stack.last().copied()
    }

    pub(crate) fn raise(&mut self, kind: Kind) {
        self.stack.retain(|&k| k != kind);
        self.stack.push(kind);
    }
}
