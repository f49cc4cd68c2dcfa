"""The plan document a target comes from, with the target's quote highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from geodata.errors import InputError
from geodata.plan.documents import Document, document, quote_span

HIGHLIGHT = QColor("#ffeb3b")


def _utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units (how Qt counts positions)."""
    return len(text.encode("utf-16-le")) // 2


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class DocumentDialog(QDialog):
    """Read-only view of a plan document with one quote highlighted and scrolled into view.

    Parameters
    ----------
    file : str
        Seed file name of the document (a target's ``source``).
    quote : str
        The verbatim quote to highlight; when it is empty or not in the document, the document
        is shown with a note saying so.
    parent : QWidget, optional
    """

    def __init__(self, file: str, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.quote = quote
        self.doc: Document | None = None
        self._span: tuple[int, int] | None = None  # Qt positions of the highlight
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.browser = QTextBrowser(self)
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)
        self.retranslate()

    # -- public API ---------------------------------------------------------------------------
    def highlighted_text(self) -> str:
        """Return the highlighted text ("" when nothing is highlighted)."""
        if self._span is None:
            return ""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._span[0])
        cursor.setPosition(self._span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def retranslate(self) -> None:
        """Show the document again with its header and note in the current interface language."""
        self._load()
        title = self.doc.title if self.doc else self.file
        self.setWindowTitle(self.tr("Plan document: {title}").format(title=title))
        note = ""
        if self.doc is None:
            note = self.tr("No plan document named {file} is in the manifest.").format(
                file=self.file
            )
        elif self._span is None and self.quote.strip():
            note = self.tr("The quote is not in this document verbatim: nothing is highlighted.")
        elif self._span is None:
            note = self.tr("No quote to highlight.")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    # -- internals ----------------------------------------------------------------------------
    def _header(self, doc: Document) -> list[tuple[str, bool]]:
        date = doc.date or self.tr("no date given")
        return [
            (doc.title, True),
            (self.tr("Publisher: {publisher}").format(publisher=doc.publisher), False),
            (self.tr("Date: {date}").format(date=date), False),
            (self.tr("File: {file}").format(file=doc.file), False),
            ("", False),
        ]

    def _load(self) -> None:
        self._span = None
        try:
            self.doc = document(self.file)
            text = self.doc.text()
        except (InputError, OSError):
            self.doc, text = None, ""
        header = self._header(self.doc) if self.doc else []
        prefix = "".join(line + "\n" for line, _bold in header)
        self.browser.setPlainText(prefix + _normalise(text))
        cursor = QTextCursor(self.browser.document())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        for _line, is_bold in header:
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            if is_bold:
                cursor.mergeCharFormat(bold)
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        if self.doc is None or not self.quote.strip():
            return
        try:
            start, end = quote_span(self.file, self.quote)
        except InputError:
            return
        offset = _utf16_len(prefix)
        first = offset + _utf16_len(_normalise(text[:start]))
        last = offset + _utf16_len(_normalise(text[:end]))
        self._span = (first, last)
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextCharFormat()
        mark.setBackground(HIGHLIGHT)
        mark.setForeground(QColor("black"))
        cursor.mergeCharFormat(mark)
        self._scroll_to_quote()

    def _scroll_to_quote(self) -> None:
        if self._span is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._span[1])
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        cursor.setPosition(self._span[0])
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        # Put the quote a third of the way down the view rather than at its bottom edge.
        bar = self.browser.verticalScrollBar()
        top = self.browser.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.browser.viewport().height() // 3)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102, N802
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_to_quote)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
