#!/usr/bin/env python3
"""Print the outline of one character as SVG path data, for assets/pizhu.svg.

The icon's 批 is the glyph of Noto Serif CJK TC Bold (SIL Open Font License
1.1, see fonts/OFL.txt), converted to a path once so that the SVG renders the
same everywhere, with or without CJK fonts. To redo it (fontTools 4.68.0, for
example from the virtualenv scripts/make-fonts.sh makes):

    python scripts/icon-glyph.py /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc 3 批 512 300

Arguments: font file, face index in the collection (3 = TC), the character,
the canvas size and the size of the glyph's longer side, both in SVG units.
The glyph is centred on the canvas by its bounding box.
"""
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont


def number(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def main():
    src, face, ch, size, box = sys.argv[1:6]
    font = TTFont(src, fontNumber=int(face))
    glyphs = font.getGlyphSet()
    glyph = glyphs[font.getBestCmap()[ord(ch)]]
    bounds = BoundsPen(glyphs)
    glyph.draw(bounds)
    xmin, ymin, xmax, ymax = bounds.bounds
    w, h = xmax - xmin, ymax - ymin
    size, box = float(size), float(box)
    s = box / max(w, h)
    # Font units have y up; SVG has y down.
    tx = size / 2 - s * (xmin + w / 2)
    ty = size / 2 + s * (ymin + h / 2)
    pen = SVGPathPen(glyphs, ntos=number)
    glyph.draw(TransformPen(pen, (s, 0, 0, -s, tx, ty)))
    print(pen.getCommands())
    print(f"from {font['name'].getDebugName(6)}", file=sys.stderr)


if __name__ == "__main__":
    main()
