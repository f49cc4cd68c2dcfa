"""The export dialog: where and how to write a view image, a print figure or a region report.

The dialog only asks; :mod:`desktop.export_actions` does the work off the GUI thread. Every
field is a labelled form row. It remembers, in the app's settings, the folder of each kind of
export (``export/<kind>/folder``; the first time the user's Pictures or Documents folder, never
the bare home), the format, DPI, page, orientation, view scale and legend, and a national
figure's approval number and disclaimer (``export/figure/...``). It shows the whole file name
and the folder it writes to, and asks before replacing a file that exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
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
#: The smallest width of the file field (px): room for a folder and a whole file name.
PATH_MIN_WIDTH = 460
#: The user's folders a kind of export goes to the first time, in order of preference.
STANDARD_FOLDERS = {
    "figure": (QStandardPaths.PicturesLocation, QStandardPaths.DocumentsLocation),
    "view": (QStandardPaths.PicturesLocation, QStandardPaths.DocumentsLocation),
    "report": (QStandardPaths.DocumentsLocation, QStandardPaths.PicturesLocation),
}
#: The folder under the home used when the platform names no Pictures or Documents folder.
HOME_SUBFOLDER = {"figure": "Pictures", "view": "Pictures", "report": "Documents"}


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
    title : str
        Plain text drawn at the top of a view image ("" for none).
    legend : bool
        Whether a view image keeps the map's legend.
    approval, disclaimer : str
        A national figure's map approval number (审图号) and disclaimer.
    """

    kind: str
    path: Path
    fmt: str = "png"
    dpi: int = DPI_DEFAULT
    page: str = "A4"
    orientation: str = "landscape"
    scale: int = 1
    title: str = ""
    legend: bool = True
    approval: str = ""
    disclaimer: str = ""


def folder_key(kind: str) -> str:
    """Return the settings key of the folder remembered for ``kind`` (``export/view/folder``)."""
    return f"export/{kind}/folder"


def standard_folder(kind: str) -> Path:
    """Return the user's folder a ``kind`` of export goes to before one is remembered.

    The first existing of the platform's Pictures and Documents folders (Documents first for
    a report); when neither exists, the first of them (created when the export is accepted),
    and never the home folder itself.
    """
    home = Path.home()
    candidates = []
    for location in STANDARD_FOLDERS[kind]:
        text = QStandardPaths.writableLocation(location)
        if text and Path(text) != home:
            candidates.append(Path(text))
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[0] if candidates else home / HOME_SUBFOLDER[kind]


class ExportDialog(QDialog):
    """Ask for the file and the options of an export.

    Parameters
    ----------
    kind : {"figure", "report", "view"}
    base_name : str
        File name without suffix proposed in the kind's folder (``infra-atlas-shanxi-role``).
    parent : QWidget, optional
    title : str
        The view image's title proposed (the province and metric shown).
    national : bool
        A figure of the national view: also asks for the approval number and disclaimer.
    """

    def __init__(
        self,
        kind: str,
        base_name: str,
        parent: QWidget | None = None,
        *,
        title: str = "",
        national: bool = False,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        self.kind = kind
        self.base_name = base_name
        self.national = national
        s = settings()
        self.default_folder = standard_folder(kind)
        self.folder = self._remembered_folder(s) or self.default_folder

        self._build_fields(kind)
        self.title_edit.setText(title)
        self.form = self._build_form()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self._restore(s)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._path_changed)
        self._show_rows()
        self.path_edit.setText(str(self.folder / f"{base_name}.{self.fmt}"))
        self.request: ExportRequest | None = None
        self.retranslate()

    def _remembered_folder(self, s: QSettings) -> Path | None:
        """Return the folder this kind last wrote to (or the one all kinds shared before)."""
        for key in (folder_key(self.kind), "export/folder"):
            text = str(s.value(key, "") or "")
            if text and Path(text).is_dir():
                return Path(text)
        return None

    def _build_fields(self, kind: str) -> None:
        """Create the format, resolution, size, page, orientation, text and file fields."""
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
        self.title_edit = QLineEdit(self)
        self.legend_box = QCheckBox(self)
        self.legend_box.setChecked(True)
        self.approval_edit = QLineEdit(self)
        self.disclaimer_edit = QLineEdit(self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(PATH_MIN_WIDTH)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        self.folder_label = QLabel(self)  # where the file goes, in words
        self.folder_label.setTextFormat(Qt.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def _build_form(self) -> QFormLayout:
        """Lay the fields out in a form, each with a label whose buddy it is.

        The file is a row of its own (its label found by ``labelForField``); under it, the
        folder in words and the Browse button.
        """
        fields = (
            self.format_box,
            self.dpi_box,
            self.scale_box,
            self.page_box,
            self.orientation_box,
            self.title_edit,
            self.legend_box,
            self.approval_edit,
            self.disclaimer_edit,
            self.path_edit,
        )
        form, self.form_labels = labelled_form(self, fields)
        under_path = QHBoxLayout()
        under_path.addWidget(self.folder_label, 1)
        under_path.addWidget(self.browse_button)
        form.setLayout(form.rowCount(), QFormLayout.FieldRole, under_path)  # no label of its own
        return form

    def _restore(self, s: QSettings) -> None:
        """Choose the format, DPI, size, page, orientation and texts of the last export."""
        self._select(self.format_box, str(s.value("export/format", KINDS[self.kind][0])))
        self.dpi_box.setValue(_int(s.value("export/dpi"), DPI_DEFAULT, DPI_MIN, DPI_MAX))
        self._select(self.scale_box, _int(s.value("export/scale"), 2, 1, 3))
        self._select(self.page_box, str(s.value("export/page", "A4")))
        self._select(self.orientation_box, str(s.value("export/orientation", "landscape")))
        self.legend_box.setChecked(str(s.value("export/view/legend", "true")).lower() != "false")
        self.approval_edit.setText(str(s.value("export/figure/approval", "") or ""))
        self.disclaimer_edit.setText(str(s.value("export/figure/disclaimer", "") or ""))

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
        """Return what the dialog currently asks for (only the fields its kind shows)."""
        view = self.kind == "view"
        national = self.kind == "figure" and self.national
        return ExportRequest(
            kind=self.kind,
            path=self.path(),
            fmt=self.fmt,
            dpi=self.dpi_box.value(),
            page=str(self.page_box.currentData()),
            orientation=str(self.orientation_box.currentData()),
            scale=int(self.scale_box.currentData()),
            title=self.title_edit.text().strip() if view else "",
            legend=self.legend_box.isChecked() if view else True,
            approval=self.approval_edit.text().strip() if national else "",
            disclaimer=self.disclaimer_edit.text().strip() if national else "",
        )

    # ----------------------------------------------------------------- behaviour
    def _select(self, box: QComboBox, value: object) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def _show_rows(self) -> None:
        figure, view = self.kind == "figure", self.kind == "view"
        rows = {
            self.format_box: figure,
            self.dpi_box: figure and self.fmt == "png",
            self.scale_box: view,
            self.page_box: figure,
            self.orientation_box: figure,
            self.title_edit: view,
            self.legend_box: view,
            self.approval_edit: figure and self.national,
            self.disclaimer_edit: figure and self.national,
        }
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)

    def _format_changed(self) -> None:
        self._show_rows()
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.fmt}")))

    def _path_changed(self, text: str) -> None:
        """Keep the file name in sight, the whole path in the tooltip, the folder in words."""
        if not self.path_edit.hasFocus():  # typing moves the cursor itself
            self.path_edit.setCursorPosition(len(text))  # scrolled to the file name
        self.path_edit.setToolTip(text)
        self._show_folder()

    def _show_folder(self) -> None:
        folder = str(self.path().parent)
        text = self.tr("Saved in the folder {0}").format(folder)
        width = self.folder_label.width()  # the row's room beside Browse (its text ignored)
        if not self.isVisible():
            width = PATH_MIN_WIDTH - self.browse_button.sizeHint().width() - 12
        self.folder_label.setText(
            self.folder_label.fontMetrics().elidedText(text, Qt.ElideMiddle, width)
        )
        self.folder_label.setToolTip(folder)

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

    def _folder_ready(self, folder: Path) -> bool:
        """Return whether ``folder`` exists, creating the user's standard folder if asked for."""
        if folder == self.default_folder and not folder.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return False
        return folder.is_dir()

    def accept(self) -> None:  # noqa: D102 - QDialog API
        request = self.make_request()
        if not self._folder_ready(request.path.parent):
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
        """Save this kind's folder and the options it showed, for next time."""
        s = settings()
        s.setValue(folder_key(self.kind), str(request.path.parent))
        if self.kind == "figure":
            s.setValue("export/format", request.fmt)
            s.setValue("export/dpi", request.dpi)
            s.setValue("export/page", request.page)
            s.setValue("export/orientation", request.orientation)
        if self.kind == "figure" and self.national:
            s.setValue("export/figure/approval", request.approval)
            s.setValue("export/figure/disclaimer", request.disclaimer)
        if self.kind == "view":
            s.setValue("export/scale", request.scale)
            s.setValue("export/view/legend", "true" if request.legend else "false")
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
            self.tr("&Title:"),
            self.tr("&Legend:"),
            self.tr("Map &approval number (审图号):"),
            self.tr("&Disclaimer:"),
            self.tr("F&ile:"),
        )
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.orientation_box.setItemText(0, self.tr("Landscape"))
        self.orientation_box.setItemText(1, self.tr("Portrait"))
        for i, scale in enumerate(SCALES):
            self.scale_box.setItemText(i, self.tr("{0}x screen").format(scale))
        self.title_edit.setPlaceholderText(self.tr("No title"))
        self.legend_box.setText(self.tr("Keep the map's legend"))
        self.approval_edit.setPlaceholderText(self.tr("e.g. GS(2024)1234"))
        self.browse_button.setText(self.tr("Browse..."))
        self._show_folder()

    def resizeEvent(self, event) -> None:  # noqa: D102, N802 - Qt API
        super().resizeEvent(event)
        self._show_folder()  # elided to the new width

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
