//! What the UI tests share: the real app in a headless window, a file dropped
//! the way the windowing system hands it over, and retyping a field.

#![allow(dead_code, reason = "each test file uses the helpers it needs")]

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

/// The app on `doc` in a 1280×900 window, with its notes in `notes` (never
/// the user's data folder), after its first frames.
pub fn window(
    settings: Settings,
    doc: Document,
    notes: &std::path::Path,
) -> Harness<'static, PizhuApp> {
    window_with(settings, doc, notes, [1280.0, 900.0], None)
}

/// [`window`] with another window size, and a clock that advances `step_dt`
/// seconds a frame (small steps make two clicks a double-click).
pub fn window_with(
    settings: Settings,
    doc: Document,
    notes: &std::path::Path,
    size: [f32; 2],
    step_dt: Option<f32>,
) -> Harness<'static, PizhuApp> {
    let setup = settings.clone();
    let app = PizhuApp::new(Ok(doc), settings, Some(notes.to_path_buf()));
    let mut builder = Harness::builder()
        .with_size(size)
        // Going to a far note or match takes a few frames of scrolling.
        .with_max_steps(12);
    if let Some(dt) = step_dt {
        builder = builder.with_step_dt(dt);
    }
    let mut harness = builder
        .with_context_setup(move |ctx| PizhuApp::setup_context(ctx, &setup))
        .build_ui_state(|ui, app: &mut PizhuApp| app.ui_root(ui), app);
    // A few frames: a restored reading position takes up to three to settle.
    harness.run_steps(4);
    harness
}

/// Replace the text of a field the way a user does: focus, select all, type.
pub fn retype(harness: &mut Harness<'static, PizhuApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// A file dropped onto the window.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Scroll the reader with the mouse wheel, the way a user looks for
/// something further down (or up, with a positive `step`), until a widget
/// with `role` and `label` is drawn. The reader draws only what is in view,
/// so a paragraph out of view is not in the accessibility tree at all.
pub fn wheel_until<T>(
    harness: &mut Harness<'static, T>,
    role: egui::accesskit::Role,
    label: &str,
    step: f32,
) {
    use egui_kittest::kittest::Queryable as _;
    for _ in 0..200 {
        if harness.query_by_role_and_label(role, label).is_some() {
            return;
        }
        harness.hover_at(egui::pos2(300.0, 450.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, step),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run_steps(2);
    }
    panic!("{label:?} never came into view");
}

/// Drag with the mouse along the first line of the paragraph whose text
/// contains `text`, from `from_x` to `to_x` pixels after its left edge, as a
/// reviewer selects words.
pub fn drag_across(harness: &mut Harness<'static, PizhuApp>, text: &str, from_x: f32, to_x: f32) {
    let rect = harness.get_by_label_contains(text).rect();
    let y = rect.top() + 12.0;
    let from = egui::Pos2::new(rect.left() + from_x, y);
    let to = egui::Pos2::new(rect.left() + to_x, y);
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.event(egui::Event::PointerMoved(egui::Pos2::new(
        (from.x + to.x) / 2.0,
        y,
    )));
    harness.run();
    harness.event(egui::Event::PointerMoved(to));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}
