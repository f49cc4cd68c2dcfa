"""What a shared workspace last said, kept on this machine for when its server is down.

Each successful read of a workspace's lists (versions, the active choice, plans, their targets)
is written to ``cache/workspace/<hash of the connection string>.json``; when the server cannot
be reached, the stores answer from it, read-only, and say so. A damaged snapshot is a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

from geodata.paths import atomic_write_text, cache_dir
from geodata.postgis.connection import WorkspaceUnavailable

T = TypeVar("T")


class Snapshot:
    """The last answers of one workspace, by key.

    Parameters
    ----------
    dsn : str
        The workspace (only its hash names the file).
    kind : str
        ``"boundaries"`` or ``"plans"``.

    Attributes
    ----------
    offline : str or None
        The message of the last failure to reach the server, when an answer came from here.
    """

    def __init__(self, dsn: str, kind: str) -> None:
        digest = hashlib.sha256(dsn.encode("utf-8")).hexdigest()[:16]
        self.path: Path = cache_dir() / "workspace" / f"{digest}-{kind}.json"
        self.offline: str | None = None

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def remembered(
        self,
        key: str,
        fetch: Callable[[], T],
        encode: Callable[[T], Any],
        decode: Callable[[Any], T],
    ) -> T:
        """Return ``fetch()`` and remember it; when the server is down, the remembered answer.

        Raises
        ------
        WorkspaceUnavailable
            When the server is down and nothing was remembered under ``key``.
        """
        try:
            value = fetch()
        except WorkspaceUnavailable as exc:
            data = self._read()
            if key not in data:
                raise
            self.offline = str(exc)
            return decode(data[key])
        self.offline = None
        data = self._read()
        data[key] = encode(value)
        with suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, allow_nan=False))
        return value
