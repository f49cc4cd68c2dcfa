"""The text encoding of shapefiles: given, or detected from mojibake."""

import pytest

from geodata.boundaries.importer.inspect import inspect_boundary_file
from tests import boundary_cases as cases


def test_encoding_override_is_used_and_reported(folder):
    path = cases.write_case(folder, "gbk_shapefile_4547")
    result = inspect_boundary_file(path, encoding="gbk")
    assert result.encoding == "GBK" and result.encoding_source == "given"
    assert "太原市" in set(result.layer.gdf["name_zh"])
    wrong = inspect_boundary_file(path, encoding="latin-1", code_field="QHDM")
    assert wrong.encoding == "ISO-8859-1"  # the user asked for Latin-1 and got its mojibake
    assert wrong.preview[0]["QHMC"].encode("latin-1").decode("gbk") == "太原市"


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
