"""The polygons of a boundary file: kept, repaired, or left out with a reason.

A boundary layer needs region areas. Features without geometry, points and lines are left out
(and counted in a warning); an invalid polygon is repaired with ``make_valid`` when that leaves
an area, and left out otherwise.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geodata.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd


def check_geometry(gdf: gpd.GeoDataFrame, label: str) -> tuple[gpd.GeoDataFrame, int, list[str]]:
    """Keep the polygonal features of a file, repairing invalid polygons.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The file's features.
    label : str
        The file name, for messages.

    Returns
    -------
    gdf : geopandas.GeoDataFrame
        The features kept, with 2-D polygonal geometry, indexed from 0.
    repaired : int
        How many invalid polygons were repaired.
    warnings : list of str
        What was left out or repaired.

    Raises
    ------
    InputError
        When the file holds no usable polygons.
    """
    import geopandas as gpd
    import numpy
    import shapely

    if not isinstance(gdf, gpd.GeoDataFrame) or gdf._geometry_column_name not in gdf:
        raise InputError(
            f"{label} holds a table without geometry: choose a boundary file with region polygons"
        )
    geoms = numpy.asarray(gdf.geometry.values)
    if shapely.has_z(geoms).any():  # a copy of every geometry only when one is 3-D
        geoms = shapely.force_2d(geoms)
    _refuse_without_polygons(geoms, label)
    _refuse_non_finite(geoms, label)
    sorting = _sort(geoms)
    if not sorting.polygons:
        raise InputError(f"{label} holds no usable polygons: export the region areas again")
    result = gdf.iloc[sorting.keep].copy()
    result = result.set_geometry(gpd.GeoSeries(sorting.polygons, index=result.index, crs=gdf.crs))
    return result.reset_index(drop=True), sorting.repaired, sorting.warnings()


def polygonal(geom: Any) -> Any:
    """Return the polygonal part of a geometry (None when there is none)."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    polys: list[Polygon] = []
    for part in shapely.get_parts(geom):
        if isinstance(part, Polygon) and not part.is_empty:
            polys.append(part)
        elif isinstance(part, MultiPolygon):
            polys.extend(part.geoms)
        elif part.geom_type == "GeometryCollection":
            sub = polygonal(part)
            if sub is not None:
                polys.extend(getattr(sub, "geoms", [sub]))
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _refuse_without_polygons(geoms: Any, label: str) -> None:
    present = [g for g in geoms if g is not None and not g.is_empty]
    if not present:
        raise InputError(f"{label} holds features without geometry: export the region polygons")
    if all(polygonal(g) is None for g in present):
        kinds = Counter(g.geom_type for g in present)
        listed = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
        raise InputError(
            f"{label} holds {listed} features but a boundary layer needs polygons: "
            "export the region areas, not their points or outlines"
        )


def _refuse_non_finite(geoms: Any, label: str) -> None:
    """Raise when a feature has a NaN or infinite coordinate (no geometry can be made of it)."""
    import numpy as np
    import shapely

    coords, index = shapely.get_coordinates(geoms, return_index=True)
    bad = np.unique(index[~np.isfinite(coords).all(axis=1)])
    if len(bad):
        listed = ", ".join(str(i + 1) for i in bad[:5]) + ("..." if len(bad) > 5 else "")
        raise InputError(
            f"{label} has NaN or infinite coordinates in {len(bad)} features (feature {listed}): "
            "repair them in a GIS or export the file again"
        )


@dataclass
class _Sorting:
    """The features kept (by position) with their polygons, and what was left out."""

    keep: list[int] = field(default_factory=list)
    polygons: list[Any] = field(default_factory=list)
    missing: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    unfixable: int = 0
    repaired: int = 0

    def warnings(self) -> list[str]:
        """Say what was left out or repaired."""
        out = []
        if self.missing:
            out.append(f"{self.missing} features had no geometry and were left out")
        for kind, n in self.dropped.items():
            out.append(f"{n} {kind} features are not polygons and were left out")
        if self.unfixable:
            out.append(f"{self.unfixable} invalid polygons could not be repaired and were left out")
        if self.repaired:
            out.append(f"{self.repaired} invalid polygons were repaired (make_valid)")
        return out


#: Vertices above which validity is checked on two threads (GEOS releases the GIL).
PARALLEL_VALIDITY_VERTICES = 200_000


def _validity(geoms: Any) -> Any:
    """Return ``shapely.is_valid`` of every geometry, in two halves at once for a big layer."""
    import numpy as np
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    counts = shapely.get_num_coordinates(geoms)
    if counts.sum() < PARALLEL_VALIDITY_VERTICES or (os.cpu_count() or 1) < 2:
        return shapely.is_valid(geoms)
    from concurrent.futures import ThreadPoolExecutor

    half = int(np.searchsorted(np.cumsum(counts), counts.sum() / 2))
    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(shapely.is_valid, (geoms[:half], geoms[half:])))
    return np.concatenate(parts)


def _sort(geoms: Any) -> _Sorting:
    """Sort each geometry into kept (repaired if need be), missing, not polygonal, unfixable."""
    import shapely

    sorting = _Sorting()
    valid = _validity(geoms)
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            sorting.missing += 1
            continue
        poly = polygonal(g)
        if poly is None:
            sorting.dropped[g.geom_type] += 1
            continue
        if not (valid[i] if poly is g else poly.is_valid):
            fixed = polygonal(shapely.make_valid(poly))
            if fixed is None or fixed.area == 0:
                sorting.unfixable += 1
                continue
            poly = fixed
            sorting.repaired += 1
        sorting.keep.append(i)
        sorting.polygons.append(poly)
    return sorting
