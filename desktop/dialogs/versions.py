"""Boundaries > Boundary versions: list the stored versions, switch, restore, and see what changed.

The versions come from :class:`geodata.boundaries.store.BoundaryStore`; version 0 (the bundled
boundaries) is always listed and can always be restored. Selecting a version shows its changes
from the version before (added, removed, renamed, recoded, area) as a table; "Show changes on
map" draws them in a small offline map inside the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import current_language, region_name
from desktop.notify import in_language
from desktop.workers import Worker, run_worker


class VersionsDialog(QDialog):
    """The boundary versions and their changes.

    Signals
    -------
    activated(str)
        The active choice changed (the sentence saying what changed).
    diff_shown(object)
        The :class:`~geodata.boundaries.diff.BoundaryDiff` shown in the table.
    diff_map_ready(str)
        The path of the diff map loaded in the dialog.
    failed(str)
        An action failed; the one-sentence message.
    """

    activated = Signal(str)
    diff_shown = Signal(object)
    diff_map_ready = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from geodata.boundaries.pgstore import boundary_store

        self.setObjectName("versions_dialog")
        self.resize(900, 620)
        self.store = boundary_store()
        self.errors: list[str] = []
        self.diff = None
        self.map_view = None
        self._workers: set[Worker] = set()

        self.table_label = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.verticalHeader().hide()
        self.table_label.setBuddy(self.table)
        self.diff_label = QLabel(self)
        self.diff_label.setTextFormat(Qt.PlainText)
        self.diff_table = QTableWidget(0, 5, self)
        self.diff_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.diff_label.setBuddy(self.diff_table)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self._lay_out(self._build_buttons())
        self.retranslate()
        self.refresh()

    def _build_buttons(self) -> QHBoxLayout:
        """Create the row of Activate, Restore and Show on map buttons."""
        self.activate_button = QPushButton(self)
        self.activate_button.clicked.connect(self.activate_selected)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_bundled)
        self.map_button = QPushButton(self)
        self.map_button.clicked.connect(self.show_diff_map)
        row = QHBoxLayout()
        row.addWidget(self.activate_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.map_button)
        return row

    def _lay_out(self, buttons_row: QHBoxLayout) -> None:
        """Put the tables in the top of a splitter (the diff map goes below them)."""
        self.splitter = QSplitter(Qt.Vertical, self)
        top = QWidget(self.splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.table_label, self.table):
            top_layout.addWidget(widget)
        top_layout.addLayout(buttons_row)
        for widget in (self.error_label, self.diff_label, self.diff_table):
            top_layout.addWidget(widget)
        self.splitter.addWidget(top)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        layout.addWidget(buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Boundary versions"))
        self.table_label.setText(self.tr("&Versions:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("Source"),
                self.tr("Imported"),
                self.tr("Layer"),
                self.tr("Features"),
                self.tr("Active"),
            ]
        )
        self.diff_table.setHorizontalHeaderLabels(
            [
                self.tr("Change"),
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Before"),
                self.tr("Area change"),
            ]
        )
        self.activate_button.setText(self.tr("&Activate"))
        self.restore_button.setText(self.tr("&Restore bundled boundaries"))
        self.map_button.setText(self.tr("Show changes on &map"))
        if self.diff is None:
            self.diff_label.setText(self.tr("Select an imported version to see its changes."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Retranslate when the language changes."""
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- listing
    def refresh(self) -> None:
        """Re-read the store and fill the table (the selection is kept)."""
        from geodata.boundaries.bundled import source_label

        selected = self.selected_version()
        versions = self.store.versions()
        active = self.store.active()
        self.table.setRowCount(len(versions) + 1)
        levels = {
            "province": self.tr("provinces"),
            "city": self.tr("cities"),
            "county": self.tr("counties"),
        }
        rows = [(0, source_label(), self.tr("bundled"), self.tr("all"), "", not active)]
        for v in versions:
            province = region_name(v.province) if v.province else ""
            layer = f"{province} {levels.get(v.level, v.level)}"
            rows.append(
                (
                    v.version,
                    v.source,
                    v.imported_at[:19].replace("T", " "),
                    layer.strip(),
                    str(v.features),
                    active.get(v.key) == v.version,
                )
            )
        for r, (version, source, when, layer, features, is_active) in enumerate(rows):
            values = [str(version), source, when, layer, features]
            values.append(self.tr("yes") if is_active else "")
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, whatever the file name holds
                item.setData(Qt.UserRole, version)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_version(selected)
        self._update_buttons()

    def selected_version(self) -> int | None:
        """Return the version selected in the table, or None."""
        items = self.table.selectedItems()
        return int(items[0].data(Qt.UserRole)) if items else None

    def select_version(self, version: int) -> None:
        """Select a version's row (its diff is then computed)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.UserRole) == version:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        version = self.selected_version()
        self.activate_button.setEnabled(version is not None and version > 0)
        self.map_button.setEnabled(self.diff is not None and bool(self.diff.rows))

    # ----------------------------------------------------------------- actions
    def _report(self, message: str) -> None:
        self.errors.append(message)
        self.error_label.setText(message)
        self.error_label.show()
        self.failed.emit(message)

    def activate_selected(self) -> None:
        """Make the selected version active for its province and level."""
        version = self.selected_version()
        if version is None:
            return
        if version == 0:
            self.restore_bundled()
            return
        from geodata.errors import InfraAtlasError

        try:
            message = self.store.activate(version)
        except InfraAtlasError as exc:
            self._report(in_language(exc))
            return
        self.error_label.hide()
        self.refresh()
        self.activated.emit(message)

    def restore_bundled(self) -> None:
        """Restore the bundled boundaries (version 0) for the selected version's layer, or all."""
        version = self.selected_version()
        level = province = None
        if version:
            info = self.store.get(version)
            level, province = info.level, info.province
        message = self.store.activate(0, level, province)
        self.error_label.hide()
        self.refresh()
        self.activated.emit(message)

    def _on_selection(self) -> None:
        version = self.selected_version()
        self.diff = None
        self.diff_table.setRowCount(0)
        self._update_buttons()
        if not version:
            self.diff_label.setText(self.tr("Select an imported version to see its changes."))
            return
        self.diff_label.setText(self.tr("Comparing version {0}...").format(version))

        def done(diff) -> None:
            if self.selected_version() == diff.new_version:
                self._show_diff(diff)

        run_worker(
            self._workers, Worker(self.store.diff, version), done, self._report_failure, owner=self
        )

    def _show_diff(self, diff) -> None:
        self.diff = diff
        kinds = {
            "added": self.tr("added"),
            "removed": self.tr("removed"),
            "renamed": self.tr("renamed"),
            "recoded": self.tr("recoded"),
            "area": self.tr("area changed"),
        }
        self.diff_label.setText(
            self.tr("Changes from version {0} to version {1}: {2}").format(
                diff.old_version, diff.new_version, len(diff.rows)
            )
        )
        self.diff_table.setRowCount(len(diff.rows))
        for r, row in enumerate(diff.rows):
            before = " ".join(str(v) for v in (row["old_code"], row["old_name"]) if v)
            area = "" if row["area_change"] is None else f"{row['area_change']:+.1f}%"
            values = [
                kinds.get(row["change"], row["change"]),
                row["code"] or row["old_code"] or "",
                row["name"] or row["old_name"] or "",
                before if row["change"] != "removed" else "",
                area,
            ]
            for c, value in enumerate(values):
                self.diff_table.setItem(r, c, QTableWidgetItem(str(value)))
        self.diff_table.resizeColumnsToContents()
        self._update_buttons()
        self.diff_shown.emit(diff)

    def show_diff_map(self) -> None:
        """Draw the selected version's changes in a small offline map below the tables."""
        if self.diff is None:
            return
        diff = self.diff
        info = self.store.get(diff.new_version)

        language = current_language()

        def build() -> str:
            from geodata.web.diffmap import write_diff_map

            before = self.store.layer_of(diff.old_version, info.level, info.province)
            return str(write_diff_map(diff, before, language=language))

        run_worker(self._workers, Worker(build), self._load_map, self._report_failure, owner=self)

    def _report_failure(self, message: str, _expected: bool) -> None:
        self._report(in_language(message.strip().splitlines()[-1]))

    def _load_map(self, path: str) -> None:
        from pathlib import Path

        from desktop.map.view import MapView

        if self.map_view is None:
            self.map_view = MapView(self.splitter)
            self.map_view.setMinimumHeight(260)
            self.splitter.addWidget(self.map_view)
            self.resize(self.width(), max(self.height(), 900))
            self.splitter.setSizes([440, 440])
            self.map_view.loadFinished.connect(
                lambda ok: self.diff_map_ready.emit(str(self.map_view.current_path)) if ok else None
            )
        self.map_view.load_map(Path(path))
