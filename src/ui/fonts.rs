//! Fonts: the embedded Noto CJK TC subsets, and installed fonts found with `fontdb`.
//!
//! The embedded subsets make Chinese render on a machine with no CJK font at
//! all. Installed CJK families are discovered on a background thread (never on
//! the first frame's path); once found they are offered as reading fonts and
//! used as a deliberate fallback, after the embedded fonts, for characters the
//! subsets lack (CJK extension B and beyond). eframe's own system-font fallback
//! is turned off in `main` because it mixes baselines silently.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, OnceLock};

use egui::{FontData, FontDefinitions, FontFamily, FontInsert};
use serde::{Deserialize, Serialize};
use skrifa::{FontRef, MetadataProvider as _};

/// Noto Sans CJK TC, subset (UI text).
pub const SANS_OTF: &[u8] = include_bytes!("../../fonts/NotoSansCJKtc-Subset.otf");
/// Noto Serif CJK TC, subset (reading text).
pub const SERIF_OTF: &[u8] = include_bytes!("../../fonts/NotoSerifCJKtc-Subset.otf");
/// The fonts' copyright lines and the SIL Open Font License, shown in the About window.
pub const LICENSE: &str = include_str!("../../fonts/OFL.txt");

const SANS_NAME: &str = "Noto Sans CJK TC (embedded)";
const SERIF_NAME: &str = "Noto Serif CJK TC (embedded)";
const INSTALLED_KEY: &str = "installed reading font";

/// The font family the article is drawn with.
#[must_use]
pub fn reading_family() -> FontFamily {
    FontFamily::Name("pizhu-reading".into())
}

/// Which font the article is read in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadingFont {
    /// The embedded Noto Serif CJK TC (default).
    #[default]
    Serif,
    /// The embedded Noto Sans CJK TC.
    Sans,
    /// An installed family, by name (found with fontdb).
    Installed(String),
}

impl ReadingFont {
    /// A short human name for menus, in the interface language.
    #[must_use]
    pub fn label(&self, s: &crate::ui::i18n::Strings) -> String {
        match self {
            Self::Serif => s.font_serif.to_owned(),
            Self::Sans => s.font_sans.to_owned(),
            Self::Installed(name) => name.clone(),
        }
    }
}

/// Font definitions with the embedded fonts: sans first for the UI, serif for reading.
///
/// `installed` is the data of an installed reading font, when one is chosen.
#[must_use]
pub fn definitions(reading: &ReadingFont, installed: Option<FontData>) -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        SANS_NAME.to_owned(),
        Arc::new(FontData::from_static(SANS_OTF)),
    );
    defs.font_data.insert(
        SERIF_NAME.to_owned(),
        Arc::new(FontData::from_static(SERIF_OTF)),
    );
    let egui_proportional = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // UI text: Noto Sans first so Latin and Han share one design and baseline;
    // egui's own fonts stay behind it for symbols and emoji.
    let mut ui_fonts = vec![SANS_NAME.to_owned()];
    ui_fonts.extend(egui_proportional.iter().cloned());
    defs.families.insert(FontFamily::Proportional, ui_fonts);
    if let Some(mono) = defs.families.get_mut(&FontFamily::Monospace) {
        mono.push(SANS_NAME.to_owned());
    }

    let mut reading_fonts = Vec::new();
    match (reading, installed) {
        (ReadingFont::Installed(_), Some(data)) => {
            defs.font_data
                .insert(INSTALLED_KEY.to_owned(), Arc::new(data));
            reading_fonts.push(INSTALLED_KEY.to_owned());
            reading_fonts.push(SERIF_NAME.to_owned());
        }
        (ReadingFont::Sans, _) => reading_fonts.push(SANS_NAME.to_owned()),
        _ => reading_fonts.push(SERIF_NAME.to_owned()),
    }
    for name in [SERIF_NAME, SANS_NAME] {
        if !reading_fonts.iter().any(|n| n == name) {
            reading_fonts.push(name.to_owned());
        }
    }
    reading_fonts.extend(egui_proportional);
    defs.families.insert(reading_family(), reading_fonts);
    defs
}

/// Installed fonts found by a background scan.
pub struct InstalledFonts {
    db: fontdb::Database,
    /// Faces that have CJK ideographs, in database order.
    cjk_faces: Vec<fontdb::ID>,
    /// Family names of those faces, sorted and unique.
    families: Vec<String>,
}

impl InstalledFonts {
    /// Scan the system's fonts and keep those that can show Chinese.
    ///
    /// Slow (reads every font file's character map): call it off the UI thread.
    #[must_use]
    pub fn scan() -> Self {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut cjk_faces = Vec::new();
        let mut families = BTreeSet::new();
        for face in db.faces() {
            let is_cjk = db
                .with_face_data(face.id, |data, index| {
                    has_chars(data, index, &['中', '國', '濟', '寧'])
                })
                .unwrap_or(false);
            if is_cjk {
                cjk_faces.push(face.id);
                if let Some((name, _)) = face.families.first() {
                    families.insert(name.clone());
                }
            }
        }
        Self {
            db,
            cjk_faces,
            families: families.into_iter().collect(),
        }
    }

    /// Installed families that can show Chinese.
    #[must_use]
    pub fn families(&self) -> &[String] {
        &self.families
    }

    /// The regular face of an installed family, as egui font data.
    #[must_use]
    pub fn load_family(&self, family: &str) -> Option<FontData> {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..fontdb::Query::default()
        };
        let id = self.db.query(&query)?;
        self.face_data(id)
    }

    fn face_data(&self, id: fontdb::ID) -> Option<FontData> {
        self.db.with_face_data(id, |data, index| {
            let mut font = FontData::from_owned(data.to_vec());
            font.index = index;
            font
        })
    }

    /// An installed CJK face with a glyph for `ch`, if any.
    fn face_for(&self, ch: char) -> Option<(fontdb::ID, String)> {
        self.cjk_faces.iter().find_map(|&id| {
            let has = self
                .db
                .with_face_data(id, |data, index| has_chars(data, index, &[ch]))
                .unwrap_or(false);
            has.then(|| {
                let name = self
                    .db
                    .face(id)
                    .map_or_else(|| format!("{id:?}"), |f| f.post_script_name.clone());
                (id, name)
            })
        })
    }
}

/// True when the font face has a glyph for every char of `chars`.
#[must_use]
pub fn has_chars(data: &[u8], index: u32, chars: &[char]) -> bool {
    FontRef::from_index(data, index).is_ok_and(|font| {
        let map = font.charmap();
        chars.iter().all(|&c| map.map(c).is_some())
    })
}

/// Fallback to installed fonts for characters the embedded subsets lack.
struct InstalledFallback {
    fonts: Arc<InstalledFonts>,
    /// Face data already handed to egui, so a face is copied once.
    loaded: Mutex<Vec<(fontdb::ID, FontData)>>,
}

impl egui::epaint::text::FontProvider for InstalledFallback {
    fn font_for(&self, request: &egui::epaint::text::FallbackRequest<'_>) -> Option<FontInsert> {
        let ch = request.cluster.chars().next()?;
        let (id, name) = self.fonts.face_for(ch)?;
        let mut loaded = self.loaded.lock().ok()?;
        let data = if let Some((_, data)) = loaded.iter().find(|(i, _)| *i == id) {
            data.clone()
        } else {
            let data = self.fonts.face_data(id)?;
            loaded.push((id, data.clone()));
            data
        };
        Some(FontInsert::new(
            &format!("installed: {name}"),
            data,
            Vec::new(),
        ))
    }
}

/// Where the background scan leaves its result for the UI.
pub type InstalledSlot = Arc<OnceLock<Arc<InstalledFonts>>>;

/// Start scanning installed fonts on a background thread.
///
/// When done, the scan installs the fallback provider into `ctx` and asks for
/// one repaint so menus can offer the families. Nothing is repainted while idle.
#[must_use]
pub fn start_scan(ctx: &egui::Context) -> InstalledSlot {
    let slot: InstalledSlot = Arc::new(OnceLock::new());
    let out = Arc::clone(&slot);
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("pizhu-font-scan".into())
        .spawn(move || {
            let fonts = Arc::new(InstalledFonts::scan());
            ctx.add_font_provider(Arc::new(InstalledFallback {
                fonts: Arc::clone(&fonts),
                loaded: Mutex::new(Vec::new()),
            }));
            let _ = out.set(fonts);
            ctx.request_repaint();
        });
    if let Err(err) = spawned {
        // Without the scan we still have the embedded fonts; say why the list is empty.
        eprintln!(
            "pizhu: could not start the installed-font scan ({err}); using embedded fonts only"
        );
    }
    slot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_cover_the_article_title() {
        for font in [SANS_OTF, SERIF_OTF] {
            let chars: Vec<char> = "濟寧市政府與省人社廳簽署合作框架協議".chars().collect();
            assert!(has_chars(font, 0, &chars));
        }
    }

    #[test]
    fn reading_family_lists_the_chosen_font_first() {
        let defs = definitions(&ReadingFont::Sans, None);
        let fam = &defs.families[&reading_family()];
        assert_eq!(fam[0], SANS_NAME);
        let defs = definitions(&ReadingFont::Serif, None);
        assert_eq!(defs.families[&reading_family()][0], SERIF_NAME);
    }

    #[test]
    fn ui_text_uses_the_embedded_sans_first() {
        let defs = definitions(&ReadingFont::Serif, None);
        assert_eq!(defs.families[&FontFamily::Proportional][0], SANS_NAME);
    }
}
