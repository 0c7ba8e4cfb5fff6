//! Structs of the review file that keep the fields they do not know.
//!
//! Every level of a review file that can grow (the file, the document
//! identity, a note, its target, the timeline, its events and people, the
//! review index) is a struct with known fields and an `extra` map of the
//! others ([`Extra`]). [`keep_unknown_fields!`] writes their `Serialize`
//! and `Deserialize` by hand instead of `#[serde(flatten)]`, for two reasons:
//!
//! - **Values are kept as written.** An unknown value is read twice: as a
//!   [`Value`] to work with, and as its text (serde_json's `RawValue`).
//!   While the value is unchanged, saving writes that text back, so
//!   `123456789012345678901234567890` stays that and does not become
//!   `1.2345678901234568e29`, and `1E2` does not become `100.0`.
//!   `flatten` cannot do this: it buffers every value before the struct
//!   sees it, and the text is gone. Here each known field is read straight
//!   from the parser (so a mistyped one is also reported at its own line
//!   and column), and each unknown one with its text.
//! - **No save can write a file the loader refuses.** An `extra` key that
//!   names a known field of the same struct would be written twice, and a
//!   file with a duplicate field is refused when read. The writer leaves
//!   such keys out ([`Extra::write_entries`]); the loader never puts a known
//!   key in `extra`, and the import renames colliding passthrough keys
//!   before they get there ([`passthrough_key`]), so nothing that can be
//!   loaded is ever dropped.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The fields of a struct that this version does not know: a JSON map
/// (it derefs to [`Map`]) that also remembers the text each value had in
/// the file it was read from, and writes that text back while the value
/// is unchanged. Two `Extra`s are equal when their values are.
#[derive(Clone, Default)]
pub struct Extra {
    values: Map<String, Value>,
    /// Each value read from a file: as parsed then (to see whether it
    /// changed since) and its text.
    as_read: BTreeMap<String, (Value, Box<RawValue>)>,
}

impl Extra {
    /// Adds the field `key` read from a file as `text`, keeping the text.
    ///
    /// # Errors
    /// If `text` is not JSON (it always is when it comes from the parser).
    pub fn insert_read(&mut self, key: String, text: Box<RawValue>) -> serde_json::Result<()> {
        let value: Value = serde_json::from_str(text.get())?;
        self.values.insert(key.clone(), value.clone());
        self.as_read.insert(key, (value, text));
        Ok(())
    }

    /// Writes the entries whose key is not one of `known` (the struct's own
    /// fields, written before), so that no key is written twice: each as
    /// it was read while unchanged, else its value.
    ///
    /// # Errors
    /// When the serializer fails.
    pub fn write_entries<M: SerializeMap>(
        &self,
        map: &mut M,
        known: &[&str],
    ) -> Result<(), M::Error> {
        for (key, value) in &self.values {
            if known.contains(&key.as_str()) {
                continue;
            }
            match self.as_read.get(key) {
                Some((read, text)) if read == value => map.serialize_entry(key, text)?,
                _ => map.serialize_entry(key, value)?,
            }
        }
        Ok(())
    }
}

impl Deref for Extra {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        &self.values
    }
}

impl DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.values
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(values: Map<String, Value>) -> Self {
        Self {
            values,
            as_read: BTreeMap::new(),
        }
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.values.fmt(f)
    }
}

impl Serialize for Extra {
    /// The map, each value as it was read while unchanged.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        self.write_entries(&mut map, &[])?;
        map.end()
    }
}

/// The key under which a passthrough field `key` (from an imported file)
/// is kept in an `extra` map whose struct has the fields `known`: `None`
/// when `key` names none of them and can be kept as it is, else the first
/// of `x-KEY`, `x-KEY-2`, `x-KEY-3`, … that is not in `extra`.
#[must_use]
pub fn passthrough_key(key: &str, known: &[&str], extra: &Map<String, Value>) -> Option<String> {
    if !known.contains(&key) {
        return None;
    }
    let base = format!("x-{key}");
    let mut candidate = base.clone();
    let mut n = 1_usize;
    while extra.contains_key(&candidate) || known.contains(&candidate.as_str()) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    Some(candidate)
}

/// `Serialize` and `Deserialize` for a struct with named fields and an
/// `extra:` [`Extra`] of the fields it does not know (see the
/// module docs), and `const FIELDS: &[&str]`, the names of its known fields.
///
/// ```ignore
/// keep_unknown_fields!(Note, "a note", {
///     id: required,
///     body: default,
///     timeline: default if Option::is_none,
/// });
/// ```
///
/// Fields are written in the order given, then the unknown ones. A
/// `required` field missing from the file is an error; a `default` one
/// takes its type's default; `if PATH` leaves the field out of the file
/// when `PATH(&value)` is true. A known field given twice is an error, as
/// with a derived `Deserialize`.
macro_rules! keep_unknown_fields {
    ($ty:ident, $expecting:literal, { $($field:ident: $mode:ident $(if $skip:path)?),* $(,)? }) => {
        impl $ty {
            /// The names of the fields this struct knows, as in the file.
            pub const FIELDS: &[&str] = &[$(stringify!($field)),*];
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $(
                    let skip = false $(|| $skip(&self.$field))?;
                    if !skip {
                        map.serialize_entry(stringify!($field), &self.$field)?;
                    }
                )*
                self.extra.write_entries(&mut map, Self::FIELDS)?;
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FieldsVisitor;

                impl<'de> ::serde::de::Visitor<'de> for FieldsVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        use ::serde::de::Error as _;
                        $(let mut $field = None;)*
                        let mut extra = $crate::core::file::fields::Extra::default();
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(
                                    stringify!($field) => {
                                        if $field.is_some() {
                                            return Err(A::Error::duplicate_field(stringify!($field)));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                _ => {
                                    let text: Box<::serde_json::value::RawValue> =
                                        map.next_value()?;
                                    extra.insert_read(key, text).map_err(A::Error::custom)?;
                                }
                            }
                        }
                        Ok($ty {
                            $($field: $crate::core::file::fields::keep_unknown_fields!(
                                @finish $field, $mode, A
                            ),)*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(FieldsVisitor)
            }
        }
    };
    (@finish $field:ident, required, $a:ident) => {
        $field.ok_or_else(|| $a::Error::missing_field(stringify!($field)))?
    };
    (@finish $field:ident, default, $a:ident) => {
        $field.unwrap_or_default()
    };
}

pub(crate) use keep_unknown_fields;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Sample {
        name: String,
        count: u32,
        remark: Option<String>,
        extra: Extra,
    }

    keep_unknown_fields!(Sample, "a sample", {
        name: required,
        count: default,
        remark: default if Option::is_none,
    });

    #[test]
    fn unknown_values_are_kept_as_written() {
        let json = r#"{"name": "甲", "count": 3, "big": 123456789012345678901234567890, "exp": 1E2, "frac": -0.10}"#;
        let s: Sample = serde_json::from_str(json).unwrap();
        assert_eq!((s.name.as_str(), s.count, &s.remark), ("甲", 3, &None));
        let out = serde_json::to_string(&s).unwrap();
        assert_eq!(
            out,
            r#"{"name":"甲","count":3,"big":123456789012345678901234567890,"exp":1E2,"frac":-0.10}"#
        );
        assert_eq!(serde_json::from_str::<Sample>(&out).unwrap(), s);
        // Read through a `Value` (as the shipped timeline is), the same.
        let v: Value = serde_json::from_str(r#"{"name": "乙", "列表": [1, 2.50]}"#).unwrap();
        let s: Sample = serde_json::from_value(v).unwrap();
        assert_eq!(s.extra.get("列表"), Some(&serde_json::json!([1, 2.5])));
    }

    #[test]
    fn a_changed_value_is_written_as_it_is_now() {
        let json = r#"{"name": "甲", "舊": 1E2, "改": 1E2}"#;
        let mut s: Sample = serde_json::from_str(json).unwrap();
        s.extra.insert("改".into(), Value::from(7));
        s.extra.insert("新".into(), Value::from("新的"));
        let out = serde_json::to_string(&s).unwrap();
        assert_eq!(
            out,
            r#"{"name":"甲","count":0,"改":7,"新":"新的","舊":1E2}"#
        );
        // Equal values compare equal whatever their text.
        let other: Sample =
            serde_json::from_str(r#"{"name": "甲", "舊": 100.0, "改": 7}"#).unwrap();
        let mut s2 = s.clone();
        s2.extra.remove("新");
        assert_eq!(other, s2);
        // The map on its own (as an export writes it) keeps the text too.
        assert_eq!(
            serde_json::to_string(&s.extra).unwrap(),
            r#"{"改":7,"新":"新的","舊":1E2}"#
        );
    }

    #[test]
    fn a_known_key_in_extra_is_never_written_twice() {
        let mut s: Sample = serde_json::from_str(r#"{"name": "甲"}"#).unwrap();
        s.extra.insert("name".into(), Value::from("乙"));
        s.extra.insert("remark".into(), Value::from("丙"));
        let out = serde_json::to_string(&s).unwrap();
        assert_eq!(out, r#"{"name":"甲","count":0}"#);
        assert!(serde_json::from_str::<Sample>(&out).is_ok());
    }

    #[test]
    fn missing_duplicate_and_mistyped_fields_are_errors() {
        let err = serde_json::from_str::<Sample>(r#"{"count": 1}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `name`"), "{err}");
        let err = serde_json::from_str::<Sample>(r#"{"name": "甲", "name": "乙"}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field `name`"), "{err}");
        let err =
            serde_json::from_str::<Sample>("{\"name\": \"甲\",\n \"count\": \"三\"}").unwrap_err();
        assert_eq!(err.line(), 2, "the mistyped field's own line: {err}");
        let err = serde_json::from_str::<Sample>("[1]").unwrap_err();
        assert!(err.to_string().contains("expected a sample"), "{err}");
    }

    #[test]
    fn colliding_passthrough_keys_are_renamed() {
        let mut extra = Map::new();
        assert_eq!(passthrough_key("備註", Sample::FIELDS, &extra), None);
        assert_eq!(
            passthrough_key("name", Sample::FIELDS, &extra).as_deref(),
            Some("x-name")
        );
        extra.insert("x-name".into(), Value::from(1));
        extra.insert("x-name-2".into(), Value::from(2));
        assert_eq!(
            passthrough_key("name", Sample::FIELDS, &extra).as_deref(),
            Some("x-name-3")
        );
    }
}
