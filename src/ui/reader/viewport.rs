//! The virtualised column: only the blocks in the viewport are laid out
//! and drawn, each placed at its measured or estimated top. A block measured
//! for the first time above the view moves the scroll offset so the text in
//! view does not jump; a scroll target not drawn yet is approached through
//! its estimated position; the reading position is the first char in view.

use egui::{Pos2, Rect, Ui, Vec2};

use crate::core::text::document::Document;
use crate::ui::theme;

use super::blocks::{LayoutKey, block_height, block_text, number_height};
use super::input::drag_across_paragraphs;
use super::paragraph::{paragraph_number_ui, paragraph_ui};
use super::state::{ReaderState, ReaderView};
use super::wrap::{Type, layout_block};
use crate::ui::command::Command;

/// The blocks in `viewport` (content coordinates), placed by their tops.
pub(super) fn blocks_ui(
    ui: &mut Ui,
    viewport: Rect,
    doc: &Document,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    state.placed.clear();
    state.scrolled = false;
    let full = ui.available_width();
    let gutter = view.size * theme::GUTTER;
    let sx = ui.spacing().item_spacing.x;
    // Three items share each row (padding, gutter, text) with spacing
    // between them; keep a margin on the right too.
    let room = full - gutter - sx * 2.0 - view.size;
    let column = (view.size * view.column_chars)
        .min(room)
        .max(view.size * 4.0);
    let left_pad = ((room - column) / 2.0).max(0.0);
    let line_height = view.line_height();
    let number = number_height(view.size);
    let gap = view.size * theme::PARAGRAPH_GAP + ui.spacing().item_spacing.y;
    let key = LayoutKey {
        column,
        size: view.size,
        line_height,
        display: view.display.is_some(),
    };
    if state.layout.prepare(doc, key, gap, number)
        && state.scroll_to.is_none()
        && state.offset > 0.0
    {
        // The text re-wrapped (a narrower window, a bigger size): keep the
        // reading position at the top rather than the scroll offset. That
        // char is in view, so its block places it exactly in one frame.
        state.scroll_to_top(state.top_char);
        state.scroll_frames = 1;
    }
    let pad_top = view.size;
    let total = pad_top + state.layout.total() + view.size * 2.0;
    ui.set_min_height(total);
    let origin = ui.max_rect().min;
    let x_number = origin.x + left_pad + sx;
    let x_text = x_number + gutter + sx;
    let n = state.layout.blocks.len();
    let first = state.layout.at_y(viewport.min.y - pad_top);
    let mut next_top: Option<f32> = None;
    for i in first..n {
        if next_top.is_some_and(|y| y + pad_top > viewport.max.y) {
            break;
        }
        let Some(&block) = state.layout.blocks.get(i) else {
            break;
        };
        let text = block_text(doc, view.display, block);
        let laid = layout_block(
            ui,
            text,
            column,
            Type {
                size: view.size,
                line_height: view.line_height(),
            },
        );
        let height = block_height(laid.size().y, block, gap, number);
        let lay = &state.layout;
        let estimate = lay.heights.get(i).copied().unwrap_or(height);
        let top = match next_top {
            Some(y) => y,
            // The first block in view, measured for the first time: keep
            // its bottom (and everything below it, in view) where it was,
            // and move the scroll offset by the difference next frame.
            // (Not while going to a target: that places the view anyway.)
            None if i > 0
                && state.scroll_to.is_none()
                && !lay.measured.get(i).copied().unwrap_or(true) =>
            {
                state.scroll_fix += height - estimate;
                lay.tops.get(i + 1).copied().unwrap_or(0.0) - height
            }
            None => lay.tops.get(i).copied().unwrap_or(0.0),
        };
        state.layout.measure(i, height);
        next_top = Some(top + height);
        let y = origin.y + pad_top + top;
        if block.first {
            let rect = Rect::from_min_size(Pos2::new(x_number, y), Vec2::new(gutter, number));
            if paragraph_number_ui(
                ui,
                rect,
                block.range.index + 1,
                view.size,
                palette(ui),
                view.strings,
            )
            .clicked()
            {
                commands.push(Command::AddParagraphNote(block.range.index));
            }
        }
        let rect = Rect::from_min_size(Pos2::new(x_text, y), laid.size());
        paragraph_ui(ui, doc, &block.range, laid, rect, view, state, commands);
    }
    if let Some(target) = state.scroll_to
        && !state.scrolled
        && n > 0
    {
        // The target is not in view: go to where its block is estimated to
        // be; once it is drawn, the next frames place it exactly.
        let lay = &state.layout;
        let i = lay.at_char(target.start);
        let top = origin.y + pad_top + lay.tops.get(i).copied().unwrap_or(0.0);
        let height = lay.heights.get(i).copied().unwrap_or(0.0);
        let rect = Rect::from_min_size(Pos2::new(x_text, top), Vec2::new(column, height));
        ui.scroll_to_rect(rect, state.scroll_align);
        // Going there does not use up the frames that place it exactly; a
        // few blind tries at most, so that a target never drawn cannot keep
        // the window repainting.
        state.blind_frames += 1;
        if state.blind_frames > 4 {
            state.scroll_to = None;
        } else {
            ui.ctx().request_repaint();
        }
    } else {
        state.blind_frames = 0;
    }
    drag_across_paragraphs(ui, state);
    let top = ui.clip_rect().top();
    if let Some(p) = state.placed.iter().find(|p| p.rect.bottom() > top) {
        let y = top.max(p.rect.top()) + 1.0;
        state.top_char = p.start + p.laid.char_at(p.rect.min, Pos2::new(p.rect.left(), y));
    }
}

/// The theme's colors for the current light or dark mode.
fn palette(ui: &Ui) -> theme::Palette {
    theme::palette(ui.visuals())
}
