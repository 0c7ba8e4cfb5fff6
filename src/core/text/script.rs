//! Converting text between simplified and traditional characters, for
//! `pizhu text --script` (and the place to make the conversion smarter: one
//! function, [`convert`], that every caller uses).

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

/// `text` in `script` (`hanconv`'s phrase tables); other text (Latin,
/// punctuation, line breaks) is kept as it is.
#[must_use]
pub fn convert(text: &str, script: Script) -> String {
    match script {
        Script::Simplified => hanconv::t2s(text),
        Script::Traditional => hanconv::s2t(text),
    }
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
        assert_eq!(Script::from_name("简体"), None);
    }
}
