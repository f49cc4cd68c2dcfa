"""Map pages loaded in a plain web view (no app window), for the page's own tests."""

from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView

WAIT = 90_000


def run_js(qtbot, view: QWebEngineView, code: str, wait: int = WAIT):
    """Run JavaScript in the page and return its value (waiting at most ``wait`` ms)."""
    box = {}
    view.page().runJavaScript(code, 0, lambda value: box.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in box, timeout=wait)
    return box["v"]


def load_page(qtbot, path: Path, size: tuple[int, int], wait: int = WAIT) -> QWebEngineView:
    """Show a map document in a view of ``size`` and wait until the page reports it is drawn."""
    view = QWebEngineView()
    settings = view.page().settings()
    settings.setAttribute(QWebEngineSettings.LocalContentCanAccessFileUrls, True)
    settings.setAttribute(QWebEngineSettings.LocalContentCanAccessRemoteUrls, False)
    view.resize(*size)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=wait) as loaded:
        view.load(QUrl.fromLocalFile(str(path)))
    assert loaded.args == [True]
    ready = "InfraAtlas.ready"
    qtbot.waitUntil(lambda: run_js(qtbot, view, ready, wait) is True, timeout=wait)
    return view


def close_pages(views) -> None:
    """Delete the views now, not later: a page must go before the web profile does."""
    for view in views:
        view.close()
        shiboken6.delete(view)
