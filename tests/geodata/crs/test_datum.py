"""Tests for geodata.crs.datum (WGS-84 / GCJ-02 / BD-09 conversion)."""

from __future__ import annotations

import eviltransform
import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from geodata.crs.datum import (
    DATUMS,
    bd09_to_gcj02,
    bd09_to_wgs84,
    convert,
    convert_geodataframe,
    convert_geometries,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    normalise_datum,
    out_of_china,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

POINT_FUNCTIONS = [
    wgs84_to_gcj02,
    gcj02_to_wgs84,
    gcj02_to_bd09,
    bd09_to_gcj02,
    wgs84_to_bd09,
    bd09_to_wgs84,
]

# eviltransform 0.1.1 scales the GCJ-02 shift with the WGS-84 semi-major axis
# (6378137 m) where the standard formula (and geodata.crs.datum) uses the Krasovsky
# axis a = 6378245 m. The shift is inversely proportional to that radius, so the
# two differ by a factor of exactly 6378137 / 6378245 (about 1.7e-5 of the shift:
# < 1e-6 degrees, ~1 cm). Rescaling eviltransform's shift makes it an
# independent implementation of exactly the standard formula.
EVILTRANSFORM_RADIUS_FACTOR = 6378137.0 / 6378245.0

BEIJING_WGS84 = (116.397428, 39.90923)


def haversine_m(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance in metres on a sphere of radius 6371008.8 m."""
    lon1, lat1, lon2, lat2 = (
        np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371008.8 * np.arcsin(np.sqrt(a))


@pytest.fixture(scope="module")
def china_points() -> tuple[np.ndarray, np.ndarray]:
    """A seeded random cloud of 2000 points across China."""
    rng = np.random.default_rng(20240611)
    lon = rng.uniform(73.0, 135.0, 2000)
    lat = rng.uniform(18.0, 53.0, 2000)
    return lon, lat


# ---------------------------------------------------------------------------
# forward formulas against eviltransform
# ---------------------------------------------------------------------------


def test_wgs84_to_gcj02_matches_eviltransform(china_points):
    lon, lat = china_points
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)

    ev = np.array([eviltransform.wgs2gcj(la, lo) for lo, la in zip(lon, lat, strict=True)])
    ev_lat, ev_lon = ev[:, 0], ev[:, 1]  # eviltransform returns (lat, lng)

    # Same formula once the radius convention is aligned: agreement to rounding error.
    expected_lon = lon + (ev_lon - lon) * EVILTRANSFORM_RADIUS_FACTOR
    expected_lat = lat + (ev_lat - lat) * EVILTRANSFORM_RADIUS_FACTOR
    np.testing.assert_allclose(gcj_lon, expected_lon, rtol=0, atol=1e-9)
    np.testing.assert_allclose(gcj_lat, expected_lat, rtol=0, atol=1e-9)

    # Raw eviltransform output differs only by that radius convention: < 3 cm.
    np.testing.assert_allclose(gcj_lon, ev_lon, rtol=0, atol=5e-7)
    np.testing.assert_allclose(gcj_lat, ev_lat, rtol=0, atol=5e-7)
    assert haversine_m(gcj_lon, gcj_lat, ev_lon, ev_lat).max() < 0.03


def test_shift_is_really_applied(china_points):
    lon, lat = china_points
    shift = haversine_m(lon, lat, *wgs84_to_gcj02(lon, lat))
    assert shift.min() > 1.0
    assert shift.max() < 1500.0


def test_bd09_formulas_match_eviltransform(china_points):
    lon, lat = china_points
    bd_lon, bd_lat = gcj02_to_bd09(lon, lat)
    ev = np.array([eviltransform.gcj2bd(la, lo) for lo, la in zip(lon, lat, strict=True)])
    np.testing.assert_allclose(bd_lon, ev[:, 1], rtol=0, atol=1e-9)
    np.testing.assert_allclose(bd_lat, ev[:, 0], rtol=0, atol=1e-9)

    back_lon, back_lat = bd09_to_gcj02(lon, lat)
    ev = np.array([eviltransform.bd2gcj(la, lo) for lo, la in zip(lon, lat, strict=True)])
    np.testing.assert_allclose(back_lon, ev[:, 1], rtol=0, atol=1e-9)
    np.testing.assert_allclose(back_lat, ev[:, 0], rtol=0, atol=1e-9)


def test_beijing_known_value():
    lon, lat = BEIJING_WGS84
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    shift = float(haversine_m(lon, lat, gcj_lon, gcj_lat))
    assert 100.0 < shift < 700.0
    # GCJ-02 moves Beijing roughly 500 m east and 150 m north.
    assert gcj_lon > lon
    assert gcj_lat > lat
    assert float(gcj_lon) == pytest.approx(116.4036716, abs=1e-6)
    assert float(gcj_lat) == pytest.approx(39.9106335, abs=1e-6)

    bd_lon, bd_lat = wgs84_to_bd09(lon, lat)
    assert 500.0 < float(haversine_m(lon, lat, bd_lon, bd_lat)) < 2000.0


# ---------------------------------------------------------------------------
# round trips
# ---------------------------------------------------------------------------


def test_wgs84_gcj02_round_trip(china_points):
    lon, lat = china_points
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    error_m = haversine_m(lon, lat, back_lon, back_lat)
    assert error_m.max() < 0.5
    # The iterative inverse is in fact far better than the requirement.
    assert error_m.max() < 1e-3


def test_gcj02_to_wgs84_inverts_forward_at_gcj_points(china_points):
    gcj_lon, gcj_lat = china_points  # treat the cloud as GCJ-02 input this time
    wgs_lon, wgs_lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    again_lon, again_lat = wgs84_to_gcj02(wgs_lon, wgs_lat)
    np.testing.assert_allclose(again_lon, gcj_lon, rtol=0, atol=1e-9)
    np.testing.assert_allclose(again_lat, gcj_lat, rtol=0, atol=1e-9)
    # and the inverse really moved the points
    assert haversine_m(gcj_lon, gcj_lat, wgs_lon, wgs_lat).min() > 1.0


def test_gcj02_bd09_round_trip(china_points):
    lon, lat = china_points
    back_lon, back_lat = bd09_to_gcj02(*gcj02_to_bd09(lon, lat))
    assert haversine_m(lon, lat, back_lon, back_lat).max() < 0.5


def test_wgs84_bd09_round_trips(china_points):
    lon, lat = china_points
    back_lon, back_lat = bd09_to_wgs84(*wgs84_to_bd09(lon, lat))
    assert haversine_m(lon, lat, back_lon, back_lat).max() < 0.5

    bd_lon, bd_lat = lon, lat  # treat the cloud as BD-09 input
    again_lon, again_lat = wgs84_to_bd09(*bd09_to_wgs84(bd_lon, bd_lat))
    assert haversine_m(bd_lon, bd_lat, again_lon, again_lat).max() < 0.5


@pytest.mark.parametrize("src", DATUMS)
@pytest.mark.parametrize("dst", DATUMS)
def test_convert_round_trip_all_pairs(china_points, src, dst):
    lon, lat = china_points
    back_lon, back_lat = convert(*convert(lon, lat, src, dst), dst, src)
    assert haversine_m(lon, lat, back_lon, back_lat).max() < 0.5


# ---------------------------------------------------------------------------
# out-of-China, shapes, NaN
# ---------------------------------------------------------------------------

OUTSIDE = {
    "London": (-0.1276, 51.5072),
    "Tokyo": (139.6917, 35.6895),
    "Sydney": (151.2093, -33.8688),
    "north of the rectangle": (100.0, 56.0),
    "west of the rectangle": (71.9, 40.0),
    "equator": (110.0, 0.5),
}


@pytest.mark.parametrize("func", [wgs84_to_gcj02, gcj02_to_wgs84])
def test_gcj_functions_leave_points_outside_china_unchanged(func):
    lon = np.array([p[0] for p in OUTSIDE.values()])
    lat = np.array([p[1] for p in OUTSIDE.values()])
    assert out_of_china(lon, lat).all()
    out_lon, out_lat = func(lon, lat)
    np.testing.assert_array_equal(out_lon, lon)
    np.testing.assert_array_equal(out_lat, lat)
    ev = [eviltransform.wgs2gcj(la, lo) for lo, la in OUTSIDE.values()]
    assert ev == [(la, lo) for lo, la in OUTSIDE.values()]


def test_mixed_inside_and_outside_points():
    lon = np.array([BEIJING_WGS84[0], OUTSIDE["Tokyo"][0]])
    lat = np.array([BEIJING_WGS84[1], OUTSIDE["Tokyo"][1]])
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    assert gcj_lon[0] != lon[0]
    assert (gcj_lon[1], gcj_lat[1]) == (lon[1], lat[1])
    back_lon, back_lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    np.testing.assert_allclose(back_lon, lon, rtol=0, atol=1e-9)
    np.testing.assert_allclose(back_lat, lat, rtol=0, atol=1e-9)


def test_out_of_china_rectangle_edges():
    lon = np.array([72.004, 72.0039, 137.8347, 137.8348, 100.0, 100.0, 100.0, 100.0])
    lat = np.array([30.0, 30.0, 30.0, 30.0, 0.8293, 0.8292, 55.8271, 55.8272])
    expected = [False, True, False, True, False, True, False, True]
    assert out_of_china(lon, lat).tolist() == expected


@pytest.mark.parametrize("func", POINT_FUNCTIONS)
def test_shape_and_dtype_preserved_for_2d_arrays(func, china_points):
    lon = china_points[0][:60].reshape(6, 10)
    lat = china_points[1][:60].reshape(6, 10)
    out_lon, out_lat = func(lon, lat)
    assert out_lon.shape == out_lat.shape == (6, 10)
    assert out_lon.dtype == out_lat.dtype == np.float64
    flat_lon, flat_lat = func(lon.ravel(), lat.ravel())
    np.testing.assert_array_equal(out_lon.ravel(), flat_lon)
    np.testing.assert_array_equal(out_lat.ravel(), flat_lat)


@pytest.mark.parametrize("func", POINT_FUNCTIONS)
def test_scalars_lists_and_ints_accepted(func):
    out_lon, out_lat = func(116, 40)
    assert out_lon.shape == out_lat.shape == ()
    assert out_lon.dtype == np.float64
    list_lon, list_lat = func([116, 117], [40, 41])
    assert list_lon.shape == (2,)
    assert list_lon[0] == out_lon
    assert list_lat[0] == out_lat


@pytest.mark.parametrize("func", POINT_FUNCTIONS)
def test_inputs_are_not_modified(func, china_points):
    lon = china_points[0][:50].copy()
    lat = china_points[1][:50].copy()
    out_lon, out_lat = func(lon, lat)
    np.testing.assert_array_equal(lon, china_points[0][:50])
    np.testing.assert_array_equal(lat, china_points[1][:50])
    assert not np.shares_memory(out_lon, lon)
    assert not np.shares_memory(out_lat, lat)


@pytest.mark.parametrize("func", POINT_FUNCTIONS)
def test_nan_propagates_without_affecting_other_points(func):
    lon = np.array([116.4, np.nan, 121.47])
    lat = np.array([39.9, 30.0, 31.23])
    out_lon, out_lat = func(lon, lat)
    assert np.isnan(out_lon[1]) and np.isnan(out_lat[1])
    good_lon, good_lat = func(lon[[0, 2]], lat[[0, 2]])
    np.testing.assert_array_equal(out_lon[[0, 2]], good_lon)
    np.testing.assert_array_equal(out_lat[[0, 2]], good_lat)


# ---------------------------------------------------------------------------
# convert() and datum names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wgs84", "wgs84"),
        ("WGS-84", "wgs84"),
        ("WGS84", "wgs84"),
        (" wgs_84 ", "wgs84"),
        ("GCJ-02", "gcj02"),
        ("gcj02", "gcj02"),
        ("Gcj_02", "gcj02"),
        ("BD-09", "bd09"),
        ("bd09", "bd09"),
        ("BD09LL", "bd09"),
    ],
)
def test_normalise_datum_aliases(name, expected):
    assert normalise_datum(name) == expected


@pytest.mark.parametrize("name", ["x", "", "mars", "epsg:4326", None, 4326])
def test_normalise_datum_rejects_unknown(name):
    with pytest.raises(ValueError, match="use one of wgs84, gcj02, bd09"):
        normalise_datum(name)


def test_unknown_datum_error_message():
    with pytest.raises(ValueError) as info:
        convert(116.4, 39.9, "x", "wgs84")
    assert str(info.value) == "unknown datum 'x': use one of wgs84, gcj02, bd09"
    with pytest.raises(ValueError, match="unknown datum 'gcj-2'"):
        convert(116.4, 39.9, "wgs84", "gcj-2")


@pytest.mark.parametrize("datum", ["wgs84", "GCJ-02", "bd-09"])
def test_convert_identity(datum, china_points):
    lon, lat = china_points
    out_lon, out_lat = convert(lon, lat, datum, normalise_datum(datum).upper())
    np.testing.assert_array_equal(out_lon, lon)
    np.testing.assert_array_equal(out_lat, lat)
    assert out_lon.dtype == np.float64
    assert not np.shares_memory(out_lon, lon)


@pytest.mark.parametrize(
    ("src", "dst", "func"),
    [
        ("WGS-84", "GCJ-02", wgs84_to_gcj02),
        ("GCJ-02", "WGS-84", gcj02_to_wgs84),
        ("GCJ-02", "BD-09", gcj02_to_bd09),
        ("BD-09", "GCJ-02", bd09_to_gcj02),
        ("WGS-84", "BD-09", wgs84_to_bd09),
        ("BD-09", "WGS-84", bd09_to_wgs84),
    ],
)
def test_convert_dispatches_to_point_functions(src, dst, func, china_points):
    lon, lat = china_points
    out = convert(lon, lat, src, dst)
    expected = func(lon, lat)
    np.testing.assert_array_equal(out[0], expected[0])
    np.testing.assert_array_equal(out[1], expected[1])


# ---------------------------------------------------------------------------
# geometries
# ---------------------------------------------------------------------------


def _sample_geometries() -> list:
    shell = [(116.30, 39.85), (116.50, 39.85), (116.50, 40.00), (116.30, 40.00), (116.30, 39.85)]
    hole = [(116.38, 39.90), (116.42, 39.90), (116.42, 39.94), (116.38, 39.90)]
    polygon = Polygon(shell, [hole])
    multipolygon = MultiPolygon(
        [
            Polygon([(121.40, 31.20), (121.50, 31.20), (121.50, 31.30), (121.40, 31.20)]),
            Polygon([(113.20, 23.10), (113.30, 23.10), (113.30, 23.20), (113.20, 23.10)]),
        ]
    )
    line = LineString([(104.06, 30.57), (106.55, 29.56), (108.94, 34.34), (114.31, 30.59)])
    point = Point(87.62, 43.83)
    return [polygon, multipolygon, line, point]


@pytest.mark.parametrize("src", DATUMS)
@pytest.mark.parametrize("dst", DATUMS)
def test_convert_geometries_moves_vertices_like_point_functions(src, dst):
    geoms = np.array(_sample_geometries(), dtype=object)
    result = convert_geometries(geoms, src, dst)

    assert isinstance(result, np.ndarray)
    assert result.shape == geoms.shape
    assert shapely.get_type_id(result).tolist() == shapely.get_type_id(geoms).tolist()
    assert (
        shapely.get_num_coordinates(result).tolist() == shapely.get_num_coordinates(geoms).tolist()
    )
    assert shapely.get_num_interior_rings(result[0]) == 1
    assert shapely.get_num_geometries(result[1]) == 2

    before = shapely.get_coordinates(geoms)
    after = shapely.get_coordinates(result)
    exp_lon, exp_lat = convert(before[:, 0], before[:, 1], src, dst)
    np.testing.assert_allclose(after[:, 0], exp_lon, rtol=0, atol=1e-12)
    np.testing.assert_allclose(after[:, 1], exp_lat, rtol=0, atol=1e-12)
    assert shapely.is_valid(result).all()


def test_convert_geometries_shift_size_and_input_untouched():
    geoms = np.array(_sample_geometries(), dtype=object)
    originals = [g.wkb for g in geoms]
    result = convert_geometries(geoms, "wgs84", "gcj02")
    assert [g.wkb for g in geoms] == originals
    before = shapely.get_coordinates(geoms)
    after = shapely.get_coordinates(result)
    shift = haversine_m(before[:, 0], before[:, 1], after[:, 0], after[:, 1])
    assert (shift > 1.0).all()
    assert (shift < 1500.0).all()


def test_convert_geometries_keeps_none_and_empty():
    geoms = np.array(
        [
            None,
            Polygon(),
            LineString(),
            Point(116.4, 39.9),
            shapely.from_wkt("MULTIPOLYGON EMPTY"),
        ],
        dtype=object,
    )
    result = convert_geometries(geoms, "wgs84", "bd09")
    assert result[0] is None
    for i in (1, 2, 4):
        assert result[i].is_empty
        assert result[i].geom_type == geoms[i].geom_type
    expected = wgs84_to_bd09(116.4, 39.9)
    assert (result[3].x, result[3].y) == pytest.approx((float(expected[0]), float(expected[1])))


def test_convert_geometries_accepts_geoseries_and_lists():
    geoms = _sample_geometries()
    from_series = convert_geometries(gpd.GeoSeries(geoms, crs=4326), "gcj02", "wgs84")
    from_list = convert_geometries(geoms, "gcj02", "wgs84")
    assert isinstance(from_series, np.ndarray)
    assert shapely.equals_exact(from_series, from_list, tolerance=0).all()


def test_convert_geometries_preserves_z():
    geoms = np.array([LineString([(116.4, 39.9, 50.0), (116.5, 40.0, 60.0)]), Point(121.4, 31.2)])
    result = convert_geometries(geoms, "wgs84", "gcj02")
    assert shapely.has_z(result).tolist() == [True, False]
    coords = shapely.get_coordinates(result[0], include_z=True)
    np.testing.assert_array_equal(coords[:, 2], [50.0, 60.0])
    exp_lon, exp_lat = wgs84_to_gcj02([116.4, 116.5], [39.9, 40.0])
    np.testing.assert_allclose(coords[:, 0], exp_lon, rtol=0, atol=1e-12)
    np.testing.assert_allclose(coords[:, 1], exp_lat, rtol=0, atol=1e-12)


def test_convert_geometries_identity_and_empty_input():
    geoms = np.array(_sample_geometries(), dtype=object)
    same = convert_geometries(geoms, "BD-09", "bd09")
    assert shapely.equals_exact(same, geoms, tolerance=0).all()
    assert convert_geometries(np.array([], dtype=object), "wgs84", "gcj02").shape == (0,)
    with pytest.raises(ValueError, match="unknown datum"):
        convert_geometries(geoms, "wgs84", "utm")


# ---------------------------------------------------------------------------
# GeoDataFrames
# ---------------------------------------------------------------------------


def test_convert_geodataframe_converts_copy():
    geoms = _sample_geometries()
    gdf = gpd.GeoDataFrame(
        {"name": ["poly", "multi", "line", "point"]},
        geometry=geoms,
        crs="EPSG:4326",
        index=[10, 11, 12, 13],
    )
    out = convert_geodataframe(gdf, "gcj02", "wgs84")

    assert out is not gdf
    assert out.crs.to_epsg() == 4326
    assert list(out.index) == [10, 11, 12, 13]
    assert out["name"].tolist() == gdf["name"].tolist()
    expected = convert_geometries(np.array(geoms, dtype=object), "gcj02", "wgs84")
    assert shapely.equals_exact(out.geometry.values, expected, tolerance=0).all()
    # original untouched
    assert shapely.equals_exact(gdf.geometry.values, np.array(geoms), tolerance=0).all()


def test_convert_geodataframe_without_crs_and_custom_geometry_column():
    gdf = gpd.GeoDataFrame(
        {"id": [1, 2], "geom": [Point(116.4, 39.9), None]}, geometry="geom", crs=None
    )
    out = convert_geodataframe(gdf, "BD-09", "WGS-84")
    assert out.geometry.name == "geom"
    assert out.crs.to_epsg() == 4326
    assert gdf.crs is None
    exp_lon, exp_lat = bd09_to_wgs84(116.4, 39.9)
    assert (out.geometry.iloc[0].x, out.geometry.iloc[0].y) == pytest.approx(
        (float(exp_lon), float(exp_lat))
    )
    assert out.geometry.iloc[1] is None


def test_convert_geodataframe_accepts_crs84():
    gdf = gpd.GeoDataFrame(geometry=[Point(116.4, 39.9)], crs="OGC:CRS84")
    out = convert_geodataframe(gdf, "wgs84", "gcj02")
    assert out.crs.to_epsg() == 4326


def test_convert_geodataframe_refuses_projected_crs():
    gdf = gpd.GeoDataFrame(geometry=[Point(116.4, 39.9)], crs="EPSG:4326").to_crs("EPSG:4547")
    with pytest.raises(ValueError, match="EPSG:4326"):
        convert_geodataframe(gdf, "gcj02", "wgs84")
