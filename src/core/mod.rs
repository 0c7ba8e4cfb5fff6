//! The pure core: document import, cleaning, segmentation, notes, anchoring,
//! the review store and its file, the timeline. No egui here.

pub mod anchor;
pub mod clean;
pub mod decode;
pub mod document;
pub mod export;
pub mod filter;
pub mod find;
pub mod import;
pub mod note;
pub mod persist;
pub mod review;
pub mod segment;
pub mod session;
pub mod store;
pub mod timeline;
pub mod words;
