"""Plan targets: one row per quantified target or named project, each with its verbatim quote."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from geodata.errors import InputError
from geodata.messages import said
from geodata.regions.names import normalise_code
from seeds import SEEDS_DIR

CATEGORIES = ("overall", "information", "integration", "innovation", "security", "user")
SCOPES = ("province", "cities", "counties", "corridor")
STATUSES = ("planned", "achieved")
TARGETS_CSV = SEEDS_DIR / "targets.csv"
_REQUIRED = (
    "id",
    "province",
    "scope",
    "regions",
    "category",
    "metric",
    "value",
    "unit",
    "year",
    "status",
    "source",
    "quote",
)


@dataclass(frozen=True)
class Target:
    """A plan target or named project.

    Attributes
    ----------
    id : str
        Stable identifier (``SX-04``).
    province : str
        Adcode of the province whose plan it belongs to.
    scope : str
        ``"province"``, ``"cities"``, ``"counties"`` or ``"corridor"``.
    regions : tuple of str
        Adcodes of the regions the target applies to (the province itself for province scope).
    category : str
        ``overall``, ``information``, ``integration``, ``innovation`` or ``security``
        infrastructure (``user`` for imported rows).
    metric : str
        What is counted, or the project's name.
    value : float or None
        The number, None for a named project without one.
    unit : str
        Unit of ``value``.
    year : str
        Target year or as-of date (``2025``, ``2022-04-30``).
    status : str
        ``planned`` or ``achieved``.
    source : str
        Seed file name of the plan document (or the user's file name).
    quote : str
        The sentence the target comes from, verbatim.
    qualifier : str
        ``about``, ``more than``... when the document hedges the number.
    corridor : str
        Corridor id for corridor-scoped targets.
    note : str
        Free text shown beside the quote: for a seed row (the optional ``note`` column of
        ``seeds/targets.csv``), what the row takes from outside its quote or how the quote is
        read; for an imported row, the planner's note.
    """

    id: str
    province: str
    scope: str
    regions: tuple[str, ...]
    category: str
    metric: str
    value: float | None
    unit: str
    year: str
    status: str
    source: str
    quote: str
    qualifier: str = ""
    corridor: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def display_value(self) -> str:
        """Return the value as a planner reads it: ``more than 900 projects``; ``""`` if none."""
        if self.value is None:
            return ""
        number = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        text = " ".join(part for part in (self.qualifier, number, self.unit) if part)
        return text

    def to_dict(self) -> dict:
        """Return the JSON form of the command-line contract."""
        data = asdict(self)
        data.pop("extra")
        data["regions"] = list(self.regions)
        value = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        data["value"] = value
        return data


def parse_value(text: object) -> float | None:
    """Parse a number as written in a sheet: ``120000``, ``120,000``, ``1.5``; blank is None.

    Raises
    ------
    InputError
        When the text is not a number.
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        if text != text:
            return None
        if not math.isfinite(text):
            raise InputError(said("sheet.not_finite", text=repr(text)))
        return float(text)
    cleaned = str(text).strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(said("sheet.not_number", text=repr(text))) from None
    if not math.isfinite(value):
        raise InputError(said("sheet.not_finite", text=repr(text)))
    return value


def _row_to_target(row: dict[str, str], line: int, where: str) -> Target:
    missing = [c for c in _REQUIRED if c not in row]
    if missing:
        raise InputError(f"{where} has no column {', '.join(missing)}: add it to the header row")

    def bad(message: str) -> InputError:
        return InputError(f"{where} line {line}: {message}")

    province = normalise_code(row["province"])
    if province is None:
        raise bad(f"province {row['province']!r} is not a 6-digit adcode")
    regions = tuple(filter(None, (r.strip() for r in row["regions"].split(";"))))
    codes = tuple(normalise_code(r) for r in regions)
    if not codes or None in codes:
        raise bad(f"regions {row['regions']!r} must be adcodes separated by ';'")
    for name, allowed in (("scope", SCOPES), ("category", CATEGORIES), ("status", STATUSES)):
        if row[name] not in allowed:
            raise bad(f"{name} {row[name]!r} is not one of {', '.join(allowed)}")
    if not row["quote"].strip():
        raise bad("the quote is empty: every target needs the sentence it came from")
    try:
        value = parse_value(row["value"])
    except InputError as exc:
        raise bad(str(exc)) from None
    return Target(
        id=row["id"].strip(),
        province=province,
        scope=row["scope"],
        regions=codes,  # type: ignore[arg-type]
        category=row["category"],
        metric=row["metric"].strip(),
        value=value,
        unit=row["unit"].strip(),
        year=row["year"].strip(),
        status=row["status"],
        source=row["source"].strip(),
        quote=row["quote"],
        qualifier=(row.get("qualifier") or "").strip(),
        corridor=(row.get("corridor") or "").strip(),
        note=(row.get("note") or "").strip(),
    )


def load_targets(path: str | Path | None = None) -> list[Target]:
    """Read a targets table (the bundled ``seeds/targets.csv`` by default).

    Parameters
    ----------
    path : str or Path, optional
        A CSV with the columns of ``seeds/targets.csv``.

    Returns
    -------
    list of Target

    Raises
    ------
    InputError
        Naming the line of the first bad row, or a duplicate id.
    """
    path = Path(path) if path is not None else TARGETS_CSV
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        targets = [_row_to_target(row, reader.line_num, path.name) for row in reader]
    seen: set[str] = set()
    for t in targets:
        if t.id in seen:
            raise InputError(
                f"{path.name}: target id {t.id} appears twice: give each row its own id"
            )
        seen.add(t.id)
    return targets


def filter_targets(
    targets: Iterable[Target],
    province: str | None = None,
    region: str | None = None,
    category: str | None = None,
    status: str | None = None,
    text: str | None = None,
) -> list[Target]:
    """Return the targets that pass every given filter.

    Parameters
    ----------
    targets : iterable of Target
    province : str, optional
        Province adcode.
    region : str, optional
        Adcode of a city or county: keeps the targets scoped to it.
    category, status : str, optional
        Exact values.
    text : str, optional
        Case-insensitive substring of the id, metric, unit or quote.
    """
    needle = (text or "").strip().lower()
    out = []
    for t in targets:
        if province and t.province != province:
            continue
        if region and region not in t.regions:
            continue
        if category and t.category != category:
            continue
        if status and t.status != status:
            continue
        if needle and not any(needle in s.lower() for s in (t.id, t.metric, t.unit, t.quote)):
            continue
        out.append(t)
    return out


def province_wide(targets: Iterable[Target], province: str) -> list[Target]:
    """Return the targets of a province that apply to the whole province."""
    return [t for t in targets if t.province == province and t.scope == "province"]
