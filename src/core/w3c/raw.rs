//! The text of values in an imported W3C file, for the passthrough fields.
//!
//! The reader walks the file as a [`serde_json::Value`], which keeps a
//! number only as an `f64` or an integer: `123456789012345678901234567890`
//! would become `1.2345678901234568e29` and `1E2` would become `100.0`.
//! Passthrough fields must be kept as written (see `core::file::fields`),
//! so [`RawTexts`] reads the same bytes a second time, as text, and finds
//! the object at a JSON Pointer the reader gives.
//!
//! Nothing is read until a passthrough object is asked for. The containers
//! on the path to the last one asked for are kept (a stack, one per
//! level): the reader goes through the file in order, so the next request
//! (the next annotation of the same list) starts from the list already
//! split, and a file of a million annotations is split once, not a
//! million times, and never held twice in memory.

use std::collections::HashMap;

use serde_json::value::RawValue;

/// A JSON object or array of the file, each member as its text.
enum Container {
    Object(HashMap<String, Box<RawValue>>),
    Array(Vec<Box<RawValue>>),
}

impl Container {
    /// `text` split into its members, when it is an object or an array.
    fn parse(text: &RawValue) -> Option<Self> {
        match text.get().trim_start().as_bytes().first()? {
            // Duplicate keys: the last wins, as in a `Value`.
            b'{' => serde_json::from_str(text.get()).ok().map(Self::Object),
            b'[' => serde_json::from_str(text.get()).ok().map(Self::Array),
            _ => None,
        }
    }

    /// The member named by the JSON Pointer segment `segment`.
    fn get(&self, segment: &str) -> Option<&RawValue> {
        match self {
            Self::Object(members) => members.get(segment).map(AsRef::as_ref),
            Self::Array(items) => items.get(segment.parse::<usize>().ok()?).map(AsRef::as_ref),
        }
    }
}

/// The text of the values of one file (see the module docs).
pub(super) struct RawTexts<'b> {
    bytes: &'b [u8],
    /// The containers from the top of the file down to the last one asked
    /// for, each with its JSON Pointer; empty until the first request.
    path: Vec<(String, Container)>,
    /// True once the bytes could not be split (then every answer is `None`).
    failed: bool,
}

impl<'b> RawTexts<'b> {
    /// The texts of `bytes` (JSON, without a byte order mark).
    pub(super) fn new(bytes: &'b [u8]) -> Self {
        Self {
            bytes,
            path: Vec::new(),
            failed: false,
        }
    }

    /// The members of the object at the JSON Pointer `at` (whose segments
    /// need no escaping: `~` and `/` are not in them), each as written;
    /// `None` when there is no object there.
    pub(super) fn object_at(&mut self, at: &str) -> Option<&HashMap<String, Box<RawValue>>> {
        if self.failed {
            return None;
        }
        if self.path.is_empty() {
            let top = serde_json::from_slice::<Box<RawValue>>(self.bytes)
                .ok()
                .and_then(|text| Container::parse(&text));
            let Some(top) = top else {
                self.failed = true;
                return None;
            };
            self.path.push((String::new(), top));
        }
        // Keep the containers that hold `at` (the top always does).
        let kept = self
            .path
            .iter()
            .rposition(|(pointer, _)| holds(pointer, at))
            .unwrap_or(0);
        self.path.truncate(kept + 1);
        let (from, _) = self.path.last()?;
        let rest = at.get(from.len()..)?.to_owned();
        for segment in rest.split('/').skip(1) {
            let (pointer, container) = self.path.last()?;
            let child = Container::parse(container.get(segment)?)?;
            let pointer = format!("{pointer}/{segment}");
            self.path.push((pointer, child));
        }
        match self.path.last() {
            Some((_, Container::Object(members))) => Some(members),
            _ => None,
        }
    }
}

/// True when the JSON Pointer `outer` is `inner` or one of its parents.
fn holds(outer: &str, inner: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(texts: &mut RawTexts<'_>, at: &str, key: &str) -> Option<String> {
        texts
            .object_at(at)
            .and_then(|o| o.get(key))
            .map(|t| t.get().to_owned())
    }

    #[test]
    fn objects_are_found_by_pointer_with_their_values_as_written() {
        let json = r#"[
            {"批": {"甲": 1E2, "乙": [0.10, "丙"]}},
            {"批": {"甲": 123456789012345678901234567890}},
            "連結",
            {"批": {"甲": -0.0}, "頁": {"items": [{"批": {"甲": 2.50}}]}}
        ]"#;
        let mut texts = RawTexts::new(json.as_bytes());
        assert_eq!(text_of(&mut texts, "/0/批", "甲").as_deref(), Some("1E2"));
        assert_eq!(
            text_of(&mut texts, "/0/批", "乙").as_deref(),
            Some(r#"[0.10, "丙"]"#)
        );
        assert_eq!(
            text_of(&mut texts, "/1/批", "甲").as_deref(),
            Some("123456789012345678901234567890")
        );
        assert_eq!(
            text_of(&mut texts, "/3/頁/items/0/批", "甲").as_deref(),
            Some("2.50")
        );
        // Back up to a sibling, and to a prefix that is not a parent.
        assert_eq!(text_of(&mut texts, "/3/批", "甲").as_deref(), Some("-0.0"));
        assert_eq!(text_of(&mut texts, "/0/批", "甲").as_deref(), Some("1E2"));
        // Nothing there, or not an object.
        assert!(texts.object_at("/2").is_none());
        assert!(texts.object_at("/9/批").is_none());
        assert!(texts.object_at("/0/批/乙").is_none());
        assert!(texts.object_at("/甲").is_none());
        assert_eq!(
            text_of(&mut texts, "/1/批", "甲").as_deref(),
            Some("123456789012345678901234567890")
        );
    }

    #[test]
    fn a_single_object_and_duplicate_keys_read_as_a_value_does() {
        let json = r#"{"批": {"甲": 1, "甲": 1E2}}"#;
        let mut texts = RawTexts::new(json.as_bytes());
        assert_eq!(text_of(&mut texts, "/批", "甲").as_deref(), Some("1E2"));
        assert_eq!(texts.object_at("").map(HashMap::len), Some(1));
        let mut broken = RawTexts::new("{\"批\": ".as_bytes());
        assert!(broken.object_at("/批").is_none());
        assert!(broken.object_at("").is_none());
    }

    #[test]
    fn parents_are_whole_segments() {
        assert!(holds("", "/1"));
        assert!(holds("/1", "/1"));
        assert!(holds("/1", "/1/pizhu"));
        assert!(!holds("/1", "/10/pizhu"));
        assert!(!holds("/1/pizhu", "/1"));
    }
}
