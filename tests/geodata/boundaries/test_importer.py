"""Importing messy boundary files: formats, CRS, datum, encoding, fields, geometry, errors."""

from pathlib import Path

import pytest
import shapely

from geodata.boundaries.importer.inspect import LayerChoiceError, inspect_boundary_file
from geodata.errors import InputError
from tests import boundary_cases as cases

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


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("boundary-cases")


def _case(folder: Path, name: str) -> Path:
    sub = folder / name
    sub.mkdir(exist_ok=True)
    return getattr(cases, name)(sub)


def _close_to_bundled(layer, tolerance_deg: float = 0.01) -> None:
    bundled = cases.shanxi_cities().set_index("adcode")
    for code, geom in zip(layer.gdf["adcode"], layer.gdf.geometry, strict=True):
        expected = bundled.loc[code, "geometry"]
        assert shapely.hausdorff_distance(geom, expected) < tolerance_deg, code


def test_gbk_shapefile_without_cpg_in_4547_is_decoded_and_reprojected(folder):
    result = inspect_boundary_file(_case(folder, "gbk_shapefile_4547"))
    assert result.encoding == "GB18030" and result.encoding_source == "detected"
    assert result.crs_in == "EPSG:4547" and result.crs_source == "file"
    assert result.layer.code_field == "QHDM" and result.layer.name_field == "QHMC"
    assert result.layer.level == "city" and result.layer.province == "140000"
    assert set(result.layer.adcodes) == SHANXI_CODES  # 12-digit codes cut to adcodes
    names = dict(zip(result.layer.gdf["adcode"], result.layer.gdf["name_zh"], strict=True))
    assert names["140100"] == "太原市" and names["141100"] == "吕梁市"
    assert result.preview[0]["QHDM"] == "140100000000" and result.preview[0]["QHMC"] == "太原市"
    _close_to_bundled(result.layer)


def test_encoding_override_is_used_and_reported(folder):
    path = _case(folder, "gbk_shapefile_4547")
    result = inspect_boundary_file(path, encoding="gbk")
    assert result.encoding == "GBK" and result.encoding_source == "given"
    assert "太原市" in set(result.layer.gdf["name_zh"])
    wrong = inspect_boundary_file(path, encoding="latin-1", code_field="QHDM")
    assert wrong.encoding == "ISO-8859-1"  # the user asked for Latin-1 and got its mojibake
    assert wrong.preview[0]["QHMC"].encode("latin-1").decode("gbk") == "太原市"


def test_missing_crs_is_guessed_from_gauss_kruger_coordinates_and_reported(folder):
    result = inspect_boundary_file(_case(folder, "gbk_no_prj"))
    assert result.crs_in == "EPSG:4547" and result.crs_source == "guessed"
    assert any("EPSG:4547" in w and "--crs" in w for w in result.warnings)
    _close_to_bundled(result.layer)


def test_crs_with_zone_prefix_is_guessed(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "geometry"]].to_crs("EPSG:4526")  # zone 38, 114E
    assert gdf.total_bounds[0] > 38e6
    path = tmp_path / "zone38.geojson"
    gdf.to_file(path, driver="GeoJSON")
    text = path.read_text(encoding="utf-8").replace('"crs"', '"ignored_crs"')
    path.write_text(text, encoding="utf-8")
    result = inspect_boundary_file(path)
    assert result.crs_in == "EPSG:4526" and result.crs_source == "guessed"
    _close_to_bundled(result.layer)


def test_crs_override_and_unknown_crs(folder):
    path = _case(folder, "gbk_no_prj")
    result = inspect_boundary_file(path, crs="4547")
    assert result.crs_in == "EPSG:4547" and result.crs_source == "given"
    with pytest.raises(InputError, match="--crs 'EPSG:99999' is not a coordinate reference"):
        inspect_boundary_file(path, crs="EPSG:99999")
    with pytest.raises(InputError, match="do not fit EPSG:4326"):
        inspect_boundary_file(path, crs="EPSG:4326")


def test_pinyin_names_resolve_and_show_in_chinese(folder):
    result = inspect_boundary_file(_case(folder, "pinyin_geojson"))
    assert result.layer.code_field is None and result.layer.name_field == "NAME"
    assert set(result.layer.adcodes) == SHANXI_CODES
    assert "吕梁市" in set(result.layer.gdf["name_zh"])
    assert result.preview[-1]["NAME"] == "Jinzhong City" or result.preview[0]["NAME"]


def test_field_choice_and_unknown_field(folder):
    path = _case(folder, "gbk_shapefile_4547")
    result = inspect_boundary_file(path, name_field="QHMC", code_field="QHDM")
    assert result.fields == ["QHDM", "QHMC"]
    with pytest.raises(InputError, match="no field 'NAME' for the name: give --name-field one"):
        inspect_boundary_file(path, name_field="NAME")


def test_gcj02_file_is_converted_to_wgs84(folder):
    path = _case(folder, "gcj02_geojson")
    raw = inspect_boundary_file(path)
    converted = inspect_boundary_file(path, datum="gcj02")
    assert converted.layer.datum_in == "gcj02"
    _close_to_bundled(converted.layer, 0.0005)
    shift = shapely.hausdorff_distance(raw.layer.gdf.geometry[0], converted.layer.gdf.geometry[0])
    assert 0.002 < shift < 0.02  # a few hundred metres, the GCJ-02 offset


def test_bowtie_polygon_is_repaired_and_counted(folder):
    result = inspect_boundary_file(_case(folder, "bowtie"))
    assert result.repaired == 1
    geom = result.layer.gdf.geometry[0]
    assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon") and geom.area > 0
    assert any("1 invalid polygons were repaired" in w for w in result.warnings)


def test_duplicate_codes_are_reported(folder):
    result = inspect_boundary_file(_case(folder, "duplicate_codes"))
    assert any("duplicate region codes: 140100 (2 times)" in w for w in result.warnings)


def test_features_outside_the_province_are_warned(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]].copy()
    gdf.loc[0, "geometry"] = shapely.affinity.translate(gdf.geometry[0], xoff=8)
    path = tmp_path / "moved.geojson"
    gdf.to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path)
    assert any("1 features lie outside Shanxi" in w and "太原市" in w for w in result.warnings)


def test_geopackage_layer_choice(folder):
    path = _case(folder, "geopackage_two_layers")
    with pytest.raises(LayerChoiceError) as info:
        inspect_boundary_file(path)
    assert info.value.layers == ["cities", "cities_2019"]
    assert "choose one with --layer" in str(info.value)
    result = inspect_boundary_file(path, layer="cities_2019")
    assert len(result.layer) == 3 and result.layer_name == "cities_2019"


def test_zip_with_two_shapefiles_needs_a_choice(folder):
    path = _case(folder, "two_layer_zip")
    with pytest.raises(LayerChoiceError, match=r"holds 2 boundary files \(cities, cities_copy\)"):
        inspect_boundary_file(path)
    result = inspect_boundary_file(path, layer="cities_copy")
    assert set(result.layer.adcodes) == SHANXI_CODES and result.encoding == "GB18030"


def test_kml_is_read(folder):
    result = inspect_boundary_file(_case(folder, "kml"))
    assert set(result.layer.adcodes) == SHANXI_CODES
    _close_to_bundled(result.layer)


def test_flatgeobuf_is_read(tmp_path):
    path = tmp_path / "cities.fgb"
    cases.shanxi_cities().to_file(path, driver="FlatGeobuf")
    assert set(inspect_boundary_file(path).layer.adcodes) == SHANXI_CODES


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated_zip", "truncated.zip is not a readable zip archive"),
        ("zip_without_dbf", "holds shanxi_gbk.shp but no shanxi_gbk.dbf: add the .dbf"),
        ("random_bytes", "noise.geojson could not be read as a boundary file"),
        ("empty_collection", "empty.geojson holds no features"),
        ("points", "holds 11 Point features but a boundary layer needs polygons"),
    ],
)
def test_bad_files_raise_one_clear_sentence(folder, name, message):
    with pytest.raises(InputError) as info:
        inspect_boundary_file(_case(folder, name))
    text = str(info.value)
    assert message in text
    assert "\n" not in text and "Traceback" not in text and "/vsizip/" not in text


def test_loose_shapefile_without_dbf(folder):
    shp = _case(folder, "gbk_shapefile_4547")
    lonely = folder / "lonely"
    lonely.mkdir()
    for suffix in (".shp", ".shx", ".prj"):
        (lonely / f"x{suffix}").write_bytes(shp.with_suffix(suffix).read_bytes())
    with pytest.raises(InputError, match=r"x.shp has no x.dbf beside it: put the .dbf"):
        inspect_boundary_file(lonely / "x.shp")


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        inspect_boundary_file(tmp_path / "nothing.geojson")
    (tmp_path / "zero.gpkg").write_bytes(b"")
    with pytest.raises(InputError, match=r"zero.gpkg is empty \(0 bytes\)"):
        inspect_boundary_file(tmp_path / "zero.gpkg")


def test_kmz_is_read(folder, tmp_path):
    import zipfile

    kml = _case(folder, "kml")
    kmz = tmp_path / "cities.kmz"
    with zipfile.ZipFile(kmz, "w") as z:
        z.write(kml, "doc.kml")
    assert set(inspect_boundary_file(kmz).layer.adcodes) == SHANXI_CODES


def test_web_mercator_without_crs_is_guessed(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]].to_crs("EPSG:3857")
    gdf.to_file(tmp_path / "merc.shp")
    (tmp_path / "merc.prj").unlink()
    result = inspect_boundary_file(tmp_path / "merc.shp")
    assert result.crs_in == "EPSG:3857" and result.crs_source == "guessed"
    _close_to_bundled(result.layer)


def test_mixed_file_keeps_polygons_and_says_what_was_left_out(tmp_path):
    import pandas as pd

    cities = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]]
    dots = cities.iloc[:2].copy()
    dots["geometry"] = dots.geometry.representative_point()
    path = tmp_path / "mixed.gpkg"
    pd.concat([cities, dots]).to_file(path, driver="GPKG")
    result = inspect_boundary_file(path)
    assert len(result.layer) == 11
    assert "2 Point features are not polygons and were left out" in result.warnings


TRADITIONAL = [
    "太原市",
    "大同市",
    "陽泉市",
    "長治市",
    "晉城市",
    "朔州市",
    "晉中市",
    "運城市",
    "忻州市",
    "臨汾市",
    "呂梁市",
]


@pytest.mark.parametrize(("encoding", "expected"), [("utf-8", "UTF-8"), ("big5", "BIG5")])
def test_other_encodings_without_cpg_are_detected(tmp_path, encoding, expected):
    cities = cases.shanxi_cities()
    gdf = cities[["adcode", "geometry"]].copy()
    gdf["NAME"] = list(cities["name_zh"]) if encoding == "utf-8" else TRADITIONAL
    path = tmp_path / f"{encoding}.shp"
    gdf.to_file(path, encoding=encoding)
    path.with_suffix(".cpg").unlink(missing_ok=True)
    result = inspect_boundary_file(path, code_field="adcode")
    assert (result.encoding, result.encoding_source) == (expected, "detected")
    assert "太原市" in set(result.layer.gdf["name_zh"])
