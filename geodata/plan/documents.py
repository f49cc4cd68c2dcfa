"""The plan documents (in ``seeds/`` and the plan store) and where a quote sits in them.

A target's ``source`` names its document: a seed file name (``shanxi_plan.txt``) or a stored
plan (``plan-3``, see :mod:`geodata.plan.store`). A stored plan has no known publisher or date:
its note says when it was imported and from which file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from geodata.errors import InputError
from geodata.plan.manifest import manifest_section
from seeds import DOCUMENTS_DIR


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
    loader : callable, optional
        Returns the text (for a stored plan, whose text the plan store reads).
    kind : str
        ``"document"`` (a seed or a stored plan document), ``"sheet"`` (targets),
        ``"observations"`` or ``"typed"`` (achieved figures).
    """

    file: str
    title: str
    publisher: str
    date: str
    province: str
    path: Path
    note: str = ""
    loader: Callable[[], str] | None = field(default=None, compare=False, repr=False)
    kind: str = "document"

    def text(self) -> str:
        """Return the document's text."""
        if self.loader is not None:
            return self.loader()
        return self.path.read_text(encoding="utf-8")


def _is_documents(value: object) -> bool:
    keys = ("file", "title", "publisher", "province")
    return isinstance(value, list) and all(
        isinstance(e, dict) and all(k in e for k in keys) for e in value
    )


@lru_cache(maxsize=1)
def load_documents() -> dict[str, Document]:
    """Return the plan documents listed in ``seeds/manifest.yaml``, keyed by file name."""
    docs = {}
    for entry in manifest_section("documents", _is_documents):
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


def stored_document(number: int) -> Document:
    """Return stored plan ``number`` as a document (hidden or not).

    Raises
    ------
    InputError
        When no such plan is stored.
    """
    from geodata.plan.pgstore import plan_store
    from geodata.plan.store import source_of

    store = plan_store()
    info = store.get(number)
    folder = store.root / f"p{info.plan}"
    what = {
        "sheet": "target sheet",
        "observations": "sheet of achieved figures",
        "typed": "figure typed in the app",
    }.get(info.kind, "plan document")
    return Document(
        file=source_of(info.plan),
        title=info.title or info.source,
        publisher="",
        date="",
        province=info.province,
        path=folder / ("text.txt" if info.kind == "document" else info.original),
        note=f"{what} {info.source}, imported {info.imported_at[:10]}",
        loader=partial(store.text, info.plan),
        kind=info.kind,
    )


def all_documents() -> dict[str, Document]:
    """Return the seed documents and the stored plans (hidden ones too), keyed by source."""
    from geodata.plan.pgstore import plan_store

    docs = dict(load_documents())
    for info in plan_store().plans()[1:]:
        docs[f"plan-{info.plan}"] = stored_document(info.plan)
    return docs


def visible_documents() -> list[Document]:
    """Return the documents of the targets shown.

    The seeds unless plan 0 is hidden, then the stored plans that are not hidden (a damaged one
    is left out).
    """
    from geodata.plan.pgstore import plan_store
    from geodata.plan.store import BUNDLED

    store = plan_store()
    hidden = store.hidden()
    docs = [] if BUNDLED in hidden else list(load_documents().values())
    for info in store.plans()[1:]:
        if info.plan not in hidden:
            docs.append(stored_document(info.plan))
    return docs


def document(file: str) -> Document:
    """Return the document a target's ``source`` names (a seed file or ``plan-{n}``).

    Raises
    ------
    InputError
        When no document of that name is in the manifest or the plan store.
    """
    from geodata.plan.store import plan_number

    number = plan_number(file)
    if number is not None and number > 0:
        return stored_document(number)
    docs = load_documents()
    if file not in docs:
        raise InputError(f"no plan document named {file!r}: use one of {', '.join(sorted(docs))}")
    return docs[file]


def quote_span(file: str, quote: str) -> tuple[int, int]:
    """Return the character span of a verbatim quote in a document.

    Parameters
    ----------
    file : str
        Seed file name, or ``plan-{n}`` for a stored plan.
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


def source_title(source: str) -> str:
    """Return the title of the document a target's ``source`` names, for a list or a link.

    A stored plan's title (or its file name), a seed document's title; the source itself when
    no document has that name.
    """
    from geodata.plan.pgstore import plan_store
    from geodata.plan.store import plan_number

    number = plan_number(source)
    if number is not None and number > 0:
        store = plan_store()
        return _stored_title(number, str(getattr(store, "dsn", store.root))) or source
    seed = load_documents().get(source)
    return seed.title if seed is not None and seed.title else source


#: Titles of stored plans by (store, number): numbers are never reused within one store.
_TITLES: dict[tuple[str, int], str] = {}


def _stored_title(number: int, root: str) -> str:
    """Return a stored plan's title, ``""`` when there is no such plan (not remembered)."""
    if (root, number) not in _TITLES:
        try:
            _TITLES[(root, number)] = stored_document(number).title
        except InputError:
            return ""
    return _TITLES[(root, number)]
