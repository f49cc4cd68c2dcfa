"""A disk cache of built map documents, so the app reopens the last view without rebuilding it.

A view is keyed by everything that changes its HTML: province, level, the drawing options (not
the zoom or the selection, which the app applies after loading) and a fingerprint of the data
(targets, boundary version, the code that draws). A hit costs a JSON read: no geopandas, no
folium, no boundary loading.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from geodata.paths import atomic_write_text, cache_dir

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


def code_fingerprint() -> str:
    """Return a hash of the code and page assets that shape the map document."""
    from resources import RESOURCES_DIR

    engine = Path(__file__).resolve().parent.parent  # geodata/
    paths = [engine / name for name in _CODE_FILES]
    paths += sorted((RESOURCES_DIR / "web" / "infra-atlas").glob("atlas.*"))
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
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
        """Return the bundle of a cached view (with ``path`` set), or None on a miss."""
        html, meta = self.paths(key)
        if not (html.is_file() and meta.is_file()):
            return None
        try:
            bundle = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        bundle["path"] = str(html)
        return bundle

    def put(self, key: str, html_text: str, bundle: dict) -> dict:
        """Store a view atomically and return its bundle (with ``path`` set)."""
        self.root.mkdir(parents=True, exist_ok=True)
        html, meta = self.paths(key)
        atomic_write_text(html, html_text)
        stored = {k: v for k, v in bundle.items() if k != "path"}
        atomic_write_text(meta, json.dumps(stored, ensure_ascii=False))
        self.prune()
        return {**stored, "path": str(html)}

    def discard(self, key: str) -> None:
        """Forget a view (its document is rebuilt on the next request)."""
        for path in self.paths(key):
            path.unlink(missing_ok=True)

    def prune(self, keep: int = 24) -> None:
        """Delete all but the ``keep`` most recently written views."""
        metas = sorted(self.root.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for meta in metas[keep:]:
            meta.with_suffix(".html").unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
