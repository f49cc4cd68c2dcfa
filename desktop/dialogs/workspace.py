"""File > Workspace: use a shared PostGIS database, or the local data folder again.

The dialog names the workspace in use and takes a libpq connection string (``service=atlas``,
``host=... dbname=...``) or a ``postgresql://host/dbname`` URL. A string holding a password is
refused at once, before anything is tried or saved: credentials belong in ``~/.pgpass``,
``pg_service.conf`` or ``PGPASSWORD``. Connect tries the server off the GUI thread, checks the
atlas's tables (creating them when "Create the tables if missing" is ticked), and only then
saves the choice (:func:`geodata.postgis.config.save_config`); the window then reloads
everything from the new workspace. Errors show as one plain-text sentence.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.forms import labelled_form
from desktop.notify import in_language, log_unexpected
from desktop.workers import Worker, run_worker
from geodata.errors import InfraAtlasError
from geodata.postgis.config import (
    LOCAL,
    WORKSPACE_VARIABLE,
    WorkspaceConfig,
    parse_dsn,
    save_config,
    shown_dsn,
)


def open_workspace(dsn: str, create: bool) -> str | None:
    """Connect to a shared workspace once and check its tables; run it off the GUI thread.

    Parameters
    ----------
    dsn : str
        The connection string (refused when it holds a password).
    create : bool
        Create the atlas's tables when the database has none (or upgrade older ones).

    Returns
    -------
    str or None
        What was found or done, in the engine's words; None when the database holds no atlas
        tables and ``create`` is false.

    Raises
    ------
    InputError
        The server cannot be reached, the role may not create the tables, the tables are of
        another version (each one sentence).
    """
    from geodata.postgis.connection import connect, database_errors, forget_failures
    from geodata.postgis.schema import check_schema, create_or_upgrade, schema_version

    parse_dsn(dsn)
    forget_failures()  # the user asks now: a failure a moment ago does not stand for this one
    shown = shown_dsn(dsn)
    with connect(dsn) as conn, database_errors(dsn, "prepare the workspace"):
        if create:
            return create_or_upgrade(conn, shown)
        if schema_version(conn) is None:
            return None
        check_schema(conn, shown)
    return f"the atlas uses the shared workspace {shown}"


def save_choice(config: WorkspaceConfig) -> None:
    """Save the workspace chosen; this process follows it even if started with ``--workspace``.

    Raises
    ------
    InputError
        When the connection string holds a password, or the data folder cannot be written.
    """
    save_config(config)
    if os.environ.get(WORKSPACE_VARIABLE, "").strip():  # the start-up override yields to it
        os.environ[WORKSPACE_VARIABLE] = config.dsn if config.kind != LOCAL else LOCAL


def workspace_text(config: WorkspaceConfig) -> str:
    """Return how the window names a workspace, in its language (no password, ever)."""
    if config.kind == LOCAL:
        return QCoreApplication.translate("Workspace", "the local data folder")
    return QCoreApplication.translate("Workspace", "PostGIS {0}").format(shown_dsn(config.dsn))


class WorkspaceDialog(QDialog):
    """Choose the workspace: a shared PostGIS database or the local data folder.

    Parameters
    ----------
    current : WorkspaceConfig
        The workspace in use (named at the top).
    parent : QWidget, optional

    Signals
    -------
    chosen(object, str)
        A workspace was checked and saved: its :class:`WorkspaceConfig` and what was found or
        done (the window reloads its data from it).

    Attributes
    ----------
    errors : list of str
        The messages shown, in order (the last one in :attr:`error_box`).
    """

    chosen = Signal(object, str)

    def __init__(self, current: WorkspaceConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace_dialog")
        self.current = current
        self.errors: list[str] = []
        self.error_box: QMessageBox | None = None
        self._workers: set[Worker] = set()
        self.in_use = QLabel(self)
        self.in_use.setTextFormat(Qt.PlainText)  # the connection string is the user's text
        self.in_use.setWordWrap(True)
        self.dsn_edit = QLineEdit(self)
        self.dsn_edit.setMinimumWidth(420)
        self.dsn_edit.returnPressed.connect(self.connect_workspace)
        if current.kind != LOCAL:
            self.dsn_edit.setText(current.dsn)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.create_box = QCheckBox(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        form, self.form_labels = labelled_form(self, (self.dsn_edit,))
        self.connect_button = QPushButton(self)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_workspace)
        self.local_button = QPushButton(self)
        self.local_button.clicked.connect(self.use_local)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.create_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Workspace"))
        self.in_use.setText(self.tr("In use: {0}").format(workspace_text(self.current)))
        self.form_labels[0].setText(self.tr("&Connection string:"))
        self.dsn_edit.setPlaceholderText("service=atlas")
        self.hint.setText(
            self.tr(
                "A shared PostGIS database: service=atlas, host=... dbname=..., or "
                "postgresql://host/dbname. The password is never typed here: it comes from "
                "~/.pgpass, pg_service.conf or PGPASSWORD."
            )
        )
        self.create_box.setText(self.tr("Create the &tables if missing"))
        self.connect_button.setText(self.tr("C&onnect"))
        self.local_button.setText(self.tr("Use &local data folder"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- actions
    def connect_workspace(self) -> None:
        """Check the string here, then try the server off the GUI thread."""
        dsn = self.dsn_edit.text().strip()
        try:
            parse_dsn(dsn)  # a password is refused before anything is tried or saved
        except InfraAtlasError as exc:
            self._show_error(in_language(exc))
            return
        self._busy(True)
        self.status.setText(self.tr("Connecting to {0}...").format(shown_dsn(dsn)))
        worker = Worker(open_workspace, dsn, self.create_box.isChecked())
        run_worker(
            self._workers,
            worker,
            lambda message: self._on_connected(dsn, message),
            self._on_failed,
            owner=self,
        )

    def _on_connected(self, dsn: str, message: str | None) -> None:
        self._busy(False)
        if message is None:
            self._show_error(
                self.tr(
                    "The database {0} holds no Infra Atlas workspace yet: tick “Create the "
                    "tables if missing” and connect again."
                ).format(shown_dsn(dsn))
            )
            return
        self._choose(WorkspaceConfig("postgis", dsn), message)

    def _on_failed(self, message: str, expected: bool) -> None:
        self._busy(False)
        if not expected:
            last = message.strip().splitlines()[-1] if message.strip() else ""
            message = self.tr("Unexpected problem ({0}); details were written to {1}").format(
                last, log_unexpected(message)
            )
        else:
            message = in_language(message)
        self._show_error(message)

    def use_local(self) -> None:
        """Go back to the local data folder."""
        self._choose(WorkspaceConfig(LOCAL), "the atlas uses the local data folder")

    def _choose(self, config: WorkspaceConfig, message: str) -> None:
        try:
            save_choice(config)
        except InfraAtlasError as exc:  # an unwritable data folder
            self._show_error(in_language(exc))
            return
        self.status.clear()
        self.chosen.emit(config, message)
        self.accept()

    def _busy(self, busy: bool) -> None:
        for widget in (self.connect_button, self.local_button, self.dsn_edit, self.create_box):
            widget.setEnabled(not busy)
        if not busy:
            self.status.clear()

    def _show_error(self, message: str) -> None:
        """Show one sentence in a plain-text message box (never read as markup)."""
        text = " ".join(message.split())
        text = text[:1].upper() + text[1:]
        self.errors.append(text)
        if self.error_box is None:  # one box, kept: the dialog owns it
            self.error_box = QMessageBox(QMessageBox.Warning, "", "", QMessageBox.Ok, self)
            self.error_box.setTextFormat(Qt.PlainText)
        self.error_box.setWindowTitle(self.tr("Workspace"))
        self.error_box.setText(text)
        self.error_box.open()  # window-modal, without blocking: the worker's reports still land
