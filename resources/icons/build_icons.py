"""Draw the application icon (a table with a check mark, Marianne blue) as PNG sizes and a Windows .ico.

Run: ``python resources/icons/build_icons.py`` (offscreen Qt; the files are committed).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPolygonF

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#000091"))
    p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(12 * s, 14 * s, 40 * s, 36 * s), 3 * s, 3 * s)
    p.setBrush(QColor("#c9d5f2"))
    p.drawRect(QRectF(12 * s, 14 * s, 40 * s, 9 * s))
    if size >= 24:
        p.setPen(QPen(QColor("#c9d5f2"), max(1.0, 1.5 * s)))
        for y in (32, 41):
            p.drawLine(QPointF(12 * s, y * s), QPointF(52 * s, y * s))
        p.drawLine(QPointF(27 * s, 23 * s), QPointF(27 * s, 50 * s))
    pen = QPen(QColor("#e1000f"), 6 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline(QPolygonF([QPointF(30 * s, 38 * s), QPointF(38 * s, 46 * s), QPointF(54 * s, 26 * s)]))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def write_ico(path: Path, images: list[QImage]) -> None:
    """An .ico holding PNG images (Windows Vista+), written by hand so no image plugin is needed."""
    blobs = [png_bytes(img) for img in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for img, blob in zip(images, blobs, strict=True):
        side = img.width() if img.width() < 256 else 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 -- fonts/painting need it
    images = [draw(size) for size in SIZES]
    for image in images:
        if image.width() in (32, 64, 256):
            image.save(str(HERE / f"capnum-{image.width()}.png"))
    write_ico(HERE / "capnum.ico", images)
    print("written:", ", ".join(p.name for p in sorted(HERE.glob("capnum*"))))


if __name__ == "__main__":
    main()
