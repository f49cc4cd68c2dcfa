"""The export dialog: where and how to write a view image, a print figure or a region report.

The dialog only asks; :mod:`desktop.export_actions` does the work off the GUI thread. It
remembers the last folder, format, DPI, page, orientation and view scale in the app's settings
(``export/...`` keys) and asks before replacing a file that exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.appsettings import settings
from desktop.dialogs.forms import labelled_form
from geodata.vocab import ORIENTATIONS, PAGES_MM

#: What can be exported and the formats each allows.
KINDS = {"figure": ("png", "svg", "pdf"), "report": ("pdf",), "view": ("png",)}
DPI_MIN, DPI_MAX, DPI_DEFAULT = 50, 1200, 300
SCALES = (1, 2, 3)
PAGES = tuple(PAGES_MM)


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked to export.

    Attributes
    ----------
    kind : str
        ``"figure"``, ``"report"`` or ``"view"``.
    path : pathlib.Path
        The file to write (its suffix matches ``fmt``).
    fmt : str
        ``"png"``, ``"svg"`` or ``"pdf"``.
    dpi : int
        Resolution of a PNG figure.
    page, orientation : str
        Paper of a figure.
    scale : int
        1, 2 or 3 times the screen size, for a view image.
    """

    kind: str
    path: Path
    fmt: str = "png"
    dpi: int = DPI_DEFAULT
    page: str = "A4"
    orientation: str = "landscape"
    scale: int = 1


class ExportDialog(QDialog):
    """Ask for the file and the options of an export.

    Parameters
    ----------
    kind : {"figure", "report", "view"}
    base_name : str
        File name without suffix proposed in the last folder (``infra-atlas-shanxi-role``).
    parent : QWidget, optional
    """

    def __init__(self, kind: str, base_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        self.kind = kind
        self.base_name = base_name
        s = settings()
        folder = str(s.value("export/folder", "") or "")
        self.folder = Path(folder) if folder and Path(folder).is_dir() else Path.home()

        self._build_fields(kind)
        self.form = self._build_form()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self._restore(s)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._show_rows()
        self.path_edit.setText(str(self.folder / f"{base_name}.{self.fmt}"))
        self.request: ExportRequest | None = None
        self.retranslate()

    def _build_fields(self, kind: str) -> None:
        """Create the format, resolution, size, page, orientation and file fields."""
        self.format_box = QComboBox(self)
        for fmt in KINDS[kind]:
            self.format_box.addItem(fmt.upper(), fmt)
        self.dpi_box = QSpinBox(self)
        self.dpi_box.setRange(DPI_MIN, DPI_MAX)
        self.dpi_box.setSingleStep(50)
        self.scale_box = QComboBox(self)
        for scale in SCALES:
            self.scale_box.addItem(f"{scale}x", scale)
        self.page_box = QComboBox(self)
        for page in PAGES:
            self.page_box.addItem(page, page)
        self.orientation_box = QComboBox(self)
        for orientation in ORIENTATIONS:
            self.orientation_box.addItem("", orientation)
        self.path_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)

    def _build_form(self) -> QFormLayout:
        """Lay the fields out in a form, each with a label whose buddy it is."""
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        fields = (
            self.format_box,
            self.dpi_box,
            self.scale_box,
            self.page_box,
            self.orientation_box,
            self.path_edit,
        )
        form, self.form_labels = labelled_form(self, fields, {self.path_edit: path_row})
        return form

    def _restore(self, s: QSettings) -> None:
        """Choose the format, DPI, size, page and orientation of the last export."""
        self._select(self.format_box, str(s.value("export/format", KINDS[self.kind][0])))
        self.dpi_box.setValue(_int(s.value("export/dpi"), DPI_DEFAULT, DPI_MIN, DPI_MAX))
        self._select(self.scale_box, _int(s.value("export/scale"), 2, 1, 3))
        self._select(self.page_box, str(s.value("export/page", "A4")))
        self._select(self.orientation_box, str(s.value("export/orientation", "landscape")))

    # ----------------------------------------------------------------- values
    @property
    def fmt(self) -> str:
        """The chosen format (``png``, ``svg`` or ``pdf``)."""
        return str(self.format_box.currentData())

    def path(self) -> Path:
        """Return the chosen file, with the format's suffix."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else self.folder / self.base_name
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_suffix(f".{self.fmt}")
        return path

    def make_request(self) -> ExportRequest:
        """Return what the dialog currently asks for."""
        return ExportRequest(
            kind=self.kind,
            path=self.path(),
            fmt=self.fmt,
            dpi=self.dpi_box.value(),
            page=str(self.page_box.currentData()),
            orientation=str(self.orientation_box.currentData()),
            scale=int(self.scale_box.currentData()),
        )

    # ----------------------------------------------------------------- behaviour
    def _select(self, box: QComboBox, value: object) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def _show_rows(self) -> None:
        figure = self.kind == "figure"
        rows = {
            self.format_box: figure,
            self.dpi_box: figure and self.fmt == "png",
            self.scale_box: self.kind == "view",
            self.page_box: figure,
            self.orientation_box: figure,
        }
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)

    def _format_changed(self) -> None:
        self._show_rows()
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.fmt}")))

    def browse(self) -> None:
        """Pick the file with a save dialog."""
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "pdf": self.tr("PDF document (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            str(self.path()),
            filters[self.fmt],
            options=QFileDialog.DontConfirmOverwrite,  # the dialog asks itself, once
        )
        if path:
            self.path_edit.setText(path)

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask whether to replace ``path``; return True to go on."""
        box = _plain_box(
            self,
            QMessageBox.Question,
            self.tr("Replace file?"),
            self.tr("{0} exists. Replace it?").format(path.name),
            QMessageBox.Yes | QMessageBox.No,
        )
        box.setDefaultButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def accept(self) -> None:  # noqa: D102 - QDialog API
        request = self.make_request()
        if not request.path.parent.is_dir():
            _plain_box(
                self,
                QMessageBox.Warning,
                self.tr("Export"),
                self.tr("The folder {0} does not exist: choose another one.").format(
                    str(request.path.parent)
                ),
                QMessageBox.Ok,
            ).exec()
            return
        if request.path.exists() and not self.confirm_overwrite(request.path):
            return
        self.request = request
        self.remember(request)
        super().accept()

    def remember(self, request: ExportRequest) -> None:
        """Save the folder, format, DPI, page, orientation and scale for next time."""
        s = settings()
        s.setValue("export/folder", str(request.path.parent))
        if self.kind == "figure":
            s.setValue("export/format", request.fmt)
            s.setValue("export/dpi", request.dpi)
            s.setValue("export/page", request.page)
            s.setValue("export/orientation", request.orientation)
        if self.kind == "view":
            s.setValue("export/scale", request.scale)
        s.sync()

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        """Set every text in the current language."""
        titles = {
            "figure": self.tr("Export figure"),
            "report": self.tr("Region report"),
            "view": self.tr("Export view"),
        }
        self.setWindowTitle(titles[self.kind])
        texts = (
            self.tr("&Format:"),
            self.tr("&Resolution (DPI):"),
            self.tr("&Size:"),
            self.tr("&Page:"),
            self.tr("&Orientation:"),
            self.tr("F&ile:"),
        )
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.orientation_box.setItemText(0, self.tr("Landscape"))
        self.orientation_box.setItemText(1, self.tr("Portrait"))
        for i, scale in enumerate(SCALES):
            self.scale_box.setItemText(i, self.tr("{0}x screen").format(scale))
        self.browse_button.setText(self.tr("Browse..."))

    def changeEvent(self, event) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _plain_box(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, buttons
) -> QMessageBox:
    """Return a message box that shows ``text`` as plain text (a file name is never markup)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.PlainText)
    return box


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default
