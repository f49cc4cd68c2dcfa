"""Which workspace the atlas uses: the local data home, or a PostGIS database.

The choice is kept in ``<data home>/workspace.json`` (``{"kind": "postgis", "dsn": "service=
atlas"}``) and may be overridden per process with ``INFRA_ATLAS_WORKSPACE`` (the CLI's
``--workspace`` sets it): ``local`` or a connection string. A connection string that holds a
password is refused: credentials belong in ``pg_service.conf``, ``.pgpass`` or ``PGPASSWORD``,
which libpq reads itself, so no password is ever written to settings, logs or messages.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from geodata.errors import DamagedState, InputError
from geodata.paths import atomic_write_text, data_home

#: The environment variable that picks the workspace of one process (``local`` or a DSN).
WORKSPACE_VARIABLE = "INFRA_ATLAS_WORKSPACE"
LOCAL = "local"
#: Connection keywords whose values are secrets, never shown or stored.
SECRET_KEYS = frozenset({"password", "sslpassword"})


@dataclass(frozen=True)
class WorkspaceConfig:
    """The workspace in use.

    Attributes
    ----------
    kind : {"local", "postgis"}
    dsn : str
        The libpq connection string (empty for the local workspace); never holds a password.
    """

    kind: str = LOCAL
    dsn: str = ""

    @property
    def label(self) -> str:
        """Return how messages name the workspace: ``local data folder`` or the DSN shown."""
        return "the local data folder" if self.kind == LOCAL else f"PostGIS {shown_dsn(self.dsn)}"


def _config_path():
    return data_home() / "workspace.json"


def parse_dsn(dsn: str) -> dict[str, str]:
    """Return the keywords of a connection string or URL.

    Raises
    ------
    InputError
        When the string cannot be parsed, or holds a password.
    """
    from psycopg import conninfo

    text = dsn.strip()
    if not text:
        raise InputError("the workspace connection string is empty: give e.g. service=atlas")
    try:
        params = conninfo.conninfo_to_dict(text)
    except Exception:  # psycopg.ProgrammingError; its message may echo the string
        raise InputError(
            "the workspace connection string could not be read: give service=NAME, "
            "'host=... dbname=...' or a postgresql://host/dbname URL"
        ) from None
    if SECRET_KEYS & set(params):
        raise InputError(
            "the connection string holds a password: put it in ~/.pgpass or pg_service.conf "
            "(or PGPASSWORD) instead, so that it is never stored with the atlas's settings"
        )
    return {str(k): str(v) for k, v in params.items()}


def shown_dsn(dsn: str) -> str:
    """Return a connection string for messages: its keywords, secrets left out."""
    try:
        from psycopg import conninfo

        params = conninfo.conninfo_to_dict(dsn)
    except Exception:
        return "(unreadable connection string)"
    return " ".join(f"{k}={v}" for k, v in sorted(params.items()) if k not in SECRET_KEYS)


def current_config() -> WorkspaceConfig:
    """Return the workspace in use: ``INFRA_ATLAS_WORKSPACE``, else ``workspace.json``, else local.

    Raises
    ------
    DamagedState
        When ``workspace.json`` cannot be read (the message names the file and the fix).
    InputError
        When the connection string is unusable (a password in it, unparsable).
    """
    env = os.environ.get(WORKSPACE_VARIABLE, "").strip()
    if env:
        return _config_of(env)
    path = _config_path()
    if not path.exists():
        return WorkspaceConfig()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        kind, dsn = str(data["kind"]), str(data.get("dsn", ""))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DamagedState(
            f"{path} is damaged ({type(exc).__name__}): choose the workspace again with "
            "infra-atlas workspace --connect DSN (or --local), which rewrites it"
        ) from None
    return WorkspaceConfig() if kind == LOCAL else _config_of(dsn)


def _config_of(value: str) -> WorkspaceConfig:
    if value.lower() == LOCAL:
        return WorkspaceConfig()
    parse_dsn(value)
    return WorkspaceConfig("postgis", value.strip())


def save_config(config: WorkspaceConfig) -> None:
    """Write the workspace choice to ``workspace.json`` (atomically; never a password)."""
    if config.kind != LOCAL:
        parse_dsn(config.dsn)
    text = json.dumps({"kind": config.kind, "dsn": config.dsn}, ensure_ascii=False, indent=2)
    atomic_write_text(_config_path(), text + "\n")
