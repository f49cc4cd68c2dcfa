"""What frames a printed map: scale bar, north arrow, labels that keep clear of each other, legends.

Positions on the page are in millimetres from its bottom left (:func:`mm_transform` draws in
them); the map's own data coordinates are metres of the print projection
(:func:`geodata.printing.geometry.province_crs`). Where the legend, scale bar and north arrow
go is decided by :mod:`geodata.printing.placement`; this module measures and draws them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from geodata.i18n import tr
from geodata.printing.page import TypeScale, text_width

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.transforms import Transform
    from pyproj import CRS

LegendGroup = tuple[str, list[Any], list[str]]
"""One legend: its title, its handles and their labels."""

Rect = tuple[float, float, float, float]
"""A box on the page: ``(x0, y0, x1, y1)`` in millimetres from the bottom left."""

PT = 25.4 / 72
"""Millimetres per point."""
LEADER_COLOR = "#555555"
#: Length of the north arrow on A4, in millimetres.
ARROW_MM = 10.0


def mm_transform(fig: Figure) -> Transform:
    """Return the transform from page millimetres (from the bottom left) to the figure."""
    from matplotlib.transforms import Affine2D

    width, height = fig.get_size_inches() * 25.4
    return Affine2D().scale(1 / width, 1 / height) + fig.transFigure


def nice_length(max_km: float) -> float:
    """Return the longest round length in km not above ``max_km``."""
    for step in (1000, 500, 300, 200, 100, 50, 40, 25, 20, 10, 5, 2, 1):
        if step <= max_km:
            return float(step)
    return max(max_km, 0.1)


@dataclass(frozen=True)
class ScaleBar:
    """A scale bar's length and its box's size.

    Attributes
    ----------
    km : float
        The bar's length on the ground.
    bar_mm : float
        The bar's length on the page.
    width, height : float
        The box around the bar and its numbers (mm).
    pad : float
        Space between the box's edge and the bar (mm).
    """

    km: float
    bar_mm: float
    width: float
    height: float
    pad: float


def scale_bar(mm_per_metre: float, language: str, sizes: TypeScale) -> ScaleBar:
    """Return the scale bar of a map scale: a round length about 30 mm (A4) long."""
    km = nice_length(sizes.mm(30.0) / mm_per_metre / 1000)
    bar = km * 1000 * mm_per_metre
    end = text_width(_km_label(km, language), sizes.furniture) * PT
    pad = sizes.mm(1.2)
    width = bar + end / 2 + text_width("0", sizes.furniture) * PT / 2 + 2 * pad
    height = sizes.mm(1.4) + sizes.mm(1.0) + sizes.furniture * 1.25 * PT + 2 * pad
    return ScaleBar(km, bar, width, height, pad)


def _km_label(km: float, language: str) -> str:
    return f"{km:g} {tr('figure.km', language)}"


def draw_scale_bar(
    ax: Axes, box: Rect, bar: ScaleBar, language: str, sizes: TypeScale, tf: Transform
) -> None:
    """Draw a four-segment scale bar in km in its box (page mm), on a light backing."""
    from matplotlib.patches import Rectangle

    x0, y0, x1, y1 = box
    _backing(ax, box, tf)
    left = x0 + bar.pad + text_width("0", sizes.furniture) * PT / 2
    bottom = y0 + bar.pad
    bar_h = sizes.mm(1.4)
    seg = bar.bar_mm / 4
    for i in range(4):
        ax.add_patch(
            Rectangle(
                (left + i * seg, bottom),
                seg,
                bar_h,
                facecolor="#333333" if i % 2 == 0 else "white",
                edgecolor="#333333",
                linewidth=sizes.line(0.6),
                transform=tf,
                zorder=20,
                clip_on=False,
            )
        )
    labels = [(0, "0"), (bar.km / 2, f"{bar.km / 2:g}"), (bar.km, _km_label(bar.km, language))]
    for at, label in labels:
        ax.text(
            left + at / bar.km * bar.bar_mm,
            bottom + bar_h + sizes.mm(1.0),
            label,
            ha="center",
            va="bottom",
            fontsize=sizes.furniture,
            transform=tf,
            zorder=20,
            gid="scale-bar",
        )


def _backing(ax: Axes, box: Rect, tf: Transform) -> None:
    """Draw a light backing that keeps a piece readable over the context."""
    from matplotlib.patches import Rectangle

    x0, y0, x1, y1 = box
    ax.add_patch(
        Rectangle(
            (x0, y0),
            x1 - x0,
            y1 - y0,
            facecolor="white",
            edgecolor="none",
            alpha=0.8,
            transform=tf,
            zorder=18,
            clip_on=False,
        )
    )


def north_arrow_size(sizes: TypeScale) -> tuple[float, float]:
    """Return the width and height (mm) of the north arrow's box: the arrow and its letter."""
    return sizes.mm(11.0), sizes.mm(ARROW_MM + 3.0) + sizes.north * PT


def north_angle(crs: CRS, x: float, y: float) -> float:
    """Return the direction of true north at a point of the map, in degrees from straight up."""
    from pyproj import Transformer

    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    lon, lat = to_geo.transform(x, y)
    nx, ny = to_map.transform(lon, lat + 0.05)
    return math.degrees(math.atan2(nx - x, ny - y))


def draw_north_arrow(
    ax: Axes, box: Rect, angle: float, language: str, sizes: TypeScale, tf: Transform
) -> None:
    """Draw a north arrow in its box: a slim half-black dart to true north, its letter beyond.

    ``angle`` is the direction of true north in degrees clockwise from straight up.
    """
    from matplotlib.patches import Polygon

    x0, y0, x1, y1 = box
    length, width = sizes.mm(ARROW_MM), sizes.mm(ARROW_MM * 0.4)
    cx, cy = (x0 + x1) / 2, y0 + sizes.mm(1.0) + length / 2
    sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))

    def at(x: float, y: float) -> tuple[float, float]:
        return (cx + x * cos + y * sin, cy - x * sin + y * cos)

    tip, notch = at(0, length / 2), at(0, -length / 4)
    halves = ((at(-width / 2, -length / 2), "#222222"), (at(width / 2, -length / 2), "white"))
    for corner, face in halves:
        ax.add_patch(
            Polygon(
                [tip, corner, notch],
                closed=True,
                facecolor=face,
                edgecolor="#222222",
                linewidth=sizes.line(0.6),
                transform=tf,
                zorder=20,
                clip_on=False,
            )
        )
    letter = at(0, length / 2 + sizes.mm(1.0) + sizes.north * PT / 2)
    ax.text(
        *letter,
        tr("figure.north", language),
        ha="center",
        va="center",
        fontsize=sizes.north,
        fontweight="bold",
        transform=tf,
        zorder=20,
        gid="north-arrow",
    )


class MapLabel(NamedTuple):
    """A text to place on the map.

    Attributes
    ----------
    x, y : float
        Anchor in map coordinates.
    text : str
    color : str
    size : float
        Font size in points.
    region : shapely geometry, optional
        The region it names, in page millimetres: a label placed off it gets a leader line.
    movable : bool
        Whether it may move well away from its anchor (a small region), with a leader line.
    marker : float
        Half the size (mm) of a marker drawn on the anchor, which the label keeps clear of.
    """

    x: float
    y: float
    text: str
    color: str
    size: float
    region: Any = None
    movable: bool = False
    marker: float = 0.0


@dataclass
class PlacedLabels:
    """The labels drawn and left out.

    Attributes
    ----------
    drawn : list of (str, Rect)
        Each drawn label's text and box (page mm).
    skipped : list of str
        The texts of the labels left out: no place near their anchor was free.
    """

    drawn: list[tuple[str, Rect]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class LabelSpace:
    """Where labels may go: inside the map area, off the obstacles and each other.

    Attributes
    ----------
    area : Rect
        The map's box (page mm).
    taken : list of Rect
        Boxes no label may cover: markers, furniture and the labels drawn.
    to_mm : callable
        Maps an ``(n, 2)`` array of map coordinates to page millimetres.
    sizes : TypeScale
    anchors : dict
        Label index -> a small box around the anchor of a small region, which the other
        labels keep off (so its name can point to it).
    """

    area: Rect
    taken: list[Rect]
    to_mm: Callable[[Any], Any]
    sizes: TypeScale
    anchors: dict[int, Rect] = field(default_factory=dict)

    def free(self, box: Rect, own: int = -1) -> bool:
        """Return whether a box lies inside the area and overlaps nothing taken.

        The anchors of small regions count as taken, except label ``own``'s.
        """
        x0, y0, x1, y1 = box
        ax0, ay0, ax1, ay1 = self.area
        if x0 < ax0 or y0 < ay0 or x1 > ax1 or y1 > ay1:
            return False
        others = [b for i, b in self.anchors.items() if i != own]
        return not _hits(self.taken, box) and not _hits(others, box)

    def line_free(self, anchor: Any, box: Rect) -> bool:
        """Return whether a leader from an anchor to a box crosses nothing taken."""
        import numpy as np

        if not self.taken:
            return True
        end = (min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3]))
        steps = np.linspace(0.0, 1.0, 12)[:, None]
        points = np.asarray(anchor) + steps * (np.asarray(end) - np.asarray(anchor))
        t = np.asarray(self.taken)[None, :, :]
        x, y = points[:, 0][:, None], points[:, 1][:, None]
        inside = (t[..., 0] < x) & (x < t[..., 2]) & (t[..., 1] < y) & (y < t[..., 3])
        return not inside.any()


def _hits(boxes: list[Rect], box: Rect) -> bool:
    """Return whether a box overlaps any of ``boxes``."""
    import numpy as np

    if not boxes:
        return False
    t = np.asarray(boxes)
    x0, y0, x1, y1 = box
    return bool(((t[:, 0] < x1) & (t[:, 2] > x0) & (t[:, 1] < y1) & (t[:, 3] > y0)).any())


def place_labels(fig: Figure, ax: Axes, labels: list[MapLabel], space: LabelSpace) -> PlacedLabels:
    """Draw labels in the order given, each at the first free place around its anchor.

    A label is tried on its anchor, then just above, below, right, left and on the diagonals;
    a movable one (a small region) also a few millimetres away, with a thin leader line to its
    anchor (crossing no other label) when it ends up off its region. A label with no free
    place is left out.

    Returns
    -------
    PlacedLabels
    """
    import numpy as np

    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    px = fig.dpi / 25.4
    placed = PlacedLabels()
    pad = space.sizes.mm(0.35)
    dot = space.sizes.mm(0.8)
    for i, label in enumerate(labels):
        if label.movable:
            x, y = space.to_mm(np.array([[label.x, label.y]]))[0]
            space.anchors[i] = (x - dot, y - dot, x + dot, y + dot)
    for i, label in enumerate(labels):
        artist = _draw_label(ax, label, space.sizes)
        extent = artist.get_window_extent(renderer)
        width, height = extent.width / px + 2 * pad, extent.height / px + 2 * pad
        centre = (extent.x0 + extent.x1) / 2 / px, (extent.y0 + extent.y1) / 2 / px
        anchor = space.to_mm(np.array([[label.x, label.y]]))[0]
        for dx, dy, far in _candidates(width, height, label, space.sizes):
            cx, cy = centre[0] + dx, centre[1] + dy
            box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            inner = (float(box[0] + pad), float(box[1] + pad), float(box[2] - pad),
                     float(box[3] - pad))  # fmt: skip
            off = far or (label.movable and not _touches(label.region, inner))
            if space.free(box, i) and (not off or space.line_free(anchor, box)):
                _move(fig, ax, artist, label, dx, dy)
                space.taken.append(box)
                placed.drawn.append((label.text, inner))
                if off:
                    _leader(ax, anchor, inner, space.sizes, mm_transform(fig))
                break
        else:
            artist.remove()
            placed.skipped.append(label.text)
    return placed


def _candidates(
    width: float, height: float, label: MapLabel, sizes: TypeScale
) -> list[tuple[float, float, bool]]:
    """Return the offsets (mm) tried for a label's centre, nearest first; True when far.

    On the anchor (unless a marker is there), then beside it all round, clear of its marker;
    a movable label also farther away in twelve directions.
    """
    gap = sizes.mm(0.4) + label.marker
    sx, sy = width / 2 + gap, height / 2 + gap
    near = [(0.0, sy), (0.0, -sy), (sx, 0.0), (-sx, 0.0)]
    near += [(sx, sy), (-sx, sy), (sx, -sy), (-sx, -sy)]
    near += [(0.0, sy + height), (0.0, -sy - height)]
    if not label.marker:
        near.insert(0, (0.0, 0.0))
    out = [(dx, dy, False) for dx, dy in near]
    if label.movable:
        for reach in (3.0, 6.0, 10.0, 15.0):
            r = sizes.mm(reach)
            for step in range(12):
                a = math.radians(step * 30 - 90)
                out.append((math.cos(a) * (r + sx), math.sin(a) * (r + sy), True))
    return out


def _draw_label(ax: Axes, label: MapLabel, sizes: TypeScale) -> Any:
    """Draw a label centred on its anchor with a white halo; return its artist."""
    from matplotlib import patheffects

    return ax.text(
        label.x,
        label.y,
        label.text,
        ha="center",
        va="center",
        fontsize=label.size,
        color=label.color,
        zorder=15,
        clip_on=False,
        path_effects=[patheffects.withStroke(linewidth=sizes.line(2.2), foreground="white")],
    )


def _move(fig: Figure, ax: Axes, artist: Any, label: MapLabel, dx: float, dy: float) -> None:
    """Shift a drawn label by ``dx, dy`` millimetres."""
    from matplotlib.transforms import offset_copy

    if dx or dy:
        artist.set_transform(
            offset_copy(ax.transData, fig=fig, x=dx / PT, y=dy / PT, units="points")
        )


def _touches(region: Any, box: Rect) -> bool:
    """Return whether a label's box overlaps its region (True when the region is unknown)."""
    import shapely

    return region is None or bool(shapely.intersects(region, shapely.box(*box)))


def _leader(ax: Axes, anchor: Any, box: Rect, sizes: TypeScale, tf: Transform) -> None:
    """Draw a thin line from a region's anchor to the nearest point of its label's box."""
    x0, y0, x1, y1 = box
    ex = min(max(anchor[0], x0), x1)
    ey = min(max(anchor[1], y0), y1)
    ax.plot(
        [anchor[0], ex],
        [anchor[1], ey],
        color=LEADER_COLOR,
        linewidth=sizes.line(0.5),
        transform=tf,
        zorder=14.5,
        clip_on=False,
        gid="leader",
    )
    ax.plot(
        [anchor[0]],
        [anchor[1]],
        marker="o",
        markersize=sizes.line(1.6),
        color=LEADER_COLOR,
        transform=tf,
        zorder=14.5,
        clip_on=False,
        gid="leader",
    )


@dataclass
class LegendBlock:
    """The legends of a figure, stacked top down, measured before they are placed.

    Attributes
    ----------
    legends : list of matplotlib.legend.Legend
    heights : list of float
        Each legend's height (mm).
    width, height : float
        The block's size (mm), with its padding.
    pad, gap : float
        Padding around the block and space between two legends (mm).
    """

    legends: list[Legend]
    heights: list[float]
    width: float
    height: float
    pad: float
    gap: float

    def move_to(self, ax: Axes, box: Rect, fig: Figure) -> None:
        """Put the block into a box (page mm) on a light backing."""
        tf = mm_transform(fig)
        _backing(ax, box, tf)
        top = box[3] - self.pad
        for legend, height in zip(self.legends, self.heights, strict=True):
            legend.set_bbox_to_anchor((box[0] + self.pad, top), transform=tf)
            top -= height + self.gap


def legend_block(fig: Figure, ax: Axes, groups: list[LegendGroup], sizes: TypeScale) -> LegendBlock:
    """Draw the legends in an axes and measure them (they are moved into place later)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    px = fig.dpi / 25.4
    legends, heights, width = [], [], 0.0
    for title, handles, labels in groups:
        legend = ax.legend(
            handles,
            labels,
            title=title,
            loc="upper left",
            bbox_to_anchor=(0, 1),
            bbox_transform=fig.transFigure,
            frameon=False,
            fontsize=sizes.legend,
            title_fontsize=sizes.legend_title,
            alignment="left",
            handlelength=1.6,
            borderaxespad=0,
            borderpad=0,
        )
        legend.get_title().set_fontweight("bold")
        legend.set_zorder(21)
        ax.add_artist(legend)
        extent = legend.get_window_extent(renderer)
        legends.append(legend)
        heights.append(extent.height / px)
        width = max(width, extent.width / px)
    pad, gap = sizes.mm(1.5), sizes.mm(3.0)
    height = sum(heights) + gap * max(len(heights) - 1, 0) + 2 * pad
    return LegendBlock(legends, heights, width + 2 * pad, height, pad, gap)
