"""One-page region reports (PDF): a region's place in its province, role, targets and corridors.

The page (A4 portrait) holds a map inset of the region within its province, its role in the
provincial urban layout (Shanxi's cities), the corridors crossing it with their lengths, the
targets scoped to it and the province-wide ones, each with value, unit, year, status and the
verbatim quote with its source document. When achieved figures are known, a "Progress" section
comes first: for each of those targets with a figure for the region (or, province-wide, for the
province), the latest figure and its date, the share of the target, the status, the baseline
the pace was judged from and where the figure comes from. Long quotes wrap (Chinese between
any two characters, English at spaces). When everything does not fit, the text shrinks step by
step down to 6 pt; what still does not fit is cut with "…" and the page says how many targets
were left out and how to list them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from geodata.errors import InputError
from geodata.i18n import TEXT, tr
from geodata.layer import Layer
from geodata.plan.details import RegionDetails
from geodata.plan.metrics import percent_text, status_label
from geodata.plan.observations import Observation
from geodata.plan.progress import Progress, linked, progress_for
from geodata.plan.provinces import with_corridors, with_roles
from geodata.plan.targets import Target
from geodata.printing.captions import plain, source_note
from geodata.printing.figure import HIGHLIGHT_COLOR
from geodata.printing.geometry import geometry_path, outline, projector, province_crs, simplified
from geodata.printing.page import page_inches, wrap_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from geodata.plan.documents import Document

#: Page (A4 portrait) in points and its margins.
PAGE_W, PAGE_H = 595.2756, 841.8898
MARGIN = 36.0
INSET = 150.0
SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66)
BODY_SIZE = 9.0


@dataclass
class ReportLayout:
    """What a region report page holds after layout.

    Attributes
    ----------
    scale : float
        Text scale used (1.0 is 9-pt body text).
    targets_shown : int
        Targets written on the page.
    targets_left_out : int
        Targets that did not fit (0 when everything fits).
    lines : list of str
        The body lines in page order (for tests and logs).
    progress : list of Progress
        The rows of the Progress section (empty when no achieved figure is known).
    """

    scale: float
    targets_shown: int
    targets_left_out: int
    lines: list[str] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    size: float
    bold: bool = False
    color: str = "#111111"
    indent: float = 0.0
    gap: float = 0.0
    target: int = -1  # index of the target the line belongs to


def _where(doc: Document | None, source: str) -> str:
    """Return a target's document as a source line names it (a stored plan: when imported)."""
    if doc is None:
        return source
    if not doc.publisher and doc.note:  # a stored plan: publisher and date unknown
        return f"{doc.title} ({doc.note})"
    return f"{doc.title} ({doc.publisher}, {doc.date or 'undated'})"


def _target_lines(
    targets: list[Target], language: str, offset: int, previous: list[tuple[str, str]]
) -> list[_Line]:
    from geodata.plan.documents import all_documents

    docs = all_documents()  # the seed documents and the stored plans (``plan-3``)
    lines = []
    for i, t in enumerate(targets):
        value = t.display_value()
        what = f"{t.metric}: {value}" if value else t.metric + tr("report.named_project", language)
        status = tr(f"report.{t.status}", language) if f"report.{t.status}" in TEXT else t.status
        head = f"{t.id}  {what} · {t.year} · {status}"
        lines.append(_Line(head, BODY_SIZE, bold=True, indent=0, gap=4, target=offset + i))
        where = _where(docs.get(t.source), t.source)
        source = f"{tr('report.source', language)}: {where} [{t.source}]"
        if previous and previous[-1] == (t.quote, t.source):
            # the same sentence as the target above: say so instead of repeating it
            lines.append(
                _Line(
                    tr("report.same_quote", language),
                    BODY_SIZE - 1.5,
                    color="#666666",
                    indent=12,
                    target=offset + i,
                )
            )
            continue
        previous.append((t.quote, t.source))
        lines.append(
            _Line(f"“{t.quote}”", BODY_SIZE - 0.5, color="#333333", indent=12, target=offset + i)
        )
        lines.append(_Line(source, BODY_SIZE - 1.5, color="#666666", indent=12, target=offset + i))
    return lines


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


def _progress_lines(details: RegionDetails, rows: list[Progress], language: str) -> list[_Line]:
    """Return the Progress section: per row its figure, share, status, target, baseline, source."""
    sep = "，" if language == "zh" else ", "
    lines = [_Line(tr("report.progress", language, n=len(rows)), BODY_SIZE + 2, bold=True, gap=6)]
    if not rows:
        return [*lines, _Line(tr("report.no_figures", language), BODY_SIZE, gap=2)]
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
        source = tr("report.figure_source", language, source=p.source or "–", id=p.observation)
        lines += [
            _Line(head, BODY_SIZE, bold=True, gap=4),
            _Line(sep.join(facts), BODY_SIZE - 1, color="#333333", indent=12),
            _Line(source, BODY_SIZE - 1.5, color="#666666", indent=12),
        ]
    return lines


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


def _body(details: RegionDetails, language: str, progress: list[Progress] | None) -> list[_Line]:
    name = details.name(language)
    lines = [] if progress is None else _progress_lines(details, progress, language)
    lines += [
        _Line(
            tr("report.scoped", language, name=name, n=len(details.scoped)),
            BODY_SIZE + 2,
            bold=True,
            gap=6,
        )
    ]
    seen: list[tuple[str, str]] = []
    if details.scoped:
        lines += _target_lines(details.scoped, language, 0, seen)
    else:
        lines.append(_Line(tr("report.none", language), BODY_SIZE, gap=2))
    lines.append(
        _Line(
            tr("report.wide", language, n=len(details.province_wide)),
            BODY_SIZE + 2,
            bold=True,
            gap=10,
        )
    )
    if details.province_wide:
        lines += _target_lines(details.province_wide, language, len(details.scoped), seen)
    else:
        lines.append(_Line(tr("report.none", language), BODY_SIZE, gap=2))
    return lines


class _Row(NamedTuple):
    """One printed line of the body: its text, the line it was wrapped from, its height."""

    line: _Line
    text: str
    height: float


def _wrap(lines: list[_Line], width: float, scale: float) -> list[_Row]:
    """Return the rows of ``lines`` after wrapping at ``scale``."""
    rows = []
    for line in lines:
        size = line.size * scale
        parts = wrap_text(line.text, width - line.indent, size, line.bold)
        for j, part in enumerate(parts):
            height = size * 1.32 + (line.gap * scale if j == 0 else 0.0)
            rows.append(_Row(line, part, height))
    return rows


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
) -> Figure:
    """Lay out the one-page report of a region.

    Parameters
    ----------
    details : RegionDetails
        From :meth:`geodata.atlas.AtlasData.details` (role, targets, crossings).
    layer : Layer
        The region layer of its province (for the map inset); it must contain the region.
    language : {"zh", "en"}
        Headings and labels; quotes stay verbatim.
    today : datetime.date, optional
        Date printed in the footer and the statuses are judged on (today by default).
    observations : list of Observation, optional
        Achieved figures: when there are any, the body starts with a Progress section
        (:func:`region_progress`).

    Returns
    -------
    matplotlib.figure.Figure
        A4 portrait; ``fig.report`` is the :class:`ReportLayout`. Save it with
        :func:`geodata.printing.output.save_figure`.

    Raises
    ------
    InputError
        When the layer does not contain the region.
    """
    if details.adcode not in set(layer.gdf["adcode"]):
        raise InputError(
            f"region {details.adcode} is not in the {layer.level} layer of province "
            f"{layer.province}: pick one of its {layer.level} adcodes"
        )
    fig = _new_page()
    top = PAGE_H - MARGIN
    _draw_inset(fig, layer, details.adcode, _inset_box(top))
    info_bottom = _draw_header(fig, details, _info(details, layer, language), language, top)
    body_top = min(info_bottom, top - INSET) - 14
    body_bottom = _draw_footer(fig, layer, language, today)
    day = (today or dt.date.today()).isoformat()
    progress = region_progress(details, list(observations), day) if observations else None
    body = _fit_body(details, language, body_top - body_bottom, progress)
    _draw_body(fig, body, body_top)
    total_targets = len(details.scoped) + len(details.province_wide)
    fig.report = ReportLayout(  # type: ignore[attr-defined]
        scale=body.scale,
        targets_shown=total_targets - body.left_out,
        targets_left_out=body.left_out,
        lines=[row.text for row in body.rows],
        progress=progress or [],
    )
    fig.atlas = {"title": f"{details.name_zh} {tr('report.title', language)}"}  # type: ignore[attr-defined]
    return fig


def _new_page() -> Figure:
    """Return an empty A4 portrait figure, on an Agg canvas, with the shipped CJK font."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geodata.fonts import register_matplotlib_font

    register_matplotlib_font()
    fig = Figure(figsize=page_inches("A4", "portrait"), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _put(fig: Figure, x: float, y: float, value: str, size: float, **kwargs: Any) -> None:
    """Write text with its top left corner at ``x, y`` points from the page's bottom left."""
    fig.text(x / PAGE_W, y / PAGE_H, value, fontsize=size, va="top", ha="left", **kwargs)


def _inset_box(top: float) -> tuple[float, float, float, float]:
    """Return the inset's box (figure fractions), in the top right corner under ``top``."""
    return (
        (PAGE_W - MARGIN - INSET) / PAGE_W,
        (top - INSET) / PAGE_H,
        INSET / PAGE_W,
        INSET / PAGE_H,
    )


def _draw_inset(
    fig: Figure, layer: Layer, adcode: str, box: tuple[float, float, float, float]
) -> None:
    """Draw the province's regions in grey with the region in red."""
    import numpy as np
    import shapely
    from matplotlib.patches import PathPatch

    ax = fig.add_axes(box)
    ax.set_axis_off()
    crs = province_crs(layer.gdf.total_bounds)
    geoms = shapely.transform(np.asarray(layer.gdf.geometry.values), projector(crs))
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    tolerance = max(maxx - minx, maxy - miny) / 1500
    geoms = simplified(geoms, tolerance)
    for code, geom in zip(layer.gdf["adcode"], geoms, strict=True):
        chosen = code == adcode
        ax.add_patch(
            PathPatch(
                geometry_path(geom),
                facecolor=HIGHLIGHT_COLOR if chosen else "#e6e6e6",
                edgecolor="white",
                linewidth=0.6,
                zorder=2 if chosen else 1,
                gid=f"inset-{code}" if chosen else None,
            )
        )
    ax.add_patch(
        PathPatch(
            geometry_path(outline(geoms)),
            facecolor="none",
            edgecolor="#555555",
            linewidth=0.8,
            zorder=3,
        )
    )
    pad = 0.03 * max(maxx - minx, maxy - miny)
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect("equal", adjustable="box")


def _info(details: RegionDetails, layer: Layer, language: str) -> list[tuple[str, str]]:
    """Return the ``(label, value)`` facts under the title: province, adcode, role, corridors."""
    province = details.province_zh if language == "zh" else details.province_en
    info = [
        (tr("report.province", language), f"{province} ({details.province})"),
        (tr("report.adcode", language), details.adcode),
    ]
    role = details.role
    if role is not None:
        confidence = tr(f"report.{role.confidence}", language) if role.confidence else ""
        value = f"{role.role_zh} · {role.role_en} ({confidence}). {role.note}"
        info.append((tr("report.role", language), value))
    elif layer.province in with_roles():
        info.append((tr("report.role", language), tr("report.no_role", language)))
    if details.crossings:
        names = [
            f"{c.name_zh if language == 'zh' else c.name_en}: {c.length_km:.1f} km"
            + (f" ({tr('report.schematic', language)})" if c.schematic else "")
            for c in details.crossings
        ]
        info.append((tr("report.corridors", language), "; ".join(names)))
    elif layer.province in with_corridors():
        info.append((tr("report.corridors", language), tr("report.no_corridors", language)))
    return info


def _draw_header(
    fig: Figure,
    details: RegionDetails,
    info: list[tuple[str, str]],
    language: str,
    top: float,
) -> float:
    """Write the region's names, the report's title and the facts beside the inset.

    Returns
    -------
    float
        The height (points from the bottom) the header ends at.
    """
    width = PAGE_W - 2 * MARGIN - INSET - 12
    title = details.name_zh if language == "zh" else (details.name_en or details.name_zh)
    other = details.name_en if language == "zh" else details.name_zh
    _put(fig, MARGIN, top, f"{title} {other}".strip(), 18, fontweight="bold")
    heading = tr("report.title", language) + " · Infra Atlas"
    _put(fig, MARGIN, top - 26, heading, 9, color="#555555")
    y = top - 46
    for label, value in info:
        _put(fig, MARGIN, y, label, 8, color="#666666", fontweight="bold")
        y -= 11
        for part in wrap_text(value, width, 9):
            _put(fig, MARGIN, y, part, 9)
            y -= 12
        y -= 4
    return y


def _draw_footer(fig: Figure, layer: Layer, language: str, today: dt.date | None) -> float:
    """Write the sources and the date at the foot of the page; return where the body may end."""
    footer_lines = wrap_text(source_note(layer, language), PAGE_W - 2 * MARGIN, 6.5)
    date = (today or dt.date.today()).isoformat()
    footer_lines.append(tr("report.generated", language, date=date))
    footer_h = len(footer_lines) * 8.5
    for i, part in enumerate(footer_lines):
        _put(fig, MARGIN, MARGIN + footer_h - i * 8.5, part, 6.5, color="#555555")
    return MARGIN + footer_h + 10


class _Body(NamedTuple):
    """The body as laid out: its rows, the text scale and the targets that did not fit."""

    rows: list[_Row]
    scale: float
    left_out: int


def _fit_body(
    details: RegionDetails, language: str, available: float, progress: list[Progress] | None
) -> _Body:
    """Lay out the targets in ``available`` points: shrink the text until it fits, else cut."""
    lines = _body(details, language, progress)
    width = PAGE_W - 2 * MARGIN
    for scale in SCALES:
        rows = _wrap(lines, width, scale)
        if sum(row.height for row in rows) <= available:
            return _Body(rows, scale, 0)
    total_targets = len(details.scoped) + len(details.province_wide)
    kept = _whole_targets(rows, available - BODY_SIZE * scale * 1.32 * 3)
    left_out = total_targets - len({row.line.target for row in kept if row.line.target >= 0})
    message = tr("report.truncated", language, n=left_out, code=details.adcode)
    notice = _Line(message, BODY_SIZE, bold=True, color=HIGHLIGHT_COLOR)
    for part in wrap_text(message, width, BODY_SIZE * scale, True):
        kept.append(_Row(notice, part, BODY_SIZE * scale * 1.32))
    return _Body(kept, scale, left_out)


def _whole_targets(rows: list[_Row], height: float) -> list[_Row]:
    """Return the first rows that fit in ``height``, without a target cut in the middle."""
    kept: list[_Row] = []
    used = 0.0
    for row in rows:
        if used + row.height > height:
            break
        kept.append(row)
        used += row.height
    last = kept[-1].line.target if kept else -1
    if last >= 0 and any(row.line.target == last for row in rows[len(kept) :]):
        kept = [row for row in kept if row.line.target != last]
    return kept


def _draw_body(fig: Figure, body: _Body, top: float) -> None:
    """Write the body's rows down from ``top``, each after the gap above it."""
    y = top
    for line, part, height in body.rows:
        size = line.size * body.scale
        y -= height - size * 1.32
        _put(
            fig,
            MARGIN + line.indent,
            y,
            plain(part),
            size,
            fontweight="bold" if line.bold else "normal",
            color=line.color,
        )
        y -= size * 1.32
