"""Read a boundary file a user supplies into a :class:`~geodata.layer.Layer`.

Any format GDAL reads through pyogrio; any CRS is reprojected to WGS-84; a GCJ-02 or BD-09
file is converted when the user says so. The region code and name fields are guessed (and can be
given), and every feature is resolved to an adcode with :class:`~geodata.regions.RegionIndex`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geodata.datum import convert_geometries, normalise_datum
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.regions import LEVELS, national_index, normalise_code

if TYPE_CHECKING:
    import geopandas as gpd

_NAME_HINTS = (
    "name",
    "名称",
    "name_zh",
    "name_cn",
    "mc",
    "qhmc",
    "xzqmc",
    "city",
    "county",
    "region",
)
_CODE_HINTS = ("adcode", "code", "gb", "pac", "dm", "qhdm", "xzqdm", "区划代码", "代码", "id")


def guess_code_field(gdf: gpd.GeoDataFrame) -> str | None:
    """Return the column most of whose values are 6- or 12-digit codes, or None."""
    best, best_share = None, 0.0
    for column in gdf.columns:
        if column == gdf.geometry.name:
            continue
        values = gdf[column].dropna()
        if values.empty:
            continue
        share = sum(normalise_code(v) is not None for v in values) / len(values)
        bonus = 0.01 if str(column).lower() in _CODE_HINTS else 0.0
        if share + bonus > best_share and share >= 0.8:
            best, best_share = column, share + bonus
    return best


def guess_name_field(gdf: gpd.GeoDataFrame, level: str | None = None) -> str | None:
    """Return the text column whose values best resolve to region names, or None."""
    levels = [level] if level else list(LEVELS)
    best, best_score = None, 0.0
    for column in gdf.columns:
        if column == gdf.geometry.name:
            continue
        values = [v for v in gdf[column].dropna() if isinstance(v, str) and v.strip()]
        if not values or len(values) < 0.5 * len(gdf):
            continue
        sample = values[:200]
        score = max(
            sum(bool(national_index(lvl).resolve(v).candidates) for v in sample) / len(sample)
            for lvl in levels
        )
        score += 0.01 if str(column).lower() in _NAME_HINTS else 0.0
        if score > best_score:
            best, best_score = column, score
    return best if best_score >= 0.3 else None


def read_boundary_file(
    path: str | Path,
    level: str | None = None,
    province: str | None = None,
    name_field: str | None = None,
    code_field: str | None = None,
    datum: str = "wgs84",
    layer: str | None = None,
) -> Layer:
    """Read a polygon boundary file into a WGS-84 region layer.

    Parameters
    ----------
    path : str or Path
        Any vector file GDAL reads (GeoJSON, shapefile, GeoPackage, zipped shapefile...).
    level : {"province", "city", "county"}, optional
        Guessed from the codes (or names) when not given.
    province : str, optional
        Adcode of the province the file covers; guessed from the regions when not given.
    name_field, code_field : str, optional
        The fields holding region names and codes; guessed when not given.
    datum : {"wgs84", "gcj02", "bd09"}
        Datum of the file's coordinates (AMap and Tencent data are GCJ-02, Baidu's BD-09).
    layer : str, optional
        Layer name inside a multi-layer file.

    Returns
    -------
    Layer

    Raises
    ------
    InputError
        For a missing, empty, unreadable or non-polygon file, or a field that does not exist.
    """
    import geopandas as gpd

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path")
    try:
        gdf = gpd.read_file(path, layer=layer)
    except Exception as exc:  # pyogrio raises DataSourceError, DataLayerError, ...
        raise InputError(f"{path.name} could not be read as a vector file ({exc})") from exc
    if gdf.empty:
        raise InputError(f"{path.name} holds no features: choose a file with region polygons")
    if not gdf.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        kinds = ", ".join(sorted(set(gdf.geom_type.dropna())))
        raise InputError(f"{path.name} holds {kinds} features: a region layer needs polygons")
    warnings: list[str] = []
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
            warnings.append("the file has no CRS; its coordinates look like longitude/latitude")
            gdf = gdf.set_crs("EPSG:4326")
        else:
            raise InputError(
                f"{path.name} has no CRS and its coordinates are not longitude/latitude: "
                "add a .prj file or give the CRS (for example --crs EPSG:4547)"
            )
    gdf = gdf.to_crs("EPSG:4326")
    source_datum = normalise_datum(datum)
    if source_datum != "wgs84":
        gdf = gdf.set_geometry(
            convert_geometries(gdf.geometry.values, source_datum, "wgs84"), crs="EPSG:4326"
        )

    for given, kind in ((name_field, "name"), (code_field, "code")):
        if given is not None and given not in gdf.columns:
            fields = ", ".join(c for c in gdf.columns if c != gdf.geometry.name)
            raise InputError(
                f"{path.name} has no field {given!r} for the {kind}: use one of {fields}"
            )
    code_field = code_field or guess_code_field(gdf)
    codes = [normalise_code(v) for v in gdf[code_field]] if code_field else [None] * len(gdf)
    if level is None:
        level = _guess_level(codes)
    name_field = name_field or guess_name_field(gdf, level)
    if level is None:
        level = "city"
        warnings.append("the level could not be told from the codes; taken as city")
    if code_field is None and name_field is None:
        raise InputError(
            f"{path.name} has no field of region codes or names that could be recognised: "
            "give them with --code-field and --name-field"
        )
    index = national_index(level)
    adcodes, names_zh, names_en = [], [], []
    for i in range(len(gdf)):
        raw_name = gdf[name_field].iloc[i] if name_field else None
        found = index.resolve(codes[i]) if codes[i] else index.resolve(raw_name)
        if codes[i] is None and found.ambiguous:
            warnings.append(
                f"feature {i + 1} name {raw_name!r} could be "
                f"{', '.join(index.describe(c) for c in found.candidates)}: give a code field"
            )
        region = index.by_code.get(found.adcode) if found.adcode else None
        adcodes.append(found.adcode)
        names_zh.append(str(raw_name) if raw_name else (region.name_zh if region else ""))
        names_en.append(region.name_en if region else "")
    out = gpd.GeoDataFrame(
        {"adcode": adcodes, "name_zh": names_zh, "name_en": names_en},
        geometry=gdf.geometry.values,
        crs="EPSG:4326",
    )
    if province is None:
        provinces = {c[:2] + "0000" for c in adcodes if c}
        province = provinces.pop() if len(provinces) == 1 else None
    return Layer(
        gdf=out,
        level=level,
        province=province,
        source=path.name,
        datum_in=source_datum,
        code_field=code_field,
        name_field=name_field,
        warnings=warnings,
        version="file",
    )


def _guess_level(codes: list[str | None]) -> str | None:
    known = [c for c in codes if c]
    if not known:
        return None
    if all(c.endswith("0000") for c in known):
        return "province"
    if all(c.endswith("00") for c in known):
        return "city"
    return "county"
