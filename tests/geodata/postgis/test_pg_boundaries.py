"""Boundary versions in a shared PostGIS workspace, against a real server.

Two importers at once, a connection killed mid-import, a read-only role, hostile names, the
view QGIS opens, and the same layer from the local store and the workspace.
"""

from __future__ import annotations

import threading

import pytest
import shapely

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.pgstore import PostgisBoundaryStore
from geodata.boundaries.store import BoundaryStore
from geodata.postgis.connection import ReadOnlyWorkspace, WorkspaceUnavailable, connect

pytestmark = pytest.mark.postgis


def _wait_for(condition, seconds: float = 30.0) -> None:
    """Wait until ``condition()`` holds (the cache is written in the background)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the layer was never kept in the local cache"
        time.sleep(0.05)


def _kept(folder) -> list:
    """The layers kept in a cache folder (not the temporary files being written)."""
    return [p for p in folder.glob("*.gpkg") if not p.name.startswith(".")]


def _count(dsn: str, table: str) -> int:
    with connect(dsn) as conn:
        return conn.execute(f"SELECT count(*) FROM infra_atlas.{table}").fetchone()[0]


def test_a_version_stored_in_the_workspace_reads_back_as_locally(pg_workspace, shanxi_file, home):
    result = inspect_boundary_file(shanxi_file, level="city", province="shanxi")
    shared, local = PostgisBoundaryStore(pg_workspace), BoundaryStore()
    a, b = shared.add(result), local.add(result)
    assert (a.version, a.key, a.features) == (1, "140000:city", 11)
    assert shared.active() == {"140000:city": 1} == local.active()
    one, two = shared.load(1), local.load(b.version)
    assert list(one.gdf["adcode"]) == list(two.gdf["adcode"])
    assert list(one.gdf["name_zh"]) == list(two.gdf["name_zh"])
    assert all(
        shapely.equals_exact(x, y, 1e-9) or shapely.equals(x, y)
        for x, y in zip(one.gdf.geometry, two.gdf.geometry, strict=True)
    )
    assert shared.diff(1).to_dict()["changes"] == local.diff(b.version).to_dict()["changes"]
    with connect(pg_workspace) as conn:  # the view a colleague opens in QGIS
        assert (
            conn.execute("SELECT count(*) FROM infra_atlas.layer_140000_city").fetchone()[0] == 11
        )


def test_a_layer_is_read_from_the_server_once_per_machine(pg_workspace, shanxi_file, home):
    store = PostgisBoundaryStore(pg_workspace)
    store.add(inspect_boundary_file(shanxi_file, level="city", province="shanxi"))
    folder = home / "cache" / "workspace"
    assert not _kept(folder)  # an import does not wait for the cache
    assert len(store.load(1).gdf) == 11  # the first open reads the server ...
    _wait_for(lambda: len(_kept(folder)) == 1)  # ... and keeps the layer
    cached = _kept(folder)
    cached[0].write_bytes(b"garbage")  # a damaged cache is a miss, never an error
    assert len(store.load(1).gdf) == 11
    _wait_for(lambda: cached[0].read_bytes().startswith(b"SQLite format 3"))  # written again
    with connect(pg_workspace) as conn:  # the regions are gone from the server ...
        conn.execute("ALTER TABLE infra_atlas.boundary_regions RENAME TO hidden_regions")
        conn.commit()
    assert len(store.load(1).gdf) == 11  # ... and the layer still opens from the cache


def test_two_planners_importing_at_once_both_land(pg_workspace, shanxi_file, home):
    result = inspect_boundary_file(shanxi_file, level="city", province="shanxi")
    done, errors = [], []

    def store() -> None:
        try:
            done.append(PostgisBoundaryStore(pg_workspace).add(result).version)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=store) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(done) == [1, 2]
    assert _count(pg_workspace, "boundary_regions") == 22
    assert PostgisBoundaryStore(pg_workspace).active()["140000:city"] in (1, 2)


def test_a_connection_killed_mid_import_leaves_nothing(pg_workspace, home, tmp_path):
    """The importer's backend is terminated while it copies: no version, no region is left."""
    from geodata.boundaries.bundled import bundled_layer

    path = tmp_path / "counties.gpkg"
    bundled_layer("county", "140000").gdf[["adcode", "name_zh", "geometry"]].to_file(path)
    result = inspect_boundary_file(path, level="county", province="shanxi")
    with connect(pg_workspace) as locker:  # hold the sequence's table so the import waits
        locker.execute("LOCK TABLE infra_atlas.active_layers IN ACCESS EXCLUSIVE MODE")
        failure: list[BaseException] = []

        def store() -> None:
            try:
                PostgisBoundaryStore(pg_workspace).add(result)
            except BaseException as exc:  # noqa: BLE001
                failure.append(exc)

        thread = threading.Thread(target=store)
        thread.start()
        pid = _wait_for_waiting_importer(pg_workspace)
        with connect(pg_workspace, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        thread.join(30)
        locker.rollback()
    assert failure and isinstance(failure[0], WorkspaceUnavailable)
    assert "nothing was changed" in str(failure[0])
    assert _count(pg_workspace, "boundary_versions") == 0
    assert _count(pg_workspace, "boundary_regions") == 0


def _wait_for_waiting_importer(dsn: str) -> int:
    import time

    deadline = time.monotonic() + 30
    with connect(dsn, autocommit=True) as admin:
        while time.monotonic() < deadline:
            row = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'infra-atlas'"
                " AND wait_event_type = 'Lock'"
            ).fetchone()
            if row:
                return int(row[0])
            time.sleep(0.05)
    raise AssertionError("the importer never waited on the lock")


def test_a_read_only_role_browses_and_cannot_import(pg_workspace, shanxi_file, home):
    from psycopg import conninfo

    result = inspect_boundary_file(shanxi_file, level="city", province="shanxi")
    PostgisBoundaryStore(pg_workspace).add(result)
    with connect(pg_workspace, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS atlas_reader")
        admin.execute("CREATE ROLE atlas_reader LOGIN")
        admin.execute("GRANT USAGE ON SCHEMA infra_atlas TO atlas_reader")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA infra_atlas TO atlas_reader")
    reader = PostgisBoundaryStore(conninfo.make_conninfo(pg_workspace, user="atlas_reader"))
    assert [v.version for v in reader.versions()] == [1]
    assert len(reader.load(1).gdf) == 11
    with pytest.raises(ReadOnlyWorkspace, match="may only read the workspace") as caught:
        reader.add(result)
    assert "\n" not in str(caught.value)
    assert _count(pg_workspace, "boundary_versions") == 1


def test_hostile_names_are_stored_and_read_as_plain_text(pg_workspace, home, tmp_path):
    import geopandas as gpd

    names = ["'); DROP TABLE infra_atlas.plans; --", "<script>alert(1)</script>", "{{ x }}"]
    boxes = [shapely.box(112 + i, 37, 112.5 + i, 37.5) for i in range(3)]
    path = tmp_path / "hostile.geojson"
    gpd.GeoDataFrame(
        {"adcode": ["140100", "140200", "140300"], "name": names}, geometry=boxes, crs=4326
    ).to_file(path, driver="GeoJSON")
    result = inspect_boundary_file(path, level="city", province="shanxi", name_field="name")
    store = PostgisBoundaryStore(pg_workspace)
    store.add(result)
    assert list(store.load(1).gdf["name_zh"]) == names
    assert _count(pg_workspace, "plans") == 0  # the table is still there


def test_with_the_server_down_the_last_answers_and_cached_layers_stay(
    pg_workspace, shanxi_file, home
):
    from psycopg import conninfo

    store = PostgisBoundaryStore(pg_workspace)
    store.add(inspect_boundary_file(shanxi_file, level="city", province="shanxi"))
    assert [v.version for v in store.versions()] == [1] and store.offline is None
    assert store.active() == {"140000:city": 1}
    assert len(store.load(1).gdf) == 11  # opened once here: kept in this machine's cache
    _wait_for(lambda: len(_kept(home / "cache" / "workspace")) == 1)
    name = conninfo.conninfo_to_dict(pg_workspace)["dbname"]
    server = conninfo.make_conninfo(pg_workspace, dbname="postgres")
    with connect(server, autocommit=True) as admin:  # the server turns everyone away
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s"
            " AND pid <> pg_backend_pid()",
            (name,),
        )
    try:
        down = PostgisBoundaryStore(pg_workspace)
        assert [v.version for v in down.versions()] == [1]
        assert "cannot be reached" in down.offline
        assert down.active() == {"140000:city": 1}
        assert len(down.load(1).gdf) == 11  # from this machine's cache
        assert down.fingerprint() == "offline"
        with pytest.raises(WorkspaceUnavailable, match="cannot be reached"):
            down.add(inspect_boundary_file(shanxi_file, level="city", province="shanxi"))
    finally:
        with connect(server, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
