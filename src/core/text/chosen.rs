//! Decoding in an encoding the user chose (`--encoding NAME`, File →
//! Reopen with Encoding…): used as it is, as text editors do. A byte-order
//! mark of that encoding is stripped; malformed sequences are replaced by
//! U+FFFD and counted in [`Decoded::replaced`], so the user sees the text
//! and a warning rather than nothing.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::charset::{self, display_name};
use super::decode::{DecodeError, Decoded, Replaced, Source, find_nul, finish};

/// Decodes `bytes` with the encoding the user chose (see the module docs).
///
/// # Errors
/// [`DecodeError::Empty`] for no content; [`DecodeError::Binary`] for a
/// U+0000 character (a NUL byte in any encoding but UTF-16).
pub fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let bom_len = match Encoding::for_bom(bytes) {
        Some((bom, len)) if bom == encoding => len,
        _ => 0,
    };
    let body = bytes.get(bom_len..).unwrap_or_default();
    if body.is_empty() {
        return Err(DecodeError::Empty);
    }
    let decoded = charset::decode_replacing(encoding, body);
    if let Some(nul) = decoded.text.find('\0') {
        // The byte offset of the NUL: exact for the ASCII-compatible
        // encodings, the code unit's for UTF-16.
        let offset = if encoding == UTF_16LE || encoding == UTF_16BE {
            let units: usize = decoded
                .text
                .get(..nul)
                .unwrap_or_default()
                .chars()
                .map(char::len_utf16)
                .sum();
            bom_len + units * 2
        } else {
            bom_len + find_nul(body).unwrap_or(0)
        };
        return Err(DecodeError::Binary { offset });
    }
    let replaced = (decoded.malformed > 0).then_some(Replaced {
        count: decoded.malformed,
        first_byte: bom_len + decoded.first,
    });
    Ok(finish(
        decoded.text,
        display_name(encoding),
        bom_len > 0,
        replaced,
        Source::Chosen,
    ))
}
