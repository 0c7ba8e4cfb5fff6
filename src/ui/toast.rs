//! The short message after a destructive action, with Undo: "Note deleted
//! — Undo". The state sets it ([`Command::Announced`]); [`toast_ui`] draws it
//! at the bottom of the article, above the status bar. Its Undo button is
//! in the keyboard's Tab order, takes the focus when nothing else has it,
//! and Ctrl+Z does the same everywhere outside text fields.

use egui::{Align2, Context, Id, RichText};

use crate::ui::command::{Command, Done};
use crate::ui::i18n::Strings;
use crate::ui::shortcuts::{self, with_keys};

/// How long the message stays, in seconds (longer while the pointer is
/// over it).
pub const TOAST_SECONDS: f64 = 8.0;

/// The message on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// What was done.
    pub done: Done,
    /// When it goes away (egui time), unless the user is at it.
    pub until: f64,
    /// Give the Undo button the keyboard on the first frame.
    pub focus: bool,
    /// The note to open again when this is undone (the deleted one).
    pub reopen: Option<String>,
}

impl Toast {
    /// A message shown from `now`.
    #[must_use]
    pub fn new(done: Done, now: f64) -> Self {
        Self {
            done,
            until: now + TOAST_SECONDS,
            focus: true,
            reopen: None,
        }
    }
}

/// Draw the message at the bottom centre of `area` (the article's area);
/// when its time is up, ask for it to go ([`Command::DismissToast`]). Only
/// its own clock and focus request change here.
pub fn toast_ui(
    ctx: &Context,
    toast: &mut Option<Toast>,
    area: egui::Rect,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(shown) = toast else { return };
    let now = ctx.input(|i| i.time);
    let response = egui::Area::new(Id::unique("toast"))
        .order(egui::Order::Foreground)
        .pivot(Align2::CENTER_BOTTOM)
        .fixed_pos(area.center_bottom() - egui::vec2(0.0, 16.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(shown.done.message(s)).strong());
                    let undo =
                        ui.button(s.undo)
                            .on_hover_text(with_keys(s, s.undo, &shortcuts::UNDO));
                    if shown.focus {
                        shown.focus = false;
                        if ui.memory(|m| m.focused().is_none()) {
                            undo.request_focus();
                        }
                    }
                    if undo.clicked() {
                        commands.push(Command::Undo);
                    }
                    if ui.button(s.toast_dismiss).clicked() {
                        commands.push(Command::DismissToast);
                    }
                });
            });
        })
        .response;
    if response.contains_pointer() {
        // The user is reading it or about to press Undo: give them time.
        shown.until = shown.until.max(now + 2.0);
    }
    if now >= shown.until {
        commands.push(Command::DismissToast);
    } else {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(shown.until - now));
    }
}
