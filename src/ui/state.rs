//! The whole application state and [`AppState::handle`], the only place it
//! changes in answer to a [`Command`]. Panels draw from the state and push
//! commands; they change nothing but their own widget state (what is typed
//! in a field, a scroll position, the reader's selection).
//!
//! The state is split by concern: [`notes`] (the notes and the editor's
//! draft), [`files`] (export, import, dropped files, folders) and [`view`]
//! (what is kept for drawing: converted paragraphs, the timeline, fonts).

pub mod files;
pub mod notes;
pub mod side;
pub mod view;
pub mod windows;

use std::path::PathBuf;

use encoding_rs::Encoding;
use std::sync::Arc;

use crate::core::notes::filter::NoteFilter;
use crate::core::notes::note::{Note, Target, TextPosition};
use crate::core::notes::session::Notes;
use crate::core::notes::store::Edit;
use crate::core::text::document::Document;
use crate::core::text::find::FindIndex;
use crate::core::timeline::new_event_from_selection;
use crate::ui::command::{Command, Done};
use crate::ui::find_bar::FindState;
use crate::ui::i18n::{self, Strings};
use crate::ui::notes_panel::ListCache;
use crate::ui::reader::{ReaderState, Selection};
use crate::ui::settings::{Settings, SideTab};
use crate::ui::theme;
use crate::ui::timeline_panel::TimelineState;
use crate::ui::toast::Toast;
use notes::{Autosave, NotesState};
use side::Chrome;
use view::{Display, FontsState, TimelineView, Words};
pub use windows::{Kind, Windows};

/// The whole application state.
pub struct AppState {
    /// The user's choices that survive a restart.
    pub settings: Settings,
    /// The open document.
    pub doc: Option<Document>,
    /// Why the last open failed, shown in the window.
    pub error: Option<String>,
    /// The file that last failed to open, for Reopen with Encoding (until
    /// another file opens).
    pub failed_path: Option<PathBuf>,
    /// The notes of the open document and the editor's draft.
    pub notes: NotesState,
    /// The reader's scroll, selection and flash.
    pub reader: ReaderState,
    /// The notes list's search, filters and sort.
    pub filter: NoteFilter,
    /// The notes list's filtered notes, kept between frames.
    pub list_cache: ListCache,
    /// The timeline and people tabs: the open event and its draft.
    pub timeline_state: TimelineState,
    /// The timeline as shown.
    pub timeline_view: Option<TimelineView>,
    /// The find bar.
    pub find: FindState,
    /// The open document folded for find (built when the bar opens).
    pub find_index: Option<FindIndex>,
    /// The paragraphs converted for the 简/繁 view.
    pub display: Display,
    /// The installed fonts.
    pub fonts: FontsState,
    /// Jieba's dictionary, loaded once, on first use.
    pub words: Words,
    /// The windows over the reader.
    pub windows: Windows,
    /// What the last action did or why it failed, in the status bar.
    pub message: Option<crate::ui::status::Message>,
    /// The start page is shown instead of the document.
    pub start_page: bool,
    /// The drawer (the side panel in a narrow window) and the toast.
    pub chrome: Chrome,
}

impl AppState {
    /// Show `text` in the status bar (a failure in the error colour);
    /// nothing when `None`.
    fn tell(&mut self, text: Option<String>, failed: bool) {
        if let Some(text) = text {
            self.message = Some(crate::ui::status::Message { text, failed });
        }
    }

    /// The state around a document (or the error that prevented opening
    /// one), with its notes from `notes_path` when given.
    #[must_use]
    pub fn new(
        doc: Result<Document, String>,
        settings: Settings,
        notes_path: Option<PathBuf>,
    ) -> Self {
        let notes = doc
            .as_ref()
            .ok()
            .map(|doc| NotesState::open(doc, notes_path.as_deref()))
            .unwrap_or_default();
        let (doc, error) = match doc {
            Ok(doc) => (Some(doc), None),
            Err(err) => (None, Some(err)),
        };
        let mut state = Self {
            fonts: FontsState::new(&settings.reading_font),
            settings,
            doc,
            error,
            failed_path: None,
            notes,
            reader: ReaderState::default(),
            filter: NoteFilter::default(),
            list_cache: ListCache::default(),
            timeline_state: TimelineState::default(),
            timeline_view: None,
            find: FindState::default(),
            find_index: None,
            display: Display::default(),
            words: Arc::default(),
            windows: Windows::default(),
            message: None,
            start_page: false,
            chrome: Chrome::default(),
        };
        state.document_opened();
        state
    }

    /// The strings of the interface language.
    #[must_use]
    pub fn strings(&self) -> &'static Strings {
        i18n::strings(self.settings.lang)
    }

    /// The notes of the open document.
    #[must_use]
    pub fn notes(&self) -> Option<&Notes> {
        self.notes.notes()
    }

    /// The title of the window: the document's name.
    #[must_use]
    pub fn title(&self) -> String {
        title(self.doc.as_ref())
    }

    /// Bring what is kept for drawing up to date with the document, the
    /// notes and the settings.
    pub fn refresh(&mut self) {
        TimelineView::refresh(
            &mut self.timeline_view,
            self.doc.as_ref(),
            self.notes.notes(),
            self.settings.lang,
        );
        if let Some(doc) = &self.doc {
            // The who's who of the timeline shown stays as written.
            if let Some(view) = &self.timeline_view {
                self.display.set_names(&view.timeline.names());
            }
            self.display.refresh(doc, self.settings.script);
            if self.find.open && self.find_index.is_none() {
                self.find_index = Some(FindIndex::new(doc.text()));
            }
        }
    }

    /// Save the notes when their last change is old enough; ask for the
    /// frame that shows "saved", or for one when the save is due.
    pub fn autosave(&mut self, ctx: &egui::Context) {
        match self.notes.autosave(ctx.input(|i| i.time)) {
            Autosave::Idle => {}
            // One more frame so the status bar shows "saved" (then idle again).
            Autosave::Saved => ctx.request_repaint(),
            Autosave::DueIn(wait) => {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait + 0.01));
            }
        }
    }

    /// When the window gets the focus, take in what another window or
    /// program saved to the notes file meanwhile.
    pub fn pick_up_changes_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        if focused && self.notes.pick_up_changes(ctx.input(|i| i.time)) {
            ctx.request_repaint();
        }
    }

    /// Note where the reader is in the open document.
    pub fn remember_position(&mut self) {
        if let Some(doc) = &self.doc {
            self.settings
                .remember_position(&doc.clean_sha256, self.reader.top_char);
        }
    }

    /// Apply one command. The editor's draft is committed first when the
    /// command needs it ([`Command::commits_draft`]).
    pub fn handle(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        if command.commits_draft() {
            self.notes.commit_draft(now);
        }
        match command {
            Command::ZoomIn => self
                .settings
                .set_reading_size(self.settings.reading_size * theme::ZOOM_STEP),
            Command::ZoomOut => self
                .settings
                .set_reading_size(self.settings.reading_size / theme::ZOOM_STEP),
            Command::ZoomReset => self.settings.set_reading_size(theme::READING_SIZE),
            Command::SetRuby(on) => self.settings.show_ruby = on,
            Command::SetTheme(choice) => {
                self.settings.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::SetReadingFont(font) => {
                self.settings.reading_font = font;
                self.fonts.apply(ctx, &mut self.settings.reading_font);
            }
            Command::SetScript(script) => self.settings.script = script,
            Command::SetLineSpacing(v) => self.settings.line_spacing = v.clamp(1.2, 3.0),
            Command::SetColumnChars(v) => self.settings.column_chars = v.clamp(15.0, 80.0),
            Command::SetAuthor(author) => self.settings.author = author,
            c @ (Command::SetNotesPanel(_)
            | Command::ToggleSidePanel
            | Command::SetSidePanelWidth(_)
            | Command::DismissToast) => {
                let width = ctx.content_rect().width();
                self.chrome.handle(&mut self.settings, width, c);
            }
            Command::Announced { command, done } => {
                let revision = |s: &Self| s.notes().map(|n| n.store().revision());
                let before = revision(self);
                let open = self.notes.open_note().map(str::to_owned);
                self.handle(ctx, *command);
                if revision(self) != before {
                    let mut toast = Toast::new(done, now);
                    // Undo brings the deleted note back into the editor.
                    toast.reopen = open.filter(|_| done == Done::NoteDeleted);
                    self.chrome.toast = Some(toast);
                }
            }
            Command::SetSideTab(tab) => self.settings.side_tab = tab,
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                // Draw the new labels now, not on the next input.
                ctx.request_repaint();
            }
            Command::ShowAbout => self.windows.about = true,
            Command::ShowSettings => self.windows.settings = true,
            Command::ShowShortcuts => self.windows.shortcuts = true,
            Command::ShowOpen => self
                .windows
                .open
                .show(self.doc.as_ref().and_then(|d| d.path.clone())),
            Command::ShowExport => {
                if let Some(doc) = &self.doc {
                    self.windows.export.show(&doc.name, doc.path.as_deref());
                    self.windows.export.protected = doc
                        .path
                        .iter()
                        .cloned()
                        .chain(self.notes.notes().map(|n| n.path().to_path_buf()))
                        .collect();
                }
            }
            Command::ShowImport => {
                self.windows.import.open = true;
                self.windows.import.result = None;
            }
            Command::ShowFind => self.find.show(),
            Command::ShowStartPage(on) => self.start_page = on,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Open(path) => {
                // A review file opens its document with its notes.
                let (doc, notes) = crate::core::file::open::open_path(Some(path.clone()), None);
                match doc {
                    Ok(doc) => self.open_document(ctx, doc, notes),
                    Err(err) => {
                        let message = self.strings().open_error(&err);
                        self.windows.open.set_error(message);
                        self.failed_path = Some(path);
                    }
                }
            }
            Command::OpenEmbedded => self.open_document(ctx, Document::embedded(), None),
            Command::ReopenWithEncoding(encoding) => self.reopen_with_encoding(ctx, encoding),
            Command::Export {
                format,
                scope,
                path,
            } => {
                let s = self.strings();
                let result = match (&self.doc, self.notes.notes()) {
                    (Some(doc), Some(notes)) => {
                        let lang = self.settings.lang;
                        files::export(doc, notes, &self.filter, format, scope, &path, lang, s)
                    }
                    _ => Err(s.err_no_document.to_owned()),
                };
                // Done is said in the status bar too (it stays when the
                // window is closed); a failure is said in the window.
                self.tell(files::exported(&result, s), false);
                self.windows.export.result = Some(result);
            }
            Command::Import(path) => {
                let s = self.strings();
                let result = match &self.doc {
                    Some(doc) if self.notes.notes().is_some() => {
                        files::import(&mut self.notes, now, doc, &path, s)
                    }
                    _ => Err(s.err_no_document.to_owned()),
                };
                let import = &mut self.windows.import;
                import.open = true;
                import.path = path.display().to_string();
                // The Import window shows the summary (a drop opens it too).
                self.windows.import.result = Some(result);
            }
            Command::OpenFolder(dir) => {
                let opened = files::open_folder(&dir, self.strings());
                self.tell(opened.err(), true);
            }
            Command::OpenNotesFolder => {
                if let Some(dir) = self.notes.folder() {
                    let opened = files::open_folder(dir, self.strings());
                    self.tell(opened.err(), true);
                }
            }
            Command::DismissMessage => self.message = None,
            Command::SaveNotes => {
                let said = self.notes.save_and_say(self.strings());
                self.tell(said, false);
            }
            Command::ShowSaveNotesAs => {
                let current = self.notes.notes().map(Notes::path);
                self.windows.save_notes_as.show(current);
            }
            Command::SaveNotesAs(path) => {
                let s = self.strings();
                match files::save_notes_as(&mut self.notes, &path, s) {
                    Ok(()) => self.windows.save_notes_as.close(),
                    Err(err) => {
                        let window = &mut self.windows.save_notes_as;
                        window.open = true;
                        window.path = path.display().to_string();
                        window.error = Some(err);
                    }
                }
            }
            Command::StartNewNotesFile => self.notes.start_new_file(now),
            Command::UseNotes(path) => {
                if let Some(doc) = self.doc.clone() {
                    self.open_document(ctx, doc, Some(path));
                }
            }
            Command::AddNote(range) => {
                if let Some(doc) = &self.doc {
                    let target = Target::range(doc, range.start, range.end);
                    self.add_note(now, target);
                }
            }
            Command::AddParagraphNote(index) => {
                if let Some(target) = self.doc.as_ref().and_then(|d| Target::paragraph(d, index)) {
                    self.add_note(now, target);
                }
            }
            Command::Edit(edit) => {
                self.notes.edit(now, *edit);
            }
            // Committed above.
            Command::CommitDraft => {}
            Command::SetNoteColor(color) => self.notes.set_color(now, color),
            Command::Undo | Command::Redo => {
                let reopen = self.chrome.toast.take().and_then(|t| t.reopen);
                self.timeline_state.draft = None;
                let undone = self.notes.undo(now, command == Command::Redo);
                if let Some(id) = reopen.filter(|_| undone && command == Command::Undo)
                    && self.notes.open_editor(&id, false)
                {
                    self.chrome.set_side(&mut self.settings, true);
                }
            }
            Command::OpenNote { id, reveal } => {
                if self.notes.open_editor(&id, false) {
                    self.chrome.set_side(&mut self.settings, true);
                    if reveal
                        && let Some(position) = self
                            .notes()
                            .and_then(|n| n.store().anchor_of(&id))
                            .and_then(|a| a.position())
                    {
                        self.reader.reveal(position, now);
                    }
                }
            }
            Command::CloseEditor => self.notes.close_editor(),
            Command::Reattach(id) => {
                let range = self.reader.selected_range();
                if let (Some(doc), Some(range), Some(note)) =
                    (&self.doc, range, self.notes.note(&id))
                {
                    let mut note = note.clone();
                    note.target = Target::range(doc, range.start, range.end);
                    self.notes.edit(now, Edit::Update(note));
                    let said = self.strings().msg_reattached.to_owned();
                    self.tell(Some(said), false);
                }
            }
            Command::ConfirmPlace(id) => {
                if let Some(doc) = &self.doc
                    && self.notes.confirm_place(now, doc, &id)
                {
                    let said = self.strings().msg_place_confirmed.to_owned();
                    self.tell(Some(said), false);
                }
            }
            Command::SetTimeline(timeline) => {
                self.timeline_state.draft = None;
                self.notes.edit(now, Edit::SetTimeline(timeline));
            }
            Command::OpenEvent(index) => {
                self.timeline_state.open = Some(index);
                self.timeline_state.draft = None;
                let first = self
                    .timeline_view
                    .as_ref()
                    .and_then(|v| v.first_evidence(index));
                if let Some(range) = first {
                    self.reader.reveal(range, now);
                }
            }
            Command::Reveal(range) => {
                self.reader.selection = Some(Selection::new(range.start, range.end));
                self.reader.reveal(range, now);
            }
            Command::ScrollTo(range) => self.reader.scroll_to_range(range),
            Command::AddEventFromSelection => self.add_event_from_selection(now),
            Command::AddEvidence(index) => self.add_evidence(now, index),
        }
    }

    /// Remember the open document in the recent files and go back to where
    /// the reader was in it last time.
    fn document_opened(&mut self) {
        let Some(doc) = &self.doc else { return };
        if let Some(path) = &doc.path {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            self.settings.remember_recent(path);
        }
        if let Some(at) = self.settings.position_of(&doc.clean_sha256)
            && at > 0
        {
            self.reader.scroll_to_top(at);
        }
    }

    /// Show `doc` with its notes (from `notes` when given, else from its
    /// usual review file), saving the notes of the document shown before.
    fn open_document(&mut self, ctx: &egui::Context, doc: Document, notes: Option<PathBuf>) {
        self.notes.save();
        self.remember_position();
        self.notes = NotesState::open(&doc, notes.as_deref());
        self.doc = Some(doc);
        self.error = None;
        self.failed_path = None;
        self.start_page = false;
        self.find_index = None;
        self.find.invalidate();
        self.timeline_view = None;
        self.timeline_state = TimelineState::default();
        self.reader = ReaderState::default();
        self.display.clear();
        self.windows.open.close();
        self.document_opened();
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
    }

    /// The document file File → Reopen with Encoding reads again: the file
    /// that last failed to open (until another opens), else the open
    /// document's; `None` for the embedded article.
    #[must_use]
    pub fn reopen_path(&self) -> Option<&std::path::Path> {
        self.failed_path
            .as_deref()
            .or_else(|| self.doc.as_ref().and_then(|d| d.path.as_deref()))
    }

    /// Read the document file again in `encoding`, with the notes file in
    /// use (its notes find their words again in the new text).
    fn reopen_with_encoding(&mut self, ctx: &egui::Context, encoding: &'static Encoding) {
        let Some(path) = self.reopen_path().map(std::path::Path::to_path_buf) else {
            let message = self.strings().err_reopen_no_file.to_owned();
            self.windows.open.set_error(message);
            return;
        };
        // The notes file in use, when it is the same document read again.
        let same = self.doc.as_ref().and_then(|d| d.path.as_deref()) == Some(path.as_path());
        let notes = self
            .notes
            .notes()
            .filter(|_| same)
            .map(|n| n.path().to_path_buf());
        let (doc, notes) = crate::core::file::open::open_path_as(Some(path), notes, Some(encoding));
        match doc {
            Ok(doc) => self.open_document(ctx, doc, notes),
            Err(err) => {
                let message = self.strings().open_error(&err);
                if self.doc.is_some() {
                    self.windows.open.set_error(message);
                } else {
                    self.error = Some(message);
                }
            }
        }
    }

    /// Add a note on `target` and open it in the editor.
    fn add_note(&mut self, now: f64, target: Target) {
        let (start, end) = (target.position.start, target.position.end);
        let note = Note::new(target, String::new(), self.settings.author.clone());
        let id = note.id.clone();
        self.notes.edit(now, Edit::Add(note));
        if self.notes.open_editor(&id, true) {
            self.chrome.set_side(&mut self.settings, true);
        }
        // The caret after the noted words, where reading goes on.
        self.reader.selection = Some(Selection::new(end, end));
        self.reader.keep_in_view(start);
    }

    /// Add a timeline event whose evidence is the selection, and open it.
    fn add_event_from_selection(&mut self, now: f64) {
        let range = self.reader.selected_range();
        let current = self.timeline_view.as_ref().map(|v| v.timeline.clone());
        if let (Some(doc), Some(range), Some(mut timeline)) = (&self.doc, range, current) {
            timeline
                .events
                .push(new_event_from_selection(doc, range.start, range.end));
            let index = timeline.events.len() - 1;
            self.notes
                .edit(now, Edit::SetTimeline(Some(Box::new(timeline))));
            self.timeline_state.open = Some(index);
            self.timeline_state.draft = None;
            self.settings.side_tab = SideTab::Timeline;
        }
    }

    /// Add the selection as evidence of event `index`.
    fn add_evidence(&mut self, now: f64, index: usize) {
        let range: Option<TextPosition> = self.reader.selected_range();
        let current = self.timeline_view.as_ref().map(|v| v.timeline.clone());
        if let (Some(doc), Some(range), Some(mut timeline)) = (&self.doc, range, current)
            && let Some(event) = timeline.events.get_mut(index)
        {
            event
                .evidence
                .push(Target::range(doc, range.start, range.end));
            self.timeline_state.draft = None;
            self.notes
                .edit(now, Edit::SetTimeline(Some(Box::new(timeline))));
        }
    }
}

/// The window title for `doc`: "name — Pizhu 批注".
#[must_use]
pub fn title(doc: Option<&Document>) -> String {
    match doc {
        Some(d) => format!("{} — Pizhu 批注", d.name),
        None => "Pizhu 批注".to_owned(),
    }
}
