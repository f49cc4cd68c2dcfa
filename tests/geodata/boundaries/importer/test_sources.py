"""Opening boundary files: loose and zipped shapefiles, layer choice, damaged and missing files."""

import pytest

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.importer.sources import LayerChoiceError
from geodata.errors import InputError
from tests import boundary_cases as cases


def test_geopackage_layer_choice(folder):
    path = cases.write_case(folder, "geopackage_two_layers")
    with pytest.raises(LayerChoiceError) as info:
        inspect_boundary_file(path)
    assert info.value.layers == ["cities", "cities_2019"]
    assert "choose one with --layer" in str(info.value)
    result = inspect_boundary_file(path, layer="cities_2019")
    assert len(result.layer) == 3 and result.layer_name == "cities_2019"


def test_zip_with_two_shapefiles_needs_a_choice(folder):
    path = cases.write_case(folder, "two_layer_zip")
    with pytest.raises(LayerChoiceError, match=r"holds 2 boundary files \(cities, cities_copy\)"):
        inspect_boundary_file(path)
    result = inspect_boundary_file(path, layer="cities_copy")
    assert set(result.layer.adcodes) == cases.SHANXI_CODES and result.encoding == "GB18030"


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
        inspect_boundary_file(cases.write_case(folder, name))
    text = str(info.value)
    assert message in text
    assert "\n" not in text and "Traceback" not in text and "/vsizip/" not in text


def test_loose_shapefile_without_dbf(folder):
    shp = cases.write_case(folder, "gbk_shapefile_4547")
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
