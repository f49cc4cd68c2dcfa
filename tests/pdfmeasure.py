"""Measure what a PDF prints: the size of every character, per page (for the print tests).

Reads the text layer with pypdfium2 (the reader the app already ships), so a test can assert
that the smallest text of a figure or report meets the print sizes, or find a string's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PrintedChar:
    """One character of a PDF's text layer.

    Attributes
    ----------
    page : int
        0-based page number.
    char : str
    size : float
        Font size in points as drawn on the page (the text matrix's scale included).
    box : tuple of float
        ``(left, bottom, right, top)`` in points from the page's bottom left.
    """

    page: int
    char: str
    size: float
    box: tuple[float, float, float, float]


def printed_chars(path: str | Path) -> list[PrintedChar]:
    """Return every visible (non-space) character of a PDF with its size and box."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    chars: list[PrintedChar] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            text = page.get_textpage()
            for i in range(text.count_chars()):
                char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
                if not char.strip():
                    continue
                size = float(pdfium_c.FPDFText_GetFontSize(text.raw, i))
                chars.append(PrintedChar(number, char, size, tuple(text.get_charbox(i))))
            text.close()
            page.close()
    finally:
        pdf.close()
    return chars


def page_count(path: str | Path) -> int:
    """Return the number of pages of a PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_text(path: str | Path) -> list[str]:
    """Return the text of each page of a PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for number in range(len(pdf)):
            page = pdf[number]
            text = page.get_textpage()
            pages.append(text.get_text_range())
            text.close()
            page.close()
        return pages
    finally:
        pdf.close()
