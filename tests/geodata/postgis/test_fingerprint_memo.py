"""The workspace's fingerprint is remembered for a few seconds, against a real server.

:meth:`AtlasData.layer` asks the boundary store for the fingerprint on every call. A shared
workspace answers from the last one read in this process while it is younger than
``FINGERPRINT_MEMO_S`` seconds: 100 calls in a row send at most one query. A colleague's change
(another connection, as from another machine) is seen once the memo is older than that, at
the window's next poll, or at a refresh; this process's own import or activation at once.

Round trips are counted by wrapping psycopg's own ``connect`` and ``Cursor.execute`` (every
statement any connection of this process sends): the server answers every one of them. The
memo's clock is a counter the test advances, so that no test depends on how fast it runs.
"""

from __future__ import annotations

import psycopg
import pytest

from geodata.atlas import AtlasData
from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.boundaries.pgstore import boundary_store
from geodata.boundaries.store import BoundaryStore
from geodata.postgis import changes
from geodata.postgis.config import WORKSPACE_VARIABLE
from geodata.postgis.connection import connect
from tests import boundary_cases as cases


class Clock:
    """The memo's clock: seconds that pass only when the test says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class RoundTrips:
    """The connections opened and statements sent by this process, counted as they happen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.connections = 0
        self.statements = 0
        real_connect, real_execute = psycopg.connect, psycopg.Cursor.execute

        def counted_connect(*args, **kwargs):
            self.connections += 1
            return real_connect(*args, **kwargs)

        def counted_execute(cursor, *args, **kwargs):
            self.statements += 1
            return real_execute(cursor, *args, **kwargs)

        monkeypatch.setattr(psycopg, "connect", counted_connect)
        monkeypatch.setattr(psycopg.Cursor, "execute", counted_execute)

    def reset(self) -> None:
        self.connections = self.statements = 0


class ServerCount:
    """The sessions the server counted for a database (``pg_stat_database.sessions``).

    A backend's session is counted by the time it leaves ``pg_stat_activity`` (its statistics
    are written as it exits), that of a connection kept open when it first goes idle:
    :meth:`read` waits until the backends opened since :meth:`start` have gone, then reads.
    Its transactions are not compared: a long-lived backend writes them up to seconds late.
    """

    def __init__(self, dsn: str) -> None:
        from psycopg import conninfo

        self.name = conninfo.conninfo_to_dict(dsn)["dbname"]
        self.admin = connect(conninfo.make_conninfo(dsn, dbname="postgres"), autocommit=True)
        self.start()

    def start(self) -> None:
        """Count from now on (the backends open now are the long-lived ones)."""
        self.kept = self._backends()
        self.base = self._counts()

    def read(self) -> int:
        """Return the sessions counted since :meth:`start`."""
        import time

        deadline = time.monotonic() + 30
        while not self._backends() <= self.kept:
            assert time.monotonic() < deadline, "a connection of the test never ended"
            time.sleep(0.02)
        return self._counts() - self.base

    def _backends(self) -> set[int]:
        rows = self.admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (self.name,)
        ).fetchall()
        return {row[0] for row in rows}

    def _counts(self) -> int:
        self.admin.execute("SELECT pg_stat_clear_snapshot()")
        row = self.admin.execute(
            "SELECT sessions FROM pg_stat_database WHERE datname = %s", (self.name,)
        ).fetchone()
        return int(row[0])


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The memo's clock, and a memo that starts (and ends) empty."""
    fake = Clock()
    monkeypatch.setattr(changes, "_clock", fake)
    changes.forget_fingerprint()
    yield fake
    changes.forget_fingerprint()


@pytest.fixture
def shared(pg_workspace, tmp_path, monkeypatch, clock) -> str:
    """A data home whose workspace in use is the test database; its DSN."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(WORKSPACE_VARIABLE, pg_workspace)
    return pg_workspace


@pytest.fixture
def server(shared) -> ServerCount:
    """The server's count of the sessions opened to the workspace's database."""
    count = ServerCount(shared)
    yield count
    count.admin.close()


def shown_version(data: AtlasData) -> str:
    """The boundary version of Shanxi's cities that the atlas shows ("0": the bundled one)."""
    return data.layer("140000", "city").version


def colleague(dsn: str, version: int | None) -> None:
    """Activate a version (None: the bundled one) from another connection, as another machine."""
    with connect(dsn) as conn, conn.transaction():
        if version is None:
            conn.execute("DELETE FROM infra_atlas.active_layers WHERE scope = '140000:city'")
        else:
            conn.execute(
                "INSERT INTO infra_atlas.active_layers (scope, version) VALUES ('140000:city', %s)"
                " ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version",
                (version,),
            )
        conn.execute("INSERT INTO infra_atlas.changes (what) VALUES ('by a colleague')")


@pytest.mark.postgis
def test_a_hundred_layer_calls_cost_the_server_one_query_at_most(
    shared, shanxi_file, clock, server, monkeypatch
):
    boundary_store().add(inspect_boundary_file(shanxi_file, level="city", province="shanxi"))
    data = AtlasData()
    assert shown_version(data) == "1"
    server.start()
    trips = RoundTrips(monkeypatch)
    for _ in range(100):  # a map drawing its layers: a hundredth of a second between calls
        assert shown_version(data) == "1"
        clock.now += 0.01
    assert (trips.connections, trips.statements) == (0, 0)  # all within the first read's memo
    assert server.read() == 0  # and the server saw no connection

    clock.now += changes.FINGERPRINT_MEMO_S  # the memo expired: read once, then remembered
    server.start()
    trips.reset()  # the statements of this process (the server's count is read after)
    for _ in range(100):
        assert shown_version(data) == "1"
        clock.now += 0.01
    assert trips.connections == 1, "one connection for the fingerprint"
    assert 1 <= trips.statements <= 3, trips.statements  # the schema check and max(id)
    assert server.read() == 1  # one session


@pytest.mark.postgis
def test_a_colleagues_activation_is_seen_once_the_memo_expires(shared, shanxi_file, clock):
    boundary_store().add(
        inspect_boundary_file(shanxi_file, level="city", province="shanxi"), activate=False
    )
    data = AtlasData()
    assert shown_version(data) == "0"
    colleague(shared, 1)
    clock.now += changes.FINGERPRINT_MEMO_S - 0.5
    assert shown_version(data) == "0"  # remembered: the server is not asked yet
    clock.now += 0.5
    assert shown_version(data) == "1"


@pytest.mark.postgis
def test_the_windows_poll_and_a_refresh_show_a_colleagues_change_at_once(
    shared, shanxi_file, clock
):
    boundary_store().add(
        inspect_boundary_file(shanxi_file, level="city", province="shanxi"), activate=False
    )
    data = AtlasData()
    assert shown_version(data) == "0"
    colleague(shared, 1)
    assert shown_version(data) == "0"
    changes.workspace_fingerprint(shared)  # what the window's poll reads every 15 s
    assert shown_version(data) == "1"

    colleague(shared, None)  # the colleague restores the bundled cities
    assert shown_version(data) == "1"
    data.reload_workspace()  # Refresh (or Retry) in the window
    assert shown_version(data) == "0"


@pytest.mark.postgis
def test_this_processes_own_import_and_activation_are_seen_at_once(shared, shanxi_file, clock):
    data = AtlasData()
    assert shown_version(data) == "0"
    store = boundary_store()
    store.add(inspect_boundary_file(shanxi_file, level="city", province="shanxi"))
    assert shown_version(data) == "1"  # the clock did not move
    store.activate(0)
    assert shown_version(data) == "0"
    store.activate(1)
    assert shown_version(data) == "1"


def test_the_local_store_still_sees_another_processes_activation_at_once(
    tmp_path, monkeypatch, clock
):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(WORKSPACE_VARIABLE, raising=False)
    source = cases.named_geojson(tmp_path, "a.geojson")
    other = BoundaryStore()  # the command line, in another process
    other.add(inspect_boundary_file(source), activate=False)
    data = AtlasData()
    assert shown_version(data) == "0"
    other.activate(1)
    assert shown_version(data) == "1"  # the clock did not move: the local store is not memoised
    other.activate(0)
    assert shown_version(data) == "0"
