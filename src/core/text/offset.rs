//! Positions in the two texts of a document, as distinct types so that one
//! cannot be taken for the other.
//!
//! A document has a **raw text**, the decoded file as scraped (with its
//! pinyin readings such as `濟(jì)`), and a **clean text**, the raw text
//! with those readings removed, which the reader shows and notes quote.
//! Both are counted in chars (Unicode code points), never in bytes; the
//! [`OffsetMap`](crate::core::text::clean::OffsetMap) converts between
//! them. In JSON both are plain numbers (the types are transparent), so no
//! file changes.

use serde::{Deserialize, Serialize};

/// A char offset into the raw text (the decoded file before cleaning).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RawOffset(pub usize);

/// A char offset into the clean text (what the reader shows).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CleanOffset(pub usize);

/// A half-open range `[start, end)` of the raw text. Stored as
/// `{"start": …, "end": …}`, like a clean-text range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RawRange {
    /// First char.
    pub start: RawOffset,
    /// One past the last char.
    pub end: RawOffset,
}

impl RawRange {
    /// The range `[start, end)` of raw chars.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: RawOffset(start),
            end: RawOffset(end),
        }
    }

    /// Number of chars covered.
    #[must_use]
    pub fn len(self) -> usize {
        self.end.0.saturating_sub(self.start.0)
    }

    /// True when nothing is covered.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_plain_numbers() {
        let range = RawRange::new(4, 9);
        assert_eq!(
            serde_json::to_value(range).unwrap(),
            serde_json::json!({"start": 4, "end": 9})
        );
        let back: RawRange = serde_json::from_str(r#"{"start": 4, "end": 9}"#).unwrap();
        assert_eq!((back, back.len()), (range, 5));
        assert_eq!(serde_json::to_string(&CleanOffset(3)).unwrap(), "3");
        assert!(serde_json::from_str::<RawRange>(r#"{"start": -1, "end": 2}"#).is_err());
    }
}
