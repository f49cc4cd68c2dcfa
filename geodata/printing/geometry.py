"""From WGS-84 geometry to what matplotlib draws: the print projection and drawn paths.

Printed maps use a Lambert conformal conic projection fitted to the layer drawn (not plate
carrée), so shapes and the scale bar stay true across a province.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.path import Path as MplPath
    from pyproj import CRS

Projector = Callable[["np.ndarray"], "np.ndarray"]
"""Maps an ``(n, 2)`` array of longitude, latitude to projected ``x, y`` in metres."""


def lcc_parameters(bounds: Iterable[float]) -> dict[str, float]:
    """Return Lambert conformal conic parameters fitted to WGS-84 bounds.

    Standard parallels at one sixth and five sixths of the latitude range, central meridian
    and origin at the centre: the scale error stays well under 1% across a province.

    Returns
    -------
    dict
        ``lat_1``, ``lat_2``, ``lat_0`` and ``lon_0`` in degrees, rounded to 0.01.
    """
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    lat1 = miny + (maxy - miny) / 6
    lat2 = maxy - (maxy - miny) / 6
    if abs(lat2 - lat1) < 0.1:
        lat1, lat2 = lat1 - 0.5, lat2 + 0.5
    return {
        "lat_1": round(lat1, 2),
        "lat_2": round(lat2, 2),
        "lat_0": round((miny + maxy) / 2, 2),
        "lon_0": round((minx + maxx) / 2, 2),
    }


def province_crs(bounds: Iterable[float]) -> CRS:
    """Return the Lambert conformal conic projection of :func:`lcc_parameters`."""
    from pyproj import CRS

    p = lcc_parameters(bounds)
    return CRS.from_proj4(
        f"+proj=lcc +lat_1={p['lat_1']} +lat_2={p['lat_2']} +lat_0={p['lat_0']} "
        f"+lon_0={p['lon_0']} +datum=WGS84 +units=m +no_defs"
    )


def projector(crs: CRS) -> Projector:
    """Return a function projecting WGS-84 coordinates to ``crs`` (for ``shapely.transform``)."""
    import numpy as np
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return project


def geometry_path(geoms: Any) -> MplPath:
    """Return one matplotlib compound Path of polygons and lines (a geometry or an array)."""
    import numpy as np
    import shapely
    from matplotlib.path import Path as MplPath

    parts = shapely.get_parts(shapely.get_parts(np.atleast_1d(np.asarray(geoms, dtype=object))))
    kinds = shapely.get_type_id(parts)
    pieces = []
    for rings, closed in ((shapely.get_rings(parts[kinds == 3]), True), (parts[kinds == 1], False)):
        if len(rings) == 0:
            continue
        xy, index = shapely.get_coordinates(rings, return_index=True)
        if len(xy) == 0:
            continue
        codes = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
        starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
        codes[starts] = MplPath.MOVETO
        if closed:
            codes[np.r_[starts[1:] - 1, len(xy) - 1]] = MplPath.CLOSEPOLY
        pieces.append((xy, codes))
    if not pieces:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces]))


#: Layers with more vertices than this keep their print simplification in the cache.
CACHED_VERTICES = 100_000


def simplified(regions: np.ndarray, tolerance: float) -> np.ndarray:
    """Return the regions simplified for print, shared borders once where the input allows.

    A clean coverage is simplified as one (``shapely.coverage_simplify``: neighbours never
    open gaps). Overlapping or non-noded regions, which a user's file may hold, are simplified
    one by one instead: each stays valid, borders may differ by the tolerance.

    A big layer's result (China's provinces: about three seconds) is kept in the data home's
    cache, keyed by the projected input and the tolerance, so the next figure of the same map
    reads it in milliseconds (a damaged file is a miss, never an error).
    """
    import numpy as np

    from geodata.boundaries.bundled_cache import read_entries, write_geometries

    regions = np.asarray(regions, dtype=object)
    if tolerance <= 0 or len(regions) == 0:
        return regions
    path = _simplified_cache(regions, tolerance)
    entries = read_entries(path) if path is not None else None
    if entries is not None and len(entries[1]) == len(regions):
        return entries[1]
    result = _simplify(regions, tolerance)
    if path is not None:
        write_geometries(path, [str(i) for i in range(len(result))], result)
    return result


def _simplified_cache(regions: np.ndarray, tolerance: float) -> Path | None:
    """Return the cache file of a big layer's print simplification (None for a small one)."""
    import hashlib

    import shapely

    from geodata.paths import cache_dir

    if int(shapely.get_num_coordinates(regions).sum()) < CACHED_VERTICES:
        return None
    digest = hashlib.blake2b(f"{tolerance!r}:{shapely.geos_version}".encode(), digest_size=12)
    for wkb in shapely.to_wkb(regions):
        digest.update(wkb)
    return cache_dir() / "print" / f"simplified-{digest.hexdigest()}.wkb"


def _simplify(regions: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify as one coverage when the input is one, else region by region."""
    import shapely

    try:
        if shapely.coverage_is_valid(regions):
            return shapely.coverage_simplify(regions, tolerance)
    except shapely.errors.GEOSException:
        pass
    return shapely.make_valid(shapely.simplify(regions, tolerance, preserve_topology=True))


def outline(regions: np.ndarray) -> Any:
    """Return the union of the regions: the province's drawn outline.

    Uses the fast coverage union for a clean coverage and a general union otherwise
    (overlapping or non-noded input), after making each region valid.
    """
    import numpy as np
    import shapely

    regions = np.asarray(regions, dtype=object)
    try:
        if shapely.coverage_is_valid(regions):
            return shapely.coverage_union_all(regions)
    except shapely.errors.GEOSException:
        pass
    return shapely.union_all(shapely.make_valid(regions))
