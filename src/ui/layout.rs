//! The rules of the window's layout: how wide the side panel may be, how
//! wide the article must stay, and below which window width the side panel
//! becomes a drawer over the article. The app draws by them
//! ([`crate::ui::app`]); the state asks [`is_narrow`] when the side panel
//! is toggled.

use crate::ui::theme;

/// The side panel's width when the user has not chosen one, in points.
pub const SIDE_DEFAULT_WIDTH: f32 = theme::NOTES_PANEL_WIDTH;
/// The narrowest the side panel gets (its filters and buttons still fit).
pub const SIDE_MIN_WIDTH: f32 = 260.0;
/// The widest the side panel gets, whatever the window.
pub const SIDE_MAX_WIDTH: f32 = 900.0;
/// Below this window width the side panel is a drawer over the article.
pub const DRAWER_BELOW: f32 = 900.0;
/// The article always shows at least this many CJK characters a line.
pub const ARTICLE_MIN_CHARS: f32 = 20.0;
/// The space left and right of the drawer.
pub const DRAWER_MARGIN: f32 = 24.0;

/// The narrowest the article's area may be at reading size `size`: the
/// column of [`ARTICLE_MIN_CHARS`] characters, the paragraph-number gutter,
/// the spacing and margin around them and the scroll bar.
#[must_use]
pub fn article_min_width(size: f32) -> f32 {
    size * (ARTICLE_MIN_CHARS + theme::GUTTER + 1.0) + 48.0
}

/// Whether a window `width` wide shows the side panel as a drawer: below
/// [`DRAWER_BELOW`], or when the panel at its narrowest and the article
/// at its narrowest do not both fit (a large reading size).
#[must_use]
pub fn is_narrow(width: f32, reading_size: f32) -> bool {
    width < DRAWER_BELOW.max(SIDE_MIN_WIDTH + article_min_width(reading_size))
}

/// The widths the side panel may take beside the article in a window
/// `width` wide (not narrow).
#[must_use]
pub fn side_width_range(width: f32, reading_size: f32) -> std::ops::RangeInclusive<f32> {
    let max = (width - article_min_width(reading_size)).clamp(SIDE_MIN_WIDTH, SIDE_MAX_WIDTH);
    SIDE_MIN_WIDTH..=max
}

/// The drawer's width in a window area `width` wide: the chosen width,
/// but leaving a strip of the article visible on the left.
#[must_use]
pub fn drawer_width(chosen: f32, width: f32) -> f32 {
    chosen
        .clamp(SIDE_MIN_WIDTH, SIDE_MAX_WIDTH)
        .min(width - DRAWER_MARGIN * 2.0)
        .max(0.0)
}

/// The height of the note editor's region at the top of the notes tab,
/// given the height the tab has: fixed for a window size, whether a note
/// is open or not and whatever it holds (it scrolls inside), so opening a
/// note never moves the list below it.
#[must_use]
pub fn editor_height(available: f32) -> f32 {
    (available * 0.45).clamp(140.0, 340.0).min(available * 0.6)
}

/// The window's size when it opens on a screen `monitor` big (in points):
/// the built-in size where it fits, three quarters of a larger screen
/// (a 2560×1440 screen gets 1920×1080, not a small window in a corner),
/// and the whole of a smaller one (never wider or taller than the screen).
#[must_use]
pub fn first_window_size(monitor: egui::Vec2) -> egui::Vec2 {
    let fit = |screen: f32, built_in: f32| screen.min(built_in.max(screen * 0.75));
    egui::vec2(
        fit(monitor.x, WINDOW_SIZE[0]),
        fit(monitor.y, WINDOW_SIZE[1]),
    )
}

/// The window's built-in size, before the screen is known.
pub const WINDOW_SIZE: [f32; 2] = [1100.0, 800.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_window_fits_the_screen_and_uses_a_big_one() {
        let size = |w: f32, h: f32| first_window_size(egui::vec2(w, h));
        assert_eq!(size(2560.0, 1440.0), egui::vec2(1920.0, 1080.0));
        assert_eq!(size(1280.0, 800.0), egui::vec2(1100.0, 800.0));
        assert_eq!(size(800.0, 600.0), egui::vec2(800.0, 600.0));
        assert_eq!(size(500.0, 400.0), egui::vec2(500.0, 400.0));
    }

    #[test]
    fn the_article_keeps_twenty_characters_beside_the_panel() {
        for size in [theme::READING_SIZE_MIN, theme::READING_SIZE, 30.0] {
            for width in [900.0, 1280.0, 2560.0] {
                if is_narrow(width, size) {
                    continue;
                }
                let range = side_width_range(width, size);
                let article = width - range.end();
                assert!(article >= size * ARTICLE_MIN_CHARS, "{width} {size}");
                assert!(range.start() <= range.end());
            }
        }
    }

    #[test]
    fn narrow_windows_and_large_text_use_the_drawer() {
        assert!(is_narrow(500.0, theme::READING_SIZE));
        assert!(is_narrow(800.0, theme::READING_SIZE));
        assert!(!is_narrow(1280.0, theme::READING_SIZE));
        // At the largest size, 20 characters and the panel need more than 1280.
        assert!(is_narrow(1280.0, theme::READING_SIZE_MAX));
        assert!(drawer_width(380.0, 500.0) <= 500.0 - DRAWER_MARGIN * 2.0);
        assert!((drawer_width(380.0, 1000.0) - 380.0).abs() < f32::EPSILON);
    }

    #[test]
    fn the_editor_region_depends_only_on_the_height() {
        assert!((editor_height(300.0) - 140.0).abs() < f32::EPSILON);
        assert!((editor_height(2000.0) - 340.0).abs() < f32::EPSILON);
        assert!(editor_height(150.0) <= 90.0);
    }
}
