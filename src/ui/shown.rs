//! Text of the document shown outside the reader (the quotes of the notes
//! list and of the editor) in the display script the reader uses, so that a
//! 简体 view does not list its quotes in 繁體.
//!
//! The display script is a setting of the state, but the notes panel is
//! drawn without it: the app records it in the egui context once a frame
//! ([`set_script`]) and [`text`] reads it back.

use crate::core::text::script::{self, Script as CoreScript};
use crate::ui::settings::Script;

/// Where the display script is kept in the context's memory.
fn key() -> egui::Id {
    egui::Id::unique("pizhu.shown.script")
}

/// Record the display script for this frame (before any panel is drawn).
pub fn set_script(ctx: &egui::Context, script: Script) {
    ctx.data_mut(|d| d.insert_temp(key(), script));
}

/// The core script for a display script (`None`: the text as it is).
#[must_use]
pub fn core_script(script: Script) -> Option<CoreScript> {
    match script {
        Script::Original => None,
        Script::Simplified => Some(CoreScript::Simplified),
        Script::Traditional => Some(CoreScript::Traditional),
    }
}

/// `text` (a quote of the document) as the reader shows it: converted to
/// the display script by the same rule as the reader's paragraphs.
#[must_use]
pub fn text(ctx: &egui::Context, text: &str) -> String {
    let script = ctx
        .data(|d| d.get_temp::<Script>(key()))
        .and_then(core_script);
    match script {
        Some(script) => script::convert(text, script),
        None => text.to_owned(),
    }
}
