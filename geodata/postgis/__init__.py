"""Shared team workspaces in PostgreSQL + PostGIS: where to connect, how, and the schema.

The local data home stays the default workspace (no server). A shared workspace is a PostGIS
database named by a libpq connection string (``service=atlas``, ``host=... dbname=...``) or a
``postgresql://`` URL; credentials come only from libpq's own means (``pg_service.conf``,
``.pgpass``, ``PG*`` environment variables) and are never written anywhere by the atlas.

- :mod:`~geodata.postgis.config`: which workspace is in use (``workspace.json`` in the data
  home, ``INFRA_ATLAS_WORKSPACE``), and connection strings without secrets.
- :mod:`~geodata.postgis.connection`: connecting with a short timeout, and database errors
  turned into one sentence (server down, read-only role, schema too new).
- :mod:`~geodata.postgis.schema`: the tables and views, their version, creating and upgrading.
"""
