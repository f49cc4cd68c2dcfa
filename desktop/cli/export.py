"""``infra-atlas export``: print figures and region reports from the command line.

::

    infra-atlas export --province P [--level L] [--metric ID] [--region ADCODE] [--lang zh|en]
            --out FILE.png|.svg|.pdf [--dpi N] [--page A4|A3] [--orientation landscape|portrait]
            [--approval TEXT] [--disclaimer TEXT] [--force]
    infra-atlas export --from FIGURES.csv [the same options, as defaults of the rows] [--force]

Without ``--region`` it writes a figure of the province's cities (``--level county``: its
counties) coloured by the metric; ``--province china`` writes a national figure (China's
provinces, or ``--level city`` / ``county``), with ``--approval`` (the map approval number, 审图号)
and ``--disclaimer`` printed under it. Without ``--metric`` the figure shows the layer's default
(:meth:`geodata.atlas.AtlasData.default_metric`): the city roles or the corridor length where the
province has them, else the province's default map, else the first metric of two classes or more,
else plan items. With ``--region`` and a ``.pdf`` file it writes the region's report; with
``--region`` and a ``.png`` or ``.svg`` file it writes the province figure with that region
outlined in red. ``--lang en`` writes figures and reports in English. An existing file is kept
unless ``--force`` is given.

``--from FIGURES.csv`` writes many files in one run (:mod:`desktop.cli.export_batch`): every row
is checked before anything is written.

Progress against a target: ``--metric progress:<ID>`` (share of the target reached, fixed
classes) and ``--metric status:<ID>`` (achieved, on track, behind) once achieved figures are
stored; the legend gives the date of the figures. For a province-wide target, a city figure
colours only the cities with figures of their own, and the subtitle gives the province's share.
A region report lists the region's progress when figures are stored.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import UsageError, province_help
from geodata.vocab import LANGUAGES, LEVELS, ORIENTATIONS, PAGES_MM

EXPORT_EPILOG = (
    "With --region, a .pdf file is the region's report (map inset, role, targets with their "
    "quotes, corridors); a .png or .svg file is the province figure with the region outlined. "
    "--province china (or 全国) writes a national figure. A report's figures in one run: --from "
    "FIGURES.csv with columns province and out (required) and metric, level, region, page, "
    "orientation, lang, dpi, approval, disclaimer (optional; empty cells take the command "
    "line's options); out paths are relative to the CSV's folder; every row is checked before "
    "anything is written. With achieved figures stored, --metric progress:<TARGET ID> colours "
    "the share of the target reached and --metric status:<TARGET ID> the status (achieved, on "
    "track, behind)."
)
METRIC_HELP = (
    "the choropleth metric (default: the province's own layer, role where it has city roles or "
    "corridor_km where corridors cross it, else the province's default map in "
    "seeds/manifest.yaml, else the first metric of two classes or more, else plan_items; "
    "progress:ID and status:ID follow a target against its achieved figures)"
)
#: The options a ``--from`` row may set (its columns besides ``province`` and ``out``).
ROW_OPTIONS = ("metric", "level", "page", "orientation", "lang", "dpi", "approval", "disclaimer")


def cmd_export(args: argparse.Namespace) -> int:
    """Write a figure (PNG/SVG/PDF) or a region report (PDF), or every row of ``--from``."""
    if args.from_csv:
        from desktop.cli.export_batch import run_batch

        if args.province or args.region:
            raise UsageError(
                "--province and --region are columns of the --from CSV: leave them out"
            )
        return run_batch(args.from_csv, option_defaults(args), args.force)
    from desktop.cli.export_jobs import check_job, make_job, write_job

    if not args.province:
        raise UsageError(
            "the following arguments are required: --province (see infra-atlas export --help)"
        )
    fields = {**option_defaults(args), "province": args.province, "out": args.out}
    job = make_job({**fields, "region": args.region or ""}, args.force, lambda key: f"--{key}")
    note_ignored(job.ignored())
    from geodata.atlas import AtlasData

    data = AtlasData()
    check_job(data, job)
    print(write_job(data, job))
    return 0


def option_defaults(args: argparse.Namespace) -> dict[str, str]:
    """Return the row options the command line gives, as text (``dpi``: ``"300"``)."""
    values = {key: getattr(args, key, None) for key in ROW_OPTIONS}
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


def note_ignored(names: list[str]) -> None:
    """Say on stderr that options given are not used (approval and disclaimer off China)."""
    if names:
        given = " and ".join(f"--{n}" for n in names)
        verb = "are" if len(names) > 1 else "is"
        sys.stderr.write(
            f"note: {given} {verb} printed under a national figure only (--province china): "
            "ignored for a province\n"
        )


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``export`` to the subparsers ``sub``."""
    export = sub.add_parser(
        "export",
        help="write print figures (PNG/SVG/PDF) or region reports (PDF), one or a CSV of them",
        epilog=EXPORT_EPILOG,
    )
    export.add_argument("--province", help=province_help() + "; china (全国) for a national figure")
    export.add_argument(
        "--level",
        choices=LEVELS,
        help="the regions drawn (default: city for a province, province for china)",
    )
    export.add_argument("--metric", metavar="ID", help=METRIC_HELP)
    export.add_argument(
        "--region",
        metavar="ADCODE",
        help="a city or county: .pdf writes its report, .png/.svg outline it on the figure",
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE", help="the file to write: .png, .svg or .pdf")
    target.add_argument(
        "--from",
        dest="from_csv",
        metavar="FIGURES.csv",
        help="write every row of a CSV (columns province, out; see below)",
    )
    export.add_argument("--lang", choices=LANGUAGES, help="language of the text (default zh)")
    export.add_argument("--dpi", metavar="N", help="PNG resolution (default 300)")
    export.add_argument("--page", choices=tuple(PAGES_MM), help="paper size (default A4)")
    export.add_argument("--orientation", choices=ORIENTATIONS, help="default landscape")
    export.add_argument(
        "--approval", metavar="TEXT", help="map approval number (审图号) under a national figure"
    )
    export.add_argument(
        "--disclaimer", metavar="TEXT", help="a disclaimer line under a national figure"
    )
    export.add_argument("--force", action="store_true", help="overwrite files that exist")
    export.set_defaults(func=cmd_export)
