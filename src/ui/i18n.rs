//! The interface language: English, 繁體中文 and 简体中文.
//!
//! Every string the window shows is a field of [`Strings`], and each language
//! is one `const` table of them ([`EN`], [`ZH_HANT`], [`ZH_HANS`]): to add a
//! string, add a field to the `strings!` list below, then its text to all
//! three tables (the compiler names any table that lacks it). Strings with
//! values in them are templates with named placeholders, `"{n} matches"`,
//! filled with [`fill`]; every language must use the same placeholders (a
//! test checks). The one thing that is code, not text, is the import
//! summary, whose English comes from the core (shared with the CLI).
//!
//! The language is chosen from the system locale at first start
//! ([`Lang::system`]) and switched in the Settings window. Messages that
//! come from the core (file errors, the notes file's problems) stay English.

use serde::{Deserialize, Serialize};

use crate::core::export::Format;
use crate::core::import::ImportSummary;
use crate::core::notes::filter::SortBy;
use crate::core::notes::note::NoteColor;
use crate::core::timeline::{EventKind, Phase};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Traditional Chinese (繁體中文).
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// Simplified Chinese (简体中文).
    #[serde(rename = "zh-Hans")]
    ZhHans,
}

impl Lang {
    /// Every language, in the order the Settings window lists them.
    pub const ALL: [Self; 3] = [Self::En, Self::ZhHant, Self::ZhHans];

    /// The language's name in itself, so anyone can find their own.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhHant => "繁體中文",
            Self::ZhHans => "简体中文",
        }
    }

    /// The language of a locale name or language tag: `zh_TW.UTF-8`,
    /// `zh-Hant-HK`, `zh-CN`, `zh`, `en_US`, `C`… Chinese with a Hant script
    /// or a Taiwan, Hong Kong or Macau region is traditional, other Chinese
    /// simplified; anything else is English.
    #[must_use]
    pub fn from_locale(tag: &str) -> Self {
        // "zh_TW.UTF-8@variant" → "zh_TW"
        let tag = tag.split(['.', '@']).next().unwrap_or_default();
        let mut parts = tag.split(['_', '-']).map(|p| p.trim().to_ascii_lowercase());
        let language = parts.next().unwrap_or_default();
        let rest: Vec<String> = parts.collect();
        let has = |subtag: &str| rest.iter().any(|p| p == subtag);
        match language.as_str() {
            // A script subtag says it outright; else the region decides.
            "zh" | "cmn" if has("hans") => Self::ZhHans,
            "zh" | "cmn" if has("hant") || has("tw") || has("hk") || has("mo") => Self::ZhHant,
            "zh" | "cmn" => Self::ZhHans,
            // Cantonese is written in traditional characters.
            "yue" if !has("hans") => Self::ZhHant,
            "yue" => Self::ZhHans,
            _ => Self::En,
        }
    }

    /// The language of the system's locale: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` and `LANGUAGE` that is set (and not `C` or
    /// `POSIX`); on macOS, where apps started from the Finder have none of
    /// them, the first of the user's preferred languages. English otherwise
    /// (on Windows unless one of those variables is set).
    #[must_use]
    pub fn system() -> Self {
        Self::from_env(|name| std::env::var(name).ok())
            .or_else(mac_preferred_language)
            .unwrap_or_default()
    }

    /// The language named by the locale variables, read through `var`.
    fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .into_iter()
            .filter_map(var)
            // LANGUAGE is a list in order of preference: "zh_TW:zh:en".
            .filter_map(|value| value.split(':').next().map(str::to_owned))
            .map(|value| value.trim().to_owned())
            .find(|value| !value.is_empty() && value != "C" && value != "POSIX")
            .map(|value| Self::from_locale(&value))
    }
}

/// The first of the user's preferred languages on macOS
/// (`defaults read -g AppleLanguages`); `None` elsewhere.
fn mac_preferred_language() -> Option<Lang> {
    if !cfg!(target_os = "macos") {
        return None;
    }
    let out = std::process::Command::new("defaults")
        .args(["read", "-g", "AppleLanguages"])
        .output()
        .ok()?;
    // (\n    "zh-Hant-TW",\n    "en-US"\n)
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text
        .split(|c: char| c == '"' || c == ',' || c == '(' || c.is_whitespace())
        .find(|s| !s.is_empty() && *s != ")")?;
    Some(Lang::from_locale(first))
}

/// The strings of `lang`.
#[must_use]
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
        Lang::ZhHans => &ZH_HANS,
    }
}

/// Fill a template's `{name}` placeholders with `values`. Placeholders
/// without a value are left as they are; the values themselves are never
/// searched for placeholders (a note may well contain `{n}`).
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order: `"{n} of {total}"` → `["n", "total"]`.
#[must_use]
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

/// Declares [`Strings`] with one `&'static str` field per name, and
/// [`Strings::all`], which lists them (so tests can check every one).
macro_rules! strings {
    ($($(#[doc = $doc:literal])* $field:ident,)*) => {
        /// Every string of the interface, in one language. Fields with
        /// `{name}` placeholders are templates, filled with [`fill`].
        #[derive(Debug)]
        pub struct Strings {
            $($(#[doc = $doc])* pub $field: &'static str,)*
            /// The F1 sheet: (keys, what they do).
            pub shortcuts: &'static [(&'static str, &'static str)],
            /// The one-line summary of an import.
            pub import_summary: fn(&ImportSummary) -> String,
        }

        impl Strings {
            /// Every string, with its field name; the shortcuts sheet's
            /// cells are listed as `shortcuts`.
            #[must_use]
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                let mut all = vec![$((stringify!($field), self.$field),)*];
                for (keys, what) in self.shortcuts {
                    all.push(("shortcuts", keys));
                    all.push(("shortcuts", what));
                }
                all
            }
        }
    };
}

strings! {
    // Menus and toolbar (app.rs).
    menu_file,
    menu_open,
    menu_open_recent,
    menu_no_recent,
    menu_export,
    menu_import,
    menu_save_notes,
    menu_open_notes_folder,
    menu_quit,
    menu_edit,
    menu_find,
    menu_view,
    menu_help,
    menu_shortcuts,
    menu_about,
    add_note,
    add_note_hover,
    pinyin_ruby,
    pinyin_ruby_hover,
    undo,
    redo,
    add_note_shortcut,
    menu_settings,
    view_characters,
    script_original,
    script_simplified,
    script_traditional,
    line_spacing,
    line_width,
    notes_panel,
    show_ruby,
    zoom_in,
    zoom_out,
    zoom_reset,
    theme,
    theme_system,
    theme_light,
    theme_dark,
    reading_font,
    font_serif,
    font_sans,
    tab_notes,
    tab_timeline,
    tab_people,
    open_failed,
    open_failed_hint,
    no_document_hint,
    start_page,
    start_embedded,
    start_recent,
    start_back,
    err_no_document,
    /// `{error}`, `{path}`.
    err_write_export,
    /// `{error}`, `{path}`.
    err_read_annotations,

    // The reading view (reader.rs).
    /// `{n}`: the paragraph number.
    note_paragraph,
    /// `{n}`: the paragraph number.
    note_paragraph_hover,
    /// `{quote}`.
    open_note_on,
    more_notes_on_line,
    notes_here,
    highlight_no_text,
    /// `{tags}`.
    tags_list,

    // Notes panel (notes_panel.rs).
    notes_empty_hint,
    note_on_paragraph,
    note_heading,
    close,
    close_editor_hover,
    /// `{reason}`.
    orphaned_reason,
    reattach,
    note_hint,
    note_text,
    tags,
    tags_hint,
    color,
    color_yellow,
    color_green,
    color_blue,
    color_pink,
    color_purple,
    /// `{author}`, `{created}`, `{modified}`.
    note_meta,
    delete_note,
    search_hint,
    search_notes,
    any_color,
    filter_color,
    any_tag,
    filter_tag,
    orphaned,
    sort_position,
    sort_created,
    sort_modified,
    sort_notes,
    /// `{shown}`, `{total}`.
    notes_count,
    /// `{n}`.
    orphaned_count,
    highlight,
    /// `{quote}`.
    note_on,
    /// `{quote}`: a quotation from the text.
    quoted,

    // Status bar and notes banner (status.rs).
    /// `{name}`, `{encoding}`, `{bytes}`, `{chars}`, `{paragraphs}`, `{readings}`.
    status_line,
    /// `{n}`.
    bytes,
    no_document,
    /// `{count}`: malformed byte sequences replaced to open a damaged file.
    status_replaced,
    /// `{count}`, `{byte}`: the first one's byte offset.
    status_replaced_hover,
    open_folder,
    open_folder_hover,
    /// `{state}`, `{name}`.
    notes_status,
    notes_damaged,
    /// `{path}`.
    notes_saved_in,
    start_new_notes_file,
    start_new_hover,
    // The notes file's state, as the core words it (English), and translated.
    state_loaded,
    state_new,
    state_unsaved,
    /// `{time}`.
    state_saved,
    /// `{time}`.
    state_merged,
    /// `{error}`.
    state_not_saved,
    /// `{summary}`.
    state_imported,
    state_new_file,
    /// `{path}`.
    state_new_file_kept,
    /// `{version}`.
    state_read_only,

    // Find bar (find_bar.rs).
    find,
    find_hint,
    find_in_text,
    no_matches,
    /// `{i}`, `{n}`.
    match_of,
    /// `{n}`.
    matches,
    previous,
    next,

    // Open window (open.rs).
    open_title,
    open_prompt,
    open_path_hint,
    document_path,
    open,
    browse,
    filter_text,

    // Export and Import windows (export_window.rs).
    export_title,
    format,
    format_w3c,
    format_markdown,
    format_csv,
    format_html,
    format_json,
    export_which,
    /// `{n}`.
    all_notes,
    /// `{n}`.
    shown_notes,
    save_to,
    export_path,
    export,
    /// `{path}`.
    exported_to,
    import_title,
    import_help,
    annotations_file,
    filter_annotations,
    import,

    // Timeline and people (timeline_panel.rs).
    add_event,
    add_event_hover,
    reset_timeline,
    reset_timeline_hover,
    /// `{year}`.
    year_inferred,
    /// `{reason}`.
    year_hover,
    no_timeline,
    phase_site_visits,
    phase_ceremony,
    phase_other,
    kind_site_visit,
    kind_ceremony,
    kind_speech,
    kind_signing,
    kind_other,
    stated,
    inferred,
    place_not_stated,
    /// `{place}`.
    place_is,
    /// `{found}`, `{total}`.
    evidence_found,
    /// `{title}`.
    event_named,
    title,
    event_title,
    time,
    time_as_stated,
    place,
    kind,
    event_kind,
    phase,
    event_phase,
    time_in_evidence,
    use_time_hover,
    inferred_checkbox,
    why_inferred,
    participants,
    remove,
    person_placeholder,
    new_participant,
    role_hint,
    new_role,
    add,
    /// `{n}`.
    evidence_count,
    add_evidence,
    move_up,
    move_down,
    delete_event,
    no_people,
    /// `{n}`.
    mentions,
    /// `{name}`.
    person_named,
    person_hover,

    // About and shortcuts (about.rs).
    about_title,
    /// `{version}`.
    about_version,
    fonts,
    fonts_credit,
    font_license,
    shortcuts_title,

    // Settings window (settings_window.rs).
    settings_title,
    author_label,
    apply,
    language,
}

impl Strings {
    /// A note color's name.
    #[must_use]
    pub fn color_name(&self, color: NoteColor) -> &'static str {
        match color {
            NoteColor::Yellow => self.color_yellow,
            NoteColor::Green => self.color_green,
            NoteColor::Blue => self.color_blue,
            NoteColor::Pink => self.color_pink,
            NoteColor::Purple => self.color_purple,
        }
    }

    /// An export format's name for the Export window.
    #[must_use]
    pub fn format_label(&self, format: Format) -> &'static str {
        match format {
            Format::W3c => self.format_w3c,
            Format::Markdown => self.format_markdown,
            Format::Csv => self.format_csv,
            Format::Html => self.format_html,
            Format::Json => self.format_json,
        }
    }

    /// A timeline phase's name.
    #[must_use]
    pub fn phase_label(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::SiteVisits => self.phase_site_visits,
            Phase::Ceremony => self.phase_ceremony,
            Phase::Other => self.phase_other,
        }
    }

    /// An event kind's name.
    #[must_use]
    pub fn kind_label(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::SiteVisit => self.kind_site_visit,
            EventKind::Ceremony => self.kind_ceremony,
            EventKind::Speech => self.kind_speech,
            EventKind::Signing => self.kind_signing,
            EventKind::Other => self.kind_other,
        }
    }

    /// A sort order's name.
    #[must_use]
    pub fn sort_label(&self, sort: SortBy) -> &'static str {
        match sort {
            SortBy::Position => self.sort_position,
            SortBy::Created => self.sort_created,
            SortBy::Modified => self.sort_modified,
        }
    }

    /// The notes file's state as the core words it ("saved 15:32:01Z",
    /// "unsaved changes", …), in this language. The core's English is
    /// recognised by the [`EN`] templates; anything else (an error message)
    /// is shown as it is.
    #[must_use]
    pub fn notes_state(&self, state: &str) -> String {
        let pairs = [
            (EN.state_loaded, self.state_loaded),
            (EN.state_new, self.state_new),
            (EN.state_unsaved, self.state_unsaved),
            (EN.state_saved, self.state_saved),
            (EN.state_merged, self.state_merged),
            (EN.state_not_saved, self.state_not_saved),
            (EN.state_imported, self.state_imported),
            (EN.state_new_file_kept, self.state_new_file_kept),
            (EN.state_new_file, self.state_new_file),
            (EN.state_read_only, self.state_read_only),
        ];
        for (english, local) in pairs {
            if let Some(value) = match_template(english, state) {
                return match value {
                    Some((name, value)) => fill(local, &[(name, &value)]),
                    None => local.to_owned(),
                };
            }
        }
        state.to_owned()
    }
}

/// Match `text` against a template with at most one placeholder; the
/// placeholder's name and value when it matches (`None` inside for a
/// template without one).
fn match_template<'a, 't>(template: &'t str, text: &'a str) -> Option<Option<(&'t str, &'a str)>> {
    let Some(open) = template.find('{') else {
        return (template == text).then_some(None);
    };
    let close = open + template[open..].find('}')?;
    let (prefix, name, suffix) = (
        &template[..open],
        &template[open + 1..close],
        &template[close + 1..],
    );
    let value = text.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!value.is_empty()).then_some(Some((name, value)))
}

/// The Chinese import summary: the counts that are not zero (the first
/// always), joined with "，".
fn zh_import_summary(summary: &ImportSummary, parts: [&str; 6]) -> String {
    let counts = [
        summary.imported,
        summary.duplicates,
        summary.replaced,
        summary.kept_versions,
        summary.orphaned,
        summary.skipped,
    ];
    counts
        .into_iter()
        .zip(parts)
        .enumerate()
        .filter(|(i, (n, _))| *i == 0 || *n > 0)
        .map(|(_, (n, part))| fill(part, &[("n", &n)]))
        .collect::<Vec<_>>()
        .join("，")
}

fn import_summary_en(summary: &ImportSummary) -> String {
    // The core's wording, shared with the CLI.
    summary.to_string()
}

fn import_summary_zh_hant(summary: &ImportSummary) -> String {
    zh_import_summary(
        summary,
        [
            "已匯入 {n} 則",
            "略過 {n} 則重複的批注",
            "{n} 則由較新的版本取代",
            "另有 {n} 個版本保留為標籤「conflict」的批注",
            "{n} 則失去定位（在文字中找不到）",
            "略過 {n} 個無法使用的項目",
        ],
    )
}

fn import_summary_zh_hans(summary: &ImportSummary) -> String {
    zh_import_summary(
        summary,
        [
            "已导入 {n} 条",
            "跳过 {n} 条重复的批注",
            "{n} 条被较新的版本取代",
            "另有 {n} 个版本保留为标签“conflict”的批注",
            "{n} 条失去定位（在文本中找不到）",
            "跳过 {n} 个无法使用的项目",
        ],
    )
}

/// English: the interface as first written (the tests find widgets by it).
pub const EN: Strings = Strings {
    menu_file: "File",
    menu_open: "Open…",
    menu_open_recent: "Open recent",
    menu_no_recent: "No recent files",
    menu_export: "Export… (Ctrl+E)",
    menu_import: "Import annotations…",
    menu_save_notes: "Save notes (Ctrl+S)",
    menu_open_notes_folder: "Open notes folder",
    menu_quit: "Quit (Ctrl+Q)",
    menu_edit: "Edit",
    menu_find: "Find",
    menu_view: "View",
    menu_help: "Help",
    menu_shortcuts: "Keyboard shortcuts (F1)",
    menu_about: "About Pizhu…",
    add_note: "Add note",
    add_note_hover: "Add a note on the selected text (Ctrl+Enter)",
    pinyin_ruby: "Pinyin ruby",
    pinyin_ruby_hover: "Show the scraped pinyin small above its character (Ctrl+Shift+P)",
    undo: "Undo (Ctrl+Z)",
    redo: "Redo (Ctrl+Shift+Z)",
    add_note_shortcut: "Add note (Ctrl+Enter)",
    menu_settings: "Settings…",
    view_characters: "Characters",
    script_original: "As in the file",
    script_simplified: "简体 Simplified",
    script_traditional: "繁體 Traditional",
    line_spacing: "Line spacing",
    line_width: "Line width (characters)",
    notes_panel: "Notes panel",
    show_ruby: "Show pinyin as ruby (Ctrl+Shift+P)",
    zoom_in: "Zoom in (Ctrl+=)",
    zoom_out: "Zoom out (Ctrl+-)",
    zoom_reset: "Actual size (Ctrl+0)",
    theme: "Theme",
    theme_system: "Follow system",
    theme_light: "Light",
    theme_dark: "Dark",
    reading_font: "Reading font",
    font_serif: "Serif (Noto Serif CJK TC)",
    font_sans: "Sans (Noto Sans CJK TC)",
    tab_notes: "Notes",
    tab_timeline: "Timeline",
    tab_people: "People",
    open_failed: "Could not open the document",
    open_failed_hint: "Use File → Open… (Ctrl+O) to choose another file.",
    no_document_hint: "No document open. Use File → Open… to choose a text file.",
    start_page: "Start page",
    start_embedded: "The agreement article (built in)",
    start_recent: "Recent files",
    start_back: "Back to the document",
    err_no_document: "open a document first",
    err_write_export: "could not write the export ({error}); choose another folder or file name: {path}",
    err_read_annotations: "could not read the annotations file ({error}); check the path: {path}",

    note_paragraph: "Note paragraph {n}",
    note_paragraph_hover: "Add a note on the whole of paragraph {n}",
    open_note_on: "Open note on “{quote}”",
    notes_here: "{n} notes here; the first {shown}:",
    more_notes_on_line: "{n} more notes start on this line: open the first (the notes list shows them all)",
    highlight_no_text: "(highlight, no note text)",
    tags_list: "Tags: {tags}",

    notes_empty_hint: "Select text and press Ctrl+Enter (or right-click → Add note), or click a paragraph number, to add a note.",
    note_on_paragraph: "Note on a paragraph",
    note_heading: "Note",
    close: "Close",
    close_editor_hover: "Close the editor (Esc)",
    orphaned_reason: "Orphaned: {reason}",
    reattach: "Re-attach to selection",
    note_hint: "Write the note…",
    note_text: "Note text",
    tags: "Tags",
    tags_hint: "comma-separated",
    color: "Color",
    color_yellow: "yellow",
    color_green: "green",
    color_blue: "blue",
    color_pink: "pink",
    color_purple: "purple",
    note_meta: "{author} · created {created} · changed {modified}",
    delete_note: "Delete note",
    search_hint: "Search quotes, notes, tags",
    search_notes: "Search notes",
    any_color: "Any color",
    filter_color: "Filter by color",
    any_tag: "Any tag",
    filter_tag: "Filter by tag",
    orphaned: "Orphaned",
    sort_position: "By position",
    sort_created: "By created",
    sort_modified: "By modified",
    sort_notes: "Sort notes",
    notes_count: "{shown} of {total} notes",
    orphaned_count: "Orphaned ({n})",
    highlight: "(highlight)",
    note_on: "Note on “{quote}”",
    quoted: "“{quote}”",

    status_line: "{name} · {encoding} · {bytes} · {chars} characters · {paragraphs} paragraphs · {readings} pinyin readings removed",
    bytes: "{n} bytes",
    no_document: "No document open",
    status_replaced: "Damaged bytes replaced: {count}",
    status_replaced_hover: "The file is UTF-8 with {count} malformed byte sequences, each replaced by the character U+FFFD; the first is at byte {byte}. The rest of the text is as in the file; to see the original characters there, open an undamaged copy.",
    open_folder: "Open folder",
    open_folder_hover: "Open the folder that holds the notes file",
    notes_status: "Notes {state} · {name}",
    notes_damaged: "Notes: not saved (file damaged)",
    notes_saved_in: "Notes are saved in {path}",
    start_new_notes_file: "Start a new notes file",
    start_new_hover: "Keep the damaged file under a new name and save notes to a new one",
    state_loaded: "loaded",
    state_new: "new, saved on the first note",
    state_unsaved: "unsaved changes",
    state_saved: "saved {time}",
    state_merged: "merged with changes made elsewhere at {time}",
    state_not_saved: "not saved: {error}",
    state_imported: "imported: {summary}",
    state_new_file: "new notes file",
    state_new_file_kept: "new notes file; the damaged one is kept as {path}",
    state_read_only: "read-only: written by a newer Pizhu (format {version})",

    find: "Find",
    find_hint: "簡體或繁體 · simplified or traditional",
    find_in_text: "Find in text",
    no_matches: "no matches",
    match_of: "{i} of {n}",
    matches: "{n} matches",
    previous: "Previous",
    next: "Next",

    open_title: "Open a document",
    open_prompt: "Path of a text file (UTF-8, UTF-16, GB18030, Big5, …):",
    open_path_hint: "/path/to/document.txt",
    document_path: "Document path",
    open: "Open",
    browse: "Browse…",
    filter_text: "Text",

    export_title: "Export notes",
    format: "Format",
    format_w3c: "W3C Web Annotation (JSON-LD)",
    format_markdown: "Markdown review report",
    format_csv: "CSV (Excel)",
    format_html: "HTML review report",
    format_json: "Pizhu review file (JSON)",
    export_which: "Notes",
    all_notes: "All notes ({n})",
    shown_notes: "The notes the list shows ({n})",
    save_to: "Save to",
    export_path: "Export path",
    export: "Export",
    exported_to: "Exported to {path}",
    import_title: "Import annotations",
    import_help: "W3C Web Annotation JSON (one annotation, a list, or a collection) or a Pizhu review file. You can also drop the file onto the window.",
    annotations_file: "Annotations file",
    filter_annotations: "Annotations",
    import: "Import",

    add_event: "Add event from selection",
    add_event_hover: "The selected words become the event's evidence",
    reset_timeline: "Reset to shipped timeline",
    reset_timeline_hover: "Undo all timeline edits (Ctrl+Z brings them back)",
    year_inferred: "({year} — inferred)",
    year_hover: "The article does not state the year. {reason}",
    no_timeline: "No timeline yet. Select the words that say what happened, then press “Add event from selection”; the selection becomes the event's evidence.",
    phase_site_visits: "Site visits",
    phase_ceremony: "Signing ceremony",
    phase_other: "Other",
    kind_site_visit: "Site visit",
    kind_ceremony: "Ceremony",
    kind_speech: "Speech",
    kind_signing: "Signing",
    kind_other: "Other",
    stated: "stated",
    inferred: "inferred",
    place_not_stated: "Place: not stated",
    place_is: "Place: {place}",
    evidence_found: "Evidence: {found} of {total} found in this text",
    event_named: "Event: {title}",
    title: "Title",
    event_title: "Event title",
    time: "Time",
    time_as_stated: "Time as stated",
    place: "Place",
    kind: "Kind",
    event_kind: "Event kind",
    phase: "Phase",
    event_phase: "Event phase",
    time_in_evidence: "Time in the evidence:",
    use_time_hover: "Use this as the event's time",
    inferred_checkbox: "Inferred (not stated in the text)",
    why_inferred: "Why it is inferred",
    participants: "Participants",
    remove: "Remove",
    person_placeholder: "Person…",
    new_participant: "New participant",
    role_hint: "role",
    new_role: "Role of the new participant",
    add: "Add",
    evidence_count: "Evidence ({n})",
    add_evidence: "Add selection as evidence",
    move_up: "Move up",
    move_down: "Move down",
    delete_event: "Delete event",
    no_people: "No people yet: the timeline names none.",
    mentions: "{n} mentions",
    person_named: "Person: {name}",
    person_hover: "Click to step through the mentions in the article",

    about_title: "About Pizhu",
    about_version: "Version {version}. A desktop app for reading and annotating Chinese documents.",
    fonts: "Fonts",
    fonts_credit: "The reading and interface fonts are subsets of Noto Serif CJK TC and Noto Sans CJK TC, embedded in the app and licensed under the SIL Open Font License, Version 1.1.",
    font_license: "Font license (SIL OFL 1.1)",
    shortcuts_title: "Keyboard shortcuts",

    settings_title: "Settings",
    author_label: "Author of new notes",
    apply: "Apply",
    language: "Language / 語言 / 语言",

    shortcuts: &[
        ("Ctrl+O", "Open a document"),
        ("Ctrl+E", "Export notes"),
        (
            "Ctrl+S",
            "Save notes now (they are also saved automatically)",
        ),
        ("Ctrl+Q", "Quit (notes are saved)"),
        (
            "Ctrl+F",
            "Find; Enter / Shift+Enter or F3 / Shift+F3 for next / previous",
        ),
        ("Ctrl+Enter", "Add a note on the selected text"),
        (
            "Shift+Arrows, Shift+Home/End",
            "Select text with the keyboard",
        ),
        ("Double-click / triple-click", "Select a word / a sentence"),
        ("Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", "Undo, redo"),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", "Notes, Timeline, People"),
        (
            "Ctrl+= / Ctrl+- / Ctrl+0",
            "Larger, smaller, default text size",
        ),
        ("Ctrl+Shift+P", "Pinyin ruby on or off"),
        (
            "Ctrl+Shift+T",
            "Characters: as in the file, simplified, traditional",
        ),
        ("Esc", "Clear the selection, close the find bar"),
        ("F1", "This sheet"),
    ],
    import_summary: import_summary_en,
};

/// 繁體中文。
pub const ZH_HANT: Strings = Strings {
    menu_file: "檔案",
    menu_open: "開啟…",
    menu_open_recent: "最近開啟",
    menu_no_recent: "沒有最近開啟的檔案",
    menu_export: "匯出…（Ctrl+E）",
    menu_import: "匯入批注…",
    menu_save_notes: "儲存批注（Ctrl+S）",
    menu_open_notes_folder: "開啟批注資料夾",
    menu_quit: "結束（Ctrl+Q）",
    menu_edit: "編輯",
    menu_find: "尋找",
    menu_view: "檢視",
    menu_help: "說明",
    menu_shortcuts: "鍵盤快捷鍵（F1）",
    menu_about: "關於 Pizhu…",
    add_note: "新增批注",
    add_note_hover: "為選取的文字新增批注（Ctrl+Enter）",
    pinyin_ruby: "拼音標注",
    pinyin_ruby_hover: "在字的上方以小字顯示原文附帶的拼音（Ctrl+Shift+P）",
    undo: "復原（Ctrl+Z）",
    redo: "重做（Ctrl+Shift+Z）",
    add_note_shortcut: "新增批注（Ctrl+Enter）",
    menu_settings: "設定…",
    view_characters: "簡繁顯示",
    script_original: "依檔案原樣",
    script_simplified: "簡體",
    script_traditional: "繁體",
    line_spacing: "行距",
    line_width: "行寬（字數）",
    notes_panel: "批注面板",
    show_ruby: "在字的上方顯示拼音（Ctrl+Shift+P）",
    zoom_in: "放大（Ctrl+=）",
    zoom_out: "縮小（Ctrl+-）",
    zoom_reset: "實際大小（Ctrl+0）",
    theme: "主題",
    theme_system: "跟隨系統",
    theme_light: "淺色",
    theme_dark: "深色",
    reading_font: "閱讀字型",
    font_serif: "明體（Noto Serif CJK TC）",
    font_sans: "黑體（Noto Sans CJK TC）",
    tab_notes: "批注",
    tab_timeline: "時間線",
    tab_people: "人物",
    open_failed: "無法開啟文件",
    open_failed_hint: "請用「檔案 → 開啟…」（Ctrl+O）選擇其他檔案。",
    no_document_hint: "尚未開啟文件。請用「檔案 → 開啟…」選擇文字檔。",
    start_page: "起始頁",
    start_embedded: "合作框架協議報導（內建）",
    start_recent: "最近的檔案",
    start_back: "回到文件",
    err_no_document: "請先開啟文件",
    err_write_export: "無法寫入匯出檔（{error}）；請選擇其他資料夾或檔名：{path}",
    err_read_annotations: "無法讀取批注檔（{error}）；請檢查路徑：{path}",

    note_paragraph: "批注第 {n} 段",
    note_paragraph_hover: "為整個第 {n} 段新增批注",
    open_note_on: "開啟「{quote}」的批注",
    notes_here: "此處有 {n} 條批注，前 {shown} 條：",
    more_notes_on_line: "此行另有 {n} 條批注：開啟第一條（批注列表列出全部）",
    highlight_no_text: "（僅標記，沒有批注文字）",
    tags_list: "標籤：{tags}",

    notes_empty_hint: "選取文字後按 Ctrl+Enter（或按右鍵 → 新增批注），或按一下段落編號，即可新增批注。",
    note_on_paragraph: "段落批注",
    note_heading: "批注",
    close: "關閉",
    close_editor_hover: "關閉編輯器（Esc）",
    orphaned_reason: "失去定位：{reason}",
    reattach: "重新附加到選取範圍",
    note_hint: "寫下批注…",
    note_text: "批注文字",
    tags: "標籤",
    tags_hint: "以逗號分隔",
    color: "顏色",
    color_yellow: "黃色",
    color_green: "綠色",
    color_blue: "藍色",
    color_pink: "粉紅色",
    color_purple: "紫色",
    note_meta: "{author} · 建立於 {created} · 修改於 {modified}",
    delete_note: "刪除批注",
    search_hint: "搜尋引文、批注、標籤",
    search_notes: "搜尋批注",
    any_color: "任何顏色",
    filter_color: "依顏色篩選",
    any_tag: "任何標籤",
    filter_tag: "依標籤篩選",
    orphaned: "失去定位",
    sort_position: "依位置",
    sort_created: "依建立時間",
    sort_modified: "依修改時間",
    sort_notes: "批注排序",
    notes_count: "顯示 {shown} 則，共 {total} 則批注",
    orphaned_count: "失去定位（{n}）",
    highlight: "（僅標記）",
    note_on: "「{quote}」的批注",
    quoted: "「{quote}」",

    status_line: "{name} · {encoding} · {bytes} · {chars} 個字元 · {paragraphs} 段 · 已移除 {readings} 處拼音",
    bytes: "{n} 位元組",
    no_document: "尚未開啟文件",
    status_replaced: "已替換損壞的位元組：{count} 處",
    status_replaced_hover: "此檔案為 UTF-8，其中 {count} 處位元組序列格式錯誤，各替換為字元 U+FFFD；第一處在第 {byte} 位元組。其餘文字與檔案內容相同；如要看到那裡原本的字，請開啟未損壞的副本。",
    open_folder: "開啟資料夾",
    open_folder_hover: "開啟批注檔所在的資料夾",
    notes_status: "批注：{state} · {name}",
    notes_damaged: "批注：未儲存（檔案已損壞）",
    notes_saved_in: "批注儲存在 {path}",
    start_new_notes_file: "另開新的批注檔",
    start_new_hover: "以新名稱保留損壞的檔案，並將批注存到新檔案",
    state_loaded: "已載入",
    state_new: "新檔案，寫下第一則批注時儲存",
    state_unsaved: "有未儲存的變更",
    state_saved: "已儲存 {time}",
    state_merged: "已於 {time} 與他處的變更合併",
    state_not_saved: "未儲存：{error}",
    state_imported: "已匯入：{summary}",
    state_new_file: "新的批注檔",
    state_new_file_kept: "新的批注檔；損壞的檔案保留為 {path}",
    state_read_only: "唯讀：由較新版的 Pizhu 寫入（格式 {version}）",

    find: "尋找",
    find_hint: "簡體或繁體皆可",
    find_in_text: "在文字中尋找",
    no_matches: "沒有相符項目",
    match_of: "第 {i} 個，共 {n} 個",
    matches: "{n} 個相符項目",
    previous: "上一個",
    next: "下一個",

    open_title: "開啟文件",
    open_prompt: "文字檔的路徑（UTF-8、UTF-16、GB18030、Big5…）：",
    open_path_hint: "/路徑/文件.txt",
    document_path: "文件路徑",
    open: "開啟",
    browse: "瀏覽…",
    filter_text: "文字檔",

    export_title: "匯出批注",
    format: "格式",
    format_w3c: "W3C Web Annotation（JSON-LD）",
    format_markdown: "Markdown 審閱報告",
    format_csv: "CSV（Excel）",
    format_html: "HTML 審閱報告",
    format_json: "Pizhu 批注檔（JSON）",
    export_which: "批注範圍",
    all_notes: "全部批注（{n}）",
    shown_notes: "清單中顯示的批注（{n}）",
    save_to: "儲存到",
    export_path: "匯出路徑",
    export: "匯出",
    exported_to: "已匯出到 {path}",
    import_title: "匯入批注",
    import_help: "W3C Web Annotation JSON（單一批注、清單或集合）或 Pizhu 批注檔。也可以把檔案拖放到視窗上。",
    annotations_file: "批注檔",
    filter_annotations: "批注",
    import: "匯入",

    add_event: "從選取範圍新增事件",
    add_event_hover: "選取的文字會成為事件的依據",
    reset_timeline: "還原為內建時間線",
    reset_timeline_hover: "撤銷所有時間線編輯（按 Ctrl+Z 可再找回）",
    year_inferred: "（{year} 年，推斷）",
    year_hover: "文章沒有寫明年份。{reason}",
    no_timeline: "還沒有時間線。選取說明發生了什麼事的文字，再按「從選取範圍新增事件」；選取的文字會成為事件的依據。",
    phase_site_visits: "實地考察",
    phase_ceremony: "簽約儀式",
    phase_other: "其他",
    kind_site_visit: "考察",
    kind_ceremony: "儀式",
    kind_speech: "致辭",
    kind_signing: "簽署",
    kind_other: "其他",
    stated: "明載",
    inferred: "推斷",
    place_not_stated: "地點：未說明",
    place_is: "地點：{place}",
    evidence_found: "依據：在此文字中找到 {found} 項，共 {total} 項",
    event_named: "事件：{title}",
    title: "標題",
    event_title: "事件標題",
    time: "時間",
    time_as_stated: "文中所寫的時間",
    place: "地點",
    kind: "類型",
    event_kind: "事件類型",
    phase: "階段",
    event_phase: "事件階段",
    time_in_evidence: "依據中的時間：",
    use_time_hover: "用作事件的時間",
    inferred_checkbox: "推斷（文中未明載）",
    why_inferred: "推斷的理由",
    participants: "參與者",
    remove: "移除",
    person_placeholder: "人物…",
    new_participant: "新參與者",
    role_hint: "角色",
    new_role: "新參與者的角色",
    add: "新增",
    evidence_count: "依據（{n}）",
    add_evidence: "將選取範圍加為依據",
    move_up: "上移",
    move_down: "下移",
    delete_event: "刪除事件",
    no_people: "還沒有人物：時間線中沒有提到任何人。",
    mentions: "提及 {n} 次",
    person_named: "人物：{name}",
    person_hover: "按一下可逐一檢視文章中提及之處",

    about_title: "關於 Pizhu",
    about_version: "版本 {version}。一款用來閱讀和批注中文文件的桌面應用程式。",
    fonts: "字型",
    fonts_credit: "閱讀與介面字型是 Noto Serif CJK TC 與 Noto Sans CJK TC 的子集，內嵌於本程式，依 SIL Open Font License 1.1 版授權。",
    font_license: "字型授權（SIL OFL 1.1）",
    shortcuts_title: "鍵盤快捷鍵",

    settings_title: "設定",
    author_label: "新批注的作者",
    apply: "套用",
    language: "語言 / Language",

    shortcuts: &[
        ("Ctrl+O", "開啟文件"),
        ("Ctrl+E", "匯出批注"),
        ("Ctrl+S", "立即儲存批注（批注也會自動儲存）"),
        ("Ctrl+Q", "結束（批注會先儲存）"),
        (
            "Ctrl+F",
            "尋找；Enter / Shift+Enter 或 F3 / Shift+F3 前往下一個 / 上一個",
        ),
        ("Ctrl+Enter", "為選取的文字新增批注"),
        ("Shift+方向鍵、Shift+Home/End", "用鍵盤選取文字"),
        ("按兩下 / 按三下", "選取一個詞 / 一個句子"),
        ("Ctrl+Z、Ctrl+Shift+Z 或 Ctrl+Y", "復原、重做"),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", "批注、時間線、人物"),
        ("Ctrl+= / Ctrl+- / Ctrl+0", "放大、縮小、預設文字大小"),
        ("Ctrl+Shift+P", "開啟或關閉拼音標注"),
        ("Ctrl+Shift+T", "字形：原文、簡體、繁體輪換"),
        ("Esc", "取消選取、關閉尋找列"),
        ("F1", "本表"),
    ],
    import_summary: import_summary_zh_hant,
};

/// 简体中文。
pub const ZH_HANS: Strings = Strings {
    menu_file: "文件",
    menu_open: "打开…",
    menu_open_recent: "最近打开",
    menu_no_recent: "没有最近打开的文件",
    menu_export: "导出…（Ctrl+E）",
    menu_import: "导入批注…",
    menu_save_notes: "保存批注（Ctrl+S）",
    menu_open_notes_folder: "打开批注文件夹",
    menu_quit: "退出（Ctrl+Q）",
    menu_edit: "编辑",
    menu_find: "查找",
    menu_view: "视图",
    menu_help: "帮助",
    menu_shortcuts: "键盘快捷键（F1）",
    menu_about: "关于 Pizhu…",
    add_note: "添加批注",
    add_note_hover: "为选中的文字添加批注（Ctrl+Enter）",
    pinyin_ruby: "拼音标注",
    pinyin_ruby_hover: "在字的上方以小字显示原文附带的拼音（Ctrl+Shift+P）",
    undo: "撤销（Ctrl+Z）",
    redo: "重做（Ctrl+Shift+Z）",
    add_note_shortcut: "添加批注（Ctrl+Enter）",
    menu_settings: "设置…",
    view_characters: "简繁显示",
    script_original: "按文件原样",
    script_simplified: "简体",
    script_traditional: "繁体",
    line_spacing: "行距",
    line_width: "行宽（字数）",
    notes_panel: "批注面板",
    show_ruby: "在字的上方显示拼音（Ctrl+Shift+P）",
    zoom_in: "放大（Ctrl+=）",
    zoom_out: "缩小（Ctrl+-）",
    zoom_reset: "实际大小（Ctrl+0）",
    theme: "主题",
    theme_system: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    reading_font: "阅读字体",
    font_serif: "宋体（Noto Serif CJK TC）",
    font_sans: "黑体（Noto Sans CJK TC）",
    tab_notes: "批注",
    tab_timeline: "时间线",
    tab_people: "人物",
    open_failed: "无法打开文档",
    open_failed_hint: "请用“文件 → 打开…”（Ctrl+O）选择其他文件。",
    no_document_hint: "尚未打开文档。请用“文件 → 打开…”选择文本文件。",
    start_page: "起始页",
    start_embedded: "合作框架协议报道（内置）",
    start_recent: "最近的文件",
    start_back: "回到文档",
    err_no_document: "请先打开文档",
    err_write_export: "无法写入导出文件（{error}）；请选择其他文件夹或文件名：{path}",
    err_read_annotations: "无法读取批注文件（{error}）；请检查路径：{path}",

    note_paragraph: "批注第 {n} 段",
    note_paragraph_hover: "为整个第 {n} 段添加批注",
    open_note_on: "打开“{quote}”的批注",
    notes_here: "此处有 {n} 条批注，前 {shown} 条：",
    more_notes_on_line: "此行另有 {n} 条批注：打开第一条（批注列表列出全部）",
    highlight_no_text: "（仅标记，没有批注文字）",
    tags_list: "标签：{tags}",

    notes_empty_hint: "选中文字后按 Ctrl+Enter（或右键 → 添加批注），或点击段落编号，即可添加批注。",
    note_on_paragraph: "段落批注",
    note_heading: "批注",
    close: "关闭",
    close_editor_hover: "关闭编辑器（Esc）",
    orphaned_reason: "失去定位：{reason}",
    reattach: "重新附加到选中内容",
    note_hint: "写下批注…",
    note_text: "批注文字",
    tags: "标签",
    tags_hint: "用逗号分隔",
    color: "颜色",
    color_yellow: "黄色",
    color_green: "绿色",
    color_blue: "蓝色",
    color_pink: "粉红色",
    color_purple: "紫色",
    note_meta: "{author} · 创建于 {created} · 修改于 {modified}",
    delete_note: "删除批注",
    search_hint: "搜索引文、批注、标签",
    search_notes: "搜索批注",
    any_color: "任意颜色",
    filter_color: "按颜色筛选",
    any_tag: "任意标签",
    filter_tag: "按标签筛选",
    orphaned: "失去定位",
    sort_position: "按位置",
    sort_created: "按创建时间",
    sort_modified: "按修改时间",
    sort_notes: "批注排序",
    notes_count: "显示 {shown} 条，共 {total} 条批注",
    orphaned_count: "失去定位（{n}）",
    highlight: "（仅标记）",
    note_on: "“{quote}”的批注",
    quoted: "“{quote}”",

    status_line: "{name} · {encoding} · {bytes} · {chars} 个字符 · {paragraphs} 段 · 已移除 {readings} 处拼音",
    bytes: "{n} 字节",
    no_document: "尚未打开文档",
    status_replaced: "已替换损坏的字节：{count} 处",
    status_replaced_hover: "此文件为 UTF-8，其中 {count} 处字节序列格式错误，各替换为字符 U+FFFD；第一处在第 {byte} 字节。其余文字与文件内容相同；如要看到那里原本的字，请打开未损坏的副本。",
    open_folder: "打开文件夹",
    open_folder_hover: "打开批注文件所在的文件夹",
    notes_status: "批注：{state} · {name}",
    notes_damaged: "批注：未保存（文件已损坏）",
    notes_saved_in: "批注保存在 {path}",
    start_new_notes_file: "新建批注文件",
    start_new_hover: "以新名称保留损坏的文件，并把批注保存到新文件",
    state_loaded: "已加载",
    state_new: "新文件，写下第一条批注时保存",
    state_unsaved: "有未保存的更改",
    state_saved: "已保存 {time}",
    state_merged: "已于 {time} 与别处的更改合并",
    state_not_saved: "未保存：{error}",
    state_imported: "已导入：{summary}",
    state_new_file: "新的批注文件",
    state_new_file_kept: "新的批注文件；损坏的文件保留为 {path}",
    state_read_only: "只读：由较新版本的 Pizhu 写入（格式 {version}）",

    find: "查找",
    find_hint: "简体或繁体均可",
    find_in_text: "在文本中查找",
    no_matches: "没有匹配项",
    match_of: "第 {i} 个，共 {n} 个",
    matches: "{n} 个匹配项",
    previous: "上一个",
    next: "下一个",

    open_title: "打开文档",
    open_prompt: "文本文件的路径（UTF-8、UTF-16、GB18030、Big5…）：",
    open_path_hint: "/路径/文档.txt",
    document_path: "文档路径",
    open: "打开",
    browse: "浏览…",
    filter_text: "文本文件",

    export_title: "导出批注",
    format: "格式",
    format_w3c: "W3C Web Annotation（JSON-LD）",
    format_markdown: "Markdown 审阅报告",
    format_csv: "CSV（Excel）",
    format_html: "HTML 审阅报告",
    format_json: "Pizhu 批注文件（JSON）",
    export_which: "批注范围",
    all_notes: "全部批注（{n}）",
    shown_notes: "列表中显示的批注（{n}）",
    save_to: "保存到",
    export_path: "导出路径",
    export: "导出",
    exported_to: "已导出到 {path}",
    import_title: "导入批注",
    import_help: "W3C Web Annotation JSON（单个批注、列表或集合）或 Pizhu 批注文件。也可以把文件拖放到窗口上。",
    annotations_file: "批注文件",
    filter_annotations: "批注",
    import: "导入",

    add_event: "从选中内容添加事件",
    add_event_hover: "选中的文字会成为事件的依据",
    reset_timeline: "恢复为内置时间线",
    reset_timeline_hover: "撤销所有时间线编辑（按 Ctrl+Z 可找回）",
    year_inferred: "（{year} 年，推断）",
    year_hover: "文章没有写明年份。{reason}",
    no_timeline: "还没有时间线。选中说明发生了什么的文字，再点击“从选中内容添加事件”；选中的文字会成为事件的依据。",
    phase_site_visits: "实地考察",
    phase_ceremony: "签约仪式",
    phase_other: "其他",
    kind_site_visit: "考察",
    kind_ceremony: "仪式",
    kind_speech: "致辞",
    kind_signing: "签署",
    kind_other: "其他",
    stated: "明载",
    inferred: "推断",
    place_not_stated: "地点：未说明",
    place_is: "地点：{place}",
    evidence_found: "依据：在此文本中找到 {found} 项，共 {total} 项",
    event_named: "事件：{title}",
    title: "标题",
    event_title: "事件标题",
    time: "时间",
    time_as_stated: "文中所写的时间",
    place: "地点",
    kind: "类型",
    event_kind: "事件类型",
    phase: "阶段",
    event_phase: "事件阶段",
    time_in_evidence: "依据中的时间：",
    use_time_hover: "用作事件的时间",
    inferred_checkbox: "推断（文中未明确记载）",
    why_inferred: "推断的理由",
    participants: "参与者",
    remove: "移除",
    person_placeholder: "人物…",
    new_participant: "新参与者",
    role_hint: "角色",
    new_role: "新参与者的角色",
    add: "添加",
    evidence_count: "依据（{n}）",
    add_evidence: "将选中内容添加为依据",
    move_up: "上移",
    move_down: "下移",
    delete_event: "删除事件",
    no_people: "还没有人物：时间线中没有提到任何人。",
    mentions: "提及 {n} 次",
    person_named: "人物：{name}",
    person_hover: "点击可逐一查看文章中提及之处",

    about_title: "关于 Pizhu",
    about_version: "版本 {version}。一款用于阅读和批注中文文档的桌面应用。",
    fonts: "字体",
    fonts_credit: "阅读与界面字体是 Noto Serif CJK TC 和 Noto Sans CJK TC 的子集，内嵌于本程序，依据 SIL Open Font License 1.1 版授权。",
    font_license: "字体许可（SIL OFL 1.1）",
    shortcuts_title: "键盘快捷键",

    settings_title: "设置",
    author_label: "新批注的作者",
    apply: "应用",
    language: "语言 / Language",

    shortcuts: &[
        ("Ctrl+O", "打开文档"),
        ("Ctrl+E", "导出批注"),
        ("Ctrl+S", "立即保存批注（批注也会自动保存）"),
        ("Ctrl+Q", "退出（批注会先保存）"),
        (
            "Ctrl+F",
            "查找；Enter / Shift+Enter 或 F3 / Shift+F3 转到下一个 / 上一个",
        ),
        ("Ctrl+Enter", "为选中的文字添加批注"),
        ("Shift+方向键、Shift+Home/End", "用键盘选择文字"),
        ("双击 / 三击", "选择一个词 / 一个句子"),
        ("Ctrl+Z、Ctrl+Shift+Z 或 Ctrl+Y", "撤销、重做"),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", "批注、时间线、人物"),
        ("Ctrl+= / Ctrl+- / Ctrl+0", "放大、缩小、默认文字大小"),
        ("Ctrl+Shift+P", "打开或关闭拼音标注"),
        ("Ctrl+Shift+T", "字形：原文、简体、繁体轮换"),
        ("Esc", "取消选择、关闭查找栏"),
        ("F1", "本表"),
    ],
    import_summary: import_summary_zh_hans,
};

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "test code: a panic is a failed test"
    )]

    use super::*;

    #[test]
    fn locales_map_to_languages() {
        for (tag, lang) in [
            ("zh_TW.UTF-8", Lang::ZhHant),
            ("zh_HK.Big5HKSCS", Lang::ZhHant),
            ("zh_MO", Lang::ZhHant),
            ("zh-Hant", Lang::ZhHant),
            ("zh-Hant-SG", Lang::ZhHant),
            ("zh-TW", Lang::ZhHant),
            ("yue-HK", Lang::ZhHant),
            ("zh_CN.UTF-8", Lang::ZhHans),
            ("zh_SG.GB2312", Lang::ZhHans),
            ("zh-Hans", Lang::ZhHans),
            ("zh-Hans-HK", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("zh_CN.UTF-8@pinyin", Lang::ZhHans),
            ("en_US.UTF-8", Lang::En),
            ("de_DE", Lang::En),
            ("C", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(tag), lang, "{tag}");
        }
    }

    #[test]
    fn the_first_set_locale_variable_wins() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), None);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_TW.UTF-8"), ("LANGUAGE", "zh_CN")])),
            Some(Lang::ZhHant)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Some(Lang::ZhHans)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "zh_HK:zh_CN:en")])),
            Some(Lang::ZhHant)
        );
    }

    #[test]
    fn languages_are_stored_as_tags() {
        assert_eq!(serde_json::to_string(&Lang::ZhHant).unwrap(), "\"zh-Hant\"");
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
    }

    #[test]
    fn no_table_has_an_empty_string() {
        for lang in Lang::ALL {
            let s = strings(lang);
            for (name, text) in s.all() {
                assert!(!text.trim().is_empty(), "{lang:?}: {name} is empty");
            }
        }
    }

    #[test]
    fn every_language_fills_the_same_placeholders() {
        let en = EN.all();
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let local = strings(lang).all();
            assert_eq!(local.len(), en.len(), "{lang:?}: shortcuts sheet length");
            for ((name, english), (_, text)) in en.iter().zip(&local) {
                let mut want = placeholders(english);
                let mut got = placeholders(text);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{lang:?}: {name}: {text}");
            }
        }
    }

    #[test]
    fn chinese_tables_are_translated() {
        // Only names, keys and the bilingual label may read the same as English.
        let same_ok = ["shortcuts", "open_path_hint"];
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            for ((name, english), (_, text)) in EN.all().iter().zip(strings(lang).all()) {
                if english.is_ascii() && !same_ok.contains(name) {
                    assert_ne!(*english, text, "{lang:?}: {name} is not translated");
                }
            }
        }
        // The traditional and simplified tables are not the same table twice.
        let differ = ZH_HANT
            .all()
            .iter()
            .zip(ZH_HANS.all())
            .filter(|((_, a), (_, b))| *a != *b)
            .count();
        assert!(differ > 150, "only {differ} strings differ");
    }

    #[test]
    fn english_labels_are_the_cores() {
        for format in Format::ALL {
            assert_eq!(EN.format_label(format), format.label());
        }
        for phase in Phase::ALL {
            assert_eq!(EN.phase_label(phase), phase.label());
        }
        for kind in EventKind::ALL {
            assert_eq!(EN.kind_label(kind), kind.label());
        }
        for color in NoteColor::ALL {
            assert_eq!(EN.color_name(color), color.name());
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_once() {
        assert_eq!(
            fill("{i} of {n}", &[("n", &3), ("i", &1)]),
            "1 of 3".to_owned()
        );
        // A value is never searched for placeholders; unknown ones stay.
        assert_eq!(
            fill("Note on “{quote}” {x}", &[("quote", &"{quote}")]),
            "Note on “{quote}” {x}"
        );
        assert_eq!(fill("{unclosed", &[]), "{unclosed");
        assert_eq!(placeholders("{a} and {b}"), ["a", "b"]);
    }

    #[test]
    fn notes_states_are_translated() {
        let hant = strings(Lang::ZhHant);
        assert_eq!(hant.notes_state("unsaved changes"), "有未儲存的變更");
        assert_eq!(hant.notes_state("saved 15:32:01Z"), "已儲存 15:32:01Z");
        assert_eq!(
            hant.notes_state("not saved: disk full"),
            "未儲存：disk full"
        );
        assert_eq!(
            hant.notes_state("new notes file; the damaged one is kept as /a/b"),
            "新的批注檔；損壞的檔案保留為 /a/b"
        );
        assert_eq!(hant.notes_state("new notes file"), "新的批注檔");
        // Unknown text is shown as it is; English is unchanged.
        assert_eq!(hant.notes_state("something else"), "something else");
        assert_eq!(EN.notes_state("saved 15:32:01Z"), "saved 15:32:01Z");
    }

    /// The state texts the core really writes are the ones [`EN`] expects.
    #[test]
    fn the_cores_notes_states_are_recognised() {
        use crate::core::notes::note::{Note, Target};
        use crate::core::notes::session::Notes;
        use crate::core::notes::store::Edit;
        use crate::core::text::document::Document;

        let dir = tempfile::tempdir().unwrap();
        let doc = Document::embedded();
        let path = dir.path().join("a.pizhu.json");
        let mut notes = Notes::open(&doc, Some(&path));
        let hans = strings(Lang::ZhHans);
        let mut seen = vec![notes.state_text()];
        let note = Note::new(Target::range(&doc, 0, 2), "n".into(), "me".into());
        assert!(notes.edit(Edit::Add(note)));
        seen.push(notes.state_text());
        assert!(notes.save().is_none());
        seen.push(notes.state_text());
        let reopened = Notes::open(&doc, Some(&path));
        seen.push(reopened.state_text());
        for state in seen {
            let shown = hans.notes_state(&state);
            assert!(
                !shown.chars().any(|c| c.is_ascii_lowercase()),
                "{state:?} is shown untranslated: {shown:?}"
            );
        }
    }

    #[test]
    fn import_summaries_read_in_each_language() {
        let summary = ImportSummary {
            imported: 3,
            duplicates: 1,
            orphaned: 1,
            ..ImportSummary::default()
        };
        assert_eq!((EN.import_summary)(&summary), summary.to_string());
        assert_eq!(
            (ZH_HANT.import_summary)(&summary),
            "已匯入 3 則，略過 1 則重複的批注，1 則失去定位（在文字中找不到）"
        );
        assert_eq!(
            (ZH_HANS.import_summary)(&ImportSummary::default()),
            "已导入 0 条"
        );
    }
}
