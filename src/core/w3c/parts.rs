//! The parts of a W3C Web Annotation, read from its JSON: the helpers for
//! values that may be one item or a list, the text selectors of a target,
//! the note text and tags of the bodies, the creator's name, and which
//! document a target names. [`read`](super::read) puts them together.

use serde_json::{Map, Value};

use crate::core::anchor::{self, TextIndex};
use crate::core::file::fields::Extra;
use crate::core::import::Item;
use crate::core::notes::note::{Target, TargetKind, TextPosition, TextQuote};
use crate::core::text::document::Document;
use crate::core::text::offset::RawRange;
use crate::core::w3c::write;

/// How deep in nested arrays, pages and selectors the reader goes; deeper
/// parts are skipped (no real file comes near it, and it bounds recursion).
pub(super) const MAX_DEPTH: usize = 64;

/// The `type` (or `@type`) names of an object, without an `oa:` prefix or
/// the namespace IRI of the model.
pub(super) fn type_names(o: &Map<String, Value>) -> Vec<&str> {
    let raw = o.get("type").or_else(|| o.get("@type"));
    strings(raw)
        .into_iter()
        .map(|t| {
            t.strip_prefix("oa:")
                .or_else(|| t.strip_prefix("http://www.w3.org/ns/oa#"))
                .or_else(|| t.strip_prefix("as:"))
                .or_else(|| t.strip_prefix("https://www.w3.org/ns/activitystreams#"))
                .unwrap_or(t)
        })
        .collect()
}

/// The strings of a value that may be one string or a list of them.
pub(super) fn strings(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The items of a value that may be one item or a list of them.
pub(super) fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    }
}

/// The first string of `key`, or of `@key`.
pub(super) fn text_of<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    let value = o.get(key).or_else(|| o.get(&format!("@{key}")))?;
    strings(Some(value)).first().copied()
}

/// An unsigned integer that may also be written as a one-item list or a string.
pub(super) fn number(v: Option<&Value>) -> Option<usize> {
    match v? {
        Value::Number(n) => usize::try_from(n.as_u64()?).ok(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Array(items) if items.len() == 1 => number(items.first()),
        _ => None,
    }
}

/// Text selectors found in a target, each with how deep in `refinedBy`
/// chains it was (the shallowest wins).
#[derive(Default)]
pub(super) struct Found {
    pub(super) quote: Option<(usize, Quote)>,
    pub(super) position: Option<(usize, TextPosition)>,
    /// True when the target has a `RangeSelector` (which only a
    /// [`Resolver`] reads).
    pub(super) range_selector: bool,
}

/// A `TextQuoteSelector`; `None` for a part it does not have.
pub(super) struct Quote {
    pub(super) exact: String,
    pub(super) prefix: Option<String>,
    pub(super) suffix: Option<String>,
}

impl Found {
    pub(super) fn has_any(&self) -> bool {
        self.quote.is_some() || self.position.is_some() || self.range_selector
    }

    /// Collects the selectors in `selector` and its `refinedBy` chain. A
    /// position is absolute when `base` is `Some` (the start of the range a
    /// parent `TextPositionSelector` selected, 0 at the top); inside other
    /// selectors positions cannot be resolved and are ignored. A quote is
    /// kept only when no text selector narrows it (`narrowed` false): one
    /// that refines a range is looked for only there, by a [`Resolver`].
    fn collect(&mut self, selector: &Value, base: Option<usize>, narrowed: bool, depth: usize) {
        let Value::Object(s) = selector else { return };
        if depth > MAX_DEPTH {
            return;
        }
        let types = type_names(s);
        let mut child_base = None;
        let text_selector = ["TextQuoteSelector", "TextPositionSelector", "RangeSelector"]
            .iter()
            .any(|t| types.contains(t));
        self.range_selector |= types.contains(&"RangeSelector") && is_range(s);
        if types.contains(&"TextQuoteSelector") && !narrowed {
            let better = self.quote.as_ref().is_none_or(|(d, _)| depth < *d);
            if better && let Some(exact) = text_of(s, "exact") {
                let part = |k: &str| text_of(s, k).map(str::to_owned);
                self.quote = Some((
                    depth,
                    Quote {
                        exact: exact.to_owned(),
                        prefix: part("prefix"),
                        suffix: part("suffix"),
                    },
                ));
            }
        }
        if types.contains(&"TextPositionSelector")
            && let Some(base) = base
            && let (Some(start), Some(end)) = (number(s.get("start")), number(s.get("end")))
            && start <= end
        {
            let (start, end) = (base.saturating_add(start), base.saturating_add(end));
            if self.position.as_ref().is_none_or(|(d, _)| depth < *d) {
                self.position = Some((depth, TextPosition { start, end }));
            }
            child_base = Some(start);
        }
        for refined in list(s.get("refinedBy")) {
            self.collect(refined, child_base, narrowed || text_selector, depth + 1);
        }
    }
}

/// The selectors of a target (an object with `selector`, or a plain IRI,
/// which has none).
pub(super) fn selectors_of(target: &Value) -> Found {
    let mut found = Found::default();
    if let Value::Object(t) = target {
        for selector in list(t.get("selector")) {
            found.collect(selector, Some(0), false, 0);
        }
    }
    found
}

/// Resolves `refinedBy` chains and `RangeSelector`s to ranges of this
/// document's clean text: each refining selector is resolved only inside
/// the range of the one it refines (a position relative to its start, a
/// quote searched only there), and a chain selects what its innermost
/// resolved selector selects.
pub(super) struct Resolver<'a> {
    /// The document's text, to anchor quotes that nothing narrows.
    pub(super) index: &'a TextIndex,
    /// The clean text's chars, to look for quotes inside a range.
    pub(super) chars: &'a [char],
    /// Whether the file's positions count in this text (false when the
    /// target is on another document).
    pub(super) positions_hold: bool,
    /// Where a quote that nothing narrows is looked for first.
    pub(super) hint: TextPosition,
}

/// A range a selector chain selects in this text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Resolved {
    /// The range, in chars of the clean text.
    pub(super) range: TextPosition,
    /// How deep in `refinedBy` chains the selector that gave it was.
    pub(super) depth: usize,
    /// True when it was found inside another selector's range, or by a
    /// `RangeSelector`: then only this reader can resolve it.
    pub(super) narrowed: bool,
    /// True when that selector was a `TextPositionSelector` (a hint when
    /// the target also has a quote, which is the truth).
    pub(super) by_position: bool,
    /// True when it is a quote's range or lies inside one (then a
    /// position there refines that quote instead of hinting at it).
    pub(super) quoted: bool,
}

impl Resolver<'_> {
    /// The innermost range the chain at `selector` selects inside `within`
    /// (`None`: the whole text, not narrowed by a parent); `end` when it
    /// is an end of a `RangeSelector`.
    pub(super) fn resolve(
        &self,
        selector: &Value,
        within: Option<TextPosition>,
        depth: usize,
        end: bool,
    ) -> Option<Resolved> {
        let Value::Object(s) = selector else {
            return None;
        };
        if depth > MAX_DEPTH {
            return None;
        }
        let own = self.own_range(s, within, depth, end);
        // Selectors of other kinds (a FragmentSelector…) do not narrow.
        let inside = own.map(|r| r.range).or(within);
        let mut best = own;
        let quoted = own.is_some_and(|o| o.quoted);
        for refined in list(s.get("refinedBy")) {
            if let Some(mut r) = self.resolve(refined, inside, depth + 1, false)
                && best.is_none_or(|b| r.depth > b.depth)
            {
                r.quoted |= quoted;
                best = Some(r);
            }
        }
        best
    }

    /// What the selector `s` itself selects inside `within`. A quote that
    /// nothing narrows is anchored only when that is needed (it is refined,
    /// or it is an `end` of a range): else the reader's own anchoring
    /// places it, and anchoring it twice would double the import's time.
    fn own_range(
        &self,
        s: &Map<String, Value>,
        within: Option<TextPosition>,
        depth: usize,
        end: bool,
    ) -> Option<Resolved> {
        let types = type_names(s);
        let len = self.chars.len();
        let outer = within.unwrap_or(TextPosition { start: 0, end: len });
        let resolved = |range, by_position| Resolved {
            range,
            depth,
            narrowed: within.is_some(),
            by_position,
            quoted: !by_position,
        };
        if types.contains(&"TextQuoteSelector") {
            let exact = text_of(s, "exact").filter(|e| !e.is_empty())?;
            let prefix = text_of(s, "prefix").unwrap_or_default();
            let suffix = text_of(s, "suffix").unwrap_or_default();
            let range = match within {
                Some(w) => find_inside(self.chars, w, exact, prefix, suffix)?,
                None if !end && !s.contains_key("refinedBy") => return None,
                None => {
                    let target = Target {
                        quote: TextQuote {
                            exact: exact.to_owned(),
                            prefix: prefix.to_owned(),
                            suffix: suffix.to_owned(),
                        },
                        position: self.hint,
                        kind: TargetKind::Range,
                        raw: RawRange::default(),
                        source: None,
                        position_guessed: false,
                        extra: Extra::default(),
                    };
                    anchor::anchor(self.index, &target).position()?
                }
            };
            return Some(resolved(range, false));
        }
        if types.contains(&"TextPositionSelector") {
            let (start, end) = (number(s.get("start"))?, number(s.get("end"))?);
            let (start, end) = (
                outer.start.checked_add(start)?,
                outer.start.checked_add(end)?,
            );
            return (self.positions_hold && start <= end && end <= outer.end)
                .then(|| resolved(TextPosition { start, end }, true));
        }
        if types.contains(&"RangeSelector") {
            let start = self.resolve(s.get("startSelector")?, within, depth + 1, true)?;
            // An end quote is looked for from the start on (the nearest
            // of equals); an end position counts from the range's parent.
            let end_selector = s.get("endSelector")?;
            let end_quote = matches!(end_selector, Value::Object(e)
                if type_names(e).contains(&"TextQuoteSelector"));
            let end_within = if end_quote {
                Some(TextPosition {
                    start: start.range.start,
                    end: outer.end,
                })
            } else {
                within
            };
            let end = self.resolve(end_selector, end_within, depth + 1, true)?;
            let range = TextPosition {
                start: start.range.start,
                end: end.range.end,
            };
            return (range.start <= range.end).then_some(Resolved {
                narrowed: true,
                quoted: start.quoted && end.quoted,
                ..resolved(range, false)
            });
        }
        None
    }
}

/// The occurrence of `exact` inside `within` whose context matches
/// `prefix` and `suffix` best (the first of equals).
fn find_inside(
    chars: &[char],
    within: TextPosition,
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Option<TextPosition> {
    let quote: Vec<char> = exact.chars().collect();
    let prefix: Vec<char> = prefix.chars().collect();
    let suffix: Vec<char> = suffix.chars().collect();
    let inside = chars.get(within.start..within.end)?;
    let context = |start: usize| {
        let before = chars.get(..start).unwrap_or_default();
        let after = chars.get(start + quote.len()..).unwrap_or_default();
        let p = prefix
            .iter()
            .rev()
            .zip(before.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        p + suffix.iter().zip(after).take_while(|(a, b)| a == b).count()
    };
    let start = inside
        .windows(quote.len())
        .enumerate()
        .filter(|(_, w)| *w == quote.as_slice())
        .map(|(i, _)| within.start + i)
        .min_by_key(|&start| std::cmp::Reverse(context(start)))?;
    Some(TextPosition {
        start,
        end: start + quote.len(),
    })
}

/// Whether `selector` has something only a [`Resolver`] reads: a
/// `refinedBy` or a `RangeSelector`.
pub(super) fn needs_resolving(selector: &Value) -> bool {
    let Value::Object(s) = selector else {
        return false;
    };
    s.contains_key("refinedBy") || (type_names(s).contains(&"RangeSelector") && is_range(s))
}

/// Whether a `RangeSelector` is the W3C one, with a `startSelector` and
/// an `endSelector` (not one with DOM containers and offsets).
fn is_range(s: &Map<String, Value>) -> bool {
    s.contains_key("startSelector") && s.contains_key("endSelector")
}

/// The `type` names of the selectors of `targets`, their refinements and
/// range ends that are not text selectors Pizhu reads (`XPathSelector`, a
/// `RangeSelector` of DOM containers, …), each once, in the order met;
/// `?` for a selector without a type.
pub(super) fn other_selector_types(targets: &[&Value]) -> Vec<String> {
    fn walk(selector: &Value, depth: usize, out: &mut Vec<String>) {
        let Value::Object(s) = selector else { return };
        if depth > MAX_DEPTH {
            return;
        }
        let types = type_names(s);
        let text = |t: &str| {
            ["TextQuoteSelector", "TextPositionSelector"].contains(&t)
                || (t == "RangeSelector" && is_range(s))
        };
        let mut names: Vec<&str> = types.iter().copied().filter(|t| !text(t)).collect();
        if types.is_empty() {
            names.push("?");
        }
        if !types.iter().any(|t| text(t)) {
            for name in names {
                if !out.iter().any(|o| o == name) {
                    out.push(name.to_owned());
                }
            }
        }
        for key in ["refinedBy", "startSelector", "endSelector"] {
            for inner in list(s.get(key)) {
                walk(inner, depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    for target in targets {
        if let Value::Object(t) = target {
            for selector in list(t.get("selector")) {
                walk(selector, 0, &mut out);
            }
        }
    }
    out
}

/// The name of an agent (`creator`): a string, or an object's `name`,
/// `nickname` or `id`, or the first of a list that has one.
pub(super) fn agent_name(v: Option<&Value>) -> Option<String> {
    list(v).into_iter().find_map(|a| match a {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => ["name", "nickname", "id"]
            .iter()
            .find_map(|k| text_of(o, k))
            .map(str::to_owned),
        _ => None,
    })
}

/// The note text and tags of one body.
#[derive(Default)]
pub(super) struct Bodies {
    pub(super) texts: Vec<String>,
    pub(super) tags: Vec<String>,
}

impl Bodies {
    /// Adds what `body` says; `tagging` when the annotation's motivation
    /// makes bodies without a purpose tags.
    pub(super) fn add(&mut self, body: &Value, tagging: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match body {
            // An external body, by IRI: kept as text so that it is seen.
            Value::String(iri) => self.push(iri.clone(), tagging),
            Value::Array(items) => {
                for b in items {
                    self.add(b, tagging, depth + 1);
                }
            }
            Value::Object(b) => {
                let types = type_names(b);
                if types.contains(&"Choice") {
                    // A Choice's first item is its default.
                    if let Some(first) = list(b.get("items")).first() {
                        self.add(first, tagging, depth + 1);
                    }
                    return;
                }
                if ["Composite", "List", "Independents"]
                    .iter()
                    .any(|t| types.contains(t))
                {
                    for item in list(b.get("items")) {
                        self.add(item, tagging, depth + 1);
                    }
                    return;
                }
                let purposes = strings(b.get("purpose"));
                let is_tag = purposes
                    .iter()
                    .any(|p| *p == "tagging" || *p == "oa:tagging")
                    || (purposes.is_empty() && tagging);
                let value = text_of(b, "value").or_else(|| text_of(b, "chars"));
                let text = value.or_else(|| match b.get("source") {
                    Some(Value::Object(src)) => text_of(src, "id"),
                    Some(other) => strings(Some(other)).first().copied(),
                    None => text_of(b, "id"),
                });
                if let Some(text) = text {
                    self.push(text.to_owned(), is_tag);
                }
            }
            _ => {}
        }
    }

    pub(super) fn push(&mut self, text: String, tag: bool) {
        if tag {
            self.tags.push(text);
        } else {
            self.texts.push(text);
        }
    }
}

/// The items of `value` (one item or a list of them) at `key` of the item
/// at `at`, each with its JSON Pointer.
pub(super) fn listed<'v>(
    value: Option<&'v Value>,
    at: &str,
    key: &str,
) -> Vec<(String, &'v Value)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{at}/{key}/{i}"), v))
            .collect(),
        Some(one) => vec![(format!("{at}/{key}"), one)],
    }
}

/// How a message names the item at `at`: by its `id` when it has one.
pub(super) fn item_of(o: &Map<String, Value>, at: &str) -> Item {
    match text_of(o, "id").map(str::trim) {
        Some(id) if !id.is_empty() => Item::Id(id.to_owned()),
        _ => Item::At(at.to_owned()),
    }
}

/// The document a target names: its `source` (an IRI, or an object with
/// an `id`), or the target itself when it is a plain IRI.
pub(super) fn source_of(target: &Value) -> Option<&str> {
    match target {
        Value::String(iri) => Some(iri),
        Value::Object(t) => match t.get("source") {
            Some(Value::Object(src)) => text_of(src, "id"),
            other => strings(other).first().copied(),
        },
        _ => None,
    }
}

/// Whether `source`, the document an annotation's target names, is `doc`
/// (see [`read_annotations`](super::read::read_annotations)): the IRI an export of `doc` gives
/// ([`write::source_iri`]); `urn:sha256:` with the SHA-256 of its clean
/// text or of its file; or an IRI whose last path segment, decoded, is the
/// document's file name. An empty source names no other document.
#[must_use]
pub(super) fn names_document(source: &str, doc: &Document) -> bool {
    let source = source.trim();
    if source.is_empty() || source == write::source_iri(doc) {
        return true;
    }
    if let Some(hash) = super::iri::strip_prefix_ignore_case(source, "urn:sha256:") {
        return hash.eq_ignore_ascii_case(&doc.clean_sha256)
            || hash.eq_ignore_ascii_case(&doc.raw_sha256);
    }
    let path = source.split(['?', '#']).next().unwrap_or(source);
    let last = path.rsplit('/').next().unwrap_or(path);
    let last = super::iri::percent_decode(last).unwrap_or_else(|| last.to_owned());
    !last.is_empty() && last == doc.name
}
