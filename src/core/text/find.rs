//! Find in the clean text, insensitive to simplified/traditional characters
//! and to letter case: a search for 十八大 or 濟寧 or 济宁 finds the article's
//! traditional text. Positions are char offsets of the clean text.

use crate::core::notes::note::TextPosition;
use crate::core::text::words::simplified_shadow;

/// A folded copy of a text to search in: same number of chars, each one
/// simplified and lower-cased when that keeps it one char.
#[derive(Clone, Debug, Default)]
pub struct FindIndex {
    folded: String,
}

impl FindIndex {
    /// Fold `text` for searching. Linear in the text's length.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self { folded: fold(text) }
    }

    /// Every non-overlapping match of `query`, in order. An empty (or
    /// all-space) query finds nothing.
    #[must_use]
    pub fn find_all(&self, query: &str) -> Vec<TextPosition> {
        let query = fold(query.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let query_chars = query.chars().count();
        let mut out = Vec::new();
        // Byte offsets come in increasing order, so chars are counted once.
        let mut counted_bytes = 0;
        let mut counted_chars = 0;
        for (byte, _) in self.folded.match_indices(&query) {
            counted_chars += self.folded[counted_bytes..byte].chars().count();
            counted_bytes = byte;
            out.push(TextPosition {
                start: counted_chars,
                end: counted_chars + query_chars,
            });
        }
        out
    }
}

/// Simplified, lower-cased, one char for one char (so offsets carry over):
/// the form in which every search of the app compares texts, so that 题 finds
/// 題 and `Jining` finds `JINING`.
#[must_use]
pub fn fold(text: &str) -> String {
    simplified_shadow(text)
        .chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::document::Document;

    #[test]
    fn finds_shibada_three_times_in_the_article() {
        let doc = Document::embedded();
        let index = FindIndex::new(doc.text());
        let hits = index.find_all("十八大");
        assert_eq!(hits.len(), 3);
        for hit in hits {
            assert_eq!(doc.slice(hit.start, hit.end), "十八大");
        }
    }

    #[test]
    fn simplified_query_finds_traditional_text_and_back() {
        let index = FindIndex::new("濟寧市政府與省人社廳簽署合作框架協議");
        assert_eq!(
            index.find_all("济宁"),
            vec![TextPosition { start: 0, end: 2 }]
        );
        assert_eq!(index.find_all("协议").len(), 1);
        let simplified = FindIndex::new("济宁市政府与省人社厅签署合作框架协议");
        assert_eq!(simplified.find_all("濟寧").len(), 1);
    }

    #[test]
    fn positions_are_chars_and_case_is_ignored() {
        let index = FindIndex::new("𠮷野家 Pizhu 批注 pizhu");
        assert_eq!(
            index.find_all("PIZHU"),
            vec![
                TextPosition { start: 4, end: 9 },
                TextPosition { start: 13, end: 18 }
            ]
        );
        assert!(index.find_all("  ").is_empty());
        assert!(index.find_all("不在").is_empty());
    }
}
