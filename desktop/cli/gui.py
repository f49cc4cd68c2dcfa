"""``infra-atlas gui`` (and ``infra-atlas`` alone): open the desktop app."""

from __future__ import annotations

import argparse

from desktop.cli.common import ProvinceOption


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop app (or paint it to a PNG and exit)."""
    from desktop.app import run

    return run(province=args.province, select=args.select, screenshot=args.screenshot)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``gui`` to the subparsers ``sub``."""
    gui = sub.add_parser("gui", help="open the desktop app")
    gui.add_argument("--province", action=ProvinceOption)
    gui.add_argument("--select", metavar="ADCODE", help="select a region on start")
    gui.add_argument("--screenshot", metavar="FILE.png", help="paint the window to a PNG and exit")
    gui.set_defaults(func=cmd_gui)
