"""Render ``infra-atlas.svg`` to the PNG sizes the app icon uses.

Run from anywhere after editing the SVG::

    python resources/icons/render_icons.py

Needs PySide6 (QtSvg); works offscreen. The PNGs are committed, so the app never renders SVG at
start-up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (16, 32, 64, 256)


def render(sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Render the SVG at each size; return the PNG paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(HERE / "infra-atlas.svg"))
    if not renderer.isValid():
        raise SystemExit("infra-atlas.svg is not valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = HERE / f"infra-atlas-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in render():
        print(written_path)
