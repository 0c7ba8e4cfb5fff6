//! What importing notes reads and reports: the notes read from a file
//! ([`Incoming`], by [`read_annotations`](crate::core::w3c::read::read_annotations)),
//! what merging them did ([`ImportSummary`], by
//! [`plan_merge`](crate::core::file::merge::plan_merge)), and why a file
//! could not be imported ([`ImportError`]).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::core::file::review::ReviewError;
use crate::core::lang::Lang;
use crate::core::notes::note::Note;
use crate::core::notes::store::StoreError;

/// Notes read from a file, before merging.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// The notes, in the file's order.
    pub notes: Vec<Note>,
    /// Which item of the file each note comes from, in the same order as
    /// [`notes`](Self::notes) (a note without one is named by its id).
    pub items: Vec<Item>,
    /// Why each unusable part of the file was skipped.
    pub skipped: Vec<Skipped>,
    /// Passthrough fields kept under another name, since theirs is a
    /// Pizhu field's.
    pub renamed: Vec<Renamed>,
}

impl From<Vec<Note>> for Incoming {
    /// Notes with nothing skipped or renamed, each named by its id.
    fn from(notes: Vec<Note>) -> Self {
        let items = notes.iter().map(|n| Item::Id(n.id.clone())).collect();
        Self {
            notes,
            items,
            ..Self::default()
        }
    }
}

/// One item of an annotations file, as a message names it: by the id the
/// file gives it, or, when it has none, by where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The id (or IRI) the file gives it.
    Id(String),
    /// Where it is in the file, as a JSON Pointer (RFC 6901): `/3` is the
    /// fourth item of a list, `/first/items/0` the first annotation of a
    /// collection's first page; empty for the whole file.
    At(String),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => write!(f, "“{id}”"),
            Self::At(at) if at.is_empty() => f.write_str("the file's only item"),
            Self::At(at) => write!(f, "the item at {at}"),
        }
    }
}

/// A part of an annotations file that was skipped, and why;
/// [`Display`](fmt::Display) names it and says why in English (the CLI
/// prints it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Which part.
    pub item: Item,
    /// Why.
    pub reason: SkipReason,
}

/// Why a part of an annotations file was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A part nested deeper than the reader goes.
    TooDeep,
    /// An object that is not an annotation, page or collection.
    NotAnnotation {
        /// Its `type`, if it has one.
        type_name: Option<String>,
    },
    /// An annotation given only by its IRI (the item's id).
    LinkedAnnotation,
    /// A value (number, true, …) where an annotation was expected.
    NotAnnotationValue,
    /// A page given only by its IRI (the item's id).
    LinkedPage {
        /// Where it was linked: `first` or `next`.
        key: String,
    },
    /// A `first` or `next` that is not a page.
    NotAPage {
        /// `first` or `next`.
        key: String,
    },
    /// An annotation whose target has selectors, none a text selector
    /// Pizhu reads (`XPathSelector`, `SvgSelector`, a `FragmentSelector`
    /// alone…): its selectors are skipped, and the note is imported with
    /// no place in the text (an orphan).
    NoTextSelector {
        /// The `type` of each selector it has, once each.
        types: Vec<String>,
    },
    /// A note the review already has: the same id and content, or another
    /// id with the same non-empty quote, position, text and tags.
    Duplicate {
        /// The id of the note it duplicates.
        of: String,
    },
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.item)?;
        match &self.reason {
            SkipReason::TooDeep => f.write_str("it is nested too deep to be read as an annotation"),
            SkipReason::NotAnnotation { type_name: None } => {
                f.write_str("it is an object with no type, not an annotation")
            }
            SkipReason::NotAnnotation { type_name: Some(t) } => {
                write!(f, "it is an object of type “{t}”, not an annotation")
            }
            SkipReason::LinkedAnnotation => f.write_str(
                "the annotation is only linked by its IRI, not included, so it cannot be read",
            ),
            SkipReason::NotAnnotationValue => f.write_str("it is a value, not an annotation"),
            SkipReason::LinkedPage { key } => write!(
                f,
                "the page (“{key}”) is only linked by its IRI, not included, so its annotations \
                 cannot be read; export the collection with its pages embedded"
            ),
            SkipReason::NotAPage { key } => write!(f, "the “{key}” page is not a page"),
            SkipReason::NoTextSelector { types } => write!(
                f,
                "its selectors ({}) are not text selectors Pizhu reads, so the note is \
                 imported with no place in the text (orphaned)",
                types.join(", ")
            ),
            SkipReason::Duplicate { of } => match &self.item {
                Item::Id(id) if id == of => f.write_str("the notes already have this note"),
                _ => write!(
                    f,
                    "it duplicates the note “{of}” (the same quote, position, text and tags)"
                ),
            },
        }
    }
}

/// Which struct a passthrough field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldsOf {
    /// The note (`pizhu.note_fields`).
    Note,
    /// The note's target (`pizhu.target_fields`).
    Target,
}

/// A passthrough field (`pizhu.note_fields` or `pizhu.target_fields` of an
/// annotation) whose name is one of Pizhu's own fields there, kept under
/// another name so that the notes file never has the name twice;
/// [`Display`](fmt::Display) says it in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    /// The annotation.
    pub item: Item,
    /// The note's fields or its target's.
    pub of: FieldsOf,
    /// The field's name in the file.
    pub from: String,
    /// The name it is kept under.
    pub to: String,
}

impl fmt::Display for Renamed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (group, part) = match self.of {
            FieldsOf::Note => ("note_fields", "note"),
            FieldsOf::Target => ("target_fields", "target"),
        };
        write!(
            f,
            "{}: the field “{}” in pizhu.{group} has the name of the {part}'s own field, \
             so it is kept as “{}”",
            self.item, self.from, self.to
        )
    }
}

/// What a JSON file holds instead of annotations, for
/// [`ImportError::NotAnnotations`]; [`Display`](fmt::Display) says it in
/// English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonShape {
    /// An object with this `type`.
    ObjectOfType(String),
    /// An object with no `type`.
    UntypedObject,
    /// A list of this many items, none an annotation.
    List(usize),
    /// A string.
    String,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
}

impl fmt::Display for JsonShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ObjectOfType(t) => write!(f, "it is an object of type “{t}”"),
            Self::UntypedObject => f.write_str("it is an object with no “type”"),
            Self::List(n) => write!(f, "it is a list of {n} items, none an annotation"),
            Self::String => f.write_str("it is a string"),
            Self::Number => f.write_str("it is a number"),
            Self::Bool => f.write_str("it is true or false"),
            Self::Null => f.write_str("it is null"),
        }
    }
}

/// What an import did, for the status bar and the CLI.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Notes added (new ids).
    pub imported: usize,
    /// Notes skipped because the review already had them.
    pub duplicates: usize,
    /// Notes that replaced an older version with the same id.
    pub replaced: usize,
    /// Other versions of a note kept as new notes tagged
    /// [`CONFLICT_TAG`](crate::core::file::merge::CONFLICT_TAG).
    pub kept_versions: usize,
    /// How many of the notes added or changed could not be placed in the
    /// document (orphans).
    pub orphaned: usize,
    /// How many of them were placed at the first of several places that
    /// nothing told apart (ambiguous): the reviewer should check them.
    pub ambiguous: usize,
    /// Parts of the file that could not be used (duplicates not included).
    pub skipped: usize,
    /// The ids of the orphans, to show them.
    pub orphan_ids: Vec<String>,
    /// The ids of the ambiguous notes, to show them.
    pub ambiguous_ids: Vec<String>,
    /// Every part of the file that was skipped, duplicates included,
    /// named, with why.
    pub skipped_reasons: Vec<Skipped>,
    /// Passthrough fields kept under another name.
    pub renamed: Vec<Renamed>,
}

impl ImportSummary {
    /// True when something needs a look: notes were orphaned, parts of
    /// the file (duplicates included) were skipped, or fields renamed. The
    /// CLI then exits with 1.
    #[must_use]
    pub fn needs_attention(&self) -> bool {
        self.orphaned > 0
            || self.ambiguous > 0
            || self.skipped > 0
            || self.duplicates > 0
            || !self.renamed.is_empty()
    }

    /// The one-line summary in `lang`: English is the [`fmt::Display`]
    /// line; Chinese joins the counts that are not zero (the first always)
    /// with "，". The window and `pizhu import` both print this.
    #[must_use]
    pub fn line_in(&self, lang: Lang) -> String {
        let parts = match lang {
            Lang::En => return self.to_string(),
            Lang::ZhHant => [
                "已匯入 {n} 則",
                "略過 {n} 則重複的批注",
                "{n} 則由較新的版本取代",
                "另有 {n} 個版本保留為標籤「conflict」的批注",
                "{n} 則失去定位（在文字中找不到）",
                "{n} 則位置不明確（放在幾處中的第一處，請核對）",
                "略過 {n} 個無法使用的項目",
                "{n} 個欄位改名保留",
            ],
            Lang::ZhHans => [
                "已导入 {n} 条",
                "跳过 {n} 条重复的批注",
                "{n} 条被较新的版本取代",
                "另有 {n} 个版本保留为标签“conflict”的批注",
                "{n} 条失去定位（在文本中找不到）",
                "{n} 条位置不明确（放在几处中的第一处，请核对）",
                "跳过 {n} 个无法使用的项目",
                "{n} 个字段改名保留",
            ],
        };
        let counts = [
            self.imported,
            self.duplicates,
            self.replaced,
            self.kept_versions,
            self.orphaned,
            self.ambiguous,
            self.skipped,
            self.renamed.len(),
        ];
        counts
            .into_iter()
            .zip(parts)
            .enumerate()
            .filter(|(i, (n, _))| *i == 0 || *n > 0)
            .map(|(_, (n, part))| part.replace("{n}", &n.to_string()))
            .collect::<Vec<_>>()
            .join("，")
    }
}

impl fmt::Display for ImportSummary {
    /// One line: "3 imported, 1 duplicate skipped, 1 orphaned"; counts of
    /// zero are left out, except the first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![format!("{} imported", self.imported)];
        if self.duplicates > 0 {
            parts.push(plural(
                self.duplicates,
                "duplicate skipped",
                "duplicates skipped",
            ));
        }
        if self.replaced > 0 {
            parts.push(format!("{} replaced by a newer version", self.replaced));
        }
        if self.kept_versions > 0 {
            parts.push(plural(
                self.kept_versions,
                "other version kept as a note tagged “conflict”",
                "other versions kept as notes tagged “conflict”",
            ));
        }
        if self.orphaned > 0 {
            parts.push(format!(
                "{} orphaned (not found in the text)",
                self.orphaned
            ));
        }
        if self.ambiguous > 0 {
            parts.push(format!(
                "{} ambiguous (placed at the first of several places; check them)",
                self.ambiguous
            ));
        }
        if self.skipped > 0 {
            parts.push(plural(
                self.skipped,
                "unusable item skipped",
                "unusable items skipped",
            ));
        }
        if !self.renamed.is_empty() {
            parts.push(plural(
                self.renamed.len(),
                "field renamed",
                "fields renamed",
            ));
        }
        f.write_str(&parts.join(", "))
    }
}

/// Why a file could not be imported. Nothing is imported then. Messages
/// say what happened, then what to do, and end with the path when known
/// (see [`ImportError::with_path`]).
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON.
    #[error(
        "the annotations file is not valid JSON at line {line}, column {column}: {message}; \
         choose a W3C Web Annotation (JSON-LD) file or a Pizhu notes file, or export it again{}",
        at(path.as_deref())
    )]
    Malformed {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem, in chars.
        column: usize,
        /// What is wrong there.
        message: String,
        /// The file, when known.
        path: Option<PathBuf>,
    },
    /// JSON, but neither W3C annotations nor a Pizhu review.
    #[error(
        "the file holds no W3C Web Annotations and is not a Pizhu notes file ({found}); \
         choose a file with an Annotation, an AnnotationCollection, an AnnotationPage or a \
         list of annotations, or a Pizhu notes file (*.pizhu.json){}",
        at(path.as_deref())
    )]
    NotAnnotations {
        /// What the file holds instead.
        found: JsonShape,
        /// The file, when known.
        path: Option<PathBuf>,
    },
    /// A Pizhu review file that cannot be read.
    #[error("{0}")]
    Review(ReviewError),
    /// The store refused the merged notes (a bug: the plan is checked).
    #[error("the notes could not be added ({0}); nothing was imported; please report this")]
    Store(StoreError),
}

/// `": PATH"` for the end of a message, or nothing.
fn at(path: Option<&Path>) -> String {
    path.map_or_else(String::new, |p| format!(": {}", p.display()))
}

impl ImportError {
    /// The same error, naming the file it came from.
    #[must_use]
    pub fn with_path(self, file: &Path) -> Self {
        match self {
            Self::Malformed {
                line,
                column,
                message,
                ..
            } => Self::Malformed {
                line,
                column,
                message,
                path: Some(file.to_path_buf()),
            },
            Self::NotAnnotations { found, .. } => Self::NotAnnotations {
                found,
                path: Some(file.to_path_buf()),
            },
            Self::Review(e) => Self::Review(e.with_path(file)),
            Self::Store(e) => Self::Store(e),
        }
    }
}
