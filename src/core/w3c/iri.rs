//! The IRIs of a W3C export: the document's (`file://` or `urn:sha256:`)
//! and each note's (`urn:uuid:`, kept IRIs, `urn:pizhu:note:`), and back.

use crate::core::text::document::Document;

/// The IRI prefix of a note id that is neither a UUID nor an IRI.
pub const NOTE_ID_PREFIX: &str = "urn:pizhu:note:";

/// The IRI prefix of UUID ids.
pub const UUID_PREFIX: &str = "urn:uuid:";

/// Where the notes of `doc` are: its `file://` URI ([`file_uri`]), or
/// `urn:sha256:<clean_sha256>` for the embedded article, for a document
/// without a path, and when the path cannot be made absolute.
#[must_use]
pub fn source_iri(doc: &Document) -> String {
    doc.path
        .as_deref()
        .and_then(file_uri)
        .unwrap_or_else(|| format!("urn:sha256:{}", doc.clean_sha256))
}

/// The `file://` URI of `path`, made absolute, with every byte other than
/// ASCII letters, digits, `-._~`, `/` and `:` percent-encoded (UTF-8 on
/// Windows, the path's own bytes on Unix). `None` when the path cannot be
/// made absolute.
#[must_use]
pub fn file_uri(path: &std::path::Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        // An absolute Unix path starts with `/`: `file://` + `/…`.
        Some(format!(
            "file://{}",
            percent_encode(absolute.as_os_str().as_bytes(), b"/:")
        ))
    }
    #[cfg(not(unix))]
    {
        let text = absolute.to_string_lossy().replace('\\', "/");
        // Verbatim paths (`\\?\C:\…`, `\\?\UNC\server\…`) to their plain forms.
        let text = if let Some(rest) = text.strip_prefix("//?/UNC/") {
            format!("//{rest}")
        } else if let Some(rest) = text.strip_prefix("//?/") {
            rest.to_owned()
        } else {
            text
        };
        Some(match text.strip_prefix("//") {
            // `\\server\share\…`: the server is the URI's host.
            Some(unc) => format!("file://{}", percent_encode(unc.as_bytes(), b"/:")),
            None => format!("file:///{}", percent_encode(text.as_bytes(), b"/:")),
        })
    }
}

/// `bytes` with everything but ASCII letters, digits, `-._~` and the bytes
/// in `keep` written as `%XX`.
fn percent_encode(bytes: &[u8], keep: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `text` with every `%XX` decoded; `None` when a `%` is not followed by
/// two hex digits or the bytes are not UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The IRI of a note id: `urn:uuid:<id>` for a UUID in its usual form
/// (lowercase, with hyphens); the id itself when it already is an absolute
/// IRI in ASCII (say, an annotation imported from elsewhere); otherwise
/// `urn:pizhu:note:` and the id percent-encoded. [`note_id_from_iri`]
/// gives the id back.
#[must_use]
pub fn note_iri(id: &str) -> String {
    let is_plain_uuid = uuid::Uuid::try_parse(id).is_ok_and(|u| u.hyphenated().to_string() == id);
    if is_plain_uuid {
        return format!("{UUID_PREFIX}{id}");
    }
    if is_absolute_iri(id) && !has_prefix(id, UUID_PREFIX) && !has_prefix(id, NOTE_ID_PREFIX) {
        return id.to_owned();
    }
    format!("{NOTE_ID_PREFIX}{}", percent_encode(id.as_bytes(), b""))
}

/// The note id of an annotation IRI: without `urn:uuid:`, decoded from
/// `urn:pizhu:note:`, or the IRI itself (the reverse of [`note_iri`]).
#[must_use]
pub fn note_id_from_iri(iri: &str) -> String {
    let iri = iri.trim();
    if let Some(uuid) = strip_prefix_ignore_case(iri, UUID_PREFIX) {
        return uuid.to_owned();
    }
    if let Some(encoded) = strip_prefix_ignore_case(iri, NOTE_ID_PREFIX)
        && let Some(id) = percent_decode(encoded).filter(|id| !id.is_empty())
    {
        return id;
    }
    iri.to_owned()
}

/// `text` without `prefix`, compared ignoring ASCII case (URN schemes and
/// namespaces are case-insensitive).
pub(crate) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Whether `text` starts with `prefix`, ignoring ASCII case.
fn has_prefix(text: &str, prefix: &str) -> bool {
    strip_prefix_ignore_case(text, prefix).is_some()
}

/// Whether `text` is an absolute IRI a JSON-schema `uri` check accepts: a
/// scheme (a letter, then letters, digits, `+-.`), a colon and at least one
/// more char, all printable ASCII without spaces, quotes, `<>\^`{|}`, and
/// `%` only before two hex digits.
fn is_absolute_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let rest_ok = !rest.is_empty()
        && rest.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        })
        && percent_decode(rest).is_some();
    scheme_ok && rest_ok
}
