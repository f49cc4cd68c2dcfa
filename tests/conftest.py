"""Test set-up shared by every test package.

Qt runs offscreen in the real web engine; QtWebEngine is imported before pytest-qt's qtbot
creates the QApplication (it must be, or the web view cannot share OpenGL contexts). User state
goes to a temporary ``$INFRA_ATLAS_HOME``, never to the developer's real data directory.
"""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ["INFRA_ATLAS_HOME"] = tempfile.mkdtemp(prefix="infra-atlas-test-home-")

try:  # must precede the QApplication that qtbot creates
    from PySide6 import QtWebEngineWidgets  # noqa: F401
except (
    ImportError
):  # pragma: no cover - PySide6 is a hard dependency; fail in the tests that use it
    pass

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty data home for this test, as ``$INFRA_ATLAS_HOME`` (not created yet)."""
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def shanxi_file(tmp_path_factory) -> Path:
    """Shanxi's bundled cities written as an agency file would come (GeoPackage, WGS-84)."""
    from geodata.boundaries.bundled import bundled_layer

    path = tmp_path_factory.mktemp("agency") / "shanxi-2026.gpkg"
    bundled_layer("city", "140000").gdf[["adcode", "name_zh", "geometry"]].to_file(path)
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The directory of small real data files used by the tests."""
    return DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def all_targets():
    """The bundled targets."""
    from geodata.plan.targets import load_targets

    return load_targets()


@pytest.fixture(scope="session", autouse=True)
def _release_web_pages():
    """Delete the web pages before QApplication and its web profile are torn down."""
    yield
    import sys

    if "desktop.map.view" in sys.modules:
        sys.modules["desktop.map.view"].release_pages()


# ------------------------------------------------------------------- PostgreSQL + PostGIS
PG_VARIABLE = "INFRA_ATLAS_TEST_PG"


@pytest.fixture(scope="session")
def pg_server():
    """The libpq connection string of the test cluster (``.ci/run`` starts one); else skip."""
    dsn = os.environ.get(PG_VARIABLE, "").strip()
    if not dsn:
        pytest.skip(f"no PostgreSQL test server: set {PG_VARIABLE} (.ci/run starts one)")
    import psycopg

    try:
        with psycopg.connect(dsn, connect_timeout=3, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS atlas_template")
            conn.execute("CREATE DATABASE atlas_template")
    except psycopg.Error as exc:
        pytest.skip(f"the PostgreSQL test server {PG_VARIABLE} cannot be used: {exc}")
    with psycopg.connect(_with_db(dsn, "atlas_template"), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    return dsn


def _with_db(dsn: str, name: str) -> str:
    from psycopg import conninfo

    return conninfo.make_conninfo(dsn, dbname=name)


@pytest.fixture
def pg_database(pg_server):
    """A fresh database with PostGIS (no atlas schema yet); dropped after the test."""
    import uuid

    import psycopg

    name = f"atlas_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE atlas_template")
    yield _with_db(pg_server, name)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_workspace(pg_database):
    """A fresh database holding the atlas schema: the DSN of a shared workspace."""
    from geodata.postgis.connection import connect
    from geodata.postgis.schema import create_or_upgrade

    with connect(pg_database) as conn:
        create_or_upgrade(conn, "test")
    return pg_database
