//! Turning the bytes of a file into text.
//!
//! Chinese text files in the wild come as UTF-8 (with or without a byte-order
//! mark), UTF-16 with a byte-order mark (Windows Notepad), or a legacy
//! encoding such as GB18030/GBK (mainland) or Big5 (Taiwan, Hong Kong).
//! [`decode`] tries, in this order:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which is authoritative
//!    and is stripped;
//! 2. plain UTF-8, if the bytes are valid UTF-8;
//! 3. a guess by `chardetng`, decoded with `encoding_rs`.
//!
//! It refuses input it cannot decode faithfully rather than showing the user
//! text with replacement characters in it: empty files, binary files (a NUL
//! byte or, for UTF-16, a U+0000 character) and malformed byte sequences.
//! Line endings are normalised to `\n` so that every later stage (cleaning,
//! segmentation, offsets) only has one kind of line break to think about.
//!
//! Error messages here name no path; [`super::document`] adds it.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// Text decoded from a file, with a note of how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without byte-order mark, with `\n` line endings only.
    pub text: String,
    /// Human-readable name of the encoding used, e.g. `"UTF-8"`,
    /// `"UTF-8 (BOM)"`, `"UTF-16LE (BOM)"`, `"GB18030"`, `"Big5"`.
    pub encoding: &'static str,
    /// Whether the input started with a byte-order mark (which was removed).
    pub had_bom: bool,
    /// Whether any `\r\n` or lone `\r` was rewritten to `\n`.
    pub line_endings_normalised: bool,
}

/// Why a file's bytes could not be turned into text.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// There were no bytes at all, or only a byte-order mark.
    #[error("the file is empty")]
    Empty,
    /// A NUL byte (or a U+0000 character in UTF-16) was found; text files
    /// do not contain those, so this is most likely not a text file.
    #[error("the file looks binary: it has a NUL byte at byte {offset}")]
    Binary {
        /// Byte offset of the NUL (of the first byte of the U+0000 code unit
        /// for UTF-16) from the very start of the file.
        offset: usize,
    },
    /// The bytes are not well-formed in the encoding that was chosen.
    #[error("the file is not valid {encoding} text: it has malformed byte sequences")]
    Undecodable {
        /// Name of the encoding that was tried, as in [`Decoded::encoding`].
        encoding: &'static str,
    },
}

/// Decodes the bytes of a text file; see the module docs for the order in
/// which encodings are tried and what is rejected.
///
/// # Errors
///
/// [`DecodeError::Empty`] for no content, [`DecodeError::Binary`] for a NUL,
/// [`DecodeError::Undecodable`] for malformed bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if body.is_empty() {
            return Err(DecodeError::Empty);
        }
        let text = if encoding == UTF_16LE || encoding == UTF_16BE {
            decode_utf16(encoding, body, bom_len)?
        } else {
            // The only other byte-order mark is UTF-8's.
            if let Some(pos) = find_nul(body) {
                return Err(DecodeError::Binary {
                    offset: bom_len + pos,
                });
            }
            std::str::from_utf8(body)
                .map_err(|_| DecodeError::Undecodable {
                    encoding: "UTF-8 (BOM)",
                })?
                .to_owned()
        };
        let name = if encoding == UTF_16LE {
            "UTF-16LE (BOM)"
        } else if encoding == UTF_16BE {
            "UTF-16BE (BOM)"
        } else {
            "UTF-8 (BOM)"
        };
        return Ok(finish(text, name, true));
    }

    // Without a BOM, UTF-16 is not detected, so a NUL byte really does mean
    // the content is not text in any encoding we accept.
    if let Some(pos) = find_nul(bytes) {
        return Err(DecodeError::Binary { offset: pos });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(text.to_owned(), "UTF-8", false));
    }

    // Guessing from a prefix is as good as from the whole file for real
    // text and keeps a 50 MB import fast; if the prefix misled the guess and
    // the file does not decode, the whole file is asked before giving up.
    let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let encoding = guess_legacy(prefix, prefix.len() == bytes.len());
    let (text, encoding) = match decode_legacy(encoding, bytes) {
        Ok(text) => (text, encoding),
        Err(err) if prefix.len() == bytes.len() => return Err(err),
        Err(err) => {
            let whole = guess_legacy(bytes, true);
            if whole == encoding {
                return Err(err);
            }
            (decode_legacy(whole, bytes)?, whole)
        }
    };
    Ok(finish(text, display_name(encoding), false))
}

/// How many leading bytes the encoding guess looks at (small in unit tests,
/// so that they reach the fallback to the whole file).
#[cfg(not(test))]
const DETECT_PREFIX: usize = 1 << 20;
#[cfg(test)]
const DETECT_PREFIX: usize = 8 << 10;

/// Decodes with a legacy encoding, refusing malformed input.
fn decode_legacy(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    // A big file is decoded in two halves at once, split after a line feed.
    // In every legacy encoding chardetng can guess (ISO-2022-JP is denied),
    // byte 0x0A is a line feed and never part of a multi-byte character, and
    // no state carries over a line end, so the halves decode independently.
    if bytes.len() >= PARALLEL_DECODE_MIN
        && let Some(nl) = bytes
            .get(bytes.len() / 2..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
    {
        let (head, tail) = bytes.split_at(bytes.len() / 2 + nl + 1);
        let (head, tail) = std::thread::scope(|scope| {
            let worker = scope.spawn(|| decode_whole(encoding, tail));
            let head = decode_whole(encoding, head);
            (
                head,
                worker
                    .join()
                    .unwrap_or_else(|_| decode_whole(encoding, tail)),
            )
        });
        let mut text = head?;
        text.push_str(&tail?);
        return Ok(text);
    }
    decode_whole(encoding, bytes)
}

/// Files at least this big are decoded in two threads (small in unit tests,
/// which run unoptimised).
#[cfg(not(test))]
const PARALLEL_DECODE_MIN: usize = 4 << 20;
#[cfg(test)]
const PARALLEL_DECODE_MIN: usize = 16 << 10;

/// Decodes all of `bytes`, refusing malformed input.
fn decode_whole(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    // A replacing decode would hide corruption; the non-replacing variant
    // tells us instead, so the user is not shown garbled text.
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
        .ok_or(DecodeError::Undecodable {
            encoding: display_name(encoding),
        })
}

/// Asks chardetng which legacy encoding the bytes are most likely in.
/// `last` says whether `bytes` run to the end of the file (a prefix may end
/// inside a multi-byte sequence, which is then not counted against it).
fn guess_legacy(bytes: &[u8], last: bool) -> &'static Encoding {
    // ISO-2022-JP is pure 7-bit, so it would already have passed as UTF-8;
    // denying it only removes a pointless candidate.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, last);
    let guess = detector.guess(None, Utf8Detection::Allow);
    // GB18030 is a strict superset of GBK, so decoding as GB18030 accepts
    // every GBK file plus the four-byte sequences GBK lacks.
    if guess == GBK { GB18030 } else { guess }
}

/// The name shown to the user for a legacy encoding.
fn display_name(encoding: &'static Encoding) -> &'static str {
    // encoding_rs uses the WHATWG spelling, which is lower-case for this
    // one; users know it as GB18030.
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decodes UTF-16 after its BOM (`bom_len` bytes) has been removed.
fn decode_utf16(
    encoding: &'static Encoding,
    body: &[u8],
    bom_len: usize,
) -> Result<String, DecodeError> {
    let name = if encoding == UTF_16LE {
        "UTF-16LE (BOM)"
    } else {
        "UTF-16BE (BOM)"
    };
    // Unpaired surrogates or an odd trailing byte mean the file is damaged;
    // refuse rather than show replacement characters.
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or(DecodeError::Undecodable { encoding: name })?
        .into_owned();
    // NUL bytes are normal inside UTF-16 (high byte of ASCII), so binary
    // content can only be recognised after decoding, as a U+0000 character.
    let mut offset = bom_len;
    for c in text.chars() {
        if c == '\0' {
            return Err(DecodeError::Binary { offset });
        }
        offset += c.len_utf16() * 2;
    }
    Ok(text)
}

/// Position of the first NUL byte, if any.
fn find_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Normalises line endings and packs up the result.
fn finish(text: String, encoding: &'static str, had_bom: bool) -> Decoded {
    let (text, line_endings_normalised) = normalise_line_endings(text);
    Decoded {
        text,
        encoding,
        had_bom,
        line_endings_normalised,
    }
}

/// Rewrites `\r\n` and lone `\r` to `\n`; returns whether anything changed.
fn normalise_line_endings(text: String) -> (String, bool) {
    // Most files have no `\r` at all; avoid copying them.
    if !text.contains('\r') {
        return (text, false);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    const ARTICLE: &str = include_str!("../../assets/article.txt");

    /// A file big enough to be decoded in two halves gives the same text as
    /// decoding it whole, wherever the middle falls inside a character.
    #[test]
    fn a_big_gb18030_file_decodes_in_halves_like_whole() {
        for pad in 0..3 {
            let mut text = "濟".repeat(pad);
            while text.len() < PARALLEL_DECODE_MIN * 2 {
                text.push_str("濟寧市人民政府與省人力資源和社會保障廳簽署合作框架協議𠮷。\n");
            }
            let (bytes, _, _) = GB18030.encode(&text);
            let decoded = decode(&bytes).expect("GB18030 text");
            assert_eq!(decoded.encoding, "GB18030");
            assert!(decoded.text == text, "pad {pad}: halves differ from whole");
        }
    }

    /// A bad byte in the second half is still refused.
    #[test]
    fn a_bad_byte_late_in_a_big_legacy_file_is_refused() {
        let mut text = String::new();
        while text.len() < PARALLEL_DECODE_MIN * 2 {
            text.push_str("濟寧市人民政府與省人力資源和社會保障廳簽署合作框架協議。\n");
        }
        let (bytes, _, _) = GB18030.encode(&text);
        let mut bytes = bytes.into_owned();
        let late = bytes.len() - 100;
        bytes.insert(late, 0xFF);
        assert!(matches!(
            decode(&bytes),
            Err(DecodeError::Undecodable { .. })
        ));
    }

    /// The article without its `(pinyin)` annotations: the tone-marked
    /// letters have no Big5 code, the Han characters all do.
    fn article_without_pinyin() -> String {
        let mut out = String::new();
        let mut in_bracket = false;
        for c in ARTICLE.chars() {
            match c {
                '(' => in_bracket = true,
                ')' => in_bracket = false,
                _ if !in_bracket => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn encode_strict(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, used, unmappable) = encoding.encode(text);
        assert_eq!(used, encoding, "encoder fell back to another encoding");
        assert!(!unmappable, "{} cannot encode the text", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            if big_endian {
                out.extend_from_slice(&unit.to_be_bytes());
            } else {
                out.extend_from_slice(&unit.to_le_bytes());
            }
        }
        out
    }

    #[test]
    fn plain_utf8_article() {
        let d = decode(ARTICLE.as_bytes()).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.had_bom);
        assert!(!d.line_endings_normalised);
    }

    #[test]
    fn utf8_with_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(ARTICLE.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert_eq!(d.encoding, "UTF-8 (BOM)");
        assert!(d.had_bom);
    }

    #[test]
    fn utf16le_with_bom() {
        let d = decode(&utf16(ARTICLE, false)).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert_eq!(d.encoding, "UTF-16LE (BOM)");
        assert!(d.had_bom);
    }

    #[test]
    fn utf16be_with_bom() {
        let d = decode(&utf16(ARTICLE, true)).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert_eq!(d.encoding, "UTF-16BE (BOM)");
    }

    #[test]
    fn gb18030_article_round_trips() {
        let bytes = encode_strict(GB18030, ARTICLE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, ARTICLE);
        assert!(d.text.contains("濟(jì)寧"));
    }

    #[test]
    fn big5_article_round_trips() {
        let text = article_without_pinyin();
        let bytes = encode_strict(BIG5, &text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
        assert!(d.text.contains("濟寧"));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        let crlf = ARTICLE.replace('\n', "\r\n");
        let d = decode(crlf.as_bytes()).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert!(d.line_endings_normalised);

        let cr = ARTICLE.replace('\n', "\r");
        assert_eq!(decode(cr.as_bytes()).unwrap().text, ARTICLE);

        let mixed = "第一行\r\n第二行\r第三行\n\r\r\n";
        assert_eq!(
            decode(mixed.as_bytes()).unwrap().text,
            "第一行\n第二行\n第三行\n\n\n"
        );
    }

    #[test]
    fn crlf_in_legacy_and_utf16() {
        let crlf = ARTICLE.replace('\n', "\r\n");
        let d = decode(&encode_strict(GB18030, &crlf)).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert!(d.line_endings_normalised);
        let d = decode(&utf16(&crlf, false)).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert!(d.line_endings_normalised);
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF]), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xFF, 0xFE]), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xFE, 0xFF]), Err(DecodeError::Empty));
        assert_eq!(DecodeError::Empty.to_string(), "the file is empty");
    }

    #[test]
    fn nul_means_binary() {
        let mut bytes = "濟寧".as_bytes().to_vec();
        bytes.push(0);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, DecodeError::Binary { offset: 6 });
        assert_eq!(
            err.to_string(),
            "the file looks binary: it has a NUL byte at byte 6"
        );

        let bom = [0xEF, 0xBB, 0xBF, b'a', 0];
        assert_eq!(decode(&bom), Err(DecodeError::Binary { offset: 4 }));

        // NUL bytes inside UTF-16 are normal; only a U+0000 char is binary.
        let bytes = utf16("濟寧\0", false);
        assert_eq!(decode(&bytes), Err(DecodeError::Binary { offset: 6 }));
        let bytes = utf16("𠀀\0", true);
        assert_eq!(decode(&bytes), Err(DecodeError::Binary { offset: 6 }));
    }

    #[test]
    fn malformed_bytes_are_refused() {
        // A lone GB18030 lead byte at the end cannot be decoded.
        let mut bytes = encode_strict(GB18030, "濟寧市政府與省人社廳簽署合作框架協議");
        bytes.push(0x81);
        assert_eq!(
            decode_legacy(GB18030, &bytes),
            Err(DecodeError::Undecodable {
                encoding: "GB18030"
            })
        );
        // Through `decode`, chardetng rules GB18030 out for that byte and
        // falls back to a single-byte encoding, which decodes any bytes: the
        // result is mojibake, not an error. It must at least not panic.
        assert!(decode(&bytes).is_ok_and(|d| d.encoding != "GB18030"));

        // Broken UTF-8 after a UTF-8 BOM is not re-guessed: the BOM is binding.
        let err = decode(&[0xEF, 0xBB, 0xBF, 0xE6, 0xBF]).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Undecodable {
                encoding: "UTF-8 (BOM)"
            }
        );
        assert_eq!(
            err.to_string(),
            "the file is not valid UTF-8 (BOM) text: it has malformed byte sequences"
        );

        // An unpaired surrogate or an odd byte count in UTF-16.
        let err = decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Undecodable {
                encoding: "UTF-16LE (BOM)"
            }
        );
        let err = decode(&[0xFE, 0xFF, 0x4E, 0x2D, 0x4E]).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Undecodable {
                encoding: "UTF-16BE (BOM)"
            }
        );
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A cheap deterministic byte soup; decode must return, not panic.
        let mut state: u32 = 12345;
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (state >> 16) as u8
                })
                .collect();
            let _ = decode(&bytes);
        }
    }
}
