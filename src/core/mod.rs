//! The pure core: document import, cleaning, segmentation. No egui here.

pub mod clean;
pub mod decode;
pub mod document;
pub mod segment;
