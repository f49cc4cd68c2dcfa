"""Print-quality figures of a region layer: PNG, SVG and PDF for reports and slide decks.

A figure is drawn from the same layer, metric and classification as the web map
(:func:`geodata.plan.metrics.classify_metric`), so its classes, colours and legend equal the
map's. Geometry is drawn in a Lambert conformal conic projection centred on the layer
(:mod:`geodata.printing.geometry`) and simplified to about a tenth of a millimetre on paper.

The page (:mod:`geodata.printing.page`) carries a title, a subtitle (the plan document and its
date), the map across the whole width between them and the notes, and under it the notes
(schematic corridors, inferred roles, projection, sources named as a reader cites them:
:mod:`geodata.printing.captions`). The legend, the scale bar in km and the north arrow sit in
the map's free space, clear of the drawn outline (:mod:`geodata.printing.placement`); the map
shrinks when they would not fit beside it. Region names keep clear of each other, of role
markers and of the furniture (:func:`geodata.printing.mapframe.place_labels`). Type sizes come
from one :class:`~geodata.printing.page.TypeScale` per page (A3 scales A4 by 420/297).

A national figure (all of China) follows China's map-publishing conventions: its main map
shows the mainland with Hainan and Taiwan, the South China Sea islands are in an inset at the
bottom right, the maritime boundary line is drawn (:mod:`geodata.printing.national`), the
neighbouring countries are pale grey under China's regions in both
(:mod:`geodata.printing.neighbours`), and the map approval number (审图号) and a disclaimer,
when given, print under the map.

Chinese text uses the shipped Noto Sans SC (:func:`geodata.fonts.register_matplotlib_font`).
Save a figure with :func:`geodata.printing.output.save_figure`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geodata.drawing import MapOptions, label_points, label_text
from geodata.errors import InputError
from geodata.i18n import tr
from geodata.layer import Layer
from geodata.plan.corridors import Crossing
from geodata.plan.metrics import (
    ROLE_CATEGORIES,
    Metric,
    available_metrics,
    classify_metric,
    data_dates,
    find_metric,
)
from geodata.plan.observations import Observation
from geodata.plan.targets import Target
from geodata.printing.captions import place_name, plain, roles_note, source_note, subtitle
from geodata.printing.geometry import (
    Projector,
    geometry_path,
    lcc_parameters,
    outline,
    projector,
    province_crs,
    simplified,
)
from geodata.printing.mapframe import (
    PT,
    LabelSpace,
    LegendBlock,
    LegendGroup,
    MapLabel,
    PlacedLabels,
    draw_north_arrow,
    draw_scale_bar,
    legend_block,
    mm_transform,
    north_angle,
    north_arrow_size,
    place_labels,
    scale_bar,
)
from geodata.printing.page import (
    FigureLayout,
    TypeScale,
    figure_layout,
    page_inches,
    type_scale,
    wrap_text,
)
from geodata.printing.placement import Fit, Piece, Rect, fit_map
from geodata.vocab import LANGUAGES, NATIONAL, OVERLAYS

if TYPE_CHECKING:
    import geopandas as gpd
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pyproj import CRS

    from geodata.plan.classify import Classification
    from geodata.plan.roles import CityRole

#: Simplification tolerance of the drawn geometry, in millimetres on paper.
PRINT_TOLERANCE_MM = 0.1
CORRIDOR_COLOR = "#d7301f"
#: Corridors are dashed: their lines are schematic.
CORRIDOR_DASHES = (0, (4, 2))
HIGHLIGHT_COLOR = "#e31a1c"
LABEL_COLOR = "#222222"
#: Marker and size (points, A4) of each city role.
ROLE_MARKERS = {"master": ("*", 15), "assistant": ("o", 9), "centre": ("o", 6)}
#: A national main map leaves out land this many degrees south of the mainland's bounds.
ISLANDS_MARGIN_DEG = 0.3
#: Width of the South China Sea inset as a share of the map's width.
INSET_SHARE = 0.2
#: A layer with more regions than this is labelled in the small label size.
CROWDED = 150


@dataclass
class MapFrame:
    """The map of a figure and how geometry is put on it.

    Attributes
    ----------
    ax : matplotlib.axes.Axes
        The map axes, in metres of ``crs``.
    crs : pyproj.CRS
        The print projection (:func:`geodata.printing.geometry.province_crs`).
    project : Projector
        WGS-84 to ``crs``.
    regions : numpy.ndarray
        The layer's regions, projected and simplified for print.
    window : tuple of float
        ``(x0, x1, y0, y1)``: what the map shows, in metres.
    tolerance : float
        Simplification tolerance in metres (a tenth of a millimetre on paper).
    bounds : tuple of float
        The WGS-84 bounds the map frames (the mainland's for China).
    to_mm : callable
        Map metres (an ``(n, 2)`` array) to page millimetres.
    mm_per_metre : float
        The map's scale on the page.
    """

    ax: Axes
    crs: CRS
    project: Projector
    regions: np.ndarray
    window: tuple[float, float, float, float]
    tolerance: float
    bounds: tuple[float, float, float, float]
    to_mm: Callable[[Any], Any] = field(default=lambda xy: xy)
    mm_per_metre: float = 1.0


@dataclass
class Drawn:
    """What a figure draws, decided before drawing it.

    Attributes
    ----------
    layer : Layer
    metric : Metric
    classification : Classification
    language : str
    visible : dict
        The overlays switched on.
    roles : dict
        The city roles of the layer's regions (empty when not drawn).
    corridors : geopandas.GeoDataFrame or None
        The corridors drawn.
    national : bool
        Whether the layer is all of China.
    bounds : tuple of float
        The WGS-84 bounds the map frames (the mainland's for China).
    sizes : TypeScale
    """

    layer: Layer
    metric: Metric
    classification: Classification
    language: str
    visible: dict[str, bool]
    roles: dict[str, CityRole]
    corridors: gpd.GeoDataFrame | None
    national: bool
    bounds: tuple[float, float, float, float]
    sizes: TypeScale


def build_figure(
    layer: Layer,
    targets: Iterable[Target],
    *,
    context: Layer | None = None,
    corridors: gpd.GeoDataFrame | None = None,
    crossings: list[Crossing] | None = None,
    options: MapOptions | None = None,
    page: str = "A4",
    orientation: str = "landscape",
    observations: Iterable[Observation] = (),
    approval: str = "",
    disclaimer: str = "",
) -> Figure:
    """Draw a print figure of a region layer coloured by a metric.

    Parameters
    ----------
    layer : Layer
        The regions (cities, counties or provinces) in WGS-84.
    targets : iterable of Target
        Bundled and imported targets (for the metrics).
    context : Layer, optional
        China's provinces, drawn in grey around the regions (and in a national figure's
        South China Sea inset).
    corridors : geopandas.GeoDataFrame, optional
        Corridor lines (smart expressways), drawn when ``options.overlays["corridors"]``.
    crossings : list of Crossing, optional
        Corridor crossings of ``layer`` (for the corridor-length metric).
    options : MapOptions, optional
        Language, metric, scheme, classes and layer visibility, as for the web map;
        ``options.selected`` is outlined in red.
    page : {"A4", "A3"}
    orientation : {"landscape", "portrait"}
    observations : iterable of Observation
        Achieved figures (for the ``progress:`` and ``status:`` metrics). Their legend ends
        with the date of the figures; a province-wide target's figure for the province is in
        the subtitle (see :mod:`geodata.plan.metrics`).
    approval, disclaimer : str, optional
        The map approval number (审图号, e.g. ``"GS(2024)0650号"``) and a disclaimer line,
        printed under a national figure's map; a province figure prints neither.

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot; save it with :func:`geodata.printing.output.save_figure`.
        ``fig.atlas`` holds what was drawn: ``metric``, ``classification``, ``legend``,
        ``skipped_labels``, ``crs``, ``title``; ``furniture`` (name -> box in page mm of
        ``legend``, ``scale_bar``, ``north_arrow`` and a national figure's ``inset``),
        ``outline_mm`` (the drawn outline in page mm) and ``labels`` (text and box in page
        mm of each label drawn).

    Raises
    ------
    InputError
        For an unknown page, orientation or metric, or an empty layer.
    """
    options = options or MapOptions()
    drawn = _what_is_drawn(layer, targets, crossings, corridors, options, page, observations)
    notes = _notes(drawn, approval, disclaimer)
    probe = figure_layout(page, orientation)
    lines = _note_lines(notes, probe)
    layout = figure_layout(page, orientation, len(lines))
    fig = _new_figure(page, orientation)
    frame = _map_frame(fig, layout, drawn)
    overlay = _overlay_axes(fig, layout)
    block = legend_block(fig, overlay, _legend_groups(drawn), drawn.sizes)
    fit = _fit(frame, layout, block, drawn)
    _draw_map(frame, drawn, context, options.selected)
    furniture = _draw_furniture(fig, overlay, frame, fit, block, drawn, context)
    placed = _draw_labels(fig, frame, drawn, layout, furniture)
    title = _draw_title(fig, layout, drawn, options.selected)
    _draw_notes(fig, layout, lines)
    furniture = {name: tuple(float(v) for v in box) for name, box in furniture.items()}
    fig.atlas = {  # type: ignore[attr-defined]
        "metric": drawn.metric,
        "classification": drawn.classification,
        "legend": _legend_entries(drawn),
        "skipped_labels": placed.skipped,
        "crs": frame.crs,
        "title": title,
        "furniture": furniture,
        "outline_mm": fit.outline,
        "labels": placed.drawn,
        "fitted": fit.fitted,
    }
    return fig


def _what_is_drawn(
    layer: Layer,
    targets: Iterable[Target],
    crossings: list[Crossing] | None,
    corridors: gpd.GeoDataFrame | None,
    options: MapOptions,
    page: str,
    observations: Iterable[Observation],
) -> Drawn:
    """Check the request and decide the metric, classes, roles and corridors drawn."""
    from geodata.plan.roles import load_roles

    language = options.language if options.language in LANGUAGES else "zh"
    visible = {**OVERLAYS, **options.overlays}
    page_inches(page, "landscape")  # an unknown page is refused before any work
    if layer.gdf.empty:
        raise InputError("the layer has no regions to draw: load a boundary file with polygons")
    metric = figure_metric(layer, targets, list(crossings or []), options.metric, observations)
    classification = classify_metric(metric, options.scheme, options.classes, language)
    codes = set(layer.gdf["adcode"])
    roles = {c: r for c, r in load_roles().items() if c in codes} if visible["roles"] else {}
    shown = corridors if visible["corridors"] and corridors is not None else None
    national = layer.province in (None, NATIONAL)
    return Drawn(
        layer=layer,
        metric=metric,
        classification=classification,
        language=language,
        visible=visible,
        roles=roles,
        corridors=shown if shown is not None and len(shown) > 0 else None,
        national=national,
        bounds=_frame_bounds(layer, national),
        sizes=type_scale(page),
    )


def figure_metric(
    layer: Layer,
    targets: Iterable[Target],
    crossings: Iterable[Crossing],
    metric: str,
    observations: Iterable[Observation] = (),
) -> Metric:
    """Return the metric ``metric`` of a layer (by its id or an alias).

    Raises
    ------
    InputError
        When the layer has no such metric (the message lists the ones it has).
    """
    metrics = available_metrics(layer, targets, crossings, observations)
    found = find_metric(metrics, metric)
    if found is not None:
        return found
    raise InputError(
        f"unknown metric {metric!r} for this layer: use one of {', '.join(m.id for m in metrics)}"
    )


def _new_figure(page: str, orientation: str) -> Figure:
    """Return an empty figure of the page, on an Agg canvas, with the shipped CJK font."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geodata.fonts import register_matplotlib_font

    register_matplotlib_font()
    fig = Figure(figsize=page_inches(page, orientation), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _frame_bounds(layer: Layer, national: bool) -> tuple[float, float, float, float]:
    """Return the WGS-84 bounds a map frames: the mainland's for China, else the layer's."""
    import numpy as np

    if national:
        from geodata.printing.national import mainland_bounds

        return mainland_bounds(np.asarray(layer.gdf.geometry.values))
    minx, miny, maxx, maxy = layer.gdf.total_bounds
    return float(minx), float(miny), float(maxx), float(maxy)


def _main_map(geoms: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """Return a national main map's geometry: the land south of the mainland left out."""
    import shapely

    minx, miny, maxx, maxy = bounds
    south = shapely.bounds(geoms)[:, 1] < miny - ISLANDS_MARGIN_DEG
    if not south.any():
        return geoms
    geoms = geoms.copy()
    rect = (minx - 5, miny - ISLANDS_MARGIN_DEG, maxx + 5, maxy + 5)
    geoms[south] = shapely.make_valid(shapely.clip_by_rect(geoms[south], *rect))
    return geoms


def _map_frame(fig: Figure, layout: FigureLayout, drawn: Drawn) -> MapFrame:
    """Add the map axes over the map's whole box and project the regions for print."""
    import numpy as np
    import shapely

    ax = fig.add_axes(layout.map)
    ax.set_axis_off()
    bounds = drawn.bounds
    crs = province_crs(bounds)
    project = projector(crs)
    geoms = np.asarray(drawn.layer.gdf.geometry.values)
    if drawn.national:
        geoms = _main_map(geoms, bounds)
    regions = shapely.transform(geoms, project)
    width_mm, height_mm = layout.map_mm
    minx, miny, maxx, maxy = shapely.total_bounds(regions)
    metres_per_mm = max((maxx - minx) / width_mm, (maxy - miny) / height_mm)
    tolerance = metres_per_mm * PRINT_TOLERANCE_MM
    regions = simplified(regions, tolerance)
    window = (float(minx), float(maxx), float(miny), float(maxy))
    return MapFrame(ax, crs, project, regions, window, tolerance, bounds)


def _overlay_axes(fig: Figure, layout: FigureLayout) -> Axes:
    """Add the axes the legends and the furniture are drawn in (over the map, transparent)."""
    ax = fig.add_axes(layout.map)
    ax.set_axis_off()
    ax.patch.set_alpha(0.0)
    ax.set_zorder(2)
    return ax


def _fit(frame: MapFrame, layout: FigureLayout, block: LegendBlock, drawn: Drawn) -> Fit:
    """Find the map's size and place in its box where the furniture clears its outline.

    Sets the map axes' window and the frame's page mapping from the result.
    """
    import shapely

    sizes = drawn.sizes
    area = layout.map_rect
    pad = sizes.mm(1.0)
    inner = (area[0] + pad, area[1] + pad, area[2] - pad, area[3] - pad)
    minx, maxx, miny, maxy = frame.window
    base = min((inner[2] - inner[0]) / (maxx - minx), (inner[3] - inner[1]) / (maxy - miny))
    shape = outline(frame.regions)
    shape = shapely.transform(shape, lambda xy: (xy - (minx, miny)) * base)
    shape = shapely.simplify(shape, 0.1)
    arrow = north_arrow_size(sizes)
    inset = _inset_size(inner, drawn)

    def pieces(scale: float) -> list[Piece]:
        bar = scale_bar(base * scale, drawn.language, sizes)
        found = [] if inset is None else [Piece("inset", *inset, ("br",), inset[0] * 0.6)]
        if block.legends:
            found.append(Piece("legend", block.width, block.height))
        found.append(Piece("scale_bar", bar.width, bar.height, ("bl", "br")))
        found.append(Piece("north_arrow", *arrow, ("tr", "tl")))
        return found

    fit = fit_map(inner, shape, pieces, sizes.mm(2.0))
    _set_window(frame, area, fit, base, (minx, miny))
    return fit


def _inset_size(area: Rect, drawn: Drawn) -> tuple[float, float] | None:
    """Return the size (mm) of a national figure's South China Sea inset, else None."""
    if not drawn.national:
        return None
    from geodata.printing.national import INSET_ASPECT

    width = (area[2] - area[0]) * INSET_SHARE
    return width, width / INSET_ASPECT


def _set_window(
    frame: MapFrame, area: Rect, fit: Fit, base: float, start: tuple[float, float]
) -> None:
    """Set the map axes' limits from a fit, and the frame's mapping to page millimetres."""
    import numpy as np

    k = base * fit.scale
    ox, oy = fit.origin
    mx, my = start
    x0, y0, x1, y1 = area
    window = (mx + (x0 - ox) / k, mx + (x1 - ox) / k, my + (y0 - oy) / k, my + (y1 - oy) / k)
    frame.ax.set_xlim(window[0], window[1])
    frame.ax.set_ylim(window[2], window[3])
    frame.window = window
    frame.mm_per_metre = k
    offset = np.array([ox - k * mx, oy - k * my])
    frame.to_mm = lambda xy: np.asarray(xy, dtype=float) * k + offset


def _draw_map(frame: MapFrame, drawn: Drawn, context: Layer | None, selected: str | None) -> None:
    """Draw the context, the regions, the selection, the maritime line, roles and corridors."""
    if context is not None and drawn.visible["context"] and not drawn.national:
        _draw_context(frame, context, drawn)  # China's own regions cover China's context
    if drawn.national:  # the neighbouring countries, pale grey under China's regions
        from geodata.printing.neighbours import draw_neighbours

        bounds = _window_in_degrees(frame, margin=1.0)
        draw_neighbours(frame.ax, frame.project, bounds, frame.tolerance, drawn.sizes.line(0.3))
    _draw_regions(frame, drawn)
    if selected and selected in set(drawn.layer.gdf["adcode"]):
        _draw_highlight(frame, drawn, selected)
    if drawn.national:
        from geodata.printing.national import draw_maritime_boundary

        draw_maritime_boundary(frame.ax, frame.project, drawn.sizes.factor)
    if drawn.roles:
        _draw_roles(frame, drawn)
    if drawn.corridors is not None:
        _draw_corridors(frame, drawn)
    _draw_neatline(frame, drawn.sizes)


def _draw_context(frame: MapFrame, context: Layer, drawn: Drawn) -> None:
    """Draw China's provinces in grey, clipped to (generously) what the map shows."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    geo = np.asarray(context.gdf.geometry.values)
    clipped = shapely.clip_by_rect(geo, *_window_in_degrees(frame, margin=1.0))
    clipped = clipped[~shapely.is_empty(clipped)]
    shown = shapely.simplify(shapely.transform(clipped, frame.project), frame.tolerance)
    frame.ax.add_artist(
        PathPatch(
            geometry_path(shown),
            facecolor="#f0f0f0",
            edgecolor="#b0b0b0",
            linewidth=drawn.sizes.line(0.5),
            zorder=1,
            gid="context",
        )
    )


def _window_in_degrees(frame: MapFrame, margin: float) -> tuple[float, float, float, float]:
    """Return WGS-84 bounds around the map window, ``margin`` degrees wider on each side."""
    import numpy as np
    from pyproj import Transformer

    x0, x1, y0, y1 = frame.window
    back = Transformer.from_crs(frame.crs, "EPSG:4326", always_xy=True)
    gx, gy = np.meshgrid(np.linspace(x0, x1, 9), np.linspace(y0, y1, 9))
    lon, lat = back.transform(gx.ravel(), gy.ravel())
    return (lon.min() - margin, lat.min() - margin, lon.max() + margin, lat.max() + margin)


def _draw_regions(frame: MapFrame, drawn: Drawn) -> None:
    """Draw each region in its class colour (white without the choropleth), then the outline."""
    from matplotlib.patches import PathPatch

    choropleth = bool(drawn.visible["choropleth"])
    colors = drawn.classification.color_of
    for adcode, geom in zip(drawn.layer.gdf["adcode"], frame.regions, strict=True):
        color = colors.get(adcode) if choropleth else None
        frame.ax.add_artist(
            PathPatch(
                geometry_path(geom),
                facecolor=color or "white",
                edgecolor="white" if choropleth else "#666666",
                linewidth=drawn.sizes.line(0.7),
                zorder=5,
                gid=f"region-{adcode}",
            )
        )
    frame.ax.add_artist(
        PathPatch(
            geometry_path(outline(frame.regions)),
            facecolor="none",
            edgecolor="#444444",
            linewidth=drawn.sizes.line(1.1),
            zorder=6,
        )
    )


def _draw_highlight(frame: MapFrame, drawn: Drawn, adcode: str) -> None:
    """Outline the selected region in red over a dark halo."""
    from matplotlib import patheffects
    from matplotlib.patches import PathPatch

    index = list(drawn.layer.gdf["adcode"]).index(adcode)
    frame.ax.add_artist(
        PathPatch(
            geometry_path(frame.regions[index]),
            facecolor="none",
            edgecolor=HIGHLIGHT_COLOR,
            linewidth=drawn.sizes.line(2.2),
            zorder=12,
            gid="highlight",
            path_effects=[
                patheffects.Stroke(linewidth=drawn.sizes.line(4.2), foreground="#111111"),
                patheffects.Normal(),
            ],
        )
    )


def _draw_neatline(frame: MapFrame, sizes: TypeScale) -> None:
    """Draw a thin frame around the map's box."""
    from matplotlib.patches import Rectangle

    frame.ax.add_patch(
        Rectangle(
            (0, 0),
            1,
            1,
            transform=frame.ax.transAxes,
            facecolor="none",
            edgecolor="#999999",
            linewidth=sizes.line(0.6),
            zorder=25,
            clip_on=False,
        )
    )


def _legend_entries(drawn: Drawn) -> list[dict]:
    """Return the choropleth's legend entries (none when the choropleth is off)."""
    return drawn.classification.legend() if drawn.visible["choropleth"] else []


def _legend_groups(drawn: Drawn) -> list[LegendGroup]:
    """Return the legends: the classes, the city roles, the corridors (those drawn)."""
    groups = []
    legend = _legend_entries(drawn)
    if legend:
        groups.append(_class_legend(drawn, legend))
    if drawn.roles:
        groups.append(_roles_legend(drawn.language, drawn.sizes))
    if drawn.corridors is not None:
        groups.append(_corridor_legend(drawn.language, drawn.sizes))
    return groups


def _legend_width(sizes: TypeScale) -> float:
    """Return the width (points) a legend's title and notes wrap to."""
    return sizes.mm(70.0) / PT


def _one_class(classification: Classification) -> bool:
    """Return whether every region is in one and the same class."""
    return classification.drawn == 1 and set(classification.class_of.values()) == {0}


def _class_legend(drawn: Drawn, legend: list[dict]) -> LegendGroup:
    """Return the legend of the choropleth classes, titled with the metric and its unit.

    The title wraps to the legend's width. A metric of achieved figures ends its legend with
    their date (``data as of 2023-11-30``) and, for a province-wide target no region has a
    figure of, says that none is coloured; a map of one class says so in words.
    """
    from matplotlib.patches import Patch

    metric, language, sizes = drawn.metric, drawn.language, drawn.sizes
    width = _legend_width(sizes)
    edge = sizes.line(0.5)
    handles = [Patch(facecolor=entry["color"], edgecolor="#777777", lw=edge) for entry in legend]
    labels = [entry["label"] for entry in legend]
    extra = [data_dates(metric.dates.values(), language)]
    if metric.notes and all(v is None for v in metric.values.values()):
        extra.append(tr("progress.wide_only", language))
    if _one_class(drawn.classification):
        extra.append(tr("figure.one_class", language))
    for text in filter(None, extra):
        handles.append(Patch(facecolor="none", edgecolor="none"))
        labels.append("\n".join(wrap_text(text, width - 2.5 * sizes.legend, sizes.legend)))
    unit = f" ({metric.unit})" if metric.unit and metric.unit not in metric.label_en else ""
    title = "\n".join(wrap_text(metric.label(language) + unit, width, sizes.legend_title, True))
    return (plain(title), handles, [plain(label) for label in labels])


def _roles_legend(language: str, sizes: TypeScale) -> LegendGroup:
    """Return the legend of the role markers, one entry per role."""
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for cat, zh, en, color in ROLE_CATEGORIES:
        marker, size = ROLE_MARKERS[cat]
        handles.append(
            Line2D(
                [],
                [],
                marker=marker,
                markersize=sizes.line(size),
                markerfacecolor=color,
                markeredgecolor="#222222",
                markeredgewidth=sizes.line(0.7),
                linestyle="none",
            )
        )
        labels.append(zh if language == "zh" else en)
    title = "\n".join(wrap_text(tr("figure.roles", language), _legend_width(sizes),
                                sizes.legend_title, True))  # fmt: skip
    return (title, handles, labels)


def _corridor_legend(language: str, sizes: TypeScale) -> LegendGroup:
    """Return the legend of the corridor lines."""
    from matplotlib.lines import Line2D

    key = Line2D([], [], color=CORRIDOR_COLOR, linewidth=sizes.line(2.0), linestyle=CORRIDOR_DASHES)
    return (tr("figure.corridors", language), [key], [tr("figure.corridor", language)])


def _draw_roles(frame: MapFrame, drawn: Drawn) -> None:
    """Mark each city with a role at its label point."""
    role_colors = {cat: color for cat, _, _, color in ROLE_CATEGORIES}
    anchors = _label_anchors(frame, drawn.layer)
    for adcode, role in drawn.roles.items():
        if adcode not in anchors:
            continue
        x, y = anchors[adcode]
        marker, size = ROLE_MARKERS[role.role]
        frame.ax.plot(
            [x],
            [y],
            marker=marker,
            markersize=drawn.sizes.line(size),
            markerfacecolor=role_colors[role.role],
            markeredgecolor="#222222",
            markeredgewidth=drawn.sizes.line(0.7),
            linestyle="none",
            zorder=14,
            gid=f"role-{adcode}",
        )


def _role_boxes(frame: MapFrame, drawn: Drawn) -> list[Rect]:
    """Return the boxes (page mm) of the role markers drawn."""
    anchors = _label_anchors(frame, drawn.layer)
    boxes = []
    for adcode in drawn.roles:
        if adcode not in anchors:
            continue
        half = _marker_half(drawn, adcode)
        x, y = frame.to_mm([anchors[adcode]])[0]
        boxes.append((x - half, y - half, x + half, y + half))
    return boxes


def _label_anchors(frame: MapFrame, layer: Layer) -> dict[str, np.ndarray]:
    """Return the projected label point of each region, by adcode."""
    import numpy as np

    gdf = layer.gdf
    points = label_points(gdf.geometry.values)
    lnglat = np.array([[lng, lat] for lat, lng in points], dtype=float).reshape(-1, 2)
    xy = frame.project(lnglat)
    return {adcode: xy[i] for i, adcode in enumerate(gdf["adcode"])}


def _draw_corridors(frame: MapFrame, drawn: Drawn) -> None:
    """Draw the corridor lines dashed."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    lines = shapely.transform(np.asarray(drawn.corridors.geometry.values), frame.project)
    for line in lines:
        frame.ax.add_artist(
            PathPatch(
                geometry_path(line),
                facecolor="none",
                edgecolor=CORRIDOR_COLOR,
                linewidth=drawn.sizes.line(2.0),
                linestyle=CORRIDOR_DASHES,
                zorder=13,
                gid="corridor",
            )
        )


def _corridor_labels(frame: MapFrame, drawn: Drawn) -> list[MapLabel]:
    """Return the corridors' names, anchored at the middle of each line."""
    import numpy as np
    import shapely

    if drawn.corridors is None or drawn.national:  # China's scale leaves no room for them
        return []
    lines = shapely.transform(np.asarray(drawn.corridors.geometry.values), frame.project)
    names = drawn.corridors["name_zh" if drawn.language == "zh" else "name_en"]
    labels = []
    for line, name in zip(lines, names, strict=True):
        mid = shapely.line_interpolate_point(line, 0.5, normalized=True)
        size = drawn.sizes.small_label
        labels.append(MapLabel(mid.x, mid.y, plain(str(name)), CORRIDOR_COLOR, size))
    return labels


def _draw_furniture(
    fig: Figure,
    ax: Axes,
    frame: MapFrame,
    fit: Fit,
    block: LegendBlock,
    drawn: Drawn,
    context: Layer | None,
) -> dict[str, Rect]:
    """Draw the legend, scale bar, north arrow (and inset) in their boxes; return the boxes."""
    sizes, language = drawn.sizes, drawn.language
    tf = mm_transform(fig)
    boxes = dict(fit.boxes)
    if "legend" in boxes:
        block.move_to(ax, boxes["legend"], fig)
    bar = scale_bar(frame.mm_per_metre, language, sizes)
    draw_scale_bar(ax, boxes["scale_bar"], bar, language, sizes, tf)
    box = boxes["north_arrow"]
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    x, y = _to_map(frame, centre)
    draw_north_arrow(ax, box, north_angle(frame.crs, x, y), language, sizes, tf)
    if "inset" in boxes:
        _draw_inset(fig, boxes["inset"], drawn, context)
    return boxes


def _to_map(frame: MapFrame, point: tuple[float, float]) -> tuple[float, float]:
    """Return the map coordinates (metres) of a point on the page (mm)."""
    k = frame.mm_per_metre
    origin = frame.to_mm([[0.0, 0.0]])[0]
    return (point[0] - origin[0]) / k, (point[1] - origin[1]) / k


def _draw_inset(fig: Figure, box: Rect, drawn: Drawn, context: Layer | None) -> None:
    """Add the South China Sea islands inset in its box (page mm)."""
    from geodata.printing.national import draw_south_china_sea

    width, height = fig.get_size_inches() * 25.4
    x0, y0, x1, y1 = box
    ax = fig.add_axes((x0 / width, y0 / height, (x1 - x0) / width, (y1 - y0) / height))
    ax.set_zorder(3)
    land = context if context is not None else drawn.layer
    draw_south_china_sea(ax, land, drawn.language, drawn.sizes.factor)


def _draw_labels(
    fig: Figure, frame: MapFrame, drawn: Drawn, layout: FigureLayout, furniture: dict
) -> PlacedLabels:
    """Place the region and corridor names clear of each other, markers and furniture."""
    if not drawn.visible["labels"]:
        return PlacedLabels()
    taken = list(furniture.values()) + _role_boxes(frame, drawn)
    space = LabelSpace(layout.map_rect, taken, frame.to_mm, drawn.sizes)
    labels = _region_labels(frame, drawn) + _corridor_labels(frame, drawn)
    return place_labels(fig, frame.ax, labels, space)


def _region_labels(frame: MapFrame, drawn: Drawn) -> list[MapLabel]:
    """Return the region names, capitals then the largest first; small regions' may move away."""
    import numpy as np
    import shapely

    gdf = drawn.layer.gdf
    anchors = _label_anchors(frame, drawn.layer)
    names = list(gdf["name_zh" if drawn.language == "zh" else "name_en"])
    on_page = shapely.transform(frame.regions, frame.to_mm)
    areas = shapely.area(on_page)
    size = drawn.sizes.small_label if len(gdf) > CROWDED else drawn.sizes.label
    # a region smaller than about a three-character label; on a crowded map only a tiny one
    small = (size * PT) ** 2 * (3 if len(gdf) > CROWDED else 12)
    labels = []
    capital = np.array([str(code).endswith("0100") for code in gdf["adcode"]])
    for i in np.lexsort((-areas, ~capital)):  # provincial capitals (xx0100) first, then by area
        adcode = gdf["adcode"].iloc[i]
        x, y = anchors[adcode]
        name = plain(label_text(str(names[i] or gdf["name_zh"].iloc[i])))
        movable = bool(areas[i] < small)
        marker = _marker_half(drawn, adcode)
        labels.append(MapLabel(x, y, name, LABEL_COLOR, size, on_page[i], movable, marker))
    return labels


def _marker_half(drawn: Drawn, adcode: str) -> float:
    """Return half the size (mm) of the role marker on a region's anchor (0 for none)."""
    role = drawn.roles.get(adcode)
    if role is None:
        return 0.0
    return drawn.sizes.line(ROLE_MARKERS[role.role][1] + 1.0) * PT / 2


def _draw_title(fig: Figure, layout: FigureLayout, drawn: Drawn, selected: str | None) -> str:
    """Write the title (place, metric, level) and the subtitle (plan, selection); return it."""
    layer, metric, language, sizes = drawn.layer, drawn.metric, drawn.language, drawn.sizes
    level = tr(f"level.{layer.level}", language)
    sep = "：" if language == "zh" else ": "
    province = None if drawn.national else layer.province
    title = f"{place_name(province, language)}{sep}{metric.label(language)} · {level}"
    size = _title_size(title, layout)
    shown = plain(_one_line(title, layout, size, bold=True))
    fig.text(layout.left, layout.top, shown, fontsize=size, fontweight="bold", va="top", ha="left")
    sub = subtitle(province, language)
    if selected and selected in set(layer.gdf["adcode"]):
        name = layer.name_of(selected) or selected
        sub = f"{sub}  ·  {tr('figure.highlight', language, name=name)}".strip(" ·")
    if metric.notes.get(language):  # a province-wide target's share comes first
        sub = f"{metric.notes[language]}  ·  {sub}".strip(" ·")
    top = layout.top - (size * 1.25 * PT + sizes.mm(2.0)) / layout.height_mm
    line = plain(_one_line(sub, layout, sizes.subtitle))
    fig.text(layout.left, top, line, fontsize=sizes.subtitle, color="#444444", va="top")
    return title


def _title_size(title: str, layout: FigureLayout) -> float:
    """Return the largest title size that writes the title on one line (down to the smallest)."""
    sizes = layout.sizes
    size = sizes.title
    while size > sizes.title_min and len(wrap_text(title, layout.text_width(), size, True)) > 1:
        size -= sizes.factor
    return max(size, sizes.title_min)


def _one_line(text: str, layout: FigureLayout, size: float, bold: bool = False) -> str:
    """Return ``text`` cut with "…" to one line across the page's margins."""
    lines = wrap_text(text, layout.text_width() - size, size, bold)
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


def _notes(drawn: Drawn, approval: str, disclaimer: str) -> list[str]:
    """Return the notes under the map.

    The approval number and disclaimer (China only), schematic corridors, inferred roles,
    projection and sources.
    """
    language = drawn.language
    notes = []
    if drawn.national and approval.strip():
        number = approval.strip()
        known = number.startswith(("审图号", "Map approval"))
        notes.append(number if known else tr("figure.approval", language, number=number))
    if drawn.national and disclaimer.strip():
        notes.append(disclaimer.strip())
    if drawn.corridors is not None:
        notes.append(tr("figure.schematic", language))
    if drawn.roles:
        notes.append(roles_note(drawn.roles.values(), language))
    lcc = lcc_parameters(drawn.bounds)
    notes.append(
        tr("figure.projection", language, lon=lcc["lon_0"], lat1=lcc["lat_1"], lat2=lcc["lat_2"])
    )
    notes.append(source_note(drawn.layer, language))
    return notes


def _note_lines(notes: list[str], layout: FigureLayout) -> list[str]:
    """Return the notes wrapped to the width between the page's margins."""
    size = layout.sizes.note
    return [plain(line) for note in notes for line in wrap_text(note, layout.text_width(), size)]


def _draw_notes(fig: Figure, layout: FigureLayout, lines: list[str]) -> None:
    """Write the notes in small type under the map."""
    nx, ny, _, nh = layout.note
    fig.text(
        nx,
        ny + nh,
        "\n".join(lines),
        fontsize=layout.sizes.note,
        color="#444444",
        va="top",
        ha="left",
        linespacing=1.3,
        gid="notes",
    )
