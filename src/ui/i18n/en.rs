//! English: the interface as first written (the tests find widgets by it).
//! Counted words use the plural syntax of [`fill`](super::fill):
//! `"{n} {n:note|notes}"`.

use super::strings::Strings;
use crate::core::import::ImportSummary;

/// The English table.
pub const EN: Strings = Strings {
    menu_file: "File",
    menu_open: "Open…",
    menu_open_recent: "Open recent",
    menu_no_recent: "No recent files",
    menu_export: "Export…",
    menu_import: "Import annotations…",
    menu_save_notes: "Save notes",
    menu_open_notes_folder: "Open notes folder",
    menu_quit: "Quit",
    menu_edit: "Edit",
    menu_find: "Find",
    menu_view: "View",
    menu_help: "Help",
    menu_shortcuts: "Keyboard shortcuts",
    menu_about: "About Pizhu…",
    add_note: "Add note",
    add_note_hover: "Add a note on the selected text",
    pinyin_ruby: "Pinyin ruby",
    pinyin_ruby_hover: "Show the scraped pinyin small above its character",
    undo: "Undo",
    redo: "Redo",
    menu_settings: "Settings…",
    view_characters: "Characters",
    script_original: "As in the file",
    script_simplified: "简体 Simplified",
    script_traditional: "繁體 Traditional",
    line_spacing: "Line spacing",
    line_width: "Line width (characters)",
    notes_panel: "Notes panel",
    show_ruby: "Show pinyin as ruby",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
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
    start_page: "Start page",
    start_embedded: "The agreement article (built in)",
    start_recent: "Recent files",
    start_back: "Back to the document",
    err_no_document: "open a document first",
    err_write_export: "could not write the export ({error}); choose another folder or file name: {path}",
    export_protected: "the export would replace {what}, so nothing was written; choose another file name: {path}",
    out_the_document: "the open document",
    out_the_notes: "the document's notes file",
    out_the_backup: "the backup of the document's notes file",
    export_not_a_file: "the export was not written: this is {kind}, and Pizhu writes exports only to regular files; choose a file name: {path}",
    file_folder: "a folder",
    file_fifo: "a named pipe (FIFO)",
    file_socket: "a socket",
    file_device: "a device",
    file_other: "not a regular file",
    export_dangling_link: "the export was not written: this is a link to a file that does not exist; fix the link or choose another file: {path}",
    export_made_folder: "Made the folder {path} for it",
    other_copy_notice: "Another copy of this document ({document}) has its own notes. This copy's notes are kept apart, in {path}",
    use_other_copy_notes: "Use that copy's notes",
    err_read_annotations: "could not read the annotations file ({error}); check the path: {path}",

    note_paragraph: "Note paragraph {n}",
    note_paragraph_hover: "Add a note on the whole of paragraph {n}",
    open_note_on: "Open note on “{quote}”",
    notes_here: "{n} {n:note|notes} here; the first {shown}:",
    more_notes_on_line: "{n} more {n:note starts on this line: open it|notes start on this line: open the first (the notes list shows them all)}",
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
    notes_count: "{shown} of {total} {total:note|notes}",
    orphaned_count: "Orphaned ({n})",
    highlight: "(highlight)",
    note_on: "Note on “{quote}”",
    quoted: "“{quote}”",

    status_line: "{name} · {encoding} · {bytes} · {chars} {chars:character|characters} · {paragraphs} {paragraphs:paragraph|paragraphs} · {readings} pinyin {readings:reading|readings} removed",
    bytes: "{n} {n:byte|bytes}",
    no_document: "No document open",
    status_replaced: "Damaged bytes replaced: {count}",
    status_replaced_hover: "The file is UTF-8 with {count} malformed byte {count:sequence, replaced|sequences, each replaced} by the character U+FFFD; {count:it|the first} is at byte {byte}. The rest of the text is as in the file; to see the original characters there, open an undamaged copy.",
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
    state_read_only_file: "read-only: the notes file cannot be changed",

    find: "Find",
    find_hint: "簡體或繁體 · simplified or traditional",
    find_in_text: "Find in text",
    no_matches: "no matches",
    match_of: "{i} of {n}",
    matches: "{n} {n:match|matches}",
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
    mentions: "{n} {n:mention|mentions}",
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

    problem_read_only: "These notes were written by a newer Pizhu (format version {version}); they are shown read-only and nothing is saved. Update Pizhu to edit them: {path}",
    problem_read_only_file: "The notes file is read-only, so Pizhu does not change it and your changes are not saved. Make the file writable, or save the notes to another file: {path}",
    problem_broken: "The notes file could not be read, so autosave is off and the file is left as it is. {error}",
    persist_broken: "the notes file could not be read, so Pizhu does not save over it; start a new notes file to save your notes (the unreadable file is kept under a new name): {path}",
    persist_read_only: "the notes file was written by a newer Pizhu (format version {version}) and is open read-only; update Pizhu to change it: {path}",
    persist_changed_unreadable: "another program changed the notes file and it can no longer be read ({reason}); Pizhu did not save over it: start a new notes file to save your notes (that file is kept under a new name): {path}",
    persist_changed_newer: "a newer Pizhu saved the notes file meanwhile (format version {version}), so it is now read-only here and was not saved over; update Pizhu to merge your changes: {path}",
    persist_read: "cannot save the notes: the notes file could not be read to check for changes ({problem}); {advice}; nothing was saved: {path}",
    persist_write: "cannot save the notes: {problem}; {advice}; the notes file on disk is unchanged: {path}",
    persist_serialize: "cannot save the notes: they could not be written as JSON ({message}); please report this; nothing was saved: {path}",
    persist_move: "cannot keep the unreadable notes file under a new name: {problem}; {advice}; nothing was changed: {path}",
    persist_not_broken: "the notes file is readable, so it was not set aside; keep using it as it is: {path}",
    persist_read_only_file: "the notes file is read-only, so Pizhu does not save over it; make it writable, or save the notes to another file; nothing was saved: {path}",
    persist_owner: "cannot save the notes: the notes file belongs to another user (user id {uid}) and saving would make it yours; ask its owner, or save the notes to another file; nothing was saved: {path}",
    persist_locked: "cannot save the notes: another Pizhu window or command has been saving this notes file for {seconds} s and still holds its lock ({lock}); wait for it to finish or close it, then save again; nothing was saved: {path}",
    persist_lock: "cannot save the notes: the lock file that lets one program at a time save them could not be used ({problem}); {advice}; nothing was saved: {path}",
    io_permission_denied: "permission was denied",
    io_read_only: "the disk is read-only",
    io_full: "the disk is full",
    io_folder_in_the_way: "a folder is in the way of the file",
    io_no_folder: "the folder does not exist",
    io_other: "the system reported: {error}",
    io_advice_writable: "check that the folder is writable, or choose another notes file",
    io_advice_full: "free some disk space and save again",
    io_advice_folder: "move the folder away or choose another notes file",
    io_advice_other: "check the disk and the folder, then save again",
    store_duplicate_id: "a note with this id already exists, so the new note was not added; make the note again to give it a fresh id: {id}",
    store_unknown_note: "there is no note with this id (it may have been deleted, undone or merged away); the notes list shows the notes as they are now: {id}",

    orphan_no_quote: "the note quotes no text, so there is nothing to look for",
    orphan_too_short: "the quoted text “{quote}” is no longer in the document, and it is too short to look for a changed version",
    orphan_too_different: "the quoted text “{quote}” is no longer in the document; the most similar passage, “{nearest}”, differs too much from it or from its surroundings (score {score}, {needed} needed)",
    orphan_not_found: "the quoted text “{quote}” is no longer in the document, and no similar passage was found",
    orphan_other_document: "the note was made on another document ({source}), and its quoted text is not in this one",

    at_path: ": {path}",
    unreadable_read: "cannot read the notes file: {problem}; {advice}: {path}",
    review_malformed: "the notes file is damaged at line {line}, column {column}: {message}; fix it in a text editor, or start a new notes file (the damaged one is kept){at}",
    review_not_review: "this is not a Pizhu notes file ({found}); choose a Pizhu notes file (*.pizhu.json), or start a new notes file (this one is kept){at}",
    review_found_format: "its \"format\" is \"{format}\", not \"{expected}\"",
    review_no_format: "it has no \"format\": \"{expected}\"",
    review_too_new: "the notes file was written by a newer Pizhu (format version {version}; this Pizhu reads up to version {supported}) and cannot be read here; update Pizhu to open it{at}",

    with_keys: "{label} ({keys})",
    keys_open: "Open a document",
    keys_export: "Export notes",
    keys_save: "Save notes now (they are also saved automatically)",
    keys_quit: "Quit (notes are saved)",
    keys_find: "Find; Enter / Shift+Enter or F3 / Shift+F3 for next / previous",
    keys_add_note: "Add a note on the selected text",
    keys_select: "Shift+Arrows, Shift+Home/End",
    keys_select_what: "Select text with the keyboard",
    keys_clicks: "Double-click / triple-click",
    keys_clicks_what: "Select a word / a sentence",
    keys_undo_redo: "{1}, {2} or {3}",
    keys_undo_redo_what: "Undo, redo",
    keys_tabs: "Notes, Timeline, People",
    keys_zoom: "Larger, smaller, default text size",
    keys_ruby: "Pinyin ruby on or off",
    keys_script: "Characters: as in the file, simplified, traditional",
    keys_escape: "Clear the selection, close the find bar",
    keys_sheet: "This sheet",
    import_malformed: "the annotations file is not valid JSON at line {line}, column {column}: {message}; choose a W3C Web Annotation (JSON-LD) file or a Pizhu notes file, or export it again{at}",
    import_not_annotations: "the file holds no W3C Web Annotations and is not a Pizhu notes file ({found}); choose a file with an Annotation, an AnnotationCollection, an AnnotationPage or a list of annotations, or a Pizhu notes file (*.pizhu.json){at}",
    import_store: "the notes could not be added ({error}); nothing was imported; please report this",
    shape_object_of_type: "it is an object of type “{type}”",
    shape_untyped_object: "it is an object with no “type”",
    shape_list: "it is a list of {n} {n:item|items}, none an annotation",
    shape_string: "it is a string",
    shape_number: "it is a number",
    shape_bool: "it is true or false",
    shape_null: "it is null",
    doc_open_failed: "cannot open the document: {problem}; {advice}: {path}",
    doc_not_found: "the file does not exist",
    doc_permission: "permission to read the file was denied",
    doc_is_folder: "this is a folder, not a file",
    doc_unreadable: "the file could not be read ({error})",
    doc_advice_name: "check the file name and folder",
    doc_advice_permission: "check the file's permissions",
    doc_advice_folder: "choose a text file inside it",
    doc_advice_other: "check that the file is readable and try again",
    decode_empty: "the file is empty",
    decode_binary: "the file looks binary: it has a NUL byte at byte {offset}",
    decode_undecodable: "the file is not valid {encoding} text: it has malformed byte sequences",
    decode_advice_empty: "choose a text file with content",
    decode_advice_binary: "choose a plain-text file",
    decode_advice_undecodable: "save the file as UTF-8 and open it again",
    open_read_review: "could not read the review file ({error}); check the path: {path}",
    open_document_not_found: "the document these notes belong to ({name}) was not found beside them; open the document and pass the notes with --notes: {path}",
    export_json: "could not write the export as JSON: {error}",

    kilobytes: "{n} kB",
    megabytes: "{n} MB",

    import_summary: import_summary_en,
};

fn import_summary_en(summary: &ImportSummary) -> String {
    // The core's wording, shared with the CLI.
    summary.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::fill;

    /// Every count the window shows in English agrees with its number.
    #[test]
    fn counted_phrases_agree_with_their_count() {
        let one = |template: &str| fill(template, &[("n", &1)]);
        let two = |template: &str| fill(template, &[("n", &2)]);
        assert_eq!(one(EN.mentions), "1 mention");
        assert_eq!(two(EN.mentions), "2 mentions");
        assert_eq!(one(EN.matches), "1 match");
        assert_eq!(two(EN.matches), "2 matches");
        assert_eq!(one(EN.bytes), "1 byte");
        assert_eq!(fill(EN.bytes, &[("n", &"5,317")]), "5,317 bytes");
        assert!(one(EN.more_notes_on_line).starts_with("1 more note starts on this line"));
        assert!(two(EN.more_notes_on_line).starts_with("2 more notes start on this line"));
        assert_eq!(
            fill(EN.notes_here, &[("n", &9), ("shown", &8)]),
            "9 notes here; the first 8:"
        );
        let count = |shown: usize, total: usize| {
            fill(EN.notes_count, &[("shown", &shown), ("total", &total)])
        };
        assert_eq!(count(1, 1), "1 of 1 note");
        assert_eq!(count(1, 3), "1 of 3 notes");
        assert_eq!(count(0, 0), "0 of 0 notes");
    }

    /// The status line and the damaged-bytes hover count their units.
    #[test]
    fn status_counts_agree_with_their_count() {
        let line = |n: usize| {
            fill(
                EN.status_line,
                &[
                    ("name", &"a.txt"),
                    ("encoding", &"UTF-8"),
                    ("bytes", &"1 byte"),
                    ("chars", &n),
                    ("paragraphs", &n),
                    ("readings", &n),
                ],
            )
        };
        assert_eq!(
            line(1),
            "a.txt · UTF-8 · 1 byte · 1 character · 1 paragraph · 1 pinyin reading removed"
        );
        assert!(line(0).ends_with("0 characters · 0 paragraphs · 0 pinyin readings removed"));
        let hover = |n: usize| fill(EN.status_replaced_hover, &[("count", &n), ("byte", &7)]);
        assert!(
            hover(1).contains(
                "1 malformed byte sequence, replaced by the character U+FFFD; it is at byte 7."
            ),
            "{}",
            hover(1)
        );
        assert!(
            hover(2).contains("2 malformed byte sequences, each replaced by the character U+FFFD; the first is at byte 7."),
            "{}",
            hover(2)
        );
    }
}
