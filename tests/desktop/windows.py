"""Opening a drawn main window for a test module (shared by the window and export tests)."""

from PySide6.QtCore import QEventLoop, QTimer

from desktop.app import create_window

WAIT = 90_000


def open_drawn_window(province: str, size: tuple[int, int] | None = None):
    """Create, show and draw a main window; fail the test when the map does not finish drawing.

    A QEventLoop, not a processEvents() loop: PySide6 6.12's Python processEvents wrapper
    corrupts None's reference count while another Python thread runs (it crashed here).
    """
    window = create_window(province, None, quiet=True)
    if size is not None:
        window.resize(*size)
    window.show()
    ready = []
    loop = QEventLoop()
    window.view_ready.connect(lambda: (ready.append(True), loop.quit()))
    QTimer.singleShot(WAIT, loop.quit)
    window.rebuild_map(keep_view=False)
    loop.exec()
    assert ready, f"the {province} map did not finish drawing"
    return window
