"""``infra-atlas plan-import``: propose the targets of a plan document, and store them."""

from __future__ import annotations

import argparse

from desktop.cli.common import print_json, province_help
from geodata.errors import InputError

#: Widest sentence shown in the text table (the JSON holds it whole).
SENTENCE_WIDTH = 60


def cmd_plan_import(args: argparse.Namespace) -> int:
    """Read a plan document, print the targets proposed, store them with ``--accept-all``."""
    from geodata.plan.plan_import import accept, propose_file

    result = propose_file(args.file, args.province)
    info = None
    if args.accept_all:
        if not result.proposals:
            raise InputError(
                f"no target was found in {result.path.name}: nothing was stored (a sheet of "
                "targets can be stored with infra-atlas import-targets)"
            )
        info = accept(result, result.proposals)
    if args.json:
        print_json(result.to_dict(stored=info.plan if info else None))
        return 0
    _print_proposals(result)
    if info is not None:
        print(
            f"stored {info.targets} targets as plan {info.plan} "
            f"('infra-atlas plans --hide {info.plan}' hides them)"
        )
    elif result.proposals:
        print("nothing stored: run again with --accept-all to store them all")
    return 0


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_proposals(result) -> None:
    """Print the proposals as a table, one a line, and what the reading noticed."""
    doc = result.document
    title = f" ({doc.title})" if doc.title else ""
    print(
        f"read {result.path.name}{title}: {doc.kind}, language {doc.language or '-'}, "
        f"province {result.province}"
    )
    for warning in doc.warnings:
        print(f"warning: {warning}")
    print(f"{'id':5} {'value':>22}  {'year':10}  {'status':8}  {'regions':20}  metric: sentence")
    for p in result.proposals:
        value = " ".join(x for x in (p.qualifier, _number(p.value), p.unit) if x)
        regions = ",".join(p.regions)
        print(
            f"{p.id:5} {value:>22}  {p.date or p.year or '-':10}  {p.status:8}  "
            f"{_cut(regions, 20):20}  {_cut(p.metric, 16)}: {_cut(p.sentence, SENTENCE_WIDTH)}"
        )
    print(f"{len(result.proposals)} targets proposed")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``plan-import`` to the subparsers ``sub``."""
    parser = sub.add_parser(
        "plan-import", help="propose the targets of a plan document (store them: --accept-all)"
    )
    parser.add_argument("file", metavar="FILE", help="a plan document: .txt, .docx, .pdf, .html")
    parser.add_argument("--province", required=True, help=province_help())
    parser.add_argument(
        "--accept-all", action="store_true", help="store the document and every target proposed"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=cmd_plan_import)
