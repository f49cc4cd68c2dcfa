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


def test_a_big_layer_checked_on_two_threads_finds_the_same_invalid_polygons(monkeypatch):
    import numpy as np
    import shapely

    from geodata.boundaries.importer import geometry

    cities = list(cases.shanxi_cities().geometry)
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    geoms = np.array([bowtie, *cities, None, bowtie, shapely.Point(1, 2)], dtype=object)
    alone = geometry._validity(geoms)
    monkeypatch.setattr(geometry, "PARALLEL_VALIDITY_VERTICES", 10)  # two halves
    split = geometry._validity(geoms)
    assert split.tolist() == alone.tolist()
    assert not split[0] and not split[-3] and split[1:-3].all()
