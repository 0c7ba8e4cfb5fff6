//! The pure core: document import, cleaning, segmentation, notes, anchoring,
//! the review store and its file, the timeline. No egui here.

pub mod anchor;
pub mod escape;
pub mod export;
pub mod file;
pub mod import;
pub mod input;
pub mod lang;
pub mod notes;
pub mod text;
pub mod time;
pub mod timeline;
pub mod w3c;
