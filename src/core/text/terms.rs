//! Terms of the document: double-click selects a word the way the document
//! itself uses it.
//!
//! jieba's dictionary knows 框架 and 協議 but not every document's own
//! terms, so in 合作框架協議 a double-click on 框架 would select 框架 alone,
//! although the article speaks of its 框架協議 again and again. The rule
//! ([`WordSegmenter::word_in_text`]):
//!
//! - The paragraph is segmented with jieba as for
//!   [`WordSegmenter::word_at`]; the clicked word W is the start.
//! - W may merge with its left or right neighbour word N when both are all
//!   Han characters (no punctuation, space, Latin or digits between or in
//!   them), each at least [`MIN_WORD_CHARS`] long and neither a function
//!   word such as 關于 or 以及 (a short list), and the pair (NW or WN)
//!   **repeats**: it occurs at least
//!   [`MIN_PAIR_COUNT`] times in the document, and is **strongly
//!   associated**: its Dice coefficient
//!   `2·count(pair) / (count(W) + count(N))` is at least [`MIN_DICE`].
//!   Counts are (non-overlapping) substring occurrences in the document's
//!   clean text, as it is (traditional and simplified are not mixed).
//! - Of the two sides the higher Dice wins (the right one on a tie). The
//!   merged word is the new W, and the step repeats while a side qualifies
//!   and the word stays within [`MAX_TERM_CHARS`] chars.
//!
//! On the article: 框架 (2 times) and 協議 (7) form 框架協議 (2): Dice
//! 2·2/(2+7) ≈ 0.44, so a click on either selects 框架協議; 合作 (14)
//! stays alone, since 合作框架 scores 2·2/(14+2) = 0.25. Other terms it
//! finds there: 簽約儀式, 魯南經濟帶, 勞動關系, 社會保障事業, 全面建成小康社會.
//!
//! Counting stays cheap on huge documents: only a window of
//! [`WINDOW_CHARS`] chars on each side of the click is counted
//! ([`WordSegmenter::word_in_document`]), and a count stops as soon as it
//! is too high for the rule to pass.
//!
//! All offsets are char offsets into the paragraph, end exclusive.

use crate::core::text::clean::is_han;
use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::core::text::words::{WordSegmenter, simplified_shadow, word_between};

/// Chars of the document counted on each side of the click: 1,000,000, so
/// that a double-click on a 200 MB document scans at most a few MB.
pub const WINDOW_CHARS: usize = 1_000_000;

/// The fewest times a pair must occur in the window to be a term.
pub const MIN_PAIR_COUNT: usize = 2;

/// The lowest Dice coefficient at which a pair is one term: 0.4, written
/// as the fraction `MIN_DICE.0 / MIN_DICE.1` so the test is exact integer
/// arithmetic.
pub const MIN_DICE: (usize, usize) = (2, 5);

/// The shortest word that may merge: 2 chars, since single chars are
/// mostly function words (和, 是, 也, 以, 與) that a document repeats around
/// its terms without being part of them.
pub const MIN_WORD_CHARS: usize = 2;

/// Function words that never take part in a term, in simplified form
/// (compared with the [`simplified_shadow`] of a word): prepositions and
/// conjunctions that a document may repeat next to a term, as the article
/// does with 十八大關于 (twice), without them being part of it.
const FUNCTION_WORDS: &[&str] = &[
    "关于", "对于", "由于", "至于", "以及", "及其", "并且", "而且", "但是", "因为", "所以", "如果",
    "虽然", "即使", "通过", "根据", "按照", "为了", "作为", "还是", "或者", "以便", "以来", "以后",
    "以前", "之后", "之前", "之间", "之一", "这个", "那个", "这些", "那些", "一个", "我们", "他们",
    "已经", "正在", "就是", "也是", "不是", "还有",
];

/// The longest term merging may build, in chars.
pub const MAX_TERM_CHARS: usize = 8;

impl WordSegmenter {
    /// The word around char offset `at` of paragraph `para` of `doc`, as a
    /// char range within the paragraph, with the document's own terms kept
    /// whole (see the [module doc](self)).
    ///
    /// Counts are taken in the clean text from [`WINDOW_CHARS`] before to
    /// [`WINDOW_CHARS`] after the click. The same edge cases as
    /// [`WordSegmenter::word_at`]: an empty paragraph gives `(0, 0)`, a
    /// click past the end is on the last char.
    pub fn word_in_document(&self, doc: &Document, para: &Paragraph, at: usize) -> (usize, usize) {
        let paragraph = doc.slice(para.start, para.end);
        let click = para.start.saturating_add(at);
        let window = doc.slice(
            click.saturating_sub(WINDOW_CHARS),
            click.saturating_add(WINDOW_CHARS),
        );
        self.word_in_text(window, paragraph, at)
    }

    /// The word around char offset `at` of `paragraph`, as a char range
    /// `[start, end)`, merged with its neighbours into a term of `window`
    /// (the document's text around the paragraph) as the
    /// [module doc](self) describes.
    ///
    /// Words that are not all Han (punctuation, Latin, digits) are
    /// selected exactly as [`WordSegmenter::word_at`] selects them.
    pub fn word_in_text(&self, window: &str, paragraph: &str, at: usize) -> (usize, usize) {
        let chars: Vec<char> = paragraph.chars().collect();
        let Some(last) = chars.len().checked_sub(1) else {
            return (0, 0);
        };
        let at = at.min(last);
        if !chars.get(at).copied().is_some_and(is_han) {
            // Punctuation, Latin, digits: exactly as before.
            return self.word_at(paragraph, at);
        }
        let bounds = self.boundaries(paragraph);
        let (mut start, mut end) = word_between(&bounds, at);
        // A word that may take part in a term: all Han, of at least
        // MIN_WORD_CHARS chars, and not a function word.
        let han = |s: usize, e: usize| {
            e >= s + MIN_WORD_CHARS
                && chars.get(s..e).is_some_and(|w| {
                    w.iter().all(|&c| is_han(c)) && !is_function_word(&w.iter().collect::<String>())
                })
        };
        if !han(start, end) || !bounds.contains(&start) || !bounds.contains(&end) {
            return (start, end);
        }
        let text =
            |s: usize, e: usize| -> String { chars.get(s..e).unwrap_or_default().iter().collect() };
        loop {
            // The neighbour words: the pieces between the adjacent bounds.
            let i = bounds.partition_point(|&b| b < start);
            let left = i
                .checked_sub(1)
                .and_then(|j| bounds.get(j))
                .map(|&s| (s, start))
                .filter(|&(s, e)| han(s, e) && end - s <= MAX_TERM_CHARS);
            let j = bounds.partition_point(|&b| b <= end);
            let right = bounds
                .get(j)
                .map(|&e| (end, e))
                .filter(|&(s, e)| han(s, e) && e - start <= MAX_TERM_CHARS);
            let word = text(start, end);
            let left = left.map(|(s, e)| (s, text(s, e), text(s, end)));
            let right = right.map(|(s, e)| (e, text(s, e), text(start, e)));
            let best = best_side(window, &word, left.as_ref(), right.as_ref());
            match best {
                Some(Side::Left) => start = left.map_or(start, |l| l.0),
                Some(Side::Right) => end = right.map_or(end, |r| r.0),
                None => return (start, end),
            }
        }
    }
}

/// Which neighbour a word merges with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// The side whose pair qualifies with the higher Dice coefficient, if any.
/// `left` and `right` are `(new bound, neighbour, pair)`.
fn best_side(
    window: &str,
    word: &str,
    left: Option<&(usize, String, String)>,
    right: Option<&(usize, String, String)>,
) -> Option<Side> {
    // Pairs first: they are rare, and a side whose pair does not repeat
    // needs no other count.
    let pair = |side: Option<&(usize, String, String)>| {
        side.map_or(0, |(_, _, pair)| count_up_to(window, pair, usize::MAX))
    };
    let (left_pair, right_pair) = (pair(left), pair(right));
    let most = left_pair.max(right_pair);
    if most < MIN_PAIR_COUNT {
        return None;
    }
    // Dice ≥ 2/5 ⇔ count(W) + count(N) ≤ 5·count(pair) = limit: a
    // count past the limit of the better pair fails both sides.
    let limit = |pair: usize| pair.saturating_mul(2 * MIN_DICE.1) / MIN_DICE.0;
    let word_count = count_up_to(window, word, limit(most).saturating_add(1));
    let dice = |side: Option<&(usize, String, String)>, pair: usize| -> Option<(usize, usize)> {
        let (_, neighbour, _) = side?;
        if pair < MIN_PAIR_COUNT {
            return None;
        }
        let room = limit(pair).checked_sub(word_count)?;
        let n = count_up_to(window, neighbour, room.saturating_add(1));
        let total = word_count.saturating_add(n);
        let twice = pair.saturating_mul(2);
        // 2·pair / total ≥ MIN_DICE.0 / MIN_DICE.1, in integers.
        (total > 0 && twice.saturating_mul(MIN_DICE.1) >= total.saturating_mul(MIN_DICE.0))
            .then_some((twice, total))
    };
    match (dice(left, left_pair), dice(right, right_pair)) {
        // l.0 / l.1 > r.0 / r.1, cross-multiplied; a tie goes right.
        (Some(l), Some(r)) if l.0.saturating_mul(r.1) > r.0.saturating_mul(l.1) => Some(Side::Left),
        (_, Some(_)) => Some(Side::Right),
        (Some(_), None) => Some(Side::Left),
        (None, None) => None,
    }
}

/// Whether `word` is one of the [`FUNCTION_WORDS`], in either script.
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&simplified_shadow(word).as_str())
}

/// Non-overlapping occurrences of `needle` in `haystack`, counting no
/// further than `limit` (the caller only needs to know it is that many).
fn count_up_to(haystack: &str, needle: &str, limit: usize) -> usize {
    if needle.is_empty() {
        return 0;
    }
    haystack.matches(needle).take(limit).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn seg() -> &'static WordSegmenter {
        static SEG: OnceLock<WordSegmenter> = OnceLock::new();
        SEG.get_or_init(WordSegmenter::new)
    }

    /// The text of a char range.
    fn slice(text: &str, (start, end): (usize, usize)) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    /// Char offset of the `n`-th (0-based) occurrence of `needle` in `text`.
    fn nth(text: &str, needle: &str, n: usize) -> usize {
        let (byte, _) = text.match_indices(needle).nth(n).unwrap();
        text[..byte].chars().count()
    }

    /// What a double-click on the first char of the `n`-th `needle` of
    /// `paragraph` selects, the document being `window`.
    fn term_on(window: &str, paragraph: &str, needle: &str, n: usize) -> String {
        let at = nth(paragraph, needle, n);
        slice(paragraph, seg().word_in_text(window, paragraph, at))
    }

    /// The article's first paragraph and its term 框架協議.
    fn article() -> (Document, Paragraph) {
        let doc = Document::embedded();
        let para = doc.paragraphs[0];
        (doc, para)
    }

    fn article_term(needle: &str, n: usize) -> String {
        let (doc, para) = article();
        let text = doc.paragraph_text(0);
        let at = nth(text, needle, n);
        slice(text, seg().word_in_document(&doc, &para, at))
    }

    #[test]
    fn the_article_keeps_its_framework_agreement_whole() {
        let (doc, _) = article();
        let text = doc.paragraph_text(0);
        assert!(text.contains("簽署合作框架協議"));
        // jieba alone splits it.
        assert_eq!(
            slice(text, seg().word_at(text, nth(text, "框架", 0))),
            "框架"
        );
        // 框架 2 times, 協議 7, 框架協議 2: Dice 4/9 ≈ 0.44.
        assert_eq!(article_term("框架", 0), "框架協議");
        assert_eq!(article_term("架", 0), "框架協議");
        assert_eq!(article_term("協議", 0), "框架協議");
        assert_eq!(article_term("議", 0), "框架協議");
        // 合作 (14 times) with 框架: 4/16 = 0.25; 簽署合作 occurs once.
        assert_eq!(article_term("合作", 0), "合作");
        assert_eq!(article_term("簽署", 0), "簽署");
        // 協議 elsewhere (簽署協議, once) stays 協議.
        assert_eq!(article_term("協議", 1), "協議");
    }

    #[test]
    fn other_terms_of_the_article() {
        let doc = Document::embedded();
        let find = |needle: &str| {
            let at = doc.text().find(needle).unwrap();
            let at = doc.text()[..at].chars().count();
            let para = *doc
                .paragraphs
                .iter()
                .find(|p| p.start <= at && at < p.end)
                .unwrap();
            let local = at - para.start;
            let text = doc.slice(para.start, para.end);
            slice(text, seg().word_in_document(&doc, &para, local))
        };
        assert_eq!(find("簽約儀式"), "簽約儀式");
        assert_eq!(find("經濟帶"), "魯南經濟帶");
        // A single char (a function word most of the time) never merges:
        // 人力資源 stays without the 和 that follows it 5 times.
        assert_eq!(find("人力資源和"), "人力資源");
        // Nor does a function word: 十八大關于 occurs twice.
        assert_eq!(find("十八大關于"), "十八大");
        assert_eq!(find("關于就業"), "關于");
    }

    #[test]
    fn a_repeated_term_is_one_word_a_single_pair_is_not() {
        let doc = "我們討論數據治理。數據治理很重要。推進數據治理工作。";
        assert_eq!(term_on(doc, doc, "數據", 0), "數據治理");
        assert_eq!(term_on(doc, doc, "治理", 1), "數據治理");
        assert_eq!(term_on(doc, doc, "理", 2), "數據治理");
        // The same paragraph in a document that says it once.
        let once = "我們討論數據治理。";
        assert_eq!(term_on(once, once, "數據", 0), "數據");
        assert_eq!(term_on(once, once, "治理", 0), "治理");
        // Also in simplified text.
        let doc = "我们讨论数据治理。数据治理很重要。推进数据治理工作。";
        assert_eq!(term_on(doc, doc, "数据", 0), "数据治理");
    }

    #[test]
    fn a_frequent_word_does_not_merge() {
        // 數據治理 twice, but 數據 nine times: Dice 4/(9+2) < 0.4.
        let doc = "數據治理。數據治理。數據很多。數據很少。數據安全。數據共享。數據開放。數據交易。數據中心。";
        assert_eq!(doc.matches("數據").count(), 9);
        assert_eq!(term_on(doc, doc, "數據", 0), "數據");
        assert_eq!(term_on(doc, doc, "治理", 0), "治理");
        // With one 數據 less, the Dice is exactly 0.4: the pair merges.
        let doc = doc.replacen("數據中心。", "", 1);
        assert_eq!(term_on(&doc, &doc, "數據", 0), "數據治理");
    }

    #[test]
    fn terms_grow_word_by_word_up_to_the_limit() {
        // Three words that always come together form one term.
        let doc = "推進人工智能應用。人工智能應用很廣。";
        assert_eq!(term_on(doc, doc, "智能", 0), "人工智能應用");
        // A repeated run longer than MAX_TERM_CHARS stops growing there.
        let run = "中華人民共和國國務院辦公廳";
        let doc = format!("{run}。{run}。");
        let (start, end) = seg().word_in_text(&doc, &doc, 3);
        assert!(start <= 3 && 3 < end);
        assert!(
            end - start <= MAX_TERM_CHARS,
            "{}",
            slice(&doc, (start, end))
        );
    }

    #[test]
    fn latin_digits_and_punctuation_select_as_before() {
        let para = "12月11日下午,濟寧市政府簽署合作框架協議。Pizhu 2.0 版本";
        let doc = format!("{para}{para}框架協議");
        for at in 0..para.chars().count() {
            let c = para.chars().nth(at).unwrap();
            if !is_han(c) {
                assert_eq!(
                    seg().word_in_text(&doc, para, at),
                    seg().word_at(para, at),
                    "{at} {c:?}"
                );
            }
        }
        // The Han words, which always come together in this document,
        // do merge (up to MAX_TERM_CHARS).
        assert_eq!(term_on(&doc, para, "框架", 0), "簽署合作框架協議");
        // A Han word next to Latin or digits does not merge with them.
        let para = "第12月報告";
        let doc = para.repeat(3);
        assert_eq!(term_on(&doc, para, "報告", 0), "報告");
    }

    #[test]
    fn edge_cases_never_panic() {
        assert_eq!(seg().word_in_text("", "", 0), (0, 0));
        assert_eq!(seg().word_in_text("框架協議", "", 5), (0, 0));
        // An empty window (no counts): jieba's word.
        assert_eq!(seg().word_in_text("", "框架協議", 0), (0, 2));
        // Past the end: the last char's word, merged as usual.
        let doc = "框架協議。框架協議";
        assert_eq!(seg().word_in_text(doc, doc, 100), (5, 9));
        assert_eq!(seg().word_in_text(doc, "。", 0), (0, 1));
        assert_eq!(seg().word_in_text(doc, "好", 3), (0, 1));
        // A paragraph that the window does not contain.
        assert_eq!(seg().word_in_text("abc", "框架協議", 0), (0, 2));
        // Every char of every paragraph: a range around the click.
        let doc = Document::embedded();
        for para in &doc.paragraphs {
            let len = para.end - para.start;
            for at in 0..len {
                let (start, end) = seg().word_in_document(&doc, para, at);
                assert!(start <= at && at < end && end <= len, "{at}");
            }
            let past = seg().word_in_document(&doc, para, len + 10);
            assert_eq!(past.1, len);
        }
        let empty = Paragraph {
            index: 99,
            start: doc.char_len() + 5,
            end: doc.char_len() + 5,
        };
        assert_eq!(seg().word_in_document(&doc, &empty, 0), (0, 0));
    }

    #[test]
    fn counts_stop_at_their_limit() {
        assert_eq!(count_up_to("框架框架框架", "框架", usize::MAX), 3);
        assert_eq!(count_up_to("框架框架框架", "框架", 2), 2);
        assert_eq!(count_up_to("框架", "", 5), 0);
        assert_eq!(count_up_to("", "框架", 5), 0);
    }

    /// Prints the time of a double-click in a document larger than the
    /// window: `cargo test --lib terms::tests::report -- --ignored --nocapture`.
    #[test]
    #[ignore = "measurement, prints only"]
    fn report() {
        let article = Document::embedded().text().to_owned();
        let big = article.repeat(3 * WINDOW_CHARS / article.chars().count() + 1);
        let window: String = big.chars().take(2 * WINDOW_CHARS).collect();
        let para = Document::embedded().paragraph_text(0).to_owned();
        let _ = seg().word_at(&para, 0);
        let t0 = std::time::Instant::now();
        let _ = seg().word_at(&para, 0);
        eprintln!("jieba alone on the paragraph: {:?}", t0.elapsed());
        let t0 = std::time::Instant::now();
        let n = count_up_to(&window, "框架協議", usize::MAX);
        eprintln!("one count ({n} found): {:?}", t0.elapsed());
        for needle in ["框架", "合作", "社會保障", "濟寧"] {
            let at = nth(&para, needle, 0);
            let t0 = std::time::Instant::now();
            let r = seg().word_in_text(&window, &para, at);
            eprintln!(
                "{needle} -> {} in a {}-char window: {:?}",
                slice(&para, r),
                window.chars().count(),
                t0.elapsed()
            );
        }
    }

    /// Prints every word of the article whose selection the terms change:
    /// `cargo test --lib terms::tests::article_changes -- --ignored --nocapture`.
    #[test]
    #[ignore = "measurement, prints only"]
    fn article_changes() {
        let doc = Document::embedded();
        for (i, para) in doc.paragraphs.iter().enumerate() {
            let text = doc.paragraph_text(i);
            let cs: Vec<char> = text.chars().collect();
            for at in 0..cs.len() {
                let plain = seg().word_at(text, at);
                let term = seg().word_in_document(&doc, para, at);
                if plain != term {
                    let w: String = cs[plain.0..plain.1].iter().collect();
                    let t: String = cs[term.0..term.1].iter().collect();
                    eprintln!("{i}:{at} {w} -> {t}");
                }
            }
        }
    }
}
