//! [`Strings`]: every string the window shows, as one field each, so that
//! each language is one `const` table of them (`en.rs`, `zh_hant.rs`,
//! `zh_hans.rs`) and the compiler names any table that lacks a string.
//! Fields with `{name}` placeholders are templates, filled with
//! [`fill`](super::template::fill). The names of the core's kinds (colours,
//! formats, phases) are in `labels.rs`.

use crate::core::import::ImportSummary;

/// Declares [`Strings`] with one `&'static str` field per name, and
/// [`Strings::all`], which lists them (so tests can check every one).
macro_rules! strings {
    ($($(#[doc = $doc:literal])* $field:ident,)*) => {
        /// Every string of the interface, in one language. Fields with
        /// `{name}` placeholders are templates, filled with
        /// [`fill`](super::fill).
        #[derive(Debug)]
        pub struct Strings {
            $($(#[doc = $doc])* pub $field: &'static str,)*
            /// The one-line summary of an import.
            pub import_summary: fn(&ImportSummary) -> String,
        }

        impl Strings {
            /// Every string, with its field name.
            #[must_use]
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

strings! {
    // Menus and toolbar (menu.rs), the start page (start_page.rs), what the state reports (state/).
    menu_file,
    menu_open,
    menu_reopen_encoding,
    menu_reopen_encoding_hover,
    /// `{encoding}`: the status line's encoding when the user chose it.
    encoding_chosen,
    status_guessed,
    /// `{encoding}`.
    status_guessed_hover,
    /// `{encoding}`, `{count}`, `{byte}`: a chosen encoding's malformed bytes.
    status_replaced_chosen_hover,
    err_reopen_no_file,
    menu_open_recent,
    menu_no_recent,
    menu_export,
    menu_import,
    menu_save_notes,
    menu_save_notes_as,
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
    start_page,
    start_embedded,
    start_recent,
    start_back,
    err_no_document,
    /// `{error}`, `{path}`.
    err_write_export,
    /// `{what}` (one of `out_the_*`), `{path}`.
    export_protected,
    out_the_document,
    out_the_notes,
    out_the_backup,
    out_the_lock,
    /// `{kind}` (one of `file_*`), `{path}`.
    export_not_a_file,
    file_folder,
    file_fifo,
    file_socket,
    file_device,
    file_other,
    /// `{path}`.
    export_dangling_link,
    /// `{path}`: the folder made for an export.
    export_made_folder,
    /// `{document}`: the other copy; `{path}`: this copy's notes file.
    other_copy_notice,
    use_other_copy_notes,
    /// `{error}`, `{path}`.
    err_read_annotations,

    // The reading view (reader/).
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
    /// `{from}`, `{to}`: char offsets.
    status_moved,
    /// `{from}`, `{to}`: char offsets.
    status_moved_context,
    /// `{percent}`, `{now}`: the text found.
    status_fuzzy,
    /// `{n}`.
    status_ambiguous,
    badge_moved,
    badge_fuzzy,
    badge_ambiguous,
    confirm_place,
    confirm_place_hover,
    reattach_hover,
    needs_checking,
    needs_checking_hover,
    /// `{quote}`, `{status}`.
    note_on_checking,
    /// `{quote}`, `{status}`.
    open_note_on_checking,
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
    side_panel,
    side_panel_hover,
    keys_side_panel,
    hide_side_panel,
    toast_note_deleted,
    toast_event_deleted,
    toast_timeline_reset,
    toast_participant_removed,
    toast_evidence_removed,
    toast_dismiss,
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
    /// `{name}`, `{encoding}`, `{bytes}`, `{chars}`, `{paragraphs}`.
    status_line,
    /// Appended to `status_line` when pinyin was removed: `{readings}`.
    status_readings,
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
    save_notes_as_hover,
    // The Save notes as window (save_notes_as.rs).
    save_notes_as_title,
    save_notes_as_help,
    save_notes_as_path,
    save_notes_as_save,
    no_file_dialog,
    // The notes file's state (the core's SaveState, worded in messages.rs).
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
    state_read_only_file,

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
    /// `{n}`, `{path}`.
    exported_to,
    /// `{path}`.
    export_replace_ask,
    /// `{path}`.
    export_folder_ask,
    export_replace,
    export_make_folder,
    cancel,
    zoom_reset_hover,
    /// `{program}`, `{error}`, `{path}`.
    err_open_folder,
    more_fonts,
    font_search,
    font_search_hint,
    fonts_scanning,
    /// `{state}`, `{path}`.
    msg_saved,
    msg_place_confirmed,
    msg_reattached,
    import_title,
    import_help,
    annotations_file,
    filter_annotations,
    import,

    // What an import skipped or renamed, one line each (messages.rs);
    // English as the core says it.
    /// `{id}`: an item of the file, by its id.
    import_item_id,
    /// `{at}`: an item of the file by where it is (a JSON Pointer).
    import_item_at,
    import_item_only,
    /// `{item}`.
    import_skip_too_deep,
    /// `{item}`.
    import_skip_untyped,
    /// `{item}`, `{type}`.
    import_skip_typed,
    /// `{item}`.
    import_skip_linked,
    /// `{item}`.
    import_skip_value,
    /// `{item}`, `{key}`: `first` or `next`.
    import_skip_linked_page,
    /// `{item}`, `{key}`.
    import_skip_not_a_page,
    /// `{item}`, `{types}`: the selector types, comma-separated.
    import_skip_no_text_selector,
    /// `{item}`.
    import_skip_already_there,
    /// `{item}`, `{of}`: the id of the note it duplicates.
    import_skip_duplicate,
    /// `{item}`, `{from}`, `{to}`.
    import_renamed_note_field,
    /// `{item}`, `{from}`, `{to}`.
    import_renamed_target_field,
    /// `{n}`: lines not shown.
    import_more_lines,

    // Timeline and people (timeline_panel.rs).
    add_event,
    add_event_hover,
    /// Hovering the open event's evidence in the article: `{title}`.
    evidence_for,
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

    // About (about.rs) and the shortcuts sheet's title (shortcuts.rs).
    about_title,
    /// `{version}`.
    about_version,
    fonts,
    fonts_credit,
    font_license,
    shortcuts_title,

    // The shortcuts sheet (F1) and the keys beside menu labels (shortcuts.rs):
    // each line says what its keys do; the keys come from the table.
    /// `{label}`, `{keys}`: a menu label with its shortcut.
    with_keys,
    keys_open,
    keys_export,
    keys_save,
    keys_quit,
    keys_find,
    keys_add_note,
    /// The keys that select text, in words.
    keys_select,
    keys_select_what,
    /// Double- and triple-click, in words.
    keys_clicks,
    keys_clicks_what,
    /// `{1}`, `{2}`, `{3}`: the undo chord and the two redo chords.
    keys_undo_redo,
    keys_undo_redo_what,
    keys_tabs,
    keys_zoom,
    keys_ruby,
    keys_script,
    keys_escape,
    keys_sheet,

    // Settings window (settings_window.rs).
    settings_title,
    author_label,
    apply,
    language,

    // Sizes in the status bar (status.rs).
    /// `{n}`: thousands of bytes, one decimal.
    kilobytes,
    /// `{n}`: millions of bytes, one decimal.
    megabytes,

    // Why a document, an annotations file or an export failed (messages.rs).
    /// `{line}`, `{column}`, `{message}`, `{at}`.
    import_malformed,
    /// `{found}`: what the file holds, `{at}`.
    import_not_annotations,
    /// `{error}`.
    import_store,
    /// `{type}`.
    shape_object_of_type,
    shape_untyped_object,
    /// `{n}`.
    shape_list,
    shape_string,
    shape_number,
    shape_bool,
    shape_null,
    /// `{problem}`, `{advice}`, `{path}`.
    doc_open_failed,
    doc_not_found,
    doc_permission,
    doc_is_folder,
    /// `{error}`: what the system reported.
    doc_unreadable,
    doc_advice_name,
    doc_advice_permission,
    doc_advice_folder,
    doc_advice_other,
    decode_empty,
    /// `{offset}`: of the first NUL byte.
    decode_binary,
    /// `{encoding}`.
    decode_undecodable,
    decode_advice_empty,
    decode_advice_binary,
    decode_advice_undecodable,
    /// `{candidates}`: the `decode_candidate_*` joined by `list_separator`.
    decode_unclear,
    /// `{encoding}`, `{n}`: malformed sequences.
    decode_candidate_first,
    /// `{encoding}`, `{n}`.
    decode_candidate_more,
    list_separator,
    /// `{what}`: one of the `input_*` kinds below.
    input_not_a_file,
    input_fifo,
    input_socket,
    input_device,
    input_special,
    input_advice_regular,
    /// `{size}`: the file's, `{limit}`: the largest document Pizhu opens.
    doc_too_large,
    /// `{limit}`: the largest document Pizhu opens.
    doc_grew,
    doc_advice_split,
    /// `{error}`: what the system reported, `{path}`.
    open_read_review,
    /// `{name}`: the document's, `{path}`: the notes file.
    open_document_not_found,
    /// `{error}`.
    export_json,

    // Why a notes file cannot be read (messages.rs).
    /// `{path}`: ends a message that names its file.
    at_path,
    /// `{problem}`, `{advice}`, `{path}`.
    unreadable_read,
    /// `{line}`, `{column}`, `{message}`: what the JSON reader said, `{at}`: the path or nothing.
    review_malformed,
    /// `{found}`: what it has instead, `{at}`.
    review_not_review,
    /// `{format}`: the file's, `{expected}`: ours.
    review_found_format,
    /// `{expected}`.
    review_no_format,
    /// `{version}`, `{supported}`: the newest this version reads, `{at}`.
    review_too_new,

    // Why a note lost its place (messages.rs).
    orphan_no_quote,
    /// `{types}`.
    orphan_unread_selectors,
    /// `{quote}`.
    orphan_too_short,
    /// `{quote}`, `{nearest}`: the most similar passage, `{score}`, `{needed}`.
    orphan_too_different,
    /// `{quote}`.
    orphan_not_found,
    /// `{source}`: the other document's IRI.
    orphan_other_document,

    // The core's messages in words (messages.rs); English as the core says it.
    /// `{version}`, `{path}`: the notes were written by a newer Pizhu.
    problem_read_only,
    /// `{path}`: the notes file is read-only.
    problem_read_only_file,
    /// `{error}`: the notes file could not be read.
    problem_broken,
    /// `{path}`.
    persist_broken,
    /// `{version}`, `{path}`.
    persist_read_only,
    /// `{reason}`, `{path}`.
    persist_changed_unreadable,
    /// `{version}`, `{path}`.
    persist_changed_newer,
    /// `{problem}`, `{advice}`, `{path}`.
    persist_read,
    /// `{problem}`, `{advice}`, `{path}`.
    persist_write,
    /// `{message}`, `{path}`.
    persist_serialize,
    /// `{problem}`, `{advice}`, `{path}`.
    persist_move,
    /// `{path}`.
    persist_not_broken,
    /// `{path}`.
    persist_read_only_file,
    /// `{uid}`: the owner's user id, `{path}`.
    persist_owner,
    /// `{seconds}`: how long the save waited, `{lock}`: the lock file, `{path}`.
    persist_locked,
    /// `{problem}`, `{advice}`, `{path}`: the lock file.
    persist_lock,
    io_permission_denied,
    io_read_only,
    io_full,
    io_folder_in_the_way,
    io_no_folder,
    /// `{error}`: what the system reported.
    io_other,
    io_advice_writable,
    io_advice_full,
    io_advice_folder,
    io_advice_other,
    /// `{id}`.
    store_duplicate_id,
    /// `{id}`.
    store_unknown_note,
}
