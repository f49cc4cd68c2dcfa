"""The ``infra-atlas`` command line: :mod:`desktop.cli.main` and one module per command.

``infra-atlas`` without arguments opens the desktop app; the subcommands run headless and never
import Qt (except ``gui``). Exit 0 on success, 2 on bad input with one ``error:`` line on
stderr, 1 on an unexpected failure (logged with its traceback to the data directory).

Each command module defines ``register(sub)``, which adds its parser to the argparse
subparsers and sets ``func``. At import time the modules load only the standard library and
the engine's foundation; the engine's heavier packages are imported inside the commands.
"""
