"""``infra-atlas import-observations`` and ``infra-atlas progress``: achieved figures."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import print_json, province_help, region_code
from geodata.errors import InputError


def cmd_import_observations(args: argparse.Namespace) -> int:
    """Store a sheet of achieved figures as a plan: all rows or, on any error, none."""
    from geodata.atlas import AtlasData

    result = AtlasData().import_observations(args.file)
    stored = _stored_plan(result)
    if result.errors:
        if args.json:
            print_json({**result.to_dict(), "stored": None})
        for line, error in result.errors:
            sys.stderr.write(f"line {line}: {error}\n")
        rows = len({line for line, _ in result.errors})
        raise InputError(
            f"{_count(rows, 'row')} of {result.source} {'has' if rows == 1 else 'have'} errors "
            "(listed above by line): nothing was stored; fix them and import the sheet again"
        )
    if args.json:
        print_json({**result.to_dict(), "stored": stored})
        return 0
    print(
        f"stored {_count(len(result.observations), 'figure')} as plan {stored} from "
        f"{result.source}; "
        f"'infra-atlas progress' compares them with the targets, "
        f"'infra-atlas plans --hide {stored}' hides them"
    )
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _stored_plan(result) -> int | None:
    """Return the plan number the figures were stored as (from their ``plan-{n}`` source)."""
    from geodata.plan.store import plan_number

    return plan_number(result.observations[0].source) if result.observations else None


def cmd_progress(args: argparse.Namespace) -> int:
    """Print the progress of the targets in view: latest figure, percent reached, status."""
    from geodata.atlas import AtlasData
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province) if args.province else None
    region = region_code(args.region) if args.region else None
    rows = [p.to_dict() for p in AtlasData().progress(province=province, region=region)]
    if args.json:
        print_json({"province": province, "region": region, "progress": rows})
        return 0
    _print_progress(rows)
    return 0


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _print_progress(rows: list[dict]) -> None:
    """Print the progress rows as a table, one a line."""
    print(
        f"{'target':8} {'region':6}  {'value':>24}  {'date':10}  {'percent':>7}  {'status':8}  "
        "baseline"
    )
    for p in rows:
        value = f"{_number(p['value'])} {p['unit']}" if p["value"] is not None else "-"
        percent = f"{p['percent']:.1f}%" if p["percent"] is not None else "-"
        base = p["baseline"]
        baseline = f"{_number(base['value'])} ({base['date']}, {base['kind']})" if base else "-"
        print(
            f"{p['target']:8} {p['region']:6}  {value:>24}  {p['date'] or '-':10}  "
            f"{percent:>7}  {p['status']:8}  {baseline}"
        )
    with_data = sum(1 for p in rows if p["value"] is not None)
    print(f"{len(rows)} targets by region, {with_data} with an achieved figure")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``import-observations`` and ``progress`` to the subparsers ``sub``."""
    sheet = sub.add_parser(
        "import-observations",
        help="store a CSV or Excel sheet of achieved figures as a plan (all rows or none)",
    )
    sheet.add_argument(
        "file",
        metavar="FILE",
        help="a .csv or .xlsx sheet: region, target (or metric), date, value, unit, source, role",
    )
    sheet.add_argument("--json", action="store_true", help="print one JSON object")
    sheet.set_defaults(func=cmd_import_observations)
    progress = sub.add_parser(
        "progress", help="compare the latest achieved figures with the targets"
    )
    progress.add_argument("--province", help=province_help())
    progress.add_argument("--region", metavar="ADCODE", help="the rows of this region")
    progress.add_argument("--json", action="store_true", help="print one JSON object")
    progress.set_defaults(func=cmd_progress)
