//! Word and sentence boundaries for double- and triple-click selection.
//!
//! Chinese has no spaces between words, so egui's own double-click selects a
//! whole clause (`濟寧市政府與省人社廳簽署合作框架協議` at once). Instead a
//! double-click asks [`WordSegmenter::word_at`], which segments the clicked
//! paragraph with `jieba-rs`.
//!
//! jieba's dictionary is simplified Chinese, while the articles are mostly
//! traditional. So jieba never sees the text itself but its
//! [`simplified_shadow`]: the same text converted with `hanconv`, with
//! exactly one char for each char of the original. The shadow's word
//! boundaries (char offsets) are therefore also the original's.
//!
//! A triple-click selects the sentence around the click, see
//! [`sentence_at`].
//!
//! All offsets are char offsets, end exclusive.

use crate::core::text::segment::Sentence;

/// Word boundaries of a text, for double-click selection.
///
/// Building one loads jieba's dictionary, which takes a noticeable moment;
/// build it once and keep it (for instance in a `OnceLock`, filled on the
/// first double-click or on a background thread).
pub struct WordSegmenter {
    /// The segmenter with [`DICTIONARY`].
    jieba: jieba_rs::Jieba,
}

impl Default for WordSegmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for WordSegmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordSegmenter").finish_non_exhaustive()
    }
}

impl WordSegmenter {
    /// Loads the word list. Slow-ish: build once and reuse.
    pub fn new() -> Self {
        // The embedded list is well-formed (its test parses it); should it
        // ever fail, jieba without words still splits text, char by char at
        // worst, which only makes double-click select less.
        let mut jieba = jieba_rs::Jieba::with_dict(&mut DICTIONARY.as_bytes())
            .unwrap_or_else(|_| jieba_rs::Jieba::empty());
        for word in EXTRA_WORDS {
            // `None`: jieba picks a frequency just high enough to keep the
            // word whole.
            jieba.add_word(word, None, None);
        }
        Self { jieba }
    }

    /// The word around char offset `at` of `text` (a paragraph), as a char
    /// range `[start, end)`.
    ///
    /// Clicking on punctuation or whitespace selects just that char. An
    /// `at` past the last char is treated as a click on the last char; an
    /// empty text gives `(0, 0)`.
    pub fn word_at(&self, text: &str, at: usize) -> (usize, usize) {
        let len = text.chars().count();
        if len == 0 {
            return (0, 0);
        }
        let at = at.min(len - 1);
        if text.chars().nth(at).is_some_and(is_lone_char) {
            return (at, at + 1);
        }
        word_between(&self.boundaries(text), at)
    }

    /// All word boundaries of `text` as char offsets, ascending, with 0 and
    /// the text's char length included (an empty text gives `[0]`).
    ///
    /// Words are jieba's pieces (HMM on, so unknown names are still joined)
    /// of the [`simplified_shadow`]. Runs of ASCII letters and digits are
    /// words (`12` in `12月`); punctuation and whitespace come out as pieces
    /// of their own, except ASCII `.%-+#&_`, which jieba may keep inside runs
    /// like `12.5%` ([`WordSegmenter::word_at`] still selects them alone).
    pub fn boundaries(&self, text: &str) -> Vec<usize> {
        let shadow = simplified_shadow(text);
        let len = text.chars().count();
        let mut out = Vec::with_capacity(len / 2 + 2);
        out.push(0);
        let mut pos = 0;
        for piece in self.jieba.cut(&shadow, true) {
            let n = piece.chars().count();
            if n == 0 {
                continue;
            }
            pos += n;
            out.push(pos);
        }
        if pos != len {
            // jieba's pieces always tile its input; should they ever not,
            // fall back to one char per word rather than misplace words.
            return (0..=len).collect();
        }
        out
    }
}

/// The word of `bounds` (as [`WordSegmenter::boundaries`] gives them)
/// around char offset `at`, or just the char at `at` should `bounds` not
/// be ascending around it.
pub(crate) fn word_between(bounds: &[usize], at: usize) -> (usize, usize) {
    // `bounds` is ascending from 0 to the length, so the word is the pair
    // of boundaries around `at`; the fallback only guards the invariant.
    let i = bounds.partition_point(|&b| b <= at);
    let start = i.checked_sub(1).and_then(|j| bounds.get(j)).copied();
    match (start, bounds.get(i).copied()) {
        (Some(start), Some(end)) if start <= at && at < end => (start, end),
        _ => (at, at + 1),
    }
}

/// Words missing from jieba's dictionary that news articles use a lot, in
/// simplified form (jieba only sees the [`simplified_shadow`]). Without them
/// `十八大` splits into `十八` + `大` and `人社厅` into `人` + `社厅`.
/// jieba's (simplified Chinese) dictionary without its rarest words (seen
/// fewer than 3 times) and without part-of-speech tags: the article is
/// segmented exactly as with the whole dictionary, and the segmenter takes
/// 30 MB of memory instead of 50. Made by `scripts/make-dict.sh`.
const DICTIONARY: &str = include_str!("../../../assets/jieba-dict.txt");

const EXTRA_WORDS: &[&str] = &[
    "十五大",
    "十六大",
    "十七大",
    "十八大",
    "十九大",
    "二十大",
    "人社厅",
    "人社局",
    "人社部",
    "新高地",
];

/// The simplified shadow of `text`: the same number of chars, char `i` of
/// the shadow being the simplified form of char `i` of `text`.
///
/// The whole text is converted with `hanconv::t2s` first, which uses
/// phrase tables (better choices for one-to-many characters). Should that
/// change the char count, the text is converted char by char instead, and a
/// char whose conversion is not exactly one char is kept as it is.
pub fn simplified_shadow(text: &str) -> String {
    shadow_with(text, |s| hanconv::t2s(s))
}

/// The traditional counterpart of [`simplified_shadow`]: same length, char
/// `i` being the traditional form of char `i` (for the 简/繁 display switch).
pub fn traditional_shadow(text: &str) -> String {
    shadow_with(text, |s| hanconv::s2t(s))
}

/// [`simplified_shadow`] with the conversion passed in, so that the
/// char-by-char fallback can be tested (hanconv's own tables keep lengths).
fn shadow_with(text: &str, convert: impl Fn(&str) -> String) -> String {
    let whole = convert(text);
    if whole.chars().count() == text.chars().count() {
        return whole;
    }
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let converted = convert(c.encode_utf8(&mut buf));
        let mut chars = converted.chars();
        match (chars.next(), chars.next()) {
            (Some(s), None) => out.push(s),
            _ => out.push(c),
        }
    }
    out
}

/// The sentence containing clean-text char offset `at`, as a char range
/// `[start, end)`, for triple-click selection.
///
/// `sentences` are in text order (as [`crate::core::text::segment::sentences`]
/// returns them). An `at` that no sentence contains but one ends at (the
/// caret just past a paragraph's last char, on its line break) selects
/// that sentence; otherwise `None`.
pub fn sentence_at(sentences: &[Sentence], at: usize) -> Option<(usize, usize)> {
    let i = sentences.partition_point(|s| s.start <= at);
    let containing = i
        .checked_sub(1)
        .and_then(|j| sentences.get(j))
        .filter(|s| at < s.end)
        .or_else(|| sentences.iter().find(|s| s.start <= at && at < s.end));
    containing
        .or_else(|| sentences.iter().find(|s| s.end == at && s.start < s.end))
        .map(|s| (s.start, s.end))
}

/// Chars a double-click selects alone: punctuation, symbols and
/// whitespace, which are never part of a word worth selecting.
fn is_lone_char(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || (!c.is_alphanumeric() && !is_mark(c))
}

/// Combining marks and similar that belong to the char before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{FE00}'..='\u{FE0F}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::document::Document;
    use std::sync::OnceLock;

    const CLAUSE: &str = "濟寧市政府與省人社廳簽署合作框架協議";

    /// The embedded word list parses, and keeps the article's compounds.
    #[test]
    fn the_word_list_loads_and_keeps_compounds() {
        assert!(jieba_rs::Jieba::with_dict(&mut DICTIONARY.as_bytes()).is_ok());
        let words = WordSegmenter::new();
        let text = "市委書記馬平昌談人力資源";
        assert_eq!(words.word_at(text, 1), (0, 4), "市委書記");
        assert_eq!(words.word_at(text, 10), (8, 12), "人力資源");
    }

    /// One segmenter for all tests: loading the dictionary is the slow part.
    fn seg() -> &'static WordSegmenter {
        static SEG: OnceLock<WordSegmenter> = OnceLock::new();
        SEG.get_or_init(WordSegmenter::new)
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// The text of a char range.
    fn slice(text: &str, (start, end): (usize, usize)) -> String {
        chars(text)[start..end].iter().collect()
    }

    /// Char offset of the first occurrence of `needle` in `text`.
    fn find(text: &str, needle: &str) -> usize {
        let byte = text.find(needle).unwrap();
        text[..byte].chars().count()
    }

    /// The word a double-click on the first char of `needle` selects.
    fn word_on(text: &str, needle: &str) -> String {
        slice(text, seg().word_at(text, find(text, needle)))
    }

    fn words(text: &str) -> Vec<String> {
        let cs = chars(text);
        seg()
            .boundaries(text)
            .windows(2)
            .map(|w| cs[w[0]..w[1]].iter().collect())
            .collect()
    }

    #[test]
    fn traditional_shadow_keeps_length() {
        let s = "济宁市政府与省人社厅签署合作框架协议";
        let t = traditional_shadow(s);
        assert_eq!(t.chars().count(), s.chars().count());
        assert!(t.starts_with("濟寧"), "{t}");
    }

    #[test]
    fn double_click_in_the_clause_selects_a_word_not_the_clause() {
        let len = CLAUSE.chars().count();
        for at in 0..len {
            let (start, end) = seg().word_at(CLAUSE, at);
            assert!(start <= at && at < end, "{at}: {start}..{end}");
            assert!(end - start < len, "{at} selects the whole clause");
            assert!(end - start <= 4, "{at}: {}", slice(CLAUSE, (start, end)));
        }
    }

    #[test]
    fn well_known_words_are_selected_exactly() {
        assert_eq!(word_on(CLAUSE, "框"), "框架");
        assert_eq!(word_on(CLAUSE, "架"), "框架");
        assert_eq!(word_on(CLAUSE, "簽"), "簽署");
        assert_eq!(word_on(CLAUSE, "署"), "簽署");
        assert_eq!(word_on(CLAUSE, "合"), "合作");
        assert_eq!(word_on(CLAUSE, "協"), "協議");
        assert_eq!(word_on(CLAUSE, "議"), "協議");
        assert_eq!(word_on(CLAUSE, "政"), "政府");
        assert_eq!(word_on(CLAUSE, "寧"), "濟寧市");
        assert_eq!(word_on(CLAUSE, "廳"), "人社廳");
    }

    #[test]
    fn the_clause_segments_into_its_words() {
        assert_eq!(
            words(CLAUSE),
            [
                "濟寧市",
                "政府",
                "與",
                "省",
                "人社廳",
                "簽署",
                "合作",
                "框架",
                "協議"
            ]
        );
    }

    #[test]
    fn party_congress_abbreviations_stay_whole() {
        let text = "是貫徹落實十八大關于就業、社保和人才工作部署的重要舉措";
        assert_eq!(word_on(text, "十"), "十八大");
        assert_eq!(word_on(text, "八"), "十八大");
        assert_eq!(word_on(text, "大"), "十八大");
        assert_eq!(word_on(text, "貫"), "貫徹落實");
        let text = "十八大以來，黨的十九大精神。";
        assert_eq!(word_on(text, "大以"), "十八大");
        assert_eq!(word_on(text, "九"), "十九大");
        assert_eq!(word_on(text, "以"), "以來");
    }

    #[test]
    fn punctuation_and_space_select_just_that_char() {
        let text = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議,共同建設。市委書記、市長 “文化濟寧” 著稱!";
        for p in [",", "。", "、", " ", "“", "”", "!"] {
            let at = find(text, p);
            assert_eq!(seg().word_at(text, at), (at, at + 1), "{p:?}");
        }
        // Also for a run of spaces, which jieba might keep together.
        let text = "合作   框架";
        assert_eq!(seg().word_at(text, 3), (3, 4));
        // Full-width punctuation.
        let text = "合作，框架（協議）";
        for p in ["，", "（", "）"] {
            let at = find(text, p);
            assert_eq!(seg().word_at(text, at), (at, at + 1), "{p:?}");
        }
    }

    #[test]
    fn ascii_digits_and_dates_split_sensibly() {
        let text = "12月11日下午,濟寧市政府";
        assert_eq!(words(text)[..6], ["12", "月", "11", "日", "下午", ","]);
        assert_eq!(seg().word_at(text, 0), (0, 2));
        assert_eq!(seg().word_at(text, 1), (0, 2));
        assert_eq!(seg().word_at(text, 2), (2, 3));
        assert_eq!(seg().word_at(text, 3), (3, 5));
        assert_eq!(word_on(text, "下"), "下午");
    }

    #[test]
    fn edge_offsets() {
        assert_eq!(seg().word_at("", 0), (0, 0));
        assert_eq!(seg().word_at("", 5), (0, 0));
        assert_eq!(seg().boundaries(""), [0]);
        // Past the end: the last char's word.
        assert_eq!(seg().word_at(CLAUSE, 100), (16, 18));
        assert_eq!(seg().word_at("好", 0), (0, 1));
        assert_eq!(seg().word_at("。", 0), (0, 1));
    }

    #[test]
    fn boundaries_tile_every_paragraph_of_the_article() {
        let doc = Document::embedded();
        assert!(!doc.paragraphs.is_empty());
        for i in 0..doc.paragraphs.len() {
            let text = doc.paragraph_text(i);
            let len = text.chars().count();
            let b = seg().boundaries(text);
            assert_eq!(b.first(), Some(&0));
            assert_eq!(b.last(), Some(&len));
            assert!(b.windows(2).all(|w| w[0] < w[1]), "paragraph {i}");
            // Every char's word contains it and lies between boundaries.
            for at in 0..len {
                let (start, end) = seg().word_at(text, at);
                assert!(start <= at && at < end && end <= len);
                assert!(b.contains(&start) || end - start == 1);
            }
        }
    }

    #[test]
    fn words_map_back_to_the_traditional_text() {
        let doc = Document::embedded();
        let text = doc.paragraph_text(0);
        let ws = words(text);
        assert_eq!(ws.concat(), text);
        for w in [
            "濟寧市",
            "簽署",
            "合作",
            "框架",
            "協議",
            "建設",
            "發展",
            "市委書記",
        ] {
            assert!(ws.iter().any(|x| x == w), "{w} not in {ws:?}");
        }
    }

    #[test]
    fn shadow_keeps_the_length_of_the_whole_article() {
        let doc = Document::embedded();
        let text = doc.text();
        let shadow = simplified_shadow(text);
        assert_eq!(shadow.chars().count(), text.chars().count());
        // And it really is simplified.
        assert!(shadow.contains("济宁市政府与省人社厅签署合作框架协议"));
        // Non-Chinese chars are untouched, position by position.
        for (a, b) in text.chars().zip(shadow.chars()) {
            if a.is_ascii() || a.is_whitespace() {
                assert_eq!(a, b);
            }
        }
        let raw = String::from_utf8_lossy(crate::core::text::document::EMBEDDED_ARTICLE);
        assert_eq!(simplified_shadow(&raw).chars().count(), raw.chars().count());
    }

    #[test]
    fn shadow_keeps_the_length_of_tricky_chars() {
        for text in [
            "乾隆",
            "幹部",
            "著",
            "乾隆年間，幹部著作等身。著名的著者。他著急了。",
            "一目瞭然，不瞭解，頭髮，發展，麵條，後來，皇后，臺灣，台風，鐘錶",
            "乾乾淨淨的乾坤",
            "𠀋𡈽𡌛 e\u{301} 🇨🇳 👨‍👩‍👧",
            "",
        ] {
            let shadow = simplified_shadow(text);
            assert_eq!(shadow.chars().count(), text.chars().count(), "{text}");
            let b = seg().boundaries(text);
            assert_eq!(b.last(), Some(&text.chars().count()), "{text}");
        }
        assert_eq!(simplified_shadow("幹部"), "干部");
        let text = "乾隆年間，幹部著作等身。";
        assert_eq!(word_on(text, "幹"), "幹部");
        assert_eq!(word_on(text, "隆"), "乾隆年間");
    }

    #[test]
    fn shadow_falls_back_to_char_by_char_when_the_length_changes() {
        // A converter that turns one phrase into a longer one and one char
        // into two, like a phrase table with uneven entries might.
        let convert = |s: &str| {
            s.replace("乾隆", "乾隆帝")
                .replace('幹', "干干")
                .replace('後', "后")
        };
        let text = "乾隆後幹部";
        let shadow = shadow_with(text, convert);
        assert_eq!(shadow, "乾隆后幹部");
        assert_eq!(shadow.chars().count(), text.chars().count());
        // Same length as a whole: taken as it is.
        assert_eq!(shadow_with("後來", convert), "后來");
    }

    #[test]
    fn triple_click_selects_the_first_sentence_of_the_article() {
        let doc = Document::embedded();
        let first = doc.sentences[0];
        let expected = "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議,共同建設魯南人力資源和社會保障事業發展新高地。";
        assert_eq!(doc.sentence_text(0), expected);
        let range = (first.start, first.end);
        for at in [first.start, first.start + 10, first.end - 1] {
            assert_eq!(sentence_at(&doc.sentences, at), Some(range));
        }
        assert_eq!(doc.slice(range.0, range.1), expected);
        // The next char starts the second sentence.
        let second = doc.sentences[1];
        assert_eq!(
            sentence_at(&doc.sentences, first.end),
            Some((second.start, second.end))
        );
    }

    #[test]
    fn sentence_at_edges() {
        let doc = Document::embedded();
        let p = doc.paragraphs[0];
        // The caret on the line break after the paragraph: its last sentence.
        let last = doc
            .sentences
            .iter()
            .rfind(|s| s.paragraph == p.index)
            .unwrap();
        assert_eq!(last.end, p.end);
        assert_eq!(
            sentence_at(&doc.sentences, p.end),
            Some((last.start, last.end))
        );
        // Every char of every sentence finds its own sentence.
        for s in &doc.sentences {
            for at in s.start..s.end {
                assert_eq!(sentence_at(&doc.sentences, at), Some((s.start, s.end)));
            }
        }
        assert_eq!(sentence_at(&[], 0), None);
        assert_eq!(sentence_at(&doc.sentences, doc.char_len() + 10), None);
        let gap = [
            Sentence {
                paragraph: 0,
                start: 0,
                end: 3,
            },
            Sentence {
                paragraph: 1,
                start: 5,
                end: 8,
            },
        ];
        assert_eq!(sentence_at(&gap, 4), None);
        assert_eq!(sentence_at(&gap, 3), Some((0, 3)));
        assert_eq!(sentence_at(&gap, 5), Some((5, 8)));
    }

    /// Prints the dictionary load time and the first sentence's words:
    /// `cargo test --lib words::tests::report -- --ignored --nocapture`.
    #[test]
    #[ignore = "measurement, prints only"]
    fn report() {
        let t0 = std::time::Instant::now();
        let seg = WordSegmenter::new();
        eprintln!("WordSegmenter::new: {:?}", t0.elapsed());
        let t0 = std::time::Instant::now();
        let _ = simplified_shadow("濟");
        eprintln!("first t2s (tables): {:?}", t0.elapsed());
        let doc = Document::embedded();
        let first = doc.sentence_text(0);
        let cs = chars(first);
        let ws: Vec<String> = seg
            .boundaries(first)
            .windows(2)
            .map(|w| cs[w[0]..w[1]].iter().collect())
            .collect();
        eprintln!("first sentence words: {ws:?}");
        let longest = (0..doc.paragraphs.len())
            .map(|i| doc.paragraph_text(i))
            .max_by_key(|t| t.chars().count())
            .unwrap_or_default();
        let t0 = std::time::Instant::now();
        let _ = seg.word_at(longest, 0);
        eprintln!(
            "word_at on the longest paragraph ({} chars): {:?}",
            longest.chars().count(),
            t0.elapsed()
        );
    }
}
