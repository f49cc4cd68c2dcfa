"""The map: a QWebEngineView showing the map document, talking to the app over QWebChannel.

Only :class:`~desktop.map.controller.MapController` calls the page of the window's map; export
and the boundary-version dialog use their own views.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

#: How often and how long apart to grab again while the view is still blank (6 s in all: the
#: painted frame usually arrives within a frame or two of the page's report; a web view's grab
#: takes about a millisecond).
GRAB_TRIES, GRAB_RETRY_MS = 1200, 5

_VIEWS: weakref.WeakSet[MapView] = weakref.WeakSet()


def release_pages() -> None:
    """Delete every map page now, before the application (and its web profile) goes away.

    Qt requires each page to be deleted before its profile; at interpreter exit Python may
    destroy them in the wrong order and crash. Call this when the app quits and after tests.
    """
    import shiboken6

    for view in list(_VIEWS):
        if shiboken6.isValid(view) and shiboken6.isValid(view.map_page):
            shiboken6.delete(view.map_page)


class MapBridge(QObject):
    """The object the page reaches as ``bridge``: it turns page events into Qt signals."""

    region_clicked = Signal(str)
    ready = Signal()

    @Slot(str)
    def regionClicked(self, adcode: str) -> None:  # noqa: N802 - called from JavaScript
        """Forward a click on a region."""
        self.region_clicked.emit(str(adcode))

    @Slot()
    def mapReady(self) -> None:  # noqa: N802 - called from JavaScript
        """Forward that the page has drawn its layers."""
        self.ready.emit()


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Block every http(s) request unless the user turned an online basemap on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_remote = False
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt API
        """Block remote requests while offline; record them for tests and the status bar."""
        url = info.requestUrl()
        if url.scheme() in ("http", "https", "ws", "wss") and not self.allow_remote:
            self.blocked.append(url.toString())
            info.block(True)


class MapPage(QWebEnginePage):
    """A page that stays on the map: no navigation away, no new windows."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.map_url: QUrl | None = None
        self.console: list[str] = []

    def acceptNavigationRequest(self, url: QUrl, kind: Any, is_main_frame: bool) -> bool:  # noqa: N802
        """Allow only loading the map document itself."""
        return bool(
            self.map_url is not None
            and url.isLocalFile()
            and url.toLocalFile() == self.map_url.toLocalFile()
        )

    def createWindow(self, kind: Any) -> QWebEnginePage | None:  # noqa: N802 - Qt API
        """Refuse new windows (a link in data must not open anything)."""
        return None

    def javaScriptConsoleMessage(self, level: Any, message: str, line: int, source: str) -> None:  # noqa: N802
        """Keep the page's console messages (errors show in the status bar and tests)."""
        self.console.append(f"{source}:{line}: {message}")


class MapView(QWebEngineView):
    """Shows map documents and exposes the page's ``InfraAtlas`` API to Python.

    Signals
    -------
    map_ready()
        The page finished drawing and the bridge is connected.
    region_clicked(str)
        A region was clicked on the map.
    """

    map_ready = Signal()
    region_clicked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The default profile (off the record in Qt 6) with a page-level interceptor: a profile
        # of our own would have to outlive every page, which Qt cannot promise at exit.
        self.interceptor = OfflineInterceptor(self)
        self.map_page = MapPage(QWebEngineProfile.defaultProfile(), self)
        self.map_page.setUrlRequestInterceptor(self.interceptor)
        self.setPage(self.map_page)
        settings = self.map_page.settings()
        settings.setAttribute(QWebEngineSettings.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.JavascriptCanOpenWindows, False)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.map_page.setWebChannel(self.channel)
        self.bridge.ready.connect(self._on_ready)
        self.bridge.region_clicked.connect(self.region_clicked)
        self.is_ready = False
        self.current_path: Path | None = None
        # A page loaded ahead of the window (desktop.map.prefetch): its URL, size, remote access
        # and file while it can still be kept; it reports ready only once asked for.
        self._ahead: tuple[QUrl, QSize, bool, tuple[int, int] | None] | None = None
        self._held = False
        _VIEWS.add(self)

    def set_allow_remote(self, allow: bool) -> None:
        """Allow http(s) requests (only while an online basemap is on)."""
        self.interceptor.allow_remote = allow
        self.map_page.settings().setAttribute(
            QWebEngineSettings.LocalContentCanAccessRemoteUrls, allow
        )

    def load_map(
        self,
        path: Path,
        view: tuple[float, float, float] | None = None,
        selected: str | None = None,
    ) -> None:
        """Load a map document written to ``path`` (never ``setHtml``: 2 MB cap, no qrc).

        Parameters
        ----------
        path : Path
            The map document.
        view : tuple of float, optional
            ``(lat, lng, zoom)`` to open at instead of the layer's extent.
        selected : str, optional
            Adcode of the region to highlight.

        The view and selection travel in the URL's query, which the page reads before it
        draws: its first frame already shows them, and one cached document serves every view.
        (A query, not a fragment: a new fragment on the same document would not reload it.)
        """
        url = map_url(path, view, selected)
        if self._take_ahead(url):
            return
        self.is_ready = False
        self.current_path = Path(path)
        self.map_page.map_url = url
        self.load(url)

    def load_ahead(self, path: Path) -> None:
        """Load ``path`` before anyone asks for it.

        A later :meth:`load_map` of the same page keeps it instead of loading it again, if the
        view kept its size and the file was not written again meanwhile. For a warm start
        (:mod:`desktop.map.prefetch`): the page loads while the window is built.
        """
        self.load_map(path)
        self._ahead = self._wanted(self.map_page.map_url)
        self._held = True

    def _wanted(self, url: QUrl) -> tuple[QUrl, QSize, bool, tuple[int, int] | None]:
        """Return what a page loaded ahead must match to be kept for ``url``."""
        try:
            stat = Path(url.toLocalFile()).stat()
            stamp = (stat.st_mtime_ns, stat.st_size)  # a damaged page made again is another file
        except OSError:
            stamp = None
        return url, self.size(), self.interceptor.allow_remote, stamp

    def _take_ahead(self, url: QUrl) -> bool:
        """Return whether the page loaded ahead is the one asked for, and keep it if so.

        Only once, only for the same URL, remote access, size and file: a page laid out at another
        size would show another extent, and a cached page found damaged is written again. Its
        ``map_ready``, held until now (nothing of the window was listening), follows from the
        event loop if it is drawn already.
        """
        ahead, held = self._ahead, self._held
        self._ahead, self._held = None, False
        if not held or ahead is None or ahead != self._wanted(url):
            return False
        if self.is_ready:
            QTimer.singleShot(0, lambda: self._report_kept(url))
        return True

    def _report_kept(self, url: QUrl) -> None:
        """Report the kept page ready, unless another load replaced it meanwhile."""
        if self.is_ready and self.map_page.map_url == url:
            self.map_ready.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Forget a page loaded ahead once the view takes another size.

        (Its extent would not fit the new size.)
        """
        if self._ahead is not None and event.size() != self._ahead[1]:
            self._ahead = None
        super().resizeEvent(event)

    def _on_ready(self) -> None:
        self.is_ready = True
        if not self._held:  # (a page loaded ahead reports when it is asked for)
            self.map_ready.emit()

    def call(
        self, function: str, *args: Any, callback: Callable[[Any], None] | None = None
    ) -> None:
        """Call ``InfraAtlas.<function>(*args)`` in the page with JSON-encoded arguments."""
        code = (
            f"InfraAtlas.{function}({', '.join(json.dumps(a, ensure_ascii=False) for a in args)})"
        )
        if callback is None:
            self.map_page.runJavaScript(code, 0)
        else:
            self.map_page.runJavaScript(code, 0, callback)

    def read(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate a JavaScript expression in the page; call back with its value from JSON.

        The callback gets None when the page cannot answer (it is still loading).
        """

        def decode(text: object) -> None:
            try:
                callback(json.loads(text) if isinstance(text, str) else None)
            except ValueError:
                callback(None)

        self.map_page.runJavaScript(f"JSON.stringify({expression})", 0, decode)


def map_url(
    path: Path, view: tuple[float, float, float] | None = None, selected: str | None = None
) -> QUrl:
    """Return the URL that loads a map document at ``view`` with ``selected`` highlighted."""
    url = QUrl.fromLocalFile(str(path))
    query = []
    if view is not None:
        query.append("view=" + ",".join(repr(float(v)) for v in view))
    if selected:
        query.append(f"selected={selected}")
    if query:
        url.setQuery("&".join(query))
    return url


def is_blank(image: QImage) -> bool:
    """Return True when an image is one flat colour (a view not painted yet)."""
    if image.isNull():
        return True
    small = image.scaled(24, 24, Qt.IgnoreAspectRatio, Qt.FastTransformation)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(24) for y in range(24))


def grab_when_painted(
    view: QWidget,
    then: Callable[[QImage], None],
    fail: Callable[[], None],
    tries: int = GRAB_TRIES,
    alive: Callable[[], bool] = lambda: True,
) -> None:
    """Grab ``view`` once Chromium has painted it (a fresh page grabs blank), then ``then``.

    Retries on a timer (never an event loop of its own); calls ``fail`` when the view stays
    blank, and stops quietly once ``alive()`` is False.
    """
    if not alive():
        return
    image = view.grab().toImage()  # GUI thread; device pixels of this screen
    if not is_blank(image):
        then(image)
    elif tries > 0:
        QTimer.singleShot(
            GRAB_RETRY_MS, lambda: grab_when_painted(view, then, fail, tries - 1, alive)
        )
    else:
        fail()
