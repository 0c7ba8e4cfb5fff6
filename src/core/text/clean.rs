//! Removing the scraper's pinyin annotations, with a map back to the raw text.
//!
//! The scraped articles carry readings after some Han characters, as in
//! `濟(jì)寧`, which a reader should see as `濟寧`. [`clean`] removes such a
//! `(P)` only when it is certainly a reading of the character before it, so
//! that real parentheses (`濟寧(Jining)`, `(2012)`, `(試行)`) survive:
//!
//! - the brackets are ASCII `(` `)` with no line break between them;
//! - the code point right before `(` is a Han ideograph ([`is_han`]),
//!   optionally followed by exactly one variation selector, which is kept;
//! - `P`, after NFC, is exactly one lower-case pinyin syllable from the full
//!   syllable table, with at most one tone mark (neutral tone unmarked);
//! - `P` is one of the readings the `pinyin` crate lists for that character
//!   (compatibility ideographs are looked up by their canonical equivalent).
//!
//! Removal shifts every later position, so the result carries an
//! [`OffsetMap`] between clean and raw char offsets, plus the list of
//! [`RemovedReading`]s (the UI draws them as ruby). Everything is one pass
//! over the text plus binary searches, so 50 MB inputs stay cheap.

use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

use crate::core::text::offset::{CleanOffset, RawOffset, RawRange};

/// One `(P)` annotation that [`clean`] removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedReading {
    /// The annotated Han character as it appears in the text (not its
    /// canonical equivalent).
    pub han: char,
    /// The reading, in NFC (so decomposed input is stored composed), e.g. `"jì"`.
    pub pinyin: String,
    /// Char offset of the `(` in the raw text.
    pub raw_start: RawOffset,
    /// Char offset just past the `)` in the raw text.
    pub raw_end: RawOffset,
    /// Char offset in the clean text where the annotation was: right after
    /// the Han character (and its variation selector, if any).
    pub clean_at: CleanOffset,
}

/// A removed raw span, as the map needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    clean_at: usize,
    raw_start: usize,
    raw_end: usize,
}

impl Span {
    /// Chars removed by this span and all spans before it; because removal
    /// is the only edit, `raw_end` is exactly that far ahead of `clean_at`.
    fn removed_through(self) -> usize {
        self.raw_end - self.clean_at
    }
}

/// Converts char offsets between the clean text and the raw text.
///
/// Offsets past the end of a text are clamped to its length, so every
/// method is total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Removed spans in text order; `clean_at` and `raw_start` both increase
    /// strictly, which is what makes binary search valid.
    spans: Vec<Span>,
    raw_len: usize,
    clean_len: usize,
}

impl OffsetMap {
    /// Length in chars of the raw text this map was built for.
    pub fn raw_len(&self) -> usize {
        self.raw_len
    }

    /// Length in chars of the clean text this map was built for.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    /// Maps a clean char offset to a raw char offset.
    ///
    /// A clean offset right after an annotated character maps to the raw
    /// position right after that character, i.e. *before* its `(P)`: a caret
    /// placed there belongs between the character and what follows it, and
    /// the annotation is part of the character, not of the next text.
    /// Offsets past the end map to the raw length.
    pub fn clean_to_raw(&self, clean: CleanOffset) -> RawOffset {
        let clean = clean.0.min(self.clean_len);
        let k = self.spans.partition_point(|s| s.clean_at < clean);
        RawOffset(match k.checked_sub(1).and_then(|i| self.spans.get(i)) {
            Some(s) => clean + s.removed_through(),
            None => clean,
        })
    }

    /// Maps a raw char offset to a clean char offset.
    ///
    /// Positions inside a removed `(P)` (including its `(` and the position
    /// just before its `)`) map to the clean offset where it was, i.e. right
    /// after the annotated character. Offsets past the end map to the clean
    /// length.
    pub fn raw_to_clean(&self, raw: RawOffset) -> CleanOffset {
        let raw = raw.0.min(self.raw_len);
        let k = self.spans.partition_point(|s| s.raw_start < raw);
        CleanOffset(match k.checked_sub(1).and_then(|i| self.spans.get(i)) {
            Some(s) if raw < s.raw_end => s.clean_at,
            Some(s) => raw - s.removed_through(),
            None => raw,
        })
    }

    /// Maps a clean char range `start..end` to a raw char range.
    ///
    /// Unlike [`clean_to_raw`](Self::clean_to_raw), both bounds are placed
    /// *after* a `(P)` that sits at them: an `end` right after an annotated
    /// character is extended past its `(P)`, so the raw slice covers the
    /// whole annotated character, and a `start` there skips the `(P)`, which
    /// belongs to the character before the range. So ranges that tile the
    /// clean text map to ranges that tile the raw text. Empty ranges follow
    /// the same rule; reversed bounds are swapped; bounds past the end are
    /// clamped.
    pub fn clean_range_to_raw(&self, start: CleanOffset, end: CleanOffset) -> RawRange {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        RawRange {
            start: self.clean_to_raw_after(start),
            end: self.clean_to_raw_after(end),
        }
    }

    /// Like [`clean_to_raw`](Self::clean_to_raw), but past a `(P)` removed
    /// at exactly this clean offset.
    fn clean_to_raw_after(&self, clean: CleanOffset) -> RawOffset {
        let at = clean.0.min(self.clean_len);
        let k = self.spans.partition_point(|s| s.clean_at < at);
        match self.spans.get(k) {
            Some(s) if s.clean_at == at => RawOffset(s.raw_end),
            _ => self.clean_to_raw(CleanOffset(at)),
        }
    }
}

/// The result of [`clean`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The text with the pinyin annotations removed.
    pub text: String,
    /// Offsets between [`text`](Self::text) and the raw input.
    pub map: OffsetMap,
    /// The removed annotations, in text order (strictly increasing `clean_at`).
    pub removed: Vec<RemovedReading>,
}

/// Longest `P` worth examining, in chars: the longest syllables have six
/// letters (`zhuang`), plus a combining tone mark in decomposed input, plus
/// `ü` written as `u` + U+0308. Anything longer cannot be a syllable, and
/// the bound keeps the scan linear on text with many brackets.
const MAX_READING_CHARS: usize = 9;

/// Removes pinyin annotations from `raw`; see the module docs for the rules.
pub fn clean(raw: &str) -> Cleaned {
    let mut text = String::with_capacity(raw.len());
    let mut removed = Vec::new();
    let mut spans = Vec::new();
    // Bytes of `raw` up to here have been copied (or dropped) already; text
    // is copied in runs between annotations rather than char by char.
    let mut copied = 0;
    let mut raw_pos = 0;
    let mut removed_chars = 0;
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut iter = raw.char_indices();
    while let Some((byte, c)) = iter.next() {
        if c == '('
            && let Some(han) = annotated_han(prev, prev2)
            && let Some(found) = match_reading(raw, byte, han)
        {
            text.push_str(raw.get(copied..byte).unwrap_or_default());
            let span_chars = found.inner_chars + 2;
            let clean_at = raw_pos - removed_chars;
            let raw_end = raw_pos + span_chars;
            removed.push(RemovedReading {
                han,
                pinyin: found.reading,
                raw_start: RawOffset(raw_pos),
                raw_end: RawOffset(raw_end),
                clean_at: CleanOffset(clean_at),
            });
            spans.push(Span {
                clean_at,
                raw_start: raw_pos,
                raw_end,
            });
            removed_chars += span_chars;
            raw_pos = raw_end;
            copied = found.end_byte;
            // Skip the reading and the `)`; `(` was consumed already.
            let _ = iter.nth(found.inner_chars);
            // The raw char before any following `(` is `)`, so `濟(jì)(jì)`
            // loses only the first annotation.
            prev2 = None;
            prev = Some(')');
            continue;
        }
        prev2 = prev;
        prev = Some(c);
        raw_pos += 1;
    }
    text.push_str(raw.get(copied..).unwrap_or_default());
    let clean_len = raw_pos - removed_chars;
    Cleaned {
        text,
        map: OffsetMap {
            spans,
            raw_len: raw_pos,
            clean_len,
        },
        removed,
    }
}

/// The Han character a `(` would annotate, given the two chars before it.
fn annotated_han(prev: Option<char>, prev2: Option<char>) -> Option<char> {
    match (prev, prev2) {
        (Some(p), _) if is_han(p) => Some(p),
        (Some(vs), Some(h)) if is_variation_selector(vs) && is_han(h) => Some(h),
        _ => None,
    }
}

/// A reading found after a `(`.
struct FoundReading {
    /// The reading in NFC.
    reading: String,
    /// Chars between the brackets, as written.
    inner_chars: usize,
    /// Byte offset just past the `)`.
    end_byte: usize,
}

/// Checks whether the `(` at byte `open` starts a reading of `han`.
fn match_reading(raw: &str, open: usize, han: char) -> Option<FoundReading> {
    // `(` is one byte, so `open + 1` is a char boundary.
    let after = raw.get(open + 1..)?;
    let mut inner_chars = 0;
    let mut close = None;
    for (i, c) in after.char_indices().take(MAX_READING_CHARS + 1) {
        match c {
            ')' => {
                close = Some(i);
                break;
            }
            // Nested or line-crossing brackets are never annotations.
            '(' | '\n' | '\r' => return None,
            _ => inner_chars += 1,
        }
    }
    let close = close?;
    let inner = after.get(..close)?;
    if inner.is_empty() {
        return None;
    }
    let reading: String = inner.nfc().collect();
    if !is_syllable(&reading) || !is_listed_reading(han, &reading) {
        return None;
    }
    Some(FoundReading {
        reading,
        inner_chars,
        end_byte: open + 1 + close + 1,
    })
}

/// Whether `c` is a Han ideograph: CJK Unified Ideographs, Extension A,
/// Compatibility Ideographs, and the supplementary planes' Extensions B–H
/// (which also hold the Compatibility Ideographs Supplement).
pub fn is_han(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x2_0000..=0x3_134F
    )
}

/// Whether `c` is a variation selector (standard or ideographic).
fn is_variation_selector(c: char) -> bool {
    matches!(u32::from(c), 0xFE00..=0xFE0F | 0xE_0100..=0xE_01EF)
}

/// Whether `c` is a combining pinyin tone mark (macron, acute, caron, grave).
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{0304}' | '\u{0301}' | '\u{030C}' | '\u{0300}')
}

/// Whether `p` (already NFC) is one toned or neutral pinyin syllable.
///
/// This is stricter than needed for readings taken from the `pinyin` crate,
/// but it states the rule independently of that data: lower case only, `ü`
/// not `v`, no tone numbers, at most one tone mark.
fn is_syllable(p: &str) -> bool {
    let mut tone_marks = 0;
    let mut base = String::with_capacity(p.len());
    for c in p.nfd() {
        if is_tone_mark(c) {
            tone_marks += 1;
        } else {
            base.push(c);
        }
    }
    if tone_marks > 1 {
        return false;
    }
    // Recompose so `ü` and `ê` compare as the single chars the table uses.
    let base: String = base.nfc().collect();
    SYLLABLES.binary_search(&base.as_str()).is_ok()
}

/// Whether the `pinyin` crate lists `reading` (NFC) for `han`.
fn is_listed_reading(han: char, reading: &str) -> bool {
    let Some(multi) = canonical_han(han).to_pinyin_multi() else {
        return false;
    };
    multi
        .into_iter()
        .any(|p| p.with_tone().nfc().eq(reading.chars()))
}

/// The canonical equivalent of a Han character: compatibility ideographs
/// (U+F900–FAFF, U+2F800–2FA1F) decompose to one unified ideograph, which
/// is what the pinyin data is keyed on; other characters are themselves.
fn canonical_han(han: char) -> char {
    let mut first = None;
    let mut count = 0;
    unicode_normalization::char::decompose_canonical(han, |d| {
        first.get_or_insert(d);
        count += 1;
    });
    match first {
        Some(d) if count == 1 => d,
        _ => han,
    }
}

/// Every Hanyu Pinyin syllable without tone, sorted (by code point, as
/// `binary_search` needs): the standard table including the interjections
/// `ê m n ng hm hng`, plus the rare syllables the `pinyin` crate's
/// dictionary data also uses (`biang bong cei din fiao len nia wong`).
#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biang", "biao", "bie", "bin", "bing", "bo", "bong", "bu", "ca", "cai", "can",
    "cang", "cao", "ce", "cei", "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che",
    "chen", "cheng", "chi", "chong", "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui",
    "chun", "chuo", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan",
    "dang", "dao", "de", "dei", "den", "deng", "di", "dia", "dian", "diao", "die", "din",
    "ding", "diu", "dong", "dou", "du", "duan", "dui", "dun", "duo", "e", "ei", "en", "eng",
    "er", "fa", "fan", "fang", "fei", "fen", "feng", "fiao", "fo", "fou", "fu", "ga", "gai",
    "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu", "gua", "guai",
    "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao", "he", "hei", "hen",
    "heng", "hm", "hng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun",
    "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju",
    "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong",
    "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan",
    "lang", "lao", "le", "lei", "len", "leng", "li", "lia", "lian", "liang", "liao", "lie",
    "lin", "ling", "liu", "lo", "long", "lou", "lu", "luan", "lun", "luo", "lü", "lüe", "m",
    "ma", "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie",
    "min", "ming", "miu", "mo", "mou", "mu", "n", "na", "nai", "nan", "nang", "nao", "ne",
    "nei", "nen", "neng", "ng", "ni", "nia", "nian", "niang", "niao", "nie", "nin", "ning",
    "niu", "nong", "nou", "nu", "nuan", "nun", "nuo", "nü", "nüe", "o", "ou", "pa", "pai",
    "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping",
    "po", "pou", "pu", "qi", "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong",
    "qiu", "qu", "quan", "que", "qun", "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong",
    "rou", "ru", "rua", "ruan", "rui", "run", "ruo", "sa", "sai", "san", "sang", "sao", "se",
    "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei", "shen", "sheng",
    "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun", "shuo", "si",
    "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang", "tao", "te",
    "tei", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui",
    "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wong", "wu", "xi",
    "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue",
    "xun", "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu",
    "yuan", "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha",
    "zhai", "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou",
    "zhu", "zhua", "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou",
    "zu", "zuan", "zui", "zun", "zuo", "ê",
];

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = include_str!("../../../assets/article.txt");

    fn cleaned(raw: &str) -> String {
        clean(raw).text
    }

    /// Checks the map on every clean position and every raw position.
    fn assert_map_consistent(raw: &str) {
        let c = clean(raw);
        let raw_chars: Vec<char> = raw.chars().collect();
        let clean_chars: Vec<char> = c.text.chars().collect();
        assert_eq!(c.map.raw_len(), raw_chars.len());
        assert_eq!(c.map.clean_len(), clean_chars.len());
        let inside_removed = |r: usize| {
            c.removed
                .iter()
                .any(|x| x.raw_start.0 <= r && r < x.raw_end.0)
        };
        // Raw positions that clean_to_raw never produces: inside a removed
        // span, or right after it (the "after" side of a reading).
        let never_produced = |r: usize| {
            c.removed
                .iter()
                .any(|x| x.raw_start.0 < r && r <= x.raw_end.0)
        };
        let mut prev_end = 0;
        for (i, &ch) in clean_chars.iter().enumerate() {
            let range = c.map.clean_range_to_raw(CleanOffset(i), CleanOffset(i + 1));
            let (a, b) = (range.start.0, range.end.0);
            // Char ranges that tile the clean text tile the raw text.
            assert_eq!(a, prev_end, "clean offset {i}");
            prev_end = b;
            // The raw slice is the char itself plus, possibly, its reading.
            let kept: String = (a..b)
                .filter(|&r| !inside_removed(r))
                .filter_map(|r| raw_chars.get(r))
                .collect();
            assert_eq!(kept, ch.to_string(), "clean offset {i}");
            assert_eq!(raw_chars[a], ch);
        }
        for i in 0..=clean_chars.len() {
            assert_eq!(
                c.map.raw_to_clean(c.map.clean_to_raw(CleanOffset(i))),
                CleanOffset(i)
            );
        }
        for r in 0..=raw_chars.len() {
            let back = c.map.raw_to_clean(RawOffset(r));
            assert!(back.0 <= clean_chars.len());
            if !never_produced(r) {
                assert_eq!(c.map.clean_to_raw(back), RawOffset(r), "raw offset {r}");
            }
        }
        // The whole clean text maps to the whole raw text, including a
        // reading after the very last character.
        assert_eq!(
            c.map
                .clean_range_to_raw(CleanOffset(0), CleanOffset(clean_chars.len())),
            RawRange::new(0, raw_chars.len())
        );
        // Slicing raw by each removal's span gives back "(reading)".
        for x in &c.removed {
            let span: String = raw_chars[x.raw_start.0..x.raw_end.0].iter().collect();
            let span: String = span.nfc().collect();
            assert_eq!(span, format!("({})", x.pinyin));
            assert_eq!(c.map.raw_to_clean(x.raw_start), x.clean_at);
            assert_eq!(c.map.raw_to_clean(RawOffset(x.raw_end.0 - 1)), x.clean_at);
            assert_eq!(c.map.raw_to_clean(x.raw_end), x.clean_at);
        }
    }

    #[test]
    fn removes_a_reading() {
        let c = clean("濟(jì)寧");
        assert_eq!(c.text, "濟寧");
        assert_eq!(
            c.removed,
            vec![RemovedReading {
                han: '濟',
                pinyin: "jì".to_owned(),
                raw_start: RawOffset(1),
                raw_end: RawOffset(5),
                clean_at: CleanOffset(1),
            }]
        );
        assert_eq!(c.map.clean_to_raw(CleanOffset(0)), RawOffset(0));
        assert_eq!(c.map.clean_to_raw(CleanOffset(1)), RawOffset(1));
        assert_eq!(c.map.clean_to_raw(CleanOffset(2)), RawOffset(6));
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(0), CleanOffset(1)),
            RawRange::new(0, 5)
        );
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(1), CleanOffset(2)),
            RawRange::new(5, 6)
        );
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(0), CleanOffset(2)),
            RawRange::new(0, 6)
        );
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(1), CleanOffset(1)),
            RawRange::new(5, 5)
        );
        assert_eq!(c.map.raw_to_clean(RawOffset(3)), CleanOffset(1));
        assert_eq!(c.map.raw_to_clean(RawOffset(5)), CleanOffset(1));
        assert_eq!(c.map.raw_to_clean(RawOffset(6)), CleanOffset(2));
    }

    #[test]
    fn keeps_what_is_not_a_reading() {
        for kept in [
            "濟寧(Jining)",
            "(2012)",
            "辦法(試行)",
            "x(jì)",
            "吉(jì)",
            "會（huì）",
            "會(hui4)",
            "會(Huì)",
            "會(HUÌ)",
            "讀(zēng)",
            "旅(lv3)",
            "旅(lv)",
            "旅(lü3)",
            "濟()",
            "濟( jì)",
            "濟(jì )",
            "濟(j\nì)",
            "濟(jì\n)",
            "濟(jìjì)",
            "濟(jìì)",
            "濟(jì",
            "濟(",
            "(jì)",
            "濟 (jì)",
            "濟寧市(jì)",
        ] {
            let c = clean(kept);
            assert_eq!(c.text, kept, "{kept:?} should be kept");
            assert!(c.removed.is_empty());
        }
        // 寧's readings do not include jì, even though 濟 two chars back does.
        assert_eq!(cleaned("濟寧(jì)"), "濟寧(jì)");
    }

    #[test]
    fn accepts_every_listed_reading() {
        assert_eq!(cleaned("會(huì)議"), "會議");
        assert_eq!(cleaned("會(kuài)計"), "會計");
        assert_eq!(cleaned("讀(dòu)"), "讀");
        // Neutral tone is written without a mark.
        assert_eq!(cleaned("兒子(zi)"), "兒子");
        assert_eq!(cleaned("旅(lǚ)行"), "旅行");
    }

    #[test]
    fn decomposed_readings_are_compared_after_nfc() {
        let c = clean("濟(ji\u{0300})寧");
        assert_eq!(c.text, "濟寧");
        assert_eq!(c.removed[0].pinyin, "jì");
        assert_eq!(c.removed[0].raw_end, RawOffset(6));
        assert_eq!(cleaned("旅(lu\u{0308}\u{030C})"), "旅");
        assert_map_consistent("濟(ji\u{0300})寧旅(lu\u{0308}\u{030C})行");
    }

    #[test]
    fn one_variation_selector_is_kept() {
        let c = clean("葛\u{E0100}(gě)根");
        assert_eq!(c.text, "葛\u{E0100}根");
        assert_eq!(c.removed[0].han, '葛');
        assert_eq!(c.removed[0].clean_at, CleanOffset(2));
        assert_eq!(cleaned("葛\u{FE00}(gé)"), "葛\u{FE00}");
        // Two selectors: no longer "right after the character".
        let two = "葛\u{FE00}\u{FE01}(gé)";
        assert_eq!(cleaned(two), two);
        // A selector after a non-Han character does not qualify.
        let latin = "x\u{FE00}(gé)";
        assert_eq!(cleaned(latin), latin);
        assert_map_consistent("葛\u{E0100}(gě)根葛\u{FE00}(gé)");
    }

    #[test]
    fn compatibility_ideographs_use_their_canonical_readings() {
        // U+F900 is canonically 豈 U+8C48 (qǐ, kǎi); the data has no entry
        // of its own for U+F900.
        assert!('\u{F900}'.to_pinyin_multi().is_none());
        let c = clean("\u{F900}(qǐ)");
        assert_eq!(c.text, "\u{F900}");
        assert_eq!(c.removed[0].han, '\u{F900}');
        let wrong = "\u{F900}(jì)";
        assert_eq!(cleaned(wrong), wrong);
        // U+2F800 (supplementary plane) is canonically 丽 U+4E3D.
        assert_eq!(cleaned("\u{2F800}(lì)"), "\u{2F800}");
    }

    #[test]
    fn supplementary_plane_offsets_are_in_chars() {
        let c = clean("𠀀(hē)濟(jì)寧");
        assert_eq!(c.text, "𠀀濟寧");
        assert_eq!(c.removed[0].clean_at, CleanOffset(1));
        assert_eq!(c.removed[1].raw_start, RawOffset(6));
        assert_eq!(c.removed[1].clean_at, CleanOffset(2));
        assert_map_consistent("𠀀(hē)濟(jì)寧");
    }

    #[test]
    fn only_the_first_of_repeated_brackets_goes() {
        let c = clean("濟(jì)(jì)寧");
        assert_eq!(c.text, "濟(jì)寧");
        assert_eq!(c.removed.len(), 1);
        assert_map_consistent("濟(jì)(jì)寧");
    }

    #[test]
    fn is_han_ranges() {
        for c in ['濟', '㐀', '\u{9FFF}', '\u{F900}', '𠀀', '\u{3134F}'] {
            assert!(is_han(c), "{c:?}");
        }
        for c in ['a', '（', '。', '\u{3007}', '\u{FE00}', '\u{31350}', 'ー'] {
            assert!(!is_han(c), "{c:?}");
        }
    }

    #[test]
    fn syllable_table_is_sorted_and_covers_the_data() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
        // Every reading the pinyin crate has for a Han character passes the
        // syllable rule, so the rule never hides a listed reading.
        let ranges = [
            0x3400..=0x4DBF,
            0x4E00..=0x9FFF,
            0xF900..=0xFAFF,
            0x2_0000..=0x3_134F,
        ];
        let mut checked = 0;
        for range in ranges {
            for cp in range {
                let Some(multi) = char::from_u32(cp).and_then(|c| c.to_pinyin_multi()) else {
                    continue;
                };
                for p in multi {
                    let reading: String = p.with_tone().nfc().collect();
                    assert!(is_syllable(&reading), "U+{cp:X} {reading}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 40_000, "only {checked} readings");
    }

    #[test]
    fn article_readings() {
        let c = clean(ARTICLE);
        assert_eq!(c.removed.len(), 227);
        assert_eq!(c.text.chars().count(), 1354);
        assert!(!c.text.contains('('));
        assert!(!c.text.contains(')'));
        assert!(
            c.text
                .starts_with("12月11日下午,濟寧市政府與省人社廳簽署合作框架協議,")
        );
        assert!(c.removed.windows(2).all(|w| w[0].clean_at < w[1].clean_at));
        assert_map_consistent(ARTICLE);
    }

    #[test]
    fn map_on_text_without_readings_is_identity() {
        let c = clean("沒有注音的文字");
        assert_eq!(c.map.clean_to_raw(CleanOffset(3)), RawOffset(3));
        assert_eq!(c.map.raw_to_clean(RawOffset(3)), CleanOffset(3));
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(5), CleanOffset(2)),
            RawRange::new(2, 5)
        );
        // Out-of-range offsets clamp instead of panicking.
        assert_eq!(c.map.clean_to_raw(CleanOffset(100)), RawOffset(7));
        assert_eq!(c.map.raw_to_clean(RawOffset(100)), CleanOffset(7));
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(100), CleanOffset(200)),
            RawRange::new(7, 7)
        );
        let empty = clean("");
        assert_eq!(empty.text, "");
        assert_eq!(
            empty.map.clean_range_to_raw(CleanOffset(0), CleanOffset(1)),
            RawRange::new(0, 0)
        );
    }

    #[test]
    fn reading_at_the_very_end() {
        let c = clean("發展(zhǎn)");
        assert_eq!(c.text, "發展");
        assert_eq!(
            c.map.clean_range_to_raw(CleanOffset(0), CleanOffset(2)),
            RawRange::new(0, 8)
        );
        assert_eq!(c.map.clean_to_raw(CleanOffset(2)), RawOffset(2));
        assert_map_consistent("發展(zhǎn)");
    }
}
