"""``infra-atlas export-gpkg``: the atlas as one GeoPackage for anyone with QGIS.

::

    infra-atlas export-gpkg --out FILE.gpkg [--province P ...] [--force] [--json]

Writes China's provinces, the cities and counties of the provinces asked (default: every
province with targets in view, and the featured ones), the targets in view, a polygon per target
and region, progress against the achieved figures, city roles, corridors and a README table,
all in EPSG:4326 (:func:`geodata.handoff.write_geopackage`). An existing file is kept unless
``--force`` is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import UsageError, print_json, province_help

EPILOG = (
    "Layers: provinces, cities, counties, target_regions, progress, roles (polygons), corridors "
    "(lines), targets and README (tables without geometry); all in EPSG:4326. Without "
    "--province the cities and counties of every province with targets in view are written, "
    "and those of the provinces the seed plans cover. Open the file in QGIS (Layer > Add Layer "
    "> Add Vector Layer)."
)


def cmd_export_gpkg(args: argparse.Namespace) -> int:
    """Write the GeoPackage; print one line, or one JSON object with ``--json``."""
    from geodata.handoff import check_gpkg_path, write_geopackage
    from geodata.regions.catalogue import resolve_province

    out = Path(args.out)
    if out.suffix.lower() != ".gpkg":
        raise UsageError(f"--out {out} is not a .gpkg file: give a name ending in .gpkg")
    if out.is_file() and not args.force:
        raise UsageError(f"{out} exists: choose another name or add --force to overwrite it")
    check_gpkg_path(out, force=True)  # the folder: missing or unwritable is an input error
    provinces = [resolve_province(p) for p in args.province] if args.province else None
    from geodata.atlas import AtlasData

    report = write_geopackage(AtlasData(), args.out, provinces)
    if args.json:
        print_json(report.to_dict())
        return 0
    print(f"wrote {report.path} ({report.summary()})")
    for warning in report.warnings:
        print(f"warning: {warning}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``export-gpkg`` to the subparsers ``sub``."""
    gpkg = sub.add_parser(
        "export-gpkg",
        help="write boundaries, targets, progress, roles and corridors as one GeoPackage",
        epilog=EPILOG,
    )
    gpkg.add_argument("--out", metavar="FILE.gpkg", required=True, help="the file to write")
    gpkg.add_argument(
        "--province",
        action="append",
        metavar="P",
        help=province_help() + "; repeat for more (default: those with targets in view)",
    )
    gpkg.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    gpkg.add_argument("--json", action="store_true", help="print one JSON object")
    gpkg.set_defaults(func=cmd_export_gpkg)
