//! The language people read: English, 繁體中文 or 简体中文. The window's
//! interface, the reports (Markdown, HTML, CSV headers) and the shipped
//! timeline's words come in these three; the window and the CLI choose one
//! by the same rule ([`Lang::system`]): the locale variables first (they are
//! how Linux, the BSDs and a shell say it), then, on macOS and Windows, the
//! user's preferred languages as the system keeps them (`sys-locale`).

use serde::{Deserialize, Serialize};

/// A language for people: the interface's, a report's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Traditional Chinese (繁體中文).
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// Simplified Chinese (简体中文).
    #[serde(rename = "zh-Hans")]
    ZhHans,
}

impl Lang {
    /// Every language, in the order the Settings window lists them.
    pub const ALL: [Self; 3] = [Self::En, Self::ZhHant, Self::ZhHans];

    /// The language's name in itself, so anyone can find their own.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhHant => "繁體中文",
            Self::ZhHans => "简体中文",
        }
    }

    /// The language tag: `en`, `zh-Hant`, `zh-Hans` (as stored in the
    /// settings, taken by `--lang` and written in an HTML report's `lang`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhHant => "zh-Hant",
            Self::ZhHans => "zh-Hans",
        }
    }

    /// The language whose [`tag`](Self::tag) is `tag`, in any letter case.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The language of a locale name or language tag: `zh_TW.UTF-8`,
    /// `zh-Hant-HK`, `zh-CN`, `zh`, `en_US`, `C`… Chinese with a Hant script
    /// or a Taiwan, Hong Kong or Macau region is traditional, other Chinese
    /// simplified; anything else is English.
    #[must_use]
    pub fn from_locale(tag: &str) -> Self {
        // "zh_TW.UTF-8@variant" → "zh_TW"
        let tag = tag.split(['.', '@']).next().unwrap_or_default();
        let mut parts = tag.split(['_', '-']).map(|p| p.trim().to_ascii_lowercase());
        let language = parts.next().unwrap_or_default();
        let rest: Vec<String> = parts.collect();
        let has = |subtag: &str| rest.iter().any(|p| p == subtag);
        match language.as_str() {
            // A script subtag says it outright; else the region decides.
            "zh" | "cmn" if has("hans") => Self::ZhHans,
            "zh" | "cmn" if has("hant") || has("tw") || has("hk") || has("mo") => Self::ZhHant,
            "zh" | "cmn" => Self::ZhHans,
            // Cantonese is written in traditional characters.
            "yue" if !has("hans") => Self::ZhHant,
            "yue" => Self::ZhHans,
            _ => Self::En,
        }
    }

    /// The language of the system's locale: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` and `LANGUAGE` that is set (and not `C` or
    /// `POSIX`); on macOS and Windows, where apps started from the Finder
    /// or the Start menu have none of them, the first of the user's
    /// preferred languages. English otherwise.
    #[must_use]
    pub fn system() -> Self {
        Self::from_env(|name| std::env::var(name).ok())
            .or_else(preferred_language)
            .unwrap_or_default()
    }

    /// The language named by the locale variables, read through `var`.
    fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .into_iter()
            .filter_map(var)
            // LANGUAGE is a list in order of preference: "zh_TW:zh:en".
            .filter_map(|value| value.split(':').next().map(str::to_owned))
            .map(|value| value.trim().to_owned())
            .find(|value| !value.is_empty() && value != "C" && value != "POSIX")
            .map(|value| Self::from_locale(&value))
    }
}

/// The first of the user's preferred languages on macOS and Windows
/// (`AppleLanguages`, `GetUserPreferredUILanguages`); `None` elsewhere,
/// where the locale variables [`Lang::system`] reads first are the locale
/// (`sys-locale` would read `LC_CTYPE` there, which names the character
/// set, not the language).
fn preferred_language() -> Option<Lang> {
    if !cfg!(any(target_os = "macos", target_os = "windows")) {
        return None;
    }
    sys_locale::get_locale().map(|tag| Lang::from_locale(&tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_languages() {
        for (tag, lang) in [
            ("zh_TW.UTF-8", Lang::ZhHant),
            ("zh_HK.Big5HKSCS", Lang::ZhHant),
            ("zh_MO", Lang::ZhHant),
            ("zh-Hant", Lang::ZhHant),
            ("zh-Hant-SG", Lang::ZhHant),
            ("zh-TW", Lang::ZhHant),
            ("yue-HK", Lang::ZhHant),
            ("zh_CN.UTF-8", Lang::ZhHans),
            ("zh_SG.GB2312", Lang::ZhHans),
            ("zh-Hans", Lang::ZhHans),
            ("zh-Hans-HK", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("zh_CN.UTF-8@pinyin", Lang::ZhHans),
            ("en_US.UTF-8", Lang::En),
            ("de_DE", Lang::En),
            ("C", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(tag), lang, "{tag}");
        }
    }

    #[test]
    fn the_first_set_locale_variable_wins() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), None);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_TW.UTF-8"), ("LANGUAGE", "zh_CN")])),
            Some(Lang::ZhHant)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Some(Lang::ZhHans)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "zh_HK:zh_CN:en")])),
            Some(Lang::ZhHant)
        );
    }

    /// A Windows or macOS language tag as `sys-locale` reports it.
    #[test]
    fn system_language_tags_map_like_locales() {
        assert_eq!(Lang::from_locale("zh-Hant-TW"), Lang::ZhHant);
        assert_eq!(Lang::from_locale("zh-Hans-CN"), Lang::ZhHans);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
    }
}
