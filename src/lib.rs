//! Pizhu 批注: a desktop app for reviewing Chinese documents.
//!
//! The crate is split in two:
//! - [`core`] knows nothing of egui: it turns file bytes into clean text with an
//!   offset map back to the raw text, and splits it into paragraphs and sentences.
//!   All positions in the core are Unicode scalar (char) offsets into the clean
//!   text, never byte offsets; conversion happens at the edges.
//! - [`ui`] is the egui shell and its views; [`cli`] the headless commands;
//!   [`desktop`] the app icon and the Linux desktop entry.

pub mod cli;
pub mod core;
pub mod desktop;
#[cfg(feature = "gui")]
pub mod ui;
