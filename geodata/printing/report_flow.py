"""The flow of a multi-page report: unbreakable blocks placed down A4 pages.

A report's body is a list of :class:`Block` s (lines of text, one table row...), each drawn
whole on one page. :func:`paginate` places them down the pages: a block that would run into
the footer starts a new page, a block marked ``keep`` stays on the page of the block after it
(a heading with the first row under it, the lines of one quote), and a table row that starts a
page has its table's header row drawn above it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from geodata.printing.captions import plain
from geodata.printing.page import wrap_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Page (A4 portrait) in points and its margins.
PAGE_W, PAGE_H = 595.2756, 841.8898
MARGIN = 36.0
#: Width of the text column in points.
TEXT_W = PAGE_W - 2 * MARGIN
#: Line height as a multiple of the font size.
LEADING = 1.32


class TextLine(NamedTuple):
    """One printed line of text.

    Attributes
    ----------
    text : str
    size : float
        Font size in points.
    bold : bool
    color : str
    indent : float
        Points from the left margin.
    """

    text: str
    size: float
    bold: bool = False
    color: str = "#111111"
    indent: float = 0.0


@dataclass
class Block:
    """One piece of the flow that is never split across pages.

    Attributes
    ----------
    height : float
        Points it takes, without the gap above it.
    draw : callable
        ``draw(fig, top)`` draws the block with its top ``top`` points above the page's bottom.
    lines : list of str
        Its text, line by line (the report's record of what it printed).
    gap : float
        Space above it (dropped at the top of a page).
    keep : bool
        Keep it on the same page as the next block.
    repeat : Block, optional
        Drawn again above this block when it starts a page (a table's header row).
    row : object, optional
        The table row it prints (its page is recorded after layout).
    """

    height: float
    draw: Callable[[Figure, float], None]
    lines: list[str] = field(default_factory=list)
    gap: float = 0.0
    keep: bool = False
    repeat: Block | None = None
    row: Any = None


class Placed(NamedTuple):
    """A block on a page: its top in points from the page's bottom."""

    block: Block
    top: float


def put(fig: Figure, x: float, y: float, value: str, size: float, **kwargs: Any) -> Any:
    """Write text (literally: ``$`` is no math) with its top left at ``x, y`` points."""
    kwargs.setdefault("ha", "left")
    kwargs.setdefault("va", "top")
    return fig.text(x / PAGE_W, y / PAGE_H, plain(value), fontsize=size, **kwargs)


def rule(fig: Figure, x0: float, x1: float, y: float, width: float, color: str) -> None:
    """Draw a horizontal rule from ``x0`` to ``x1`` at ``y`` points."""
    from matplotlib.lines import Line2D

    fig.add_artist(
        Line2D([x0 / PAGE_W, x1 / PAGE_W], [y / PAGE_H, y / PAGE_H], linewidth=width, color=color)
    )


def text_block(
    lines: list[TextLine], gap: float = 0.0, keep: bool = False, width: float = TEXT_W
) -> Block:
    """Return a block of text lines, each wrapped to ``width`` minus its indent."""
    wrapped = [
        line._replace(text=part)
        for line in lines
        for part in wrap_text(line.text, width - line.indent, line.size, line.bold)
    ]

    def draw(fig: Figure, top: float) -> None:
        y = top
        for line in wrapped:
            weight = "bold" if line.bold else "normal"
            put(
                fig,
                MARGIN + line.indent,
                y,
                line.text,
                line.size,
                fontweight=weight,
                color=line.color,
            )
            y -= line.size * LEADING

    height = sum(line.size * LEADING for line in wrapped)
    return Block(height, draw, [line.text for line in wrapped], gap=gap, keep=keep)


def _chain(blocks: list[Block], start: int) -> float:
    """Return the height of ``blocks[start]`` and of the blocks it keeps with, gaps included."""
    height = blocks[start].height
    i = start
    while blocks[i].keep and i + 1 < len(blocks):
        i += 1
        height += blocks[i].gap + blocks[i].height
    return height


def paginate(
    blocks: list[Block], first_top: float, top: float, bottom: float
) -> list[list[Placed]]:
    """Place blocks down the pages.

    Parameters
    ----------
    blocks : list of Block
    first_top : float
        Where the flow starts on the first page (points from the bottom).
    top : float
        Where it starts on the pages after.
    bottom : float
        The lowest point a block may reach (above the footer).

    Returns
    -------
    list of list of Placed
        The blocks of each page (at least one page, maybe empty).
    """
    pages: list[list[Placed]] = [[]]
    y = first_top
    for i, block in enumerate(blocks):
        need = _chain(blocks, i)
        if need > top - bottom:  # too tall to keep together on any page: keep the block only
            need = block.height
        gap = block.gap if pages[-1] else 0.0
        if y - gap - need < bottom and pages[-1]:
            pages.append([])
            y, gap = top, 0.0
            if block.repeat is not None and block.repeat is not block:
                pages[-1].append(Placed(block.repeat, y))
                y -= block.repeat.height
        y -= gap
        pages[-1].append(Placed(block, y))
        y -= block.height
    return pages
