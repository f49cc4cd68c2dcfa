"""Forms whose every field has a label (its buddy), so that each field is named and reachable."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def labelled_form(
    parent: QWidget, fields: tuple[QWidget, ...], rows: dict[QWidget, QLayout] | None = None
) -> tuple[QFormLayout, list[QLabel]]:
    """Return a form with one labelled row per field, and the labels (texts set later).

    Parameters
    ----------
    parent : QWidget
        Owner of the labels.
    fields : tuple of QWidget
        The fields, in order; each becomes its label's buddy.
    rows : dict, optional
        A layout to put in a field's row instead of the field alone (a path with its
        Browse button).
    """
    rows = rows or {}
    form = QFormLayout()
    labels = [QLabel(parent) for _ in fields]
    for label, field in zip(labels, fields, strict=True):
        label.setBuddy(field)
        form.addRow(label, rows.get(field, field))
    return form, labels
