"""The size budget of a boundary file: what the importer reads before it refuses.

A boundary file of a whole country is a few hundred megabytes; an archive that unpacks to
gigabytes (a "zip bomb", or the wrong archive) would keep the importer busy for minutes and
fill the disk. Files and archives over the budget are refused before anything is unpacked,
with a sentence naming the limit and how to raise it (``INFRA_ATLAS_MAX_INPUT_MB``).
"""

from __future__ import annotations

import os

from geodata.errors import InputError
from geodata.messages import said

#: The environment variable that raises (or lowers) the budget, in megabytes.
LIMIT_VARIABLE = "INFRA_ATLAS_MAX_INPUT_MB"
#: The budget in megabytes when the variable is not set: a file, or an archive's unpacked files.
DEFAULT_LIMIT_MB = 2048


def input_limit_mb() -> int:
    """Return the size budget in megabytes (``INFRA_ATLAS_MAX_INPUT_MB`` or 2048).

    Raises
    ------
    InputError
        When the variable is set to something other than a positive whole number.
    """
    raw = os.environ.get(LIMIT_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_LIMIT_MB
    if not raw.isdigit() or int(raw) <= 0:
        raise InputError(said("import.limit_value", variable=LIMIT_VARIABLE, raw=repr(raw)))
    return int(raw)


def check_size(label: str, size: int, what: str = "is") -> None:
    """Raise :class:`InputError` when ``size`` bytes is over the budget.

    Parameters
    ----------
    label : str
        The file name, for the message.
    size : int
        Its size (or an archive's unpacked size) in bytes.
    what : str
        The verb of the message: ``"is"`` for a file, ``"unpacks to"`` for an archive.
    """
    limit = input_limit_mb()
    if size > limit * 1024 * 1024:
        verb = {"is": said("import.size_is"), "unpacks to": said("import.unpacks_to")}
        raise InputError(
            said(
                "import.too_big",
                label=label,
                what=verb.get(what, what),
                size=f"{size / 2**20:,.0f}",
                limit=f"{limit:,}",
                variable=LIMIT_VARIABLE,
            )
        )
