"""Reading the main text of a web page (a saved news article or policy page).

The page is decoded by its byte-order mark, as UTF-8 when it is valid UTF-8, else by its
``<meta charset>``, else by guessing (see :mod:`encoding`). readability-lxml finds the article
among the menus, sidebars and footers; when it finds little, the whole body text is read and a
warning says so.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from geodata.errors import InputError
from geodata.plan.reading.document import (
    DocumentText,
    IsCancelled,
    Progress,
    check_cancelled,
    report,
)
from geodata.plan.reading.encoding import decode_bytes
from geodata.plan.reading.text import clean_text

#: Fewer non-space characters than this in the article found means it was not found.
MIN_MAIN_CHARS = 50
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_SPACE = re.compile(r"[ \t\n\r\x0c]+")
#: GB2312 and GBK pages are decoded as GB18030, their superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
_BLOCK = frozenset(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_CELL = frozenset({"td", "th"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe"})


def _declared_codec(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode_html(raw: bytes, name: str) -> tuple[str, str]:
    """Return the markup of a page and the encoding it was decoded with."""
    markup, encoding = decode_bytes(raw, name, declared=_declared_codec(raw))
    return _XML_DECLARATION.sub("", markup), encoding.replace("big5hkscs", "big5")


def _collect(element, out: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None
    if tag is not None and tag not in _SKIP:
        before = "\n" if tag in _BLOCK else ""
        after = "\n" if tag in _BLOCK else "\t" if tag in _CELL else ""
        out.append(before + _HTML_SPACE.sub(" ", element.text or ""))
        for child in element:
            _collect(child, out)
        out.append(after)
    out.append(_HTML_SPACE.sub(" ", element.tail or ""))


def element_text(element) -> str:
    """Return the text of an lxml element: a line per block, cells separated by tabs."""
    out: list[str] = []
    _collect(element, out)
    return clean_text("".join(out).strip(), blank_lines=False)


def _parse(markup: str, name: str):
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"{name} has no text: check it is the saved article page") from exc


def _readability(markup: str) -> tuple[str, str]:
    """Return readability's article text and short title ('' when it fails)."""
    import lxml.html
    from readability import Document

    try:
        document = Document(markup)
        summary = document.summary(html_partial=True)
        return element_text(lxml.html.fromstring(summary)), document.short_title().strip()
    except Exception:  # readability raises its own and lxml's errors on odd pages
        return "", ""


def _title(root, short_title: str) -> str:
    page_title = " ".join((root.findtext(".//title") or "").split())
    headings = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    for heading in headings:
        if heading and heading in page_title:
            return heading
    return short_title or page_title or next((h for h in headings if h), "")


def _content(markup: str, root, name: str) -> tuple[str, str, tuple[str, ...]]:
    main, short_title = _readability(markup)
    title = _title(root, short_title)
    if len("".join(main.split())) >= MIN_MAIN_CHARS:
        return main, title, ()
    warning = (
        f"the article in {name} could not be told from the page's menus: the whole page text "
        "was read, check it for menu and footer lines"
    )
    body = root.find("body")
    return element_text(root if body is None else body), title, (warning,)


def read_html(
    path: Path, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> DocumentText:
    """Read the main text of the web page at ``path``.

    Raises
    ------
    InputError
        When the file is binary, in an encoding that cannot be read, or has no text.
    geodata.errors.Cancelled
        When ``cancelled()`` turns true (polled before and after the parsing).
    """
    name = path.name
    markup, encoding = decode_html(path.read_bytes(), name)
    check_cancelled(cancelled, name)
    text, title, warnings = _content(markup, _parse(markup, name), name)
    check_cancelled(cancelled, name)
    if not text:
        raise InputError(f"{name} has no text: check it is the saved article page")
    report(progress, 1, 1)
    return DocumentText(text, name, "html", encoding=encoding, title=title, warnings=warnings)
