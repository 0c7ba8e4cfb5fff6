//! Whether the side panel is on screen (beside the article, or as the
//! drawer over it in a narrow window) and the message with Undo after a
//! destructive action: the state of the window's chrome that is not
//! remembered across a restart.

use crate::ui::command::Command;
use crate::ui::layout;
use crate::ui::settings::Settings;
use crate::ui::toast::Toast;

/// The drawer and the toast.
#[derive(Debug, Default)]
pub struct Chrome {
    /// In a narrow window, the side panel is shown as a drawer over the
    /// article (with [`Settings::show_notes`]); not remembered, so a narrow
    /// window starts with the article.
    pub drawer_open: bool,
    /// The message with Undo after a destructive action.
    pub toast: Option<Toast>,
}

impl Chrome {
    /// Apply a command about the side panel or the toast, in a window
    /// `width` wide; other commands are not for it.
    pub fn handle(&mut self, settings: &mut Settings, width: f32, command: Command) {
        match command {
            Command::SetNotesPanel(on) => self.set_side(settings, on),
            Command::ToggleSidePanel => self.toggle_side(settings, width),
            Command::SetSidePanelWidth(w) => settings.set_side_width(w),
            Command::DismissToast => self.toast = None,
            _ => {}
        }
    }

    /// Whether the side panel is on screen in a window `width` wide.
    #[must_use]
    pub fn side_shown(&self, settings: &Settings, width: f32) -> bool {
        let narrow = layout::is_narrow(width, settings.reading_size);
        settings.show_notes && (self.drawer_open || !narrow)
    }

    /// Show or hide the side panel (View menu, Ctrl+1/2/3; a note opened
    /// or added shows it): beside the article and as the drawer alike.
    pub fn set_side(&mut self, settings: &mut Settings, on: bool) {
        settings.show_notes = on;
        self.drawer_open = on;
    }

    /// Show the side panel when hidden, hide it when shown (F9, the
    /// menu-bar button). Closing the drawer keeps the panel of a wide window.
    pub fn toggle_side(&mut self, settings: &mut Settings, width: f32) {
        let narrow = layout::is_narrow(width, settings.reading_size);
        let shown = self.side_shown(settings, width);
        settings.show_notes = !shown || narrow;
        self.drawer_open = !shown;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawer_and_the_panel_toggle_apart() {
        let mut settings = Settings::default();
        let mut chrome = Chrome::default();
        // A narrow window starts with the article; F9 opens the drawer.
        assert!(!chrome.side_shown(&settings, 600.0));
        chrome.toggle_side(&mut settings, 600.0);
        assert!(chrome.side_shown(&settings, 600.0));
        // Closing the drawer leaves the wide window's panel on.
        chrome.toggle_side(&mut settings, 600.0);
        assert!(!chrome.side_shown(&settings, 600.0));
        assert!(chrome.side_shown(&settings, 1400.0));
        chrome.toggle_side(&mut settings, 1400.0);
        assert!(!settings.show_notes);
        chrome.set_side(&mut settings, true);
        assert!(chrome.side_shown(&settings, 600.0));
    }
}
