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


class DamagedState(InputError):
    """A file Infra Atlas keeps in its data folder is damaged or missing.

    The message is one sentence: ``"<file> is damaged (<what>): <fix>"``. What the file held is
    left out of view (the bundled boundaries stand in for a damaged version) until it is fixed.
    """


class Unwritable(InputError, OSError):
    """A place Infra Atlas must write to (the data folder, an output file) cannot be written.

    Also an :class:`OSError`, so code that treats a failed write of a cache as a miss keeps
    doing so; the message names the place and what to do.
    """
