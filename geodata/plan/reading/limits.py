"""The limits on what :func:`geodata.plan.reading.read_document` reads.

They are read at call time, so a test may lower them.
"""

from __future__ import annotations

from pathlib import Path

from geodata.errors import InputError

#: Largest file read, in bytes (200 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Most pages read from a PDF.
MAX_PDF_PAGES = 2000
#: Most characters of text kept from one document.
MAX_TEXT_CHARS = 20_000_000


def check_file_size(path: Path) -> int:
    """Return the size of ``path`` in bytes.

    Raises
    ------
    InputError
        When the file is over :data:`MAX_FILE_BYTES`.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{path.name} is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES / 2**20:.0f} MB "
            "limit: split it into smaller files"
        )
    return size


def check_page_count(pages: int, name: str) -> None:
    """Raise :class:`InputError` when a PDF has more than :data:`MAX_PDF_PAGES` pages."""
    if pages > MAX_PDF_PAGES:
        raise InputError(
            f"{name} has {pages} pages, over the {MAX_PDF_PAGES}-page limit: "
            "split it into smaller PDFs"
        )


def check_text_length(chars: int, name: str) -> None:
    """Raise :class:`InputError` when ``chars`` is over :data:`MAX_TEXT_CHARS`."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(
            f"{name} holds more than {MAX_TEXT_CHARS:,} characters of text, over the limit: "
            "split it into smaller files"
        )
