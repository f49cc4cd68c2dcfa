"""The words of a target's fields, in the interface language: categories, statuses, qualifiers.

The targets panel and the plan review dialog name them the same way; their translations live in
one context (``TargetLabels``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("TargetLabels", text)


def category_labels() -> dict[str, str]:
    """Return the translated name of each target category."""
    return {
        "overall": _tr("Overall"),
        "information": _tr("Information infrastructure"),
        "integration": _tr("Integrated infrastructure"),
        "innovation": _tr("Innovation infrastructure"),
        "security": _tr("Security"),
        "user": _tr("Imported"),
    }


def status_labels() -> dict[str, str]:
    """Return the translated name of each target status."""
    return {"planned": _tr("planned"), "achieved": _tr("achieved")}


def qualifier_labels(form: bool = False) -> dict[str, str]:
    """Return the translated qualifiers (in a form, the exact number is named too)."""
    return {
        "": _tr("(exact)") if form else "",
        "about": _tr("about"),
        "at least": _tr("at least"),
        "more than": _tr("more than"),
        "at most": _tr("at most"),
    }
