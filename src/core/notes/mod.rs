//! Notes and the review store: the note model, the undoable store, the
//! session's save state and the notes filter.

pub mod filter;
pub mod note;
pub mod session;
pub mod store;
