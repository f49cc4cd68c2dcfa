"""The layers panel: the province shown, the map's overlays, level, metric and classification.

The window's one set of layer switches, under a searchable chooser of the province
(:class:`~desktop.panels.province_picker.ProvincePicker`). Each control writes to the state
through its setter; state events update the controls with their signals blocked, so nothing is
sent back. Controls that do not apply are disabled with a tooltip saying why: a province's roles
or corridors where the seed data has none, the classification of a categorical metric, the
level of a province shown at one level only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker
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

from desktop.i18n import region_name
from desktop.panels import connect_event
from desktop.panels.province_picker import ProvincePicker
from desktop.state import CLASS_RANGE, AppState, province_levels
from geodata.plan.provinces import with_corridors, with_roles
from geodata.vocab import BASEMAPS, LEVELS, SCHEMES

#: The overlays only some provinces have, and where to find those provinces.
PROVINCE_OVERLAYS = {"roles": with_roles, "corridors": with_corridors}


class LayersPanel(QWidget):
    """Check boxes and choices that drive what the map draws.

    Parameters
    ----------
    state : AppState
        Read and written through its setters.
    parent : QWidget, optional
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._metrics: list[tuple[str, str, str]] = []
        self._style: dict = {}
        self.province_row = self._build_province_row()
        self.layer_group = self._build_layer_group()
        self.map_group = self._build_map_group()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.province_row)
        layout.addWidget(self.layer_group)
        layout.addWidget(self.map_group)
        layout.addStretch(1)
        for event, sync in (
            (state.overlays_changed, self._sync_overlay_switches),
            (state.basemap_changed, self._sync_overlay_switches),
            (state.level_changed, self._sync_level),
            (state.province_changed, self._on_province),
            (state.metric_changed, self._sync_metric),
            (state.classification_changed, self._sync_classification),
            (state.language_changed, self._on_language),
        ):
            connect_event(self, event, sync)
        self._sync_level()
        self._sync_classification()
        self._sync_overlay_switches()
        self.retranslate()

    def _build_province_row(self) -> QWidget:
        """Return the "Province" row: the searchable province picker and its label."""
        row = QWidget(self)
        form = QFormLayout(row)
        form.setContentsMargins(6, 6, 6, 0)
        self.province_picker = ProvincePicker(self.state, row)
        self.province_label = QLabel(row)
        self.province_label.setBuddy(self.province_picker)
        form.addRow(self.province_label, self.province_picker)
        return row

    def _build_layer_group(self) -> QGroupBox:
        group = QGroupBox(self)
        layout = QVBoxLayout(group)
        self.checkboxes: dict[str, QCheckBox] = {}
        for layer in self.state.overlays:
            box = QCheckBox(group)
            box.toggled.connect(
                lambda checked, name=layer: self.state.set_overlay_visible(name, checked)
            )
            layout.addWidget(box)
            self.checkboxes[layer] = box
        self.basemap_combo = QComboBox(group)
        for provider in BASEMAPS:
            self.basemap_combo.addItem("", provider)
        self.basemap_combo.currentIndexChanged.connect(
            lambda _i: self.state.set_basemap(self.basemap_combo.currentData())
        )
        layout.addWidget(self.basemap_combo)
        return group

    def _build_map_group(self) -> QGroupBox:
        group = QGroupBox(self)
        form = QFormLayout(group)
        self.level_combo = QComboBox(group)
        for level in LEVELS:
            self.level_combo.addItem("", level)
        self.level_combo.currentIndexChanged.connect(
            lambda _i: self.state.set_level(self.level_combo.currentData())
        )
        self.metric_combo = QComboBox(group)
        self.metric_combo.currentIndexChanged.connect(self._on_metric)
        self.scheme_combo = QComboBox(group)
        for scheme in SCHEMES:
            self.scheme_combo.addItem("", scheme)
        self.classes_spin = QSpinBox(group)
        self.classes_spin.setRange(*CLASS_RANGE)
        self.scheme_combo.currentIndexChanged.connect(self._on_classification)
        self.classes_spin.valueChanged.connect(self._on_classification)
        self.row_labels = [QLabel(group) for _ in range(4)]
        for label, widget in zip(
            self.row_labels,
            (self.level_combo, self.metric_combo, self.scheme_combo, self.classes_spin),
            strict=True,
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        #: Why fewer classes are drawn than asked (hidden when all are).
        self.classes_note = QLabel(group)
        self.classes_note.setWordWrap(True)
        self.classes_note.hide()
        form.addRow(self.classes_note)
        return group

    # -- public API ---------------------------------------------------------------------------
    def set_metrics(self, metrics: list[tuple[str, str, str]]) -> None:
        """Offer these metrics: ``(id, label_en, label_zh)`` each, shown in the state's language."""
        self._metrics = [tuple(m) for m in metrics]  # type: ignore[misc]
        self._fill_metrics()

    def show_style(self, style: dict) -> None:
        """Show what the map draws: ``kind``, and a numeric style's ``note`` (``{zh, en}``).

        A categorical metric (one colour per category) has no classification to choose.
        """
        self._style = dict(style)
        self._sync_style()

    def retranslate(self) -> None:
        """Set every label in the current interface language."""
        self.province_label.setText(self.tr("&Province"))
        self.layer_group.setTitle(self.tr("Shown on the map"))
        self.map_group.setTitle(self.tr("Map"))
        labels = {
            "choropleth": self.tr("Choropleth"),
            "roles": self.tr("City roles"),
            "corridors": self.tr("Corridors (schematic)"),
            "labels": self.tr("Labels"),
            "context": self.tr("Province context"),
            "basemap": self.tr("Online basemap (OpenStreetMap/CartoDB)"),
        }
        for layer, box in self.checkboxes.items():
            box.setText(labels.get(layer, layer))
        self._set_item_texts()
        rows = (
            self.tr("&Level"),
            self.tr("&Metric"),
            self.tr("Cl&assification"),
            self.tr("&Classes"),
        )
        for label, text in zip(self.row_labels, rows, strict=True):
            label.setText(text)
        self.checkboxes["basemap"].setToolTip(
            self.tr("Off by default: the tiles are downloaded from the internet.")
        )
        self.basemap_combo.setToolTip(self.tr("Online basemap provider"))
        self._sync_overlay_availability()
        self._sync_style()

    # -- internals ----------------------------------------------------------------------------
    def _set_item_texts(self) -> None:
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

    def _on_province(self, *_: object) -> None:
        self._sync_level()
        self._sync_overlay_availability()

    def _on_language(self, *_: object) -> None:
        self._fill_metrics()
        self._sync_overlay_availability()
        self._sync_style()

    def _sync_overlay_switches(self, *_: object) -> None:
        for layer, box in self.checkboxes.items():
            with QSignalBlocker(box):
                box.setChecked(self.state.overlays.get(layer, False))
        with QSignalBlocker(self.basemap_combo):
            self.basemap_combo.setCurrentIndex(self.basemap_combo.findData(self.state.basemap))
        self.basemap_combo.setEnabled(self.state.overlays.get("basemap", False))

    def _sync_overlay_availability(self) -> None:
        """Enable roles and corridors where the province shown has them (in China: any)."""
        state = self.state
        name = region_name(state.province, state.language)
        why = {
            "roles": self.tr("{0} has no city roles in the plan data").format(name),
            "corridors": self.tr("{0} has no corridors in the plan data").format(name),
        }
        for layer, provinces in PROVINCE_OVERLAYS.items():
            found = provinces()
            available = bool(found) if state.national else state.province in found
            self.checkboxes[layer].setEnabled(available)
            self.checkboxes[layer].setToolTip("" if available else why[layer])

    def _sync_style(self) -> None:
        """Disable the classification of a categorical metric; show why classes are fewer."""
        numeric = self._style.get("kind") != "categorical"
        fixed = self._style.get("scheme") == "fixed"  # % of target: the same classes everywhere
        tip = "" if numeric else self.tr("Each category has its own colour: nothing to classify")
        if fixed:
            tip = self.tr("Fixed classes: a colour means the same share of the target on every map")
        for widget in (self.scheme_combo, self.classes_spin, *self.row_labels[2:]):
            widget.setEnabled(numeric and not fixed)
            widget.setToolTip(tip)
        note = (self._style.get("note") or {}).get(self.state.language, "") if numeric else ""
        self.classes_note.setText(note)
        self.classes_note.setVisible(bool(note))

    def _sync_level(self, *_: object) -> None:
        # China can be shown by province, city or county; a province by city or county (Taiwan,
        # one region at both, by city only): see desktop.state.province_levels.
        view = self.level_combo.view()
        offered = province_levels(self.state.province)
        with QSignalBlocker(self.level_combo):
            for i in range(self.level_combo.count()):
                view.setRowHidden(i, self.level_combo.itemData(i) not in offered)
            self.level_combo.setCurrentIndex(self.level_combo.findData(self.state.level))
        self.level_combo.setEnabled(len(offered) > 1)

    def _sync_metric(self, *_: object) -> None:
        with QSignalBlocker(self.metric_combo):
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(self.state.metric))

    def _sync_classification(self, *_: object) -> None:
        with QSignalBlocker(self.scheme_combo), QSignalBlocker(self.classes_spin):
            self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(self.state.scheme))
            self.classes_spin.setValue(self.state.classes)
