"""The targets table of a region report: one row per target, cells wrapped, rules between rows.

Columns: id, metric, value, unit, year, status and the number of the target's quote in the
report's Quotes section. Every cell wraps within its column (the metric most often); a row is
one :class:`~geodata.printing.report_flow.Block`, so it is never split across pages, and every
row carries the header row to repeat when it starts a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geodata.i18n import TEXT, tr
from geodata.printing.page import wrap_text
from geodata.printing.report_flow import LEADING, MARGIN, PAGE_W, Block, put, rule

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from geodata.plan.targets import Target

#: Table text size in points.
TABLE_SIZE = 9.0
#: The columns: key (``report.col_<key>`` names it) and width in points (they fill the page).
COLUMNS = (
    ("id", 54.0),
    ("metric", 178.0),
    ("value", 76.0),
    ("unit", 76.0),
    ("year", 54.0),
    ("status", 48.0),
    ("quote", PAGE_W - 2 * MARGIN - 486.0),
)
#: Space between a cell's text and the next column, and above and below a row's text.
PAD_X, PAD_Y = 5.0, 2.5


@dataclass
class TableRow:
    """One target as its table row prints it.

    Attributes
    ----------
    section : str
        ``"scoped"`` (the region's targets) or ``"wide"`` (province-wide).
    id, metric, value, unit, year, status : str
        The cells as printed (before wrapping).
    quote : int
        Number of the target's quote in the Quotes section.
    page : int
        1-based page the row is printed on (set after layout; 0 before).
    """

    section: str
    id: str
    metric: str
    value: str
    unit: str
    year: str
    status: str
    quote: int
    page: int = 0

    def cells(self) -> list[str]:
        """Return the cells in column order."""
        return [
            self.id,
            self.metric,
            self.value,
            self.unit,
            self.year,
            self.status,
            f"[{self.quote}]",
        ]


def target_row(target: Target, section: str, quote: int, language: str) -> TableRow:
    """Return the table row of a target (a named project: its name and no value)."""
    number = ""
    if target.value is not None:
        value = float(target.value)
        number = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    value_text = " ".join(part for part in (target.qualifier, number) if part) or "–"
    metric = target.metric
    if target.value is None:
        metric += tr("report.named_project", language)
    key = f"report.{target.status}"
    status = tr(key, language) if key in TEXT else target.status
    return TableRow(
        section, target.id, metric, value_text, target.unit or "–", target.year, status, quote
    )


def _cell_lines(cells: list[str], bold: bool) -> list[list[str]]:
    """Return each cell wrapped to its column."""
    return [
        wrap_text(cell, width - PAD_X, TABLE_SIZE, bold)
        for cell, (_, width) in zip(cells, COLUMNS, strict=True)
    ]


def _row_block(cells: list[str], bold: bool, line_width: float) -> Block:
    """Return the block of one table row: its wrapped cells and the rule under it."""
    wrapped = _cell_lines(cells, bold)
    step = TABLE_SIZE * LEADING
    height = max(len(lines) for lines in wrapped) * step + 2 * PAD_Y

    def draw(fig: Figure, top: float) -> None:
        x = MARGIN
        weight = "bold" if bold else "normal"
        for lines, (_, width) in zip(wrapped, COLUMNS, strict=True):
            for k, line in enumerate(lines):
                put(fig, x, top - PAD_Y - k * step, line, TABLE_SIZE, fontweight=weight)
            x += width
        if bold:  # the header row: a rule above it too
            rule(fig, MARGIN, PAGE_W - MARGIN, top, 0.9, "#333333")
        rule(
            fig, MARGIN, PAGE_W - MARGIN, top - height, line_width, "#333333" if bold else "#bbbbbb"
        )

    return Block(height, draw, ["  ".join(cells)])


def header_block(language: str) -> Block:
    """Return the header row of the table (column names, bold, ruled above and below)."""
    names = [tr(f"report.col_{key}", language) for key, _ in COLUMNS]
    return _row_block(names, True, 0.7)


def _continued(header: Block, caption: str) -> Block:
    """Return the header row under a caption (``Province-wide targets (continued)``)."""
    size = TABLE_SIZE
    lift = size * LEADING + 2

    def draw(fig: Figure, top: float) -> None:
        put(fig, MARGIN, top, caption, size, fontweight="bold", color="#444444")
        header.draw(fig, top - lift)

    return Block(header.height + lift, draw, [caption, *header.lines])


def table_blocks(rows: list[TableRow], language: str, caption: str = "") -> list[Block]:
    """Return the blocks of a table: its header row, then one block per row.

    The header keeps with the first row; every row repeats the header (under ``caption``,
    the table's name marked as continued, when given) when it starts a page.
    """
    header = header_block(language)
    header.keep = True
    repeat = _continued(header_block(language), caption) if caption else header
    blocks = [header]
    for row in rows:
        block = _row_block(row.cells(), False, 0.4)
        block.repeat, block.row = repeat, row
        blocks.append(block)
    return blocks
