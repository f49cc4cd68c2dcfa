"""The text read from one plan document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geodata.errors import Cancelled

#: ``progress(done, total)``, called as pages or paragraphs are read.
Progress = Callable[[int, int], None]
#: ``cancelled()``, polled as pages or paragraphs are read; True stops the reading.
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class DocumentText:
    """The text of a plan document and what was learnt reading it.

    Attributes
    ----------
    text : str
        The text proposals quote verbatim (kept as the plan's ``text.txt``): one paragraph a
        line, newline line ends, no control characters.
    source : str
        The file name.
    kind : str
        ``"txt"``, ``"docx"``, ``"pdf"`` or ``"html"``.
    encoding : str
        The encoding a TXT or HTML file was decoded with (``"utf-8"``, ``"gb18030"``,
        ``"big5"``, ``"utf-16"``...); empty for DOCX and PDF.
    pages : int
        Number of PDF pages (0 for the other kinds).
    title : str
        The title when the file names one (HTML ``<title>``/``<h1>``, DOCX core properties,
        PDF metadata), else empty.
    language : str
        ``"zh"`` or ``"en"`` by the share of CJK characters; empty when there are no letters.
    script : str
        ``"simplified"`` or ``"traditional"`` for Chinese, else empty.
    warnings : tuple of str
        Things the reader noticed that the planner may want to check.
    """

    text: str
    source: str
    kind: str
    encoding: str = ""
    pages: int = 0
    title: str = ""
    language: str = ""
    script: str = ""
    warnings: tuple[str, ...] = ()


def check_cancelled(cancelled: IsCancelled | None, name: str) -> None:
    """Raise :class:`geodata.errors.Cancelled` when ``cancelled()`` is true."""
    if cancelled is not None and cancelled():
        raise Cancelled(f"reading {name} was cancelled")


def report(progress: Progress | None, done: int, total: int) -> None:
    """Call ``progress(done, total)`` when a callback was given."""
    if progress is not None:
        progress(done, total)
