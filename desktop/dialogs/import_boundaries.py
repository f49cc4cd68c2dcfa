"""File > Import boundaries: check a boundary file, show the report, then store it on Accept.

The file is read by :func:`geodata.boundaries.importer.inspect.inspect_boundary_file` in a
worker thread; the
dialog shows what was found (CRS read or guessed, encoding, name and code fields with a preview
of the first rows, repaired polygons, warnings) before anything is stored. The user may change
the layer, fields, CRS, datum or encoding and check again. Accept stores the result as a new
active version (:class:`geodata.boundaries.store.BoundaryStore`) and emits :attr:`stored`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.forms import labelled_form
from desktop.i18n import region_choice
from desktop.notify import in_language, log_unexpected
from desktop.workers import Worker, run_worker
from geodata.boundaries.importer.sources import SUFFIXES
from geodata.messages import said
from geodata.regions.catalogue import catalogue
from geodata.vocab import DATUMS, LEVELS

AUTO = None


def province_codes() -> list[str]:
    """Return the adcode of every province in the catalogue, in code order.

    A boundary file may be for any province, not only those the seed plans cover.
    """
    return sorted(r.adcode for r in catalogue() if r.level == "province")


class ImportBoundariesDialog(QDialog):
    """Check a boundary file and store it as a new boundary version.

    Parameters
    ----------
    path : str or Path, optional
        The file to check at once (a dropped file); else the user browses for one.
    province : str, optional
        The province adcode preselected (the one on screen).
    parent : QWidget, optional

    Signals
    -------
    checked(object)
        The :class:`~geodata.boundaries.importer.inspect.ImportResult` of a successful check.
    failed(str)
        A check or store failed; the one-sentence message.
    stored(object)
        The :class:`~geodata.boundaries.store.VersionInfo` of the version stored and activated.
    """

    checked = Signal(object)
    failed = Signal(str)
    stored = Signal(object)

    def __init__(
        self,
        path: str | Path | None = None,
        province: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_boundaries_dialog")
        self.resize(900, 760)
        self.path: Path | None = None
        self.result = None
        self.errors: list[str] = []
        self._workers: set[Worker] = set()
        file_row = self._build_file_row()
        self._build_choices(province)
        self.form = self._build_form()
        self._build_report()
        self._build_buttons()
        self._lay_out(file_row)
        self.retranslate()
        if path:
            self.set_path(path)

    def _build_file_row(self) -> QHBoxLayout:
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        return row

    def _build_choices(self, province: str | None) -> None:
        """Create the combo boxes and the CRS field, each "Automatic" first where it can be."""
        self.layer_combo = QComboBox(self)
        self.province_combo = _searchable(QComboBox(self))
        for code in (AUTO, *province_codes()):
            self.province_combo.addItem("", code)
        self.province_combo.setCurrentIndex(max(self.province_combo.findData(province), 0))
        self.level_combo = QComboBox(self)
        for level in (AUTO, *LEVELS):
            self.level_combo.addItem("", level)
        self.name_combo = QComboBox(self)
        self.code_combo = QComboBox(self)
        for combo in (self.name_combo, self.code_combo, self.layer_combo):
            combo.addItem("", AUTO)
        self.crs_edit = QLineEdit(self)
        self.datum_combo = QComboBox(self)
        for datum in DATUMS:
            self.datum_combo.addItem("", datum)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setEditable(True)
        for encoding in ("", "GB18030", "UTF-8", "BIG5"):
            self.encoding_combo.addItem(encoding)

    def _build_form(self) -> QFormLayout:
        """Lay the choices out in a form, each with a label whose buddy it is."""
        widgets = (
            self.layer_combo,
            self.province_combo,
            self.level_combo,
            self.name_combo,
            self.code_combo,
            self.crs_edit,
            self.datum_combo,
            self.encoding_combo,
        )
        form, self.form_labels = labelled_form(self, widgets)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.run_check)
        return form

    def _build_report(self) -> None:
        """Create the summary, error, preview and warnings widgets of a check's report."""
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.PlainText)  # text from the file is never markup
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.preview_label = QLabel(self)
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        self.preview_label.setBuddy(self.preview)
        self.warnings_label = QLabel(self)
        self.warnings = QListWidget(self)
        self.warnings.setWordWrap(True)
        self.warnings_label.setBuddy(self.warnings)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.accept_button = self.buttons.button(QDialogButtonBox.Ok)
        self.accept_button.setEnabled(False)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self, file_row: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(self.form)
        layout.addWidget(self.check_button, 0, Qt.AlignRight)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(self.buttons)

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Import boundaries"))
        self.browse_button.setText(self.tr("Browse..."))
        self.path_edit.setPlaceholderText(self.tr("Choose or drop a boundary file"))
        self.path_edit.setAccessibleName(self.tr("Boundary file"))
        texts = (
            self.tr("&Layer:"),
            self.tr("&Province:"),
            self.tr("Le&vel:"),
            self.tr("&Name field:"),
            self.tr("C&ode field:"),
            self.tr("&CRS:"),
            self.tr("&Datum:"),
            self.tr("&Encoding:"),
        )
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        automatic = self.tr("Automatic")
        for combo in (self.name_combo, self.code_combo, self.layer_combo, self.level_combo):
            combo.setItemText(0, automatic)
        self._retranslate_choices()
        self.encoding_combo.setItemText(0, "")
        self.encoding_combo.lineEdit().setPlaceholderText(self.tr("Automatic"))
        self.crs_edit.setPlaceholderText(self.tr("From the file, or guessed (e.g. EPSG:4547)"))
        self.check_button.setText(self.tr("Check &again"))
        self.accept_button.setText(self.tr("&Store and show"))
        self.preview_label.setText(self.tr("First rows of the file:"))
        self.warnings_label.setText(self.tr("Warnings:"))

    def _retranslate_choices(self) -> None:
        """Name the provinces, levels and datums in the current language."""
        self.province_combo.setItemText(0, self.tr("Automatic (from the codes)"))
        for i in range(1, self.province_combo.count()):
            self.province_combo.setItemText(i, region_choice(self.province_combo.itemData(i)))
        levels = {
            "province": self.tr("province"),
            "city": self.tr("cities"),
            "county": self.tr("counties"),
        }
        datums = {
            "wgs84": self.tr("WGS-84 / CGCS2000 (most GIS files)"),
            "gcj02": self.tr("GCJ-02 (AMap, Tencent)"),
            "bd09": self.tr("BD-09 (Baidu)"),
        }
        for combo, texts in ((self.level_combo, levels), (self.datum_combo, datums)):
            for i in range(combo.count()):
                value = combo.itemData(i)
                if value is not AUTO:
                    combo.setItemText(i, texts.get(value, value))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Retranslate when the language changes."""
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- checking
    def browse(self) -> None:
        """Ask for a file and check it."""
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import boundaries"),
            str(self.path.parent if self.path else Path.home()),
            self.tr("Boundary files ({0});;All files (*)").format(patterns),
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        """Check a new file (the field and layer choices go back to automatic)."""
        self.path = Path(path)
        self.path_edit.setText(str(self.path))
        for combo in (self.layer_combo, self.name_combo, self.code_combo):
            _reset(combo)
        self.run_check()

    def options(self) -> dict:
        """Return the keyword arguments of the check, from the controls."""
        return {
            "layer": self.layer_combo.currentData(),
            "province": self.province_combo.currentData(),
            "level": self.level_combo.currentData(),
            "name_field": self.name_combo.currentData(),
            "code_field": self.code_combo.currentData(),
            "crs": self.crs_edit.text().strip() or None,
            "datum": self.datum_combo.currentData(),
            "encoding": self.encoding_combo.currentText().strip() or None,
        }

    def is_busy(self) -> bool:
        """Return True while a check or store runs."""
        return bool(self._workers)

    def run_check(self) -> None:
        """Read and check the file in a worker thread; nothing is stored."""
        if self.path is None:
            return
        from geodata.boundaries.importer.inspect import inspect_boundary_file

        self.result = None
        self.accept_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.error_label.hide()
        self.summary.setText(self.tr("Reading {0}...").format(self.path.name))
        self._start(Worker(inspect_boundary_file, self.path, **self.options()), self._on_checked)

    def _start(self, worker: Worker, done) -> None:
        run_worker(
            self._workers,
            worker,
            done,
            lambda message, expected: self._on_failed(message, expected, worker),
            owner=self,
        )

    def _on_failed(self, message: str, expected: bool, worker: Worker) -> None:
        self.check_button.setEnabled(True)
        if not expected:
            path = log_unexpected(message)
            last = message.strip().splitlines()[-1] if message.strip() else ""
            message = self.tr("Unexpected problem ({0}); details were written to {1}").format(
                last, path
            )
        else:
            exc = getattr(worker, "error", None)
            message = in_language(exc if exc is not None else message)
            layers = getattr(exc, "layers", None)
            if layers:
                self._offer_layers(layers)
                message = self.tr(
                    "{0} holds several layers ({1}): choose one in the Layer box and check again"
                ).format(self.path.name if self.path else "", ", ".join(layers))
        self.errors.append(message)
        self.summary.setText("")
        self.error_label.setText(message)
        self.error_label.show()
        self.failed.emit(message)

    def _offer_layers(self, layers: list[str]) -> None:
        current = self.layer_combo.currentData()
        _fill(self.layer_combo, layers, current)

    def _on_checked(self, result) -> None:
        self.result = result
        self.check_button.setEnabled(True)
        self.accept_button.setEnabled(True)
        layer = result.layer
        if len(result.layers) > 1:
            _fill(self.layer_combo, result.layers, result.layer_name)
        _fill(self.name_combo, result.fields, self.name_combo.currentData())
        _fill(self.code_combo, result.fields, self.code_combo.currentData())
        lines = [
            self.tr("{0}: {1} features, {2} level, province {3}").format(
                result.source, len(layer), self._level_name(layer.level), layer.province or "-"
            ),
            self.tr("CRS: {0} ({1}, {2}), reprojected to WGS-84 (EPSG:4326)").format(
                result.crs_in, result.crs_description, self._crs_source(result.crs_source)
            ),
            self.tr("Datum: {0}").format(layer.datum_in),
            self.tr("Encoding: {0} ({1})").format(
                result.encoding, self._encoding_source(result.encoding_source)
            ),
            self.tr("Name field: {0}; code field: {1}").format(
                layer.name_field or "-", layer.code_field or "-"
            ),
            self.tr("Regions matched: {0} of {1}; polygons repaired: {2}").format(
                len(layer.adcodes), len(layer), result.repaired
            ),
        ]
        self.summary.setText("\n".join(lines))
        self._show_preview(result)
        self.warnings.clear()
        for warning in result.warnings:
            self.warnings.addItem(in_language(warning))  # QListWidget items are plain text
        if not result.warnings:
            self.warnings.addItem(self.tr("None."))
        self.checked.emit(result)

    def _level_name(self, level: str) -> str:
        """Return ``"city"`` as the engine says it, in the window's language (``"地级市"``)."""
        return in_language(said(f"level.{level}")) if level in LEVELS else level

    def _crs_source(self, source: str) -> str:
        return {
            "file": self.tr("read from the file"),
            "given": self.tr("as you gave it"),
            "guessed": self.tr("guessed from the coordinates"),
        }.get(source, source)

    def _encoding_source(self, source: str) -> str:
        return {
            "file": self.tr("declared by the file"),
            "given": self.tr("as you gave it"),
            "detected": self.tr("detected"),
        }.get(source, source)

    def _show_preview(self, result) -> None:
        fields = list(result.fields)
        self.preview.clear()
        self.preview.setColumnCount(len(fields))
        self.preview.setRowCount(len(result.preview))
        self.preview.setHorizontalHeaderLabels(fields)
        for r, row in enumerate(result.preview):
            for c, name in enumerate(fields):
                self.preview.setItem(r, c, QTableWidgetItem(row.get(name, "")))
        self.preview.resizeColumnsToContents()

    # ----------------------------------------------------------------- storing
    def store(self) -> None:
        """Store the checked result as a new version, make it active, emit :attr:`stored`."""
        if self.result is None or self.is_busy():
            return
        from geodata.boundaries.pgstore import boundary_store

        self.accept_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self._start(Worker(boundary_store().add, self.result), self._on_stored)

    def _on_stored(self, info) -> None:
        self.stored.emit(info)
        self.accept()


def _searchable(combo: QComboBox) -> QComboBox:
    """Make ``combo`` searchable: typing part of a name (or code) pops up the matching items.

    The text typed never becomes a new item; leaving the box with text that names no item
    shows the current item again.
    """
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.lineEdit().editingFinished.connect(
        lambda: combo.setEditText(combo.itemText(combo.currentIndex()))
    )
    return combo


def _reset(combo: QComboBox) -> None:
    while combo.count() > 1:
        combo.removeItem(combo.count() - 1)
    combo.setCurrentIndex(0)


def _fill(combo: QComboBox, values: list[str], current: str | None) -> None:
    """Offer ``values`` after "Automatic", keeping the current choice when it is still there."""
    combo.blockSignals(True)
    _reset(combo)
    for value in values:
        combo.addItem(value, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
