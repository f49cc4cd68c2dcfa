"""Opening a drawn main window for a test module (shared by the window and export tests)."""

import json

from PySide6.QtCore import QEventLoop, QTimer

from desktop.app import create_window
from tests.geodata.web.webpages import run_js as run_page_js

WAIT = 90_000


def open_drawn_window(province: str, size: tuple[int, int] | None = None, language: str = "en"):
    """Create, show and draw a main window; fail the test when the map does not finish drawing.

    The window opens in ``language`` whatever the system's locale. A QEventLoop, not a
    processEvents() loop (PySide6 6.12.0, now excluded, lost references to None in
    processEvents; see tests/desktop/test_qt_refcounts.py).
    """
    from desktop.appsettings import settings

    settings().setValue("view/language", language)  # not the system's: tests read the texts
    window = create_window(province, None, quiet=True)
    if size is not None:
        window.resize(*size)
    window.show()
    ready = []
    loop = QEventLoop()
    window.view_ready.connect(lambda: (ready.append(True), loop.quit()))
    QTimer.singleShot(WAIT, loop.quit)
    window.controller.rebuild(keep_view=False)
    loop.exec()
    assert ready, f"the {province} map did not finish drawing"
    return window


def open_window(qtbot, province: str = "shanxi", select: str | None = None):
    """Create, show and draw a window that ``qtbot`` closes; fail when the map does not draw.

    The window opens in the language the test set (unlike :func:`open_drawn_window`), with the
    region ``select`` (an adcode or name) selected when given.
    """
    window = create_window(province, select, quiet=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        window.controller.rebuild(keep_view=False)
    return window


def regions_drawn(qtbot, window) -> int:
    """Return how many regions a window's map page draws."""
    return json.loads(run_js(qtbot, window, "InfraAtlas.describe()"))["regions"]


def run_js(qtbot, window, code: str):
    """Run JavaScript in a window's map page and return its value."""
    return run_page_js(qtbot, window.map, code, WAIT)
