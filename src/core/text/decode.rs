//! Turning the bytes of a file into text.
//!
//! Chinese text files in the wild come as UTF-8 (with or without a byte-order
//! mark), UTF-16 (Windows Notepad, with or without a byte-order mark), or a
//! legacy encoding such as GB18030/GBK (mainland) or Big5 (Taiwan, Hong
//! Kong). [`decode`] tries, in this order:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which is authoritative
//!    and is stripped;
//! 2. with NUL bytes in the file: UTF-16LE or UTF-16BE without a byte-order
//!    mark, when one decodes cleanly (every surrogate paired, no U+0000) to
//!    text of which at least 90% are characters Chinese or English writing
//!    uses ([`charset::plausibility`]); otherwise the file is binary;
//! 3. plain UTF-8, if the bytes are valid UTF-8;
//! 4. UTF-8 with a few malformed sequences replaced by U+FFFD (see below);
//! 5. UTF-16 without a byte-order mark and without NUL bytes (Chinese
//!    without any ASCII), under the same rule as 2, when it is also fluent
//!    (at least 90% with rare ideographs counting half,
//!    [`charset::fluency`]) and more fluent than a multi-byte guess of 6;
//! 6. a guess by `chardetng`, decoded with `encoding_rs`: a multi-byte
//!    encoding (GB18030, Big5, Shift_JIS, EUC-KR, EUC-JP) only when it
//!    decodes the whole file cleanly; a single-byte one (windows-1252, …)
//!    only when the bytes do not look like damaged UTF-8 (more well-formed
//!    multi-byte UTF-8 characters than malformed sequences) or damaged
//!    GB18030 or Big5 (at least 4 characters beyond ASCII decoded, at most
//!    one malformed sequence per 10 of them). A single-byte encoding decodes
//!    any bytes, so chardetng falls back to one for text it cannot place.
//!
//! Otherwise the file is **refused, never shown garbled**:
//! [`DecodeError::Unclear`] names the likely encodings with how many
//! malformed sequences each has, and the user chooses one ([`super::chosen::decode_as`]:
//! `--encoding NAME`, File → Reopen with Encoding…). It also refuses empty
//! files and binary files (a NUL byte, or U+0000 in UTF-16).
//!
//! The one exception is a UTF-8 file damaged in a few places (a truncated
//! download, a bad copy): refusing it would cost the reader the whole text
//! for a few bytes. Such a file is decoded as UTF-8 with each malformed
//! sequence replaced by one U+FFFD, and [`Decoded::replaced`] says how many
//! and where the first was, so the user is warned. That happens when
//!
//! - there is at most one malformed sequence per [`BYTES_PER_MALFORMED`]
//!   bytes of the file (none in a file shorter than that);
//! - without a byte-order mark, the file also has more well-formed
//!   multi-byte UTF-8 characters than malformed sequences (evidence that it
//!   is UTF-8 at all: a windows-1252 file with one `é` has none), and
//!   chardetng does not prefer a multi-byte legacy encoding that decodes
//!   the whole file cleanly.
//!
//! An encoding the user chose ([`super::chosen::decode_as`]) is used as it is: a
//! byte-order mark of that encoding is stripped, and malformed sequences
//! are replaced by U+FFFD and counted in [`Decoded::replaced`], as text
//! editors do, so that the user sees the text and a warning.
//!
//! Line endings are normalised to `\n` so that every later stage (cleaning,
//! segmentation, offsets) only has one kind of line break to think about.
//!
//! Error messages here name no path; [`super::document`] adds it.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

pub use super::charset::Candidate;
use super::charset::{self, describe, display_name};

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
    /// Malformed sequences replaced by U+FFFD, to warn the user about;
    /// `None` when the text is exactly what the file holds.
    pub replaced: Option<Replaced>,
    /// How the encoding was settled.
    pub source: Source,
}

/// How the encoding of a text was settled, for the user to judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark said so.
    Bom,
    /// The bytes are valid in it and in no rival (UTF-8; UTF-16 by its
    /// pattern).
    Detected,
    /// chardetng guessed it and it decodes the file cleanly.
    Guessed,
    /// The user named it (`--encoding`, Reopen with Encoding).
    Chosen,
}

impl Source {
    /// A guess in a single-byte encoding, which decodes any bytes: the
    /// CLI and the window mention it, so a wrong guess is noticed.
    #[must_use]
    pub fn is_uncertain(self, encoding: &str) -> bool {
        self == Self::Guessed
            && Encoding::for_label(encoding.as_bytes()).is_some_and(Encoding::is_single_byte)
    }
}

/// Malformed byte sequences that were replaced by U+FFFD (`�`), one per
/// sequence, as [`String::from_utf8_lossy`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replaced {
    /// How many malformed sequences were replaced (at least 1).
    pub count: usize,
    /// Byte offset of the first from the very start of the file (a
    /// byte-order mark included), as a hex editor shows it.
    pub first_byte: usize,
}

impl std::fmt::Display for Replaced {
    /// "3 malformed byte sequences were replaced with �; the first is at byte 1234".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.count;
        let first_byte = self.first_byte;
        if count == 1 {
            write!(
                f,
                "1 malformed byte sequence was replaced with \u{FFFD}; it is at byte {first_byte}"
            )
        } else {
            write!(
                f,
                "{count} malformed byte sequences were replaced with \u{FFFD}; \
                 the first is at byte {first_byte}"
            )
        }
    }
}

/// A UTF-8 file may have at most one malformed sequence per this many
/// bytes to be decoded with replacements (see the module docs).
pub const BYTES_PER_MALFORMED: usize = 1000;

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
    /// The bytes are not well-formed in the encoding a byte-order mark names.
    #[error("the file is not valid {encoding} text: it has malformed byte sequences")]
    Undecodable {
        /// Name of the encoding that was tried, as in [`Decoded::encoding`].
        encoding: &'static str,
    },
    /// No encoding decodes the bytes cleanly, so which one they are in is
    /// the user's call.
    #[error(
        "no encoding decodes the file cleanly ({}), so Pizhu does not guess",
        describe(candidates)
    )]
    Unclear {
        /// The likely encodings, the most likely first.
        candidates: Vec<Candidate>,
    },
}

/// Decodes the bytes of a text file; see the module docs for the order in
/// which encodings are tried and what is rejected.
///
/// # Errors
///
/// [`DecodeError::Empty`] for no content, [`DecodeError::Binary`] for a NUL,
/// [`DecodeError::Undecodable`] for malformed bytes after a byte-order
/// mark, [`DecodeError::Unclear`] when no encoding decodes the bytes cleanly.
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
            match std::str::from_utf8(body) {
                Ok(text) => text.to_owned(),
                // The BOM says UTF-8, so a few bad sequences need no more
                // evidence than their rarity.
                Err(_) => match scan_utf8(body, bytes.len() / BYTES_PER_MALFORMED) {
                    Some(scan) => {
                        let text = String::from_utf8_lossy(body).into_owned();
                        return Ok(finish(
                            text,
                            "UTF-8 (BOM)",
                            true,
                            Some(scan.replaced(bom_len)),
                            Source::Bom,
                        ));
                    }
                    None => {
                        return Err(DecodeError::Undecodable {
                            encoding: "UTF-8 (BOM)",
                        });
                    }
                },
            }
        };
        let name = if encoding == UTF_16LE {
            "UTF-16LE (BOM)"
        } else if encoding == UTF_16BE {
            "UTF-16BE (BOM)"
        } else {
            "UTF-8 (BOM)"
        };
        return Ok(finish(text, name, true, None, Source::Bom));
    }

    // UTF-16 of text with any ASCII in it has NUL bytes; other text
    // files have none, so if it is not UTF-16 the file is binary.
    if let Some(pos) = find_nul(bytes) {
        if let Some((encoding, text, _)) = charset::utf16_without_bom(bytes) {
            return Ok(finish(
                text,
                display_name(encoding),
                false,
                None,
                Source::Detected,
            ));
        }
        return Err(DecodeError::Binary { offset: pos });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(
            text.to_owned(),
            "UTF-8",
            false,
            None,
            Source::Detected,
        ));
    }
    if let Some(decoded) = damaged_utf8(bytes) {
        return Ok(decoded);
    }

    // Guessing from a prefix is as good as from the whole file for real
    // text and keeps a 50 MB import fast; if the prefix misled the guess and
    // the file does not decode, the whole file is asked before giving up.
    let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let guess = guess_legacy(prefix, prefix.len() == bytes.len());
    let legacy = match decode_legacy(guess, bytes) {
        Ok(text) => Some((text, guess)),
        Err(_) if prefix.len() == bytes.len() => None,
        Err(_) => {
            let whole = guess_legacy(bytes, true);
            (whole != guess)
                .then(|| decode_legacy(whole, bytes).ok().map(|text| (text, whole)))
                .flatten()
        }
    };
    // Chinese in UTF-16 without any ASCII has no NUL byte; it is taken
    // when it is fluent (mostly common characters: ASCII letters paired
    // up read as rare ones) and reads better than a multi-byte guess.
    if let Some((encoding, text, score)) = charset::utf16_without_bom(bytes)
        && score >= charset::UTF16_MIN_PLAUSIBILITY
        && legacy
            .as_ref()
            .is_none_or(|(t, e)| e.is_single_byte() || charset::fluency(t) < score)
    {
        return Ok(finish(
            text,
            display_name(encoding),
            false,
            None,
            Source::Detected,
        ));
    }
    match legacy {
        Some((text, encoding)) if !encoding.is_single_byte() => Ok(finish(
            text,
            display_name(encoding),
            false,
            None,
            Source::Guessed,
        )),
        Some((text, encoding)) => {
            let candidates = look_alikes(bytes);
            if candidates.is_empty() {
                Ok(finish(
                    text,
                    display_name(encoding),
                    false,
                    None,
                    Source::Guessed,
                ))
            } else {
                Err(DecodeError::Unclear { candidates })
            }
        }
        None => {
            let mut candidates = look_alikes(bytes);
            if !candidates.iter().any(|c| c.encoding == display_name(guess)) {
                let malformed = charset::decode_replacing(guess, bytes).malformed;
                candidates.push(Candidate {
                    encoding: display_name(guess),
                    malformed,
                });
            }
            Err(DecodeError::Unclear { candidates })
        }
    }
}

/// The encodings `bytes` look like damaged text in: UTF-8 when it has
/// more well-formed multi-byte characters than malformed sequences,
/// GB18030 and Big5 when they decode at least [`LOOK_ALIKE_MIN_CHARS`]
/// characters beyond ASCII with at most one malformed sequence per 10 of
/// them. The most fluent reading ([`charset::fluency`]) first: Big5 bytes
/// also decode as GBK, into rare characters.
fn look_alikes(bytes: &[u8]) -> Vec<Candidate> {
    let mut found = Vec::new();
    if let Some(scan) = scan_utf8(bytes, usize::MAX)
        && scan.multibyte > scan.malformed
    {
        let fluency = charset::fluency(&String::from_utf8_lossy(bytes));
        found.push((
            fluency,
            Candidate {
                encoding: "UTF-8",
                malformed: scan.malformed,
            },
        ));
    }
    for encoding in [GB18030, BIG5] {
        let decoded = charset::decode_replacing(encoding, bytes);
        let wide = decoded
            .text
            .chars()
            .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
            .count();
        if wide >= LOOK_ALIKE_MIN_CHARS && decoded.malformed * 10 <= wide {
            found.push((
                charset::fluency(&decoded.text),
                Candidate {
                    encoding: display_name(encoding),
                    malformed: decoded.malformed,
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    found.into_iter().map(|(_, c)| c).collect()
}

/// A legacy look-alike needs this many characters beyond ASCII (a
/// windows-1252 text's accents may pair into a GBK character or two).
const LOOK_ALIKE_MIN_CHARS: usize = 4;

/// What [`scan_utf8`] found in bytes that are not quite UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Utf8Scan {
    /// Malformed sequences (each would become one U+FFFD).
    malformed: usize,
    /// Byte offset of the first, in the bytes scanned.
    first: usize,
    /// Well-formed characters of two to four bytes.
    multibyte: usize,
}

impl Utf8Scan {
    /// The [`Replaced`] record, for bytes that started `offset` bytes into
    /// the file.
    fn replaced(self, offset: usize) -> Replaced {
        Replaced {
            count: self.malformed,
            first_byte: offset + self.first,
        }
    }
}

/// Counts the malformed UTF-8 sequences in `bytes` (as `from_utf8_lossy`
/// would replace them) and the well-formed multi-byte characters; `None`
/// as soon as there are more than `max` malformed ones, or when there are
/// none at all.
fn scan_utf8(bytes: &[u8], max: usize) -> Option<Utf8Scan> {
    let mut scan = Utf8Scan {
        malformed: 0,
        first: 0,
        multibyte: 0,
    };
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        // A multi-byte character starts with a byte of 0xC0 or more.
        scan.multibyte += valid.bytes().filter(|&b| b >= 0xC0).count();
        pos += valid.len();
        if !chunk.invalid().is_empty() {
            if scan.malformed == 0 {
                scan.first = pos;
            }
            scan.malformed += 1;
            if scan.malformed > max {
                return None;
            }
        }
        pos += chunk.invalid().len();
    }
    (scan.malformed > 0).then_some(scan)
}

/// `bytes` (no BOM, no NUL, not valid UTF-8) as UTF-8 with its few
/// malformed sequences replaced, when the module docs' rule says they are
/// damaged UTF-8; `None` to leave them to the legacy guess.
fn damaged_utf8(bytes: &[u8]) -> Option<Decoded> {
    let scan = scan_utf8(bytes, bytes.len() / BYTES_PER_MALFORMED)?;
    if scan.multibyte <= scan.malformed {
        return None;
    }
    let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let guess = guess_legacy(prefix, prefix.len() == bytes.len());
    // A prefix without the damage is guessed as UTF-8 itself.
    if guess != UTF_8 && !guess.is_single_byte() && decode_legacy(guess, bytes).is_ok() {
        return None;
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Some(finish(
        text,
        "UTF-8",
        false,
        Some(scan.replaced(0)),
        Source::Detected,
    ))
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
pub(super) fn find_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Normalises line endings and packs up the result.
pub(super) fn finish(
    text: String,
    encoding: &'static str,
    had_bom: bool,
    replaced: Option<Replaced>,
    source: Source,
) -> Decoded {
    let (text, line_endings_normalised) = normalise_line_endings(text);
    Decoded {
        text,
        encoding,
        had_bom,
        line_endings_normalised,
        replaced,
        source,
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

    const ARTICLE: &str = include_str!("../../../assets/article.txt");

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
        let Err(DecodeError::Unclear { candidates }) = decode(&bytes) else {
            panic!("a damaged GB18030 file is refused");
        };
        assert_eq!(
            candidates.first(),
            Some(&Candidate {
                encoding: "GB18030",
                malformed: 1
            })
        );
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
        // falls back to a single-byte encoding, which decodes any bytes; the
        // bytes look like GB18030 with one bad byte, so rather than show
        // mojibake the file is refused, naming GB18030.
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Unclear {
                candidates: vec![Candidate {
                    encoding: "GB18030",
                    malformed: 1
                }]
            }
        );
        assert_eq!(
            err.to_string(),
            "no encoding decodes the file cleanly (as GB18030 it has 1 malformed byte \
             sequence), so Pizhu does not guess"
        );

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

    /// `text` as UTF-8 with `bad` inserted before each byte offset of `at`
    /// (which must be char boundaries, given in increasing order).
    fn damage(text: &str, at: &[usize], bad: &[u8]) -> Vec<u8> {
        let mut bytes = text.as_bytes().to_vec();
        for &i in at.iter().rev() {
            assert!(text.is_char_boundary(i));
            bytes.splice(i..i, bad.iter().copied());
        }
        bytes
    }

    #[test]
    fn a_few_malformed_sequences_in_utf8_are_replaced() {
        // 5,317 bytes: up to 5 malformed sequences are allowed.
        let at = [
            ARTICLE.find("市政府").unwrap(),
            ARTICLE.rfind("簽約").unwrap(),
        ];
        let d = decode(&damage(ARTICLE, &at, &[0xFF])).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.replaced,
            Some(Replaced {
                count: 2,
                first_byte: at[0]
            })
        );
        let expected = format!(
            "{}\u{FFFD}{}\u{FFFD}{}",
            &ARTICLE[..at[0]],
            &ARTICLE[at[0]..at[1]],
            &ARTICLE[at[1]..]
        );
        assert!(d.text == expected, "each bad byte becomes one U+FFFD");
        assert_eq!(
            d.replaced.unwrap().to_string(),
            format!(
                "2 malformed byte sequences were replaced with \u{FFFD}; the first is at byte {}",
                at[0]
            )
        );

        // A character cut short (its last byte lost) is one sequence too.
        let cut = ARTICLE.find("合作").unwrap();
        let mut bytes = ARTICLE.as_bytes().to_vec();
        bytes.remove(cut + 2);
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.replaced,
            Some(Replaced {
                count: 1,
                first_byte: cut
            })
        );
        assert!(d.text.contains("\u{FFFD}作"));
        assert_eq!(
            d.replaced.unwrap().to_string(),
            format!("1 malformed byte sequence was replaced with \u{FFFD}; it is at byte {cut}")
        );
    }

    #[test]
    fn damage_past_the_guessed_prefix_is_replaced_too() {
        let text = ARTICLE.repeat(4);
        assert!(text.len() > DETECT_PREFIX * 2);
        let late = text.len() - 3 - text.chars().last().map_or(0, char::len_utf8);
        let late = (0..=late)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap();
        let d = decode(&damage(&text, &[late], &[0xC0])).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced.map(|r| r.first_byte), Some(late));
        assert_eq!(d.text.chars().filter(|&c| c == '\u{FFFD}').count(), 1);
    }

    #[test]
    fn too_much_damage_is_not_replaced() {
        // Six bad bytes in 5,317: more than one per 1,000 bytes. The file
        // is not shown with six U+FFFD, nor as mojibake: it is refused,
        // naming UTF-8 with its count.
        let at: Vec<usize> = ARTICLE
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0 && i % 800 < 3)
            .take(6)
            .collect();
        assert_eq!(at.len(), 6);
        let Err(DecodeError::Unclear { candidates }) = decode(&damage(ARTICLE, &at, &[0xFF]))
        else {
            panic!("too much damage is refused");
        };
        assert_eq!(
            candidates.first(),
            Some(&Candidate {
                encoding: "UTF-8",
                malformed: 6
            })
        );

        // Under 1,000 bytes, no damage at all is allowed.
        let short = "濟寧市政府與省人社廳簽署合作框架協議。";
        let Err(DecodeError::Unclear { candidates }) = decode(&damage(short, &[9], &[0xFF])) else {
            panic!("a damaged short text is refused");
        };
        assert_eq!(candidates[0].encoding, "UTF-8");
    }

    /// UTF-16 without a byte-order mark: the article (NUL bytes in its
    /// ASCII) and short texts, in both byte orders.
    #[test]
    fn utf16_without_a_bom_is_detected() {
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let bytes = utf16(ARTICLE, big_endian);
            let d = decode(&bytes[2..]).unwrap();
            assert_eq!((d.encoding, d.source), (name, Source::Detected));
            assert_eq!(d.text, ARTICLE);
            assert!(!d.had_bom);
            for short in ["濟寧市人民政府", "簽約儀式。\n", "合作框架協議𠮷"] {
                let bytes = utf16(short, big_endian);
                let d = decode(&bytes[2..]).unwrap();
                assert_eq!((d.encoding, d.text.as_str()), (name, short), "{short}");
            }
        }
        // "你好" in UTF-16LE is the bytes of "`O}Y": valid ASCII, read as such.
        assert_eq!(decode(&utf16("你好", false)[2..]).unwrap().text, "`O}Y");
        // UTF-16 of binary content is still binary.
        let bytes = utf16("濟寧\0", false);
        assert_eq!(decode(&bytes[2..]), Err(DecodeError::Binary { offset: 4 }));
    }

    /// Windows-1252 and other genuine legacy files still open; the
    /// single-byte guess is marked uncertain.
    #[test]
    fn genuine_single_byte_files_still_open_as_a_guess() {
        let text = "Le comité s'est réuni à Jining; café, crème brûlée, déjà vu.\n".repeat(20);
        let d = decode(&encode_strict(encoding_rs::WINDOWS_1252, &text)).unwrap();
        assert_eq!((d.encoding, d.source), ("windows-1252", Source::Guessed));
        assert!(d.source.is_uncertain(d.encoding));
        assert_eq!(d.text, text);
        let d = decode(&encode_strict(GB18030, ARTICLE)).unwrap();
        assert_eq!((d.encoding, d.source), ("GB18030", Source::Guessed));
        assert!(!d.source.is_uncertain(d.encoding));
    }

    /// Damaged GB18030 and Big5 are refused, naming them, as is UTF-8
    /// damaged all over.
    #[test]
    fn damaged_text_is_refused_naming_the_likely_encodings() {
        let plain = article_without_pinyin();
        for (encoding, name) in [(GB18030, "GB18030"), (BIG5, "Big5")] {
            let mut bytes = encode_strict(encoding, &plain);
            for at in [100, 900, 1700, 2500] {
                bytes.insert(at, 0xFF);
            }
            let Err(DecodeError::Unclear { candidates }) = decode(&bytes) else {
                panic!("{name} with bad bytes is refused");
            };
            assert_eq!(candidates[0].encoding, name, "{candidates:?}");
        }
        let mut bytes = Vec::new();
        for line in ARTICLE.lines() {
            bytes.extend_from_slice(line.as_bytes());
            bytes.extend_from_slice(&[0xE6, 0xBF, b'\n']);
        }
        let err = decode(&bytes).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no encoding decodes the file cleanly (as UTF-8 it has "),
            "{err}"
        );
    }

    #[test]
    fn a_chosen_encoding_is_used_as_it_is() {
        use crate::core::text::chosen::decode_as;
        let bytes = encode_strict(GB18030, "濟寧市人民政府\r\n簽約");
        let d = decode_as(&bytes, GB18030).unwrap();
        assert_eq!((d.encoding, d.source), ("GB18030", Source::Chosen));
        assert_eq!(
            (d.text.as_str(), d.replaced),
            ("濟寧市人民政府\n簽約", None)
        );
        // Malformed bytes are replaced and counted, not refused.
        let mut bad = bytes.clone();
        bad.insert(4, 0xFF);
        let d = decode_as(&bad, GB18030).unwrap();
        assert_eq!(
            d.replaced,
            Some(Replaced {
                count: 1,
                first_byte: 4
            })
        );
        assert!(d.text.starts_with("濟寧\u{FFFD}"));
        // UTF-8 bytes forced to GB18030 give what the user asked for.
        let d = decode_as("濟寧".as_bytes(), GB18030).unwrap();
        assert_ne!(d.text, "濟寧");
        // Its own byte-order mark is stripped; a NUL is still binary.
        let d = decode_as(&utf16("簽約", true), UTF_16BE).unwrap();
        assert_eq!((d.text.as_str(), d.had_bom), ("簽約", true));
        assert_eq!(
            decode_as(&utf16("簽\0", false), UTF_16LE),
            Err(DecodeError::Binary { offset: 4 })
        );
        assert_eq!(
            decode_as(b"ab\0", GB18030),
            Err(DecodeError::Binary { offset: 2 })
        );
        assert_eq!(decode_as(b"", UTF_8), Err(DecodeError::Empty));
    }

    #[test]
    fn legacy_files_that_are_nearly_ascii_stay_legacy() {
        // Mostly ASCII with a few legacy characters: each is a malformed
        // UTF-8 sequence, but rare enough to pass the first rule.
        let mut text = "let total = 0; // ascii\n".repeat(200);
        text.push_str("// 合計\n");
        let d = decode(&encode_strict(GB18030, &text)).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, text);
        assert_eq!(d.replaced, None);

        // windows-1252 with one accent has no well-formed UTF-8 at all.
        let mut text = "The committee met in the afternoon.\n".repeat(100);
        text.push_str("Café\n");
        let d = decode(&encode_strict(encoding_rs::WINDOWS_1252, &text)).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, text);
        assert_eq!(d.replaced, None);
    }

    #[test]
    fn a_few_malformed_sequences_after_a_utf8_bom_are_replaced() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        let at = ARTICLE.find("簽署").unwrap();
        bytes.extend(damage(ARTICLE, &[at], &[0xE6, 0xBF]));
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8 (BOM)");
        assert!(d.had_bom);
        // The offset counts the BOM, as a hex editor does.
        assert_eq!(
            d.replaced,
            Some(Replaced {
                count: 1,
                first_byte: at + 3
            })
        );
        assert!(d.text.contains("\u{FFFD}簽署"));
    }

    #[test]
    fn replacement_and_line_endings_together() {
        let crlf = ARTICLE.replace('\n', "\r\n");
        let at = crlf.find("簽署").unwrap();
        let d = decode(&damage(&crlf, &[at], &[0x80])).unwrap();
        assert!(d.line_endings_normalised);
        assert_eq!(d.replaced.map(|r| r.first_byte), Some(at));
        assert_eq!(d.text.replace('\u{FFFD}', ""), ARTICLE);
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
