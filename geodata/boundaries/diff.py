"""What changed between two boundary versions: regions added, removed, renamed, recoded, resized.

:meth:`geodata.boundaries.store.BoundaryStore.diff` compares a stored version with the one before
it; :func:`diff_layers` compares any two layers of one province and level.

A region kept under its code is listed as ``area`` when the piece it lost (old minus new) or the
piece it gained (new minus old) is more than 1 km² or 0.1% of its old area, so a border moved
between two regions is listed even when their totals barely change. The map of an area change
shows those pieces, not the whole region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geodata.layer import Layer
from geodata.regions.names import name_keys

#: Share of a region's old area above which a piece lost or gained is reported (0.1%).
AREA_TOLERANCE = 0.001
#: Area (km²) above which a piece lost or gained is reported, whatever the region's size.
AREA_TOLERANCE_KM2 = 1.0
#: An equal-area projection for China (area comparisons).
_CHINA_ALBERS = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=WGS84 +units=m"


@dataclass
class BoundaryDiff:
    """What changed between two boundary versions.

    Attributes
    ----------
    old_version, new_version : int
    rows : list of dict
        One per change: ``change`` (``added``, ``removed``, ``renamed``, ``recoded``,
        ``area``), ``code``, ``name``, ``old_code``, ``old_name``, ``area_change`` (net, percent
        of the old area); an ``area`` row also has ``area_change_km2`` (net), ``lost_km2`` and
        ``gained_km2`` (the pieces).
    frame : geopandas.GeoDataFrame
        What the map draws, with columns ``change``, ``adcode``, ``name_zh``, ``piece`` and
        ``km2``: a whole region for an added, removed, renamed or recoded one (the old geometry
        for a removed one); for an ``area`` row, the piece lost and the piece gained (``piece``
        ``lost`` or ``gained``, ``km2`` its area).
    """

    old_version: int
    new_version: int
    rows: list[dict[str, Any]]
    frame: Any = None

    def to_dict(self) -> dict[str, Any]:
        """Return the diff as a JSON-ready dict."""
        return {"old": self.old_version, "new": self.new_version, "changes": self.rows}


def _same_name(a: str, b: str) -> bool:
    return bool(set(name_keys(a)) & set(name_keys(b)))


def diff_layers(old: Layer, new: Layer, old_version: int = 0, new_version: int = 0) -> BoundaryDiff:
    """Compare two layers of one province and level.

    A region is matched by its code; a code that disappears while a region of the same name
    appears under a new code is reported as recoded; same code with another name as renamed;
    a region that lost or gained a piece of more than 1 km² or 0.1% of its area (measured in an
    equal-area projection) as ``area``.

    Parameters
    ----------
    old, new : Layer
        The layers to compare.
    old_version, new_version : int
        Their version numbers (for the report).

    Returns
    -------
    BoundaryDiff
    """
    before, after = _table(old), _table(new)
    changes = _Changes()
    recoded = changes.find_added_and_recoded(before, after)
    changes.find_removed(before, after, recoded)
    changes.find_renamed_and_resized(before, after)
    return BoundaryDiff(old_version, new_version, changes.rows, changes.frame())


#: A layer's regions by code: (Chinese name, geometry, equal-area area in m²).
_Table = dict[str, tuple[str, Any, float]]


def _table(layer: Layer) -> _Table:
    gdf = layer.gdf[layer.gdf["adcode"].notna()]
    areas = gdf.geometry.to_crs(_CHINA_ALBERS).area.to_numpy()
    out: _Table = {}
    for code, name, geom, area in zip(
        gdf["adcode"], gdf["name_zh"], gdf.geometry.values, areas, strict=True
    ):
        out.setdefault(str(code), (str(name), geom, float(area)))  # first of duplicates
    return out


@dataclass
class _Changes:
    """The rows of a diff, and the shape of each changed region for its map."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    #: What the map draws: (change, code, name, geometry, piece, km²).
    shapes: list[tuple[str, str, str, Any, str, float | None]] = field(default_factory=list)

    def add(self, row: dict[str, Any], code: str, name: str, geom: Any) -> None:
        """Add one change, drawn with the whole region ``geom``."""
        self.rows.append(row)
        self.shapes.append((row["change"], code, name, geom, "", None))

    def find_added_and_recoded(self, before: _Table, after: _Table) -> set[str]:
        """Add the new codes: recoded when a vanished code had the same name. Return those."""
        gone = [c for c in before if c not in after]
        recoded: set[str] = set()
        for code in (c for c in after if c not in before):
            name, geom, _area = after[code]
            twin = next(
                (c for c in gone if c not in recoded and _same_name(before[c][0], name)), None
            )
            if twin is not None:
                recoded.add(twin)
                self.add(_row("recoded", code, name, twin, before[twin][0]), code, name, geom)
            else:
                self.add(_row("added", code, name), code, name, geom)
        return recoded

    def find_removed(self, before: _Table, after: _Table, recoded: set[str]) -> None:
        """Add the codes that vanished and were not recoded."""
        for code in before:
            if code not in after and code not in recoded:
                name, geom, _area = before[code]
                self.add(_row("removed", None, None, code, name), code, name, geom)

    def find_renamed_and_resized(self, before: _Table, after: _Table) -> None:
        """Add the codes kept under another name, or that lost or gained a piece of area."""
        kept = [c for c in after if c in before]
        moved = _moved_pieces([before[c][1] for c in kept], [after[c][1] for c in kept])
        for code, (lost, lost_km2, gained, gained_km2) in zip(kept, moved, strict=True):
            name, geom, area = after[code]
            old_name, _old_geom, old_area = before[code]
            if not _same_name(name, old_name):
                self.add(_row("renamed", code, name, code, old_name), code, name, geom)
            if _noticeable(max(lost_km2, gained_km2), old_area):
                percent = 100 * (area - old_area) / old_area if old_area > 0 else None
                row = {
                    **_row("area", code, name, code, old_name),
                    "area_change": None if percent is None else round(percent, 2),
                    "area_change_km2": round((area - old_area) / 1e6, 3),
                    "lost_km2": round(lost_km2, 3),
                    "gained_km2": round(gained_km2, 3),
                }
                self.rows.append(row)
                for piece, shape, km2 in (("lost", lost, lost_km2), ("gained", gained, gained_km2)):
                    if km2 > 0:
                        self.shapes.append(("area", code, name, shape, piece, km2))

    def frame(self) -> Any:
        """Return what the map draws (see :attr:`BoundaryDiff.frame`) as a GeoDataFrame."""
        import geopandas as gpd

        return gpd.GeoDataFrame(
            {
                "change": [s[0] for s in self.shapes],
                "adcode": [s[1] for s in self.shapes],
                "name_zh": [s[2] for s in self.shapes],
                "piece": [s[4] for s in self.shapes],
                "km2": [s[5] for s in self.shapes],
            },
            geometry=gpd.GeoSeries([s[3] for s in self.shapes], crs="EPSG:4326"),
        )


def _noticeable(km2: float, old_area_m2: float) -> bool:
    """Whether a piece of ``km2`` is more than 1 km² or 0.1% of a region of ``old_area_m2``."""
    if km2 > AREA_TOLERANCE_KM2:
        return True
    return old_area_m2 > 0 and km2 * 1e6 / old_area_m2 > AREA_TOLERANCE


def _moved_pieces(old: list[Any], new: list[Any]) -> list[tuple[Any, float, Any, float]]:
    """Return, per pair of geometries, the piece lost, its km², the piece gained and its km².

    Pairs whose coordinates are identical are not intersected. A pair GEOS cannot subtract
    as given is made valid first.
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    old_a, new_a = np.asarray(old, dtype=object), np.asarray(new, dtype=object)
    out: list[tuple[Any, float, Any, float]] = [(None, 0.0, None, 0.0)] * len(old_a)
    todo = np.flatnonzero(~shapely.equals_exact(old_a, new_a, tolerance=0.0))
    if not len(todo):
        return out
    try:
        lost = shapely.difference(old_a[todo], new_a[todo])
        gained = shapely.difference(new_a[todo], old_a[todo])
    except shapely.errors.GEOSException:
        valid_old, valid_new = shapely.make_valid(old_a[todo]), shapely.make_valid(new_a[todo])
        lost = shapely.difference(valid_old, valid_new)
        gained = shapely.difference(valid_new, valid_old)
    pieces = gpd.GeoSeries(np.concatenate([lost, gained]), crs="EPSG:4326")
    km2 = np.nan_to_num(pieces.to_crs(_CHINA_ALBERS).area.to_numpy() / 1e6)  # None: no area
    n = len(todo)
    for k, i in enumerate(todo):
        out[int(i)] = (lost[k], float(km2[k]), gained[k], float(km2[n + k]))
    return out


def _row(
    change: str,
    code: str | None,
    name: str | None,
    old_code: str | None = None,
    old_name: str | None = None,
) -> dict[str, Any]:
    return {
        "change": change,
        "code": code,
        "name": name,
        "old_code": old_code,
        "old_name": old_name,
        "area_change": None,
    }
