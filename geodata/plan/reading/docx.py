"""Reading a Word document (DOCX) with python-docx: paragraphs and table cells in order.

A table row becomes one line, its cells separated by tabs (a cell merged across columns once);
the paragraphs of a cell are joined by spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
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
from geodata.plan.reading.text import clean_text

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(path: Path, name: str):
    import docx

    with open(path, "rb") as f:
        if f.read(4) == _OLE_MAGIC:
            raise InputError(f"{name} is an old Word .doc file: save it as .docx in Word")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # zipfile, lxml and python-docx raise many types for a bad file
        raise InputError(
            f"{name} could not be read as a Word document (it may be damaged): open it in "
            "Word and save it again as .docx"
        ) from exc


def _blocks(parent) -> Iterator:
    """Yield the paragraphs and tables under ``parent`` in order, inside content controls too."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent"):
            yield from _blocks(child)


def _paragraph_text(element, parent) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(element, parent).text


def _row_line(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts = (_paragraph_text(p, cell) for p in cell._tc.iter(f"{_W}p"))
        cells.append(" ".join(t.strip() for t in texts if t.strip()))
    return "\t".join(cells)


def _block_lines(element, document) -> list[str]:
    from docx.table import Table

    if element.tag == f"{_W}p":
        return [_paragraph_text(element, document)]
    return [_row_line(row) for row in Table(element, document).rows]


def read_docx(
    path: Path, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> DocumentText:
    """Read the paragraphs and tables of the Word document at ``path``.

    Raises
    ------
    InputError
        When the file is not a readable DOCX, is over the text limit or has no text.
    geodata.errors.Cancelled
        When ``cancelled()`` turns true (it is polled before each paragraph or table).
    """
    name = path.name
    document = _open(path, name)
    blocks = list(_blocks(document.element.body))
    lines: list[str] = []
    chars = 0
    for index, element in enumerate(blocks):
        check_cancelled(cancelled, name)
        new = _block_lines(element, document)
        lines.extend(new)
        chars += sum(map(len, new))
        limits.check_text_length(chars, name)
        report(progress, index + 1, len(blocks))
    text = clean_text("\n".join(lines), blank_lines=False)
    if not text:
        raise InputError(f"{name} has no text: check it is the plan, or save it again from Word")
    title = (document.core_properties.title or "").strip()
    return DocumentText(text, name, "docx", title=title)
