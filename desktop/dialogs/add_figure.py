"""The Add achieved figure dialog: one figure a region has reached, with where it comes from.

The planner picks one of the region's numeric targets (or types a metric), the value, its
unit (the target's by default), the date it was reached by (not after today) and a source
note, which is required. OK stores it with :meth:`geodata.atlas.AtlasData.add_observation`;
a problem (from the form or from the engine's checks) is shown in the dialog as plain text and
nothing is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.forms import labelled_form
from desktop.i18n import region_name
from desktop.notify import in_language
from geodata.errors import InfraAtlasError, InputError
from geodata.plan.targets import parse_value

if TYPE_CHECKING:
    from geodata.atlas import AtlasData
    from geodata.plan.observations import Observation
    from geodata.plan.targets import Target


class AddFigureDialog(QDialog):
    """Ask for one achieved figure of a region and store it.

    Parameters
    ----------
    data : AtlasData
        Stores the figure.
    region : str
        Adcode of the region the figure was reached in.
    targets : list of Target
        The region's targets offered (those with a number); the planner may type a metric.
    target : str, optional
        Id of the target chosen first.
    parent : QWidget, optional

    Attributes
    ----------
    observation : Observation or None
        The figure as stored, once OK succeeded.
    """

    def __init__(
        self,
        data: AtlasData,
        region: str,
        targets: list[Target],
        target: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.region = region
        self.targets = [t for t in targets if t.value is not None]
        self.observation: Observation | None = None
        self._build_fields()
        form, self.labels = labelled_form(
            self,
            (
                self.target_combo,
                self.metric_edit,
                self.value_edit,
                self.unit_edit,
                self.date_edit,
                self.note_edit,
            ),
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.target_combo.currentIndexChanged.connect(self._on_target)
        self.retranslate()
        self.target_combo.setCurrentIndex(max(self.target_combo.findData(target or ""), 0))
        self._on_target()

    def _build_fields(self) -> None:
        """Create the target, metric, value, unit, date and note fields and the error line."""
        self.target_combo = QComboBox(self)
        for t in self.targets:
            self.target_combo.addItem(f"{t.metric} [{t.id}] · {t.display_value()}", t.id)
        self.target_combo.addItem("", "")  # another metric, typed (text set in retranslate)
        self.metric_edit = QLineEdit(self)
        self.value_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.currentDate())
        self.note_edit = QLineEdit(self)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

    def retranslate(self) -> None:
        """Set every label in the current interface language."""
        self.setWindowTitle(
            self.tr("Add achieved figure: {region}").format(region=region_name(self.region))
        )
        texts = (
            self.tr("&Target:"),
            self.tr("&Metric:"),
            self.tr("&Value:"),
            self.tr("&Unit:"),
            self.tr("&Date reached:"),
            self.tr("&Source:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.target_combo.setItemText(self.target_combo.count() - 1, self.tr("Another metric"))
        self.metric_edit.setPlaceholderText(self.tr("What is counted, as in the plan"))
        self.value_edit.setPlaceholderText(self.tr("A number such as 93307"))
        self.note_edit.setPlaceholderText(
            self.tr("Where the figure comes from: a statistics table, a report, a web page")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_target(self) -> Target | None:
        """Return the target chosen, or None when the planner types a metric."""
        target_id = self.target_combo.currentData()
        return next((t for t in self.targets if t.id == target_id), None)

    def _on_target(self, *_: object) -> None:
        """Type a metric only for another metric; take the unit of a chosen target."""
        target = self.chosen_target()
        self.metric_edit.setEnabled(target is None)
        if target is not None:
            self.metric_edit.setText(target.metric)
            self.unit_edit.setText(target.unit)

    def show_error(self, message: str) -> None:
        """Show a problem under the form (plain text); an empty message hides the line."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def check(self) -> tuple[float, str] | None:
        """Return the value and the ISO date when the form is complete, else show why and None."""
        if self.chosen_target() is None and not self.metric_edit.text().strip():
            self.show_error(self.tr("Choose a target or type the metric the figure counts."))
            return None
        try:
            value = parse_value(self.value_edit.text())
        except InputError:
            value = None
        if value is None:
            self.show_error(self.tr("Type the figure as a number, such as 93307."))
            return None
        if not self.note_edit.text().strip():
            self.show_error(self.tr("Say where the figure comes from: the source is required."))
            return None
        day = self.date_edit.date()
        if day > QDate.currentDate():
            self.show_error(self.tr("The date is after today: a figure is reached by a date."))
            return None
        return value, day.toString("yyyy-MM-dd")

    def accept(self) -> None:
        """Store the figure and close; on a problem show it and stay open."""
        checked = self.check()
        if checked is None:
            return
        value, day = checked
        target = self.chosen_target()
        try:
            self.observation = self.data.add_observation(
                region=self.region,
                value=value,
                unit=self.unit_edit.text().strip(),
                date=day,
                target=target.id if target is not None else "",
                metric="" if target is not None else self.metric_edit.text().strip(),
                note=self.note_edit.text().strip(),
            )
        except InfraAtlasError as exc:
            self.show_error(in_language(exc))
            return
        self.show_error("")
        super().accept()
