"""Write the messy boundary files planners receive, at test time (no binaries committed).

Each function writes one case into a folder and returns its path. The geometry is Shanxi's
bundled cities, simplified; the files imitate agency exports: GBK shapefiles without ``.cpg``
in CGCS2000 Gauss-Kruger, 12-digit codes, pinyin names, damaged zips and so on.
"""

from __future__ import annotations

import hashlib
import zipfile
from functools import lru_cache
from pathlib import Path

from tests.data.make_data import PINYIN

HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\">"
HOSTILE_SCRIPT = "</script><script>document.title='pwned2'</script>"
#: The adcodes of Shanxi's cities, which every case holds.
SHANXI_CODES = {
    "140100",
    "140200",
    "140300",
    "140400",
    "140500",
    "140600",
    "140700",
    "140800",
    "140900",
    "141000",
    "141100",
}


def write_case(folder: Path, name: str) -> Path:
    """Write the case ``name`` (a function of this module) into its own sub-folder of ``folder``."""
    sub = folder / name
    sub.mkdir(exist_ok=True)
    return globals()[name](sub)


def assert_close_to_bundled(layer, tolerance_deg: float = 0.01) -> None:
    """Check each region of an imported layer lies on Shanxi's bundled city of its code."""
    import shapely

    bundled = shanxi_cities().set_index("adcode")
    for code, geom in zip(layer.gdf["adcode"], layer.gdf.geometry, strict=True):
        expected = bundled.loc[code, "geometry"]
        assert shapely.hausdorff_distance(geom, expected) < tolerance_deg, code


def tree_digest(root: Path) -> str:
    """Hash every file name and byte under ``root`` (the whole boundary store)."""
    digest = hashlib.sha256()
    if root.exists():
        for path in sorted(root.rglob("*")):
            digest.update(str(path.relative_to(root)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def shanxi_cities():
    """Shanxi's bundled cities, simplified (a GeoDataFrame in WGS-84)."""
    import shapely

    from geodata.boundaries.bundled import bundled_layer

    gdf = bundled_layer("city", "140000").gdf.copy()
    gdf["geometry"] = shapely.coverage_simplify(gdf.geometry.values, 0.02)
    return gdf


def _frame(columns: dict, crs: str = "EPSG:4326", geometry=None):
    import geopandas as gpd

    cities = shanxi_cities()
    geometry = cities.geometry.values if geometry is None else geometry
    return gpd.GeoDataFrame(columns, geometry=geometry, crs="EPSG:4326").to_crs(crs)


def gbk_shapefile_4547(folder: Path) -> Path:
    """GBK text, no .cpg, EPSG:4547, 12-digit codes, names without 市 (a loose shapefile)."""
    cities = shanxi_cities()
    gdf = _frame(
        {
            "QHDM": [c + "000000" for c in cities["adcode"]],
            "QHMC": list(cities["name_zh"]),
        },
        crs="EPSG:4547",
    )
    path = folder / "shanxi_gbk.shp"
    gdf.to_file(path, encoding="gbk")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


def gbk_no_prj(folder: Path) -> Path:
    """As :func:`gbk_shapefile_4547` but also without .prj (the CRS must be guessed)."""
    path = gbk_shapefile_4547(folder)
    path.with_suffix(".prj").unlink()
    return path


def zipped(folder: Path, shp: Path, name: str, skip: tuple[str, ...] = ()) -> Path:
    """Zip a shapefile's parts (leaving out the suffixes in ``skip``)."""
    out = folder / name
    with zipfile.ZipFile(out, "w") as z:
        for part in sorted(shp.parent.glob(shp.stem + ".*")):
            if part.suffix.lower() not in skip:
                z.write(part, f"{shp.stem}{part.suffix}")
    return out


def two_layer_zip(folder: Path) -> Path:
    """A zip with two shapefiles (cities and a copy named counties_old)."""
    a = gbk_shapefile_4547(folder)
    out = folder / "two.zip"
    with zipfile.ZipFile(out, "w") as z:
        for part in sorted(a.parent.glob(a.stem + ".*")):
            z.write(part, f"cities{part.suffix}")
            z.write(part, f"cities_copy{part.suffix}")
    return out


def pinyin_geojson(folder: Path) -> Path:
    """Pinyin names only (the spellings of tests/data), WGS-84 GeoJSON."""
    cities = shanxi_cities()
    path = folder / "pinyin.geojson"
    _frame({"NAME": [PINYIN[c] for c in cities["adcode"]]}).to_file(path, driver="GeoJSON")
    return path


def named_geojson(folder: Path, name: str, names: list[str] | None = None, codes=None) -> Path:
    """A WGS-84 GeoJSON of Shanxi's cities with the given names and codes."""
    cities = shanxi_cities()
    gdf = _frame(
        {
            "adcode": list(cities["adcode"]) if codes is None else codes,
            "name": list(cities["name_zh"]) if names is None else names,
        }
    )
    path = folder / name
    gdf.to_file(path, driver="GeoJSON")
    return path


def hostile_geojson(folder: Path) -> Path:
    """Taiyuan and Datong renamed to markup and a script breaker."""
    names = list(shanxi_cities()["name_zh"])
    names[0] = HOSTILE_NAME
    names[1] = HOSTILE_SCRIPT
    return named_geojson(folder, "hostile.geojson", names=names)


def duplicate_codes(folder: Path) -> Path:
    """Datong carries Taiyuan's code."""
    codes = list(shanxi_cities()["adcode"])
    codes[1] = codes[0]
    return named_geojson(folder, "duplicates.geojson", codes=codes)


def bowtie(folder: Path) -> Path:
    """Taiyuan drawn as a self-intersecting bow-tie polygon."""
    import shapely

    geoms = list(shanxi_cities().geometry.values)
    geoms[0] = shapely.Polygon([(112.0, 37.5), (113.0, 38.3), (113.0, 37.5), (112.0, 38.3)])
    path = folder / "bowtie.geojson"
    cities = shanxi_cities()
    _frame(
        {"adcode": list(cities["adcode"]), "name": list(cities["name_zh"])}, geometry=geoms
    ).to_file(path, driver="GeoJSON")
    return path


def points(folder: Path) -> Path:
    """City centres as points."""
    cities = shanxi_cities()
    path = folder / "points.geojson"
    _frame(
        {"adcode": list(cities["adcode"])}, geometry=cities.geometry.representative_point().values
    ).to_file(path, driver="GeoJSON")
    return path


def empty_collection(folder: Path) -> Path:
    """A valid GeoJSON FeatureCollection with no features."""
    path = folder / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return path


def random_bytes(folder: Path) -> Path:
    """Random bytes named like a GeoJSON file."""
    import random

    path = folder / "noise.geojson"
    path.write_bytes(random.Random(5).randbytes(4096))
    return path


def truncated_zip(folder: Path) -> Path:
    """A zipped shapefile cut in half."""
    full = zipped(folder, gbk_shapefile_4547(folder), "full.zip")
    data = full.read_bytes()
    path = folder / "truncated.zip"
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_without_dbf(folder: Path) -> Path:
    """A zipped shapefile whose .dbf was left out."""
    return zipped(folder, gbk_shapefile_4547(folder), "nodbf.zip", skip=(".dbf",))


def geopackage_two_layers(folder: Path) -> Path:
    """A GeoPackage with the cities and a points layer."""
    import pyogrio

    cities = shanxi_cities()
    path = folder / "two_layers.gpkg"
    polys = _frame({"adcode": list(cities["adcode"]), "name": list(cities["name_zh"])})
    pyogrio.write_dataframe(polys, path, layer="cities", driver="GPKG")
    pyogrio.write_dataframe(polys.iloc[:3], path, layer="cities_2019", driver="GPKG")
    return path


def kml(folder: Path) -> Path:
    """A KML of the cities (names in <name>, codes in ExtendedData)."""
    cities = shanxi_cities()
    path = folder / "cities.kml"
    _frame({"Name": list(cities["name_zh"]), "adcode": list(cities["adcode"])}).to_file(
        path, driver="KML"
    )
    return path


def gcj02_geojson(folder: Path) -> Path:
    """The cities with coordinates shifted to GCJ-02 (as AMap exports them)."""
    from geodata.crs.datum import convert_geometries

    cities = shanxi_cities()
    geoms = convert_geometries(cities.geometry.values, "wgs84", "gcj02")
    path = folder / "gcj02.geojson"
    _frame(
        {"adcode": list(cities["adcode"]), "name": list(cities["name_zh"])}, geometry=geoms
    ).to_file(path, driver="GeoJSON")
    return path
