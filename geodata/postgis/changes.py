"""Changes to a shared workspace: recorded by every writer, noticed by every window.

Each change (a boundary version or plan stored, activated, hidden, removed) adds a row to
``infra_atlas.changes`` in the writer's transaction and sends ``NOTIFY infra_atlas``; a window
polls :func:`workspace_fingerprint` (the last change's id, hashed) to notice another planner's
work and offer to refresh.

The stores ask for the fingerprint far more often (every :meth:`~geodata.atlas.AtlasData.layer`
call, sometimes on the window's GUI thread), so they ask :func:`recent_fingerprint`: the last
one read in this process, when it is younger than :data:`FINGERPRINT_MEMO_S` seconds, else a
fresh one. Every fresh read (the window's poll, a refresh) renews it; this process's own writes
forget it when they commit (:func:`forget_fingerprint`), so they are seen at once, and another
machine's within :data:`FINGERPRINT_MEMO_S` seconds or at the next poll or refresh.
"""

from __future__ import annotations

import hashlib
import threading
import time
from typing import TYPE_CHECKING

from geodata.postgis.config import shown_dsn
from geodata.postgis.connection import WorkspaceUnavailable, connect, database_errors
from geodata.postgis.schema import check_schema

if TYPE_CHECKING:
    import psycopg

#: The channel of ``NOTIFY`` (``LISTEN infra_atlas`` to hear changes as they commit).
CHANNEL = "infra_atlas"
#: Seconds a fingerprint read in this process answers :func:`recent_fingerprint`.
FINGERPRINT_MEMO_S = 5.0
#: The clock of the memo (monotonic: a clock set back never keeps a fingerprint for ever).
_clock = time.monotonic
#: The last fingerprint read of each workspace: dsn -> (clock time, fingerprint).
_MEMO: dict[str, tuple[float, str]] = {}
#: How many times the memo was forgotten (a read begun before a forget is not kept).
_FORGOTTEN = [0]
_MEMO_LOCK = threading.Lock()


def record_change(conn: psycopg.Connection, what: str) -> None:
    """Record a change inside the writer's transaction and notify the listeners on commit."""
    conn.execute("INSERT INTO infra_atlas.changes (what) VALUES (%s)", (what,))
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, what))


def workspace_fingerprint(dsn: str) -> str:
    """Return a short hash of a workspace's last change, or ``"offline"`` when it is down.

    Always read from the server (the window's poll); the answer renews the memo of
    :func:`recent_fingerprint`.
    """
    with _MEMO_LOCK:
        forgotten = _FORGOTTEN[0]
    try:
        with connect(dsn) as conn, database_errors(dsn, "read the workspace's changes"):
            check_schema(conn, shown_dsn(dsn))
            last = conn.execute("SELECT coalesce(max(id), 0) FROM infra_atlas.changes").fetchone()
    except WorkspaceUnavailable:
        fingerprint = "offline"
    else:
        fingerprint = hashlib.sha256(f"{shown_dsn(dsn)}:{last[0]}".encode()).hexdigest()[:16]
    with _MEMO_LOCK:
        if _FORGOTTEN[0] == forgotten:  # else a write committed meanwhile: the read may be older
            _MEMO[dsn] = (_clock(), fingerprint)
    return fingerprint


def recent_fingerprint(dsn: str) -> str:
    """Return the workspace's fingerprint read in the last :data:`FINGERPRINT_MEMO_S` seconds.

    Without one, it is read from the server (:func:`workspace_fingerprint`). A burst of calls
    (a map drawing its layers) thus costs the server one query at most.
    """
    with _MEMO_LOCK:
        memo = _MEMO.get(dsn)
    if memo is not None and 0 <= _clock() - memo[0] < FINGERPRINT_MEMO_S:
        return memo[1]
    return workspace_fingerprint(dsn)


def forget_fingerprint(dsn: str | None = None) -> None:
    """Read the fingerprint from the server next time (after a write, or a refresh asked for).

    Parameters
    ----------
    dsn : str, optional
        The workspace written to; every workspace when None.
    """
    with _MEMO_LOCK:
        _FORGOTTEN[0] += 1
        if dsn is None:
            _MEMO.clear()
        else:
            _MEMO.pop(dsn, None)


def last_change(dsn: str) -> tuple[int, str, str] | None:
    """Return ``(id, who, what)`` of a workspace's last change (None when there is none)."""
    with connect(dsn) as conn, database_errors(dsn, "read the workspace's changes"):
        row = conn.execute(
            "SELECT id, by_role, what FROM infra_atlas.changes ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None
