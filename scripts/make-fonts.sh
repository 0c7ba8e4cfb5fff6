#!/usr/bin/env bash
# Regenerate the bundled CJK font subsets:
#
#   fonts/NotoSansCJKtc-Subset.otf   (from NotoSansCJK-Regular.ttc,  face 3 = TC)
#   fonts/NotoSerifCJKtc-Subset.otf  (from NotoSerifCJK-Regular.ttc, face 3 = TC)
#   fonts/OFL.txt                    (copyright notices + SIL OFL 1.1 text)
#
# Target: Debian 12 (bookworm). Sources are the Debian package fonts-noto-cjk
# (pinned version below); subsetting is done by fontTools (pinned, from PyPI)
# in a private virtualenv. The output is byte-for-byte reproducible for the
# same source package + fontTools version (no timestamps are regenerated:
# head.modified is copied from the source font).
#
# Usage: scripts/make-fonts.sh
# Environment:
#   FONTTOOLS_VENV  virtualenv to use/create (default: ~/.cache/pizhu/fonttools-<ver>)
set -euo pipefail

DEB_PACKAGE=fonts-noto-cjk
DEB_VERSION_EXPECTED='1:20220127+repack1-1'
FONTTOOLS_VERSION=4.68.0
FACE=3 # index inside the .ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
SANS_SRC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
SERIF_SRC=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/fonts"
SANS_OUT="$OUT/NotoSansCJKtc-Subset.otf"
SERIF_OUT="$OUT/NotoSerifCJKtc-Subset.otf"
VENV="${FONTTOOLS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/pizhu/fonttools-$FONTTOOLS_VERSION}"

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and sudo not available"
    SUDO=(sudo)
fi
APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" apt-get update
        APT_UPDATED=1
    fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}
deb_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# --- 1. source fonts ---------------------------------------------------------
if ! deb_installed "$DEB_PACKAGE"; then
    log "installing $DEB_PACKAGE"
    apt_install "$DEB_PACKAGE"
fi
DEB_VERSION="$(dpkg-query -W -f='${Version}' "$DEB_PACKAGE")"
if [ "$DEB_VERSION" != "$DEB_VERSION_EXPECTED" ]; then
    warn "$DEB_PACKAGE is version $DEB_VERSION, expected $DEB_VERSION_EXPECTED;"
    warn "the output will differ from the committed files (check fonts/README.md)."
fi
for f in "$SANS_SRC" "$SERIF_SRC"; do
    [ -f "$f" ] || die "missing $f (is $DEB_PACKAGE installed correctly?)"
done

# --- 2. fontTools ------------------------------------------------------------
if ! "$VENV/bin/python" -c "import fontTools, sys; sys.exit(fontTools.version != '$FONTTOOLS_VERSION')" 2>/dev/null; then
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
        log "installing python3-venv"
        apt_install python3 python3-venv
    fi
    log "creating virtualenv $VENV with fonttools==$FONTTOOLS_VERSION"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "fonttools==$FONTTOOLS_VERSION"
fi
PY="$VENV/bin/python"
"$PY" -c "import fontTools, sys; sys.exit(fontTools.version != '$FONTTOOLS_VERSION')" ||
    die "fontTools in $VENV is not $FONTTOOLS_VERSION"

# --- 3. code points ----------------------------------------------------------
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
UNICODES="$WORK/unicodes.txt"

"$PY" - "$UNICODES" "$SANS_SRC" "$SERIF_SRC" "$FACE" <<'EOF'
import sys
from fontTools.ttLib import TTFont

out, sans, serif, face = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

# Sanity check: face index really is Traditional Chinese in both collections.
for path, want in ((sans, "NotoSansCJKtc-Regular"), (serif, "NotoSerifCJKtc-Regular")):
    ps = TTFont(path, fontNumber=face, lazy=True)["name"].getDebugName(6)
    if ps != want:
        sys.exit(f"{path} face {face} is {ps!r}, expected {want!r}")

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (āēīōū, ń ň, ...)
    (0x01CD, 0x01DC),  # Latin Extended-B: ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ (+ capitals)
    (0x01F8, 0x01F9),  # Ǹ ǹ
    (0x1E3E, 0x1E3F),  # Ḿ ḿ
    (0x02C7, 0x02C7),  # ˇ  bopomofo 3rd tone
    (0x02C9, 0x02CB),  # ˉ ˊ ˋ  bopomofo 1st, 2nd, 4th tone
    (0x02D9, 0x02D9),  # ˙  bopomofo neutral tone
    (0x0300, 0x036F),  # combining diacritical marks
    (0x2000, 0x206F),  # general punctuation
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2100, 0x214F),  # letterlike symbols (℃ №)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ Ⅲ)
    (0x2190, 0x21FF),  # arrows (the UI says "right-click → Add note")
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ● ○ ▲)
    (0x2600, 0x26FF),  # miscellaneous symbols (★ ☆)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31BF),  # bopomofo extended
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
]

def is_han(ch):
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF

def han_of(codec, leads, trails):
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                ch = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and is_han(ch):
                found.add(ord(ch))
    return found

gb2312 = han_of("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
big5 = han_of(
    "big5",
    [*range(0xA4, 0xC7), *range(0xC9, 0xFA)],
    [*range(0x40, 0x7F), *range(0xA1, 0xFF)],
)

cps = set(gb2312) | big5
for lo, hi in RANGES:
    cps.update(range(lo, hi + 1))

with open(out, "w") as f:
    for cp in sorted(cps):
        f.write(f"U+{cp:04X}\n")
print(f"code points: {len(cps)} (GB2312 Han {len(gb2312)}, Big5 Han {len(big5)}, "
      f"outside ranges: {len(cps - set().union(*(range(a, b + 1) for a, b in RANGES)))})",
      file=sys.stderr)
EOF

# --- 4. subset ---------------------------------------------------------------
mkdir -p "$OUT"
subset() {
    local src="$1" dst="$2"
    log "subsetting $(basename "$src") face $FACE -> ${dst#"$ROOT"/}"
    # head.modified is copied from the source (no --recalc-timestamp); pinning
    # SOURCE_DATE_EPOCH as well guards against any other "now" timestamp.
    SOURCE_DATE_EPOCH=0 "$VENV/bin/pyftsubset" "$src" \
        --font-number="$FACE" \
        --unicodes-file="$UNICODES" \
        --no-layout-closure \
        --name-IDs='*' \
        --name-languages='*' \
        --notdef-outline \
        --no-recalc-timestamp \
        --output-file="$dst.tmp"
    mv -f "$dst.tmp" "$dst"
}
subset "$SANS_SRC" "$SANS_OUT"
subset "$SERIF_SRC" "$SERIF_OUT"

# --- 5. license --------------------------------------------------------------
log "writing fonts/OFL.txt"
"$PY" - "$OUT/OFL.txt" "$SANS_SRC" "$SERIF_SRC" "$FACE" <<'EOF'
import re, sys
from fontTools.ttLib import TTFont

out, srcs, face = sys.argv[1], sys.argv[2:4], int(sys.argv[4])

notices = []
for path in srcs:
    font = TTFont(path, fontNumber=face, lazy=True)
    name = font["name"]
    family = name.getDebugName(4)
    copyright_ = name.getDebugName(0)
    notices.append(f"{family}: {copyright_}")

# The OFL 1.1 text as shipped by Debian in the package's copyright file
# (DEP-5 format: indented by one space, blank lines written as " .").
deb = open("/usr/share/doc/fonts-noto-cjk/copyright", encoding="utf-8").read()
m = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", deb, re.M)
if not m:
    sys.exit("OFL text not found in /usr/share/doc/fonts-noto-cjk/copyright")
lines = ["" if l == " ." else l[1:] for l in m.group(1).rstrip("\n").split("\n")]
# Official OFL.txt layout: no blank line between a section heading and its text.
HEADINGS = {"PREAMBLE", "DEFINITIONS", "PERMISSION & CONDITIONS", "TERMINATION", "DISCLAIMER"}
body = []
for i, l in enumerate(lines):
    if l == "" and i > 0 and lines[i - 1] in HEADINGS:
        continue
    body.append(l)
body = "\n".join(body) + "\n"
if not body.startswith("-" * 59 + "\nSIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n"):
    sys.exit("unexpected OFL text in Debian copyright file")
if len(body.split()) != 637:
    sys.exit(f"OFL text has {len(body.split())} words, expected 637")

text = (
    "\n".join(notices)
    + "\n\n"
    + "Upstream (https://github.com/notofonts/noto-cjk) declares the Reserved Font\n"
    + "Name 'Source'. NotoSansCJKtc-Subset.otf and NotoSerifCJKtc-Subset.otf are\n"
    + "subsets (Modified Versions) of these fonts; see README.md.\n"
    + "\n"
    + "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
    + "This license is copied below, and is also available with a FAQ at:\n"
    + "https://openfontlicense.org\n"
    + "\n\n"
    + body
)
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(text)
EOF

# --- 6. report ---------------------------------------------------------------
log "done"
for f in "$SANS_OUT" "$SERIF_OUT"; do
    printf '%-28s %10d bytes  sha256 %s\n' "$(basename "$f")" "$(stat -c %s "$f")" \
        "$(sha256sum "$f" | cut -d' ' -f1)"
done
