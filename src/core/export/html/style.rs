//! The report's stylesheet: inline (the report loads nothing), a light and
//! a dark scheme, print rules, and one highlight color per note color.

use std::fmt::Write as _;

use crate::core::notes::note::NoteColor;

/// Highlight colors: (note color, background in light, edge, background in dark).
const COLORS: [(NoteColor, &str, &str, &str); 5] = [
    (NoteColor::Yellow, "#fff1a8", "#c9a800", "#5e5200"),
    (NoteColor::Green, "#c9f0c4", "#3f9a35", "#1f4d1b"),
    (NoteColor::Blue, "#cfe3ff", "#3a78d0", "#1d3a66"),
    (NoteColor::Pink, "#ffd3e4", "#d1497d", "#66213c"),
    (NoteColor::Purple, "#e4d6ff", "#7a4fd0", "#3c2a66"),
];

/// The fixed part of the stylesheet (the colors are added from [`COLORS`]).
const STYLE: &str = r#":root {
  color-scheme: light dark;
  --fg: #1d1d1f; --bg: #fdfcf8; --muted: #5f5b53; --rule: #dcd6c8; --card: #ffffff;
}
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.65 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK TC", "Noto Sans TC",
    "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
}
.wrap { max-width: 80rem; margin: 0 auto; padding: 1.5rem 2.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.about, .legend, .where, .meta, .empty { color: var(--muted); }
.legend { font-size: .85rem; }
.layout { display: grid; gap: 2.5rem; }
@media (min-width: 62rem) { .layout { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.article p, blockquote {
  font-family: "Noto Serif CJK TC", "Noto Serif TC", "Source Han Serif TC", "Songti TC",
    "PMingLiU", "MingLiU", serif;
}
.article p { font-size: 1.15rem; line-height: 2.1; margin: 0 0 1.2rem; position: relative; }
.article p::before {
  content: attr(data-n); position: absolute; left: -2rem; top: .35rem;
  font: .75rem/1 system-ui, sans-serif; color: var(--muted);
}
mark { background: var(--hl); color: inherit; border-radius: 2px; padding: .1em 0; }
mark.multi { box-shadow: inset 0 -.2em 0 var(--edge); }
sup.ref { font-size: .65em; line-height: 0; }
sup.ref a, h3 a { color: inherit; }
.note, .event {
  background: var(--card); border: 1px solid var(--rule); border-left: .35rem solid var(--edge, var(--rule));
  border-radius: 4px; padding: .6rem .85rem; margin: 0 0 1rem;
  break-inside: avoid; page-break-inside: avoid;
}
blockquote { margin: .3rem 0 .5rem; padding-left: .75rem; border-left: 2px solid var(--rule); }
.body { margin: .3rem 0 .5rem; overflow-wrap: anywhere; }
.meta { font-size: .85rem; margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.tag { display: inline-block; border: 1px solid var(--rule); border-radius: 1em; padding: 0 .5em; margin: 0 .2em .1em 0; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; background: var(--hl); border: 1px solid var(--edge); margin-right: .3em; vertical-align: -.05em; }
ol.events { list-style: none; padding: 0; }
ul.evidence { padding-left: 1.2rem; margin: .3rem 0 0; }
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e6e3dc; --bg: #1b1b1d; --muted: #a7a196; --rule: #3d3a35; --card: #242427; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --rule: #bbb; --card: #fff; }
  body { font-size: 11pt; }
  .wrap { max-width: none; padding: 0; }
  .layout { display: block; }
  .article p::before { left: -1.6rem; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact;
    text-decoration: underline; text-decoration-color: var(--edge); }
  .note, .event, li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { text-decoration: none; }
}
"#;

/// The whole stylesheet: the fixed part, then the color rules.
pub(super) fn stylesheet() -> String {
    let mut css = STYLE.to_owned();
    css.push_str(&color_rules());
    css
}

/// The color rules: custom properties per note color, light and dark.
fn color_rules() -> String {
    let mut css = String::new();
    for (color, light, edge, _) in COLORS {
        let _ = writeln!(
            css,
            ".c-{} {{ --hl: {light}; --edge: {edge}; }}",
            color.name()
        );
    }
    css.push_str("@media screen and (prefers-color-scheme: dark) {\n");
    for (color, _, edge, dark) in COLORS {
        let _ = writeln!(
            css,
            "  .c-{} {{ --hl: {dark}; --edge: {edge}; }}",
            color.name()
        );
    }
    css.push_str("}\n");
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_color_has_rules() {
        for color in NoteColor::ALL {
            assert!(COLORS.iter().any(|(c, ..)| *c == color), "{color:?}");
        }
    }
}
