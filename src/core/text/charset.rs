//! Encodings by name, and the evidence [`super::decode`] weighs: how
//! plausible a decoded text is as Chinese (or English) writing, UTF-16
//! without a byte-order mark, and decoding that counts malformed sequences
//! instead of stopping at the first.
//!
//! Names are `encoding_rs` labels (the WHATWG Encoding Standard): `utf-8`,
//! `utf-16le`, `utf-16be`, `gb18030`, `gbk`, `big5`, `shift_jis`, `euc-kr`,
//! `windows-1252`, … in any case.

use encoding_rs::{
    BIG5, DecoderResult, Encoding, GB18030, GBK, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE,
};

/// Some valid names, for messages and the window's menu: the encodings
/// Chinese text comes in, then a few others.
pub const COMMON_LABELS: [&str; 9] = [
    "utf-8",
    "utf-16le",
    "utf-16be",
    "gb18030",
    "gbk",
    "big5",
    "shift_jis",
    "euc-kr",
    "windows-1252",
];

/// The encodings the window's File → Reopen with Encoding offers, in order.
pub const MENU_ENCODINGS: [&Encoding; 8] = [
    UTF_8,
    UTF_16LE,
    UTF_16BE,
    GB18030,
    GBK,
    BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::WINDOWS_1252,
];

/// A name that is not an encoding Pizhu can decode.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
#[error(
    "unknown encoding \"{name}\"; use an encoding name such as {}",
    COMMON_LABELS.join(", ")
)]
pub struct UnknownEncoding {
    /// The name as given.
    pub name: String,
}

/// The encoding named `name` (an `encoding_rs` label, any case).
///
/// # Errors
/// [`UnknownEncoding`] for a name that is no encoding, or only names the
/// "replacement" encoding (which decodes every file to one U+FFFD).
pub fn encoding_for_label(name: &str) -> Result<&'static Encoding, UnknownEncoding> {
    Encoding::for_label(name.trim().as_bytes())
        .filter(|&e| e != REPLACEMENT)
        .ok_or_else(|| UnknownEncoding {
            name: name.to_owned(),
        })
}

/// The name shown to the user for an encoding: `encoding_rs`'s, except
/// GB18030 and GBK in the spelling users know.
#[must_use]
pub fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else if encoding == GBK {
        "GBK"
    } else {
        encoding.name()
    }
}

/// How many chars [`plausibility`] looks at: enough to judge, cheap on a
/// big file.
const PLAUSIBILITY_CHARS: usize = 1 << 16;

/// The share (0 to 1) of the first chars of `text` that are in the ranges
/// Chinese and English writing use: ASCII text, Latin letters (pinyin),
/// punctuation, CJK ideographs and symbols, kana, bopomofo and full-width
/// forms. Controls, private use, Hangul, Yi and the rest count against it:
/// bytes decoded in the wrong encoding land there. An empty text scores 0.
#[must_use]
pub fn plausibility(text: &str) -> f64 {
    let mut total = 0_u32;
    let mut good = 0_u32;
    for c in text.chars().take(PLAUSIBILITY_CHARS) {
        total += 1;
        if is_plausible(c) {
            good += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        f64::from(good) / f64::from(total)
    }
}

/// [`plausibility`], with the CJK ideographs outside the common sets
/// (GB2312 and Big5's frequent characters) counting half: text read in the
/// wrong byte order or encoding is made of rare characters, real text of
/// common ones. Used to choose between readings that are both plausible.
#[must_use]
pub fn fluency(text: &str) -> f64 {
    let mut total = 0_u32;
    let mut good = 0_u32;
    for c in text.chars().take(PLAUSIBILITY_CHARS) {
        total += 2;
        if is_plausible(c) {
            good += if is_ideograph(c) && !is_common_ideograph(c) {
                1
            } else {
                2
            };
        }
    }
    if total == 0 {
        0.0
    } else {
        f64::from(good) / f64::from(total)
    }
}

/// A CJK unified or compatibility ideograph.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{323AF}')
}

/// One of the 6,763 characters of GB2312 or the 5,401 frequent characters
/// of Big5: together they make up nearly all of any Chinese text.
fn is_common_ideograph(c: char) -> bool {
    let mut utf8 = [0_u8; 4];
    let s = c.encode_utf8(&mut utf8);
    let mut out = [0_u8; 8];
    let mut encoder = GBK.new_encoder();
    let (result, _, written) = encoder.encode_from_utf8_without_replacement(s, &mut out, true);
    if matches!(result, encoding_rs::EncoderResult::InputEmpty)
        && let [lead @ 0xB0..=0xF7, 0xA1..=0xFE] = out.get(..written).unwrap_or_default()
        && *lead != 0
    {
        return true;
    }
    let mut encoder = BIG5.new_encoder();
    let (result, _, written) = encoder.encode_from_utf8_without_replacement(s, &mut out, true);
    matches!(result, encoding_rs::EncoderResult::InputEmpty)
        && matches!(
            out.get(..written).unwrap_or_default(),
            [0xA4..=0xC5, _] | [0xC6, 0x40..=0x7E]
        )
}

/// Whether `c` is a character Chinese or English text commonly has.
fn is_plausible(c: char) -> bool {
    matches!(c,
        '\n' | '\r' | '\t' | ' '..='~'
        | '\u{A0}'..='\u{36F}'    // Latin-1, Latin Extended (pinyin), combining marks
        | '\u{2000}'..='\u{206F}' // general punctuation
        | '\u{2100}'..='\u{25FF}' // letterlike, numbers, arrows, enclosed, box drawing
        | '\u{3000}'..='\u{312F}' // CJK symbols and punctuation, kana, bopomofo
        | '\u{31A0}'..='\u{31FF}' // bopomofo extended, strokes, katakana extension
        | '\u{3200}'..='\u{4DBF}' // enclosed CJK, compatibility, extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FE10}'..='\u{FE1F}' // vertical forms
        | '\u{FE30}'..='\u{FE6F}' // CJK compatibility forms, small forms
        | '\u{FF00}'..='\u{FFEF}' // half-width and full-width forms
        | '\u{20000}'..='\u{323AF}' // CJK extensions B to H
    )
}

/// A text must have at least this share of plausible chars
/// ([`plausibility`]) to be taken as UTF-16 without a byte-order mark.
pub const UTF16_MIN_PLAUSIBILITY: f64 = 0.9;

/// `bytes` (no byte-order mark) as UTF-16LE or UTF-16BE, when one of them
/// decodes cleanly (an even length, every surrogate paired, no U+0000) to
/// a text at least [`UTF16_MIN_PLAUSIBILITY`] plausible; the more fluent
/// ([`fluency`]) of the two when both do (little-endian on a tie, as
/// Windows writes it). Returns the encoding, the text and its fluency.
#[must_use]
pub fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, String, f64)> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let mut best: Option<(&'static Encoding, String, f64)> = None;
    for encoding in [UTF_16LE, UTF_16BE] {
        // A look at the start first, so that a big file in another
        // encoding is not decoded whole twice for nothing.
        let prefix_len = bytes.len().min(PLAUSIBILITY_CHARS * 2);
        let (prefix, _) = encoding.decode_without_bom_handling(bytes.get(..prefix_len)?);
        if plausibility(&prefix) < UTF16_MIN_PLAUSIBILITY {
            continue;
        }
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        if text.contains('\0') {
            continue;
        }
        if plausibility(&text) < UTF16_MIN_PLAUSIBILITY {
            continue;
        }
        let score = fluency(&text);
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((encoding, text.into_owned(), score));
        }
    }
    best
}

/// Text decoded with each malformed sequence replaced by U+FFFD, and how
/// many there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacing {
    /// The text, with one U+FFFD per malformed sequence.
    pub text: String,
    /// How many malformed sequences were replaced.
    pub malformed: usize,
    /// Byte offset (in the bytes given) of the first; 0 when there is none.
    pub first: usize,
}

/// Decodes `bytes` (no byte-order mark handling) with `encoding`,
/// replacing each malformed sequence by U+FFFD and counting them, as a
/// text editor does for an encoding the user chose.
#[must_use]
pub fn decode_replacing(encoding: &'static Encoding, bytes: &[u8]) -> Replacing {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = Replacing {
        text: String::with_capacity(capacity),
        malformed: 0,
        first: 0,
    };
    let mut pos = 0;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        let (result, read) =
            decoder.decode_to_string_without_replacement(rest, &mut out.text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                // Room for the rest, with the replacement characters to come.
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(bytes.len().saturating_sub(pos))
                    .unwrap_or(bytes.len());
                out.text.reserve(more.max(16));
            }
            DecoderResult::Malformed(bad, after) => {
                if out.malformed == 0 {
                    out.first = pos.saturating_sub(usize::from(bad) + usize::from(after));
                }
                out.malformed += 1;
                out.text.push('\u{FFFD}');
            }
        }
    }
    out
}

/// An encoding the bytes of an unclear file may be in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its name, as shown: "UTF-8", "GB18030", "Big5".
    pub encoding: &'static str,
    /// How many malformed sequences decoding in it meets.
    pub malformed: usize,
}

/// "as UTF-8 it has 120 malformed byte sequences, as GB18030 1".
pub fn describe(candidates: &[Candidate]) -> String {
    let mut parts = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let n = c.malformed;
        parts.push(if i == 0 {
            let unit = if n == 1 { "sequence" } else { "sequences" };
            format!("as {} it has {n} malformed byte {unit}", c.encoding)
        } else {
            format!("as {} {n}", c.encoding)
        });
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = include_str!("../../../assets/article.txt");

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn names_are_encoding_rs_labels_in_any_case() {
        assert_eq!(encoding_for_label("GB18030"), Ok(GB18030));
        assert_eq!(encoding_for_label("utf-16le"), Ok(UTF_16LE));
        assert_eq!(encoding_for_label(" Big5 "), Ok(BIG5));
        assert_eq!(encoding_for_label("gbk"), Ok(GBK));
        assert_eq!(encoding_for_label("gb2312"), Ok(GBK));
        let err = encoding_for_label("漢字碼").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown encoding \"漢字碼\"; use an encoding name such as utf-8, utf-16le, \
             utf-16be, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252"
        );
        // A label of the "replacement" encoding decodes nothing usefully.
        assert!(encoding_for_label("iso-2022-kr").is_err());
        for label in COMMON_LABELS {
            assert!(encoding_for_label(label).is_ok(), "{label}");
        }
    }

    #[test]
    fn chinese_text_is_plausible_garbage_is_not() {
        assert!((plausibility(ARTICLE) - 1.0).abs() < f64::EPSILON);
        assert!(plausibility("濟寧市人民政府，簽約儀式。") > 0.99);
        // GB18030 bytes read as UTF-16LE land in Hangul and private use.
        let (gbk, _, _) = GB18030.encode("濟寧市人民政府與省人社廳簽署合作框架協議");
        let (wrong, _) = UTF_16LE.decode_without_bom_handling(&gbk);
        assert!(plausibility(&wrong) < 0.5, "{wrong}");
        assert!(plausibility("") < f64::EPSILON);
    }

    #[test]
    fn utf16_without_a_bom_is_found_in_both_byte_orders() {
        for (big_endian, encoding) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let (found, text, _) = utf16_without_bom(&utf16(ARTICLE, big_endian)).unwrap();
            assert_eq!(found, encoding);
            assert_eq!(text, ARTICLE);
            // Short Chinese text, with and without ASCII.
            for short in ["濟寧市", "你好", "簽約。\n", "A"] {
                let (found, text, _) = utf16_without_bom(&utf16(short, big_endian)).unwrap();
                assert_eq!((found, text.as_str()), (encoding, short));
            }
        }
        // An odd length, a lone surrogate, a U+0000: not UTF-16 text.
        assert!(utf16_without_bom(&[0x41, 0x00, 0x42]).is_none());
        assert!(utf16_without_bom(&[0x00, 0xDC, 0xDC, 0x00]).is_none());
        assert!(utf16_without_bom(&utf16("濟寧\0", false)).is_none());
    }

    #[test]
    fn replacing_counts_each_malformed_sequence() {
        let mut bytes = "濟寧".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("市".as_bytes());
        bytes.extend_from_slice(&[0xE6, 0xBF]);
        let r = decode_replacing(UTF_8, &bytes);
        assert_eq!(r.text, "濟寧\u{FFFD}市\u{FFFD}");
        assert_eq!((r.malformed, r.first), (2, 6));
        let (gb, _, _) = GB18030.encode("簽約儀式");
        let r = decode_replacing(GB18030, &gb);
        assert_eq!((r.text.as_str(), r.malformed), ("簽約儀式", 0));
        // A big text grows the buffer as it goes.
        let r = decode_replacing(UTF_16LE, &utf16(&ARTICLE.repeat(3), false));
        assert_eq!(r.text, ARTICLE.repeat(3));
    }
}
