"""The metrics a region layer can be coloured by.

Defaults: the city's role in its province's urban layout (categorical, where the seed data has
roles), the number of plan items scoped to each region, the corridor length inside each region
(km), and every metric the user imported per region (summed per region when a sheet has several
rows for one region). Their names are in the engine's text table (:mod:`geodata.i18n`).

Progress against a target (:mod:`geodata.plan.progress`): for each target with a number and
achieved figures ("observations") in the regions of the layer, ``progress:<ID>`` (the share of
the target reached, %) and ``status:<ID>`` (achieved, on track, behind, no data).

* **Families**: the targets of one plan (same source), metric, unit and year, one region each
  (a plan giving every city its own number), make one pair of metrics, named after the first
  of them: the map shows every city of the plan against its own number. The other members'
  ids are the metric's :attr:`Metric.aliases` (``--metric progress:<any member>`` finds it).
* **Province-wide targets**: in the national view the province is coloured by its figure. In
  the province's own city or county map, the regions are coloured only by figures linked to
  the target for them (their share of the province's target); without any, nothing is
  coloured and the metric's note (legend and figure subtitle) gives the province's figure.
* **Classes**: the share is classed with fixed bounds, below 50%, 50-80%, 80-100%, 100% and
  more (red to green, the status colours), not by the scheme asked: the same colour means the
  same share on every map and date. The legend's note gives the date of the figures shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from geodata.errors import InputError
from geodata.i18n import tr
from geodata.layer import Layer
from geodata.plan.classify import (
    Classification,
    classify_categorical,
    classify_fixed,
    classify_numeric,
)
from geodata.plan.corridors import Crossing, length_by_region
from geodata.plan.join import join
from geodata.plan.observations import Observation
from geodata.plan.progress import STATUSES, Progress, linked, progress_for
from geodata.plan.roles import roles_for_level
from geodata.plan.targets import Target

#: The roles of the urban layout, largest first: ``(role, Chinese, English, colour)``.
ROLE_CATEGORIES = tuple(
    (role, tr(f"role.{role}", "zh"), tr(f"role.{role}", "en"), color)
    for role, color in (("master", "#b2182b"), ("assistant", "#ef8a62"), ("centre", "#fddbc7"))
)
#: Fixed colours of the progress statuses (:data:`geodata.plan.progress.STATUSES`).
STATUS_COLORS = {
    "achieved": "#1a9850",
    "on track": "#91cf60",
    "behind": "#fc8d59",
    "no data": "#969696",
}
#: The statuses as categories: ``(status, Chinese, English, colour)``, in legend order.
STATUS_CATEGORIES = tuple(
    (s, tr(f"status.{s.replace(' ', '_')}", "zh"), tr(f"status.{s.replace(' ', '_')}", "en"), c)
    for s, c in ((s, STATUS_COLORS[s]) for s in STATUSES)
)
#: Fixed classes of the share of a target reached (%): bounds, and colours lowest first.
PERCENT_BREAKS = (50.0, 80.0, 100.0)
PERCENT_COLORS = ("#d73027", "#fc8d59", "#91cf60", "#1a9850")


@dataclass
class Metric:
    """Values of one metric per region of a layer.

    Attributes
    ----------
    id : str
        ``role``, ``plan_items``, ``corridor_km``, ``user:<metric>|<unit>``,
        ``progress:<target id>`` or ``status:<target id>``.
    label_en, label_zh : str
        Names for the legend and the metric menu.
    kind : str
        ``"numeric"`` or ``"categorical"``.
    unit : str
        Unit of the values.
    values : dict
        Adcode -> value (a number, a category id, or None).
    categories : tuple
        A categorical metric's ``(category id, Chinese, English, colour)`` in legend order
        (empty: the city roles, :data:`ROLE_CATEGORIES`).
    breaks, colors : tuple
        Fixed class bounds of a numeric metric and one colour per class (empty: classed by
        the scheme asked).
    dates : dict
        Adcode -> ISO date of the figure behind the value (progress metrics).
    notes : dict
        Language -> a line the legend and the figure's subtitle add (``{}`` when none).
    aliases : tuple of str
        Other ids that name this metric (the other targets of a family).
    """

    id: str
    label_en: str
    label_zh: str
    kind: str
    unit: str = ""
    values: dict[str, object] = field(default_factory=dict)
    categories: tuple[tuple[str, str, str, str], ...] = ()
    breaks: tuple[float, ...] = ()
    colors: tuple[str, ...] = ()
    dates: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    def label(self, language: str = "zh") -> str:
        """Return the metric's name in ``"zh"`` or ``"en"``."""
        return self.label_zh if language == "zh" else self.label_en

    def display(self, adcode: str, language: str = "zh") -> str:
        """Return a region's value as text for a tooltip (``""`` when it has none)."""
        value = self.values.get(adcode)
        if value is None:
            return ""
        if self.kind == "categorical":
            for cat, zh, en, _ in self.categories or ROLE_CATEGORIES:
                if cat == value:
                    return zh if language == "zh" else en
            return str(value)
        number = float(value)
        text = f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"
        return text + self.unit if self.unit == "%" else f"{text} {self.unit}".strip()

    def named(self, wanted: str) -> bool:
        """Return whether ``wanted`` is this metric's id or one of its aliases."""
        return wanted == self.id or wanted in self.aliases

    def note(self, language: str = "zh") -> str:
        """Return the legend's note: the date of the figures shown and the metric's own note.

        A metric with a note and no value for any region (a province-wide target without
        figures of its regions) says that no region is coloured.
        """
        parts = [data_dates(self.dates.values(), language), self.notes.get(language, "")]
        if self.notes and all(v is None for v in self.values.values()):
            parts.append(tr("progress.wide_only", language))
        return ("；" if language == "zh" else "; ").join(p for p in parts if p)


def data_dates(dates: Iterable[str], language: str = "zh") -> str:
    """Return ``data as of 2023-11-30`` (or ``data from <first> to <last>``), ``""`` for none."""
    known = sorted({d for d in dates if d})
    if not known:
        return ""
    if len(known) == 1:
        return tr("progress.as_of", language, date=known[0])
    return tr("progress.dates", language, first=known[0], last=known[-1])


def find_metric(metrics: Iterable[Metric], wanted: str) -> Metric | None:
    """Return the metric with id (or alias) ``wanted``, or None."""
    return next((m for m in metrics if m.named(wanted)), None)


def available_metrics(
    layer: Layer,
    targets: Iterable[Target],
    crossings: Iterable[Crossing] = (),
    observations: Iterable[Observation] = (),
    today: str | None = None,
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
    observations : iterable of Observation
        Achieved figures (for the progress metrics).
    today : str, optional
        ISO date the statuses are judged on (today by default): after a target's year, an
        unreached target is behind.

    Returns
    -------
    list of Metric
        ``plan_items`` always; ``role`` when a region of the layer has a role; ``corridor_km``
        when a corridor crosses the layer; one per imported metric with values in the layer;
        ``progress:<ID>`` and ``status:<ID>`` per target (or family) with figures for the
        layer (see the module's notes).
    """
    targets = list(targets)
    crossings = list(crossings)
    codes = layer.adcodes
    roles = roles_for_level(layer.level)
    metrics: list[Metric] = []
    if any(code in roles for code in codes):
        values = {c: (roles[c].role if c in roles else None) for c in codes}
        metrics.append(_named_metric("role", "categorical", "", values))
        if layer.level == "county":  # the roles of the cities' districts (seeds/roles.yaml)
            metrics[-1].notes = {lang: tr("role.county_note", lang) for lang in ("zh", "en")}
    metrics.append(_named_metric("plan_items", "numeric", "items", _plan_items(layer, targets)))
    if crossings:
        lengths = length_by_region(crossings)
        values = {c: round(lengths.get(c, 0.0), 1) for c in codes}
        metrics.append(_named_metric("corridor_km", "numeric", "km", values))
    metrics += _user_metrics(codes, targets)
    return metrics + progress_metrics(layer, targets, observations, today)


def _named_metric(metric: str, kind: str, unit: str, values: Mapping[str, object]) -> Metric:
    """Return a built-in metric, named from the engine's text table."""
    key = f"metric.{metric}"
    categories = ROLE_CATEGORIES if metric == "role" else ()
    return Metric(metric, tr(key, "en"), tr(key, "zh"), kind, unit, dict(values), categories)


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


def target_families(targets: Iterable[Target]) -> list[tuple[Target, ...]]:
    """Group targets into families: one plan's number per region for the same metric and year.

    The members of a family share the source (one plan), province, scope, metric, unit and
    year, and each has one region of its own (``scope`` cities or counties); a province-wide
    or several-region target is a family of one, and so is every member of a group where two
    targets name the same region. Families keep the targets' order.
    """
    groups: dict[tuple[str, ...], list[Target]] = {}
    for t in targets:
        if t.scope == "province" or len(t.regions) != 1:
            key: tuple[str, ...] = ("one", t.id)
        else:
            key = ("family", t.source, t.province, t.scope, t.metric, t.unit, t.year)
        groups.setdefault(key, []).append(t)
    families: list[tuple[Target, ...]] = []
    for members in groups.values():
        regions = [r for t in members for r in t.regions]
        if len(regions) == len(set(regions)):
            families.append(tuple(members))
        else:
            families += [(t,) for t in members]
    return families


@dataclass
class _Shown:
    """What a progress map shows: each region's progress, and the province's own one."""

    regions: dict[str, Progress]
    wide: Progress | None = None


def progress_metrics(
    layer: Layer,
    targets: Iterable[Target],
    observations: Iterable[Observation],
    today: str | None = None,
) -> list[Metric]:
    """Return ``progress:<ID>`` and ``status:<ID>`` per target family with figures to show.

    Parameters
    ----------
    layer : Layer
    targets : iterable of Target
        Only those with a number are followed.
    observations : iterable of Observation
        Achieved figures, linked to targets by :func:`geodata.plan.progress.linked`.
    today : str, optional
        ISO date the statuses are judged on (today by default).

    Returns
    -------
    list of Metric
        A pair per family (see :func:`target_families`) with an achieved figure in a region
        of the layer, or a province-wide target of the layer's province with a figure for the
        province; a family whose figures cannot be read (a unit that does not convert) is left
        out.
    """
    observations = list(observations)
    if not observations:
        return []
    today = dt.date.today().isoformat() if today is None else today
    metrics: list[Metric] = []
    for family in target_families(t for t in targets if t.value is not None):
        shown = _family_progress(family, observations, layer, today)
        if shown is not None:
            metrics += _progress_pair(family, shown, layer.adcodes)
    return metrics


def _family_progress(
    family: tuple[Target, ...], observations: list[Observation], layer: Layer, today: str
) -> _Shown | None:
    """Return the progress a family's map shows, or None when it has no figure to show."""
    known = set(layer.adcodes)
    shown = _Shown({})
    try:
        for t in family:
            groups = linked(t, observations)
            for r in dict.fromkeys((*t.regions, *groups)):
                if r in known:
                    shown.regions[r] = progress_for(t, r, groups.get(r, []), today)
            wide = t.scope == "province" and t.province == layer.province
            if wide and t.province not in known and t.province in groups:
                shown.wide = progress_for(t, t.province, groups[t.province], today)
    except InputError:  # a figure whose unit does not convert or whose date is not a date
        return None
    if any(p.value is not None for p in shown.regions.values()):
        return shown
    return shown if shown.wide is not None and shown.wide.value is not None else None


def _progress_pair(family: tuple[Target, ...], shown: _Shown, codes: list[str]) -> list[Metric]:
    """Return the ``progress:`` and ``status:`` metrics of a family."""
    first = family[0]
    ids = {
        lang: first.id
        if len(family) == 1
        else tr("metric.family", lang, id=first.id, n=len(family), more=len(family) - 1)
        for lang in ("zh", "en")
    }
    dates = {r: p.date for r, p in shown.regions.items() if p.date}
    notes: dict[str, str] = {}
    if shown.wide is not None:
        dates[shown.wide.region] = shown.wide.date
        notes = {lang: _wide_note(shown.wide, lang) for lang in ("zh", "en")}
    label = {
        (kind, lang): tr(f"metric.{kind}", lang, metric=first.metric, ids=ids[lang])
        for kind in ("progress", "status")
        for lang in ("zh", "en")
    }
    percent = {c: (shown.regions[c].percent if c in shown.regions else None) for c in codes}
    status = {c: (shown.regions[c].status if c in shown.regions else None) for c in codes}
    return [
        Metric(
            f"progress:{first.id}", label["progress", "en"], label["progress", "zh"], "numeric",
            "%", dict(percent), breaks=PERCENT_BREAKS, colors=PERCENT_COLORS, dates=dict(dates),
            notes=dict(notes), aliases=tuple(f"progress:{t.id}" for t in family[1:]),
        ),
        Metric(
            f"status:{first.id}", label["status", "en"], label["status", "zh"], "categorical",
            "", dict(status), categories=STATUS_CATEGORIES, dates=dict(dates), notes=dict(notes),
            aliases=tuple(f"status:{t.id}" for t in family[1:]),
        ),
    ]  # fmt: skip


def percent_text(percent: float | None) -> str:
    """Return a share of a target as text: ``77.8%`` (``–`` when there is none)."""
    if percent is None:
        return "–"
    return f"{percent:,.0f}%" if float(percent).is_integer() else f"{percent:,.1f}%"


def status_label(status: str, language: str = "zh") -> str:
    """Return a progress status (:data:`geodata.plan.progress.STATUSES`) in a language."""
    return tr(f"status.{status.replace(' ', '_')}", language)


def _wide_note(p: Progress, language: str) -> str:
    """Return the note of a province-wide target: the province's share, status and date."""
    from geodata.regions.catalogue import region
    from geodata.regions.names import PROVINCE_EN

    known = region(p.region)
    place = known.name_zh if known else p.region
    if language != "zh":
        place = PROVINCE_EN.get(p.region) or (known.name_en if known else p.region)
    percent, status = percent_text(p.percent), status_label(p.status, language)
    return tr("progress.wide", language, place=place, percent=percent, status=status, date=p.date)


def classify_metric(
    metric: Metric, scheme: str = "natural_breaks", k: int = 4, language: str = "zh"
) -> Classification:
    """Classify a metric for the map legend and the figures.

    Parameters
    ----------
    metric : Metric
        A categorical metric is coloured by its own categories (the city roles by default), a
        numeric one with fixed breaks by those (the scheme and ``k`` are then not used).
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
            (cat, zh if language == "zh" else en, color)
            for cat, zh, en, color in metric.categories or ROLE_CATEGORIES
        ]
        return classify_categorical(metric.id, metric.values, categories, language)  # type: ignore[arg-type]
    if metric.breaks:
        values = metric.values
        return classify_fixed(
            metric.id, values, metric.breaks, metric.colors, metric.unit, language
        )  # type: ignore[arg-type]
    return classify_numeric(metric.id, metric.values, scheme, k, language)  # type: ignore[arg-type]


def default_metric(metrics: Iterable[Metric], preferred: str = "plan_items") -> str:
    """Return the id of the metric a figure shows when none is asked for.

    The layer's own overlay comes first: the city roles where the layer has roles, else the
    corridor length where corridors cross it; then ``preferred`` (the province profile's
    ``default_metric``, :mod:`geodata.plan.provinces`); then the first metric of ``metrics``.
    Each is taken only when its regions fall in at least two classes of
    :func:`classify_metric` (a map of one colour says nothing); ``plan_items`` when none does.

    Parameters
    ----------
    metrics : iterable of Metric
        The metrics of the layer (:func:`available_metrics`), in their order.
    preferred : str
        A metric id or alias.

    Returns
    -------
    str
    """
    metrics = list(metrics)
    for wanted in dict.fromkeys(("role", "corridor_km", preferred, *(m.id for m in metrics))):
        found = find_metric(metrics, wanted)
        if found is not None and _classes_shown(found) >= 2:
            return found.id
    return "plan_items"


def _classes_shown(metric: Metric) -> int:
    """Return how many classes (legend entries other than no data) the regions fall in."""
    try:
        classification = classify_metric(metric)
    except InputError:
        return 0
    return len({i for i in classification.class_of.values() if i >= 0})
