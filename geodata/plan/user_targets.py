"""Targets a planner adds from a CSV or Excel sheet.

The sheet needs a region (code or name), a metric and a value; unit, year, note, status and
category are optional. Regions are resolved with the same rules as boundary files. Rows that
cannot be used are reported with their line number and left out; the rest are imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geodata.errors import InputError
from geodata.messages import said
from geodata.plan.targets import STATUSES, Target, parse_value
from geodata.regions.catalogue import national_index
from geodata.vocab import LEVELS

#: Accepted header spellings, by the column they fill.
COLUMN_ALIASES = {
    "region": (
        "region",
        "region_code",
        "region_name",
        "adcode",
        "code",
        "name",
        "city",
        "地区",
        "区划",
        "城市",
        "行政区",
        "区划代码",
        "代码",
        "名称",
    ),
    "metric": ("metric", "indicator", "target", "指标", "项目"),
    "value": ("value", "amount", "number", "数值", "目标值", "值"),
    "unit": ("unit", "units", "单位"),
    "year": ("year", "date", "as_of", "年份", "年度"),
    "note": ("note", "notes", "comment", "remark", "备注", "说明"),
    "status": ("status", "状态"),
}
_SCOPE_OF_LEVEL = {"province": "province", "city": "cities", "county": "counties"}


@dataclass
class UserTargetImport:
    """The result of reading a user's target sheet.

    Attributes
    ----------
    targets : list of Target
        The rows that were imported.
    errors : list of tuple
        ``(line, message)`` for each row left out, line numbers as a spreadsheet shows them
        (the header is line 1).
    source : str
        The file name.
    """

    targets: list[Target] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""

    def to_dict(self) -> dict:
        """Return the JSON form."""
        return {
            "source": self.source,
            "imported": len(self.targets),
            "targets": [t.to_dict() for t in self.targets],
            "errors": [{"line": line, "error": msg} for line, msg in self.errors],
        }


def _read_table(path: Path):
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(path, dtype=object)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise InputError(said("sheet.not_excel", name=path.name, reason=str(exc))) from exc
    if suffix not in (".csv", ".txt"):
        raise InputError(said("sheet.kind", name=path.name))
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(said("sheet.encoding", name=path.name))
    import io

    if not text.strip():
        raise InputError(said("sheet.empty", name=path.name))
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def _map_columns(columns: list[str], name: str) -> dict[str, str]:
    folded = {str(c).strip().lower(): c for c in columns}
    mapping = {}
    for field_name, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in folded:
                mapping[field_name] = folded[alias]
                break
    missing = [f for f in ("region", "metric", "value") if f not in mapping]
    if missing:
        raise InputError(said("sheet.targets_columns", name=name, columns=", ".join(missing)))
    return mapping


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def import_user_targets(path: str | Path) -> UserTargetImport:
    """Read a planner's own targets from a CSV or Excel sheet.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (UTF-8 or GBK) or ``.xlsx`` file with a header row.

    Returns
    -------
    UserTargetImport
        Imported targets (category ``user``, source the file name, quote the row as read) and
        the rows left out with their line numbers.

    Raises
    ------
    InputError
        When the file cannot be read or lacks the region, metric or value column.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(said("sheet.missing", path=path))
    table = _read_table(path)
    mapping = _map_columns(list(table.columns), path.name)
    result = UserTargetImport(source=path.name)
    indexes = [national_index(level) for level in LEVELS]
    for i, row in enumerate(table.to_dict("records")):
        line = i + 2
        raw = {f: _text(row.get(col)) for f, col in mapping.items()}
        if not any(raw.values()):
            continue
        if not raw["metric"]:
            result.errors.append((line, said("sheet.metric_empty")))
            continue
        try:
            value = parse_value(raw["value"])
        except InputError as exc:
            result.errors.append((line, str(exc)))
            continue
        if value is None:
            result.errors.append((line, said("sheet.value_empty")))
            continue
        status = raw.get("status") or "planned"
        if status not in STATUSES:
            choices = ", ".join(STATUSES)
            result.errors.append((line, said("sheet.status", status=repr(status), choices=choices)))
            continue
        found, level = None, None
        for index, lvl in zip(indexes, LEVELS, strict=True):
            candidate = index.resolve(raw["region"])
            if candidate.ambiguous:
                names = ", ".join(index.describe(c) for c in candidate.candidates)
                region = repr(raw["region"])
                result.errors.append(
                    (line, said("sheet.region_ambiguous", region=region, names=names))
                )
                found = None
                level = "ambiguous"
                break
            if candidate.adcode:
                found, level = candidate.adcode, lvl
                break
        if level == "ambiguous":
            continue
        if found is None:
            result.errors.append((line, said("sheet.region_unknown", region=repr(raw["region"]))))
            continue
        quoted = ", ".join(f"{k}={v}" for k, v in raw.items() if v)
        result.targets.append(
            Target(
                id=f"USER-{path.stem}-{line}",
                province=found[:2] + "0000",
                scope=_SCOPE_OF_LEVEL[level],
                regions=(found,),
                category="user",
                metric=raw["metric"],
                value=value,
                unit=raw.get("unit", ""),
                year=raw.get("year", ""),
                status=status,
                source=path.name,
                quote=f"{path.name} line {line}: {quoted}",
                note=raw.get("note", ""),
            )
        )
    return result
