"""Where Infra Atlas keeps user state: imported boundaries, caches, settings, logs.

User state never lives in the repository. It goes to ``$INFRA_ATLAS_HOME`` when that is set
(the tests set it) or to the platform's user data directory otherwise.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: The process's umask, read once (reading it means setting it, which threads must not race).
_UMASK = _read_umask()


@contextmanager
def atomic_path(path: str | Path, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary file beside ``path`` that replaces ``path`` when the block succeeds.

    Readers see the old file or the whole new one, never a part. The new file gets the mode a
    newly created file gets (``mkstemp`` would leave it private); on an error the temporary
    file is removed and ``path`` is untouched.

    Parameters
    ----------
    path : str or Path
        The file to write; its folder must exist.
    suffix : str
        Ending of the temporary file (for writers that choose the format by it).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str, fsync: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`atomic_path`).

    ``fsync`` also flushes it to disk before the rename (for data that must survive a crash).
    """
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        if fsync:
            f.flush()
            os.fsync(f.fileno())


@contextmanager
def store_lock(root: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on a store folder (blocks while another process writes in it).

    The boundary versions and the plans are written by the app and the command line at once:
    each store takes this lock (``<root>/.lock``) around every write.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
