//! The windows over the reader (About, the shortcuts sheet, Settings, Open,
//! Export, Import, Save notes as): drawn in one place, each inside the area
//! below the menu bar (never over it), and closed by Esc, the topmost first.

use egui::{Context, Key, Modifiers, Rect, Response};

use crate::ui::command::Command;
use crate::ui::state::{AppState, Windows};
use crate::ui::{about, export_window, open, save_notes_as, settings_window, shortcuts};

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
    const ALL: [Self; 7] = [
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
    fn refresh_stack(&mut self) {
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

    fn raise(&mut self, kind: Kind) {
        self.stack.retain(|&k| k != kind);
        self.stack.push(kind);
    }
}

/// Esc closes the topmost window, before anything else sees the key (the
/// note editor or the find bar would otherwise close under the window).
/// Returns whether a window was closed.
pub fn escape_closes_topmost(ctx: &Context, windows: &mut Windows) -> bool {
    windows.refresh_stack();
    let Some(top) = windows.topmost() else {
        return false;
    };
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        windows.close(top);
        windows.refresh_stack();
        return true;
    }
    false
}

/// A window as all of Pizhu's are: a fixed id (titles change with the
/// language), no collapsing, and kept inside `area` (below the menu bar).
pub(crate) fn window<'a>(
    title: &str,
    id: &str,
    open: &'a mut bool,
    area: Rect,
) -> egui::Window<'a> {
    egui::Window::new(title.to_owned())
        .id(egui::Id::unique(("pizhu-window", id)))
        .open(open)
        .collapsible(false)
        .constrain_to(area)
        .max_height(area.height())
}

/// Draw the windows over the reader, inside `area` (what the panels leave
/// free: below the menu bar, above the status bar); what they ask for goes
/// to `commands`.
pub fn windows_ui(ctx: &Context, area: Rect, state: &mut AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    let windows = &mut state.windows;
    windows.refresh_stack();
    let mut responses: Vec<(Kind, Option<Response>)> = Vec::with_capacity(Kind::ALL.len());
    responses.push((
        Kind::About,
        about::about_window_ui(ctx, &mut windows.about, area, s),
    ));
    responses.push((
        Kind::Shortcuts,
        shortcuts::sheet_ui(ctx, &mut windows.shortcuts, area, s),
    ));
    responses.push((
        Kind::Settings,
        settings_window::settings_window_ui(
            ctx,
            &mut windows.settings,
            area,
            (&state.settings.author, state.settings.lang),
            settings_window::FontChoice {
                current: &state.settings.reading_font,
                installed: state.fonts.installed_families(),
            },
            s,
            commands,
        ),
    ));
    responses.push((
        Kind::Open,
        open::open_window_ui(ctx, &mut windows.open, area, s, commands),
    ));
    // Counting the filtered notes is a pass over all of them: only while
    // the Export window shows the counts.
    let counts = match state.notes.notes() {
        Some(n) if windows.export.open => {
            (n.store().notes().len(), state.filter.apply(n.store()).len())
        }
        _ => (0, 0),
    };
    responses.push((
        Kind::Export,
        export_window::export_window_ui(ctx, &mut windows.export, area, counts, s, commands),
    ));
    responses.push((
        Kind::Import,
        export_window::import_window_ui(ctx, &mut windows.import, area, s, commands),
    ));
    responses.push((
        Kind::SaveNotesAs,
        save_notes_as::save_notes_as_window_ui(ctx, &mut windows.save_notes_as, area, s, commands),
    ));
    // A window clicked comes to the front (egui raises it): so does it in
    // the order Esc follows.
    let pressed = ctx.input(|i| i.pointer.any_pressed());
    for (kind, response) in responses {
        if pressed && response.is_some_and(|r| r.contains_pointer()) {
            windows.raise(kind);
        }
    }
    windows.refresh_stack();
}
