"""The window's shared workspace: File > Workspace, the status bar's name for it, and its bar.

:class:`WorkspaceActions` owns the menu action that opens
:class:`~desktop.dialogs.workspace.WorkspaceDialog`, the status bar label naming the workspace in
use, and :class:`WorkspaceBar`, the yellow bar above the map that says

- the shared workspace cannot be reached, and what this machine kept of it is shown read-only
  (Retry, Use local data folder);
- it can be reached again (Refresh);
- another planner changed it (``version 3 stored by wang``: Refresh).

A PostGIS workspace is polled every :attr:`WorkspaceActions.poll_ms` milliseconds in a worker
thread (:func:`poll_workspace`: the hash of its last change, never on the GUI thread); a local
one is not polled. Reloading (Refresh, Retry, another workspace chosen) reads the plans and
boundaries again off the GUI thread (:meth:`geodata.atlas.AtlasData.reload_workspace`), then the
window refreshes its panels and redraws the map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.dialogs.workspace import WorkspaceDialog, save_choice, workspace_text
from desktop.notify import Notifier, in_language_line, log_unexpected
from desktop.workers import Worker, run_worker
from geodata.errors import InfraAtlasError, InputError
from geodata.postgis.changes import last_change, workspace_fingerprint
from geodata.postgis.config import LOCAL, WorkspaceConfig, current_config
from geodata.postgis.connection import WorkspaceUnavailable, connect, forget_failures

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from geodata.atlas import AtlasData

#: The fingerprint of a workspace whose server cannot be reached.
OFFLINE = "offline"


@dataclass(frozen=True)
class Poll:
    """What a look at a shared workspace found.

    Attributes
    ----------
    dsn : str
        The workspace looked at.
    fingerprint : str
        The hash of its last change, or :data:`OFFLINE`.
    reason : str
        Why it cannot be reached (the engine's sentence), when offline.
    change : tuple of (int, str, str) or None
        ``(id, role, what)`` of its last change, when asked for and there is one.
    """

    dsn: str
    fingerprint: str
    reason: str = ""
    change: tuple[int, str, str] | None = None


def poll_workspace(dsn: str, shown: str | None = None) -> Poll:
    """Look at a shared workspace: its last change, or why it cannot be reached (worker thread).

    The fingerprint is read from the server, which also renews the one the stores remember
    (:func:`geodata.postgis.changes.recent_fingerprint`): the data notices the change too.

    Parameters
    ----------
    dsn : str
    shown : str, optional
        The fingerprint the window shows: the last change is read only when it differs.

    Raises
    ------
    InputError
        When the database holds no atlas tables, or tables of another version.
    """
    fingerprint = workspace_fingerprint(dsn)
    try:
        if fingerprint == OFFLINE:
            with connect(dsn):  # raises the failure just remembered, at once
                pass
            return Poll(dsn, OFFLINE, "")  # back between the two calls: said at the next look
        change = last_change(dsn) if shown is not None and fingerprint != shown else None
    except WorkspaceUnavailable as exc:
        return Poll(dsn, OFFLINE, str(exc))
    return Poll(dsn, fingerprint, change=change)


def reload_data(data: AtlasData, dsn: str) -> Poll | None:
    """Try the server again and read everything from the workspace in use (worker thread).

    Returns
    -------
    Poll or None
        The workspace as it was just before reading (None for the local data folder).
    """
    forget_failures()
    poll = poll_workspace(dsn) if dsn else None
    data.reload_workspace()
    return poll


def configured() -> WorkspaceConfig:
    """Return the workspace in use; the local data folder when the setting is unusable."""
    try:
        return current_config()
    except InputError:  # a damaged workspace.json: the stores use the local folder too
        return WorkspaceConfig()


class WorkspaceBar(QFrame):
    """The bar above the map saying the shared workspace is down, back, or changed.

    Attributes
    ----------
    mode : str
        ``""`` (hidden), ``"offline"``, ``"back"``, ``"changed"`` or ``"problem"``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace_bar")
        self.setStyleSheet(
            "#workspace_bar { background: #fff4ce; border-bottom: 1px solid #d8b84a; }"
        )
        self.mode = ""
        self.reason = ""
        self.change: tuple[str, str] | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.PlainText)  # role names and change texts from the server
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.PlainText)
        self.text.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #6b5a1e;")
        self.retry_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.local_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        for label in (self.title, self.text, self.detail):
            texts.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        for button in (self.retry_button, self.refresh_button, self.local_button):
            layout.addWidget(button, 0, Qt.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.retranslate()
        self.hide()

    def show_mode(self, mode: str, reason: str = "", change: tuple[str, str] | None = None) -> None:
        """Show the bar in a mode.

        Parameters
        ----------
        mode : {"offline", "back", "changed", "problem"}
        reason : str
            The engine's sentence: why the server cannot be reached (the bar's tooltip), or
            why the workspace cannot be used (shown).
        change : tuple of (str, str), optional
            What changed and the role that changed it.
        """
        self.mode, self.reason, self.change = mode, reason, change
        self.retranslate()
        self.retry_button.setVisible(mode == "offline")
        self.refresh_button.setVisible(mode in ("back", "changed"))
        self.local_button.setVisible(mode in ("offline", "problem"))
        self.show()

    def clear(self) -> None:
        """Hide the bar (nothing to say)."""
        self.mode, self.reason, self.change = "", "", None
        self.hide()

    def retranslate(self) -> None:
        """Set the bar's texts, and the engine's sentence, in the current language.

        The server's own words inside it (its reason, role names) stay as it said them.
        """
        title, text = self._texts()
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        problem = in_language_line(self.reason) if self.mode == "problem" else ""
        self.detail.setText(problem)
        self.detail.setVisible(bool(problem))
        why = in_language_line(self.reason) if self.mode == "offline" else ""
        for label in (self.title, self.text):
            label.setToolTip(why)  # the server's own words, for whoever looks after it
        self.retry_button.setText(self.tr("Retry"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.local_button.setText(self.tr("Use local data folder"))
        self.close_button.setText(self.tr("Close"))

    def _texts(self) -> tuple[str, str]:
        """Return the title and the sentence of the mode shown."""
        if self.mode == "offline":
            return (
                self.tr("The shared workspace cannot be reached."),
                self.tr(
                    "What this machine has cached of it is shown, read-only: importing and "
                    "other changes fail until the server is back."
                ),
            )
        if self.mode == "back":
            return (
                self.tr("The shared workspace can be reached again."),
                self.tr("Refresh to show what it holds now."),
            )
        if self.mode == "changed":
            if self.change is not None:
                title = self.tr("The shared workspace changed ({0} by {1})").format(*self.change)
            else:
                title = self.tr("The shared workspace changed")
            return title, self.tr("Refresh to show it.")
        if self.mode == "problem":
            return self.tr("The shared workspace cannot be used."), ""
        return "", ""

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class WorkspaceActions(QObject):
    """File > Workspace, the workspace's name in the status bar, its bar and its poll.

    Parameters
    ----------
    window : QMainWindow
        The main window (dialog parent; its status bar shows the workspace).
    data : AtlasData
        Reloaded from the workspace in use.
    notifier : Notifier
    reloaded : callable
        Called in the GUI thread once the data was read again: the window refreshes its
        panels and redraws the map.

    Attributes
    ----------
    poll_ms : int
        Milliseconds between two looks at a shared workspace (tests make it short).
    shown : str or None
        The fingerprint of the workspace the window's data was read from (None until known).
    """

    poll_ms = 15_000

    def __init__(
        self,
        window: QMainWindow,
        data: AtlasData,
        notifier: Notifier,
        reloaded: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data = data
        self.notifier = notifier
        self.reloaded = reloaded
        self.config = configured()
        self.shown: str | None = None
        self.offline = False
        self._offered = ""  # the fingerprint the bar offered (not offered again once closed)
        self._polling = False
        self._workers: set[Worker] = set()
        self.bar = WorkspaceBar(window)
        self.bar.retry_button.clicked.connect(self.retry)
        self.bar.refresh_button.clicked.connect(self.refresh)
        self.bar.local_button.clicked.connect(self.use_local)
        self.label = QLabel(window)
        self.label.setTextFormat(Qt.PlainText)
        window.statusBar().addPermanentWidget(self.label)
        self.action = QAction(window)
        self.action.triggered.connect(self.open_dialog)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.retranslate()

    def start(self) -> None:
        """Look at a shared workspace now (the bar says at once if it is down), then poll it."""
        self.timer.stop()
        if self.config.kind == LOCAL:
            return
        self.timer.start(self.poll_ms)
        self.poll()

    def retranslate(self) -> None:
        """Set the menu item and the status bar label in the current language."""
        self.action.setText(self.tr("&Workspace..."))
        self.action.setToolTip(
            self.tr("Use a shared PostGIS database as the workspace, or the local data folder")
        )
        name = self._name()
        if self.offline:
            name = self.tr("{0} (cannot be reached)").format(name)
        self.label.setText(self.tr("Workspace: {0}").format(name))
        self.bar.retranslate()

    def stop(self) -> None:
        """Look no more (the window closes)."""
        self.timer.stop()

    # ----------------------------------------------------------------- the dialog
    def open_dialog(self) -> WorkspaceDialog:
        """Open File > Workspace (non-modal; the window reloads when a workspace is chosen)."""
        dialog = WorkspaceDialog(configured(), self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.chosen.connect(self._on_chosen)
        dialog.show()
        return dialog

    def _on_chosen(self, config: WorkspaceConfig, _message: str) -> None:
        self.notifier.info(self.tr("The atlas now uses {0}").format(workspace_text(config)))
        self.reload()

    # ----------------------------------------------------------------- the poll
    def poll(self) -> None:
        """Look at the shared workspace in a worker (skipped while a look is under way)."""
        if self.config.kind == LOCAL or self._polling:
            return
        self._polling = True
        worker = Worker(poll_workspace, self.config.dsn, self.shown)
        run_worker(self._workers, worker, self._on_polled, self._on_poll_failed, owner=self)

    def _on_polled(self, poll: Poll) -> None:
        self._polling = False
        if poll.dsn != self.config.dsn:  # another workspace was chosen meanwhile
            return
        if self.shown is None:
            self.shown = poll.fingerprint
        if poll.fingerprint == OFFLINE:
            if not self.offline or self.bar.mode != "offline":
                self._set_offline(True)
                self.bar.show_mode("offline", poll.reason)
        elif self.offline or self.shown == OFFLINE:
            self._set_offline(False)
            self._offer("back", poll.fingerprint)
        elif poll.fingerprint != self.shown:
            change = (poll.change[2], poll.change[1]) if poll.change else None
            self._offer("changed", poll.fingerprint, change)
        elif self.bar.mode == "problem":
            self.bar.clear()

    def _offer(self, mode: str, fingerprint: str, change: tuple[str, str] | None = None) -> None:
        """Offer Refresh, unless this very state was offered already (and maybe closed)."""
        if self._offered == f"{mode}:{fingerprint}":
            return
        self._offered = f"{mode}:{fingerprint}"
        self.bar.show_mode(mode, change=change)

    def _on_poll_failed(self, message: str, expected: bool) -> None:
        self._polling = False
        if not expected:  # a bug: logged once per look, said in the bar (no dialog every 15 s)
            log_unexpected(message)
            message = message.strip().splitlines()[-1] if message.strip() else "unknown error"
        if self.bar.mode != "problem" or self.bar.reason != message:
            self.bar.show_mode("problem", message)

    def _set_offline(self, offline: bool) -> None:
        self.offline = offline
        self.retranslate()

    def _name(self) -> str:
        return workspace_text(self.config)

    # ----------------------------------------------------------------- reloading
    def refresh(self) -> None:
        """Read everything again from the workspace (Refresh)."""
        self.reload()

    def retry(self) -> None:
        """Try the server again now and read everything from it (Retry)."""
        self.bar.retry_button.setEnabled(False)
        self.reload()

    def use_local(self) -> None:
        """Go back to the local data folder (from the bar)."""
        try:
            save_choice(WorkspaceConfig(LOCAL))
        except InfraAtlasError as exc:
            self.notifier.error(str(exc), True)
            return
        self.notifier.info(
            self.tr("The atlas now uses {0}").format(workspace_text(WorkspaceConfig(LOCAL)))
        )
        self.reload()

    def reload(self) -> None:
        """Read the workspace in use again off the GUI thread, then refresh the window."""
        self.config = configured()
        self.timer.stop()
        self.shown, self._offered = None, ""
        self._polling = True  # no look while reading: the reading says how the server is
        worker = Worker(
            reload_data, self.data, self.config.dsn if self.config.kind != LOCAL else ""
        )
        run_worker(self._workers, worker, self._on_reloaded, self._on_reload_failed, owner=self)

    def _on_reloaded(self, poll: Poll | None) -> None:
        self._polling = False
        self.bar.retry_button.setEnabled(True)
        self.bar.clear()
        self.offline = False
        if poll is not None and poll.dsn == self.config.dsn:
            self.shown = poll.fingerprint
            if poll.fingerprint == OFFLINE:
                self.offline = True
                self.bar.show_mode("offline", poll.reason)
        self.retranslate()
        self.reloaded()
        if self.config.kind != LOCAL:
            self.timer.start(self.poll_ms)

    def _on_reload_failed(self, message: str, expected: bool) -> None:
        self._polling = False
        self.bar.retry_button.setEnabled(True)
        self.retranslate()
        self.notifier.error(message, expected)
        if self.config.kind != LOCAL:
            self.timer.start(self.poll_ms)
