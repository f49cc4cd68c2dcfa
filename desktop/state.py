"""The application state: a small Qt-free model that panels watch.

Widgets take the state in ``__init__`` and connect to its events; changing a value through a
setter emits the matching event once (and nothing when the value is unchanged). Tests can drive
it without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PROVINCES = {"140000": "shanxi", "330000": "zhejiang"}
#: ``both`` shows the national province layer with Shanxi and Zhejiang emphasised.
PROVINCE_CHOICES = ("140000", "330000", "both")
LEVELS = ("province", "city", "county")
SCHEMES = ("natural_breaks", "quantiles", "equal_interval")
DEFAULT_LAYERS = {
    "choropleth": True,
    "roles": True,
    "corridors": True,
    "labels": True,
    "context": True,
    "basemap": False,
}


class Event:
    """A list of callbacks called with the new value."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        """Call ``callback`` whenever the event is emitted."""
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        """Stop calling ``callback``."""
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        """Call every connected callback."""
        for callback in list(self._callbacks):
            callback(*args)


@dataclass
class AppState:
    """What the user is looking at.

    Attributes
    ----------
    province : str
        ``"140000"``, ``"330000"`` or ``"both"``.
    level : str
        ``"city"`` or ``"county"`` for a province; ``"province"``, ``"city"`` or ``"county"``
        (national layers) when ``province`` is both.
    metric : str
        Id of the choropleth metric (see :mod:`geodata.plan.metrics`).
    scheme : str
        Classification scheme for numeric metrics.
    classes : int
        Number of classes.
    language : str
        ``"zh"`` or ``"en"`` (interface and map labels).
    selected_region : str or None
        Adcode of the selected region.
    selected_target : str or None
        Id of the selected target.
    layers : dict
        Visibility of each map layer.
    """

    province: str = "140000"
    level: str = "city"
    metric: str = "plan_items"
    scheme: str = "natural_breaks"
    classes: int = 4
    language: str = "zh"
    selected_region: str | None = None
    selected_target: str | None = None
    layers: dict[str, bool] = field(default_factory=lambda: dict(DEFAULT_LAYERS))

    def __post_init__(self) -> None:
        self.province_changed = Event()
        self.level_changed = Event()
        self.metric_changed = Event()
        self.classification_changed = Event()
        self.language_changed = Event()
        self.region_selected = Event()
        self.target_selected = Event()
        self.layers_changed = Event()
        self.targets_changed = Event()

    def set_province(self, province: str) -> None:
        """Switch province (``"140000"``, ``"330000"`` or ``"both"``); clears the selection."""
        if province not in PROVINCE_CHOICES:
            raise ValueError(f"unknown province {province!r}: use one of {PROVINCE_CHOICES}")
        if province == self.province:
            return
        self.province = province
        self.level = (
            "province"
            if province == "both"
            else ("city" if self.level == "province" else self.level)
        )
        self.selected_region = None
        self.selected_target = None
        self.province_changed.emit(province)

    def set_level(self, level: str) -> None:
        """Show the province (China only), city or county layer of the current choice."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}: use one of {LEVELS}")
        if level == "province" and self.province != "both":
            raise ValueError("the province level is shown for China (both provinces) only")
        if level != self.level:
            self.level = level
            self.selected_region = None
            self.level_changed.emit(level)

    def set_metric(self, metric: str) -> None:
        """Choose the choropleth metric."""
        if metric != self.metric:
            self.metric = metric
            self.metric_changed.emit(metric)

    def set_classification(self, scheme: str, classes: int) -> None:
        """Choose the classification scheme and the number of classes."""
        if scheme not in SCHEMES:
            raise ValueError(f"unknown scheme {scheme!r}: use one of {SCHEMES}")
        if not 2 <= classes <= 9:
            raise ValueError("use between 2 and 9 classes")
        if (scheme, classes) != (self.scheme, self.classes):
            self.scheme, self.classes = scheme, classes
            self.classification_changed.emit(scheme, classes)

    def set_language(self, language: str) -> None:
        """Switch the interface and map labels to ``"zh"`` or ``"en"``."""
        if language not in ("zh", "en"):
            raise ValueError("language must be zh or en")
        if language != self.language:
            self.language = language
            self.language_changed.emit(language)

    def select_region(self, adcode: str | None) -> None:
        """Select a region (None clears the selection)."""
        if adcode != self.selected_region:
            self.selected_region = adcode
            self.region_selected.emit(adcode)

    def select_target(self, target_id: str | None) -> None:
        """Select a target (None clears the selection)."""
        if target_id != self.selected_target:
            self.selected_target = target_id
            self.target_selected.emit(target_id)

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide one map layer."""
        if layer not in self.layers:
            raise ValueError(f"unknown layer {layer!r}")
        if self.layers[layer] != visible:
            self.layers[layer] = visible
            self.layers_changed.emit(layer, visible)
