"""The programs the benchmark times, each run in its own process by ``benchmarks/run.py``.

``python benchmarks/children.py CASE ARGS...`` with CASE one of:

``baseline-start OUT.png``
    A bare PySide6 script: a QWebEngineView on a one-line page, screenshot, exit.
``baseline-page OUT.png HTML``
    The same bare script on a map page of the app (the page a warm start draws): the part of a
    warm start that is the page itself, for the report.
``window-only OUT.png``
    The app's own start without its map page: the window built and shown as ``infra-atlas gui``
    builds it (imports, state, panels, menus, an empty map view), grabbed and saved as the app
    saves its screenshot. The part of a warm start that is the window, for the report.
``naive OUT.png GPKG HTML``
    The naive pipeline: geopandas read, ``folium.GeoJson(gdf)``, save, load in a
    QWebEngineView, screenshot.
``atlas-import OUT.png GPKG``
    Infra Atlas: import the file as a new boundary version (as File > Import boundaries does),
    build the national county view, load it in the app's map view, screenshot.
``atlas-open OUT.png``
    Infra Atlas reopening the active national county layer (cached) to a painted map.
``atlas-restyle OUT.png``
    The same, then switches the choropleth metric several times in the page (timing each until
    the page has applied it) and rebuilds and reloads the whole map once, the restyle baseline.

Every PNG is written to a temporary name and renamed, so the parent can time "PNG written"
by watching for the file. Each child prints one JSON line with what it measured.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def _python_peak_mb() -> float:
    """Return this process's peak resident memory (VmHWM: ru_maxrss would include the parent's,
    as Linux keeps it across fork and exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _trace(what: str) -> None:
    """Print a timestamp and the memory so far on stderr (seen when a child is run by hand)."""
    memory = _status_mb("VmRSS"), _status_mb("VmHWM")
    print(
        f"{time.perf_counter() - START:7.3f} {what} (resident {memory[0]:.0f} MB, "
        f"peak {memory[1]:.0f} MB)",
        file=sys.stderr,
        flush=True,
    )


def _status_mb(field: str) -> float:
    """Return a memory figure of this process from /proc/self/status, in MB (0 if absent)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _report(**values) -> None:
    values["python_peak_mb"] = _python_peak_mb()
    print(json.dumps(values), flush=True)


def _app():
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - before the QApplication
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def baseline_start(out: str) -> None:
    """Open a QWebEngineView on a one-line page and save a screenshot."""
    from PySide6.QtWebEngineWidgets import QWebEngineView

    app = _app()
    view = QWebEngineView()
    view.resize(1400, 900)
    view.show()

    # Grabbing at loadFinished saves a blank white image (measured): like the app, wait until
    # the page has painted (two animation frames) and Qt has that frame, so that the PNG shows
    # the page.
    _wait_loaded(view, app, lambda: _save_when_painted(view, out, app.quit, every_ms=5))
    view.setHtml("<p>Infra Atlas baseline</p>")
    app.exec()
    _report()


def baseline_page(out: str, html: str) -> None:
    """Open a QWebEngineView on one of the app's map pages and save a screenshot once drawn.

    The page's own readiness (``InfraAtlas.ready``: its fonts and two frames after drawing; no
    web channel here) is awaited, then a painted frame, as for the app.
    """
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    app = _app()
    view = QWebEngineView()
    view.resize(843, 540)  # the map's size in the 1400 x 900 window
    view.show()

    def poll() -> None:
        view.page().runJavaScript(
            "!!(window.InfraAtlas && InfraAtlas.ready)",
            0,
            lambda ready: (
                _save_when_painted(view, out, app.quit, every_ms=5)
                if ready
                else QTimer.singleShot(5, poll)
            ),
        )

    view.loadFinished.connect(lambda _ok: poll())
    view.load(QUrl.fromLocalFile(html))
    app.exec()
    _report()


def window_only(out: str) -> None:
    """Start the app's window as a warm start does, with no map page; save it once shown.

    The same steps as :func:`desktop.app.run` for ``gui --screenshot``, but for the page: no
    page is loaded ahead and no map is built, so the map view stays empty. The window is
    grabbed and written with the app's own PNG writer as soon as the event loop runs (its
    widgets paint when grabbed).
    """
    from desktop.app import _prepare_environment, create_window, dress_application

    _prepare_environment(headless=True)
    app = _app()
    from PySide6.QtCore import QTimer

    from desktop.pngsave import save_png

    dress_application(app)
    window = create_window(quiet=True)
    window.show()

    def shoot() -> None:
        _write_png(window.grab().toImage(), out, save=save_png)
        app.quit()

    QTimer.singleShot(0, shoot)
    app.exec()
    _report()


def _wait_loaded(view, app, then) -> None:
    """Call ``then`` once the page has loaded and painted (two animation frames later).

    For pages without the app's bridge: the page sets a flag after two frames, polled here.
    """
    from PySide6.QtCore import QTimer

    js_start = (
        "window.__painted = false; requestAnimationFrame(function () {"
        " requestAnimationFrame(function () { window.__painted = true; }); }); 1"
    )

    def poll() -> None:
        view.page().runJavaScript(
            "window.__painted === true",
            0,
            lambda done: QTimer.singleShot(0, then) if done else QTimer.singleShot(5, poll),
        )

    def loaded(_ok: bool) -> None:
        view.page().runJavaScript(js_start, 0, lambda _r: poll())

    view.loadFinished.connect(loaded)


def _save_when_painted(
    widget, out: str, then, give_up: float = 60.0, state=None, every_ms: int = 50
) -> None:
    """Grab ``widget`` every ``every_ms`` until it is not one flat colour; save it; ``then()``.

    After ``give_up`` seconds the (blank) image is saved all the same and ``painted`` is False
    in the report: the time is then only a lower bound of the time to a painted map.
    """
    from PySide6.QtCore import QTimer

    state = state if state is not None else {"start": time.perf_counter()}
    image = widget.grab().toImage()
    small = image.scaled(140, 90)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    waited = time.perf_counter() - state["start"]
    if len(colours) < 2 and waited < give_up:
        QTimer.singleShot(
            every_ms, lambda: _save_when_painted(widget, out, then, give_up, state, every_ms)
        )
        return
    PAINTED["painted"] = len(colours) >= 2
    PAINTED["waited_for_paint_s"] = waited
    _write_png(image, out)
    then()


def _write_png(image, out: str, save=lambda image, path: image.save(path, "PNG", 80)) -> None:
    """Write ``image`` under a temporary name and rename it (the parent watches for ``out``).

    ``save(image, path)`` writes the file: Qt's PNG writer unless another is given.
    """
    tmp = out + ".part.png"
    save(image, tmp)
    os.replace(tmp, out)


PAINTED: dict = {}


def naive(out: str, gpkg: str, html: str) -> None:
    """geopandas read + folium.GeoJson + load in QWebEngineView + screenshot."""
    import folium
    import geopandas as gpd
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    gdf = gpd.read_file(gpkg)
    fmap = folium.Map(location=[35, 105], zoom_start=4, tiles=None)
    folium.GeoJson(gdf).add_to(fmap)
    fmap.save(html)
    app = _app()
    view = QWebEngineView()
    view.resize(1400, 900)
    view.show()
    # A page this heavy is still blank two frames after loading: grab until the map shows.
    _wait_loaded(view, app, lambda: _save_when_painted(view, out, app.quit))
    view.load(QUrl.fromLocalFile(html))
    app.exec()
    _report(html_mb=os.path.getsize(html) / 1e6, **PAINTED)


def _atlas_view(out: str, prepare, after=None) -> None:
    """Load the map document ``prepare()`` returns in the app's map view; screenshot it."""
    from desktop.map.view import MapView, grab_when_painted, release_pages

    app = _app()
    view = MapView()
    view.resize(1400, 900)
    view.show()
    result = prepare()
    state = {}

    def painted(image) -> None:
        _write_png(image, out)
        _trace("png written")
        if after is None:
            app.quit()
        else:
            after(app, view, result)

    def unpainted() -> None:
        _trace("the map stayed blank")
        painted(view.grab().toImage())  # the parent refuses a blank PNG

    def ready() -> None:
        if state:
            return
        state["ready"] = time.perf_counter() - START
        _trace("page ready")
        # as the app's screenshot does: the painted frame reaches Qt a few ms after the report
        grab_when_painted(view, painted, unpainted)

    view.map_ready.connect(ready)
    view.load_map(Path(result["path"]))
    app.exec()
    release_pages()
    return result


def _options(metric: str = "plan_items"):
    from geodata.drawing import MapOptions

    return MapOptions(metric=metric, language="zh")


def atlas_import(out: str, gpkg: str) -> None:
    """Import a national county file as a version and paint its map."""
    from geodata.atlas import AtlasData
    from geodata.boundaries.importer.inspect import inspect_boundary_file
    from geodata.boundaries.store import BoundaryStore

    data = AtlasData()

    def prepare() -> dict:
        _trace("imported")
        result = inspect_boundary_file(gpkg, level="county")
        _trace("inspected")
        BoundaryStore().add(result, activate=True)
        _trace("stored")
        view = data.prepare_view("both", "county", _options())
        _trace("document written")
        return view

    result = _atlas_view(out, prepare)
    # what the app does after the first paint: the finer levels of detail, off the GUI thread
    data.complete_levels("both", "county")
    _trace("levels completed")
    _report(html_mb=os.path.getsize(result["path"]) / 1e6)


def atlas_open(out: str) -> None:
    """Reopen the active national county layer (cached) to a painted map, and exit."""
    from geodata.atlas import AtlasData

    data = AtlasData()
    result = _atlas_view(out, lambda: data.prepare_view("both", "county", _options()))
    _report(html_mb=os.path.getsize(result["path"]) / 1e6)


def atlas_restyle(out: str) -> None:
    """Reopen the active national county layer, then time metric switches and a rebuild."""
    from geodata.atlas import AtlasData

    data = AtlasData()
    timings: dict = {}

    def after(app, view, result) -> None:
        from PySide6.QtCore import QTimer

        timings["html_mb"] = os.path.getsize(result["path"]) / 1e6
        timings["peak_at_paint_mb"] = _python_peak_mb()
        metrics = [m["id"] for m in result["metrics"]]
        cycle = [m for m in ("corridor_km", "plan_items", "information") if m in metrics]
        cycle = (cycle or metrics[:2]) * 3
        switches: list[float] = []

        def switch(i: int = 0) -> None:
            if i == len(cycle):
                timings["restyle_s"] = switches
                QTimer.singleShot(0, lambda: rebuild(app, view))
                return
            start = time.perf_counter()
            style = data.style("both", "county", cycle[i], "natural_breaks", 4)
            code = f"InfraAtlas.setStyle({json.dumps(style, ensure_ascii=False)}); 1"

            def applied(_r, start=start) -> None:
                switches.append(time.perf_counter() - start)
                QTimer.singleShot(0, lambda: switch(i + 1))

            view.page().runJavaScript(code, 0, applied)

        switch()

    def rebuild(app, view) -> None:
        # the restyle baseline: rebuild the document for another metric and reload it
        from geodata.web.viewcache import ViewCache

        start = time.perf_counter()
        options = _options("corridor_km")
        ViewCache().discard(data.view_key("both", "county", options))
        again = data.prepare_view("both", "county", options)

        def reloaded() -> None:
            timings["rebuild_s"] = time.perf_counter() - start
            app.quit()

        view.map_ready.connect(reloaded)
        view.load_map(Path(again["path"]))

    _atlas_view(out, lambda: data.prepare_view("both", "county", _options()), after)
    _report(**timings)


def progress_restyle(out: str, target: str) -> None:
    """Open Shanxi's counties, then time switches between plan items, % of target and status.

    The data home holds a target per county and 1,000 achieved figures (see
    ``benchmarks/bench_progress.py``). Before the first switch the cached metrics are dropped,
    as when new figures arrive: it computes the progress of every county and is reported
    apart (``first_s``); the metrics are then cached until the plans or figures change.
    """
    from geodata.atlas import AtlasData

    data = AtlasData()
    timings: dict = {}

    def after(app, view, result) -> None:
        from PySide6.QtCore import QTimer

        cycle = [f"progress:{target}", f"status:{target}", "plan_items"] * 4
        switches: list[float] = []
        data._metrics.clear()  # as after new figures: the first switch computes the progress

        def switch(i: int = 0) -> None:
            if i == len(cycle):
                timings["first_s"], timings["restyle_s"] = switches[0], switches[1:]
                app.quit()
                return
            start = time.perf_counter()
            style = data.style("140000", "county", cycle[i], "natural_breaks", 4)
            if style["metric"] != cycle[i]:
                raise RuntimeError(f"{cycle[i]} is not a metric of the map: {style['metric']}")
            code = f"InfraAtlas.setStyle({json.dumps(style, ensure_ascii=False)}); 1"

            def applied(_r, start=start) -> None:
                switches.append(time.perf_counter() - start)
                QTimer.singleShot(0, lambda: switch(i + 1))

            view.page().runJavaScript(code, 0, applied)

        switch()

    _atlas_view(out, lambda: data.prepare_view("140000", "county", _options()), after)
    _report(**timings)


if __name__ == "__main__":
    case, *args = sys.argv[1:]
    {
        "baseline-start": baseline_start,
        "baseline-page": baseline_page,
        "window-only": window_only,
        "naive": naive,
        "atlas-import": atlas_import,
        "atlas-open": atlas_open,
        "atlas-restyle": atlas_restyle,
        "progress-restyle": progress_restyle,
    }[case](*args)
