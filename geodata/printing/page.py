"""The printed page: paper sizes, the boxes of a figure's page, and the width and wrapping of text.

Text widths are measured with the shipped Noto Sans SC (DejaVu Sans for what it lacks), the
fonts the figures are drawn with, so wrapped lines fit the page without drawing them first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geodata.errors import InputError
from geodata.vocab import ORIENTATIONS, PAGES_MM

#: Inches per millimetre.
MM = 1 / 25.4
#: Chinese punctuation kept on the line of the character before it.
CLOSING_PUNCTUATION = "，。、；：）》」』”！？…"

Box = tuple[float, float, float, float]
"""A box on the page as figure fractions ``(left, bottom, width, height)``."""


def page_inches(page: str, orientation: str, dpi: float | None = None) -> tuple[float, float]:
    """Return the figure size in inches of a paper page.

    Parameters
    ----------
    page : {"A4", "A3"}
    orientation : {"landscape", "portrait"}
    dpi : float, optional
        For raster output: the size is snapped so that ``size * dpi`` is a whole number of pixels
        (the nearest one), e.g. A4 landscape at 300 dpi gives exactly 3508 x 2480 pixels.

    Returns
    -------
    tuple of float
        ``(width, height)`` in inches.

    Raises
    ------
    InputError
        For an unknown page or orientation.
    """
    if page not in PAGES_MM:
        raise InputError(f"unknown page {page!r}: use one of {', '.join(PAGES_MM)}")
    if orientation not in ORIENTATIONS:
        raise InputError(
            f"unknown orientation {orientation!r}: use one of {', '.join(ORIENTATIONS)}"
        )
    long, short = PAGES_MM[page]
    w, h = (long, short) if orientation == "landscape" else (short, long)
    if dpi is None:
        return w * MM, h * MM
    return round(w * MM * dpi) / dpi, round(h * MM * dpi) / dpi


@dataclass(frozen=True)
class FigureLayout:
    """Where the parts of a figure go on its page.

    Attributes
    ----------
    width_mm, height_mm : float
        The page.
    map, legend, note : Box
        The map, the legend column (or row, in portrait) and the notes under them.
    left, top : float
        Figure fractions of the top left corner of the title, inside the margins.
    """

    width_mm: float
    height_mm: float
    map: Box
    legend: Box
    note: Box
    left: float
    top: float

    @property
    def map_mm(self) -> tuple[float, float]:
        """Return the width and height of the map box in millimetres."""
        return self.map[2] * self.width_mm, self.map[3] * self.height_mm


def figure_layout(page: str, orientation: str) -> FigureLayout:
    """Return the layout of a figure's page: the map beside (landscape) or above its legend.

    Raises
    ------
    InputError
        For an unknown page or orientation.
    """
    w_in, h_in = page_inches(page, orientation)
    w, h = w_in / MM, h_in / MM
    margin = 10.0 if page == "A4" else 14.0
    header = 24.0 if page == "A4" else 30.0
    footer = 16.0 if page == "A4" else 20.0
    if orientation == "landscape":
        side = 70.0 if page == "A4" else 95.0
        map_box = (margin, footer, w - 2 * margin - side - 5, h - header - footer - 2)
        legend_box = (w - margin - side, footer, side, h - header - footer - 2)
    else:
        legend_h = 42.0 if page == "A4" else 58.0
        map_box = (margin, footer + legend_h, w - 2 * margin, h - header - footer - legend_h - 2)
        legend_box = (margin, footer, w - 2 * margin, legend_h - 3)
    note_box = (margin, 3.0, w - 2 * margin, footer - 5)

    def fraction(box: Box) -> Box:
        x, y, bw, bh = box
        return (x / w, y / h, bw / w, bh / h)

    return FigureLayout(
        width_mm=w,
        height_mm=h,
        map=fraction(map_box),
        legend=fraction(legend_box),
        note=fraction(note_box),
        left=margin / w,
        top=(h - margin) / h,
    )


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@cache
def _char_width(char: str, bold: bool) -> float:
    """Advance width of a character at 1 pt, in points (shipped font, DejaVu as fallback)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_PATH, missing_glyphs

    path = CJK_FONT_BOLD_PATH if bold else CJK_FONT_PATH
    if missing_glyphs(char, path):
        path = Path(font_manager.findfont("DejaVu Sans"))
    font = FT2Font(str(path))
    font.set_size(100, 72)
    font.set_text(char, 0.0)
    return font.get_width_height()[0] / 64 / 100


def text_width(value: str, size: float, bold: bool = False) -> float:
    """Return the width of a one-line text in points at font size ``size`` (no kerning)."""
    return sum(_char_width(c, bold) for c in value if c != "\n") * size


def wrap_text(value: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Wrap text to lines no wider than ``width`` points.

    Latin text breaks at spaces (a word longer than a line is cut); Chinese text breaks between
    any two characters, except before closing punctuation.

    Parameters
    ----------
    value : str
    width : float
        Line width in points.
    size : float
        Font size in points.
    bold : bool

    Returns
    -------
    list of str
    """
    lines: list[str] = []
    for paragraph in value.split("\n"):
        lines.extend(_fill(_tokens(paragraph), width, size, bold))
    return lines


def _tokens(paragraph: str) -> list[str]:
    """Split a paragraph into what a line may break between: words, spaces, CJK characters."""
    tokens: list[str] = []
    word = ""
    for char in paragraph:
        if char != " " and not _is_cjk(char):
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        if char == " ":
            tokens.append(" ")
        elif tokens and char in CLOSING_PUNCTUATION and tokens[-1] != " ":
            tokens[-1] += char  # keep closing punctuation with its character
        else:
            tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


def _fill(tokens: list[str], width: float, size: float, bold: bool) -> list[str]:
    """Return the lines of one paragraph's tokens, each as many tokens as fit in ``width``."""
    lines: list[str] = []
    line, line_w = "", 0.0
    for token in tokens:
        token_w = text_width(token, size, bold)
        if line_w + token_w > width and line.strip():
            lines.append(line.rstrip())
            line, line_w = ("", 0.0) if token == " " else (token, token_w)
        elif token == " " and not line:
            continue
        elif token_w > width and not line.strip():
            for char in token:  # a word longer than the line: cut it
                char_w = text_width(char, size, bold)
                if line_w + char_w > width and line:
                    lines.append(line)
                    line, line_w = "", 0.0
                line += char
                line_w += char_w
        else:
            line += token
            line_w += token_w
    lines.append(line.rstrip())
    return lines
