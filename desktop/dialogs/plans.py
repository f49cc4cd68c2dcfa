"""File > Plans: the plan sets of the plan store, to hide, show or remove.

Plan 0 is the bundled seed targets: it may be hidden but never removed. Every other plan is a
document or a target sheet the planner imported (:mod:`geodata.plan.store`). A change is
written at once and announced by :attr:`PlansDialog.changed`, so the window can show the
targets that are now visible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import current_language, region_name
from desktop.notify import in_language
from geodata.errors import InfraAtlasError
from geodata.plan.pgstore import plan_store
from geodata.plan.provinces import featured
from geodata.plan.store import BUNDLED, PlanInfo, PlanStore


class PlansDialog(QDialog):
    """The stored plan sets: number, title, kind, source, province, time, targets, shown.

    Parameters
    ----------
    parent : QWidget, optional
    store : PlanStore, optional
        The data home's plan store by default.

    Signals
    -------
    changed(str)
        A plan was hidden, shown or removed (the sentence saying so).
    failed(str)
        A change failed; the one-sentence message.
    """

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, store: PlanStore | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plans_dialog")
        self.resize(960, 420)
        self.store = store if store is not None else plan_store()
        self.infos: list[PlanInfo] = []
        self.errors: list[str] = []
        self.table_label = QLabel(self)
        self.table = QTableWidget(0, 8, self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table_label.setBuddy(self.table)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self._lay_out(self._build_buttons())
        self.retranslate()
        self.refresh()

    def _build_buttons(self) -> QHBoxLayout:
        self.hide_button = QPushButton(self)
        self.hide_button.clicked.connect(lambda: self.set_selected_hidden(True))
        self.show_button = QPushButton(self)
        self.show_button.clicked.connect(lambda: self.set_selected_hidden(False))
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for button in (self.hide_button, self.show_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _lay_out(self, buttons_row: QHBoxLayout) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Plans"))
        self.table_label.setText(self.tr("&Plans (plan 0 is the bundled plans and stays):"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Plan"),
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Source"),
                self.tr("Province"),
                self.tr("Imported (UTC)"),
                self.tr("Targets"),
                self.tr("Shown"),
            ]
        )
        self.hide_button.setText(self.tr("&Hide"))
        self.show_button.setText(self.tr("&Show"))
        self.remove_button.setText(self.tr("&Remove..."))
        if self.infos:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _row(self, info: PlanInfo) -> list[str]:
        """Return the texts of a plan's row."""
        kinds = {
            "bundled": self.tr("bundled"),
            "document": self.tr("document"),
            "sheet": self.tr("sheet"),
        }
        bundled = info.plan == BUNDLED
        title = self.tr("Bundled plan documents") if bundled else info.title
        separator = "、" if current_language() == "zh" else ", "
        codes = featured() if bundled else [c for c in info.province.split(";") if c]
        return [
            str(info.plan),
            title,
            kinds.get(info.kind, info.kind),
            info.source,
            separator.join(region_name(code) for code in codes),
            info.imported_at[:19].replace("T", " "),
            str(info.targets),
            "" if info.hidden else self.tr("yes"),
        ]

    # ----------------------------------------------------------------- listing
    def refresh(self) -> None:
        """Re-read the store and fill the table (the selection is kept)."""
        selected = self.selected_plan()
        self.infos = self.store.plans()
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            for c, text in enumerate(self._row(info)):
                item = QTableWidgetItem(text)  # plain text, whatever the file name holds
                item.setData(Qt.ItemDataRole.UserRole, info.plan)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_plan(selected)
        self._update_buttons()

    def selected_plan(self) -> int | None:
        """Return the number of the plan selected, or None."""
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select_plan(self, number: int) -> None:
        """Select a plan's row."""
        for r, info in enumerate(self.infos):
            if info.plan == number:
                self.table.selectRow(r)
                return

    def _selected_info(self) -> PlanInfo | None:
        number = self.selected_plan()
        return next((i for i in self.infos if i.plan == number), None)

    def _update_buttons(self) -> None:
        info = self._selected_info()
        self.hide_button.setEnabled(info is not None and not info.hidden)
        self.show_button.setEnabled(info is not None and info.hidden)
        self.remove_button.setEnabled(info is not None and info.plan != BUNDLED)

    # ----------------------------------------------------------------- changes
    def _report(self, message: str) -> None:
        self.errors.append(message)
        self.error_label.setText(message)
        self.error_label.show()
        self.failed.emit(message)

    def set_selected_hidden(self, hidden: bool) -> None:
        """Hide the selected plan from view, or show it again."""
        info = self._selected_info()
        if info is None:
            return
        try:
            self.store.set_hidden(info.plan, hidden)
        except InfraAtlasError as exc:
            self._report(in_language(exc))
            return
        self.error_label.hide()
        self.refresh()
        message = self.tr("Plan {0} is hidden") if hidden else self.tr("Plan {0} is shown")
        self.changed.emit(message.format(info.plan))

    def remove_selected(self) -> None:
        """Delete the selected plan for good, once the user confirms (plan 0 stays)."""
        info = self._selected_info()
        if info is None or info.plan == BUNDLED or not self.confirm_remove(info):
            return
        try:
            self.store.remove(info.plan)
        except InfraAtlasError as exc:
            self._report(in_language(exc))
            return
        self.error_label.hide()
        self.refresh()
        self.changed.emit(self.tr("Plan {0} was removed").format(info.plan))

    def confirm_remove(self, info: PlanInfo) -> bool:
        """Ask whether to remove a plan (plain text: the title comes from the file)."""
        text = self.tr(
            "Remove plan {0} ({1}) and its {2} targets? The stored file and text are deleted."
        ).format(info.plan, info.title, info.targets)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove plan"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
