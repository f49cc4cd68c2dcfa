"""The ``infra-atlas`` entry point: the parser of every command, and how failures are reported."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from desktop.cli.common import Parser, UsageError
from geodata.errors import InfraAtlasError

#: The command modules, in the order ``infra-atlas --help`` lists their commands.
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.cli.gui",
    "desktop.cli.targets",
    "desktop.cli.join",
    "desktop.cli.map",
    "desktop.cli.export",
    "desktop.cli.boundaries",
    "desktop.cli.plan_import",
    "desktop.cli.plans",
    "desktop.cli.observations",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command-line contract."""
    parser = Parser(
        prog="infra-atlas", description="Infra Atlas: provincial new-infrastructure plans on maps."
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
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
        Arguments without the program name (``sys.argv[1:]`` by default). None of them opens
        the desktop app, as ``gui`` does.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "func"):
            args = parser.parse_args(["gui"])
        return args.func(args)
    except (UsageError, InfraAtlasError) as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write(f"error: {message}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place unexpected failures are caught, logged and shown
        _report_unexpected(exc)
        return 1
