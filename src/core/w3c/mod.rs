//! The W3C Web Annotation model: reading annotations as notes, and writing
//! notes as annotations.

mod iri;
mod parts;
mod raw;
pub mod read;
pub mod write;
