"""``infra-atlas plans`` and ``infra-atlas import-targets``: the stored plan sets.

Plans hold targets (plan documents, target sheets) or achieved figures (a document's achieved
sentences, sheets of figures, figures typed in the window): ``plans`` lists both counts.
"""

from __future__ import annotations

import argparse

from desktop.cli.common import UsageError, print_json
from geodata.errors import InputError


def cmd_plans(args: argparse.Namespace) -> int:
    """List the plan sets; hide, show or remove one first when asked."""
    from geodata.plan.pgstore import plan_store

    store = plan_store()
    message = _change(store, args)
    plans = [p.to_dict() for p in store.plans()]
    if args.json:
        out: dict = {"plans": plans, "warnings": list(store.warnings)}
        if message:
            out["message"] = message
        print_json(out)
        return 0
    if message:
        print(message)
    _print_plans(plans)
    for warning in store.warnings:
        print(f"warning: {warning}")
    return 0


def _change(store, args: argparse.Namespace) -> str | None:
    """Apply ``--hide``, ``--show`` or ``--remove``; return what changed, or None."""
    given = (("hide", args.hide), ("show", args.show), ("remove", args.remove))
    chosen = [(name, number) for name, number in given if number is not None]
    if len(chosen) > 1:
        raise UsageError("give one of --hide, --show and --remove at a time")
    if not chosen:
        return None
    name, number = chosen[0]
    if name == "remove":
        return store.remove(number)
    return store.set_hidden(number, name == "hide")


def _print_plans(plans: list[dict]) -> None:
    """Print the plan sets as a table, one a line."""
    from geodata.regions.catalogue import national_index

    provinces = national_index("province")
    print(
        "  plan  kind          imported             targets  figures  province        "
        "title (source)"
    )
    for p in plans:
        mark = "-" if p["hidden"] else " "
        when = (p["imported_at"] or "bundled")[:19]
        region = provinces.by_code.get(p["province"] or "")
        province = f"{p['province']} {region.name_zh}" if region else "all"
        named = p["title"] if p["title"] == p["source"] else f"{p['title']} ({p['source']})"
        print(
            f"{mark} {p['id']:>4}  {p['kind']:12}  {when:19}  {p['targets']:>7}  "
            f"{p['observations']:>7}  {province:14}  {named}"
        )
    if any(p["hidden"] for p in plans):
        print("- hidden (its targets and figures are left out of maps, lists and reports)")


def cmd_import_targets(args: argparse.Namespace) -> int:
    """Store a CSV or Excel sheet of targets as a plan; report the rows left out by line."""
    from geodata.plan.plan_import import import_sheet

    result, info = import_sheet(args.file)
    if info is None:
        found = "; ".join(f"line {line}: {error}" for line, error in result.errors[:3])
        raise InputError(
            f"no row of {result.source} could be imported ({found or 'no rows'}): "
            "fix the rows and import the sheet again"
        )
    if args.json:
        print_json({**result.to_dict(), "stored": info.plan})
        return 0
    for line, error in result.errors:
        print(f"line {line}: {error}")
    print(
        f"imported {len(result.targets)} targets from {result.source} as plan {info.plan} "
        f"({len(result.errors)} rows left out); 'infra-atlas plans --hide {info.plan}' hides them"
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``plans`` and ``import-targets`` to the subparsers ``sub``."""
    plans = sub.add_parser(
        "plans", help="list the plan sets (0 = the bundled plans); hide, show or remove one"
    )
    plans.add_argument("--hide", type=int, metavar="N", help="leave plan N's targets out of view")
    plans.add_argument("--show", type=int, metavar="N", help="show plan N's targets again")
    plans.add_argument(
        "--remove", type=int, metavar="N", help="delete stored plan N for good (not plan 0)"
    )
    plans.add_argument("--json", action="store_true", help="print one JSON object")
    plans.set_defaults(func=cmd_plans)
    sheet = sub.add_parser("import-targets", help="store a CSV or Excel sheet of targets as a plan")
    sheet.add_argument("file", metavar="FILE", help="a .csv or .xlsx sheet with a header row")
    sheet.add_argument("--json", action="store_true", help="print one JSON object")
    sheet.set_defaults(func=cmd_import_targets)
