"""Subcommands of ``infra-atlas`` that live in their own modules.

Each module listed in :data:`COMMAND_MODULES` defines ``register(sub)``, which adds its parsers
to the argparse subparsers object and sets ``func`` on each. Modules import only the standard
library at import time; geodata and heavy libraries are imported inside the command functions.
"""

from __future__ import annotations

import importlib

COMMAND_MODULES: tuple[str, ...] = (
    "desktop.commands.export",
    "desktop.commands.boundaries",
)


def register_all(sub) -> None:
    """Add the parsers of every command module that is present to ``sub``."""
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
