//! The core's typed messages in the interface's language: what the core
//! reports as data (a save state, an error with its path and what the
//! system said, an import's counts) made into words. In English the words
//! are the core's own (its `Display`), so the window and the CLI agree;
//! tests check that they do.

use std::io;

use super::strings::Strings;
use super::template::fill;
use crate::core::anchor::{Anchor, Match, OrphanReason};
use crate::core::file::persist::{PersistError, Unreadable};
use crate::core::file::review::{FORMAT, ReviewError, VERSION};
use crate::core::import::{FieldsOf, ImportSummary, Item, Renamed, SkipReason, Skipped};
use crate::core::notes::note::TextPosition;
use crate::core::notes::session::{NotesProblem, SaveState};
use crate::core::notes::store::StoreError;
use crate::core::text::excerpt::short;
use crate::core::time;

/// How many skipped or renamed items the import window lists.
pub const IMPORT_DETAIL_LINES: usize = 30;

impl Strings {
    /// Where the notes stand, for the status bar: "saved 23:32:01",
    /// "已保存 23:32:01", …; times in the system's zone.
    #[must_use]
    pub fn save_state(&self, state: &SaveState) -> String {
        self.save_state_in(state, &time::local_zone())
    }

    /// [`save_state`](Self::save_state) with times in `zone`.
    #[must_use]
    pub fn save_state_in(&self, state: &SaveState, zone: &time::TimeZone) -> String {
        match state {
            SaveState::Loaded => self.state_loaded.to_owned(),
            SaveState::New => self.state_new.to_owned(),
            SaveState::Unsaved => self.state_unsaved.to_owned(),
            SaveState::Saved { at } => fill(self.state_saved, &[("time", &time::clock(at, zone))]),
            SaveState::Merged { at } => {
                fill(self.state_merged, &[("time", &time::clock(at, zone))])
            }
            SaveState::NotSaved(err) => {
                fill(self.state_not_saved, &[("error", &self.persist_error(err))])
            }
            SaveState::Unreadable(error) => {
                fill(self.state_not_saved, &[("error", &self.unreadable(error))])
            }
            SaveState::Imported(summary) => fill(
                self.state_imported,
                &[("summary", &(self.import_summary)(summary))],
            ),
            SaveState::NewFile => self.state_new_file.to_owned(),
            SaveState::NewFileKept { kept } => {
                fill(self.state_new_file_kept, &[("path", &kept.display())])
            }
            SaveState::ReadOnly { version } => fill(self.state_read_only, &[("version", version)]),
            SaveState::ReadOnlyFile => self.state_read_only_file.to_owned(),
            SaveState::EditRefused(err) => self.store_error(err),
            SaveState::NewFileFailed(err) => self.persist_error(err),
        }
    }

    /// What is wrong with a notes file that is not saved normally, for the
    /// banner above the article.
    #[must_use]
    pub fn notes_problem(&self, problem: &NotesProblem<'_>) -> String {
        match problem {
            NotesProblem::ReadOnlyNewer { version, path } => fill(
                self.problem_read_only,
                &[("version", version), ("path", &path.display())],
            ),
            NotesProblem::ReadOnlyFile { path } => {
                fill(self.problem_read_only_file, &[("path", &path.display())])
            }
            NotesProblem::Broken { error } => {
                fill(self.problem_broken, &[("error", &self.unreadable(error))])
            }
        }
    }

    /// Why saving, or setting a damaged file aside, failed.
    #[must_use]
    pub fn persist_error(&self, err: &PersistError) -> String {
        let io = |template: &str, cause: &io::Error, path: &std::path::Path| {
            fill(
                template,
                &[
                    ("problem", &self.io_problem(cause.kind(), cause)),
                    ("advice", &self.io_advice(cause.kind())),
                    ("path", &path.display()),
                ],
            )
        };
        match err {
            PersistError::Broken { path } => {
                fill(self.persist_broken, &[("path", &path.display())])
            }
            PersistError::ReadOnly { version, path } => fill(
                self.persist_read_only,
                &[("version", version), ("path", &path.display())],
            ),
            PersistError::ChangedUnreadable { reason, path } => fill(
                self.persist_changed_unreadable,
                &[
                    ("reason", &self.review_error(reason)),
                    ("path", &path.display()),
                ],
            ),
            PersistError::ChangedNewer { version, path } => fill(
                self.persist_changed_newer,
                &[("version", version), ("path", &path.display())],
            ),
            PersistError::Read { path, cause } => io(self.persist_read, cause, path),
            PersistError::Write { path, cause } => io(self.persist_write, cause, path),
            PersistError::Serialize { message, path } => fill(
                self.persist_serialize,
                &[("message", message), ("path", &path.display())],
            ),
            PersistError::Move { path, cause } => io(self.persist_move, cause, path),
            PersistError::NotBroken { path } => {
                fill(self.persist_not_broken, &[("path", &path.display())])
            }
            PersistError::ReadOnlyFile { path } => {
                fill(self.persist_read_only_file, &[("path", &path.display())])
            }
            PersistError::Owner { uid, path } => fill(
                self.persist_owner,
                &[("uid", uid), ("path", &path.display())],
            ),
            PersistError::Locked { waited, lock, path } => fill(
                self.persist_locked,
                &[
                    ("seconds", &format!("{:.1}", waited.as_secs_f64())),
                    ("lock", &lock.display()),
                    ("path", &path.display()),
                ],
            ),
            PersistError::Lock { path, cause } => io(self.persist_lock, cause, path),
        }
    }

    /// A notes file that cannot be read: why, and what to do.
    #[must_use]
    pub fn unreadable(&self, error: &Unreadable) -> String {
        match error {
            Unreadable::Read { path, kind, detail } => fill(
                self.unreadable_read,
                &[
                    ("problem", &self.io_problem(*kind, detail)),
                    ("advice", &self.io_advice(*kind)),
                    ("path", &path.display()),
                ],
            ),
            Unreadable::Damaged(err) => self.review_error(err),
        }
    }

    /// " at PATH" in this language when an error names a file, else nothing:
    /// the ending of the review and import errors' messages.
    #[must_use]
    pub fn at_optional_path(&self, path: Option<&std::path::Path>) -> String {
        path.map_or_else(String::new, |p| {
            fill(self.at_path, &[("path", &p.display())])
        })
    }

    /// Why a review file could not be read, ending with its path when the
    /// error names one.
    #[must_use]
    pub fn review_error(&self, err: &ReviewError) -> String {
        let at = |path: &Option<std::path::PathBuf>| self.at_optional_path(path.as_deref());
        match err {
            ReviewError::Malformed {
                line,
                column,
                message,
                path,
            } => fill(
                self.review_malformed,
                &[
                    ("line", line),
                    ("column", column),
                    ("message", message),
                    ("at", &at(path)),
                ],
            ),
            ReviewError::NotReview { found, path } => {
                let found = match found {
                    Some(format) => fill(
                        self.review_found_format,
                        &[("format", format), ("expected", &FORMAT)],
                    ),
                    None => fill(self.review_no_format, &[("expected", &FORMAT)]),
                };
                fill(
                    self.review_not_review,
                    &[("found", &found), ("at", &at(path))],
                )
            }
            ReviewError::TooNew { version, path } => fill(
                self.review_too_new,
                &[
                    ("version", version),
                    ("supported", &VERSION),
                    ("at", &at(path)),
                ],
            ),
        }
    }

    /// An I/O failure of `kind` in plain words; `detail` (what the system
    /// said) when it is none of the usual ones.
    #[must_use]
    pub fn io_problem(&self, kind: io::ErrorKind, detail: &dyn std::fmt::Display) -> String {
        match kind {
            io::ErrorKind::PermissionDenied => self.io_permission_denied.to_owned(),
            io::ErrorKind::ReadOnlyFilesystem => self.io_read_only.to_owned(),
            io::ErrorKind::StorageFull => self.io_full.to_owned(),
            io::ErrorKind::IsADirectory => self.io_folder_in_the_way.to_owned(),
            io::ErrorKind::NotFound => self.io_no_folder.to_owned(),
            _ => fill(self.io_other, &[("error", detail)]),
        }
    }

    /// What the user can do about an I/O failure of `kind`.
    #[must_use]
    pub fn io_advice(&self, kind: io::ErrorKind) -> &'static str {
        match kind {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                self.io_advice_writable
            }
            io::ErrorKind::StorageFull => self.io_advice_full,
            io::ErrorKind::IsADirectory => self.io_advice_folder,
            _ => self.io_advice_other,
        }
    }

    /// Where a note stands after the text changed, in words, for a note
    /// made at `stored`; `now` gives the text at a position (for an
    /// approximate match). `None` for a note exactly where it was made.
    #[must_use]
    pub fn anchor_status(
        &self,
        anchor: &Anchor,
        stored: TextPosition,
        now: impl FnOnce(TextPosition) -> String,
    ) -> Option<String> {
        let Anchor::Anchored { position, how } = anchor else {
            return match anchor {
                Anchor::Orphaned { reason } => Some(fill(
                    self.orphaned_reason,
                    &[("reason", &self.orphan_reason(reason))],
                )),
                Anchor::Anchored { .. } => None,
            };
        };
        let moved = |template| {
            fill(
                template,
                &[("from", &stored.start), ("to", &position.start)],
            )
        };
        match how {
            Match::Exact => None,
            Match::Moved { same_context: true } => Some(moved(self.status_moved)),
            Match::Moved {
                same_context: false,
            } => Some(moved(self.status_moved_context)),
            Match::Fuzzy { score } => Some(fill(
                self.status_fuzzy,
                &[
                    ("percent", &format!("{:.0}", score * 100.0)),
                    ("now", &short(&now(*position), 40)),
                ],
            )),
            Match::Ambiguous { places } => Some(fill(self.status_ambiguous, &[("n", places)])),
        }
    }

    /// The one-word mark of a note in the notes list that needs checking
    /// and is still placed (orphans have their own section); `None` when
    /// there is nothing to check.
    #[must_use]
    pub fn status_badge(&self, anchor: &Anchor) -> Option<&'static str> {
        if !anchor.needs_checking() {
            return None;
        }
        match anchor {
            Anchor::Anchored { how, .. } => Some(match how {
                Match::Fuzzy { .. } => self.badge_fuzzy,
                Match::Ambiguous { .. } => self.badge_ambiguous,
                Match::Exact | Match::Moved { .. } => self.badge_moved,
            }),
            Anchor::Orphaned { .. } => Some(self.orphaned),
        }
    }

    /// Why a note could not be placed in the text.
    #[must_use]
    pub fn orphan_reason(&self, reason: &OrphanReason) -> String {
        match reason {
            OrphanReason::NoQuote => self.orphan_no_quote.to_owned(),
            OrphanReason::UnreadSelectors { types } => {
                fill(self.orphan_unread_selectors, &[("types", types)])
            }
            OrphanReason::TooShort { quote } => fill(self.orphan_too_short, &[("quote", quote)]),
            OrphanReason::TooDifferent {
                quote,
                nearest,
                score,
                needed,
            } => fill(
                self.orphan_too_different,
                &[
                    ("quote", quote),
                    ("nearest", nearest),
                    ("score", &format!("{score:.2}")),
                    ("needed", &format!("{needed:.2}")),
                ],
            ),
            OrphanReason::NotFound { quote } => fill(self.orphan_not_found, &[("quote", quote)]),
            OrphanReason::OtherDocument { source } => {
                fill(self.orphan_other_document, &[("source", source)])
            }
        }
    }

    /// What an import did, for its window: the one-line summary, then a
    /// line for each part of the file it skipped (duplicates included) and
    /// each field it renamed, naming the item (at most
    /// [`IMPORT_DETAIL_LINES`], then how many more).
    #[must_use]
    pub fn import_report(&self, summary: &ImportSummary) -> String {
        let mut lines = vec![(self.import_summary)(summary)];
        let details: Vec<String> = summary
            .skipped_reasons
            .iter()
            .map(|s| self.skipped(s))
            .chain(summary.renamed.iter().map(|r| self.renamed(r)))
            .collect();
        let more = details.len().saturating_sub(IMPORT_DETAIL_LINES);
        lines.extend(details.into_iter().take(IMPORT_DETAIL_LINES));
        if more > 0 {
            lines.push(fill(self.import_more_lines, &[("n", &more)]));
        }
        lines.join("\n")
    }

    /// An item of an annotations file, as a message names it.
    fn import_item(&self, item: &Item) -> String {
        match item {
            Item::Id(id) => fill(self.import_item_id, &[("id", id)]),
            Item::At(at) if at.is_empty() => self.import_item_only.to_owned(),
            Item::At(at) => fill(self.import_item_at, &[("at", at)]),
        }
    }

    /// A skipped part of an annotations file and why.
    #[must_use]
    pub fn skipped(&self, skipped: &Skipped) -> String {
        let item = self.import_item(&skipped.item);
        let item: &dyn std::fmt::Display = &item;
        match &skipped.reason {
            SkipReason::TooDeep => fill(self.import_skip_too_deep, &[("item", item)]),
            SkipReason::NotAnnotation { type_name: None } => {
                fill(self.import_skip_untyped, &[("item", item)])
            }
            SkipReason::NotAnnotation { type_name: Some(t) } => {
                fill(self.import_skip_typed, &[("item", item), ("type", t)])
            }
            SkipReason::LinkedAnnotation => fill(self.import_skip_linked, &[("item", item)]),
            SkipReason::NotAnnotationValue => fill(self.import_skip_value, &[("item", item)]),
            SkipReason::LinkedPage { key } => fill(
                self.import_skip_linked_page,
                &[("item", item), ("key", key)],
            ),
            SkipReason::NotAPage { key } => {
                fill(self.import_skip_not_a_page, &[("item", item), ("key", key)])
            }
            SkipReason::NoTextSelector { types } => fill(
                self.import_skip_no_text_selector,
                &[("item", item), ("types", &types.join(", "))],
            ),
            SkipReason::Duplicate { of } => match &skipped.item {
                Item::Id(id) if id == of => fill(self.import_skip_already_there, &[("item", item)]),
                _ => fill(self.import_skip_duplicate, &[("item", item), ("of", of)]),
            },
        }
    }

    /// A passthrough field kept under another name.
    #[must_use]
    pub fn renamed(&self, renamed: &Renamed) -> String {
        let template = match renamed.of {
            FieldsOf::Note => self.import_renamed_note_field,
            FieldsOf::Target => self.import_renamed_target_field,
        };
        fill(
            template,
            &[
                ("item", &self.import_item(&renamed.item)),
                ("from", &renamed.from),
                ("to", &renamed.to),
            ],
        )
    }

    /// Why an edit was refused.
    #[must_use]
    pub fn store_error(&self, err: &StoreError) -> String {
        match err {
            StoreError::DuplicateId { id } => fill(self.store_duplicate_id, &[("id", id)]),
            StoreError::UnknownNote { id } => fill(self.store_unknown_note, &[("id", id)]),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "test code: a panic is a failed test"
    )]

    use std::path::{Path, PathBuf};

    use super::*;
    use crate::ui::i18n::{EN, Lang, ZH_HANS, ZH_HANT, strings};

    /// One of each kind of system failure the words tell apart.
    fn io_failures() -> Vec<io::Error> {
        [
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::ReadOnlyFilesystem,
            io::ErrorKind::StorageFull,
            io::ErrorKind::IsADirectory,
            io::ErrorKind::NotFound,
        ]
        .into_iter()
        .map(io::Error::from)
        .chain([io::Error::other("磁碟壞軌")])
        .collect()
    }

    /// Every save failure there is, with `path`.
    fn persist_errors(path: &Path) -> Vec<PersistError> {
        let path = path.to_path_buf();
        let mut all = vec![
            PersistError::Broken { path: path.clone() },
            PersistError::ReadOnly {
                version: 9,
                path: path.clone(),
            },
            PersistError::ChangedUnreadable {
                reason: review_errors(None).remove(0),
                path: path.clone(),
            },
            PersistError::ChangedNewer {
                version: 9,
                path: path.clone(),
            },
            PersistError::Serialize {
                message: "序列化失敗".into(),
                path: path.clone(),
            },
            PersistError::NotBroken { path: path.clone() },
            PersistError::ReadOnlyFile { path: path.clone() },
            PersistError::Owner {
                uid: 1234,
                path: path.clone(),
            },
            PersistError::Locked {
                waited: std::time::Duration::from_millis(20_050),
                lock: PathBuf::from(format!("{}.鎖", path.display())),
                path: path.clone(),
            },
        ];
        for cause in io_failures() {
            all.push(PersistError::Read {
                path: path.clone(),
                cause,
            });
        }
        for cause in io_failures() {
            all.push(PersistError::Write {
                path: path.clone(),
                cause,
            });
        }
        for cause in io_failures() {
            all.push(PersistError::Lock {
                path: path.clone(),
                cause,
            });
        }
        for cause in io_failures() {
            all.push(PersistError::Move {
                path: path.clone(),
                cause,
            });
        }
        all
    }

    /// Every way a review file can be unreadable, naming `path` or not.
    fn review_errors(path: Option<&Path>) -> Vec<ReviewError> {
        let path = path.map(Path::to_path_buf);
        vec![
            ReviewError::Malformed {
                line: 4,
                column: 3,
                message: "缺少逗號".into(),
                path: path.clone(),
            },
            ReviewError::NotReview {
                found: Some("別的格式".into()),
                path: path.clone(),
            },
            ReviewError::NotReview {
                found: None,
                path: path.clone(),
            },
            ReviewError::TooNew { version: 7, path },
        ]
    }

    /// Every save state there is.
    fn save_states(path: &Path) -> Vec<SaveState> {
        let mut all = vec![
            SaveState::Loaded,
            SaveState::New,
            SaveState::Unsaved,
            SaveState::Saved {
                at: "2026-12-01T15:32:01Z".into(),
            },
            SaveState::Merged {
                at: "2026-12-01T15:32:01Z".into(),
            },
            SaveState::Unreadable(Unreadable::Read {
                path: path.to_path_buf(),
                kind: io::ErrorKind::PermissionDenied,
                detail: "拒絕存取".into(),
            }),
            SaveState::Unreadable(Unreadable::Read {
                path: path.to_path_buf(),
                kind: io::ErrorKind::Other,
                detail: "磁碟壞軌".into(),
            }),
            SaveState::Imported(ImportSummary {
                imported: 3,
                duplicates: 1,
                ..ImportSummary::default()
            }),
            SaveState::NewFile,
            SaveState::NewFileKept {
                kept: path.to_path_buf(),
            },
            SaveState::ReadOnly { version: 9 },
            SaveState::ReadOnlyFile,
            SaveState::EditRefused(StoreError::DuplicateId { id: "甲".into() }),
            SaveState::EditRefused(StoreError::UnknownNote { id: "乙".into() }),
        ];
        all.extend(
            review_errors(Some(path))
                .into_iter()
                .map(|e| SaveState::Unreadable(Unreadable::Damaged(e))),
        );
        all.extend(persist_errors(path).into_iter().map(SaveState::NotSaved));
        all.extend(
            persist_errors(path)
                .into_iter()
                .map(SaveState::NewFileFailed),
        );
        all
    }

    /// Every reason a note can lose its place.
    fn orphan_reasons() -> Vec<OrphanReason> {
        vec![
            OrphanReason::NoQuote,
            OrphanReason::TooShort {
                quote: "十八大".into(),
            },
            OrphanReason::TooDifferent {
                quote: "市委常委、組織部長何思清主持。".into(),
                nearest: "市委常委何思清主持".into(),
                score: 0.612,
                needed: 0.75,
            },
            OrphanReason::NotFound {
                quote: "這段文字已經不在文中了".into(),
            },
            OrphanReason::OtherDocument {
                source: "文件/另一篇".into(),
            },
        ]
    }

    /// An import that skipped and renamed one of everything.
    fn eventful_import() -> ImportSummary {
        let id = |s: &str| Item::Id(s.to_owned());
        let at = |s: &str| Item::At(s.to_owned());
        let skipped = [
            (at("/first/items/3"), SkipReason::TooDeep),
            (at("/0"), SkipReason::NotAnnotation { type_name: None }),
            (
                id("http://example.org/某人"),
                SkipReason::NotAnnotation {
                    type_name: Some("Person".into()),
                },
            ),
            (id("http://example.org/甲"), SkipReason::LinkedAnnotation),
            (at(""), SkipReason::NotAnnotationValue),
            (
                id("http://example.org/頁2"),
                SkipReason::LinkedPage { key: "next".into() },
            ),
            (
                at("/first"),
                SkipReason::NotAPage {
                    key: "first".into(),
                },
            ),
            (
                id("戊"),
                SkipReason::NoTextSelector {
                    types: vec!["XPathSelector".into(), "SvgSelector".into()],
                },
            ),
            (id("乙"), SkipReason::Duplicate { of: "乙".into() }),
            (id("丙"), SkipReason::Duplicate { of: "甲".into() }),
        ];
        let renamed = [FieldsOf::Note, FieldsOf::Target].map(|of| Renamed {
            item: id("丁"),
            of,
            from: "color".into(),
            to: "x-color".into(),
        });
        ImportSummary {
            imported: 1,
            duplicates: 2,
            skipped: 8,
            skipped_reasons: skipped
                .into_iter()
                .map(|(item, reason)| Skipped { item, reason })
                .collect(),
            renamed: renamed.to_vec(),
            ..ImportSummary::default()
        }
    }

    /// The import window names every skipped and renamed item, in each
    /// language; in English with the CLI's words.
    #[test]
    fn import_reports_name_every_item() {
        let summary = eventful_import();
        let report = EN.import_report(&summary);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 1 + 10 + 2);
        assert_eq!(lines[0], summary.to_string());
        let core: Vec<String> = summary
            .skipped_reasons
            .iter()
            .map(ToString::to_string)
            .chain(summary.renamed.iter().map(ToString::to_string))
            .collect();
        assert_eq!(lines[1..], core);
        for s in [&ZH_HANT, &ZH_HANS] {
            let report = s.import_report(&summary);
            assert_eq!(report.lines().count(), 13, "{report}");
            for named in [
                "/first/items/3",
                "http://example.org/某人",
                "Person",
                "“甲”",
                "XPathSelector, SvgSelector",
                "x-color",
            ] {
                let named = named.trim_matches(['“', '”']);
                assert!(report.contains(named), "{named} in {report}");
            }
            assert!(!report.contains("{"), "{report}");
        }
        // A long list ends with how many more.
        let mut long = summary.clone();
        long.skipped_reasons = (0..40)
            .map(|i| Skipped {
                item: Item::At(format!("/{i}")),
                reason: SkipReason::NotAnnotationValue,
            })
            .collect();
        let report = ZH_HANT.import_report(&long);
        assert_eq!(report.lines().count(), 1 + IMPORT_DETAIL_LINES + 1);
        assert!(report.ends_with("……還有 12 項"), "{report}");
    }

    /// The English window says what the CLI says: the core's own words.
    #[test]
    fn english_is_the_cores_wording() {
        for reason in orphan_reasons() {
            assert_eq!(EN.orphan_reason(&reason), reason.to_string());
        }
        let path = PathBuf::from("/審閱/文章.pizhu.json");
        for state in save_states(&path) {
            assert_eq!(EN.save_state(&state), state.to_string(), "{state:?}");
        }
        for problem in [
            NotesProblem::ReadOnlyNewer {
                version: 9,
                path: &path,
            },
            NotesProblem::ReadOnlyFile { path: &path },
            NotesProblem::Broken {
                error: &Unreadable::Damaged(review_errors(Some(&path)).remove(0)),
            },
        ] {
            assert_eq!(EN.notes_problem(&problem), problem.to_string());
        }
    }

    #[test]
    fn save_states_are_translated() {
        let path = PathBuf::from("/a/b");
        assert_eq!(ZH_HANT.save_state(&SaveState::Unsaved), "有未儲存的變更");
        let saved = SaveState::Saved {
            at: "2026-11-30T20:35:34Z".into(),
        };
        // A reviewer in UTC+8 reads the save time on their own clock.
        let beijing = time::fixed_zone(8);
        assert_eq!(ZH_HANT.save_state_in(&saved, &beijing), "已儲存 04:35:34");
        assert_eq!(ZH_HANS.save_state_in(&saved, &beijing), "已保存 04:35:34");
        assert_eq!(EN.save_state_in(&saved, &beijing), "saved 04:35:34");
        let full = SaveState::NotSaved(PersistError::Write {
            path: path.clone(),
            cause: io::ErrorKind::StorageFull.into(),
        });
        assert_eq!(
            ZH_HANT.save_state(&full),
            "未儲存：無法儲存批注：磁碟已滿；請釋放一些磁碟空間後再儲存；磁碟上的批注檔沒有改變：/a/b"
        );
        let kept = SaveState::NewFileKept { kept: path };
        assert_eq!(
            ZH_HANT.save_state(&kept),
            "新的批注檔；損壞的檔案保留為 /a/b"
        );
        assert_eq!(ZH_HANT.save_state(&SaveState::NewFile), "新的批注檔");
        // What the system said is kept as it said it.
        let other = SaveState::NotSaved(PersistError::Read {
            path: PathBuf::from("/a/b"),
            cause: io::Error::other("I/O 錯誤 5"),
        });
        assert!(ZH_HANS.save_state(&other).contains("系统报告：I/O 錯誤 5"));
    }

    /// No state, problem or failure reads English in a Chinese window: no
    /// word of two Latin letters or more but names ("Pizhu", "JSON"), the
    /// tag "conflict", and the file's own words (its format field and the
    /// file name pattern); a clock's "Z" is one letter.
    const ALLOWED: [&str; 7] = [
        "Pizhu", "JSON", "conflict", "format", "pizhu", "review", "json",
    ];

    #[test]
    fn chinese_states_have_no_english_words() {
        let path = PathBuf::from("/審閱/文章.批注");
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let s = strings(lang);
            let mut shown: Vec<String> = save_states(&path)
                .iter()
                .map(|state| s.save_state(state))
                .collect();
            shown.push(s.notes_problem(&NotesProblem::ReadOnlyNewer {
                version: 9,
                path: &path,
            }));
            shown.push(s.notes_problem(&NotesProblem::ReadOnlyFile { path: &path }));
            shown.extend(orphan_reasons().iter().map(|r| s.orphan_reason(r)));
            for text in shown {
                let english: Vec<&str> = text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|word| word.len() >= 2)
                    .filter(|word| !ALLOWED.contains(word))
                    .collect();
                assert!(english.is_empty(), "{lang:?}: {english:?} in {text}");
            }
        }
    }

    /// The states the core really goes through are the ones worded here.
    #[test]
    fn the_cores_notes_states_are_translated() {
        use crate::core::notes::note::{Note, Target};
        use crate::core::notes::session::Notes;
        use crate::core::notes::store::Edit;
        use crate::core::text::document::Document;

        let dir = tempfile::tempdir().unwrap();
        let doc = Document::embedded();
        let path = dir.path().join("a.pizhu.json");
        let mut notes = Notes::open(&doc, Some(&path));
        let mut seen = vec![ZH_HANS.save_state(notes.state())];
        let note = Note::new(Target::range(&doc, 0, 2), "n".into(), "me".into());
        assert!(notes.edit(Edit::Add(note)));
        seen.push(ZH_HANS.save_state(notes.state()));
        assert!(notes.save().is_ok());
        seen.push(ZH_HANS.save_state(notes.state()));
        let reopened = Notes::open(&doc, Some(&path));
        seen.push(ZH_HANS.save_state(reopened.state()));
        assert_eq!(seen[0], "新文件，写下第一条批注时保存");
        for shown in seen {
            assert!(
                !shown.chars().any(|c| c.is_ascii_lowercase()),
                "shown untranslated: {shown:?}"
            );
        }
    }
}
