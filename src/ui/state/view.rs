//! What the state keeps for drawing, made from the document and the notes
//! and rebuilt only when they change: the paragraphs in the chosen script,
//! the timeline as shown, and the installed font definitions.

use std::sync::Arc;

use crate::core::lang::Lang;
use crate::core::notes::note::TextPosition;
use crate::core::notes::session::Notes;
use crate::core::text::document::Document;
use crate::core::text::script::{Conversion, Names};
use crate::core::timeline::Timeline;
use crate::ui::evidence::EvidenceSpan;
use crate::ui::fonts::{self, InstalledSlot, ReadingFont};
use crate::ui::settings::Script;

/// The document as the 简/繁 view shows it: the paragraphs converted for a
/// script, the who's-who names of the timeline kept as written.
#[derive(Debug, Default)]
pub struct Display {
    /// The names as last given.
    given: Vec<String>,
    /// The names kept as written (those of the timeline shown).
    names: Names,
    /// The conversion and the paragraphs it gave, for the script they were made for.
    converted: Option<(Script, Arc<Conversion>, Vec<String>)>,
}

impl Display {
    /// Keep `names` (the who's who of the timeline shown) as written from
    /// now on. Called every frame: the names are compared as given, the
    /// automaton built and the text converted again only when they change
    /// (the timeline was edited).
    pub fn set_names(&mut self, names: &[&str]) {
        if self
            .given
            .iter()
            .map(String::as_str)
            .ne(names.iter().copied())
        {
            self.given = names.iter().map(|n| (*n).to_owned()).collect();
            let folded = Names::new(names);
            if folded != self.names {
                self.names = folded;
                self.converted = None;
            }
        }
    }

    /// Convert the paragraphs of `doc` for `script`, keeping the names
    /// ([`Self::set_names`]) as written, once per script, document and names
    /// (call [`Self::clear`] when the document changes).
    ///
    /// The whole text is converted at once and cut into paragraphs, so the
    /// reader shows exactly what `pizhu text --script` prints.
    pub fn refresh(&mut self, doc: &Document, script: Script) {
        if script == Script::Original {
            return;
        }
        if self.converted.as_ref().is_none_or(|(s, ..)| *s != script) {
            let Some(to) = crate::ui::shown::core_script(script) else {
                return;
            };
            let (conversion, text) = Conversion::whole(doc.text(), to, self.names.clone());
            let paragraphs = cut(&text, doc.paragraphs.iter().map(|p| (p.start, p.end)));
            self.converted = Some((script, Arc::new(conversion), paragraphs));
        }
    }

    /// The converted paragraphs for `script`; `None` for the text as it is.
    #[must_use]
    pub fn paragraphs(&self, script: Script) -> Option<&[String]> {
        self.converted
            .as_ref()
            .filter(|(s, ..)| *s == script && *s != Script::Original)
            .map(|(.., p)| p.as_slice())
    }

    /// How the document is converted for `script` (for the quotes shown
    /// elsewhere); `None` for the text as it is.
    #[must_use]
    pub fn conversion(&self, script: Script) -> Option<Arc<Conversion>> {
        self.converted
            .as_ref()
            .filter(|(s, ..)| *s == script && *s != Script::Original)
            .map(|(_, c, _)| Arc::clone(c))
    }

    /// Forget the conversion and the names (another document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// `text` cut at the char ranges `[start, end)` of `ranges` (in order, not
/// overlapping): one pass over the text.
fn cut(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<String> {
    let mut chars = text.chars();
    let mut at = 0;
    ranges
        .map(|(start, end)| {
            // Ranges out of order or past the end give what is left (never a panic).
            let skip = start.saturating_sub(at);
            if skip > 0 {
                chars.nth(skip - 1);
            }
            let piece: String = chars
                .by_ref()
                .take(end.saturating_sub(start.max(at)))
                .collect();
            at = start.max(at) + piece.chars().count();
            piece
        })
        .collect()
}

/// The timeline as shown: recomputed when the notes' revision changes.
#[derive(Debug)]
pub struct TimelineView {
    /// The notes' revision it was made for.
    revision: u64,
    /// The edited timeline, or the shipped one.
    pub timeline: Timeline,
    /// Where each event's evidence is in the text.
    pub evidence: Vec<EvidenceSpan>,
    /// Each person's mentions in the text, by person id.
    pub mentions: Vec<(String, Vec<TextPosition>)>,
    /// A timeline ships with the document.
    pub has_shipped: bool,
    /// The review file holds an edited timeline (so "reset" has something to do).
    pub edited: bool,
    /// The language of the shipped timeline's words shown.
    pub lang: Lang,
}

impl TimelineView {
    /// Bring `view` up to date with the notes of `doc` (`None` without a
    /// document), the shipped timeline's words in `lang`.
    pub fn refresh(
        view: &mut Option<Self>,
        doc: Option<&Document>,
        notes: Option<&Notes>,
        lang: Lang,
    ) {
        let (Some(doc), Some(notes)) = (doc, notes) else {
            *view = None;
            return;
        };
        let revision = notes.store().revision();
        if view
            .as_ref()
            .is_some_and(|v| v.revision == revision && v.lang == lang)
        {
            return;
        }
        // The store already indexes the document's text for anchoring notes.
        let index = notes.store().text_index();
        let timeline = notes.timeline_in(doc, lang);
        let evidence = timeline
            .evidence_anchors(index)
            .into_iter()
            .enumerate()
            .flat_map(|(event, anchors)| {
                anchors.into_iter().map(move |a| EvidenceSpan {
                    range: a.position(),
                    event,
                })
            })
            .collect();
        let mentions = timeline
            .people
            .iter()
            .map(|p| (p.id.clone(), p.mentions(doc)))
            .collect();
        *view = Some(Self {
            revision,
            has_shipped: notes.has_shipped(doc),
            edited: notes.store().timeline().is_some(),
            lang,
            timeline,
            evidence,
            mentions,
        });
    }

    /// The first place in the text of event `index`'s evidence.
    #[must_use]
    pub fn first_evidence(&self, index: usize) -> Option<TextPosition> {
        self.evidence
            .iter()
            .filter(|e| e.event == index)
            .find_map(|e| e.range)
    }
}

/// The fonts installed in the egui context, and the background scan of the
/// system's fonts that offers installed reading fonts.
#[derive(Default)]
pub struct FontsState {
    /// The scan of installed fonts (the real window only).
    installed: Option<InstalledSlot>,
    /// The reading font whose definitions are installed in the context.
    fonts_for: Option<ReadingFont>,
}

impl FontsState {
    /// The fonts as the context was set up for `reading`: the embedded
    /// ones; an installed family waits for the scan.
    #[must_use]
    pub fn new(reading: &ReadingFont) -> Self {
        Self {
            installed: None,
            fonts_for: match reading {
                ReadingFont::Installed(_) => None,
                other => Some(other.clone()),
            },
        }
    }

    /// Start the installed-font scan in the background.
    pub fn start_scan(&mut self, ctx: &egui::Context) {
        self.installed = Some(fonts::start_scan(ctx));
    }

    /// The installed font families, once the scan is done.
    #[must_use]
    pub fn installed_families(&self) -> Option<&[String]> {
        self.installed
            .as_ref()
            .and_then(|slot| slot.get())
            .map(|f| f.families())
    }

    /// A remembered installed reading font can only be loaded once the scan is done.
    #[must_use]
    pub fn waiting_for_scan(&self, reading: &ReadingFont) -> bool {
        self.fonts_for.as_ref() != Some(reading)
            && self
                .installed
                .as_ref()
                .is_some_and(|slot| slot.get().is_some())
    }

    /// Install font definitions for `reading` (once per change). A family
    /// uninstalled since it was chosen falls back to the embedded serif.
    pub fn apply(&mut self, ctx: &egui::Context, reading: &mut ReadingFont) {
        if self.fonts_for.as_ref() == Some(reading) {
            return;
        }
        let installed = match reading {
            ReadingFont::Installed(family) => {
                // Until the background scan is done the embedded serif is shown;
                // `logic` calls this again when the scan has finished.
                let Some(fonts) = self.installed.as_ref().and_then(|slot| slot.get()) else {
                    return;
                };
                let data = fonts.load_family(family);
                if data.is_none() {
                    // The family was uninstalled since it was chosen.
                    *reading = ReadingFont::Serif;
                }
                data
            }
            _ => None,
        };
        ctx.set_fonts(fonts::definitions(reading, installed));
        self.fonts_for = Some(reading.clone());
    }
}

/// The word dictionary shared with the reader (Jieba's takes a moment to
/// load; it is loaded once, on first use or by [`preload`]).
pub type Words = Arc<std::sync::OnceLock<crate::core::text::words::WordSegmenter>>;

/// Load the word dictionary on a background thread, so the first
/// double-click does not wait for it.
pub fn preload(words: &Words) {
    let words = Arc::clone(words);
    let _ = std::thread::Builder::new()
        .name("pizhu-words".into())
        .spawn(move || {
            words.get_or_init(crate::core::text::words::WordSegmenter::new);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_gives_each_paragraph_by_char_offsets() {
        let text = "濟寧市政府\n\n韓金峰致辭\n劉成文";
        assert_eq!(
            cut(text, [(0, 5), (7, 12), (13, 16)].into_iter()),
            ["濟寧市政府", "韓金峰致辭", "劉成文"]
        );
        // Past the end gives what is left, never a panic.
        assert_eq!(cut("韓金峰", [(1, 9), (5, 6)].into_iter()), ["金峰", ""]);
    }

    #[test]
    fn the_display_keeps_names_and_follows_their_changes() {
        let doc = Document::from_bytes("会议.txt", None, "秘书长刘成文主持会议。\n".as_bytes())
            .expect("a text document");
        let mut display = Display::default();
        display.set_names(&["劉成文"]);
        display.refresh(&doc, Script::Traditional);
        let shown = display
            .paragraphs(Script::Traditional)
            .map(<[String]>::to_vec);
        assert_eq!(shown, Some(vec!["秘書長刘成文主持會議。".to_owned()]));
        let conversion = display.conversion(Script::Traditional).expect("converted");
        assert_eq!(conversion.convert("刘成文主持会议"), "刘成文主持會議");
        // The timeline lost the name: the text converts again.
        display.set_names(&[]);
        display.refresh(&doc, Script::Traditional);
        let shown = display
            .paragraphs(Script::Traditional)
            .map(<[String]>::to_vec);
        assert_eq!(shown, Some(vec!["秘書長劉成文主持會議。".to_owned()]));
        assert!(display.paragraphs(Script::Simplified).is_none());
    }
}
