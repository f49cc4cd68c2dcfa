"""The screenshot's PNG writer: files Qt and Pillow both read back pixel for pixel."""

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.pngsave import png_bytes, save_png


def _drawing(width: int, height: int, alpha: bool = False) -> QImage:
    """An image with a gradient, text and hard edges (every byte of a row differs)."""
    kind = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    image = QImage(width, height, kind)
    image.fill(QColor(250, 248, 240, 128 if alpha else 255))
    for x in range(width):
        for y in range(0, height, 3):
            colour = QColor(x % 256, (x * y) % 256, y % 256, 200 if alpha else 255)
            image.setPixelColor(x, y, colour)
    painter = QPainter(image)
    painter.fillRect(QRect(width // 4, height // 4, width // 2, height // 2), Qt.GlobalColor.blue)
    painter.drawText(QPoint(2, height - 2), "太原 Taiyuan")
    painter.end()
    return image


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (173, 61), (640, 400)])
def test_qt_reads_back_every_pixel(qtbot, tmp_path, size):
    image = _drawing(*size)
    path = tmp_path / "shot.png"
    save_png(image, path)
    back = QImage(str(path))
    assert back.size() == image.size()
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image  # (odd widths: row padding)


def test_pillow_verifies_and_reads_the_file(tmp_path):
    image = _drawing(173, 61)
    path = tmp_path / "shot.png"
    save_png(image, path)
    with Image.open(path) as png:
        png.verify()  # chunk CRCs and structure
    with Image.open(path) as png:
        assert png.mode == "RGB" and png.size == (173, 61)
        assert png.getpixel((100, 30)) == image.pixelColor(100, 30).getRgb()[:3]
        assert png.getpixel((5, 3)) == image.pixelColor(5, 3).getRgb()[:3]


def test_alpha_is_dropped_to_opaque_rgb(tmp_path):
    image = _drawing(40, 30, alpha=True)
    path = tmp_path / "shot.png"
    save_png(image, path)
    with Image.open(path) as png:
        assert png.mode == "RGB"
    back = QImage(str(path))
    assert not back.hasAlphaChannel()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888).pixelColor(7, 6)
    assert back.pixelColor(7, 6) == rgb


def test_a_window_like_image_is_about_as_small_as_qts_file(tmp_path):
    """Flat panels, lines and text, as a window is (a gradient compresses worse unfiltered)."""
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(239, 239, 239))
    painter = QPainter(image)
    painter.fillRect(QRect(200, 40, 420, 340), QColor(214, 228, 240))
    for i in range(30):
        painter.fillRect(QRect(240 + 11 * i, 60 + 9 * i, 80, 50), QColor(250, 240 - 5 * i, 200))
        painter.drawLine(200, 40 + 11 * i, 620, 380 - 7 * i)
        painter.drawText(QPoint(10, 20 + 12 * i), f"Row {i}: 太原 Taiyuan 120,000")
    painter.end()
    qt_file = tmp_path / "qt.png"
    image.save(str(qt_file), "PNG", 80)
    assert len(png_bytes(image)) <= 1.5 * qt_file.stat().st_size


def test_an_empty_image_is_refused():
    with pytest.raises(ValueError):
        png_bytes(QImage())
