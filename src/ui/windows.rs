//! The windows over the reader (About, the shortcuts sheet, Settings, Open,
//! Export, Import, Save notes as): drawn in one place, each inside the area
//! below the menu bar (never over it), and closed by Esc, the topmost first.

use egui::{Context, Key, Modifiers, Rect, Response};

use crate::ui::command::Command;
use crate::ui::state::{AppState, Kind, Windows};
use crate::ui::{about, export_window, open, save_notes_as, settings_window, shortcuts};

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
