"""The frame of a region report's pages: page one's head and inset map, running heads, footers.

Page one opens with the region's name, the report's title and the facts (province, adcode,
role, corridors) beside an inset map of the province with the region in red, a scale bar in
km and a north arrow. The pages after it carry a running head (the region's name); every page
ends with the source note, the date it was made and its number (``2 / 3``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from geodata.i18n import tr
from geodata.plan.provinces import with_corridors, with_roles
from geodata.printing.figure import HIGHLIGHT_COLOR
from geodata.printing.geometry import geometry_path, outline, projector, province_crs, simplified
from geodata.printing.page import page_inches, text_width, wrap_text
from geodata.printing.report_flow import MARGIN, PAGE_H, PAGE_W, TEXT_W, put, rule

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pyproj import CRS

    from geodata.layer import Layer
    from geodata.plan.details import RegionDetails

#: Side of the square inset map in points, and the share of it under the map (scale, arrow).
INSET = 190.0
STRIP = 0.16
#: Sizes in points: title, facts, running head and footer.
TITLE_SIZE, FACT_SIZE, HEAD_SIZE, FOOT_SIZE = 20.0, 9.5, 8.0, 7.0
#: Where the flow starts on the pages after the first.
RUNNING_TOP = PAGE_H - MARGIN - 26.0


def new_page() -> Figure:
    """Return an empty A4 portrait figure, on an Agg canvas, with the shipped CJK font."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geodata.fonts import register_matplotlib_font

    register_matplotlib_font()
    fig = Figure(figsize=page_inches("A4", "portrait"), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def facts(details: RegionDetails, layer: Layer, language: str) -> list[tuple[str, str]]:
    """Return the ``(label, value)`` facts of page one: names, province, adcode, role, corridors."""
    zh = language == "zh"
    province = details.province_zh if zh else details.province_en
    other = details.name_en if zh else details.name_zh
    info = (
        []
        if not other or other == details.name(language)
        else [(tr("report.other_name", language), other)]
    )
    info += [
        (tr("report.province", language), f"{province} ({details.province})"),
        (tr("report.adcode", language), details.adcode),
    ]
    role = details.role
    if role is not None:
        label = role.role_zh if zh else role.role_en
        key = f"report.{role.confidence}"
        confidence = tr(key, language) if role.confidence in ("inferred", "stated") else ""
        value = f"{label}（{confidence}）" if zh else f"{label} ({confidence})"
        if role.note:
            value += ("。" if zh else ". ") + role.note
        info.append((tr("report.role", language), value))
    elif layer.province in with_roles():
        info.append((tr("report.role", language), tr("report.no_role", language)))
    if details.crossings:
        names = [
            f"{c.name_zh if zh else c.name_en}: {c.length_km:.1f} {tr('figure.km', language)}"
            + (f" ({tr('report.schematic', language)})" if c.schematic else "")
            for c in details.crossings
        ]
        info.append((tr("report.corridors", language), "; ".join(names)))
    elif layer.province in with_corridors():
        info.append((tr("report.corridors", language), tr("report.no_corridors", language)))
    return info


def draw_first_head(
    fig: Figure,
    details: RegionDetails,
    layer: Layer,
    language: str,
) -> float:
    """Draw page one's title, facts and inset map; return where the flow may start below them."""
    top = PAGE_H - MARGIN
    draw_inset(fig, layer, details.adcode, language)
    width = TEXT_W - INSET - 16
    put(fig, MARGIN, top, details.name(language), TITLE_SIZE, fontweight="bold")
    heading = tr("report.title", language) + " · Infra Atlas"
    put(fig, MARGIN, top - 28, heading, 10, color="#555555")
    y = top - 50
    for label, value in facts(details, layer, language):
        put(fig, MARGIN, y, label, FACT_SIZE - 0.5, color="#666666", fontweight="bold")
        y -= 12.5
        for part in wrap_text(value, width, FACT_SIZE):
            put(fig, MARGIN, y, part, FACT_SIZE)
            y -= FACT_SIZE * 1.32
        y -= 5
    return min(y, top - INSET) - 10


def draw_inset(fig: Figure, layer: Layer, adcode: str, language: str) -> Axes:
    """Draw the province's regions in grey, the region in red, a scale bar and a north arrow."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    box = ((PAGE_W - MARGIN - INSET) / PAGE_W, (PAGE_H - MARGIN - INSET) / PAGE_H)
    ax = fig.add_axes((*box, INSET / PAGE_W, INSET / PAGE_H))
    ax.set_axis_off()
    crs = province_crs(layer.gdf.total_bounds)
    geoms = shapely.transform(np.asarray(layer.gdf.geometry.values), projector(crs))
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    geoms = simplified(geoms, max(maxx - minx, maxy - miny) / 1500)
    for code, geom in zip(layer.gdf["adcode"], geoms, strict=True):
        chosen = code == adcode
        ax.add_patch(
            PathPatch(
                geometry_path(geom),
                facecolor=HIGHLIGHT_COLOR if chosen else "#e6e6e6",
                edgecolor="white",
                linewidth=0.6,
                zorder=2 if chosen else 1,
                gid=f"inset-{code}" if chosen else None,
            )
        )
    ax.add_patch(
        PathPatch(
            geometry_path(outline(geoms)), facecolor="none", edgecolor="#555555", linewidth=0.8
        )
    )
    # a square view: the map above, a strip under it for the scale bar and the arrow
    span = max((maxx - minx) / 0.94, (maxy - miny) / (0.97 - STRIP))
    x0 = (minx + maxx) / 2 - span / 2
    y1 = maxy + 0.03 * span
    ax.set_xlim(x0, x0 + span)
    ax.set_ylim(y1 - span, y1)
    ax.set_aspect("equal")
    _scale_bar(ax, span, language)
    _north_arrow(ax, crs, span, language)
    return ax


def nice_km(max_km: float) -> float:
    """Return the longest round length (1, 2 or 5 times a power of ten) up to ``max_km``."""
    if max_km <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(max_km))
    return max(step * power for step in (1, 2, 5) if step * power <= max_km)


def _scale_bar(ax: Axes, span: float, language: str) -> None:
    """Draw a two-part scale bar in km in the strip under the inset map, with its length."""
    from matplotlib.patches import Rectangle

    km = nice_km(span * 0.45 / 1000)
    left, bottom = ax.get_xlim()[0] + 0.04 * span, ax.get_ylim()[0] + 0.05 * span
    half, height = km * 500, 0.025 * span
    for i, color in enumerate(("#333333", "white")):
        ax.add_patch(
            Rectangle(
                (left + i * half, bottom),
                half,
                height,
                facecolor=color,
                edgecolor="#333333",
                linewidth=0.6,
                gid="inset-scale-bar" if i == 0 else None,
            )
        )
    label = f"{km:g} {tr('figure.km', language)}"
    ax.text(left + 2 * half + 0.02 * span, bottom + height / 2, label, fontsize=7.5, va="center")


def _north_arrow(ax: Axes, crs: CRS, span: float, language: str) -> None:
    """Draw an arrow to true north at the strip's right end, with N (北) over it."""
    from pyproj import Transformer

    base = (ax.get_xlim()[1] - 0.06 * span, ax.get_ylim()[0] + 0.02 * span)
    lon, lat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(*base)
    nx, ny = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat + 0.05)
    norm = math.hypot(nx - base[0], ny - base[1]) or 1.0
    length = 0.1 * span
    tip = (base[0] + (nx - base[0]) / norm * length, base[1] + (ny - base[1]) / norm * length)
    ax.annotate(
        "",
        xy=tip,
        xytext=base,
        arrowprops={"arrowstyle": "-|>,head_width=0.3,head_length=0.6", "lw": 1.0, "color": "k"},
        gid="inset-north-arrow",
    )
    north = tr("figure.north", language)
    ax.text(tip[0], tip[1] + 0.005 * span, north, fontsize=7.5, ha="center", va="bottom")


def draw_running_head(fig: Figure, text: str) -> None:
    """Draw the running head of a page after the first: the region and the report, ruled."""
    top = PAGE_H - MARGIN
    put(fig, MARGIN, top, text, HEAD_SIZE, color="#555555")
    rule(fig, MARGIN, PAGE_W - MARGIN, top - HEAD_SIZE * 1.6, 0.5, "#999999")


def footer_lines(note: str, generated: str) -> list[str]:
    """Return the footer's lines: the source note wrapped, then the date it was made."""
    room = TEXT_W - text_width("00 / 00", FOOT_SIZE) - 12
    return [*wrap_text(note, TEXT_W, FOOT_SIZE), *wrap_text(generated, room, FOOT_SIZE)]


def footer_top(lines: list[str]) -> float:
    """Return where the flow must end above a footer of ``lines``."""
    return MARGIN + len(lines) * FOOT_SIZE * 1.3 + 10


def draw_footer(fig: Figure, lines: list[str], page: int, pages: int) -> None:
    """Draw the footer's lines at the foot of the page and the page number right of the last."""
    step = FOOT_SIZE * 1.3
    y = MARGIN + len(lines) * step
    rule(fig, MARGIN, PAGE_W - MARGIN, y + 4, 0.5, "#999999")
    for line in lines:
        put(fig, MARGIN, y, line, FOOT_SIZE, color="#555555")
        y -= step
    put(fig, PAGE_W - MARGIN, y + step, f"{page} / {pages}", FOOT_SIZE, ha="right", color="#333333")
