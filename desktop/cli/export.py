"""``infra-atlas export``: print figures and region reports from the command line.

::

    infra-atlas export --province P [--metric ID] [--region ADCODE] --out FILE.png|.svg|.pdf
            [--dpi N] [--page A4|A3] [--orientation landscape|portrait] [--force]

Without ``--region`` it writes a figure of the province's cities coloured by the metric. With
``--region`` and a ``.pdf`` file it writes the region's one-page report; with ``--region`` and a
``.png`` or ``.svg`` file it writes the province figure with that region outlined in red. An
existing file is kept unless ``--force`` is given. Labels are in Chinese (the planners' language).

Progress against a target: ``--metric progress:<ID>`` (share of the target reached, fixed
classes) and ``--metric status:<ID>`` (achieved, on track, behind) once achieved figures are
stored; the legend gives the date of the figures. For a province-wide target, a city figure
colours only the cities with figures of their own, and the subtitle gives the province's share.
A region report lists the region's progress when figures are stored.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.common import UsageError, province_help, region_code
from geodata.vocab import ORIENTATIONS, PAGES_MM

if TYPE_CHECKING:
    from geodata.atlas import AtlasData

EXPORT_EPILOG = (
    "With --region, a .pdf file is the region's one-page report (map inset, role, targets with "
    "their quotes, corridors); a .png or .svg file is the province figure with the region "
    "outlined. Scripting a report's figures: run it once per province and metric. With achieved "
    "figures stored, --metric progress:<TARGET ID> colours the share of the target reached and "
    "--metric status:<TARGET ID> the status (achieved, on track, behind)."
)


def cmd_export(args: argparse.Namespace) -> int:
    """Write a figure (PNG/SVG/PDF) or a region report (PDF)."""
    from geodata.drawing import MapOptions
    from geodata.errors import InputError
    from geodata.printing.output import check_dpi, check_output, save_figure
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province)
    try:
        out = check_output(args.out, force=args.force)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    dpi = check_dpi(args.dpi)
    adcode, level = _region_and_level(args.region, province) if args.region else (None, "city")

    from geodata.atlas import AtlasData

    data = AtlasData()
    if adcode is not None and adcode not in data.layer(province, level).adcodes:
        raise UsageError(f"--region {adcode} is not in the {level} boundaries of {province}")
    if adcode is not None and out.suffix.lower() == ".pdf":
        if args.metric:
            _check_metric(data, province, level, args.metric)
        path = data.region_report(adcode, out, province=province, level=level)
        print(f"wrote {path} (region report of {adcode})")
        return 0
    options = MapOptions(metric=args.metric or "plan_items", selected=adcode)
    fig = data.figure(province, level, options, args.page, args.orientation)
    path = save_figure(fig, out, dpi)
    print(f"wrote {path}")
    return 0


def _region_and_level(value: str, province: str) -> tuple[str, str]:
    """Return the adcode of ``--region`` and the level to draw it at (a city or county)."""
    from geodata.regions.catalogue import region

    adcode = region_code(value)
    known = region(adcode)
    if known is None or adcode[:2] != province[:2] or adcode == province:
        raise UsageError(
            f"--region {adcode} is not a city or county of province {province}: "
            "run infra-atlas targets --province ... --json to see its regions"
        )
    return adcode, known.level if known.level in ("city", "county") else "city"


def _check_metric(data: AtlasData, province: str, level: str, metric: str) -> None:
    """Raise InputError (listing the metrics there are) when the layer has no metric ``metric``."""
    from geodata.printing.figure import figure_metric

    layer = data.layer(province, level)
    observations = getattr(data, "observations", ())
    figure_metric(layer, data.targets, data.crossings(province, level), metric, observations)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``export`` to the subparsers ``sub``."""
    export = sub.add_parser(
        "export",
        help="write a print figure (PNG/SVG/PDF) or a one-page region report (PDF)",
        epilog=EXPORT_EPILOG,
    )
    export.add_argument("--province", required=True, help=province_help())
    export.add_argument(
        "--metric",
        metavar="ID",
        help="the choropleth metric (default: plan_items; progress:ID and status:ID follow a "
        "target against its achieved figures)",
    )
    export.add_argument(
        "--region",
        metavar="ADCODE",
        help="a city: .pdf writes its report, .png/.svg outline it on the province figure",
    )
    export.add_argument(
        "--out", required=True, metavar="FILE", help="the file to write: .png, .svg or .pdf"
    )
    export.add_argument("--dpi", default="300", metavar="N", help="PNG resolution (default 300)")
    export.add_argument("--page", choices=tuple(PAGES_MM), default="A4", help="paper size")
    export.add_argument("--orientation", choices=ORIENTATIONS, default="landscape")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(func=cmd_export)
