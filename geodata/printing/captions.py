"""The words around a printed map: place names for titles, the plan behind it, its sources.

Shared by the figures (:mod:`geodata.printing.figure`) and the region reports
(:mod:`geodata.printing.report`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.i18n import tr
from geodata.layer import Layer

if TYPE_CHECKING:
    from geodata.plan.documents import Document


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


def _cited(doc: Document, language: str) -> str:
    """Return a document as the source note cites it (a stored plan: its file and import)."""
    if not doc.publisher and doc.note:  # a stored plan: publisher and date unknown
        return f"{doc.title} ({doc.note})"
    return f"{doc.title} ({doc.publisher}, {doc.date or tr('figure.undated', language)})"


def subtitle(province: str | None, language: str) -> str:
    """Return the subtitle of a figure: the province's plan document and its date."""
    docs = plan_documents(province)
    if not docs:
        return ""
    first = docs[0]
    date = first.date or tr("figure.undated", language)
    sep = "：" if language == "zh" else ": "
    line = f"{tr('figure.plan', language)}{sep}{first.title} ({date})"
    if len(docs) > 1:
        line += ("，" if language == "zh" else ", ") + tr("figure.more", language, n=len(docs) - 1)
    return line


def source_note(layer: Layer, language: str) -> str:
    """Return the source and datum note: ``Boundaries: <source>; WGS-84; targets: <documents>``."""
    docs = plan_documents(layer.province)
    titles = "; ".join(_cited(d, language) for d in docs)
    return tr("figure.source_note", language, source=layer.source, titles=titles)
