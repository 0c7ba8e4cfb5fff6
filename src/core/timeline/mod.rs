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

use crate::core::anchor::{self, Anchor, TextIndex};
use crate::core::file::fields::{Extra, keep_unknown_fields};
use crate::core::notes::note::{self, Target, TextPosition};
use crate::core::text::document::Document;

pub mod data;
mod hints;

pub use hints::time_suggestions;

/// Chars of the selection used as the title of an event made from it.
const TITLE_CHARS: usize = 16;

/// A document's timeline: events in order, and the people in them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The date as the text states it, e.g. `12月11日`; empty when unknown.
    pub date_label: String,
    /// A year the text does not state, with why it is believed.
    pub year: Option<InferredYear>,
    /// The events, in order: an event's order is its index here (+1 when shown).
    pub events: Vec<Event>,
    /// Everyone who takes part in an event.
    pub people: Vec<Person>,
    /// Fields this version does not know, kept through load and save.
    pub extra: Extra,
}

keep_unknown_fields!(Timeline, "a timeline (a JSON object)", {
    date_label: default,
    year: default if Option::is_none,
    events: default,
    people: default,
});

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
/// `"certainty": "inferred", "reason": "…"` (see [`data`]).
#[derive(Clone, Debug, PartialEq)]
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
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    /// Stable id, unique in the timeline, used by [`Participant::person`].
    pub id: String,
    /// The name as the text writes it.
    pub name: String,
    /// Titles as the text gives them, e.g. `市委常委`, `常務副市長`.
    pub titles: Vec<String>,
    /// The organisation the titles belong to.
    pub organisation: String,
    /// Fields this version does not know, kept through load and save.
    pub extra: Extra,
}

keep_unknown_fields!(Person, "a person (a JSON object)", {
    id: required,
    name: required,
    titles: default,
    organisation: default,
});

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

    /// The who's who of the timeline: every person's name, then every
    /// event's place, as written, in order, each once, empty ones left out.
    /// Script conversion keeps them as written
    /// ([`Names`](crate::core::text::script::Names)).
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        let all = self.people.iter().map(|p| p.name.as_str());
        for name in all.chain(self.events.iter().map(|e| e.place.as_str())) {
            let name = name.trim();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        names
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
        extra: Extra::default(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::file::review::ReviewFile;
    use crate::core::notes::store::{Edit, ReviewStore};

    fn shipped() -> (Document, Timeline) {
        let doc = Document::embedded();
        let timeline = Timeline::shipped_for(&doc).expect("the article has a shipped timeline");
        (doc, timeline)
    }

    /// The shipped timeline in Chinese, where titles and roles are the
    /// article's own words as written.
    fn shipped_as_written() -> (Document, Timeline) {
        let doc = Document::embedded();
        let timeline = Timeline::shipped_in(&doc, crate::core::lang::Lang::ZhHant)
            .expect("the article has a shipped timeline");
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
        let (_, t) = shipped_as_written();
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
        let (doc, t) = shipped_as_written();
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
