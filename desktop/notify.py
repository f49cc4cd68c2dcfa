"""The one path by which errors and messages reach the user.

The engine's sentences (errors, warnings, what a repair did) are English, as the command line
prints them; :func:`in_language` gives them in the window's language
(:func:`geodata.messages.message`), and :meth:`Notifier.info` and :meth:`Notifier.error` show
them so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from desktop.i18n import current_language
from geodata.messages import message as engine_message
from geodata.paths import append_log

_logger = logging.getLogger("infra_atlas")


def in_language(text: object, language: str | None = None) -> str:
    """Return an engine sentence (or error) in the window's language.

    Parameters
    ----------
    text : str, Sentence or Exception
        What the engine said; a sentence no entry of :mod:`geodata.i18n` knows stays as it is.
    language : {"zh", "en"}, optional
        The language installed (:func:`desktop.i18n.current_language`) by default.
    """
    return engine_message(text, language or current_language())


def in_language_line(text: object, language: str | None = None) -> str:
    """Return an engine sentence in the window's language, as one line with a capital first.

    For the window's bars: engine sentences start lower-case (the CLI prints them after
    ``error: ``) and may be wrapped over several lines.
    """
    line = " ".join(in_language(text, language).split())
    return line[:1].upper() + line[1:]


def log_unexpected(details: str) -> str:
    """Append a traceback to the log file in the data directory and return the file's path.

    Never fails: when the log cannot be written (a folder in its place, a read-only data
    folder) the details go to the process's log only, and the text returned says so.
    """
    _logger.error(details)
    path = append_log(details)
    if path is None:
        return QCoreApplication.translate(
            "Notifier", "the standard error output (the log file could not be written)"
        )
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
        """Show a message in the status bar (an engine sentence in the window's language)."""
        self.status.showMessage(in_language(message), timeout_ms)

    def error(self, message: str | BaseException, expected: bool = True) -> None:
        """Report a failure: a user error in the window's language, a bug as "logged to <file>".

        ``message`` may be the error itself, whose key gives the sentence in the window's
        language.
        """
        if expected:
            message = in_language(message)
        else:
            message = str(message)
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
