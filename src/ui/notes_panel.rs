//! The notes side panel: the editor of the open note on top, in a region of
//! fixed height, then the list of every note with search, filters and sort. It types into the editor's
//! draft and pushes [`Command`]s; the state turns them into undoable edits
//! of the store (the draft too: [`Command::CommitDraft`]).

use egui::{Color32, RichText, Ui};

use crate::core::anchor::Anchor;
use crate::core::notes::filter::{NoteFilter, SortBy, all_tags, parse_tags};
use crate::core::notes::note::{Note, NoteColor, TargetKind};
use crate::core::notes::store::{Edit, ReviewStore};
use crate::core::text::excerpt::short;
use crate::ui::command::{Command, Done};
use crate::ui::i18n::{Strings, fill};
use crate::ui::layout;
use crate::ui::shown;
use crate::ui::theme;

/// Seconds of typing pause after which the draft is committed (and autosaved).
const COMMIT_AFTER_SECONDS: f64 = 0.6;

/// The draft of the note being edited.
#[derive(Debug, Default)]
pub struct EditorState {
    /// The open note.
    pub note_id: Option<String>,
    /// Its text as typed so far.
    pub body: String,
    /// Its tags as typed so far ("a, b").
    pub tags: String,
    /// When the draft last changed (egui time), while uncommitted.
    pub changed_at: Option<f64>,
    /// Move keyboard focus to the note text on the next frame.
    pub focus_body: bool,
}

impl EditorState {
    /// Open `note` in the editor (dropping any uncommitted draft of another note:
    /// the app commits drafts before it opens another note).
    pub fn open(&mut self, note: &Note, focus: bool) {
        self.note_id = Some(note.id.clone());
        self.body.clone_from(&note.body);
        self.tags = note.tags.join(", ");
        self.changed_at = None;
        self.focus_body = focus;
    }

    /// Close the editor.
    pub fn close(&mut self) {
        *self = Self::default();
    }

    /// The note with the draft applied, when the draft differs from `note`.
    #[must_use]
    pub fn changed_note(&self, note: &Note) -> Option<Note> {
        let tags = parse_tags(&self.tags);
        (self.body != note.body || tags != note.tags).then(|| {
            let mut changed = note.clone();
            changed.body.clone_from(&self.body);
            changed.tags = tags;
            changed
        })
    }
}

/// The list's filtered notes and the tag choices, kept while the store and
/// the filter stay the same: filtering 10,000 notes every frame (lower-casing
/// each one for the search) would cost more than drawing the whole window.
#[derive(Debug, Default)]
pub struct ListCache {
    /// Store generation, store revision and filter the lists were made for.
    key: Option<(u64, u64, NoteFilter)>,
    /// The notes that pass, as indices into the store's notes, in order.
    shown: Vec<usize>,
    /// Every tag in use, for the tag filter.
    tags: Vec<String>,
}

impl ListCache {
    /// Brings the lists up to date with `store` and `filter`.
    fn refresh(&mut self, store: &ReviewStore, filter: &NoteFilter) {
        let (generation, revision) = (store.generation(), store.revision());
        let notes_changed = self
            .key
            .as_ref()
            .is_none_or(|(g, r, _)| (*g, *r) != (generation, revision));
        if notes_changed {
            self.tags = all_tags(store);
        }
        if notes_changed || self.key.as_ref().is_some_and(|(_, _, f)| f != filter) {
            self.shown = filter.apply_indices(store);
            self.key = Some((generation, revision, filter.clone()));
        }
    }
}

/// Draw the panel; what the user asks for goes to `commands`.
#[allow(
    clippy::too_many_arguments,
    reason = "the panel's widget states are separate fields of the app state"
)]
pub fn notes_panel_ui(
    ui: &mut Ui,
    store: &ReviewStore,
    editor: &mut EditorState,
    filter: &mut NoteFilter,
    cache: &mut ListCache,
    has_selection: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let open = editor
        .note_id
        .as_deref()
        .and_then(|id| store.note(id).map(|n| (n, store.anchor_of(id))));
    // The editor's region has one height for a window size, note open or
    // not (it scrolls inside): opening a note never moves the list, so a
    // second click lands on the card the first one opened.
    let height = layout::editor_height(ui.available_height());
    let (region, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::hover(),
    );
    let mut region_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(region)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    region_ui.shrink_clip_rect(region);
    egui::ScrollArea::vertical()
        .id_salt(("note-editor", editor.note_id.as_deref()))
        .auto_shrink(false)
        .max_height(height)
        .show(&mut region_ui, |ui| match open {
            Some((note, anchor)) => {
                editor_ui(ui, store, note, anchor, editor, has_selection, s, commands);
            }
            // The region keeps its height: the hint in its middle, as a
            // detail pane with nothing chosen shows.
            None => {
                ui.centered_and_justified(|ui| {
                    ui.add(egui::Label::new(RichText::new(s.notes_empty_hint).weak()).wrap());
                });
            }
        });
    ui.separator();
    list_ui(
        ui,
        store,
        editor.note_id.as_deref(),
        filter,
        cache,
        s,
        commands,
    );
}

#[allow(
    clippy::too_many_arguments,
    reason = "the editor draws one note from the store, the draft and the selection state"
)]
fn editor_ui(
    ui: &mut Ui,
    store: &ReviewStore,
    note: &Note,
    anchor: Option<&Anchor>,
    editor: &mut EditorState,
    has_selection: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.strong(match note.target.kind {
            TargetKind::Paragraph => s.note_on_paragraph,
            TargetKind::Range => s.note_heading,
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(s.close)
                .on_hover_text(s.close_editor_hover)
                .clicked()
            {
                commands.push(Command::CloseEditor);
            }
        });
    });
    ui.label(
        RichText::new(fill(
            s.quoted,
            &[(
                "quote",
                &short(&shown::text(ui.ctx(), &note.target.quote.exact), 60),
            )],
        ))
        .color(theme::note_color(note.color, dark)),
    );
    if let Some(anchor) = anchor {
        status_ui(ui, store, note, anchor, has_selection, s, commands);
    }
    let body = ui.add(
        egui::TextEdit::multiline(&mut editor.body)
            .desired_rows(5)
            .desired_width(f32::INFINITY)
            .hint_text(s.note_hint),
    );
    body.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, s.note_text)
    });
    if editor.focus_body {
        body.request_focus();
        editor.focus_body = false;
    }
    ui.horizontal(|ui| {
        ui.label(s.tags);
        let tags = ui.add(
            egui::TextEdit::singleline(&mut editor.tags)
                .desired_width(f32::INFINITY)
                .hint_text(s.tags_hint),
        );
        tags.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, s.tags));
        if tags.changed() {
            editor.changed_at = Some(ui.input(|i| i.time));
        }
    });
    if body.changed() {
        editor.changed_at = Some(ui.input(|i| i.time));
    }
    ui.horizontal(|ui| {
        ui.label(s.color);
        for color in NoteColor::ALL {
            let selected = note.color == color;
            let swatch = color_swatch_ui(ui, color, selected, dark, s);
            if swatch.clicked() && !selected {
                commands.push(Command::SetNoteColor(color));
            }
        }
    });
    let meta = fill(
        s.note_meta,
        &[
            ("author", &note.author),
            (
                "created",
                &crate::core::time::local_date_time(&note.created),
            ),
            (
                "modified",
                &crate::core::time::local_date_time(&note.modified),
            ),
        ],
    );
    ui.add(egui::Label::new(RichText::new(meta).weak()).wrap());
    // Last in the editor's region, away from the list: a click aimed at a
    // card never lands on it, and the message after it offers Undo.
    if ui.button(s.delete_note).clicked() {
        commands.push(Command::Announced {
            command: Box::new(Command::Edit(Box::new(Edit::Delete(note.id.clone())))),
            done: Done::NoteDeleted,
        });
    }
    // Commit the draft after a typing pause or when focus leaves the fields,
    // as one undoable edit.
    if let Some(changed_at) = editor.changed_at {
        let now = ui.input(|i| i.time);
        let typing = ui.ctx().egui_wants_keyboard_input();
        if !typing || now - changed_at >= COMMIT_AFTER_SECONDS {
            commands.push(Command::CommitDraft);
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(COMMIT_AFTER_SECONDS));
        }
    }
}

/// Where the open note stands after the text changed (nothing for an exact
/// note), and what the reviewer can do about it: keep it where it landed,
/// or attach it to the words selected in the text.
fn status_ui(
    ui: &mut Ui,
    store: &ReviewStore,
    note: &Note,
    anchor: &Anchor,
    has_selection: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(status) = s.anchor_status(anchor, note.target.position, |at| {
        store.text_index().slice(at)
    }) else {
        return;
    };
    let palette = theme::palette(ui.visuals());
    let color = match anchor {
        Anchor::Orphaned { .. } => palette.error,
        _ if anchor.needs_checking() => palette.warning,
        _ => ui.visuals().weak_text_color(),
    };
    ui.add(egui::Label::new(RichText::new(status).color(color)).wrap());
    ui.horizontal_wrapped(|ui| {
        if anchor.needs_checking()
            && !anchor.is_orphaned()
            && ui
                .button(s.confirm_place)
                .on_hover_text(s.confirm_place_hover)
                .clicked()
        {
            commands.push(Command::ConfirmPlace(note.id.clone()));
        }
        if anchor.needs_checking() {
            let button = ui
                .add_enabled(has_selection, egui::Button::new(s.reattach))
                .on_hover_text(s.reattach_hover)
                .on_disabled_hover_text(s.reattach_hover);
            if button.clicked() {
                commands.push(Command::Reattach(note.id.clone()));
            }
        }
    });
}

fn color_swatch_ui(
    ui: &mut Ui,
    color: NoteColor,
    selected: bool,
    dark: bool,
    s: &Strings,
) -> egui::Response {
    let size = egui::Vec2::splat(18.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let fill = theme::note_color(color, dark);
    ui.painter().circle_filled(rect.center(), 7.0, fill);
    if selected {
        ui.painter().circle_stroke(
            rect.center(),
            8.5,
            egui::Stroke::new(2.0, ui.visuals().text_color()),
        );
    }
    let name = s.color_name(color);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, selected, name));
    response.on_hover_text(name)
}

fn list_ui(
    ui: &mut Ui,
    store: &ReviewStore,
    open: Option<&str>,
    filter: &mut NoteFilter,
    cache: &mut ListCache,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    let search = ui.add(
        egui::TextEdit::singleline(&mut filter.query)
            .desired_width(f32::INFINITY)
            .hint_text(s.search_hint),
    );
    search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, s.search_notes));
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_id_salt("filter-color")
            .selected_text(filter.color.map_or(s.any_color, |c| s.color_name(c)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.color, None, s.any_color);
                for color in NoteColor::ALL {
                    // Each entry with its chip, as the editor's swatches show
                    // the colours: a name alone is slow to match.
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::Vec2::splat(14.0), egui::Sense::hover());
                        ui.painter().circle_filled(
                            rect.center(),
                            6.0,
                            theme::note_color(color, dark),
                        );
                        ui.selectable_value(&mut filter.color, Some(color), s.color_name(color));
                    });
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.filter_color));
        cache.refresh(store, filter);
        let tags = &cache.tags;
        egui::ComboBox::from_id_salt("filter-tag")
            .selected_text(filter.tag.clone().unwrap_or_else(|| s.any_tag.to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.tag, None, s.any_tag);
                for tag in tags {
                    ui.selectable_value(&mut filter.tag, Some(tag.clone()), tag);
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.filter_tag));
        ui.checkbox(&mut filter.needs_checking, s.needs_checking)
            .on_hover_text(s.needs_checking_hover);
        ui.checkbox(&mut filter.orphaned_only, s.orphaned);
        egui::ComboBox::from_id_salt("sort")
            .selected_text(s.sort_label(filter.sort))
            .show_ui(ui, |ui| {
                for sort in [SortBy::Position, SortBy::Created, SortBy::Modified] {
                    ui.selectable_value(&mut filter.sort, sort, s.sort_label(sort));
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.sort_notes));
    });
    cache.refresh(store, filter);
    let shown: Vec<(&Note, &Anchor)> = cache
        .shown
        .iter()
        .filter_map(|&i| store.note_at(i))
        .collect();
    ui.weak(fill(
        s.notes_count,
        &[("shown", &shown.len()), ("total", &store.notes().len())],
    ));
    let (anchored, orphans): (Vec<_>, Vec<_>) =
        shown.into_iter().partition(|(_, a)| !a.is_orphaned());
    // One uniform row per note (and one for the "Orphaned" heading), so that
    // only the rows in view are laid out: a list of 10,000 notes costs what a
    // screenful costs.
    let mut rows: Vec<Option<(&Note, &Anchor)>> = anchored.into_iter().map(Some).collect();
    if !orphans.is_empty() {
        rows.push(None);
        rows.extend(orphans.iter().copied().map(Some));
    }
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = line * 3.0 + ui.spacing().item_spacing.y * 2.0 + 14.0;
    egui::ScrollArea::vertical()
        .id_salt("notes-list")
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                let size = egui::vec2(ui.available_width(), row_height);
                ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.set_min_height(row_height - ui.spacing().item_spacing.y);
                    match row {
                        Some((note, anchor)) => {
                            note_row_ui(ui, note, anchor, open, dark, s, commands);
                        }
                        None => {
                            ui.add_space(6.0);
                            ui.strong(fill(s.orphaned_count, &[("n", &orphans.len())]));
                        }
                    }
                });
            }
        });
}

fn note_row_ui(
    ui: &mut Ui,
    note: &Note,
    anchor: &Anchor,
    open: Option<&str>,
    dark: bool,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let selected = open == Some(note.id.as_str());
    let badge = s.status_badge(anchor);
    let frame = egui::Frame::group(ui.style()).fill(if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        Color32::TRANSPARENT
    });
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 16.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, theme::note_color(note.color, dark));
            let quote = shown::text(ui.ctx(), &note.target.quote.exact);
            let quote = fill(s.quoted, &[("quote", &short(&quote, 24))]);
            // The mark first, so a long quote is what gets cut.
            if let Some(badge) = badge.filter(|_| !anchor.is_orphaned()) {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(format!("⚠ {badge}"))
                            .small()
                            .color(theme::palette(ui.visuals()).warning),
                    );
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(RichText::new(quote).strong()).truncate());
                    });
                });
            } else {
                ui.label(RichText::new(quote).strong());
            }
        });
        // Rows have one height (see `list_ui`): each part is one line, cut
        // with "…"; the editor shows the whole note.
        if let Anchor::Orphaned { reason } = anchor {
            let color = theme::palette(ui.visuals()).error;
            let reason = s.orphan_reason(reason);
            ui.add(egui::Label::new(RichText::new(reason).color(color)).truncate());
        } else if note.body.trim().is_empty() {
            ui.weak(s.highlight);
        } else {
            ui.add(egui::Label::new(short(&note.body, 120)).truncate());
        }
        if !note.tags.is_empty() {
            let tags = fill(s.tags_list, &[("tags", &note.tags.join(", "))]);
            ui.add(egui::Label::new(RichText::new(tags).weak()).truncate());
        }
    });
    let quote = short(&shown::text(ui.ctx(), &note.target.quote.exact), 24);
    let label = match badge {
        Some(status) => fill(
            s.note_on_checking,
            &[("quote", &quote), ("status", &status)],
        ),
        None => fill(s.note_on, &[("quote", &quote)]),
    };
    let response = ui.interact(
        inner.response.rect,
        ui.scope_id().with(("row", &note.id)),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        commands.push(Command::OpenNote {
            id: note.id.clone(),
            reveal: true,
        });
    }
}
