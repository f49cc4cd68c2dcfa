"""Reading the files kept in the data folder, whatever state they are in.

Every file there may be empty, cut short, garbage, JSON of another shape, a folder, or missing
(a crash, a full disk, a user's editor, a sync tool). Nothing read from it may stop the app:

- user data (a boundary version's manifest, the active selection, a plan's files) is read with
  :func:`read_json`, which returns the value or raises :class:`~geodata.errors.DamagedState`
  whose message is one sentence: the file, what is wrong with it and the fix;
- caches are read with :func:`read_cache_json`: any failure is a miss, and the entry is
  deleted so that it is made again; :func:`write_cache_text` never raises either;
- :func:`clean_leftovers` removes what a killed writer left in a store (``.tmp-*`` folders),
  :func:`clean_stores` does it in both stores at start-up, and :func:`set_aside` moves a
  damaged entry out of a store without deleting it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from geodata.errors import DamagedState
from geodata.messages import Sentence, said
from geodata.paths import atomic_write_text, data_home, try_store_lock, unwritable

T = TypeVar("T")
_MISSING: Any = object()
#: What a killed writer leaves in a store folder: a version or plan being written, one being
#: removed, and the temporary file of an atomic write.
LEFTOVER_PREFIXES = (".tmp-", ".trash-", ".active.json.", ".state.json.")
#: Leftovers of a store someone holds the lock of are removed only when older than this.
LEFTOVER_AGE_S = 3600.0


class _Unreadable(Exception):
    """What is wrong with a file's bytes (the message is the ``<what>`` of the sentence)."""


def damage_sentence(path: str | Path, what: str, fix: str) -> Sentence:
    """Return ``"<file> is damaged (<what>): <fix>"`` (``"<file> is missing: <fix>"``).

    The sentence keeps its key and values (:class:`geodata.messages.Sentence`), so the window
    shows it in its language; ``what`` and ``fix`` may be sentences of their own.
    """
    if what == "missing":
        return said("state.missing", path=str(path), fix=fix)
    return said("state.damaged", path=str(path), what=what, fix=fix)


def _what(exc: _Unreadable) -> str:
    """Return what is wrong, keeping the sentence (``str(exc)`` would lose its key)."""
    return exc.args[0] if exc.args else str(exc)


def _reject_constant(name: str) -> float:
    raise _Unreadable(said("damage.constant", name=name))


def _decode(raw: bytes) -> Any:
    """Return the JSON value of a file's bytes.

    Raises
    ------
    _Unreadable
        Saying what is wrong: empty, not UTF-8, cut short, not JSON, NaN.
    """
    if not raw.strip():
        return _fail(said("damage.empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _fail(said("damage.garbage"))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            return _fail(said("damage.cut_short"))
        return _fail(said("damage.not_json", detail=exc.msg, line=exc.lineno))
    except RecursionError:
        return _fail(said("damage.too_deep"))


def _fail(what: str) -> Any:
    raise _Unreadable(what)


def shape_detail(exc: Exception) -> str:
    """Return what a parser found wrong with a value, briefly."""
    if isinstance(exc, KeyError):
        return (
            said("damage.no_entry", entry=repr(exc.args[0])) if exc.args else "an entry is missing"
        )
    detail = " ".join(str(exc).split())
    return detail[:100] if detail else type(exc).__name__


def read_json(
    path: str | Path,
    parse: Callable[[Any], T],
    fix: str,
    shape: str = said("shape.default"),
    missing: Any = _MISSING,
) -> T:
    """Read a JSON state file and return ``parse(value)``.

    Parameters
    ----------
    path : str or Path
        The file.
    parse : callable
        Turns the JSON value into what the caller needs; a ``KeyError``, ``TypeError``,
        ``ValueError``, ``AttributeError`` or ``IndexError`` means the file holds JSON of
        another shape.
    fix : str
        What the user does about it (the end of the sentence).
    shape : str
        What the file should hold (``"a version manifest"``), for the message.
    missing : optional
        Returned when the file does not exist; without it a missing file is damage too.

    Raises
    ------
    DamagedState
        ``"<file> is damaged (<what>): <fix>"``, for a file that is empty, cut short, garbage,
        of another shape, a folder, unreadable, or missing (without ``missing``).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if missing is not _MISSING:
            return missing
        raise DamagedState(damage_sentence(path, "missing", fix)) from None
    except IsADirectoryError:
        raise DamagedState(damage_sentence(path, said("damage.folder"), fix)) from None
    except OSError as exc:
        what = said("damage.unreadable", reason=exc.strerror or type(exc).__name__)
        raise DamagedState(damage_sentence(path, what, fix)) from None
    try:
        return parse(_decode(raw))
    except _Unreadable as exc:
        raise DamagedState(damage_sentence(path, _what(exc), fix)) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        what = said("damage.shape", shape=shape, detail=shape_detail(exc))
        raise DamagedState(damage_sentence(path, what, fix)) from None


def expect(value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    """Return ``value`` if it is a ``kind``; raise ``TypeError`` naming ``what`` otherwise.

    ``True`` and ``False`` are not integers here (JSON tells them apart).
    """
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise TypeError(f"{what} is {value!r}")
    if not isinstance(value, kind):
        raise TypeError(f"{what} is {_json_kind(value)}")
    return value


def _json_kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")


def discard(path: str | Path) -> None:
    """Delete a cache entry, whether a file or a folder in its place (never raises)."""
    path = Path(path)
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def read_cache_json(path: str | Path, parse: Callable[[Any], T] | None = None) -> T | None:
    """Return a cache entry's JSON value (through ``parse``), or None on a miss.

    Any failure is a miss: a missing, empty, cut short or garbage file, a folder in its place,
    or a value ``parse`` refuses (by raising anything). A damaged entry is deleted, so the
    caller makes it again.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        discard(path)
        return None
    try:
        value = _decode(raw)
        return parse(value) if parse is not None else value
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache entry, it is made again
        discard(path)
        return None


def write_cache_text(path: str | Path, text: str) -> bool:
    """Write a cache entry atomically (a folder in its way is removed); return whether it was.

    Never raises: a cache that cannot be written (read-only, full) is made again next time.
    """
    path = Path(path)
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError:  # Unwritable is an OSError too
        return False
    return True


def clean_leftovers(root: str | Path, max_age_s: float = LEFTOVER_AGE_S) -> list[str]:
    """Remove what killed writers left in a store folder; return the names removed.

    Writers hold the store's lock (:func:`geodata.paths.store_lock`) while their ``.tmp-*``
    folder exists: when the lock is free every leftover goes, when someone holds it only those
    older than ``max_age_s``. Never raises (a read-only store keeps its leftovers).
    """
    root = Path(root)
    if not root.is_dir():
        return []
    removed = []
    with try_store_lock(root) as locked:
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in list(os.scandir(root)):
                if not entry.name.startswith(LEFTOVER_PREFIXES):
                    continue
                with contextlib.suppress(OSError):
                    if not locked and now - entry.stat(follow_symlinks=False).st_mtime < max_age_s:
                        continue
                    discard(entry.path)
                    if not os.path.lexists(entry.path):
                        removed.append(entry.name)
    return removed


def clean_stores() -> list[str]:
    """Remove what killed imports left in the boundary and plan stores; return the names.

    The command line and the window call it when they start (see :func:`clean_leftovers`).

    Raises
    ------
    InputError
        When ``$INFRA_ATLAS_HOME`` is a relative path.
    """
    home = data_home()
    return clean_leftovers(home / "boundaries") + clean_leftovers(home / "plans")


def set_aside(entry: str | Path, root: str | Path) -> Path:
    """Move a damaged entry of a store to ``<root>/damaged/<name>-<time>``; return where.

    Nothing is deleted: the user may look at it or remove it. Call it under the store's lock.

    Raises
    ------
    Unwritable
        When the store cannot be written.
    """
    entry, root = Path(entry), Path(root)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    target = root / "damaged" / f"{entry.name}-{stamp}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(entry, target)
    except OSError as exc:
        raise unwritable(entry, exc) from None
    return target
