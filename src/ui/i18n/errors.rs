//! Why opening a document, importing annotations or writing an export
//! failed, in the interface's language: the core's typed errors made into
//! words, with their paths and what the system said kept as they are. In
//! English the words are the core's own `Display` (tests check it), except
//! that counted words agree with their number.

use std::io;

use super::strings::Strings;
use super::template::fill;
use crate::core::export::ExportError;
use crate::core::file::open::OpenError;
use crate::core::file::output::{OutputError, ProtectedFile, Special};
use crate::core::import::{ImportError, JsonShape};
use crate::core::input::{InputError, NotAFile, human_size};
use crate::core::text::decode::DecodeError;
use crate::core::text::document::ImportError as DocumentError;

impl Strings {
    /// Why a path could not be opened as a document.
    #[must_use]
    pub fn open_error(&self, err: &OpenError) -> String {
        match err {
            OpenError::Document(err) => self.document_error(err),
            OpenError::ReadReview { path, cause } => fill(
                self.open_read_review,
                &[("error", cause), ("path", &path.display())],
            ),
            OpenError::Review(err) => self.review_error(err),
            OpenError::DocumentNotFound { name, path } => fill(
                self.open_document_not_found,
                &[("name", name), ("path", &path.display())],
            ),
        }
    }

    /// Why a document could not be read or decoded.
    #[must_use]
    pub fn document_error(&self, err: &DocumentError) -> String {
        let (problem, advice, path) = match err {
            DocumentError::Read { path, cause } => {
                let (problem, advice) = match cause.kind() {
                    io::ErrorKind::NotFound => {
                        (self.doc_not_found.to_owned(), self.doc_advice_name)
                    }
                    io::ErrorKind::PermissionDenied => {
                        (self.doc_permission.to_owned(), self.doc_advice_permission)
                    }
                    io::ErrorKind::IsADirectory => {
                        (self.doc_is_folder.to_owned(), self.doc_advice_folder)
                    }
                    _ => (
                        fill(self.doc_unreadable, &[("error", cause)]),
                        self.doc_advice_other,
                    ),
                };
                (problem, advice, path.display().to_string())
            }
            DocumentError::Decode { path, cause } => {
                let advice = match cause {
                    DecodeError::Empty => self.decode_advice_empty,
                    DecodeError::Binary { .. } => self.decode_advice_binary,
                    DecodeError::Undecodable { .. } | DecodeError::Unclear { .. } => {
                        self.decode_advice_undecodable
                    }
                };
                (self.decode_error(cause), advice, path.clone())
            }
            DocumentError::Input(err) => {
                let (problem, advice) = self.input_problem(err);
                (problem, advice, err.path().display().to_string())
            }
        };
        fill(
            self.doc_open_failed,
            &[("problem", &problem), ("advice", &advice), ("path", &path)],
        )
    }

    /// Why a document is not read at all (not a regular file, too large),
    /// and what to do.
    fn input_problem(&self, err: &InputError) -> (String, &'static str) {
        match err {
            InputError::NotAFile { what, .. } => {
                let what = match what {
                    NotAFile::Folder => {
                        return (self.doc_is_folder.to_owned(), self.doc_advice_folder);
                    }
                    NotAFile::Fifo => self.input_fifo,
                    NotAFile::Socket => self.input_socket,
                    NotAFile::Device => self.input_device,
                    NotAFile::Other => self.input_special,
                };
                (
                    fill(self.input_not_a_file, &[("what", &what)]),
                    self.input_advice_regular,
                )
            }
            InputError::TooLarge { size, kind, .. } => {
                let limit = kind.limit_text();
                let problem = match size {
                    Some(size) => fill(
                        self.doc_too_large,
                        &[("size", &human_size(*size)), ("limit", &limit)],
                    ),
                    None => fill(self.doc_grew, &[("limit", &limit)]),
                };
                (problem, self.doc_advice_split)
            }
            InputError::Io { cause, .. } => (
                fill(self.doc_unreadable, &[("error", cause)]),
                self.doc_advice_other,
            ),
        }
    }

    /// Why a file's bytes are not usable text.
    #[must_use]
    pub fn decode_error(&self, err: &DecodeError) -> String {
        match err {
            DecodeError::Empty => self.decode_empty.to_owned(),
            DecodeError::Binary { offset } => fill(self.decode_binary, &[("offset", offset)]),
            DecodeError::Undecodable { encoding } => {
                fill(self.decode_undecodable, &[("encoding", encoding)])
            }
            DecodeError::Unclear { candidates } => {
                let parts: Vec<String> = candidates
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let template = if i == 0 {
                            self.decode_candidate_first
                        } else {
                            self.decode_candidate_more
                        };
                        fill(template, &[("encoding", &c.encoding), ("n", &c.malformed)])
                    })
                    .collect();
                fill(
                    self.decode_unclear,
                    &[("candidates", &parts.join(self.list_separator))],
                )
            }
        }
    }

    /// Why an annotations file could not be imported.
    #[must_use]
    pub fn import_error(&self, err: &ImportError) -> String {
        let at = |path: &Option<std::path::PathBuf>| self.at_optional_path(path.as_deref());
        match err {
            ImportError::Malformed {
                line,
                column,
                message,
                path,
            } => fill(
                self.import_malformed,
                &[
                    ("line", line),
                    ("column", column),
                    ("message", message),
                    ("at", &at(path)),
                ],
            ),
            ImportError::NotAnnotations { found, path } => fill(
                self.import_not_annotations,
                &[("found", &self.json_shape(found)), ("at", &at(path))],
            ),
            ImportError::Review(err) => self.review_error(err),
            ImportError::Store(err) => {
                fill(self.import_store, &[("error", &self.store_error(err))])
            }
        }
    }

    /// What a JSON file holds instead of annotations.
    #[must_use]
    pub fn json_shape(&self, shape: &JsonShape) -> String {
        match shape {
            JsonShape::ObjectOfType(name) => fill(self.shape_object_of_type, &[("type", name)]),
            JsonShape::UntypedObject => self.shape_untyped_object.to_owned(),
            JsonShape::List(n) => fill(self.shape_list, &[("n", n)]),
            JsonShape::String => self.shape_string.to_owned(),
            JsonShape::Number => self.shape_number.to_owned(),
            JsonShape::Bool => self.shape_bool.to_owned(),
            JsonShape::Null => self.shape_null.to_owned(),
        }
    }

    /// Why an export was not written where the user asked.
    #[must_use]
    pub fn output_error(&self, err: &OutputError) -> String {
        match err {
            OutputError::Protected { what, path } => {
                let what = match what {
                    ProtectedFile::Document => self.out_the_document,
                    ProtectedFile::Review => self.out_the_notes,
                    ProtectedFile::Backup => self.out_the_backup,
                    ProtectedFile::Lock => self.out_the_lock,
                };
                fill(
                    self.export_protected,
                    &[("what", &what), ("path", &path.display())],
                )
            }
            OutputError::NotAFile { kind, path } => {
                let kind = match kind {
                    Special::Folder => self.file_folder,
                    Special::Fifo => self.file_fifo,
                    Special::Socket => self.file_socket,
                    Special::Device => self.file_device,
                    Special::Other => self.file_other,
                };
                fill(
                    self.export_not_a_file,
                    &[("kind", &kind), ("path", &path.display())],
                )
            }
            OutputError::DanglingLink { path } => {
                fill(self.export_dangling_link, &[("path", &path.display())])
            }
            OutputError::Write { path, cause } => fill(
                self.err_write_export,
                &[("error", cause), ("path", &path.display())],
            ),
        }
    }

    /// Why an export could not be made.
    #[must_use]
    pub fn export_error(&self, err: &ExportError) -> String {
        match err {
            ExportError::Json(cause) => fill(self.export_json, &[("error", cause)]),
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
    use crate::core::file::review::ReviewError;
    use crate::core::notes::store::StoreError;
    use crate::ui::i18n::{EN, Lang, strings};

    fn document_errors(path: &Path) -> Vec<DocumentError> {
        let mut all: Vec<DocumentError> = [
            io::ErrorKind::NotFound,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::IsADirectory,
        ]
        .into_iter()
        .map(io::Error::from)
        .chain([io::Error::other("磁碟壞軌")])
        .map(|cause| DocumentError::Read {
            path: path.to_path_buf(),
            cause,
        })
        .collect();
        for cause in [
            DecodeError::Empty,
            DecodeError::Binary { offset: 12 },
            DecodeError::Undecodable {
                encoding: "GB18030",
            },
            DecodeError::Unclear {
                candidates: vec![
                    crate::core::text::decode::Candidate {
                        encoding: "UTF-8",
                        malformed: 1,
                    },
                    crate::core::text::decode::Candidate {
                        encoding: "GB18030",
                        malformed: 40,
                    },
                ],
            },
        ] {
            all.push(DocumentError::Decode {
                path: path.display().to_string(),
                cause,
            });
        }
        for what in [
            NotAFile::Fifo,
            NotAFile::Socket,
            NotAFile::Device,
            NotAFile::Other,
        ] {
            all.push(DocumentError::Input(InputError::NotAFile {
                path: path.to_path_buf(),
                what,
            }));
        }
        for size in [Some(2 << 30), None] {
            all.push(DocumentError::Input(InputError::TooLarge {
                path: path.to_path_buf(),
                size,
                kind: crate::core::input::InputKind::Document,
            }));
        }
        all
    }

    fn open_errors(path: &Path) -> Vec<OpenError> {
        let mut all: Vec<OpenError> = document_errors(path)
            .into_iter()
            .map(OpenError::Document)
            .collect();
        all.push(OpenError::ReadReview {
            path: path.to_path_buf(),
            cause: io::Error::other("磁碟壞軌"),
        });
        all.push(OpenError::Review(ReviewError::TooNew {
            version: 7,
            path: Some(path.to_path_buf()),
        }));
        all.push(OpenError::DocumentNotFound {
            name: "文章.txt".into(),
            path: path.to_path_buf(),
        });
        all
    }

    fn import_errors(path: &Path) -> Vec<ImportError> {
        let path = Some(path.to_path_buf());
        let mut all = vec![
            ImportError::Malformed {
                line: 2,
                column: 5,
                message: "缺少逗號".into(),
                path: path.clone(),
            },
            ImportError::Review(ReviewError::NotReview {
                found: None,
                path: path.clone(),
            }),
            ImportError::Store(StoreError::UnknownNote { id: "甲".into() }),
        ];
        for found in [
            JsonShape::ObjectOfType("人物".into()),
            JsonShape::UntypedObject,
            JsonShape::List(2),
            JsonShape::String,
            JsonShape::Number,
            JsonShape::Bool,
            JsonShape::Null,
        ] {
            all.push(ImportError::NotAnnotations {
                found,
                path: path.clone(),
            });
        }
        all
    }

    /// The English window says what the CLI says: the core's own words.
    #[test]
    fn english_is_the_cores_wording() {
        let path = PathBuf::from("/審閱/文章.txt");
        for err in open_errors(&path) {
            assert_eq!(EN.open_error(&err), err.to_string(), "{err:?}");
        }
        for err in import_errors(&path) {
            assert_eq!(EN.import_error(&err), err.to_string(), "{err:?}");
        }
        let json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let err = ExportError::Json(json);
        assert_eq!(EN.export_error(&err), err.to_string());
    }

    /// A list of one is "1 item" in the window (the CLI keeps its words).
    #[test]
    fn a_list_of_one_item_is_singular() {
        assert_eq!(
            EN.json_shape(&JsonShape::List(1)),
            "it is a list of 1 item, none an annotation"
        );
    }

    /// The failures read in Chinese, their paths and the system's words
    /// kept as data.
    #[test]
    fn chinese_failures_are_translated() {
        let path = PathBuf::from("/審閱/文章.txt");
        let hans = strings(Lang::ZhHans);
        let missing = OpenError::Document(DocumentError::Read {
            path: path.clone(),
            cause: io::ErrorKind::NotFound.into(),
        });
        assert_eq!(
            hans.open_error(&missing),
            "无法打开文档：文件不存在；请检查文件名和文件夹：/審閱/文章.txt"
        );
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let s = strings(lang);
            let mut shown: Vec<String> =
                open_errors(&path).iter().map(|e| s.open_error(e)).collect();
            shown.extend(import_errors(&path).iter().map(|e| s.import_error(e)));
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

    /// Names, JSON's own words, the file's fields and the CLI's option.
    const ALLOWED: [&str; 25] = [
        "FFFD",
        "Pizhu",
        "encoding",
        "FIFO",
        "MB",
        "JSON",
        "LD",
        "W3C",
        "Web",
        "Annotation",
        "AnnotationCollection",
        "AnnotationPage",
        "GB",
        "true",
        "false",
        "type",
        "review",
        "UTF",
        "NUL",
        "txt",
        "pizhu",
        "json",
        "format",
        "notes",
        "null",
    ];
}
