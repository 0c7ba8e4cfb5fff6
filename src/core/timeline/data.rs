//! The timeline as stored: the shipped timeline of the embedded article
//! (`assets/timeline.json`, evidence as quotes found in the document at
//! load) and the JSON form of an event, whose certainty is flat in the
//! event object (`"certainty": "inferred", "reason": "…"`).
//!
//! The shipped file says what Pizhu wrote about the article (the reasons
//! for inferred places and the year, the people's titles and roles, the
//! event titles) in English, 繁體 and 简体: such a value is an object of
//! language tags, `{"en": "…", "zh-Hant": "…", "zh-Hans": "…"}`, and
//! [`Timeline::shipped_in`] takes the one of the reader's language. Names,
//! places, dates and evidence are the article's own words, written once.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::core::file::fields::{Extra, keep_unknown_fields};
use crate::core::lang::Lang;
use crate::core::notes::note::{Target, TextPosition};
use crate::core::text::document::Document;

use super::{Certainty, Event, EventKind, Participant, Phase, Timeline, find_all};

/// The shipped timeline of the embedded article (see the module docs).
pub const SHIPPED_TIMELINE_JSON: &str = include_str!("../../../assets/timeline.json");

/// Top-level keys of the shipped file that describe the file itself and are
/// not part of the timeline.
const ASSET_ONLY_KEYS: [&str; 4] = ["format", "version", "about", "document"];

impl Timeline {
    /// The shipped timeline of the embedded article, with every piece of
    /// evidence found in `doc` (quote, context and positions computed there),
    /// its words in English. `None` when `doc` is not that article: when any
    /// evidence quote does not occur in it exactly (or, should it ever
    /// happen, the shipped file cannot be read).
    #[must_use]
    pub fn shipped_for(doc: &Document) -> Option<Self> {
        Self::shipped_in(doc, Lang::En)
    }

    /// [`shipped_for`](Self::shipped_for), its words (reasons, titles,
    /// roles) in `lang` (see the module docs).
    #[must_use]
    pub fn shipped_in(doc: &Document, lang: Lang) -> Option<Self> {
        Self::from_asset(SHIPPED_TIMELINE_JSON, doc, lang)
    }

    /// A timeline from the shipped-file format (evidence as quotes, words in
    /// several languages, see the module docs), targeted at `doc`, in
    /// `lang`; `None` if a quote is not in it.
    fn from_asset(json: &str, doc: &Document, lang: Lang) -> Option<Self> {
        let mut value: Value = serde_json::from_str(json).ok()?;
        in_language(&mut value, lang);
        let top = value.as_object_mut()?;
        for key in ASSET_ONLY_KEYS {
            top.remove(key);
        }
        let events = top.get_mut("events")?.as_array_mut()?;
        for event in events {
            let Some(evidence) = event.get_mut("evidence") else {
                continue;
            };
            for item in evidence.as_array_mut()? {
                let (quote, near) = match item {
                    Value::String(q) => (q.clone(), None),
                    Value::Object(o) => (
                        o.get("exact")?.as_str()?.to_owned(),
                        o.get("near").and_then(Value::as_u64),
                    ),
                    _ => return None,
                };
                let near = near.and_then(|n| usize::try_from(n).ok());
                let found = find_quote(doc, &quote, near)?;
                *item = serde_json::to_value(Target::range(doc, found.start, found.end)).ok()?;
            }
        }
        serde_json::from_value(value).ok()
    }
}

/// Replaces every object of language tags in `value` (`{"en": …,
/// "zh-Hant": …}`) by its `lang` value, else its English one.
fn in_language(value: &mut Value, lang: Lang) {
    match value {
        Value::Object(map) => {
            let tags = !map.is_empty() && map.keys().all(|k| Lang::from_tag(k).is_some());
            if tags {
                let chosen = map
                    .get(lang.tag())
                    .or_else(|| map.get(Lang::En.tag()))
                    .cloned();
                if let Some(chosen) = chosen {
                    *value = chosen;
                }
                return;
            }
            for item in map.values_mut() {
                in_language(item, lang);
            }
        }
        Value::Array(items) => {
            for item in items {
                in_language(item, lang);
            }
        }
        _ => {}
    }
}

/// Where `quote` is in `doc`: the occurrence nearest `near`, else the first.
fn find_quote(doc: &Document, quote: &str, near: Option<usize>) -> Option<TextPosition> {
    let all = find_all(doc.text(), quote);
    match near {
        Some(n) => all.into_iter().min_by_key(|p| p.start.abs_diff(n)),
        None => all.into_iter().next(),
    }
}

/// An event as stored: the certainty flat in the event object.
struct RawEvent {
    id: String,
    phase: Phase,
    time_label: String,
    kind: EventKind,
    title: String,
    place: String,
    participants: Vec<Participant>,
    evidence: Vec<Target>,
    certainty: CertaintyName,
    reason: Option<String>,
    extra: Extra,
}

keep_unknown_fields!(RawEvent, "an event (a JSON object)", {
    id: required,
    phase: default,
    time_label: default,
    kind: default,
    title: default,
    place: default,
    participants: default,
    evidence: default,
    certainty: default,
    reason: default if Option::is_none,
});

/// The `certainty` field's value.
#[derive(Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum CertaintyName {
    #[default]
    Stated,
    Inferred,
}

impl From<RawEvent> for Event {
    fn from(raw: RawEvent) -> Self {
        let mut extra = raw.extra;
        let certainty = match raw.certainty {
            CertaintyName::Stated => {
                // A reason on a stated event is not lost.
                if let Some(reason) = raw.reason {
                    extra.insert("reason".to_owned(), Value::from(reason));
                }
                Certainty::Stated
            }
            CertaintyName::Inferred => Certainty::Inferred {
                reason: raw.reason.unwrap_or_default(),
            },
        };
        Self {
            id: raw.id,
            phase: raw.phase,
            time_label: raw.time_label,
            kind: raw.kind,
            title: raw.title,
            place: raw.place,
            participants: raw.participants,
            evidence: raw.evidence,
            certainty,
            extra,
        }
    }
}

impl From<Event> for RawEvent {
    fn from(e: Event) -> Self {
        let mut extra = e.extra;
        let (certainty, reason) = match e.certainty {
            Certainty::Stated => {
                let kept = extra.remove("reason").and_then(|v| match v {
                    Value::String(s) => Some(s),
                    _ => None,
                });
                (CertaintyName::Stated, kept)
            }
            Certainty::Inferred { reason } => {
                extra.remove("reason");
                (CertaintyName::Inferred, Some(reason))
            }
        };
        Self {
            id: e.id,
            phase: e.phase,
            time_label: e.time_label,
            kind: e.kind,
            title: e.title,
            place: e.place,
            participants: e.participants,
            evidence: e.evidence,
            certainty,
            reason,
            extra,
        }
    }
}

// `Event` is stored through `RawEvent`, as `#[serde(from, into)]` would do;
// written out here so that the model (in `mod.rs`) does not name this file.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawEvent::from(self.clone()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawEvent::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::file::review::{Parsed, ReviewFile};

    fn shipped() -> (Document, Timeline) {
        let doc = Document::embedded();
        let timeline = Timeline::shipped_for(&doc).expect("the article has a shipped timeline");
        (doc, timeline)
    }

    /// The reasons, titles and roles Pizhu wrote come in each language;
    /// names, places, dates and evidence are the article's, the same in all.
    #[test]
    fn the_shipped_timeline_speaks_each_language_and_keeps_the_articles_words() {
        let doc = Document::embedded();
        let [en, hant, hans] = Lang::ALL.map(|lang| Timeline::shipped_in(&doc, lang).unwrap());
        let reason = |t: &Timeline, id: &str| {
            let event = t.events.iter().find(|e| e.id == id).unwrap();
            event.certainty.reason().unwrap_or_default().to_owned()
        };
        assert!(
            reason(&en, "speech-ma-pingchang").starts_with("The article says 馬平昌 and 韓金峰")
        );
        assert_eq!(
            reason(&hant, "speech-ma-pingchang"),
            "文章說馬平昌和韓金峰「分別在簽約儀式上致辭」，但沒有說致辭和簽署的先後；按文章提到的順序排列。"
        );
        // Simplified prose, the names as the article writes them.
        assert_eq!(
            reason(&hans, "speech-ma-pingchang"),
            "文章说馬平昌和韓金峰“分别在签约仪式上致辞”，但没有说致辞和签署的先后；按文章提到的顺序排列。"
        );
        assert!(
            hans.year
                .as_ref()
                .unwrap()
                .reason
                .starts_with("文章没有写年份")
        );
        let han = |t: &Timeline| t.person("han-jinfeng").unwrap().titles.clone();
        assert_eq!(
            han(&hant),
            ["省委組織部副部長", "省人力資源和社會保障廳廳長"]
        );
        assert_eq!(han(&hans), han(&hant), "titles are the article's words");
        assert_eq!(
            han(&en)[0],
            "Deputy Head of the Provincial Party Organisation Department"
        );
        for t in [&en, &hans] {
            for (a, b) in t.events.iter().zip(&hant.events) {
                assert_eq!(a.evidence, b.evidence);
                assert_eq!((&a.place, &a.time_label), (&b.place, &b.time_label));
            }
            let names = |t: &Timeline| t.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
            assert_eq!(names(t), names(&hant));
        }
        // A language missing from a value falls back to English.
        let mut value = serde_json::json!({"a": {"en": "x", "zh-Hant": "乙"}, "b": [{"en": "y"}]});
        in_language(&mut value, Lang::ZhHans);
        assert_eq!(value, serde_json::json!({"a": "x", "b": ["y"]}));
    }

    #[test]
    fn the_shipped_file_is_for_the_embedded_article() {
        let doc = Document::embedded();
        let asset: Value = serde_json::from_str(SHIPPED_TIMELINE_JSON).unwrap();
        assert_eq!(asset["format"], "pizhu-timeline");
        assert_eq!(asset["document"]["clean_sha256"], doc.clean_sha256.as_str());
        let (_, t) = shipped();
        assert!(
            t.extra.is_empty(),
            "file-only keys are left out: {:?}",
            t.extra
        );
        assert_eq!(t.date_label, "12月11日");
        assert!(!t.events.is_empty());
    }

    #[test]
    fn every_evidence_quote_is_in_the_clean_text_where_it_says() {
        let (doc, t) = shipped();
        for e in &t.events {
            assert!(!e.evidence.is_empty(), "{} has no evidence", e.id);
            for ev in &e.evidence {
                let q = &ev.quote.exact;
                assert!(doc.text().contains(q.as_str()), "{q}");
                assert_eq!(
                    doc.text().matches(q.as_str()).count(),
                    1,
                    "{q} is ambiguous"
                );
                assert_eq!(doc.slice(ev.position.start, ev.position.end), q);
                assert!(!q.contains('('), "quoted from the raw text: {q}");
            }
        }
        // The raw JSON holds the same quotes, untouched.
        let asset: Value = serde_json::from_str(SHIPPED_TIMELINE_JSON).unwrap();
        for e in asset["events"].as_array().unwrap() {
            for q in e["evidence"].as_array().unwrap() {
                assert!(doc.text().contains(q.as_str().unwrap()), "{q}");
            }
        }
    }

    #[test]
    fn unrelated_or_changed_documents_have_no_shipped_timeline() {
        let other = Document::from_bytes("別的.txt", None, "另一篇文章。".as_bytes()).unwrap();
        assert_eq!(Timeline::shipped_for(&other), None);
        let article = Document::embedded();
        let cut = article.text().replace("佘春明陪同考察。", "");
        let cut = Document::from_bytes("改過.txt", None, cut.as_bytes()).unwrap();
        assert_eq!(Timeline::shipped_for(&cut), None);
        // The same text with more around it still has it, at new positions.
        let longer = format!("前言一段。\n{}", article.text());
        let longer = Document::from_bytes("長.txt", None, longer.as_bytes()).unwrap();
        let t = Timeline::shipped_for(&longer).unwrap();
        let (_, base) = shipped();
        assert_eq!(
            t.events[0].evidence[0].position.start,
            base.events[0].evidence[0].position.start + 6
        );
        assert_eq!(Timeline::empty(&other), Timeline::default());
    }

    #[test]
    fn asset_quotes_may_carry_a_position_hint() {
        let doc = Document::from_bytes("重複.txt", None, "開會。散會。開會。".as_bytes()).unwrap();
        let json = r#"{"format": "pizhu-timeline", "date_label": "", "events": [
            {"id": "甲", "phase": "other", "kind": "other", "certainty": "stated",
             "evidence": ["開會。", {"exact": "開會。", "near": 7}]}], "people": []}"#;
        let t = Timeline::from_asset(json, &doc, Lang::En).unwrap();
        let starts: Vec<usize> = t.events[0]
            .evidence
            .iter()
            .map(|e| e.position.start)
            .collect();
        assert_eq!(starts, [0, 6]);
        assert!(Timeline::from_asset("不是 JSON", &doc, Lang::En).is_none());
        assert!(
            Timeline::from_asset(
                r#"{"events": [{"id": "乙", "evidence": [3]}]}"#,
                &doc,
                Lang::En
            )
            .is_none()
        );
    }

    #[test]
    fn certainty_is_flat_in_json_and_unknown_fields_survive() {
        let (_, t) = shipped();
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["events"][0]["certainty"], "inferred");
        assert!(
            json["events"][0]["reason"]
                .as_str()
                .unwrap()
                .contains("簽約儀式前")
        );
        assert_eq!(json["events"][2]["certainty"], "stated");
        assert!(json["events"][2].get("reason").is_none());
        assert_eq!(json["events"][0]["kind"], "site_visit");
        assert_eq!(json["events"][0]["phase"], "site_visits");
        let back: Timeline = serde_json::from_value(json).unwrap();
        assert_eq!(back, t);

        let stated_with_reason =
            r#"{"id": "甲", "certainty": "stated", "reason": "備註", "x-新": 1}"#;
        let e: Event = serde_json::from_str(stated_with_reason).unwrap();
        assert_eq!(e.certainty, Certainty::Stated);
        assert_eq!(e.extra.get("reason"), Some(&Value::from("備註")));
        let again = serde_json::to_value(&e).unwrap();
        assert_eq!(again["reason"], "備註");
        assert_eq!(again["x-新"], 1);
        let minimal: Event =
            serde_json::from_str(r#"{"id": "乙", "certainty": "inferred"}"#).unwrap();
        assert_eq!(
            minimal.certainty,
            Certainty::Inferred {
                reason: String::new()
            }
        );
        assert_eq!(minimal.kind, EventKind::Other);
        assert_eq!(Certainty::Stated.name(), "stated");
        assert_eq!(minimal.certainty.reason(), Some(""));
    }

    #[test]
    fn timeline_survives_a_review_file_round_trip() {
        let (doc, mut t) = shipped();
        t.extra.insert("x-時間線".into(), Value::from("保留"));
        t.events[0]
            .extra
            .insert("x-事件".into(), serde_json::json!({"備註": "自訂"}));
        t.people[0].extra.insert("x-人物".into(), Value::from(3));
        t.events[0].evidence[0]
            .extra
            .insert("x-證據".into(), Value::from(true));
        let mut review = ReviewFile::new(&doc);
        review.timeline = Some(t.clone());
        review.extra.insert("x-頂層".into(), Value::from(1));
        let text = review.to_json();
        assert!(text.contains("\"timeline\""));
        let Parsed::Current(back) = ReviewFile::parse(text.as_bytes()).unwrap() else {
            panic!("not current");
        };
        assert_eq!(back, review);
        assert_eq!(back.timeline.as_ref(), Some(&t));
        // A damaged timeline is reported like any other mistyped field.
        let bad = text.replacen("\"date_label\": \"12月11日\"", "\"date_label\": 12", 1);
        assert!(ReviewFile::parse(bad.as_bytes()).is_err());
    }
}
