"""A warm start's head start: the last map page loads while the window is being built.

Most of a warm start is two waits in a row: Python importing and building the window (about
0.4 s), then Chromium loading and drawing the map page (about 0.3 s). The page does not need
the window. So each time the window's map is drawn, :func:`remember_page` notes which cached
page it was and at what size (``<cache>/start-page.json``); the next start without
``--province`` or ``--select`` begins loading that page at once, in a map view not yet on screen
(:func:`load_ahead`), and the window then takes that view as its map.

It is only a guess. The window's controller still decides which page to show, as always: when
it asks for the same page and the view kept the size the page was laid out at, the page loaded
ahead is kept (:meth:`MapView.load_map`); otherwise the page asked for is loaded as on any
start. A missing, damaged or stale note costs nothing but the page loaded for nothing.

Chromium's browser side runs on this thread, so a page only loads while Qt's events are
processed: :func:`processing_events` lets them through between the imports of the window's
modules.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QWidget

from desktop.appsettings import settings
from desktop.map.view import MapView
from geodata.paths import cache_dir
from geodata.statefiles import read_cache_json, write_cache_text

#: The note of the last page drawn, in the cache folder.
RECORD_NAME = "start-page.json"
#: The view cache's folder in the cache folder (``ViewCache().root``; not imported for it: the
#: page starts loading before anything else is imported).
VIEWS_FOLDER = "views"
#: How often imports let Qt's events through (seconds): Chromium's tasks on this thread wait
#: at most this long, plus one module's import.
PUMP_EVERY_S = 0.003


def remember_page(view: MapView, province: str, language: str) -> None:
    """Note the page ``view`` shows and the view's size, for the next start to load ahead.

    With the ``province`` and ``language`` it shows: a start that will open another one (its
    settings say so) loads nothing ahead. Only a page from the cache folder (one the next start
    can find again); never raises.
    """
    path = view.current_path
    if path is None or not _cached_page(path):
        return
    size = view.size()
    record = {
        "path": str(path),
        "size": [size.width(), size.height()],
        "remote": view.interceptor.allow_remote,
        "province": province,
        "language": language,
    }
    write_cache_text(cache_dir() / RECORD_NAME, json.dumps(record, allow_nan=False))


def load_ahead() -> MapView | None:
    """Return a map view already loading the page the last start drew, or None.

    None when there is no usable note (missing, damaged, its page gone) or when the settings
    open another province or language than the note's (they are saved when the window closes,
    the note when a map is drawn: a window killed after switching province leaves them apart).
    The view is shown off screen at the noted size, so that
    the page lays out as it will in the window; the window takes it with :func:`adopt`.
    """
    record = read_cache_json(cache_dir() / RECORD_NAME, parse=_parse_record)
    if record is None or not _cached_page(record[0]) or not record[0].is_file():
        return None
    path, (width, height), remote, shown = record
    saved = settings()
    for key, value in shown.items():
        if saved.value(f"view/{key}") not in (None, value):
            return None
    view = MapView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(width, height)
    view.show()
    view.set_allow_remote(remote)
    view.load_ahead(path)
    return view


def adopt(view: MapView, window: QWidget) -> MapView:
    """Return ``view``, a child of ``window`` from now on, shown on screen with it."""
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    view.setParent(window)
    view.show()  # (a widget given a new parent is hidden until shown)
    return view


def _cached_page(path: Path) -> bool:
    """Return whether ``path`` names a page of the view cache.

    The only pages loaded ahead: a note pointing elsewhere is not followed.
    """
    return path.suffix == ".html" and path.parent == cache_dir() / VIEWS_FOLDER


def _parse_record(value: Any) -> tuple[Path, tuple[int, int], bool, dict[str, str]]:
    """Return ``(path, (width, height), remote, shown)`` of a note; raise on any other shape.

    ``shown`` holds the note's province and language.
    """
    path, size, remote = value["path"], value["size"], value["remote"]
    shown = {key: value[key] for key in ("province", "language")}
    texts = (path, *shown.values())
    if not all(isinstance(t, str) for t in texts) or not isinstance(remote, bool):
        raise ValueError("not a start-page note")
    width, height = size
    if not all(isinstance(v, int) and 0 < v <= 20_000 for v in (width, height)):
        raise ValueError("not a start-page size")
    return Path(path), (width, height), remote, shown


class _EventPump:
    """An import finder that finds nothing, and lets Qt's events through.

    At most every ``every_s`` seconds. (The :class:`importlib.abc.MetaPathFinder` protocol,
    without importing that module.)
    """

    def __init__(self, every_s: float) -> None:
        self.every_s = every_s
        self.last = time.perf_counter()

    def find_spec(self, *_args: Any, **_kwargs: Any) -> None:  # noqa: D102 - finder API
        now = time.perf_counter()
        if now - self.last >= self.every_s:
            self.last = now
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)
        return None


@contextmanager
def processing_events(every_s: float = PUMP_EVERY_S) -> Iterator[None]:
    """Let Qt's events through while modules are imported inside the ``with`` block.

    Only around imports, with nothing of the app's connected yet but a view loading ahead:
    what runs meanwhile is Chromium's work and that view's own handlers.
    """
    pump = _EventPump(every_s)
    sys.meta_path.insert(0, pump)
    try:
        yield
    finally:
        sys.meta_path.remove(pump)
