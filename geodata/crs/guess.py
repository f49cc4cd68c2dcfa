"""Coordinate reference systems of boundary files: parsed, named, and guessed when missing.

A file without a CRS is placed by its coordinate ranges. Degrees within +-180/+-90 are
longitude/latitude (WGS-84; CGCS2000 is the same at map scale). Eastings of 13-23 million or
25-45 million are CGCS2000 Gauss-Kruger 6-degree or 3-degree zones with the zone number in front
(EPSG:4491-4501, 4513-4533). Eastings within 0-1,000,000 are a 3-degree zone without the zone
number (EPSG:4534-4554); its central meridian is the one nearest the province the file covers.
Eastings of 8-15.5 million with northings of 0.3-7.5 million may also be web mercator
(EPSG:3857). Each candidate is scored by how well the projected bounds fall on the province (or
on China), and the best is used; the caller reports which, and a CRS the user gives overrides it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from geodata.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

#: Rough bounds of China in degrees (lon min, lat min, lon max, lat max).
CHINA_BOUNDS = (73.0, 3.0, 136.0, 54.0)

Bounds = tuple[float, float, float, float]


def parse_crs(value: str) -> Any:
    """Return the CRS a user typed: an EPSG code (``"4547"``, ``"EPSG:4547"``), WKT or PROJ.

    Parameters
    ----------
    value : str
        The ``--crs`` value.

    Returns
    -------
    pyproj.CRS

    Raises
    ------
    InputError
        When the value is not a coordinate reference system.
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    text = str(value).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except CRSError as exc:
        raise InputError(
            f"--crs {value!r} is not a coordinate reference system: "
            "give an EPSG code such as EPSG:4547 (CGCS2000, 114E) or EPSG:4326"
        ) from exc


def crs_label(crs: Any) -> str:
    """Return ``"EPSG:4547"`` for a CRS with an EPSG code, else its name.

    Parameters
    ----------
    crs : pyproj.CRS
        The CRS to name.

    Returns
    -------
    str
    """
    code = crs.to_epsg(min_confidence=70)
    return f"EPSG:{code}" if code else crs.name


def guess_crs(gdf: gpd.GeoDataFrame, label: str, hint: Bounds | None) -> tuple[Any, str]:
    """Return the CRS a file without one most likely uses, and why.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The file's features, without a CRS.
    label : str
        The file name, for messages.
    hint : tuple of float, optional
        Bounds in degrees of the province the file covers; China's when not given.

    Returns
    -------
    crs : pyproj.CRS
    why : str
        What the coordinates look like, e.g. ``"3-degree Gauss-Kruger zone 38 (number in
        front)"``.

    Raises
    ------
    InputError
        When no usual Chinese projection fits, or several fit equally well and no province
        tells them apart.
    """
    bounds: Bounds = tuple(float(v) for v in gdf.total_bounds)  # type: ignore[assignment]
    scored = _scored_candidates(bounds, hint or CHINA_BOUNDS)
    if not scored or scored[0][0] <= 0.05:
        raise InputError(
            f"{label} has no CRS and its coordinates ({_fmt_bounds(bounds)}) match no usual "
            "Chinese projection: give the CRS, for example --crs EPSG:4547 (CGCS2000, 114E)"
        )
    best = scored[0]
    ties = [s for s in scored[1:] if s[0] >= best[0] * 0.9]
    if ties and hint is None:
        options = ", ".join(f"EPSG:{s[1]}" for s in [best, *ties][:4])
        raise InputError(
            f"{label} has no CRS and its coordinates fit several projections ({options}...): "
            "give the CRS with --crs, or the province with --province so it can be told"
        )
    return best[3], best[2]


def _scored_candidates(bounds: Bounds, target: Bounds) -> list[tuple[float, int, str, Any]]:
    """Return ``(score, epsg, why, crs)`` of every candidate CRS, best first."""
    from pyproj import CRS, Transformer

    scored = []
    for code, why in _crs_candidates(bounds):
        crs = CRS.from_epsg(code)
        if code == 4326:
            lonlat = bounds
        else:
            t = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
            lonlat = t.transform_bounds(*bounds)
        scored.append((_bounds_score(lonlat, target), code, why, crs))
    scored.sort(key=lambda s: -s[0])
    return scored


def _crs_candidates(bounds: Bounds) -> list[tuple[int, str]]:
    minx, miny, maxx, maxy = bounds
    found: list[tuple[int, str]] = []
    if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
        return [(4326, "longitude/latitude in degrees")]
    northing = 0 <= miny and maxy <= 7_500_000
    same_million = math.floor(minx / 1e6) == math.floor(maxx / 1e6)
    if northing and same_million and 25e6 <= minx < 46e6:
        zone = math.floor(minx / 1e6)
        found.append((4513 + zone - 25, f"3-degree Gauss-Kruger zone {zone} (number in front)"))
    if northing and same_million and 13e6 <= minx < 24e6:
        zone = math.floor(minx / 1e6)
        found.append((4491 + zone - 13, f"6-degree Gauss-Kruger zone {zone} (number in front)"))
    if northing and -500_000 <= minx and maxx <= 1_500_000:
        for cm in range(75, 136, 3):
            found.append((4534 + (cm - 75) // 3, f"3-degree Gauss-Kruger CM {cm}E, no zone number"))
    if 8e6 <= minx and maxx <= 15.6e6 and 300_000 <= miny and maxy <= 7_500_000:
        found.append((3857, "web mercator metres"))
    return found


def _bounds_score(lonlat: Bounds, target: Bounds) -> float:
    """Return the share of the bounds' area that falls inside ``target`` (0..1)."""
    minx, miny, maxx, maxy = lonlat
    if not all(math.isfinite(v) for v in lonlat):
        return 0.0
    ix = max(0.0, min(maxx, target[2]) - max(minx, target[0]))
    iy = max(0.0, min(maxy, target[3]) - max(miny, target[1]))
    area = max((maxx - minx) * (maxy - miny), 1e-12)
    tarea = max((target[2] - target[0]) * (target[3] - target[1]), 1e-12)
    inter = ix * iy
    return inter / area * min(1.0, 4 * inter / tarea) if inter else 0.0


def _fmt_bounds(bounds: tuple[float, ...]) -> str:
    return ", ".join(f"{v:,.0f}" if abs(v) > 1000 else f"{v:.3f}" for v in bounds)
