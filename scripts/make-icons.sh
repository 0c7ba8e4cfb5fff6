#!/usr/bin/env bash
# Render the app icon assets/pizhu.svg to the PNGs in assets/icons:
#
#   assets/icons/pizhu-{16,32,48,64,128,256,512}.png   (hicolor sizes; 128 is
#                                                       also the window icon)
#   assets/icons/pizhu.ico                             (16, 32, 48, 256: for a
#                                                       Windows shortcut)
#
# The binary embeds these files (src/desktop.rs); `pizhu --install-desktop`
# copies them to ~/.local/share/icons/hicolor. Run this after changing the SVG
# and commit the results.
#
# Target: Debian 12 (bookworm). Tools: rsvg-convert (librsvg2-bin) renders the
# SVG; ImageMagick (imagemagick) packs the .ico. Missing tools are installed
# with apt-get. The SVG uses no fonts (the glyph is a path), so the output
# does not depend on the fonts installed.
#
# Usage: scripts/make-icons.sh
set -euo pipefail

SIZES=(16 32 48 64 128 256 512)
ICO_SIZES=(16 32 48 256)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVG="$ROOT/assets/pizhu.svg"
OUT="$ROOT/assets/icons"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and sudo not available"
    SUDO=(sudo)
fi
APT_UPDATED=0
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null && return
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" apt-get update
        APT_UPDATED=1
    fi
    log "installing $2 (for $1)"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2"
    command -v "$1" >/dev/null || die "$1 still missing after installing $2"
}
need rsvg-convert librsvg2-bin
need convert imagemagick

[ -f "$SVG" ] || die "missing $SVG"
mkdir -p "$OUT"
for size in "${SIZES[@]}"; do
    png="$OUT/pizhu-$size.png"
    log "rendering ${png#"$ROOT"/}"
    rsvg-convert --width "$size" --height "$size" --format png "$SVG" --output "$png.tmp"
    mv -f "$png.tmp" "$png"
done

ico="$OUT/pizhu.ico"
log "packing ${ico#"$ROOT"/}"
inputs=()
for size in "${ICO_SIZES[@]}"; do inputs+=("$OUT/pizhu-$size.png"); done
convert "${inputs[@]}" "ico:$ico.tmp"
mv -f "$ico.tmp" "$ico"

log "done: $(cd "$OUT" && ls | tr '\n' ' ')"
