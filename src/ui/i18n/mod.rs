//! The interface language: English, 繁體中文 and 简体中文.
//!
//! Every string the window shows is a field of [`Strings`] (`strings.rs`),
//! and each language is one `const` table of them: [`EN`] (`en.rs`),
//! [`ZH_HANT`] (`zh_hant.rs`), [`ZH_HANS`] (`zh_hans.rs`); `labels.rs` names
//! the core's kinds (colours, formats, phases) with them. To add a
//! string, add a field to the list in `strings.rs`, then its text to all
//! three tables (the compiler names any table that lacks it). Strings with
//! values in them are templates with named placeholders, `"{n} matches"`,
//! filled with [`fill`] (`template.rs`), which also picks an English
//! plural, `"{n} {n:match|matches}"`; every language must use the same
//! placeholders (a test checks).
//!
//! The core reports what happened as types (a save state, an orphan
//! reason, an error); `messages.rs` (the notes and their file) and
//! `errors.rs` (opening, importing, exporting) make them into words in a
//! language. In English those words are the core's own `Display`, which
//! the CLI prints, so the two never drift apart (tests check it).
//!
//! The language is chosen from the system locale at first start
//! ([`Lang::system`], `core/lang.rs`, the rule the CLI uses too) and switched in the Settings window.

mod en;
mod errors;
mod labels;
mod messages;
mod strings;
mod template;
mod zh_hans;
mod zh_hant;

pub use crate::core::lang::Lang;
pub use en::EN;
pub use strings::Strings;
pub use template::{fill, placeholders};
pub use zh_hans::ZH_HANS;
pub use zh_hant::ZH_HANT;

/// The strings of `lang`.
#[must_use]
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
        Lang::ZhHans => &ZH_HANS,
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "test code: a panic is a failed test"
    )]

    use super::*;
    use crate::core::export::Format;
    use crate::core::import::ImportSummary;
    use crate::core::notes::note::NoteColor;
    use crate::core::timeline::{EventKind, Phase};

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
            assert_eq!(local.len(), en.len(), "{lang:?}: table length");
            for ((name, english), (_, text)) in en.iter().zip(&local) {
                let mut want = placeholders(english);
                let mut got = placeholders(text);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{lang:?}: {name}: {text}");
            }
        }
    }

    /// Chinese counts have one form: "1 条" and "2 条" alike, so no
    /// Chinese string picks a plural.
    #[test]
    fn chinese_counts_have_one_form() {
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let s = strings(lang);
            for (name, text) in s.all() {
                let picks = placeholders(text)
                    .iter()
                    .any(|p| text.contains(&format!("{{{p}:")));
                assert!(!picks, "{lang:?}: {name} picks a plural: {text}");
            }
            assert_eq!(
                fill(s.mentions, &[("n", &1)]).replace('1', "2"),
                fill(s.mentions, &[("n", &2)])
            );
        }
    }

    #[test]
    fn chinese_tables_are_translated() {
        // Only names, keys, unit symbols and the bilingual label may read
        // the same as English.
        let same_ok = ["open_path_hint", "kilobytes", "megabytes"];
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
