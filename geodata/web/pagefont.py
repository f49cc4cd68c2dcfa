"""A small subset of the CJK font for the map page.

The shipped Noto Sans SC files are about 10 MB each; Chromium takes a noticeable part of a
page load to read them. The page therefore uses a subset holding the characters the app can
put on a map (every region name in the boundary catalogue, the plan data, the page's own text,
ASCII), about 0.4 MB, made once with fontTools and cached (made again when the cached file is
damaged). The full font stays declared as the fallback family, so a character the subset lacks
(a name from a user's file) still renders: Chromium fetches the fallback only when a character
needs it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from geodata import prebuilt
from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_PATH
from geodata.paths import atomic_path, cache_dir
from geodata.statefiles import discard

#: Family name of the subset in the page's CSS (the full font keeps its own name).
SUBSET_FAMILY = "Infra Atlas Noto Sans SC"
_CJK = re.compile(r"[^\x00-\x7f]")
_EXTRA = "（）：，、。；–—·°×％‰“”‘’《》【】…"


def page_characters() -> str:
    """Return the characters the subset holds, sorted.

    Region names (Chinese and English) of the bundled catalogue, every character of the seed
    data (targets, roles, corridors, manifest), the non-ASCII characters of the engine's source
    (legend and page text), common punctuation and printable ASCII.
    """
    from geodata.regions.catalogue import catalogue
    from seeds import SEEDS_DIR

    chars = {chr(c) for c in range(0x20, 0x7F)} | set(_EXTRA)
    for region in catalogue():
        chars.update(region.name_zh, region.name_en)
    for path in SEEDS_DIR.glob("*.*"):
        if path.suffix in (".csv", ".yaml", ".yml", ".geojson", ".json"):
            chars.update(path.read_text(encoding="utf-8"))
    for path in Path(__file__).resolve().parent.parent.rglob("*.py"):  # all of geodata/
        chars.update(_CJK.findall(path.read_text(encoding="utf-8")))
    return "".join(sorted(c for c in chars if c.isprintable()))


def page_font_files(root: Path | None = None) -> tuple[Path, Path]:
    """Return the regular and bold subset font files, making them on first use.

    A new data home takes the subsets shipped in ``resources/prebuilt`` when their names (the
    source font and the characters) are this code's (:mod:`geodata.prebuilt`).

    Parameters
    ----------
    root : Path, optional
        Cache directory (default ``<data home>/cache/fonts``).

    Returns
    -------
    tuple of Path
        ``(regular, bold)`` TrueType files.
    """
    text = page_characters()
    default = cache_dir() / "fonts"
    root = Path(root) if root is not None else default
    out = []
    for source, name in _subsets(text):
        path = root / name
        if not whole_font(path):  # missing, or damaged: the shipped one, else made again
            discard(path)
            if not (root == default and prebuilt.install(f"fonts/{path.name}")):
                _subset(source, text, path)
        out.append(path)
    return out[0], out[1]


def page_font_names() -> list[str]:
    """Return the file names of the regular and bold subsets this code makes (a key of both)."""
    return [name for _source, name in _subsets(page_characters())]


def _subsets(text: str) -> list[tuple[Path, str]]:
    """Return each source font and its subset's file name (the source's size and ``text``)."""
    out = []
    for source, weight in ((CJK_FONT_PATH, 400), (CJK_FONT_BOLD_PATH, 700)):
        digest = hashlib.sha256(f"{source.stat().st_size}:{text}".encode()).hexdigest()[:16]
        out.append((source, f"page-{digest}-{weight}.ttf"))
    return out


def whole_font(path: Path) -> bool:
    """Return whether a cached font file is whole: a TrueType header whose tables all fit.

    Reads the table directory only (a few hundred bytes): an empty, garbage or cut-short file,
    or a folder in its place, is not whole.
    """
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(12)
            if len(head) < 12 or head[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
                return False
            count = int.from_bytes(head[4:6], "big")
            directory = f.read(16 * count)
    except OSError:
        return False
    if count == 0 or len(directory) < 16 * count:
        return False
    for i in range(count):
        offset = int.from_bytes(directory[16 * i + 8 : 16 * i + 12], "big")
        length = int.from_bytes(directory[16 * i + 12 : 16 * i + 16], "big")
        if offset + length > size:
            return False
    return True


def _subset(source: Path, text: str, path: Path) -> None:
    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = subset.load_font(str(source), options)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            subset.save_font(font, str(tmp), options)
    finally:
        font.close()  # the 10 MB source file stays open otherwise
