"""A disk cache of built map documents, so the app reopens the last view without rebuilding it.

A view is keyed by everything that changes its HTML: province, level, the drawing options (not
the zoom or the selection, which the app applies after loading) and a fingerprint of the data
(targets, boundary version, the code that draws). A hit costs a JSON read: no geopandas, no
folium, no boundary loading.

Any cached view may be damaged (empty, cut short, garbage, of another shape, a folder in its
place): :meth:`ViewCache.get` checks the bundle's shape and the document's length and end, and
treats a damaged entry as a miss (deleting it), so the view is built again instead of a page
that never finishes loading.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from geodata.paths import atomic_write_text, cache_dir, unwritable
from geodata.statefiles import discard, expect, read_cache_json, write_cache_text

#: Files whose change must invalidate every cached view.
_CODE_FILES = (
    "web/document.py",
    "web/pagefont.py",
    "web/levels.py",
    "web/assets.py",
    "plan/metrics.py",
    "plan/classify.py",
    "drawing.py",
    "i18n.py",
)
#: How every built document ends (the check that a cached one was not cut short).
_HTML_END = b"</html>"


def code_fingerprint() -> str:
    """Return a hash of the content of the code and page assets that shape the map document."""
    from resources import RESOURCES_DIR

    engine = Path(__file__).resolve().parent.parent  # geodata/
    paths = [engine / name for name in _CODE_FILES]
    paths += sorted((RESOURCES_DIR / "web" / "infra-atlas").glob("atlas.*"))
    digest = hashlib.sha256()
    for path in paths:
        # by content, not file times: a view shipped in resources/prebuilt must match a fresh
        # clone's (about 140 kB, read in a millisecond or two); Windows line ends do not count
        digest.update(path.name.encode() + b"\0" + path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:16]


def view_key(parts: dict[str, Any]) -> str:
    """Return the cache key of a view described by JSON-serialisable ``parts``."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class ViewCache:
    """Built map documents and what the panels show beside them, on disk.

    Parameters
    ----------
    root : Path, optional
        Defaults to ``<data home>/cache/views``.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else cache_dir() / "views"

    def paths(self, key: str) -> tuple[Path, Path]:
        """Return the HTML and JSON paths of a key."""
        return self.root / f"{key}.html", self.root / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """Return the bundle of a cached view (with ``path`` set), or None on a miss.

        A damaged entry (either file) is a miss, and is deleted.
        """
        html, meta = self.paths(key)
        bundle = read_cache_json(meta, _check_bundle)
        if bundle is None and self._install_prebuilt(key):
            bundle = read_cache_json(meta, _check_bundle)
        if bundle is None or not _complete_document(html, bundle["html_bytes"]):
            self.discard(key)
            return None
        return {**bundle, "path": str(html)}

    def _install_prebuilt(self, key: str) -> bool:
        """Install a view shipped in ``resources/prebuilt`` (and the files it loads), if any.

        Only into the data home's own cache, and only a view whose key (the code, the data and
        the options it was built from) is this one: see :mod:`geodata.prebuilt`.
        """
        from geodata import prebuilt

        entry = prebuilt.manifest().get("views", {}).get(key)
        template = prebuilt.shipped(f"views/{key}.html")
        if not isinstance(entry, dict) or template is None or self.root != cache_dir() / "views":
            return False
        try:
            if not prebuilt.install_all([str(n) for n in entry.get("needs", [])]):
                return False
            text = prebuilt.localise(template.read_text(encoding="utf-8"))
            bundle = {k: v for k, v in entry["bundle"].items() if k != "html_bytes"}
            self.put(key, text, bundle)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        prebuilt.installed.append(f"views/{key}.html")
        return True

    def put(self, key: str, html_text: str, bundle: dict) -> dict:
        """Store a view atomically and return its bundle (with ``path`` set).

        Raises
        ------
        Unwritable
            When the document cannot be written (the cache folder is read-only or full).
        """
        html, meta = self.paths(key)
        self.discard(key)  # whatever was in the way (a folder, a damaged entry)
        if self.root.exists() and not self.root.is_dir():
            discard(self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unwritable(self.root, exc) from None
        atomic_write_text(html, html_text)
        stored = {k: v for k, v in bundle.items() if k != "path"}
        stored["html_bytes"] = html.stat().st_size
        try:
            text = json.dumps(stored, ensure_ascii=False, allow_nan=False)
        except ValueError:  # a NaN in a name: the view is served, not cached
            text = None
        if text is not None:
            write_cache_text(meta, text)
        self.prune()
        return {**stored, "path": str(html)}

    def discard(self, key: str) -> None:
        """Forget a view (its document is rebuilt on the next request)."""
        for path in self.paths(key):
            discard(path)

    def prune(self, keep: int = 24) -> None:
        """Delete all but the ``keep`` most recently written views (never raises)."""

        def written(path: Path) -> float:
            try:
                return path.stat().st_mtime
            except OSError:
                return 0.0

        try:
            metas = sorted(self.root.glob("*.json"), key=written, reverse=True)
        except OSError:
            return
        for meta in metas[keep:]:
            discard(meta.with_suffix(".html"))
            discard(meta)


def _check_bundle(value: object) -> dict:
    """Return a cached view's bundle if it has the shape the window reads; raise otherwise."""
    bundle = expect(value, dict, "the bundle")
    expect(bundle["key"], str, "the key")
    for metric in expect(bundle["metrics"], list, "the metrics"):
        for field in ("id", "label_en", "label_zh"):
            expect(metric[field], str, f"a metric's {field}")
    for region in expect(bundle["regions"], list, "the regions"):
        if len(expect(region, list, "a region")) != 3:
            raise ValueError("a region is not [adcode, name_zh, name_en]")
    if expect(bundle["html_bytes"], int, "the document's length") <= 0:
        raise ValueError("the document is empty")
    return bundle


def _complete_document(html: Path, length: int) -> bool:
    """Return whether a cached document is a whole file of ``length`` bytes ending the page."""
    try:
        if not html.is_file() or html.stat().st_size != length:
            return False
        with open(html, "rb") as f:
            f.seek(max(0, length - 64))
            return _HTML_END in f.read()
    except OSError:
        return False
