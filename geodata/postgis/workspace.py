"""What the PostGIS stores share: their workspace, its connections and its snapshot.

:class:`WorkspaceAccess` is mixed into :class:`~geodata.boundaries.pgstore.PostgisBoundaryStore`
and :class:`~geodata.plan.pgstore.PostgisPlanStore` (before the local store class, so that its
``__init__`` runs): one connection per operation, the schema checked on each, the database's
errors said in one sentence, and the snapshot that answers while the server is down.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.postgis.config import shown_dsn
from geodata.postgis.connection import connect, database_errors
from geodata.postgis.schema import check_schema
from geodata.postgis.snapshot import Snapshot

if TYPE_CHECKING:
    import psycopg

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

    @property
    def offline(self) -> str | None:
        """Why the last answer came from this machine's snapshot (server down), else None."""
        return self.snapshot.offline

    @contextmanager
    def _db(self, action: str) -> Iterator[psycopg.Connection]:
        """Yield a connection with the schema checked; errors become one sentence."""
        with connect(self.dsn) as conn, database_errors(self.dsn, action):
            check_schema(conn, self.shown)
            yield conn
