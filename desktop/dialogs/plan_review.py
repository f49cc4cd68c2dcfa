"""Review the targets proposed from a plan document before anything is stored.

:func:`geodata.plan.plan_import.propose_file` reads a document and proposes candidate targets,
each with its verbatim sentence. :class:`PlanReviewDialog` lists them beside the document: the
planner accepts, edits or rejects each (or accepts them all), sees the selected proposal's
sentence highlighted in the text, and stores only the accepted ones. The dialog never stores
anything itself: it ends with ``Accepted`` and :meth:`PlanReviewDialog.accepted_proposals`.

The document may run to hundreds of pages, so it is shown in a :class:`QPlainTextEdit` and the
highlight is an extra selection (nothing is re-rendered when another proposal is selected).
"""

from __future__ import annotations

import html
import re
from datetime import date as Date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.forms import labelled_form
from desktop.i18n import current_language, region_name
from desktop.labels import category_labels, qualifier_labels, status_labels
from desktop.notify import in_language
from geodata.plan.extract.proposal import QUALIFIERS, Proposal
from geodata.plan.store import is_figure
from geodata.plan.targets import CATEGORIES, STATUSES

if TYPE_CHECKING:
    from geodata.plan.plan_import import PlanProposals
    from geodata.regions.catalogue import RegionIndex

#: The table's columns, in order.
COLUMNS = ("accept", "value", "metric", "year", "status", "regions", "category")
ACCEPT, VALUE, METRIC, YEAR, STATUS, REGIONS, CATEGORY = range(len(COLUMNS))
SENTENCE_COLOUR = QColor("#ffeb3b")
NUMBER_COLOUR = QColor("#ff9800")
#: The widest a column of the table starts (pixels); the text is elided beyond.
MAX_COLUMN = 170
#: Large numbers as a planner writes them, per interface language.
SCALES = {
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
    "en": ((1e9, " billion"), (1e6, " million")),
}
MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "billion": 1e9, "million": 1e6}
_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(万亿|亿|万|billion|million)?$", re.IGNORECASE)
_REGION_SEPARATORS = re.compile(r"[,，、;；\s]+")


def _plain_number(value: float) -> str:
    """Return ``120,000`` or ``12.5`` (the targets table's way)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def number_text(value: float | None, language: str) -> str:
    """Return a number as a planner reads it: ``3600亿`` in Chinese, ``360 billion`` in English.

    A scale word is used only when it keeps the number exact to two decimals.
    """
    if value is None:
        return ""
    for scale, word in SCALES.get(language, ()):
        scaled = value / scale
        if abs(scaled) >= 1 and abs(round(scaled, 2) - scaled) < 1e-9:
            grouped = f"{scaled:,.2f}" if language == "en" else f"{scaled:.2f}"
            return grouped.rstrip("0").rstrip(".") + word
    return _plain_number(value)


def parse_number(text: str) -> float | None:
    """Parse ``120000``, ``120,000``, ``3600亿``, ``1.2 million``; blank is None.

    Raises
    ------
    ValueError
        When the text is not a number.
    """
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    match = _NUMBER.match(cleaned)
    if match is None:
        raise ValueError(text)
    multiplier = MULTIPLIERS.get((match.group(2) or "").lower(), 1.0)
    return float(match.group(1)) * multiplier


def qt_position(text: str, index: int) -> int:
    """Return the position in the text view of character ``index`` of the document text.

    The view shows each Windows line break (CR LF) as one break and counts in UTF-16 code units.
    """
    before = text[:index].replace("\r\n", "\n")
    return len(before.encode("utf-16-le")) // 2


class PlanReviewDialog(QDialog):
    """The proposals of one document, the document, and an edit form for the selected one.

    Parameters
    ----------
    result : PlanProposals
        What :func:`~geodata.plan.plan_import.propose_file` found.
    parent : QWidget, optional

    Attributes
    ----------
    proposals : list of Proposal
        Every proposal as edited so far, in the table's order.
    """

    def __init__(self, result: PlanProposals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_review_dialog")
        self.resize(1280, 820)
        self.result = result
        self.proposals: list[Proposal] = list(result.proposals)
        self._accepted = [False] * len(self.proposals)
        self._current = -1
        self._loading = False
        self._index: RegionIndex | None = None
        self._build_list()
        self._build_form()
        self._build_document()
        self._build_buttons()
        self._lay_out()
        self.retranslate()
        self.text_view.setPlainText(result.document.text.replace("\r\n", "\n"))
        self._fill_table()
        self._select_first_shown()

    # ----------------------------------------------------------------- building
    def _build_list(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.status_filter = QComboBox(self)
        for status in (None, *STATUSES):
            self.status_filter.addItem("", status)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.count_label = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemChanged.connect(self._on_item_changed)

    def _build_form(self) -> None:
        """Create the edit form's fields; each applies its edit when it is left or chosen."""
        self.value_edit, self.unit_edit = QLineEdit(self), QLineEdit(self)
        self.year_edit, self.date_edit = QLineEdit(self), QLineEdit(self)
        self.metric_edit, self.regions_edit = QLineEdit(self), QLineEdit(self)
        self.qualifier_combo = _combo(self, QUALIFIERS)
        self.status_combo = _combo(self, STATUSES)
        self.category_combo = _combo(self, CATEGORIES)
        fields = (
            self.value_edit,
            self.unit_edit,
            self.qualifier_combo,
            self.year_edit,
            self.date_edit,
            self.status_combo,
            self.metric_edit,
            self.category_combo,
            self.regions_edit,
        )
        first, first_labels = labelled_form(self, fields[:5])  # two columns: the table
        second, second_labels = labelled_form(self, fields[5:])  # keeps the height
        self.form = QHBoxLayout()
        self.form.addLayout(first, 1)
        self.form.addLayout(second, 1)
        self.form_labels = first_labels + second_labels
        for edit in (self.value_edit, self.unit_edit, self.year_edit, self.date_edit):
            edit.editingFinished.connect(self.apply_form)
        for edit in (self.metric_edit, self.regions_edit):
            edit.editingFinished.connect(self.apply_form)
        for combo in (self.qualifier_combo, self.status_combo, self.category_combo):
            combo.currentIndexChanged.connect(self.apply_form)
        self.form_error = _plain_label(self, "color: #b00020;")

    def _build_document(self) -> None:
        self.document_label = _plain_label(self)
        self.warnings_label = _plain_label(self, "color: #8a5a00;")
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setUndoRedoEnabled(False)
        self.text_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def _build_buttons(self) -> None:
        self.accept_all_button = QPushButton(self)
        self.accept_all_button.clicked.connect(lambda: self.set_all_accepted(True))
        self.reject_all_button = QPushButton(self)
        self.reject_all_button.clicked.connect(lambda: self.set_all_accepted(False))
        self.store_button = QPushButton(self)
        self.store_button.setDefault(True)
        self.store_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_filter)
        left = _column(self, filters, self.count_label, self.table, self.form, self.form_error)
        right = _column(self, self.document_label, self.warnings_label, self.text_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([620, 660])
        buttons = QHBoxLayout()
        for button in (self.accept_all_button, self.reject_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.store_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        """Set every text in the current language."""
        document = self.result.document
        title = document.title or document.source
        self.setWindowTitle(self.tr("Review proposed targets: {0}").format(title))
        self.filter_edit.setPlaceholderText(self.tr("Filter: sentence, metric, unit or region"))
        self.filter_edit.setAccessibleName(self.tr("Filter proposals"))
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        labels = self.status_labels()
        for i, status in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(i, labels[status])
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Accept"),
                self.tr("Value"),
                self.tr("Metric"),
                self.tr("Year"),
                self.tr("Status"),
                self.tr("Regions"),
                self.tr("Category"),
            ]
        )
        self._retranslate_form()
        self.accept_all_button.setText(self.tr("&Accept all"))
        self.accept_all_button.setToolTip(self.tr("Accept every proposal the filter shows"))
        self.reject_all_button.setText(self.tr("&Reject all"))
        self.reject_all_button.setToolTip(self.tr("Reject every proposal the filter shows"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._retranslate_document()
        self._refresh_rows()
        self._update_counts()

    def _retranslate_form(self) -> None:
        texts = (
            self.tr("&Value:"),
            self.tr("&Unit:"),
            self.tr("&Qualifier:"),
            self.tr("&Year:"),
            self.tr("&Date:"),
            self.tr("S&tatus:"),
            self.tr("&Metric:"),
            self.tr("Cate&gory:"),
            self.tr("Regi&ons:"),
        )
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.value_edit.setPlaceholderText(self.tr("e.g. 120000 or 3600亿"))
        self.year_edit.setPlaceholderText(self.tr("e.g. 2025"))
        self.date_edit.setPlaceholderText(self.tr("e.g. 2023-06-30"))
        self.regions_edit.setPlaceholderText(self.tr("Names or adcodes, separated by commas"))
        for combo, labels in (
            (self.qualifier_combo, self.qualifier_labels(form=True)),
            (self.status_combo, self.status_labels()),
            (self.category_combo, self.category_labels()),
        ):
            for i in range(combo.count()):
                combo.setItemText(i, labels.get(combo.itemData(i), combo.itemData(i)))

    def _retranslate_document(self) -> None:
        document = self.result.document
        pages = getattr(document, "pages", 0) or 0
        details = [document.source, document.kind.upper()]
        if pages:
            details.append(self.tr("{0} pages").format(pages))
        if document.encoding:
            details.append(document.encoding)
        self.document_label.setText(f"{document.title}\n{' · '.join(filter(None, details))}")
        warnings = list(document.warnings)
        notes = (self.tr("Note: {0}").format(in_language(w)) for w in warnings)
        self.warnings_label.setText("\n".join(notes))
        self.warnings_label.setVisible(bool(warnings))

    def qualifier_labels(self, form: bool = False) -> dict[str, str]:
        """Return the translated qualifiers (in the form, the exact number is named too)."""
        return qualifier_labels(form)

    def status_labels(self) -> dict[str, str]:
        """Return the translated statuses."""
        return status_labels()

    def category_labels(self) -> dict[str, str]:
        """Return the translated target categories (the targets panel's words)."""
        return category_labels()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._load_form()
        super().changeEvent(event)

    # ----------------------------------------------------------------- public API
    def accepted_proposals(self) -> list[Proposal]:
        """Return the accepted proposals, with the planner's edits, in document order."""
        return [p for p, ok in zip(self.proposals, self._accepted, strict=True) if ok]

    def is_accepted(self, row: int) -> bool:
        """Return whether the proposal of ``row`` is accepted."""
        return self._accepted[row]

    def set_accepted(self, row: int, accepted: bool) -> None:
        """Accept or reject the proposal of ``row`` (its check box follows)."""
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        self.table.item(row, ACCEPT).setCheckState(state)

    def set_all_accepted(self, accepted: bool) -> None:
        """Accept (or reject) every proposal the filters show."""
        for row in range(len(self.proposals)):
            if not self.table.isRowHidden(row):
                self.set_accepted(row, accepted)

    def select_row(self, row: int) -> None:
        """Select the proposal of ``row``: its sentence is highlighted and its form filled."""
        self.table.selectRow(row)

    def current_row(self) -> int:
        """Return the row of the selected proposal, or -1."""
        return self._current

    def highlighted_text(self) -> str:
        """Return the text of the sentence highlight ("" when nothing is highlighted)."""
        selections = self.text_view.extraSelections()  # (each cursor lives in its selection)
        if not selections:
            return ""
        return selections[0].cursor.selectedText().replace("\u2029", "\n")

    # ----------------------------------------------------------------- table
    def _fill_table(self) -> None:
        self._loading = True
        self.table.setRowCount(len(self.proposals))
        for row in range(len(self.proposals)):
            for column in range(len(COLUMNS)):
                self.table.setItem(row, column, QTableWidgetItem())
            self.table.item(row, ACCEPT).setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
        self._loading = False
        self._refresh_rows()
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):  # a long metric must not push the others away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))
        self._apply_filter()

    def _refresh_rows(self) -> None:
        for row in range(self.table.rowCount()):
            self._refresh_row(row)

    def _refresh_row(self, row: int) -> None:
        """Write a proposal's texts into its row (plain text items, never markup)."""
        p = self.proposals[row]
        self._loading = True
        texts = self.row_texts(p)
        for column, text in enumerate(texts):
            item = self.table.item(row, column)
            item.setText(text)
            item.setToolTip(f"<p>{html.escape(p.sentence)}</p>")
        self.table.item(row, ACCEPT).setCheckState(
            Qt.CheckState.Checked if self._accepted[row] else Qt.CheckState.Unchecked
        )
        if p.number_text:
            as_written = self.tr("As written: {0}").format(p.number_text)
            self.table.item(row, VALUE).setToolTip(f"<p>{html.escape(as_written)}</p>")
        if p.ambiguous:
            note = self.tr("Ambiguous in this province: {0}").format(", ".join(p.ambiguous))
            self.table.item(row, REGIONS).setToolTip(f"<p>{html.escape(note)}</p>")
            self.table.item(row, REGIONS).setForeground(QColor("#b00020"))
        self._loading = False

    def row_texts(self, p: Proposal) -> list[str]:
        """Return the texts of a proposal's row, column by column."""
        return [
            p.id,
            self.value_text(p),
            p.metric,
            p.date or p.year,
            self.status_labels().get(p.status, p.status),
            self.region_names(p.regions),
            self.category_labels().get(p.category, p.category),
        ]

    def value_text(self, p: Proposal) -> str:
        """Return qualifier, number and unit as a planner reads them (``约3600亿元``)."""
        language = current_language()
        qualifier = self.qualifier_labels().get(p.qualifier, p.qualifier)
        number = number_text(p.value, language)
        if not number:
            return ""
        if language == "zh":
            return f"{qualifier}{number}{p.unit}"
        unit = p.unit if p.unit in ("%", "‰") else f" {p.unit}".rstrip()
        return f"{qualifier} {number}{unit}".strip()

    def region_names(self, codes: tuple[str, ...] | list[str]) -> str:
        """Return region names in the interface language, joined."""
        separator = "、" if current_language() == "zh" else ", "
        return separator.join(region_name(code) for code in codes)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != ACCEPT:
            return
        self._accepted[item.row()] = item.checkState() == Qt.CheckState.Checked
        self._update_counts()

    def _apply_filter(self) -> None:
        """Hide the rows the filter text or the status filter leaves out."""
        text = self.filter_edit.text().strip().casefold()
        status = self.status_filter.currentData()
        for row, p in enumerate(self.proposals):
            hidden = (status is not None and p.status != status) or (
                bool(text) and text not in self._haystack(row, p)
            )
            self.table.setRowHidden(row, hidden)
        self._update_counts()

    def _haystack(self, row: int, p: Proposal) -> str:
        texts = [self.table.item(row, c).text() for c in range(len(COLUMNS))]
        return " ".join([*texts, p.sentence, p.unit, p.number_text, *p.regions]).casefold()

    def shown_rows(self) -> list[int]:
        """Return the rows the filters show."""
        return [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _update_counts(self) -> None:
        accepted = sum(self._accepted)
        self.store_button.setText(self.tr("&Store {0} accepted").format(accepted))
        self.store_button.setEnabled(accepted > 0)
        if not self.proposals:
            self.count_label.setText(self.tr("No targets were found in this document."))
            return
        counts = self.tr("{shown} of {total} proposals shown, {accepted} accepted").format(
            shown=len(self.shown_rows()), total=len(self.proposals), accepted=accepted
        )
        achieved = sum(
            1 for p, on in zip(self.proposals, self._accepted, strict=True) if on and is_figure(p)
        )
        if achieved:
            counts += "\n" + self.tr(
                "Achieved and accepted: {0}, stored as achieved figures to follow progress"
            ).format(achieved)
        self.count_label.setText(counts)

    def _select_first_shown(self) -> None:
        shown = self.shown_rows()
        if shown:
            self.select_row(shown[0])
        else:
            self._load_form()

    # ----------------------------------------------------------------- selection
    def _on_selection(self) -> None:
        self.apply_form()  # an edit not yet applied belongs to the row selected before
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self._current = min(rows) if rows else -1
        self._load_form()
        self._highlight()

    def _highlight(self) -> None:
        """Highlight the selected proposal's sentence, emphasise its number, scroll to it."""
        if self._current < 0:
            self.text_view.setExtraSelections([])
            return
        p = self.proposals[self._current]
        text = self.result.document.text
        start, end = qt_position(text, p.start), qt_position(text, p.end)
        sentence = self._selection(start, end, SENTENCE_COLOUR, bold=False)
        selections = [sentence]
        if p.number_start >= 0 and p.number_text:
            first = qt_position(text, p.number_start)
            last = qt_position(text, p.number_start + len(p.number_text))
            selections.append(self._selection(first, last, NUMBER_COLOUR, bold=True))
        self.text_view.setExtraSelections(selections)
        self._scroll_to(start)

    def _selection(self, start: int, end: int, colour: QColor, bold: bool):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(QColor("black"))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        selection.format = fmt
        return selection

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(position)
        self.text_view.setTextCursor(cursor)
        self.text_view.centerCursor()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Scroll to the highlight again once the view has its size."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._highlight)

    # ----------------------------------------------------------------- editing
    def _load_form(self) -> None:
        """Show the selected proposal in the form (empty and disabled when none is)."""
        self._loading = True
        self.form_error.hide()
        p = self.proposals[self._current] if self._current >= 0 else None
        for widget in self._form_fields():
            widget.setEnabled(p is not None)
        language = current_language()
        self.value_edit.setText(number_text(p.value, language) if p else "")
        self.unit_edit.setText(p.unit if p else "")
        self.year_edit.setText(p.year if p else "")
        self.date_edit.setText(p.date if p else "")
        self.metric_edit.setText(p.metric if p else "")
        self.regions_edit.setText(", ".join(self._region_token(c) for c in p.regions) if p else "")
        for combo, value in (
            (self.qualifier_combo, p.qualifier if p else ""),
            (self.status_combo, p.status if p else STATUSES[0]),
            (self.category_combo, p.category if p else CATEGORIES[0]),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._loading = False

    def _form_fields(self) -> tuple[QWidget, ...]:
        return (
            self.value_edit,
            self.unit_edit,
            self.qualifier_combo,
            self.year_edit,
            self.date_edit,
            self.status_combo,
            self.metric_edit,
            self.category_combo,
            self.regions_edit,
        )

    def apply_form(self) -> bool:
        """Apply the form's edits to the selected proposal (``Proposal.edited``) and its row.

        Returns
        -------
        bool
            False when a field is not valid (its message is shown and nothing is applied).
        """
        if self._loading or self._current < 0:
            return True
        p = self.proposals[self._current]
        changes = self._form_changes(p)
        if changes is None:
            return False
        self.form_error.hide()
        if changes:
            self.proposals[self._current] = p.edited(**changes)
            self._refresh_row(self._current)
        return True

    def _form_changes(self, p: Proposal) -> dict | None:
        """Return the fields the form changes, or None (with the message shown) if one is bad."""
        try:
            value = self._parse_value(p)
            year = self._parse_year()
            date = self._parse_date()
            regions = self._parse_regions()
        except ValueError as exc:
            self.form_error.setText(in_language(exc))
            self.form_error.show()
            return None
        edited = {
            "value": value,
            "unit": self.unit_edit.text().strip(),
            "qualifier": self.qualifier_combo.currentData(),
            "year": year,
            "date": date,
            "status": self.status_combo.currentData(),
            "metric": self.metric_edit.text().strip(),
            "category": self.category_combo.currentData(),
            "regions": regions,
        }
        return {k: v for k, v in edited.items() if getattr(p, k) != v}

    def _parse_value(self, p: Proposal) -> float | None:
        text = self.value_edit.text()
        if text.strip() == number_text(p.value, current_language()):
            return p.value  # unchanged (the shown text may round)
        try:
            return parse_number(text)
        except ValueError:
            message = self.tr("{0} is not a number: write digits such as 120000 or 3600亿")
            raise ValueError(message.format(text.strip())) from None

    def _parse_year(self) -> str:
        year = self.year_edit.text().strip()
        if year and not (len(year) == 4 and year.isdigit()):
            raise ValueError(
                self.tr("{0} is not a year: write four digits such as 2025").format(year)
            )
        return year

    def _parse_date(self) -> str:
        text = self.date_edit.text().strip()
        if not text:
            return ""
        try:
            return Date.fromisoformat(text).isoformat()
        except ValueError:
            message = self.tr("{0} is not a date: write it as 2023-06-30")
            raise ValueError(message.format(text)) from None

    def _parse_regions(self) -> tuple[str, ...]:
        """Resolve the names or adcodes typed (the province itself when none is)."""
        tokens = [t for t in _REGION_SEPARATORS.split(self.regions_edit.text()) if t]
        if not tokens:
            return (self.result.province,)
        codes = []
        for token in tokens:
            found = self._region_index().resolve(token)
            if found.adcode is None and found.ambiguous:
                names = ", ".join(f"{region_name(c)} {c}" for c in found.candidates)
                message = self.tr("{0} could be any of {1}: write the adcode")
                raise ValueError(message.format(token, names))
            if found.adcode is None:
                message = self.tr("{0} is not a region of {1}")
                raise ValueError(message.format(token, region_name(self.result.province)))
            codes.append(found.adcode)
        return tuple(dict.fromkeys(codes))

    def _region_index(self) -> RegionIndex:
        """Return the index of the province's own regions (built when first needed)."""
        if self._index is None:
            from geodata.regions.catalogue import RegionIndex, catalogue

            province = self.result.province
            self._index = RegionIndex([r for r in catalogue() if r.province == province])
        return self._index

    def _region_token(self, code: str) -> str:
        """Return a region's name for the form if it reads back as the same code, else the code."""
        name = region_name(code)
        return name if self._region_index().resolve(name).adcode == code else code


def _combo(parent: QWidget, values: tuple[str, ...]) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(value, value)
    return combo


def _plain_label(parent: QWidget, style: str = "") -> QLabel:
    """Return a word-wrapped label whose text (from the document) is never read as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
        label.hide()
    return label


def _column(parent: QWidget, *parts: object) -> QWidget:
    """Return a widget holding widgets and layouts one under the other."""
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, QTableWidget | QPlainTextEdit) else 0)
        else:
            layout.addLayout(part)
    return widget
