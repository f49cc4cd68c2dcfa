"""``seeds/manifest.yaml``, read once per change and kept as JSON among the caches.

The window needs the manifest at every start (the provinces' profiles, the documents' titles
for the targets table); parsing YAML costs the start about a tenth of a second (importing the
parser and reading), a JSON copy keyed by the manifest's size and time a millisecond. A damaged
or missing copy is made again; a read-only data home parses the manifest each time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress

from geodata.errors import InputError
from geodata.paths import atomic_write_text, cache_dir
from seeds import SEEDS_DIR

MANIFEST = SEEDS_DIR / "manifest.yaml"


def manifest_section(name: str, valid: Callable[[object], bool]) -> list[dict]:
    """Return the entries of section ``name`` of the manifest (from the JSON copy when valid).

    Parameters
    ----------
    name : str
        The section (``"provinces"``, ``"documents"``).
    valid : callable
        Whether entries (from the copy or the manifest) have the shape the caller needs.

    Returns
    -------
    list of dict
        The entries, without keys whose value is empty (``null`` in YAML); dates as text.

    Raises
    ------
    InputError
        When the manifest's section does not pass ``valid``.
    """
    stat = MANIFEST.stat()
    cache = cache_dir() / "seeds" / f"{name}-{stat.st_size}-{stat.st_mtime_ns}.json"
    with suppress(OSError, ValueError):
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if valid(cached):
            return cached
    import yaml

    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8")).get(name) or []
    if not valid(entries):
        raise InputError(f"seeds/manifest.yaml: the entries of {name!r} are not as expected")
    entries = [{k: _plain(v) for k, v in e.items() if v is not None} for e in entries]
    with suppress(OSError):  # a read-only data home: parse the manifest each time
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cache, json.dumps(entries, ensure_ascii=False, allow_nan=False))
    return entries


def _plain(value: object) -> object:
    """Return a YAML value as JSON holds it (a date as its ISO text)."""
    if isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)
