//! The HTML report's timeline section: date and year, the events in order
//! with their evidence linked to its paragraphs, and who's who.

use std::fmt::Write as _;

use crate::core::anchor::Anchor;
use crate::core::text::document::Document;
use crate::core::timeline::{Certainty, Timeline};

use super::super::parts::{paragraph_of, participants_text};
use super::super::words::{Words, fill};
use super::pieces::{escape, lines, paragraph_link};

/// The timeline: date and year, events in order, and who's who, in `w`'s words.
pub(super) fn timeline(
    out: &mut String,
    w: &Words,
    doc: &Document,
    timeline: &Timeline,
    evidence: &[Vec<Anchor>],
) {
    let _ = writeln!(
        out,
        "<section class=\"timeline\" id=\"timeline\">\n<h2>{}</h2>",
        w.timeline
    );
    let mut facts = Vec::new();
    if !timeline.date_label.is_empty() {
        facts.push(format!(
            "{}{}{}",
            w.date,
            w.colon,
            escape(&timeline.date_label)
        ));
    }
    if let Some(year) = &timeline.year {
        let year = fill(
            w.year_inferred,
            &[("year", &year.year), ("reason", &escape(&year.reason))],
        );
        facts.push(format!("{}{}{year}", w.year, w.colon));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p class=\"about\">{}</p>", facts.join("<br>\n"));
    }
    if timeline.events.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>\n</section>", w.no_events);
        return;
    }
    out.push_str("<ol class=\"events\">\n");
    for (i, event) in timeline.events.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li class=\"event\" id=\"event-{}\">\n<h3>{}. {}</h3>\n<dl class=\"meta\">",
            i + 1,
            i + 1,
            escape(&event.title)
        );
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            w.time,
            or_not_stated(w, &event.time_label)
        );
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            w.place,
            or_not_stated(w, &event.place)
        );
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{} · {}</dd>",
            w.phase,
            w.phase_label(event.phase),
            w.kind_label(event.kind)
        );
        let people = participants_text(w, timeline, event, escape);
        let _ = writeln!(out, "<dt>{}</dt><dd>{people}</dd>", w.participants);
        let certainty = match &event.certainty {
            Certainty::Stated => w.stated.to_owned(),
            Certainty::Inferred { reason } => fill(w.inferred, &[("reason", &escape(reason))]),
        };
        let _ = writeln!(out, "<dt>{}</dt><dd>{certainty}</dd>\n</dl>", w.certainty);
        if !event.evidence.is_empty() {
            out.push_str("<ul class=\"evidence\">\n");
            let found = evidence.get(i);
            for (j, target) in event.evidence.iter().enumerate() {
                let place = match found.and_then(|a| a.get(j)).and_then(Anchor::position) {
                    Some(p) => paragraph_of(doc, p.start)
                        .map_or_else(String::new, |k| paragraph_link(w, k)),
                    None => w.not_found_here.to_owned(),
                };
                let _ = writeln!(
                    out,
                    "<li><blockquote>{}</blockquote>{place}</li>",
                    lines(&target.quote.exact)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if !timeline.people.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"people\">", w.whos_who);
        for person in &timeline.people {
            let mut about: Vec<String> = person.titles.iter().map(|t| escape(t)).collect();
            if !person.organisation.trim().is_empty() {
                about.push(escape(&person.organisation));
            }
            let name = format!("<strong>{}</strong>", escape(&person.name));
            let line = if about.is_empty() {
                name
            } else {
                fill(
                    w.person,
                    &[("name", &name), ("about", &about.join(w.list_sep))],
                )
            };
            let _ = writeln!(out, "<li>{line}</li>");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// `text` escaped, or "not stated" when it is blank.
fn or_not_stated(w: &Words, text: &str) -> String {
    if text.trim().is_empty() {
        w.not_stated.to_owned()
    } else {
        escape(text)
    }
}
