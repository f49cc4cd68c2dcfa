"""The plan documents in ``seeds/`` and where a quote sits in them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geodata.errors import InputError
from seeds import DOCUMENTS_DIR, SEEDS_DIR


@dataclass(frozen=True)
class Document:
    """One plan document.

    Attributes
    ----------
    file : str
        Seed file name (what a target's ``source`` names).
    title, publisher, date : str
        As given in the manifest (``date`` may be empty when the document has none).
    province : str
        Adcode of the province the document is about.
    path : pathlib.Path
        The text file.
    note : str
        What the document is.
    """

    file: str
    title: str
    publisher: str
    date: str
    province: str
    path: Path
    note: str = ""

    def text(self) -> str:
        """Return the document's text."""
        return self.path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_documents() -> dict[str, Document]:
    """Return the plan documents listed in ``seeds/manifest.yaml``, keyed by file name."""
    import yaml

    manifest = yaml.safe_load((SEEDS_DIR / "manifest.yaml").read_text(encoding="utf-8"))
    docs = {}
    for entry in manifest["documents"]:
        path = DOCUMENTS_DIR / entry["file"]
        docs[entry["file"]] = Document(
            file=entry["file"],
            title=str(entry["title"]),
            publisher=str(entry["publisher"]),
            date="" if entry.get("date") is None else str(entry["date"]),
            province=str(entry["province"]),
            path=path,
            note=str(entry.get("note") or "").strip(),
        )
    return docs


def document(file: str) -> Document:
    """Return the document a target's ``source`` names.

    Raises
    ------
    InputError
        When no document of that name is in the manifest.
    """
    docs = load_documents()
    if file not in docs:
        raise InputError(f"no plan document named {file!r}: use one of {', '.join(sorted(docs))}")
    return docs[file]


def quote_span(file: str, quote: str) -> tuple[int, int]:
    """Return the character span of a verbatim quote in a document.

    Parameters
    ----------
    file : str
        Seed file name.
    quote : str
        The quote, verbatim.

    Returns
    -------
    tuple of int
        ``(start, end)`` offsets into :meth:`Document.text`.

    Raises
    ------
    InputError
        When the quote is not in the document verbatim.
    """
    text = document(file).text()
    start = text.find(quote)
    if start < 0:
        raise InputError(f"the quote {quote[:60]!r}... is not in {file} verbatim: copy it exactly")
    return start, start + len(quote)
