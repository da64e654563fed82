#!/usr/bin/env python3
"""Draws Inquest's icon (a magnifier over a bar chart) and writes it as PNG, ICO and ICNS.

Standard library only, so anyone can redraw the committed icons:  python3 make_icons.py
The ICO and ICNS files embed the PNG itself (both formats allow a PNG payload), so all three show the same picture.
"""
import math
import os
import struct
import zlib

SIZE = 256
HERE = os.path.dirname(os.path.abspath(__file__))

BACKGROUND = (31, 58, 96)      # deep blue tile
BARS = (120, 200, 160)         # green bars of a histogram
ALERT_BAR = (235, 110, 80)     # the one bar that drifted
GLASS_RIM = (245, 245, 245)
GLASS_FILL = (255, 255, 255, 70)


def inside_rounded_square(x, y, margin=8, radius=44):
    lo, hi = margin, SIZE - 1 - margin
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def blend(under, over, alpha):
    return tuple(round(u * (1 - alpha) + o * alpha) for u, o in zip(under, over))


def pixel(x, y):
    if not inside_rounded_square(x, y):
        return (0, 0, 0, 0)
    colour = BACKGROUND
    # Histogram: five bars standing on a baseline; the fourth is the drifted one.
    heights = [70, 110, 90, 150, 60]
    base, left, width, gap = 200, 40, 26, 10
    for i, h in enumerate(heights):
        x0 = left + i * (width + gap)
        if x0 <= x < x0 + width and base - h <= y < base:
            colour = ALERT_BAR if i == 3 else BARS
    if base <= y < base + 4 and 32 <= x < 224:
        colour = GLASS_RIM
    # Magnifier: a ring with a translucent lens and a handle toward the lower right.
    gx, gy, r = 150, 104, 52
    d = math.hypot(x - gx, y - gy)
    if d < r - 9:
        colour = blend(colour, GLASS_FILL[:3], GLASS_FILL[3] / 255)
    elif d <= r:
        colour = GLASS_RIM
    hx, hy = gx + r * 0.7, gy + r * 0.7
    t = ((x - hx) + (y - hy)) / 2
    off = abs((x - hx) - (y - hy)) / math.sqrt(2)
    if 0 <= t <= 46 and off <= 9:
        colour = GLASS_RIM
    return colour + (255,)


def png_bytes():
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)  # filter: none
        for x in range(SIZE):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def ico_bytes(png):
    # ICONDIR + one ICONDIRENTRY whose image data is the PNG (width/height 0 mean 256).
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png), 22) + png


def icns_bytes(png):
    entry = b"ic08" + struct.pack(">I", 8 + len(png)) + png  # ic08: 256x256 PNG
    return b"icns" + struct.pack(">I", 8 + len(entry)) + entry


def main():
    png = png_bytes()
    for name, data in (("inquest.png", png), ("inquest.ico", ico_bytes(png)), ("inquest.icns", icns_bytes(png))):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
