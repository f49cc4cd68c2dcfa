"""A private, throwaway PostgreSQL + PostGIS cluster a test may stop and start again.

The shared test server (``INFRA_ATLAS_TEST_PG``, ``tests/conftest.py``) must stay up for the
other tests; a test that takes the server away runs its own cluster, made as ``.ci/postgres.sh``
makes one: ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` (a version with PostGIS)
run as the ``postgres`` user (``runuser -u postgres --``) in a temporary folder it owns,
listening only on a unix socket there, trust authentication. The test is skipped when the
binaries, PostGIS, the ``postgres`` user or ``runuser`` (root) are missing.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

PORT = 54331


def _bin_with_postgis() -> Path | None:
    """Return the newest ``/usr/lib/postgresql/N/bin`` whose server has PostGIS 3."""

    def version(path: str) -> int:
        found = re.search(r"/postgresql/(\d+)/bin", path)
        return int(found.group(1)) if found else 0

    for path in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if glob.glob(str(Path(path).parent / "lib" / "postgis-3*.so")):
            return Path(path)
    return None


class PgCluster:
    """A cluster in a temporary folder, on a unix socket in that folder.

    Attributes
    ----------
    dsn : str
        The libpq connection string of its ``postgres`` database.
    """

    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin = bin_dir
        self.root = root
        self.data = root / "data"
        self.dsn = f"host={root} port={PORT} user=postgres dbname=postgres"

    def _run(self, tool: str, *args: str, timeout: float = 120) -> None:
        command = ["runuser", "-u", "postgres", "--", str(self.bin / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed: {done.stderr.strip()}\n{tail}")

    def init(self) -> None:
        """Make the cluster's files (``initdb``)."""
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-k {self.root} -c listen_addresses='' -p {PORT} -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t",
            "60", "-o", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        """Stop the server the way an administrator restarting it does (``-m fast``)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def database(self, name: str) -> str:
        """Create a database with PostGIS; return its connection string."""
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        dsn = f"host={self.root} port={PORT} user=postgres dbname={name}"
        with psycopg.connect(dsn, autocommit=True, connect_timeout=5) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return dsn

    def remove(self) -> None:
        """Stop the server at once (if it runs) and delete the folder."""
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / "pg_ctl"), "-D", str(self.data),
             "-m", "immediate", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def pg_cluster():
    """A private cluster, started; stopped and removed after the test (skip when impossible)."""
    bin_dir = _bin_with_postgis()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server with PostGIS under /usr/lib/postgresql/*/bin")
    if shutil.which("runuser") is None or os.geteuid() != 0:
        pytest.skip("a private PostgreSQL cluster needs root (runuser -u postgres)")
    try:
        import pwd

        owner = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("there is no postgres user to run a private cluster")
    root = Path(tempfile.mkdtemp(prefix="atlas-pgc-"))
    os.chown(root, owner.pw_uid, owner.pw_gid)
    cluster = PgCluster(bin_dir, root)
    try:
        cluster.init()
        cluster.start()
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        cluster.remove()
        pytest.skip(f"a private PostgreSQL cluster could not be started: {exc}")
    yield cluster
    cluster.remove()
