"""Achieved figures ("observations"): what a region had reached by a date, with its source.

An observation belongs to a target by an explicit link (``target``, a target id such as
``SX-04``) or by its metric, region and unit (see :mod:`geodata.plan.progress`). Observations
come from a planner's sheet, from the achieved sentences of a plan document, or are typed in
the window; they are kept in the plan store (:mod:`geodata.plan.store`) like plans.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: The roles an observation can play: a figure reached, or the baseline a target starts from.
ROLES = ("observed", "baseline")


@dataclass(frozen=True)
class Observation:
    """One achieved figure.

    Attributes
    ----------
    id : str
        Unique id (``P{plan}-O{k}`` from a document, ``P{plan}-L{line}`` from a sheet).
    province : str
        Adcode of the province it belongs to.
    region : str
        Adcode of the region it was reached in (the province itself for a province-wide figure).
    metric : str
        What is counted (the target's metric, for linking).
    value : float
        The figure, in ``unit``.
    unit : str
        Unit of ``value`` (``"个"``, ``"base stations"``, ``"万架"``...).
    date : str
        ISO date it was reached by (a year alone is its last day: ``2023`` -> ``2023-12-31``).
    target : str
        Id of the target it is linked to explicitly, ``""`` to link by metric, region and unit.
    role : str
        ``"observed"``, or ``"baseline"`` for the figure a target's path starts from.
    source : str
        The plan set it came from (``plan-{n}``).
    quote : str
        The verbatim sentence (from a document) or the row as read (from a sheet).
    note : str
        Where the figure comes from when it is not a document: a statistics table, a note.
    """

    id: str
    province: str
    region: str
    metric: str
    value: float
    unit: str
    date: str
    target: str = ""
    role: str = "observed"
    source: str = ""
    quote: str = ""
    note: str = ""

    def to_dict(self) -> dict:
        """Return the JSON form (strict: the value is a finite number)."""
        data = asdict(self)
        if float(self.value).is_integer():
            data["value"] = int(self.value)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Observation:
        """Return the observation a :meth:`to_dict` mapping describes."""
        fields = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        fields["value"] = float(fields["value"])
        return cls(**fields)
