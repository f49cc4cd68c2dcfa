"""Achieved figures a planner brings in from a CSV or Excel sheet (or types in the window).

The sheet needs a region (adcode or name), a target id or a metric, a date (or year) and a
value; unit, source (or note) and role (``baseline``) are optional. Every row is checked and
every problem is reported by line (the header is line 1). **All or nothing:** when any row has
an error, no figure is returned and nothing is stored; fix the rows listed and import again.

A row is linked to a target as :mod:`geodata.plan.progress` links it: by the target id it
names (its region must be one of the target's), or by a metric (case- and space-insensitive)
of a target of the region's province that covers the region, in a unit convertible to the
target's. An ambiguous region name (``Taizhou``) is decided by the linked targets' province.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geodata.errors import InputError
from geodata.messages import said
from geodata.plan.observations import Observation
from geodata.plan.progress import iso_date
from geodata.plan.targets import Target, parse_value
from geodata.plan.units import UnitMismatch, convert
from geodata.plan.user_targets import COLUMN_ALIASES as TARGET_COLUMNS
from geodata.regions.catalogue import national_index
from geodata.vocab import LEVELS

#: Accepted header spellings, by the column they fill (matched case-insensitively).
COLUMN_ALIASES = {
    "region": TARGET_COLUMNS["region"],  # the same spellings as a sheet of targets
    "target": ("target", "target_id", "target id", "id", "目标", "目标编号", "编号"),
    "metric": ("metric", "indicator", "指标", "项目"),
    "date": ("date", "year", "as_of", "as of", "日期", "截至", "截至日期", "年份", "年度", "时间"),
    "value": ("value", "figure", "amount", "number", "actual", "数值", "完成值", "实际值", "值"),
    "unit": ("unit", "units", "单位"),
    "note": ("source", "note", "notes", "comment", "remark", "来源", "数据来源", "备注", "说明"),
    "role": ("role", "kind", "type", "类型", "角色"),
}
#: How the role column may be written, by role.
ROLE_WORDS = {
    "observed": ("", "observed", "actual", "achieved", "实际", "完成", "实际值"),
    "baseline": ("baseline", "base", "基线", "基期", "基准", "基数"),
}


@dataclass
class ObservationImport:
    """The result of reading a sheet of achieved figures.

    Attributes
    ----------
    observations : list of Observation
        The figures read; empty when any row has an error (all or nothing).
    errors : list of tuple
        ``(line, message)`` for every problem, line numbers as a spreadsheet shows them (the
        header is line 1); a row may have several.
    source : str
        The file name.
    """

    observations: list[Observation] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""

    def to_dict(self) -> dict:
        """Return the JSON form (``infra-atlas import-observations --json`` adds ``stored``)."""
        return {
            "source": self.source,
            "imported": len(self.observations),
            "observations": [o.to_dict() for o in self.observations],
            "errors": [{"line": line, "error": msg} for line, msg in self.errors],
        }


@dataclass
class _Context:
    """What every row is checked against."""

    targets: list[Target]
    today: str
    seen: dict[tuple[str, str, str, str], str]  # duplicate key -> where it was seen

    def by_id(self, target_id: str) -> Target | None:
        return next((t for t in self.targets if t.id == target_id), None)

    def by_metric(self, metric: str) -> list[Target]:
        key = metric_key(metric)
        return [t for t in self.targets if metric_key(t.metric) == key]


def metric_key(text: str) -> str:
    """Return a metric as compared: without spaces, case-folded."""
    return "".join((text or "").split()).casefold()


def _duplicate_key(o: Observation) -> tuple[str, str, str, str]:
    """Return what two figures share when one repeats the other.

    The metric stands for the target: a figure linked by id carries its target's metric, so
    the same figure linked by id and by metric is caught.
    """
    return (o.region, metric_key(o.metric), o.date, o.role)


def _context(targets: Iterable[Target], known: Iterable[Observation], today: str) -> _Context:
    today = iso_date(today, "today") if today else _dt.date.today().isoformat()
    seen = {_duplicate_key(o): f"stored as {o.id}" for o in known}
    return _Context(list(targets), today, seen)


def import_observations(
    path: str | Path,
    targets: list[Target],
    known: Iterable[Observation] = (),
    today: str = "",
) -> ObservationImport:
    """Read achieved figures from a CSV (UTF-8 or GBK) or Excel sheet; check every row.

    All or nothing: when any row has an error, the result holds no figure (and the caller
    stores nothing); ``errors`` lists every problem by line.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` file with a header row (see :data:`COLUMN_ALIASES`).
    targets : list of Target
        The targets a row may name or match by metric.
    known : iterable of Observation, optional
        Figures already stored: a row repeating one (same region, metric, date and role; a
        target id stands for its target's metric) is an error.
    today : str, optional
        ISO date; a figure dated after it is an error (today's date by default).

    Returns
    -------
    ObservationImport
        Figures with ids ``{stem}-L{line}`` (the store gives ``P{n}-L{line}``), the row as
        read for quote and the source column as note.

    Raises
    ------
    InputError
        When the file cannot be read or lacks a region, target or metric, date or value column.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(said("sheet.missing", path=path))
    header, rows = _read_rows(path)
    mapping = _map_columns(header, path.name)
    ctx = _context(targets, known, today)
    result = ObservationImport(source=path.name)
    for line, cells in rows:
        raw = {name: cells.get(column, "") for name, column in mapping.items()}
        if not any(raw.values()):
            continue
        quoted = ", ".join(f"{k}={v}" for k, v in raw.items() if v)
        found, errors = _check_row(
            raw, f"{path.stem}-L{line}", f"{path.name} line {line}: {quoted}", ctx
        )
        result.errors += [(line, e) for e in errors]
        if found is not None:
            ctx.seen[_duplicate_key(found)] = f"on line {line}"
            result.observations.append(found)
    if result.errors:
        result.observations = []
    return result


def typed_observation(
    targets: list[Target],
    region: str,
    value: float | str,
    unit: str,
    date: str,
    target: str = "",
    metric: str = "",
    role: str = "observed",
    note: str = "",
    known: Iterable[Observation] = (),
    today: str = "",
) -> Observation:
    """Check one figure typed in the window as a sheet row is checked; return it.

    Returns
    -------
    Observation
        With the id ``typed`` (the store gives ``P{n}-O1``).

    Raises
    ------
    InputError
        Naming the first problem: an unknown region or target, a value that is not a finite
        number, a date after today, a unit that does not convert to the target's...
    """
    raw = {
        "region": str(region).strip(),
        "target": str(target).strip(),
        "metric": str(metric).strip(),
        "date": str(date).strip(),
        "value": str(value).strip(),
        "unit": str(unit).strip(),
        "note": str(note).strip(),
        "role": str(role).strip(),
    }
    quoted = ", ".join(f"{k}={v}" for k, v in raw.items() if v)
    found, errors = _check_row(raw, "typed", f"typed: {quoted}", _context(targets, known, today))
    if errors:
        raise InputError(errors[0])
    return found  # type: ignore[return-value]


# ------------------------------------------------------------------------------ reading
def _decode(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(said("sheet.encoding", name=path.name))


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and ``(line, {header: cell text})`` of every row below it."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _read_excel(path)
    if suffix not in (".csv", ".txt"):
        raise InputError(said("sheet.kind", name=path.name))
    reader = csv.reader(io.StringIO(_decode(path), newline=""))
    header = [c.strip() for c in next(reader, [])]
    rows = []
    for cells in reader:
        rows.append((reader.line_num, dict(zip(header, (c.strip() for c in cells), strict=False))))
    return header, rows


def _read_excel(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    import pandas as pd

    try:
        table = pd.read_excel(path, dtype=object)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(said("sheet.not_excel", name=path.name, reason=str(exc))) from exc
    header = [str(c).strip() for c in table.columns]
    rows = [
        (i + 2, {h: _cell(v) for h, v in zip(header, values, strict=True)})
        for i, values in enumerate(table.itertuples(index=False, name=None))
    ]
    return header, rows


def _cell(value: object) -> str:
    """Return a spreadsheet cell as text: dates as ISO, whole numbers without ``.0``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _map_columns(columns: list[str], name: str) -> dict[str, str]:
    folded = {str(c).strip().lower(): c for c in columns}
    mapping = {}
    for field_name, aliases in COLUMN_ALIASES.items():
        column = next((folded[a] for a in aliases if a in folded), None)
        if column is not None:
            mapping[field_name] = column
    missing = [f for f in ("region", "date", "value") if f not in mapping]
    if "target" not in mapping and "metric" not in mapping:
        missing.insert(1, "target or metric")
    if missing:
        raise InputError(said("sheet.figures_columns", name=name, columns=", ".join(missing)))
    return mapping


# ------------------------------------------------------------------------------ checking
def _check_row(
    raw: dict[str, str], oid: str, quote: str, ctx: _Context
) -> tuple[Observation | None, list[str]]:
    """Return the figure a row gives, or None and every problem found in it."""
    errors: list[str] = []
    value = _value(raw.get("value", ""), errors)
    date = _date(raw.get("date", ""), ctx.today, errors)
    role = _role(raw.get("role", ""), errors)
    candidates = _candidates(raw, ctx, errors)
    provinces = {t.province for t in candidates or []}
    region = _region(raw.get("region", ""), provinces, errors)
    if region is None or candidates is None:
        return None, errors
    linked = _covering(raw, region, candidates, errors)
    unit = raw.get("unit") or (linked[0].unit if linked else "")
    if linked and value is not None:
        linked = _convertible(value, unit, linked, errors)
    if errors:
        return None, errors
    target = linked[0]
    found = Observation(
        id=oid,
        province=target.province,
        region=region,
        metric=target.metric,
        value=value,  # type: ignore[arg-type]
        unit=unit,
        date=date,
        target=target.id if raw.get("target") else "",
        role=role,
        quote=quote,
        note=raw.get("note", ""),
    )
    where = ctx.seen.get(_duplicate_key(found))
    if where is not None:
        return None, [
            f"the figure has the same region, metric, date and role as the one {where}: "
            "keep only one of them"
        ]
    return found, []


def _value(text: str, errors: list[str]) -> float | None:
    if not text:
        errors.append(said("sheet.figure_empty"))
        return None
    try:
        value = parse_value(text)
    except InputError as exc:
        errors.append(str(exc))
        return None
    if value is None or not math.isfinite(value):
        errors.append(said("sheet.value_not_finite", text=repr(text)))
        return None
    return value


def _date(text: str, today: str, errors: list[str]) -> str:
    """Return the ISO date a cell gives (a year is its last day); note a bad or future one."""
    if not text:
        errors.append(said("sheet.date_empty"))
        return ""
    cleaned = text.replace("年", "-").replace("月", "-").replace("日", "")
    cleaned = cleaned.replace("/", "-").replace(".", "-").split("T")[0].strip("- ")
    try:
        date = iso_date(cleaned.split()[0] if cleaned else "", "the date")
    except InputError:
        errors.append(said("sheet.not_date", text=repr(text)))
        return ""
    if date > today:
        meaning = "" if date == text else f" (read as {date})"
        errors.append(
            f"the date {text}{meaning} is after today ({today}): give the date the figure was "
            "reached"
        )
    return date


def _role(text: str, errors: list[str]) -> str:
    low = text.strip().lower()
    for role, words in ROLE_WORDS.items():
        if low in words:
            return role
    errors.append(f"the role {text!r} is not observed or baseline: leave it empty for a figure")
    return "observed"


def _candidates(raw: dict[str, str], ctx: _Context, errors: list[str]) -> list[Target] | None:
    """Return the targets the row's target id or metric names (None, noted, when none).

    A target id written in the metric column (``SX-04``) links the row to that target.
    """
    target_id, metric = raw.get("target", ""), raw.get("metric", "")
    if not target_id and metric and ctx.by_id(metric) is not None:
        target_id = raw["target"] = metric  # the row is linked as if its target column said so
    if target_id:
        found = ctx.by_id(target_id)
        if found is None:
            errors.append(said("sheet.target_unknown", target=repr(target_id)))
            return None
        if found.value is None:
            errors.append(f"target {target_id} has no number to reach: link a target with a value")
            return None
        return [found]
    if not metric:
        errors.append("the target and the metric are empty: give a target id (SX-04) or metric")
        return None
    matching = [t for t in ctx.by_metric(metric) if t.value is not None]
    if not matching:
        errors.append(said("sheet.metric_unknown", metric=repr(metric)))
        return None
    return matching


def _province_of(adcode: str) -> str:
    return adcode[:2] + "0000"


def _region(text: str, provinces: set[str], errors: list[str]) -> str | None:
    """Resolve a region as a target sheet does; the linked targets' province decides names."""
    if not text:
        errors.append(said("sheet.region_empty"))
        return None
    for level in LEVELS:
        index = national_index(level)
        found = index.resolve(text)
        if found.ambiguous:
            narrowed = [c for c in found.candidates if _province_of(c) in provinces]
            if len(narrowed) == 1:
                return narrowed[0]
            names = ", ".join(index.describe(c) for c in found.candidates)
            errors.append(said("sheet.region_ambiguous", region=repr(text), names=names))
            return None
        if found.adcode:
            return found.adcode
    errors.append(said("sheet.region_unknown", region=repr(text)))
    return None


def _covering(
    raw: dict[str, str], region: str, candidates: list[Target], errors: list[str]
) -> list[Target]:
    """Return the candidate targets that cover the region (noted when none does)."""
    if raw.get("target"):
        target = candidates[0]
        if region in target.regions:
            return [target]
        errors.append(
            f"region {region} is not one of the regions of target {target.id} "
            f"({'; '.join(target.regions)}): give the figure of one of them"
        )
        return []
    metric, province = raw["metric"], _province_of(region)
    local = [t for t in candidates if t.province == province]
    if not local:
        errors.append(
            f"metric {metric!r} matches no target of province {province}: write the metric of "
            "one of its targets, or a target id"
        )
        return []
    covering = [t for t in local if region in t.regions]
    if not covering:
        ids = ", ".join(t.id for t in local)
        errors.append(
            f"no target of metric {metric!r} covers region {region} ({ids} cover other "
            "regions): give the figure of one of their regions"
        )
    return covering


def _convertible(value: float, unit: str, linked: list[Target], errors: list[str]) -> list[Target]:
    """Return the linked targets whose unit the figure converts to (noted when none)."""
    usable, first = [], ""
    for target in linked:
        try:
            convert(value, unit, target.unit)
        except UnitMismatch as exc:
            first = first or str(exc)
        else:
            usable.append(target)
    if not usable:
        errors.append(first)
    return usable
