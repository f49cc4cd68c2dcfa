"""What ``infra-atlas export`` writes: one job per figure or region report, checked, then written.

A job comes from the command line or from a row of a ``--from`` CSV; both are checked the same
way (:func:`make_job`, then :func:`check_job` against the loaded layers) before anything is
written (:func:`write_job`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import UsageError, region_code
from geodata.vocab import LANGUAGES, LEVELS, NATIONAL, ORIENTATIONS, PAGES_MM

if TYPE_CHECKING:
    from geodata.atlas import AtlasData

#: What ``--province`` accepts for China (case-insensitive): the national figure.
NATIONAL_NAMES = frozenset({"china", "全国", "中国", "both", "national", "100000"})


@dataclass(frozen=True)
class Job:
    """One file to write.

    Attributes
    ----------
    province : str
        A province's adcode, or :data:`geodata.vocab.NATIONAL` for China.
    level : str
        The layer drawn (for a region, the region's level).
    out : Path
        The file: .png, .svg or .pdf (a region with .pdf: the region's report).
    metric : str or None
        None: the layer's default (:meth:`geodata.atlas.AtlasData.default_metric`).
    region : str or None
        A city or county to outline, or whose report to write.
    page, orientation, language : str
    dpi : int
    approval, disclaimer : str
        Printed under a national figure only.
    """

    province: str
    level: str
    out: Path
    metric: str | None = None
    region: str | None = None
    page: str = "A4"
    orientation: str = "landscape"
    language: str = "zh"
    dpi: int = 300
    approval: str = ""
    disclaimer: str = ""

    @property
    def report(self) -> bool:
        """Whether the job writes a region's report (a region and a .pdf file)."""
        return self.region is not None and self.out.suffix.lower() == ".pdf"

    def ignored(self) -> list[str]:
        """Return the fields given that the job does not use (approval, disclaimer off China)."""
        if self.province == NATIONAL:
            return []
        return [n for n, v in (("approval", self.approval), ("disclaimer", self.disclaimer)) if v]


def province_choice(value: str) -> str:
    """Return the adcode ``--province`` names, or :data:`geodata.vocab.NATIONAL` for China.

    Raises
    ------
    InputError
        For a name that is no province (the message says what to give).
    """
    from geodata.regions.catalogue import resolve_province

    if value.strip().lower() in NATIONAL_NAMES:
        return NATIONAL
    return resolve_province(value)


def make_job(fields: Mapping[str, str], force: bool, name: Callable[[str], str]) -> Job:
    """Return the job a command line or CSV row describes, its values checked.

    Parameters
    ----------
    fields : mapping of str to str
        ``province`` and ``out``; ``metric``, ``level``, ``region``, ``page``, ``orientation``,
        ``lang``, ``dpi``, ``approval``, ``disclaimer`` when given (empty: the default).
    force : bool
        Whether an existing ``out`` may be replaced.
    name : callable
        How a message names a field (``"--region"`` on the command line, ``"region"`` in a CSV).

    Raises
    ------
    UsageError, InputError
        Naming the first problem.
    """
    from geodata.errors import InputError
    from geodata.printing.output import check_dpi, check_output

    province = province_choice(fields["province"])
    try:
        out = check_output(fields["out"], force=force)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    region = _region(fields.get("region") or "", province, name)
    level = _level(fields.get("level") or "", province, region, name)
    return Job(
        province=province,
        level=level,
        out=out,
        metric=fields.get("metric") or None,
        region=region,
        page=_choice(fields.get("page") or "A4", tuple(PAGES_MM), name("page"), str.upper),
        orientation=_choice(
            fields.get("orientation") or "landscape", ORIENTATIONS, name("orientation")
        ),
        language=_choice(fields.get("lang") or "zh", LANGUAGES, name("lang")),
        dpi=check_dpi(fields.get("dpi") or "300"),
        approval=fields.get("approval") or "",
        disclaimer=fields.get("disclaimer") or "",
    )


def _choice(value: str, choices: tuple[str, ...], label: str, norm: Callable = str.lower) -> str:
    """Return ``value`` (normalised) if it is one of ``choices``; raise UsageError otherwise."""
    found = norm(value.strip())
    if found not in choices:
        raise UsageError(f"{label} {value!r} is not one of {', '.join(choices)}")
    return found


def _region(value: str, province: str, name: Callable[[str], str]) -> str | None:
    """Return the adcode of a region of ``province`` (None for none)."""
    from geodata.regions.catalogue import region

    if not value.strip():
        return None
    if province == NATIONAL:
        raise UsageError(
            f"{name('region')} cannot be used with a national figure: give the region's "
            "province instead of china"
        )
    adcode = region_code(value)
    known = region(adcode)
    if known is None or adcode[:2] != province[:2] or adcode == province:
        raise UsageError(
            f"{name('region')} {adcode} is not a city or county of province {province}: "
            "run infra-atlas targets --province ... --json to see its regions"
        )
    return adcode


def _level(value: str, province: str, region: str | None, name: Callable[[str], str]) -> str:
    """Return the level to draw: the one given, else the region's, else city (China: province)."""
    from geodata.regions.catalogue import region as catalogue_region

    if value.strip():
        level = _choice(value, LEVELS, name("level"))
    elif region is not None:
        known = catalogue_region(region)
        level = known.level if known is not None and known.level == "county" else "city"
    else:
        level = "province" if province == NATIONAL else "city"
    if level == "province" and province != NATIONAL:
        raise UsageError(
            f"{name('level')} province draws China's provinces: give {name('province')} china "
            "for a national figure, or city or county for a province"
        )
    return level


def check_job(data: AtlasData, job: Job) -> None:
    """Check what needs the loaded layers: the region is in the layer, the metric exists.

    Raises
    ------
    UsageError, InputError
        Naming the problem.
    """
    if job.region is not None and job.region not in data.layer(job.province, job.level).adcodes:
        raise UsageError(
            f"region {job.region} is not in the {job.level} boundaries of {job.province}"
        )
    if job.metric:
        check_metric(data, job.province, job.level, job.metric)


def check_metric(data: AtlasData, province: str, level: str, metric: str) -> None:
    """Raise InputError (listing the metrics there are) when the layer has no metric ``metric``."""
    from geodata.errors import InputError
    from geodata.plan.metrics import find_metric

    metrics = data.metrics(province, level)
    if find_metric(metrics, metric) is None:
        raise InputError(
            f"unknown metric {metric!r} for this layer: use one of "
            f"{', '.join(m.id for m in metrics)}"
        )


def write_job(data: AtlasData, job: Job) -> str:
    """Write a job's file; return the line that says so (``wrote PATH``)."""
    if job.report:
        path = data.region_report(
            job.region, job.out, province=job.province, level=job.level, language=job.language
        )
        return f"wrote {path} (region report of {job.region})"
    from geodata.drawing import MapOptions
    from geodata.printing.output import save_figure

    metric = job.metric or data.default_metric(job.province, job.level)
    options = MapOptions(metric=metric, selected=job.region, language=job.language)
    extra = {}
    if job.province == NATIONAL:
        extra = {"approval": job.approval, "disclaimer": job.disclaimer}
    fig = data.figure(job.province, job.level, options, job.page, job.orientation, **extra)
    return f"wrote {save_figure(fig, job.out, job.dpi)}"
