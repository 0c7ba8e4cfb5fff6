//! The one vocabulary of the interface: everything a user can ask for, as a
//! [`Command`]. Panels, menus, shortcuts and windows push commands while they
//! draw; the app's state applies them (`AppState::handle`) before the next
//! frame is drawn. No panel changes the state itself.

use std::path::PathBuf;

use crate::core::export::Format;
use crate::core::notes::note::{NoteColor, TextPosition};
use crate::core::notes::store::Edit;
use crate::core::timeline::Timeline;
use crate::ui::fonts::ReadingFont;
use crate::ui::i18n::{Lang, Strings};
use crate::ui::settings::{Script, SideTab, ThemeChoice};

/// Which notes an export takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every note.
    #[default]
    All,
    /// The notes the list currently shows (search and filters applied).
    Shown,
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
    /// Turn what is typed in the note editor into an undoable edit of the
    /// open note (after a typing pause, or when the fields lose focus).
    CommitDraft,
    /// Give the open note another color, together with what is typed in the
    /// editor, as one undoable edit.
    SetNoteColor(NoteColor),
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
    /// Hide the status bar's message.
    DismissMessage,
    /// Attach a note (orphaned, or placed where the reviewer does not
    /// want it) to the current selection.
    Reattach(String),
    /// Keep a note where re-anchoring placed it: its target is rewritten
    /// from the text there, so it is exact from now on (undoable, saved).
    ConfirmPlace(String),
    /// Keep the damaged notes file under a new name and start a new one.
    StartNewNotesFile,
    /// Keep the document open but use the notes file at this path instead
    /// (another copy's notes, which were not taken by themselves).
    UseNotes(PathBuf),
    /// Save the notes now.
    SaveNotes,
    /// Show the Save notes as window.
    ShowSaveNotesAs,
    /// Save the notes to this file and keep saving there (their own file
    /// is read-only or cannot be written).
    SaveNotesAs(PathBuf),
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
    /// Scroll the article to a range (centred) without flashing it: a find match.
    ScrollTo(TextPosition),
    /// Show the find bar and put the cursor in its field (Ctrl+F).
    ShowFind,
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
        format: Format,
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
    /// Read the document file again in this encoding (File → Reopen with
    /// Encoding), keeping its notes file; the notes find their words again.
    ReopenWithEncoding(&'static encoding_rs::Encoding),
    /// Switch the interface language.
    SetLang(Lang),
    /// Run a destructive command (deleting a note or an event, resetting
    /// the timeline) and, when it changed something, say so with Undo.
    Announced {
        /// The command.
        command: Box<Command>,
        /// What the message says was done.
        done: Done,
    },
    /// Take away the message with Undo.
    DismissToast,
    /// Show or hide the side panel: beside the article in a wide window,
    /// the drawer over it in a narrow one.
    ToggleSidePanel,
    /// Remember the side panel's width (the user dragged its edge).
    SetSidePanelWidth(f32),
}

impl Command {
    /// Whether what is typed in the note editor must become an edit before
    /// this command runs: anything that closes or replaces the editor's
    /// note, saves, exports, imports, or steps through the undo history.
    #[must_use]
    pub fn commits_draft(&self) -> bool {
        matches!(
            self,
            Self::CommitDraft
                | Self::CloseEditor
                | Self::OpenNote { .. }
                | Self::AddNote(_)
                | Self::AddParagraphNote(_)
                | Self::Undo
                | Self::Redo
                | Self::SaveNotes
                | Self::SaveNotesAs(_)
                | Self::Export { .. }
                | Self::Import(_)
                | Self::Open(_)
                | Self::OpenEmbedded
                | Self::ReopenWithEncoding(_)
        )
    }
}

/// What was done, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// A note was deleted.
    NoteDeleted,
    /// A timeline event was deleted.
    EventDeleted,
    /// The edited timeline was replaced by the shipped one.
    TimelineReset,
    /// A participant was removed from an event.
    ParticipantRemoved,
    /// A sentence of evidence was removed from an event.
    EvidenceRemoved,
}

impl Done {
    /// The message, in the interface's language.
    #[must_use]
    pub fn message(self, s: &Strings) -> &'static str {
        match self {
            Self::NoteDeleted => s.toast_note_deleted,
            Self::EventDeleted => s.toast_event_deleted,
            Self::TimelineReset => s.toast_timeline_reset,
            Self::ParticipantRemoved => s.toast_participant_removed,
            Self::EvidenceRemoved => s.toast_evidence_removed,
        }
    }
}
