"""What a map and a print figure are drawn with: the options and the label points.

Shared by the web map (:mod:`geodata.web.document`) and print (:mod:`geodata.printing`), which
never import each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geodata.vocab import BASEMAPS, OVERLAYS


@dataclass
class MapOptions:
    """How to draw the map.

    Attributes
    ----------
    language : {"zh", "en"}
        Labels, legend and tooltips.
    metric : str
        Choropleth metric id (falls back to ``plan_items`` when the layer lacks it).
    scheme : str
        Classification scheme of numeric metrics.
    classes : int
        Number of classes.
    layers : dict
        Visibility per layer (``choropleth``, ``roles``, ``corridors``, ``labels``, ``context``,
        ``basemap``).
    basemap : str
        xyzservices provider name used when ``layers["basemap"]`` is on.
    view : tuple or None
        ``(lat, lng, zoom)`` to keep the user's view across rebuilds; None fits the layer.
    selected : str or None
        Adcode to highlight on load.
    """

    language: str = "zh"
    metric: str = "plan_items"
    scheme: str = "natural_breaks"
    classes: int = 4
    overlays: dict[str, bool] = field(default_factory=lambda: dict(OVERLAYS))
    basemap: str = BASEMAPS[0]
    view: tuple[float, float, float] | None = None
    selected: str | None = None


def label_points(geoms: Any) -> list[tuple[float, float]]:
    """Return ``(lat, lng)`` of a label point inside the largest part of each polygon.

    An empty geometry gets ``(nan, nan)``.
    """
    import numpy as np
    import shapely

    geoms = np.asarray(geoms)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    out: list[tuple[float, float]] = [(float("nan"), float("nan"))] * len(geoms)
    if len(parts) == 0:
        return out
    area = shapely.area(parts)
    # the largest part of each geometry: sort by (owner, -area) and take each owner's first
    order = np.lexsort((-area, owner))
    first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]]
    points = shapely.point_on_surface(parts[first])
    for i, x, y in zip(owner[first], shapely.get_x(points), shapely.get_y(points), strict=True):
        out[int(i)] = (float(y), float(x))
    return out


#: The longest region name a map label writes in full (the web map cuts at the same length).
LABEL_CHARS = 24


def label_text(name: str) -> str:
    """Return a region name as a map label: one over :data:`LABEL_CHARS` is cut with "…"."""
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
