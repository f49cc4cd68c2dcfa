"""A candidate target found in a plan document, before the planner reviews it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: The qualifiers a number may carry, as stored (``""`` when the number is exact).
QUALIFIERS = ("", "about", "at least", "more than", "at most")


@dataclass(frozen=True)
class Proposal:
    """One candidate target: a number in a sentence, with what the sentence says about it.

    Attributes
    ----------
    id : str
        ``"P1"``, ``"P2"``... in document order (unique within one extraction).
    sentence : str
        The sentence, verbatim: ``text[start:end] == sentence`` for the text it was found in.
    start, end : int
        The sentence's character span in the document text.
    value : float or None
        The number in base units (``约3600亿元`` gives 360000000000.0, unit ``"元"``).
    unit : str
        The unit after the multiplier is applied (``"个"``, ``"元"``, ``"Gbps"``, ``"%"``).
    qualifier : str
        One of :data:`QUALIFIERS`.
    year : str
        The target or as-of year (``"2030"``), ``""`` when the sentence names none.
    date : str
        An ISO date when the sentence gives one (``"2023-06-30"`` for 截至2023年6月底).
    status : str
        ``"planned"`` or ``"achieved"``.
    regions : tuple of str
        Adcodes of the regions the sentence names; the province's own code when it names none.
    scope : str
        ``"province"``, ``"cities"`` or ``"counties"`` (as :class:`~geodata.plan.targets.Target`).
    category : str
        A guess among :data:`geodata.plan.targets.CATEGORIES`.
    metric : str
        A short label of what is counted (``"5G基站"``, ``"data-centre racks"``).
    number_text : str
        The number as written (``"约3600亿元"``), for highlighting.
    number_start : int
        Offset of ``number_text`` in the document text (-1 when unknown).
    ambiguous : tuple of str
        Region names the sentence uses that stay ambiguous within the province.
    """

    id: str
    sentence: str
    start: int
    end: int
    value: float | None
    unit: str
    qualifier: str = ""
    year: str = ""
    date: str = ""
    status: str = "planned"
    regions: tuple[str, ...] = ()
    scope: str = "province"
    category: str = "overall"
    metric: str = ""
    number_text: str = ""
    number_start: int = -1
    ambiguous: tuple[str, ...] = field(default=())

    def edited(self, **changes: object) -> Proposal:
        """Return a copy with some fields changed (the review dialog's edits)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict:
        """Return the JSON form of ``infra-atlas plan-import --json`` (strict JSON values)."""
        value = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        return {
            "id": self.id,
            "sentence": self.sentence,
            "value": value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "year": self.year,
            "date": self.date,
            "status": self.status,
            "regions": list(self.regions),
            "category": self.category,
            "metric": self.metric,
            "scope": self.scope,
            "start": self.start,
            "end": self.end,
        }
