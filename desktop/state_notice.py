"""The bar above the map that says what is wrong with the data folder and offers the repair.

It shows the sentences of :func:`geodata.paths.home_problem` (a read-only or full data folder)
and :func:`geodata.housekeeping.state_problems` (damaged boundary versions, ``active.json``,
plans), each naming the file and the fix. Its Repair button runs
:func:`geodata.housekeeping.repair_state`, the engine function behind ``infra-atlas layers
--repair``, off the GUI thread. Hidden while nothing is wrong. The engine's sentences are
shown in the window's language (:func:`desktop.notify.in_language`), again when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.notify import in_language_line
from desktop.workers import Worker, run_worker
from geodata.housekeeping import repair_state, state_problems
from geodata.paths import home_problem


class StateNotice(QFrame):
    """A bar listing what is wrong with the data folder, with Repair and Close buttons.

    Signals
    -------
    repaired(list)
        The repair ran; the sentences of what it did (the window reloads its data).

    Attributes
    ----------
    problems : list of str
        The sentences shown, in the window's language (empty while hidden).
    said : list of str
        The same sentences as the engine said them (English, as the command line prints them).
    """

    repaired = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("state_notice")
        self.setStyleSheet(
            "#state_notice { background: #fff4ce; border-bottom: 1px solid #d8b84a; }"
        )
        self.problems: list[str] = []
        self.said: list[str] = []
        self._workers: set[Worker] = set()
        self._repaired = False
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.PlainText)  # file names from the user's disk
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.repair_button = QPushButton(self)
        self.repair_button.clicked.connect(self.repair)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.repair_button, 0, Qt.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.retranslate()
        self.hide()

    def check(self) -> list[str]:
        """Look at the data folder again and show what is wrong (hide when nothing is).

        Returns
        -------
        list of str
            The sentences shown.
        """
        self._repaired = False
        self.show_problems(state_problems(), home_problem())
        return self.problems

    def show_problems(self, damaged: list[str], unwritable: str | None = None) -> None:
        """Show damaged state (repairable) and an unwritable data folder (not repairable)."""
        self.said = ([unwritable] if unwritable else []) + list(damaged)
        self.repair_button.setVisible(bool(damaged))
        self.repair_button.setEnabled(True)
        self.retranslate()
        self.setVisible(bool(self.problems))

    def repair(self) -> None:
        """Run the repair off the GUI thread; show what it did."""
        self.repair_button.setEnabled(False)
        worker = Worker(repair_state)
        run_worker(self._workers, worker, self._on_repaired, self._on_failed, owner=self)

    def _on_repaired(self, done: list[str]) -> None:
        self.check()
        self._repaired = True
        if not self.problems:  # say what was done until the user closes the bar
            self.said = list(done)
            self.repair_button.hide()
            self.retranslate()
            self.setVisible(bool(self.problems))
        self.repaired.emit(list(done))

    def _on_failed(self, message: str, expected: bool) -> None:
        self.repair_button.setEnabled(True)
        last = message.strip().splitlines()[-1] if message.strip() else ""
        self.said = [last if not expected else message] + self.said
        self._show_sentences()
        self.show()

    def _show_sentences(self) -> None:
        """Show :attr:`said` in the window's language (as :attr:`problems`)."""
        self.problems = [in_language_line(p) for p in self.said]
        self.text.setText("\n".join(f"• {p}" for p in self.problems))

    def retranslate(self) -> None:
        """Set the bar's texts and the engine's sentences in the current language."""
        self._show_sentences()
        if self._repaired:
            self.title.setText(self.tr("The data folder was repaired:"))
        else:
            self.title.setText(self.tr("Infra Atlas found a problem with its data folder:"))
        self.repair_button.setText(self.tr("&Repair"))
        self.repair_button.setToolTip(
            self.tr(
                "Set damaged boundary versions and plans aside (nothing is deleted) and rewrite "
                "the damaged lists; the bundled boundaries stand in (infra-atlas layers --repair)"
            )
        )
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def above(notice: QWidget, widget: QWidget) -> QWidget:
    """Return a widget holding ``notice`` above ``widget`` (the window's central widget)."""
    holder = QWidget(widget.parentWidget())
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(notice)
    layout.addWidget(widget, 1)
    return holder
