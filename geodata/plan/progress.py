"""Progress of plan targets: the latest achieved figure against the target and its path.

An observation belongs to a target by an explicit link (its ``target`` is the target's id,
whatever its metric) or, without one, by the same metric (case- and space-insensitive), a
region of the target, the same province and a unit convertible to the target's.

Status rules (see :func:`progress_for`):

* ``"no data"``: no observed figure, or one figure and no baseline to judge the pace.
* ``"achieved"``: the latest figure reaches the target (at or above it; at or below it for an
  ``at most`` target such as PUE 1.3), even before the target year.
* ``"behind"``: the target year has passed (by the latest figure's date or ``today``) and the
  target is not reached, or the latest figure is short of the straight path from the baseline
  (a stated baseline, else the earliest figure) to the target on its deadline.
* ``"on track"``: the latest figure is on or ahead of that path.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache

from geodata.errors import InputError
from geodata.plan.observations import Observation
from geodata.plan.targets import Target
from geodata.plan.units import UnitMismatch, convert, convertible, describe

__all__ = [
    "STATUSES",
    "Baseline",
    "Progress",
    "linked",
    "progress_for",
    "progress_table",
    "deadline_of",
    "iso_date",
]

STATUSES = ("achieved", "on track", "behind", "no data")


@dataclass(frozen=True)
class Baseline:
    """The figure a target's straight path starts from.

    Attributes
    ----------
    value : float
        In the target's unit.
    date : str
        ISO date.
    kind : str
        ``"stated"`` (an observation with role ``baseline``) or ``"earliest"`` (the earliest
        observed figure).
    """

    value: float
    date: str
    kind: str

    def to_dict(self) -> dict:
        """Return the JSON form."""
        return {"value": _json_number(self.value), "date": self.date, "kind": self.kind}


@dataclass(frozen=True)
class Progress:
    """How far one region is along one target.

    Attributes
    ----------
    target, region, metric : str
        Target id, region adcode, the target's metric.
    value : float or None
        The latest figure in the target's unit (None: no data).
    unit : str
        The target's unit.
    date : str
        The latest figure's date (``""`` when none).
    percent : float or None
        Of the target reached, rounded to 0.1 (not capped at 100).
    status : str
        One of :data:`STATUSES`.
    baseline : Baseline or None
    expected : float or None
        The straight path from the baseline to the target, at ``date``.
    target_value : float
    deadline : str
        ISO: the target year's 12-31, or the target's own date.
    direction : str
        ``"up"`` (more is better) or ``"down"`` (an ``at most`` target).
    source : str
        The latest figure's quote, else its note, else its source.
    observation : str
        Id of the latest observation (``""`` when none).
    reason : str
        One sentence: why this status.
    history : tuple of (str, float)
        (date, value in the target's unit), oldest first, observed and baseline figures.
    """

    target: str
    region: str
    metric: str
    value: float | None
    unit: str
    date: str
    percent: float | None
    status: str
    baseline: Baseline | None
    expected: float | None
    target_value: float
    deadline: str
    direction: str
    source: str
    observation: str
    reason: str
    history: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict:
        """Return the JSON form (strict: no NaN; the baseline as ``{value, date, kind}``)."""
        return {
            "target": self.target,
            "region": self.region,
            "metric": self.metric,
            "value": _json_number(self.value),
            "unit": self.unit,
            "date": self.date,
            "percent": _json_number(self.percent),
            "status": self.status,
            "baseline": self.baseline.to_dict() if self.baseline else None,
            "expected": _json_number(self.expected),
            "target_value": _json_number(self.target_value),
            "deadline": self.deadline,
            "direction": self.direction,
            "source": self.source,
            "observation": self.observation,
            "reason": self.reason,
            "history": [[d, _json_number(v)] for d, v in self.history],
        }


def _json_number(value: float | None) -> float | int | None:
    """Return a finite number for JSON (integers as int), None for None, NaN or infinity."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def iso_date(text: str, what: str = "date") -> str:
    """Return an ISO date: ``2023`` -> ``2023-12-31``, ``2023-06`` -> ``2023-06-30``.

    Raises
    ------
    InputError
        When the text is not a year, a year-month or an ISO date.
    """
    text = (text or "").strip()
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(text) == 4:
            return Date(int(text), 12, 31).isoformat()
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            nxt = Date(year + month // 12, month % 12 + 1, 1)
            return Date.fromordinal(nxt.toordinal() - 1).isoformat()
        year, month, day = (int(p) for p in parts)
        return Date(year, month, day).isoformat()
    except ValueError:
        raise InputError(
            f"{what} {text!r} is not a date: write a year (2025) or an ISO date (2025-06-30)"
        ) from None


def deadline_of(target: Target) -> str:
    """Return the ISO deadline of a target: its year's 12-31, or its own date.

    ``""`` when the target names no year one can read (a sheet without a year column, or
    "十四五期间"): its percent is still given, its pace cannot be judged.
    """
    try:
        return iso_date(target.year, f"target {target.id} year")
    except InputError:
        return ""


@lru_cache(maxsize=4096)
def _metric_key(text: str) -> str:
    return "".join(text.split()).casefold()


def _belongs(target: Target, obs: Observation) -> bool:
    """Whether an observation without explicit link belongs to the target by metric.

    The cheap tests come first: a map asks this of every figure for every target.
    """
    return (
        not obs.target
        and obs.region in target.regions
        and obs.province == target.province
        and _metric_key(obs.metric) == _metric_key(target.metric)
        and convertible(obs.unit, target.unit)
    )


def linked(target: Target, observations: Iterable[Observation]) -> dict[str, list[Observation]]:
    """Return the observations that belong to a target, by region adcode.

    Parameters
    ----------
    target : Target
    observations : iterable of Observation

    Returns
    -------
    dict
        Region adcode -> its observations, in input order. Explicitly linked observations are
        keyed by their own region.

    Raises
    ------
    UnitMismatch
        When an observation linked explicitly has a unit that does not convert to the
        target's.
    """
    out: dict[str, list[Observation]] = {}
    for obs in observations:
        if obs.target == target.id:
            if not convertible(obs.unit, target.unit):
                raise UnitMismatch(
                    f"observation {obs.id} is {describe(obs.unit)} but target {target.id} is "
                    f"{describe(target.unit)}: give the figure {describe(target.unit)}"
                )
        elif not _belongs(target, obs):
            continue
        out.setdefault(obs.region, []).append(obs)
    return out


@dataclass(frozen=True)
class _Figure:
    """An observation's value converted to the target's unit."""

    date: str
    value: float
    role: str
    obs: Observation


def _figures(target: Target, observations: Iterable[Observation]) -> list[_Figure]:
    """Return the figures in the target's unit, oldest first (input order within a date)."""
    figures = [
        _Figure(
            iso_date(o.date, f"observation {o.id} date"),
            convert(o.value, o.unit, target.unit),
            "baseline" if o.role == "baseline" else "observed",
            o,
        )
        for o in observations
    ]
    return sorted(figures, key=lambda f: f.date)


def _baseline(observed: list[_Figure], stated: list[_Figure]) -> Baseline | None:
    """Return the baseline of a region's path.

    The latest stated baseline at or before the latest figure, else the earliest observed
    figure when it is earlier than the latest, else None.
    """
    latest = observed[-1]
    usable = [f for f in stated if f.date <= latest.date]
    if usable:
        return Baseline(usable[-1].value, usable[-1].date, "stated")
    if observed[0].date < latest.date:
        return Baseline(observed[0].value, observed[0].date, "earliest")
    return None


def _days(start: str, end: str) -> int:
    return (Date.fromisoformat(end) - Date.fromisoformat(start)).days


def _expected(baseline: Baseline, goal: float, deadline: str, when: str) -> float | None:
    """Return the straight path from the baseline to the goal at ``when`` (None if unusable)."""
    span = _days(baseline.date, deadline)
    if span <= 0:
        return None
    share = min(_days(baseline.date, when) / span, 1.0)
    return baseline.value + (goal - baseline.value) * share


def _percent(latest: float, goal: float, direction: str) -> float | None:
    if goal == 0 or (direction == "down" and latest == 0):
        return None
    share = goal / latest if direction == "down" else latest / goal
    return round(share * 100, 1)


def _at_least(value: float, other: float, direction: str) -> bool:
    """Whether ``value`` is as good as ``other`` (tolerating rounding)."""
    slack = 1e-9 * max(abs(value), abs(other), 1.0)
    return value >= other - slack if direction == "up" else value <= other + slack


def _judge(
    latest: _Figure,
    goal: float,
    direction: str,
    baseline: Baseline | None,
    expected: float | None,
    passed: bool,
) -> tuple[str, str]:
    """Return the status and its reason for a region with at least one observed figure."""
    if _at_least(latest.value, goal, direction):
        return "achieved", f"the figure of {latest.date} reaches the target"
    if passed:
        return "behind", "the target year has passed and the latest figure falls short of it"
    if baseline is None:
        return "no data", (
            "one figure and no baseline: add a baseline (an observation with role baseline) "
            "or an earlier figure to judge the pace"
        )
    if expected is None:
        return "no data", (
            f"the baseline of {baseline.date} is not before the deadline: "
            "give a baseline from before the target year ends"
        )
    path = f"{_number(expected)} expected by {latest.date} on the straight path from the baseline"
    if _at_least(latest.value, expected, direction):
        return "on track", f"the latest figure is on or ahead of the {path}"
    return "behind", f"the latest figure is short of the {path}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


def _progress(target: Target, region: str, observations: list[Observation], today: str) -> Progress:
    """Return the progress of one region from its linked observations."""
    goal = float(target.value)  # type: ignore[arg-type]
    deadline = deadline_of(target)
    figures = _figures(target, observations)
    observed = [f for f in figures if f.role == "observed"]
    stated = [f for f in figures if f.role == "baseline"]
    common = {
        "target": target.id,
        "region": region,
        "metric": target.metric,
        "unit": target.unit,
        "target_value": goal,
        "deadline": deadline,
        "direction": "down" if target.qualifier == "at most" else "up",
        "history": tuple((f.date, f.value) for f in figures),
    }
    if not observed:
        reason = "no achieved figure yet: add an observation for this region to follow it"
        return Progress(
            **common,
            value=None,
            date="",
            percent=None,
            status="no data",
            baseline=None,
            expected=None,
            source="",
            observation="",
            reason=reason,
        )
    return _with_latest(common, observed, stated, today)


def _with_latest(
    common: dict, observed: list[_Figure], stated: list[_Figure], today: str
) -> Progress:
    """Return the progress of a region with at least one observed figure."""
    latest, goal, direction = observed[-1], common["target_value"], common["direction"]
    baseline = _baseline(observed, stated)
    deadline = common["deadline"]
    expected = _expected(baseline, goal, deadline, latest.date) if baseline and deadline else None
    now = iso_date(today, "today") if today else ""
    passed = bool(deadline) and (latest.date > deadline or now > deadline)
    status, reason = _judge(latest, goal, direction, baseline, expected, passed)
    if not deadline and status != "achieved":
        status, reason = "no data", "the target names no year: give it one to judge the pace"
    percent = _percent(latest.value, goal, direction)
    if goal == 0:
        reason = f"the target is 0, so no percentage is given; {reason}"
    obs = latest.obs
    return Progress(
        **common,
        value=latest.value,
        date=latest.date,
        percent=percent,
        status=status,
        baseline=baseline,
        expected=expected,
        source=obs.quote or obs.note or obs.source,
        observation=obs.id,
        reason=reason,
    )


def progress_for(
    target: Target, region: str, observations: Iterable[Observation], today: str = ""
) -> Progress:
    """Return how far a region is along a target.

    Parameters
    ----------
    target : Target
        A target with a numeric value.
    region : str
        Adcode of one of the target's regions.
    observations : iterable of Observation
        Any observations: those that do not belong to the target and region are ignored.
    today : str, optional
        ISO date (or year) of the evaluation: after the deadline, an unreached target is
        ``"behind"``.

    Returns
    -------
    Progress

    Raises
    ------
    InputError
        When the target has no value, or a date is not a date.
    UnitMismatch
        When an explicitly linked observation's unit does not convert to the target's.
    """
    if target.value is None:
        raise InputError(f"target {target.id} has no number: give it a value to follow it")
    return _progress(target, region, linked(target, observations).get(region, []), today)


def progress_table(
    targets: Iterable[Target],
    observations: Iterable[Observation],
    province: str | None = None,
    region: str | None = None,
    today: str = "",
) -> list[Progress]:
    """Return one row per (target with a numeric value, region of the target).

    Parameters
    ----------
    targets : iterable of Target
    observations : iterable of Observation
    province : str, optional
        Keep the targets of this province adcode.
    region : str, optional
        Keep the rows of this region adcode.
    today : str, optional
        See :func:`progress_for`.

    Returns
    -------
    list of Progress
        In target order, then the target's region order; rows without figures are
        ``"no data"``.
    """
    observations = list(observations)
    rows = []
    for target in targets:
        if target.value is None or (province and target.province != province):
            continue
        regions = [r for r in target.regions if not region or r == region]
        try:
            groups = linked(target, observations) if regions else {}
        except InputError as exc:  # a figure linked by id in a unit that does not convert
            rows += [_unjudged(target, r, str(exc)) for r in regions]
            continue
        rows += [_progress(target, r, groups.get(r, []), today) for r in regions]
    return rows


def _unjudged(target: Target, region: str, reason: str) -> Progress:
    """Return a "no data" row whose reason says why its figures could not be used."""
    row = _progress(target, region, [], "")
    return dataclasses.replace(row, reason=reason)
