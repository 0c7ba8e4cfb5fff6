//! Headless commands for people who script reviews. They share the core with
//! the window, so `pizhu text` prints exactly what the window shows; they
//! build and run without the window (`cargo build --no-default-features`).

pub mod args;
pub mod commands;
pub mod timeline_report;

pub use args::{Invocation, USAGE, parse, parse_with_encoding};
pub use commands::{Finished, export, import, text, timeline};
