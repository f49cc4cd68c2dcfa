"""A searchable chooser of the province shown: the national view or any of China's 34.

The combo box is editable: typing part of a province's Chinese name, short name, English name,
pinyin, one-character abbreviation or adcode (``安徽``, ``anh``, ``Guangxi``, ``桂``, ``nei``,
``340000``) lists the provinces that contain it, case-insensitively, wherever it occurs.
Choosing one sets ``state.set_province``; the combo follows ``state.province_changed`` and the
language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desktop.i18n import region_choice
from desktop.panels import connect_event
from desktop.state import AppState, all_provinces
from geodata.regions.catalogue import region
from geodata.regions.names import PROVINCE_ALIASES, name_keys
from geodata.vocab import NATIONAL

#: The item role holding every spelling a province is found by (lower case, one per line).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1

#: The one-character abbreviations (简称) of the provincial units, as on number plates.
ABBREVIATIONS: dict[str, str] = {
    "110000": "京",
    "120000": "津",
    "130000": "冀",
    "140000": "晋",
    "150000": "蒙",
    "210000": "辽",
    "220000": "吉",
    "230000": "黑",
    "310000": "沪",
    "320000": "苏",
    "330000": "浙",
    "340000": "皖",
    "350000": "闽",
    "360000": "赣",
    "370000": "鲁",
    "410000": "豫",
    "420000": "鄂",
    "430000": "湘",
    "440000": "粤",
    "450000": "桂",
    "460000": "琼",
    "500000": "渝",
    "510000": "川",
    "520000": "贵",
    "530000": "云",
    "540000": "藏",
    "610000": "陕",
    "620000": "甘",
    "630000": "青",
    "640000": "宁",
    "650000": "新",
    "710000": "台",
    "810000": "港",
    "820000": "澳",
}

#: What the national view is found by, besides its label.
NATIONAL_SPELLINGS = ("china (national view)", "china", "national", "全国", "中国", NATIONAL)


def search_spellings(code: str) -> list[str]:
    """Return every spelling a province is found by, lower case, spaces kept and dropped.

    Parameters
    ----------
    code : str
        A provincial adcode, or :data:`~geodata.vocab.NATIONAL`.

    Returns
    -------
    list of str
        Chinese name with and without its suffix, English name, pinyin and other aliases,
        both names together (as the list shows them), abbreviation and adcode: ``["安徽省",
        "安徽", "anhui", "安徽省 anhui", "安徽省anhui", "anhui 安徽省", "anhui安徽省", "皖",
        "340000"]``.
    """
    if code == NATIONAL:
        return list(NATIONAL_SPELLINGS)
    known = region(code)
    names = [known.name_zh, known.name_en] if known is not None else []
    spellings = [*name_keys(names[0])] if names else []
    labels = (" ".join(names), " ".join(reversed(names))) if names else ()
    for name in (*names[1:], *PROVINCE_ALIASES.get(code, ()), *labels):
        spellings += [name.lower(), name.lower().replace(" ", "")]
    spellings += [ABBREVIATIONS.get(code, ""), code]
    return list(dict.fromkeys(s for s in spellings if s))


class _AnywhereCompleter(QCompleter):
    """Matches the typed text anywhere in a province's spellings; shows and inserts its label."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        """Return the label of a completion (not the spellings it was found by)."""
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class ProvincePicker(QComboBox):
    """An editable, searchable combo box bound to ``state.province``.

    Parameters
    ----------
    state : AppState
        Read (province, language) and written (:meth:`AppState.set_province`).
    parent : QWidget, optional
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setModel(self._build_model())
        self.setCompleter(self._build_completer())
        self.currentIndexChanged.connect(self._on_index)
        self.lineEdit().returnPressed.connect(self._on_return)
        self.lineEdit().editingFinished.connect(self._show_current_name)
        connect_event(self, state.province_changed, lambda _code: self._sync())
        connect_event(self, state.language_changed, lambda _lang: self.retranslate())
        self.retranslate()

    # -- public API ---------------------------------------------------------------------------
    def codes(self) -> list[str]:
        """Return the provinces offered, in order: the national view first."""
        return [self.itemData(i) for i in range(self.count())]

    def matches(self, text: str) -> list[str]:
        """Return the provinces whose spellings contain ``text`` (case-insensitive), in order."""
        needle = text.strip().lower()
        if not needle:
            return []
        return [
            self.itemData(i)
            for i in range(self.count())
            if needle in self.itemData(i, SEARCH_ROLE) or needle in self.itemText(i).lower()
        ]

    def open_search(self) -> None:
        """Focus the picker and list every province, ready to type (View > Choose province).

        The list is the completer's: what is typed next replaces the selected name and narrows
        it down.
        """
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.lineEdit().selectAll()
        completer = self.completer()
        completer.setCompletionPrefix("")
        completer.complete()

    def retranslate(self) -> None:
        """Name the provinces in the state's language (both names, that one first)."""
        language = self.state.language
        with QSignalBlocker(self):
            for i, code in enumerate(self.codes()):
                label = self.tr("China (national view)") if code == NATIONAL else None
                self.setItemText(i, label or region_choice(code, language))
        self.setToolTip(self.tr("Type a province's name, pinyin or adcode"))
        self.lineEdit().setPlaceholderText(self.tr("Search provinces"))
        self._sync()

    # -- internals ----------------------------------------------------------------------------
    def _build_model(self) -> QStandardItemModel:
        model = QStandardItemModel(self)
        for code in (NATIONAL, *all_provinces()):
            item = QStandardItem(code)
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setData("\n".join(search_spellings(code)), SEARCH_ROLE)
            model.appendRow(item)
        return model

    def _build_completer(self) -> QCompleter:
        completer = _AnywhereCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        return completer

    def _sync(self) -> None:
        """Show the state's province (without sending it back)."""
        with QSignalBlocker(self):
            self.setCurrentIndex(max(self.findData(self.state.province), 0))
        self._show_current_name()

    def _show_current_name(self) -> None:
        """Put back the chosen province's name over any unfinished search text."""
        name = self.itemText(self.currentIndex())  # (currentText() is the line edit's text)
        if self.lineEdit().text() != name:
            self.lineEdit().setText(name)

    def _on_index(self, index: int) -> None:
        code = self.itemData(index)
        if code:
            self.state.set_province(code)

    def _on_return(self) -> None:
        """Choose the one province the typed text names (the first of several exact ones)."""
        text = self.lineEdit().text().strip().lower()
        exact = [
            code for code in self.codes() if text in self._spellings(code) or text == code.lower()
        ]
        found = exact or self.matches(text)
        if exact or len(found) == 1:
            self.setCurrentIndex(self.findData(found[0]))
        self._show_current_name()

    def _spellings(self, code: str) -> list[str]:
        index = self.findData(code)
        return [*self.itemData(index, SEARCH_ROLE).split("\n"), self.itemText(index).lower()]

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
