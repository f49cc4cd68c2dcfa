"""A toolbar chooser of the regions on the map: selecting one here selects it on the map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.panels import connect_event
from desktop.state import AppState


class RegionPicker(QWidget):
    """A "Region:" combo box bound to ``state.selected_region``.

    Parameters
    ----------
    state : AppState
        The application state (selection and language are read from it).
    parent : QWidget, optional
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._regions: list[tuple[str, str, str]] = []
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._on_index)
        connect_event(self, state.region_selected, self._sync)
        connect_event(self, state.language_changed, lambda _lang: self._fill())
        self.retranslate()

    def set_regions(self, regions: list[tuple[str, str, str]]) -> None:
        """Offer these regions: ``(adcode, name_zh, name_en)`` each."""
        self._regions = list(regions)
        self._fill()

    def _fill(self) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(self.tr("(none)"), None)
            for adcode, name_zh, name_en in self._regions:
                name = name_zh if self.state.language == "zh" else (name_en or name_zh)
                self.combo.addItem(f"{name} ({adcode})", adcode)
        self._sync(self.state.selected_region)

    def _sync(self, adcode: str | None) -> None:
        index = self.combo.findData(adcode) if adcode else 0
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(index, 0))

    def _on_index(self, index: int) -> None:
        self.state.select_region(self.combo.itemData(index))

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.label.setText(self.tr("Region:"))
        if self.combo.count():
            self.combo.setItemText(0, self.tr("(none)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
