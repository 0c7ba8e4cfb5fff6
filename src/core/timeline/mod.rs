//! The timeline of a document: what happened, in which order, who took part,
//! and which sentences say so.
//!
//! A [`Timeline`] is a list of [`Event`]s in order (an event's order is its
//! index in [`Timeline::events`]) and the [`Person`]s who take part in them.
//! Each event cites its evidence with the same W3C selectors as notes
//! ([`Target`]), so evidence is found again by [`anchor`] when the text
//! changes, and carries a [`Certainty`]: whether the article *states* the
//! event's place in the timeline (when it happened relative to the events
//! before it), or whether that place is *inferred*, with the reason.
//!
//! The timeline of the embedded article is data, not code:
//! `assets/timeline.json` stores each piece of evidence as the quoted
//! sentence only, and [`Timeline::shipped_for`] finds every quote in the
//! document at load, computing positions and context with [`Target::range`].
//! A document that does not contain every quote has no shipped timeline.
//!
//! A reviewer's edited timeline is saved in the review file
//! ([`ReviewFile::timeline`](crate::core::file::review::ReviewFile::timeline)) and
//! changed only through [`Edit::SetTimeline`](crate::core::notes::store::Edit::SetTimeline),
//! so every change can be undone. Time expressions found in the text
//! ([`time_suggestions`]) are offered to the reviewer, never filled in.
//!
//! All positions are char (Unicode scalar) offsets into the clean text.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::core::anchor::{self, Anchor, TextIndex};
use crate::core::notes::note::{self, Target, TextPosition};
use crate::core::text::document::Document;

/// The shipped timeline of the embedded article (see the module docs).
pub const SHIPPED_TIMELINE_JSON: &str = include_str!("../../../assets/timeline.json");

/// Top-level keys of the shipped file that describe the file itself and are
/// not part of the timeline.
const ASSET_ONLY_KEYS: [&str; 4] = ["format", "version", "about", "document"];

/// Chars of the selection used as the title of an event made from it.
const TITLE_CHARS: usize = 16;

/// A document's timeline: events in order, and the people in them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The date as the text states it, e.g. `12月11日`; empty when unknown.
    #[serde(default)]
    pub date_label: String,
    /// A year the text does not state, with why it is believed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<InferredYear>,
    /// The events, in order: an event's order is its index here (+1 when shown).
    #[serde(default)]
    pub events: Vec<Event>,
    /// Everyone who takes part in an event.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Fields this version does not know, kept through load and save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A year inferred from the text, never stated by it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InferredYear {
    /// The year, e.g. 2012.
    pub year: i32,
    /// Why this year, in words a reviewer can check against the text.
    pub reason: String,
}

/// Something that happened, as the text tells it.
///
/// In JSON the certainty is flat: `"certainty": "stated"`, or
/// `"certainty": "inferred", "reason": "…"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "RawEvent", into = "RawEvent")]
pub struct Event {
    /// Stable id, unique in the timeline.
    pub id: String,
    /// Which part of the day's programme it belongs to.
    pub phase: Phase,
    /// When, as the text states it (`12月11日下午`, `簽約儀式前`); empty when unknown.
    pub time_label: String,
    /// What sort of event.
    pub kind: EventKind,
    /// A short title.
    pub title: String,
    /// Where, as the text names it; empty when the text does not say.
    pub place: String,
    /// Who took part, and in which role.
    pub participants: Vec<Participant>,
    /// The passages that support the event.
    pub evidence: Vec<Target>,
    /// Whether the text states the event's place in the timeline.
    pub certainty: Certainty,
    /// Fields this version does not know, kept through load and save.
    pub extra: Map<String, Value>,
}

/// The parts of the programme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Visits before the ceremony.
    SiteVisits,
    /// The signing ceremony.
    Ceremony,
    /// Anything else.
    #[default]
    Other,
}

impl Phase {
    /// Every phase, in programme order.
    pub const ALL: [Self; 3] = [Self::SiteVisits, Self::Ceremony, Self::Other];

    /// The phase's name as shown.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::SiteVisits => "Site visits",
            Self::Ceremony => "Signing ceremony",
            Self::Other => "Other",
        }
    }
}

/// What sort of event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// An inspection visit.
    SiteVisit,
    /// A ceremony as a whole.
    Ceremony,
    /// A speech.
    Speech,
    /// The signing of an agreement.
    Signing,
    /// Anything else.
    #[default]
    Other,
}

impl EventKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 5] = [
        Self::SiteVisit,
        Self::Ceremony,
        Self::Speech,
        Self::Signing,
        Self::Other,
    ];

    /// The kind's name as shown.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::SiteVisit => "Site visit",
            Self::Ceremony => "Ceremony",
            Self::Speech => "Speech",
            Self::Signing => "Signing",
            Self::Other => "Other",
        }
    }

    /// The kind's name as stored and printed (`site_visit`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::SiteVisit => "site_visit",
            Self::Ceremony => "ceremony",
            Self::Speech => "speech",
            Self::Signing => "signing",
            Self::Other => "other",
        }
    }
}

/// A person's part in one event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The [`Person::id`].
    pub person: String,
    /// The role in this event in the text's words, e.g. `主持`, `致辭`.
    #[serde(default)]
    pub role: String,
}

/// Whether the text states an event's place in the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "certainty", rename_all = "snake_case")]
pub enum Certainty {
    /// The text says when it happened relative to the events before it.
    #[default]
    Stated,
    /// Its place is a reading of the text.
    Inferred {
        /// Why, and what the text does and does not say.
        reason: String,
    },
}

impl Certainty {
    /// `stated` or `inferred`, as stored and printed.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Inferred { .. } => "inferred",
        }
    }

    /// The reason of an inferred certainty.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Stated => None,
            Self::Inferred { reason } => Some(reason),
        }
    }
}

/// Someone named in the text (or a group the text names as one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable id, unique in the timeline, used by [`Participant::person`].
    pub id: String,
    /// The name as the text writes it.
    pub name: String,
    /// Titles as the text gives them, e.g. `市委常委`, `常務副市長`.
    #[serde(default)]
    pub titles: Vec<String>,
    /// The organisation the titles belong to.
    #[serde(default)]
    pub organisation: String,
    /// Fields this version does not know, kept through load and save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Person {
    /// Every occurrence of the name in the clean text (non-overlapping, in
    /// order); empty for an empty name.
    #[must_use]
    pub fn mentions(&self, doc: &Document) -> Vec<TextPosition> {
        find_all(doc.text(), &self.name)
    }
}

/// Where a timeline comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineSource {
    /// The reviewer's, from the review file.
    Edited,
    /// The one shipped for this document.
    Shipped,
    /// None: the document has no shipped timeline and none was made.
    Empty,
}

impl TimelineSource {
    /// `edited`, `shipped` or `empty`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Edited => "edited",
            Self::Shipped => "shipped",
            Self::Empty => "empty",
        }
    }
}

impl Timeline {
    /// The shipped timeline of the embedded article, with every piece of
    /// evidence found in `doc` (quote, context and positions computed there).
    /// `None` when `doc` is not that article: when any evidence quote does not
    /// occur in it exactly (or, should it ever happen, the shipped file cannot
    /// be read).
    #[must_use]
    pub fn shipped_for(doc: &Document) -> Option<Self> {
        Self::from_asset(SHIPPED_TIMELINE_JSON, doc)
    }

    /// A timeline from the shipped-file format (evidence as quotes, see the
    /// module docs), targeted at `doc`; `None` if a quote is not in it.
    fn from_asset(json: &str, doc: &Document) -> Option<Self> {
        let mut value: Value = serde_json::from_str(json).ok()?;
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

    /// A timeline with nothing in it, for a document without a shipped one.
    #[must_use]
    pub fn empty(_doc: &Document) -> Self {
        Self::default()
    }

    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The events this person takes part in: (index, event, role), in order.
    #[must_use]
    pub fn events_with_person(&self, id: &str) -> Vec<(usize, &Event, &str)> {
        self.events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.participants
                    .iter()
                    .filter(move |p| p.person == id)
                    .map(move |p| (i, e, p.role.as_str()))
            })
            .collect()
    }

    /// Indices of the events whose evidence, at its *stored* position,
    /// touches chars `[start, end)` (a point `start == end` counts when it
    /// lies inside the evidence). Right for the document the timeline was
    /// made on; for a changed text use [`events_citing_at`] with
    /// [`evidence_positions`](Self::evidence_positions).
    #[must_use]
    pub fn events_citing(&self, start: usize, end: usize) -> Vec<usize> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.evidence.iter().any(|t| overlaps(t.position, start, end)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Where each event's evidence is in the current text: one [`Anchor`] per
    /// evidence, per event (see [`anchor::anchor`]).
    #[must_use]
    pub fn evidence_anchors(&self, index: &TextIndex) -> Vec<Vec<Anchor>> {
        self.events
            .iter()
            .map(|e| {
                e.evidence
                    .iter()
                    .map(|t| anchor::anchor(index, t))
                    .collect()
            })
            .collect()
    }

    /// [`evidence_anchors`](Self::evidence_anchors) as ranges; `None` for
    /// evidence that could not be found (orphaned).
    #[must_use]
    pub fn evidence_positions(&self, index: &TextIndex) -> Vec<Vec<Option<TextPosition>>> {
        self.evidence_anchors(index)
            .iter()
            .map(|v| v.iter().map(Anchor::position).collect())
            .collect()
    }
}

/// Indices of the events with evidence touching `[start, end)`, given where
/// the evidence is now (as [`Timeline::evidence_positions`] returns it).
#[must_use]
pub fn events_citing_at(
    positions: &[Vec<Option<TextPosition>>],
    start: usize,
    end: usize,
) -> Vec<usize> {
    positions
        .iter()
        .enumerate()
        .filter(|(_, v)| v.iter().flatten().any(|p| overlaps(*p, start, end)))
        .map(|(i, _)| i)
        .collect()
}

/// Whether `p` touches `[start, end)`; a point query counts inside `p`.
fn overlaps(p: TextPosition, start: usize, end: usize) -> bool {
    if start == end {
        p.start <= start && start < p.end
    } else {
        p.start < end && start < p.end
    }
}

/// A new event whose evidence is the selection `[start, end)` of `doc`:
/// kind and phase "other", certainty stated, no time label (suggestions are
/// the reviewer's to accept), titled with the start of the selected text.
#[must_use]
pub fn new_event_from_selection(doc: &Document, start: usize, end: usize) -> Event {
    let target = Target::range(doc, start, end);
    let words: String = target
        .quote
        .exact
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut title: String = words.chars().take(TITLE_CHARS).collect();
    if words.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    Event {
        id: note::new_id(),
        phase: Phase::Other,
        time_label: String::new(),
        kind: EventKind::Other,
        title,
        place: String::new(),
        participants: Vec::new(),
        evidence: vec![target],
        certainty: Certainty::Stated,
        extra: Map::new(),
    }
}

/// Words for a part of the day.
const DAY_PARTS: [&str; 9] = [
    "上午", "下午", "晚上", "中午", "凌晨", "早上", "清晨", "傍晚", "夜間",
];

/// Time expressions in `text` (a selection or an evidence sentence), to be
/// offered as suggestions, in order of appearance, without repeats:
///
/// - dates: `12月11日`, `2012年12月11日`, `十二月十一日`, with a part of the
///   day and a clock time when they follow (`12月11日下午`, `上午9時30分`);
///   such a date is offered whole and then without the part of the day;
/// - a part of the day on its own: `上午`, `下午`, `晚上`, `中午`, `凌晨`, …;
/// - a clause that opens the text or follows a punctuation mark, is 2 to 6
///   Han characters followed by `前`, `後` or `后`, and ends at a comma:
///   `簽約儀式前,` gives `簽約儀式前`.
#[must_use]
pub fn time_suggestions(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((date_end, end)) = date_at(&chars, i) {
            found.push((i, collect(&chars, i, end)));
            if date_end < end {
                found.push((i, collect(&chars, i, date_end)));
            }
            i = end;
        } else if let Some(end) = day_part_at(&chars, i) {
            found.push((i, collect(&chars, i, end)));
            i = end;
        } else {
            i += 1;
        }
    }
    found.extend(before_after_clauses(&chars));
    found.sort_by_key(|(at, _)| *at);
    let mut out: Vec<String> = Vec::new();
    for (_, s) in found {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// `chars[start..end]` as a string.
fn collect(chars: &[char], start: usize, end: usize) -> String {
    chars.get(start..end).unwrap_or_default().iter().collect()
}

/// A digit: ASCII, full-width or a Chinese numeral.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十廿卅兩".contains(c)
}

/// The end of a number of 1..=`max` chars at `i`.
fn number_at(chars: &[char], i: usize, max: usize) -> Option<usize> {
    let len = chars
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take(max + 1)
        .take_while(|c| is_number_char(**c))
        .count();
    (1..=max).contains(&len).then_some(i + len)
}

/// A number followed by one of `units` at `i`: the end past the unit.
fn number_with_unit(chars: &[char], i: usize, max: usize, units: &str) -> Option<usize> {
    let end = number_at(chars, i, max)?;
    let unit = chars.get(end)?;
    units.contains(*unit).then_some(end + 1)
}

/// A date at `i`: (end of the date, end including a part of the day and
/// clock time). `[年]月日`, or `日` with a part of the day.
fn date_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let after_year = number_with_unit(chars, i, 4, "年").unwrap_or(i);
    let date_end = match number_with_unit(chars, after_year, 3, "月")
        .and_then(|m| number_with_unit(chars, m, 3, "日號号"))
    {
        Some(end) => end,
        None => {
            // A bare day counts only with a part of the day after it.
            let day = number_with_unit(chars, i, 3, "日號号")?;
            day_part_at(chars, day)?;
            day
        }
    };
    let end = day_part_at(chars, date_end).unwrap_or(date_end);
    Some((date_end, end))
}

/// A part of the day at `i`, with a clock time after it (`9時30分`): its end.
fn day_part_at(chars: &[char], i: usize) -> Option<usize> {
    let part = DAY_PARTS.iter().find(|w| {
        let n = w.chars().count();
        chars
            .get(i..i + n)
            .is_some_and(|s| s.iter().copied().eq(w.chars()))
    })?;
    let end = i + part.chars().count();
    let Some(hour) = number_with_unit(chars, end, 3, "時时點点") else {
        return Some(end);
    };
    Some(number_with_unit(chars, hour, 3, "分").unwrap_or(hour))
}

/// A Han character (CJK unified ideographs and extensions).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Punctuation that ends a clause.
fn ends_clause(c: char) -> bool {
    c.is_whitespace() || ",，。；;！？!?：:、“”「」『』（）()《》".contains(c)
}

/// Clause-initial `…前` / `…後` phrases ending at a comma: (start, text).
fn before_after_clauses(chars: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !ends_clause(c) {
            continue;
        }
        let clause = chars.get(start..i).unwrap_or_default();
        if matches!(c, ',' | '，')
            && (3..=7).contains(&clause.len())
            && clause.iter().all(|&c| is_han(c))
            && clause.last().is_some_and(|c| "前後后".contains(*c))
        {
            out.push((start, clause.iter().collect()));
        }
        start = i + 1;
    }
    out
}

/// Every non-overlapping occurrence of `pat` in `text`, as char ranges.
fn find_all(text: &str, pat: &str) -> Vec<TextPosition> {
    if pat.is_empty() {
        return Vec::new();
    }
    let pat_chars = pat.chars().count();
    let mut out = Vec::new();
    let (mut byte, mut chars) = (0, 0);
    for (at, _) in text.match_indices(pat) {
        chars += text.get(byte..at).unwrap_or_default().chars().count();
        byte = at;
        out.push(TextPosition {
            start: chars,
            end: chars + pat_chars,
        });
    }
    out
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
#[derive(Serialize, Deserialize)]
struct RawEvent {
    id: String,
    #[serde(default)]
    phase: Phase,
    #[serde(default)]
    time_label: String,
    #[serde(default)]
    kind: EventKind,
    #[serde(default)]
    title: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    participants: Vec<Participant>,
    #[serde(default)]
    evidence: Vec<Target>,
    #[serde(default)]
    certainty: CertaintyName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::file::review::{Parsed, ReviewFile};
    use crate::core::notes::store::{Edit, ReviewStore};

    fn shipped() -> (Document, Timeline) {
        let doc = Document::embedded();
        let timeline = Timeline::shipped_for(&doc).expect("the article has a shipped timeline");
        (doc, timeline)
    }

    fn event<'a>(t: &'a Timeline, id: &str) -> &'a Event {
        t.events.iter().find(|e| e.id == id).unwrap()
    }

    /// The (person name, role) pairs of an event.
    fn cast(t: &Timeline, e: &Event) -> Vec<(String, String)> {
        e.participants
            .iter()
            .map(|p| (t.person(&p.person).unwrap().name.clone(), p.role.clone()))
            .collect()
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
    fn site_visits_come_before_the_signing() {
        let (_, t) = shipped();
        let phases: Vec<Phase> = t.events.iter().map(|e| e.phase).collect();
        let signing = t
            .events
            .iter()
            .position(|e| e.kind == EventKind::Signing)
            .unwrap();
        let visits: Vec<usize> = (0..t.events.len())
            .filter(|&i| t.events[i].kind == EventKind::SiteVisit)
            .collect();
        assert_eq!(visits, [0, 1], "the programme opens with the two visits");
        assert!(visits.iter().all(|&v| v < signing));
        assert!(t.events[..2].iter().all(|e| e.time_label == "簽約儀式前"));
        // Phases never go back.
        let rank = |p: Phase| Phase::ALL.iter().position(|&q| q == p).unwrap();
        assert!(
            phases.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
            "{phases:?}"
        );
        let places: Vec<&str> = t.events[..2].iter().map(|e| e.place.as_str()).collect();
        assert_eq!(places, ["魯南工程技術研究院", "濟寧高新區新興產業加速器"]);
    }

    #[test]
    fn signers_speakers_and_host_have_their_roles() {
        let (_, t) = shipped();
        let signing = event(&t, "signing");
        assert_eq!(signing.kind, EventKind::Signing);
        assert_eq!(signing.time_label, "12月11日下午");
        assert_eq!(
            cast(&t, signing),
            [
                ("劉中會".to_owned(), "代表雙方簽署協議".to_owned()),
                ("黃麟英".to_owned(), "代表雙方簽署協議".to_owned())
            ]
        );
        for (id, name) in [
            ("speech-ma-pingchang", "馬平昌"),
            ("speech-han-jinfeng", "韓金峰"),
        ] {
            let e = event(&t, id);
            assert_eq!(e.kind, EventKind::Speech);
            assert_eq!(cast(&t, e), [(name.to_owned(), "致辭".to_owned())]);
        }
        let ceremony = event(&t, "ceremony");
        let roles = cast(&t, ceremony);
        assert!(
            roles.contains(&("何思清".to_owned(), "主持".to_owned())),
            "{roles:?}"
        );
        assert!(roles.contains(&("劉成文".to_owned(), "出席".to_owned())));
        assert!(roles.contains(&("市直有關部門、單位的負責同志".to_owned(), "參加".to_owned())));
        assert_eq!(ceremony.place, "", "the article does not say where");
        for visit in &t.events[..2] {
            assert_eq!(
                cast(&t, visit),
                [
                    ("韓金峰".to_owned(), "實地考察".to_owned()),
                    ("佘春明".to_owned(), "陪同考察".to_owned())
                ]
            );
        }
        let han = t.events_with_person("han-jinfeng");
        let roles: Vec<(usize, &str)> = han.iter().map(|(i, _, r)| (*i, *r)).collect();
        assert_eq!(roles, [(0, "實地考察"), (1, "實地考察"), (4, "致辭")]);
        assert!(t.events_with_person("無此人").is_empty());
    }

    #[test]
    fn every_person_is_mentioned_and_every_participant_known() {
        let (doc, t) = shipped();
        for p in &t.people {
            let mentions = p.mentions(&doc);
            assert!(!mentions.is_empty(), "{} is not in the text", p.name);
            for m in &mentions {
                assert_eq!(doc.slice(m.start, m.end), p.name);
            }
            for title in &p.titles {
                assert!(doc.text().contains(title.as_str()), "{title}");
            }
            assert!(
                t.events
                    .iter()
                    .any(|e| e.participants.iter().any(|x| x.person == p.id))
            );
        }
        let ids: Vec<&str> = t.people.iter().map(|p| p.id.as_str()).collect();
        for e in &t.events {
            for p in &e.participants {
                assert!(ids.contains(&p.person.as_str()), "{}", p.person);
            }
        }
        let han = t.person("han-jinfeng").unwrap();
        assert_eq!(han.mentions(&doc).len(), 3);
        assert!(Person::default().mentions(&doc).is_empty());
    }

    #[test]
    fn unstated_order_and_year_are_marked_inferred() {
        let (_, t) = shipped();
        let year = t.year.as_ref().unwrap();
        assert_eq!(year.year, 2012);
        assert!(year.reason.contains("十八大") && year.reason.contains("no year"));
        for e in &t.events {
            match (e.kind, &e.certainty) {
                (EventKind::Ceremony, Certainty::Stated) => {}
                (EventKind::Ceremony, c) => panic!("{c:?}"),
                (_, Certainty::Inferred { reason }) => assert!(reason.contains("not"), "{reason}"),
                (_, Certainty::Stated) => panic!("{} claims an order the text does not give", e.id),
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
        let t = Timeline::from_asset(json, &doc).unwrap();
        let starts: Vec<usize> = t.events[0]
            .evidence
            .iter()
            .map(|e| e.position.start)
            .collect();
        assert_eq!(starts, [0, 6]);
        assert!(Timeline::from_asset("不是 JSON", &doc).is_none());
        assert!(
            Timeline::from_asset(r#"{"events": [{"id": "乙", "evidence": [3]}]}"#, &doc).is_none()
        );
    }

    #[test]
    fn events_citing_finds_the_event_a_sentence_supports() {
        let (doc, t) = shipped();
        let at = doc.text().find("佘春明陪同考察").unwrap();
        let at = doc.text()[..at].chars().count();
        assert_eq!(t.events_citing(at, at + 1), [0, 1]);
        assert_eq!(t.events_citing(at, at), [0, 1], "a point inside counts");
        // The first sentence supports the ceremony and the signing.
        assert_eq!(t.events_citing(0, 3), [2, 5]);
        let index = TextIndex::new(doc.text());
        let positions = t.evidence_positions(&index);
        assert_eq!(events_citing_at(&positions, 0, 3), [2, 5]);
        // Paragraph 2 (馬平昌's words) is nobody's evidence.
        let p = doc.paragraphs[1];
        assert!(t.events_citing(p.start, p.end).is_empty());
        for (e, ps) in t.events.iter().zip(&positions) {
            let stored: Vec<Option<TextPosition>> =
                e.evidence.iter().map(|x| Some(x.position)).collect();
            assert_eq!(ps, &stored);
        }
        // In a changed text, evidence is found again or reported orphaned.
        let moved = TextIndex::new(&format!("新的一句。{}", doc.text()));
        let positions = t.evidence_positions(&moved);
        assert_eq!(
            positions[0][0].map(|p| p.start),
            Some(t.events[0].evidence[0].position.start + 5)
        );
        let gone = TextIndex::new("完全無關的文字。");
        assert!(
            t.evidence_anchors(&gone)
                .iter()
                .flatten()
                .all(Anchor::is_orphaned)
        );
    }

    #[test]
    fn an_event_from_a_selection_cites_it_and_suggests_nothing_silently() {
        let doc = Document::embedded();
        let s = doc.sentences[0];
        let e = new_event_from_selection(&doc, s.start, s.end);
        assert_eq!(e.evidence.len(), 1);
        assert_eq!(e.evidence[0].quote.exact, doc.sentence_text(0));
        assert_eq!(e.time_label, "", "never filled in silently");
        assert_eq!(
            (e.kind, e.phase, e.certainty.clone()),
            (EventKind::Other, Phase::Other, Certainty::Stated)
        );
        assert_eq!(e.title, "12月11日下午,濟寧市政府與省…");
        assert_eq!(
            time_suggestions(&e.evidence[0].quote.exact),
            ["12月11日下午", "12月11日"]
        );
        let short = new_event_from_selection(&doc, 9, 14);
        assert_eq!(short.title, "濟寧市政府");
        assert_ne!(short.id, e.id);
    }

    #[test]
    fn time_suggestions_in_the_article() {
        let doc = Document::embedded();
        let all: Vec<String> = (0..doc.sentences.len())
            .flat_map(|i| time_suggestions(doc.sentence_text(i)))
            .collect();
        assert_eq!(all, ["12月11日下午", "12月11日", "簽約儀式前"]);
        assert_eq!(
            time_suggestions(doc.text()),
            ["12月11日下午", "12月11日", "簽約儀式前"]
        );
    }

    #[test]
    fn time_suggestions_forms() {
        assert_eq!(
            time_suggestions("2012年12月11日上午9時30分,雙方會談。當晚,舉行宴會。"),
            ["2012年12月11日上午9時30分", "2012年12月11日"]
        );
        assert_eq!(
            time_suggestions("十二月十一日晚上,演出。"),
            ["十二月十一日晚上", "十二月十一日"]
        );
        assert_eq!(time_suggestions("11日下午舉行"), ["11日下午", "11日"]);
        assert_eq!(
            time_suggestions("下午，雙方座談。中午休息"),
            ["下午", "中午"]
        );
        assert_eq!(time_suggestions("會議結束後,代表合影。"), ["會議結束後"]);
        assert_eq!(time_suggestions("儀式开始前，嘉宾入场"), ["儀式开始前"]);
        // Not clause-initial phrases, too short, or not ending at a comma.
        assert!(time_suggestions("他說,當前,工作重要。此前,已經開會。").is_empty());
        assert!(time_suggestions("韓金峰在簽約儀式前考察。").is_empty());
        assert!(time_suggestions("加快構建民生保障十大體系").is_empty());
        assert!(time_suggestions("十一月的天氣").is_empty());
        assert!(time_suggestions("").is_empty());
        assert_eq!(time_suggestions("下午,下午。"), ["下午"], "no repeats");
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

    #[test]
    fn set_timeline_is_undoable() {
        let (doc, shipped) = shipped();
        let mut store = ReviewStore::new(&doc, ReviewFile::new(&doc));
        assert_eq!(store.timeline(), None);
        let mut mine = shipped.clone();
        mine.events.swap(0, 1);
        mine.events[0].title = "先考察加速器".into();
        store
            .apply(Edit::SetTimeline(Some(Box::new(mine.clone()))))
            .unwrap();
        assert_eq!(store.timeline(), Some(&mine));
        let rev = store.revision();
        // Setting the same timeline again changes and records nothing.
        store
            .apply(Edit::SetTimeline(Some(Box::new(mine.clone()))))
            .unwrap();
        assert_eq!(store.revision(), rev);
        let mut fewer = mine.clone();
        fewer.events.remove(5);
        store
            .apply(Edit::SetTimeline(Some(Box::new(fewer.clone()))))
            .unwrap();
        // Reset to the shipped timeline.
        store.apply(Edit::SetTimeline(None)).unwrap();
        assert_eq!(store.timeline(), None);
        assert!(store.undo());
        assert_eq!(store.timeline(), Some(&fewer));
        assert!(store.undo());
        assert_eq!(store.timeline(), Some(&mine));
        assert!(store.undo());
        assert_eq!(store.timeline(), None);
        assert!(!store.undo());
        assert!(store.redo());
        assert!(store.redo());
        assert!(store.redo());
        assert_eq!(store.timeline(), None);
        assert!(!store.redo());
        assert!(store.undo());
        assert_eq!(store.review().timeline.as_ref(), Some(&fewer));
    }
}
