//! A visible focus ring: whatever has the keyboard focus (a button, a menu,
//! a field, a note card, the article) gets a clear outline, drawn above
//! everything, so a reviewer who moves with Tab always sees where they are.
//! egui itself only brightens a focused widget, which is easy to miss.

use egui::{Context, Id, LayerId, Order, Stroke, StrokeKind};

/// Draw the ring around the focused widget, if any.
pub fn focus_ring_ui(ctx: &Context) {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(focused) else {
        return;
    };
    if !response.rect.is_positive() {
        return;
    }
    let color = ctx.global_style().visuals.selection.stroke.color;
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("focus-ring")));
    painter.rect_stroke(
        response.rect.expand(2.0),
        4.0,
        Stroke::new(2.0, color),
        StrokeKind::Outside,
    );
}
