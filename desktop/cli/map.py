"""``infra-atlas map``: write a province's map as a standalone HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import UsageError, province_help


def cmd_map(args: argparse.Namespace) -> int:
    """Write a province's map as a standalone HTML page (assets next to it, no network)."""
    out = _checked_output(args.out, args.force)
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province)
    data = AtlasData()
    options = MapOptions(metric=args.metric or "plan_items")
    level = "city"
    if args.boundaries:
        from geodata.boundaries.importer.inspect import read_boundary_file

        layer = read_boundary_file(args.boundaries, province=province)
        data.use_layer(province, layer)
        level = layer.level
    path = data.write_map(out, province, level, options)
    print(f"wrote {path}")
    return 0


def _checked_output(value: str, force: bool) -> Path:
    """Return the HTML file to write, refusing a wrong suffix, a kept file or a missing folder."""
    out = Path(value)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--out {value!r} must end in .html")
    if out.exists() and not force:
        raise UsageError(f"{out} exists: choose another name or add --force to overwrite it")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist: create it first")
    return out


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``map`` to the subparsers ``sub``."""
    map_ = sub.add_parser("map", help="write the map of a province to a standalone HTML file")
    map_.add_argument("--province", required=True, help=province_help())
    map_.add_argument(
        "--boundaries", metavar="FILE", help="a boundary file instead of the bundled one"
    )
    map_.add_argument("--metric", metavar="ID", help="the choropleth metric (default: plan items)")
    map_.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    map_.add_argument("--force", action="store_true", help="overwrite FILE.html if it exists")
    map_.set_defaults(func=cmd_map)
