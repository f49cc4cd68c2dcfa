"""What frames a printed map: scale bar, north arrow, labels that keep clear of each other, legends.

Each function draws on a matplotlib axes whose data coordinates are metres of the print
projection (:func:`geodata.printing.geometry.province_crs`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

from geodata.i18n import tr

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pyproj import CRS

LegendGroup = tuple[str, list[Any], list[str]]
"""One legend: its title, its handles and their labels."""


class MapLabel(NamedTuple):
    """A text to place on the map.

    Attributes
    ----------
    x, y : float
        Anchor in map coordinates.
    text : str
    offset : float
        Points above (positive) or below (negative) the anchor; below hangs the text from it.
    color : str
    size : float
        Font size in points.
    """

    x: float
    y: float
    text: str
    offset: float
    color: str
    size: float


def _nice_length(max_km: float) -> float:
    for step in (500, 300, 200, 100, 50, 40, 25, 20, 10, 5, 2, 1):
        if step <= max_km:
            return float(step)
    return max(max_km, 0.1)


def draw_scale_bar(ax: Axes, language: str, fontsize: float) -> None:
    """Draw a four-segment scale bar in km, about a quarter of the map wide, bottom left."""
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


def draw_north_arrow(ax: Axes, crs: CRS, language: str, fontsize: float) -> None:
    """Draw an arrow to true north (along the meridian of its place), top right."""
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


def place_labels(fig: Figure, ax: Axes, labels: list[MapLabel]) -> list[str]:
    """Draw labels in the order given; move or skip those that would overlap one drawn before.

    Each label is tried at its place, then 9 pt lower, then 9 pt higher.

    Returns
    -------
    list of str
        The texts of the labels left out.
    """
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[Any] = []
    skipped: list[str] = []
    for label in labels:
        for shift in (0.0, -9.0, 9.0):
            artist = _draw_label(fig, ax, label, shift)
            box = artist.get_window_extent(renderer).expanded(1.08, 1.15)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            artist.remove()
        else:
            skipped.append(label.text)
    return skipped


def _draw_label(fig: Figure, ax: Axes, label: MapLabel, shift: float) -> Any:
    """Draw one label ``shift`` points off its place, with a white halo; return its artist."""
    from matplotlib import patheffects
    from matplotlib.transforms import offset_copy

    transform = offset_copy(ax.transData, fig=fig, y=label.offset + shift, units="points")
    return ax.text(
        label.x,
        label.y,
        label.text,
        transform=transform,
        ha="center",
        va="top" if label.offset < 0 else "center",
        fontsize=label.size,
        color=label.color,
        zorder=15,
        bbox=None,
        path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")],
    )


def draw_legends(fig: Figure, ax: Axes, groups: list[LegendGroup], stacked: bool) -> None:
    """Draw one legend per group: stacked top-down (landscape) or side by side (portrait)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
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
