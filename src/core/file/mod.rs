//! The review file on disk: its format, where it lives and how it is saved
//! (atomic writes, backups, never overwriting what changed or cannot be read).

pub mod atomic;
pub mod error;
pub mod fields;
pub mod keep;
pub mod locate;
pub mod lock;
pub mod merge;
pub mod open;
pub mod output;
pub mod persist;
pub mod review;
