//! Reading W3C Web Annotations, and Pizhu review files, as notes to import.
//!
//! [`read_annotations`] accepts every shape the W3C model
//! allows for a set of annotations: one `Annotation`; a JSON array of them;
//! an `AnnotationCollection` whose `first` page is embedded, following
//! embedded `next` pages; an `AnnotationPage`; `items` lists on either; a
//! JSON-LD `@graph`. Bodies may be a string, an object or an array
//! (`bodyValue` too); `TextualBody`s with `purpose: tagging` (or every
//! body of an annotation whose motivation is `tagging`) become tags, the
//! others the note text; a `Choice` gives its first item. A target may be
//! an object, an array (the first with a text selector is used) or a plain
//! IRI; selectors may be one or a list, and `refinedBy` chains are
//! followed. A Pizhu review file (`"format": "pizhu-review"`) gives its
//! notes as they are. Parts that cannot be used (an annotation or a page
//! only linked by its IRI, an object that is not an annotation) are
//! skipped and counted, each with a reason.
//!
//! **Targets.** A note's target is built from the selectors: the quote
//! (`exact`, `prefix`, `suffix`) from the `TextQuoteSelector`, the position
//! from the `TextPositionSelector` (code points). With several selectors
//! the quote is the truth and the position only a hint of which occurrence
//! (the note's position is where the quote was found). With only a
//! position, the quote is the document's text there; once the target is
//! anchored in the document (the same [`anchor`] as reopened notes), what
//! the selectors lacked — the position, the quote's context — is filled
//! in from where it was found, and the raw position comes from the
//! document's offset map. A target that cannot be found (no selector, or
//! text no longer there) stays an orphan, whose reason the notes list
//! shows; when its selectors are all of kinds Pizhu does not read
//! (`XPathSelector`, `CssSelector`, `SvgSelector`, a `FragmentSelector`
//! alone, a `RangeSelector` of DOM containers…), the import report names
//! them ([`SkipReason::NoTextSelector`]).
//!
//! **Ranges and refinements.** A `RangeSelector` selects from the start of
//! what its `startSelector` selects to the end of what its `endSelector`
//! selects (an end quote is looked for from the start on; an end before
//! the start selects nothing). In a `refinedBy` chain the innermost
//! selector that can be resolved gives the note's range, each resolved
//! only inside the range of the one it refines: a position counts from
//! that range's start and must end inside it; a quote is looked for only
//! there (exactly, the occurrence whose context matches best), never in
//! the rest of the text. A `FragmentSelector` or other selector narrows
//! nothing: a quote refining it is looked for in the whole text. A
//! position chain beside a quote on the same target is only that quote's
//! hint. On another document positions select nothing; quotes still do.
//!
//! **Other documents.** A target whose `source` names another document
//! than `doc` (see `names_document` in `parts.rs`: not the IRI an export
//! of `doc` gives, not `urn:sha256:` with its hash, and not an IRI whose
//! last path segment is its file name) is never placed by its position
//! alone, which would land on unrelated words: only its quote is looked
//! for, and when it is not found the note is an orphan that keeps the
//! source and says it is on another document
//! ([`OrphanReason::OtherDocument`](crate::core::anchor::OrphanReason)).
//!
//! **Names.** Every skipped part is named by its `id`, or by where it is
//! in the file (a JSON Pointer such as `/first/items/2`) when it has none.
//! Passthrough fields (`pizhu.note_fields`, `pizhu.target_fields`) named
//! like one of Pizhu's own fields of the note or target are kept as
//! `x-NAME` (`x-NAME-2`, … when taken) and reported, so that the notes
//! file never has a name twice. Their values, renamed or not, keep the
//! text they had in the file (`1E2` stays `1E2`), read again from the
//! bytes by `raw.rs`.

use std::cell::OnceCell;

use serde_json::{Map, Value};

use crate::core::anchor::{self, Anchor, Match, TextIndex};
use crate::core::file::fields::{self, Extra};
use crate::core::file::review::{self, Parsed, ReviewError, ReviewFile};
use crate::core::import::{
    FieldsOf, ImportError, Incoming, Item, JsonShape, Renamed, SkipReason, Skipped,
};
use crate::core::notes::note::{
    self, Note, NoteColor, Target, TargetKind, TextPosition, TextQuote,
};
use crate::core::text::document::Document;
use crate::core::text::offset::RawRange;
use crate::core::w3c::parts::{
    Bodies, Found, MAX_DEPTH, Resolved, Resolver, agent_name, item_of, list, listed,
    names_document, needs_resolving, other_selector_types, selectors_of, source_of, strings,
    text_of, type_names,
};
use crate::core::w3c::raw::RawTexts;
use crate::core::w3c::write;

/// Reads the notes in `bytes`: W3C Web Annotations in any shape (see the
/// module docs) or a Pizhu review file. W3C targets are anchored in `doc`,
/// whose text `index` holds, to complete them.
///
/// # Errors
/// [`ImportError::Malformed`] for bytes that are not JSON (with line and
/// column), [`ImportError::NotAnnotations`] for other JSON, and
/// [`ImportError::Review`] for a damaged Pizhu review file.
pub fn read_annotations(
    bytes: &[u8],
    doc: &Document,
    index: &TextIndex,
) -> Result<Incoming, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| match review::malformed(bytes, &e) {
            ReviewError::Malformed {
                line,
                column,
                message,
                ..
            } => ImportError::Malformed {
                line,
                column,
                message,
                path: None,
            },
            other => ImportError::Review(other),
        })?;
    if value.get("format").and_then(Value::as_str) == Some(review::FORMAT) {
        return match ReviewFile::parse(bytes) {
            Ok(Parsed::Current(r) | Parsed::Newer(r)) => Ok(Incoming::from(r.notes)),
            Err(e) => Err(ImportError::Review(e)),
        };
    }
    let mut reader = Reader {
        doc,
        index,
        out: Incoming::default(),
        recognised: false,
        raw: RawTexts::new(bytes),
        chars: OnceCell::new(),
    };
    reader.top(&value);
    let empty_list = value.as_array().is_some_and(Vec::is_empty);
    if !reader.recognised && !empty_list {
        return Err(ImportError::NotAnnotations {
            found: describe(&value),
            path: None,
        });
    }
    Ok(reader.out)
}

/// What a JSON value is, for [`ImportError::NotAnnotations`].
fn describe(value: &Value) -> JsonShape {
    match value {
        Value::Object(o) => match type_names(o).first() {
            Some(t) => JsonShape::ObjectOfType((*t).to_owned()),
            None => JsonShape::UntypedObject,
        },
        Value::Array(items) => JsonShape::List(items.len()),
        Value::String(_) => JsonShape::String,
        Value::Number(_) => JsonShape::Number,
        Value::Bool(_) => JsonShape::Bool,
        Value::Null => JsonShape::Null,
    }
}

/// The walk over a W3C file.
struct Reader<'d> {
    doc: &'d Document,
    index: &'d TextIndex,
    out: Incoming,
    /// True once an annotation, a page or a collection was seen.
    recognised: bool,
    /// The file's text, to keep passthrough values as written.
    raw: RawTexts<'d>,
    /// The document's clean text as chars, made on first need.
    chars: OnceCell<Vec<char>>,
}

impl Reader<'_> {
    /// The top of the file: an annotation, a container, or a list of them.
    fn top(&mut self, value: &Value) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.item(item, 1, &format!("/{i}"));
                }
            }
            other => self.item(other, 0, ""),
        }
    }

    /// One annotation, page, collection or list of them, at `at` (a JSON
    /// Pointer) in the file.
    fn item(&mut self, value: &Value, depth: usize, at: &str) {
        if depth > MAX_DEPTH {
            self.skip(Item::At(at.to_owned()), SkipReason::TooDeep);
            return;
        }
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.item(item, depth + 1, &format!("{at}/{i}"));
                }
            }
            Value::Object(o) => {
                let types = type_names(o);
                if types.contains(&"Annotation") || (types.is_empty() && o.contains_key("target")) {
                    self.recognised = true;
                    self.annotation(o, at);
                } else if types.contains(&"AnnotationCollection") {
                    self.recognised = true;
                    for (at, item) in listed(o.get("items"), at, "items") {
                        self.item(item, depth + 1, &at);
                    }
                    self.linked_page(o.get("first"), "first", depth, at);
                } else if types.contains(&"AnnotationPage") {
                    self.recognised = true;
                    self.page(o, depth, at);
                } else if let Some(graph) = o.get("@graph") {
                    self.item(graph, depth + 1, &format!("{at}/@graph"));
                } else {
                    let type_name = types.first().map(|t| (*t).to_owned());
                    self.skip(item_of(o, at), SkipReason::NotAnnotation { type_name });
                }
            }
            Value::String(iri) => self.skip(Item::Id(iri.clone()), SkipReason::LinkedAnnotation),
            _ => self.skip(Item::At(at.to_owned()), SkipReason::NotAnnotationValue),
        }
    }

    /// A page: its items, then the next page if it is embedded.
    fn page(&mut self, o: &Map<String, Value>, depth: usize, at: &str) {
        for (at, item) in listed(o.get("items"), at, "items") {
            self.item(item, depth + 1, &at);
        }
        self.linked_page(o.get("next"), "next", depth, at);
    }

    /// A collection's `first` or a page's `next`: read when embedded,
    /// skipped with a reason when only linked.
    fn linked_page(&mut self, value: Option<&Value>, key: &str, depth: usize, at: &str) {
        for (at, page) in listed(value, at, key) {
            let key = key.to_owned();
            match page {
                Value::Object(p) if depth < MAX_DEPTH => self.page(p, depth + 1, &at),
                Value::String(iri) => {
                    self.skip(Item::Id(iri.clone()), SkipReason::LinkedPage { key });
                }
                _ => self.skip(Item::At(at), SkipReason::NotAPage { key }),
            }
        }
    }

    fn skip(&mut self, item: Item, reason: SkipReason) {
        self.out.skipped.push(Skipped { item, reason });
    }

    /// The passthrough fields (`pizhu.note_fields` or
    /// `pizhu.target_fields`, at the JSON Pointer `at`) of the annotation
    /// `item`, for the `extra` of a struct whose own fields are `known`,
    /// each value as written in the file. A field named like one of them
    /// is kept under another name ([`fields::passthrough_key`]) and
    /// reported, so that the notes file never has a name twice.
    fn passthrough(
        &mut self,
        fields: Option<&Value>,
        at: &str,
        known: &[&str],
        of: FieldsOf,
        item: &Item,
    ) -> Extra {
        let Some(Value::Object(fields)) = fields else {
            return Extra::default();
        };
        let texts = if fields.is_empty() {
            None
        } else {
            self.raw.object_at(at)
        };
        // Each value as its text, else (never, as both read the same
        // bytes) as parsed.
        let keep = |kept: &mut Extra, key: &str, to: String, value: &Value| {
            let as_read = texts
                .and_then(|t| t.get(key))
                .is_some_and(|text| kept.insert_read(to.clone(), text.clone()).is_ok());
            if !as_read {
                kept.insert(to, value.clone());
            }
        };
        let mut kept = Extra::default();
        for (key, value) in fields.iter().filter(|(k, _)| !known.contains(&k.as_str())) {
            keep(&mut kept, key, key.clone(), value);
        }
        for (key, value) in fields {
            if let Some(to) = fields::passthrough_key(key, known, &kept) {
                self.out.renamed.push(Renamed {
                    item: item.clone(),
                    of,
                    from: key.clone(),
                    to: to.clone(),
                });
                keep(&mut kept, key, to, value);
            }
        }
        kept
    }

    /// One annotation as a note.
    fn annotation(&mut self, o: &Map<String, Value>, at: &str) {
        let item = item_of(o, at);
        let ext = o.get(write::EXTENSION).and_then(Value::as_object);
        let id = text_of(o, "id")
            .map(write::note_id_from_iri)
            .filter(|id| !id.trim().is_empty())
            .unwrap_or_else(note::new_id);

        let tagging = strings(o.get("motivation"))
            .iter()
            .any(|m| *m == "tagging" || *m == "oa:tagging");
        let mut bodies = Bodies::default();
        if let Some(v) = o.get("bodyValue") {
            for text in strings(Some(v)) {
                bodies.push(text.to_owned(), false);
            }
        }
        for body in list(o.get("body")) {
            bodies.add(body, tagging, 0);
        }

        // The first target with a text selector, else the first.
        let targets = list(o.get("target"));
        let chosen = targets
            .iter()
            .map(|t| (selectors_of(t), source_of(t), Some(*t)))
            .find(|(found, _, _)| found.has_any());
        let (found, source, chosen) = match chosen {
            Some(c) => c,
            None => (
                Found::default(),
                targets.first().and_then(|t| source_of(t)),
                None,
            ),
        };
        let other_document = source.filter(|s| !names_document(s, self.doc));
        let from_ext = |key: &str| ext.and_then(|e| e.get(key));
        let target_fields = self.passthrough(
            from_ext("target_fields"),
            &format!("{at}/{}/target_fields", write::EXTENSION),
            Target::FIELDS,
            FieldsOf::Target,
            &item,
        );
        let mut target = self.target(found, chosen, ext, other_document, target_fields);
        // Nothing to look for, and selectors Pizhu does not read: named in
        // the report, and kept with the note (the orphan says which they
        // were, and nothing of the annotation is lost).
        if target.quote.exact.is_empty() {
            let types = other_selector_types(&targets);
            if !types.is_empty() {
                target.extra.insert(
                    anchor::UNREAD_SELECTORS.to_owned(),
                    Value::from(types.clone()),
                );
                if let Some(original) = o.get("target") {
                    target
                        .extra
                        .insert(ORIGINAL_TARGET.to_owned(), original.clone());
                }
                self.skip(item.clone(), SkipReason::NoTextSelector { types });
            }
        }
        let note_fields = self.passthrough(
            from_ext("note_fields"),
            &format!("{at}/{}/note_fields", write::EXTENSION),
            Note::FIELDS,
            FieldsOf::Note,
            &item,
        );

        let created = text_of(o, "created").and_then(write::utc_z);
        let modified = text_of(o, "modified").and_then(write::utc_z);
        let (created, modified) = match (created, modified) {
            (Some(c), Some(m)) => (c, m),
            (Some(c), None) => (c.clone(), c),
            (None, Some(m)) => (m.clone(), m),
            (None, None) => {
                let now = note::now_utc();
                (now.clone(), now)
            }
        };
        self.out.notes.push(Note {
            id,
            target,
            body: bodies.texts.join("\n\n"),
            color: from_ext("color")
                .and_then(|v| serde_json::from_value::<NoteColor>(v.clone()).ok())
                .unwrap_or_default(),
            tags: bodies.tags,
            author: agent_name(o.get("creator")).unwrap_or_default(),
            created,
            modified,
            extra: note_fields,
        });
        self.out.items.push(item);
    }

    /// The target made of `found` selectors, completed where it is found in
    /// the document (see the module docs). On `other_document` (the source
    /// the target names, when it is not this document) a position alone
    /// places nothing: only the quote is looked for, and when it is not
    /// found the target keeps that source, which makes it an orphan saying so.
    fn target(
        &self,
        found: Found,
        selected: Option<&Value>,
        ext: Option<&Map<String, Value>>,
        other_document: Option<&str>,
        extra: Extra,
    ) -> Target {
        let from_ext = |key: &str| ext.and_then(|e| e.get(key));
        let kind = from_ext("kind")
            .and_then(|v| serde_json::from_value::<TargetKind>(v.clone()).ok())
            .unwrap_or(TargetKind::Range);
        let stored_raw = from_ext("raw")
            .and_then(|v| serde_json::from_value::<RawRange>(v.clone()).ok())
            .unwrap_or_default();
        let mut position = found.position.map(|(_, p)| p);
        // A refinedBy chain or a RangeSelector resolved in this text: the
        // innermost selector's range, unless it is a position outside any
        // quote and the target also has a quote (the truth, which the
        // position then only hints at).
        if let Some(r) = selected.and_then(|t| self.resolve(t, position, other_document)) {
            if r.by_position && !r.quoted && found.quote.is_some() {
                position = Some(r.range);
            } else {
                let mut target = Target::range(self.doc, r.range.start, r.range.end);
                target.kind = kind;
                target.extra = extra;
                return target;
            }
        }
        let quote = found.quote.map(|(_, q)| q);
        let len = self.doc.char_len();
        let (exact, mut prefix, mut suffix) = match quote {
            Some(q) => (q.exact, q.prefix, q.suffix),
            // A position alone on this document: the quote is the text
            // there, when there is one.
            None => match position {
                Some(p) if p.end <= len && other_document.is_none() => {
                    let t = Target::range(self.doc, p.start, p.end);
                    (t.quote.exact, Some(t.quote.prefix), Some(t.quote.suffix))
                }
                _ => (String::new(), None, None),
            },
        };
        let mut target = Target {
            kind,
            quote: TextQuote {
                exact,
                prefix: prefix.clone().unwrap_or_default(),
                suffix: suffix.clone().unwrap_or_default(),
            },
            position: position.unwrap_or_default(),
            raw: stored_raw,
            source: None,
            // Without a position, every occurrence of the quote is equally
            // likely: only the context can choose.
            position_guessed: position.is_none(),
            extra,
        };
        let found = anchor::anchor(self.index, &target);
        if let Some(p) = found.position() {
            let here = Target::range(self.doc, p.start, p.end);
            // The quote is the truth, a position only a hint of where. When
            // nothing tells its occurrences apart, the note stays ambiguous
            // (re-anchoring says so each time) until the reviewer confirms
            // a place: a position it had is kept as it was, and without one
            // the first occurrence is only a guess.
            let ambiguous = matches!(
                found,
                Anchor::Anchored {
                    how: Match::Ambiguous { .. },
                    ..
                }
            );
            target.position_guessed = ambiguous && position.is_none();
            if !ambiguous || position.is_none() {
                target.position = p;
            }
            // The context the selectors lacked comes from where the quote
            // was found, unless that place is only a guess: then it would
            // make the guess look certain the next time.
            if !ambiguous {
                target.quote.prefix = prefix.take().unwrap_or(here.quote.prefix);
                target.quote.suffix = suffix.take().unwrap_or(here.quote.suffix);
            }
            target.raw = here.raw;
        } else {
            target.source = other_document.map(str::to_owned);
        }
        target
    }
}

/// The target field keeping an annotation's own `target` when Pizhu could
/// read none of its selectors.
const ORIGINAL_TARGET: &str = "w3c_target";

impl Reader<'_> {
    /// The deepest range that a `refinedBy` chain or a `RangeSelector` of
    /// `target` selects inside another selector's range (see
    /// [`Resolver`]); the first of equals. `hint` is where a quote that
    /// nothing narrows is looked for first.
    fn resolve(
        &self,
        target: &Value,
        hint: Option<TextPosition>,
        other_document: Option<&str>,
    ) -> Option<Resolved> {
        let Value::Object(t) = target else {
            return None;
        };
        let selectors = list(t.get("selector"));
        if !selectors.iter().any(|s| needs_resolving(s)) {
            return None;
        }
        let chars = self.chars.get_or_init(|| self.doc.text().chars().collect());
        let resolver = Resolver {
            index: self.index,
            chars,
            positions_hold: other_document.is_none(),
            hint: hint
                .filter(|_| other_document.is_none())
                .unwrap_or_default(),
        };
        let mut best: Option<Resolved> = None;
        for selector in selectors {
            if let Some(r) = resolver.resolve(selector, None, 0, false)
                && r.narrowed
                && best.is_none_or(|b| r.depth > b.depth)
            {
                best = Some(r);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::path::Path;

    use crate::core::anchor::{Anchor, OrphanReason};
    use crate::core::notes::note::TextPosition;

    fn doc() -> Document {
        Document::embedded()
    }

    /// Reads `json` against the embedded article.
    fn read(json: &Value) -> Incoming {
        let doc = doc();
        let index = TextIndex::new(doc.text());
        read_annotations(json.to_string().as_bytes(), &doc, &index).unwrap()
    }

    /// The one note `json` gives.
    fn one(json: &Value) -> Note {
        let mut incoming = read(json);
        assert_eq!(incoming.notes.len(), 1, "{:?}", incoming.skipped);
        incoming.notes.remove(0)
    }

    /// Char range of the first occurrence of `quote` in the article.
    fn find(quote: &str) -> TextPosition {
        let doc = doc();
        let byte = doc.text().find(quote).unwrap();
        let start = doc.text()[..byte].chars().count();
        TextPosition {
            start,
            end: start + quote.chars().count(),
        }
    }

    #[test]
    fn a_quote_alone_is_placed_and_completed() {
        let note = one(&json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:uuid:4F3C1A2B-0D5E-4C6F-8A9B-1C2D3E4F5A6B",
            "type": "Annotation",
            "bodyValue": "全稱",
            "creator": "http://example.org/審稿人",
            "created": "2026-03-01T18:00:00+08:00",
            "target": {
                "source": "http://example.org/article",
                "selector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"}
            }
        }));
        assert_eq!(note.id, "4F3C1A2B-0D5E-4C6F-8A9B-1C2D3E4F5A6B");
        assert_eq!(note.body, "全稱");
        assert_eq!(note.author, "http://example.org/審稿人");
        assert_eq!(note.created, "2026-03-01T10:00:00Z");
        assert_eq!(
            note.modified, note.created,
            "no modified: the creation time"
        );
        let doc = doc();
        let made_here = Target::range(&doc, 9, 14);
        assert_eq!(
            note.target, made_here,
            "position, context and raw filled in"
        );
        assert_eq!(
            note.target.raw.len(),
            5 + 4,
            "濟 carries “(jì)” in the raw text"
        );
    }

    #[test]
    fn a_position_alone_quotes_the_text_there() {
        let note = one(&json!({
            "type": "Annotation",
            "target": {"source": "file:///審閱/article.txt", "selector": {"type": "TextPositionSelector", "start": 0, "end": 6}}
        }));
        assert_eq!(note.target.quote.exact, "12月11日");
        assert_eq!(note.target.position, TextPosition { start: 0, end: 6 });
        assert!(note.body.is_empty() && note.tags.is_empty());
        assert!(
            uuid::Uuid::parse_str(&note.id).is_ok(),
            "no id: a fresh one"
        );
        assert!(note.created.ends_with('Z'));
        // A position past the end quotes nothing: an orphan.
        let lost = one(&json!({
            "type": "Annotation",
            "target": {"source": "file:///審閱/article.txt", "selector": {"type": "TextPositionSelector", "start": 9000, "end": 9006}}
        }));
        assert!(lost.target.quote.exact.is_empty());
        assert_eq!(
            lost.target.position,
            TextPosition {
                start: 9000,
                end: 9006
            }
        );
    }

    #[test]
    fn collections_pages_lists_and_graphs_are_walked() {
        let anno = |id: &str, quote: &str| {
            json!({"id": id, "type": "Annotation", "bodyValue": id,
                   "target": {"source": "file:///審閱/article.txt", "selector": {"type": "TextQuoteSelector", "exact": quote}}})
        };
        let incoming = read(&json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "http://example.org/collection1",
            "type": "AnnotationCollection",
            "total": 5,
            "first": {
                "type": "AnnotationPage",
                "items": [anno("甲", "濟寧"), "http://example.org/anno-elsewhere"],
                "next": {
                    "type": ["AnnotationPage"],
                    "items": [anno("乙", "人社廳"), {"type": "Person", "name": "不是批注"}],
                    "next": "http://example.org/page3"
                }
            },
            "items": [anno("丙", "協議")]
        }));
        let ids: Vec<&str> = incoming.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["丙", "甲", "乙"]);
        assert_eq!(incoming.skipped.len(), 3, "{:?}", incoming.skipped);
        assert!(
            incoming.skipped[0]
                .to_string()
                .contains("http://example.org/anno-elsewhere")
        );
        assert!(incoming.skipped[1].to_string().contains("“Person”"));
        assert!(
            incoming.skipped[2]
                .to_string()
                .contains("http://example.org/page3")
        );

        // A page on its own, a plain list, a list of pages, a @graph.
        let page = json!({"type": "AnnotationPage", "items": [anno("甲", "濟寧")]});
        assert_eq!(read(&page).notes.len(), 1);
        assert_eq!(
            read(&json!([anno("甲", "濟寧"), anno("乙", "人社廳")]))
                .notes
                .len(),
            2
        );
        assert_eq!(read(&json!([page, page])).notes.len(), 2);
        assert_eq!(
            read(&json!({"@graph": [anno("甲", "濟寧")]})).notes.len(),
            1
        );
        assert!(read(&json!([])).notes.is_empty());
    }

    #[test]
    fn bodies_in_every_shape() {
        let target = json!({"source": "file:///審閱/article.txt", "selector": {"type": "TextQuoteSelector", "exact": "濟寧"}});
        let note = one(&json!({
            "type": "Annotation",
            "body": [
                {"type": "TextualBody", "value": "第一段", "format": "text/plain", "language": "zh"},
                {"type": "TextualBody", "value": "人名", "purpose": ["tagging"]},
                {"type": "Choice", "items": [
                    {"type": "TextualBody", "value": "預設的", "purpose": "describing"},
                    {"type": "TextualBody", "value": "另一個"}
                ]},
                {"type": "SpecificResource", "purpose": "tagging", "source": "http://example.org/tag/地名"},
                "http://example.org/comment1"
            ],
            "target": target
        }));
        assert_eq!(note.body, "第一段\n\n預設的\n\nhttp://example.org/comment1");
        assert_eq!(note.tags, ["人名", "http://example.org/tag/地名"]);

        // One object; a tagging motivation makes plain bodies tags.
        let one_body = one(
            &json!({"type": "Annotation", "body": {"type": "TextualBody", "value": "單一"}, "target": target}),
        );
        assert_eq!(one_body.body, "單一");
        let tags = one(&json!({"type": "Annotation", "motivation": "tagging",
            "body": [{"type": "TextualBody", "value": "甲"}, {"type": "TextualBody", "value": "乙"}],
            "target": target}));
        assert_eq!(tags.tags, ["甲", "乙"]);
        assert!(tags.body.is_empty());
    }

    /// The range a note read from `selector` (a target's `selector`
    /// value, on this document) is on, and its quote.
    fn placed(selector: &Value) -> (TextPosition, String) {
        let note = one(&json!({"type": "Annotation", "bodyValue": "批",
            "target": {"source": "file:///審閱/article.txt", "selector": selector}}));
        let index = TextIndex::new(doc().text());
        assert_eq!(
            anchor::anchor(&index, &note.target).position(),
            Some(note.target.position),
            "{selector}: anchored where it was read"
        );
        (note.target.position, note.target.quote.exact)
    }

    const fn at(start: usize, end: usize) -> TextPosition {
        TextPosition { start, end }
    }

    // Offsets below are counted by hand in the clean article: its first
    // line is "12月11日下午,濟寧市政府與省人社廳簽署合作框架協議,共同建設
    // 魯南…" (濟寧市政府 9..14, 人社廳 16..19, 合作框架協議 21..27), 172
    // chars and a line break; the second paragraph starts at 173 with
    // "馬平昌代表市委、市政府對省人社廳多年來對濟寧…" (人社廳 186..189,
    // 濟寧 193..195).

    #[test]
    fn targets_as_lists_and_refined_selectors() {
        // A target list: the IRI has no selector, the object does; the
        // quote sits in a refinedBy of a FragmentSelector (which narrows
        // nothing), the position in a refinedBy of a position: the quote
        // is the truth, the innermost position its hint.
        let note = one(&json!({
            "type": "Annotation",
            "target": [
                "http://example.org/other",
                {"source": "file:///審閱/article.txt", "selector": [
                    {"type": "FragmentSelector", "value": "para1",
                     "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}},
                    {"type": "TextPositionSelector", "start": 180, "end": 200,
                     "refinedBy": {"type": "TextPositionSelector", "start": 6, "end": 9}}
                ]}
            ]
        }));
        assert_eq!(note.target.quote.exact, "人社廳");
        assert_eq!(note.target.position, at(186, 189), "the innermost position");
        let index = TextIndex::new(doc().text());
        assert_eq!(
            anchor::anchor(&index, &note.target).position(),
            Some(at(186, 189)),
            "the hint picks the second paragraph's 人社廳, not the first"
        );

        // Only positions: the innermost, relative to its parent.
        let refined = json!({"type": "TextPositionSelector", "start": 13, "end": 29,
            "refinedBy": {"type": "TextPositionSelector", "start": 3, "end": 6}});
        assert_eq!(placed(&refined), (at(16, 19), "人社廳".to_owned()));
        let deeper = json!({"type": "TextPositionSelector", "start": 173, "end": 300,
            "refinedBy": {"type": "TextPositionSelector", "start": 10, "end": 30,
                "refinedBy": {"type": "TextPositionSelector", "start": 3, "end": 6}}});
        assert_eq!(placed(&deeper), (at(186, 189), "人社廳".to_owned()));
        // A position inside a quote is relative to where the quote is.
        let inner = json!({"type": "FragmentSelector", "value": "p1",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "濟寧市政府",
                "refinedBy": {"type": "TextPositionSelector", "start": 3, "end": 5}}});
        assert_eq!(placed(&inner), (at(12, 14), "政府".to_owned()));
        // A refinement that does not fit inside its parent is not used.
        let outside = json!({"type": "TextPositionSelector", "start": 9, "end": 14,
            "refinedBy": {"type": "TextPositionSelector", "start": 3, "end": 8}});
        assert_eq!(placed(&outside), (at(9, 14), "濟寧市政府".to_owned()));
    }

    #[test]
    fn a_quote_refining_a_range_is_looked_for_only_there() {
        // 人社廳 first occurs at 16; inside the second paragraph it is at 186.
        let in_position = json!({"type": "TextPositionSelector", "start": 173, "end": 214,
            "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}});
        assert_eq!(placed(&in_position), (at(186, 189), "人社廳".to_owned()));
        let in_quote = json!({"type": "TextQuoteSelector", "exact": "省人社廳多年來",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}});
        assert_eq!(placed(&in_quote), (at(186, 189), "人社廳".to_owned()));
        // Inside the range, the context picks among occurrences: 濟寧 is
        // at 193 and 215 in the second paragraph.
        let by_context = json!({"type": "TextPositionSelector", "start": 173, "end": 300,
            "refinedBy": {"type": "TextQuoteSelector", "exact": "濟寧", "prefix": "他說,"}});
        let (position, quote) = placed(&by_context);
        assert_eq!((position, quote.as_str()), (at(215, 217), "濟寧"));
        // Not inside its range: never placed elsewhere (the range itself
        // is what is left).
        let absent = json!({"type": "TextPositionSelector", "start": 0, "end": 9,
            "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}});
        assert_eq!(placed(&absent), (at(0, 9), "12月11日下午,".to_owned()));
    }

    #[test]
    fn a_range_selector_spans_from_its_start_to_its_end() {
        let quotes = json!({"type": "RangeSelector",
            "startSelector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"},
            "endSelector": {"type": "TextQuoteSelector", "exact": "合作框架協議"}});
        assert_eq!(
            placed(&quotes),
            (at(9, 27), "濟寧市政府與省人社廳簽署合作框架協議".to_owned())
        );
        let positions = json!({"type": "RangeSelector",
            "startSelector": {"type": "TextPositionSelector", "start": 9, "end": 14},
            "endSelector": {"type": "TextPositionSelector", "start": 16, "end": 19}});
        assert_eq!(
            placed(&positions),
            (at(9, 19), "濟寧市政府與省人社廳".to_owned())
        );
        // Mixed, the end refined: the second paragraph's 馬平昌 (173, by
        // its suffix) to the 人社廳 inside 省人社廳多年來 (186..189).
        let mixed = json!({"type": "RangeSelector",
            "startSelector": {"type": "TextQuoteSelector", "exact": "馬平昌", "suffix": "代表"},
            "endSelector": {"type": "TextQuoteSelector", "exact": "省人社廳多年來",
                "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}}});
        assert_eq!(
            placed(&mixed),
            (at(173, 189), "馬平昌代表市委、市政府對省人社廳".to_owned())
        );
        // Refining a position: both ends looked for inside it (人社廳 at
        // 186, then the first 濟寧 after the range starts, 193).
        let inside = json!({"type": "TextPositionSelector", "start": 173, "end": 300,
            "refinedBy": {"type": "RangeSelector",
                "startSelector": {"type": "TextQuoteSelector", "exact": "人社廳"},
                "endSelector": {"type": "TextQuoteSelector", "exact": "濟寧"}}});
        assert_eq!(
            placed(&inside),
            (at(186, 195), "人社廳多年來對濟寧".to_owned())
        );
        // An end quote is the first after the start (人社廳 is also at 16).
        let after = json!({"type": "RangeSelector",
            "startSelector": {"type": "TextQuoteSelector", "exact": "馬平昌", "suffix": "代表"},
            "endSelector": {"type": "TextQuoteSelector", "exact": "人社廳"}});
        assert_eq!(
            placed(&after),
            (at(173, 189), "馬平昌代表市委、市政府對省人社廳".to_owned())
        );
        // An end before its start selects nothing: an orphan.
        let backwards = one(&json!({"type": "Annotation", "target": {"selector": {
            "type": "RangeSelector",
            "startSelector": {"type": "TextPositionSelector", "start": 21, "end": 27},
            "endSelector": {"type": "TextPositionSelector", "start": 9, "end": 14}}}}));
        let index = TextIndex::new(doc().text());
        assert!(anchor::anchor(&index, &backwards.target).is_orphaned());
    }

    #[test]
    fn the_quote_is_the_truth_and_the_position_a_hint() {
        // 人社廳 is at 16 and 148: the position picks which.
        let hinted = json!([{"type": "TextQuoteSelector", "exact": "人社廳"},
                            {"type": "TextPositionSelector", "start": 148, "end": 151}]);
        assert_eq!(placed(&hinted), (at(148, 151), "人社廳".to_owned()));
        // A position on other words: the quote wins, the nearest to it.
        let wrong = json!([{"type": "TextPositionSelector", "start": 170, "end": 173},
                           {"type": "TextQuoteSelector", "exact": "人社廳"}]);
        assert_eq!(placed(&wrong), (at(186, 189), "人社廳".to_owned()));
    }

    #[test]
    fn selectors_pizhu_does_not_read_are_named() {
        let incoming = read(&json!([
            {"id": "甲", "type": "Annotation", "bodyValue": "圖上的批注", "target": [
                {"source": "http://example.org/page1", "selector": [
                    {"type": "XPathSelector", "value": "/html/body/p[2]"},
                    {"type": "CssSelector", "value": "#段一",
                     "refinedBy": {"type": "SvgSelector", "value": "<svg/>"}}]},
                {"source": "http://example.org/page1",
                 "selector": {"type": "FragmentSelector", "value": "xywh=0,0,10,10"}}]},
            {"id": "乙", "type": "Annotation", "target": {"selector": {"type": "RangeSelector",
                "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 4}}},
            {"id": "丙", "type": "Annotation", "target": {"selector": [
                {"type": "DataPositionSelector", "start": 0, "end": 4},
                {"type": "FragmentSelector", "value": "p1",
                 "refinedBy": {"type": "TextQuoteSelector", "exact": "人社廳"}}]}}
        ]));
        let ids: Vec<&str> = incoming.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["甲", "乙", "丙"], "every note is kept");
        assert_eq!(incoming.notes[2].target.position, at(16, 19));
        let said: Vec<String> = incoming.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "“甲”: its selectors (XPathSelector, CssSelector, SvgSelector, FragmentSelector) \
                 are not text selectors Pizhu reads, so the note is imported with no place in the \
                 text (orphaned)",
                "“乙”: its selectors (RangeSelector) are not text selectors Pizhu reads, so the \
                 note is imported with no place in the text (orphaned)",
            ]
        );
    }

    #[test]
    fn a_plain_iri_target_is_an_orphan_with_a_reason() {
        let note = one(
            &json!({"type": "Annotation", "bodyValue": "沒有選擇器", "target": "http://example.org/page1"}),
        );
        assert!(note.target.quote.exact.is_empty());
        let index = TextIndex::new(doc().text());
        match anchor::anchor(&index, &note.target) {
            Anchor::Orphaned { reason } => assert!(!reason.to_string().is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_target_on_another_document_is_placed_by_its_quote_only() {
        let index = TextIndex::new(doc().text());
        let on = |source: &str, selector: Value| {
            one(
                &json!({"id": "甲", "type": "Annotation", "bodyValue": "別處的批注",
                "target": {"source": source, "selector": selector}}),
            )
        };
        let position = json!({"type": "TextPositionSelector", "start": 0, "end": 6});
        // A position alone on another document: an orphan saying so.
        let lost = on("http://example.org/另一篇.html", position.clone());
        assert!(
            lost.target.quote.exact.is_empty(),
            "no text quoted from here"
        );
        assert_eq!(lost.target.position, TextPosition { start: 0, end: 6 });
        assert_eq!(
            lost.target.source.as_deref(),
            Some("http://example.org/另一篇.html")
        );
        match anchor::anchor(&index, &lost.target) {
            Anchor::Orphaned {
                reason: OrphanReason::OtherDocument { source },
            } => assert_eq!(source, "http://example.org/另一篇.html"),
            other => panic!("{other:?}"),
        }
        // A quote not in this document: the same.
        let quote = json!({"type": "TextQuoteSelector", "exact": "這句話不在文章裡"});
        let missing = on("urn:sha256:0000", quote);
        assert!(matches!(
            anchor::anchor(&index, &missing.target),
            Anchor::Orphaned {
                reason: OrphanReason::OtherDocument { .. }
            }
        ));
        // A quote found here: placed where it is here, and on this document.
        let p = find("濟寧市政府與省人社廳");
        let found = on(
            "http://example.org/另一篇.html",
            json!([{"type": "TextQuoteSelector", "exact": "濟寧市政府與省人社廳"},
                   {"type": "TextPositionSelector", "start": 500, "end": 503}]),
        );
        assert_eq!(found.target.position, p);
        assert_eq!(found.target.source, None);
        // This document by name, by file URI or by hash: positions hold.
        let doc = doc();
        for source in [
            "file:///別的資料夾/article.txt".to_owned(),
            "http://example.org/docs/article.txt?v=2#top".to_owned(),
            format!("urn:sha256:{}", doc.clean_sha256.to_uppercase()),
            format!("urn:sha256:{}", doc.raw_sha256),
            write::source_iri(&doc),
            String::new(),
        ] {
            let here = on(&source, position.clone());
            assert_eq!(here.target.quote.exact, "12月11日", "{source}");
            assert_eq!(here.target.source, None, "{source}");
        }
    }

    #[test]
    fn passthrough_fields_named_like_pizhus_own_are_renamed() {
        let incoming = read(&json!([{
            "id": "urn:x:甲", "type": "Annotation", "bodyValue": "粉紅",
            "target": {"source": "article.txt", "selector": {"type": "TextQuoteSelector", "exact": "濟寧"}},
            "pizhu": {
                "color": "pink",
                "note_fields": {"color": "pink", "id": "假的", "x-color": 1, "批次": 2},
                "target_fields": {"position": {"start": 0}, "source": "別處", "kind": "段"}
            }
        }]));
        let note = &incoming.notes[0];
        assert_eq!(note.color, NoteColor::Pink);
        assert_eq!(note.id, "urn:x:甲");
        let keys: Vec<&str> = note.extra.keys().map(String::as_str).collect();
        assert_eq!(keys, ["x-color", "x-color-2", "x-id", "批次"]);
        assert_eq!(
            note.extra["x-color"],
            json!(1),
            "a field of that name stays"
        );
        assert_eq!(note.extra["x-color-2"], json!("pink"));
        let keys: Vec<&str> = note.target.extra.keys().map(String::as_str).collect();
        assert_eq!(keys, ["x-kind", "x-position", "x-source"]);
        assert_eq!(note.target.source, None);
        let said: Vec<String> = incoming.renamed.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 5, "{said:?}");
        assert!(
            said.contains(
                &"“urn:x:甲”: the field “color” in pizhu.note_fields has the name of the note's \
              own field, so it is kept as “x-color-2”"
                    .to_owned()
            )
        );
        // The notes file it makes loads back as it was.
        let doc = doc();
        let mut review = ReviewFile::new(&doc);
        review.notes.clone_from(&incoming.notes);
        assert_eq!(
            ReviewFile::parse(review.to_json().as_bytes()),
            Ok(Parsed::Current(review))
        );
    }

    #[test]
    fn passthrough_values_are_kept_as_written() {
        // In a collection's embedded page, after an annotation without
        // passthrough fields, with a colliding key and a duplicate one.
        let json = r#"{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [
            {"type": "Annotation", "bodyValue": "無", "target": {"selector": {"type": "TextQuoteSelector", "exact": "人社廳"}}},
            {"id": "urn:x:數", "type": "Annotation", "bodyValue": "大數",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "濟寧市政府"}},
             "pizhu": {"note_fields": {"大數": 123456789012345678901234567890, "指數": 1E2,
                                       "color": [1E2, -0.0], "批次": 1, "批次": 2.50},
                       "target_fields": {"小數": 0.10000000000000000000001}}}
        ]}}"#;
        let doc = doc();
        let index = TextIndex::new(doc.text());
        let incoming = read_annotations(json.as_bytes(), &doc, &index).unwrap();
        assert_eq!(incoming.notes.len(), 2, "{:?}", incoming.skipped);
        assert!(incoming.notes[0].extra.is_empty());
        let note = &incoming.notes[1];
        assert_eq!(note.extra["x-color"], json!([100.0, -0.0]));
        let mut review = ReviewFile::new(&doc);
        review.notes.clone_from(&incoming.notes);
        let saved = review.to_json();
        for kept in [
            r#""大數": 123456789012345678901234567890"#,
            r#""指數": 1E2"#,
            r#""x-color": [1E2, -0.0]"#,
            r#""批次": 2.50"#,
            r#""小數": 0.10000000000000000000001"#,
        ] {
            assert!(saved.contains(kept), "{kept} in {saved}");
        }
        assert_eq!(
            ReviewFile::parse(saved.as_bytes()),
            Ok(Parsed::Current(review))
        );
    }

    #[test]
    fn every_skipped_item_is_named_by_id_or_place() {
        let incoming = read(&json!({
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": [
                42,
                {"type": "Person", "id": "http://example.org/某人"},
                {"type": "Person"},
                "http://example.org/anno-外"
            ], "next": 7}
        }));
        let said: Vec<String> = incoming.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "the item at /first/items/0: it is a value, not an annotation",
                "“http://example.org/某人”: it is an object of type “Person”, not an annotation",
                "the item at /first/items/2: it is an object of type “Person”, not an annotation",
                "“http://example.org/anno-外”: the annotation is only linked by its IRI, not \
                 included, so it cannot be read",
                "the item at /first/next: the “next” page is not a page",
            ]
        );
    }

    #[test]
    fn creators_in_every_shape() {
        let target = json!({"source": "file:///審閱/article.txt", "selector": {"type": "TextQuoteSelector", "exact": "濟寧"}});
        for (creator, name) in [
            (json!({"type": "Person", "name": "審稿人"}), "審稿人"),
            (json!({"type": "Person", "nickname": "審"}), "審"),
            (
                json!([{"id": "http://example.org/user1"}]),
                "http://example.org/user1",
            ),
            (
                json!("http://example.org/user2"),
                "http://example.org/user2",
            ),
        ] {
            let note = one(&json!({"type": "Annotation", "creator": creator, "target": target}));
            assert_eq!(note.author, name);
        }
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_a_reason() {
        let doc = doc();
        let index = TextIndex::new(doc.text());
        let read = |bytes: &[u8]| read_annotations(bytes, &doc, &index);
        let err = read("{\n  \"type\": \"Annotation\",\n  \"target\" \"批註\"\n}".as_bytes())
            .unwrap_err()
            .with_path(Path::new("/批注/壞.jsonld"));
        let ImportError::Malformed { line, column, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!((*line, *column), (3, 12));
        let msg = err.to_string();
        assert!(
            msg.starts_with("the annotations file is not valid JSON at line 3, column 12"),
            "{msg}"
        );
        assert!(msg.ends_with(": /批注/壞.jsonld"), "{msg}");

        for other in [
            &br#"{"format": "other"}"#[..],
            "[\"批注\"]".as_bytes(),
            b"42",
            br#"{"type": "Person"}"#,
        ] {
            let err = read(other).unwrap_err();
            assert!(matches!(err, ImportError::NotAnnotations { .. }), "{err:?}");
            assert!(err.to_string().contains("no W3C Web Annotations"), "{err}");
        }
        let err = read(br#"{"type": "Person"}"#).unwrap_err();
        assert!(err.to_string().contains("of type “Person”"), "{err}");
        // A damaged Pizhu file says so.
        let err = read(br#"{"format": "pizhu-review", "version": 1, "document": 3}"#).unwrap_err();
        assert!(
            matches!(err, ImportError::Review(ReviewError::Malformed { .. })),
            "{err:?}"
        );
        // A BOM is fine.
        assert!(read(b"\xEF\xBB\xBF[]").unwrap().notes.is_empty());
    }

    #[test]
    fn a_pizhu_review_gives_its_notes_as_they_are() {
        let doc = doc();
        let mut review = ReviewFile::new(&doc);
        let mut note = Note::new(
            Target::range(&doc, 9, 13),
            "濟寧市政".into(),
            "審稿人".into(),
        );
        note.color = NoteColor::Purple;
        note.extra.insert("x-未來".into(), Value::from(1));
        review.notes.push(note.clone());
        let index = TextIndex::new(doc.text());
        let incoming = read_annotations(review.to_json().as_bytes(), &doc, &index).unwrap();
        assert_eq!(incoming.notes, [note]);
    }
}
