"""Print-quality figures of a region layer: PNG, SVG and PDF for reports and slide decks.

A figure is drawn from the same layer, metric and classification as the web map
(:func:`geodata.plan.metrics.classify_metric`), so its classes, colours and legend equal the
map's. Geometry is drawn in a Lambert conformal conic projection centred on the layer
(:mod:`geodata.printing.geometry`) and simplified to about a tenth of a millimetre on paper.

The page (:mod:`geodata.printing.page`) carries a title, a subtitle (the plan document and its
date), the legend, a scale bar in km, a north arrow (:mod:`geodata.printing.mapframe`), the
city roles or the schematic corridors of the provinces that have them when those layers are on,
and a source note ("Boundaries: ...; WGS-84; targets: ..."). Chinese text uses the shipped
Noto Sans SC (:func:`geodata.fonts.register_matplotlib_font`). Save a figure with
:func:`geodata.printing.output.save_figure`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geodata.drawing import MapOptions, label_points
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
from geodata.printing.captions import place_name, plain, source_note, subtitle
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
    LegendGroup,
    MapLabel,
    draw_legends,
    draw_north_arrow,
    draw_scale_bar,
    place_labels,
)
from geodata.printing.page import FigureLayout, figure_layout, page_inches, wrap_text
from geodata.vocab import LANGUAGES, OVERLAYS

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
ROLE_MARKERS = {"master": ("*", 15), "assistant": ("o", 9), "centre": ("o", 6)}


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
    """

    ax: Axes
    crs: CRS
    project: Projector
    regions: np.ndarray
    window: tuple[float, float, float, float]
    tolerance: float


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
) -> Figure:
    """Draw a print figure of a region layer coloured by a metric.

    Parameters
    ----------
    layer : Layer
        The regions (cities, counties or provinces) in WGS-84.
    targets : iterable of Target
        Bundled and imported targets (for the metrics).
    context : Layer, optional
        China's provinces, drawn in grey around the regions.
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

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot; save it with :func:`geodata.printing.output.save_figure`.
        ``fig.atlas`` holds what was drawn: ``metric``, ``classification``, ``legend``,
        ``skipped_labels``, ``crs``, ``title``.

    Raises
    ------
    InputError
        For an unknown page, orientation or metric, or an empty layer.
    """
    options = options or MapOptions()
    language = options.language if options.language in LANGUAGES else "zh"
    visible = {**OVERLAYS, **options.overlays}
    layout = figure_layout(page, orientation)
    if layer.gdf.empty:
        raise InputError("the layer has no regions to draw: load a boundary file with polygons")
    metric = figure_metric(layer, targets, list(crossings or []), options.metric, observations)
    classification = classify_metric(metric, options.scheme, options.classes, language)
    fig = _new_figure(page, orientation)
    frame = _map_frame(fig, layout, layer)
    if context is not None and visible["context"]:
        _draw_context(frame, context)
    _draw_regions(frame, layer, classification, bool(visible["choropleth"]))
    selected = options.selected if options.selected in set(layer.gdf["adcode"]) else None
    if selected:
        _draw_highlight(frame, layer, selected)
    legend = classification.legend() if visible["choropleth"] else []
    overlays = _draw_overlays(fig, frame, layer, corridors, visible, language)
    width = _legend_width(layout, orientation)
    groups = ([_class_legend(metric, legend, language, width)] if legend else []) + overlays.legends
    draw_scale_bar(frame.ax, language, 7.0)
    draw_north_arrow(frame.ax, frame.crs, language, 8.0)
    title = _draw_title(fig, layout, layer, metric, selected, language)
    _draw_legend_column(fig, layout, groups, stacked=orientation == "landscape")
    _draw_notes(fig, layout, _notes(layer, overlays, language))
    fig.atlas = {  # type: ignore[attr-defined]
        "metric": metric,
        "classification": classification,
        "legend": legend,
        "skipped_labels": overlays.skipped_labels,
        "crs": frame.crs,
        "title": title,
    }
    return fig


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


def _map_frame(fig: Figure, layout: FigureLayout, layer: Layer) -> MapFrame:
    """Add the map axes, fitted to the projected regions with a small margin."""
    import numpy as np
    import shapely

    ax = fig.add_axes(layout.map)
    ax.set_axis_off()
    crs = province_crs(layer.gdf.total_bounds)
    project = projector(crs)
    regions = shapely.transform(np.asarray(layer.gdf.geometry.values), project)
    map_width_mm, map_height_mm = layout.map_mm
    x0, x1, y0, y1 = _window(shapely.total_bounds(regions), map_width_mm, map_height_mm)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    tolerance = (x1 - x0) / map_width_mm * PRINT_TOLERANCE_MM
    regions = simplified(regions, tolerance)
    return MapFrame(ax, crs, project, regions, (x0, x1, y0, y1), tolerance)


def _window(
    bounds: Iterable[float], width_mm: float, height_mm: float
) -> tuple[float, float, float, float]:
    """Return ``(x0, x1, y0, y1)``: the bounds padded by 4% and stretched to the box's shape."""
    minx, miny, maxx, maxy = bounds
    pad = 0.04 * max(maxx - minx, maxy - miny)
    scale = max((maxx - minx + 2 * pad) / width_mm, (maxy - miny + 2 * pad) / height_mm)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    x0, x1 = cx - scale * width_mm / 2, cx + scale * width_mm / 2
    y0, y1 = cy - scale * height_mm / 2, cy + scale * height_mm / 2
    return x0, x1, y0, y1


def _draw_context(frame: MapFrame, context: Layer) -> None:
    """Draw China's provinces in grey, clipped to (generously) what the map shows."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    geo = np.asarray(context.gdf.geometry.values)
    clipped = shapely.clip_by_rect(geo, *_window_in_degrees(frame, margin=1.0))
    keep = ~shapely.is_empty(clipped)
    shown = shapely.simplify(shapely.transform(clipped[keep], frame.project), frame.tolerance)
    frame.ax.add_patch(
        PathPatch(
            geometry_path(shown),
            facecolor="#f0f0f0",
            edgecolor="#b0b0b0",
            linewidth=0.5,
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


def _draw_regions(
    frame: MapFrame, layer: Layer, classification: Classification, choropleth: bool
) -> None:
    """Draw each region in its class colour (white without the choropleth), then the outline."""
    from matplotlib.patches import PathPatch

    for adcode, geom in zip(layer.gdf["adcode"], frame.regions, strict=True):
        color = classification.color_of.get(adcode) if choropleth else None
        frame.ax.add_patch(
            PathPatch(
                geometry_path(geom),
                facecolor=color or "white",
                edgecolor="white" if choropleth else "#666666",
                linewidth=0.7,
                zorder=5,
                gid=f"region-{adcode}",
            )
        )
    frame.ax.add_patch(
        PathPatch(
            geometry_path(outline(frame.regions)),
            facecolor="none",
            edgecolor="#444444",
            linewidth=1.1,
            zorder=6,
        )
    )


def _draw_highlight(frame: MapFrame, layer: Layer, adcode: str) -> None:
    """Outline the selected region in red over a dark halo."""
    from matplotlib import patheffects
    from matplotlib.patches import PathPatch

    index = list(layer.gdf["adcode"]).index(adcode)
    frame.ax.add_patch(
        PathPatch(
            geometry_path(frame.regions[index]),
            facecolor="none",
            edgecolor=HIGHLIGHT_COLOR,
            linewidth=2.2,
            zorder=12,
            gid="highlight",
            path_effects=[
                patheffects.Stroke(linewidth=4.2, foreground="#111111"),
                patheffects.Normal(),
            ],
        )
    )


def _legend_width(layout: FigureLayout, orientation: str) -> float:
    """Return the width (points) a legend's title and notes wrap to: the column, or a third."""
    width = layout.legend[2] * layout.width_mm / 25.4 * 72
    return width if orientation == "landscape" else width / 3


def _class_legend(metric: Metric, legend: list[dict], language: str, width: float) -> LegendGroup:
    """Return the legend of the choropleth classes, titled with the metric and its unit.

    The title wraps to ``width`` points. A metric of achieved figures ends its legend with
    their date (``data as of 2023-11-30``) and, for a province-wide target no region has a
    figure of, says that none is coloured.
    """
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=entry["color"], edgecolor="#777777", lw=0.5) for entry in legend]
    labels = [entry["label"] for entry in legend]
    extra = [data_dates(metric.dates.values(), language)]
    if metric.notes and all(v is None for v in metric.values.values()):
        extra.append(tr("progress.wide_only", language))
    for text in filter(None, extra):
        handles.append(Patch(facecolor="none", edgecolor="none"))
        labels.append("\n".join(wrap_text(text, width - 24, 8)))
    unit = f" ({metric.unit})" if metric.unit and metric.unit not in metric.label_en else ""
    title = "\n".join(wrap_text(metric.label(language) + unit, width, 9, bold=True))
    return (plain(title), handles, [plain(label) for label in labels])


@dataclass
class Overlays:
    """What was drawn over the regions: roles, corridors and labels.

    Attributes
    ----------
    roles, corridors : bool
        Whether city roles and corridors are on the map.
    legends : list of LegendGroup
        Their legends, roles first.
    skipped_labels : list of str
        Labels left out because they would have overlapped others.
    """

    roles: bool
    corridors: bool
    legends: list[LegendGroup]
    skipped_labels: list[str]


def _draw_overlays(
    fig: Figure,
    frame: MapFrame,
    layer: Layer,
    corridors: gpd.GeoDataFrame | None,
    visible: dict[str, bool],
    language: str,
) -> Overlays:
    """Draw the city roles, the corridors and the labels that are switched on and exist."""
    from geodata.plan.roles import load_roles

    roles = load_roles()
    anchors = _label_anchors(frame, layer)
    drawn = Overlays(roles=False, corridors=False, legends=[], skipped_labels=[])
    if visible["roles"] and any(code in roles for code in layer.gdf["adcode"]):
        drawn.roles = True
        drawn.legends.append(_draw_roles(frame, anchors, roles, language))
    corridor_labels: list[MapLabel] = []
    if visible["corridors"] and corridors is not None and len(corridors) > 0:
        drawn.corridors = True
        corridor_labels, corridor_legend = _draw_corridors(frame, corridors, language)
        drawn.legends.append(corridor_legend)
    if visible["labels"]:
        marked = roles if drawn.roles else {}
        labels = _region_labels(frame, layer, anchors, marked, language) + corridor_labels
        drawn.skipped_labels = place_labels(fig, frame.ax, labels)
    return drawn


def _label_anchors(frame: MapFrame, layer: Layer) -> dict[str, np.ndarray]:
    """Return the projected label point of each region, by adcode."""
    import numpy as np

    gdf = layer.gdf
    anchors = {}
    for adcode, (lat, lng) in zip(gdf["adcode"], label_points(gdf.geometry.values), strict=True):
        anchors[adcode] = frame.project(np.array([[lng, lat]]))[0]
    return anchors


def _draw_roles(
    frame: MapFrame, anchors: dict[str, np.ndarray], roles: dict[str, CityRole], language: str
) -> LegendGroup:
    """Mark each city with a role at its label point; return the roles' legend."""
    role_colors = {cat: color for cat, _, _, color in ROLE_CATEGORIES}
    for adcode, (x, y) in anchors.items():
        role = roles.get(adcode)
        if role is None:
            continue
        marker, size = ROLE_MARKERS[role.role]
        frame.ax.plot(
            [x],
            [y],
            marker=marker,
            markersize=size,
            markerfacecolor=role_colors[role.role],
            markeredgecolor="#222222",
            markeredgewidth=0.7,
            linestyle="none",
            zorder=14,
            gid=f"role-{adcode}",
        )
    return _roles_legend(language)


def _roles_legend(language: str) -> LegendGroup:
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
                markersize=size,
                markerfacecolor=color,
                markeredgecolor="#222222",
                linestyle="none",
            )
        )
        labels.append(zh if language == "zh" else en)
    return (tr("figure.roles", language), handles, labels)


def _draw_corridors(
    frame: MapFrame, corridors: gpd.GeoDataFrame, language: str
) -> tuple[list[MapLabel], LegendGroup]:
    """Draw the corridor lines dashed; return their name labels and their legend."""
    import numpy as np
    import shapely
    from matplotlib.lines import Line2D
    from matplotlib.patches import PathPatch

    lines = shapely.transform(np.asarray(corridors.geometry.values), frame.project)
    names = corridors["name_zh" if language == "zh" else "name_en"]
    labels = []
    for line, name in zip(lines, names, strict=True):
        frame.ax.add_patch(
            PathPatch(
                geometry_path(line),
                facecolor="none",
                edgecolor=CORRIDOR_COLOR,
                linewidth=2.0,
                linestyle=CORRIDOR_DASHES,
                zorder=13,
                gid="corridor",
            )
        )
        mid = shapely.line_interpolate_point(line, 0.5, normalized=True)
        labels.append(MapLabel(mid.x, mid.y, str(name), 6.0, CORRIDOR_COLOR, 6.5))
    key = Line2D([], [], color=CORRIDOR_COLOR, linewidth=2.0, linestyle=CORRIDOR_DASHES)
    return labels, (tr("figure.corridors", language), [key], [tr("figure.corridor", language)])


def _region_labels(
    frame: MapFrame,
    layer: Layer,
    anchors: dict[str, np.ndarray],
    marked: dict[str, Any],
    language: str,
) -> list[MapLabel]:
    """Return the region names, largest region first; a name hangs below a role marker."""
    import numpy as np
    import shapely

    gdf = layer.gdf
    names = list(gdf["name_zh" if language == "zh" else "name_en"])
    labels = []
    for i in np.argsort(-shapely.area(frame.regions)):
        adcode = gdf["adcode"].iloc[i]
        x, y = anchors[adcode]
        offset = -5.0 if adcode in marked else 0.0
        name = str(names[i] or gdf["name_zh"].iloc[i])
        labels.append(MapLabel(x, y, name, offset, LABEL_COLOR, 7.5))
    return labels


def _draw_title(
    fig: Figure,
    layout: FigureLayout,
    layer: Layer,
    metric: Metric,
    selected: str | None,
    language: str,
) -> str:
    """Write the title (place, metric, level) and the subtitle (plan, selection); return it."""
    level = tr(f"level.{layer.level}", language)
    sep = "：" if language == "zh" else ": "
    title = f"{place_name(layer.province, language)}{sep}{metric.label(language)} · {level}"
    size = _title_size(title, _text_width(layout))
    shown = plain(_one_line(title, layout, size, bold=True))
    fig.text(layout.left, layout.top, shown, fontsize=size, fontweight="bold", va="top", ha="left")
    sub = subtitle(layer.province, language)
    if selected:
        name = layer.name_of(selected) or selected
        sub = f"{sub}  ·  {tr('figure.highlight', language, name=name)}".strip(" ·")
    if metric.notes.get(language):  # a province-wide target's share comes first
        sub = f"{metric.notes[language]}  ·  {sub}".strip(" ·")
    top = layout.top - 9.5 / layout.height_mm
    fig.text(layout.left, top, plain(_one_line(sub, layout)), fontsize=9, color="#444444", va="top")
    return title


def _text_width(layout: FigureLayout) -> float:
    """Return the width of the page between its margins, in points."""
    return (1 - 2 * layout.left) * layout.width_mm / 25.4 * 72


def _title_size(title: str, width: float) -> float:
    """Return the largest title size from 16 pt down to 11 pt that writes it on one line."""
    for size in (16.0, 15.0, 14.0, 13.0, 12.0, 11.0):
        if len(wrap_text(title, width, size, True)) <= 1:
            return size
    return 11.0


def _one_line(text: str, layout: FigureLayout, size: float = 9, bold: bool = False) -> str:
    """Return ``text`` cut with "…" to one line across the page's margins."""
    lines = wrap_text(text, _text_width(layout) - size, size, bold)
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


def _draw_legend_column(
    fig: Figure, layout: FigureLayout, groups: list[LegendGroup], stacked: bool
) -> None:
    """Add the legend axes of the page and draw the legends in it."""
    ax = fig.add_axes(layout.legend)
    ax.set_axis_off()
    draw_legends(fig, ax, groups, stacked=stacked)


def _notes(layer: Layer, overlays: Overlays, language: str) -> list[str]:
    """Return the notes under the map: schematic corridors, inferred roles, projection, sources."""
    notes = []
    if overlays.corridors:
        notes.append(tr("figure.schematic", language))
    if overlays.roles:
        notes.append(tr("figure.roles_note", language))
    lcc = lcc_parameters(layer.gdf.total_bounds)
    notes.append(
        tr("figure.projection", language, lon=lcc["lon_0"], lat1=lcc["lat_1"], lat2=lcc["lat_2"])
    )
    notes.append(source_note(layer, language))
    return notes


def _draw_notes(fig: Figure, layout: FigureLayout, notes: list[str]) -> None:
    """Write the notes in small type, wrapped to the width of the page's note box."""
    nx, ny, nw, nh = layout.note
    width_pt = nw * layout.width_mm / 25.4 * 72
    lines = [line for note in notes for line in wrap_text(note, width_pt, 6.5)]
    fig.text(
        nx,
        ny + nh,
        "\n".join(lines),
        fontsize=6.5,
        color="#444444",
        va="top",
        ha="left",
        linespacing=1.3,
    )
