"""The boundary layer shown: the active imported version, else the bundled one."""

import hashlib

import pandas as pd
import pytest

from geodata.atlas import AtlasData
from geodata.boundaries.active import load_layer, national_layer
from geodata.boundaries.bundled import bundled_layer
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore
from geodata.drawing import MapOptions
from geodata.errors import InputError
from tests import boundary_cases as cases


def test_import_is_stored_activated_and_shown(home, tmp_path):
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = "新太原市"
    path = cases.named_geojson(tmp_path, "renamed.geojson", names=names)
    store = BoundaryStore()
    assert store.active_version("city", "140000") == 0
    info = store.add(inspect_boundary_file(path))
    assert info.version == 1 and info.key == "140000:city"
    manifest = store.get(1)
    assert manifest.source == "renamed.geojson" and manifest.features == 11
    assert manifest.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest.report["crs_in"] == "EPSG:4326"
    assert store.active() == {"140000:city": 1}

    shown = load_layer("city", "shanxi")
    assert shown.version == "1" and shown.name_of("140100") == "新太原市"
    assert load_layer("county", "shanxi").version == "0"  # other levels untouched
    assert load_layer("city", "zhejiang").version == "0"

    data = AtlasData(targets=[])
    before_key = data.view_key("140000", "city", MapOptions())
    store.activate(0, "city", "140000")
    assert load_layer("city", "shanxi").version == "0"
    after_key = AtlasData(targets=[]).view_key("140000", "city", MapOptions())
    assert before_key != after_key  # the cached map of version 1 is not reused
    store.activate(1)
    assert AtlasData(targets=[]).view_key("140000", "city", MapOptions()) == before_key


def test_damaged_active_version_falls_back_to_bundled_with_a_warning(home, tmp_path):
    store = BoundaryStore()
    info = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson")))
    (store.root / f"v{info.version}" / "layer.gpkg").write_bytes(b"not a geopackage")
    layer = load_layer("city", "shanxi")
    assert layer.version == "0"
    assert any("could not be read" in w for w in layer.warnings)


def test_atlas_data_notices_an_activation_by_another_process(home, tmp_path):
    data = AtlasData(targets=[])
    assert data.layer("140000", "city").version == "0"
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = "新太原市"
    path = cases.named_geojson(tmp_path, "renamed.geojson", names=names)
    BoundaryStore().add(inspect_boundary_file(path))  # as the CLI would, in another process
    layer = data.layer("140000", "city")
    assert layer.version == "1" and layer.name_of("140100") == "新太原市"


def test_national_layer_is_the_bundled_one_until_a_national_import_is_active(home, tmp_path):
    national = national_layer("city")
    assert national.version == "0" and national.province is None
    assert {"140100", "330100"} <= set(national.adcodes)
    with pytest.raises(InputError, match="unknown level 'township'"):
        national_layer("township")
    two_provinces = pd.concat(
        [bundled_layer("city", "140000").gdf, bundled_layer("city", "330000").gdf]
    )
    path = tmp_path / "two.geojson"
    two_provinces.to_file(path, driver="GeoJSON")
    info = BoundaryStore().add(inspect_boundary_file(path))
    assert info.key == "000000:city"  # neither province has nine in ten regions: national
    shown = national_layer("city")
    assert shown.version == str(info.version) and len(shown) == 22
    assert load_layer("city", "shanxi").version == "0"  # a province's own layer is untouched
