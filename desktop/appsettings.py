"""Where the app keeps its settings (kept apart so that start-up imports little)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from geodata.paths import data_home


def settings() -> QSettings:
    """Return the app's settings, kept in the user data directory (``$INFRA_ATLAS_HOME``)."""
    return QSettings(str(data_home() / "settings.ini"), QSettings.IniFormat)
