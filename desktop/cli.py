"""The ``infra-atlas`` command line.

``infra-atlas`` without arguments opens the desktop app; the subcommands run headless and never
import Qt (except ``gui``). Exit 0 on success, 2 on bad input with one ``error:`` line on
stderr, 1 on an unexpected failure (logged with its traceback to the data directory).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence

from geodata.errors import InfraAtlasError

PROVINCE_HELP = "province name or adcode: shanxi (140000) or zhejiang (330000)"


class UsageError(Exception):
    """Bad command-line usage (reported as one ``error:`` line, exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse hook
        raise UsageError(f"{message} (see {self.prog} --help)")


def _print_json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def cmd_targets(args: argparse.Namespace) -> int:
    """List plan targets, optionally of one province or region."""
    from geodata.plan.targets import filter_targets, load_targets
    from geodata.regions.catalogue import normalise_code, resolve_province

    province = resolve_province(args.province) if args.province else None
    region = None
    if args.region:
        region = normalise_code(args.region)
        if region is None:
            raise UsageError(
                f"--region {args.region!r} is not an adcode: give 6 digits, e.g. 140100"
            )
    targets = filter_targets(load_targets(), province=province)
    if region:
        targets = [
            t
            for t in targets
            if region in t.regions or (t.scope == "province" and t.province == region[:2] + "0000")
        ]
    if args.json:
        _print_json(
            {"province": province, "region": region, "targets": [t.to_dict() for t in targets]}
        )
        return 0
    for t in targets:
        value = t.display_value() or "(named project)"
        print(f"{t.id:7} {t.scope:9} {t.category:12} {t.metric}: {value} [{t.year}, {t.status}]")
    print(f"{len(targets)} targets")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """Join the targets to a boundary layer and report the outcome."""
    from geodata.boundaries.bundled import cities
    from geodata.plan.join import join
    from geodata.plan.targets import load_targets
    from geodata.regions.catalogue import resolve_province

    province = resolve_province(args.province) if args.province else None
    if args.boundaries:
        from geodata.boundaries.importer.inspect import read_boundary_file

        layer = read_boundary_file(args.boundaries, province=province)
    else:
        if province is None:
            raise UsageError("join needs --province (shanxi or zhejiang) or --boundaries FILE")
        layer = cities(province)
    report = join(load_targets(), layer)
    if args.json:
        _print_json(report.to_dict())
        return 0
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
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    """Write a province's map as a standalone HTML page (assets next to it, no network)."""
    from pathlib import Path

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--out {args.out!r} must end in .html")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: choose another name or add --force to overwrite it")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist: create it first")
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


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop app (or paint it to a PNG and exit)."""
    from desktop.app import run

    return run(province=args.province, select=args.select, screenshot=args.screenshot)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command-line contract."""
    parser = _Parser(
        prog="infra-atlas", description="Infra Atlas: provincial new-infrastructure plans on maps."
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the desktop app")
    gui.add_argument("--province", help=PROVINCE_HELP)
    gui.add_argument("--select", metavar="ADCODE", help="select a region on start")
    gui.add_argument("--screenshot", metavar="FILE.png", help="paint the window to a PNG and exit")
    gui.set_defaults(func=cmd_gui)

    targets = sub.add_parser("targets", help="list plan targets with their quotes")
    targets.add_argument("--province", help=PROVINCE_HELP)
    targets.add_argument("--region", metavar="ADCODE", help="targets that apply to this region")
    targets.add_argument("--json", action="store_true", help="print one JSON object")
    targets.set_defaults(func=cmd_targets)

    join = sub.add_parser("join", help="join targets to boundaries and report what matched")
    join.add_argument("--province", help=PROVINCE_HELP)
    join.add_argument(
        "--boundaries", metavar="FILE", help="a boundary file instead of the bundled one"
    )
    join.add_argument("--json", action="store_true", help="print one JSON object")
    join.set_defaults(func=cmd_join)

    map_ = sub.add_parser("map", help="write the map of a province to a standalone HTML file")
    map_.add_argument("--province", required=True, help=PROVINCE_HELP)
    map_.add_argument(
        "--boundaries", metavar="FILE", help="a boundary file instead of the bundled one"
    )
    map_.add_argument("--metric", metavar="ID", help="the choropleth metric (default: plan items)")
    map_.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    map_.add_argument("--force", action="store_true", help="overwrite FILE.html if it exists")
    map_.set_defaults(func=cmd_map)

    from desktop.commands import register_all

    register_all(sub)
    return parser


def _report_unexpected(exc: BaseException) -> None:
    from geodata.paths import log_path

    path = log_path()
    logger = logging.getLogger("infra_atlas")
    handler = logging.FileHandler(path, encoding="utf-8")
    logger.addHandler(handler)
    try:
        logger.error("unexpected failure", exc_info=exc)
    finally:
        logger.removeHandler(handler)
        handler.close()
    sys.stderr.write(
        f"error: an unexpected problem stopped infra-atlas ({type(exc).__name__}: {exc}); "
        f"the details were written to {path}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (``sys.argv[1:]`` by default).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        func: Callable[[argparse.Namespace], int] = getattr(args, "func", None) or cmd_gui
        if not hasattr(args, "func"):
            args = build_parser().parse_args(["gui"])
        return func(args)
    except (UsageError, InfraAtlasError) as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write(f"error: {message}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place unexpected failures are caught, logged and shown
        _report_unexpected(exc)
        return 1


if __name__ == "__main__":
    sys.exit(main())
