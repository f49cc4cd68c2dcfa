"""Matching the features of boundary files to regions: pinyin names, duplicates, strays."""

import shapely

from geodata.boundaries.importer.inspect import inspect_boundary_file
from tests import boundary_cases as cases


def test_pinyin_names_resolve_and_show_in_chinese(folder):
    result = inspect_boundary_file(cases.write_case(folder, "pinyin_geojson"))
    assert result.layer.code_field is None and result.layer.name_field == "NAME"
    assert set(result.layer.adcodes) == cases.SHANXI_CODES
    assert "吕梁市" in set(result.layer.gdf["name_zh"])
    assert result.preview[-1]["NAME"] == "Jinzhong City" or result.preview[0]["NAME"]


def test_duplicate_codes_are_reported(folder):
    result = inspect_boundary_file(cases.write_case(folder, "duplicate_codes"))
    assert any("duplicate region codes: 140100 (2 times)" in w for w in result.warnings)


def test_features_outside_the_province_are_warned(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]].copy()
    gdf.loc[0, "geometry"] = shapely.affinity.translate(gdf.geometry[0], xoff=8)
    path = tmp_path / "moved.geojson"
    gdf.to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path)
    assert any("1 features lie outside Shanxi" in w and "太原市" in w for w in result.warnings)
