"""The CRS of boundary files: read, given, or guessed from the coordinates."""

import pytest

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.crs.guess import crs_label, guess_crs, parse_crs
from geodata.errors import InputError
from tests import boundary_cases as cases


def test_missing_crs_is_guessed_from_gauss_kruger_coordinates_and_reported(tmp_path):
    result = inspect_boundary_file(cases.write_case(tmp_path, "gbk_no_prj"))
    assert result.crs_in == "EPSG:4547" and result.crs_source == "guessed"
    assert any("EPSG:4547" in w and "--crs" in w for w in result.warnings)
    cases.assert_close_to_bundled(result.layer)


def test_crs_with_zone_prefix_is_guessed(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "geometry"]].to_crs("EPSG:4526")  # zone 38, 114E
    assert gdf.total_bounds[0] > 38e6
    path = tmp_path / "zone38.geojson"
    gdf.to_file(path, driver="GeoJSON")
    text = path.read_text(encoding="utf-8").replace('"crs"', '"ignored_crs"')
    path.write_text(text, encoding="utf-8")
    result = inspect_boundary_file(path)
    assert result.crs_in == "EPSG:4526" and result.crs_source == "guessed"
    cases.assert_close_to_bundled(result.layer)


def test_crs_override_and_unknown_crs(tmp_path):
    path = cases.write_case(tmp_path, "gbk_no_prj")
    result = inspect_boundary_file(path, crs="4547")
    assert result.crs_in == "EPSG:4547" and result.crs_source == "given"
    with pytest.raises(InputError, match="--crs 'EPSG:99999' is not a coordinate reference"):
        inspect_boundary_file(path, crs="EPSG:99999")
    with pytest.raises(InputError, match="do not fit EPSG:4326"):
        inspect_boundary_file(path, crs="EPSG:4326")


def test_web_mercator_without_crs_is_guessed(tmp_path):
    gdf = cases.shanxi_cities()[["adcode", "name_zh", "geometry"]].to_crs("EPSG:3857")
    gdf.to_file(tmp_path / "merc.shp")
    (tmp_path / "merc.prj").unlink()
    result = inspect_boundary_file(tmp_path / "merc.shp")
    assert result.crs_in == "EPSG:3857" and result.crs_source == "guessed"
    cases.assert_close_to_bundled(result.layer)


def _without_crs(gdf):
    return gdf.set_crs(None, allow_override=True)


def test_a_zone_without_its_number_is_placed_by_the_province():
    """Eastings of 0-1,000,000 fit every 3-degree zone alike: the province's bounds tell them."""
    shanxi = cases.shanxi_cities()
    metres = _without_crs(shanxi.to_crs("EPSG:4547"))  # CGCS2000 CM 114E, no zone number
    crs, why = guess_crs(metres, "x.shp", tuple(shanxi.total_bounds))
    assert crs_label(crs) == "EPSG:4547" and "CM 114E" in why
    with pytest.raises(InputError, match="match no usual Chinese projection: give the CRS"):
        guess_crs(metres, "x.shp", None)  # on all of China, one province's extent is too small


def test_a_typed_crs_is_parsed_and_labelled():
    assert crs_label(parse_crs(" 4547 ")) == "EPSG:4547"
    albers = parse_crs("+proj=aea +lat_1=25 +lat_2=47 +lon_0=105")  # no EPSG code: its name
    assert crs_label(albers) == albers.name
