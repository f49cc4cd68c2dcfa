"""What the PostGIS stores share: their workspace, its connections and its snapshot.

:class:`WorkspaceAccess` is mixed into :class:`~geodata.boundaries.pgstore.PostgisBoundaryStore`
and :class:`~geodata.plan.pgstore.PostgisPlanStore` (before the local store class, so that its
``__init__`` runs): one connection per operation, the schema checked on each, the database's
errors said in one sentence, and the snapshot that answers while the server is down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from geodata.postgis.changes import forget_fingerprint
from geodata.postgis.config import shown_dsn
from geodata.postgis.connection import connect, database_errors
from geodata.postgis.schema import check_schema
from geodata.postgis.snapshot import Snapshot

if TYPE_CHECKING:
    import psycopg

S = TypeVar("S")

#: A root no local file is ever read from or written to (the local stores' methods that
#: touch files are overridden; this keeps a mistake from touching the data home).
NO_ROOT = Path("/nonexistent-postgis-workspace")


class WorkspaceAccess:
    """A store of a PostGIS workspace.

    Parameters
    ----------
    dsn : str
        The workspace's libpq connection string (no password: libpq finds it itself).
    kind : str
        ``"boundaries"`` or ``"plans"`` (names the snapshot).
    """

    def __init__(self, dsn: str, kind: str) -> None:
        super().__init__(root=NO_ROOT)  # type: ignore[call-arg]  # the local store's
        self.dsn = dsn
        self.shown = shown_dsn(dsn)
        self.snapshot = Snapshot(dsn, kind)
        self._conn: psycopg.Connection | None = None
        self._lock = threading.Lock()

    @property
    def offline(self) -> str | None:
        """Why the last answer came from this machine's snapshot (server down), else None."""
        return self.snapshot.offline

    @contextmanager
    def _db(self, action: str, write: bool = False) -> Iterator[psycopg.Connection]:
        """Yield a connection with the schema checked; the database's errors in one sentence.

        Reads share the store's connection, opened once in autocommit mode (a read leaves no
        transaction open; one the server dropped is opened again next time). A write gets a
        connection of its own for its transaction, so that two threads of a window never share
        one transaction, and a write killed midway takes nothing else down. Once a write ends,
        the workspace's fingerprint is read again: this process sees its own change at once.
        """
        if not write:
            with database_errors(self.dsn, action):
                yield self._connection()
            return
        try:
            with connect(self.dsn) as conn, database_errors(self.dsn, action):
                check_schema(conn, self.shown)
                yield conn
        finally:  # after the commit: the caller's transaction ends inside the block
            forget_fingerprint(self.dsn)

    def _connection(self) -> psycopg.Connection:
        with self._lock:
            if self._conn is None or self._conn.closed or self._conn.broken:
                conn = connect(self.dsn, autocommit=True)
                try:
                    check_schema(conn, self.shown)
                except BaseException:
                    conn.close()
                    raise
                self._conn = conn
            return self._conn


def store_in_use(local: Callable[[], S], shared: Callable[[str], S]) -> S:
    """Return the store of the workspace in use: ``local()`` or ``shared(dsn)``.

    A workspace setting that cannot be read (a damaged ``workspace.json``, a password in
    ``INFRA_ATLAS_WORKSPACE``) leaves the local store in use, with the reason in its
    ``warnings``.
    """
    from geodata.errors import InputError
    from geodata.postgis.config import LOCAL, current_config

    try:
        config = current_config()
    except InputError as exc:
        store = local()
        store.warnings.append(str(exc))  # type: ignore[attr-defined]
        return store
    return local() if config.kind == LOCAL else shared(config.dsn)
