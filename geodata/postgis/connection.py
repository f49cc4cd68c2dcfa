"""Connecting to a PostGIS workspace, and its failures said in one sentence.

Every connection has a short connect timeout (a server that is down costs seconds, never a
hang) and an ``application_name`` so that a database administrator sees who is connected.
Database errors become the atlas's own: :class:`WorkspaceUnavailable` (server down or the
connection lost), :class:`ReadOnlyWorkspace` (a role that may only read), both input errors
the CLI reports with one ``error:`` line and exit code 2. Messages name the workspace by its
connection keywords, never a password.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.messages import said
from geodata.postgis.config import shown_dsn

if TYPE_CHECKING:
    import psycopg

#: Seconds to wait for a server before saying it cannot be reached.
CONNECT_TIMEOUT_S = 3
#: After a failure, seconds during which the same server is not tried again (the window and
#: a command ask many times; a server that is down must cost its timeout once, not each time).
RETRY_AFTER_S = 10.0
#: The last failure to reach each workspace: (monotonic time, message).
_DOWN: dict[str, tuple[float, str]] = {}
APPLICATION_NAME = "infra-atlas"


class WorkspaceUnavailable(InputError):
    """The PostGIS workspace cannot be reached (server down, wrong address, connection lost)."""


class ReadOnlyWorkspace(InputError):
    """The role connected may read the workspace but not change it."""


def _reason(exc: BaseException) -> str:
    """Return the first line of a database error, short, for a message."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def connect(dsn: str, autocommit: bool = False) -> psycopg.Connection:
    """Open a connection to a workspace database.

    Raises
    ------
    WorkspaceUnavailable
        When the server cannot be reached within :data:`CONNECT_TIMEOUT_S` seconds or refuses.
    """
    import time

    import psycopg

    failed = _DOWN.get(dsn)
    if failed is not None and time.monotonic() - failed[0] < RETRY_AFTER_S:
        raise WorkspaceUnavailable(failed[1])
    try:
        conn = psycopg.connect(
            dsn,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name=APPLICATION_NAME,
            autocommit=autocommit,
        )
    except psycopg.Error as exc:
        message = said("workspace.unreachable", shown=shown_dsn(dsn), reason=_reason(exc))
        _DOWN[dsn] = (time.monotonic(), message)
        raise WorkspaceUnavailable(message) from None
    _DOWN.pop(dsn, None)
    return conn


def forget_failures() -> None:
    """Try every workspace again at the next connection (after the user asks to retry)."""
    _DOWN.clear()


@contextmanager
def database_errors(dsn: str, action: str) -> Iterator[None]:
    """Turn the database's errors inside the block into the atlas's, naming ``action``.

    Parameters
    ----------
    dsn : str
        The workspace (for messages).
    action : str
        What was being done, e.g. ``"store the boundary version"``.
    """
    import psycopg
    from psycopg import errors

    try:
        yield
    except errors.InsufficientPrivilege:
        raise ReadOnlyWorkspace(
            said("workspace.read_only", action=action, shown=shown_dsn(dsn))
        ) from None
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raise WorkspaceUnavailable(
            said("workspace.lost", action=action, shown=shown_dsn(dsn), reason=_reason(exc))
        ) from None
