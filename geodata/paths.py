"""Where Infra Atlas keeps user state: imported boundaries, caches, settings, logs.

User state never lives in the repository. It goes to ``$INFRA_ATLAS_HOME`` when that is set
(the tests set it) or to the platform's user data directory otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "infra-atlas"


def data_home() -> Path:
    """Return the user data directory, creating it if needed.

    Returns
    -------
    pathlib.Path
        ``$INFRA_ATLAS_HOME`` when set, else the platform's user data directory.
    """
    env = os.environ.get("INFRA_ATLAS_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Return the cache directory under :func:`data_home`, creating it if needed."""
    path = data_home() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    """Return the log file that unexpected errors are written to."""
    return data_home() / "infra-atlas.log"
