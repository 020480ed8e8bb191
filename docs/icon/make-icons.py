#!/usr/bin/env python3
"""FirstStep's app icon: a footprint stepping up a rising line, in the theme's colours
(android/firststep-ui Theme.kt: primary 0xFF1D6B5C, primaryContainer 0xFFA6F2DE, background 0xFFF6FBF8).

One drawing, written out for every platform from the path data below:
  docs/icon/firststep-icon.svg                       the mark on its rounded square (README, desktop)
  docs/icon/firststep-icon-128.png                   the README's header image
  android/firststep-android/src/main/res/
    mipmap-anydpi-v26/ic_launcher.xml, ic_launcher_round.xml   the adaptive icon (API 26+ = minSdk)
    drawable/ic_launcher_background.xml, _foreground.xml, _monochrome.xml
  ios/App/Assets.xcassets/AppIcon.appiconset/        Contents.json + AppIcon-1024.png (opaque, no alpha)
  android/firststep-ui/src/desktop/resources/firststep-icon.png   the desktop window and tray icon

Run from anywhere: python3 docs/icon/make-icons.py (needs rsvg-convert: apt-get install librsvg2-bin,
brew install librsvg). Previews to look at go to $ICON_PREVIEW_DIR when it is set.
"""
import math
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BACKGROUND = "#1D6B5C"  # primary
FOOT = "#F6FBF8"        # background (light)
LINE = "#A6F2DE"        # primaryContainer
LINE_WIDTH = 4.5

# Design space: the adaptive icon's 108 x 108 dp. Everything sits inside its safe zone, the circle of
# radius 33 around (54, 54) that every launcher mask keeps.


def circle(x, y, r):
    return f"M {x - r:g} {y:g} A {r:g} {r:g} 0 1 1 {x + r:g} {y:g} A {r:g} {r:g} 0 1 1 {x - r:g} {y:g} Z"


def transform(path, m):
    """Applies the similarity m = (a, b, c, d, e, f) (x' = a x + c y + e, y' = b x + d y + f) to an
    M/L/C/A/Z path (arcs are circles here, so only their radius and end point change)."""
    a, b, c, d, e, f = m
    scale = math.sqrt(abs(a * d - b * c))
    tokens = re.findall(r"[A-Za-z]|-?\d+(?:\.\d+)?", path)
    out, i, cmd = [], 0, None

    def pt(x, y):
        return [f"{round(a * x + c * y + e, 2):g}", f"{round(b * x + d * y + f, 2):g}"]

    while i < len(tokens):
        t = tokens[i]
        if t.isalpha():
            cmd = t
            out.append(t)
            i += 1
        elif cmd in "ML":
            out += pt(float(tokens[i]), float(tokens[i + 1]))
            i += 2
        elif cmd == "C":
            for _ in range(3):
                out += pt(float(tokens[i]), float(tokens[i + 1]))
                i += 2
        elif cmd == "A":
            rx, ry, _, large, sweep, x, y = (float(v) for v in tokens[i:i + 7])
            out += [f"{round(rx * scale, 2):g}", f"{round(ry * scale, 2):g}", "0", f"{large:g}", f"{sweep:g}"]
            out += pt(x, y)
            i += 7
        else:
            raise ValueError(f"unsupported path command {cmd}")
    return " ".join(out)


def rotation(cx, cy, degrees, scale=1.0, tx=0.0, ty=0.0):
    r = math.radians(degrees)
    ca, sa = math.cos(r) * scale, math.sin(r) * scale
    return (ca, sa, -sa, ca, cx - ca * cx + sa * cy + tx, cy - sa * cx - ca * cy + ty)


def compose(m2, m1):
    """m2 after m1."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a2 * a1 + c2 * b1, b2 * a1 + d2 * b1, a2 * c1 + c2 * d1, b2 * c1 + d2 * d1,
            a2 * e1 + c2 * f1 + e2, b2 * e1 + d2 * f1 + f2)


# A left footprint (sole + five toes), drawn upright, then tilted 14° to step up the line.
SOLE = ("M 48 44 C 55 44 59 48 58 54 C 57 59 52 61 51 65 C 50 68 53 71 53 74 C 53 78.5 49.5 81 46 81 "
        "C 42 81 39 78 39.5 73 C 40 67 38 62 38 56 C 38 48 42 44 48 44 Z")
TOES = [(55, 38.2, 3.6), (49, 36.6, 2.8), (44.3, 37.6, 2.35), (40.6, 39.9, 2.0), (38.1, 43.2, 1.7)]
FOOT_TILT = rotation(48, 58, 14, 1.0, 2, -8)
# The rising line, ending in a dot: the recovery trend going the right way.
TREND = "M 37.5 79 C 52 80.5 67 72 79.5 54.5"
TREND_DOT = (79.5, 54.5, 4.2)


def shapes(m):
    """The mark's three paths under m: (foot fill, trend stroke, dot fill)."""
    foot = " ".join([transform(SOLE, compose(m, FOOT_TILT))] +
                    [transform(circle(*t), compose(m, FOOT_TILT)) for t in TOES])
    return foot, transform(TREND, m), transform(circle(*TREND_DOT), m)


IDENTITY = (1, 0, 0, 1, 0, 0)
# iOS and the desktop show the whole square (no launcher mask): the mark a little larger there.
FULL_BLEED = rotation(54, 54, 0, 1.22)


def svg(m=IDENTITY, background="square", foot=FOOT, line=LINE, size=108):
    f, t, dot = shapes(m)
    width = LINE_WIDTH * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
    rows = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 108 108">']
    if background == "square":
        rows.append(f'  <rect width="108" height="108" fill="{BACKGROUND}"/>')
    elif background == "rounded":  # the iOS-like corner: 22.4 % of the side
        rows.append(f'  <rect x="2" y="2" width="104" height="104" rx="23.3" fill="{BACKGROUND}"/>')
    rows += [f'  <path fill="{foot}" d="{f}"/>',
             f'  <path fill="none" stroke="{line}" stroke-width="{width:g}" stroke-linecap="round" '
             f'stroke-linejoin="round" d="{t}"/>',
             f'  <path fill="{line}" d="{dot}"/>', "</svg>", ""]
    return "\n".join(rows)


ANDROID_HEADER = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Generated by docs/icon/make-icons.py: edit that, not this. -->\n"


def vector(paths):
    rows = [ANDROID_HEADER.rstrip("\n"),
            '<vector xmlns:android="http://schemas.android.com/apk/res/android"',
            '    android:width="108dp" android:height="108dp"',
            '    android:viewportWidth="108" android:viewportHeight="108">']
    for p in paths:
        rows.append("    <path " + "\n        ".join(f'android:{k}="{v}"' for k, v in p.items()) + " />")
    rows.append("</vector>")
    return "\n".join(rows) + "\n"


def mark_paths(foot_colour, line_colour):
    f, t, dot = shapes(IDENTITY)
    return [{"fillColor": foot_colour, "pathData": f},
            {"strokeColor": line_colour, "strokeWidth": f"{LINE_WIDTH:g}", "strokeLineCap": "round",
             "strokeLineJoin": "round", "pathData": t},
            {"fillColor": line_colour, "pathData": dot}]


ADAPTIVE = ANDROID_HEADER + """<!-- The launcher icon (API 26+; minSdk is 26): background, foreground inside the 66 dp safe zone, and the
     monochrome layer that Android 13+ tints for themed icons. -->
<adaptive-icon xmlns:android="http://schemas.android.com/apk/res/android">
    <background android:drawable="@drawable/ic_launcher_background" />
    <foreground android:drawable="@drawable/ic_launcher_foreground" />
    <monochrome android:drawable="@drawable/ic_launcher_monochrome" />
</adaptive-icon>
"""

APPICONSET = """{
  "images" : [
    {
      "filename" : "AppIcon-1024.png",
      "idiom" : "universal",
      "platform" : "ios",
      "size" : "1024x1024"
    }
  ],
  "info" : {
    "author" : "xcode",
    "version" : 1
  }
}
"""

CATALOG = """{
  "info" : {
    "author" : "xcode",
    "version" : 1
  }
}
"""


def render(svg_text, px, out, background=None):
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False) as f:
        f.write(svg_text)
    args = ["rsvg-convert", "-w", str(px), "-h", str(px)]
    if background:
        args += ["-b", background]
    subprocess.run(args + [f.name, "-o", out], check=True)
    os.unlink(f.name)


def png_without_alpha(path):
    """Rewrites an 8-bit RGBA PNG (rsvg-convert's output) as RGB: App Store icons must have no alpha
    channel. Every pixel must be opaque (the square background makes them so)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if colour == 2:  # RGB already (rsvg-convert writes an opaque picture so)
        return
    assert depth == 8 and colour == 6 and interlace == 0, header
    raw, stride, prev, rows = zlib.decompress(idat), width * 4, bytearray(width * 4), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up, corner = prev[x], (prev[x - 4] if x >= 4 else 0)
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        prev = line
    out = bytearray()
    for line in rows:
        assert all(a == 255 for a in line[3::4]), "an app icon pixel is not opaque"
        out.append(0)
        for x in range(0, stride, 4):
            out += line[x:x + 3]

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
           chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))
    open(path, "wb").write(png)


def write(rel, text):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def main():
    res = "android/firststep-android/src/main/res"
    write(f"{res}/mipmap-anydpi-v26/ic_launcher.xml", ADAPTIVE)
    write(f"{res}/mipmap-anydpi-v26/ic_launcher_round.xml", ADAPTIVE)
    write(f"{res}/drawable/ic_launcher_background.xml",
          vector([{"fillColor": BACKGROUND, "pathData": "M 0 0 H 108 V 108 H 0 Z"}]))
    write(f"{res}/drawable/ic_launcher_foreground.xml", vector(mark_paths(FOOT, LINE)))
    # Monochrome: one colour; the launcher keeps only its shape and tints it.
    write(f"{res}/drawable/ic_launcher_monochrome.xml", vector(mark_paths("#FFFFFFFF", "#FFFFFFFF")))

    rounded = svg(FULL_BLEED, background="rounded")
    write("docs/icon/firststep-icon.svg", rounded)
    render(rounded, 128, os.path.join(ROOT, "docs/icon/firststep-icon-128.png"))
    desktop = write("android/firststep-ui/src/desktop/resources/firststep-icon.png", "")
    render(rounded, 256, desktop)

    catalog = "ios/App/Assets.xcassets"
    write(f"{catalog}/Contents.json", CATALOG)
    write(f"{catalog}/AppIcon.appiconset/Contents.json", APPICONSET)
    ios = os.path.join(ROOT, catalog, "AppIcon.appiconset/AppIcon-1024.png")
    render(svg(FULL_BLEED, background="square"), 1024, ios)
    png_without_alpha(ios)

    preview = os.environ.get("ICON_PREVIEW_DIR")
    if preview:
        os.makedirs(preview, exist_ok=True)
        launcher = svg(IDENTITY, background="square")
        for px in (48, 192, 1024):
            render(launcher, px, os.path.join(preview, f"android-{px}.png"))
        render(svg(IDENTITY, background=None, foot="#000000", line="#000000"), 192,
               os.path.join(preview, "monochrome-192.png"), background="#FFFFFF")
        for name, colour in (("light", "#F6FBF8"), ("dark", "#0F1513")):
            for px in (48, 192):
                render(rounded, px, os.path.join(preview, f"rounded-{name}-{px}.png"), background=colour)
    print("icons written under", ROOT, file=sys.stderr)


if __name__ == "__main__":
    main()
