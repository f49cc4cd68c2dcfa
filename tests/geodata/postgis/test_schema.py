"""The workspace schema in a real PostgreSQL + PostGIS server: created when asked, versioned."""

import pytest

from geodata.errors import InputError
from geodata.postgis.config import WorkspaceConfig, current_config, parse_dsn, save_config
from geodata.postgis.connection import WorkspaceUnavailable, connect
from geodata.postgis.schema import SchemaMismatch, check_schema, create_or_upgrade

pytestmark = pytest.mark.postgis


def test_a_database_without_the_schema_is_refused_until_created(pg_database):
    with connect(pg_database) as conn:
        with pytest.raises(SchemaMismatch, match="holds no Infra Atlas workspace yet.*--init"):
            check_schema(conn, "db")
        assert "created" in create_or_upgrade(conn, "db")
        check_schema(conn, "db")
        assert "is ready" in create_or_upgrade(conn, "db")  # asking again changes nothing
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'infra_atlas'"
            )
        }
    assert {"boundary_versions", "boundary_regions", "active_layers", "plans"} <= tables


def test_a_newer_schema_is_refused_with_a_clear_message(newer_schema):
    with connect(newer_schema) as conn:
        with pytest.raises(SchemaMismatch, match="newer than this Infra Atlas reads"):
            check_schema(conn, "db")
        with pytest.raises(SchemaMismatch, match="update Infra Atlas"):
            create_or_upgrade(conn, "db")


def test_geometry_is_postgis_4326_with_a_gist_index(pg_workspace):
    with connect(pg_workspace) as conn:
        srid, kind = conn.execute(
            "SELECT srid, type FROM geometry_columns WHERE f_table_schema = 'infra_atlas'"
            " AND f_table_name = 'boundary_regions'"
        ).fetchone()
        index = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'boundary_regions_geom'"
        ).fetchone()[0]
    assert (srid, kind) == (4326, "MULTIPOLYGON")
    assert "USING gist (geom)" in index


def test_a_server_that_is_down_fails_fast_in_one_sentence(tmp_path):
    dsn = f"host={tmp_path} port=1 dbname=nothing user=nobody"
    with pytest.raises(WorkspaceUnavailable, match="cannot be reached.*workspace --local"):
        connect(dsn)


def test_passwords_never_enter_the_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path))
    monkeypatch.delenv("INFRA_ATLAS_WORKSPACE", raising=False)
    with pytest.raises(InputError, match="holds a password.*pgpass"):
        parse_dsn("postgresql://planner:s3cret@db.example/atlas")
    with pytest.raises(InputError, match="holds a password"):
        save_config(WorkspaceConfig("postgis", "host=db password=s3cret dbname=atlas"))
    assert not (tmp_path / "workspace.json").exists()
    save_config(WorkspaceConfig("postgis", "service=atlas"))
    assert current_config() == WorkspaceConfig("postgis", "service=atlas")
    assert "s3cret" not in (tmp_path / "workspace.json").read_text()
    monkeypatch.setenv("INFRA_ATLAS_WORKSPACE", "local")
    assert current_config().kind == "local"
