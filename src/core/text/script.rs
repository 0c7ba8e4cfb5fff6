//! Converting text between simplified and traditional characters, for the
//! window's 简/繁 display and `pizhu text --script`: char for char (offsets
//! carry over), never changing a name of the document's who's who
//! ([`Names`]), and decided once per document ([`Conversion`]) so that the
//! reader, the notes list and the CLI show the same text.

use aho_corasick::AhoCorasick;

use crate::core::text::find::fold;
use crate::core::text::words::{simplified_shadow, traditional_shadow};

/// A Chinese script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters (繁體).
    Traditional,
}

impl Script {
    /// Both scripts, in the order `--script` lists them.
    pub const ALL: [Self; 2] = [Self::Simplified, Self::Traditional];

    /// The name on the command line: `simplified`, `traditional`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Simplified => "simplified",
            Self::Traditional => "traditional",
        }
    }

    /// The script named `name` (as in [`Self::name`], any letter case).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// `text` in `script` (`hanconv`'s phrase tables), char for char: the
/// result has as many chars as `text`, so char offsets carry over. Other
/// text (Latin, punctuation, line breaks) is kept as it is.
///
/// Traditional converts only simplified forms: a char that traditional text
/// itself uses is kept, never swapped for another traditional variant
/// (峰 stays 峰 rather than becoming 峯, 秘 stays rather than becoming 祕), so
/// a text already in traditional characters, and the names in it, show as
/// they are. No names are protected: see [`convert_protecting`].
#[must_use]
pub fn convert(text: &str, script: Script) -> String {
    convert_protecting(text, script, &Names::default())
}

/// [`convert`], keeping every occurrence of `names` exactly as written (see
/// [`Names`]): a document's who's who never changes with the script.
#[must_use]
pub fn convert_protecting(text: &str, script: Script, names: &Names) -> String {
    Conversion::whole(text, script, names.clone()).1
}

/// How a document is shown in a script, decided once for the whole
/// document, so that any piece of it (a paragraph, a note's quote) converts
/// as it does inside the whole: a document already in traditional
/// characters is shown as it is, and the names are kept as written.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The script shown.
    script: Script,
    /// The names kept as written.
    names: Names,
    /// The document is already in `script`: every piece is shown as it is.
    as_is: bool,
}

impl Conversion {
    /// The conversion of the document `text` to `script`, `names` kept as
    /// written, and `text` converted by it (one pass over the text).
    #[must_use]
    pub fn whole(text: &str, script: Script, names: Names) -> (Self, String) {
        let (chars, as_is) = convert_chars(text, script);
        let conversion = Self {
            script,
            names,
            as_is,
        };
        let shown = if as_is {
            text.to_owned()
        } else {
            conversion.names.keep(text, chars)
        };
        (conversion, shown)
    }

    /// The script shown.
    #[must_use]
    pub fn script(&self) -> Script {
        self.script
    }

    /// `piece`, a part of the document (or a quote of it), as the document
    /// shows it: as it is when the document is already in the script, else
    /// converted char for char with the names kept as written.
    #[must_use]
    pub fn convert(&self, piece: &str) -> String {
        if self.as_is {
            return piece.to_owned();
        }
        let (chars, _) = convert_chars(piece, self.script);
        self.names.keep(piece, chars)
    }
}

/// The names script conversion keeps as written: a document's who's who
/// (its timeline's people and places, [`Timeline::names`]).
///
/// A name is protected wherever the text has it in either script: names and
/// text are compared folded ([`fold`]: simplified, lower case), so the name
/// 劉成文 protects 刘成文 as well as 劉成文, and the chars of every such
/// occurrence are kept exactly as the text writes them. Occurrences may
/// overlap; every char of any of them is kept. A name is trimmed, and one of
/// fewer than [`MIN_NAME_CHARS`] chars or with a control char (a line
/// break) protects nothing, so that one char is not frozen everywhere.
/// All names are found in one pass over the text (Aho-Corasick).
///
/// [`Timeline::names`]: crate::core::timeline::Timeline::names
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// The names folded, sorted and each once (compared by [`PartialEq`]).
    folded: Vec<String>,
    /// The automaton over `folded`; `None` for no names.
    automaton: Option<AhoCorasick>,
}

/// A name needs at least this many chars to be protected.
pub const MIN_NAME_CHARS: usize = 2;

impl PartialEq for Names {
    fn eq(&self, other: &Self) -> bool {
        self.folded == other.folded
    }
}

impl Names {
    /// The names to keep as written (see the type's docs for which count).
    #[must_use]
    pub fn new<I>(names: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut folded: Vec<String> = names
            .into_iter()
            .map(|n| n.as_ref().trim().to_owned())
            .filter(|n| n.chars().count() >= MIN_NAME_CHARS && !n.chars().any(char::is_control))
            .map(|n| fold(&n))
            .collect();
        folded.sort_unstable();
        folded.dedup();
        // The automaton is small (a few names); should it ever fail to
        // build, the text converts without protection rather than failing.
        let automaton = if folded.is_empty() {
            None
        } else {
            AhoCorasick::new(&folded).ok()
        };
        Self { folded, automaton }
    }

    /// No names at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// The char ranges `[start, end)` of `text` that are names, in order,
    /// overlapping and touching occurrences merged.
    #[must_use]
    pub fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = fold(text);
        let mut bytes: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(&folded)
            .map(|m| (m.start(), m.end()))
            .collect();
        bytes.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (start, end) in bytes {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        // Byte offsets in the folded text to char offsets (the same in
        // `text`): counted once, front to back.
        let mut at_byte = 0;
        let mut at_char = 0;
        let mut to_char = |byte: usize| {
            at_char += folded.get(at_byte..byte).map_or(0, |s| s.chars().count());
            at_byte = byte;
            at_char
        };
        merged
            .into_iter()
            .map(|(start, end)| (to_char(start), to_char(end)))
            .collect()
    }

    /// `converted` (`text` converted char for char) with the chars of every
    /// name in `text` put back as `text` writes them.
    fn keep(&self, text: &str, converted: String) -> String {
        let ranges = self.ranges(text);
        if ranges.is_empty() {
            return converted;
        }
        let mut ranges = ranges.into_iter().peekable();
        let mut out = String::with_capacity(converted.len().max(text.len()));
        for (i, (original, shown)) in text.chars().zip(converted.chars()).enumerate() {
            while ranges.peek().is_some_and(|&(_, end)| end <= i) {
                ranges.next();
            }
            let in_name = ranges.peek().is_some_and(|&(start, _)| start <= i);
            out.push(if in_name { original } else { shown });
        }
        out
    }
}

/// `text` converted to `script` char for char, and whether `text` is
/// already in `script` (then it is shown as it is; only traditional text
/// is recognised, see [`TRADITIONAL_RATIO`]).
fn convert_chars(text: &str, script: Script) -> (String, bool) {
    match script {
        Script::Simplified => (simplified_shadow(text), false),
        Script::Traditional => {
            let shadow = traditional_shadow(text);
            let mut traditional_only = 0usize;
            let mut to_convert = 0usize;
            let simplified = simplified_shadow(text);
            let chars: String = text
                .chars()
                .zip(shadow.chars())
                .zip(simplified.chars())
                .map(|((c, t), s)| {
                    if c == t {
                        if c != s {
                            traditional_only += 1;
                        }
                        c
                    } else if used_in_traditional(c, t) {
                        c
                    } else {
                        to_convert += 1;
                        t
                    }
                })
                .collect();
            // Already traditional: the few chars left to convert are ones
            // traditional text uses too (于, 并, 制, 范 as in the article).
            let as_is = traditional_only > 0 && to_convert * TRADITIONAL_RATIO <= traditional_only;
            (chars, as_is)
        }
    }
}

/// A text with at least this many traditional-only chars for each char that
/// conversion would change is already traditional and shown as it is.
const TRADITIONAL_RATIO: usize = 4;

/// True when `c` exists only in traditional text (it has a simplified form).
fn is_traditional_only(c: char) -> bool {
    let mut buf = [0u8; 4];
    let c_str: &str = c.encode_utf8(&mut buf);
    hanconv::t2s(c_str) != c_str
}

/// True when `c`, whose conversion to traditional gave `t`, is itself a
/// char that traditional text uses: it is a traditional-only form, or the
/// Taiwan or Hong Kong standard writes `t` as `c` (峯 → 峰, 祕 → 秘).
fn used_in_traditional(c: char, t: char) -> bool {
    if is_traditional_only(c) {
        return true;
    }
    let mut buf = [0u8; 4];
    let c_str: &str = c.encode_utf8(&mut buf);
    let mut buf = [0u8; 4];
    let t_str: &str = t.encode_utf8(&mut buf);
    hanconv::t2tw(t_str) == c_str || hanconv::t2hk(t_str) == c_str
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_converts_both_ways() {
        assert_eq!(
            convert("濟寧市政府與省人社廳簽署合作框架協議", Script::Simplified),
            "济宁市政府与省人社厅签署合作框架协议"
        );
        assert_eq!(
            convert("济宁市政府与省人社厅签署协议", Script::Traditional),
            "濟寧市政府與省人社廳簽署協議"
        );
        assert_eq!(convert("a,b\n", Script::Simplified), "a,b\n");
        assert_eq!(Script::from_name("Traditional"), Some(Script::Traditional));
    }

    #[test]
    fn traditional_keeps_names_and_variants_of_the_article() {
        let doc = crate::core::text::document::Document::embedded();
        let text = doc.text();
        assert!(text.contains("韓金峰") && text.contains("秘書長"));
        let shown = convert(text, Script::Traditional);
        assert_eq!(
            shown.chars().count(),
            text.chars().count(),
            "offsets carry over"
        );
        assert!(shown.contains("韓金峰"), "峰 is not swapped for 峯");
        assert!(shown.contains("秘書長"), "秘 is not swapped for 祕");
        let changed: Vec<(char, char)> = text
            .chars()
            .zip(shown.chars())
            .filter(|(a, b)| a != b)
            .collect();
        assert!(
            changed.is_empty(),
            "a traditional text shows as it is: {changed:?}"
        );
        // Simplified forms still convert, and names keep their 峰.
        assert_eq!(convert("韩金峰秘书长", Script::Traditional), "韓金峰秘書長");
        assert_eq!(Script::from_name("简体"), None);
    }

    /// `text` converted with `names` protected, checking that offsets carry over.
    fn protecting(text: &str, script: Script, names: &[&str]) -> String {
        let shown = convert_protecting(text, script, &Names::new(names));
        assert_eq!(shown.chars().count(), text.chars().count(), "{text}");
        shown
    }

    #[test]
    fn names_stay_as_written_in_either_script() {
        // A simplified text shown as 繁體: the name, given in traditional
        // characters, is found in its simplified spelling and kept so.
        assert_eq!(
            protecting("秘书长刘成文与韩金峰", Script::Traditional, &["劉成文"]),
            "秘書長刘成文與韓金峰"
        );
        // A traditional text shown as 简体 keeps its names traditional.
        assert_eq!(
            protecting(
                "市委常委、秘書長韓金峰講話",
                Script::Simplified,
                &["韓金峰"]
            ),
            "市委常委、秘书长韓金峰讲话"
        );
        // The name written in simplified protects its traditional spelling too.
        assert_eq!(
            protecting("秘書長韓金峰講話", Script::Simplified, &["韩金峰"]),
            "秘书长韓金峰讲话"
        );
        // Without the name the same text converts.
        assert_eq!(
            protecting("秘書長韓金峰講話", Script::Simplified, &[]),
            "秘书长韩金峰讲话"
        );
    }

    #[test]
    fn overlapping_names_and_names_at_the_ends_are_kept() {
        assert_eq!(
            protecting(
                "濟寧高新區新興產業加速器與會",
                Script::Simplified,
                &["濟寧高新區", "高新區新興產業加速器"]
            ),
            "濟寧高新區新興產業加速器与会"
        );
        assert_eq!(
            protecting(
                "劉成文說：韓金峰",
                Script::Simplified,
                &["韓金峰", "劉成文"]
            ),
            "劉成文说：韓金峰"
        );
        // A name that is the whole text, and one that occurs twice.
        assert_eq!(
            protecting("劉中會", Script::Simplified, &["劉中會"]),
            "劉中會"
        );
        assert_eq!(
            protecting("刘中会说刘中会", Script::Traditional, &["劉中會"]),
            "刘中会說刘中会"
        );
    }

    #[test]
    fn no_names_or_too_short_ones_protect_nothing() {
        let text = "濟寧市政府與省人社廳\n劉成文";
        let none = Names::new(Vec::<&str>::new());
        assert!(none.is_empty());
        assert_eq!(
            convert_protecting(text, Script::Simplified, &none),
            convert(text, Script::Simplified)
        );
        // One char (or a blank, or a line break inside) is not a name.
        let short = Names::new(["劉", "  ", "濟寧\n市"]);
        assert!(short.is_empty());
        assert_eq!(
            convert_protecting(text, Script::Simplified, &short),
            "济宁市政府与省人社厅\n刘成文"
        );
        assert_eq!(Names::new([" 劉成文 "]), Names::new(["刘成文"]));
        assert_eq!(Names::new(["劉成文"]).ranges("说刘成文"), vec![(1, 4)]);
    }

    #[test]
    fn the_articles_who_is_who_stays_as_written_in_simplified() {
        let doc = crate::core::text::document::Document::embedded();
        let timeline =
            crate::core::timeline::Timeline::shipped_for(&doc).expect("the article's timeline");
        let names = Names::new(timeline.names());
        let text = doc.text();
        let shown = convert_protecting(text, Script::Simplified, &names);
        assert_eq!(shown.chars().count(), text.chars().count());
        for name in ["韓金峰", "劉成文", "黃麟英", "濟寧高新區新興產業加速器"]
        {
            assert!(text.contains(name) && shown.contains(name), "{name}");
        }
        assert!(shown.contains("秘书长") && !shown.contains("韩金峰"));
        // Each piece converts as it does inside the whole document.
        let (conversion, whole) = Conversion::whole(text, Script::Simplified, names);
        assert_eq!(whole, shown);
        for i in 0..doc.paragraphs.len() {
            let p = &doc.paragraphs[i];
            let inside: String = whole.chars().skip(p.start).take(p.end - p.start).collect();
            assert_eq!(conversion.convert(doc.paragraph_text(i)), inside);
        }
        // Traditional: the article is shown as it is, pieces too.
        let (conversion, whole) = Conversion::whole(text, Script::Traditional, Names::default());
        assert_eq!(whole, text);
        assert_eq!(conversion.convert("于"), "于");
    }
}
