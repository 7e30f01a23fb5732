#!/usr/bin/env python3
"""Draws Tablewright's icon (a table on a rounded square) as linux/tablewright.png, 256x256.

No image library needed; run it again only to change the icon.
"""
import struct
import zlib
from pathlib import Path

SIZE = 256
RADIUS = 48
BACKGROUND = (37, 99, 235)
HEADER = (191, 219, 254)
CELL = (255, 255, 255)
LINE = (37, 99, 235)


def inside_rounded(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    left, top, right, bottom = 48, 60, 208, 196
    if left <= x < right and top <= y < bottom:
        on_column_line = any(abs(x - c) < 3 for c in (left + 53, left + 107))
        on_row_line = any(abs(y - r) < 3 for r in (top + 34, top + 68, top + 102))
        if on_column_line or on_row_line:
            return LINE + (255,)
        return (HEADER if y < top + 34 else CELL) + (255,)
    return BACKGROUND + (255,)


def png(width, height, rows):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
Path(__file__).with_name("linux").joinpath("tablewright.png").write_bytes(png(SIZE, SIZE, rows))
