//! The margin beside a block: one dot per note where the note starts, at
//! most three per line, then a "+N" for the rest; each opens its note.

use egui::{Align2, FontId, Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

use crate::core::notes::note::{Note, TextPosition};
use crate::core::text::excerpt::short;
use crate::core::text::segment::Paragraph;
use crate::ui::i18n::fill;
use crate::ui::theme;

use super::glyphs::GlyphBox;
use super::state::ReaderView;
use crate::ui::command::Command;

/// The margin markers of the notes that start in this block.
#[allow(
    clippy::too_many_arguments,
    reason = "one paragraph's margin drawing context"
)]
pub(super) fn margin_markers_ui(
    ui: &mut Ui,
    para: &Paragraph,
    boxes: &[GlyphBox],
    notes: &[(&Note, TextPosition)],
    view: &ReaderView<'_>,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let size = view.size;
    let Some(first) = boxes.first() else {
        return;
    };
    let x = first.rect.left() - size * 0.35;
    // Markers sit on the line where their note starts, at most three per
    // line; a "+N" stands for the rest (a line can start hundreds of notes).
    let mut line_y = f32::NAN;
    let mut on_line = 0usize;
    let starts: Vec<(&Note, f32)> = notes
        .iter()
        .filter(|(_, pos)| pos.start >= para.start)
        .map(|(note, pos)| {
            let y = boxes
                .get(pos.start - para.start)
                .map_or(first.rect.center().y, |b| b.rect.center().y);
            (*note, y)
        })
        .collect();
    for (k, &(note, y)) in starts.iter().enumerate() {
        if (y - line_y).abs() > 0.5 {
            line_y = y;
            on_line = 0;
        }
        on_line += 1;
        if on_line > MARKERS_PER_LINE + 1 {
            continue;
        }
        if on_line == MARKERS_PER_LINE + 1 {
            let more = starts[k..]
                .iter()
                .take_while(|(_, y2)| (y2 - y).abs() <= 0.5)
                .count();
            if more > 1 {
                // Under the line's dots, clear of the paragraph number.
                let at = Pos2::new(x - size * 0.3, y + size * 0.3);
                more_markers_ui(ui, note, more, at, view, commands);
                continue;
            }
        }
        #[allow(clippy::cast_precision_loss, reason = "at most three markers per line")]
        let center = Pos2::new(x - ((on_line - 1) % 3) as f32 * size * 0.3, y);
        let rect = Rect::from_center_size(center, Vec2::splat(size * 0.45));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("marker", &note.id)),
            Sense::click(),
        );
        ui.painter()
            .circle_filled(center, size * 0.16, theme::note_color(note.color, dark));
        // A note whose place should be checked after the text changed
        // (moved to other surroundings, approximate, ambiguous) is ringed,
        // so it shows in the text as well as in the notes list.
        let badge = view
            .store
            .and_then(|s| s.anchor_of(&note.id))
            .and_then(|a| view.strings.status_badge(a));
        if badge.is_some() {
            ui.painter().circle_stroke(
                center,
                size * 0.22,
                egui::Stroke::new(size * 0.06, theme::palette(ui.visuals()).warning),
            );
        }
        let quote = short(&note.target.quote.exact, 12);
        let label = match badge {
            Some(status) => fill(
                view.strings.open_note_on_checking,
                &[("quote", &quote), ("status", &status)],
            ),
            None => fill(view.strings.open_note_on, &[("quote", &quote)]),
        };
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            commands.push(Command::OpenNote {
                id: note.id.clone(),
                reveal: false,
            });
        }
    }
}

/// Margin markers drawn on one line before the rest become "+N".
const MARKERS_PER_LINE: usize = 3;

/// The "+N" in the margin: `count` more notes start on this line; a click
/// opens the first of them (`note`), and the notes list has them all.
fn more_markers_ui(
    ui: &mut Ui,
    note: &Note,
    count: usize,
    at: Pos2,
    view: &ReaderView<'_>,
    commands: &mut Vec<Command>,
) {
    let text = format!("+{count}");
    let font = FontId::proportional(view.size * 0.4);
    let color = theme::palette(ui.visuals()).gutter;
    let rect = ui
        .painter()
        .text(at, Align2::CENTER_TOP, &text, font, color);
    let response = ui.interact(
        rect.expand(2.0),
        ui.scope_id().with(("more-markers", &note.id)),
        Sense::click(),
    );
    let label = fill(view.strings.more_notes_on_line, &[("n", &count)]);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clone().on_hover_text(&label).clicked() {
        commands.push(Command::OpenNote {
            id: note.id.clone(),
            reveal: false,
        });
    }
}
