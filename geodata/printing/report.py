"""Region reports (PDF, A4 portrait, as many pages as they need): a region's place and targets.

Page one holds the region's name and facts (province, adcode, role in the provincial urban
layout, corridors crossing it with their lengths) beside an inset map of the province with the
region in red, a scale bar and a north arrow (:mod:`geodata.printing.report_page`). The body
follows and runs on over the pages (:mod:`geodata.printing.report_flow`):

- Progress, when achieved figures are known: for each target with a figure for the region
  (or, province-wide, for the province), the latest figure and its date, the share of the
  target, the status, the baseline the pace was judged from and where the figure comes from;
- the region's targets, then the province-wide ones, as tables (id, metric, value, unit, year,
  status and the number of the quote; :mod:`geodata.printing.report_table`), rows never split
  and the header row repeated on each page a table continues on;
- Quotes: each distinct quote once, numbered, with its document as a reader cites it and the
  targets citing it (:mod:`geodata.printing.report_quotes`).

Every page ends with the source note, the date and its number; the pages after the first carry
the region's name as a running head. Text never shrinks to fit: body and table text are 9 pt,
quotes 8.5 pt, notes 7 pt and more; a longer report takes more pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.i18n import TEXT, tr
from geodata.layer import Layer
from geodata.plan.details import RegionDetails
from geodata.plan.metrics import percent_text, status_label
from geodata.plan.observations import Observation
from geodata.plan.progress import Progress, linked, progress_for
from geodata.plan.store import plan_number
from geodata.printing.captions import source_note
from geodata.printing.report_flow import Block, TextLine, paginate, text_block
from geodata.printing.report_page import (
    RUNNING_TOP,
    draw_first_head,
    draw_footer,
    draw_running_head,
    footer_lines,
    footer_top,
    new_page,
)
from geodata.printing.report_quotes import NumberedQuote, cite, number_quotes, quote_blocks
from geodata.printing.report_table import TableRow, table_blocks, target_row

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from geodata.plan.documents import Document

#: Body text and section headings, in points.
BODY_SIZE = 9.0
HEADING_SIZE = 12.0


@dataclass
class ReportLayout:
    """What a region report holds after layout (for tests and logs).

    Attributes
    ----------
    lines : list of str
        The body's lines in page order (a table row: its cells joined by two spaces).
    progress : list of Progress
        The rows of the Progress section (empty when no achieved figure is known).
    pages : int
        How many pages the report has.
    quotes : list of NumberedQuote
        The quotes as numbered in the Quotes section.
    rows : list of TableRow
        The targets' table rows (the region's, then the province-wide ones) with their page.
    """

    lines: list[str] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)
    pages: int = 0
    quotes: list[NumberedQuote] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Report:
    """A region report: its pages and what they hold.

    Attributes
    ----------
    pages : list of matplotlib.figure.Figure
        The A4 portrait pages in order; save them with :func:`save_report`.
    layout : ReportLayout
    title : str
        The PDF's title.
    """

    pages: list[Figure]
    layout: ReportLayout
    title: str


def region_progress(
    details: RegionDetails, observations: list[Observation], today: str = ""
) -> list[Progress]:
    """Return the progress of a region's targets that have achieved figures.

    A target scoped to the region is followed in the region; a province-wide one in the
    province (and in the region too when a figure is linked to it for the region). Targets
    without a number, and regions without a figure, are left out; a target whose figures cannot
    be read (a unit that does not convert) too.
    """
    rows = []
    wide = {t.id for t in details.province_wide}
    for t in [*details.scoped, *details.province_wide]:
        if t.value is None:
            continue
        try:
            groups = linked(t, observations)
            places = (details.adcode, details.province) if t.id in wide else (details.adcode,)
            rows += [progress_for(t, r, groups[r], today) for r in places if r in groups]
        except InputError:
            continue
    return rows


def _heading(text: str, gap: float = 14.0) -> Block:
    """Return a section heading (kept with what follows it)."""
    return text_block([TextLine(text, HEADING_SIZE, bold=True)], gap=gap, keep=True)


def _progress_blocks(
    details: RegionDetails, rows: list[Progress], language: str, docs: dict[str, Document]
) -> list[Block]:
    """Return the Progress section: per row its figure, share, status, target, baseline, source."""
    sep = "，" if language == "zh" else ", "
    blocks = [_heading(tr("report.progress", language, n=len(rows)), gap=0.0)]
    if not rows:
        return [*blocks, text_block([TextLine(tr("report.no_figures", language), BODY_SIZE)], 3)]
    for p in rows:
        head = tr(
            "report.progress_head",
            language,
            id=p.target,
            metric=p.metric,
            value=_amount(p.value, p.unit),
            date=p.date or "–",
            percent=percent_text(p.percent),
            status=status_label(p.status, language),
        )
        place = details.province_zh if language == "zh" else details.province_en
        facts = [tr("report.wide_row", language, place=place)] if p.region != details.adcode else []
        target = _amount(p.target_value, p.unit)
        facts.append(tr("report.progress_target", language, target=target, deadline=p.deadline))
        facts.append(_baseline_text(p, language))
        named = p.source in docs or plan_number(p.source) is not None
        where = cite(p.source, docs, language) if named else p.source or "–"
        source = tr("report.figure_source", language, source=where, id=p.observation)
        lines = [
            TextLine(head, BODY_SIZE, bold=True),
            TextLine(sep.join(facts), BODY_SIZE, color="#333333", indent=12),
            TextLine(source, 8.0, color="#555555", indent=12),
        ]
        blocks.append(text_block(lines, gap=5))
    return blocks


def _amount(value: float | None, unit: str) -> str:
    """Return a figure with its unit: ``93,307 base stations`` (``–`` for none)."""
    if value is None:
        return "–"
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"{number} {unit}".strip()


def _baseline_text(p: Progress, language: str) -> str:
    """Return the baseline a row's pace was judged from (``no baseline`` when none)."""
    if p.baseline is None:
        return tr("report.no_baseline", language)
    key = f"report.baseline_{p.baseline.kind}"
    kind = tr(key, language) if key in TEXT else p.baseline.kind
    value = _amount(p.baseline.value, p.unit)
    return tr("report.baseline", language, value=value, date=p.baseline.date, kind=kind)


def _table_section(heading: str, rows: list[TableRow], language: str) -> list[Block]:
    """Return a section heading and its table (or "(none)")."""
    if not rows:
        return [_heading(heading), text_block([TextLine(tr("report.none", language), BODY_SIZE)])]
    caption = tr("report.continued", language, heading=heading)
    return [_heading(heading), *table_blocks(rows, language, caption)]


def _body(
    details: RegionDetails,
    language: str,
    progress: list[Progress] | None,
    docs: dict[str, Document],
) -> tuple[list[Block], list[NumberedQuote], list[TableRow]]:
    """Return the body's blocks, the numbered quotes and the table rows."""
    scoped, wide = details.scoped, details.province_wide
    quotes, numbers = number_quotes([*scoped, *wide], docs, language)
    rows = [
        target_row(t, "scoped" if i < len(scoped) else "wide", number, language)
        for i, (t, number) in enumerate(zip([*scoped, *wide], numbers, strict=True))
    ]
    blocks = [] if progress is None else _progress_blocks(details, progress, language, docs)
    name = details.name(language)
    blocks += _table_section(
        tr("report.scoped", language, name=name, n=len(scoped)), rows[: len(scoped)], language
    )
    blocks += _table_section(
        tr("report.wide", language, n=len(wide)), rows[len(scoped) :], language
    )
    if quotes:
        blocks += [
            _heading(tr("report.quotes", language, n=len(quotes))),
            *quote_blocks(quotes, language),
        ]
    if blocks:
        blocks[0].gap = 0.0
    return blocks, quotes, rows


def check_report_path(path: str | Path) -> Path:
    """Return ``path`` as a Path, or raise :class:`InputError` when it does not end in .pdf."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise InputError(f"a region report is a PDF: name the file {path.stem}.pdf")
    return path


def build_region_report(
    details: RegionDetails,
    layer: Layer,
    language: str = "zh",
    today: dt.date | None = None,
    observations: list[Observation] | tuple[Observation, ...] = (),
) -> Report:
    """Lay out the report of a region on as many A4 portrait pages as it needs.

    Parameters
    ----------
    details : RegionDetails
        From :meth:`geodata.atlas.AtlasData.details` (role, targets, crossings).
    layer : Layer
        The region layer of its province (for the map inset); it must contain the region.
    language : {"zh", "en"}
        Headings, column names, statuses, role labels and names; quotes stay verbatim.
    today : datetime.date, optional
        Date printed in the footer and the statuses are judged on (today by default).
    observations : list of Observation, optional
        Achieved figures: when there are any, the body starts with a Progress section
        (:func:`region_progress`).

    Returns
    -------
    Report
        The pages and their :class:`ReportLayout`; write it with :func:`save_report`.

    Raises
    ------
    InputError
        When the layer does not contain the region.
    """
    from geodata.plan.documents import all_documents

    if details.adcode not in set(layer.gdf["adcode"]):
        raise InputError(
            f"region {details.adcode} is not in the {layer.level} layer of province "
            f"{layer.province}: pick one of its {layer.level} adcodes"
        )
    day = (today or dt.date.today()).isoformat()
    progress = region_progress(details, list(observations), day) if observations else None
    blocks, quotes, rows = _body(details, language, progress, all_documents())
    first = new_page()
    start = draw_first_head(first, details, layer, language)
    foot = footer_lines(source_note(layer, language), tr("report.generated", language, date=day))
    placed = paginate(blocks, start, RUNNING_TOP, footer_top(foot))
    head = f"{details.name(language)} · {tr('report.title', language)}"
    figures, lines = [first], []
    for number, page in enumerate(placed, start=1):
        fig = first if number == 1 else new_page()
        if number > 1:
            draw_running_head(fig, head)
            figures.append(fig)
        for block, top in page:
            block.draw(fig, top)
            lines += block.lines
            if block.row is not None:
                block.row.page = number
        draw_footer(fig, foot, number, len(placed))
    layout = ReportLayout(lines, progress or [], len(placed), quotes, rows)
    return Report(figures, layout, f"{details.name(language)} {tr('report.title', language)}")


def save_report(report: Report, path: str | Path) -> Path:
    """Write a report's pages into one PDF, atomically (a failed export leaves no file).

    Raises
    ------
    InputError
        For a path not ending in .pdf or a folder that cannot be written.
    """
    from contextlib import ExitStack

    from matplotlib.backends.backend_pdf import PdfPages

    from geodata.paths import atomic_path

    path = check_report_path(path)
    with ExitStack() as stack:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = stack.enter_context(atomic_path(path, ".pdf"))
        except OSError as exc:
            raise InputError(
                f"cannot write {path} ({exc.strerror or exc}): choose another folder or file name"
            ) from None
        metadata = {"Title": report.title, "Creator": "Infra Atlas"}
        with PdfPages(tmp, metadata=metadata) as pdf:
            for fig in report.pages:
                pdf.savefig(fig)
    return path
