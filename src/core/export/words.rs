//! The words of the reports for people (Markdown, HTML, the CSV header and
//! its `status_detail`) in English, 繁體中文 and 简体中文: one table per
//! language ([`words`]). The machine formats (W3C, the review JSON, the CSV
//! columns' values other than `status_detail`) keep their keys in English.
//!
//! Templates name their values, `"Note {n}"`, and are filled by [`fill`].
//! The English status line is the core's own ([`StatusLine`]), which the CLI
//! prints, so the two never drift apart (a test checks).
//!
//! [`StatusLine`]: crate::core::anchor::StatusLine

use std::fmt::Display;

use crate::core::anchor::{Anchor, Match, OrphanReason};
use crate::core::lang::Lang;
use crate::core::notes::note::{NoteColor, TextPosition};
use crate::core::timeline::{EventKind, Phase};

/// Every word of the reports in one language.
pub struct Words {
    /// The title: `{name}` is the document's name.
    pub review_of: &'static str,
    /// Label of the document's name.
    pub document: &'static str,
    /// Label of the text's size.
    pub text: &'static str,
    /// `{paragraphs}`, `{chars}`: the text's size.
    pub text_size: &'static str,
    /// `{sha}`: the hash of the clean text.
    pub text_hash: &'static str,
    /// Label of the export's time.
    pub exported: &'static str,
    /// `{n}` notes, `{on}` on the text, `{orphaned}`, `{check}` to check.
    pub note_counts: &'static str,
    /// What the positions count.
    pub positions_legend: &'static str,
    /// Heading of the notes.
    pub notes: &'static str,
    /// When no note is on the text.
    pub no_notes_on_text: &'static str,
    /// `{n}`: a 1-based paragraph.
    pub paragraph: &'static str,
    /// `{first}`–`{last}`: paragraphs a note spans.
    pub paragraphs: &'static str,
    /// A position before any paragraph.
    pub no_paragraph: &'static str,
    /// `{start}`, `{end}`: a char range.
    pub chars: &'static str,
    /// `{n}`: a note's number.
    pub note_n: &'static str,
    /// `{n}`: several notes' numbers.
    pub notes_n: &'static str,
    /// Label of a note's position.
    pub position: &'static str,
    /// Label of an orphan's stored position.
    pub position_when_made: &'static str,
    /// `{start}`, `{end}`: where an orphan was.
    pub was_at: &'static str,
    /// Label of a note's status.
    pub status: &'static str,
    /// `{text}`: the text where an approximate match is now.
    pub now_reads: &'static str,
    /// A note without text.
    pub highlight_only: &'static str,
    /// A quote without text.
    pub no_text: &'static str,
    /// Label of the tags.
    pub tags: &'static str,
    /// No tags, no evidence.
    pub none: &'static str,
    /// Label of the color.
    pub color: &'static str,
    /// Label of the author.
    pub author: &'static str,
    /// A blank author, time, place, participants.
    pub not_stated: &'static str,
    /// `{author}`, `{created}`, `{modified}`: the Markdown note's last line.
    pub author_line: &'static str,
    /// Label of the creation time.
    pub created: &'static str,
    /// Label of the change time.
    pub modified: &'static str,
    /// Heading of the orphaned notes.
    pub orphaned_notes: &'static str,
    /// When no note is orphaned.
    pub no_orphans: &'static str,
    /// What the orphans section holds.
    pub orphans_legend: &'static str,
    /// Heading of the article (HTML).
    pub article: &'static str,
    /// A document without text (HTML).
    pub empty_document: &'static str,
    /// Heading of the timeline.
    pub timeline: &'static str,
    /// Label of the date.
    pub date: &'static str,
    /// Label of the year.
    pub year: &'static str,
    /// `{year}`, `{reason}`: an inferred year.
    pub year_inferred: &'static str,
    /// A timeline without events.
    pub no_events: &'static str,
    /// Label of an event's time.
    pub time: &'static str,
    /// Label of an event's place.
    pub place: &'static str,
    /// Label of an event's phase.
    pub phase: &'static str,
    /// Label of an event's participants.
    pub participants: &'static str,
    /// `{name}`, `{role}`: a participant.
    pub name_role: &'static str,
    /// Between list items (participants, titles).
    pub list_sep: &'static str,
    /// After a label: ": ", "：".
    pub colon: &'static str,
    /// Between parts of one statement: ", ", "，".
    pub comma: &'static str,
    /// Label of an event's certainty.
    pub certainty: &'static str,
    /// A stated certainty.
    pub stated: &'static str,
    /// `{reason}`: an inferred certainty.
    pub inferred: &'static str,
    /// Label of an event's evidence.
    pub evidence: &'static str,
    /// `{quote}`, `{place}`: one piece of evidence (Markdown).
    pub evidence_item: &'static str,
    /// Evidence not found in the text.
    pub not_found_here: &'static str,
    /// Heading of the people.
    pub whos_who: &'static str,
    /// `{name}`, `{about}`: a person (HTML).
    pub person: &'static str,
    /// Color names, in [`NoteColor::ALL`] order.
    pub colors: [&'static str; 5],
    /// Phase names, in [`Phase::ALL`] order.
    pub phases: [&'static str; 3],
    /// Event kinds, in [`EventKind::ALL`] order.
    pub kinds: [&'static str; 5],
    /// The CSV header, in [`super::csv::HEADER`] order.
    pub csv_header: [&'static str; 14],
    /// Status lines (Chinese; English uses the core's [`StatusLine`]):
    /// exact.
    ///
    /// [`StatusLine`]: crate::core::anchor::StatusLine
    pub status_exact: &'static str,
    /// `{from}`, `{to}`: ranges.
    pub status_moved: &'static str,
    /// Added to a move into other surroundings.
    pub status_moved_context: &'static str,
    /// `{range}`, `{score}`.
    pub status_fuzzy: &'static str,
    /// `{n}` places, `{range}`.
    pub status_ambiguous: &'static str,
    /// `{reason}`.
    pub status_orphaned: &'static str,
    /// Orphan reasons: no quote.
    pub orphan_no_quote: &'static str,
    /// `{types}`.
    pub orphan_unread_selectors: &'static str,
    /// `{quote}`.
    pub orphan_too_short: &'static str,
    /// `{quote}`, `{nearest}`, `{score}`, `{needed}`.
    pub orphan_too_different: &'static str,
    /// `{quote}`.
    pub orphan_not_found: &'static str,
    /// `{source}`.
    pub orphan_other_document: &'static str,
}

/// The report words of `lang`.
#[must_use]
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
        Lang::ZhHans => &ZH_HANS,
    }
}

/// `template` with each `{name}` replaced by its value.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

impl Words {
    /// The name of `color`.
    #[must_use]
    pub fn color_name(&self, color: NoteColor) -> &'static str {
        let i = NoteColor::ALL.iter().position(|c| *c == color);
        i.and_then(|i| self.colors.get(i)).copied().unwrap_or("")
    }

    /// The name of `phase`.
    #[must_use]
    pub fn phase_label(&self, phase: Phase) -> &'static str {
        let i = Phase::ALL.iter().position(|p| *p == phase);
        i.and_then(|i| self.phases.get(i)).copied().unwrap_or("")
    }

    /// The name of `kind`.
    #[must_use]
    pub fn kind_label(&self, kind: EventKind) -> &'static str {
        let i = EventKind::ALL.iter().position(|k| *k == kind);
        i.and_then(|i| self.kinds.get(i)).copied().unwrap_or("")
    }

    /// "chars 9–13" in this language.
    #[must_use]
    pub fn chars_range(&self, position: TextPosition) -> String {
        fill(
            self.chars,
            &[("start", &position.start), ("end", &position.end)],
        )
    }

    /// A note's status in one line, for a note made at `stored`: the core's
    /// English [`StatusLine`](crate::core::anchor::StatusLine) in English.
    #[must_use]
    pub fn status_line(&self, anchor: &Anchor, stored: TextPosition) -> String {
        if std::ptr::eq(self, &EN) {
            return anchor.status_line(stored).to_string();
        }
        match anchor {
            Anchor::Anchored { position, how } => match how {
                Match::Exact => self.status_exact.to_owned(),
                Match::Moved { same_context } => {
                    let mut line = fill(
                        self.status_moved,
                        &[
                            ("from", &self.chars_range(stored)),
                            ("to", &self.chars_range(*position)),
                        ],
                    );
                    if !same_context {
                        line.push_str(self.status_moved_context);
                    }
                    line
                }
                Match::Fuzzy { score } => fill(
                    self.status_fuzzy,
                    &[
                        ("range", &self.chars_range(*position)),
                        ("score", &format!("{score:.2}")),
                    ],
                ),
                Match::Ambiguous { places } => fill(
                    self.status_ambiguous,
                    &[("n", places), ("range", &self.chars_range(*position))],
                ),
            },
            Anchor::Orphaned { reason } => fill(
                self.status_orphaned,
                &[("reason", &self.orphan_reason(reason))],
            ),
        }
    }

    /// Why a note could not be placed, in this language.
    fn orphan_reason(&self, reason: &OrphanReason) -> String {
        match reason {
            OrphanReason::NoQuote => self.orphan_no_quote.to_owned(),
            OrphanReason::UnreadSelectors { types } => {
                fill(self.orphan_unread_selectors, &[("types", types)])
            }
            OrphanReason::TooShort { quote } => fill(self.orphan_too_short, &[("quote", quote)]),
            OrphanReason::TooDifferent {
                quote,
                nearest,
                score,
                needed,
            } => fill(
                self.orphan_too_different,
                &[
                    ("quote", quote),
                    ("nearest", nearest),
                    ("score", &format!("{score:.2}")),
                    ("needed", &format!("{needed:.2}")),
                ],
            ),
            OrphanReason::NotFound { quote } => fill(self.orphan_not_found, &[("quote", quote)]),
            OrphanReason::OtherDocument { source } => {
                fill(self.orphan_other_document, &[("source", source)])
            }
        }
    }
}

/// English.
pub static EN: Words = Words {
    review_of: "Review of {name}",
    document: "Document",
    text: "Text",
    text_size: "{paragraphs} paragraphs, {chars} characters",
    text_hash: "SHA-256 of the clean text: {sha}",
    exported: "Exported",
    note_counts: "{n} ({on} on the text, {orphaned} orphaned; {check} to check after changes to the text)",
    positions_legend: "Positions are character (Unicode code point) offsets into the clean text, counted from 0, end exclusive.",
    notes: "Notes",
    no_notes_on_text: "No notes on the text.",
    paragraph: "Paragraph {n}",
    paragraphs: "Paragraphs {first}–{last}",
    no_paragraph: "No paragraph",
    chars: "chars {start}–{end}",
    note_n: "Note {n}",
    notes_n: "Notes {n}",
    position: "Position",
    position_when_made: "Position when made",
    was_at: "was at chars {start}–{end}",
    status: "Status",
    now_reads: "The text there now reads “{text}”",
    highlight_only: "(highlight only, no note text)",
    no_text: "(no text)",
    tags: "Tags",
    none: "none",
    color: "Color",
    author: "Author",
    not_stated: "not stated",
    author_line: "Author: {author}; created {created}, modified {modified}",
    created: "Created",
    modified: "Modified",
    orphaned_notes: "Orphaned notes",
    no_orphans: "None: every note was found in the text.",
    orphans_legend: "These notes' words could not be found in the current text. They are kept as they were made.",
    article: "Article",
    empty_document: "The document has no text.",
    timeline: "Timeline",
    date: "Date",
    year: "Year",
    year_inferred: "{year} (inferred: {reason})",
    no_events: "No timeline events.",
    time: "Time",
    place: "Place",
    phase: "Phase",
    participants: "Participants",
    name_role: "{name} ({role})",
    list_sep: ", ",
    colon: ": ",
    comma: ", ",
    certainty: "Certainty",
    stated: "stated",
    inferred: "inferred; {reason}",
    evidence: "Evidence",
    evidence_item: "“{quote}” ({place})",
    not_found_here: "not found in this text",
    whos_who: "Who's who",
    person: "{name}: {about}",
    colors: ["yellow", "green", "blue", "pink", "purple"],
    phases: ["Site visits", "Signing ceremony", "Other"],
    kinds: ["Site visit", "Ceremony", "Speech", "Signing", "Other"],
    csv_header: [
        "id",
        "paragraph",
        "start",
        "end",
        "quote",
        "note",
        "tags",
        "color",
        "author",
        "created",
        "modified",
        "status",
        "needs_checking",
        "status_detail",
    ],
    // English status lines are the core's `StatusLine`; these are unused.
    status_exact: "exact: where it was made",
    status_moved: "moved from {from} to {to}",
    status_moved_context: "; the text around it changed, check it",
    status_fuzzy: "fuzzy: the text at {range} is similar to the quote (similarity {score}), check it",
    status_ambiguous: "ambiguous: the quote fits {n} places equally well; placed at the first, {range}, check it",
    status_orphaned: "orphaned: {reason}",
    orphan_no_quote: "the note quotes no text",
    orphan_unread_selectors: "selectors Pizhu does not read ({types})",
    orphan_too_short: "“{quote}” is gone and too short",
    orphan_too_different: "“{quote}” is gone; “{nearest}” differs too much ({score}, {needed} needed)",
    orphan_not_found: "“{quote}” is gone",
    orphan_other_document: "made on another document ({source})",
};

/// Traditional Chinese.
pub static ZH_HANT: Words = Words {
    review_of: "審閱報告：{name}",
    document: "文件",
    text: "文字",
    text_size: "{paragraphs} 段，{chars} 字",
    text_hash: "清理後文字的 SHA-256：{sha}",
    exported: "匯出時間",
    note_counts: "{n} 則（{on} 則在文字中，{orphaned} 則失去定位；{check} 則在文字修改後需要核對）",
    positions_legend: "位置是清理後文字中的字元（Unicode 碼位）偏移，從 0 起算，不含結尾。",
    notes: "批注",
    no_notes_on_text: "文字中沒有批注。",
    paragraph: "第 {n} 段",
    paragraphs: "第 {first}–{last} 段",
    no_paragraph: "不在任何段落",
    chars: "第 {start}–{end} 字",
    note_n: "批注 {n}",
    notes_n: "批注 {n}",
    position: "位置",
    position_when_made: "建立時的位置",
    was_at: "原在第 {start}–{end} 字",
    status: "狀態",
    now_reads: "此處現在的文字是「{text}」",
    highlight_only: "（僅標示，沒有批注文字）",
    no_text: "（沒有文字）",
    tags: "標籤",
    none: "無",
    color: "顏色",
    author: "作者",
    not_stated: "未說明",
    author_line: "作者：{author}；建立於 {created}，修改於 {modified}",
    created: "建立時間",
    modified: "修改時間",
    orphaned_notes: "失去定位的批注",
    no_orphans: "沒有：每則批注都在文字中找到了。",
    orphans_legend: "這些批注引用的文字在目前的文字中找不到，按建立時的樣子保留。",
    article: "文章",
    empty_document: "文件沒有文字。",
    timeline: "時間線",
    date: "日期",
    year: "年份",
    year_inferred: "{year}（推斷：{reason}）",
    no_events: "時間線上沒有事件。",
    time: "時間",
    place: "地點",
    phase: "階段",
    participants: "參與者",
    name_role: "{name}（{role}）",
    list_sep: "、",
    colon: "：",
    comma: "，",
    certainty: "確定性",
    stated: "明載",
    inferred: "推斷；{reason}",
    evidence: "依據",
    evidence_item: "「{quote}」（{place}）",
    not_found_here: "在此文字中找不到",
    whos_who: "人物",
    person: "{name}：{about}",
    colors: ["黃色", "綠色", "藍色", "粉紅色", "紫色"],
    phases: ["實地考察", "簽約儀式", "其他"],
    kinds: ["考察", "儀式", "致辭", "簽署", "其他"],
    csv_header: [
        "編號",
        "段落",
        "起點",
        "終點",
        "引文",
        "批注",
        "標籤",
        "顏色",
        "作者",
        "建立時間",
        "修改時間",
        "狀態",
        "需要核對",
        "狀態說明",
    ],
    status_exact: "準確：在建立時的位置",
    status_moved: "已移動：從{from}移到{to}",
    status_moved_context: "；周圍文字已改變，請核對",
    status_fuzzy: "近似相符：{range}的文字與引文相似（相似度 {score}），請核對",
    status_ambiguous: "位置不明確：引文同樣符合 {n} 處；放在第一處，{range}，請核對",
    status_orphaned: "失去定位：{reason}",
    orphan_no_quote: "批注沒有引用任何文字，因此無從尋找",
    orphan_unread_selectors: "這則註解用 Pizhu 無法讀取的選擇器（{types}）定位，而不是用文字；請選取正確的文字，再把批注重新附加上去",
    orphan_too_short: "引文「{quote}」已不在文件中，而且太短，無法尋找修改過的版本",
    orphan_too_different: "引文「{quote}」已不在文件中；最相似的段落「{nearest}」與它或其上下文差異太大（相似度 {score}，需要 {needed}）",
    orphan_not_found: "引文「{quote}」已不在文件中，也找不到相似的段落",
    orphan_other_document: "這則批注是在另一份文件（{source}）上做的，其引文不在這份文件中",
};

/// Simplified Chinese.
pub static ZH_HANS: Words = Words {
    review_of: "审阅报告：{name}",
    document: "文档",
    text: "文字",
    text_size: "{paragraphs} 段，{chars} 字",
    text_hash: "清理后文字的 SHA-256：{sha}",
    exported: "导出时间",
    note_counts: "{n} 条（{on} 条在文字中，{orphaned} 条失去定位；{check} 条在文字修改后需要核对）",
    positions_legend: "位置是清理后文字中的字符（Unicode 码位）偏移，从 0 起算，不含结尾。",
    notes: "批注",
    no_notes_on_text: "文字中没有批注。",
    paragraph: "第 {n} 段",
    paragraphs: "第 {first}–{last} 段",
    no_paragraph: "不在任何段落",
    chars: "第 {start}–{end} 字",
    note_n: "批注 {n}",
    notes_n: "批注 {n}",
    position: "位置",
    position_when_made: "创建时的位置",
    was_at: "原在第 {start}–{end} 字",
    status: "状态",
    now_reads: "此处现在的文字是“{text}”",
    highlight_only: "（仅标记，没有批注文字）",
    no_text: "（没有文字）",
    tags: "标签",
    none: "无",
    color: "颜色",
    author: "作者",
    not_stated: "未说明",
    author_line: "作者：{author}；创建于 {created}，修改于 {modified}",
    created: "创建时间",
    modified: "修改时间",
    orphaned_notes: "失去定位的批注",
    no_orphans: "没有：每条批注都在文字中找到了。",
    orphans_legend: "这些批注引用的文字在当前的文字中找不到，按创建时的样子保留。",
    article: "文章",
    empty_document: "文档没有文字。",
    timeline: "时间线",
    date: "日期",
    year: "年份",
    year_inferred: "{year}（推断：{reason}）",
    no_events: "时间线上没有事件。",
    time: "时间",
    place: "地点",
    phase: "阶段",
    participants: "参与者",
    name_role: "{name}（{role}）",
    list_sep: "、",
    colon: "：",
    comma: "，",
    certainty: "确定性",
    stated: "明载",
    inferred: "推断；{reason}",
    evidence: "依据",
    evidence_item: "“{quote}”（{place}）",
    not_found_here: "在此文字中找不到",
    whos_who: "人物",
    person: "{name}：{about}",
    colors: ["黄色", "绿色", "蓝色", "粉红色", "紫色"],
    phases: ["实地考察", "签约仪式", "其他"],
    kinds: ["考察", "仪式", "致辞", "签署", "其他"],
    csv_header: [
        "编号",
        "段落",
        "起点",
        "终点",
        "引文",
        "批注",
        "标签",
        "颜色",
        "作者",
        "创建时间",
        "修改时间",
        "状态",
        "需要核对",
        "状态说明",
    ],
    status_exact: "准确：在创建时的位置",
    status_moved: "已移动：从{from}移到{to}",
    status_moved_context: "；周围文字已改变，请核对",
    status_fuzzy: "近似匹配：{range}的文字与引文相似（相似度 {score}），请核对",
    status_ambiguous: "位置不明确：引文同样符合 {n} 处；放在第一处，{range}，请核对",
    status_orphaned: "失去定位：{reason}",
    orphan_no_quote: "批注没有引用任何文字，因此无从查找",
    orphan_unread_selectors: "这条注释用 Pizhu 无法读取的选择器（{types}）定位，而不是用文字；请选中正确的文字，再把批注重新附加上去",
    orphan_too_short: "引文“{quote}”已不在文档中，而且太短，无法查找修改过的版本",
    orphan_too_different: "引文“{quote}”已不在文档中；最相似的段落“{nearest}”与它或其上下文差异太大（相似度 {score}，需要 {needed}）",
    orphan_not_found: "引文“{quote}”已不在文档中，也找不到相似的段落",
    orphan_other_document: "这条批注是在另一份文档（{source}）上做的，其引文不在这份文档中",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: usize, end: usize, how: Match) -> Anchor {
        Anchor::Anchored {
            position: TextPosition { start, end },
            how,
        }
    }

    #[test]
    fn english_words_are_the_cores() {
        for color in NoteColor::ALL {
            assert_eq!(EN.color_name(color), color.name());
        }
        for phase in Phase::ALL {
            assert_eq!(EN.phase_label(phase), phase.label());
        }
        for kind in EventKind::ALL {
            assert_eq!(EN.kind_label(kind), kind.label());
        }
        let stored = TextPosition { start: 9, end: 13 };
        let moved = at(19, 23, Match::Moved { same_context: true });
        assert_eq!(
            EN.status_line(&moved, stored),
            "moved from chars 9–13 to 19–23"
        );
    }

    #[test]
    fn chinese_tables_say_it_in_chinese() {
        let stored = TextPosition { start: 9, end: 13 };
        let moved = at(
            19,
            23,
            Match::Moved {
                same_context: false,
            },
        );
        assert_eq!(
            ZH_HANT.status_line(&moved, stored),
            "已移動：從第 9–13 字移到第 19–23 字；周圍文字已改變，請核對"
        );
        assert_eq!(
            ZH_HANS.status_line(&at(9, 13, Match::Fuzzy { score: 0.875 }), stored),
            "近似匹配：第 9–13 字的文字与引文相似（相似度 0.88），请核对"
        );
        let orphan = Anchor::Orphaned {
            reason: OrphanReason::NotFound {
                quote: "濟寧市政".into(),
            },
        };
        assert_eq!(
            ZH_HANT.status_line(&orphan, stored),
            "失去定位：引文「濟寧市政」已不在文件中，也找不到相似的段落"
        );
        assert_eq!(ZH_HANT.color_name(NoteColor::Yellow), "黃色");
        assert_eq!(ZH_HANS.color_name(NoteColor::Yellow), "黄色");
        assert_eq!(ZH_HANS.csv_header[4], "引文");
        assert_eq!(fill(ZH_HANT.paragraph, &[("n", &3)]), "第 3 段");
    }

    /// Every Chinese word is translated (no ASCII words left but the
    /// placeholders), and both tables use the placeholders English does.
    #[test]
    fn every_chinese_word_is_translated_with_the_same_placeholders() {
        fn all(w: &Words) -> Vec<&'static str> {
            let mut v = vec![
                w.review_of,
                w.document,
                w.text,
                w.text_size,
                w.text_hash,
                w.exported,
                w.note_counts,
                w.positions_legend,
                w.notes,
                w.no_notes_on_text,
                w.paragraph,
                w.paragraphs,
                w.no_paragraph,
                w.chars,
                w.note_n,
                w.notes_n,
                w.position,
                w.position_when_made,
                w.was_at,
                w.status,
                w.now_reads,
                w.highlight_only,
                w.no_text,
                w.tags,
                w.none,
                w.color,
                w.author,
                w.not_stated,
                w.author_line,
                w.created,
                w.modified,
                w.orphaned_notes,
                w.no_orphans,
                w.orphans_legend,
                w.article,
                w.empty_document,
                w.timeline,
                w.date,
                w.year,
                w.year_inferred,
                w.no_events,
                w.time,
                w.place,
                w.phase,
                w.participants,
                w.name_role,
                w.certainty,
                w.stated,
                w.inferred,
                w.evidence,
                w.evidence_item,
                w.not_found_here,
                w.whos_who,
                w.person,
            ];
            v.extend(w.colors);
            v.extend(w.phases);
            v.extend(w.kinds);
            v.extend(w.csv_header);
            v
        }
        fn holes(text: &str) -> Vec<String> {
            let mut out: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(h, _)| h.to_owned()))
                .collect();
            out.sort();
            out
        }
        let english = all(&EN);
        for table in [&ZH_HANT, &ZH_HANS] {
            for (en, zh) in english.iter().zip(all(table)) {
                assert_eq!(holes(en), holes(zh), "{zh}");
                let words: String = zh
                    .split(['{', '}'])
                    .step_by(2)
                    .collect::<String>()
                    .replace("SHA-256", "")
                    .replace("Unicode", "");
                assert!(
                    !words.chars().any(|c| c.is_ascii_alphabetic()),
                    "not translated: {zh}"
                );
            }
        }
    }
}
