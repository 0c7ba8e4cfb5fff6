//! The W3C Web Annotation model: writing notes as annotations.

pub mod write;
