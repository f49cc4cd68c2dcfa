"""The words around a printed map: place names for titles, the plan behind it, its sources.

Shared by the figures (:mod:`geodata.printing.figure`) and the region reports
(:mod:`geodata.printing.report`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING

from geodata.i18n import tr
from geodata.layer import Layer

if TYPE_CHECKING:
    from geodata.plan.documents import Document
    from geodata.plan.roles import CityRole


def plain(text: str) -> str:
    r"""Return text from a file as matplotlib writes it literally (``$`` is not math: ``\$``)."""
    return text.replace("$", r"\$")


def place_name(adcode: str | None, language: str) -> str:
    """Return the name of a province or region for titles (``"China"`` for None)."""
    from geodata.regions.catalogue import region
    from geodata.regions.names import PROVINCE_EN

    if not adcode:
        return tr("figure.china", language)
    known = region(adcode)
    if language == "zh":
        return known.name_zh if known else adcode
    return PROVINCE_EN.get(adcode) or (known.name_en if known else adcode)


def plan_documents(province: str | None) -> list[Document]:
    """Return the plan documents of a province (all of them for None), dated ones first.

    The seed documents (unless plan 0 is hidden) and the stored plans shown
    (:func:`geodata.plan.documents.visible_documents`) that hold targets: a sheet of achieved
    figures or a typed figure is no plan (a progress map cites its figures' source itself).
    """
    from geodata.plan.documents import visible_documents

    docs = [
        d
        for d in visible_documents()
        if province in (None, *d.province.split(";")) and d.kind in ("document", "sheet")
    ]
    return sorted(docs, key=lambda d: (not d.date, d.date, d.file))


#: A hash-like file name part: 12 or more hex digits with letters and digits both.
_HASH = re.compile(
    r"(?<![0-9a-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,}(?![0-9a-z])", re.I
)
#: A stored plan's source (``plan-3``) or a folder of the seeds.
_INTERNAL = re.compile(r"\bplan-\d+\b|seeds/|seeds\\", re.I)
#: A path: a separator with a name on both sides, or a leading one (``/tmp``, ``C:\``).
_PATH = re.compile(r"\S[/\\]\S|(^|\s)[/\\]\w|\b[A-Za-z]:[/\\]")
#: A boundary version's import date in its source (``..., imported 2024-05-01)``).
_IMPORTED = re.compile(r"imported (\d{4}-\d{2}-\d{2})")


def is_clean_source(text: str) -> bool:
    """Return whether a source note names its sources as a reader cites them.

    False when the text holds a folder (``seeds/``), a path separator between names, a
    stored plan's internal source (``plan-3``) or a hash-like file name
    (``000_bf06ba13957dd301.txt``).
    """
    return not (_INTERNAL.search(text) or _PATH.search(text) or _HASH.search(text))


def _typographic(text: str) -> str:
    """Return a title with its slashes made typographic, so no part reads as a path."""
    return (
        text.strip()
        .replace("/", "\N{FULLWIDTH SOLIDUS}")
        .replace("\\", "\N{FULLWIDTH REVERSE SOLIDUS}")
    )


def _file_name(text: str) -> str:
    """Return a file's name without its folders."""
    return _typographic(PureWindowsPath(text.strip()).name)


def cited_document(doc: Document, language: str) -> str:
    """Return a plan document as a reader cites it: title (publisher, date).

    A stored plan has no known publisher or date: it is cited by its title, what it is and
    the file it came from (when that name means something to a reader) and its import date.
    A title or file name that is a hash-like name is left out.
    """
    from geodata.plan.store import plan_number

    number = plan_number(doc.file)
    if number is None or number <= 0:
        date = doc.date or tr("figure.undated", language)
        return f"{_title(doc.title, language)} ({_typographic(doc.publisher)}, {date})"
    return _cited_stored(doc, number, language)


def _cited_stored(doc: Document, number: int, language: str) -> str:
    """Return a stored plan as cited: its title, kind, file name and import date."""
    from geodata.errors import InputError
    from geodata.plan.store import PlanStore

    try:
        info = PlanStore().get(number)
    except InputError:
        return _title(doc.title, language)
    what = tr("figure.sheet" if info.kind == "sheet" else "figure.plan_document", language)
    name = _file_name(info.source)
    if name and is_clean_source(name) and name != _typographic(doc.title):
        what = f"{what} {name}"
    return tr(
        "figure.stored_plan",
        language,
        title=_title(doc.title, language),
        what=what,
        date=info.imported_at[:10] or tr("figure.undated", language),
    )


def _title(title: str, language: str) -> str:
    """Return a document's title for a note: itself, or "untitled" for a hash-like name."""
    clean = _typographic(title)
    return clean if clean and is_clean_source(clean) else tr("figure.untitled", language)


def _cited(doc: Document, language: str) -> str:
    """Return a document as the source note cites it (see :func:`cited_document`)."""
    return cited_document(doc, language)


def boundary_source(layer: Layer, language: str) -> str:
    """Return where a layer's boundaries come from, as a reader cites it.

    The bundled data by its name and version; a boundary file a user imported by its file
    name (no folders; left out when hash-like) and its import date.
    """
    if layer.version in ("", "0"):
        return _typographic(layer.source)
    name = _file_name(layer.source.split(" (version ")[0])
    if not is_clean_source(name):
        name = tr("figure.boundary_file", language)
    found = _IMPORTED.search(layer.source)
    if found is None:
        return name
    return tr("figure.imported", language, name=name, date=found.group(1))


def subtitle(province: str | None, language: str) -> str:
    """Return the subtitle of a figure: the province's plan document and its date."""
    docs = plan_documents(province)
    if not docs:
        return ""
    first = docs[0]
    date = first.date or tr("figure.undated", language)
    sep = "：" if language == "zh" else ": "
    line = f"{tr('figure.plan', language)}{sep}{_title(first.title, language)} ({date})"
    if len(docs) > 1:
        line += ("，" if language == "zh" else ", ") + tr("figure.more", language, n=len(docs) - 1)
    return line


def source_note(layer: Layer, language: str) -> str:
    """Return the source and datum note: ``Boundaries: <source>; WGS-84; targets: <documents>``."""
    docs = plan_documents(layer.province)
    titles = "; ".join(cited_document(d, language) for d in docs)
    source = boundary_source(layer, language)
    return tr("figure.source_note", language, source=source, titles=titles)


def roles_note(roles: Iterable[CityRole], language: str) -> str:
    """Return the note under a map of inferred city roles, citing the plan they come from."""
    from geodata.errors import InputError
    from geodata.plan.documents import document

    cited = []
    for source in dict.fromkeys(r.source for r in roles):
        try:
            cited.append(cited_document(document(source), language))
        except InputError:
            continue
    plan = "; ".join(cited) or tr("figure.the_plan", language)
    return tr("figure.roles_note", language, plan=plan)
