"""The polygons of boundary files: repaired, kept, or left out with a reason."""

from geodata.boundaries.importer.inspect import inspect_boundary_file
from tests import boundary_cases as cases


def test_bowtie_polygon_is_repaired_and_counted(folder):
    result = inspect_boundary_file(cases.write_case(folder, "bowtie"))
    assert result.repaired == 1
    geom = result.layer.gdf.geometry[0]
    assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon") and geom.area > 0
    assert any("1 invalid polygons were repaired" in w for w in result.warnings)


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
