//! The egui shell. Data travels one way: panels draw from the state and
//! push [`command::Command`]s; [`app`] hands them to [`state`], the only
//! place the state changes. One module per panel or window, [`menu`] for
//! the menus, [`shortcuts`] for the one table of keys, [`settings`] for what
//! survives a restart, one theme module for colors and sizes. Only this part
//! of the crate knows about egui.

pub mod about;
pub mod app;
pub mod command;
pub mod evidence;
pub mod export_window;
pub mod find_bar;
pub mod focus;
pub mod fonts;
pub mod i18n;
pub mod layout;
pub mod menu;
pub mod notes_panel;
pub mod open;
pub mod path_field;
pub mod reader;
pub mod save_notes_as;
pub mod settings;
pub mod settings_window;
pub mod shortcuts;
pub mod shown;
pub mod start_page;
pub mod state;
pub mod status;
pub mod theme;
pub mod timeline_panel;
pub mod toast;
pub mod window_frame;
pub mod windows;

use std::sync::Arc;
use std::time::Instant;

use crate::core::file::open::OpenError;
use crate::core::text::document::Document;

/// The window icon (title bar, task bar, Alt+Tab; the Dock on macOS): the
/// embedded 128 px PNG of the app icon, decoded by eframe's PNG decoder.
/// `None` only if that PNG were damaged; the window then keeps eframe's
/// default icon. On Wayland the compositor takes the icon from the desktop
/// entry named by the app id instead (`pizhu --install-desktop`).
#[must_use]
pub fn window_icon() -> Option<Arc<egui::IconData>> {
    eframe::icon_data::from_png_bytes(crate::desktop::WINDOW_ICON_PNG)
        .ok()
        .map(Arc::new)
}

/// Open the main window on `doc` (or on the error that kept it from opening).
///
/// # Errors
/// When no window can be created (no display, no OpenGL).
pub fn run(
    doc: Result<Document, OpenError>,
    notes: Option<std::path::PathBuf>,
    started: Instant,
) -> anyhow::Result<()> {
    let title = state::title(doc.as_ref().ok());
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(crate::desktop::APP_ID)
        .with_inner_size(layout::WINDOW_SIZE)
        .with_min_inner_size([480.0, 320.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // Fallback to installed fonts is ours (fonts.rs), deliberate and after the
        // embedded fonts; eframe's silent system fallback mixes baselines.
        system_font_fallback: false,
        ..eframe::NativeOptions::default()
    };
    let exit_after_first_frame = std::env::var_os("PIZHU_FIRST_FRAME").is_some();
    eframe::run_native(
        "pizhu",
        options,
        Box::new(move |cc| {
            let settings = settings::Settings::load(cc.storage);
            app::PizhuApp::setup_context(&cc.egui_ctx, &settings);
            let failed = doc.as_ref().err().and_then(OpenError::path);
            let doc = doc.map_err(|e| i18n::strings(settings.lang).open_error(&e));
            let mut app = app::PizhuApp::new(doc, settings, notes);
            app.set_failed_path(failed);
            app.preload_words();
            app.set_probe(started, exit_after_first_frame);
            app.start_font_scan(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| {
        anyhow::anyhow!(
            "could not open a window: {err}; the CLI commands (pizhu text …) work without a display"
        )
    })
}
