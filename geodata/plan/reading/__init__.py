"""Reading a plan document into text: TXT, DOCX, PDF with a text layer, or a saved web page.

:func:`read_document` returns a :class:`DocumentText`: the text proposals quote verbatim (one
paragraph a line), with the encoding, page count, title, language and script found on the
way. Every problem the planner can fix raises :class:`geodata.errors.InputError` with one
sentence saying what to do; the limits are in :mod:`geodata.plan.reading.limits`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from geodata.errors import InputError
from geodata.plan.reading import limits
from geodata.plan.reading.document import (
    DocumentText,
    IsCancelled,
    Progress,
    check_cancelled,
)
from geodata.plan.reading.docx import read_docx
from geodata.plan.reading.html import read_html
from geodata.plan.reading.language import detect_language
from geodata.plan.reading.pdf import read_pdf
from geodata.plan.reading.txt import read_txt

__all__ = ["SUPPORTED_SUFFIXES", "DocumentText", "read_document"]

#: The file suffixes :func:`read_document` reads.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".docx", ".pdf", ".html", ".htm")
_READERS = {
    ".txt": read_txt,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}


def _check_file(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        if suffix in (".doc", ".wps"):
            raise InputError(f"{path.name} is an old Word file: save it as .docx in Word")
        raise InputError(
            f"{path.name} is not a supported document: bring the plan as "
            f"{', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path")
    if not path.is_file():
        raise InputError(f"{path} is not a file: choose the document itself")
    if limits.check_file_size(path) == 0:
        raise InputError(f"{path.name} is empty: choose the file that holds the plan's text")


def _finish(document: DocumentText) -> DocumentText:
    limits.check_text_length(len(document.text), document.source)
    language, script = detect_language(document.text)
    warnings = document.warnings
    bad = document.text.count("\ufffd")
    if bad:
        warnings += (
            f"{document.source} holds {bad} replacement characters (�) where text was lost "
            "before it was saved: check the quotes around them",
        )
    title = document.title or first_line_title(document.text)
    return dataclasses.replace(
        document, language=language, script=script, warnings=warnings, title=title
    )


#: A first line ending like a sentence is text, not a title.
_SENTENCE_END = tuple("。！？；：，.!?;:,")


def first_line_title(text: str) -> str:
    """Return the document's first line when it reads as a title, else ``""``.

    Plain text and many PDFs carry no title field; their first line usually is the title
    (浙江省数字基础设施发展"十五五"规划). A line over 60 characters, or one ending like a
    sentence, is not taken.
    """
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= 60 and not line.endswith(_SENTENCE_END):
                return line
            return ""
    return ""


def read_document(
    path: str | Path,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> DocumentText:
    """Read a plan document into text.

    Parameters
    ----------
    path : str or Path
        A ``.txt`` (UTF-8, GB18030/GBK, Big5 or UTF-16), ``.docx``, ``.pdf`` (with a text
        layer), ``.html`` or ``.htm`` file.
    progress : callable, optional
        ``progress(done, total)``, called as pages (PDF) or paragraphs (DOCX) are read.
    cancelled : callable, optional
        Polled as the document is read (before each PDF page); when it returns True the
        reading stops with :class:`geodata.errors.Cancelled`.

    Returns
    -------
    DocumentText
        The text, one paragraph a line, and what was learnt reading it.

    Raises
    ------
    InputError
        When the file is missing, empty, of an unsupported kind, damaged, password-protected,
        without a text layer, in an unreadable encoding or over a limit (200 MB, 2,000 PDF
        pages, 20 million characters).
    geodata.errors.Cancelled
        When ``cancelled()`` returned True.
    """
    path = Path(path)
    _check_file(path)
    check_cancelled(cancelled, path.name)
    reader = _READERS[path.suffix.lower()]
    try:
        document = reader(path, progress, cancelled)
    except OSError as exc:  # locked by another program, no permission, a failing disk
        raise InputError(
            f"{path.name} could not be opened ({exc.strerror or exc}): close it in other "
            "programs and check that you may read it"
        ) from exc
    return _finish(document)
