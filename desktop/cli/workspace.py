"""``infra-atlas workspace``: which workspace the atlas uses, and creating a shared one.

::

    infra-atlas workspace                          # the workspace in use
    infra-atlas workspace --connect "service=atlas" [--init]
    infra-atlas workspace --local                  # back to the local data folder
    infra-atlas workspace --json

A shared workspace is a PostgreSQL database with PostGIS, named by a libpq connection string
(``service=atlas``, ``"host=db.bureau dbname=atlas"``) or a ``postgresql://`` URL; its password
comes from ``~/.pgpass``, ``pg_service.conf`` or ``PGPASSWORD``, never from the string. With
``--init`` the atlas's tables are created (or upgraded) in it. Any command takes
``--workspace DSN`` (or ``--workspace local``) to use another workspace for that run only.
"""

from __future__ import annotations

import argparse

from desktop.cli.common import UsageError, print_json


def cmd_workspace(args: argparse.Namespace) -> int:
    """Show the workspace in use; connect to a shared one or go back to the local one first."""
    from geodata.postgis.config import LOCAL, WorkspaceConfig, current_config, save_config

    if args.connect and args.local:
        raise UsageError("give --connect DSN or --local, not both")
    if args.init and not args.connect:
        raise UsageError("--init creates the tables in the workspace given with --connect DSN")
    message = None
    if args.connect:
        config = WorkspaceConfig("postgis", args.connect.strip())
        message = _check(config.dsn, args.init)
        save_config(config)
    elif args.local:
        save_config(WorkspaceConfig(LOCAL))
        message = "the atlas uses the local data folder"
    config = current_config()
    out = {"kind": config.kind, "workspace": config.label, "message": message}
    if args.json:
        print_json(out)
    else:
        if message:
            print(message)
        print(f"workspace: {config.label}")
    return 0


def _check(dsn: str, init: bool) -> str:
    """Connect once (creating the schema with ``init``); return what was found or done."""
    from geodata.postgis.config import parse_dsn, shown_dsn
    from geodata.postgis.connection import connect, database_errors
    from geodata.postgis.schema import check_schema, create_or_upgrade

    parse_dsn(dsn)
    shown = shown_dsn(dsn)
    with connect(dsn) as conn, database_errors(dsn, "prepare the workspace"):
        if init:
            return create_or_upgrade(conn, shown)
        check_schema(conn, shown)
    return f"the atlas uses the shared workspace {shown}"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``workspace`` to the subparsers ``sub``."""
    parser = sub.add_parser(
        "workspace",
        help="show or choose the workspace: the local data folder or a shared PostGIS database",
        epilog=(
            "Credentials come from ~/.pgpass, pg_service.conf or PGPASSWORD (libpq's own "
            "means): a connection string holding a password is refused. Any command takes "
            "--workspace DSN (or local) for one run."
        ),
    )
    parser.add_argument(
        "--connect",
        metavar="DSN",
        help='use a PostGIS database, e.g. "service=atlas" or postgresql://host/dbname',
    )
    parser.add_argument("--init", action="store_true", help="create or upgrade its tables")
    parser.add_argument("--local", action="store_true", help="use the local data folder again")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=cmd_workspace)
