//! Time expressions in a text, offered to the reviewer as suggestions for
//! an event's time label (never filled in by themselves): dates, parts of
//! the day and clock times written with Arabic, full-width or Chinese
//! numerals, and clause-initial "before/after" phrases.

/// Words for a part of the day.
const DAY_PARTS: [&str; 9] = [
    "上午", "下午", "晚上", "中午", "凌晨", "早上", "清晨", "傍晚", "夜間",
];

/// Time expressions in `text` (a selection or an evidence sentence), to be
/// offered as suggestions, in order of appearance, without repeats:
///
/// - dates: `12月11日`, `2012年12月11日`, `十二月十一日`, with a part of the
///   day and a clock time when they follow (`12月11日下午`, `上午9時30分`);
///   such a date is offered whole and then without the part of the day;
/// - a part of the day on its own: `上午`, `下午`, `晚上`, `中午`, `凌晨`, …;
/// - a clause that opens the text or follows a punctuation mark, is 2 to 6
///   Han characters followed by `前`, `後` or `后`, and ends at a comma:
///   `簽約儀式前,` gives `簽約儀式前`.
#[must_use]
pub fn time_suggestions(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((date_end, end)) = date_at(&chars, i) {
            found.push((i, collect(&chars, i, end)));
            if date_end < end {
                found.push((i, collect(&chars, i, date_end)));
            }
            i = end;
        } else if let Some(end) = day_part_at(&chars, i) {
            found.push((i, collect(&chars, i, end)));
            i = end;
        } else {
            i += 1;
        }
    }
    found.extend(before_after_clauses(&chars));
    found.sort_by_key(|(at, _)| *at);
    let mut out: Vec<String> = Vec::new();
    for (_, s) in found {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// `chars[start..end]` as a string.
fn collect(chars: &[char], start: usize, end: usize) -> String {
    chars.get(start..end).unwrap_or_default().iter().collect()
}

/// A digit: ASCII, full-width or a Chinese numeral.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十廿卅兩".contains(c)
}

/// The end of a number of 1..=`max` chars at `i`.
fn number_at(chars: &[char], i: usize, max: usize) -> Option<usize> {
    let len = chars
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take(max + 1)
        .take_while(|c| is_number_char(**c))
        .count();
    (1..=max).contains(&len).then_some(i + len)
}

/// A number followed by one of `units` at `i`: the end past the unit.
fn number_with_unit(chars: &[char], i: usize, max: usize, units: &str) -> Option<usize> {
    let end = number_at(chars, i, max)?;
    let unit = chars.get(end)?;
    units.contains(*unit).then_some(end + 1)
}

/// A date at `i`: (end of the date, end including a part of the day and
/// clock time). `[年]月日`, or `日` with a part of the day.
fn date_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let after_year = number_with_unit(chars, i, 4, "年").unwrap_or(i);
    let date_end = match number_with_unit(chars, after_year, 3, "月")
        .and_then(|m| number_with_unit(chars, m, 3, "日號号"))
    {
        Some(end) => end,
        None => {
            // A bare day counts only with a part of the day after it.
            let day = number_with_unit(chars, i, 3, "日號号")?;
            day_part_at(chars, day)?;
            day
        }
    };
    let end = day_part_at(chars, date_end).unwrap_or(date_end);
    Some((date_end, end))
}

/// A part of the day at `i`, with a clock time after it (`9時30分`): its end.
fn day_part_at(chars: &[char], i: usize) -> Option<usize> {
    let part = DAY_PARTS.iter().find(|w| {
        let n = w.chars().count();
        chars
            .get(i..i + n)
            .is_some_and(|s| s.iter().copied().eq(w.chars()))
    })?;
    let end = i + part.chars().count();
    let Some(hour) = number_with_unit(chars, end, 3, "時时點点") else {
        return Some(end);
    };
    Some(number_with_unit(chars, hour, 3, "分").unwrap_or(hour))
}

/// A Han character (CJK unified ideographs and extensions).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Punctuation that ends a clause.
fn ends_clause(c: char) -> bool {
    c.is_whitespace() || ",，。；;！？!?：:、“”「」『』（）()《》".contains(c)
}

/// Clause-initial `…前` / `…後` phrases ending at a comma: (start, text).
fn before_after_clauses(chars: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !ends_clause(c) {
            continue;
        }
        let clause = chars.get(start..i).unwrap_or_default();
        if matches!(c, ',' | '，')
            && (3..=7).contains(&clause.len())
            && clause.iter().all(|&c| is_han(c))
            && clause.last().is_some_and(|c| "前後后".contains(*c))
        {
            out.push((start, clause.iter().collect()));
        }
        start = i + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::document::Document;

    #[test]
    fn time_suggestions_in_the_article() {
        let doc = Document::embedded();
        let all: Vec<String> = (0..doc.sentences.len())
            .flat_map(|i| time_suggestions(doc.sentence_text(i)))
            .collect();
        assert_eq!(all, ["12月11日下午", "12月11日", "簽約儀式前"]);
        assert_eq!(
            time_suggestions(doc.text()),
            ["12月11日下午", "12月11日", "簽約儀式前"]
        );
    }

    #[test]
    fn time_suggestions_forms() {
        assert_eq!(
            time_suggestions("2012年12月11日上午9時30分,雙方會談。當晚,舉行宴會。"),
            ["2012年12月11日上午9時30分", "2012年12月11日"]
        );
        assert_eq!(
            time_suggestions("十二月十一日晚上,演出。"),
            ["十二月十一日晚上", "十二月十一日"]
        );
        assert_eq!(time_suggestions("11日下午舉行"), ["11日下午", "11日"]);
        assert_eq!(
            time_suggestions("下午，雙方座談。中午休息"),
            ["下午", "中午"]
        );
        assert_eq!(time_suggestions("會議結束後,代表合影。"), ["會議結束後"]);
        assert_eq!(time_suggestions("儀式开始前，嘉宾入场"), ["儀式开始前"]);
        // Not clause-initial phrases, too short, or not ending at a comma.
        assert!(time_suggestions("他說,當前,工作重要。此前,已經開會。").is_empty());
        assert!(time_suggestions("韓金峰在簽約儀式前考察。").is_empty());
        assert!(time_suggestions("加快構建民生保障十大體系").is_empty());
        assert!(time_suggestions("十一月的天氣").is_empty());
        assert!(time_suggestions("").is_empty());
        assert_eq!(time_suggestions("下午,下午。"), ["下午"], "no repeats");
    }
}
