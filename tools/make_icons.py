"""Draw the app icon for each platform from resources/icons/app.svg (the one source).

Windows wants an .ico, macOS an .icns and a Linux desktop a PNG; each holds the sizes its
platform picks from. Rendered by Qt's own SVG renderer (what the window draws with), written
by Pillow. Run after changing app.svg and commit the results:

    python tools/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        print("app.svg could not be read", file=sys.stderr)
        return 1
    largest = render(renderer, 1024)
    largest.save(ICONS / "app.icns", sizes=[(s, s) for s in ICNS_SIZES])
    render(renderer, 256).save(ICONS / "app.ico", sizes=[(s, s) for s in ICO_SIZES])
    render(renderer, 256).save(ICONS / "app-256.png")
    for name in ("app.icns", "app.ico", "app-256.png"):
        print(f"{name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
