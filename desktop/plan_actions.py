"""File > Import plan document and Plans: bring a plan's targets in, after the planner's review.

The main window creates one :class:`PlanActions` and puts its actions in its menus. Importing a
document reads it and proposes targets in a :class:`~desktop.workers.Worker` thread
(:func:`geodata.plan.plan_import.propose_file`) behind a progress dialog whose Cancel stops the
reading; the proposals then open in :class:`~desktop.dialogs.plan_review.PlanReviewDialog`, and
only the proposals the planner accepts are stored (:func:`geodata.plan.plan_import.accept`),
as a new plan of the data's plan store. ``on_changed()`` then lets the window show them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from desktop.i18n import region_choice
from desktop.notify import Notifier
from desktop.state import AppState, all_provinces
from desktop.workers import Worker, run_worker
from geodata.errors import Cancelled

if TYPE_CHECKING:
    from desktop.dialogs.plan_review import PlanReviewDialog
    from desktop.dialogs.plans import PlansDialog
    from geodata.atlas import AtlasData
    from geodata.plan.extract.proposal import Proposal
    from geodata.plan.plan_import import PlanProposals

#: Steps of the progress bar (the engine reports a fraction).
PROGRESS_STEPS = 1000


class _ProgressRelay(QObject):
    """Carries the progress fraction from the worker thread to the GUI thread (by signal)."""

    moved = Signal(float)


def read_plan(
    path: Path, province: str, report: Callable[[float], None], cancel: threading.Event
) -> PlanProposals:
    """Read a plan document and propose its targets (worker thread)."""
    from geodata.plan.plan_import import propose_file

    return propose_file(path, province, progress=report, cancelled=cancel.is_set)


def store_plan(data: AtlasData, result: PlanProposals, accepted: list[Proposal]) -> Any:
    """Store the accepted proposals as a plan of the data's plan store (worker thread)."""
    from geodata.plan.plan_import import accept

    return accept(result, accepted, data.plan_store)


class PlanActions(QObject):
    """The plan actions of a main window: Import plan document, Plans.

    Parameters
    ----------
    window : QWidget
        Owns the actions and the dialogs.
    data : AtlasData
        Its plan store keeps the plans.
    state : AppState
        The province shown is the plan's province (in the national view the user chooses one).
    notifier : Notifier
        Reports progress, results and errors.
    on_changed : callable
        Called after a plan was stored, hidden, shown or removed (the window shows the targets).

    Attributes
    ----------
    actions : tuple of QAction
        Import plan document, Plans.
    progress_dialog : QProgressDialog or None
        Shown while a document is read.
    review_dialog : PlanReviewDialog or None
        The review dialog last opened.
    plans_dialog : PlansDialog or None
        The plans dialog last opened.

    Signals
    -------
    review_opened(object)
        The review dialog was opened (it is open, window-modal, not blocking).
    cancelled()
        The reading was cancelled; nothing was stored.
    stored(object)
        A plan was stored (its :class:`~geodata.plan.store.PlanInfo`).
    failed(str)
        Reading or storing failed (the message shown).
    """

    review_opened = Signal(object)
    cancelled = Signal()
    stored = Signal(object)
    failed = Signal(str)

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
        self.progress_dialog: QProgressDialog | None = None
        self.review_dialog: PlanReviewDialog | None = None
        self.plans_dialog: PlansDialog | None = None
        self._cancel: threading.Event | None = None
        self._workers: set[Worker] = set()
        self.import_action = self._action(self.import_document)
        self.plans_action = self._action(self.show_plans)
        self.actions = (self.import_action, self.plans_action)
        self.retranslate()

    def _action(self, slot: Callable[[], object]) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _=False: slot())
        return action

    def retranslate(self) -> None:
        """Set the actions' texts in the current language."""
        self.import_action.setText(self.tr("Import plan &document..."))
        self.import_action.setStatusTip(
            self.tr("Read a plan document and review the targets it proposes before storing them")
        )
        self.plans_action.setText(self.tr("&Plans..."))
        self.plans_action.setStatusTip(self.tr("Show, hide or remove the stored plans"))

    def is_busy(self) -> bool:
        """Return True while a document is read or a plan stored."""
        return bool(self._workers)

    # ----------------------------------------------------------------- importing
    def import_document(self, path: str | Path | None = None, province: str | None = None) -> bool:
        """Read a plan document and open the review of its proposed targets.

        Parameters
        ----------
        path : str or Path, optional
            The document; else the user chooses one.
        province : str, optional
            The plan's province (adcode); else the province shown, or (in the national view)
            the one the user chooses.

        Returns
        -------
        bool
            True when the reading started (the review dialog opens when it is done).
        """
        if self.is_busy():
            self.notifier.info(self.tr("A plan document is being read or stored: wait for it"))
            return False
        path = path or self._ask_path()
        if not path:
            return False
        province = province or self._province()
        if not province:
            return False
        self._read(Path(path), province)
        return True

    def _ask_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import plan document"),
            str(Path.home()),
            self.tr("Documents (*.txt *.docx *.pdf *.html *.htm);;All files (*)"),
        )
        return path

    def _province(self) -> str | None:
        """Return the province shown, or ask for one in the national view (None: cancelled)."""
        if not self.state.national:
            return self.state.province
        codes = list(all_provinces())
        names = [region_choice(code) for code in codes]
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Import plan document"),
            self.tr("Which province's plan is it?"),
            names,
            0,
            False,
        )
        return codes[names.index(name)] if ok and name in names else None

    def _read(self, path: Path, province: str) -> None:
        """Read in a worker thread behind a progress dialog whose Cancel stops the reading."""
        cancel = threading.Event()
        self._cancel = cancel
        relay = _ProgressRelay(self)
        relay.moved.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.progress_dialog = self._progress_dialog(path, cancel)
        worker = Worker(read_plan, path, province, relay.moved.emit, cancel)

        def done(result: PlanProposals) -> None:
            self._close_progress(relay)
            self._on_read(result)

        def failed(message: str, expected: bool) -> None:
            self._close_progress(relay)
            self._on_read_failed(message, expected, worker.error, path)

        run_worker(self._workers, worker, done, failed, owner=self)

    def _progress_dialog(self, path: Path, cancel: threading.Event) -> QProgressDialog:
        dialog = QProgressDialog(
            self.tr("Reading {0}...").format(path.name),
            self.tr("Cancel"),
            0,
            PROGRESS_STEPS,
            self.window,
        )
        dialog.setWindowTitle(self.tr("Import plan document"))
        dialog.setObjectName("plan_progress_dialog")
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(cancel.set)
        dialog.canceled.connect(lambda: dialog.setLabelText(self.tr("Cancelling...")))
        dialog.setValue(0)
        dialog.show()
        self.import_action.setEnabled(False)
        return dialog

    def _on_progress(self, fraction: float) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not (self._cancel and self._cancel.is_set()):
            value = round(min(max(fraction, 0.0), 1.0) * PROGRESS_STEPS)
            if value != dialog.value():
                dialog.setValue(value)

    def _close_progress(self, relay: _ProgressRelay) -> None:
        relay.moved.disconnect(self._on_progress)
        relay.deleteLater()
        dialog, self.progress_dialog = self.progress_dialog, None
        self._cancel = None
        self.import_action.setEnabled(True)
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()

    def _on_read_failed(
        self, message: str, expected: bool, error: BaseException | None, path: Path
    ) -> None:
        if isinstance(error, Cancelled):
            self.notifier.info(
                self.tr("Reading {0} was cancelled: nothing was stored").format(path.name)
            )
            self.cancelled.emit()
            return
        self.notifier.error(error if expected and error is not None else message, expected)
        self.failed.emit(self.notifier.errors[-1] if self.notifier.errors else message)

    def _on_read(self, result: PlanProposals) -> None:
        """Open the review of the proposals (window-modal, not blocking)."""
        from desktop.dialogs.plan_review import PlanReviewDialog

        if not result.proposals:
            self.notifier.info(
                self.tr("No targets were found in {0}: nothing to review").format(
                    result.document.source
                )
            )
            return
        dialog = PlanReviewDialog(result, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.store(result, dialog.accepted_proposals()))
        self.review_dialog = dialog
        dialog.open()
        self.review_opened.emit(dialog)

    # ----------------------------------------------------------------- storing
    def store(self, result: PlanProposals, accepted: list[Proposal]) -> None:
        """Store the accepted proposals as a new plan (worker thread), then ``on_changed()``."""
        if not accepted:
            return
        self.notifier.info(self.tr("Storing {0} targets...").format(len(accepted)))

        def done(info: Any) -> None:
            self.on_changed()
            self.notifier.info(
                self.tr("Stored {0} targets from {1} as plan {2}").format(
                    info.targets, result.document.source, info.plan
                ),
                10000,
            )
            self.stored.emit(info)

        worker = Worker(store_plan, self.data, result, list(accepted))

        def failed(message: str, expected: bool) -> None:
            error = worker.error if expected and worker.error is not None else message
            self.notifier.error(error, expected)
            self.failed.emit(self.notifier.errors[-1] if self.notifier.errors else message)

        run_worker(self._workers, worker, done, failed, owner=self)

    # ----------------------------------------------------------------- plans
    def show_plans(self) -> PlansDialog:
        """Open the plans dialog (not blocking)."""
        from desktop.dialogs.plans import PlansDialog

        dialog = PlansDialog(self.window, self.data.plan_store)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._on_plans_changed)
        self.plans_dialog = dialog
        dialog.show()
        return dialog

    def _on_plans_changed(self, message: str) -> None:
        self.on_changed()
        self.notifier.info(message)
