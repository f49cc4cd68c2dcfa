"""Hostile boundary files and sheets: each refused with one sentence, or accepted and usable.

Every file here is written by the test. An accepted import must work everywhere: the map
document, the join, a figure and a region report (a dense, overlapping layer used to import
and then stop ``export`` with a GEOS error).
"""

from __future__ import annotations

import json
import warnings
import zipfile

import numpy as np
import pytest
import shapely

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.errors import InputError


def _frame(rows, geometry, crs="EPSG:4326"):
    import geopandas as gpd

    return gpd.GeoDataFrame(rows, geometry=geometry, crs=crs)


@pytest.fixture(scope="module")
def shanxi():
    from geodata.boundaries.bundled import bundled_layer

    return bundled_layer("city", "140000").gdf


def test_a_csv_is_refused_as_a_table(tmp_path):
    sheet = tmp_path / "regions.csv"
    sheet.write_text("adcode,name\n140100,太原市\n", encoding="utf-8")
    with pytest.raises(InputError, match="is a table, not a boundary file"):
        inspect_boundary_file(sheet, level="city", province="shanxi")


def test_nan_coordinates_in_a_geopackage_are_an_input_error(tmp_path):
    with warnings.catch_warnings():  # shapely and GDAL warn of the NaN they are asked to write
        warnings.simplefilter("ignore", RuntimeWarning)
        bad = shapely.Polygon([(112, 37), (113, 37), (113, 38), (np.nan, 38)])
        path = tmp_path / "nan.gpkg"
        _frame({"adcode": ["140100", "140200"]}, [bad, shapely.box(113, 39, 114, 40)]).to_file(path)
    with pytest.raises(
        InputError, match=r"NaN or infinite coordinates in 1 features \(feature 1\)"
    ):
        inspect_boundary_file(path, level="city", province="shanxi")


def test_an_archive_over_the_size_budget_names_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("regions.geojson", b" " * (12 * 2**20))
    assert path.stat().st_size < 100_000  # 12 MB of spaces pack small
    monkeypatch.setenv("INFRA_ATLAS_MAX_INPUT_MB", "10")
    with pytest.raises(InputError, match=r"unpacks to 12 MB, over the 10 MB limit.*INFRA_ATLAS_"):
        inspect_boundary_file(path, level="city", province="shanxi")
    monkeypatch.setenv("INFRA_ATLAS_MAX_INPUT_MB", "lots")
    with pytest.raises(InputError, match="is not a size"):
        inspect_boundary_file(path, level="city", province="shanxi")


@pytest.mark.parametrize(
    ("province", "code"), [("zhejiang", "331000"), ("jiangsu", "321200"), (None, None)]
)
def test_the_province_named_decides_taizhou(tmp_path, province, code):
    path = tmp_path / "taizhou.geojson"
    boxes = [shapely.box(121, 28.5, 121.5, 29), shapely.box(119.9, 32.3, 120.3, 32.6)]
    _frame({"name": ["Taizhou", "Taizhou"]}, boxes).to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path, level="city", province=province)
    assert {r["code"] for r in result.regions} == {code}
    ambiguous = [w for w in result.warnings if "could be" in w]
    assert bool(ambiguous) == (province is None)
    json.dumps(result.report(), allow_nan=False)  # an unresolved region is null, never NaN


def test_swapped_codes_and_missing_regions_are_warned(tmp_path, shanxi):
    frame = shanxi[["adcode", "geometry"]].copy()
    swap = {"140100": "140200", "140200": "140100"}
    frame["adcode"] = [swap.get(c, c) for c in frame["adcode"]]
    frame = frame[frame["adcode"] != "140300"]
    path = tmp_path / "swapped.gpkg"
    frame.to_file(path)
    warnings = inspect_boundary_file(path, level="city", province="shanxi").warnings
    swapped = next(w for w in warnings if "lie mostly outside" in w)
    assert "140100 lies on 140200" in swapped and "140200 lies on 140100" in swapped
    assert "2 features" in swapped
    missing = next(w for w in warnings if "has no region for" in w)
    assert "阳泉市 (140300)" in missing and "1 of the 11" in missing


def test_the_bundled_cities_raise_no_plausibility_warning(tmp_path, shanxi):
    path = tmp_path / "cities.gpkg"
    shanxi[["adcode", "name_zh", "geometry"]].to_file(path)
    warnings = inspect_boundary_file(path, level="city", province="shanxi").warnings
    assert not [w for w in warnings if "lie mostly outside" in w or "has no region" in w]


def test_control_and_direction_characters_leave_names(tmp_path):
    path = tmp_path / "names.geojson"
    names = ["\u202e小店区", "迎泽\u200f区\u2066"]  # GDAL cuts a name at a NUL itself
    boxes = [shapely.box(112.5, 37.7, 112.6, 37.8), shapely.box(112.5, 37.8, 112.6, 37.9)]
    _frame({"name": names}, boxes).to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path, level="county", province="shanxi", name_field="name")
    shown = [r["name"] for r in result.regions]
    assert shown == ["小店区", "迎泽区"]
    assert [r["code"] for r in result.regions] == ["140105", "140106"]
    assert any(
        "control or text-direction characters, removed (feature 1, 2)" in w for w in result.warnings
    )


def test_names_lose_nul_and_controls():
    from geodata.regions.names import without_controls

    assert without_controls("太原\x00市\u202e") == "太原市"
    assert without_controls("Tai\tyuan\nshi") == "Tai yuan shi"


@pytest.mark.parametrize("value", ["inf", "1e309", "NaN", "-inf"])
def test_non_finite_target_values_are_refused_by_line(tmp_path, value):
    from geodata.plan.user_targets import import_user_targets

    sheet = tmp_path / "targets.csv"
    sheet.write_text(f"region,metric,value\n太原市,x,5\n太原市,y,{value}\n", encoding="utf-8")
    result = import_user_targets(sheet)
    assert [t.value for t in result.targets] == [5.0]
    assert result.errors == [(3, f"{value!r} is not a finite number: write digits such as 120000")]


def test_an_empty_sheet_is_an_input_error(tmp_path):
    from geodata.plan.user_targets import import_user_targets

    sheet = tmp_path / "empty.csv"
    sheet.write_bytes(b"")
    with pytest.raises(InputError, match="empty.csv is empty"):
        import_user_targets(sheet)


@pytest.fixture
def overlapping_import(tmp_path, monkeypatch, shanxi):
    """Shanxi's cities stored with Taiyuan dense (20,000 vertices) and overlapping Jinzhong."""
    from geodata.boundaries.store import BoundaryStore

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    frame = shanxi[["adcode", "name_zh", "geometry"]].copy()
    taiyuan = frame.index[frame["adcode"] == "140100"][0]
    spilled = frame.geometry[taiyuan].buffer(0.05)  # over its neighbours' borders
    frame.loc[taiyuan, "geometry"] = shapely.segmentize(spilled, 0.0002)
    assert shapely.get_num_coordinates(frame.geometry[taiyuan]) > 20_000
    path = tmp_path / "overlapping.gpkg"
    frame.to_file(path)
    result = inspect_boundary_file(path, level="city", province="shanxi")
    BoundaryStore().add(result)
    return tmp_path


def test_an_accepted_overlapping_layer_works_everywhere(overlapping_import):
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.plan.join import join
    from geodata.printing.output import save_figure

    data = AtlasData()
    layer = data.layer("140000", "city")
    assert layer.version not in (0, "0", None)
    assert not shapely.coverage_is_valid(np.asarray(layer.gdf.geometry.values))
    out = overlapping_import
    assert data.write_map(out / "map.html", "140000", "city", MapOptions()).stat().st_size > 0
    report = join(data.targets, layer)
    json.dumps(report.to_dict(), allow_nan=False)
    figure = save_figure(data.figure("140000", "city", MapOptions(metric="role")), out / "f.pdf")
    assert figure.stat().st_size > 10_000
    report = data.region_report("140100", out / "r.pdf", "140000", "city")
    assert report.stat().st_size > 10_000
