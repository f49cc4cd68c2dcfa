"""The printed page: paper sizes, the boxes of a figure's page, and the width and wrapping of text.

Text widths are measured with the shipped Noto Sans SC (DejaVu Sans for what it lacks), the
fonts the figures are drawn with, so wrapped lines fit the page without drawing them first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

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


#: How much larger everything is on A3 than on A4 (type, lines, markers, margins).
A3_FACTOR = 420 / 297


@dataclass(frozen=True)
class TypeScale:
    """The type sizes (points) of a figure's page, and the factor of its lines and markers.

    The A4 sizes are the smallest a planner's memo prints well: body text (title, subtitle,
    legend) at least 9 pt, notes 7 pt, map labels 6.5 pt or more, scale bar and north arrow 7 pt
    or more. A3 multiplies every size, line width and marker by :data:`A3_FACTOR`.

    Attributes
    ----------
    factor : float
        1 on A4, :data:`A3_FACTOR` on A3: multiplies line widths, markers and distances.
    title, title_min : float
        The title's size, and the smallest it shrinks to so it stays on one line.
    subtitle, legend, legend_title, note : float
        The subtitle, legend entries, legend titles and the notes under the map.
    label, small_label : float
        Region names, and corridor names on the map.
    furniture, north : float
        The scale bar's numbers and the north arrow's letter.
    """

    factor: float = 1.0
    title: float = 16.0
    title_min: float = 11.0
    subtitle: float = 9.0
    legend: float = 9.0
    legend_title: float = 10.0
    note: float = 7.0
    label: float = 7.0
    small_label: float = 6.5
    furniture: float = 7.0
    north: float = 9.0

    def scaled(self, factor: float) -> TypeScale:
        """Return these sizes, line widths and markers multiplied by ``factor``."""
        return TypeScale(
            **{f.name: getattr(self, f.name) * factor for f in fields(self)},
        )

    def line(self, width: float) -> float:
        """Return a line width (or marker size) in points, scaled to the page."""
        return width * self.factor

    def mm(self, distance: float) -> float:
        """Return a distance in millimetres on A4, scaled to the page."""
        return distance * self.factor


def type_scale(page: str) -> TypeScale:
    """Return the type sizes of a page (``"A4"`` or ``"A3"``)."""
    return TypeScale().scaled(A3_FACTOR if page == "A3" else 1.0)


@dataclass(frozen=True)
class FigureLayout:
    """Where the parts of a figure go on its page.

    The map takes the whole page between the header (title and subtitle) and the footer (the
    notes), full width inside the margins; legends, scale bar and north arrow are placed in
    its free space (:mod:`geodata.printing.placement`).

    Attributes
    ----------
    width_mm, height_mm : float
        The page.
    map, note : Box
        The map, and the notes under it.
    left, top : float
        Figure fractions of the top left corner of the title, inside the margins.
    margin_mm : float
        The page's margin on every side.
    sizes : TypeScale
        The page's type sizes.
    """

    width_mm: float
    height_mm: float
    map: Box
    note: Box
    left: float
    top: float
    margin_mm: float = 10.0
    sizes: TypeScale = field(default_factory=TypeScale)

    @property
    def map_mm(self) -> tuple[float, float]:
        """Return the width and height of the map box in millimetres."""
        return self.map[2] * self.width_mm, self.map[3] * self.height_mm

    @property
    def map_rect(self) -> tuple[float, float, float, float]:
        """Return the map box as ``(x0, y0, x1, y1)`` in millimetres from the bottom left."""
        x, y, w, h = self.map
        return (x * self.width_mm, y * self.height_mm, (x + w) * self.width_mm,
                (y + h) * self.height_mm)  # fmt: skip

    def fraction(self, rect: tuple[float, float, float, float]) -> Box:
        """Return a box in millimetres ``(x0, y0, x1, y1)`` as figure fractions."""
        x0, y0, x1, y1 = rect
        w, h = self.width_mm, self.height_mm
        return (x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h)

    def text_width(self) -> float:
        """Return the width between the margins in points."""
        return (self.width_mm - 2 * self.margin_mm) / 25.4 * 72


def figure_layout(page: str, orientation: str, note_lines: int = 3) -> FigureLayout:
    """Return the layout of a figure's page: header, the map, and ``note_lines`` of notes.

    Raises
    ------
    InputError
        For an unknown page or orientation.
    """
    w_in, h_in = page_inches(page, orientation)
    w, h = w_in / MM, h_in / MM
    sizes = type_scale(page)
    margin = sizes.mm(10.0)
    header = sizes.mm(16.0)  # title and subtitle
    line = sizes.note * 1.3 / 72 * 25.4
    footer = max(note_lines, 1) * line
    bottom = margin + footer + sizes.mm(3.0)
    top = h - margin - header
    return FigureLayout(
        width_mm=w,
        height_mm=h,
        map=(margin / w, bottom / h, (w - 2 * margin) / w, (top - bottom) / h),
        note=(margin / w, margin / h, (w - 2 * margin) / w, footer / h),
        left=margin / w,
        top=(h - margin) / h,
        margin_mm=margin,
        sizes=sizes,
    )


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@cache
def _char_width(char: str, bold: bool) -> float:
    """Advance width of a character at 1 pt, in points, in the font the figure draws it with.

    The print subset first (same advance widths as the full Noto Sans SC), then the full font,
    then DejaVu Sans; each font file is opened once.
    """
    from matplotlib import font_manager

    from geodata.fonts import (
        CJK_FONT_BOLD_PATH,
        CJK_FONT_PATH,
        PRINT_FONT_BOLD_PATH,
        PRINT_FONT_PATH,
        missing_glyphs,
    )

    fonts = (PRINT_FONT_BOLD_PATH, CJK_FONT_BOLD_PATH) if bold else (PRINT_FONT_PATH, CJK_FONT_PATH)
    path = next((p for p in fonts if not missing_glyphs(char, p)), None)
    font = _font(str(path or font_manager.findfont("DejaVu Sans")))
    font.set_text(char, 0.0)
    return font.get_width_height()[0] / 64 / 100


@cache
def _font(path: str) -> Any:
    """Return a font file opened once, set to 100 pt at 72 dpi (widths are read from it)."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    font.set_size(100, 72)
    return font


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
