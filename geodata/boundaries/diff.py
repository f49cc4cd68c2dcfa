"""What changed between two boundary versions: regions added, removed, renamed, recoded, resized.

:meth:`geodata.boundaries.store.BoundaryStore.diff` compares a stored version with the one before
it; :func:`diff_layers` compares any two layers of one province and level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geodata.layer import Layer
from geodata.regions.names import name_keys

#: Area change (as a fraction) above which the diff reports a region.
AREA_TOLERANCE = 0.01
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
        ``area``), ``code``, ``name``, ``old_code``, ``old_name``, ``area_change`` (percent).
    frame : geopandas.GeoDataFrame
        The changed regions (the new geometry, or the old one for removed regions) with a
        ``change`` column, for a map layer.
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
    an area that changed by more than 1% (equal-area projection) as ``area``.

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
    shapes: list[tuple[str, str, str, Any]] = field(default_factory=list)

    def add(self, row: dict[str, Any], code: str, name: str, geom: Any) -> None:
        """Add one change, drawn with the geometry ``geom``."""
        self.rows.append(row)
        self.shapes.append((row["change"], code, name, geom))

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
        """Add the codes kept under another name, or whose area changed by more than 1%."""
        for code in (c for c in after if c in before):
            name, geom, area = after[code]
            old_name, _old_geom, old_area = before[code]
            if not _same_name(name, old_name):
                self.add(_row("renamed", code, name, code, old_name), code, name, geom)
            if old_area > 0 and abs(area - old_area) / old_area > AREA_TOLERANCE:
                change = round(100 * (area - old_area) / old_area, 1)
                row = {**_row("area", code, name, code, old_name), "area_change": change}
                self.add(row, code, name, geom)

    def frame(self) -> Any:
        """Return the changed regions as a GeoDataFrame (``change``, ``adcode``, ``name_zh``)."""
        import geopandas as gpd

        return gpd.GeoDataFrame(
            {
                "change": [s[0] for s in self.shapes],
                "adcode": [s[1] for s in self.shapes],
                "name_zh": [s[2] for s in self.shapes],
            },
            geometry=gpd.GeoSeries([s[3] for s in self.shapes], crs="EPSG:4326"),
        )


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
