"""A grab after a page change shows the change (a plain grab may return an older frame)."""

from PySide6.QtCore import Qt, QUrl

from desktop.map.freshgrab import MARK_RGB, grab_fresh, shows_mark
from desktop.map.view import MapView

WAIT = 60_000


def loaded_view(qtbot, tmp_path, colour):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body style='margin:0;background:{colour}'></body></html>")
    view = MapView()  # deleted before the web profile at the end of the session
    qtbot.addWidget(view)
    view.setAttribute(Qt.WA_DontShowOnScreen, True)
    view.resize(120, 80)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=WAIT):
        view.map_page.map_url = QUrl.fromLocalFile(str(page))  # the one page it may show
        view.load(view.map_page.map_url)
    return view


def fresh_grab(qtbot, view):
    images, failures = [], []
    grab_fresh(view, images.append, lambda: failures.append(True))
    qtbot.waitUntil(lambda: bool(images or failures), timeout=WAIT)
    assert failures == []
    return images[0]


def centre_rgb(image):
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_the_grab_shows_what_the_page_changed_last_and_no_mark(qtbot, tmp_path):
    view = loaded_view(qtbot, tmp_path, "rgb(200, 0, 0)")
    for colour in ((0, 0, 200), (0, 150, 0), (90, 90, 90)):
        view.page().runJavaScript(f"document.body.style.background = 'rgb{colour}'")
        image = fresh_grab(qtbot, view)
        assert centre_rgb(image) == colour  # the frame after the change, never one before it
        assert not shows_mark(image)  # the mark was removed before the grab that counts
        assert image.pixelColor(0, 0).getRgb()[:3] == colour


def test_shows_mark_reads_the_top_left_pixel(qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(4, 4, QImage.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    assert not shows_mark(image)
    image.setPixelColor(0, 0, QColor(*MARK_RGB))
    assert shows_mark(image)
    image.setPixelColor(0, 0, QColor(MARK_RGB[0] + 2, MARK_RGB[1] - 2, MARK_RGB[2]))
    assert shows_mark(image)  # antialiasing may shift a channel by a step
    assert not shows_mark(QImage())
