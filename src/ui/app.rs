//! The app shell: holds the state, draws the panels, then applies the commands
//! the panels emitted. Views never mutate state while drawing.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use serde::{Deserialize, Serialize};

use crate::core::notes::filter::NoteFilter;
use crate::core::notes::note::{Note, Target, TextPosition, os_user_name};
use crate::core::notes::session::Notes;
use crate::core::notes::store::Edit;
use crate::core::text::document::Document;
use crate::core::text::find::FindIndex;
use crate::core::text::words::WordSegmenter;
use crate::core::timeline::{Timeline, new_event_from_selection};
use crate::ui::evidence::EvidenceSpan;
use crate::ui::export_window::{ExportRequest, ExportState, ImportState, Scope};
use crate::ui::find_bar::{FindState, find_bar_ui};
use crate::ui::fonts::{self, InstalledSlot, ReadingFont};
use crate::ui::i18n::{self, Lang, Strings, fill};
use crate::ui::notes_panel::{EditorState, ListCache, PanelAction, notes_panel_ui};
use crate::ui::reader::{ReaderAction, ReaderState, ReaderView, reader_ui};
use crate::ui::timeline_panel::{TimelineAction, TimelineState, people_ui, timeline_ui};
use crate::ui::{about, export_window, open, settings_window, status, theme};

/// Seconds after the last change before notes are saved (the goal is within 1 s).
const AUTOSAVE_AFTER_SECONDS: f64 = 0.5;

/// Key under which [`Settings`] are stored by eframe.
const SETTINGS_KEY: &str = "pizhu-settings";

/// User choices that survive a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading text size in points.
    pub reading_size: f32,
    /// Show the scraped pinyin as ruby above its characters.
    pub show_ruby: bool,
    /// Light, dark, or follow the system.
    pub theme: ThemeChoice,
    /// The font the article is read in.
    pub reading_font: ReadingFont,
    /// The author written on new notes.
    pub author: String,
    /// Show the side panel (notes, timeline, people).
    pub show_notes: bool,
    /// Which tab of the side panel is shown.
    pub side_tab: SideTab,
    /// Show the text as it is, or converted to simplified or traditional.
    pub script: Script,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
    /// Width of the reading column in CJK characters.
    pub column_chars: f32,
    /// Recently opened files, newest first (at most [`RECENT_MAX`]).
    pub recent: Vec<PathBuf>,
    /// Reading position (first visible char) per document, by clean-text hash.
    pub positions: Vec<(String, usize)>,
    /// The interface language. Settings saved before there was a choice
    /// take the system's, as a first start does.
    #[serde(default = "Lang::system")]
    pub lang: Lang,
}

/// How many recent files are remembered.
pub const RECENT_MAX: usize = 10;
/// How many documents' reading positions are remembered.
const POSITIONS_MAX: usize = 100;

/// Which characters the text is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Script {
    /// As in the file.
    #[default]
    Original,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters (繁體).
    Traditional,
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// The note editor and the notes list.
    #[default]
    Notes,
    /// The timeline of the day.
    Timeline,
    /// Who's who.
    People,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reading_size: theme::READING_SIZE,
            show_ruby: false,
            theme: ThemeChoice::System,
            reading_font: ReadingFont::Serif,
            author: os_user_name(),
            show_notes: true,
            side_tab: SideTab::Notes,
            script: Script::Original,
            line_spacing: theme::LINE_HEIGHT,
            column_chars: theme::COLUMN_CHARS,
            recent: Vec::new(),
            positions: Vec::new(),
            // Not the system's: tests and `Default` stay the same everywhere;
            // a first start picks the system's in `load_settings`.
            lang: Lang::En,
        }
    }
}

/// The color theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Light theme.
    Light,
    /// Dark theme.
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Something the user asked for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Make the reading text one step larger.
    ZoomIn,
    /// Make the reading text one step smaller.
    ZoomOut,
    /// Back to the default reading size.
    ZoomReset,
    /// Show or hide pinyin ruby.
    SetRuby(bool),
    /// Switch theme.
    SetTheme(ThemeChoice),
    /// Switch the reading font.
    SetReadingFont(ReadingFont),
    /// Open a document from a path.
    Open(PathBuf),
    /// Show the About window.
    ShowAbout,
    /// Show the Open window.
    ShowOpen,
    /// Show the Settings window.
    ShowSettings,
    /// Change the author written on new notes.
    SetAuthor(String),
    /// Add a note on a range of the clean text and open it in the editor.
    AddNote(TextPosition),
    /// Add a note on a whole paragraph (0-based) and open it in the editor.
    AddParagraphNote(usize),
    /// Change the notes (undoable).
    Edit(Box<Edit>),
    /// Undo the last change to the notes.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open a note in the editor; with `reveal`, also scroll to it and flash it.
    OpenNote {
        /// The note's id.
        id: String,
        /// Scroll the article to the note.
        reveal: bool,
    },
    /// Close the note editor.
    CloseEditor,
    /// Attach an orphaned note to the current selection.
    Reattach(String),
    /// Keep the damaged notes file under a new name and start a new one.
    StartNewNotesFile,
    /// Save the notes now.
    SaveNotes,
    /// Open the folder that holds the notes file.
    OpenNotesFolder,
    /// Show or hide the notes panel.
    SetNotesPanel(bool),
    /// Switch the side panel's tab.
    SetSideTab(SideTab),
    /// Replace the edited timeline; `None` goes back to the shipped one (undoable).
    SetTimeline(Option<Box<Timeline>>),
    /// Open a timeline event and show its evidence.
    OpenEvent(usize),
    /// Scroll the article to a range and flash it.
    Reveal(TextPosition),
    /// Add a timeline event whose evidence is the selection.
    AddEventFromSelection,
    /// Add the selection as evidence of an event.
    AddEvidence(usize),
    /// Show the Export window.
    ShowExport,
    /// Show the Import window.
    ShowImport,
    /// Write an export.
    Export {
        /// Format.
        format: crate::core::export::Format,
        /// Which notes.
        scope: Scope,
        /// Destination.
        path: PathBuf,
    },
    /// Import annotations from a file and merge them into the notes.
    Import(PathBuf),
    /// Open a folder in the file manager.
    OpenFolder(PathBuf),
    /// Show the text as it is, simplified or traditional.
    SetScript(Script),
    /// Change the line height (multiple of the text size).
    SetLineSpacing(f32),
    /// Change the reading column width (CJK characters).
    SetColumnChars(f32),
    /// Show the keyboard shortcuts (F1).
    ShowShortcuts,
    /// Close the window; eframe then calls `save` and `on_exit`, which save
    /// the settings and the notes.
    Quit,
    /// Show or leave the start page (the built-in article, recent files).
    ShowStartPage(bool),
    /// Open the built-in agreement article.
    OpenEmbedded,
    /// Switch the interface language.
    SetLang(Lang),
}

/// The timeline as shown: recomputed when the notes' revision changes.
struct TimelineView {
    revision: u64,
    timeline: Timeline,
    evidence: Vec<EvidenceSpan>,
    mentions: Vec<(String, Vec<TextPosition>)>,
    has_shipped: bool,
    /// The review file holds an edited timeline (so "reset" has something to do).
    edited: bool,
}

/// Measures start-up: set `PIZHU_FIRST_FRAME=1` to print the time to the first
/// painted frame and exit; `PIZHU_TRACE_FRAMES=1` prints one line per frame, to
/// check that nothing repaints while idle.
#[derive(Debug)]
struct Probe {
    started: Instant,
    exit_after_first_frame: bool,
    trace_frames: bool,
    frames: u64,
}

/// The whole application state.
pub struct PizhuApp {
    settings: Settings,
    doc: Option<Document>,
    /// Why the last open failed, shown in the window.
    error: Option<String>,
    commands: Vec<Command>,
    installed: Option<InstalledSlot>,
    about_open: bool,
    open_state: open::OpenState,
    /// The reading font whose definitions are installed in the context.
    fonts_for: Option<ReadingFont>,
    probe: Probe,
    /// The notes of the open document and where they are saved.
    notes: Option<Notes>,
    /// The notes file named on the command line (`--notes`), if any.
    notes_path: Option<PathBuf>,
    /// When the notes last changed without being saved (egui time).
    unsaved_since: Option<f64>,
    reader: ReaderState,
    editor: EditorState,
    filter: NoteFilter,
    /// The notes list's filtered notes, kept between frames.
    list_cache: ListCache,
    settings_open: bool,
    /// Jieba's dictionary takes a moment to load; it is loaded once, on first use.
    words: Arc<OnceLock<WordSegmenter>>,
    timeline_state: TimelineState,
    timeline_view: Option<TimelineView>,
    export_state: ExportState,
    import_state: ImportState,
    find: FindState,
    /// The open document folded for find (built on first use).
    find_index: Option<FindIndex>,
    /// The paragraphs converted for the 简/繁 view, for the script they were made for.
    display: Option<(Script, Vec<String>)>,
    shortcuts_open: bool,
    /// The start page is shown instead of the document.
    start_page: bool,
}

impl PizhuApp {
    /// Prepare an egui context for the app: fonts, theme, text sizes, shortcuts.
    ///
    /// Call it once before the first frame (eframe's creation closure, or a
    /// test harness's context setup), so that the first frame has CJK fonts.
    pub fn setup_context(ctx: &egui::Context, settings: &Settings) {
        // Ctrl+=/Ctrl+-/Ctrl+0 zoom the reading text, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(settings.theme.preference());
        ctx.all_styles_mut(|style| {
            for font in style.text_styles.values_mut() {
                if font.size > 12.0 && font.size < 16.0 {
                    font.size = theme::UI_TEXT_SIZE;
                }
            }
        });
        // An installed reading font is applied once the background scan finds it.
        let reading = match &settings.reading_font {
            ReadingFont::Installed(_) => ReadingFont::Serif,
            other => other.clone(),
        };
        ctx.set_fonts(fonts::definitions(&reading, None));
    }

    /// Build the app around a document (or the error that prevented opening one).
    ///
    /// The context must have been prepared with [`Self::setup_context`].
    #[must_use]
    pub fn new(
        doc: Result<Document, String>,
        settings: Settings,
        notes_path: Option<PathBuf>,
    ) -> Self {
        let notes = doc
            .as_ref()
            .ok()
            .map(|doc| Notes::open(doc, notes_path.as_deref()));
        let (doc, error) = match doc {
            Ok(doc) => (Some(doc), None),
            Err(err) => (None, Some(err)),
        };
        let fonts_for = match settings.reading_font {
            ReadingFont::Installed(_) => None,
            ref other => Some(other.clone()),
        };
        Self {
            settings,
            doc,
            error,
            commands: Vec::new(),
            installed: None,
            about_open: false,
            open_state: open::OpenState::default(),
            fonts_for,
            notes,
            notes_path,
            unsaved_since: None,
            reader: ReaderState::default(),
            editor: EditorState::default(),
            filter: NoteFilter::default(),
            list_cache: ListCache::default(),
            settings_open: false,
            words: Arc::new(OnceLock::new()),
            timeline_state: TimelineState::default(),
            timeline_view: None,
            export_state: ExportState::default(),
            import_state: ImportState::default(),
            find: FindState::default(),
            find_index: None,
            display: None,
            shortcuts_open: false,
            start_page: false,
            probe: Probe {
                started: Instant::now(),
                exit_after_first_frame: false,
                trace_frames: std::env::var_os("PIZHU_TRACE_FRAMES").is_some(),
                frames: 0,
            },
        }
    }

    /// Remember the open document in the recent files and go back to where
    /// the reader was in it last time.
    fn document_opened(&mut self) {
        let Some(doc) = &self.doc else { return };
        if let Some(path) = &doc.path {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            self.settings.recent.retain(|p| *p != path);
            self.settings.recent.insert(0, path);
            self.settings.recent.truncate(RECENT_MAX);
        }
        if let Some((_, at)) = self
            .settings
            .positions
            .iter()
            .find(|(hash, _)| *hash == doc.clean_sha256)
            && *at > 0
        {
            self.reader.scroll_to_top(*at);
        }
    }

    /// Note where the reader is in the open document.
    fn remember_position(&mut self) {
        let Some(doc) = &self.doc else { return };
        let at = self.reader.top_char;
        self.settings
            .positions
            .retain(|(hash, _)| *hash != doc.clean_sha256);
        self.settings
            .positions
            .insert(0, (doc.clean_sha256.clone(), at));
        self.settings.positions.truncate(POSITIONS_MAX);
    }

    /// Convert the paragraphs for the chosen script, once per script and document.
    fn refresh_display(&mut self) {
        let Some(doc) = self.doc.as_ref() else { return };
        let script = self.settings.script;
        if script == Script::Original {
            return;
        }
        if self.display.as_ref().is_none_or(|(s, _)| *s != script) {
            let convert = match script {
                Script::Simplified => crate::core::text::words::simplified_shadow,
                _ => crate::core::text::words::traditional_shadow,
            };
            let paragraphs = (0..doc.paragraphs.len())
                .map(|i| convert(doc.paragraph_text(i)))
                .collect();
            self.display = Some((script, paragraphs));
        }
    }

    /// Restore settings saved by a previous run; at first start (nothing
    /// saved yet) the defaults, in the system's language.
    #[must_use]
    pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
        storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_else(|| Settings {
                lang: Lang::system(),
                ..Settings::default()
            })
    }

    /// The strings of the interface language.
    #[must_use]
    pub fn strings(&self) -> &'static Strings {
        i18n::strings(self.settings.lang)
    }

    /// Start the installed-font scan in the background (the real window only).
    pub fn start_font_scan(&mut self, ctx: &egui::Context) {
        self.installed = Some(fonts::start_scan(ctx));
    }

    /// Measure start-up from `started`; exit after the first frame if asked.
    pub fn set_probe(&mut self, started: Instant, exit_after_first_frame: bool) {
        self.probe.started = started;
        self.probe.exit_after_first_frame = exit_after_first_frame;
    }

    /// The current settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The open document, if any.
    #[must_use]
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    /// The notes of the open document.
    #[must_use]
    pub fn notes(&self) -> Option<&Notes> {
        self.notes.as_ref()
    }

    /// The timeline as shown (the edited one, or the shipped one).
    #[must_use]
    pub fn timeline(&self) -> Option<&Timeline> {
        self.timeline_view.as_ref().map(|v| &v.timeline)
    }

    /// The open timeline event.
    #[must_use]
    pub fn open_event(&self) -> Option<usize> {
        self.timeline_state.open
    }

    /// The first char visible at the top of the reader (the reading position).
    #[must_use]
    pub fn reading_position(&self) -> usize {
        self.reader.top_char
    }

    /// The reader's current selection, if any.
    #[must_use]
    pub fn selection(&self) -> Option<TextPosition> {
        self.reader.selected_range()
    }

    /// The id of the note open in the editor.
    #[must_use]
    pub fn open_note(&self) -> Option<&str> {
        self.editor.note_id.as_deref()
    }

    /// Load the word dictionary on a background thread, so the first
    /// double-click does not wait for it.
    pub fn preload_words(&self) {
        let words = Arc::clone(&self.words);
        let _ = std::thread::Builder::new()
            .name("pizhu-words".into())
            .spawn(move || {
                words.get_or_init(WordSegmenter::new);
            });
    }

    /// The error shown instead of a document, if any.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Draw one frame, then apply what the user asked for.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        if self.probe.frames == 0 {
            self.document_opened();
        }
        let s = self.strings();
        self.frame_probe(ui.ctx());
        self.shortcuts(ui.ctx());
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| {
            let notes = self.notes.as_ref().map(|n| status::NotesStatus {
                path: n.path(),
                state: n.state_text(),
                broken: n.is_broken(),
            });
            let actions = status::status_ui(ui, self.doc.as_ref(), notes, s);
            self.commands.extend(actions.into_iter().map(|a| match a {
                status::StatusAction::OpenFolder => Command::OpenNotesFolder,
                status::StatusAction::StartNewNotesFile => Command::StartNewNotesFile,
            }));
        });
        self.refresh_timeline();
        if self.settings.show_notes && self.notes.is_some() {
            egui::Panel::right("notes")
                .default_size(theme::NOTES_PANEL_WIDTH)
                .size_range(theme::NOTES_PANEL_WIDTH * 0.7..=theme::NOTES_PANEL_WIDTH * 2.0)
                .resizable(true)
                .show(ui, |ui| self.side_panel_ui(ui));
        }
        if let Some(notes) = &self.notes
            && let Some(message) = notes.problem()
        {
            let broken = notes.is_broken();
            egui::Panel::top("notes-banner").show(ui, |ui| {
                let actions = status::notes_banner_ui(ui, &message, broken, s);
                self.commands.extend(actions.into_iter().map(|a| match a {
                    status::StatusAction::OpenFolder => Command::OpenNotesFolder,
                    status::StatusAction::StartNewNotesFile => Command::StartNewNotesFile,
                }));
            });
        }
        if self.find.open
            && let Some(doc) = &self.doc
        {
            let index = self
                .find_index
                .get_or_insert_with(|| FindIndex::new(doc.text()));
            egui::Panel::top("find").show(ui, |ui| {
                if let Some(range) = find_bar_ui(ui, &mut self.find, index, s) {
                    self.reader.scroll_to_range(range);
                }
            });
        }
        self.refresh_display();
        let display = self
            .display
            .as_ref()
            .filter(|(s, _)| *s == self.settings.script && *s != Script::Original)
            .map(|(_, p)| p.as_slice());
        egui::CentralPanel::no_frame().show(ui, |ui| match (&self.doc, &self.error) {
            _ if self.start_page || (self.doc.is_none() && self.error.is_none()) => {
                let actions = start_page_ui(ui, s, &self.settings.recent, self.doc.is_some());
                self.commands.extend(actions);
            }
            (Some(doc), _) => {
                let words = &*self.words;
                let actions = reader_ui(
                    ui,
                    doc,
                    ReaderView {
                        size: self.settings.reading_size,
                        ruby: self.settings.show_ruby,
                        store: self.notes.as_ref().map(Notes::store),
                        selected_note: self.editor.note_id.as_deref(),
                        evidence: self
                            .timeline_view
                            .as_ref()
                            .map_or(&[], |v| v.evidence.as_slice()),
                        timeline: self.timeline_view.as_ref().map(|v| &v.timeline),
                        open_event: self.timeline_state.open,
                        find_matches: if self.find.open {
                            &self.find.matches
                        } else {
                            &[]
                        },
                        find_current: self.find.current_match().filter(|_| self.find.open),
                        line_spacing: self.settings.line_spacing,
                        column_chars: self.settings.column_chars,
                        display,
                        words,
                        strings: s,
                    },
                    &mut self.reader,
                );
                self.commands.extend(actions.into_iter().map(|a| match a {
                    ReaderAction::NoteRange(range) => Command::AddNote(range),
                    ReaderAction::NoteParagraph(i) => Command::AddParagraphNote(i),
                    ReaderAction::OpenNote(id) => Command::OpenNote { id, reveal: false },
                }));
            }
            (None, Some(err)) => error_ui(ui, err, s),
            (None, None) => {
                ui.label(s.no_document_hint);
            }
        });
        let ctx = ui.ctx().clone();
        about::about_window_ui(&ctx, &mut self.about_open, s);
        about::shortcuts_window_ui(&ctx, &mut self.shortcuts_open, s);
        match settings_window::settings_window_ui(
            &ctx,
            &mut self.settings_open,
            &self.settings.author,
            self.settings.lang,
            s,
        ) {
            Some(settings_window::SettingsChange::Author(author)) => {
                self.commands.push(Command::SetAuthor(author));
            }
            Some(settings_window::SettingsChange::Lang(lang)) => {
                self.commands.push(Command::SetLang(lang));
            }
            None => {}
        }
        if let Some(path) = open::open_window_ui(&ctx, &mut self.open_state, s) {
            self.commands.push(Command::Open(path));
        }
        // Counting the filtered notes is a pass over all of them: only while
        // the Export window shows the counts.
        let counts = match &self.notes {
            Some(n) if self.export_state.open => {
                (n.store().notes().len(), self.filter.apply(n.store()).len())
            }
            _ => (0, 0),
        };
        match export_window::export_window_ui(&ctx, &mut self.export_state, counts, s) {
            Some(ExportRequest::Export {
                format,
                scope,
                path,
            }) => self.commands.push(Command::Export {
                format,
                scope,
                path,
            }),
            Some(ExportRequest::OpenFolder(dir)) => self.commands.push(Command::OpenFolder(dir)),
            None => {}
        }
        if let Some(path) = export_window::import_window_ui(&ctx, &mut self.import_state, s) {
            self.commands.push(Command::Import(path));
        }
        self.dropped_files(&ctx);
        self.apply_commands(&ctx);
        self.autosave(&ctx);
    }

    fn side_panel_ui(&mut self, ui: &mut Ui) {
        let s = self.strings();
        ui.horizontal(|ui| {
            for (tab, label) in [
                (SideTab::Notes, s.tab_notes),
                (SideTab::Timeline, s.tab_timeline),
                (SideTab::People, s.tab_people),
            ] {
                if ui
                    .selectable_label(self.settings.side_tab == tab, label)
                    .clicked()
                {
                    self.commands.push(Command::SetSideTab(tab));
                }
            }
        });
        ui.separator();
        let has_selection = self.reader.selected_range().is_some();
        match self.settings.side_tab {
            SideTab::Notes => {
                let Some(notes) = &self.notes else { return };
                let actions = notes_panel_ui(
                    ui,
                    notes.store(),
                    &mut self.editor,
                    &mut self.filter,
                    &mut self.list_cache,
                    has_selection,
                    s,
                );
                self.commands.extend(actions.into_iter().map(|a| match a {
                    PanelAction::Update(note) => Command::Edit(Box::new(Edit::Update(*note))),
                    PanelAction::Delete(id) => Command::Edit(Box::new(Edit::Delete(id))),
                    PanelAction::Reveal(id) => Command::OpenNote { id, reveal: true },
                    PanelAction::Reattach(id) => Command::Reattach(id),
                    PanelAction::CloseEditor => Command::CloseEditor,
                }));
            }
            SideTab::Timeline | SideTab::People => {
                let Some(view) = &self.timeline_view else {
                    return;
                };
                let actions = if self.settings.side_tab == SideTab::Timeline {
                    timeline_ui(
                        ui,
                        &view.timeline,
                        &view.evidence,
                        &mut self.timeline_state,
                        has_selection,
                        view.has_shipped && view.edited,
                        s,
                    )
                } else {
                    people_ui(
                        ui,
                        &view.timeline,
                        &view.mentions,
                        &mut self.timeline_state,
                        s,
                    )
                };
                self.commands.extend(actions.into_iter().map(|a| match a {
                    TimelineAction::Set(t) => Command::SetTimeline(Some(t)),
                    TimelineAction::Reset => Command::SetTimeline(None),
                    TimelineAction::Open(i) => Command::OpenEvent(i),
                    TimelineAction::Reveal(r) => Command::Reveal(r),
                    TimelineAction::AddFromSelection => Command::AddEventFromSelection,
                    TimelineAction::AddEvidence(i) => Command::AddEvidence(i),
                }));
            }
        }
    }

    /// Rebuild the shown timeline when the notes (and so the timeline) changed.
    fn refresh_timeline(&mut self) {
        let (Some(doc), Some(notes)) = (&self.doc, &self.notes) else {
            self.timeline_view = None;
            return;
        };
        let revision = notes.store().revision();
        if self
            .timeline_view
            .as_ref()
            .is_some_and(|v| v.revision == revision)
        {
            return;
        }
        // The store already indexes the document's text for anchoring notes.
        let index = notes.store().text_index();
        let timeline = notes.timeline(doc);
        let evidence = timeline
            .events
            .iter()
            .enumerate()
            .flat_map(|(event, e)| e.evidence.iter().map(move |target| (event, target)))
            .map(|(event, target)| EvidenceSpan {
                range: crate::core::anchor::anchor(index, target).position(),
                event,
            })
            .collect();
        let mentions = timeline
            .people
            .iter()
            .map(|p| (p.id.clone(), p.mentions(doc)))
            .collect();
        self.timeline_view = Some(TimelineView {
            revision,
            has_shipped: notes.has_shipped(doc),
            edited: notes.store().timeline().is_some(),
            timeline,
            evidence,
            mentions,
        });
    }

    /// Save the notes shortly after the last change (within a second).
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(since) = self.unsaved_since else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if now - since >= AUTOSAVE_AFTER_SECONDS {
            self.save_notes();
            // One more frame so the status bar shows "saved" (then idle again).
            ctx.request_repaint();
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                AUTOSAVE_AFTER_SECONDS - (now - since) + 0.01,
            ));
        }
    }

    /// Save the notes now (autosave, exit, Ctrl+S).
    pub fn save_notes(&mut self) {
        self.unsaved_since = None;
        if let Some(notes) = self.notes.as_mut() {
            notes.save();
        }
    }

    fn frame_probe(&mut self, ctx: &egui::Context) {
        self.probe.frames += 1;
        let elapsed = self.probe.started.elapsed();
        if self.probe.trace_frames {
            eprintln!(
                "pizhu: frame {} at {} ms",
                self.probe.frames,
                elapsed.as_millis()
            );
        }
        if self.probe.exit_after_first_frame {
            if self.probe.frames == 1 {
                // The first frame is painted after this pass; the next pass starts after it.
                ctx.request_repaint();
            } else if self.probe.frames == 2 {
                println!("first frame after {:.1} ms", elapsed.as_secs_f64() * 1000.0);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let zoom_in = [
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
        ];
        let zoom_out = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
        let reset = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let ruby = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
        let script = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let redo = [
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        ];
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        let export = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        // While a text field has focus, Ctrl+Z belongs to the field.
        let in_text_field = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if zoom_in.iter().any(|s| i.consume_shortcut(s)) {
                self.commands.push(Command::ZoomIn);
            }
            if i.consume_shortcut(&zoom_out) {
                self.commands.push(Command::ZoomOut);
            }
            if i.consume_shortcut(&reset) {
                self.commands.push(Command::ZoomReset);
            }
            if i.consume_shortcut(&script) {
                let next = match self.settings.script {
                    Script::Original => Script::Simplified,
                    Script::Simplified => Script::Traditional,
                    Script::Traditional => Script::Original,
                };
                self.commands.push(Command::SetScript(next));
            }
            if i.consume_shortcut(&ruby) {
                self.commands
                    .push(Command::SetRuby(!self.settings.show_ruby));
            }
            for (key, tab) in [
                (Key::Num1, SideTab::Notes),
                (Key::Num2, SideTab::Timeline),
                (Key::Num3, SideTab::People),
            ] {
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                    self.commands.push(Command::SetNotesPanel(true));
                    self.commands.push(Command::SetSideTab(tab));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                self.commands.push(Command::ShowShortcuts);
            }
            if i.consume_shortcut(&find) {
                self.find.show();
            }
            if i.consume_shortcut(&export) {
                self.commands.push(Command::ShowExport);
            }
            if i.consume_shortcut(&quit) {
                // Not `ctx.send_viewport_cmd` here: the input lock is held, and
                // the context cannot be locked again inside it.
                self.commands.push(Command::Quit);
            }
            if i.consume_shortcut(&save) {
                self.commands.push(Command::SaveNotes);
            }
            if !in_text_field {
                // Check redo first: Ctrl+Shift+Z also matches Ctrl+Z logically.
                if redo.iter().any(|s| i.consume_shortcut(s)) {
                    self.commands.push(Command::Redo);
                } else if i.consume_shortcut(&undo) {
                    self.commands.push(Command::Undo);
                }
            }
            if i.consume_shortcut(&open) {
                self.commands.push(Command::ShowOpen);
            }
        });
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let s = self.strings();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(s.menu_file, |ui| {
                if ui.button(s.menu_open).clicked() {
                    self.commands.push(Command::ShowOpen);
                }
                if ui.button(s.start_page).clicked() {
                    self.commands.push(Command::ShowStartPage(true));
                }
                ui.menu_button(s.menu_open_recent, |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(s.menu_no_recent);
                    }
                    for path in self.settings.recent.clone() {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            self.commands.push(Command::Open(path));
                        }
                    }
                });
                if ui.button(s.menu_export).clicked() {
                    self.commands.push(Command::ShowExport);
                }
                if ui.button(s.menu_import).clicked() {
                    self.commands.push(Command::ShowImport);
                }
                if ui.button(s.menu_save_notes).clicked() {
                    self.commands.push(Command::SaveNotes);
                }
                if ui.button(s.menu_open_notes_folder).clicked() {
                    self.commands.push(Command::OpenNotesFolder);
                }
                if ui.button(s.menu_quit).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button(s.menu_edit, |ui| self.edit_menu_ui(ui, s));
            if ui.button(s.menu_find).on_hover_text("Ctrl+F").clicked() {
                self.find.show();
            }
            ui.menu_button(s.menu_view, |ui| self.view_menu_ui(ui, s));
            ui.menu_button(s.menu_help, |ui| {
                if ui.button(s.menu_shortcuts).clicked() {
                    self.commands.push(Command::ShowShortcuts);
                }
                if ui.button(s.menu_about).clicked() {
                    self.commands.push(Command::ShowAbout);
                }
            });
            ui.separator();
            let selection = self.reader.selected_range();
            if ui
                .add_enabled(selection.is_some(), egui::Button::new(s.add_note))
                .on_hover_text(s.add_note_hover)
                .clicked()
                && let Some(range) = selection
            {
                self.commands.push(Command::AddNote(range));
            }
            let mut ruby = self.settings.show_ruby;
            if ui
                .toggle_value(&mut ruby, s.pinyin_ruby)
                .on_hover_text(s.pinyin_ruby_hover)
                .changed()
            {
                self.commands.push(Command::SetRuby(ruby));
            }
        });
    }

    fn edit_menu_ui(&mut self, ui: &mut Ui, s: &Strings) {
        let (can_undo, can_redo) = self.notes.as_ref().map_or((false, false), |n| {
            (n.store().can_undo(), n.store().can_redo())
        });
        if ui
            .add_enabled(can_undo, egui::Button::new(s.undo))
            .clicked()
        {
            self.commands.push(Command::Undo);
        }
        if ui
            .add_enabled(can_redo, egui::Button::new(s.redo))
            .clicked()
        {
            self.commands.push(Command::Redo);
        }
        ui.separator();
        let selection = self.reader.selected_range();
        if ui
            .add_enabled(selection.is_some(), egui::Button::new(s.add_note_shortcut))
            .clicked()
            && let Some(range) = selection
        {
            self.commands.push(Command::AddNote(range));
        }
        ui.separator();
        if ui.button(s.menu_settings).clicked() {
            self.commands.push(Command::ShowSettings);
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui, s: &Strings) {
        ui.label(s.view_characters);
        for (script, label) in [
            (Script::Original, s.script_original),
            (Script::Simplified, s.script_simplified),
            (Script::Traditional, s.script_traditional),
        ] {
            if ui.radio(self.settings.script == script, label).clicked() {
                self.commands.push(Command::SetScript(script));
            }
        }
        ui.separator();
        let mut spacing = self.settings.line_spacing;
        if ui
            .add(egui::Slider::new(&mut spacing, 1.2..=3.0).text(s.line_spacing))
            .changed()
        {
            self.commands.push(Command::SetLineSpacing(spacing));
        }
        let mut width = self.settings.column_chars;
        if ui
            .add(
                egui::Slider::new(&mut width, 15.0..=80.0)
                    .step_by(1.0)
                    .text(s.line_width),
            )
            .changed()
        {
            self.commands.push(Command::SetColumnChars(width));
        }
        ui.separator();
        let mut show_notes = self.settings.show_notes;
        if ui.checkbox(&mut show_notes, s.notes_panel).changed() {
            self.commands.push(Command::SetNotesPanel(show_notes));
        }
        let mut ruby = self.settings.show_ruby;
        if ui.checkbox(&mut ruby, s.show_ruby).changed() {
            self.commands.push(Command::SetRuby(ruby));
        }
        ui.separator();
        if ui.button(s.zoom_in).clicked() {
            self.commands.push(Command::ZoomIn);
        }
        if ui.button(s.zoom_out).clicked() {
            self.commands.push(Command::ZoomOut);
        }
        if ui.button(s.zoom_reset).clicked() {
            self.commands.push(Command::ZoomReset);
        }
        ui.separator();
        ui.label(s.theme);
        for (choice, label) in [
            (ThemeChoice::System, s.theme_system),
            (ThemeChoice::Light, s.theme_light),
            (ThemeChoice::Dark, s.theme_dark),
        ] {
            if ui.radio(self.settings.theme == choice, label).clicked() {
                self.commands.push(Command::SetTheme(choice));
            }
        }
        ui.separator();
        ui.label(s.reading_font);
        let mut choices = vec![ReadingFont::Serif, ReadingFont::Sans];
        if let Some(installed) = self.installed.as_ref().and_then(|slot| slot.get()) {
            choices.extend(
                installed
                    .families()
                    .iter()
                    .cloned()
                    .map(ReadingFont::Installed),
            );
        }
        for choice in choices {
            let selected = self.settings.reading_font == choice;
            if ui.radio(selected, choice.label(s)).clicked() {
                self.commands.push(Command::SetReadingFont(choice));
            }
        }
    }

    /// Apply the queued commands, in order.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(ctx, command);
        }
    }

    /// Apply one command to the state.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ZoomIn => self.set_reading_size(self.settings.reading_size * theme::ZOOM_STEP),
            Command::ZoomOut => {
                self.set_reading_size(self.settings.reading_size / theme::ZOOM_STEP)
            }
            Command::ZoomReset => self.set_reading_size(theme::READING_SIZE),
            Command::SetRuby(on) => self.settings.show_ruby = on,
            Command::SetTheme(choice) => {
                self.settings.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::SetReadingFont(font) => {
                self.settings.reading_font = font;
                self.apply_fonts(ctx);
            }
            Command::Open(path) => {
                // A review file opens its document with its notes.
                let (doc, notes) = crate::cli::gui_target(Some(path), None);
                match doc {
                    Ok(doc) => self.open_document_with(ctx, doc, notes),
                    Err(err) => self.open_state.set_error(err),
                }
            }
            Command::ShowAbout => self.about_open = true,
            Command::ShowSettings => self.settings_open = true,
            Command::SetAuthor(author) => self.settings.author = author,
            Command::SetNotesPanel(on) => self.settings.show_notes = on,
            Command::SetSideTab(tab) => self.settings.side_tab = tab,
            Command::SetTimeline(timeline) => {
                self.timeline_state.draft = None;
                self.edit(ctx, Edit::SetTimeline(timeline));
            }
            Command::OpenEvent(index) => {
                self.timeline_state.open = Some(index);
                self.timeline_state.draft = None;
                let first = self.timeline_view.as_ref().and_then(|v| {
                    v.evidence
                        .iter()
                        .filter(|e| e.event == index)
                        .find_map(|e| e.range)
                });
                if let Some(range) = first {
                    self.reader.reveal(range, ctx.input(|i| i.time));
                }
            }
            Command::Reveal(range) => {
                self.reader.selection =
                    Some(crate::ui::reader::Selection::new(range.start, range.end));
                self.reader.reveal(range, ctx.input(|i| i.time));
            }
            Command::AddEventFromSelection => {
                let range = self.reader.selected_range();
                let current = self.timeline_view.as_ref().map(|v| v.timeline.clone());
                if let (Some(doc), Some(range), Some(mut timeline)) = (&self.doc, range, current) {
                    timeline
                        .events
                        .push(new_event_from_selection(doc, range.start, range.end));
                    let index = timeline.events.len() - 1;
                    self.edit(ctx, Edit::SetTimeline(Some(Box::new(timeline))));
                    self.timeline_state.open = Some(index);
                    self.timeline_state.draft = None;
                    self.settings.side_tab = SideTab::Timeline;
                }
            }
            Command::ShowExport => {
                if let Some(doc) = &self.doc {
                    self.export_state.show(&doc.name, doc.path.as_deref());
                }
            }
            Command::ShowImport => {
                self.import_state.open = true;
                self.import_state.result = None;
            }
            Command::Export {
                format,
                scope,
                path,
            } => {
                self.commit_draft(ctx);
                self.export_state.result = Some(self.export(format, scope, &path).map(|()| path));
            }
            Command::Import(path) => {
                self.commit_draft(ctx);
                let result = self.import(&path);
                if result.is_ok() {
                    self.unsaved_since = Some(ctx.input(|i| i.time));
                    self.after_change(ctx);
                }
                self.import_state.open = true;
                self.import_state.path = path.display().to_string();
                self.import_state.result = Some(result);
            }
            Command::OpenFolder(dir) => open_folder(&dir),
            Command::SetScript(script) => self.settings.script = script,
            Command::SetLineSpacing(v) => self.settings.line_spacing = v.clamp(1.2, 3.0),
            Command::SetColumnChars(v) => self.settings.column_chars = v.clamp(15.0, 80.0),
            Command::ShowShortcuts => self.shortcuts_open = true,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ShowStartPage(on) => self.start_page = on,
            Command::OpenEmbedded => self.open_document(ctx, Document::embedded()),
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                // Draw the new labels now, not on the next input.
                ctx.request_repaint();
            }
            Command::AddEvidence(index) => {
                let range = self.reader.selected_range();
                let current = self.timeline_view.as_ref().map(|v| v.timeline.clone());
                if let (Some(doc), Some(range), Some(mut timeline)) = (&self.doc, range, current)
                    && let Some(event) = timeline.events.get_mut(index)
                {
                    event
                        .evidence
                        .push(Target::range(doc, range.start, range.end));
                    self.timeline_state.draft = None;
                    self.edit(ctx, Edit::SetTimeline(Some(Box::new(timeline))));
                }
            }
            Command::AddNote(range) => {
                if let Some(doc) = &self.doc {
                    let target = Target::range(doc, range.start, range.end);
                    self.add_note(ctx, target);
                }
            }
            Command::AddParagraphNote(index) => {
                if let Some(target) = self.doc.as_ref().and_then(|d| Target::paragraph(d, index)) {
                    self.add_note(ctx, target);
                }
            }
            Command::Edit(edit) => self.edit(ctx, *edit),
            Command::Undo | Command::Redo => {
                self.commit_draft(ctx);
                self.timeline_state.draft = None;
                let changed = self.notes.as_mut().is_some_and(|n| {
                    if command == Command::Undo {
                        n.undo()
                    } else {
                        n.redo()
                    }
                });
                if changed {
                    self.after_change(ctx);
                }
            }
            Command::OpenNote { id, reveal } => {
                self.commit_draft(ctx);
                let Some(notes) = &self.notes else { return };
                if let Some(note) = notes.store().note(&id) {
                    self.editor.open(note, false);
                    self.settings.show_notes = true;
                    if reveal
                        && let Some(position) =
                            notes.store().anchor_of(&id).and_then(|a| a.position())
                    {
                        self.reader.reveal(position, ctx.input(|i| i.time));
                    }
                }
            }
            Command::CloseEditor => {
                self.commit_draft(ctx);
                self.editor.close();
            }
            Command::Reattach(id) => {
                let range = self.reader.selected_range();
                let note = self
                    .notes
                    .as_ref()
                    .and_then(|n| n.store().note(&id))
                    .cloned();
                if let (Some(doc), Some(range), Some(mut note)) = (&self.doc, range, note) {
                    note.target = Target::range(doc, range.start, range.end);
                    self.edit(ctx, Edit::Update(note));
                }
            }
            Command::StartNewNotesFile => {
                if let Some(notes) = self.notes.as_mut() {
                    notes.start_new_file();
                    if notes.is_dirty() {
                        self.unsaved_since = Some(ctx.input(|i| i.time));
                    }
                }
            }
            Command::SaveNotes => {
                self.commit_draft(ctx);
                self.save_notes();
            }
            Command::OpenNotesFolder => {
                if let Some(dir) = self.notes.as_ref().and_then(|n| n.path().parent()) {
                    open_folder(dir);
                }
            }
            Command::ShowOpen => self
                .open_state
                .show(self.doc.as_ref().and_then(|d| d.path.clone())),
        }
    }

    /// Write an export of the notes to `path`.
    fn export(
        &self,
        format: crate::core::export::Format,
        scope: Scope,
        path: &std::path::Path,
    ) -> Result<(), String> {
        let s = self.strings();
        let (Some(doc), Some(notes)) = (&self.doc, &self.notes) else {
            return Err(s.err_no_document.to_owned());
        };
        let store = notes.store();
        let timeline = notes.timeline(doc);
        let input = crate::core::export::ExportInput {
            doc,
            notes: match scope {
                Scope::All => store.notes_in_document_order(),
                Scope::Shown => self.filter.apply(store),
            },
            timeline: &timeline,
            review: store.review(),
            exported_at: crate::core::notes::note::now_utc(),
        };
        let bytes = crate::core::export::export(format, &input).map_err(|e| e.to_string())?;
        crate::core::file::atomic::write_file_atomic(path, &bytes).map_err(|e| {
            fill(
                s.err_write_export,
                &[("error", &e), ("path", &path.display())],
            )
        })
    }

    /// Merge annotations from a file into the notes; the summary or the error.
    fn import(&mut self, path: &std::path::Path) -> Result<String, String> {
        let s = self.strings();
        let (Some(doc), Some(notes)) = (&self.doc, self.notes.as_mut()) else {
            return Err(s.err_no_document.to_owned());
        };
        let bytes = std::fs::read(path).map_err(|e| {
            fill(
                s.err_read_annotations,
                &[("error", &e), ("path", &path.display())],
            )
        })?;
        notes
            .import(doc, &bytes)
            .map(|summary| (s.import_summary)(&summary))
            .map_err(|e| e.with_path(path).to_string())
    }

    /// Files dropped onto the window: annotations are imported, anything else
    /// is opened as a document.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                continue;
            }
            let is_annotations = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_lowercase().as_str(), "json" | "jsonld"));
            if is_annotations && !crate::core::file::persist::is_review_path(&path) {
                self.commands.push(Command::Import(path));
            } else {
                self.commands.push(Command::Open(path));
            }
        }
    }

    /// Show `doc` with the notes of its usual review file.
    fn open_document(&mut self, ctx: &egui::Context, doc: Document) {
        self.open_document_with(ctx, doc, None);
    }

    /// Show `doc` with its notes (from `notes` when given), saving the notes
    /// of the document shown before.
    fn open_document_with(&mut self, ctx: &egui::Context, doc: Document, notes: Option<PathBuf>) {
        self.commit_draft(ctx);
        self.save_notes();
        self.remember_position();
        self.notes = Some(Notes::open(&doc, notes.as_deref()));
        self.notes_path = notes;
        self.doc = Some(doc);
        self.error = None;
        self.start_page = false;
        self.find_index = None;
        self.find.invalidate();
        self.timeline_view = None;
        self.timeline_state = TimelineState::default();
        self.reader = ReaderState::default();
        self.display = None;
        self.editor.close();
        self.open_state.close();
        self.document_opened();
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
    }

    fn title(&self) -> String {
        match &self.doc {
            Some(d) => format!("{} — Pizhu 批注", d.name),
            None => "Pizhu 批注".to_owned(),
        }
    }

    fn add_note(&mut self, ctx: &egui::Context, target: Target) {
        self.commit_draft(ctx);
        let start = target.position.start;
        let note = Note::new(target, String::new(), self.settings.author.clone());
        let id = note.id.clone();
        self.edit(ctx, Edit::Add(note));
        if let Some(note) = self.notes.as_ref().and_then(|n| n.store().note(&id)) {
            self.editor.open(note, true);
            self.settings.show_notes = true;
        }
        self.reader.selection = None;
        self.reader.keep_in_view(start);
    }

    /// Apply an undoable edit to the notes.
    fn edit(&mut self, ctx: &egui::Context, edit: Edit) {
        let Some(notes) = self.notes.as_mut() else {
            return;
        };
        if notes.edit(edit) {
            self.after_change(ctx);
        }
    }

    /// After the notes changed: refresh the editor, schedule the autosave.
    fn after_change(&mut self, ctx: &egui::Context) {
        self.unsaved_since = Some(ctx.input(|i| i.time));
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_AFTER_SECONDS));
        let Some(id) = self.editor.note_id.clone() else {
            return;
        };
        match self.notes.as_ref().and_then(|n| n.store().note(&id)) {
            Some(note) => {
                let focus = self.editor.focus_body;
                self.editor.open(note, focus);
            }
            None => self.editor.close(),
        }
    }

    /// Turn an uncommitted draft in the editor into an edit.
    fn commit_draft(&mut self, ctx: &egui::Context) {
        let Some(id) = self.editor.note_id.clone() else {
            return;
        };
        let changed = self
            .notes
            .as_ref()
            .and_then(|n| n.store().note(&id))
            .and_then(|note| self.editor.changed_note(note));
        if let Some(note) = changed {
            self.edit(ctx, Edit::Update(note));
        }
    }

    fn set_reading_size(&mut self, size: f32) {
        // Round to a tenth of a point so zooming in and out returns to the same size.
        let size = (size * 10.0).round() / 10.0;
        self.settings.reading_size = size.clamp(theme::READING_SIZE_MIN, theme::READING_SIZE_MAX);
    }

    /// Install font definitions for the current reading font (once per change).
    fn apply_fonts(&mut self, ctx: &egui::Context) {
        if self.fonts_for.as_ref() == Some(&self.settings.reading_font) {
            return;
        }
        let installed = match &self.settings.reading_font {
            ReadingFont::Installed(family) => {
                // Until the background scan is done the embedded serif is shown;
                // `logic` calls this again when the scan has finished.
                let Some(fonts) = self.installed.as_ref().and_then(|slot| slot.get()) else {
                    return;
                };
                let data = fonts.load_family(family);
                if data.is_none() {
                    // The family was uninstalled since it was chosen.
                    self.settings.reading_font = ReadingFont::Serif;
                }
                data
            }
            _ => None,
        };
        ctx.set_fonts(fonts::definitions(&self.settings.reading_font, installed));
        self.fonts_for = Some(self.settings.reading_font.clone());
    }
}

/// Open a folder in the system's file manager.
fn open_folder(dir: &std::path::Path) {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(program).arg(dir).spawn() {
        eprintln!(
            "pizhu: could not open the folder with {program} ({err}); the notes are in: {}",
            dir.display()
        );
    }
}

/// The start page: the built-in article, Open…, and the recent files.
fn start_page_ui(ui: &mut Ui, s: &Strings, recent: &[PathBuf], has_doc: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(32.0);
    ui.vertical_centered(|ui| {
        ui.heading("Pizhu 批注");
        ui.add_space(12.0);
        if ui.button(s.start_embedded).clicked() {
            commands.push(Command::OpenEmbedded);
        }
        if ui.button(s.menu_open).clicked() {
            commands.push(Command::ShowOpen);
        }
        if has_doc && ui.button(s.start_back).clicked() {
            commands.push(Command::ShowStartPage(false));
        }
        ui.add_space(16.0);
        ui.strong(s.start_recent);
        if recent.is_empty() {
            ui.weak(s.menu_no_recent);
        }
        for path in recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                commands.push(Command::Open(path.clone()));
            }
        }
    });
    commands
}

fn error_ui(ui: &mut Ui, err: &str, s: &Strings) {
    let palette = theme::palette(ui.visuals());
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(s.open_failed);
        ui.add_space(8.0);
        ui.colored_label(palette.error, err);
        ui.add_space(8.0);
        ui.label(s.open_failed_hint);
    });
}

impl eframe::App for PizhuApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // A remembered installed reading font can only be loaded once the scan is done.
        if self.fonts_for.as_ref() != Some(&self.settings.reading_font)
            && self
                .installed
                .as_ref()
                .is_some_and(|slot| slot.get().is_some())
        {
            self.apply_fonts(ctx);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_position();
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Never lose a note: whatever is in the editor is committed and saved.
        if let (Some(id), Some(notes)) = (self.editor.note_id.clone(), self.notes.as_mut())
            && let Some(note) = notes
                .store()
                .note(&id)
                .and_then(|n| self.editor.changed_note(n))
        {
            notes.edit(Edit::Update(note));
        }
        self.save_notes();
    }
}
