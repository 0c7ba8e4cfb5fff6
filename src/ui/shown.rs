//! Text of the document shown outside the reader (the quotes of the notes
//! list and of the editor) in the display script the reader uses, so that a
//! 简体 view does not list its quotes in 繁體, and converted as the reader
//! converts it: the who's-who names kept as written, a document already in
//! the script shown as it is.
//!
//! The display script is a setting of the state, but the notes panel is
//! drawn without it: the app records it, with the document's conversion, in
//! the egui context once a frame ([`set_script`], [`set_conversion`]) and [`text`] reads it back.

use std::sync::Arc;

use crate::core::text::script::{self, Conversion, Script as CoreScript};
use crate::ui::settings::Script;

/// What the context records: the display script, and how the open
/// document is converted for it (once the reader has converted it).
#[derive(Clone)]
struct Shown {
    /// The display script.
    script: Script,
    /// The open document's conversion for `script`.
    conversion: Option<Arc<Conversion>>,
}

/// Where the display script is kept in the context's memory.
fn key() -> egui::Id {
    egui::Id::unique("pizhu.shown.script")
}

/// Record the display script for this frame (before any panel is drawn).
pub fn set_script(ctx: &egui::Context, script: Script) {
    ctx.data_mut(|d| {
        let conversion = d.get_temp::<Shown>(key()).and_then(|s| s.conversion);
        d.insert_temp(key(), Shown { script, conversion });
    });
}

/// Record the open document's conversion for the display script (the one
/// the reader's paragraphs were made with; `None`: none yet, or the text as
/// it is), after [`set_script`].
pub fn set_conversion(ctx: &egui::Context, conversion: Option<Arc<Conversion>>) {
    ctx.data_mut(|d| {
        let script = d
            .get_temp::<Shown>(key())
            .map_or(Script::Original, |s| s.script);
        d.insert_temp(key(), Shown { script, conversion });
    });
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
/// the display script by the document's conversion (names kept as written),
/// or char for char when there is none yet.
#[must_use]
pub fn text(ctx: &egui::Context, text: &str) -> String {
    let Some(shown) = ctx.data(|d| d.get_temp::<Shown>(key())) else {
        return text.to_owned();
    };
    match (shown.conversion, core_script(shown.script)) {
        (Some(conversion), Some(to)) if conversion.script() == to => conversion.convert(text),
        (_, Some(to)) => script::convert(text, to),
        (_, None) => text.to_owned(),
    }
}
