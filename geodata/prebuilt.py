"""Cache files shipped with the app, so a new data home paints its first map at once.

A fresh data home would otherwise spend ten seconds and more on its first start: the region
catalogue and its pinyin, China's provinces for the grey context, the page font subset and the
levels of detail of the map the app opens on. ``resources/prebuilt/`` holds those files as the
data home's ``cache/`` lays them out (``python -m desktop.prebuild`` writes them), each under the
name its cache would give it: a name is a key of the content it was made from (the code, the
data), so a shipped file is only ever used where the app would have built the same one.

Each cache asks :func:`install` on a miss; the file is copied into the data home's cache and
read from there as if it had been built. Map documents name their files by absolute ``file:``
address: the shipped ones carry :data:`RESOURCES_MARK` and :data:`CACHE_MARK` instead, which
:func:`localise` replaces with this installation's addresses.
"""

from __future__ import annotations

import json
import shutil
from contextlib import suppress
from pathlib import Path

from geodata.paths import atomic_path, cache_dir

#: The shipped cache files (laid out as ``<data home>/cache``) and their manifest.
PREBUILT_DIR = Path(__file__).resolve().parent.parent / "resources" / "prebuilt"
MANIFEST_NAME = "manifest.json"
#: Stand for the ``file:`` address of ``resources/`` and of the data home's cache in a shipped
#: map document.
RESOURCES_MARK = "@@INFRA-ATLAS-RESOURCES@@"
CACHE_MARK = "@@INFRA-ATLAS-CACHE@@"
#: The files installed by this process, relative to the cache (tests read it).
installed: list[str] = []
#: Whether the shipped files are used (``python -m desktop.prebuild`` builds without them).
enabled = True


def manifest(root: Path | None = None) -> dict:
    """Return the shipped manifest (``{}`` when nothing is shipped or it cannot be read)."""
    try:
        value = json.loads(((root or PREBUILT_DIR) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def shipped(relative: str) -> Path | None:
    """Return the shipped file of a cache path (relative to the cache), or None.

    None too while the shipped files are not used (:data:`enabled`).
    """
    path = PREBUILT_DIR / relative
    return path if enabled and path.is_file() and ".." not in Path(relative).parts else None


def relative_to_cache(path: Path) -> str | None:
    """Return ``path`` relative to the data home's cache, or None when it lies elsewhere."""
    try:
        return Path(path).resolve().relative_to(cache_dir().resolve()).as_posix()
    except (OSError, ValueError):
        return None


def install(relative: str) -> bool:
    """Copy the shipped file of a cache path into the data home's cache.

    Parameters
    ----------
    relative : str
        The path inside the cache (``"fonts/page-….ttf"``).

    Returns
    -------
    bool
        Whether it was installed; False when none is shipped or the cache cannot be written
        (the caller then builds it, as before).
    """
    source = shipped(relative)
    if source is None:
        return False
    target = cache_dir() / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
    except OSError:
        return False
    installed.append(relative)
    return True


def install_all(relatives: list[str]) -> bool:
    """Install several shipped files (those already in the cache are kept); return if all are."""
    ok = True
    for relative in relatives:
        if not (cache_dir() / relative).is_file():
            ok = install(relative) and ok
    return ok


def localise(text: str) -> str:
    """Return a shipped document with its marks replaced by this installation's addresses."""
    from resources import RESOURCES_DIR

    return text.replace(RESOURCES_MARK, RESOURCES_DIR.as_uri()).replace(
        CACHE_MARK, cache_dir().as_uri()
    )


def templated(text: str, cache: Path) -> str:
    """Return a built document with this installation's addresses replaced by the marks.

    ``cache`` is the cache it was built in (the prebuild's own data home).
    """
    from resources import RESOURCES_DIR

    text = text.replace(Path(cache).as_uri(), CACHE_MARK)
    return text.replace(RESOURCES_DIR.as_uri(), RESOURCES_MARK)


def remove_tree(root: Path) -> None:
    """Delete a folder of shipped files before it is written again (never raises)."""
    with suppress(OSError):
        shutil.rmtree(root)
