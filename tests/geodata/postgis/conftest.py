"""Workspaces in the test PostgreSQL server, in the states the tests need."""

import pytest


@pytest.fixture
def newer_schema(pg_workspace) -> str:
    """A workspace whose schema says it is one version newer than this code reads; its DSN."""
    from geodata.postgis.connection import connect
    from geodata.postgis.schema import SCHEMA_VERSION

    with connect(pg_workspace) as conn:
        conn.execute(
            "UPDATE infra_atlas.meta SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )
        conn.commit()
    return pg_workspace
