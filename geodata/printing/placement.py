"""Free space on a printed map: where the legend, scale bar, north arrow and inset go.

Everything here is in page millimetres. The map's drawn outline (the province, or China) is
an obstacle: a piece of map furniture keeps :data:`CLEARANCE_MM` away from it and from the
pieces placed before it. The outline is rasterised once per map size into cells of
:data:`CELL_MM` (a cell is blocked when the outline covers or touches it); a summed-area table
then tests every candidate box of a piece at once, and the chosen box is checked exactly
against the outline with shapely before it is taken.

:func:`fit_map` is the whole search: the map at its full size and then smaller, moved to each
side of its area, until every piece has a place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

Rect = tuple[float, float, float, float]
"""A box on the page: ``(x0, y0, x1, y1)`` in millimetres from the bottom left."""

#: Distance kept between a piece and the map's outline, in millimetres (A4).
CLEARANCE_MM = 2.0
#: Gap between two pieces, in millimetres.
GAP_MM = 1.5
#: Side of a raster cell, in millimetres.
CELL_MM = 0.5
#: A second-choice corner must win by this many millimetres over the first.
CORNER_PENALTY_MM = 25.0
#: The map sizes tried, as fractions of its full size.
SCALES = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58, 0.52, 0.46, 0.4)
#: Where the map sits in its area when it is smaller than the area: centred first.
ALIGNMENTS = (
    (0.5, 0.5),
    (0.0, 0.5),
    (1.0, 0.5),
    (0.5, 0.0),
    (0.5, 1.0),
    (0.0, 0.0),
    (1.0, 0.0),
    (0.0, 1.0),
    (1.0, 1.0),
)
CORNERS = ("tl", "tr", "bl", "br")


@dataclass(frozen=True)
class Piece:
    """A piece of map furniture to place.

    Attributes
    ----------
    name : str
        ``"legend"``, ``"scale_bar"``, ``"north_arrow"`` or ``"inset"``.
    width, height : float
        Its size in millimetres.
    corners : tuple of str
        The corners of the map area it prefers, best first (``"tl"``, ``"tr"``, ``"bl"``,
        ``"br"``); empty: the corners ordered by their free space, largest first.
    reach : float
        How far (mm) its corner may lie from the area's corner; farther counts as no place.
    """

    name: str
    width: float
    height: float
    corners: tuple[str, ...] = ()
    reach: float = math.inf


@dataclass(frozen=True)
class Fit:
    """Where the map and its furniture went.

    Attributes
    ----------
    scale : float
        The map's size as a fraction of its full size.
    origin : tuple of float
        Page position (mm) of the shape's bottom left corner at this scale.
    boxes : dict
        Piece name -> its box (:data:`Rect`).
    outline : shapely geometry
        The outline in page millimetres.
    fitted : bool
        False when no size let every piece clear the outline (the pieces then sit at their
        corners at the smallest size).
    """

    scale: float
    origin: tuple[float, float]
    boxes: dict[str, Rect]
    outline: Any
    fitted: bool = True


def fit_map(
    area: Rect,
    shape: Any,
    pieces: Callable[[float], Sequence[Piece]],
    clearance: float = CLEARANCE_MM,
) -> Fit:
    """Find the largest map size and position at which every piece clears the outline.

    Parameters
    ----------
    area : Rect
        The map's box on the page (mm).
    shape : shapely geometry
        The outline in millimetres at full size, its bounds starting at ``(0, 0)`` and fitting
        the area.
    pieces : callable
        Returns the pieces to place at a scale, in the order they are placed (a scale bar's
        width depends on the scale).
    clearance : float
        Distance kept from the outline (mm).

    Returns
    -------
    Fit
    """
    import shapely
    from shapely import affinity

    _, _, width, height = shapely.bounds(shape)
    for scale in SCALES:
        small = affinity.scale(shape, scale, scale, origin=(0, 0))
        shapely.prepare(small)
        raster = _raster(small, scale * width, scale * height)
        wanted = list(pieces(scale))
        for align in ALIGNMENTS:
            origin = _origin(area, scale * width, scale * height, align)
            moved = affinity.translate(small, *origin)
            space = FreeSpace(area, moved, raster, origin, clearance)
            boxes = space.place_all(wanted)
            if boxes is not None:
                return Fit(scale, origin, boxes, moved)
    return _unfitted(area, shape, list(pieces(SCALES[-1])), width, height)


def _unfitted(area: Rect, shape: Any, pieces: list[Piece], width: float, height: float) -> Fit:
    """Return the smallest map, centred, with each piece in its first corner."""
    from shapely import affinity

    scale = SCALES[-1]
    origin = _origin(area, scale * width, scale * height, (0.5, 0.5))
    moved = affinity.translate(affinity.scale(shape, scale, scale, origin=(0, 0)), *origin)
    boxes = {p.name: _at_corner(area, p, (p.corners or CORNERS)[0]) for p in pieces}
    return Fit(scale, origin, boxes, moved, fitted=False)


def _origin(area: Rect, width: float, height: float, align: tuple[float, float]) -> tuple:
    """Return where a shape of this size starts in the area, aligned, snapped to the cells."""
    x0, y0, x1, y1 = area
    ox = x0 + align[0] * max(x1 - x0 - width, 0.0)
    oy = y0 + align[1] * max(y1 - y0 - height, 0.0)
    snap = CELL_MM
    return (x0 + round((ox - x0) / snap) * snap, y0 + round((oy - y0) / snap) * snap)


def _at_corner(area: Rect, piece: Piece, corner: str) -> Rect:
    """Return the piece's box in a corner of the area."""
    x0, y0, x1, y1 = area
    left = x0 if corner[1] == "l" else x1 - piece.width
    bottom = y0 if corner[0] == "b" else y1 - piece.height
    return (left, bottom, left + piece.width, bottom + piece.height)


def _raster(shape: Any, width: float, height: float) -> np.ndarray:
    """Return the cells (rows from the bottom) a shape at the origin covers or touches.

    A cell is blocked when its centre is inside the shape or a point of the shape's boundary
    (densified to a quarter cell) falls in it, so no part of the shape escapes the raster.
    """
    import numpy as np
    import shapely

    cols, rows = math.ceil(width / CELL_MM) + 1, math.ceil(height / CELL_MM) + 1
    cx = (np.arange(cols) + 0.5) * CELL_MM
    cy = (np.arange(rows) + 0.5) * CELL_MM
    gx, gy = np.meshgrid(cx, cy)
    blocked = shapely.contains_xy(shape, gx, gy)
    edge = shapely.segmentize(shapely.boundary(shape), CELL_MM / 4)
    xy = shapely.get_coordinates(edge)
    i = np.clip((xy[:, 0] // CELL_MM).astype(int), 0, cols - 1)
    j = np.clip((xy[:, 1] // CELL_MM).astype(int), 0, rows - 1)
    blocked[j, i] = True
    return blocked


class FreeSpace:
    """The free cells of a map area, and the pieces placed in it so far.

    Parameters
    ----------
    area : Rect
        The map's box (mm).
    outline : shapely geometry
        The outline at its place on the page (mm), prepared.
    raster : numpy.ndarray
        The outline's cells (:func:`_raster`) with their bottom left at ``origin``.
    origin : tuple of float
        Page position of the raster's bottom left (mm, on the area's cell grid).
    clearance : float
        Distance kept from the outline (mm).
    """

    def __init__(
        self, area: Rect, outline: Any, raster: np.ndarray, origin: tuple, clearance: float
    ) -> None:
        import numpy as np

        self.area = area
        self.outline = outline
        self.clearance = clearance
        x0, y0, x1, y1 = area
        self.cols = math.floor((x1 - x0) / CELL_MM)
        self.rows = math.floor((y1 - y0) / CELL_MM)
        grid = np.zeros((self.rows, self.cols), dtype=bool)
        i0, j0 = round((origin[0] - x0) / CELL_MM), round((origin[1] - y0) / CELL_MM)
        rows, cols = raster.shape
        gi0, gj0 = max(i0, 0), max(j0, 0)
        gi1, gj1 = min(i0 + cols, self.cols), min(j0 + rows, self.rows)
        if gi1 > gi0 and gj1 > gj0:
            grid[gj0:gj1, gi0:gi1] = raster[gj0 - j0 : gj1 - j0, gi0 - i0 : gi1 - i0]
        self.obstacle = _summed(grid)
        self.taken = np.zeros_like(grid)
        self.boxes: dict[str, Rect] = {}

    def place_all(self, pieces: Sequence[Piece]) -> dict[str, Rect] | None:
        """Place the pieces in order; return their boxes, or None when one has no place."""
        for piece in pieces:
            box = self.place(piece)
            if box is None:
                return None
        return dict(self.boxes)

    def place(self, piece: Piece) -> Rect | None:
        """Put a piece in the free place nearest its preferred corners; return its box."""
        import numpy as np

        x0, y0, x1, y1 = self.area
        cols = math.floor((x1 - x0 - piece.width) / CELL_MM) + 1
        rows = math.floor((y1 - y0 - piece.height) / CELL_MM) + 1
        if cols <= 0 or rows <= 0:
            return None
        lefts = x0 + np.arange(cols) * CELL_MM
        bottoms = y0 + np.arange(rows) * CELL_MM
        lx, by = np.meshgrid(lefts, bottoms)
        score = self._score(piece, lx, by)
        score[~self._free(piece, cols, rows)] = np.inf
        for flat in np.argsort(score, axis=None)[:40]:
            if not np.isfinite(score.flat[flat]):
                break
            box = (lx.flat[flat], by.flat[flat], lx.flat[flat] + piece.width)
            box = (*box, by.flat[flat] + piece.height)
            if self._clear(box):
                self._take(piece.name, box)
                return box
        return None

    def _free(self, piece: Piece, cols: int, rows: int) -> np.ndarray:
        """Return which candidate boxes (bottom left on the cell grid) are free."""
        pad = math.ceil(self.clearance / CELL_MM)
        gap = math.ceil(GAP_MM / CELL_MM)
        w = math.ceil(piece.width / CELL_MM)
        h = math.ceil(piece.height / CELL_MM)
        outline = _box_sums(self.obstacle, cols, rows, w, h, pad)
        others = _box_sums(_summed(self.taken), cols, rows, w, h, gap)
        return (outline == 0) & (others == 0)

    def _score(self, piece: Piece, lx: np.ndarray, by: np.ndarray) -> np.ndarray:
        """Return each candidate's distance from its best corner, later corners penalised."""
        import numpy as np

        corners = piece.corners or self.corners_by_space()
        best = np.full(lx.shape, np.inf)
        for rank, corner in enumerate(corners):
            cx0, cy0, _, _ = _at_corner(self.area, piece, corner)
            distance = np.hypot(lx - cx0, by - cy0)
            distance[distance > piece.reach] = np.inf
            best = np.minimum(best, distance + rank * CORNER_PENALTY_MM)
        return best

    def corners_by_space(self) -> tuple[str, ...]:
        """Return the corners of the area, the one with the most free cells around it first."""
        import numpy as np

        grid = _unsummed(self.obstacle) | self.taken
        half_r, half_c = self.rows // 2, self.cols // 2
        free = {
            "bl": np.count_nonzero(~grid[:half_r, :half_c]),
            "br": np.count_nonzero(~grid[:half_r, half_c:]),
            "tl": np.count_nonzero(~grid[half_r:, :half_c]),
            "tr": np.count_nonzero(~grid[half_r:, half_c:]),
        }
        return tuple(sorted(CORNERS, key=lambda c: -free[c]))

    def _clear(self, box: Rect) -> bool:
        """Check a box exactly: it stays ``clearance`` away from the outline."""
        import shapely

        x0, y0, x1, y1 = box
        c = self.clearance * 0.95
        return not shapely.intersects(shapely.box(x0 - c, y0 - c, x1 + c, y1 + c), self.outline)

    def _take(self, name: str, box: Rect) -> None:
        """Mark a placed piece's cells as taken."""
        ax0, ay0, _, _ = self.area
        i0 = max(math.floor((box[0] - ax0) / CELL_MM), 0)
        j0 = max(math.floor((box[1] - ay0) / CELL_MM), 0)
        i1 = math.ceil((box[2] - ax0) / CELL_MM)
        j1 = math.ceil((box[3] - ay0) / CELL_MM)
        self.taken[j0:j1, i0:i1] = True
        self.boxes[name] = box


def _summed(grid: np.ndarray) -> np.ndarray:
    """Return the summed-area table of a boolean grid, with a leading row and column of 0."""
    import numpy as np

    table = np.zeros((grid.shape[0] + 1, grid.shape[1] + 1), dtype=np.int32)
    table[1:, 1:] = grid.cumsum(0).cumsum(1)
    return table


def _unsummed(table: np.ndarray) -> np.ndarray:
    """Return the boolean grid of a summed-area table."""
    import numpy as np

    return np.diff(np.diff(table, axis=0), axis=1).astype(bool)


def _box_sums(table: np.ndarray, cols: int, rows: int, w: int, h: int, pad: int) -> np.ndarray:
    """Return the blocked cells in each candidate box (grown by ``pad`` cells, clipped)."""
    import numpy as np

    height, width = table.shape[0] - 1, table.shape[1] - 1
    i = np.arange(cols)
    j = np.arange(rows)
    i0 = np.clip(i - pad, 0, width)[None, :]
    i1 = np.clip(i + w + pad, 0, width)[None, :]
    j0 = np.clip(j - pad, 0, height)[:, None]
    j1 = np.clip(j + h + pad, 0, height)[:, None]
    return table[j1, i1] - table[j0, i1] - table[j1, i0] + table[j0, i0]
