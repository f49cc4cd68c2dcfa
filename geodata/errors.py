"""Exceptions that reach the user as one clear sentence.

Everything the user can fix (a bad file, an unknown province, a malformed row) raises
:class:`InputError`: the command line prints ``error: <message>`` and exits 2, the desktop app
shows the message in a dialog. Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class InfraAtlasError(Exception):
    """Base class of the errors Infra Atlas reports to the user."""


class InputError(InfraAtlasError, ValueError):
    """The user's input (a file, an argument, a row) is wrong; the message says how to fix it."""


class Cancelled(InfraAtlasError):
    """The user cancelled a long task (reading or scanning a document); nothing was stored."""
