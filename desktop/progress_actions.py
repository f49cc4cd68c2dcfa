"""File > Import achieved figures, and Add achieved figure: the figures progress is judged on.

The main window creates one :class:`ProgressActions` and puts its actions in its File menu.
Importing reads a CSV or Excel sheet with :meth:`geodata.atlas.AtlasData.import_observations`:
all or nothing, so a sheet with any bad row stores nothing and its line report is shown as
plain text. :meth:`ProgressActions.add_figure` opens
:class:`~desktop.dialogs.add_figure.AddFigureDialog` for a region. After figures are stored,
``on_changed()`` lets the window show the new progress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.i18n import region_name
from desktop.labels import figure_text
from desktop.notify import Notifier, in_language, plain_message_box
from desktop.state import AppState
from geodata.errors import InfraAtlasError

if TYPE_CHECKING:
    from desktop.dialogs.add_figure import AddFigureDialog
    from geodata.atlas import AtlasData
    from geodata.plan.observation_sheet import ObservationImport


class ProgressActions(QObject):
    """The achieved-figure actions of a main window.

    Parameters
    ----------
    window : QWidget
        Owns the actions and the dialogs.
    data : AtlasData
        Stores the figures.
    state : AppState
        The view (the target selected is the one the add dialog proposes first).
    notifier : Notifier
        Reports results and errors.
    on_changed : callable
        Called after figures were stored (the window shows the new progress).

    Attributes
    ----------
    actions : tuple of QAction
        Import achieved figures.
    report : str
        The text of the last import report (errors by line), ``""`` after a clean import.
    add_dialog : AddFigureDialog or None
        The add dialog last opened.

    Signals
    -------
    imported(object)
        A sheet was stored (its :class:`~geodata.plan.observation_sheet.ObservationImport`).
    rejected(object)
        A sheet had errors and nothing was stored (its ``ObservationImport``).
    """

    imported = Signal(object)
    rejected = Signal(object)

    def __init__(
        self,
        window: QWidget,
        data: AtlasData,
        state: AppState,
        notifier: Notifier,
        on_changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data = data
        self.state = state
        self.notifier = notifier
        self.on_changed = on_changed
        self.report = ""
        self.add_dialog: AddFigureDialog | None = None
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda _=False: self.import_figures())
        self.actions = (self.import_action,)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the actions' texts in the current language."""
        self.import_action.setText(self.tr("Import achieved &figures (CSV/Excel)..."))
        self.import_action.setStatusTip(
            self.tr("Read the figures regions have reached, to follow the targets' progress")
        )

    # ----------------------------------------------------------------- importing
    def import_figures(self, path: str | Path | None = None) -> ObservationImport | None:
        """Import a sheet of achieved figures (all or nothing).

        Parameters
        ----------
        path : str or Path, optional
            The sheet; else the user chooses one.

        Returns
        -------
        ObservationImport or None
            What was read (its ``errors`` say why nothing was stored), None when cancelled or
            the file could not be read.
        """
        path = path or self._ask_path()
        if not path:
            return None
        try:
            result = self.data.import_observations(path)
        except InfraAtlasError as exc:
            self.notifier.error(exc, True)
            return None
        except Exception as exc:  # noqa: BLE001 - routed through the notifier
            self.notifier.error(repr(exc), False)
            return None
        if result.errors:
            self._report_errors(result)
            self.rejected.emit(result)
            return result
        self.report = ""
        self.on_changed()
        self.notifier.info(
            self.tr("Imported {count} figures from {file}").format(
                count=len(result.observations), file=result.source
            ),
            10000,
        )
        self.imported.emit(result)
        return result

    def _ask_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import achieved figures"),
            str(Path.home()),
            self.tr("Tables (*.csv *.xlsx);;All files (*)"),
        )
        return path

    def _report_errors(self, result: ObservationImport) -> None:
        """Say that nothing was stored and list the errors by line (plain text)."""
        summary = self.tr(
            "Nothing was stored: {count} problems in {file}. Fix these lines and import again."
        ).format(count=len(result.errors), file=result.source)
        lines = "\n".join(
            self.tr("line {line}: {message}").format(line=n, message=in_language(m))
            for n, m in result.errors
        )
        self.report = f"{summary}\n\n{lines}"
        self.notifier.info(summary, 15000)
        if not self.notifier.quiet:
            plain_message_box(
                self.window, self.tr("Import achieved figures"), self.report, QMessageBox.Warning
            )

    # ----------------------------------------------------------------- typing one
    def add_figure(self, region: str) -> AddFigureDialog:
        """Open the Add achieved figure dialog for a region (window-modal, not blocking)."""
        from desktop.dialogs.add_figure import AddFigureDialog

        targets = [t for t in self.data.targets if region in t.regions and t.value is not None]
        dialog = AddFigureDialog(
            self.data, region, targets, self.state.selected_target, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_added(dialog, region))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _on_added(self, dialog: AddFigureDialog, region: str) -> None:
        self.on_changed()
        observation = dialog.observation
        if observation is not None:
            self.notifier.info(
                self.tr("Stored {value} {unit} for {region} as of {date}").format(
                    value=figure_text(observation.value),
                    unit=observation.unit,
                    region=region_name(region),
                    date=observation.date,
                )
            )
