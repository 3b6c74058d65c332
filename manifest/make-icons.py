#!/usr/bin/env python3
"""Generate the Teams app icons for VocEdWeek.Bot.

  color.png    192x192, full colour: accent-colour square, white 职 glyph,
               small gold star (活动周 = activity week).
  outline.png  32x32, white 职 glyph on a fully transparent background.

The PNGs are committed; run this only to change the design:

    python3 manifest/make-icons.py          # writes next to this script

Needs pycairo (Debian: python3-cairo) and a CJK font that fontconfig can
find (Debian: fonts-noto-cjk). On Debian the system interpreter has
pycairo; a pyenv/venv python3 may not. The PNG files are written by this
script itself (zlib + struct), so the output is byte-for-byte
reproducible given the same font.
"""
import math
import os
import struct
import subprocess
import sys
import zlib

try:
    import cairo
except ImportError:
    sys.exit("make-icons: needs pycairo (Debian package python3-cairo); "
             "run it with the system python3")

HERE = os.path.dirname(os.path.abspath(__file__))

ACCENT = "#C8471E"        # keep equal to accentColor in manifest.json
STAR = "#FFD166"
GLYPH = "职"               # 职 as in 职业教育
FONT = "Noto Sans CJK SC"


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4))


def check_font():
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        out = ""
    if FONT not in out:
        sys.exit(f"make-icons: font '{FONT}' not found by fontconfig "
                 "(Debian package fonts-noto-cjk)")


def draw_glyph(ctx, size, cx, cy, rgb):
    """Draw GLYPH with its ink box centred on (cx, cy)."""
    ctx.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)
    ctx.set_font_size(size)
    xb, yb, w, h, _, _ = ctx.text_extents(GLYPH)
    ctx.move_to(cx - w / 2 - xb, cy - h / 2 - yb)
    ctx.set_source_rgb(*rgb)
    ctx.show_text(GLYPH)


def star_path(ctx, cx, cy, r_out, r_in, points=5):
    for i in range(points * 2):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / points
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        if i == 0:
            ctx.move_to(x, y)
        else:
            ctx.line_to(x, y)
    ctx.close_path()


def surface_rows(surface, white_only=False):
    """Yield RGBA rows (bytes) from a cairo ARGB32 surface.

    cairo stores premultiplied native-endian ARGB (B,G,R,A bytes on
    little-endian machines). With white_only the colour channels are forced
    to pure white and only the alpha is kept (for the outline icon)."""
    surface.flush()
    w, h, stride = surface.get_width(), surface.get_height(), surface.get_stride()
    data = bytes(surface.get_data())
    little = sys.byteorder == "little"
    for y in range(h):
        row = bytearray()
        for x in range(w):
            px = data[y * stride + 4 * x: y * stride + 4 * x + 4]
            b, g, r, a = px if little else px[::-1]
            if white_only:
                row += bytes((255, 255, 255, a)) if a else bytes(4)
            elif a == 0:
                row += bytes(4)
            else:
                un = lambda c: min(255, (c * 255 + a // 2) // a)
                row += bytes((un(r), un(g), un(b), a))
        yield bytes(row)


def write_png(path, width, height, rows, opaque):
    """Minimal PNG writer: 8-bit RGB (opaque) or RGBA, filter 0, no interlace."""
    raw = bytearray()
    for row in rows:
        raw.append(0)
        if opaque:
            raw += b"".join(row[i:i + 3] for i in range(0, len(row), 4))
        else:
            raw += row

    def chunk(tag, body):
        return (struct.pack(">I", len(body)) + tag + body
                + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF))

    color_type = 2 if opaque else 6
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
           + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def make_color(path):
    n = 192
    s = cairo.ImageSurface(cairo.FORMAT_ARGB32, n, n)
    ctx = cairo.Context(s)
    ctx.set_antialias(cairo.ANTIALIAS_BEST)
    # Full-bleed background: Teams applies its own rounded-corner mask.
    ctx.set_source_rgb(*hex_rgb(ACCENT))
    ctx.paint()
    draw_glyph(ctx, 108, n / 2 - 6, n / 2 + 8, (1, 1, 1))
    star_path(ctx, 155, 37, 16, 6.8)
    ctx.set_source_rgb(*hex_rgb(STAR))
    ctx.fill()
    write_png(path, n, n, surface_rows(s), opaque=True)


def make_outline(path):
    n = 32
    s = cairo.ImageSurface(cairo.FORMAT_ARGB32, n, n)
    ctx = cairo.Context(s)
    ctx.set_antialias(cairo.ANTIALIAS_GRAY)
    fo = cairo.FontOptions()
    fo.set_hint_style(cairo.HINT_STYLE_FULL)
    fo.set_antialias(cairo.ANTIALIAS_GRAY)
    ctx.set_font_options(fo)
    draw_glyph(ctx, 29, n / 2, n / 2, (1, 1, 1))
    write_png(path, n, n, surface_rows(s, white_only=True), opaque=False)


def main():
    check_font()
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    make_color(os.path.join(out, "color.png"))
    make_outline(os.path.join(out, "outline.png"))
    print(f"make-icons: wrote color.png (192x192) and outline.png (32x32) in {out}")


if __name__ == "__main__":
    main()
