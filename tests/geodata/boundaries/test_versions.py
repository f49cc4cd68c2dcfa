"""Boundary versions: stored, activated, diffed, and shown by load_layer and AtlasData."""

import hashlib
from pathlib import Path

import pytest
import shapely

from geodata.atlas import AtlasData
from geodata.boundaries.bundled import bundled_layer, load_layer
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore, diff_layers
from geodata.drawing import MapOptions
from geodata.errors import InputError
from tests import boundary_cases as cases


def tree_digest(root: Path) -> str:
    """Hash every file name and byte under ``root`` (the whole store)."""
    digest = hashlib.sha256()
    if root.exists():
        for path in sorted(root.rglob("*")):
            digest.update(str(path.relative_to(root)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh data directory, so imports here never change other tests' boundaries."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


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


def test_diff_reports_added_removed_renamed_recoded_and_area(tmp_path):
    old = bundled_layer("city", "140000")
    new_gdf = old.gdf.copy()
    new_gdf.loc[new_gdf["adcode"] == "140100", "name_zh"] = "龙城市"  # renamed
    new_gdf.loc[new_gdf["adcode"] == "140200", "adcode"] = "140299"  # recoded (same name)
    grow = new_gdf["adcode"] == "140300"
    new_gdf.loc[grow, "geometry"] = shapely.buffer(new_gdf.loc[grow, "geometry"].values, 0.05)
    new_gdf = new_gdf[new_gdf["adcode"] != "141100"]  # removed
    extra = new_gdf.iloc[[0]].copy()
    extra["adcode"], extra["name_zh"] = "141200", "新区"
    extra["geometry"] = [shapely.box(111.0, 36.0, 111.2, 36.2)]
    import pandas as pd

    new = type(old)(
        gdf=pd.concat([new_gdf, extra], ignore_index=True),
        level="city",
        province="140000",
        source="test",
        datum_in="wgs84",
    )
    diff = diff_layers(old, new, 0, 1)
    kinds = {(r["change"], r["code"] or r["old_code"]) for r in diff.rows}
    assert ("renamed", "140100") in kinds
    assert ("recoded", "140299") in kinds
    assert ("area", "140300") in kinds
    assert ("removed", "141100") in kinds
    assert ("added", "141200") in kinds
    assert ("removed", "140200") not in kinds  # it was recoded, not removed
    assert len(diff.rows) == 5 and len(diff.frame) == 5
    area = next(r for r in diff.rows if r["change"] == "area")
    assert area["area_change"] > 1


def test_versions_diff_against_the_one_before(home, tmp_path):
    store = BoundaryStore()
    first = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "a.geojson")))
    names = list(cases.shanxi_cities()["name_zh"])
    names[1] = "云冈市"
    second = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "b.geojson", names)))
    assert store.previous(second.version) == first.version
    assert store.previous(first.version) == 0
    rows = store.diff(second.version).rows
    assert rows == [
        {
            "change": "renamed",
            "code": "140200",
            "name": "云冈市",
            "old_code": "140200",
            "old_name": "大同市",
            "area_change": None,
        }
    ]
    assert store.diff(first.version).rows == []  # same as the bundled boundaries (simplified)


def test_refused_store_changes_nothing(home, tmp_path):
    store = BoundaryStore()
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson")))
    before = tree_digest(store.root)
    unknown = cases.named_geojson(tmp_path, "nobody.geojson", names=["x"] * 11, codes=["1"] * 11)
    with pytest.raises(InputError):
        store.add(inspect_boundary_file(unknown, level="city", province="shanxi"))
    with pytest.raises(InputError, match="no boundary version 9"):
        store.activate(9)
    assert tree_digest(store.root) == before


def test_damaged_active_version_falls_back_to_bundled_with_a_warning(home, tmp_path):
    store = BoundaryStore()
    info = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson")))
    (store.root / f"v{info.version}" / "layer.gpkg").write_bytes(b"not a geopackage")
    layer = load_layer("city", "shanxi")
    assert layer.version == "0"
    assert any("could not be read" in w for w in layer.warnings)


def test_concurrent_imports_get_distinct_versions_and_leftovers_are_ignored(home, tmp_path):
    import threading

    result = inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson"))
    store = BoundaryStore()
    store.root.mkdir(parents=True)
    (store.root / ".tmp-v9-crashed").mkdir()  # what a crash mid-write leaves behind
    (store.root / ".tmp-v9-crashed" / "layer.gpkg").write_bytes(b"half")
    infos = []
    threads = [
        threading.Thread(target=lambda: infos.append(BoundaryStore().add(result))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(i.version for i in infos) == [1, 2, 3, 4]
    assert [v.version for v in store.versions()] == [1, 2, 3, 4]
    assert store.active()["140000:city"] in {1, 2, 3, 4}
    assert all(len(store.load(n)) == 11 for n in (1, 2, 3, 4))


def test_diff_map_is_offline_and_escapes_names(home, tmp_path):
    from geodata.web.assets import rendered_remote_urls
    from geodata.web.diffmap import render_diff_map

    store = BoundaryStore()
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = cases.HOSTILE_SCRIPT
    info = store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "h.geojson", names)))
    diff = store.diff(info.version)
    assert [r["change"] for r in diff.rows] == ["renamed"]
    html = render_diff_map(diff, bundled_layer("city", "140000"), language="zh")
    assert rendered_remote_urls(html) == []
    assert "document.title='pwned2'" not in html and "<script>document" not in html
    assert "更名" in html and "版本 0 &rarr; 1" in html


def test_atlas_data_notices_an_activation_by_another_process(home, tmp_path):
    data = AtlasData(targets=[])
    assert data.layer("140000", "city").version == "0"
    names = list(cases.shanxi_cities()["name_zh"])
    names[0] = "新太原市"
    path = cases.named_geojson(tmp_path, "renamed.geojson", names=names)
    BoundaryStore().add(inspect_boundary_file(path))  # as the CLI would, in another process
    layer = data.layer("140000", "city")
    assert layer.version == "1" and layer.name_of("140100") == "新太原市"
