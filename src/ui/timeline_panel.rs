//! The timeline of the day and the who's who, in the side panel.
//!
//! Time flows down: the site visits, then the signing ceremony. Each event is
//! a card; clicking it shows its evidence in the article. The open event can
//! be edited (a draft, committed as one undoable edit). The panel only pushes
//! [`Command`]s; the app's state applies them to the review store.

use egui::{RichText, Ui};

use crate::core::notes::note::TextPosition;
use crate::core::text::excerpt::short;
use crate::core::timeline::{
    Certainty, Event, EventKind, Participant, Phase, Timeline, time_suggestions,
};
use crate::ui::command::{Command, Done};
use crate::ui::evidence::EvidenceSpan;
use crate::ui::i18n::{Strings, fill};
use crate::ui::theme;

/// Seconds of typing pause after which an edited event is committed.
const COMMIT_AFTER_SECONDS: f64 = 0.6;

/// Which event is open, the draft being edited, and the person being stepped through.
#[derive(Debug, Default)]
pub struct TimelineState {
    /// Index of the open event.
    pub open: Option<usize>,
    /// The open event as edited so far.
    pub draft: Option<Event>,
    /// When the draft last changed (egui time), while uncommitted.
    pub changed_at: Option<f64>,
    /// New participant being added: person id and role.
    pub new_person: String,
    /// Role of the new participant.
    pub new_role: String,
    /// For each person id, which mention was shown last.
    pub mention_cursor: Vec<(String, usize)>,
}

/// The timeline panel; what the user asks for goes to `commands`.
#[allow(
    clippy::too_many_arguments,
    reason = "the timeline as shown and the panel's own state are separate fields of the app state"
)]
pub fn timeline_ui(
    ui: &mut Ui,
    timeline: &Timeline,
    evidence: &[EvidenceSpan],
    state: &mut TimelineState,
    has_selection: bool,
    has_shipped: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(has_selection, egui::Button::new(s.add_event))
            .on_hover_text(s.add_event_hover)
            .clicked()
        {
            commands.push(Command::AddEventFromSelection);
        }
        if has_shipped
            && ui
                .button(s.reset_timeline)
                .on_hover_text(s.reset_timeline_hover)
                .clicked()
        {
            commands.push(Command::Announced {
                command: Box::new(Command::SetTimeline(None)),
                done: Done::TimelineReset,
            });
        }
    });
    if !timeline.date_label.is_empty() {
        ui.horizontal(|ui| {
            ui.heading(&timeline.date_label);
            if let Some(year) = &timeline.year {
                ui.label(fill(s.year_inferred, &[("year", &year.year)]))
                    .on_hover_text(fill(s.year_hover, &[("reason", &year.reason)]));
            }
        });
    }
    if timeline.events.is_empty() {
        ui.add_space(8.0);
        ui.weak(s.no_timeline);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("timeline")
        .show(ui, |ui| {
            let mut phase = None;
            for (index, event) in timeline.events.iter().enumerate() {
                if phase != Some(event.phase) {
                    phase = Some(event.phase);
                    ui.add_space(6.0);
                    ui.strong(s.phase_label(event.phase));
                }
                event_card_ui(ui, timeline, index, event, evidence, state, s, commands);
                if state.open == Some(index) {
                    event_editor_ui(ui, timeline, index, state, has_selection, s, commands);
                }
            }
        });
}

#[allow(
    clippy::too_many_arguments,
    reason = "one card's whole drawing context"
)]
fn event_card_ui(
    ui: &mut Ui,
    timeline: &Timeline,
    index: usize,
    event: &Event,
    evidence: &[EvidenceSpan],
    state: &TimelineState,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let selected = state.open == Some(index);
    let palette = theme::palette(ui.visuals());
    let frame = egui::Frame::group(ui.style()).fill(if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        egui::Color32::TRANSPARENT
    });
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&event.time_label).strong());
            ui.weak(s.kind_label(event.kind));
            match &event.certainty {
                Certainty::Stated => {
                    ui.weak(s.stated);
                }
                Certainty::Inferred { reason } => {
                    ui.colored_label(palette.ruby, s.inferred)
                        .on_hover_text(reason);
                }
            }
        });
        ui.label(&event.title);
        if event.place.trim().is_empty() {
            ui.weak(s.place_not_stated);
        } else {
            ui.label(fill(s.place_is, &[("place", &event.place)]));
        }
        for p in &event.participants {
            ui.label(participant_line(timeline, p));
        }
        let found = evidence
            .iter()
            .filter(|e| e.event == index && e.range.is_some())
            .count();
        let total = event.evidence.len();
        if found < total {
            ui.colored_label(
                palette.error,
                fill(s.evidence_found, &[("found", &found), ("total", &total)]),
            );
        }
    });
    let label = fill(s.event_named, &[("title", &event.title)]);
    let id = ui.scope_id().with(("event", index));
    if card_button(ui, inner.response.rect, id, &label).clicked() {
        commands.push(Command::OpenEvent(index));
    }
}

fn event_editor_ui(
    ui: &mut Ui,
    timeline: &Timeline,
    index: usize,
    state: &mut TimelineState,
    has_selection: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(original) = timeline.events.get(index) else {
        return;
    };
    let draft = state.draft.get_or_insert_with(|| original.clone());
    let mut changed = false;
    let mut structural: Option<Timeline> = None;
    let mut deleted = false;
    // A removal is applied at once (not with the typed draft), so its
    // message can offer Undo.
    let mut removed: Option<Done> = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new(("event-editor", index))
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(s.title);
                changed |= text_field(ui, &mut draft.title, s.event_title);
                ui.end_row();
                ui.label(s.time);
                changed |= text_field(ui, &mut draft.time_label, s.time_as_stated);
                ui.end_row();
                ui.label(s.place);
                changed |= text_field(ui, &mut draft.place, s.place);
                ui.end_row();
                ui.label(s.kind);
                let before = draft.kind;
                egui::ComboBox::from_id_salt(("kind", index))
                    .selected_text(s.kind_label(draft.kind))
                    .show_ui(ui, |ui| {
                        for kind in EventKind::ALL {
                            ui.selectable_value(&mut draft.kind, kind, s.kind_label(kind));
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.event_kind)
                    });
                changed |= before != draft.kind;
                ui.end_row();
                ui.label(s.phase);
                let before = draft.phase;
                egui::ComboBox::from_id_salt(("phase", index))
                    .selected_text(s.phase_label(draft.phase))
                    .show_ui(ui, |ui| {
                        for phase in [Phase::SiteVisits, Phase::Ceremony, Phase::Other] {
                            ui.selectable_value(&mut draft.phase, phase, s.phase_label(phase));
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.event_phase)
                    });
                changed |= before != draft.phase;
                ui.end_row();
            });
        // Time expressions in the evidence, offered, never added silently.
        let quotes: String = draft
            .evidence
            .iter()
            .map(|t| t.quote.exact.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let suggestions: Vec<String> = time_suggestions(&quotes)
            .into_iter()
            .filter(|s| *s != draft.time_label)
            .collect();
        if !suggestions.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak(s.time_in_evidence);
                for suggestion in suggestions {
                    if ui
                        .small_button(&suggestion)
                        .on_hover_text(s.use_time_hover)
                        .clicked()
                    {
                        draft.time_label = suggestion;
                        changed = true;
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            let mut inferred = matches!(draft.certainty, Certainty::Inferred { .. });
            if ui.checkbox(&mut inferred, s.inferred_checkbox).changed() {
                draft.certainty = if inferred {
                    Certainty::Inferred {
                        reason: String::new(),
                    }
                } else {
                    Certainty::Stated
                };
                changed = true;
            }
        });
        if let Certainty::Inferred { reason } = &mut draft.certainty {
            changed |= text_field(ui, reason, s.why_inferred);
        }
        ui.label(s.participants);
        let mut remove = None;
        for (i, p) in draft.participants.iter().enumerate() {
            // The button first and the words cut to what is left: a long
            // line never pushes the button out of the panel.
            ui.horizontal(|ui| {
                if ui.small_button(s.remove).clicked() {
                    remove = Some(i);
                }
                ui.add(egui::Label::new(participant_line(timeline, p)).truncate());
            });
        }
        if let Some(i) = remove {
            draft.participants.remove(i);
            removed = Some(Done::ParticipantRemoved);
        }
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt(("new-person", index))
                .selected_text(
                    timeline
                        .person(&state.new_person)
                        .map_or(s.person_placeholder, |p| p.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    for person in &timeline.people {
                        ui.selectable_value(&mut state.new_person, person.id.clone(), &person.name);
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.new_participant)
                });
            let role = ui.add(
                egui::TextEdit::singleline(&mut state.new_role)
                    .desired_width(90.0)
                    .hint_text(s.role_hint),
            );
            role.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, s.new_role));
            let ready = !state.new_person.is_empty() && !state.new_role.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(s.add)).clicked() {
                draft.participants.push(Participant {
                    person: std::mem::take(&mut state.new_person),
                    role: std::mem::take(&mut state.new_role).trim().to_owned(),
                });
                changed = true;
            }
        });
        ui.label(fill(s.evidence_count, &[("n", &draft.evidence.len())]));
        let mut drop_evidence = None;
        for (i, t) in draft.evidence.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.small_button(s.remove).clicked() {
                    drop_evidence = Some(i);
                }
                let quote = fill(s.quoted, &[("quote", &short(&t.quote.exact, 28))]);
                ui.add(egui::Label::new(egui::RichText::new(quote).weak()).truncate());
            });
        }
        if let Some(i) = drop_evidence {
            draft.evidence.remove(i);
            removed = Some(Done::EvidenceRemoved);
        }
        if removed.is_some() {
            let mut t = timeline.clone();
            if let Some(slot) = t.events.get_mut(index) {
                *slot = draft.clone();
            }
            structural = Some(t);
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(has_selection, egui::Button::new(s.add_evidence))
                .clicked()
            {
                commands.push(Command::AddEvidence(index));
            }
            if ui
                .add_enabled(index > 0, egui::Button::new(s.move_up))
                .clicked()
            {
                let mut t = timeline.clone();
                t.events.swap(index, index - 1);
                structural = Some(t);
                state.open = Some(index - 1);
            }
            if ui
                .add_enabled(
                    index + 1 < timeline.events.len(),
                    egui::Button::new(s.move_down),
                )
                .clicked()
            {
                let mut t = timeline.clone();
                t.events.swap(index, index + 1);
                structural = Some(t);
                state.open = Some(index + 1);
            }
            if ui.button(s.delete_event).clicked() {
                let mut t = timeline.clone();
                t.events.remove(index);
                deleted = true;
                structural = Some(t);
                state.open = None;
            }
        });
    });
    if let Some(t) = structural {
        state.draft = None;
        state.changed_at = None;
        let command = Command::SetTimeline(Some(Box::new(t)));
        let done = if deleted {
            Some(Done::EventDeleted)
        } else {
            removed
        };
        commands.push(match done {
            Some(done) => Command::Announced {
                command: Box::new(command),
                done,
            },
            None => command,
        });
        return;
    }
    let now = ui.input(|i| i.time);
    if changed {
        state.changed_at = Some(now);
    }
    if let Some(at) = state.changed_at {
        let typing = ui.ctx().egui_wants_keyboard_input();
        if !typing || now - at >= COMMIT_AFTER_SECONDS {
            if let Some(draft) = state.draft.clone()
                && timeline.events.get(index) != Some(&draft)
            {
                let mut t = timeline.clone();
                if let Some(slot) = t.events.get_mut(index) {
                    *slot = draft;
                }
                commands.push(Command::SetTimeline(Some(Box::new(t))));
            }
            state.changed_at = None;
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(COMMIT_AFTER_SECONDS));
        }
    }
}

/// "name — role" for a participant; the person's id when the timeline has
/// no such person.
fn participant_line(timeline: &Timeline, p: &Participant) -> String {
    let name = timeline
        .person(&p.person)
        .map_or(p.person.as_str(), |x| x.name.as_str());
    format!("{name} — {}", p.role)
}

/// Makes a drawn card (an event, a person) clickable as a whole, named
/// `label` for screen readers.
fn card_button(ui: &Ui, rect: egui::Rect, id: egui::Id, label: &str) -> egui::Response {
    let response = ui.interact(rect, id, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    response
}

/// A one-line text field named `name` for screen readers; whether it changed.
fn text_field(ui: &mut Ui, value: &mut String, name: &str) -> bool {
    let response = ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    response.changed()
}

/// The who's who: every person with titles and roles; clicking steps
/// through mentions (a [`Command::Reveal`] each).
pub fn people_ui(
    ui: &mut Ui,
    timeline: &Timeline,
    mentions: &[(String, Vec<TextPosition>)],
    state: &mut TimelineState,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    if timeline.people.is_empty() {
        ui.weak(s.no_people);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("people")
        .show(ui, |ui| {
            for person in &timeline.people {
                let found: &[TextPosition] = mentions
                    .iter()
                    .find(|(id, _)| *id == person.id)
                    .map_or(&[], |(_, m)| m.as_slice());
                let inner = egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&person.name).strong());
                        ui.weak(fill(s.mentions, &[("n", &found.len())]));
                    });
                    if !person.titles.is_empty() {
                        ui.label(person.titles.join("、"));
                    }
                    if !person.organisation.is_empty() {
                        ui.weak(&person.organisation);
                    }
                    for (_, event, role) in timeline.events_with_person(&person.id) {
                        ui.weak(format!("{} — {role}", event.title));
                    }
                });
                let label = fill(s.person_named, &[("name", &person.name)]);
                let id = ui.scope_id().with(("person", &person.id));
                let response = card_button(ui, inner.response.rect, id, &label);
                if response.on_hover_text(s.person_hover).clicked() && !found.is_empty() {
                    let next = match state
                        .mention_cursor
                        .iter_mut()
                        .find(|(id, _)| *id == person.id)
                    {
                        Some((_, i)) => {
                            *i = (*i + 1) % found.len();
                            *i
                        }
                        None => {
                            state.mention_cursor.push((person.id.clone(), 0));
                            0
                        }
                    };
                    if let Some(range) = found.get(next) {
                        commands.push(Command::Reveal(*range));
                    }
                }
            }
        });
}
