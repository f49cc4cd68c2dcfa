"""Reading a plain-text file in any of the encodings Chinese plans come in."""

from __future__ import annotations

from pathlib import Path

from geodata.errors import InputError
from geodata.plan.reading import limits
from geodata.plan.reading.document import (
    DocumentText,
    IsCancelled,
    Progress,
    check_cancelled,
    report,
)
from geodata.plan.reading.encoding import decode_bytes
from geodata.plan.reading.text import clean_text, require_text

_EMPTY = "is empty: choose the file that holds the plan's text"


def read_txt(
    path: Path, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> DocumentText:
    """Read the text file at ``path``, detecting its encoding.

    Raises
    ------
    InputError
        When the file is empty, binary, in an encoding that cannot be read or over the text
        limit.
    geodata.errors.Cancelled
        When ``cancelled()`` turns true (polled before and after decoding).
    """
    name = path.name
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{name} {_EMPTY}")
    text, encoding = decode_bytes(raw, name)
    limits.check_text_length(len(text), name)
    check_cancelled(cancelled, name)
    text = clean_text(text)
    require_text(text, name, _EMPTY)
    report(progress, 1, 1)
    return DocumentText(text, name, "txt", encoding=encoding)
