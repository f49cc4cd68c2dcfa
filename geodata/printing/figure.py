"""Print-quality figures of a region layer: PNG, SVG and PDF for reports and slide decks.

A figure is drawn with matplotlib's non-interactive backends only (Agg for PNG, the PDF and SVG
backends by file suffix; never pyplot), from the same layer, metric and classification as the
web map (:func:`geodata.plan.metrics.classify_metric`), so its classes, colours and legend equal the
map's. Geometry is drawn in a Lambert conformal conic projection centred on the layer (not
plate carrée) and simplified to about a tenth of a millimetre on paper.

The page carries a title, a subtitle (the plan document and its date), the legend, a scale bar
in km, a north arrow, Shanxi's city roles or Zhejiang's schematic corridors when those layers are
on, and a source note ("Boundaries: ...; WGS-84; targets: ..."). Chinese text uses the shipped
Noto Sans SC (:func:`geodata.fonts.register_matplotlib_font`).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from contextlib import ExitStack
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.drawing import MapOptions, label_points
from geodata.errors import InputError
from geodata.i18n import tr
from geodata.layer import Layer
from geodata.paths import atomic_path
from geodata.plan.corridors import Crossing
from geodata.plan.metrics import ROLE_CATEGORIES, Metric, available_metrics, classify_metric
from geodata.plan.targets import Target
from geodata.vocab import ORIENTATIONS, PAGES_MM

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure
    from pyproj import CRS

    from geodata.atlas import AtlasData

#: Paper sizes in millimetres, (long side, short side).
FORMATS = (".png", ".svg", ".pdf")
DEFAULT_DPI = 300
DPI_RANGE = (50, 1200)
MM = 1 / 25.4
#: Simplification tolerance of the drawn geometry, in millimetres on paper.
PRINT_TOLERANCE_MM = 0.1
CORRIDOR_COLOR = "#d7301f"
HIGHLIGHT_COLOR = "#e31a1c"
LABEL_COLOR = "#222222"
ROLE_MARKERS = {"master": ("*", 15), "assistant": ("o", 9), "centre": ("o", 6)}


# --------------------------------------------------------------------------- page and text


def page_inches(page: str, orientation: str, dpi: float | None = None) -> tuple[float, float]:
    """Return the figure size in inches of a paper page.

    Parameters
    ----------
    page : {"A4", "A3"}
    orientation : {"landscape", "portrait"}
    dpi : float, optional
        For raster output: the size is snapped so that ``size * dpi`` is a whole number of pixels
        (the nearest one), e.g. A4 landscape at 300 dpi gives exactly 3508 x 2480 pixels.

    Returns
    -------
    tuple of float
        ``(width, height)`` in inches.

    Raises
    ------
    InputError
        For an unknown page or orientation.
    """
    if page not in PAGES_MM:
        raise InputError(f"unknown page {page!r}: use one of {', '.join(PAGES_MM)}")
    if orientation not in ORIENTATIONS:
        raise InputError(
            f"unknown orientation {orientation!r}: use one of {', '.join(ORIENTATIONS)}"
        )
    long, short = PAGES_MM[page]
    w, h = (long, short) if orientation == "landscape" else (short, long)
    if dpi is None:
        return w * MM, h * MM
    return round(w * MM * dpi) / dpi, round(h * MM * dpi) / dpi


def check_dpi(dpi: object) -> int:
    """Return ``dpi`` as an int, or raise :class:`InputError` when it is out of range."""
    try:
        value = int(dpi)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        value = -1
    low, high = DPI_RANGE
    if not low <= value <= high or str(dpi).strip() not in (str(value), f"{value}.0"):
        raise InputError(f"--dpi {dpi!r} is not usable: give a whole number from {low} to {high}")
    return value


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@cache
def _char_width(char: str, bold: bool) -> float:
    """Advance width of a character at 1 pt, in points (shipped font, DejaVu as fallback)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_PATH, font_covers

    path = CJK_FONT_BOLD_PATH if bold else CJK_FONT_PATH
    if font_covers(char, path):
        path = Path(font_manager.findfont("DejaVu Sans"))
    font = FT2Font(str(path))
    font.set_size(100, 72)
    font.set_text(char, 0.0)
    return font.get_width_height()[0] / 64 / 100


def text_width(value: str, size: float, bold: bool = False) -> float:
    """Return the width of a one-line text in points at font size ``size`` (no kerning)."""
    return sum(_char_width(c, bold) for c in value if c != "\n") * size


def wrap_text(value: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Wrap text to lines no wider than ``width`` points.

    Latin text breaks at spaces (a word longer than a line is cut); Chinese text breaks between
    any two characters, except before closing punctuation.

    Parameters
    ----------
    value : str
    width : float
        Line width in points.
    size : float
        Font size in points.
    bold : bool

    Returns
    -------
    list of str
    """
    lines: list[str] = []
    for paragraph in value.split("\n"):
        tokens: list[str] = []
        word = ""
        for char in paragraph:
            if char == " ":
                if word:
                    tokens.append(word)
                    word = ""
                tokens.append(" ")
            elif _is_cjk(char):
                if word:
                    tokens.append(word)
                    word = ""
                if tokens and char in "，。、；：）》」』”！？…" and tokens[-1] != " ":
                    tokens[-1] += char  # keep closing punctuation with its character
                else:
                    tokens.append(char)
            else:
                word += char
        if word:
            tokens.append(word)
        line, line_w = "", 0.0
        for token in tokens:
            token_w = text_width(token, size, bold)
            if line_w + token_w <= width or not line.strip():
                if token == " " and not line:
                    continue
                if token_w > width and not line.strip():
                    for char in token:  # a word longer than the line: cut it
                        char_w = text_width(char, size, bold)
                        if line_w + char_w > width and line:
                            lines.append(line)
                            line, line_w = "", 0.0
                        line += char
                        line_w += char_w
                    continue
                line += token
                line_w += token_w
            else:
                lines.append(line.rstrip())
                line, line_w = ("", 0.0) if token == " " else (token, token_w)
        lines.append(line.rstrip())
    return lines


# --------------------------------------------------------------------------- geometry


def lcc_parameters(bounds: Iterable[float]) -> dict[str, float]:
    """Return Lambert conformal conic parameters fitted to WGS-84 bounds.

    Standard parallels at one sixth and five sixths of the latitude range, central meridian
    and origin at the centre: the scale error stays well under 1% across a province.

    Returns
    -------
    dict
        ``lat_1``, ``lat_2``, ``lat_0`` and ``lon_0`` in degrees, rounded to 0.01.
    """
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    lat1 = miny + (maxy - miny) / 6
    lat2 = maxy - (maxy - miny) / 6
    if abs(lat2 - lat1) < 0.1:
        lat1, lat2 = lat1 - 0.5, lat2 + 0.5
    return {
        "lat_1": round(lat1, 2),
        "lat_2": round(lat2, 2),
        "lat_0": round((miny + maxy) / 2, 2),
        "lon_0": round((minx + maxx) / 2, 2),
    }


def province_crs(bounds: Iterable[float]) -> CRS:
    """Return the Lambert conformal conic projection of :func:`lcc_parameters`."""
    from pyproj import CRS

    p = lcc_parameters(bounds)
    return CRS.from_proj4(
        f"+proj=lcc +lat_1={p['lat_1']} +lat_2={p['lat_2']} +lat_0={p['lat_0']} "
        f"+lon_0={p['lon_0']} +datum=WGS84 +units=m +no_defs"
    )


def _projector(crs: CRS) -> Any:
    import numpy as np
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def project(xy: Any) -> Any:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return project


def _path(geoms: Any) -> Any:
    """Return one matplotlib compound Path of polygons and lines (a geometry or an array)."""
    import numpy as np
    import shapely
    from matplotlib.path import Path as MplPath

    parts = shapely.get_parts(shapely.get_parts(np.atleast_1d(np.asarray(geoms, dtype=object))))
    kinds = shapely.get_type_id(parts)
    pieces = []
    for rings, closed in ((shapely.get_rings(parts[kinds == 3]), True), (parts[kinds == 1], False)):
        if len(rings) == 0:
            continue
        xy, index = shapely.get_coordinates(rings, return_index=True)
        if len(xy) == 0:
            continue
        codes = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
        starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
        codes[starts] = MplPath.MOVETO
        if closed:
            codes[np.r_[starts[1:] - 1, len(xy) - 1]] = MplPath.CLOSEPOLY
        pieces.append((xy, codes))
    if not pieces:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces]))


# --------------------------------------------------------------------------- the figure


def _layout(page: str, orientation: str) -> dict[str, tuple[float, float, float, float]]:
    """Return the boxes of the page (figure fractions ``left, bottom, width, height``)."""
    w_in, h_in = page_inches(page, orientation)
    w, h = w_in / MM, h_in / MM
    margin = 10.0 if page == "A4" else 14.0
    header = 24.0 if page == "A4" else 30.0
    footer = 16.0 if page == "A4" else 20.0
    if orientation == "landscape":
        side = 70.0 if page == "A4" else 95.0
        map_box = (margin, footer, w - 2 * margin - side - 5, h - header - footer - 2)
        legend_box = (w - margin - side, footer, side, h - header - footer - 2)
    else:
        legend_h = 42.0 if page == "A4" else 58.0
        map_box = (margin, footer + legend_h, w - 2 * margin, h - header - footer - legend_h - 2)
        legend_box = (margin, footer, w - 2 * margin, legend_h - 3)
    note_box = (margin, 3.0, w - 2 * margin, footer - 5)

    def frac(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x, y, bw, bh = box
        return (x / w, y / h, bw / w, bh / h)

    return {
        "map": frac(map_box),
        "legend": frac(legend_box),
        "note": frac(note_box),
        "margin": (margin / w, margin / h, (h - margin) / h, header / h),
        "mm": (w, h, 0, 0),
    }


def place_name(adcode: str | None, language: str) -> str:
    """Return the name of a province or region for titles (``"China"`` for None)."""
    from geodata.regions.catalogue import PROVINCE_EN, region

    if not adcode:
        return tr("figure.china", language)
    known = region(adcode)
    if language == "zh":
        return known.name_zh if known else adcode
    return PROVINCE_EN.get(adcode) or (known.name_en if known else adcode)


def plan_documents(province: str | None) -> list[Any]:
    """Return the plan documents of a province (all of them for None), dated ones first."""
    from geodata.plan.documents import load_documents

    docs = [d for d in load_documents().values() if province in (None, d.province)]
    return sorted(docs, key=lambda d: (not d.date, d.date, d.file))


def subtitle(province: str | None, language: str) -> str:
    """Return the subtitle of a figure: the province's plan document and its date."""
    docs = plan_documents(province)
    if not docs:
        return ""
    first = docs[0]
    date = first.date or tr("figure.undated", language)
    sep = "：" if language == "zh" else ": "
    line = f"{tr('figure.plan', language)}{sep}{first.title} ({date})"
    if len(docs) > 1:
        line += ("，" if language == "zh" else ", ") + tr("figure.more", language, n=len(docs) - 1)
    return line


def source_note(layer: Layer, language: str) -> str:
    """Return the source and datum note: ``Boundaries: <source>; WGS-84; targets: <documents>``."""
    docs = plan_documents(layer.province)
    titles = "; ".join(f"{d.title} ({d.publisher}, {d.date or 'undated'})" for d in docs)
    if language == "zh":
        return f"边界：{layer.source}；WGS-84；目标：{titles}"
    return f"Boundaries: {layer.source}; WGS-84; targets: {titles}"


def figure_metric(
    layer: Layer, targets: Iterable[Target], crossings: Iterable[Crossing], metric: str
) -> Metric:
    """Return the metric ``metric`` of a layer.

    Raises
    ------
    InputError
        When the layer has no such metric (the message lists the ones it has).
    """
    metrics = available_metrics(layer, targets, crossings)
    for m in metrics:
        if m.id == metric:
            return m
    raise InputError(
        f"unknown metric {metric!r} for this layer: use one of {', '.join(m.id for m in metrics)}"
    )


def _nice_length(max_km: float) -> float:
    for step in (500, 300, 200, 100, 50, 40, 25, 20, 10, 5, 2, 1):
        if step <= max_km:
            return float(step)
    return max(max_km, 0.1)


def _draw_scale_bar(ax: Any, language: str, fontsize: float) -> None:
    from matplotlib.patches import Rectangle

    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    width, height = x1 - x0, y1 - y0
    km = _nice_length(width * 0.25 / 1000)
    left = x0 + width * 0.04
    bottom = y0 + height * 0.045
    bar_h = height * 0.012
    segments = 4
    seg = km * 1000 / segments
    ax.add_patch(  # a light backing keeps the bar readable over the regions
        Rectangle(
            (left - width * 0.015, bottom - height * 0.015),
            km * 1000 + width * 0.06,
            bar_h + height * 0.055,
            facecolor="white",
            edgecolor="none",
            alpha=0.75,
            zorder=19,
        )
    )
    for i in range(segments):
        ax.add_patch(
            Rectangle(
                (left + i * seg, bottom),
                seg,
                bar_h,
                facecolor="#333333" if i % 2 == 0 else "white",
                edgecolor="#333333",
                linewidth=0.6,
                zorder=20,
            )
        )
    labels = [(0, "0"), (km / 2, f"{km / 2:g}"), (km, f"{km:g} {tr('figure.km', language)}")]
    for at, label in labels:
        ax.text(
            left + at * 1000,
            bottom + bar_h * 1.6,
            label,
            ha="center",
            va="bottom",
            fontsize=fontsize,
            zorder=20,
        )


def _draw_north_arrow(ax: Any, crs: CRS, language: str, fontsize: float) -> None:
    from pyproj import Transformer

    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    width, height = x1 - x0, y1 - y0
    base = (x1 - width * 0.05, y1 - height * 0.16)
    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    lon, lat = to_geo.transform(*base)
    nx, ny = to_map.transform(lon, lat + 0.05)
    dx, dy = nx - base[0], ny - base[1]
    norm = math.hypot(dx, dy) or 1.0
    length = height * 0.09
    tip = (base[0] + dx / norm * length, base[1] + dy / norm * length)
    ax.annotate(
        "",
        xy=tip,
        xytext=base,
        arrowprops={"arrowstyle": "-|>,head_width=0.5,head_length=1.0", "lw": 1.6, "color": "k"},
        zorder=20,
    )
    ax.text(
        tip[0],
        tip[1] + height * 0.01,
        tr("figure.north", language),
        ha="center",
        va="bottom",
        fontsize=fontsize * 1.3,
        fontweight="bold",
        zorder=20,
    )


def _place_labels(
    fig: Any, ax: Any, items: list[tuple[float, float, str, float, str]]
) -> list[str]:
    """Draw labels largest region first; move or skip those that would overlap.

    Returns the labels that were left out.
    """
    from matplotlib.transforms import offset_copy

    renderer = fig.canvas.get_renderer()
    placed: list[Any] = []
    skipped: list[str] = []
    for x, y, label, dy_pt, color in items:
        drawn = False
        for shift in (0.0, -9.0, 9.0):
            transform = offset_copy(ax.transData, fig=fig, y=dy_pt + shift, units="points")
            artist = ax.text(
                x,
                y,
                label,
                transform=transform,
                ha="center",
                va="top" if dy_pt < 0 else "center",
                fontsize=7.5 if color == LABEL_COLOR else 6.5,
                color=color,
                zorder=15,
                bbox=None,
                path_effects=_halo(),
            )
            box = artist.get_window_extent(renderer).expanded(1.08, 1.15)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                drawn = True
                break
            artist.remove()
        if not drawn:
            skipped.append(label)
    return skipped


def _draw_legends(
    fig: Any, ax: Any, groups: list[tuple[str, list[Any], list[str]]], stacked: bool
) -> None:
    """Draw one legend per group: stacked top-down (landscape) or side by side (portrait)."""
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    x, y = 0.0, 1.0
    for title, handles, labels in groups:
        legend = ax.legend(
            handles,
            labels,
            title=title,
            loc="upper left",
            bbox_to_anchor=(x, y),
            frameon=False,
            fontsize=8,
            title_fontsize=9,
            alignment="left",
            handlelength=1.6,
            borderaxespad=0,
        )
        legend.get_title().set_fontweight("bold")
        ax.add_artist(legend)
        extent = legend.get_window_extent(renderer)
        if stacked:
            y -= extent.height / box.height + 0.04
        else:
            x += extent.width / box.width + 0.06


def _halo() -> list[Any]:
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=2.2, foreground="white")]


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
        Corridor lines (Zhejiang's smart expressways), drawn when ``options.layers["corridors"]``.
    crossings : list of Crossing, optional
        Corridor crossings of ``layer`` (for the corridor-length metric).
    options : MapOptions, optional
        Language, metric, scheme, classes and layer visibility, as for the web map;
        ``options.selected`` is outlined in red.
    page : {"A4", "A3"}
    orientation : {"landscape", "portrait"}

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot; save it with :func:`save_figure`. ``fig.atlas`` holds what was
        drawn: ``metric``, ``classification``, ``legend``, ``skipped_labels``, ``crs``.

    Raises
    ------
    InputError
        For an unknown page, orientation or metric, or an empty layer.
    """
    import numpy as np
    import shapely
    from matplotlib import patheffects
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, PathPatch

    from geodata.fonts import register_matplotlib_font
    from geodata.plan.roles import load_roles

    options = options or MapOptions()
    language = options.language if options.language in ("zh", "en") else "zh"
    visible = {**{"choropleth": True, "roles": True, "corridors": True}, **options.layers}
    boxes = _layout(page, orientation)
    gdf = layer.gdf
    if gdf.empty:
        raise InputError("the layer has no regions to draw: load a boundary file with polygons")
    crossings = list(crossings or [])
    metric = figure_metric(layer, targets, crossings, options.metric)
    classification = classify_metric(metric, options.scheme, options.classes, language)
    register_matplotlib_font()

    fig = Figure(figsize=page_inches(page, orientation), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(boxes["map"])
    ax.set_axis_off()

    crs = province_crs(gdf.total_bounds)
    project = _projector(crs)
    regions = shapely.transform(np.asarray(gdf.geometry.values), project)
    minx, miny, maxx, maxy = shapely.total_bounds(regions)
    pad = 0.04 * max(maxx - minx, maxy - miny)
    map_width_mm = boxes["map"][2] * boxes["mm"][0]
    map_height_mm = boxes["map"][3] * boxes["mm"][1]
    scale = max((maxx - minx + 2 * pad) / map_width_mm, (maxy - miny + 2 * pad) / map_height_mm)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    x0, x1 = cx - scale * map_width_mm / 2, cx + scale * map_width_mm / 2
    y0, y1 = cy - scale * map_height_mm / 2, cy + scale * map_height_mm / 2
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    tolerance = (x1 - x0) / map_width_mm * PRINT_TOLERANCE_MM
    regions = shapely.coverage_simplify(regions, tolerance)

    if context is not None and visible.get("context", True):
        geo = np.asarray(context.gdf.geometry.values)
        # the drawn window back in degrees (generously) to clip the national layer
        from pyproj import Transformer

        back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        xs = np.linspace(x0, x1, 9)
        ys = np.linspace(y0, y1, 9)
        gx, gy = np.meshgrid(xs, ys)
        lon, lat = back.transform(gx.ravel(), gy.ravel())
        clip = (lon.min() - 1, lat.min() - 1, lon.max() + 1, lat.max() + 1)
        clipped = shapely.clip_by_rect(geo, *clip)
        keep = ~shapely.is_empty(clipped)
        shown = shapely.simplify(shapely.transform(clipped[keep], project), tolerance)
        ax.add_patch(
            PathPatch(
                _path(shown),
                facecolor="#f0f0f0",
                edgecolor="#b0b0b0",
                linewidth=0.5,
                zorder=1,
                gid="context",
            )
        )

    for adcode, geom in zip(gdf["adcode"], regions, strict=True):
        color = classification.color_of.get(adcode) if visible.get("choropleth") else None
        ax.add_patch(
            PathPatch(
                _path(geom),
                facecolor=color or "white",
                edgecolor="white" if visible.get("choropleth") else "#666666",
                linewidth=0.7,
                zorder=5,
                gid=f"region-{adcode}",
            )
        )
    outline = shapely.coverage_union_all(regions)
    ax.add_patch(
        PathPatch(_path(outline), facecolor="none", edgecolor="#444444", linewidth=1.1, zorder=6)
    )
    if options.selected and options.selected in set(gdf["adcode"]):
        index = list(gdf["adcode"]).index(options.selected)
        ax.add_patch(
            PathPatch(
                _path(regions[index]),
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

    # legend groups: (title, handles, labels); the classes first, then roles and corridors
    groups: list[tuple[str, list[Any], list[str]]] = []
    legend_handles: list[Any] = []
    legend_labels: list[str] = []
    legend = classification.legend() if visible.get("choropleth") else []
    for entry in legend:
        legend_handles.append(Patch(facecolor=entry["color"], edgecolor="#777777", lw=0.5))
        legend_labels.append(entry["label"])
    if legend:
        unit = f" ({metric.unit})" if metric.unit and metric.unit not in metric.label_en else ""
        groups.append((metric.label(language) + unit, legend_handles, legend_labels))

    roles = load_roles()
    show_roles = bool(visible.get("roles")) and any(code in roles for code in gdf["adcode"])
    points = {}
    for adcode, (lat, lng) in zip(gdf["adcode"], label_points(gdf.geometry.values), strict=True):
        points[adcode] = project(np.array([[lng, lat]]))[0]
    if show_roles:
        role_colors = {cat: color for cat, _, _, color in ROLE_CATEGORIES}
        for adcode, (x, y) in points.items():
            role = roles.get(adcode)
            if role is None:
                continue
            marker, size = ROLE_MARKERS[role.role]
            ax.plot(
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
        role_handles, role_labels = [], []
        for cat, zh, en, color in ROLE_CATEGORIES:
            marker, size = ROLE_MARKERS[cat]
            role_handles.append(
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
            role_labels.append(zh if language == "zh" else en)
        groups.append((tr("figure.roles", language), role_handles, role_labels))

    corridor_items: list[tuple[float, float, str, float, str]] = []
    show_corridors = bool(visible.get("corridors")) and corridors is not None and len(corridors) > 0
    if show_corridors:
        lines = shapely.transform(np.asarray(corridors.geometry.values), project)
        names = corridors["name_zh" if language == "zh" else "name_en"]
        for line, name in zip(lines, names, strict=True):
            ax.add_patch(
                PathPatch(
                    _path(line),
                    facecolor="none",
                    edgecolor=CORRIDOR_COLOR,
                    linewidth=2.0,
                    linestyle=(0, (4, 2)),
                    zorder=13,
                    gid="corridor",
                )
            )
            mid = shapely.line_interpolate_point(line, 0.5, normalized=True)
            corridor_items.append((mid.x, mid.y, str(name), 6.0, CORRIDOR_COLOR))
        line = Line2D([], [], color=CORRIDOR_COLOR, linewidth=2.0, linestyle=(0, (4, 2)))
        groups.append((tr("figure.corridors", language), [line], [tr("figure.corridor", language)]))

    skipped: list[str] = []
    if visible.get("labels", True):
        areas = shapely.area(regions)
        order = np.argsort(-areas)
        label_items = []
        names = list(gdf["name_zh" if language == "zh" else "name_en"])
        for i in order:
            adcode = gdf["adcode"].iloc[i]
            x, y = points[adcode]
            offset = -5.0 if show_roles and adcode in roles else 0.0
            label_items.append((x, y, str(names[i] or gdf["name_zh"].iloc[i]), offset, LABEL_COLOR))
        skipped = _place_labels(fig, ax, label_items + corridor_items)

    _draw_scale_bar(ax, language, 7.0)
    _draw_north_arrow(ax, crs, language, 8.0)

    # title, subtitle
    left, _, top, _ = boxes["margin"]
    level = tr(f"level.{layer.level}", language)
    sep = "：" if language == "zh" else ": "
    title = f"{place_name(layer.province, language)}{sep}{metric.label(language)} · {level}"
    fig.text(left, top, title, fontsize=16, fontweight="bold", va="top", ha="left")
    sub = subtitle(layer.province, language)
    if options.selected and options.selected in set(gdf["adcode"]):
        name = layer.name_of(options.selected) or options.selected
        sub = f"{sub}  ·  {tr('figure.highlight', language, name=name)}".strip(" ·")
    fig.text(left, top - 9.5 / boxes["mm"][1], sub, fontsize=9, color="#444444", va="top")

    # legend column
    leg_ax = fig.add_axes(boxes["legend"])
    leg_ax.set_axis_off()
    _draw_legends(fig, leg_ax, groups, stacked=orientation == "landscape")

    notes = []
    if show_corridors:
        notes.append(tr("figure.schematic", language))
    if show_roles:
        notes.append(tr("figure.roles_note", language))
    lcc = lcc_parameters(gdf.total_bounds)
    notes.append(
        tr("figure.projection", language, lon=lcc["lon_0"], lat1=lcc["lat_1"], lat2=lcc["lat_2"])
    )
    notes.append(source_note(layer, language))
    nx, ny, nw, nh = boxes["note"]
    note_lines: list[str] = []
    width_pt = nw * boxes["mm"][0] / 25.4 * 72
    for note in notes:
        note_lines.extend(wrap_text(note, width_pt, 6.5))
    fig.text(
        nx,
        ny + nh,
        "\n".join(note_lines),
        fontsize=6.5,
        color="#444444",
        va="top",
        ha="left",
        linespacing=1.3,
    )

    fig.atlas = {  # type: ignore[attr-defined]
        "metric": metric,
        "classification": classification,
        "legend": legend,
        "skipped_labels": skipped,
        "crs": crs,
        "title": title,
    }
    return fig


def figure_for(
    data: AtlasData,
    province: str,
    level: str = "city",
    options: MapOptions | None = None,
    page: str = "A4",
    orientation: str = "landscape",
) -> Figure:
    """Return :func:`build_figure` of the layer an :class:`~geodata.atlas.AtlasData` shows.

    Parameters
    ----------
    data : AtlasData
    province : str
        ``"140000"``, ``"330000"`` or ``"both"``.
    level : {"city", "county"}
    options, page, orientation
        As for :func:`build_figure`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    return build_figure(
        **data.drawing(province, level), options=options, page=page, orientation=orientation
    )


def check_output(path: str | Path, force: bool = False) -> Path:
    """Return ``path`` as a Path after checking it can be written as a figure.

    Raises
    ------
    InputError
        For a suffix other than .png, .svg or .pdf, a missing folder, or an existing file
        without ``force``.
    """
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InputError(f"{path.name} must end in {', '.join(FORMATS)}: pick one of those formats")
    if not path.parent.is_dir():
        raise InputError(f"the folder {path.parent} does not exist: create it first")
    if path.exists() and not force:
        raise InputError(f"{path} exists: choose another name or add --force to overwrite it")
    return path


def save_figure(fig: Figure, path: str | Path, dpi: int = DEFAULT_DPI) -> Path:
    """Save a figure as PNG, SVG or PDF (by the file's suffix), atomically.

    PNG files carry ``dpi`` in their metadata and measure a whole number of pixels: the page
    is snapped to the nearest pixel (A4 landscape at 300 dpi is 3508 x 2480). SVG and PDF are
    vector (boundaries are paths; PDF text is embedded TrueType and can be searched).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or Path
        Ends in ``.png``, ``.svg`` or ``.pdf``; an existing file is replaced.
    dpi : int
        Resolution of PNG output (and of any raster part of vector output).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        For another suffix, a DPI out of range, or a folder that cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path.name} must end in {', '.join(FORMATS)}: pick one of those formats")
    dpi = check_dpi(dpi)
    w, h = (float(v) for v in fig.get_size_inches())
    if suffix == ".png":
        fig.set_size_inches(round(w * dpi) / dpi, round(h * dpi) / dpi)
    title = getattr(fig, "atlas", {}).get("title", "Infra Atlas figure")
    metadata = {
        ".png": {"Title": title, "Software": "Infra Atlas"},
        ".svg": {"Title": title},
        ".pdf": {"Title": title, "Creator": "Infra Atlas"},
    }[suffix]
    with ExitStack() as stack:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = stack.enter_context(atomic_path(path, suffix))
        except OSError as exc:
            raise InputError(
                f"cannot write {path} ({exc.strerror or exc}): choose another folder or file name"
            ) from None
        fig.savefig(tmp, dpi=dpi, format=suffix[1:], metadata=metadata)
    return path


def legend_of(fig: Figure) -> list[dict]:
    """Return the class legend ``[{color, label}]`` drawn on a figure from :func:`build_figure`."""
    return list(fig.atlas["legend"])  # type: ignore[attr-defined]
