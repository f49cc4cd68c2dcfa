"""Changes to a shared workspace: recorded by every writer, noticed by every window.

Each change (a boundary version or plan stored, activated, hidden, removed) adds a row to
``infra_atlas.changes`` in the writer's transaction and sends ``NOTIFY infra_atlas``; a window
polls :func:`workspace_fingerprint` (the last change's id, hashed) to notice another planner's
work and offer to refresh.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from geodata.postgis.config import shown_dsn
from geodata.postgis.connection import WorkspaceUnavailable, connect, database_errors
from geodata.postgis.schema import check_schema

if TYPE_CHECKING:
    import psycopg

#: The channel of ``NOTIFY`` (``LISTEN infra_atlas`` to hear changes as they commit).
CHANNEL = "infra_atlas"


def record_change(conn: psycopg.Connection, what: str) -> None:
    """Record a change inside the writer's transaction and notify the listeners on commit."""
    conn.execute("INSERT INTO infra_atlas.changes (what) VALUES (%s)", (what,))
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, what))


def workspace_fingerprint(dsn: str) -> str:
    """Return a short hash of a workspace's last change, or ``"offline"`` when it is down."""
    try:
        with connect(dsn) as conn, database_errors(dsn, "read the workspace's changes"):
            check_schema(conn, shown_dsn(dsn))
            last = conn.execute("SELECT coalesce(max(id), 0) FROM infra_atlas.changes").fetchone()
    except WorkspaceUnavailable:
        return "offline"
    return hashlib.sha256(f"{shown_dsn(dsn)}:{last[0]}".encode()).hexdigest()[:16]


def last_change(dsn: str) -> tuple[int, str, str] | None:
    """Return ``(id, who, what)`` of a workspace's last change (None when there is none)."""
    with connect(dsn) as conn, database_errors(dsn, "read the workspace's changes"):
        row = conn.execute(
            "SELECT id, by_role, what FROM infra_atlas.changes ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None
