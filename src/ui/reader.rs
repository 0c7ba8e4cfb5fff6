//! The reading view: the clean article as numbered paragraphs in a bounded
//! column, with note highlights, the reader's own text selection, and the
//! scraped pinyin optionally drawn as ruby above its character.
//!
//! Pinyin is never shown inline: inline `(jì)` gets torn from its character at
//! line wraps. Ruby is painted over the paragraph's galley, in line space that
//! the layout reserves for it when ruby is on.
//!
//! Selection is ours, in clean-text char offsets, so that it can span
//! paragraphs, select a Chinese word on double-click (jieba) and a sentence on
//! triple-click. The view changes only its own [`ReaderState`]; anything that
//! changes the review goes out as a [`ReaderAction`].

use std::sync::{Arc, OnceLock};

use egui::text::{LayoutJob, TextFormat};
use egui::{
    Align, Align2, Color32, FontId, Galley, Key, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo,
};

use crate::core::notes::note::{Note, TextPosition};
use crate::core::notes::store::ReviewStore;
use crate::core::text::document::Document;
use crate::core::text::segment::Paragraph;
use crate::core::text::words::{WordSegmenter, sentence_at};
use crate::core::timeline::Timeline;
use crate::ui::fonts::reading_family;
use crate::ui::i18n::{Strings, fill};
use crate::ui::theme;
use crate::ui::timeline_panel::EvidenceSpan;

/// How the article is shown; everything the reader needs besides its state.
#[derive(Clone, Copy)]
pub struct ReaderView<'a> {
    /// Reading text size in points.
    pub size: f32,
    /// Draw the scraped pinyin as ruby above its character.
    pub ruby: bool,
    /// The notes to highlight.
    pub store: Option<&'a ReviewStore>,
    /// The note open in the editor, drawn with an outline.
    pub selected_note: Option<&'a str>,
    /// Timeline evidence as placed in the text (for highlight and hover).
    pub evidence: &'a [EvidenceSpan],
    /// The timeline the evidence belongs to (event titles for the hover).
    pub timeline: Option<&'a Timeline>,
    /// The open timeline event, whose evidence is highlighted.
    pub open_event: Option<usize>,
    /// Find matches to mark, in order.
    pub find_matches: &'a [TextPosition],
    /// The current find match, marked more strongly.
    pub find_current: Option<TextPosition>,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
    /// Width of the reading column in CJK characters.
    pub column_chars: f32,
    /// The paragraphs converted for the 简/繁 switch (same char counts);
    /// `None` shows the text as it is.
    pub display: Option<&'a [String]>,
    /// Word boundaries for double-click; loaded in the background at start-up
    /// (and here, on the first double-click, if that is sooner).
    pub words: &'a OnceLock<WordSegmenter>,
    /// The interface language's strings.
    pub strings: &'a Strings,
}

/// A selection in clean-text char offsets; `anchor == head` is a caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends (moves with drag and Shift+arrows).
    pub head: usize,
}

impl Selection {
    /// A selection of `[start, end)`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            anchor: start,
            head: end,
        }
    }

    /// The selected range, ordered.
    #[must_use]
    pub fn range(self) -> TextPosition {
        TextPosition {
            start: self.anchor.min(self.head),
            end: self.anchor.max(self.head),
        }
    }
}

/// A short bright outline that shows where the reader jumped to.
#[derive(Clone, Copy, Debug)]
pub struct Flash {
    /// The range to outline.
    pub range: TextPosition,
    /// When it started (egui time, seconds).
    pub started: f64,
}

/// The reader's own state: selection, pending scroll, flash. Not saved.
#[derive(Default)]
pub struct ReaderState {
    /// The current selection, if any.
    pub selection: Option<Selection>,
    /// Scroll this range into view on the next frames.
    pub scroll_to: Option<TextPosition>,
    /// Frames left to keep the range in view: a panel that changes width
    /// re-wraps the text, so the target is placed again until layout settles.
    scroll_frames: u8,
    /// Where the target goes: centred (a jump), at the top (a restored
    /// reading position), or just into view (`None`: caret moves).
    scroll_align: Option<Align>,
    /// The first char visible at the top of the reader in the last frame:
    /// the reading position that is remembered per document.
    pub top_char: usize,
    /// Outline this range for a moment.
    pub flash: Option<Flash>,
    dragging: bool,
    /// Where each paragraph was drawn in the last frame.
    placed: Vec<Placed>,
    /// Where every block sits, measured or estimated.
    layout: BlockLayout,
    /// The reader's scroll offset in the last frame.
    offset: f32,
    /// Move the scroll offset by this much next frame: a block above the
    /// view turned out taller or shorter than estimated, and the text in
    /// view must not jump.
    scroll_fix: f32,
    /// The pending scroll target was placed by a drawn block this frame.
    scrolled: bool,
    /// Frames in a row spent going to a target not drawn yet.
    blind_frames: u8,
}

/// A piece of a paragraph laid out as one galley: the whole paragraph, or
/// for a very long one a run of its sentences of at most [`BLOCK_CHARS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Block {
    /// The block's char range, with its paragraph's index.
    range: Paragraph,
    /// Where its paragraph starts (to slice the 简/繁 display text).
    para_start: usize,
    /// The paragraph's first block carries the paragraph number.
    first: bool,
    /// The paragraph's last block is followed by the paragraph gap.
    last: bool,
}

/// Longest block in chars. A 1 MB single line is thousands of lines high;
/// cut into blocks, only the few in view are laid out and painted.
const BLOCK_CHARS: usize = 2000;

/// What block heights depend on; when it changes they are estimated anew.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    column: f32,
    size: f32,
    line_height: f32,
    display: bool,
}

/// Where every block of the document sits in the scrolled column. Only the
/// blocks in view are laid out each frame (a 50 MB document costs what a
/// screenful costs); the others keep their last measured height or an
/// estimate from their length.
#[derive(Default)]
struct BlockLayout {
    /// The document the blocks were cut from (clean-text hash, char length).
    doc: Option<(String, usize)>,
    blocks: Vec<Block>,
    key: Option<LayoutKey>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// `tops[i]` is the top of block `i`; `tops[blocks.len()]` the end.
    tops: Vec<f32>,
    stale: bool,
}

impl BlockLayout {
    /// Makes the blocks and heights fit `doc` and `key`; returns whether an
    /// earlier layout was dropped (the width or text size changed).
    fn prepare(&mut self, doc: &Document, key: LayoutKey, gap: f32, number: f32) -> bool {
        let same_doc = self
            .doc
            .as_ref()
            .is_some_and(|(hash, len)| *hash == doc.clean_sha256 && *len == doc.char_len());
        if !same_doc {
            self.blocks = blocks(doc);
            self.doc = Some((doc.clean_sha256.clone(), doc.char_len()));
            self.key = None;
        }
        if self.key == Some(key) {
            if self.stale {
                self.sum();
            }
            return false;
        }
        let relaid = self.key.is_some();
        // Han characters and full-width punctuation are one em wide, so the
        // line count of Chinese text is well estimated from its length.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a positive count of characters per line"
        )]
        let per_line = ((key.column / key.size).floor() as usize).max(1);
        self.heights = self
            .blocks
            .iter()
            .map(|b| {
                let lines = (b.range.end - b.range.start).div_ceil(per_line).max(1);
                #[allow(clippy::cast_precision_loss, reason = "line counts are small")]
                let text = lines as f32 * key.line_height;
                block_height(text, *b, gap, number)
            })
            .collect();
        self.measured = vec![false; self.blocks.len()];
        self.key = Some(key);
        self.sum();
        relaid
    }

    /// Recomputes the block tops from the heights.
    fn sum(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
        self.stale = false;
    }

    fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The block at `y` (or the last one above it).
    fn at_y(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// The block holding char `at` (or the next one after it).
    fn at_char(&self, at: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.end <= at)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// Records a block's real height.
    fn measure(&mut self, i: usize, height: f32) {
        if let (Some(h), Some(m)) = (self.heights.get_mut(i), self.measured.get_mut(i)) {
            if (*h - height).abs() > 0.01 {
                *h = height;
                self.stale = true;
            }
            *m = true;
        }
    }
}

/// The height a block takes: its text, or at least the paragraph number's
/// box, and the paragraph gap after a paragraph's last block.
fn block_height(text: f32, block: Block, gap: f32, number: f32) -> f32 {
    let row = if block.first { text.max(number) } else { text };
    if block.last { row + gap } else { row }
}

/// Cuts the document into blocks: one per paragraph, long paragraphs cut
/// after a sentence (or, inside an endless sentence, every [`BLOCK_CHARS`]).
fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        let mut ends = Vec::new();
        if p.end - p.start > BLOCK_CHARS {
            let first = doc.sentences.partition_point(|s| s.end <= p.start);
            let (mut cur, mut last_end) = (p.start, p.start);
            for s in doc.sentences.get(first..).unwrap_or_default() {
                if s.start >= p.end {
                    break;
                }
                let end = s.end.min(p.end);
                if end - cur > BLOCK_CHARS {
                    if last_end > cur {
                        ends.push(last_end);
                        cur = last_end;
                    }
                    while end - cur > BLOCK_CHARS {
                        cur += BLOCK_CHARS;
                        ends.push(cur);
                    }
                }
                last_end = end;
            }
        }
        if ends.last() != Some(&p.end) {
            ends.push(p.end);
        }
        let mut start = p.start;
        let count = ends.len();
        for (k, end) in ends.into_iter().enumerate() {
            out.push(Block {
                range: Paragraph {
                    index: p.index,
                    start,
                    end,
                },
                para_start: p.start,
                first: k == 0,
                last: k + 1 == count,
            });
            start = end;
        }
    }
    out
}

struct Placed {
    start: usize,
    rect: Rect,
    galley: Arc<Galley>,
}

impl ReaderState {
    /// The selected text range, when it is not empty.
    #[must_use]
    pub fn selected_range(&self) -> Option<TextPosition> {
        self.selection
            .map(Selection::range)
            .filter(|r| !r.is_empty())
    }

    /// Scroll a range into view (centred) without flashing it.
    pub fn scroll_to_range(&mut self, range: TextPosition) {
        self.scroll_to = Some(range);
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Center);
    }

    /// Keep the char `at` in view with as little scrolling as possible: a
    /// new note opens the side panel, and the text it narrows must not push
    /// the noted words out of sight.
    pub fn keep_in_view(&mut self, at: usize) {
        self.scroll_to = Some(TextPosition {
            start: at,
            end: at + 1,
        });
        self.scroll_frames = 3;
        self.scroll_align = None;
    }

    /// Put the char `at` at the top of the reader (restoring a reading position).
    pub fn scroll_to_top(&mut self, at: usize) {
        self.scroll_to = Some(TextPosition { start: at, end: at });
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Min);
    }

    /// Jump to a range: scroll it into view and flash it.
    pub fn reveal(&mut self, range: TextPosition, now: f64) {
        self.scroll_to = Some(range);
        self.scroll_frames = 3;
        self.scroll_align = Some(Align::Center);
        self.flash = Some(Flash {
            range,
            started: now,
        });
    }
}

/// What the reader asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderAction {
    /// Make a note on a range of the clean text.
    NoteRange(TextPosition),
    /// Make a note on a whole paragraph (0-based index).
    NoteParagraph(usize),
    /// Open a note in the editor.
    OpenNote(String),
}

/// Show the document in a vertical scroll area; only the blocks in view are
/// laid out.
pub fn reader_ui(
    ui: &mut Ui,
    doc: &Document,
    view: ReaderView<'_>,
    state: &mut ReaderState,
) -> Vec<ReaderAction> {
    let mut actions = Vec::new();
    keyboard(ui, doc, state, &mut actions);
    let palette = theme::palette(ui.visuals());
    egui::Frame::new().fill(palette.page).show(ui, |ui| {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if state.scroll_fix != 0.0 {
            area = area.vertical_scroll_offset((state.offset + state.scroll_fix).max(0.0));
            state.scroll_fix = 0.0;
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            blocks_ui(ui, viewport, doc, view, state, &mut actions);
        });
        state.offset = out.state.clamped_offset().y;
    });
    actions
}

/// The blocks in `viewport` (content coordinates), placed by their tops.
fn blocks_ui(
    ui: &mut Ui,
    viewport: Rect,
    doc: &Document,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    actions: &mut Vec<ReaderAction>,
) {
    state.placed.clear();
    state.scrolled = false;
    let full = ui.available_width();
    let gutter = view.size * theme::GUTTER;
    let sx = ui.spacing().item_spacing.x;
    // Three items share each row (padding, gutter, text) with spacing
    // between them; keep a margin on the right too.
    let room = full - gutter - sx * 2.0 - view.size;
    let column = (view.size * view.column_chars)
        .min(room)
        .max(view.size * 4.0);
    let left_pad = ((room - column) / 2.0).max(0.0);
    let line_height = line_height(&view);
    let number = number_height(view.size);
    let gap = view.size * theme::PARAGRAPH_GAP + ui.spacing().item_spacing.y;
    let key = LayoutKey {
        column,
        size: view.size,
        line_height,
        display: view.display.is_some(),
    };
    if state.layout.prepare(doc, key, gap, number)
        && state.scroll_to.is_none()
        && state.offset > 0.0
    {
        // The text re-wrapped (a narrower window, a bigger size): keep the
        // reading position at the top rather than the scroll offset. That
        // char is in view, so its block places it exactly in one frame.
        state.scroll_to_top(state.top_char);
        state.scroll_frames = 1;
    }
    let pad_top = view.size;
    let total = pad_top + state.layout.total() + view.size * 2.0;
    ui.set_min_height(total);
    let origin = ui.max_rect().min;
    let x_number = origin.x + left_pad + sx;
    let x_text = x_number + gutter + sx;
    let n = state.layout.blocks.len();
    let first = state.layout.at_y(viewport.min.y - pad_top);
    let mut next_top: Option<f32> = None;
    for i in first..n {
        if next_top.is_some_and(|y| y + pad_top > viewport.max.y) {
            break;
        }
        let Some(&block) = state.layout.blocks.get(i) else {
            break;
        };
        let text = block_text(doc, &view, block);
        let galley = layout_paragraph(ui, text, column, &view);
        let height = block_height(galley.size().y, block, gap, number);
        let lay = &state.layout;
        let estimate = lay.heights.get(i).copied().unwrap_or(height);
        let top = match next_top {
            Some(y) => y,
            // The first block in view, measured for the first time: keep
            // its bottom (and everything below it, in view) where it was,
            // and move the scroll offset by the difference next frame.
            // (Not while going to a target: that places the view anyway.)
            None if i > 0
                && state.scroll_to.is_none()
                && !lay.measured.get(i).copied().unwrap_or(true) =>
            {
                state.scroll_fix += height - estimate;
                lay.tops.get(i + 1).copied().unwrap_or(0.0) - height
            }
            None => lay.tops.get(i).copied().unwrap_or(0.0),
        };
        state.layout.measure(i, height);
        next_top = Some(top + height);
        let y = origin.y + pad_top + top;
        if block.first {
            let rect = Rect::from_min_size(Pos2::new(x_number, y), Vec2::new(gutter, number));
            if paragraph_number_ui(
                ui,
                rect,
                block.range.index + 1,
                view.size,
                palette(ui),
                view.strings,
            )
            .clicked()
            {
                actions.push(ReaderAction::NoteParagraph(block.range.index));
            }
        }
        let rect = Rect::from_min_size(Pos2::new(x_text, y), galley.size());
        paragraph_ui(ui, doc, &block.range, galley, rect, view, state, actions);
    }
    if let Some(target) = state.scroll_to
        && !state.scrolled
        && n > 0
    {
        // The target is not in view: go to where its block is estimated to
        // be; once it is drawn, the next frames place it exactly.
        let lay = &state.layout;
        let i = lay.at_char(target.start);
        let top = origin.y + pad_top + lay.tops.get(i).copied().unwrap_or(0.0);
        let height = lay.heights.get(i).copied().unwrap_or(0.0);
        let rect = Rect::from_min_size(Pos2::new(x_text, top), Vec2::new(column, height));
        ui.scroll_to_rect(rect, state.scroll_align);
        // Going there does not use up the frames that place it exactly; a
        // few blind tries at most, so that a target never drawn cannot keep
        // the window repainting.
        state.blind_frames += 1;
        if state.blind_frames > 4 {
            state.scroll_to = None;
        } else {
            ui.ctx().request_repaint();
        }
    } else {
        state.blind_frames = 0;
    }
    drag_across_paragraphs(ui, state);
    let top = ui.clip_rect().top();
    if let Some(p) = state.placed.iter().find(|p| p.rect.bottom() > top) {
        let y = top.max(p.rect.top()) + 1.0;
        state.top_char = p.start + char_at(&p.galley, p.rect.min, Pos2::new(p.rect.left(), y));
    }
}

fn palette(ui: &Ui) -> theme::Palette {
    theme::palette(ui.visuals())
}

/// The text a block shows: the clean text, or its 简/繁 conversion.
fn block_text<'d>(doc: &'d Document, view: &ReaderView<'d>, block: Block) -> &'d str {
    let range = block.range;
    match view.display.and_then(|d| d.get(range.index)) {
        // The conversion keeps char counts, so the block's chars are found
        // at the same offsets inside the converted paragraph.
        Some(shown) => char_slice(
            shown,
            range.start - block.para_start,
            range.end - block.para_start,
        ),
        None => doc.slice(range.start, range.end),
    }
}

/// Chars `from..to` of `s`.
fn char_slice(s: &str, from: usize, to: usize) -> &str {
    let mut at = s
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(s.len()));
    let start = at.nth(from).unwrap_or(s.len());
    let end = if to > from {
        at.nth(to - from - 1).unwrap_or(s.len())
    } else {
        start
    };
    s.get(start..end).unwrap_or_default()
}

/// The height of the paragraph number's box.
fn number_height(size: f32) -> f32 {
    size * theme::LINE_HEIGHT.min(1.8)
}

/// The height of one line of reading text.
fn line_height(view: &ReaderView<'_>) -> f32 {
    let lines = if view.ruby {
        view.line_spacing + theme::RUBY_EXTRA_LINE_HEIGHT
    } else {
        view.line_spacing
    };
    (view.size * lines).round()
}

fn paragraph_number_ui(
    ui: &mut Ui,
    rect: Rect,
    number: usize,
    size: f32,
    palette: theme::Palette,
    s: &Strings,
) -> egui::Response {
    let response = ui.interact(rect, ui.scope_id().with(("number", number)), Sense::click());
    let color = if response.hovered() {
        palette.text
    } else {
        palette.gutter
    };
    ui.painter().text(
        Pos2::new(rect.right() - size * 0.6, rect.center().y),
        Align2::RIGHT_CENTER,
        number.to_string(),
        FontId::proportional(size * 0.6),
        color,
    );
    let label = fill(s.note_paragraph, &[("n", &number)]);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.on_hover_text(fill(s.note_paragraph_hover, &[("n", &number)]))
}

fn layout_paragraph(ui: &Ui, text: &str, width: f32, view: &ReaderView<'_>) -> Arc<Galley> {
    let palette = theme::palette(ui.visuals());
    let line_height = line_height(view);
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: FontId::new(view.size, reading_family()),
            color: palette.text,
            line_height: Some(line_height),
            ..TextFormat::default()
        },
    );
    job.wrap.max_width = width;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// One block of a paragraph (`para` holds the block's range), its galley
/// placed at `rect`. In the 简/繁 view the galley's text is converted char
/// for char, so every offset (notes, evidence, selection) stays the clean
/// text's.
#[allow(
    clippy::too_many_arguments,
    reason = "one block's whole drawing context"
)]
fn paragraph_ui(
    ui: &mut Ui,
    doc: &Document,
    para: &Paragraph,
    galley: Arc<Galley>,
    rect: Rect,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    actions: &mut Vec<ReaderAction>,
) {
    let response = ui.interact(
        rect,
        ui.scope_id().with(("block", para.start)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    let origin = rect.min;
    let boxes = glyph_boxes(&galley, origin, view.size);
    let dark = ui.visuals().dark_mode;

    if ui.is_rect_visible(rect) {
        let notes: Vec<(&Note, TextPosition)> = view
            .store
            .map(|s| s.notes_overlapping(para.start, para.end).collect())
            .unwrap_or_default();
        paint_evidence(ui, para, &boxes, &view);
        paint_find(ui, para, &boxes, &view);
        paint_highlights(ui, para, &boxes, &notes, &view, dark);
        if let Some(sel) = state.selection {
            paint_selection(ui, para, &boxes, sel, view.size);
        }
        ui.painter().galley(
            origin,
            Arc::clone(&galley),
            theme::palette(ui.visuals()).text,
        );
        if view.ruby {
            ruby_ui(ui, doc, para, &boxes, view.size);
        }
        margin_markers_ui(ui, para, &boxes, &notes, &view, dark, actions);
        if let Some(flash) = state.flash {
            paint_flash(ui, para, &boxes, flash, view.size);
        }
        if let Some(hover) = response.hover_pos()
            && !state.dragging
        {
            let at = para.start + char_at(&galley, origin, hover);
            let under: Vec<&Note> = notes
                .iter()
                .filter(|(_, p)| p.start <= at && at < p.end)
                .map(|(n, _)| *n)
                .collect();
            if !under.is_empty() {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| notes_tooltip_ui(ui, &under, view.strings));
            }
        }
    }

    if let Some(target) = state.scroll_to
        && target.start < para.end.max(para.start + 1)
        && target.end.max(target.start + 1) > para.start
    {
        let rects = range_rects(para, &boxes, target, view.size);
        let union = rects.into_iter().reduce(Rect::union).unwrap_or(rect);
        let margin = if state.scroll_align == Some(Align::Min) {
            0.0
        } else {
            view.size * 2.0
        };
        ui.scroll_to_rect(union.expand(margin), state.scroll_align);
        state.scrolled = true;
        state.scroll_frames = state.scroll_frames.saturating_sub(1);
        if state.scroll_frames == 0 {
            state.scroll_to = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    pointer(
        ui, &response, doc, para, &galley, origin, view, state, actions,
    );
    response.context_menu(|ui| context_menu_ui(ui, para, state, view.strings, actions));
    state.placed.push(Placed {
        start: para.start,
        rect,
        galley,
    });
}

#[allow(
    clippy::too_many_arguments,
    reason = "one paragraph's whole drawing context"
)]
fn pointer(
    ui: &Ui,
    response: &egui::Response,
    doc: &Document,
    para: &Paragraph,
    galley: &Galley,
    origin: Pos2,
    view: ReaderView<'_>,
    state: &mut ReaderState,
    actions: &mut Vec<ReaderAction>,
) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let local = char_at(galley, origin, pos);
    let at = para.start + local;
    if response.triple_clicked() {
        if let Some((s, e)) = sentence_at(&doc.sentences, at) {
            state.selection = Some(Selection::new(s, e));
        }
    } else if response.double_clicked() {
        let (s, e) = view
            .words
            .get_or_init(WordSegmenter::new)
            .word_at(galley.text(), local);
        state.selection = Some(Selection::new(para.start + s, para.start + e));
    } else if response.drag_started() {
        let origin_pos = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
        let from = para.start + char_at(galley, origin, origin_pos);
        state.selection = Some(Selection::new(from, at));
        state.dragging = true;
    } else if response.clicked() {
        state.selection = Some(Selection::new(at, at));
        let hit = view.store.and_then(|store| {
            store
                .notes_overlapping(at, at + 1)
                .filter(|(_, p)| p.start <= at && at < p.end)
                .min_by_key(|(_, p)| p.len())
                .map(|(n, _)| n.id.clone())
        });
        if let Some(id) = hit {
            actions.push(ReaderAction::OpenNote(id));
        }
    }
}

fn drag_across_paragraphs(ui: &Ui, state: &mut ReaderState) {
    if !state.dragging {
        return;
    }
    let (down, pos) = ui.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
    if let (true, Some(pos)) = (down, pos) {
        let placed = state
            .placed
            .iter()
            .find(|p| pos.y <= p.rect.bottom())
            .or_else(|| state.placed.last());
        if let (Some(p), Some(sel)) = (placed, state.selection.as_mut()) {
            sel.head = p.start + char_at(&p.galley, p.rect.min, pos);
        }
    } else {
        state.dragging = false;
    }
}

fn context_menu_ui(
    ui: &mut Ui,
    para: &Paragraph,
    state: &ReaderState,
    s: &Strings,
    actions: &mut Vec<ReaderAction>,
) {
    if let Some(range) = state.selected_range()
        && ui.button(s.add_note_shortcut).clicked()
    {
        actions.push(ReaderAction::NoteRange(range));
        ui.close();
    }
    if ui
        .button(fill(s.note_paragraph, &[("n", &(para.index + 1))]))
        .clicked()
    {
        actions.push(ReaderAction::NoteParagraph(para.index));
        ui.close();
    }
}

fn keyboard(ui: &Ui, doc: &Document, state: &mut ReaderState, actions: &mut Vec<ReaderAction>) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let len = doc.char_len();
    ui.input_mut(|i| {
        let shift = i.modifiers.shift;
        let step = |state: &mut ReaderState, to: &dyn Fn(usize) -> usize| {
            let sel = state.selection.get_or_insert_with(|| {
                let start = doc.paragraphs.first().map_or(0, |p| p.start);
                Selection::new(start, start)
            });
            sel.head = to(sel.head).min(len);
            if !shift {
                sel.anchor = sel.head;
            }
            state.scroll_to = Some(TextPosition {
                start: sel.head,
                end: sel.head,
            });
            state.scroll_align = None;
        };
        if i.consume_key(i.modifiers, Key::ArrowRight) {
            step(state, &|h| h + 1);
        }
        if i.consume_key(i.modifiers, Key::ArrowLeft) {
            step(state, &|h| h.saturating_sub(1));
        }
        if i.consume_key(i.modifiers, Key::ArrowDown) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .find(|p| p.start > h)
                    .map_or(len, |p| p.start)
            });
        }
        if i.consume_key(i.modifiers, Key::ArrowUp) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .rev()
                    .find(|p| p.start < h)
                    .map_or(0, |p| p.start)
            });
        }
        if i.consume_key(i.modifiers, Key::End) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .find(|p| p.end >= h)
                    .map_or(len, |p| p.end)
            });
        }
        if i.consume_key(i.modifiers, Key::Home) {
            step(state, &|h| {
                doc.paragraphs
                    .iter()
                    .rev()
                    .find(|p| p.start <= h)
                    .map_or(0, |p| p.start)
            });
        }
        if i.consume_key(egui::Modifiers::NONE, Key::Escape) {
            state.selection = None;
        }
        if i.consume_shortcut(&egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND,
            Key::Enter,
        )) && let Some(range) = state.selected_range()
        {
            actions.push(ReaderAction::NoteRange(range));
        }
    });
    if let Some(range) = state.selected_range() {
        let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy {
            ui.ctx()
                .copy_text(doc.slice(range.start, range.end).to_owned());
        }
    }
}

/// The char index (within the galley) nearest to a screen position.
fn char_at(galley: &Galley, origin: Pos2, pos: Pos2) -> usize {
    galley.cursor_from_pos(pos - origin).index.0
}

/// The notes' highlights in one block. The block is cut where any note
/// starts or ends; each piece is painted once, in the color of its innermost
/// note and stronger where notes overlap, with up to three stacked
/// underlines. So painting costs what the text costs, not what the notes
/// cost: 10,000 notes on one article stay a screenful of shapes.
fn paint_highlights(
    ui: &Ui,
    para: &Paragraph,
    boxes: &[GlyphBox],
    notes: &[(&Note, TextPosition)],
    view: &ReaderView<'_>,
    dark: bool,
) {
    let painter = ui.painter();
    let clip = |p: &TextPosition| (p.start.max(para.start), p.end.min(para.end));
    let mut cuts: Vec<usize> = notes
        .iter()
        .flat_map(|(_, p)| {
            let (s, e) = clip(p);
            [s, e]
        })
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    // `notes` come sorted by start; `active` holds the ones covering the
    // current piece, in start order (outermost first).
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut run: Option<(TextPosition, PieceStyle)> = None;
    let flush = |run: Option<(TextPosition, PieceStyle)>| {
        if let Some((range, style)) = run {
            paint_piece(painter, para, boxes, range, &style, view.size);
        }
    };
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|&i| notes.get(i).is_some_and(|(_, p)| clip(p).1 > from));
        while let Some((_, p)) = notes.get(next)
            && clip(p).0 <= from
        {
            if clip(p).1 > from {
                active.push(next);
            }
            next += 1;
        }
        let style = PieceStyle::of(notes, &active, dark);
        let piece = TextPosition {
            start: from,
            end: to,
        };
        run = match run {
            // Neighbouring pieces that look the same are painted as one.
            Some((r, s)) if s == style && r.end == from => Some((
                TextPosition {
                    start: r.start,
                    end: to,
                },
                s,
            )),
            other => {
                flush(other);
                style.visible().then_some((piece, style))
            }
        };
    }
    flush(run);
    // The note open in the editor: outlined whole.
    if let Some((note, pos)) = notes
        .iter()
        .find(|(n, _)| view.selected_note == Some(n.id.as_str()))
    {
        let solid = theme::note_color(note.color, dark);
        for rect in range_rects(para, boxes, *pos, view.size) {
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.5, solid),
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// How one piece of highlighted text is painted.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PieceStyle {
    fill: Option<Color32>,
    underlines: [Option<Color32>; 3],
}

impl PieceStyle {
    /// The style where the `active` notes (indices into `notes`, outermost
    /// first) overlap.
    fn of(notes: &[(&Note, TextPosition)], active: &[usize], dark: bool) -> Self {
        let color = |i: &usize| notes.get(*i).map(|(n, _)| n.color);
        let fill = active
            .last()
            .and_then(color)
            .map(|c| theme::stacked_highlight_fill(c, active.len(), dark));
        let mut underlines = [None; 3];
        for (slot, i) in underlines.iter_mut().zip(active) {
            *slot = color(i).map(|c| theme::note_color(c, dark));
        }
        Self { fill, underlines }
    }

    fn visible(&self) -> bool {
        self.fill.is_some()
    }
}

fn paint_piece(
    painter: &egui::Painter,
    para: &Paragraph,
    boxes: &[GlyphBox],
    range: TextPosition,
    style: &PieceStyle,
    size: f32,
) {
    for rect in range_rects(para, boxes, range, size) {
        if let Some(fill) = style.fill {
            painter.rect_filled(rect, 2.0, fill);
        }
        for (level, color) in style.underlines.iter().enumerate() {
            let Some(color) = color else { continue };
            #[allow(clippy::cast_precision_loss, reason = "level is at most 2")]
            let y = rect.bottom() + level as f32 * (theme::NOTE_UNDERLINE + 1.0);
            painter.line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(theme::NOTE_UNDERLINE, *color),
            );
        }
    }
}

/// Find matches in this paragraph; the current one stronger.
fn paint_find(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], view: &ReaderView<'_>) {
    let matches = view.find_matches;
    // Matches are sorted: only those that can touch this paragraph are looked at.
    let first = matches.partition_point(|m| m.end <= para.start);
    let dark = ui.visuals().dark_mode;
    for m in matches[first..].iter().take_while(|m| m.start < para.end) {
        let current = view.find_current == Some(*m);
        for rect in range_rects(para, boxes, *m, view.size) {
            ui.painter()
                .rect_filled(rect.expand(1.0), 2.0, theme::find_fill(dark, current));
        }
    }
}

/// The open event's evidence: a tinted band, so claim and words line up.
fn paint_evidence(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], view: &ReaderView<'_>) {
    let Some(open) = view.open_event else {
        return;
    };
    let fill = theme::evidence_fill(ui.visuals().dark_mode);
    for span in view.evidence.iter().filter(|e| e.event == open) {
        let Some(range) = span.range else { continue };
        for rect in range_rects(para, boxes, range, view.size) {
            ui.painter().rect_filled(rect.expand(1.0), 3.0, fill);
        }
    }
}

fn paint_selection(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], sel: Selection, size: f32) {
    let range = sel.range();
    if range.is_empty() {
        // A caret: a thin line before the char at `head`.
        if sel.head < para.start || sel.head > para.end {
            return;
        }
        let local = sel.head - para.start;
        let rect = boxes.get(local).map(|b| b.rect).or_else(|| {
            boxes
                .last()
                .map(|b| Rect::from_min_max(b.rect.right_top(), b.rect.max))
        });
        if let Some(rect) = rect {
            let x = rect.left();
            ui.painter().line_segment(
                [
                    Pos2::new(x, rect.top()),
                    Pos2::new(x, rect.bottom() + size * 0.15),
                ],
                Stroke::new(1.5, ui.visuals().text_cursor.stroke.color),
            );
        }
        return;
    }
    let fill = ui.visuals().selection.bg_fill;
    for rect in range_rects(para, boxes, range, size) {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
}

fn paint_flash(ui: &Ui, para: &Paragraph, boxes: &[GlyphBox], flash: Flash, size: f32) {
    let age = ui.input(|i| i.time) - flash.started;
    if !(0.0..theme::FLASH_SECONDS).contains(&age) {
        return;
    }
    #[allow(clippy::cast_possible_truncation, reason = "alpha fades from 255 to 0")]
    let alpha = (255.0 * (1.0 - age / theme::FLASH_SECONDS)) as u8;
    let c = ui.visuals().selection.stroke.color;
    let color = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha);
    for rect in range_rects(para, boxes, flash.range, size) {
        ui.painter().rect_stroke(
            rect.expand(2.0),
            3.0,
            Stroke::new(2.5, color),
            egui::StrokeKind::Outside,
        );
    }
    // Keep animating only while the flash lasts: no repaint when idle.
    ui.ctx().request_repaint();
}

#[allow(
    clippy::too_many_arguments,
    reason = "one paragraph's margin drawing context"
)]
fn margin_markers_ui(
    ui: &mut Ui,
    para: &Paragraph,
    boxes: &[GlyphBox],
    notes: &[(&Note, TextPosition)],
    view: &ReaderView<'_>,
    dark: bool,
    actions: &mut Vec<ReaderAction>,
) {
    let size = view.size;
    let Some(first) = boxes.first() else {
        return;
    };
    let x = first.rect.left() - size * 0.35;
    // Markers sit on the line where their note starts, at most three per
    // line; a "+N" stands for the rest (a line can start hundreds of notes).
    let mut line_y = f32::NAN;
    let mut on_line = 0usize;
    let starts: Vec<(&Note, f32)> = notes
        .iter()
        .filter(|(_, pos)| pos.start >= para.start)
        .map(|(note, pos)| {
            let y = boxes
                .get(pos.start - para.start)
                .map_or(first.rect.center().y, |b| b.rect.center().y);
            (*note, y)
        })
        .collect();
    for (k, &(note, y)) in starts.iter().enumerate() {
        if (y - line_y).abs() > 0.5 {
            line_y = y;
            on_line = 0;
        }
        on_line += 1;
        if on_line > MARKERS_PER_LINE + 1 {
            continue;
        }
        if on_line == MARKERS_PER_LINE + 1 {
            let more = starts[k..]
                .iter()
                .take_while(|(_, y2)| (y2 - y).abs() <= 0.5)
                .count();
            if more > 1 {
                // Under the line's dots, clear of the paragraph number.
                let at = Pos2::new(x - size * 0.3, y + size * 0.3);
                more_markers_ui(ui, note, more, at, view, actions);
                continue;
            }
        }
        #[allow(clippy::cast_precision_loss, reason = "at most three markers per line")]
        let center = Pos2::new(x - ((on_line - 1) % 3) as f32 * size * 0.3, y);
        let rect = Rect::from_center_size(center, Vec2::splat(size * 0.45));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("marker", &note.id)),
            Sense::click(),
        );
        ui.painter()
            .circle_filled(center, size * 0.16, theme::note_color(note.color, dark));
        let label = fill(
            view.strings.open_note_on,
            &[("quote", &short(&note.target.quote.exact, 12))],
        );
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            actions.push(ReaderAction::OpenNote(note.id.clone()));
        }
    }
}

/// Margin markers drawn on one line before the rest become "+N".
const MARKERS_PER_LINE: usize = 3;

/// The "+N" in the margin: `count` more notes start on this line; a click
/// opens the first of them (`note`), and the notes list has them all.
fn more_markers_ui(
    ui: &mut Ui,
    note: &Note,
    count: usize,
    at: Pos2,
    view: &ReaderView<'_>,
    actions: &mut Vec<ReaderAction>,
) {
    let text = format!("+{count}");
    let font = FontId::proportional(view.size * 0.4);
    let color = theme::palette(ui.visuals()).gutter;
    let rect = ui
        .painter()
        .text(at, Align2::CENTER_TOP, &text, font, color);
    let response = ui.interact(
        rect.expand(2.0),
        ui.scope_id().with(("more-markers", &note.id)),
        Sense::click(),
    );
    let label = fill(view.strings.more_notes_on_line, &[("n", &count)]);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clone().on_hover_text(&label).clicked() {
        actions.push(ReaderAction::OpenNote(note.id.clone()));
    }
}

fn notes_tooltip_ui(ui: &mut Ui, notes: &[&Note], s: &Strings) {
    // A tooltip is for a glance: a few notes, then how many more.
    const SHOWN: usize = 8;
    if notes.len() > SHOWN {
        ui.weak(fill(
            s.notes_here,
            &[("n", &notes.len()), ("shown", &SHOWN)],
        ));
        ui.separator();
    }
    for (i, note) in notes.iter().take(SHOWN).enumerate() {
        if i > 0 {
            ui.separator();
        }
        if note.body.trim().is_empty() {
            ui.weak(s.highlight_no_text);
        } else {
            ui.label(&note.body);
        }
        if !note.tags.is_empty() {
            ui.weak(fill(s.tags_list, &[("tags", &note.tags.join(", "))]));
        }
    }
}

/// The first `n` chars of `s`, with an ellipsis when cut.
#[must_use]
pub fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// Screen rects (one per line) covering `range` of the clean text within `para`.
fn range_rects(para: &Paragraph, boxes: &[GlyphBox], range: TextPosition, size: f32) -> Vec<Rect> {
    let lo = range.start.max(para.start) - para.start;
    let hi = range.end.min(para.end).saturating_sub(para.start);
    let mut rects: Vec<Rect> = Vec::new();
    for b in boxes.get(lo..hi.max(lo)).unwrap_or_default() {
        let r = Rect::from_min_max(
            Pos2::new(b.rect.left(), b.rect.top() - size * 0.06),
            Pos2::new(b.rect.right(), b.rect.bottom() + size * 0.18),
        );
        match rects.last_mut() {
            Some(last) if (last.top() - r.top()).abs() < 1.0 => *last = last.union(r),
            _ => rects.push(r),
        }
    }
    rects
}

/// Paint each removed reading of the paragraph above its character, and give it
/// an accessible name ("濟 jì") so screen readers and tests can find it.
fn ruby_ui(ui: &mut Ui, doc: &Document, para: &Paragraph, glyphs: &[GlyphBox], size: f32) {
    let readings = doc.readings_in(para.start, para.end);
    let font = FontId::new(size * theme::RUBY_SIZE, egui::FontFamily::Proportional);
    let color = theme::palette(ui.visuals()).ruby;
    for reading in readings {
        // The reading belongs to the Han character before `clean_at`; a kept
        // variation selector may sit between them.
        let Some(mut at) = reading.clean_at.checked_sub(1 + para.start) else {
            continue;
        };
        while at > 0 && glyphs.get(at).is_some_and(|g| g.chr != reading.han) {
            at -= 1;
        }
        let Some(glyph) = glyphs.get(at) else {
            continue;
        };
        let anchor = Pos2::new(glyph.rect.center().x, glyph.rect.top() - size * 0.03);
        let painted = ui.painter().text(
            anchor,
            Align2::CENTER_BOTTOM,
            &reading.pinyin,
            font.clone(),
            color,
        );
        let id = ui.scope_id().with(("ruby", reading.clean_at));
        let response = ui.interact(painted, id, Sense::hover());
        let name = format!("{} {}", reading.han, reading.pinyin);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
    }
}

/// One character's box in screen coordinates.
struct GlyphBox {
    chr: char,
    rect: Rect,
}

/// Top of the ideographic em box above the baseline, in em: CJK fonts put the
/// em box from -0.12 em to 0.88 em (the font's ascent is larger, 1.16 em in Noto).
const EM_BOX_TOP: f32 = 0.88;

/// The box of each character of a galley (one glyph per char in egui), from
/// the top of its ideographic em box to the baseline.
fn glyph_boxes(galley: &Galley, origin: Pos2, size: f32) -> Vec<GlyphBox> {
    let mut boxes = Vec::with_capacity(galley.text().len() / 3);
    for row in &galley.rows {
        for glyph in &row.glyphs {
            let baseline = origin + row.pos.to_vec2() + glyph.pos.to_vec2();
            let top = baseline.y - size * EM_BOX_TOP;
            boxes.push(GlyphBox {
                chr: glyph.chr,
                rect: Rect::from_min_max(
                    Pos2::new(baseline.x, top),
                    Pos2::new(baseline.x + glyph.advance_width, baseline.y),
                ),
            });
        }
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes("t.txt", None, text.as_bytes()).expect("test text decodes")
    }

    /// Blocks tile each paragraph exactly, and only the first carries the
    /// paragraph number.
    fn assert_tiles(doc: &Document, blocks: &[Block]) {
        for p in &doc.paragraphs {
            let mine: Vec<&Block> = blocks.iter().filter(|b| b.range.index == p.index).collect();
            assert_eq!(mine.first().map(|b| b.range.start), Some(p.start));
            assert_eq!(mine.last().map(|b| b.range.end), Some(p.end));
            for pair in mine.windows(2) {
                assert_eq!(pair[0].range.end, pair[1].range.start);
            }
            for (k, b) in mine.iter().enumerate() {
                assert_eq!(b.first, k == 0);
                assert_eq!(b.last, k + 1 == mine.len());
                assert!(b.range.end - b.range.start <= BLOCK_CHARS);
            }
        }
    }

    #[test]
    fn short_paragraphs_are_one_block_each() {
        let d = doc("濟寧市政府與省人社廳簽署協議。\n\n馬平昌致辭。\n");
        let b = blocks(&d);
        assert_eq!(b.len(), 2);
        assert_tiles(&d, &b);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence() {
        let sentence = format!("{}。", "濟".repeat(799));
        let d = doc(&sentence.repeat(5));
        let b = blocks(&d);
        assert_tiles(&d, &b);
        // 800-char sentences: two fit in a block, and every cut ends one.
        assert_eq!(b.len(), 3);
        for block in &b {
            assert!(d.slice(block.range.start, block.range.end).ends_with('。'));
        }
    }

    #[test]
    fn an_endless_sentence_is_cut_every_block_length() {
        let d = doc(&format!("前言。{}", "寧".repeat(BLOCK_CHARS * 3 + 5)));
        let b = blocks(&d);
        assert_tiles(&d, &b);
        assert_eq!(b.len(), 5);
        assert_eq!(b[0].range.end, 3, "cut after 前言。");
    }

    #[test]
    fn char_slice_counts_chars_not_bytes() {
        assert_eq!(char_slice("济宁𠮷市政府", 1, 4), "宁𠮷市");
        assert_eq!(char_slice("济宁", 1, 9), "宁");
        assert_eq!(char_slice("济宁", 2, 2), "");
    }
}
