"""Boundary versions: stored, numbered, diffed against the one before, never half-written."""

import pytest

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.store import BoundaryStore
from geodata.errors import InputError
from tests import boundary_cases as cases


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
    # against the bundled boundaries: the same cities, simplified, so only their areas moved
    assert {r["change"] for r in store.diff(first.version).rows} == {"area"}


def test_refused_store_changes_nothing(home, tmp_path):
    store = BoundaryStore()
    store.add(inspect_boundary_file(cases.named_geojson(tmp_path, "ok.geojson")))
    before = cases.tree_digest(store.root)
    unknown = cases.named_geojson(tmp_path, "nobody.geojson", names=["x"] * 11, codes=["1"] * 11)
    with pytest.raises(InputError):
        store.add(inspect_boundary_file(unknown, level="city", province="shanxi"))
    with pytest.raises(InputError, match="no boundary version 9"):
        store.activate(9)
    assert cases.tree_digest(store.root) == before


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
