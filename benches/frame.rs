//! Frame CPU time of the whole UI, headless: an `egui::Context` with no
//! renderer running the real app (layout and tessellation included) while the
//! reader scrolls. Goals (issue 7): ≤ 1 ms on the article, ≤ 2 ms on a 5 MB
//! document with 10,000 notes.
//!
//!     cargo bench --bench frame

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark setup")]

use pizhu::core::file::review::ReviewFile;
use pizhu::core::notes::note::{Note, Target};
use pizhu::core::text::document::Document;
use pizhu::ui::app::PizhuApp;
use pizhu::ui::settings::Settings;

fn main() {
    divan::main();
}

/// A review file with `n` notes spread over `doc`, written to a temp folder.
fn notes_file(doc: &Document, n: usize, dir: &std::path::Path) -> std::path::PathBuf {
    let mut review = ReviewFile::new(doc);
    let len = doc.char_len();
    for i in 0..n {
        let start = (i * 7919) % (len - 12);
        let mut note = Note::new(
            Target::range(doc, start, start + 2 + i % 8),
            format!("第{i}條"),
            "審稿人".into(),
        );
        note.id = format!("n{i}");
        review.notes.push(note);
    }
    let path = dir.join("bench.pizhu.json");
    std::fs::write(&path, review.to_json()).unwrap();
    path
}

/// A ~5 MB Chinese document: the article's paragraphs repeated with variations.
fn big_document() -> Document {
    let article = Document::embedded();
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5_000_000 {
        for p in 0..article.paragraphs.len() {
            text.push_str(&format!("第{i}段 "));
            text.push_str(article.paragraph_text(p));
            text.push('\n');
            i += 1;
        }
    }
    Document::from_bytes("big.txt", None, text.as_bytes()).unwrap()
}

fn frame_bench(bencher: divan::Bencher, doc: Document, notes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_file(&doc, notes, dir.path());
    let settings = Settings::default();
    let ctx = egui::Context::default();
    PizhuApp::setup_context(&ctx, &settings);
    let mut app = PizhuApp::new(Ok(doc), settings, Some(path));
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut frame = 0u64;
    let mut input = move || {
        frame += 1;
        #[allow(clippy::cast_precision_loss, reason = "a frame counter")]
        let time = frame as f64 / 60.0;
        egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events: vec![
                egui::Event::PointerMoved(egui::pos2(400.0, 400.0)),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, if frame % 400 < 200 { -40.0 } else { 40.0 }),
                    phase: egui::TouchPhase::Move,
                    modifiers: egui::Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                },
            ],
            ..egui::RawInput::default()
        }
    };
    // Warm up: fonts, galley caches.
    for _ in 0..5 {
        let out = ctx.run_ui(input(), |ui| app.ui_root(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.ui_root(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point)
    });
}

#[divan::bench(args = [0, 1_000, 10_000])]
fn article(bencher: divan::Bencher, notes: usize) {
    frame_bench(bencher, Document::embedded(), notes);
}

#[divan::bench(args = [0, 10_000], sample_count = 10, sample_size = 1)]
fn five_megabytes(bencher: divan::Bencher, notes: usize) {
    frame_bench(bencher, big_document(), notes);
}
