//! The frame every window over the reader shares, apart from the code that
//! draws them all (`windows.rs`), which the windows themselves never need.

use egui::Rect;

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
