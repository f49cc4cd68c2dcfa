"""The ``infra-atlas`` entry point: the parser of every command, and how failures are reported."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
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
    "desktop.cli.workspace",
    "desktop.cli.handoff",
)
#: Failed reads and writes the user can fix (permissions, a read-only or full disk, a folder
#: where a file should be): one ``error:`` line and exit 2, not a bug's exit 1.
_ENVIRONMENT_ERRNOS = frozenset(
    {
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EISDIR,
        errno.ENOTDIR,
    }
)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """Return the argument parser of the command-line contract.

    Parameters
    ----------
    modules : sequence of str
        The command modules whose commands it parses (all by default).
    """
    parser = Parser(
        prog="infra-atlas", description="Infra Atlas: provincial new-infrastructure plans on maps."
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in modules:
        importlib.import_module(name).register(sub)
    for command in (parser, *sub.choices.values()):
        command.add_argument(
            "--workspace",
            metavar="DSN",
            default=argparse.SUPPRESS,
            help="the workspace of this run: local, or a PostGIS connection string "
            "(service=atlas, postgresql://host/dbname); see infra-atlas workspace",
        )
    return parser


def _report_unexpected(exc: BaseException) -> None:
    """Log a bug's traceback and print one ``error:`` line; never raises.

    The log may be unwritable (a folder in its place, a read-only data folder): the line then
    does not mention it.
    """
    import traceback

    from geodata.paths import append_log

    details = "".join(traceback.format_exception(exc))
    path = append_log(f"unexpected failure\n{details}")
    where = f"; the details were written to {path}" if path is not None else ""
    message = " ".join(f"{type(exc).__name__}: {exc}".split())
    sys.stderr.write(f"error: an unexpected problem stopped infra-atlas ({message}){where}\n")


def _environment_error(exc: OSError) -> str | None:
    """Return the ``error:`` sentence of a failed read or write the user can fix, or None.

    A read-only or full disk, a permission, a folder where a file should be: the place is
    named and what to do; any other OSError is a bug.
    """
    if exc.errno not in _ENVIRONMENT_ERRNOS:
        return None
    place = exc.filename or "a file"
    if exc.errno == errno.EISDIR:
        return f"{place} is a folder, not a file: remove or rename the folder, or give a file"
    return (
        f"{place} could not be opened ({exc.strerror}): check its permissions, free some "
        "space, or choose another place"
    )


def _run(args: argparse.Namespace) -> int:
    """Use the workspace asked for, clean what killed imports left, then run the command."""
    workspace = getattr(args, "workspace", None)
    if workspace is None:
        return _command(args)
    from geodata.postgis.config import WORKSPACE_VARIABLE, parse_dsn

    if workspace.strip().lower() != "local":
        parse_dsn(workspace)  # refuses a password before anything is stored
    before = os.environ.get(WORKSPACE_VARIABLE)
    os.environ[WORKSPACE_VARIABLE] = workspace.strip()
    try:
        return _command(args)
    finally:  # main() called in-process (tests, scripts) leaves the environment as it was
        if before is None:
            os.environ.pop(WORKSPACE_VARIABLE, None)
        else:
            os.environ[WORKSPACE_VARIABLE] = before


def _command(args: argparse.Namespace) -> int:
    """Clean what killed imports left in the data folder, then run the command."""
    if args.command != "gui":  # the window cleans up when it opens
        from geodata.statefiles import clean_stores

        clean_stores()
    return args.func(args)


def _parse(argv: list[str]) -> argparse.Namespace:
    """Return the parsed arguments; no command at all opens the desktop app.

    Opening the app (``gui``, or nothing) parses with ``gui``'s parser alone: the whole
    parser imports every command and takes about 60 ms, a tenth of a warm start. Whatever that
    parser refuses is parsed again by the whole one, so that the error names every command.
    """
    if not argv or argv[0] == "gui":
        try:
            return build_parser(("desktop.cli.gui",)).parse_args(["gui", *argv[1:]])
        except UsageError:
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    return args if hasattr(args, "func") else parser.parse_args(["gui"])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (``sys.argv[1:]`` by default). None of them opens
        the desktop app, as ``gui`` does.

    Returns
    -------
    int
        0 on success; 2 for anything the user can fix (one ``error:`` line: a wrong argument
        or file, a damaged or unwritable data folder); 1 for a bug (logged when it can be).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(_parse(argv))
    except (UsageError, InfraAtlasError) as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write(f"error: {message}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        message = _environment_error(exc)
        if message is None:
            _report_unexpected(exc)
            return 1
        sys.stderr.write(f"error: {' '.join(message.split())}\n")
        return 2
    except Exception as exc:  # the one place unexpected failures are caught, logged and shown
        _report_unexpected(exc)
        return 1
