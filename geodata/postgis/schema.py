"""The tables and views of a shared workspace, and their version.

Everything lives in the schema ``infra_atlas`` of the database, so a colleague browsing the
database in QGIS finds it in one place:

- ``boundary_versions`` (one row per stored boundary version: source file, hash, who and when,
  level, province, the import report) and ``boundary_regions`` (its regions: adcode, names and
  a ``geometry(MultiPolygon, 4326)`` with a GiST index);
- ``active_layers`` (the version shown per province and level) and one view per active layer,
  ``layer_<province>_<level>`` (``layer_140000_city``, ``layer_china_province``), that QGIS
  opens like a table;
- ``plans``, ``plan_targets``, ``plan_observations`` and ``plan_state`` (plans brought in, their
  targets and achieved figures, which are hidden);
- ``changes`` (one row per change, for other windows to notice) and ``meta`` (the schema
  version).

The atlas creates or upgrades the schema only when asked (``infra-atlas workspace --connect
DSN --init``) and refuses a schema newer than it knows, with a message saying to update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.messages import said

if TYPE_CHECKING:
    import psycopg

SCHEMA = "infra_atlas"
#: The schema version this code reads and writes.
SCHEMA_VERSION = 1

#: The statements creating version 1, in order (run in one transaction).
CREATE_V1: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS postgis",
    "CREATE SCHEMA IF NOT EXISTS infra_atlas",
    """CREATE TABLE infra_atlas.meta (key text PRIMARY KEY, value text NOT NULL)""",
    """CREATE TABLE infra_atlas.boundary_versions (
        version integer PRIMARY KEY,
        source text NOT NULL,
        sha256 text NOT NULL DEFAULT '',
        content_hash text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by text NOT NULL DEFAULT current_user,
        level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
        province text,
        features integer NOT NULL,
        report jsonb NOT NULL DEFAULT '{}'::jsonb)""",
    "CREATE SEQUENCE infra_atlas.boundary_version_seq"
    " OWNED BY infra_atlas.boundary_versions.version",
    """CREATE TABLE infra_atlas.boundary_regions (
        version integer NOT NULL REFERENCES infra_atlas.boundary_versions ON DELETE CASCADE,
        fid integer NOT NULL,
        adcode text,
        name_zh text,
        name_en text,
        geom geometry(MultiPolygon, 4326) NOT NULL,
        PRIMARY KEY (version, fid))""",
    "CREATE INDEX boundary_regions_geom ON infra_atlas.boundary_regions USING gist (geom)",
    """CREATE TABLE infra_atlas.active_layers (
        scope text PRIMARY KEY,
        version integer NOT NULL REFERENCES infra_atlas.boundary_versions,
        set_at timestamptz NOT NULL DEFAULT now(),
        set_by text NOT NULL DEFAULT current_user)""",
    """CREATE TABLE infra_atlas.plans (
        number integer PRIMARY KEY,
        kind text NOT NULL,
        manifest jsonb NOT NULL,
        original_name text,
        original bytea,
        text text,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by text NOT NULL DEFAULT current_user)""",
    "CREATE SEQUENCE infra_atlas.plan_number_seq OWNED BY infra_atlas.plans.number",
    """CREATE TABLE infra_atlas.plan_targets (
        plan integer NOT NULL REFERENCES infra_atlas.plans ON DELETE CASCADE,
        ord integer NOT NULL,
        record jsonb NOT NULL,
        PRIMARY KEY (plan, ord))""",
    """CREATE TABLE infra_atlas.plan_observations (
        plan integer NOT NULL REFERENCES infra_atlas.plans ON DELETE CASCADE,
        ord integer NOT NULL,
        record jsonb NOT NULL,
        PRIMARY KEY (plan, ord))""",
    """CREATE TABLE infra_atlas.plan_state (
        number integer PRIMARY KEY,
        hidden boolean NOT NULL DEFAULT false)""",
    """CREATE TABLE infra_atlas.changes (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        by_role text NOT NULL DEFAULT current_user,
        what text NOT NULL)""",
)


class SchemaMismatch(InputError):
    """The database has no atlas schema, or one of another version than this code's."""


def schema_version(conn: psycopg.Connection) -> int | None:
    """Return the workspace schema's version, or None when the database has none."""
    row = conn.execute("SELECT to_regclass('infra_atlas.meta')").fetchone()
    if row is None or row[0] is None:
        return None
    found = conn.execute("SELECT value FROM infra_atlas.meta WHERE key = 'schema_version'")
    value = found.fetchone()
    return int(value[0]) if value else None


def check_schema(conn: psycopg.Connection, shown: str) -> None:
    """Raise :class:`SchemaMismatch` unless the database holds this code's schema version.

    Parameters
    ----------
    conn : psycopg.Connection
    shown : str
        The workspace as messages name it (no password).
    """
    version = schema_version(conn)
    if version == SCHEMA_VERSION:
        return
    if version is None:
        raise SchemaMismatch(said("workspace.no_schema", shown=shown))
    if version > SCHEMA_VERSION:
        raise SchemaMismatch(
            said("workspace.newer_schema", shown=shown, version=version, supported=SCHEMA_VERSION)
        )
    raise SchemaMismatch(said("workspace.older_schema", shown=shown, version=version))


def create_or_upgrade(conn: psycopg.Connection, shown: str) -> str:
    """Create the schema, or upgrade an older one, in one transaction; return what was done.

    Raises
    ------
    SchemaMismatch
        For a schema newer than this code's (it is never downgraded).
    """
    version = schema_version(conn)
    if version == SCHEMA_VERSION:
        return said("workspace.ready", shown=shown, version=SCHEMA_VERSION)
    if version is not None and version > SCHEMA_VERSION:
        check_schema(conn, shown)
    with conn.transaction():
        for statement in CREATE_V1:
            conn.execute(statement)  # type: ignore[arg-type]  # fixed text, no user input
        conn.execute(
            "INSERT INTO infra_atlas.meta (key, value) VALUES ('schema_version', %s)",
            (str(SCHEMA_VERSION),),
        )
        _fast_compression(conn)
    return said("workspace.created", shown=shown, version=SCHEMA_VERSION)


def _fast_compression(conn: psycopg.Connection) -> None:
    """Store geometry with lz4 where the server has it (imports twice as fast as pglz).

    PostgreSQL 14 and newer built with lz4 (the distributions' packages are); elsewhere the
    default compression stays and nothing else changes.
    """
    import psycopg

    try:
        with conn.transaction():
            conn.execute(
                "ALTER TABLE infra_atlas.boundary_regions ALTER COLUMN geom SET COMPRESSION lz4"
            )
    except psycopg.Error:
        pass
