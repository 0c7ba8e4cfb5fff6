//! What `pizhu timeline` prints: the timeline as JSON with every position
//! resolved in the current clean text.

use serde::Serialize;

use crate::core::anchor::{Anchor, TextIndex};
use crate::core::text::document::Document;
use crate::core::timeline::{EventKind, Phase, Timeline, TimelineSource};

/// What `pizhu timeline` prints: the timeline with every position resolved
/// in the current clean text (char offsets).
#[derive(Debug, Serialize)]
pub struct TimelineReport<'a> {
    /// The document's name.
    pub document: &'a str,
    /// `edited` (from the notes), `shipped` or `empty`.
    pub source: &'static str,
    /// The date as the text states it.
    pub date_label: &'a str,
    /// The inferred year, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<YearReport<'a>>,
    /// The events, in order.
    pub events: Vec<EventReport<'a>>,
    /// The people, with every mention.
    pub people: Vec<PersonReport<'a>>,
}

/// An inferred year in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct YearReport<'a> {
    /// The year.
    pub year: i32,
    /// Always `inferred`: the text states no year.
    pub certainty: &'static str,
    /// Why.
    pub reason: &'a str,
}

/// An event in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct EventReport<'a> {
    /// 1 for the first event.
    pub order: usize,
    /// The event's id.
    pub id: &'a str,
    /// Its phase.
    pub phase: Phase,
    /// When, as the text states it.
    pub time_label: &'a str,
    /// Its kind.
    pub kind: EventKind,
    /// Its title.
    pub title: &'a str,
    /// Where; empty when the text does not say.
    pub place: &'a str,
    /// Who took part.
    pub participants: Vec<ParticipantReport<'a>>,
    /// The supporting passages, where they are now.
    pub evidence: Vec<EvidenceReport<'a>>,
    /// `stated` or `inferred`.
    pub certainty: &'static str,
    /// Why, for an inferred event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// A participant in [`EventReport`].
#[derive(Debug, Serialize)]
pub struct ParticipantReport<'a> {
    /// The person's id.
    pub person: &'a str,
    /// The person's name; `null` for an id that is not in the people list.
    pub name: Option<&'a str>,
    /// The role in this event.
    pub role: &'a str,
}

/// A piece of evidence in [`EventReport`].
#[derive(Debug, Serialize)]
pub struct EvidenceReport<'a> {
    /// The quoted text.
    pub quote: &'a str,
    /// First char in the current clean text; `null` when orphaned.
    pub start: Option<usize>,
    /// One past the last char; `null` when orphaned.
    pub end: Option<usize>,
    /// Why the quote could not be found, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphaned: Option<String>,
}

/// A person in [`TimelineReport`].
#[derive(Debug, Serialize)]
pub struct PersonReport<'a> {
    /// The id participants use.
    pub id: &'a str,
    /// The name as the text writes it.
    pub name: &'a str,
    /// Titles as the text gives them.
    pub titles: &'a [String],
    /// The organisation.
    pub organisation: &'a str,
    /// Every mention of the name: `[start, end)` char ranges.
    pub mentions: Vec<[usize; 2]>,
}

impl<'a> TimelineReport<'a> {
    /// The report of `timeline` on `doc`, with evidence anchored in `index`
    /// (the index of `doc`'s clean text).
    #[must_use]
    pub fn new(
        doc: &'a Document,
        timeline: &'a Timeline,
        index: &TextIndex,
        source: TimelineSource,
    ) -> Self {
        let anchors = timeline.evidence_anchors(index);
        let events = timeline
            .events
            .iter()
            .zip(anchors)
            .enumerate()
            .map(|(i, (e, anchors))| EventReport {
                order: i + 1,
                id: &e.id,
                phase: e.phase,
                time_label: &e.time_label,
                kind: e.kind,
                title: &e.title,
                place: &e.place,
                participants: e
                    .participants
                    .iter()
                    .map(|p| ParticipantReport {
                        person: &p.person,
                        name: timeline.person(&p.person).map(|x| x.name.as_str()),
                        role: &p.role,
                    })
                    .collect(),
                evidence: e
                    .evidence
                    .iter()
                    .zip(anchors)
                    .map(|(t, a)| match a {
                        Anchor::Anchored { position, .. } => EvidenceReport {
                            quote: &t.quote.exact,
                            start: Some(position.start),
                            end: Some(position.end),
                            orphaned: None,
                        },
                        Anchor::Orphaned { reason } => EvidenceReport {
                            quote: &t.quote.exact,
                            start: None,
                            end: None,
                            orphaned: Some(reason.to_string()),
                        },
                    })
                    .collect(),
                certainty: e.certainty.name(),
                reason: e.certainty.reason(),
            })
            .collect();
        let people = timeline
            .people
            .iter()
            .map(|p| PersonReport {
                id: &p.id,
                name: &p.name,
                titles: &p.titles,
                organisation: &p.organisation,
                mentions: p.mentions(doc).iter().map(|m| [m.start, m.end]).collect(),
            })
            .collect();
        Self {
            document: &doc.name,
            source: source.name(),
            date_label: &timeline.date_label,
            year: timeline.year.as_ref().map(|y| YearReport {
                year: y.year,
                certainty: "inferred",
                reason: &y.reason,
            }),
            events,
            people,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_report_resolves_positions() {
        let doc = Document::embedded();
        let t = Timeline::shipped_for(&doc).unwrap();
        let index = TextIndex::new(doc.text());
        let report = TimelineReport::new(&doc, &t, &index, TimelineSource::Shipped);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["source"], "shipped");
        assert_eq!(json["year"]["certainty"], "inferred");
        assert_eq!(json["events"][0]["order"], 1);
        assert_eq!(json["events"][0]["participants"][1]["name"], "佘春明");
        let ev = &json["events"][0]["evidence"][1];
        let (s, e) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        assert_eq!(
            doc.slice(s as usize, e as usize),
            ev["quote"].as_str().unwrap()
        );
        assert!(ev.get("orphaned").is_none());
        // In an unrelated text the evidence is orphaned, with the reason.
        let other = TextIndex::new("完全無關的文字。");
        let report = TimelineReport::new(&doc, &t, &other, TimelineSource::Edited);
        let json = serde_json::to_value(&report).unwrap();
        let ev = &json["events"][0]["evidence"][0];
        assert!(ev["start"].is_null() && ev["end"].is_null());
        assert!(ev["orphaned"].as_str().is_some_and(|r| !r.is_empty()));
    }
}
