"""The words of a target's fields, in the interface language: categories, statuses, qualifiers.

The targets panel and the plan review dialog name them the same way; their translations live in
one context (``TargetLabels``). Each text is written out in a ``QCoreApplication.translate``
call, so that ``pyside6-lupdate`` collects it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def category_labels() -> dict[str, str]:
    """Return the translated name of each target category."""
    return {
        "overall": QCoreApplication.translate("TargetLabels", "Overall"),
        "information": QCoreApplication.translate("TargetLabels", "Information infrastructure"),
        "integration": QCoreApplication.translate("TargetLabels", "Integrated infrastructure"),
        "innovation": QCoreApplication.translate("TargetLabels", "Innovation infrastructure"),
        "security": QCoreApplication.translate("TargetLabels", "Security"),
        "user": QCoreApplication.translate("TargetLabels", "Imported"),
    }


def status_labels() -> dict[str, str]:
    """Return the translated name of each target status."""
    return {
        "planned": QCoreApplication.translate("TargetLabels", "planned"),
        "achieved": QCoreApplication.translate("TargetLabels", "achieved"),
    }


def qualifier_labels(form: bool = False) -> dict[str, str]:
    """Return the translated qualifiers (in a form, the exact number is named too)."""
    return {
        "": QCoreApplication.translate("TargetLabels", "(exact)") if form else "",
        "about": QCoreApplication.translate("TargetLabels", "about"),
        "at least": QCoreApplication.translate("TargetLabels", "at least"),
        "more than": QCoreApplication.translate("TargetLabels", "more than"),
        "at most": QCoreApplication.translate("TargetLabels", "at most"),
    }


def progress_labels() -> dict[str, str]:
    """Return the name of each progress status (see :mod:`geodata.plan.progress`).

    The words are the engine's (:mod:`geodata.i18n`), so the window, the map legend and the
    printed report say the same thing.
    """
    from desktop.i18n import current_language
    from geodata.i18n import tr as engine_text  # (not ``tr``: lupdate would collect it)
    from geodata.plan.progress import STATUSES

    language = current_language()
    return {s: engine_text(f"status.{s.replace(' ', '_')}", language) for s in STATUSES}


def baseline_labels() -> dict[str, str]:
    """Return the translated kind of a progress baseline: a stated one, or the earliest figure."""
    return {
        "stated": QCoreApplication.translate("TargetLabels", "stated baseline"),
        "earliest": QCoreApplication.translate("TargetLabels", "earliest figure"),
    }


def figure_text(value: float | None) -> str:
    """Return a figure as a planner reads it: ``93,307``, ``1.25``; ``""`` for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent_text(percent: float | None) -> str:
    """Return a share of the target with one decimal (``77.8``); ``""`` for None."""
    return "" if percent is None else f"{percent:.1f}"
