"""The boundary layer shown: the active imported version, else the bundled one.

The active version is chosen per (province, level) in :mod:`geodata.boundaries.store`
(``infra-atlas layers --activate``); without one the bundled boundaries (version 0,
:mod:`geodata.boundaries.bundled`) are shown. An active version that cannot be read is not
shown either, nor is anything when ``active.json`` is damaged: the bundled layer is, with a
warning naming the file and the fix (:meth:`~geodata.boundaries.store.BoundaryStore.repair`).
"""

from __future__ import annotations

from collections.abc import Callable

from geodata.boundaries.bundled import bundled_layer, national_bundled_layer
from geodata.boundaries.pgstore import boundary_store
from geodata.boundaries.store import BUNDLED
from geodata.errors import InputError
from geodata.layer import Layer
from geodata.vocab import LEVELS


def load_layer(level: str, province: object | None = None) -> Layer:
    """Return the active boundary layer in WGS-84: an imported version, or the bundled one.

    Parameters, return value and errors are those of
    :func:`geodata.boundaries.bundled.bundled_layer`.
    """
    bundled = bundled_layer(level, province)
    return _active_or(level, bundled.province, lambda: bundled)


def national_layer(level: str) -> Layer:
    """Return the active national layer of a level: all of China's provinces, cities or counties.

    An imported national version (``infra-atlas import-boundaries`` of a file whose regions span
    the country) is used when active; otherwise the bundled regions, which for counties means
    reading about 2,900 files once (several seconds).

    Raises
    ------
    InputError
        For an unknown level.
    """
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    return _active_or(level, None, lambda: national_bundled_layer(level))


def provinces() -> Layer:
    """Return all of China's provinces (the national context layer)."""
    return load_layer("province")


def cities(province: object) -> Layer:
    """Return the prefecture cities of a province."""
    return load_layer("city", province)


def counties(province: object) -> Layer:
    """Return the counties and districts of a province."""
    return load_layer("county", province)


def _active_or(level: str, province: str | None, bundled: Callable[[], Layer]) -> Layer:
    """Return the active imported layer, else the bundled one.

    A damaged version, ``active.json`` or entry of it never stops the app: the bundled layer
    is returned with a warning naming the file and the fix.
    """
    store = boundary_store()
    try:
        version = store.active_version(level, province)
        imported = None if version == BUNDLED else store.load(version)
    except InputError as exc:  # a damaged or missing version: the bundled layer stands in
        store.warnings.append(str(exc))
        imported = None
    if imported is not None:
        return imported
    layer = bundled()
    layer.warnings.extend(w for w in store.warnings if w not in layer.warnings)
    return layer
