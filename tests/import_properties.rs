//! Property: any W3C import that succeeds leaves notes whose review file
//! loads back equal. Annotations are generated with passthrough fields
//! (`pizhu.note_fields`, `pizhu.target_fields`) named like Pizhu's own
//! fields or oddly, strings with control characters, and numbers of every
//! shape JSON allows, written as text.

use proptest::prelude::*;

use pizhu::core::file::merge;
use pizhu::core::file::review::{Parsed, ReviewFile};
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::notes::store::ReviewStore;
use pizhu::core::text::document::Document;
use pizhu::core::w3c::read;

/// A JSON string literal of `text`.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Keys: Pizhu's own field names (of the note, the target, the file), the
/// names renaming uses, and odd strings with control characters.
fn key() -> impl Strategy<Value = String> {
    let own: Vec<String> = Note::FIELDS
        .iter()
        .chain(Target::FIELDS)
        .chain(ReviewFile::FIELDS)
        .chain(&["extra", "x-color", "x-color-2", "x-id", "批次", ""])
        .map(|k| (*k).to_owned())
        .collect();
    prop_oneof![
        3 => proptest::sample::select(own),
        1 => ".{0,6}",
        1 => "[\\x00-\\x1f\\x7f-\\x9f\u{202e}\u{2066}批注]{1,4}",
    ]
}

/// A JSON number as text: integers of any length, fractions, exponents
/// with `e` or `E` and either sign (exponents stay small enough for f64).
fn number() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,35})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,2})?"
}

/// Odd strings: Chinese, controls, bidi marks, quotes and backslashes.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,8}",
        "[\\x00-\\x1f\\x7f-\\x9f\u{202e}\u{2028}\"\\\\濟寧批注]{0,6}",
    ]
}

/// Any JSON value, as text.
fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number(),
        odd_string().prop_map(|s| quoted(&s)),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            proptest::collection::vec((key(), inner), 0..4).prop_map(|fields| object(&fields)),
        ]
    })
}

/// A JSON object of `fields` (keys given as text, values as JSON text).
fn object(fields: &[(String, String)]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}: {v}", quoted(k)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// One annotation, as JSON text.
fn annotation() -> impl Strategy<Value = String> {
    let selector = prop_oneof![
        Just(String::new()),
        prop_oneof![
            Just("濟寧市政府".to_owned()),
            Just("人社廳".to_owned()),
            odd_string()
        ]
        .prop_map(|q| format!(
            r#""selector": {{"type": "TextQuoteSelector", "exact": {}}},"#,
            quoted(&q)
        )),
        (0_usize..2000, 0_usize..20).prop_map(|(s, n)| format!(
            r#""selector": {{"type": "TextPositionSelector", "start": {s}, "end": {}}},"#,
            s + n
        )),
    ];
    let source = prop_oneof![
        Just("article.txt".to_owned()),
        Just("http://example.org/另一篇.html".to_owned()),
        odd_string(),
    ];
    (
        proptest::option::of(odd_string()),
        odd_string(),
        proptest::collection::vec(odd_string(), 0..3),
        selector,
        source,
        proptest::option::of(prop_oneof![Just("\"pink\"".to_owned()), value()]),
        proptest::collection::vec((key(), value()), 0..5),
        proptest::collection::vec((key(), value()), 0..5),
    )
        .prop_map(
            |(id, body, tags, selector, source, color, note_fields, target_fields)| {
                let id = id.map_or_else(String::new, |id| format!(r#""id": {},"#, quoted(&id)));
                let tags: Vec<String> = tags
                    .iter()
                    .map(|t| {
                        format!(
                            r#"{{"type": "TextualBody", "purpose": "tagging", "value": {}}}"#,
                            quoted(t)
                        )
                    })
                    .collect();
                let color = color.map_or_else(String::new, |c| format!(r#""color": {c},"#));
                format!(
                    r#"{{{id} "type": "Annotation", "bodyValue": {},
                        "body": [{}],
                        "target": {{{selector} "source": {}}},
                        "pizhu": {{{color} "note_fields": {}, "target_fields": {}}}}}"#,
                    quoted(&body),
                    tags.join(", "),
                    quoted(&source),
                    object(&note_fields),
                    object(&target_fields),
                )
            },
        )
}

/// The review file of `store`, saved and read back.
fn saved_and_read(store: &ReviewStore) -> (ReviewFile, Result<Parsed, String>) {
    let review = store.review().clone();
    let text = review.try_to_json().unwrap_or_default();
    let back = ReviewFile::parse(text.as_bytes()).map_err(|e| format!("{e}\n{text}"));
    (review, back)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_import_that_succeeds_saves_a_file_that_loads_back_equal(
        annotations in proptest::collection::vec(annotation(), 1..5)
    ) {
        let doc = Document::embedded();
        let file = format!("[{}]", annotations.join(",\n"));
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        // Twice: the second import meets the notes of the first (duplicates,
        // kept versions).
        for _ in 0..2 {
            let Ok(incoming) = read::read_annotations(file.as_bytes(), &doc, store.text_index())
            else {
                return Ok(());
            };
            let (edit, _) = merge::plan_merge(&store, incoming);
            if store.apply(edit).is_err() {
                return Ok(());
            }
            let (review, back) = saved_and_read(&store);
            prop_assert_eq!(back, Ok(Parsed::Current(review)));
        }
    }
}
