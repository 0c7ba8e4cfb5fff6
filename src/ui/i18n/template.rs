//! Templates: a string with named placeholders, `"{n} of {total}"`, filled
//! with values; and counted words, `"{n} {n:note|notes}"`, which take the
//! singular or the plural form after the value of `n`.
//!
//! Only English counts words this way (Chinese has one form, so its tables
//! never use the plural syntax); the rule is English's: the singular for
//! exactly "1", the plural for everything else ("0 notes", "2 notes",
//! "1.5 kB" is not counted).

use std::fmt::Display;

/// Fill a template's placeholders with `values`: `{name}` becomes the value
/// of `name`, and `{name:one|other}` becomes `one` when that value reads
/// "1", else `other`. Placeholders without a value are left as they are;
/// the values themselves are never searched for placeholders (a note may
/// well contain `{n}`).
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let text = fill_one(&after[..close], values)?;
            Some((text, close))
        });
        match filled {
            Some((text, close)) => {
                out.push_str(&text);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of one placeholder's inside (`n` or `n:note|notes`), or `None`
/// when it names no value (or its plural forms are not two).
fn fill_one(inside: &str, values: &[(&str, &dyn Display)]) -> Option<String> {
    let (name, forms) = match inside.split_once(':') {
        Some((name, forms)) => (name, Some(forms.split_once('|')?)),
        None => (inside, None),
    };
    let value = values.iter().find(|(n, _)| *n == name)?.1.to_string();
    Some(match forms {
        None => value,
        Some((one, other)) => plural(&value, one, other).to_owned(),
    })
}

/// English plural: `one` for a count that reads exactly "1", else `other`.
#[must_use]
pub fn plural<'a>(count: &str, one: &'a str, other: &'a str) -> &'a str {
    if count == "1" { one } else { other }
}

/// The names of the values a template uses, each once, in order of first
/// use: `"{n} of {total} {total:note|notes}"` → `["n", "total"]`.
#[must_use]
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let inside = &after[..close];
                let name = inside.split_once(':').map_or(inside, |(name, _)| name);
                if !names.contains(&name) {
                    names.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_once() {
        assert_eq!(
            fill("{i} of {n}", &[("n", &3), ("i", &1)]),
            "1 of 3".to_owned()
        );
        // A value is never searched for placeholders; unknown ones stay.
        assert_eq!(
            fill("Note on “{quote}” {x}", &[("quote", &"{quote}")]),
            "Note on “{quote}” {x}"
        );
        assert_eq!(fill("{unclosed", &[]), "{unclosed");
        assert_eq!(placeholders("{a} and {b}"), ["a", "b"]);
    }

    /// English: one of a thing is singular; none, two or more are plural.
    #[test]
    fn one_is_singular_every_other_count_plural() {
        let mentions = "{n} {n:mention|mentions}";
        assert_eq!(fill(mentions, &[("n", &1)]), "1 mention");
        assert_eq!(fill(mentions, &[("n", &2)]), "2 mentions");
        assert_eq!(fill(mentions, &[("n", &0)]), "0 mentions");
        assert_eq!(fill(mentions, &[("n", &11)]), "11 mentions");
        assert_eq!(fill(mentions, &[("n", &21)]), "21 mentions");
        assert_eq!(fill(mentions, &[("n", &"1,001")]), "1,001 mentions");
    }

    /// The count may be another value than the one printed first.
    #[test]
    fn the_count_is_the_named_value() {
        let shown = "{shown} of {total} {total:note|notes}";
        assert_eq!(fill(shown, &[("shown", &1), ("total", &3)]), "1 of 3 notes");
        assert_eq!(fill(shown, &[("shown", &0), ("total", &1)]), "0 of 1 note");
        assert_eq!(placeholders(shown), ["shown", "total"]);
    }

    /// A plural without a value, or with other than two forms, stays as
    /// it is, as any unknown placeholder does.
    #[test]
    fn a_malformed_plural_is_left_alone() {
        assert_eq!(fill("{n:note|notes}", &[]), "{n:note|notes}");
        assert_eq!(fill("{n:notes}", &[("n", &2)]), "{n:notes}");
        assert_eq!(fill("批注 {n} 条", &[("n", &1)]), "批注 1 条");
    }
}
