"""The one path by which errors and messages reach the user."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from geodata.paths import log_path

_logger = logging.getLogger("infra_atlas")


def log_unexpected(details: str) -> str:
    """Append a traceback to the log file in the data directory and return the file's path."""
    path = log_path()
    with open(path, "a", encoding="utf-8") as f:
        f.write(details.rstrip() + "\n\n")
    _logger.error(details)
    return str(path)


class Notifier:
    """Shows messages in the status bar and errors in a dialog (or the status bar when quiet).

    Parameters
    ----------
    parent : QWidget
        Dialog parent.
    status : QStatusBar
        Where messages go.
    quiet : bool
        Headless runs (screenshots, tests) print errors to the status bar instead of a modal
        dialog that nobody could close.
    """

    def __init__(self, parent: QWidget, status: QStatusBar, quiet: bool = False) -> None:
        self.parent = parent
        self.status = status
        self.quiet = quiet
        self.errors: list[str] = []

    def info(self, message: str, timeout_ms: int = 5000) -> None:
        """Show a message in the status bar."""
        self.status.showMessage(message, timeout_ms)

    def error(self, message: str, expected: bool = True) -> None:
        """Report a failure: a user error as it is, a bug as "logged to <file>"."""
        if not expected:
            path = log_unexpected(message)
            last = message.strip().splitlines()[-1] if message.strip() else "unknown error"
            message = QCoreApplication.translate(
                "Notifier", "Unexpected problem ({0}); details were written to {1}"
            ).format(last, path)
        self.errors.append(message)
        self.status.showMessage(message, 15000)
        if not self.quiet:
            plain_message_box(
                self.parent, QCoreApplication.translate("Notifier", "Infra Atlas"), message
            )


def plain_message_box(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Warning
) -> None:
    """Show a modal message whose text is never read as rich text.

    Messages quote file names, region names and target text from the user's files; Qt's
    message boxes would otherwise guess that ``<b>...`` is markup and render it.
    """
    box = QMessageBox(icon, title, text, QMessageBox.Ok, parent)
    box.setTextFormat(Qt.PlainText)
    box.exec()
