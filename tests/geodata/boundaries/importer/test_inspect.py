"""Importing boundary files end to end: formats, fields, CRS and datum, one result."""

import shapely

from geodata.boundaries.importer.inspect import inspect_boundary_file
from tests import boundary_cases as cases


def test_gbk_shapefile_without_cpg_in_4547_is_decoded_and_reprojected(folder):
    result = inspect_boundary_file(cases.write_case(folder, "gbk_shapefile_4547"))
    assert result.encoding == "GB18030" and result.encoding_source == "detected"
    assert result.crs_in == "EPSG:4547" and result.crs_source == "file"
    assert result.layer.code_field == "QHDM" and result.layer.name_field == "QHMC"
    assert result.layer.level == "city" and result.layer.province == "140000"
    assert set(result.layer.adcodes) == cases.SHANXI_CODES  # 12-digit codes cut to adcodes
    names = dict(zip(result.layer.gdf["adcode"], result.layer.gdf["name_zh"], strict=True))
    assert names["140100"] == "太原市" and names["141100"] == "吕梁市"
    assert result.preview[0]["QHDM"] == "140100000000" and result.preview[0]["QHMC"] == "太原市"
    cases.assert_close_to_bundled(result.layer)


def test_gcj02_file_is_converted_to_wgs84(folder):
    path = cases.write_case(folder, "gcj02_geojson")
    raw = inspect_boundary_file(path)
    converted = inspect_boundary_file(path, datum="gcj02")
    assert converted.layer.datum_in == "gcj02"
    cases.assert_close_to_bundled(converted.layer, 0.0005)
    shift = shapely.hausdorff_distance(raw.layer.gdf.geometry[0], converted.layer.gdf.geometry[0])
    assert 0.002 < shift < 0.02  # a few hundred metres, the GCJ-02 offset


def test_kml_is_read(folder):
    result = inspect_boundary_file(cases.write_case(folder, "kml"))
    assert set(result.layer.adcodes) == cases.SHANXI_CODES
    cases.assert_close_to_bundled(result.layer)


def test_kmz_is_read(folder, tmp_path):
    import zipfile

    kml = cases.write_case(folder, "kml")
    kmz = tmp_path / "cities.kmz"
    with zipfile.ZipFile(kmz, "w") as z:
        z.write(kml, "doc.kml")
    assert set(inspect_boundary_file(kmz).layer.adcodes) == cases.SHANXI_CODES


def test_flatgeobuf_is_read(tmp_path):
    path = tmp_path / "cities.fgb"
    cases.shanxi_cities().to_file(path, driver="FlatGeobuf")
    assert set(inspect_boundary_file(path).layer.adcodes) == cases.SHANXI_CODES
