//! Converting text between simplified and traditional characters, for
//! `pizhu text --script` (and the place to make the conversion smarter: one
//! function, [`convert`], that every caller uses).

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
/// they are.
#[must_use]
pub fn convert(text: &str, script: Script) -> String {
    match script {
        Script::Simplified => simplified_shadow(text),
        Script::Traditional => {
            let shadow = traditional_shadow(text);
            let mut traditional_only = 0usize;
            let mut to_convert = 0usize;
            let simplified = simplified_shadow(text);
            let chars: Vec<char> = text
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
            if traditional_only > 0 && to_convert * TRADITIONAL_RATIO <= traditional_only {
                return text.to_owned();
            }
            chars.into_iter().collect()
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
}
