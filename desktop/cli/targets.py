"""``infra-atlas targets``: list the plan targets with their quotes (visible stored plans too)."""

from __future__ import annotations

import argparse

from desktop.cli.common import print_json, province_help, region_code


def cmd_targets(args: argparse.Namespace) -> int:
    """List plan targets, optionally of one province or region."""
    from geodata.atlas import AtlasData
    from geodata.plan.targets import filter_targets
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province) if args.province else None
    region = region_code(args.region) if args.region else None
    targets = filter_targets(AtlasData().targets, province=province)
    if region:
        targets = [
            t
            for t in targets
            if region in t.regions or (t.scope == "province" and t.province == region[:2] + "0000")
        ]
    if args.json:
        print_json(
            {"province": province, "region": region, "targets": [t.to_dict() for t in targets]}
        )
        return 0
    for t in targets:
        value = t.display_value() or "(named project)"
        print(f"{t.id:7} {t.scope:9} {t.category:12} {t.metric}: {value} [{t.year}, {t.status}]")
    print(f"{len(targets)} targets")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``targets`` to the subparsers ``sub``."""
    targets = sub.add_parser("targets", help="list plan targets with their quotes")
    targets.add_argument("--province", help=province_help())
    targets.add_argument("--region", metavar="ADCODE", help="targets that apply to this region")
    targets.add_argument("--json", action="store_true", help="print one JSON object")
    targets.set_defaults(func=cmd_targets)
