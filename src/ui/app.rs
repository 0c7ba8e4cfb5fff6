//! The eframe glue: each frame, `logic` hands the commands queued while the
//! last frame was drawn to the state ([`AppState::handle`]), then `ui` draws
//! the panels from the state, and they queue new commands. Drawing changes
//! no state but the widgets' own.

use std::path::PathBuf;
use std::time::Instant;

use egui::Ui;

use crate::core::notes::note::TextPosition;
use crate::core::notes::session::Notes;
use crate::core::text::document::Document;
use crate::core::timeline::Timeline;
use crate::ui::command::Command;
use crate::ui::fonts::{self, ReadingFont};
use crate::ui::notes_panel::notes_panel_ui;
use crate::ui::reader::{ReaderView, reader_ui};
use crate::ui::settings::{Settings, SideTab};
use crate::ui::start_page::{error_ui, start_page_ui};
use crate::ui::state::{AppState, files, view};
use crate::ui::timeline_panel::{people_ui, timeline_ui};
use crate::ui::{layout, menu, shortcuts, status, theme, toast, windows};

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

impl Probe {
    /// Count a frame; print it, or close the window after the first, when asked.
    fn frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        let elapsed = self.started.elapsed();
        if self.trace_frames {
            eprintln!("pizhu: frame {} at {} ms", self.frames, elapsed.as_millis());
        }
        if self.exit_after_first_frame {
            if self.frames == 1 {
                // The first frame is painted after this pass; the next pass starts after it.
                ctx.request_repaint();
            } else if self.frames == 2 {
                println!("first frame after {:.1} ms", elapsed.as_secs_f64() * 1000.0);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}

/// The application: its state, and the commands queued while drawing.
pub struct PizhuApp {
    state: AppState,
    commands: Vec<Command>,
    probe: Probe,
    /// The window was sized to the screen (once, when the screen is known).
    fitted: bool,
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
        Self {
            state: AppState::new(doc, settings, notes_path),
            commands: Vec::new(),
            probe: Probe {
                started: Instant::now(),
                exit_after_first_frame: false,
                trace_frames: std::env::var_os("PIZHU_TRACE_FRAMES").is_some(),
                frames: 0,
            },
            fitted: false,
        }
    }

    /// The file that could not be opened at start-up, for File → Reopen
    /// with Encoding.
    pub fn set_failed_path(&mut self, path: Option<PathBuf>) {
        self.state.failed_path = path;
    }

    /// Start the installed-font scan in the background (the real window only).
    pub fn start_font_scan(&mut self, ctx: &egui::Context) {
        self.state.fonts.start_scan(ctx);
    }

    /// Measure start-up from `started`; exit after the first frame if asked.
    pub fn set_probe(&mut self, started: Instant, exit_after_first_frame: bool) {
        self.probe.started = started;
        self.probe.exit_after_first_frame = exit_after_first_frame;
    }

    /// Load the word dictionary on a background thread, so the first
    /// double-click does not wait for it.
    pub fn preload_words(&self) {
        view::preload(&self.state.words);
    }

    /// The current settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    /// The open document, if any.
    #[must_use]
    pub fn document(&self) -> Option<&Document> {
        self.state.doc.as_ref()
    }

    /// The error shown instead of a document, if any.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.state.error.as_deref()
    }

    /// The notes of the open document.
    #[must_use]
    pub fn notes(&self) -> Option<&Notes> {
        self.state.notes()
    }

    /// The timeline as shown (the edited one, or the shipped one).
    #[must_use]
    pub fn timeline(&self) -> Option<&Timeline> {
        self.state.timeline_view.as_ref().map(|v| &v.timeline)
    }

    /// The open timeline event.
    #[must_use]
    pub fn open_event(&self) -> Option<usize> {
        self.state.timeline_state.open
    }

    /// The first char visible at the top of the reader (the reading position).
    #[must_use]
    pub fn reading_position(&self) -> usize {
        self.state.reader.top_char
    }

    /// The reader's current selection, if any.
    #[must_use]
    pub fn selection(&self) -> Option<TextPosition> {
        self.state.reader.selected_range()
    }

    /// The id of the note open in the editor.
    #[must_use]
    pub fn open_note(&self) -> Option<&str> {
        self.state.notes.open_note()
    }

    /// Apply one command to the state at once (as if a panel had pushed it
    /// and the next frame had begun).
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        self.state.handle(ctx, command);
    }

    /// One whole frame as eframe runs it, `logic` then `ui`: for tests and
    /// benchmarks, which drive a bare egui context.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        self.logic_pass(ui.ctx());
        self.draw(ui);
    }

    /// Hand the queued commands to the state, then bring up to date what
    /// the next drawing needs, and save the notes when it is time.
    fn logic_pass(&mut self, ctx: &egui::Context) {
        if !self.fitted
            && let Some(monitor) = ctx.input(|i| i.viewport().monitor_size)
        {
            // Sized to the screen once it is known (the first frame): the
            // built-in size is too big for a small screen, too small for a
            // large one.
            self.fitted = true;
            let size = layout::first_window_size(monitor);
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            let corner = ((monitor - size) * 0.5).max(egui::Vec2::ZERO);
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(corner.to_pos2()));
        }
        for command in std::mem::take(&mut self.commands) {
            self.state.handle(ctx, command);
        }
        let state = &mut self.state;
        // A remembered installed reading font can only be loaded once the scan is done.
        if state.fonts.waiting_for_scan(&state.settings.reading_font) {
            state.fonts.apply(ctx, &mut state.settings.reading_font);
        }
        state.pick_up_changes_on_focus(ctx);
        state.refresh();
        crate::ui::shown::set_script(ctx, state.settings.script);
        crate::ui::shown::set_conversion(ctx, state.display.conversion(state.settings.script));
        state.autosave(ctx);
    }

    /// Draw one frame; what the user asks for is queued for the next `logic`.
    fn draw(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.probe.frame(&ctx);
        let state = &mut self.state;
        let commands = &mut self.commands;
        let s = state.strings();
        // Esc closes the topmost window before the panels see it.
        windows::escape_closes_topmost(&ctx, &mut state.windows);
        shortcuts::handle_keys(&ctx, &state.settings, commands);
        egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, state, commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            let notes = state.notes().map(|n| status::NotesStatus {
                path: n.path(),
                state: n.state(),
                broken: n.is_broken(),
            });
            let view = status::ViewStatus {
                zoom_percent: state.settings.zoom_percent(),
                message: state.message.as_ref(),
            };
            status::status_ui(ui, state.doc.as_ref(), notes, view, s, commands);
        });
        // What is left between the menu bar and the status bar: the side
        // panel's and the article's, or the article's under the drawer.
        // Windows stay in it too.
        let between_bars = ui.available_rect_before_wrap();
        let narrow = layout::is_narrow(between_bars.width(), state.settings.reading_size);
        let side = state.settings.show_notes && state.notes().is_some();
        if side
            && narrow
            && state.chrome.drawer_open
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            // The drawer is the topmost thing over the article once no
            // window is open: Esc closes it before the reader or the find
            // bar sees the key (in a text field, Esc first leaves the field).
            state.chrome.drawer_open = false;
        }
        if side && !narrow {
            side_panel_beside_ui(ui, state, commands);
        }
        if let Some(notes) = state.notes()
            && let Some(problem) = notes.problem()
        {
            let broken = notes.is_broken();
            egui::Panel::top("notes-banner").show(ui, |ui| {
                status::notes_banner_ui(ui, &problem, broken, s, commands);
            });
        } else if let Some(notes) = state.notes()
            && let Some(other) = notes.other_copy()
            && !notes.path().exists()
        {
            // Until this copy's own notes are first saved: the choice is still open.
            egui::Panel::top("other-copy-banner").show(ui, |ui| {
                status::other_copy_banner_ui(ui, other, notes.path(), s, commands);
            });
        }
        if state.find.open
            && let Some(index) = &state.find_index
        {
            egui::Panel::top("find").show(ui, |ui| {
                crate::ui::find_bar::find_bar_ui(ui, &mut state.find, index, s, commands);
            });
        }
        let article = egui::CentralPanel::no_frame()
            .show(ui, |ui| central_ui(ui, state, commands))
            .response
            .rect;
        if side && narrow && state.chrome.drawer_open {
            drawer_ui(&ctx, between_bars, state, commands);
        }
        toast::toast_ui(&ctx, &mut state.chrome.toast, article, s, commands);
        windows::windows_ui(&ctx, between_bars, state, commands);
        crate::ui::focus::focus_ring_ui(&ctx);
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        commands.extend(
            dropped
                .into_iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .map(files::dropped),
        );
        if !commands.is_empty() {
            // The next frame applies them (and shows what they changed).
            ctx.request_repaint();
        }
    }
}

/// The document (the reader), the start page, or why the document could not be opened.
fn central_ui(ui: &mut Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    if state.start_page || (state.doc.is_none() && state.error.is_none()) {
        start_page_ui(ui, s, &state.settings.recent, state.doc.is_some(), commands);
        return;
    }
    let Some(doc) = &state.doc else {
        if let Some(err) = &state.error {
            error_ui(ui, err, s);
        }
        return;
    };
    let settings = &state.settings;
    let timeline = state.timeline_view.as_ref();
    let find = &state.find;
    reader_ui(
        ui,
        doc,
        ReaderView {
            size: settings.reading_size,
            ruby: settings.show_ruby,
            store: state.notes.notes().map(Notes::store),
            selected_note: state.notes.open_note(),
            evidence: timeline.map_or(&[], |v| v.evidence.as_slice()),
            timeline: timeline.map(|v| &v.timeline),
            open_event: state.timeline_state.open,
            find_matches: if find.open { &find.matches } else { &[] },
            find_current: find.current_match().filter(|_| find.open),
            line_spacing: settings.line_spacing,
            column_chars: settings.column_chars,
            display: state.display.paragraphs(settings.script),
            words: &state.words,
            strings: s,
        },
        &mut state.reader,
        commands,
    );
}

/// The side panel beside the article, resizable by its edge. Its width is
/// the one in the settings, kept within the room the window leaves beside
/// the article; dragging the edge sets the settings' width. Its content
/// never widens it.
fn side_panel_beside_ui(ui: &mut Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let range = layout::side_width_range(ui.available_width(), state.settings.reading_size);
    let width = state
        .settings
        .side_width
        .clamp(*range.start(), *range.end());
    let id = ui.scope_id().with("notes");
    let dragging = ui
        .ctx()
        .read_response(id.with("__resize"))
        .is_some_and(|r| r.dragged());
    if !dragging {
        // The settings are the truth: egui's remembered width follows them
        // (after a window resize, a zoom, a restart).
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, 1.0));
        ui.ctx().data_mut(|d| {
            d.insert_persisted(id, egui::containers::panel::PanelState { outer_rect: rect });
        });
    }
    let shown = egui::Panel::right("notes")
        .default_size(width)
        .size_range(range)
        .resizable(true)
        .show(ui, |ui| {
            fixed_width_ui(ui, |ui| side_panel_ui(ui, state, commands))
        });
    let now = shown.response.rect.width();
    if (now - width).abs() > 0.5 {
        commands.push(Command::SetSidePanelWidth(now));
    }
}

/// The side panel as a drawer over the right of the article (`free`, the
/// room between the bars), in a narrow window: the article keeps its
/// width and is not laid out again.
fn drawer_ui(
    ctx: &egui::Context,
    free: egui::Rect,
    state: &mut AppState,
    commands: &mut Vec<Command>,
) {
    let s = state.strings();
    let width = layout::drawer_width(state.settings.side_width, free.width());
    let rect = egui::Rect::from_min_max(egui::pos2(free.right() - width, free.top()), free.max);
    egui::Area::new(egui::Id::unique("side-drawer"))
        .order(egui::Order::Middle)
        .fixed_pos(rect.min)
        .show(ctx, |ui| {
            let style = ui.style().clone();
            let frame = egui::Frame::side_top_panel(&style)
                .stroke(style.visuals.window_stroke)
                .shadow(style.visuals.popup_shadow);
            let inner = rect - frame.total_margin();
            frame.show(ui, |ui| {
                ui.set_min_size(inner.size());
                ui.set_max_size(inner.size());
                ui.horizontal(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .button(s.hide_side_panel)
                            .on_hover_text(shortcuts::with_keys(
                                s,
                                s.hide_side_panel,
                                &shortcuts::SIDE_PANEL,
                            ))
                            .clicked()
                        {
                            commands.push(Command::ToggleSidePanel);
                        }
                    });
                });
                fixed_width_ui(ui, |ui| side_panel_ui(ui, state, commands));
            });
        });
}

/// Draw `add` in all the room `ui` has left, clipped to it, and take
/// exactly that room: what it draws never widens a panel.
fn fixed_width_ui(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let rect = ui.available_rect_before_wrap();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.shrink_clip_rect(rect);
    add(&mut child);
    ui.advance_cursor_after_rect(rect);
}

/// The side panel: its tabs, then the notes, the timeline or the people.
fn side_panel_ui(ui: &mut Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let s = state.strings();
    ui.horizontal(|ui| {
        for (tab, label) in [
            (SideTab::Notes, s.tab_notes),
            (SideTab::Timeline, s.tab_timeline),
            (SideTab::People, s.tab_people),
        ] {
            if ui
                .selectable_label(state.settings.side_tab == tab, label)
                .clicked()
            {
                commands.push(Command::SetSideTab(tab));
            }
        }
    });
    ui.separator();
    let has_selection = state.reader.selected_range().is_some();
    match state.settings.side_tab {
        SideTab::Notes => {
            let Some((store, editor)) = state.notes.store_and_editor() else {
                return;
            };
            notes_panel_ui(
                ui,
                store,
                editor,
                &mut state.filter,
                &mut state.list_cache,
                has_selection,
                s,
                commands,
            );
        }
        tab @ (SideTab::Timeline | SideTab::People) => {
            let Some(view) = &state.timeline_view else {
                return;
            };
            if tab == SideTab::Timeline {
                timeline_ui(
                    ui,
                    &view.timeline,
                    &view.evidence,
                    &mut state.timeline_state,
                    has_selection,
                    view.has_shipped && view.edited,
                    s,
                    commands,
                );
            } else {
                people_ui(
                    ui,
                    &view.timeline,
                    &view.mentions,
                    &mut state.timeline_state,
                    s,
                    commands,
                );
            }
        }
    }
}

impl eframe::App for PizhuApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_pass(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.remember_position();
        self.state.settings.store(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Never lose a note: whatever is in the editor is committed and saved.
        self.state.notes.flush();
    }
}
