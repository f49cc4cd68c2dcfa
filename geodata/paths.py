"""Where Infra Atlas keeps user state: imported boundaries, caches, settings, logs.

User state never lives in the repository. It goes to ``$INFRA_ATLAS_HOME`` when that is set
(the tests set it) or to the platform's user data directory otherwise. The data folder may be
read-only or full: reading still works, the caches move to a folder of the temporary
directory, and a write that fails raises :class:`~geodata.errors.Unwritable` naming the place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geodata.errors import InfraAtlasError, InputError, Unwritable
from geodata.messages import Sentence, said

APP_NAME = "infra-atlas"
#: The cache folder chosen for each data folder (its own, or one in the temporary directory).
_CACHE_DIRS: dict[str, Path] = {}


def data_home() -> Path:
    """Return the user data directory, creating it when it can be.

    Returns
    -------
    pathlib.Path
        ``$INFRA_ATLAS_HOME`` when set, else the platform's user data directory. A folder that
        cannot be created is returned all the same: reading finds nothing in it, writing
        raises :class:`~geodata.errors.Unwritable`.

    Raises
    ------
    InputError
        When ``$INFRA_ATLAS_HOME`` is a relative path (it would change with the working folder).
    """
    env = os.environ.get("INFRA_ATLAS_HOME")
    if env:
        path = Path(env).expanduser()
        if not path.is_absolute():
            raise InputError(
                said("home.relative", env=repr(env), absolute=str(Path(env).absolute()))
            )
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path


def unwritable_reason(folder: str | Path) -> str | None:
    """Return why a file cannot be written in ``folder`` (created if missing), or None if it can.

    A byte is written and removed, so a full disk is found as well as a read-only one.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe-")
        try:
            os.write(fd, b"0")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return None


def home_problem() -> str | None:
    """Return a sentence saying the data folder cannot be written (and what to do), or None."""
    home = data_home()
    reason = unwritable_reason(home)
    if reason is None:
        return None
    return said("home.unwritable", home=str(home), reason=reason)


def cache_dir() -> Path:
    """Return the cache directory: ``<data home>/cache``, or a temporary one when unwritable.

    The choice is made once per data folder and process; a cache is rebuilt when it is missing,
    so a read-only data folder only costs the rebuilds.
    """
    preferred = data_home() / "cache"
    chosen = _CACHE_DIRS.get(str(preferred))
    if chosen is None:
        chosen = preferred if unwritable_reason(preferred) is None else _temporary_cache()
        _CACHE_DIRS[str(preferred)] = chosen
    with contextlib.suppress(OSError):
        chosen.mkdir(parents=True, exist_ok=True)  # (removed since: made again)
    return chosen


def _temporary_cache() -> Path:
    """Return this user's cache folder in the temporary directory (private to the user)."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    path = Path(tempfile.gettempdir()) / f"{APP_NAME}-cache-{uid or 0}"
    with contextlib.suppress(OSError):
        path.mkdir(mode=0o700, exist_ok=True)
        if uid is None or path.stat().st_uid == uid:
            return path
    return Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-cache-"))  # another user's: not shared


def log_path() -> Path:
    """Return the log file that unexpected errors are written to."""
    return data_home() / "infra-atlas.log"


def append_log(details: str) -> Path | None:
    """Append ``details`` to the log file; return its path, or None when it cannot be written.

    Never raises: the error reporter calls it, and must report even when the log is a folder,
    the data folder is read-only or ``$INFRA_ATLAS_HOME`` is wrong.
    """
    try:
        path = log_path()
        with open(path, "a", encoding="utf-8") as f:
            f.write(details.rstrip() + "\n\n")
    except (OSError, InfraAtlasError):
        return None
    return path


def unwritable(path: str | Path, exc: OSError) -> Unwritable:
    """Return the error of a failed write of ``path``: one sentence naming it and the fix."""
    path = Path(path)
    if isinstance(exc, Unwritable):
        return exc
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return Unwritable(said("write.folder", path=str(path)))
    reason = exc.strerror or type(exc).__name__
    # errno and filename stay unset: OSError would print them instead of the sentence
    return Unwritable(
        said("write.failed", path=str(path), reason=reason, fix=_write_fix(path, exc))
    )


def _write_fix(path: Path, exc: OSError) -> Sentence:
    """Return what to do about a failed write: free space, or another (writable) folder."""
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    try:
        home = data_home()
        inside = path.resolve().is_relative_to(home.resolve())
    except (OSError, InfraAtlasError):
        inside = False
    if exc.errno == errno.ENOTDIR:
        return said("write.fix_notdir_home" if inside else "write.fix_notdir")
    if full:
        return said("write.fix_full_home", home=str(home)) if inside else said("write.fix_full")
    return said("write.fix_home", home=str(home)) if inside else said("write.fix_other")


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

    Raises
    ------
    Unwritable
        When the temporary file cannot be made or cannot replace ``path`` (a read-only or full
        folder, a folder in the file's place); also an :class:`OSError`.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    except OSError as exc:
        raise unwritable(path, exc) from None
    os.close(fd)
    try:
        yield Path(tmp)
        try:
            os.chmod(tmp, 0o666 & ~_UMASK)
            os.replace(tmp, path)
        except OSError as exc:
            raise unwritable(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str, fsync: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`atomic_path`).

    ``fsync`` also flushes it to disk before the rename (for data that must survive a crash).
    """
    with atomic_path(path) as tmp:
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
                if fsync:
                    f.flush()
                    os.fsync(f.fileno())
        except OSError as exc:  # a full disk
            raise unwritable(path, exc) from None


def _open_lock(root: Path):
    """Open ``<root>/.lock`` for locking.

    Raises
    ------
    Unwritable
        When the store folder or its lock file cannot be made (read-only, a folder in place).
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
        return open(root / ".lock", "a+b")  # noqa: SIM115 - closed by the callers
    except OSError as exc:
        raise unwritable(root / ".lock", exc) from None


@contextmanager
def store_lock(root: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on a store folder (blocks while another process writes in it).

    The boundary versions and the plans are written by the app and the command line at once:
    each store takes this lock (``<root>/.lock``) around every write.

    Raises
    ------
    Unwritable
        When the store folder cannot be written (nothing was locked).
    """
    with _open_lock(Path(root)) as handle:
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


@contextmanager
def try_store_lock(root: str | Path) -> Iterator[bool]:
    """Take a store's lock if no one holds it; yield whether it was taken (never blocks).

    A store that cannot be locked (read-only, missing) yields False.
    """
    try:
        handle = _open_lock(Path(root))
    except Unwritable:
        handle = None
    if handle is None:
        yield False
        return
    with handle:
        taken = _flock_now(handle)
        try:
            yield taken
        finally:
            if taken:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _flock_now(handle) -> bool:
    """Lock an open lock file if no one holds it; return whether it was locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: leftovers are cleaned by age only
        return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
