"""The metrics a region layer can be coloured by.

Defaults: the city's role in its province's urban layout (categorical, where the seed data has
roles), the number of plan items scoped to each region, the corridor length inside each region
(km), and every metric the user imported per region (summed per region when a sheet has several
rows for one region). Their names are in the engine's text table (:mod:`geodata.i18n`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from geodata.i18n import tr
from geodata.layer import Layer
from geodata.plan.classify import Classification, classify_categorical, classify_numeric
from geodata.plan.corridors import Crossing, length_by_region
from geodata.plan.join import join
from geodata.plan.roles import load_roles
from geodata.plan.targets import Target

#: The roles of the urban layout, largest first: ``(role, Chinese, English, colour)``.
ROLE_CATEGORIES = tuple(
    (role, tr(f"role.{role}", "zh"), tr(f"role.{role}", "en"), color)
    for role, color in (("master", "#b2182b"), ("assistant", "#ef8a62"), ("centre", "#fddbc7"))
)


@dataclass
class Metric:
    """Values of one metric per region of a layer.

    Attributes
    ----------
    id : str
        ``role``, ``plan_items``, ``corridor_km`` or ``user:<metric>|<unit>``.
    label_en, label_zh : str
        Names for the legend and the metric menu.
    kind : str
        ``"numeric"`` or ``"categorical"``.
    unit : str
        Unit of the values.
    values : dict
        Adcode -> value (a number, a category id, or None).
    """

    id: str
    label_en: str
    label_zh: str
    kind: str
    unit: str = ""
    values: dict[str, object] = field(default_factory=dict)

    def label(self, language: str = "zh") -> str:
        """Return the metric's name in ``"zh"`` or ``"en"``."""
        return self.label_zh if language == "zh" else self.label_en

    def display(self, adcode: str, language: str = "zh") -> str:
        """Return a region's value as text for a tooltip (``""`` when it has none)."""
        value = self.values.get(adcode)
        if value is None:
            return ""
        if self.kind == "categorical":
            for cat, zh, en, _ in ROLE_CATEGORIES:
                if cat == value:
                    return zh if language == "zh" else en
            return str(value)
        number = float(value)
        text = f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"
        return f"{text} {self.unit}".strip()


def available_metrics(
    layer: Layer, targets: Iterable[Target], crossings: Iterable[Crossing] = ()
) -> list[Metric]:
    """Return the metrics that make sense for a layer.

    Parameters
    ----------
    layer : Layer
        The region layer (its adcodes key every metric).
    targets : iterable of Target
        Bundled and imported targets.
    crossings : iterable of Crossing
        Corridor crossings of the layer.

    Returns
    -------
    list of Metric
        ``plan_items`` always; ``role`` when a region of the layer has a role; ``corridor_km``
        when a corridor crosses the layer; one per imported metric with values in the layer.
    """
    targets = list(targets)
    crossings = list(crossings)
    codes = layer.adcodes
    roles = load_roles()
    metrics: list[Metric] = []
    if any(code in roles for code in codes):
        values = {c: (roles[c].role if c in roles else None) for c in codes}
        metrics.append(_named_metric("role", "categorical", "", values))
    metrics.append(_named_metric("plan_items", "numeric", "items", _plan_items(layer, targets)))
    if crossings:
        lengths = length_by_region(crossings)
        values = {c: round(lengths.get(c, 0.0), 1) for c in codes}
        metrics.append(_named_metric("corridor_km", "numeric", "km", values))
    return metrics + _user_metrics(codes, targets)


def _named_metric(metric: str, kind: str, unit: str, values: Mapping[str, object]) -> Metric:
    """Return a built-in metric, named from the engine's text table."""
    key = f"metric.{metric}"
    return Metric(metric, tr(key, "en"), tr(key, "zh"), kind, unit, dict(values))


def _plan_items(layer: Layer, targets: list[Target]) -> dict[str, int]:
    """Return the number of plan items (all targets but imported ones) scoped to each region."""
    counts = dict.fromkeys(layer.adcodes, 0)
    for m in join([t for t in targets if t.category != "user"], layer).matched:
        counts[m["region"]] += 1
    return counts


def _mapped_value(t: Target) -> bool:
    """Whether a target's value can colour its region.

    Rows of a planner's sheet can (one region each); so can a number a stored plan document
    gives for one city or county (``杭州市智能算力达到20EFlops``). A number several regions
    share (``宁波市、舟山市建设登陆站2个``) belongs to none of them alone, a province-wide
    one colours no region of a city or county map, and an achieved figure is not a target.
    """
    if t.value is None:
        return False
    if t.category == "user":
        return True
    one_region = t.scope != "province" and len(t.regions) == 1
    return t.source.startswith("plan-") and one_region and t.status == "planned"


def _user_metrics(codes: list[str], targets: list[Target]) -> list[Metric]:
    """Return one metric per imported (metric, unit), its values summed per region."""
    known = set(codes)
    user: dict[tuple[str, str], dict[str, float]] = {}
    for t in targets:
        if not _mapped_value(t):
            continue
        for code in t.regions:
            if code in known:
                bucket = user.setdefault((t.metric, t.unit), {})
                bucket[code] = bucket.get(code, 0.0) + float(t.value)
    metrics = []
    for (name, unit), values in sorted(user.items()):
        label = f"{name} ({unit})" if unit else name
        per_region = {c: values.get(c) for c in codes}
        metrics.append(Metric(f"user:{name}|{unit}", label, label, "numeric", unit, per_region))
    return metrics


def classify_metric(
    metric: Metric, scheme: str = "natural_breaks", k: int = 4, language: str = "zh"
) -> Classification:
    """Classify a metric for the map legend and the figures.

    Parameters
    ----------
    metric : Metric
    scheme : str
        Scheme for numeric metrics (see :data:`geodata.vocab.SCHEMES`).
    k : int
        Number of classes for numeric metrics.
    language : {"zh", "en"}
        Language of the category labels.

    Returns
    -------
    Classification
    """
    if metric.kind == "categorical":
        categories = [
            (cat, zh if language == "zh" else en, color) for cat, zh, en, color in ROLE_CATEGORIES
        ]
        return classify_categorical(metric.id, metric.values, categories, language)  # type: ignore[arg-type]
    return classify_numeric(metric.id, metric.values, scheme, k, language)  # type: ignore[arg-type]
