//! The app shell: holds the state, draws the panels, then applies the commands
//! the panels emitted. Views never mutate state while drawing.

use std::path::PathBuf;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use serde::{Deserialize, Serialize};

use crate::core::document::Document;
use crate::ui::fonts::{self, InstalledSlot, ReadingFont};
use crate::ui::reader::{ReaderView, reader_ui};
use crate::ui::{about, open, status, theme};

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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reading_size: theme::READING_SIZE,
            show_ruby: false,
            theme: ThemeChoice::System,
            reading_font: ReadingFont::Serif,
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
    pub fn new(doc: Result<Document, String>, settings: Settings) -> Self {
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
            probe: Probe {
                started: Instant::now(),
                exit_after_first_frame: false,
                trace_frames: std::env::var_os("PIZHU_TRACE_FRAMES").is_some(),
                frames: 0,
            },
        }
    }

    /// Restore settings saved by a previous run.
    #[must_use]
    pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
        storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default()
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

    /// The error shown instead of a document, if any.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Draw one frame, then apply what the user asked for.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        self.frame_probe(ui.ctx());
        self.shortcuts(ui.ctx());
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| status::status_ui(ui, self.doc.as_ref()));
        egui::CentralPanel::no_frame().show(ui, |ui| match (&self.doc, &self.error) {
            (Some(doc), _) => reader_ui(
                ui,
                doc,
                ReaderView {
                    size: self.settings.reading_size,
                    ruby: self.settings.show_ruby,
                },
            ),
            (None, Some(err)) => error_ui(ui, err),
            (None, None) => {
                ui.label("No document open. Use File → Open… to choose a text file.");
            }
        });
        let ctx = ui.ctx().clone();
        about::about_window_ui(&ctx, &mut self.about_open);
        if let Some(path) = open::open_window_ui(&ctx, &mut self.open_state) {
            self.commands.push(Command::Open(path));
        }
        self.apply_commands(&ctx);
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
            if i.consume_shortcut(&ruby) {
                self.commands
                    .push(Command::SetRuby(!self.settings.show_ruby));
            }
            if i.consume_shortcut(&open) {
                self.commands.push(Command::ShowOpen);
            }
        });
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").clicked() {
                    self.commands.push(Command::ShowOpen);
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                if ui.button("About Pizhu…").clicked() {
                    self.commands.push(Command::ShowAbout);
                }
            });
            ui.separator();
            let mut ruby = self.settings.show_ruby;
            if ui
                .toggle_value(&mut ruby, "Pinyin ruby")
                .on_hover_text("Show the scraped pinyin small above its character (Ctrl+Shift+P)")
                .changed()
            {
                self.commands.push(Command::SetRuby(ruby));
            }
        });
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        let mut ruby = self.settings.show_ruby;
        if ui
            .checkbox(&mut ruby, "Show pinyin as ruby (Ctrl+Shift+P)")
            .changed()
        {
            self.commands.push(Command::SetRuby(ruby));
        }
        ui.separator();
        if ui.button("Zoom in (Ctrl+=)").clicked() {
            self.commands.push(Command::ZoomIn);
        }
        if ui.button("Zoom out (Ctrl+-)").clicked() {
            self.commands.push(Command::ZoomOut);
        }
        if ui.button("Actual size (Ctrl+0)").clicked() {
            self.commands.push(Command::ZoomReset);
        }
        ui.separator();
        ui.label("Theme");
        for (choice, label) in [
            (ThemeChoice::System, "Follow system"),
            (ThemeChoice::Light, "Light"),
            (ThemeChoice::Dark, "Dark"),
        ] {
            if ui.radio(self.settings.theme == choice, label).clicked() {
                self.commands.push(Command::SetTheme(choice));
            }
        }
        ui.separator();
        ui.label("Reading font");
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
            if ui.radio(selected, choice.label()).clicked() {
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
            Command::Open(path) => match Document::open(&path) {
                Ok(doc) => {
                    self.doc = Some(doc);
                    self.error = None;
                    self.open_state.close();
                }
                Err(err) => self.open_state.set_error(err.to_string()),
            },
            Command::ShowAbout => self.about_open = true,
            Command::ShowOpen => self
                .open_state
                .show(self.doc.as_ref().and_then(|d| d.path.clone())),
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

fn error_ui(ui: &mut Ui, err: &str) {
    let palette = theme::palette(ui.visuals());
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading("Could not open the document");
        ui.add_space(8.0);
        ui.colored_label(palette.error, err);
        ui.add_space(8.0);
        ui.label("Use File → Open… (Ctrl+O) to choose another file.");
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
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
