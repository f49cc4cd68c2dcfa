"""A big import is held once: the stored version keeps the import's geometry, not a re-read copy.

The version a store writes is what a later read of its file gives, so the store keeps the
layer it has just written instead of reading it back (for a national county layer, a second
copy of 4 million vertices and a second read). These tests check that what is kept is what the
file holds, and that a layer the file would change (a mix of polygons and multipolygons) is read
back instead.
"""

import geopandas as gpd
import numpy as np
import shapely

from geodata.boundaries import store as store_module
from geodata.boundaries.importer.geometry import check_geometry
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore
from geodata.web.levels import geometry_hash
from tests import boundary_cases as cases


def _forget_read_layers() -> None:
    with store_module._LAYERS_LOCK:
        store_module._LAYERS.clear()


def test_a_stored_import_is_kept_as_the_file_reads(home, tmp_path):
    result = inspect_boundary_file(cases.named_geojson(tmp_path, "cities.geojson"))
    store = BoundaryStore()
    info = store.add(result)
    kept = store.load(info.version).gdf
    imported = result.layer.gdf.geometry.values
    assert all(a is b for a, b in zip(kept.geometry.values, imported, strict=True))
    _forget_read_layers()
    read = store.load(info.version).gdf  # from the file
    assert not any(a is b for a, b in zip(read.geometry.values, imported, strict=True))
    assert geometry_hash(np.asarray(read.geometry.values)) == geometry_hash(
        np.asarray(kept.geometry.values)
    )
    assert read.drop(columns="geometry").equals(kept.drop(columns="geometry"))
    assert list(read.dtypes) == list(kept.dtypes) and read.crs == kept.crs
    assert store.load(info.version).gdf is not kept  # each load is the caller's copy


def test_a_mix_of_polygons_and_multipolygons_is_read_back_as_stored(home, tmp_path):
    cities = cases.shanxi_cities()
    geometry = list(cities.geometry.values)
    geometry[0] = (
        shapely.MultiPolygon([geometry[0]])
        if geometry[0].geom_type == "Polygon"
        else (geometry[0].geoms[0])
    )
    path = tmp_path / "mixed.geojson"  # GeoJSON keeps the mix (a GeoPackage would not)
    gpd.GeoDataFrame(
        {"adcode": list(cities["adcode"]), "name": list(cities["name_zh"])},
        geometry=geometry,
        crs="EPSG:4326",
    ).to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path)
    assert len(set(result.layer.gdf.geom_type)) == 2
    store = BoundaryStore()
    loaded = store.load(store.add(result).version).gdf
    assert set(loaded.geom_type) == {"MultiPolygon"}  # what the GeoPackage holds


def test_two_dimensional_polygons_are_kept_without_a_copy():
    flat = cases.shanxi_cities()[["adcode", "geometry"]].copy()
    kept, repaired, warnings = check_geometry(flat, "flat.gpkg")
    assert (repaired, warnings) == (0, [])
    assert all(a is b for a, b in zip(kept.geometry.values, flat.geometry.values, strict=True))
    raised = flat.set_geometry(shapely.force_3d(np.asarray(flat.geometry.values), 50.0))
    flattened, _, _ = check_geometry(raised, "raised.gpkg")
    assert not shapely.has_z(np.asarray(flattened.geometry.values)).any()
    assert shapely.equals(
        np.asarray(flattened.geometry.values), np.asarray(flat.geometry.values)
    ).all()
