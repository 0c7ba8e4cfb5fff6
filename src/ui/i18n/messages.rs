//! The core's typed messages in the interface's language: what the core
//! reports as data (an import's counts, ...) made into words.

use super::en::EN;
use super::strings::Strings;
use super::template::fill;
use crate::core::import::ImportSummary;

/// The Chinese import summary: the counts that are not zero (the first
/// always), joined with "，".
pub(super) fn zh_import_summary(summary: &ImportSummary, parts: [&str; 6]) -> String {
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

impl Strings {
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
