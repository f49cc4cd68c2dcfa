"""The layers panel: map layers, boundary level, metric and classification."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.panels import connect_event
from desktop.state import SCHEMES, AppState

#: Online tile providers the basemap layer can use (xyzservices names).
BASEMAP_PROVIDERS = ("OpenStreetMap.Mapnik", "CartoDB.Positron")


class LayersPanel(QWidget):
    """Check boxes and choices that drive what the map draws.

    Every control writes to the state through its setter; state events update the controls
    with their signals blocked, so nothing is sent back.
    """

    #: The basemap tile provider chosen (an xyzservices name such as ``"CartoDB.Positron"``).
    basemap_provider_changed = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._metrics: list[tuple[str, str, str]] = []
        self.layer_group = QGroupBox(self)
        layer_layout = QVBoxLayout(self.layer_group)
        self.checkboxes: dict[str, QCheckBox] = {}
        for layer, visible in state.layers.items():
            box = QCheckBox(self.layer_group)
            box.setChecked(visible)
            box.toggled.connect(
                lambda checked, name=layer: self.state.set_layer_visible(name, checked)
            )
            layer_layout.addWidget(box)
            self.checkboxes[layer] = box
        self.basemap_combo = QComboBox(self.layer_group)
        for provider in BASEMAP_PROVIDERS:
            self.basemap_combo.addItem("", provider)
        self.basemap_combo.currentIndexChanged.connect(
            lambda _i: self.basemap_provider_changed.emit(self.basemap_provider)
        )
        layer_layout.addWidget(self.basemap_combo)

        self.map_group = QGroupBox(self)
        form = QFormLayout(self.map_group)
        self.level_combo = QComboBox(self.map_group)
        for level in ("province", "city", "county"):
            self.level_combo.addItem("", level)
        self.level_combo.currentIndexChanged.connect(
            lambda _i: self.state.set_level(self.level_combo.currentData())
        )
        self.metric_combo = QComboBox(self.map_group)
        self.metric_combo.currentIndexChanged.connect(self._on_metric)
        self.scheme_combo = QComboBox(self.map_group)
        for scheme in SCHEMES:
            self.scheme_combo.addItem("", scheme)
        self.classes_spin = QSpinBox(self.map_group)
        self.classes_spin.setRange(2, 9)
        self.scheme_combo.currentIndexChanged.connect(self._on_classification)
        self.classes_spin.valueChanged.connect(self._on_classification)
        self.row_labels = [QLabel(self.map_group) for _ in range(4)]
        for label, widget in zip(
            self.row_labels,
            (self.level_combo, self.metric_combo, self.scheme_combo, self.classes_spin),
            strict=True,
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layer_group)
        layout.addWidget(self.map_group)
        layout.addStretch(1)

        connect_event(self, state.layers_changed, self._sync_layers)
        connect_event(self, state.level_changed, self._sync_level)
        connect_event(self, state.province_changed, self._sync_level)
        connect_event(self, state.metric_changed, self._sync_metric)
        connect_event(self, state.classification_changed, self._sync_classification)
        connect_event(self, state.language_changed, lambda _language: self._fill_metrics())
        self._sync_level()
        self._sync_classification()
        self._sync_layers()
        self.retranslate()

    # -- public API ---------------------------------------------------------------------------
    @property
    def basemap_provider(self) -> str:
        """The chosen online basemap provider (xyzservices name)."""
        return str(self.basemap_combo.currentData())

    def set_metrics(self, metrics: list[tuple[str, str, str]]) -> None:
        """Offer these metrics: ``(id, label_en, label_zh)`` each, shown in the state's language."""
        self._metrics = [tuple(m) for m in metrics]  # type: ignore[misc]
        self._fill_metrics()

    def retranslate(self) -> None:
        """Set every label in the current interface language."""
        self.layer_group.setTitle(self.tr("Layers"))
        self.map_group.setTitle(self.tr("Map"))
        labels = {
            "choropleth": self.tr("City choropleth"),
            "roles": self.tr("Shanxi roles"),
            "corridors": self.tr("Corridors (schematic)"),
            "labels": self.tr("Labels"),
            "context": self.tr("Province context"),
            "basemap": self.tr("Online basemap (OpenStreetMap/CartoDB)"),
        }
        for layer, box in self.checkboxes.items():
            box.setText(labels.get(layer, layer))
        if "basemap" in self.checkboxes:
            self.checkboxes["basemap"].setToolTip(
                self.tr("Off by default: the tiles are downloaded from the internet.")
            )
        for combo, texts in (
            (
                self.basemap_combo,
                {
                    "OpenStreetMap.Mapnik": self.tr("OpenStreetMap"),
                    "CartoDB.Positron": self.tr("CartoDB Positron"),
                },
            ),
            (
                self.level_combo,
                {
                    "province": self.tr("Province"),
                    "city": self.tr("City"),
                    "county": self.tr("County"),
                },
            ),
            (
                self.scheme_combo,
                {
                    "natural_breaks": self.tr("Natural breaks"),
                    "quantiles": self.tr("Quantiles"),
                    "equal_interval": self.tr("Equal interval"),
                },
            ),
        ):
            for i in range(combo.count()):
                combo.setItemText(i, texts.get(combo.itemData(i), combo.itemData(i)))
        rows = (
            self.tr("&Level"),
            self.tr("&Metric"),
            self.tr("Cl&assification"),
            self.tr("&Classes"),
        )
        for label, text in zip(self.row_labels, rows, strict=True):
            label.setText(text)
        self.basemap_combo.setToolTip(self.tr("Online basemap provider"))

    # -- internals ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_metrics(self) -> None:
        with QSignalBlocker(self.metric_combo):
            self.metric_combo.clear()
            for metric_id, label_en, label_zh in self._metrics:
                label = label_zh if self.state.language == "zh" else label_en
                self.metric_combo.addItem(label or label_en or metric_id, metric_id)
        self._sync_metric()

    def _on_metric(self, _index: int) -> None:
        metric = self.metric_combo.currentData()
        if metric:
            self.state.set_metric(metric)

    def _on_classification(self, *_: object) -> None:
        self.state.set_classification(self.scheme_combo.currentData(), self.classes_spin.value())

    def _sync_layers(self, *_: object) -> None:
        for layer, box in self.checkboxes.items():
            with QSignalBlocker(box):
                box.setChecked(self.state.layers.get(layer, False))
        self.basemap_combo.setEnabled(self.state.layers.get("basemap", False))

    def _sync_level(self, *_: object) -> None:
        # China ("both") can be shown by province, city or county; a province by city or county.
        national = self.state.province == "both"
        view = self.level_combo.view()
        with QSignalBlocker(self.level_combo):
            view.setRowHidden(self.level_combo.findData("province"), not national)
            self.level_combo.setCurrentIndex(self.level_combo.findData(self.state.level))

    def _sync_metric(self, *_: object) -> None:
        with QSignalBlocker(self.metric_combo):
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(self.state.metric))

    def _sync_classification(self, *_: object) -> None:
        with QSignalBlocker(self.scheme_combo), QSignalBlocker(self.classes_spin):
            self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(self.state.scheme))
            self.classes_spin.setValue(self.state.classes)
