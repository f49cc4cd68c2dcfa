"""Exceptions that reach the user as one clear sentence.

Everything the user can fix (a bad file, an unknown province, a malformed row) raises
:class:`InputError`: the command line prints ``error: <message>`` and exits 2, the desktop app
shows the message in a dialog. Anything else is a bug and is logged with its traceback.

The message stays the English sentence (``str(error)``: what the command line prints). An error
made from a :class:`geodata.messages.Sentence` (``InputError(said("state.damaged", ...))``), or
given ``key`` and ``values``, keeps them, and the window shows it in its own language with
:func:`geodata.messages.message` (which also reads back the English of an error without them).
"""

from __future__ import annotations


class InfraAtlasError(Exception):
    """Base class of the errors Infra Atlas reports to the user.

    Parameters
    ----------
    *args
        The message (one English sentence) first, as for any exception.
    key : str, optional
        The entry of :data:`geodata.i18n.TEXT` of the message; by default the key of a
        :class:`geodata.messages.Sentence` given as the message.
    values : dict, optional
        The values of the entry's placeholders (likewise taken from a sentence).

    Attributes
    ----------
    key : str or None
        None for a message without an entry.
    values : dict
    """

    def __init__(
        self, *args: object, key: str | None = None, values: dict[str, object] | None = None
    ) -> None:
        super().__init__(*args)
        first = args[0] if args else None
        self.key: str | None = key or getattr(first, "key", None)
        given = values if values is not None else getattr(first, "values", None)
        self.values: dict[str, object] = dict(given or {})


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
