"""Reading the text layer of a PDF with pypdfium2.

Each page's text is taken in pdfium's reading order; lines that repeat at the top or bottom of
most pages (running headers, page numbers such as ``- 3 -`` or ``第 3 页``) are dropped, and the
lines a paragraph was wrapped into are joined (see :func:`text.join_wrapped_lines`).
"""

from __future__ import annotations

import re
from collections import Counter
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
from geodata.plan.reading.text import clean_text, join_wrapped_lines, split_lines

#: Lines at each end of a page that may be a running header or footer.
EDGE_LINES = 2
#: A line at a page's edge is a header or footer when it repeats on this share of the pages
#: (and on at least three, or on both pages of a two-page document).
REPEAT_SHARE = 0.6
#: A page number alone on a line ("3", "- 3 -", "第 3 页", "第3页 共10页", "Page 3 of 10").
PAGE_NUMBER = re.compile(
    r"^[\s\-—–·]*(?:page\s*|第\s*)?\d+\s*[页頁]?\s*(?:(?:/|of|共)\s*\d+\s*[页頁]?)?[\s\-—–·]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_WORD_PREFIX = re.compile(r"^Microsoft (Word|PowerPoint|Excel) - ")
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def _open(path: Path, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise InputError(
                f"{name} is protected by a password: remove the password (save an unprotected "
                "copy from a PDF reader) and open that copy"
            ) from exc
        raise _damaged(name) from exc


def _damaged(name: str) -> InputError:
    return InputError(
        f"{name} could not be read as a PDF (it may be damaged): open it in a PDF reader and "
        "save or print it to a new PDF"
    )


def _page_text(pdf, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def _page_texts(
    pdf, name: str, progress: Progress | None, cancelled: IsCancelled | None
) -> list[str]:
    import pypdfium2 as pdfium

    total = len(pdf)
    limits.check_page_count(total, name)
    texts, chars = [], 0
    for index in range(total):
        check_cancelled(cancelled, name)
        try:
            texts.append(_page_text(pdf, index))
        except pdfium.PdfiumError as exc:
            raise _damaged(name) from exc
        chars += len(texts[-1])
        limits.check_text_length(chars, name)
        report(progress, index + 1, total)
    return texts


def _title(pdf) -> str:
    try:
        title = str(pdf.get_metadata_dict().get("Title") or "").strip()
    except Exception:  # metadata of a damaged file is not worth failing for
        return ""
    title = _WORD_PREFIX.sub("", title)
    return re.sub(r"\.(docx?|pptx?|xlsx?|wps)$", "", title, flags=re.IGNORECASE)


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", line))


def _peel(pages: list[list[str]], active: set[int], end: int) -> set[int]:
    """Drop the running line at ``end`` (0 top, -1 bottom) of the ``active`` pages.

    Returns the pages that lost a line (the ones whose next line in may be running too).
    """
    keys = {i: _edge_key(pages[i][end]) for i in active if pages[i]}
    counts = Counter(keys.values())
    need = max(2, min(len(pages), 3), REPEAT_SHARE * len(pages))
    peeled = set()
    for i, key in keys.items():
        if counts[key] >= need or PAGE_NUMBER.match(pages[i][end]):
            del pages[i][end]
            peeled.add(i)
    return peeled


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers, footers and page numbers.

    The first line of each page is dropped when the same line, digits ignored (page numbers),
    is the first line of at least :data:`REPEAT_SHARE` of the pages (and of three pages, or
    of both pages of a two-page document), or when it is a page number alone (:data:`PAGE_NUMBER`);
    then the next line of the pages that lost one, up to :data:`EDGE_LINES` lines; the same
    for the last lines. Blank lines are dropped.

    Parameters
    ----------
    pages : list of list of str
        Each page's lines.
    """
    pages = [[line for line in lines if line.strip()] for lines in pages]
    for end in (0, -1):
        active = set(range(len(pages)))
        for _ in range(EDGE_LINES):
            active = _peel(pages, active, end)
    return pages


def pdf_text(page_texts: list[str]) -> str:
    """Return the text of a PDF from its pages' texts: running lines dropped, lines joined."""
    pages = drop_running_lines([split_lines(text) for text in page_texts])
    return clean_text(join_wrapped_lines([line for lines in pages for line in lines]), False)


def _blank_page_warnings(page_texts: list[str], name: str) -> tuple[str, ...]:
    blank = sum(1 for text in page_texts if not text.strip())
    if not blank:
        return ()
    return (
        f"{blank} of {len(page_texts)} pages of {name} have no text (scanned pages?): "
        "run OCR on them if they hold plan text",
    )


def read_pdf(
    path: Path, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> DocumentText:
    """Read the text layer of the PDF at ``path``.

    Raises
    ------
    InputError
        When the PDF is damaged, password-protected, over the page or text limits, or has no
        text layer.
    geodata.errors.Cancelled
        When ``cancelled()`` turns true (it is polled before each page).
    """
    name = path.name
    pdf = _open(path, name)
    try:
        page_texts = _page_texts(pdf, name, progress, cancelled)
        title = _title(pdf)
    finally:
        pdf.close()
    text = pdf_text(page_texts)
    if not text:
        raise InputError(
            f"{name} has no text layer (a scanned document?): run OCR on it or bring the text "
            "as DOCX or TXT"
        )
    warnings = _blank_page_warnings(page_texts, name)
    return DocumentText(text, name, "pdf", pages=len(page_texts), title=title, warnings=warnings)
