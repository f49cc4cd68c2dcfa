"""Coordinate datum conversion for Chinese web-map data (WGS-84, GCJ-02, BD-09).

Longitude/latitude published for mainland China comes in three flavours that
differ by up to several hundred metres on the ground:

``wgs84``
    The real World Geodetic System 1984 coordinates (EPSG:4326). GPS receivers,
    OpenStreetMap, Natural Earth, most open data sets and everything this
    application draws on its base maps use WGS-84.
``gcj02``
    "Mars coordinates" (国测局坐标, GCJ-02). By Chinese regulation, maps
    published inside China must shift WGS-84 positions with a non-linear,
    deliberately undocumented obfuscation function. AMap (高德 / Gaode),
    Tencent Maps, Google Maps China and Apple Maps in China serve GCJ-02.
    The forward formula widely used (and implemented here) is a reverse-
    engineered approximation which agrees with the official one to well
    below a metre.
``bd09``
    Baidu's coordinates (BD-09, "BD-09LL"). Baidu applies a second, simple
    polar-coordinate shift on top of GCJ-02. Baidu Maps and the Baidu map API
    use BD-09 (``coordtype=bd09ll``).

Chinese provincial plans that give coordinates often copy them from AMap or
Baidu, so data must be converted to WGS-84 before it is overlaid on
WGS-84 base maps; otherwise points are drawn a few hundred metres off.

The GCJ-02 shift is only applied inside a rough bounding rectangle of China
(``72.004 <= lon <= 137.8347`` and ``0.8293 <= lat <= 55.8271``); points
outside it are returned unchanged by the GCJ-02 functions, like the common
open-source implementations (e.g. ``eviltransform`` and ``coordtransform``).
The rectangle is deliberately coarse: it includes e.g. parts of Mongolia,
Korea and South-East Asia. The BD-09 step is a pure formula and is applied
everywhere.

All point functions are vectorised with numpy: they accept scalars or
array-likes of any (broadcast-compatible) shape and return a tuple
``(lon, lat)`` of new ``float64`` arrays of the broadcast shape. Arguments
are always in ``(lon, lat)`` order, i.e. ``(x, y)``, as in shapely and
GeoPandas. Non-finite input (NaN) gives NaN output.

The reverse conversion ``gcj02_to_wgs84`` is computed by fixed-point
iteration of the forward formula, so a WGS-84 -> GCJ-02 -> WGS-84 round trip
reproduces the input to far better than a millimetre (except in a band a few
hundred metres wide along the edges of the rectangle, where the forward
function is discontinuous). ``bd09_to_gcj02`` uses the standard closed-form
approximate inverse, whose round-trip error is of the order of a metre at
most.

Examples
--------
>>> from geodata.crs.datum import convert
>>> lon, lat = convert(116.397428, 39.90923, "WGS-84", "GCJ-02")
>>> round(float(lon), 6), round(float(lat), 6)
(116.403672, 39.910634)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

import numpy as np
import numpy.typing as npt
import shapely

from geodata.vocab import DATUMS as VOCAB_DATUMS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "DATUMS",
    "Datum",
    "bd09_to_gcj02",
    "bd09_to_wgs84",
    "convert",
    "convert_geodataframe",
    "convert_geometries",
    "gcj02_to_bd09",
    "gcj02_to_wgs84",
    "normalise_datum",
    "out_of_china",
    "wgs84_to_bd09",
    "wgs84_to_gcj02",
]

Datum = Literal["wgs84", "gcj02", "bd09"]
"""Name of a supported geodetic datum / coordinate system."""

DATUMS: tuple[Datum, ...] = VOCAB_DATUMS  # type: ignore[assignment]
"""All supported datum names, in canonical spelling."""

ArrayLike: TypeAlias = npt.ArrayLike
FloatArray: TypeAlias = npt.NDArray[np.float64]
LonLat: TypeAlias = tuple[FloatArray, FloatArray]

# Parameters of the GCJ-02 obfuscation (Krasovsky 1940 ellipsoid).
_A = 6378245.0
_EE = 0.00669342162296594323
# Parameter of the BD-09 shift.
_X_PI = math.pi * 3000.0 / 180.0

# Bounding rectangle inside which the GCJ-02 shift is applied.
_CHINA_LON_MIN = 72.004
_CHINA_LON_MAX = 137.8347
_CHINA_LAT_MIN = 0.8293
_CHINA_LAT_MAX = 55.8271

# Stopping criteria of the iterative GCJ-02 -> WGS-84 inverse.
_INVERSE_TOL_DEG = 1e-9
_INVERSE_MAX_ITER = 30

_ALIASES: dict[str, Datum] = {
    "wgs84": "wgs84",
    "gcj02": "gcj02",
    "bd09": "bd09",
    "bd09ll": "bd09",
}


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _as_float_arrays(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Return writeable float64 copies of ``lon`` and ``lat`` broadcast together."""
    lon_arr, lat_arr = np.broadcast_arrays(
        np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    )
    return np.array(lon_arr, dtype=np.float64), np.array(lat_arr, dtype=np.float64)


def out_of_china(lon: ArrayLike, lat: ArrayLike) -> npt.NDArray[np.bool_]:
    """Test whether points lie outside the rectangle where GCJ-02 applies.

    Parameters
    ----------
    lon, lat : array_like
        Longitude and latitude in degrees.

    Returns
    -------
    numpy.ndarray of bool
        ``True`` where ``lon < 72.004`` or ``lon > 137.8347`` or
        ``lat < 0.8293`` or ``lat > 55.8271``. NaN coordinates count as inside.
    """
    lon_arr, lat_arr = _as_float_arrays(lon, lat)
    return (
        (lon_arr < _CHINA_LON_MIN)
        | (lon_arr > _CHINA_LON_MAX)
        | (lat_arr < _CHINA_LAT_MIN)
        | (lat_arr > _CHINA_LAT_MAX)
    )


def _transform_lat(x: FloatArray, y: FloatArray) -> FloatArray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x: FloatArray, y: FloatArray) -> FloatArray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def _gcj02_delta(lon: FloatArray, lat: FloatArray) -> LonLat:
    """Return the GCJ-02 shift ``(dlon, dlat)`` in degrees at WGS-84 points.

    No out-of-China test is applied here.
    """
    dlat = _transform_lat(lon - 105.0, lat - 35.0)
    dlon = _transform_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return dlon, dlat


# ---------------------------------------------------------------------------
# point conversions
# ---------------------------------------------------------------------------


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert WGS-84 coordinates to GCJ-02 ("Mars") coordinates.

    Parameters
    ----------
    lon, lat : array_like
        WGS-84 longitude and latitude in degrees (scalars or arrays of any
        broadcast-compatible shape).

    Returns
    -------
    lon, lat : numpy.ndarray
        GCJ-02 longitude and latitude as new float64 arrays of the broadcast
        input shape. Points outside China (see `out_of_china`) are unchanged.
    """
    lon_arr, lat_arr = _as_float_arrays(lon, lat)
    inside = ~out_of_china(lon_arr, lat_arr)
    if inside.any():
        dlon, dlat = _gcj02_delta(lon_arr[inside], lat_arr[inside])
        lon_arr[inside] += dlon
        lat_arr[inside] += dlat
    return lon_arr, lat_arr


def gcj02_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert GCJ-02 ("Mars") coordinates to WGS-84 coordinates.

    The GCJ-02 shift has no closed-form inverse. Starting from ``wgs = gcj``,
    the estimate is refined with the fixed-point iteration
    ``wgs -= forward(wgs) - gcj`` until the largest residual is below 1e-9
    degrees (about 0.1 mm) or 30 iterations have run. Because the shift varies
    slowly, this converges in three or four iterations, and the result is
    typically accurate to around 1e-6 m.

    Parameters
    ----------
    lon, lat : array_like
        GCJ-02 longitude and latitude in degrees (scalars or arrays of any
        broadcast-compatible shape).

    Returns
    -------
    lon, lat : numpy.ndarray
        WGS-84 longitude and latitude as new float64 arrays of the broadcast
        input shape. Points whose GCJ-02 position is outside China (see
        `out_of_china`) are unchanged.
    """
    gcj_lon, gcj_lat = _as_float_arrays(lon, lat)
    wgs_lon, wgs_lat = gcj_lon.copy(), gcj_lat.copy()
    inside = ~out_of_china(gcj_lon, gcj_lat)
    if not inside.any():
        return wgs_lon, wgs_lat

    target_lon, target_lat = gcj_lon[inside], gcj_lat[inside]
    est_lon, est_lat = target_lon.copy(), target_lat.copy()
    for _ in range(_INVERSE_MAX_ITER):
        # The shift is applied without the rectangle test, so the iteration stays
        # smooth for points whose WGS-84 position lies just outside the rectangle.
        dlon, dlat = _gcj02_delta(est_lon, est_lat)
        err_lon = est_lon + dlon - target_lon
        err_lat = est_lat + dlat - target_lat
        est_lon -= err_lon
        est_lat -= err_lat
        # NaN residuals compare False, so NaN input cannot stall the loop.
        if not (
            np.any(np.abs(err_lon) >= _INVERSE_TOL_DEG)
            or np.any(np.abs(err_lat) >= _INVERSE_TOL_DEG)
        ):
            break
    wgs_lon[inside] = est_lon
    wgs_lat[inside] = est_lat
    return wgs_lon, wgs_lat


def gcj02_to_bd09(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert GCJ-02 coordinates to Baidu BD-09 coordinates.

    Uses the standard formula with ``x_pi = pi * 3000 / 180``::

        z = hypot(lon, lat) + 2e-5 * sin(lat * x_pi)
        theta = atan2(lat, lon) + 3e-6 * cos(lon * x_pi)
        bd_lon = z * cos(theta) + 0.0065
        bd_lat = z * sin(theta) + 0.006

    Parameters
    ----------
    lon, lat : array_like
        GCJ-02 longitude and latitude in degrees.

    Returns
    -------
    lon, lat : numpy.ndarray
        BD-09 longitude and latitude as new float64 arrays of the broadcast
        input shape. The formula is applied everywhere (no out-of-China test).
    """
    x, y = _as_float_arrays(lon, lat)
    z = np.hypot(x, y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def bd09_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert Baidu BD-09 coordinates to GCJ-02 coordinates.

    Uses the standard closed-form approximate inverse of `gcj02_to_bd09`::

        x, y = bd_lon - 0.0065, bd_lat - 0.006
        z = hypot(x, y) - 2e-5 * sin(y * x_pi)
        theta = atan2(y, x) - 3e-6 * cos(x * x_pi)
        gcj_lon, gcj_lat = z * cos(theta), z * sin(theta)

    Parameters
    ----------
    lon, lat : array_like
        BD-09 longitude and latitude in degrees.

    Returns
    -------
    lon, lat : numpy.ndarray
        GCJ-02 longitude and latitude as new float64 arrays of the broadcast
        input shape. The formula is applied everywhere (no out-of-China test).
    """
    bd_lon, bd_lat = _as_float_arrays(lon, lat)
    x = bd_lon - 0.0065
    y = bd_lat - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def wgs84_to_bd09(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert WGS-84 coordinates to Baidu BD-09 coordinates (via GCJ-02).

    Parameters
    ----------
    lon, lat : array_like
        WGS-84 longitude and latitude in degrees.

    Returns
    -------
    lon, lat : numpy.ndarray
        BD-09 longitude and latitude as new float64 arrays of the broadcast
        input shape.
    """
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """Convert Baidu BD-09 coordinates to WGS-84 coordinates (via GCJ-02).

    Parameters
    ----------
    lon, lat : array_like
        BD-09 longitude and latitude in degrees.

    Returns
    -------
    lon, lat : numpy.ndarray
        WGS-84 longitude and latitude as new float64 arrays of the broadcast
        input shape.
    """
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def _identity(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    return _as_float_arrays(lon, lat)


_CONVERTERS: dict[tuple[Datum, Datum], Callable[[ArrayLike, ArrayLike], LonLat]] = {
    ("wgs84", "gcj02"): wgs84_to_gcj02,
    ("gcj02", "wgs84"): gcj02_to_wgs84,
    ("gcj02", "bd09"): gcj02_to_bd09,
    ("bd09", "gcj02"): bd09_to_gcj02,
    ("wgs84", "bd09"): wgs84_to_bd09,
    ("bd09", "wgs84"): bd09_to_wgs84,
}


# ---------------------------------------------------------------------------
# dispatch
# ---------------------------------------------------------------------------


def normalise_datum(name: str) -> Datum:
    """Return the canonical name of a datum given in any common spelling.

    Matching ignores case, surrounding whitespace, hyphens, underscores and
    spaces, so ``"WGS-84"``, ``"wgs_84"``, ``"GCJ-02"``, ``"gcj02"``,
    ``"BD-09"`` and ``"bd09ll"`` are all accepted.

    Parameters
    ----------
    name : str
        Datum name.

    Returns
    -------
    Datum
        One of ``"wgs84"``, ``"gcj02"``, ``"bd09"``.

    Raises
    ------
    ValueError
        If the name is not a recognised datum.
    """
    if isinstance(name, str):
        key = name.strip().lower()
        for char in "-_ ":
            key = key.replace(char, "")
        datum = _ALIASES.get(key)
        if datum is not None:
            return datum
    raise ValueError(f"unknown datum {name!r}: use one of {', '.join(DATUMS)}")


def convert(lon: ArrayLike, lat: ArrayLike, src: str, dst: str) -> LonLat:
    """Convert coordinates between any two supported datums.

    Parameters
    ----------
    lon, lat : array_like
        Longitude and latitude in degrees in the ``src`` datum.
    src, dst : str
        Source and destination datum; any spelling accepted by
        `normalise_datum` (e.g. ``"WGS-84"``, ``"gcj02"``, ``"BD-09"``).

    Returns
    -------
    lon, lat : numpy.ndarray
        Converted coordinates as new float64 arrays of the broadcast input
        shape. When ``src`` and ``dst`` are the same datum the values are
        copied unchanged.

    Raises
    ------
    ValueError
        If ``src`` or ``dst`` is not a recognised datum.
    """
    src_datum = normalise_datum(src)
    dst_datum = normalise_datum(dst)
    if src_datum == dst_datum:
        return _identity(lon, lat)
    return _CONVERTERS[(src_datum, dst_datum)](lon, lat)


# ---------------------------------------------------------------------------
# geometries
# ---------------------------------------------------------------------------


def convert_geometries(geometries: Any, src: str, dst: str) -> npt.NDArray[np.object_]:
    """Convert shapely geometries between datums.

    All vertices of all geometries are converted in a single vectorised call
    through :func:`shapely.transform`. Geometry types, vertex counts and
    Z values are preserved; the input geometries are not modified.

    Parameters
    ----------
    geometries : array_like of shapely.Geometry, or geopandas.GeoSeries
        Geometries with ``(lon, lat)`` coordinates in degrees. May contain
        ``None`` and empty geometries, which are returned as they are.
    src, dst : str
        Source and destination datum (see `normalise_datum`).

    Returns
    -------
    numpy.ndarray of object
        Converted geometries, with the shape of the input array.

    Raises
    ------
    ValueError
        If ``src`` or ``dst`` is not a recognised datum.
    """
    src_datum = normalise_datum(src)
    dst_datum = normalise_datum(dst)
    geoms = np.array(geometries, dtype=np.object_)
    if src_datum == dst_datum or geoms.size == 0:
        return geoms

    def _convert_coords(coords: FloatArray) -> FloatArray:
        out = np.array(coords, dtype=np.float64)
        out[:, 0], out[:, 1] = convert(coords[:, 0], coords[:, 1], src_datum, dst_datum)
        return out

    # include_z=None would split the work into a 2-D and a 3-D call; only do that
    # when there are 3-D geometries whose Z must be kept.
    include_z = None if bool(np.any(shapely.has_z(geoms))) else False
    return cast(
        npt.NDArray[np.object_],
        shapely.transform(geoms, _convert_coords, include_z=include_z, interleaved=True),
    )


def convert_geodataframe(gdf: gpd.GeoDataFrame, src: str, dst: str) -> gpd.GeoDataFrame:
    """Return a copy of a GeoDataFrame with its geometries converted between datums.

    GCJ-02 and BD-09 have no EPSG code; data in them is conventionally stored
    as longitude/latitude labelled EPSG:4326 (or with no CRS at all). Only the
    active geometry column is converted.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Data with longitude/latitude coordinates in the ``src`` datum. Its CRS
        must be EPSG:4326 (or equivalent, e.g. OGC:CRS84) or unset.
    src, dst : str
        Source and destination datum (see `normalise_datum`).

    Returns
    -------
    geopandas.GeoDataFrame
        A new GeoDataFrame with converted geometries and CRS set to EPSG:4326.

    Raises
    ------
    ValueError
        If the GeoDataFrame has a CRS other than EPSG:4326, or ``src`` or
        ``dst`` is not a recognised datum.
    """
    import geopandas as gpd
    from pyproj import CRS

    src_datum = normalise_datum(src)
    dst_datum = normalise_datum(dst)
    if gdf.crs is not None and not CRS.from_user_input(gdf.crs).equals(
        CRS.from_epsg(4326), ignore_axis_order=True
    ):
        raise ValueError(
            f"cannot convert datum of data in CRS {gdf.crs.to_string()!r}: datum conversion "
            "works on longitude/latitude degrees; reproject the data to WGS-84 / "
            "EPSG:4326 first, e.g. gdf.to_crs(4326)"
        )
    out = gdf.copy()
    converted = convert_geometries(gdf.geometry.values, src_datum, dst_datum)
    geom_name = out.geometry.name
    out[geom_name] = gpd.GeoSeries(converted, index=out.index, crs="EPSG:4326")
    return out.set_crs("EPSG:4326", allow_override=True)
