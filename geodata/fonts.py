"""The CJK font Infra Atlas ships, and how charts and maps use it.

Chinese place names must render on a machine that has no CJK system font, so the project ships
Noto Sans SC (SIL OFL 1.1, see ``resources/fonts/README.md``). This module knows where the font
files are, registers them with matplotlib, and tells which characters of a text the font lacks.
The maps use the same files through :func:`geodata.web.assets.font_face_css`.

Figures and reports draw with "Noto Sans SC Print" first: the same glyphs cut to GB 2312's
hanzi, Latin, punctuation and symbols, and every character of the region names and seed data,
with no OpenType layout but Latin kerning (made by ``resources/fonts/make_print_font.py``).
Saving a PDF subsets the fonts it uses: a sixth of the time the full font takes. A character
the print font lacks is drawn from the full font (matplotlib's font fallback).

No Qt here: the engine must stay importable without a display. matplotlib is imported only
inside the functions that need it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from resources import RESOURCES_DIR

FONTS_DIR: Path = RESOURCES_DIR / "fonts"
"""Directory of the shipped font files and their licence."""

CJK_FONT_FAMILY = "Noto Sans SC"
"""Family name stored in the shipped font files (what CSS and matplotlib ask for)."""

CJK_FONT_PATH: Path = FONTS_DIR / "NotoSansSC_400Regular.ttf"
"""Noto Sans SC Regular (weight 400)."""

CJK_FONT_BOLD_PATH: Path = FONTS_DIR / "NotoSansSC_700Bold.ttf"
"""Noto Sans SC Bold (weight 700)."""

CJK_FONT_LICENCE_PATH: Path = FONTS_DIR / "OFL.txt"
"""The fonts' licence text (SIL Open Font License 1.1)."""

FALLBACK_FAMILY = "DejaVu Sans"
"""matplotlib's own font, last in the figures' families, for the symbols neither CJK font has."""

PRINT_FONT_FAMILY = "Noto Sans SC Print"
"""Family name of the print subsets (figures and reports ask for it first)."""

PRINT_FONT_PATH: Path = FONTS_DIR / "NotoSansSCPrint_400Regular.ttf"
"""The print subset of Noto Sans SC Regular."""

PRINT_FONT_BOLD_PATH: Path = FONTS_DIR / "NotoSansSCPrint_700Bold.ttf"
"""The print subset of Noto Sans SC Bold."""


def register_matplotlib_font() -> str:
    """Make matplotlib draw Chinese text with the shipped fonts, the print subsets first.

    Adds the print subsets and the full font files to matplotlib's font manager (once per
    process), sets ``font.family`` to "Noto Sans SC Print", "Noto Sans SC" and "DejaVu Sans"
    (matplotlib draws each character with the first of them that has it: a rare character
    comes from the full font) and puts the two first in ``font.sans-serif`` too, turns off
    ``axes.unicode_minus`` and asks for TrueType (type 42) font embedding in PDF and PostScript
    output so the saved files carry the fonts. Calling it again changes nothing.

    Returns
    -------
    str
        The family name matplotlib draws with first, ``"Noto Sans SC Print"``.

    Raises
    ------
    FileNotFoundError
        If a shipped font file is missing from ``resources/fonts``.
    """
    import matplotlib
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {Path(entry.fname).resolve() for entry in manager.ttflist}
    for path in (PRINT_FONT_PATH, PRINT_FONT_BOLD_PATH, CJK_FONT_PATH, CJK_FONT_BOLD_PATH):
        if not path.is_file():
            raise FileNotFoundError(f"shipped CJK font is missing: {path}")
        if path.resolve() not in known:
            manager.addfont(str(path))

    rc = matplotlib.rcParams
    ours = (PRINT_FONT_FAMILY, CJK_FONT_FAMILY)
    others = [name for name in rc["font.sans-serif"] if name not in ours]
    rc["font.sans-serif"] = [*ours, *others]
    # matplotlib falls back along the families of font.family (a generic family is one font)
    rc["font.family"] = [*ours, FALLBACK_FAMILY]
    rc["axes.unicode_minus"] = False
    rc["pdf.fonttype"] = 42
    rc["ps.fonttype"] = 42
    return PRINT_FONT_FAMILY


@cache
def _charmap(path: Path) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(path)).get_charmap())


def missing_glyphs(text: str, path: Path | str = CJK_FONT_PATH) -> str:
    """Return the characters of ``text`` that a font has no glyph for.

    Parameters
    ----------
    text : str
        Text to check, e.g. every place name of a layer.
    path : pathlib.Path or str, optional
        Font file to check against; the shipped regular weight by default (the bold file has
        the same character map).

    Returns
    -------
    str
        Each missing character once, in order of first appearance; empty when the font draws
        all of ``text``. Control characters (line breaks, tabs) are ignored, since no font
        draws them.
    """
    cmap = _charmap(Path(path).resolve())
    return "".join(
        char
        for char in dict.fromkeys(text)
        if unicodedata.category(char) != "Cc" and ord(char) not in cmap
    )
