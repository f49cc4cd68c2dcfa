"""Dock panels of the main window: one panel per module, each built on the shared AppState.

* :class:`~desktop.panels.targets.TargetsPanel`: filterable table of plan targets.
* :class:`~desktop.panels.region.RegionPanel`: role, targets and corridors of a region.
* :class:`~desktop.panels.layers.LayersPanel`: map layers, level, metric and classification.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject

from desktop.state import Event


def connect_event(owner: QObject, event: Event, callback: Callable[..., Any]) -> None:
    """Connect a state event to a widget's callback for as long as the widget lives.

    The callback is disconnected when Qt destroys ``owner``, so a closed panel is never called
    by a state that outlives it.

    Parameters
    ----------
    owner : QObject
        The widget the callback belongs to.
    event : Event
        An :class:`~desktop.state.AppState` event.
    callback : callable
        Called with the event's values.
    """
    event.connect(callback)

    def _disconnect(*_: object) -> None:
        with suppress(ValueError):  # the owner disconnected it already
            event.disconnect(callback)

    owner.destroyed.connect(_disconnect)
