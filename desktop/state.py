"""The application state: a small Qt-free model that the panels and the map controller watch.

Widgets take the state in ``__init__`` and connect to its events; changing a value through a
setter emits the matching event once (and nothing when the value is unchanged). Nothing assigns
an attribute directly. Tests can drive it without Qt.

The choices come from the engine: any of China's 34 provincial units of the region catalogue
(:func:`all_provinces`) or the national view (:data:`geodata.vocab.NATIONAL`), the seed
manifest's provinces first among them (:func:`province_choices`, the menu's shortcuts), the
levels, schemes, overlays and basemaps from :mod:`geodata.vocab`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from geodata.drawing import MapOptions
from geodata.plan.provinces import FALLBACK_METRIC, featured
from geodata.regions.catalogue import catalogue, national_index
from geodata.vocab import BASEMAPS, LANGUAGES, LEVELS, NATIONAL, OVERLAYS, SCHEMES

#: The number of classes a numeric metric may be drawn with.
CLASS_RANGE = (2, 9)


def province_choices() -> tuple[str, ...]:
    """Return the menu's shortcuts: the seed plans' provinces, then the national view."""
    return (*featured(), NATIONAL)


def all_provinces() -> tuple[str, ...]:
    """Return the adcodes of China's 34 provincial units, in the catalogue's (adcode) order.

    Any of them can be shown; the national view is not among them.
    """
    return tuple(national_index("province").by_code)


def _regions_at(province: str, level: str) -> set[str]:
    """Return the adcodes of the catalogue's regions of one level in a province."""
    return {r.adcode for r in catalogue() if r.level == level and r.province == province}


def province_levels(province: str) -> tuple[str, ...]:
    """Return the levels a province (or the national view) can be shown at.

    The national view: province, city and county. A province: city and county, but only the
    city level where the county level is that one region again (Taiwan in the bundled data).
    """
    if province == NATIONAL:
        return LEVELS
    counties = _regions_at(province, "county")
    if not counties or counties <= _regions_at(province, "city"):
        return ("city",)
    return ("city", "county")


def default_level(province: str) -> str:
    """Return the level a province opens at.

    The national view opens by province. A municipality (Beijing, Tianjin, Shanghai,
    Chongqing) or a special administrative region (Hong Kong, Macao) is one region at the city
    level, so it opens by district (its county level); any other province opens by city.
    """
    if province == NATIONAL:
        return "province"
    levels = province_levels(province)
    if len(_regions_at(province, "city")) <= 1 and "county" in levels:
        return "county"
    return levels[0]


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
        Adcode of a province of :func:`all_provinces`, or :data:`~geodata.vocab.NATIONAL`.
    level : str
        One of the province's :func:`province_levels`: ``"city"`` or ``"county"`` for a
        province; ``"province"``, ``"city"`` or ``"county"`` (national layers) for the national
        view.
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
    overlays : dict
        Visibility of each map overlay (:data:`~geodata.vocab.OVERLAYS`).
    basemap : str
        The online basemap's tile provider (:data:`~geodata.vocab.BASEMAPS`), drawn while the
        ``basemap`` overlay is on.
    """

    province: str = field(default_factory=lambda: featured()[0])
    level: str = "city"
    metric: str = FALLBACK_METRIC
    scheme: str = SCHEMES[0]
    classes: int = 4
    language: str = LANGUAGES[0]
    selected_region: str | None = None
    selected_target: str | None = None
    overlays: dict[str, bool] = field(default_factory=lambda: dict(OVERLAYS))
    basemap: str = BASEMAPS[0]

    def __post_init__(self) -> None:
        self.province_changed = Event()
        self.level_changed = Event()
        self.metric_changed = Event()
        self.classification_changed = Event()
        self.language_changed = Event()
        self.region_selected = Event()
        self.target_selected = Event()
        self.overlays_changed = Event()
        self.basemap_changed = Event()

    @property
    def national(self) -> bool:
        """Whether the national view is shown (China by province, city or county)."""
        return self.province == NATIONAL

    def map_options(self) -> MapOptions:
        """Return how the map of this state is drawn (no kept view: the map keeps its own)."""
        return MapOptions(
            language=self.language,
            metric=self.metric,
            scheme=self.scheme,
            classes=self.classes,
            overlays=dict(self.overlays),
            basemap=self.basemap,
            selected=self.selected_region,
        )

    def set_province(self, province: str) -> None:
        """Switch province (or to the national view); clears the selection.

        The national view opens by province, a municipality or special administrative region
        by district (:func:`default_level`). Any other province keeps the level the user chose;
        a level that was only the last province's own default (a municipality's districts)
        gives way to the new province's default, as does a level it lacks.

        Raises
        ------
        ValueError
            When ``province`` is neither a provincial adcode of the catalogue nor the national
            view.
        """
        if province != NATIONAL and province not in all_provinces():
            raise ValueError(
                f"unknown province {province!r}: use one of the 34 provincial adcodes "
                f"(such as {', '.join(featured())}) or {NATIONAL!r} for the national view"
            )
        if province == self.province:
            return
        self.level = self._level_for(province)
        self.province = province
        self.selected_region = None
        self.selected_target = None
        self.province_changed.emit(province)

    def _level_for(self, province: str) -> str:
        """Return the level ``province`` is shown at when the user switches to it."""
        default = default_level(province)
        if province == NATIONAL or default != "city":
            return default
        chosen = self.province == NATIONAL or self.level != default_level(self.province)
        return self.level if chosen and self.level in province_levels(province) else default

    def set_level(self, level: str) -> None:
        """Show the province (national view only), city or county layer of the current choice."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}: use one of {LEVELS}")
        if level == "province" and not self.national:
            raise ValueError("the province level is shown in the national view only")
        if level not in province_levels(self.province):
            raise ValueError(f"{self.province} has no {level} level of its own")
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
        low, high = CLASS_RANGE
        if not low <= classes <= high:
            raise ValueError(f"use between {low} and {high} classes")
        if (scheme, classes) != (self.scheme, self.classes):
            self.scheme, self.classes = scheme, classes
            self.classification_changed.emit(scheme, classes)

    def set_language(self, language: str) -> None:
        """Switch the interface and map labels to ``"zh"`` or ``"en"``."""
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")
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

    def set_overlay_visible(self, overlay: str, visible: bool) -> None:
        """Show or hide one map overlay (see :data:`~geodata.vocab.OVERLAYS`)."""
        if overlay not in self.overlays:
            raise ValueError(f"unknown overlay {overlay!r}: use one of {tuple(self.overlays)}")
        if self.overlays[overlay] != visible:
            self.overlays[overlay] = visible
            self.overlays_changed.emit(overlay, visible)

    def set_basemap(self, provider: str) -> None:
        """Choose the online basemap's tile provider (an xyzservices name)."""
        if provider not in BASEMAPS:
            raise ValueError(f"unknown basemap {provider!r}: use one of {BASEMAPS}")
        if provider != self.basemap:
            self.basemap = provider
            self.basemap_changed.emit(provider)
