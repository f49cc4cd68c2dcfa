"""The one path from the app state to the map page.

:class:`MapController` watches the :class:`~desktop.state.AppState` and is the only code that
builds the window's map document, restyles it and calls its page's JavaScript
(:meth:`MapView.call <desktop.map.view.MapView.call>`). A province or level change builds a new
document; a metric or classification change restyles the page in place.

Builds and restyles run off the GUI thread, so their results can arrive in any order. Each
request takes the next generation number; a result is used only if no newer request of its
kind was made meanwhile (a build also supersedes the restyles before it), so quick switches
always end on the last one's map. A restyle that lands while a new page is loading waits for it.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.map.view import MapView
from desktop.notify import Notifier
from desktop.panels import connect_event
from desktop.state import AppState
from desktop.workers import Worker, run_worker

if TYPE_CHECKING:
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions

#: What the window needs to know of a page style (the colours stay in the page): see
#: :meth:`geodata.atlas.AtlasData.style`. A categorical style has only the first two.
STYLE_KEYS = ("metric", "kind", "scheme", "asked", "drawn", "reason", "note")

#: A style as asked: metric, scheme and number of classes.
StyleKey = tuple[str, str, int]


def style_summary(style: dict) -> dict:
    """Return the keys of :data:`STYLE_KEYS` a page style has."""
    return {key: style[key] for key in STYLE_KEYS if key in style}


#: Read the summary of the style the page shows.
PAGE_STYLE_JS = (
    "(function (s) { var o = {}; "
    + json.dumps(list(STYLE_KEYS))
    + ".forEach(function (k) { if (k in s) { o[k] = s[k]; } }); return o; })(InfraAtlas.style)"
)


class MapController(QObject):
    """Keeps the map page in step with the state.

    Parameters
    ----------
    state : AppState
        Watched: every change the map shows goes through its setters.
    data : AtlasData
        Builds the map documents and styles.
    view : MapView
        The page it drives.
    notifier : Notifier
        Progress messages and errors.
    parent : QObject, optional

    Signals
    -------
    busy(bool)
        A build started (True), or the map is drawn or a build failed (False).
    built(dict)
        A new document is loading: its ``metrics`` (``[{id, label_en, label_zh}]``) and
        ``regions`` (``[[adcode, name_zh, name_en]]``) for the panels.
    ready()
        The page is drawn, at the kept view, with the selection.
    style_shown(dict)
        The page shows this style: ``metric``, ``kind`` and, for numeric metrics, ``scheme``,
        ``asked``, ``drawn``, ``reason`` and ``note`` (``{zh, en}``).
    """

    busy = Signal(bool)
    built = Signal(dict)
    ready = Signal()
    style_shown = Signal(dict)

    def __init__(
        self,
        state: AppState,
        data: AtlasData,
        view: MapView,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.data = data
        self.view = view
        self.notifier = notifier
        self._generations = itertools.count(1)
        self._latest_build = 0
        self._latest_style = 0
        self._page_build = 0  # the build whose page is loading or shown
        self._loading = True  # no page yet, or the latest build's page is not drawn yet
        self._loaded: MapOptions | None = None  # the options of the page loading or shown
        self._offered: set[str] = set()  # the metrics of the page's layer
        self._shown: StyleKey | None = None  # the style the page shows, once known
        self._pending: tuple[StyleKey, dict] | None = None  # a style waiting for the page
        self._workers: set[Worker] = set()
        self._connect()

    def _connect(self) -> None:
        state = self.state
        for event, react in (
            (state.province_changed, lambda _p: self.rebuild(keep_view=False)),
            (state.level_changed, lambda _level: self.rebuild(keep_view=True)),
            (state.metric_changed, lambda _m: self.restyle()),
            (state.classification_changed, lambda *_: self.restyle()),
            (state.overlays_changed, self._on_overlay_visibility),
            (state.basemap_changed, lambda _p: self._on_basemap()),
            (state.language_changed, self._on_language),
            (state.region_selected, self._on_region_selected),
            (state.target_selected, self._on_target_selected),
        ):
            connect_event(self, event, react)
        self.view.map_ready.connect(self._on_page_ready)
        self.view.region_clicked.connect(state.select_region)

    # ----------------------------------------------------------------- building
    def rebuild(self, keep_view: bool = True) -> None:
        """Build the map document again off the GUI thread, keeping the zoom and centre."""
        if keep_view and self.view.is_ready:
            self.view.call("getView", callback=lambda v: self._start_build(parse_view(v)))
        else:
            self._start_build(None)

    def _next_generation(self, build: bool) -> int:
        """Return the number of a new request, which supersedes the restyles before it.

        A build supersedes the builds before it too.
        """
        generation = next(self._generations)
        self._latest_style = generation
        if build:
            self._latest_build = generation
        return generation

    def _start_build(self, view: tuple[float, float, float] | None) -> None:
        build = self._next_generation(build=True)
        self._loading, self._shown, self._pending = True, None, None
        self.busy.emit(True)
        self.notifier.info(self.tr("Building the map..."))
        province, level, options = self.state.province, self.state.level, self.state.map_options()

        def done(result: dict) -> None:
            self._on_built(build, result, options, view)

        def keep_page() -> None:
            if build == self._latest_build and self.view.is_ready:
                self._loading = False  # the page shown stays, and takes the restyles

        # A view built before loads at once (a file read); only a new one goes to a worker.
        cached = self.data.cached_view(province, level, options)
        if cached is not None:
            done(cached)
        else:
            prepare = self.data.prepare_view
            self._run(prepare, province, level, options, done=done, on_failure=keep_page)

    def _on_built(self, build: int, result: dict, options: MapOptions, view: tuple | None) -> None:
        if build != self._latest_build:  # a newer build was started meanwhile
            return
        selected = self.state.selected_region
        self._page_build = build
        self._loaded = dataclasses.replace(options, selected=selected)
        self._offered = {m["id"] for m in result["metrics"]}
        self.view.set_allow_remote(bool(options.overlays.get("basemap")))
        self.view.load_map(Path(result["path"]), view=view, selected=selected)
        self.built.emit(result)

    def _on_page_ready(self) -> None:
        if not self._loading or self._page_build != self._latest_build:
            return  # a page a newer build replaces (or one that reported twice)
        self._loading = False
        self._catch_up()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._show_style(*pending)
            self._announce_ready()
        else:
            self._read_page_style(then=self._announce_ready)

    def _announce_ready(self) -> None:
        """Report the drawn map, once its style is known (the panels show what it draws)."""
        self.busy.emit(False)
        self.notifier.info(self.tr("Map ready"))
        self.ready.emit()
        # A view opened from the cache has not loaded its boundaries: load them (and write a big
        # layer's finer levels of detail) now, so the first click or metric switch is quick.
        # Not when quiet (screenshots, tests): the process may be about to exit.
        if not self.notifier.quiet:
            self._run(self.data.warm, self.state.province, self.state.level, done=lambda _r: None)

    def _catch_up(self) -> None:
        """Show what changed in the state while the page was loading."""
        loaded, state = self._loaded, self.state
        for layer, visible in state.overlays.items():
            if layer != "basemap" and loaded.overlays.get(layer) != visible:
                self.view.call("setLayerVisible", layer, visible)
        if loaded.language != state.language:
            self.view.call("setLanguage", state.language)
        if loaded.selected != state.selected_region:
            self.view.call("selectRegion", state.selected_region, False)

    # ----------------------------------------------------------------- styling
    def restyle(self) -> None:
        """Recolour the map for the current metric and classes, without reloading geometry."""
        generation = self._next_generation(build=False)
        key = (self.state.metric, self.state.scheme, self.state.classes)
        if key == self._shown and not self._loading:
            return  # the page shows it already (and the restyles in flight are superseded)

        def done(style: dict) -> None:
            self._on_styled(generation, key, style)

        self._run(self.data.style, self.state.province, self.state.level, *key, done=done)

    def _on_styled(self, generation: int, key: StyleKey, style: dict) -> None:
        if generation != self._latest_style:  # superseded by a newer restyle or build
            return
        if self._loading:
            self._pending = (key, style)  # the new page takes it once it is drawn
        else:
            self._show_style(key, style)

    def _show_style(self, key: StyleKey, style: dict) -> None:
        self.view.call("setStyle", style)
        self._on_style_shown(key, style_summary(style))

    def _read_page_style(self, then: Callable[[], None]) -> None:
        """Learn the style the page was built with (and the metric it fell back to), then."""
        generation, loaded = self._latest_style, self._loaded

        def read(summary: Any) -> None:
            if self._loading:
                return  # a newer build replaces this page
            # a restyle asked for meanwhile shows its own style
            if generation == self._latest_style and isinstance(summary, dict):
                self._on_style_shown((summary["metric"], loaded.scheme, loaded.classes), summary)
            then()

        self.view.read(PAGE_STYLE_JS, read)

    def _on_style_shown(self, key: StyleKey, summary: dict) -> None:
        shown = summary["metric"]
        self._shown = (shown, key[1], key[2])
        if shown != self.state.metric and self.state.metric not in self._offered:
            # the layer lacks the metric asked for: the page shows its fallback, and so does
            # the state (the restyle this starts sees the page has it)
            self.state.set_metric(shown)
        self.style_shown.emit(summary)

    # ----------------------------------------------------------------- state reactions
    def _on_overlay_visibility(self, layer: str, visible: bool) -> None:
        if layer == "basemap":
            self.rebuild()
        elif self.view.is_ready:
            self.view.call("setLayerVisible", layer, visible)

    def _on_basemap(self) -> None:
        if self.state.overlays.get("basemap"):
            self.rebuild()

    def _on_language(self, language: str) -> None:
        if self.view.is_ready:
            self.view.call("setLanguage", language)

    def _on_region_selected(self, adcode: str | None) -> None:
        if self.view.is_ready:
            self.view.call("selectRegion", adcode, True)

    def _on_target_selected(self, target_id: str | None) -> None:
        target = self.data.target(target_id) if target_id else None
        if target is None or not self.view.is_ready:
            return
        if target.scope == "province":
            self.view.call("highlightProvince", target.province)
        else:
            self.view.call("highlightRegions", list(target.regions))
        self.notifier.info(f"{target.id}: {target.metric}")

    # ----------------------------------------------------------------- workers
    def _run(
        self,
        function: Callable,
        *args: Any,
        done: Callable[[Any], None],
        on_failure: Callable[[], None] = lambda: None,
    ) -> None:
        """Run ``function(*args)`` in a worker: ``done(result)``, or ``on_failure()`` and report."""

        def failed(message: str, expected: bool) -> None:
            on_failure()
            self.busy.emit(False)
            self.notifier.error(message, expected)

        run_worker(self._workers, Worker(function, *args), done, failed)


def parse_view(value: object) -> tuple[float, float, float] | None:
    """Return ``(lat, lng, zoom)`` from the page's ``getView()`` JSON, or None."""
    try:
        view = json.loads(value) if isinstance(value, str) else None
        return (float(view["lat"]), float(view["lng"]), float(view["zoom"])) if view else None
    except (ValueError, KeyError, TypeError):
        return None
