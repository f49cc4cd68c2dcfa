"""``infra-atlas join``: join the targets to a boundary layer and report what matched."""

from __future__ import annotations

import argparse
import math
from typing import Any

from desktop.cli.common import UsageError, print_json, province_examples, province_help


def cmd_join(args: argparse.Namespace) -> int:
    """Join the targets to a boundary layer and report the outcome."""
    from geodata.atlas import AtlasData
    from geodata.plan.join import join
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province) if args.province else None
    layer = _layer(args.boundaries, province)
    report = join(AtlasData().targets, layer)  # the bundled and the visible stored plans
    if args.json:
        out = finite(report.to_dict())
        out["warnings"] = out["warnings"] + [w for w in layer.warnings if w not in out["warnings"]]
        print_json(out)
        return 0
    _print_report(report, layer)
    return 0


def _layer(boundaries: str | None, province: str | None):
    """Return the layer of a boundary file, or the bundled cities of ``province``."""
    if boundaries:
        from geodata.boundaries.importer.inspect import read_boundary_file

        return read_boundary_file(boundaries, province=province)
    if province is None:
        raise UsageError(f"join needs --province ({province_examples()}) or --boundaries FILE")
    from geodata.boundaries.active import cities

    return cities(province)


def finite(value: Any) -> Any:
    """Return ``value`` with every NaN or infinite number replaced by None (strict JSON).

    A region of a user's file without a code or a name is read as NaN; JSON has no NaN.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def _print_report(report, layer) -> None:
    """Print a join report as text, one matched pair, corridor or problem a line."""
    print(f"{layer.source}: {report.regions} {layer.level} regions, province {report.province}")
    print(f"matched: {len(report.matched)} target-region pairs")
    for m in report.matched:
        print(f"  {m['target']:7} -> {m['region']} {m['name']}")
    for c in report.corridors:
        note = " (schematic)" if c.schematic else ""
        print(
            f"  corridor {c.corridor} crosses {c.adcode} {c.region_name}: "
            f"{c.length_km:.1f} km{note}"
        )
    print(f"unmatched targets: {len(report.unmatched_targets)}")
    for u in report.unmatched_targets:
        print(f"  {u['target']} wanted {u['wanted']}")
    print(f"ambiguous: {len(report.ambiguous)}")
    for a in report.ambiguous:
        print(f"  {a['target']} {a['wanted']!r} could be {', '.join(a['candidates'])}")
    print(f"regions without a city-scoped target: {len(report.unmatched_regions)}")
    for w in report.warnings + layer.warnings:
        print(f"warning: {w}")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``join`` to the subparsers ``sub``."""
    join = sub.add_parser("join", help="join targets to boundaries and report what matched")
    join.add_argument("--province", help=province_help())
    join.add_argument(
        "--boundaries", metavar="FILE", help="a boundary file instead of the bundled one"
    )
    join.add_argument("--json", action="store_true", help="print one JSON object")
    join.set_defaults(func=cmd_join)
